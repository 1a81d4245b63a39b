"""Paragraphs for speed measurements: synthetic ones, and real news read at run time.

Paragraphs are made by recombining, with a fixed seed, the sentences of framing's own
bundled example corpus (fictional articles written by the project): each paragraph
takes 2 to 5 random sentences (about 60 to 110 words), so quotes, attributions,
loaded words and target mentions occur at the rates of real news-style prose.
:func:`ptc_documents` reads the PTC news articles from ``../shared`` when present.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import framing
from framing.segment import split_sentences


def sentence_pool() -> list[str]:
    pool: list[str] = []
    with open(framing.example_corpus_path(), encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for para in text.split("\n"):
                pool.extend(para[s:e] for s, e in split_sentences(para))
    return pool


def paragraphs(n: int, seed: int = 42) -> list[str]:
    """``n`` synthetic paragraphs (deterministic for a seed)."""
    rng = random.Random(seed)
    pool = sentence_pool()
    return [" ".join(rng.choice(pool) for _ in range(rng.randint(2, 5))) for _ in range(n)]


def documents(n_paragraphs: int, per_doc: int = 8, seed: int = 42) -> list[dict[str, str]]:
    """Documents of ``per_doc`` paragraphs each, with three fictional outlets."""
    paras = paragraphs(n_paragraphs, seed)
    outlets = ["The Northern Ledger", "Ostrenia Today", "Global Wire"]
    return [
        {"id": f"d{i}", "outlet": outlets[i % 3], "text": "\n".join(paras[j : j + per_doc])}
        for i, j in enumerate(range(0, len(paras), per_doc))
    ]


#: The PTC news articles (SemEval-2020 Task 11) in ``../shared``, read at run time only.
PTC = Path(__file__).resolve().parents[2] / "shared" / "data" / "ptc" / "articles"


def ptc_documents() -> list[dict[str, str]]:
    """The PTC articles as documents, one paragraph per non-blank line (read at run time,
    never copied). Exits with a message when ``../shared/data/ptc`` is absent."""
    if not PTC.is_dir():
        raise SystemExit(f"this benchmark needs the PTC articles in {PTC}")
    docs = []
    for path in sorted(PTC.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        docs.append({"id": path.stem, "text": "\n".join(ln for ln in lines if ln)})
    return docs


#: PolNeAR's training articles in ``../shared``: other news text to warm caches with.
POLNEAR_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train"


def warmup_documents(limit: int = 400) -> list[dict[str, str]]:
    """News text that the timed text does not contain, to run once before timing.

    framing keeps per-word caches (lexicon look-ups, hashed feature keys) and a few
    caches keyed by longer strings (the cue classifier's context groups, parsed speaker
    names). Timing a second pass over the same text would hit all of them and flatter
    framing; timing the first pass of a fresh process would charge it the loading of
    lexicons and a cold vocabulary, which a long corpus run pays once. So the
    benchmarks first score these documents (PolNeAR's training articles, read at run
    time from ``../shared``; else synthetic paragraphs with another seed), then time
    text seen for the first time. Scorers, models and lexicons are loaded by then.
    """
    folder = POLNEAR_TRAIN / "text"
    if not folder.is_dir():
        return documents(2000, seed=7)
    docs = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        docs.append({"id": f"warm-{path.stem}", "text": "\n".join(ln for ln in lines if ln)})
    return docs


def disjoint_parts(docs: list[dict[str, str]], parts: int = 3) -> list[list[dict[str, str]]]:
    """``docs`` dealt into ``parts`` disjoint sets (document ``i`` goes to set
    ``i % parts``), each to be timed once, on first sight."""
    return [docs[k::parts] for k in range(parts)]

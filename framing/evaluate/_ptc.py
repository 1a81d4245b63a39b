"""PTC (SemEval-2020 Task 11): span-overlap scores for ``Loaded_Language`` and
``Name_Calling,Labeling``.

The corpus (no licence stated; evaluation only) is read at run time from a folder
with ``articles/article<ID>.txt`` and ``labels.tsv`` (article id, technique, start,
end). Predicted spans are runs of adjacent loaded tokens; a predicted span counts
when it shares at least one character with a gold span (one-to-one matching).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import InputError
from ..lexicon import EPISTEMIC_CATEGORIES, vader_lexicon
from ..loaded._features import analyse_text
from ._metrics import match_spans, prf

__all__ = ["PTC_TECHNIQUES", "evaluate_ptc", "line_spans", "merge_adjacent", "read_ptc", "systems"]

PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
Span = tuple[int, int]


def read_ptc(path: str | os.PathLike[str]) -> dict[str, tuple[str, list[Span]]]:
    """Article id -> (text, gold spans of the loaded-language techniques)."""
    root = Path(path)
    labels = root / "labels.tsv"
    arts = root / "articles"
    if not labels.is_file() or not arts.is_dir():
        raise InputError(f"{root}: not a PTC folder (needs labels.tsv and articles/)")
    gold: dict[str, list[Span]] = {}
    for no, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("\t")
        if len(parts) != 4:
            raise InputError(f"{labels}:{no}: expected 4 tab-separated fields")
        art, tech, start, end = parts
        if tech in PTC_TECHNIQUES:
            gold.setdefault(art, []).append((int(start), int(end)))
    out = {}
    for p in sorted(arts.glob("article*.txt")):
        art = p.stem.removeprefix("article")
        out[art] = (p.read_text(encoding="utf-8"), gold.get(art, []))
    return out


def merge_adjacent(text: str, spans: list[Span], max_gap: int = 1) -> list[Span]:
    """Join spans separated by at most ``max_gap`` spaces into one span.

    Examples
    --------
    >>> merge_adjacent("a big sham vote", [(2, 5), (6, 10), (11, 15)])
    [(2, 15)]
    """
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s - out[-1][1] <= max_gap and not text[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def line_spans(text: str, tagger: Callable[[list[str]], list[list[Span]]]) -> list[Span]:
    """Apply a per-sentence system to each line of ``text``; spans in text offsets."""
    lines, offsets = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append(line)
            offsets.append(pos)
        pos += len(line) + 1
    found = tagger(lines) if lines else []
    spans = [(a + off, b + off) for off, sp in zip(offsets, found, strict=True) for a, b in sp]
    return merge_adjacent(text, spans)


def systems() -> dict[str, Callable[[list[str]], list[list[Span]]]]:
    """Span systems compared: the pretrained tagger, the project's lexicons, VADER words."""
    from ..loaded import LoadedTermTagger

    vader = vader_lexicon()
    tagger = LoadedTermTagger.pretrained()

    def lexicon(texts: list[str]) -> list[list[Span]]:
        out = []
        for t in texts:
            a = analyse_text(t)
            out.append(
                [
                    sp
                    for sp, c in zip(a.spans, a.category, strict=True)
                    if c is not None and c not in EPISTEMIC_CATEGORIES
                ]
            )
        return out

    def vader_words(texts: list[str]) -> list[list[Span]]:
        out = []
        for t in texts:
            a = analyse_text(t)
            out.append([sp for sp, w in zip(a.spans, a.lower, strict=True) if vader.get(w, 0.0)])
        return out

    def tagged(texts: list[str]) -> list[list[Span]]:
        return [[(a, b) for a, b, _ in found] for found in tagger.tag(texts)]

    return {
        "framing tagger (pretrained)": tagged,
        "framing lexicons (loaded categories)": lexicon,
        "VADER lexicon words": vader_words,
    }


def evaluate_ptc(path: str | os.PathLike[str], **_: Any) -> pd.DataFrame:
    """Span-overlap precision, recall and F1 per system (micro over articles)."""
    data = read_ptc(path)
    rows = []
    for name, system in systems().items():
        n_match = n_gold = n_pred = 0
        for text, gold in data.values():
            pred = line_spans(text, system)
            n_match += match_spans(gold, pred, "overlap")
            n_gold += len(gold)
            n_pred += len(pred)
        p, r, f = prf(n_match, n_gold, n_pred)
        for metric, value in (("span_precision", p), ("span_recall", r), ("span_f1", f)):
            rows.append({"dataset": "ptc", "system": name, "metric": metric, "value": value})
    return pd.DataFrame(rows)

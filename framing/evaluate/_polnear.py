"""PolNeAR (Newell et al. 2018): reader and cue/source/content span evaluation.

The corpus is brat standoff: ``<split>/text/<name>.txt`` beside
``<split>/attributions/<name>_<annotator>.ann`` with ``T`` lines (``Source``, ``Cue``,
``Content``, ``Attribution``; a span may have several fragments ``s e;s e``) and ``E``
lines linking them. When an article has several annotators, the first file in sorted
order is used. Nothing is copied from the corpus: it is read at run time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ._metrics import match_spans, prf

__all__ = [
    "PolnearDoc",
    "evaluate_polnear",
    "polnear_quote_protocol",
    "read_polnear",
    "score_polnear",
]

Span = tuple[int, int]
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t?", re.MULTILINE)
_E_LINE = re.compile(r"^E\d+\t(.*)$", re.MULTILINE)
_QUOTE_CHARS = frozenset("\"\u201c\u201d\u2018\u2019'`\u00ab\u00bb")


@dataclass
class PolnearDoc:
    """One article: its text and gold attributions.

    ``attributions`` holds dicts with ``cue``, ``source``, ``content`` (each a
    ``(start, end)`` envelope of the span's fragments, or None) and ``fragments``.
    """

    doc_id: str
    text: str
    attributions: list[dict] = field(default_factory=list)


def _split_dir(path: Path, split: str) -> Path:
    for cand in (path / split, path / "data" / split, path):
        if (cand / "text").is_dir() and (cand / "attributions").is_dir():
            return cand
    raise InputError(
        f"{path}: no PolNeAR split {split!r} (expected {split}/text and {split}/attributions)"
    )


def _parse_ann(ann: str, where: str) -> list[dict]:
    spans: dict[str, tuple[str, list[Span]]] = {}
    for m in _T_LINE.finditer(ann):
        frags = []
        for part in m.group(3).strip().split(";"):
            bits = part.split()
            if len(bits) != 2:
                raise InputError(f"{where}: bad span {m.group(3)!r} on {m.group(1)}")
            frags.append((int(bits[0]), int(bits[1])))
        spans[m.group(1)] = (m.group(2), frags)
    out = []
    for m in _E_LINE.finditer(ann):
        att: dict = {"cue": None, "source": None, "content": None, "fragments": {}}
        for arg in m.group(1).split():
            role, _, tid = arg.partition(":")
            if role in ("Cue", "Source", "Content") and tid in spans:
                frags = spans[tid][1]
                att[role.lower()] = (min(s for s, _ in frags), max(e for _, e in frags))
                att["fragments"][role.lower()] = frags
        out.append(att)
    return out


def read_polnear(path: str | Path, split: str = "dev") -> Iterator[PolnearDoc]:
    """Read one split of PolNeAR (one annotator per article).

    Parameters
    ----------
    path : str or Path
        The PolNeAR folder (holding ``train/``, ``dev/``, or ``data/<split>``).
    split : str
        ``train``, ``dev`` or ``annotator-training``.

    Yields
    ------
    PolnearDoc

    Examples
    --------
    >>> docs = list(read_polnear("../shared/data/polnear", "dev"))  # doctest: +SKIP
    """
    root = _split_dir(Path(path), split)
    seen: set[str] = set()
    for ann_path in sorted((root / "attributions").glob("*.ann")):
        stem = ann_path.stem
        base = stem.rsplit("_", 1)[0] if "_" in stem else stem
        if base in seen:
            continue
        txt_path = root / "text" / f"{base}.txt"
        if not txt_path.exists():
            continue
        seen.add(base)
        text = txt_path.read_text(encoding="utf-8")
        atts = _parse_ann(ann_path.read_text(encoding="utf-8"), str(ann_path))
        yield PolnearDoc(base, text, atts)


def _is_speech_gold(att: dict, text: str, speech_forms: Callable[[str], bool]) -> bool:
    if att["content"] is not None:
        s, e = att["content"]
        if any(ch in _QUOTE_CHARS for ch in text[max(0, s - 1) : e + 1]):
            return True
    if att["cue"] is None:
        return False
    return speech_forms(text[att["cue"][0] : att["cue"][1]])


def score_polnear(
    docs: list[PolnearDoc],
    predict: Callable[[str], list[dict]],
    speech_forms: Callable[[str], bool],
) -> pd.DataFrame:
    """Cue exact and source/content overlap P/R/F1 of ``predict`` over ``docs``.

    ``predict(text)`` returns dicts with ``cue``, ``source``, ``content`` envelopes
    (or None) and ``speech`` (bool: a speech or writing attribution).
    """
    counts: dict[tuple[str, str, str], list[int]] = {}
    for doc in docs:
        preds = predict(doc.text)
        gold_speech = [_is_speech_gold(a, doc.text, speech_forms) for a in doc.attributions]
        for subset in ("all", "speech"):
            gold = [
                a
                for a, sp in zip(doc.attributions, gold_speech, strict=True)
                if subset == "all" or sp
            ]
            pred = [p for p in preds if subset == "all" or p["speech"]]
            for element, mode in (
                ("cue", "exact"),
                ("cue", "overlap"),
                ("source", "overlap"),
                ("content", "overlap"),
                ("content", "exact"),
            ):
                g = [a[element] for a in gold if a[element] is not None]
                p = [x[element] for x in pred if x[element] is not None]
                c = counts.setdefault((subset, element, mode), [0, 0, 0])
                c[0] += match_spans(g, p, mode)
                c[1] += len(g)
                c[2] += len(p)
    rows = []
    for (subset, element, mode), (m, n_gold, n_pred) in counts.items():
        p, r, f = prf(m, n_gold, n_pred)
        rows.append(
            {
                "subset": subset,
                "element": element,
                "match": mode,
                "precision": p,
                "recall": r,
                "f1": f,
                "support": n_gold,
                "n_pred": n_pred,
            }
        )
    return pd.DataFrame(rows)


def _extractor(use_model: bool) -> tuple[Callable[[str], list[dict]], Callable[[str], bool]]:
    from ..attribution._cue_weights import load_cue_model
    from ..attribution._extract import extract_attributions
    from ..attribution._verbs import load_reporting_verbs
    from ..segment import split_paragraphs

    lex = load_reporting_verbs()
    model = load_cue_model() if use_model else None
    cue_filter = model.keep if model is not None else None
    prior = model.prior_set if model is not None else None

    def speech_forms(cue: str) -> bool:
        words = cue.lower().replace("\u2019", "'").split()
        if " ".join(words) in ("according to", ":"):
            return True
        for w in [" ".join(words), *words]:
            entry = lex.lookup(w)
            if entry is not None and entry.mode in ("speech", "writing"):
                return True
        return False

    def predict(text: str) -> list[dict]:
        paras = split_paragraphs(text, "auto")
        atts, _ = extract_attributions(text, paras, lex, cue_filter=cue_filter, cue_prior=prior)
        out = []
        for a in atts:
            content = (a.content[0][0], a.content[-1][1]) if a.content else None
            speech = (
                a.direct
                or a.kind in ("according", "floating", "mixed")
                or (a.mode in ("speech", "writing"))
            )
            out.append(
                {
                    "cue": a.cue,
                    "source": a.source if a.source is not None or a.head is None else a.head.source,
                    "content": content,
                    "fragments": list(a.content),
                    "speech": speech,
                    "head_source": (a.head.source if a.head is not None else None),
                }
            )
        return out

    return predict, speech_forms


def evaluate_polnear(path: str | Path, split: str = "dev", use_model: bool = True) -> pd.DataFrame:
    """Evaluate the attribution extractor on PolNeAR.

    Parameters
    ----------
    path : str or Path
        The PolNeAR folder.
    split : str
        Which split (``dev`` by default; ``train`` is what the shipped model saw).
    use_model : bool
        Use the shipped cue classifier and its learned cues (False: rules only).

    Returns
    -------
    pandas.DataFrame
        One row per subset (``all``, ``speech``: speech/writing cue or quoted content) x
        element (``cue`` exact and overlap, ``source`` overlap, ``content`` overlap and
        exact), columns ``precision``, ``recall``, ``f1``, ``support`` (gold spans),
        ``n_pred``.

    Examples
    --------
    >>> evaluate_polnear("../shared/data/polnear", "dev")  # doctest: +SKIP
    """
    predict, speech_forms = _extractor(use_model)
    docs = list(read_polnear(path, split))
    if not docs:
        raise InputError(f"{path}: no PolNeAR documents in split {split!r}")
    return score_polnear(docs, predict, speech_forms)


def polnear_quote_protocol(
    path: str | Path, split: str = "dev", use_model: bool = True
) -> pd.DataFrame:
    """The coverage quote protocol (30% and 80%) on PolNeAR contents.

    Gold quotations are PolNeAR contents (speaker = source span, verb = cue string);
    predictions are the extractor's contents. Rows: subset (``all``, ``speech``) x
    coverage; columns as :func:`~framing.evaluate.quote_protocol_scores`.
    """
    from ._quote_protocol import quote_protocol_scores

    predict, speech_forms = _extractor(use_model)
    docs = list(read_polnear(path, split))
    if not docs:
        raise InputError(f"{path}: no PolNeAR documents in split {split!r}")
    gold: dict[str, list[dict]] = {"all": [], "speech": []}
    pred: dict[str, list[dict]] = {"all": [], "speech": []}
    for doc in docs:
        t = doc.text
        for a in doc.attributions:
            if a["content"] is None:
                continue
            row = {
                "doc_id": doc.doc_id,
                "start": a["content"][0],
                "end": a["content"][1],
                "verb": t[a["cue"][0] : a["cue"][1]] if a["cue"] else "",
            }
            if a["source"] is not None:
                row["speaker_start"], row["speaker_end"] = a["source"]
            gold["all"].append(row)
            if _is_speech_gold(a, t, speech_forms):
                gold["speech"].append(row)
        for p in predict(t):
            if p["content"] is None:
                continue
            src = p["source"] or p["head_source"]
            row = {
                "doc_id": doc.doc_id,
                "start": p["content"][0],
                "end": p["content"][1],
                "verb": t[p["cue"][0] : p["cue"][1]] if p["cue"] else "",
            }
            if src is not None:
                row["speaker_start"], row["speaker_end"] = src
            pred["all"].append(row)
            if p["speech"]:
                pred["speech"].append(row)
    rows = []
    for subset in ("all", "speech"):
        for cov in (0.3, 0.8):
            rows.append(
                {"subset": subset, **quote_protocol_scores(gold[subset], pred[subset], cov)}
            )
    return pd.DataFrame(rows)

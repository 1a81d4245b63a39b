"""Synthetic Analysis-like tables with known group differences (benchmarks and tests).

The texts are generated from a few template sentences written for this purpose; every
span offset points at the right characters, so the report can highlight them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SyntheticAnalysis", "synthetic_analysis"]

_PLAIN = [
    "Officials met on Tuesday to discuss the proposal.",
    "The meeting lasted three hours and ended without a statement.",
    "Several delegations asked for more time to study the figures.",
    "Prices in the region rose again last month.",
    "A vote is expected later this week.",
    "Observers said the talks were at an early stage.",
]
_LOADED = ["regime", "thugs", "catastrophic", "so-called", "draconian", "propaganda"]
_CATEGORY = {
    "regime": "delegitimising",
    "thugs": "insult",
    "catastrophic": "alarm",
    "so-called": "delegitimising",
    "draconian": "alarm",
    "propaganda": "delegitimising",
}
_SPEAKERS = {
    "Government A": ["the minister", "a spokesperson for the ministry"],
    "Government B": ["the ambassador", "the foreign office"],
}
_CUES = {"said": "neutral", "claimed": "doubt", "admitted": "concession", "warned": "alarm"}
_TARGETS = ["Country A", "Country B"]


@dataclass
class SyntheticAnalysis:
    """Holds ``tables`` like an ``Analysis``; ``text(doc_id)`` returns a document's text."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    provenance: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def text(self, doc_id: str) -> str:
        return self.texts[doc_id]


def synthetic_analysis(
    n_docs: int = 300,
    outlets: tuple[str, ...] = ("Outlet A", "Outlet B", "Outlet C"),
    *,
    paragraphs: tuple[int, int] = (4, 12),
    seed: int = 0,
) -> SyntheticAnalysis:
    """Build a synthetic corpus: outlet ``i`` uses more loaded terms, quotes side A more often
    and is more negative toward the first target as ``i`` grows.

    Examples
    --------
    >>> a = synthetic_analysis(6, seed=1)
    >>> sorted(a.tables)
    ['documents', 'paragraphs', 'quotes', 'spans', 'stance']
    """
    rng = np.random.default_rng(seed)
    docs, paras, spans, quotes, stance = [], [], [], [], []
    texts: dict[str, str] = {}
    start_date = np.datetime64("2024-01-01")
    for d in range(n_docs):
        g = d % len(outlets)
        lean = g / max(1, len(outlets) - 1)  # 0 .. 1
        doc_id = f"doc{d:04d}"
        text = ""
        n_par = int(rng.integers(paragraphs[0], paragraphs[1] + 1))
        n_tokens_doc = 0
        for p in range(n_par):
            p_start = len(text)
            p_spans: list[dict[str, Any]] = []
            p_quotes: list[dict[str, Any]] = []
            mentions: list[tuple[str, int, int]] = []
            parts: list[str] = []

            def put(s: str, parts: list[str] = parts, p_start: int = p_start) -> tuple[int, int]:
                pos = p_start + sum(len(x) + 1 for x in parts)
                parts.append(s)
                return pos, pos + len(s)

            for _ in range(int(rng.integers(2, 4))):
                sentence = str(rng.choice(_PLAIN))
                if rng.random() < 0.4:
                    target = _TARGETS[int(rng.random() < 0.4)]
                    s0, _e = put(f"{target} responded.")
                    mentions.append((target, s0, s0 + len(target)))
                if rng.random() < 0.15 + 0.5 * lean:
                    word = str(rng.choice(_LOADED))
                    s0, _e = put(f"Critics called it {word}.")
                    ws = s0 + len("Critics called it ")
                    p_spans.append(
                        dict(kind="loaded", start=ws, end=ws + len(word), label=_CATEGORY[word])
                    )
                put(sentence)
            if rng.random() < 0.6:
                side = "Government A" if rng.random() < 0.3 + 0.5 * lean else "Government B"
                speaker = str(rng.choice(_SPEAKERS[side]))
                if rng.random() < 0.15:
                    speaker, side, stype = "a source close to the talks", None, "anonymous"
                else:
                    stype = "organization"
                cue = str(rng.choice(list(_CUES)))
                content = "We will not accept these terms"
                s0, _e = put(f"\u201c{content},\u201d {speaker} {cue}.")
                c0 = s0 + 1
                sp0 = c0 + len(content) + 3
                cu0 = sp0 + len(speaker) + 1
                p_quotes.append(
                    dict(
                        speaker=None if stype == "anonymous" else speaker,
                        speaker_type=stype,
                        side=side,
                        cue=cue,
                        cue_class=_CUES[cue],
                        direct=True,
                        source_start=sp0,
                        source_end=sp0 + len(speaker),
                        cue_start=cu0,
                        cue_end=cu0 + len(cue),
                        content_start=c0,
                        content_end=c0 + len(content),
                    )
                )
                p_spans.append(dict(kind="quote", start=c0, end=c0 + len(content), label=side))
                p_spans.append(dict(kind="source", start=sp0, end=sp0 + len(speaker), label=side))
                p_spans.append(dict(kind="cue", start=cu0, end=cu0 + len(cue), label=_CUES[cue]))
            ptext = " ".join(parts)
            text += ptext
            p_end = len(text)
            text += "\n\n"
            n_tok = len(ptext.split())
            n_tokens_doc += n_tok
            loaded = [s for s in p_spans if s["kind"] == "loaded"]
            row: dict[str, Any] = dict(
                doc_id=doc_id,
                para_id=p,
                start=p_start,
                end=p_end,
                text=ptext,
                n_tokens=n_tok,
                valence=float(np.clip(rng.normal(0.1 - 0.3 * lean, 0.3), -1, 1)),
                loaded_count=len(loaded),
                loaded_per_100=100.0 * len(loaded) / n_tok,
                bias_score=float(np.clip(rng.beta(2, 5) + 0.3 * lean * (len(loaded) > 0), 0, 1)),
                n_quotes=len(p_quotes),
                quoted_share=(6.0 / n_tok) if p_quotes else 0.0,
                balance=np.nan if not p_quotes else 0.0,
            )
            for cat in sorted(set(_CATEGORY.values())):
                row[f"loaded__{cat}"] = sum(1 for s in loaded if s["label"] == cat)
            for target in _TARGETS:
                row[f"stance__{target}"] = np.nan
            for target in sorted({m[0] for m in mentions}):
                shift = -0.5 * lean if target == _TARGETS[0] else 0.2 * lean
                score = float(np.clip(rng.normal(shift, 0.3), -1, 1))
                row[f"stance__{target}"] = score
                label = "against" if score < -0.2 else "favor" if score > 0.2 else "neutral"
                stance.append(
                    dict(
                        doc_id=doc_id,
                        para_id=p,
                        target=target,
                        score=score,
                        label=label,
                        voice="author",
                        author_score=score,
                        quoted_score=np.nan,
                    )
                )
            for target, s0, e0 in mentions:
                p_spans.append(dict(kind="target", start=s0, end=e0, label=target))
            paras.append(row)
            for s in p_spans:
                voice = "quoted" if s["kind"] == "quote" else "author"
                spans.append(
                    dict(
                        doc_id=doc_id,
                        para_id=p,
                        start=s["start"],
                        end=s["end"],
                        text=text[s["start"] : s["end"]],
                        kind=s["kind"],
                        label=s["label"],
                        score=np.nan,
                        voice=voice,
                    )
                )
            for q in p_quotes:
                quotes.append(dict(doc_id=doc_id, para_id=p, **q))
        texts[doc_id] = text.rstrip("\n")
        day = start_date + np.timedelta64(int(rng.integers(0, 180)), "D")
        docs.append(
            dict(
                doc_id=doc_id,
                outlet=outlets[g],
                date=pd.Timestamp(day),
                title=f"Synthetic story {d + 1}",
                n_paragraphs=n_par,
                n_tokens=n_tokens_doc,
                error=None,
            )
        )
    tables = {
        "documents": pd.DataFrame(docs),
        "paragraphs": pd.DataFrame(paras),
        "spans": pd.DataFrame(spans),
        "quotes": pd.DataFrame(quotes),
        "stance": pd.DataFrame(stance),
    }
    provenance = {
        "loaded": {"lexicon": "synthetic", "version": "0", "licence": "n/a (generated)"},
        "stance": {"model": "synthetic", "version": "0", "licence": "n/a (generated)"},
    }
    return SyntheticAnalysis(tables, texts, provenance)

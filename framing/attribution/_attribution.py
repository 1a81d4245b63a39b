"""The attribution record: cue, source and content offsets of one attribution, and what
the later steps (cue classifier, speaker resolution, side) add to it."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Attribution"]


@dataclass(slots=True)
class Attribution:
    """One attribution: offsets into the document text (``None`` where absent)."""

    para_id: int
    cue: tuple[int, int] | None
    cue_class: str | None
    mode: str | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]] = field(default_factory=list)
    direct: bool = False
    kind: str = "indirect"
    appositive: tuple[int, int] | None = None
    speaker: str | None = None
    speaker_type: str = "unknown"
    side: str | None = None
    score: float = 1.0
    qids: tuple[int, ...] = ()
    head: Attribution | None = None

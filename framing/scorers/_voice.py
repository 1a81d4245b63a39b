"""Which characters of a document are in a quoted voice.

The attribution scorer stores ``doc.annotations["quoted_ranges"]``: sorted, disjoint
``(start, end)`` offsets of quoted or attributed content. Loaded-term and stance
scorers ask :func:`voice_at` whether a span is the author's or a quoted speaker's.
Without the attribution scorer every span is in the author's voice.
"""

from __future__ import annotations

import bisect

from ..segment import Doc

__all__ = ["QUOTED_RANGES", "quoted_ranges", "voice_at"]

QUOTED_RANGES = "quoted_ranges"


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """The document's quoted ranges (empty when attribution did not run)."""
    return doc.annotations.get(QUOTED_RANGES, [])


def voice_at(doc: Doc, start: int, end: int) -> str:
    """``"quoted"`` when ``[start, end)`` lies inside a quoted range, else ``"author"``."""
    ranges = quoted_ranges(doc)
    if not ranges:
        return "author"
    i = bisect.bisect_right(ranges, (start, float("inf"))) - 1
    if i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]:
        return "quoted"
    return "author"

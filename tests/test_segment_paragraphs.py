"""split_paragraphs finds line breaks and blank-line blocks as the plain regexes do."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.segment import split_paragraphs
from framing.segment._paragraphs import _BLOCK, _is_wrapped, _trim

LINE = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def reference(text, mode):
    """split_paragraphs with regex scans (``finditer``) for blocks and lines."""

    def lines(start, end):
        out, pos = [], start
        for m in LINE.finditer(text, start, end):
            if span := _trim(text, pos, m.start()):
                out.append(span)
            pos = m.end()
        if span := _trim(text, pos, end):
            out.append(span)
        return out

    if mode == "line":
        return lines(0, len(text))
    blocks, pos = [], 0
    for m in _BLOCK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    out = []
    for start, end in blocks:
        if mode == "blank":
            if span := _trim(text, start, end):
                out.append(span)
            continue
        found = lines(start, end)
        out.extend([(found[0][0], found[-1][1])] if _is_wrapped(text, found) else found)
    return out


PIECES = ["a", "b c", ".", "\r", "\n", "\r\n", "\u2028", "\u2029", " ", "\t", "\u00a0"]
PIECES += ["\u3000", "\ufeff", "x" * 35, "word " * 8, "end.", "\u00e9"]


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.sampled_from(["auto", "line", "blank"]))
@settings(max_examples=500, deadline=None)
def test_paragraphs_equal_the_regex_scan(pieces, mode):
    text = "".join(pieces)
    assert split_paragraphs(text, mode) == reference(text, mode)

"""Pair double quotation marks into quotations, tolerating the mess of real news text.

Rules
-----
- Only double marks count: straight ``"``, curly ``“ ”``, low ``„``, guillemets
  ``« »``, and two apostrophes ``''`` (the New York Times archive convention).
  Single marks are ignored because they are mostly apostrophes ("candidates’
  estimates") or headline quotes.
- Curly and guillemet marks say which way they face; a straight mark opens when no
  quotation is open and closes otherwise. A curly mark that faces the wrong way for
  its context (a ``”`` after a space and before a letter) is read by its context.
- Quotations nest one level (a curly quote inside a curly quote).
- A quotation still open at the end of a paragraph continues into the next paragraph
  when that paragraph starts with an opening mark (the newspaper convention for a
  quotation over several paragraphs); it then has one piece per paragraph.
- Otherwise an unclosed quotation ends at the end of its paragraph and is flagged
  ``closed=False``; a closing mark with nothing open is counted and skipped.
  Nothing here raises.

Example
-------
>>> text = 'He said "yes." She said “no.”'
>>> [(text[q.start:q.end], q.closed) for q in find_quotes(text, [(0, len(text))])[0]]
[('"yes."', True), ('“no.”', True)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Quote", "find_quotes"]

# Two apostrophes stand for a straight double mark in some archives (New York Times: ''Yes,'' he said).
# Spelled as single-character alternatives (not a set) so that every branch opens with a plain
# character, which lets ``re`` skip to the next mark at once.
_MARK = re.compile(r"''|\"|“|”|„|«|»")
_OPENERS = frozenset("“„«")


@dataclass
class Quote:
    """A quotation: ``text[start:end]`` includes its marks; ``pieces`` are per paragraph."""

    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True


def _faces_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _faces_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]—–-'’")


def find_quotes(text: str, paras: list[tuple[int, int]]) -> tuple[list[Quote], int]:
    """Return the top-level quotations in text order and the number of unbalanced marks.

    ``paras`` are the text's paragraphs as :func:`~._segment.paragraphs` gives them (lines
    trimmed of white space).
    """
    quotes: list[Quote] = []
    unbalanced = 0
    carry: Quote | None = None  # a quotation continuing from the previous paragraph
    # The marks of the whole text in one scan; each paragraph takes those within its bounds.
    # No mark holds white space and paragraphs are separated by some, so these are the marks a
    # scan of the paragraph alone finds.
    all_marks = [m.span() for m in _MARK.finditer(text)]
    mark_starts = [i for i, _ in all_marks]
    for ps, pe in paras:
        depth = 0
        current: Quote | None = None
        piece_start = ps
        lo = bisect.bisect_left(mark_starts, ps)
        marks = all_marks[lo : bisect.bisect_left(mark_starts, pe, lo)]
        if carry is not None:
            if marks and marks[0][0] == ps and (text[ps] in _OPENERS or text[ps] in "\"'"):
                current, depth, piece_start = carry, 1, ps
                marks = marks[1:]
            else:
                carry.closed = False
                unbalanced += 1
            carry = None
        for i, j in marks:
            ch = text[i]
            if ch in "\"'":
                opening = depth == 0
            elif ch in _OPENERS:
                opening = not (depth > 0 and _faces_close(text, i) and not _faces_open(text, i))
            else:  # a closing curly mark or guillemet
                opening = depth == 0 and _faces_open(text, i) and not _faces_close(text, i)
            if opening:
                if depth == 0:
                    current = Quote(start=i, end=j)
                    piece_start = i
                    depth = 1
                elif depth == 1 and ch not in "\"'":
                    depth = 2
                else:
                    unbalanced += 1
            else:
                if depth == 0:
                    unbalanced += 1
                elif depth == 2:
                    depth = 1
                else:
                    assert current is not None
                    current.end = j
                    current.pieces.append((piece_start, j))
                    if not quotes or quotes[-1] is not current:
                        quotes.append(current)
                    depth = 0
                    current = None
        if depth > 0 and current is not None:
            current.end = pe
            current.pieces.append((piece_start, pe))
            if not quotes or quotes[-1] is not current:
                quotes.append(current)
            carry = current
    if carry is not None:
        carry.closed = False
        unbalanced += 1
    return quotes, unbalanced

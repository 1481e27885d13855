"""A content found by any rule becomes an attribution record here.

:func:`_add` trims what no rule should keep (a trailing conjunction, a place or time alone, the
writer's aside in brackets), extends the content to the end of a quotation it opens, and lists
the quoted fragments inside it: the record is *partial* when it holds one, else *indirect*.
The reported-speech rules (``_reported``) and the extra passes (``_extras``, ``_headlines``)
all append their records through it.
"""

from __future__ import annotations

import bisect
import re

from ._phrases import DAYS
from ._text import (
    _clean_end,
    _in_quote,
    _short,
)

__all__ = ["_add"]

_TRAILING_ASIDE = re.compile(r"\s\((?:[^()\s“”\"]+\s+){2,}[^()“”\"]*\)\Z")
_CLOSING_MARK = re.compile(r"[,.]?[”\"]")
_MARK_OR_STOP = frozenset(',.”"')
_TRAILING_CONJUNCTION = re.compile(
    r"[\s,]+(?:and|but|or|because|although|though|whereas|unless)\s*\Z"
)


_ADVERBIAL_ONLY = re.compile(
    r"(?:from|in|on|at|during|by|after|before|via|through)\b(?:\W+\w+){0,4}\W*"
    # 'said [this week] at an event': a time alone is nothing said either.
    r"|(?:(?:this|last|next|that|earlier|later)\s+(?:week|month|year|weekend|morning|afternoon|"
    rf"evening|night)|{DAYS}|yesterday|today|tonight)\W*",
    re.IGNORECASE,
)


def _add(text, raw, cs, ce, cue, sp, quotes, qstarts):
    """Append the record of content ``text[cs:ce]`` (cue and speaker spans as found) to ``raw``,
    unless nothing is left of it once trimmed."""
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and (text[ce - 1] in ",;:" or text[ce - 1].isspace()):
        ce -= 1  # 'to rally in Ann Arbor, Michigan Monday[,] before joining ...'
    tail = _TRAILING_CONJUNCTION.search(text, max(cs, ce - 12), ce)
    if tail and tail.start() > cs:
        ce = _clean_end(text, cs, tail.start())  # '... the United States and [added, "..."]'
    if ce <= cs or _ADVERBIAL_ONLY.fullmatch(text, cs, ce):
        return  # 'Costa reported [from Washington]': a place or time, nothing said
    aside = _TRAILING_ASIDE.search(text, cs, ce) if text[ce - 1] == ")" else None
    if (
        aside
        and not _short(text, cs, aside.start(), 2)
        and not _in_quote(aside.start(), qstarts, quotes)
        and "''" not in text[aside.start() : ce]  # (a quotation in the NYT's marks)
    ):
        # '... Mexico “rapists” (although he allowed that some might be good people)': the
        # writer's aside after what was said
        ce = aside.start()
    k = bisect.bisect_right(qstarts, ce - 1) - 1
    if k >= 0 and cs <= quotes[k].start and quotes[k].closed and ce < quotes[k].end:
        # 'added that he was the only one "fighting to defend the Constitution. I'll tell
        # you this, ..."': the sentence ended inside the quotation, which goes on.
        q = quotes[k]
        if q.end - ce < 600 and text.find("\n", ce, q.end) < 0:
            ce = q.end
    closing = text[ce : ce + 1] in _MARK_OR_STOP and _CLOSING_MARK.match(text, ce)
    if closing and (
        text.count("“", cs, ce) > text.count("”", cs, ce) or text.count('"', cs, ce) % 2
    ):
        ce = closing.end()  # 'he would "protect our citizens[,"]': the quotation is closed
    frags = []
    k = max(0, bisect.bisect_right(qstarts, cs) - 1)
    while k < len(quotes) and quotes[k].start < ce:
        q = quotes[k]
        if q.end > cs:
            for a, b in q.pieces:
                if b > cs and a < ce:
                    frags.append((max(a, cs), min(b, ce)))
        k += 1
    raw.append(
        {
            "kind": "partial" if frags else "indirect",
            "fragments": frags,
            "start": cs,
            "end": ce,
            "cue": cue,
            "speaker": sp,
        }
    )

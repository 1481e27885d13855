"""Paragraphs and sentences of an article, as (start, end) character offsets.

A paragraph is a run of text between line breaks (blank lines or single newlines).
Sentences end at ``.``, ``?`` or ``!`` (and any closing quote or bracket after them)
followed by white space and a capital, digit or opening quote, unless the word
before the stop is a known abbreviation ("Mr.", "Sen.", "U.S.") or a single initial.
Sentences never cross a paragraph break.

Example
-------
>>> text = "Mr. Smith spoke. He left.\\n\\nThe end."
>>> [text[s:e] for s, e in sentences(text, paragraphs(text))]
['Mr. Smith spoke.', 'He left.', 'The end.']
"""

from __future__ import annotations

import re

__all__ = ["paragraphs", "sentences"]

_PARA = re.compile(r"[^\n]+")
# "[.?!][.?!]*" rather than "[.?!]+": a pattern that opens with a character set lets ``re`` skip
# to the next stop at once instead of trying every position.
_BOUNDARY = re.compile(r"[.?!][.?!]*[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "capt",
        "sgt",
        "adm",
        "prof",
        "rev",
        "hon",
        "st",
        "jr",
        "sr",
        "no",
        "vs",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ft",
        "mt",
        "u.s",
        "u.n",
        "u.k",
        "d.c",
        "calif",
        "fla",
        "mass",
        "penn",
        "pa",
        "ariz",
        "wash",
        "mich",
        "ill",
        "n.y",
        "n.j",
        "conn",
        "tenn",
        "va",
        "wis",
        "minn",
        "ga",
        "la",
        "ky",
        "md",
        "mo",
        "ok",
        "ore",
        "okla",
        "nev",
        "neb",
        "colo",
        "ind",
        "r-ohio",
        "d-calif",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
    ]
)


_CAN_END = frozenset("u.s u.k u.n d.c n.y a.m p.m etc inc corp co ltd jr sr".split())  # noqa: SIM905
_OPENING = re.compile(
    r"\s+(?:[\"“]|''|(?:The|It|He|She|They|We|I|But|And|In|A|This|That|His|Her|Their|There|"
    r"On|At|As|If|When|After|Some|Many|Most)\b)"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, outer white space trimmed."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentences(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of every sentence, in text order; see the module docstring for the rule."""
    out = []
    for ps, pe in paras:
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            stop = m.start()
            if text[stop] == ".":
                word = text[max(text.rfind(" ", start, stop), start - 1) + 1 : stop]
                word = word.lstrip("(\"“‘'").lower()
                # A single initial ("George W. Bush") or a listed abbreviation is no sentence end,
                # except an abbreviation that can close a sentence ("in the U.S.") before a
                # typical sentence opening ("It was", "“It is illegal").
                abbreviation = (len(word) == 1 and word.isalpha()) or word.rstrip(".") in _ABBREV
                closes = word.rstrip(".") in _CAN_END and _OPENING.match(text, m.end())
                if abbreviation and not closes:
                    continue
            end = m.end()
            out.append((start, end))
            start = end
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append((start, pe))
    return out

"""Paragraphs and sentences of a text, as character offsets (one pass, no models).

VADER scores whatever string it is given and does not split sentences, and the
NLTK Punkt splitter needs a downloaded model, so we split with a small,
documented rule set (good enough for edited news prose; not for tweets):

* **Paragraphs** are the non-blank lines: the article table separates
  paragraphs with a blank line, and a single line break is treated as a
  paragraph break too (OneStopEnglish, many exports).
* **Sentences** end at a run of ``.``, ``!`` or ``?``, followed by any closing
  quotes or brackets and white space, when the next word does not start with a
  lower-case letter, except after

  - a known abbreviation (:data:`ABBREVIATIONS`: titles such as Mr., Dr., Sen.,
    Gov., month names, Inc., Co., No., St., vs., etc.),
  - a single letter (an initial: "John F. Kennedy"),
  - a dotted acronym (U.S., U.N., a.m., e.g.) — so "in the U.S. The" stays one sentence.

Offsets are Python string indices: ``text[start:end]`` is the sentence without
surrounding white space. Sentences are numbered from 0 across the article, the
way ``analysis.schema.ATTRIBUTION_COLUMNS["sentence"]`` counts them.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "paragraph_spans", "sentence_spans"]

#: Lower-case words that end with a full stop without ending a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm maj rev hon pres supt insp det
    st jr sr inc corp co ltd llc bros dept univ assn est fig no nos vol vs etc approx
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd""".split()  # noqa: SIM905
)

_LINE = re.compile(r"[^\n]+")
_CANDIDATE = re.compile(r"([.!?]+)([\"'”’»)\]]*)(\s+)")
_LAST_TOKEN = re.compile(r"\S*\Z")
_OPENERS = "\"'“‘«([—–-"
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (non-blank line), stripped of outer white space."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + (len(line) - len(line.lstrip()))
            spans.append((start, start + len(stripped)))
    return spans


def _ends_sentence(m: re.Match, text: str) -> bool:
    nxt = m.end()
    while nxt < len(text) and text[nxt] in _OPENERS:
        nxt += 1
    if nxt < len(text) and text[nxt].islower():
        return False
    if m.group(1) != ".":
        return True
    before = _LAST_TOKEN.search(text, max(0, m.start() - 40), m.start())
    word = before.group().lstrip(_OPENERS)
    if len(word) == 1 and word.isalpha():
        return False
    return not (word.lower() in ABBREVIATIONS or _ACRONYM.fullmatch(word))


def sentence_spans(text: str) -> list[tuple[int, int, int, int]]:
    """Split ``text`` into sentences.

    Returns
    -------
    list of tuple
        ``(paragraph, sentence, start, end)`` per sentence, in text order;
        ``paragraph`` and ``sentence`` count from 0 over the whole text.

    Example
    -------
    >>> text = "Mr. Smith left. He said: “Fine!” Then\\n\\nNew."
    >>> [text[s:e] for *_, s, e in sentence_spans(text)]
    ['Mr. Smith left.', 'He said: “Fine!”', 'Then', 'New.']
    """
    out: list[tuple[int, int, int, int]] = []
    for p, (pstart, pend) in enumerate(paragraph_spans(text)):
        para = text[pstart:pend]
        start = 0
        for m in _CANDIDATE.finditer(para):
            if _ends_sentence(m, para):
                end = m.start(3)
                out.append((p, len(out), pstart + start, pstart + end))
                start = m.end()
        out.append((p, len(out), pstart + start, pend))
    return out

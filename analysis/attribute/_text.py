"""Small pieces that the steps of the extraction share (``_extract`` and the modules it calls).

Counting words (``_short``), moving the end of a span back over punctuation (``_clean_end``),
telling whether a position lies inside a quotation (``_in_quote``), the auxiliaries of a
finite verb, and the words around a cue that both direct quotes and reported speech read:
the listener of a verb of telling ('told reporters'), an adverbial after the cue ('said on
Monday'), what may follow a speaker ('..., Smith said Tuesday'), an 'and' or a 'to' just
before the cue, and a clause that stands where an inverted cue's speaker would ('said he
doesn’t believe ...').
"""

from __future__ import annotations

import bisect
import functools
import re

from ._phrases import DAYS
from ._quotes import Quote

__all__ = [
    "_ADVERBIAL",
    "_AND_BEFORE",
    "_AUX",
    "_CLAUSE_COMMA",
    "_AUX_FORMS",
    "_INFINITIVE_BEFORE",
    "_NEXT_WORD_END",
    "_OBJECT",
    "_POST_TAIL",
    "_OPENERS",
    "_OPENING_CLAUSE",
    "_SUBORDINATORS",
    "_TELL",
    "_WORDS",
    "_clause_not_speaker",
    "_clean_end",
    "_comma_outside_quotes",
    "_in_quote",
    "_short",
    "_skip_space",
]

_WORDS = re.compile(r"[\w’'\-]+")
# A comma that can close a clause: not the one inside a number ('2,400').
_CLAUSE_COMMA = re.compile(r",(?!\d)")
_END_PUNCT = frozenset(".!?;:,")


def _clean_end(text: str, s: int, e: int) -> int:
    """``e`` moved back over trailing spaces and punctuation (not before ``s``)."""
    while e > s and (text[e - 1] in _END_PUNCT or text[e - 1].isspace()):
        e -= 1
    return e


def _in_quote(pos: int, qstarts: list[int], quotes: list[Quote]) -> bool:
    k = bisect.bisect_right(qstarts, pos) - 1
    return k >= 0 and quotes[k].start < pos < quotes[k].end


def _comma_outside_quotes(text: str, lo: int, hi: int, qstarts: list[int], quotes) -> int:
    """The first comma in ``text[lo:hi]`` that is not inside quotation marks, else -1."""
    comma = text.find(",", lo, hi)
    while comma >= 0 and _in_quote(comma, qstarts, quotes):
        comma = text.find(",", comma + 1, hi)
    return comma


@functools.lru_cache(maxsize=64)
def _more_words_than(n: int) -> re.Pattern[str]:
    """A regex that matches ``n + 1`` words (the runs ``_WORDS`` finds) from where it starts."""
    # The look-ahead takes a whole run of word characters and the back-reference consumes it:
    # a run is one word, never split in two by backtracking (possessive '++' needs Python 3.11).
    return re.compile(rf"(?:[^\w’'\-]*(?=([\w’'\-]+))\1){{{n + 1}}}")


def _short(text: str, s: int, e: int, n: int) -> bool:
    """At most ``n`` words in ``text[s:e]`` (counting stops at the first word too many)."""
    # No (n + 1)-th word: one regex match, with no match object per word.
    return _more_words_than(n).match(text, s, e) is None


def _skip_space(text: str, s: int, e: int) -> int:
    while s < e and text[s].isspace():
        s += 1
    return s


# Auxiliaries and modals: a word of a finite verb phrase.
_AUX_FORMS = [
    "will",
    "would",
    "could",
    "can",
    "should",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "does",
    "do",
    "did",
]
_AUX = "(?:" + "|".join(_AUX_FORMS) + ")"

_TELL = frozenset(
    [
        "tell",
        "tells",
        "told",
        "telling",
        "ask",
        "asks",
        "asked",
        "asking",
        "warn",
        "warns",
        "warned",
        "warning",
        "urge",
        "urges",
        "urged",
        "urging",
        "remind",
        "reminded",
        "assure",
        "assured",
        "inform",
        "informed",
    ]
)
_OBJECT = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|our|my|this)\s+)?(?:[\w’'\-.]+\s+){0,3}?[\w’'\-.]+?(?=\s*(?:[,:]|\s(?:that|on|in|at|during|after|before|as|when|while|last|this|"
    rf"{DAYS})\b|\s*$))",
)
_ADVERBIAL = re.compile(
    r"(?:\s*,?\s*(?:(?:on|in|at|during|after|before|with|to|from|via|over|last|this|earlier|later|"
    rf"{DAYS}|recently|once|then|again|also|too|"
    r"yesterday|today|afterward|afterwards|simply|repeatedly|flatly|bluntly|later|however|though|"
    r"instead|meanwhile|now|still|further|moreover|too)\b[^,:;.!?“”\"]{0,50}?))*",
)
_POST_TAIL = re.compile(
    r"\s*(?:,|(?:in|on|at(?!\s+(?:least|most)\b)|during|after|before|last|this|when|while|as|of|"
    r"about|to|from|with|yesterday|"
    rf"today|{DAYS}|by\s+(?:(?:tele)?phone|e-?mail|text|video|letter|satellite))\b)"
)
#: Conjunctions that open a subordinate clause (as a regex alternation).
_SUBORDINATORS = r"after|when|before|as|while|because|if|since|although|though"
#: The same, with the rarer openers, as the first words of a clause ('even if', 'unless').
_OPENERS = rf"(?:even\s+)?(?:{_SUBORDINATORS}|unless|once|whereas|unlike)"
_OPENING_CLAUSE = re.compile(rf"{_OPENERS}\b", re.IGNORECASE)
_NEXT_WORD_END = re.compile(r"\s*\w+")
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?$")  # ('to emphatically endorse')
_AND_BEFORE = re.compile(
    r"\b(?:and|but)\s+(?:(?:also|then|later|now|still|again|has|have|had)\s+){0,2}$"
)
_PRONOUN_CLAUSE = re.compile(r"(?:he|she|they|it|we|I|you)\s+\S")


def _clause_not_speaker(text: str, sp: tuple[int, int]) -> bool:
    """'said he doesn’t believe ...', 'said the candidate could be ...': after an inverted cue,
    a pronoun with more words, or a phrase running into a verb, is a clause, not a speaker."""
    return bool(
        _PRONOUN_CLAUSE.match(text, sp[0], sp[1])
        or _VERB_NEXT.match(text, sp[1])
        or _VERB_NEXT.search(text, sp[0], sp[1])
    )


_VERB_NEXT = re.compile(rf"\s+(?:{_AUX}|(?:doesn|didn|isn|wasn|won)[’']t)\b")

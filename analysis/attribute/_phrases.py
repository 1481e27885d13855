"""Speaker phrases: the words that name who speaks, next to a cue.

:func:`speaker_left` walks back from a cue over the words of a noun phrase
("State Department spokesman Matthew Miller stated"), skipping adverbs and
auxiliaries right before the cue ("privately note", "has said"), an appositive
between commas ("Blinken, currently navigating ..., emphasized") and a relative
clause ("people who attended said"). It stops at clause words (and, that, but, ...)
and punctuation. :func:`speaker_right` reads the phrase after an inverted cue
("said former secretary of state Hillary Clinton, who praised ..." → the phrase
ends before the comma; "says a source involved in the talks"). Who the phrase
names is for :mod:`._speakers` to say.

Example
-------
>>> from analysis.attribute._lexicon import get_lexicon
>>> text = "State Department spokesman Matthew Miller said"
>>> s, e = speaker_left(text, 0, text.index("said"), get_lexicon())
>>> text[s:e]
'State Department spokesman Matthew Miller'
"""

from __future__ import annotations

import re

from ._lexicon import Lexicon

__all__ = ["DAYS", "PRONOUNS", "speaker_left", "speaker_right", "time_before"]

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Prof|Rev|Hon|St|Jr|Sr|Ft|Mt|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\."
# The look-aheads keep the regex from trying every abbreviation at every word; the first one
# (a letter, up to three lower-case letters, a period) is common to the three dotted forms.
_TOKEN = re.compile(
    rf"(?=[A-Za-z][a-z]{{0,3}}\.)(?:(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.){{2,}}|(?=[A-Z][a-z]{{1,3}}\.){_ABBR}|[A-Z]\.)"
    r"|\w[\w’'\-/]*|[^\w\s]"
)

PRONOUNS = frozenset("he she they i we it him her them his their its".split())  # noqa: SIM905
_PERSON_PRONOUNS = frozenset("he she him her his".split())  # noqa: SIM905  (not "I": the writer, named nowhere)
_ADVERBS = frozenset(
    [
        "also",
        "yet",
        "both",
        "since",
        "later",
        "then",
        "has",
        "have",
        "had",
        "again",
        "once",
        "previously",
        "recently",
        "repeatedly",
        "would",
        "will",
        "could",
        "did",
        "does",
        "do",
        "may",
        "might",
        "must",
        "should",
        "can",
        "reportedly",
        "publicly",
        "privately",
        "often",
        "never",
        "first",
        "earlier",
        "last",
        "later",
        "further",
        "already",
        "still",
        "just",
        "even",
        "quickly",
        "simply",
        "flatly",
        "separately",
        "yesterday",
        "today",
        "tonight",
        "now",
        "initially",
        "originally",
        "similarly",
        "subsequently",
        # 'may well endorse', 'has long argued', 'has always said', 'had ever told'
        "well",
        "long",
        "always",
        "ever",
        "sometimes",
    ]
)
_LY_NOUNS = frozenset(
    [
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "family",
        "ally",
        "rally",
        "assembly",
        "supply",
        "anomaly",
    ]
)
_CLAUSE = frozenset(
    [
        "and",
        "but",
        "or",
        "nor",
        "that",
        "which",
        "while",
        "because",
        "as",
        "when",
        "if",
        "since",
        "after",
        "before",
        "so",
        "than",
        "where",
        "though",
        "although",
        "whether",
        "whereas",
        "unless",
        "until",
        "once",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "what",
        "how",
        "why",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
        "there",
        "here",
        "not",
        "no",
        "yet",
    ]
)
_DETERMINERS = frozenset(["a", "an", "the"])
_PREPOSITIONS = frozenset(
    ["of", "in", "on", "at", "for", "with", "by", "from", "to", "about", "into", "over", "under"]
)
_LEADING = frozenset(
    [
        "however",
        "but",
        "and",
        "meanwhile",
        "still",
        "also",
        "now",
        "later",
        "then",
        "yet",
        "so",
        "instead",
        "indeed",
        "earlier",
        "separately",
        "moreover",
        "furthermore",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "with",
        "from",
        "by",
        "under",
        "over",
        "since",
        "last",
        "this",
        "today",
        "yesterday",
    ]
)
_RIGHT_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "to",
        "during",
        "when",
        "while",
        "after",
        "before",
        "because",
        "as",
        "who",
        "which",
        "that",
        "from",
        "about",
        "last",
        "this",
        "today",
        "yesterday",
        "tonight",
        "and",
        "but",
        "adding",
        "noting",
        "while,",
        "told",
    ]
)
_NOT_RIGHT_START = frozenset(
    [
        "on",
        "in",
        "at",
        "by",
        "for",
        "to",
        "from",
        "with",
        "during",
        "after",
        "before",
        "last",
        "this",
        "that",
        "as",
        "of",
        "about",
        "it",
        "there",
    ]
)
_RIGHT_CONTINUE = {
    "familiar": "with",
    "close": "to",
    "involved": "in",
    "knowledgeable": "about",
    "briefed": "on",
}


# A token with the white space before it. Every character that is no white space starts a token,
# so the matches follow one another with no gap and the offsets add up from ``lo``.
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    # findall (in C) and the lengths for the offsets: cheaper than a match object per token.
    out = []
    pos = lo
    for space, tok in _SPACED_TOKEN.findall(text, lo, hi):
        start = pos + len(space)
        pos = start + len(tok)
        out.append((start, pos, tok))
    return out


def _is_word(tok: str) -> bool:
    return tok[0].isalnum()


#: The days of the week, as a regex alternation (shared with the content rules).
DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME_BEFORE_CUE = re.compile(
    rf"\s+(?:on\s+{DAYS}|{DAYS}|(?:earlier|later)\s+(?:this|that|in\s+the)\s+\w+|"
    r"(?:late\s+|early\s+)?(?:last|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter)|"
    r"(?:(?:less|more)\s+than\s+|about\s+|nearly\s+)?(?:a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+ago)"
    r"\s*\Z"
)


_AND_END = re.compile(r"\b(?:and|but|or)\Z")


_TIME_WORDS = frozenset(
    [
        "ago",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "week",
        "month",
        "year",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "morning",
        "afternoon",
        "evening",
        "night",
        "day",
    ]
)


def time_before(text: str, lo: int, pos: int) -> re.Match | None:
    """A time phrase ending just before ``pos`` ('on Monday', 'two weeks ago'), else None."""
    end = pos
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = text.rfind(" ", max(lo, end - 12), end) + 1
    if text[start:end] not in _TIME_WORDS:
        return None  # the last word tells at once (a string test, no regex search)
    return TIME_BEFORE_CUE.search(text, max(lo, pos - 40), pos)


def speaker_left(text: str, lo: int, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    """Span of the speaker phrase ending before the cue at ``cue_start`` (``lo`` bounds the search)."""
    when = time_before(text, lo, cue_start)
    if when is not None and when.start() > lo:
        # 'Trump on Monday said', 'The department two weeks ago said'; but '... and on Monday
        # announced' has its subject further back.
        if _AND_END.search(text, max(lo, when.start() - 5), when.start()):
            return None
        cue_start = when.start()
    # Most speaker phrases are short: look 80 characters back first, and further only when
    # the phrase (or an appositive) may reach beyond that window.
    near = max(lo, cue_start - 80)
    found = _speaker_left(text, near, cue_start, lex)
    if near > lo and (found is None or found[0] <= _skip_space(text, near) + 1):
        return _speaker_left(text, max(lo, cue_start - 240), cue_start, lex)
    return found


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


_RELATIVES = frozenset(["who", "which", "whose"])
_PAIRED_TIMES = frozenset(["current", "former", "past", "present", "future"])
_QUESTIONED = frozenset(["asked", "pressed", "questioned"])
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][\w.]*\)")
_CLOSING_MARKS = frozenset(["”", '"', "’"])
_DASHES = frozenset(["—", "–", "-"])
_BE = frozenset(["is", "are", "was", "were", "been", "be"])
_ING_CUE = re.compile(r"[a-z]+ing\b")
_OBJECT_RELATIVE_SUBJECTS = frozenset(["he", "she", "they", "i", "we"])
# Words between a speaker and its cue: adverbs, a negation ('did not mention') and, before
# a form in -ing, the auxiliary of a progressive.
_SKIP_BEFORE_CUE = _ADVERBS | {"not"}
_SKIP_BEFORE_ING = _SKIP_BEFORE_CUE | _BE


def _speaker_left(text: str, lo: int, cue_start: int, lex: Lexicon) -> tuple[int, int] | None:
    toks = _tokens(text, lo, cue_start)
    i = len(toks) - 1
    # 'Trump is telling veterans that ...': a progressive's auxiliary goes with the verb.
    skip = _SKIP_BEFORE_ING if _ING_CUE.match(text, cue_start) else _SKIP_BEFORE_CUE
    while (
        i >= 0
        and toks[i][2].lower() in skip
        or (
            i >= 0
            and toks[i][2].endswith("ly")
            and toks[i][2].islower()
            and len(toks[i][2]) > 4
            and toks[i][2] not in _LY_NOUNS
        )
    ):
        i -= 1
    if i > 0 and toks[i][2].lower() == "here" and _is_word(toks[i - 1][2]):
        i -= 1  # "officials here say": a place, not the start of a clause
    if i > 0 and toks[i][2] in _CLOSING_MARKS and toks[i - 1][2] == ",":
        i -= 1  # 'Humphrey, who calls Trump a “sociopath,” said': the comma inside the mark
    if i > 1 and toks[i][2] == "'" and toks[i - 1][2] == "'" and toks[i - 2][2] == ",":
        i -= 2  # the same with two apostrophes (''), as the New York Times writes them
    if i >= 0 and toks[i][2] == ",":
        # "Clinton, during a town hall meeting in Columbus, Ohio, said": a short phrase that opens
        # the sentence and ends at its first comma is the speaker.
        first = next((k for k in range(len(toks)) if toks[k][2] == ","), None)
        if first is not None and 0 < first <= 6 and first < i:
            head = toks[:first]
            if all(_is_word(t[2]) or t[2] in {".", "’", "'", "-"} for t in head) and not any(
                t[2].lower() in _CLAUSE or t[2].lower() in _LEADING for t in head
            ):
                return head[0][0], head[-1][1]
        j = i - 1
        while j > max(0, i - 8) and toks[j][2] != "(":
            j -= 1
        if (
            toks[i - 1][2] == ")"
            and toks[j][2] == "("
            and toks[j - 1][2][:1].isupper()
            and _PARTY_TAG.fullmatch(text, toks[j + 1][0], toks[i - 1][1])
        ):
            # 'Gov. John Kasich (R-OH), said': the comma after a party tag sets off nothing.
            i = j - 1
        else:
            i = _before_aside(toks, i, lex)
            if i is None:
                return None
    if i > 0 and toks[i][2] in _DASHES:
        # 'The justice -- who has been in a scuffle with Trump -- said': the speaker stands
        # before an aside between dashes, unless the aside reports something of its own.
        k = i - 1 if toks[i][2] == "-" and toks[i - 1][2] == "-" else i
        j = k - 1
        reports = False
        while j >= 0 and toks[j][2] not in _DASHES and toks[j][2] not in {";", ":"} and k - j < 40:
            reports = reports or toks[j][2].lower() in lex.reporting_verbs
            j -= 1
        if j <= 0 or toks[j][2] not in _DASHES or k - j < 2:
            return None
        if reports and toks[j + 1][2].lower() not in _RELATIVES:
            return None
        if toks[j][2] == "-" and toks[j - 1][2] == "-":
            j -= 1
        i = j - 1
    if i >= 0 and toks[i][2] == ")":
        # 'Gov. John Kasich (R-OH), said': skip the parenthesis.
        j = i
        while j >= 0 and toks[j][2] != "(":
            j -= 1
        if j > 0:
            i = j - 1
    end_i = i
    words: list[int] = []
    while i >= 0 and len(words) < 12:
        tok = toks[i][2]
        low = tok.lower()
        if not _is_word(tok) and (
            tok not in {"’", "'", "-", "&"} or not text[toks[i][0] - 1 : toks[i][0]].isalnum()
        ):
            break  # a possessive mark sticks to its word; "''" is a quotation mark
        if (
            low == "and"
            and words
            and toks[words[-1]][2][:1].isupper()
            and i > 0
            and toks[i - 1][2][:1].isupper()
        ):
            # "President Biden and President Xi Jinping agreed": two named speakers.
            words.append(i)
            i -= 1
            continue
        if (
            low == "and"
            and words
            and toks[words[-1]][2] in _PAIRED_TIMES
            and i > 0
            and toks[i - 1][2].lower() in _PAIRED_TIMES
        ):
            # "current and former officials said": one group of speakers.
            words.append(i)
            i -= 1
            continue
        if low in _CLAUSE:
            break
        if low == "who":
            if not words:
                # "Matt Bai, a columnist, who said ...": the relative pronoun is the speaker as
                # written; describe() resolves it to the name before it.
                return toks[i][0], toks[i][1]
            if len(words) == 1 and toks[words[0]][2].lower() in _OBJECT_RELATIVE_SUBJECTS:
                # "Republicans, who he said are disloyal": "who" is what was said about; the
                # pronoun after it speaks.
                break
            # "people who attended the rally said": the speaker is the phrase before "who".
            words = []
            i -= 1
            end_i = i
            continue
        words.append(i)
        i -= 1
    if not words:
        return None
    words.sort()
    # Trim discourse words and a leading prepositional phrase ("In an interview Trump said").
    k = 0
    while k < len(words) and toks[words[k]][2].lower() in _LEADING:
        k += 1
        k0 = k
        while (
            k < len(words) - 1
            and toks[words[k]][2][0].islower()
            and toks[words[k]][2].lower() not in PRONOUNS
            and not (
                # 'Last week a federal judge said': a determiner after the phrase's noun (not
                # after a preposition, 'in the wake of the attack') starts the speaker.
                k > k0
                and toks[words[k]][2] in _DETERMINERS
                and toks[words[k - 1]][2] not in _PREPOSITIONS
            )
        ):
            k += 1
    words = words[k:]
    if not words:
        return None
    s = toks[words[0]][0]
    e = toks[end_i][1] if end_i >= words[-1] else toks[words[-1]][1]
    first = toks[words[0]][2].lower()
    if len(words) == 1 and first in {
        "this",
        "that",
        "which",
        "what",
        "there",
        "it’s",
        "it's",
        "you",
    }:
        return None
    return s, e


def _before_aside(toks, i: int, lex: Lexicon) -> int | None:
    """Index of the last token before an appositive or a parenthetical between commas that
    ends at the comma ``toks[i]``; None when there is no such aside."""
    # The speaker stands before the aside.
    j = i - 1
    reports = False
    while j >= 0 and toks[j][2] not in {",", ";", ":", "(", ")"}:
        # A capitalised word ('Secretary of State') is part of a name, not a verb.
        if toks[j][2] in lex.reporting_verbs:
            reports = True
        j -= 1
        if j >= 0 and toks[j][2] == ")":
            while j >= 0 and toks[j][2] != "(":
                j -= 1
            j -= 1
            continue
    if j < 0 or toks[j][2] != "," or i - j < 2:
        return None
    if reports and toks[j + 1][2].lower() not in _RELATIVES | _QUESTIONED:
        # A cue between the commas reports something of its own ('..., he said, ...'); one
        # in a relative clause ('McCaskill, who has endorsed Clinton, said') or a passive
        # participle ('Trump, asked about Putin, said') describes the speaker.
        return None
    i = j - 1
    if i >= 0 and toks[i][2] == ")":
        while i >= 0 and toks[i][2] != "(":
            i -= 1
        i -= 1
    return i


def speaker_right(text: str, start: int, hi: int, lex: Lexicon) -> tuple[int, int] | None:
    """Span of the speaker phrase starting after an inverted cue ("said Sen. Smith, who ...")."""
    toks = _tokens(text, start, min(hi, start + 200))
    words: list[int] = []
    i = 0
    while i < len(toks) and len(words) < 12:
        tok = toks[i][2]
        low = tok.lower()
        if not _is_word(tok) and tok not in {"’", "'", "-", "&"}:
            break
        if words and low in _RIGHT_STOP:
            prev = toks[words[-1]][2].lower()
            if _RIGHT_CONTINUE.get(prev) != low:
                break
        if low in _CLAUSE and low not in {"according"}:
            break
        words.append(i)
        i += 1
    if not words or toks[words[0]][2].lower() in _NOT_RIGHT_START:
        return None
    return toks[words[0]][0], toks[words[-1]][1]

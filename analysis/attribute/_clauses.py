"""Tests on the clause around a reporting cue, for the reported-speech rules in ``_reported``.

Each answers one question about the words next to a cue: which clause 'as X reported' or
'according to X' sources (:func:`_as_source`, :func:`_last_main_clause`), whether a subject is
too long to be a speaker (:func:`_long_subject`), whether a one-word content is an object or
'yes' (:func:`_one_word_ok`), whether a document speaks through a relative clause
(:func:`_document_before_relative`), how an opening participle or a characterising verb
('called him "a liar"') reads (:func:`_opening_participle`, :func:`_characterisation`), and
where a time clause starts (:func:`_time_clause_start`).
"""

from __future__ import annotations

import bisect
import re

from ._cues import prepositions
from ._phrases import DAYS, speaker_left, speaker_right, time_before
from ._spans import (
    _content_end,
    _list_and,
    _subject,
)
from ._speakers import _role_of
from ._text import (
    _AUX,
    _WORDS,
    _clean_end,
    _comma_outside_quotes,
    _in_quote,
    _short,
    _skip_space,
)

__all__ = [
    "_ACCORDING_LEAD",
    "_FINITE",
    "_ING_NEXT",
    "_SAY_FORMS",
    "_THAT",
    "_TIME_CLAUSE",
    "_as_source",
    "_asked_at",
    "_before_time",
    "_characterisation",
    "_document_before_relative",
    "_ends_with_comma",
    "_last_main_clause",
    "_long_subject",
    "_one_word_ok",
    "_opening_participle",
    "_time_clause_start",
    "_titled_source",
]

_THAT = re.compile(r"\s*(?:,\s*)?(?:that\b\s*)?")


_ACCORDING_LEAD = re.compile(
    r"[\s(—–-]*(?:(?:but|and|so|yet|still|however|instead)\b[\s,]*)?", re.IGNORECASE
)
_COORDINATE = re.compile(
    r",\s+and\s+(?=(?:he|she|they|it|we|I|the|his|her|its|their|[A-Z][a-z]+\s+[a-z]+)\b)"
)


_BY = re.compile(r"\s*by\s+")


_AS_OBJECT = re.compile(r"\s+(?:it|this|that|so|those|these)\b")
_AS_BEFORE = re.compile(r"(?:^|,)\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?[Aa]s\s+\Z")
_AS_REPORTED = frozenset(
    ["said", "says", "reported", "reports", "noted", "notes", "wrote", "writes", "put", "puts"]
)


def _as_source(text, s, e, sp, v, qstarts, quotes) -> tuple[int, int] | None:
    """The content sourced by 'as X reported', read like 'according to X': the main clause
    after it when it opens the sentence ('As Politico reported Tuesday, [the PAC will ...]'),
    the last clause before it when it closes the sentence ('[Ailes met Trump that day], as The
    Times reported.')."""
    if v.group(0).lower() not in _AS_REPORTED or _AS_OBJECT.match(text, v.end()):
        return None  # 'As he said it, ...': a time, not a source
    lead = text[s : sp[0]]
    m = _AS_BEFORE.search(lead)
    if m is None:
        return None
    if not lead[: m.start()].strip():
        comma = _comma_outside_quotes(text, v.end(), e, qstarts, quotes)
        if comma < 0 or not _short(text, v.end(), comma, 6) or _short(text, comma, e, 3):
            return None
        return comma + 1, _clean_end(text, comma + 1, e)
    end = s + m.start()
    if lead[m.start()] == "," and _short(text, v.end(), e, 4) and not _short(text, s, end, 3):
        # As for a closing 'according to': the last clause with a subject of its own.
        return _last_main_clause(text, s, end, qstarts, quotes), _clean_end(text, s, end)
    return None


def _titled_source(text, pos, e, lex, qstarts, quotes) -> tuple[int, int] | None:
    """'according to "Man of the World," a book ...', 'according to ''The Trumps'' by Gwenda
    Blair': a quoted title is the source, with its author if one follows."""
    pos = _skip_space(text, pos, e)
    k = bisect.bisect_left(qstarts, pos)
    if k < len(quotes) and qstarts[k] != pos:
        # 'according to his book "The Art of the Deal."', "according to E. J. Fleming's
        # ''The Fixers''": an owner of a few words before the title.
        owner = _TITLE_OWNER.match(text, pos, qstarts[k])
        if owner is None or owner.end() != qstarts[k]:
            return None
    if k == len(quotes) or not quotes[k].closed or quotes[k].end > e:
        return None
    end = quotes[k].end
    by = _BY.match(text, end, e)
    author = speaker_right(text, by.end(), e, lex) if by else None
    return pos, author[1] if author else end


_TITLE_OWNER = re.compile(
    r"(?:(?:his|her|their|its|the|a|an)\s+)?(?:[\w’'.\-]+\s+){0,3}?"
    r"(?:book|memoir|biography|column|report|study|article|essay|film|documentary|show|"
    r"[\w.\-]+[’']s)\s+"
)


_COLON_OR_DASH = re.compile(r":\s|\s[-–—]\s")
_ING_NEXT = re.compile(r"\s*[a-z]+ing\b")


def _last_main_clause(text: str, cs: int, ce: int, qstarts=(), quotes=()) -> int:
    """Start of the clause that a trailing 'according to' sources, in ``text[cs:ce]``: after
    the last ', and' that opens a clause with its own subject ('..., and Clinton broke it'),
    a colon or a dash."""
    last = None
    for m in _COORDINATE.finditer(text, cs, ce):
        if not _in_quote(m.start(), qstarts, quotes) and not _list_and(text, cs, m):
            last = m
    for m in _COLON_OR_DASH.finditer(text, last.end() if last else cs, ce):
        # '... less attractive to financial firms: [London was the financial capital]'; a
        # dash only when it is the sentence's one dash (a pair sets off an aside)
        mark = m.group(0).strip()
        if not _in_quote(m.start(), qstarts, quotes) and (
            mark == ":" or text.count(mark, cs, ce) == 1 and not _ING_NEXT.match(text, m.end())
        ):
            last = m
    if last is not None and not _short(text, last.end(), ce, 2):
        cs = last.end()
    return _skip_space(text, cs, ce)


def _before_time(text: str, s: int, v: re.Match) -> int:
    """Start of the cue ``v`` or of a time phrase just before it ('and on Monday announced')."""
    when = time_before(text, s, v.start())
    return when.start() if when else v.start()


_FUNCTION_WORD_END = re.compile(r"\b(?:by|in|of|to|for|both|without|have|has|who[’']s)\Z")


# A verb with its object or complement inside the phrase makes it a clause ('Rubio took a
# positive view of', 'The group launched a national ad campaign', 'tried to resist').
_PREDICATE_IN_PHRASE = re.compile(
    r"\b(?:[a-z]{3,}ed|took|made|gave|hit|won|ran|went|got|put|set|sent|told|said)\s+"
    r"(?:a|an|the|his|her|their|its|only|to|back|on|up|out|off|with|for|statements?)\b"
    rf"|\b[a-z]{{3,}}ed\s+(?!(?:{DAYS}|last|this)\b)[A-Z]"  # ('released Sunday by' is no verb)
)


def _long_subject(text: str, s: int, sp: tuple[int, int]) -> bool:
    """A subject that opens its sentence may be long ('One in four voters in a Times poll last
    year said', 'A redacted copy of the memo seen by Reuters said', 'His guest list for
    Wednesday's faceoff in Las Vegas signaled'), when it holds no auxiliary and no verb with its
    object ('Rubio took a positive view of') and ends in no function word ('... last week by')."""
    phrase = text[sp[0] : sp[1]]
    return (
        not _WORDS.search(text, _ACCORDING_LEAD.match(text, s, sp[0]).end(), sp[0])
        and not _FUNCTION_WORD_END.search(phrase)
        and not _FINITE.search(phrase)
        and not _PREDICATE_IN_PHRASE.search(phrase)
    )


_ASKED_START = re.compile(r"(?:[Ww]hen\s+)?[Aa]sked\b")


def _asked_at(text: str, s: int) -> bool:
    """'Asked why ..., Sanders said Y': the clause before the comma is the question, not Y's source."""
    return bool(_ASKED_START.match(text, s))


_SAY_FORMS = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "add",
        "adds",
        "added",
        "adding",
    ]
)


def _one_word_ok(text: str, cs: int, ce: int, cue: str) -> bool:
    """A one-word content: the object of a stance ('endorsed Clinton', 'attacked him'), or 'said yes'."""
    word = text[cs:ce].strip().lower()
    if cue in _SAY_FORMS:
        return word in {"yes", "no"}
    return word.isalpha() and (
        text[cs].isupper() or word in {"him", "her", "them", "it", "us", "me"}
    )


_RELATIVE_BEFORE = re.compile(
    # ('a video in which Trump called himself pro-choice': not after a preposition)
    r"(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bwith )(?<!\bfor )(?<!\bto )(?<!\bon )(?<!\bat )"
    r"\b(?:whom|which|what|who|that)\s+(?=[^,;:.“”\"]{1,50}$)"
)
# Who characterises: a name, a pronoun, a noun phrase with a determiner or a plural noun.
_CHARACTERISER = re.compile(
    r"(?:[A-Z]|(?:he|she|they|we|I|it|the|a|an|one|some|many|his|her|their)\b|[a-z]+s\b)"
)


_DOCUMENT_RELATIVE = re.compile(
    r"\b((?:a|an|the|his|her|their|its|this|that)\s+(?:[\w’'\-]+\s+){0,4}?[\w’'\-]+)"
    r"(?:\s+(?:on|last|this|early|late)?\s*(?:[A-Z][a-z]+day|morning|afternoon|evening|night|week))*"
    r"\s+(?:that|which)\s+\Z"
)


def _document_before_relative(text, s, cue_start, lex):
    """The document that a relative clause's cue speaks for ('a letter from his doctor Friday
    afternoon that says ...'), if the phrase before 'that' / 'which' is one, else None."""
    m = _DOCUMENT_RELATIVE.search(text, max(s, cue_start - 80), cue_start)
    if m and _role_of(m.group(1).lower(), lex) == "document":
        return m.span(1)
    return None


_MAIN_CLAUSE = re.compile(
    r",[”\"']*\s+(?=(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}|he|she|they|we|I)\s+"
    r"(?:[a-z]+(?:ed|s)|said|told|wrote|made|took|gave|went|has|had|is|was|will|would|also|"
    r"then)\b)"
)


_CLOSING_MARKS = frozenset(["”", '"', "'"])


def _opening_participle(text, e, v, lex, qstarts, quotes):
    """(content start, content end, speaker) for a participle cue ``v`` that opens its
    sentence ('Calling Ross "exactly the partner I need," Mrs. Clinton upbraided Mr. Burr'),
    else None."""
    if v.group(0).lower() in prepositions(lex):
        return None  # ('Speaking to reporters, Trump said ...': an occasion)
    pos = v.end()
    while (m := _MAIN_CLAUSE.search(text, pos, e)) is not None:
        closing = text[m.start() + 1 : m.start() + 2] in _CLOSING_MARKS  # '... I need," Mrs.'
        if closing or not _in_quote(m.start(), qstarts, quotes):
            break
        pos = m.end()
    if m is None or _short(text, v.end(), m.start(), 1) or not _short(text, v.end(), m.start(), 40):
        return None
    sp = _subject(text, m.end(), e, lex)
    if sp is None or sp[0] != m.end():
        return None
    cs = _THAT.match(text, v.end()).end()
    ce = text.rfind(",", cs, m.start() + 1)
    if text[m.start() + 1 : m.start() + 2] in "”\"'":
        ce = m.start() + 2  # the comma inside the closing mark: '... I need,"'
    return cs, ce, sp


def _characterisation(text, s, e, v, lex, qstarts, quotes, verb):
    """(content start, content end, speaker) when the cue ``v`` ('described', 'called' ...)
    follows a relative word and the relative clause's subject: the content runs from the
    relative word to the first comma outside quotation marks. Else None."""
    rel = _RELATIVE_BEFORE.search(text, max(s, v.start() - 60), v.start())
    if rel is None or _in_quote(rel.start(), qstarts, quotes):
        return None
    sp = speaker_left(text, rel.end(), v.start(), lex)
    if (
        sp is None
        or sp[0] != _skip_space(text, rel.end(), v.start())
        or not _CHARACTERISER.match(text, sp[0], sp[1])
    ):
        return None
    ce = _content_end(text, v.end(), e, qstarts, quotes, verb=verb)
    comma = _comma_outside_quotes(text, v.end(), ce, qstarts, quotes)
    if comma >= 0:
        ce = comma  # ('which friends described as miserable, contributed to ...')
    return (rel.start(), ce, sp) if ce > v.end() else None


_TIME_CLAUSE = re.compile(
    r"\s(?:as|when|while|after|before|because|since)\s+(?=(?:he|she|they|it|we|I|the|[A-Z])\b)"
)


def _time_clause_start(text: str, pos: int, end: int) -> int:
    """Where a clause of time or reason with a subject of its own starts in ``text[pos:end]``,
    else ``end``."""
    m = _TIME_CLAUSE.search(text, pos, end)
    return m.start() if m else end


def _ends_with_comma(before: str) -> bool:
    """'... back,'' Ms. Acosta said' / '... back," he said': content, then a comma (maybe in quotes)."""
    return before.rstrip().rstrip("'’”\"").endswith(",")


_FINITE = re.compile(rf"\b(?:{_AUX}|won't|can't|isn't|wasn't)\b")

"""Where a reported content ends, and what the subject of a sentence is.

Read by reported speech (``_reported``), by the passes after it (``_extras``) and, for
the subject of a participle or a colon ('..., adding, "..."', 'He gave a compliment: "..."'),
by direct quotes (``_direct``).

:func:`_content_end` stops a content at a participle or a relative clause after a comma, a
second predicate of the speaker ('..., and urged ...', '... but did not suggest ...'), a cue
clause of its own ('..., Smith said'), or a time or place of speaking ('in an interview', 'on
Twitter'); a comma or an 'and' inside a quotation, or the ', and' that closes a list, is no
stop. :func:`_subject` reads the subject of a sentence after up to two opening phrases ('On
Thursday, after remaining neutral, Warren ...'): a name, a pronoun, 'the' and a noun, or a
counted group ('about 200 protesters'). :func:`_plausible_speaker` turns down a speaker
phrase that is a lone 'it' or 'which', or runs to more than eight words (the caller allows
sixteen for a subject that opens its sentence before 'said'). :func:`_object_end` ends
the content of a stance at the noun phrase it is about ('endorsed [Trump] here on Sunday'), and
:func:`_interrupted_clause` finds where a clause opens that a speaker interrupts ('the permit,
his campaign said, had been hard to get').
"""

from __future__ import annotations

import re

from ._lexicon import Lexicon
from ._phrases import _DETERMINERS, _PAIRED_TIMES, DAYS
from ._speakers import _role_table
from ._text import (
    _AUX,
    _AUX_FORMS,
    _OPENING_CLAUSE,
    _WORDS,
    _clean_end,
    _in_quote,
    _short,
    _skip_space,
)

__all__ = [
    "_INTRO",
    "_NOT_OPENING",
    "_JUDGING_STEMS",
    "_STANCE",
    "_content_end",
    "_interrupted_clause",
    "_list_and",
    "_object_end",
    "_openings_end",
    "_plausible_speaker",
    "_clause_subject",
    "_subject",
    "_trim_adjunct",
]

# A comma after a content, maybe inside its closing quotation mark (as the NYT writes '').
_COMMA_MARK = r",(?:[”\"]|'')?\s+"
# Participles by which a speaker goes on after a content: ', adding that ...', ', saying ...'.
_SPEAKER_PARTICIPLES = (
    r"adding|saying|noting|arguing|calling|labeling|labelling|warning|telling|explaining|"
    r"insisting|claiming|describing|suggesting"
)
_PARTICIPLE_STOP = re.compile(
    # Every stop starts with a comma, a space or a semicolon: the look-ahead skips other
    # positions at once.
    rf"(?=[,;\s])(?:{_COMMA_MARK}(?:{_SPEAKER_PARTICIPLES}|while|although|though|but(?!\s+that\b)|"
    r"which|who|whom|for\s+whom|where|whereas|even\s+as|despite|according)\b|\s[-–—]\s|;"
    # A clause of time with a participle tells what the speaker did next ('called her fallen son
    # her hero [before explaining why ...]').
    r"|\s(?:before|after)\s+(?:[a-z]+ly\s+)?(?!having|being)[a-z]{3,}ing\b"
    # A closing appositive ("..., a Republican trying to ...") describes the last name.
    r"|,\s+(?:a|an|the)\s(?=[^,;:“”\"]*$)"
    # "..., with Sen. John McCain calling it ...": a clause with a subject of its own (but
    # "..., with 40 percent supporting him" is a poll's finding).
    r"|,\s+with\s+(?!\d)(?=(?:[\w’'.\-]+\s+){1,5}?(?!(?:during|including|according|regarding|concerning|"
    r"nothing|something|anything|everything|morning|evening|spring|king|thing|string|bring|sing)\b)"
    r"[a-z]+ing\b)"
    # A comparison or a contrast of the writer's ("..., compared with 11 percent of ...",
    # "..., down from 47 percent", "..., as they did in a debate last week").
    r"|,\s+(?:compared\s+(?:with|to)|(?:down|up)\s+from|"
    r"as\s+(?:he|she|they|it|we|I)\s+(?:did|does|do|had|has|have)\b)"
    # Any participle after a comma starts a new predicate ("..., leading authorities to ...").
    r"|,(?:[”\"]|'')?\s+(?:\w+ly\s+|instead\s+)?(?!(?:during|including|according|regarding|concerning|nothing|something|"
    r"anything|everything|morning|evening|spring|king|thing|string|bring|sing)\b)[a-z]+ing\b"
    r")"
)
# Where reported content stops: a second predicate ("..., and urged ...", "... and said ..."),
# but not "..., and that ...", which continues what was said.
_AND_STOP = re.compile(
    # Every stop has a conjunction after a comma or a space: checked first, it skips the
    # other positions at once.
    r"(?=[,\s])(?=,?(?:[”\"]|'')?\s+(?:and|but|while|even|as)\b)(?:"
    r",(?:[”\"]|'')?\s+(?:and|but)\s+(?!that\b(?!\s+(?:doesn’t|doesn't|does|did|didn’t|didn't|is|was|could|"
    r"would|will|may|might|isn’t|isn't|wasn’t|wasn't|seems|remains|means)\b))|\s+and\s+(?:also\s+|then\s+|later\s+)?(?=(?:said|says|say|told|added|"
    r"argued|noted|urged|warned|called|asked|insisted|claimed|suggested|rejected|denied)\b)"
    # "... and one in four said ...": another speaker's report (not in 'current and former
    # officials said', one group of speakers).
    r"|"
    + "".join(rf"(?<!{word})" for word in sorted(_PAIRED_TIMES))
    + r",?\s+(?:and|but|while)\s+(?=(?:[\w’'\-.]+\s+){1,6}?(?:said|says|say|told|added|argued|noted|"
    r"believe|believes|think|thinks|wrote|writes)\b)"
    # A second predicate of the speaker: "... and has gone so far as to ...".
    r"|\s+and\s+(?=(?:has|have|had|was|is|were|are|will|would)\s+(?:also\s+)?(?:[a-z]+(?:ed|en|ing)|"
    r"gone|made|said|told|done|given|shown|become|come|written|spoken|thrown|drawn|held|kept|led|"
    r"left|sent|spent|won|lost|paid|brought|bought|fought|sought|thought|met|run)\b)"
    # "... but did not suggest ...", "... but took issue with ...": the speaker's next predicate.
    r"|\s+but\s+(?=(?:did|does|do|took|takes|also(?!\s+(?:because|for|in|on|at|to|a|an|the|that|"
    r"with|by|from|as|when|if|of)\b)|said|says|added|was|is|has|had|would|could|"
    r"will|declined|refused|stopped|acknowledged|conceded|noted|warned)\b)"
    r"|,\s+even\s+(?:though|if)\b|,\s+as\s+(?:have|has|had|did|do|does|is|are|was|were)\b"
    r")"
)


def _list_and(text: str, cs: int, m: re.Match) -> bool:
    """', and' that closes a list ('Obama, Abe, and Park'): a short item after another comma."""
    if not text.startswith(",", m.start()):
        return False
    prev = text.rfind(",", cs, m.start())
    while prev > cs and text[prev - 1].isdigit() and text[prev + 1 : prev + 2].isdigit():
        prev = text.rfind(",", cs, prev)  # ('30,000 jobs, a mass layoff': a number's comma)
    return prev >= 0 and _short(text, prev, m.start(), 3)


_EVENTS = (
    r"(?i:rally|rallies|event|debate|forum|hearing|conference|meeting|speech|interview|town\s+hall|"
    r"summit|convention|dinner|luncheon|fundraiser|breakfast|campaign\s+stop|appearance|"
    r"briefing|statement|tweet|post|op-ed|letter|broadcast|email|memo|filing)s?"
)
# The occasion or the medium of speaking after what was said: "attacked Machado [in
# early-morning tweets]", "blamed local officials [on Twitter]". PolNeAR's contents stop before
# it. Times are left alone: in "said the deal was signed on Friday" or "opened an inquiry in
# July" they date the content.
_ADJUNCT = (
    r"(?:(?:during|at|in|after|before)\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
    rf"(?:[\w’'.\-]+\s+){{0,4}}?{_EVENTS}(?:\s+(?:on|in|at|with)\s+(?:[\w’'.\-]+\s+){{0,4}}?[\w’'.\-]+)?"
    # "denied the charges [through his lawyer]": who passed the words on.
    r"|through\s+(?:his|her|their|its|a)\s+(?:lawyers?|attorneys?|spokes(?:man|woman|person)|representatives?|aides?)"
    r"|on\s+(?:Twitter|Facebook|Instagram|CNN|Fox(?:\s+News)?|MSNBC|NBC|ABC|CBS|NPR|radio|television|TV))"
)
# The patterns searched over a whole content open with "\s\s*", not "\s+": a pattern that opens
# with a character set lets ``re`` skip to the next space at once.
_TRAILING_ADJUNCT = re.compile(rf"\s\s*{_ADJUNCT}(?:,?\s+{_ADJUNCT})*(?=[\s.,;:!?]*$)")


# A comma, then maybe a speaker phrase (group 1), then a lower-case word (checked for a verb).
_MARKS = frozenset(["”", '"'])
_PAIRED = "(?:" + "|".join(sorted(_PAIRED_TIMES)) + ")"  # 'current and former', 'former'
_COMMA_SPEAKER = re.compile(
    r",[”\"']*\s+(?:((?:[A-Z][\w’'.\-]*|the|a|an|his|her|their|he|she|they|we"
    # Unnamed sources with no article: '..., current and former officials said', '..., senior
    # economists say', '..., former President Bill Clinton said'.
    rf"|(?:{_PAIRED}\s+and\s+)?{_PAIRED}|senior|top|federal|officials|sources|experts|"
    r"analysts|aides|advisers|economists|critics|investigators|prosecutors|lawyers|strategists|"
    r"insiders)"
    r"(?:\s+(?!(?:that|which|who|and|but|to)\b)[\w’'.\-]+){0,5}?)\s+)?(?=[a-z])"
)
_TRAILING_TIME = re.compile(
    r"\s\s*in\s+(?:(?:early|late|mid-?)\s*)?(?:\d{4}|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|(?:the\s+)?(?:coming|recent|past)\s+"
    r"(?:days|weeks|months|years))(?:\s+\d{4})?(?=[\s.,;:!?]*$)"
)
_CLAUSE_OPEN = re.compile(r"(?:that|he|she|they|it|we|I|you|there|whether|if|how|why|what|who)\b")
_WHEN_AS = re.compile(r" (?:when|as) (?=(?:he|she|they|it|I|we) (?!comes\b)[a-z]+(?:ed|s)\b)")
# "..., said to be ...", "..., known as ...": no finite reporting verb.
_NOT_MAIN_VERB = re.compile(r"\s+(?:to|as|by)\b|ing\b")
_NOT_APPOSITIVE = re.compile(
    rf"[^.]*?\b(?:and|or)\s+(?:the|a|an|his|her|their|its)\b|(?:[\w’'\-]+\s+){{0,5}}?{_AUX}\b"
)
_DASHES = frozenset("-–—")
_DASH_PAIR = re.compile(r"\s[-–—]\s")
_AND_THAT_SUBJECT = re.compile(r",\s+and\s+that\s+(?:he|she|they|we|I|[A-Z][\w’'\-]+)\s+")
_AND_VERB = re.compile(r"\s\s*(?:and|but|or)\s+(not\s+)?(?:also\s+|then\s+|later\s+)?")


_SPEAKER_GOES_ON = re.compile(rf"{_COMMA_MARK}(?:{_SPEAKER_PARTICIPLES}|according)\b")
# After an explicit 'that' the content is a clause of its own, and PolNeAR's contents run on
# over its contrasts, relative clauses and participles ('that Clinton would win, while Sanders
# would ...', 'that the DNC failed ..., which led to ...'), unless the speaker goes on
# (', adding that ...') or another speaker reports (', and Ms. Acosta said ...').
_CLAUSE_GOES_ON = re.compile(
    rf"{_COMMA_MARK}(?:but|which|while|even\s+(?:as|if|though)|despite|and|(?:\w+ly\s+)?[a-z]+ing)\b"
)


_NEXT_WORDS = re.compile(r"[^\s]+\s+")


# ', and' before what carries on the same content: an infinitive ('to spend two days in
# Florida, and to return to ...'), a prepositional phrase ('concern over the case, and of ...'),
# a number ('7 in 10 in Tennessee, and nearly 8 in 10 in Alabama'), 'then' or 'there'.
_AND_GOES_ON = re.compile(
    rf"{_COMMA_MARK}and\s+(?:to\s+[a-z]+|of|in|on|at|for|with|from|then|there|nearly|about|"
    r"almost|more|less|\d)\b"
)
# A word of a speaker phrase: no conjunction, relative, auxiliary or negation, which would make
# the words a clause ('if the state held up the deal, Patriot could threaten ...').
_PHRASE_WORD = re.compile(
    rf"(?!(?:that|which|who|and|but|to|{_AUX}|[\w’']+n[’']t|not)\b)[\w’'.\-]+\s+"
)


def _verb_after_phrase(text: str, pos: int, e: int, verb, words: int = 6) -> re.Match | None:
    """A cue after up to ``words`` more words of a speaker phrase at ``pos``."""
    for _ in range(words):
        m = _PHRASE_WORD.match(text, pos, e)
        if m is None:
            return None
        pos = m.end()
        if text[pos : pos + 1].islower() and (v := verb.match(text, pos, e)):
            return v
    return None


def _clause_goes_on(text: str, pos: int, e: int, verb) -> bool:
    """The clause goes on at ``pos`` unless a cue follows within ten words, which makes it
    another attribution ('..., and he endorsed Markey', '..., while Democrats want ...')."""
    if not _CLAUSE_GOES_ON.match(text, pos) or _SPEAKER_GOES_ON.match(text, pos):
        return False
    word = _skip_space(text, pos + 1, e)
    for _ in range(10):
        if verb.match(text, word, e):
            return False
        m = _NEXT_WORDS.match(text, word, e)
        if m is None:
            break
        word = m.end()
    return True


def _no_stop(text, cs, e, m, rx, stop, qstarts, quotes, verb, clause) -> int | None:
    """Where the search for the end of a content goes on when the match ``m`` of ``rx`` is no
    stop, else None."""
    found = m.group(0)
    if rx is _PARTICIPLE_STOP:
        if found.lstrip().startswith(("before", "after")) and _short(text, cs, m.start(), 1):
            # ('said to Ryan, after waiting a beat, “So, now you’re Jack Kennedy?”': only the
            # listener before it, so the words said come after the clause of time)
            return m.end()
        if found.strip() in _DASHES:
            # "those old - and previously unreported - postings": a pair of dashes sets off
            # an aside inside the content.
            close = _DASH_PAIR.search(text, m.end(), e)
            if close and close.group(0).strip() == found.strip():
                return close.end()
        if (
            found.endswith(("who", "which"))
            and (close := text.find(",", m.end(), e)) >= 0
            # (not one with a cue of its own: ', which The Post first reported, ...')
            and not (found.endswith("which") and verb and verb.search(text, m.end(), close))
        ):
            # 'Smith, the mother of a victim, who died in 2012, is wrong', 'the annual talks,
            # which started a decade ago, remained ...': a relative clause closed by a comma
            # sits inside the content; only one running to the end is cut.
            return m.end()
        if found.endswith((" a ", " an ", " the ")) and _NOT_APPOSITIVE.match(text, m.end(), e):
            # '..., the Iranian deal and the court' closes a list; '..., a recount could
            # not be done' is a clause: neither is an appositive.
            return m.end()
    if (
        _in_quote(stop, qstarts, quotes)
        or _list_and(text, cs, m)
        or rx is _AND_STOP
        and _AND_GOES_ON.match(text, m.start())
        and not (verb is not None and _verb_after_phrase(text, m.end(), e, verb, 8))
        or clause
        and verb is not None
        and _clause_goes_on(text, m.start(), e, verb)
    ):
        return m.end()
    return None


def _content_end(text: str, cs: int, e: int, qstarts=(), quotes=(), verb=None, clause=False) -> int:
    """Where reported content stops; a comma or "and" inside a quotation is no stop.

    ``clause``: the content follows an explicit 'that' and runs on over a contrast, a
    relative clause or a participle of its own (see ``_CLAUSE_GOES_ON``).
    """
    for rx in (_PARTICIPLE_STOP, _AND_STOP):
        pos = cs
        while (m := rx.search(text, pos, e)) is not None:
            stop = m.start()
            if text[stop] == "," and not text[stop + 1].isspace():
                # 'called it "a disgrace," adding ...': the comma sits inside the closing
                # quotation mark; the content ends after the mark.
                stop += 1
                while text[stop] in "”\"'":
                    stop += 1
            go_on = _no_stop(text, cs, e, m, rx, stop, qstarts, quotes, verb, clause)
            if go_on is None:
                e = stop
                break
            pos = go_on
    m = _WHEN_AS.search(text, cs, min(e, cs + 100))
    if m and _short(text, cs, m.start(), 8) and not _in_quote(m.start(), qstarts, quotes):
        # "opposed it as he positioned himself", "tweeted his observations as he lined up": a
        # clause of time with a subject of its own after a short object tells when the speaker
        # acted. After a longer clause it may be part of what was said, so it stays.
        e = m.start()
    if verb is not None:
        # "... to endorse Clinton, Eskelsen García said at the time": a cue clause of its own
        # after a comma closes the content. So does a reporting verb right after a comma, the
        # main clause that an aside interrupted ('Humphrey, who calls Trump a "sociopath," said
        # ...', 'Manafort, citing X, said ...'), unless it is no finite verb ('..., said to be').
        for m in _COMMA_SPEAKER.finditer(text, cs, e):
            v = verb.match(text, m.end(), e)
            if (
                v is not None
                and (m.group(1) or "").lower() in _DETERMINERS
                and _OPENING_CLAUSE.match(text, cs)
                and text.find(",", cs, m.start()) < 0
            ):
                # 'even if they thought so, a recount could not be done': after the opening
                # clause comes the main one, whose subject is a noun ('a recount').
                v = None
            if v is None and m.group(1):
                # The shortest speaker phrase was tried first: a longer one may end at the verb
                # (', his likely GOP rival Mitt Romney said').
                v = _verb_after_phrase(text, m.end(), e, verb)
            if (
                v
                and (m.group(1) or not _NOT_MAIN_VERB.match(text, v.end()))
                and (
                    not _in_quote(m.start(), qstarts, quotes)
                    or text[m.start() + 1 : m.start() + 2] in _MARKS  # 'a “sociopath,” said'
                )
            ):
                e = m.start() + 2 if text[m.start() + 1 : m.start() + 2] in _MARKS else m.start()
                break
        # "... and predicted that ...", "acknowledging X but warning Y", "would discuss X but
        # not mention Y": a reporting verb after "and" or "but" (past, participle, or after
        # "not") is the speaker's next predicate, not part of what was said. A present form
        # ('... and supports candidates') goes on with the subject of the content.
        for m in _AND_VERB.finditer(text, cs, e):
            v = verb.match(text, m.end(), e)
            if (
                v
                and (v.group(0).endswith(("ed", "ing")) or m.group(1))
                and not _in_quote(m.start(), qstarts, quotes)
            ):
                e = m.start()
                break
        # '... that Obama agreed to X, and that he agreed to Y': a second 'that' clause with a
        # cue of its own is a second attribution, not more of this content.
        for m in _AND_THAT_SUBJECT.finditer(text, cs, e):
            if verb.match(text, m.end(), e) and not _in_quote(m.start(), qstarts, quotes):
                e = m.start()
                break
    e = _trim_adjunct(text, cs, _clean_end(text, cs, e), qstarts, quotes)
    m = _TRAILING_TIME.search(text, cs, e)
    if m and _short(text, cs, m.start(), 3) and not _CLAUSE_OPEN.match(text, cs):
        # 'endorsed Sanders in February', 'voted for Obama in 2012': after a short object
        # (no clause of its own) a time says when the speaker acted, not what was said.
        e = m.start()
    return e


def _trim_adjunct(text: str, cs: int, e: int, qstarts=(), quotes=()) -> int:
    """A trailing time or place of speaking is no part of the content (the first one that
    runs to the end, after at least one word of content, outside quotation marks)."""
    pos = _WORDS.search(text, cs, e)
    pos = pos.end() if pos else e
    while True:
        m = _TRAILING_ADJUNCT.search(text, pos, e)
        if m is None:
            break
        if not _in_quote(m.start(), qstarts, quotes):
            return m.start()
        pos = m.end()
    return e


_SUBJECT = re.compile(
    r"(?:(?:However|But|And|Meanwhile|Still|Also|Now|Later|Then|Yet|So|Instead|Indeed|Earlier|Separately|"
    r"then|later|also)\s*,?\s+){0,2}"
    # "The president left no doubt ..., saying": a determiner and one common noun.
    r"([Tt]he\s+[a-z][a-z\-]+(?=\s+[a-z])"
    # "Former Secretary of State Madeleine Albright", "Band member Flea": "of" and one role
    # noun may sit between capitalised words.
    r"|(?:(?:The|the|A|a|An|an)\s+)?(?:[A-Z][\w’'\-.]*\s+(?:of\s+(?:the\s+)?|(?:[a-z]+\s+)?(?:member|"
    r"leader|chairman|chairwoman|director|spokesman|spokeswoman|adviser|strategist|senator|"
    r"governor|president|candidate|nominee|manager|secretary|aide|chief|attorney|lawyer|"
    r"counsel|founder|editor|pollster|analyst)\s+(?=[A-Z]))?){0,4}[A-Z][\w\-.]*|[Hh]e|[Ss]he|"
    r"[Tt]hey|I|We"
    # "about 200 protesters": a counted group.
    r"|(?:(?:about|some|nearly|roughly|almost|at\s+least|more\s+than)\s+)?\d[\d,]*\s+[a-z][a-z\-]+)"
    r"(?=[\s,])"
)
_NOT_SUBJECT = frozenset(
    [
        "Here",
        "There",
        "This",
        "That",
        "It",
        "These",
        "Those",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "If",
        "In",
        "On",
        "At",
        "As",
    ]
)


_INTRO = re.compile(
    r"(?:In|At|During|On|After|Before|With|From|For|Under|Over|Since|Despite|While|When|As|Speaking|"
    r"Here|Outside|Inside|Back|Across|Along|Around|Near|Ever|"
    r"Asked|Hours|Days|Minutes|Moments|Later|Earlier|Then|And|But|Still|Meanwhile|Also|Yet|So|Now|"
    r"However|Instead|Indeed|Separately|Alongside|Afterward|Afterwards|Last|This|Next|Even|Though|"
    r"Although|Because|If|Once|Until|Throughout|Within|Without|Among|Amid|Against|Following|"
    r"According|Given|Unlike|Like|Beyond|Besides|Notably|Still|Overall|Today|Yesterday|"
    # 'Walking to the next address, Ebeling ...': an opening participle.
    # ('Beijing has expressed ...' is a name, not a participle).
    r"[A-Z][a-z]+ing(?=\s+(?:to|through|into|in|on|at|from|with|out|up|down|back|for|about|"
    r"around|across|past|along|against|upon|his|her|their|its|the|a|an)\b))\b[^,]{0,90},\s*"
)


# A discourse word is no subject: "But much of the debate ..." has none that _SUBJECT can read.
_NOT_SUBJECT = _NOT_SUBJECT | frozenset(
    [
        "However",
        "But",
        "And",
        "Meanwhile",
        "Still",
        "Also",
        "Now",
        "Later",
        "Then",
        "Yet",
        "So",
        "Instead",
        "Indeed",
        "Earlier",
        "Separately",
    ]
)


# An opening phrase ('Later in the day, the FBI said ...'), as opposed to a clause led by a
# conjunction or a demonstrative ('But he operates on a principle, he said').
_NOT_OPENING = re.compile(r"(?:And|But|So|Yet|Or|Nor|This|That|These|Those|It)\b")


_INTRO_ANY_CASE = re.compile(_INTRO.pattern, re.IGNORECASE)


# A dateline before the first sentence: 'WASHINGTON — ', 'DES MOINES, Iowa — '.
_DATELINE = re.compile(
    r"[A-Z][A-Z.’'\-]+(?:[ ,]+[A-Z][A-Za-z.’'\-]*){0,3}\s+(?:\([^)]{1,30}\)\s*)?[—–-]+\s+"
)


def _openings_end(text: str, s: int, hi: int) -> int:
    """End of up to two opening phrases at ``s`` ('On Thursday, after remaining neutral, '),
    after a dateline ('WASHINGTON — ')."""
    dateline = _DATELINE.match(text, s, hi)
    if dateline:
        s = dateline.end()
    for rx in (_INTRO, _INTRO_ANY_CASE):
        intro = rx.match(text, s, hi)
        if intro is None:
            break
        s = intro.end()
    return s


_CONJUNCTION_INTRO = re.compile(r"(?:And|But|Then|So|Yet|Still|Also|Now|Later|Instead)\b")


def _subject(text, s, hi, lex):
    """The subject at the start of a sentence: a capitalised name or a pronoun ("In X, Sanders ...")."""
    opened = _openings_end(text, s, hi)  # 'On Thursday, after remaining neutral ..., Warren'
    m = _SUBJECT.match(text, opened, hi)
    if m is None and opened > s and _CONJUNCTION_INTRO.match(text, s):
        # 'Then Trump went on the attack, saying ...': what looked like an opening phrase was
        # the main clause.
        m = _SUBJECT.match(text, s, hi)
    if not m or m.group(1).split()[0] in _NOT_SUBJECT or m.group(1).lower() in {"the", "a", "an"}:
        return None
    if text[m.end(1) : m.end(1) + 2].strip()[:1].isupper() or text.startswith(
        ("’s", "'s"), m.end(1)
    ):
        return None  # "President Joe Biden’s administration": a possessive is no subject
    if (
        m.group(1).split()[0] in {"The", "the", "A", "a", "An", "an"}
        and len(m.group(1).split()) == 1
    ):
        return None
    return m.start(1), _group_noun_end(text, m.end(1), hi, lex)


_CLAUSE_OPENER = re.compile(r"\b(?:that|because|when|while|since|so|if)\s+")


def _clause_subject(text, s, hi, lex):
    """The subject of the clause that ``hi`` ends: after the last 'that', 'because', 'when' ...
    ('Much of the debate was so subdued that Mr. Trump was prompted to say'), else at the start
    of the sentence."""
    openers = list(_CLAUSE_OPENER.finditer(text, s, hi))
    last = openers[-1] if openers else None
    if last is not None and "," not in text[last.end() : hi]:
        # (not 'Ever since she endorsed Clinton, Ms. Warren has ...': that clause has ended)
        return _subject(text, last.end(), hi, lex) or _subject(text, s, hi, lex)
    return _subject(text, s, hi, lex)


_LOWER_WORDS = re.compile(r"(?:\s+(?:and\s+)?[a-z][a-z\-]*){1,3}")
_GROUP_NOUNS = frozenset(["campaign", "team", "directors", "leaders", "members", "lawyers"])


def _group_noun_end(text: str, end: int, hi: int, lex) -> int:
    """'FBI officials', 'Senior administration officials', 'Her directors and advisers': a
    capitalised word or a possessive before the noun that heads the subject."""
    m = _LOWER_WORDS.match(text, end, hi)
    if m is None:
        return end
    heads = _role_table(lex)[1]
    best = end
    for w in _WORDS.finditer(text, end, m.end()):
        word = w.group(0)
        if word in _AUX_WORDS or word.endswith(("ed", "ing")):
            break  # 'Mr. Singer loved the letter', 'The committee is filing', 'shook her head'
        if word in lex.anonymous or word in heads or word in _GROUP_NOUNS:
            best = w.end()
    return best


_AUX_WORDS = frozenset(_AUX_FORMS) | frozenset(
    ["be", "been", "shall", "not", "also", "her", "his", "their", "its", "our", "my"]
)


_BAD_HEADS = frozenset(
    [
        "it",
        "this",
        "that",
        "these",
        "those",
        "which",
        "what",
        "there",
        "whom",
        "whose",
        "one",
        "something",
        "nothing",
        "everything",
        "anyone",
        "someone",
        "everyone",
        "nobody",
    ]
)


_DAY_ONLY = re.compile(rf"{DAYS}|Yesterday|Today|Tonight")


_NAME_PAIR = re.compile(r"([A-Z][^,;]*?[A-Z][\w’'\-.]*)\s+and\s+([A-Z][^,;]*?[A-Z][\w’'\-.]*)")


def _plausible_speaker(sp_text: str, lex: Lexicon, longest: int = 8) -> bool:
    words = sp_text.split()
    if _DAY_ONLY.fullmatch(sp_text):
        return False  # 'Wednesday added one more development': a day is no speaker
    last = words[-1].lower()
    if last in _BAD_HEADS and len(words) == 1:
        return False
    if len(words) > longest and (pair := _NAME_PAIR.fullmatch(sp_text)):
        # 'Maine Sen. Susan Collins and Texas Rep. Louis Gohmert': two titled names
        return all(len(p.split()) <= longest // 2 + 2 for p in pair.groups())
    return len(words) <= longest


# Where a clause opens before an interrupting speaker: after a semicolon, a dash, ', and',
# ', but', or a comma before a pronoun subject ('..., it is his job, he said, to talk ...').
_CLAUSE_BOUNDARY = re.compile(
    r"[;:]\s*|\s[-–—]\s(?:(?:and|but)\s+)?|,\s+(?:(?:and|but|so|while)\s+|(?=(?:it|he|she|they|we|I|there)\s))"
)


def _interrupted_clause(text: str, s: int, speaker_start: int) -> int:
    """Where the clause opens that a speaker at ``speaker_start`` interrupts ('... - and [the
    permit, his campaign said, had been hard to get]')."""
    start = s
    for m in _CLAUSE_BOUNDARY.finditer(text, s, speaker_start):
        start = m.end()
    return _skip_space(text, start, speaker_start)


# Stances whose content is the thing they are about, a noun phrase ('endorsed [Trump] here on
# Sunday', 'blasting [the roundups] and the White House dispatching ...'), not a clause.
# Those that judge or side with someone are a subset: in '..., criticized Sanders' Sanders is
# judged, not speaking (see ``_reported``).
_JUDGING_STEMS = (
    r"endors|support|back|oppos|favor|prefer|attack|blast|slam|critici|prais|blam|dismiss|mock|"
    r"denounc|condemn|applaud|lambast|assail|tout|threaten|reject|defend|welcom|thank|knock|voted"
)
_STANCE = re.compile(
    rf"(?:{_JUDGING_STEMS}|decr|discuss|mention|talk|spok|speak|refer|offer|question|highlight|"
    r"outlin|invok|cit|echo|recall|reveal|disclos)"
)
# What ends such a noun phrase of at most five words: a time, a place or a manner of acting,
# a clause of its own, or a second predicate ('and organized for him').
_OBJECT_STOP = re.compile(
    r"(?:\s+(?:(?:here|there|directly|too|again|publicly|privately|repeatedly|as\s+well|"
    rf"(?:(?:early|late|last|this|next|on)\s+)?(?:{DAYS}|week|month|year|night|morning))"
    # ('blasted the FBI Tuesday for its decision': a second complement follows)
    r"(?!\s+(?:for|as|to|of|with)\b)"
    r"|during|after|before|while|when|since|because(?!\s+of)|until|"
    r"and\s+(?=[a-z]+(?:ed|ing)\b|(?:he|she|they|we|I)\b"
    # 'and his campaign did not respond', 'and the White House dispatching ...'
    rf"|(?:the|his|her|its|their)\s+(?:[\w’'\-]+\s+){{1,3}}?(?:{_AUX}|[a-z]+ing)\b))\b"
    r"|\s*[(;]|\s+[-–—]\s"
    # ('..., who was reluctant to endorse Mr. Trump, was more direct': the main clause resumes)
    rf"|,\s+{_AUX}\b"
    # ('voted for [Ben Carson], a neurosurgeon who ...': an appositive describes the object)
    r"|,\s+(?:a|an)\s)"
)
_COMPLEMENT = frozenset(["for", "as", "of", "to", "with", "about", "into", "against", "among"])
_NOT_OBJECT = re.compile(r"(?:that|to|whether|if|how|why|what|who|where|when)\b", re.IGNORECASE)


def _object_end(text: str, cs: int, ce: int) -> int:
    """Where the noun phrase that a stance is about ends: before the first stop after at most
    five words, else ``ce``."""
    if _NOT_OBJECT.match(text, cs):
        return ce
    pos = cs
    for _ in range(5):
        w = _WORDS.search(text, pos, ce)
        if w is None or w.group(0) in _COMPLEMENT:
            return ce  # 'criticized Clinton for accepting donations and speaking fees'
        pos = w.end()
        stop = _OBJECT_STOP.match(text, pos, ce)
        if stop:
            if text.startswith(",", stop.start()) and text.find(",", cs, pos) >= 0:
                return ce  # ('Kelly, his co-founder, had served ...': a clause, not an object)
            return pos
    return ce

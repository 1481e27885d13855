"""Step 3, reported speech: one sentence at a time, outside the direct quotes.

:func:`_reported` reads ``SPEAKER CUE (that) CONTENT``, ``CONTENT, SPEAKER CUE``,
``CONTENT, CUE SPEAKER``, ``according to SPEAKER, CONTENT`` and a participle after the main
clause ('..., adding that ...'). Each content found becomes a record through ``_records._add``
(*partial* when it holds a quotation, else *indirect*), as the extra passes' contents do; the
tests on the clause around a cue are in ``_clauses``.
"""

from __future__ import annotations

import re

from ._clauses import (
    _ACCORDING_LEAD,
    _FINITE,
    _ING_NEXT,
    _SAY_FORMS,
    _THAT,
    _TIME_CLAUSE,
    _as_source,
    _asked_at,
    _before_time,
    _characterisation,
    _document_before_relative,
    _ends_with_comma,
    _last_main_clause,
    _long_subject,
    _one_word_ok,
    _opening_participle,
    _time_clause_start,
    _titled_source,
)
from ._cues import (
    FOR_TIME,
    MADE_CLEAR,
    MAKE_FORMS,
    OWN_SOURCE_CUES,
    SPEECH_AS,
    is_cue,
    patterns,
    prepositions,
)
from ._phrases import DAYS, speaker_left, speaker_right
from ._records import (
    _add,
)
from ._spans import (
    _JUDGING_STEMS,
    _NOT_OPENING,
    _STANCE,
    _clause_subject,
    _content_end,
    _interrupted_clause,
    _object_end,
    _openings_end,
    _plausible_speaker,
    _subject,
    _trim_adjunct,
    _verb_after_phrase,
)
from ._text import (
    _ADVERBIAL,
    _AND_BEFORE,
    _AUX,
    _CLAUSE_COMMA,
    _INFINITIVE_BEFORE,
    _NEXT_WORD_END,
    _OBJECT,
    _OPENERS,
    _OPENING_CLAUSE,
    _POST_TAIL,
    _SUBORDINATORS,
    _TELL,
    _WORDS,
    _clause_not_speaker,
    _clean_end,
    _in_quote,
    _short,
)

__all__ = ["_reported"]
_VIA = re.compile(r"(?:per|through|via)\s+[^,:;.!?“”\"]{1,40}?(?:,\s*|\s+(?=that\b))")
_AFTER_THAT = re.compile(r"\bthat[\s,]*\Z")
_AUX_NEXT = re.compile(rf"{_AUX}\b")
_AND_AFTER_COMMA = re.compile(r",\s+(?:and|but)\s")
_PREPOSITION_OBJECT = re.compile(
    r"\s+(?:about|with|to(?=\s+(?:the|a|an|his|her|their|its|this|these|those|him|them|me|us|"
    r"[A-Z$\d])))(?=\s)"
)
_NO_INVERSION = re.compile(rf"(?:{_JUDGING_STEMS})")
_SECOND_PARTICIPLE = re.compile(r"(?:,\s*instead|\sor)\s+\Z")
_CLAUSE_RESUMES = re.compile(
    r",\s+(?:(?:last\s+\w+|earlier|later|then|also|again|on\s+[A-Z]\w+|[a-z]+ly)\s+){0,2}"
    rf"(?:{_AUX}|[a-z]+(?:ed|s)|held|said|told|made|went|took|gave|met|ran|won|lost|led|left|kept|"
    r"spent|came|became|wrote|spoke|thought|brought|sought|saw|knew|got|put|set|sent|paid)\b"
    # ('..., Mr. Ryan vowed to ...': a subject of its own)
    rf"|,\s+(?:[A-Z][\w.’'\-]*\s+){{1,3}}(?:{_AUX}|[a-z]+(?:ed|s))\b"
)
_RESUMES = re.compile(rf"(?:,\s+(?:a|an|the\s|[a-z])[^,;]{{1,80}})?,\s+{_AUX}\b")
_DAY_BEFORE_COMMA = re.compile(rf"\s+(?:on\s+)?(?:{DAYS}|yesterday|last\s+week),")
_DAY_LEAD = re.compile(
    rf"(?:on\s+)?(?:{DAYS}|yesterday|today|tonight)\s+(?=that\b|(?!(?:night|morning|afternoon|evening|was|is|will)\b)[a-z]+\s|"
    r"[A-Z][a-z]*\s+[a-z])"
)
# The listener of 'told' with no 'that' after it: 'told reporters the wall ...', 'told him
# the deal was off', 'told CNN the emails ...'. A pronoun object always; a plural noun or a
# capitalised name only when a clause visibly starts after it.
_TELL_ONLY = frozenset(["tell", "tells", "told", "telling", "assured", "assures", "informed"])
_LISTENER = re.compile(
    r"\s+(?:(?:me|us|him|them|you)\b"
    r"|(?:her|(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,2}|(?:the\s+)?[a-z]+s)"
    r"(?=\s+(?:the|a|an|he|she|it|they|we|I|his|her|their|there|this|these|those|its|our|"
    r"my|[A-Z][\w’'\-]*)\b))"
)


# A conjunction and its comma right before 'according to' ('because, according to X, ...').
_CONJUNCTION_COMMA = re.compile(rf"\s{_OPENERS}\s*,\Z", re.IGNORECASE)
_COMMA_IN_MARK = re.compile(r",(?:[”\"]|'')\Z")


_CLAUSE_AFTER = re.compile(
    r"\s+(?:there|he|she|they|it|we|I)\s+[“\"‘']?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|did|does|"
    r"[a-z]{3,}(?:es|ed)|[a-z]{3,}[^s’'\W]s)\b"
)
# ('in which he called himself ...' is no object of the cue)
_WHICH_BEFORE = re.compile(
    r"(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bwith )(?<!\bfor )(?<!\bto )\b(?:which|whom)\s+$"
)
_PREDICATE_NEXT = re.compile(rf",\s+(?:{_AUX}|to\s+[a-z]+)\b")
_THAT_BEFORE = re.compile(r"(?<=[a-z] )that\s+$")
_FINITE_NEXT = re.compile(rf"(?:{_AUX}|could|would)\b")
_RELATIVE_NEXT = re.compile(r",?\s+(?:who|whose)\b")


_RELATIVE_SPEAKERS = frozenset(["who", "which"])
_LIST_ITEM = re.compile(r",\s+(?:[\w’'\-]+\s+){0,2}[\w’'\-]+(?:,|\s+(?:and|or)\s)")
_LONGEST_SUBJECT = 16
_CALL_PARTICLE = re.compile(r"\s+(?:for|on|out)\b")
_SAYS = frozenset(
    ["said", "says", "say", "told", "tells", "wrote", "writes", "found", "finds", "shows", "showed"]
)


_SPEECH_OF_IT = frozenset(
    ["said", "says", "added", "noted", "stated", "reported", "wrote", "argued", "claimed", "warned"]
)
# Verbs of speech and of evidence that may follow their content ('The board voted for Clinton,
# Smith said', '..., the emails show'); stances ('..., he attacked') do not.
_CONTENT_FIRST = (
    OWN_SOURCE_CUES
    | _SAY_FORMS
    | _SPEECH_OF_IT
    | _SAYS
    | frozenset(["show", "stressed", "explained", "recalled", "insisted", "notes", "reports"])
)


_PARTICIPLE_NEXT = re.compile(
    r",\s+(?:adding|saying|noting|arguing|explaining|insisting|warning)\b"
)
_CHARACTERISE = frozenset(
    ["described", "called", "labeled", "labelled", "dubbed", "termed", "branded", "deemed"]
)
_CAPITAL_PARTICIPLE = re.compile(r"[A-Z][a-z]+ing\b")


_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|his|her|their|its|this|these|those|him|them|it)\b")
_YES_NO = re.compile(r"\s+(?:yes|no)\b")


# "agreed in November to restore ...", "said on Tuesday that ...": the time phrase is no content.
_LEAD_ADVERBIAL = re.compile(
    r"(?:in|on|at|last|this|during|earlier|later)\b[^,.;:“”\"]{0,30}?\s(?=(?:to|that)\s)"
)
_SUBJECT_WORD = re.compile(r"\b(?:it|he|she|they|we|I|you|there)\s")
_SUBORDINATE = re.compile(rf"\b(?:{_SUBORDINATORS}|once|until|whenever|with)\s+$", re.IGNORECASE)
# 'said that', 'said to be': content follows the cue; 'said in a message to the convention' is
# no infinitive.
_TO_OR_THAT = re.compile(
    r"\b(?:that|to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|these|those|reporters)\b)"
    r"[a-z]+)\b"
)


# '... on the spot – saying ...', '... in hot water by saying ...': a participle after the
# main clause, like one after a comma.
_DASH_OR_PREPOSITION_END = re.compile(r"(?:\s[–—-]|\b(?:by|after|before|while|without|in))\s+\Z")


_NAME_START = re.compile(
    rf"(?!(?:He|She|They|It|I|We|You|{DAYS})\b)"
    r"(?:[A-Z]|(?:the|a|an)\s)"
)
_COMMA_BEFORE = re.compile(r"[,][’'”\"]*\s*\Z")


def _reported(text, s, e, lex, hits, quotes, qstarts, raw, quoted=None):
    """Find reported speech in the sentence ``text[s:e]`` and append records to ``raw``.

    ``quoted`` is the speaker of a direct quotation that ends just before ``s`` in the same
    sentence: a participle that follows ('..., adding that ...') has that speaker.
    """
    pats_verb = patterns(lex).verb
    subject = None
    pos = s
    found_any = False
    first = len(raw)  # the records of this sentence are raw[first:]
    initial = (
        _CAPITAL_PARTICIPLE.match(text, _ACCORDING_LEAD.match(text, s, e).end(), e)
        if text.find("ing ", s, s + 30) >= 0  # (cheap test first)
        else None
    )
    if (
        initial
        and initial.group(0).lower() in lex.reporting_verbs
        and (opening := _opening_participle(text, e, initial, lex, qstarts, quotes))
    ):
        # 'Conceding that a deal would come "down the line," he said ...': the subject of the
        # main clause speaks the participle's content.
        cs, ce, sp = opening
        _add(text, raw, cs, ce, initial.span(), sp, quotes, qstarts)
        found_any = True
        subject = sp
        pos = ce
    for v in hits:
        if v.start() < pos or _in_quote(v.start(), qstarts, quotes):
            continue
        low = v.group(0).lower()
        if low.startswith("according") or low in lex.according_cues:
            if found := _according(text, s, e, v, lex, qstarts, quotes):
                cs, ce, sp = found
                _add(text, raw, cs, ce, (v.start(), v.end()), sp, quotes, qstarts)
                found_any = True
                pos = e
            continue
        if low in _CHARACTERISE and (
            found := _characterisation(text, s, e, v, lex, qstarts, quotes, pats_verb)
        ):
            # 'the marchers, whom he described as "peaceful,"', 'a bill that critics called
            # anti-gay': the relative word stands for what the speaker characterised.
            cs, ce, sp = found
            _add(text, raw, cs, ce, (v.start(), v.end()), sp, quotes, qstarts)
            found_any = True
            pos = ce
            continue
        if not is_cue(text, v.start(), v.end(), lex, lo=s):
            continue
        skip, sp = _speaker_before(text, s, e, v, low, lex, subject, found_any, quoted)
        if skip:
            continue
        before = text[s : sp[0]] if sp else text[s : v.start()]
        if (
            low.endswith("ing")
            and (
                _ends_with_comma(text[s : v.start()])
                # ('..., instead restating ...', '... Sanders or slamming the DNC')
                or _SECOND_PARTICIPLE.search(text, max(s, v.start() - 12), v.start())
                or quoted is not None
                and not text[s : v.start()].strip()  # '"...," he said, adding ...'
            )
        ):
            # A participle after the main clause: the subject of the sentence speaks.
            if quoted is not None and _short(text, s, v.start(), 4):
                sp = quoted  # '"...," Mr. Manafort said Thursday night, suggesting ...'
            else:
                sp = subject or _subject(text, s, v.start(), lex) or quoted
            if sp is None:
                continue
            cs = _THAT.match(text, v.end()).end()
            ce = _content_end(text, cs, e, qstarts, quotes, verb=pats_verb)
            if ce - cs < 3:
                continue
            _add(text, raw, cs, ce, (v.start(), v.end()), sp, quotes, qstarts)
            found_any = True
            pos = ce
            continue
        if sp is None:
            # 'CONTENT, said Sen. Smith.' (never a stance: in '..., who, on a call Friday,
            # criticized Sanders' Sanders is criticised, not speaking)
            if (
                _ends_with_comma(before)
                and (not found_any or low in _CONTENT_FIRST)
                and not _NO_INVERSION.match(low)
                and (found := _inverted(text, s, e, v, low, lex))
            ):
                ce, spr, rest = found
                if found_any and not _inside(s, ce, raw[first:]):
                    continue
                pos = rest
                _add(text, raw, s, ce, (v.start(), v.end()), spr, quotes, qstarts)
                found_any = True
            continue
        sp_text = text[sp[0] : sp[1]]
        if not (
            _plausible_speaker(sp_text, lex)
            or (_long_subject(text, s, sp) and _plausible_speaker(sp_text, lex, _LONGEST_SUBJECT))
            # 'The city sent a letter. It says the campaign ...': an organisation or a document
            # speaks through "it" with a verb of speech.
            or (sp_text.lower() == "it" and low in _SPEECH_OF_IT)
        ):
            continue
        as_source = _as_source(text, s, e, sp, v, qstarts, quotes)
        if as_source:
            # 'As Politico reported Tuesday, [CONTENT]', '[CONTENT], as The Times reported.'
            _add(text, raw, *as_source, (v.start(), v.end()), sp, quotes, qstarts)
            found_any = True
            pos = e
            continue
        # A semicolon closes the cue clause ('..., analysts say; in 2012, ...').
        semi = text.find(";", v.end(), e)
        after_end = _clean_end(text, v.end(), semi if semi >= 0 else e)
        tail = v.end()
        participle = _PARTICIPLE_NEXT.search(text, v.end(), after_end)
        if participle:
            after_end = participle.start()  # '..., he said after meeting aides, adding that ...'
        if low in _TELL and _ends_with_comma(before):
            # '..., he told the court in his filing': the listener is no content of the cue.
            om = _OBJECT.match(text, tail, after_end)
            if om and _short(text, tail, om.end(), 4):
                tail = om.end()
        if _speaker_inside(text, s, e, v, low, sp, sp_text, before, tail, after_end):
            # 'CONTENT, the senator said Tuesday.'; 'The argument would be aided, Devine said,
            # by the calendar': a speaker in the middle of the content.
            ce, rest, another = _content_around(text, s, v, sp, after_end, pats_verb)
            start = s
            if found_any and not (
                # 'The board voted for Clinton, Smith said': what was found before is inside
                # this speaker's content, which is the whole clause.
                low in _CONTENT_FIRST
                and not text[pos : sp[0]].strip(" ,")
                and _inside(s, ce, raw[first:])
            ):
                # 'Though X boasts of Y, CONTENT, analysts say': the content follows what the
                # clause before it reported.
                start = pos
                while start < ce and (text[start].isspace() or text[start] in ",;"):
                    start += 1
            if ce - start > 10:
                _add(text, raw, start, ce, (v.start(), v.end()), sp, quotes, qstarts)
                found_any = True
                pos = rest if another else e
            if participle:
                pos = participle.start()  # this speaker goes on: ', adding that ...'
                subject = sp
            continue
        cs, ce, cue_end = _content_after(
            text, s, e, v, low, sp, before, tail, lex, qstarts, quotes, pats_verb
        )
        if ce > cs and (not _short(text, cs, ce, 1) or _one_word_ok(text, cs, ce, low)):
            _add(text, raw, cs, ce, (v.start(), cue_end), sp, quotes, qstarts)
            found_any = True
            if text[sp[0] : sp[1]].lower() not in _RELATIVE_SPEAKERS:
                # ('Obama rebuked critics who say ..., saying ...': 'who' is no sentence subject)
                subject = subject or sp
            pos = ce


def _inside(s: int, ce: int, records: list[dict]) -> bool:
    """Whether ``records`` (those found earlier in the sentence starting at ``s``) all lie inside
    the content ``text[s:ce]`` of a later speaker, which is then the whole clause: 'The board
    voted for Clinton, Smith said', and after an opening clause 'While he has considered a
    special court, those options are problematic, he said'. (``_drop_nested`` then drops the
    stances and actions inside; speech and evidence keep their rows.)"""
    return all(s <= r["start"] and r["end"] <= ce for r in records)


def _speaker_before(text, s, e, v, low, lex, subject, found_any, quoted):
    """(skip, speaker span) for the cue ``v`` in the sentence ``text[s:e]``: the phrase before
    the cue, the sentence's subject for a verb after 'to', 'and' or a participle's comma, None
    when the speaker may follow the cue ('CONTENT, said Steve Grubbs'); ``skip`` when the cue
    reports nobody here. ``subject`` is the speaker found earlier in the sentence,
    ``found_any`` whether a record was, ``quoted`` the speaker of a quotation just before."""
    if _INFINITIVE_BEFORE.search(text, max(s, v.start() - 20), v.start()):
        # 'Officials started to portray ...', 'Trump went on to say ...': the subject of the
        # sentence speaks; with none ('It is hard to say') nobody does. 'went to see',
        # 'lined up to see him' are sights, not views.
        if low == "see":
            return True, None
        sp = subject or _clause_subject(text, s, v.start(), lex)
        if sp is None:
            return True, None
    else:
        sp = speaker_left(text, s, v.start(), lex)
        if sp is None and low in _SAYS:
            # 'a letter from his doctor that says he has ...', 'a new poll that shows ...':
            # a document speaks through a relative clause.
            sp = _document_before_relative(text, s, v.start(), lex)
    if (
        sp is not None
        and not found_any
        and _COMMA_BEFORE.search(text, s, v.start())
        and _WORDS.search(text, s, sp[0])
    ):
        # 'CONTENT, said Steve Grubbs, an Iowa operative': a name right after the cue wins
        # over a phrase of the content that merely ends at the comma.
        spr = speaker_right(text, v.end(), e, lex)
        if (
            spr
            and _NAME_START.match(text, spr[0], spr[1])
            and not _FINITE.search(text, spr[0], spr[1])
            and (_short(text, spr[1], e, 4) or _POST_TAIL.match(text, spr[1], e))
        ):
            sp = None
    if sp is None and _AND_BEFORE.search(text, max(s, (vs := _before_time(text, s, v)) - 16), vs):
        # 'Ms. Conway rejected the idea ... and said that ...': the same subject speaks.
        sp = subject or _subject(text, s, v.start(), lex)
        if sp and not subject and sp[0] == s and text[sp[0] : sp[1]].endswith("ing"):
            sp = None  # 'Looking ahead ... and said': a participle (but 'Ebeling' after one)
        if sp is None and quoted is not None and _short(text, s, v.start(), 3):
            sp = quoted  # 'She declared “What a Super Tuesday!” and said that ...'
    if (
        low.endswith("ing")
        and _DASH_OR_PREPOSITION_END.search(text, max(s, v.start() - 8), v.start())
        and _WORDS.search(text, s, v.start() - 8)
    ):
        sp = subject or _subject(text, s, v.start(), lex) or sp
    return False, sp


def _content_after(text, s, e, v, low, sp, before, tail, lex, qstarts, quotes, verb):
    """(content start, content end, cue end) of what the speaker ``sp`` says after the cue ``v``
    in the sentence ``text[s:e]``: past a preposition or particle of the cue, a listener, 'that',
    a day or an adverbial, up to where the content ends (``_content_end``), narrowed for a
    speaker inside a subordinate or relative clause. ``before`` is the sentence before the
    speaker, ``tail`` where the cue clause ends, ``verb`` the reporting-verb pattern."""
    preps = prepositions(lex)
    sp_text = text[sp[0] : sp[1]]
    cs = cue_end = v.end()
    if low in preps:
        cs = _NEXT_WORD_END.match(text, cs).end()  # "spoke about [the wall]"
    elif low.startswith("call") and (particle := _CALL_PARTICLE.match(text, cs)):
        cs = cue_end = particle.end()  # "called for [a ban]", "called out [the press]"
    elif prep := _PREPOSITION_OBJECT.match(text, cs):
        # 'complained about [his mic]', 'agree with [him]', 'referring to [Sheila Bair]': the
        # preposition goes with the cue
        cs = cue_end = prep.end()
    elif low in MAKE_FORMS and (clear := MADE_CLEAR.match(text, cs)):
        cs = cue_end = clear.end()  # "made it clear [that ...]"
    if low in _TELL:
        om = _OBJECT.match(text, cs, e)
        if om and "that" in text[om.end() : om.end() + 7] or om and _short(text, cs, om.end(), 2):
            cs = om.end()
        elif low in _TELL_ONLY and (listener := _LISTENER.match(text, cs, e)):
            cs = listener.end()
    cs = _THAT.match(text, cs).end()
    for_time = FOR_TIME.match(text, cs - 1, e)  # 'has said for weeks (that) ...'
    if for_time:
        cs = _THAT.match(text, for_time.end()).end()
    day = _DAY_LEAD.match(text, cs, e)  # 'said Thursday (that) he hopes ...'
    if day:
        cs = _THAT.match(text, day.end()).end()
    via = _VIA.match(text, cs, e) if low in _SAY_FORMS or low in SPEECH_AS else None
    if via:
        cs = via.end()  # 'said, per a translator, that ...', 'said through a spokesman that'
    am = _ADVERBIAL.match(text, cs, e)
    if am and am.end() > cs and text[am.end() : am.end() + 1] == ",":
        cs = am.end() + 1
    lead = _LEAD_ADVERBIAL.match(text, cs, e)
    if lead and not _SUBJECT_WORD.search(text, cs, lead.end()):
        # (not 'said in politics it takes time to ...', where a clause with a subject follows)
        cs = lead.end()
    cs = _THAT.match(text, cs).end()
    clause = _AFTER_THAT.search(text, max(0, cs - 8), cs) is not None
    ce = _content_end(text, cs, e, qstarts, quotes, verb=verb, clause=clause)
    if _SUBORDINATE.search(text, max(s, sp[0] - 12), sp[0]):
        # 'after HP asked workers to take a pay cut, 80,000 employees ...': the clause ends
        # at the next comma (not the one in '2,400').
        comma = _CLAUSE_COMMA.search(text, cs, ce)
        comma = comma.start() if comma else -1
        if comma > cs:
            ce = _trim_adjunct(text, cs, comma, qstarts, quotes)
    elif sp_text in _RELATIVE_SPEAKERS:
        # 'Broaddrick, who said Clinton raped her, recounted ...': the relative clause
        # ends at the next comma, and the main clause goes on after it.
        comma = text.find(",", cs, ce)
        while comma > 0 and (
            _in_quote(comma, qstarts, quotes)
            or _LIST_ITEM.match(text, comma, ce)
            or not _CLAUSE_COMMA.match(text, comma)
        ):
            # A comma inside a quotation, a number or between the items of a list ('Asian
            # Americans, Turkish Americans and ...') does not close the clause.
            comma = text.find(",", comma + 1, ce)
        if comma > cs and (
            # (only where something else follows: '..., behind Rick Santorum' goes on)
            _CLAUSE_RESUMES.match(text, comma)
            or text.find(",", comma + 1, ce) < 0
            or verb.search(text, comma, ce)
        ):
            ce = _trim_adjunct(text, cs, _clean_end(text, cs, comma), qstarts, quotes)
    elif (
        # after the listener of 'told' ('told them, ...'), maybe with a day ('told me on
        # Friday, ...')
        (text[tail : tail + 1] == "," or _DAY_BEFORE_COMMA.match(text, tail))
        and _ends_with_comma(before)
        and (_short(text, s, sp[0], 12) or _PREDICATE_NEXT.match(text, tail))
    ):
        # 'Now, he says, at least seven delegates have signed': the speaker interrupts; so
        # in a longer sentence when the clause goes on without a subject of its own ('...
        # - and the permit, his campaign said, had been hard to get').
        cs = _interrupted_clause(text, s, sp[0])
    if _STANCE.match(low):
        ce = _object_end(text, cs, ce)
    elif text.startswith("as much", cs):
        ce = min(ce, cs + 7)  # 'said as much in an interview': what was said is 'as much'
    relative = _WHICH_BEFORE.search(text, max(s, sp[0] - 8), sp[0]) or (
        # 'a strike that company executives said could affect earnings': a relative 'that'
        # (a verb with no subject follows the cue)
        _FINITE_NEXT.match(text, cs) and _THAT_BEFORE.search(text, max(s, sp[0] - 8), sp[0])
    )
    if relative and ce > cs and _short(text, sp[1], v.start(), 3):
        # 'the days, which it had said were unacceptable': what was said is about the
        # thing 'which' stands for, so the content starts there (as PolNeAR marks it).
        cs = relative.start()
        resumes = _PREDICATE_NEXT.search(text, v.end(), ce)
        if resumes and text[max(0, cs - 2) : cs].strip() == ",":
            # 'The changes, which officials said will start soon, will not apply to ...':
            # the clause set off by commas ends where the main clause resumes.
            ce = resumes.start()
    if clause and (_short(text, cs, ce, 2) and _STANCE.match(low) or _AUX_NEXT.match(text, cs)):
        # 'endorsed that perspective', 'said that was wrong': a determiner or a pronoun, not
        # the 'that' that opens a clause.
        cs = text.rfind("that", max(0, cs - 8), cs)
    return cs, ce, cue_end


def _speaker_inside(text, s, e, v, low, sp, sp_text, before, tail, after_end) -> bool:
    """Whether the speaker ``sp`` and its cue ``v`` stand inside or after the content, set off
    by a comma ('CONTENT, the senator said Tuesday.'); ``tail`` is where the cue clause ends
    and ``after_end`` where the words after it end."""
    return bool(
        _ends_with_comma(before)
        and sp_text.lower() not in _RELATIVE_SPEAKERS  # ('Sanders, who says it's ...')
        and not _asked_at(text, s)
        and not (
            _openings_end(text, s, sp[0]) == sp[0]
            and not _NOT_OPENING.match(text, s)
            # ('Seeing his brother suffer led him to ..., he said.': nothing follows the cue,
            # so what went before it is no opening phrase)
            and _WORDS.search(text, tail, after_end)
        )
        and _short(text, s, sp[0], 200)
        and not _short(text, s, sp[0], 3)
        and (
            _short(text, tail, after_end, 4)
            or (_POST_TAIL.match(text, tail, e) and _short(text, tail, after_end, 12))
            # ('..., Obama told his advisers as he labored over one of the last ...')
            or _TIME_CLAUSE.match(text, tail, after_end)
            # ('Sales were great, he said, wiping sweat off his face': what he did)
            or text.startswith(",", tail)
            and _ING_NEXT.match(text, tail + 1)
        )
        and not _YES_NO.match(text, v.end())
        # ('... told his advisers as he prepared to rally Democrats': a 'to' inside a clause
        # of time after the cue is none of the cue's)
        and not _TO_OR_THAT.search(text, v.end(), _time_clause_start(text, tail, after_end))
        # ('..., another says there are 1,800': a clause of its own follows the cue)
        and not _CLAUSE_AFTER.match(text, v.end(), after_end)
        # ('..., Gov. Ducey called the long lines "unacceptable."': an object follows)
        and not (low not in SPEECH_AS and _OBJECT_NEXT.match(text, tail, after_end))
    )


def _content_around(text, s, v, sp, after_end, verb):
    """(content end, the comma after the cue clause or -1, whether another report follows it)
    for a speaker inside the content (see ``_speaker_inside``): the content runs from the
    start of the sentence to the comma before the speaker, or on after the cue clause."""
    ce = _clean_end(text, s, text.rindex(",", s, sp[0]))
    rest = text.find(",", v.end(), after_end)
    and_then = _AND_AFTER_COMMA.match(text, rest) if rest >= 0 else None
    # ('..., records show, and aviation experts say ...': another report follows)
    another = bool(and_then and _verb_after_phrase(text, and_then.end(), after_end, verb))
    if (
        rest >= 0
        and not _short(text, rest, after_end, 3)
        and not another
        and not _ING_NEXT.match(text, rest + 1)
    ):
        ce = after_end
    return ce, rest, another


def _inverted(text, s, e, v, low, lex):
    """(content end, speaker span, where the sentence is read on) of 'CONTENT, said Sen. Smith'
    with the cue at ``v`` in the sentence ``text[s:e]`` (the content starts at ``s``), or None
    when no speaker follows the cue."""
    spr = speaker_right(text, v.end(), e, lex)
    if not spr or _clause_not_speaker(text, spr):
        return None  # '..., said he doesn’t believe ...': a clause, not a speaker
    if low in _SAYS and _RESUMES.match(text, spr[1], e):
        # 'The paradox of Nancy, says Carl Anthony, a historian, is that ...': the speaker
        # interrupts a clause that resumes after it.
        return _clean_end(text, s, e), spr, e
    if (
        _short(text, spr[1], e, 4)
        or _POST_TAIL.match(text, spr[1], e)
        # ('..., said a handful of Democrats who point to ...': the speaker described)
        or _RELATIVE_NEXT.match(text, spr[1], e)
    ):
        ce = _clean_end(text, s, text.rindex(",", s, v.start()))
        if ce - s > 10:
            return ce, spr, spr[1]
    return None


def _according(text, s, e, v, lex, qstarts, quotes):
    """(content start, content end, source span) of 'according to X' at ``v`` in the sentence
    ``text[s:e]``, or None when no source follows."""
    sp = _titled_source(text, v.end(), e, lex, qstarts, quotes) or speaker_right(
        text, v.end(), e, lex
    )
    if not sp:
        return None
    lead = _ACCORDING_LEAD.match(text, s, v.start()).end()
    before = text[lead : v.start()].strip()
    comma = text.find(",", sp[1], e)
    if _COMMA_IN_MARK.search(text, sp[0], sp[1]):
        comma = sp[1] - 1  # 'according to "Title," CONTENT'
    after = comma >= 0 and not _short(text, comma, e, 2)
    if (
        not before
        or after
        and _OPENING_CLAUSE.match(before)
        and before.find(",") == len(before) - 1
    ):
        # 'But according to X, CONTENT'; 'While ..., according to X, CONTENT': what follows
        # the source is what it says.
        if not after:
            return None
        return comma + 1, _clean_end(text, comma + 1, e), sp
    if after and _CONJUNCTION_COMMA.search(before):
        # 'He declined because, according to Trump, the media would call him a chicken': the
        # source speaks for the clause the conjunction opens.
        return comma + 1, _clean_end(text, comma + 1, e), sp
    if after and _short(text, lead, v.start(), 5) and before.endswith(","):
        # 'Now, according to the poll, some are swinging': a short opening adverbial belongs
        # to the content around the source.
        return lead, _clean_end(text, comma + 1, e), sp
    # 'CONTENT, according to X': after an opening subordinate clause ('Although ..., he
    # remains ...') or a first coordinate clause ('..., and Clinton broke it'), only the last
    # main clause is sourced.
    ce = _clean_end(text, s, v.start())
    return _last_main_clause(text, s, ce, qstarts, quotes), ce, sp

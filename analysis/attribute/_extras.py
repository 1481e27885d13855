"""Step 3, continued: attributions with no reporting verb in the usual shape.

The passes run after reported speech, in this order; all but the last add a record only
where no attribution has been found yet:

- a stance named by a noun: 'his support for the bill', 'questions about the loan'
  (:func:`_nominal`);
- no source in the text: 'It was reported that ...', an impression or an expectation ('seems
  to', 'is expected to', 'the race appeared closer'), 'reportedly' (:func:`_sourceless`);
- a poll's finding: 'In a Des Moines Register poll, ...', '... in an NBC News poll.'
  (:func:`_in_poll`);
- a reporting verb in the passive with its agent: 'The issue was first reported by The
  Washington Post' (:func:`_passive_by`);
- then the questions, headlines and transcript turns of :mod:`._headlines`.
"""

from __future__ import annotations

import bisect
import operator
import re

from ._records import _add
from ._spans import _INTRO, _content_end
from ._text import _CLAUSE_COMMA, _clean_end, _in_quote, _short, _skip_space

__all__ = [
    "_in_poll",
    "_nominal",
    "_passive_by",
    "_sourceless",
]

# A stated position named by a noun: "his support for [the bill]", "Trump's attacks on [Cruz]".
# The noun is searched first (cheap); the owner is then read just before it.
_NOMINAL_NOUNS = tuple(
    [
        "support",
        "call",
        "calls",
        "criticism",
        "question",
        "questions",
        "attack",
        "attacks",
        "endorsement",
        "opposition",
        "praise",
        "promise",
        "promises",
        "proposal",
        "proposals",
        "comment",
        "comments",
        "remark",
        "remarks",
        "claim",
        "claims",
        "demand",
        "demands",
        "concern",
        "concerns",
        "doubt",
        "doubts",
        "warning",
        "warnings",
        "accusation",
        "accusations",
        "denial",
        "denials",
        "description",
        "characterization",
        "view",
        "views",
        "vow",
        "vows",
        "pledge",
        "pledges",
        "request",
        "requests",
        "threat",
        "threats",
        "insistence",
        "assertion",
        "assertions",
        "argument",
    ]
)
_NOMINAL_SET = frozenset(_NOMINAL_NOUNS)
# Stems whose plain-string occurrences are checked (str.find is far faster than a regex scan).
_NOMINAL_STEMS = tuple(
    sorted(
        {w for w in _NOMINAL_NOUNS if not any(w != v and w.startswith(v) for v in _NOMINAL_NOUNS)}
    )
)
_NOMINAL_AFTER = re.compile(r"([a-z]*) (?:for|of|on|about|to|against|that) (?=\S)")


def _nominal_hits(text: str):
    """(cue start, cue end, content start) of every 'NOUN PREP' with a stance noun, in text order."""
    out = []
    for stem in _NOMINAL_STEMS:
        i = text.find(stem)
        while i >= 0:
            if (i == 0 or not text[i - 1].isalnum()) and not text.endswith("close to ", 0, i):
                # ('too close to call for much of the night' is no call)
                m = _NOMINAL_AFTER.match(text, i + len(stem))
                if m and stem + m.group(1) in _NOMINAL_SET:
                    out.append((i, m.end() - 1, m.end()))
            i = text.find(stem, i + 1)
    out.sort()
    return out


_NOMINAL_OWNER = re.compile(
    r"\b((?i:his|her|their|its)|(?:[A-Z][\w.\-]*\s)*[A-Z][\w.\-]*[’']s?)\s+"
    r"(?:(?:repeated|recent|latest|new|harsh|strong|early|public|frequent|continued|renewed)\s+)?$"
)
# Nominal cues that report a stance even without a possessive owner ("questions about the
# loan", "calls for a ban"); others ("support for", "attack on") are too often events, and
# the seed's "refrained from strong criticism of the United States" reports no criticism.
_OWNERLESS = re.compile(
    r"(?:questions?|concerns?|doubts?|comments?|remarks?|accusations?|warnings?|assertions?|claims?)"
    r"\s+(?:about|that)|praise\s+for|calls?\s+for|proposals?\s+to"
)
# (not the point or comma inside a number: 'opposition to the $1.1 billion proposal')
_NOMINAL_END = re.compile(
    rf"[;:!?“”\"()]|\.(?!\d)|{_CLAUSE_COMMA.pattern}"
    r"|\s(?:and|but|as|while|which|who|after|before|because)\s"
)


_SPAN = operator.itemgetter("start", "end")


def _free_of(raw: list[dict]):
    """``free(a, b)``: no attribution found so far (in ``raw`` now) overlaps ``a..b``.

    Looks at the attribution starting last before ``b``, as the extra passes need: they add
    attributions only where the earlier passes found none.
    """
    taken = sorted(map(_SPAN, raw))  # (start, end) of each, read in C
    starts = [t[0] for t in taken]

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_right(starts, b) - 1
        return not (k >= 0 and taken[k][1] > a)

    return free


def _take_over(raw: list[dict], cs: int, ce: int) -> bool:
    """Remove the records lying wholly inside ``cs..ce``, cue included, so that the attribution
    around them takes their place (PolNeAR marks only the outer one); False, removing nothing,
    when a record reaches outside."""
    inside = [r for r in raw if r["end"] > cs and r["start"] < ce]
    if not all(
        cs <= r["start"] and r["end"] <= ce and r["cue"] and cs <= r["cue"][0] < ce for r in inside
    ):
        return False
    gone = {id(r) for r in inside}
    raw[:] = [r for r in raw if id(r) not in gone]
    return True


def _nominal(text, raw, quotes, qstarts):
    free = _free_of(raw)
    first_new = len(raw)
    for c0, c1, cs in _nominal_hits(text):
        if _in_quote(c0, qstarts, quotes):
            continue
        owner = _NOMINAL_OWNER.search(text, max(0, c0 - 60), c0)
        if owner is None and not _OWNERLESS.fullmatch(text, c0, c1):
            continue
        stop = _NOMINAL_END.search(text, cs, min(len(text), cs + 160))
        ce = stop.start() if stop else min(len(text), cs + 160)
        if ce - cs < 3:
            continue
        if not free(owner.start() if owner else c0, ce):
            continue  # inside an attribution found already
        # Without a possessive owner ("avoided direct criticism of X", "questions about Y") the
        # stance is still an attribution; its holder is left unresolved.
        _add(
            text,
            raw,
            cs,
            ce,
            (c0, c1),
            (owner.start(1), owner.end(1)) if owner else None,
            quotes,
            qstarts,
        )
    for r in raw[first_new:]:
        r["nominal"] = True  # 'his criticism of X': a stance, no one speaking in the sentence


# Attributions with no source in the text. PolNeAR annotates impressions and expectations
# ("The bank is expected to act", "New Hampshire seems stable") and impersonal reports
# ("It was reported that ..."); the content is the whole clause around the cue.
# It starts with a plain "t" and looks behind for the "I" (a match starts one character after
# the "It"), which lets ``re`` skip to the next "t" at once instead of testing every character
# against [Ii].
_IT_THAT = re.compile(
    r"t(?<=[Ii]t)(?:\s+(?:seems|seemed|appears|appeared)|(?:\s+(?:is|was|has\s+been)|[’']s(?:\s+been)?)"
    r"\s+(?:widely\s+)?"
    r"(?:reported|announced|revealed|believed|said|rumou?red|expected|alleged|claimed))"
    r"(?:\s*,\s*[\w\s]{1,20},)?\s+(?=that\b)"
)
# 'X seems to ...', 'X is expected to ...': found from the literal " to " / " like " (a fast scan),
# then the word before it is looked up.
_TO_LIKE = re.compile(r" (?:to|like) (?=[a-z])")
# 'is widely seen as', 'is known for': a perception with no one named who perceives.
_PERCEIVED = frozenset(["seen", "viewed", "regarded", "considered", "perceived", "known"])
# 'Mr. Sanders has been criticized for offering vague responses': a judgement with no judge.
_JUDGED_FOR = frozenset(
    [
        "criticized",
        "praised",
        "blamed",
        "faulted",
        "attacked",
        "lauded",
        "slammed",
        "condemned",
        "mocked",
        "ridiculed",
        "chided",
        "credited",
        "criticised",
        "praised",
    ]
)
# 'Dylann Roof is accused of killing nine people': an accusation with no accuser named.
_ACCUSED = ("accused of ", "suspected of ")
_RAISING_WORDS = frozenset(["seem", "seems", "seemed", "appear", "appears", "appeared"])
_RAISING_PASSIVE = frozenset(
    [
        "expected",
        "projected",
        "predicted",
        "rumored",
        "rumoured",
        "believed",
        "thought",
        "said",
        "reported",
        "alleged",
    ]
)
_AUX_BEFORE = re.compile(
    r"\b(?:is|are|was|were|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|(?:has|have|had)\s+been|"
    r"(?:could|would|will|might|may)\s+be)\s+"
    r"(?:(?:not|widely|also|still|now|necessarily|generally|largely|broadly|increasingly|often|"
    r"commonly|best|well|repeatedly|harshly|sharply|roundly|heavily)\s+){0,2}\Z"
)


_APPEAR = re.compile(r"appear(?:s|ed)? (?!to |like )([a-z]+)\b")
_APPEAR_NOT = frozenset(
    [
        "on",
        "in",
        "at",
        "before",
        "with",
        "as",
        "together",
        "alongside",
        "for",
        "during",
        "after",
        "from",
        "onstage",
        "outside",
        "inside",
        "live",
        "briefly",
        "again",
        "only",
        "here",
        "there",
        "next",
        "three",
        "twice",
        "once",
    ]
)
_SEEM = re.compile(r"seem(?:s|ed)?(?= (?!to |like )[a-z])")


def _raising(text: str):
    """(cue start, cue end) of every 'seems to', 'appeared like', 'is expected to' ..."""
    for m in _TO_LIKE.finditer(text):
        ws = text.rfind(" ", max(0, m.start() - 20), m.start()) + 1
        word = text[ws : m.start()]
        if word in _RAISING_WORDS:
            yield ws, m.end() - 1
        elif word in _RAISING_PASSIVE and m.group(0) == " to ":
            aux = _AUX_BEFORE.search(text, max(0, ws - 30), ws)
            if aux:
                yield aux.start(), m.end() - 1
    # 'is widely seen as', 'is best known for': found from the literal " as " / " for " (a
    # fast scan), then the participle before it is looked up.
    for token in (" as ", " for "):
        i = text.find(token)
        while i >= 0:
            ws = text.rfind(" ", max(0, i - 12), i) + 1
            word = text[ws:i]
            if (
                word in _PERCEIVED
                and (token == " as " or word == "known")
                or token == " for "
                and word in _JUDGED_FOR
            ) and text[i + len(token) : i + len(token) + 1].islower():
                aux = _AUX_BEFORE.search(text, max(0, ws - 30), ws)
                if aux:
                    yield aux.start(), i + len(token) - 1
            i = text.find(token, i + len(token))
    # 'is accused of': found from the participle itself (' of ' is too frequent to scan for).
    for token in _ACCUSED:
        i = text.find(token)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                aux = _AUX_BEFORE.search(text, max(0, i - 30), i)
                if aux:
                    yield aux.start(), i + len(token) - 1
            i = text.find(token, i + len(token))
    # 'Cruz seemed lost', 'the deal seems certain to pass': "seem" reports an impression
    # whatever follows it.
    i = text.find("seem")
    while i >= 0:
        m = _SEEM.match(text, i)
        if m and (i == 0 or not text[i - 1].isalnum()):
            yield i, m.end()
        i = text.find("seem", i + 4)
    # 'She appears ready to ...', 'the race appeared closer': "appear" before a description
    # reports an impression; before a place or an occasion ('appeared on CNN') it does not.
    i = text.find("appear")
    while i >= 0:
        m = _APPEAR.match(text, i)
        if m and (i == 0 or not text[i - 1].isalnum()) and m.group(1) not in _APPEAR_NOT:
            yield i, m.end(1) - len(m.group(1)) - 1
        i = text.find("appear", i + 6)
    # 'Google has reportedly looked at Twitter': a report with no source named.
    i = text.find("reportedly ")
    while i >= 0:
        if i == 0 or not text[i - 1].isalnum():
            yield i, i + 10
        i = text.find("reportedly ", i + 11)


_CLAUSE_START = re.compile(
    r"[,;:—–(]\s*|\s[-–—]\s|\b(?:that|because|but|and|when|while|if|although|though|since|as|"
    r"despite|whether|so|where)\s+"
)
_LEADING_WORDS = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However|Instead|Indeed|Also)\b\s*,?\s*)"
)


# A poll or survey as the source of a finding: "In a Des Moines Register poll last month,
# CONTENT" and "CONTENT in a new Washington Post-ABC News poll." The head noun is found with a
# plain-string scan, then the phrase around it is checked.
_POLL_HEAD = re.compile(r"(?:poll|polls|survey|surveys|polling)\b")
_POLL_LEFT = re.compile(
    r"(?:^|(?<=\s))([Ii]n)\s+((?:(?:a|an|the|its|their|his|her)\s+)?(?:(?![Ii]n\s)[\w’'\-/.&]+\s+){0,7}?)\Z"
)
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her"])
# Words that show the phrase before "poll" is no poll's name ("in a row that the Rasmussen poll").
_NOT_IN_POLL_NAME = frozenset(["to", "that", "which", "who", "where", "when", "and", "or"])
# A finding is a clause: it starts with a name, a number or a pronoun, not with "with ...",
# "compared to ..." or "particularly ...".
_FINDING_START = re.compile(r"[A-Z0-9]|(?:he|she|they|it|we)\b")
_POLL_TAIL = re.compile(r"(?:[^,;:.!?“”\"\n]|,(?=[\w\s]{1,30}(?:,|\sand\s))){0,60}?[.!?]")
_SUBORDINATE_CLAUSE = frozenset(
    ["as", "while", "because", "although", "though", "since", "when", "where"]
)
_POLL_ASIDE = re.compile(r"[a-z]+ed\b[^,;:.]{0,60},")
_STANDING = re.compile(
    r"\b(?:lead|leads|leading|led|ahead|behind|trail|trails|trailing|tied|second|third)\b"
)


def _in_poll(text, raw, quotes, qstarts, sent_bounds):
    free = _free_of(raw)
    for stem in ("poll", "survey"):
        i = text.find(stem)
        while i >= 0:
            h = _POLL_HEAD.match(text, i)
            if h and (i == 0 or not text[i - 1].isalnum()) and not _in_quote(i, qstarts, quotes):
                ss, se = sent_bounds(i)
                left = _POLL_LEFT.search(text, max(ss, i - 90), i)
                np_words = left.group(2).split() if left is not None else []
                if (
                    left is not None
                    and (
                        any(w.lower() not in _DETERMINERS for w in np_words)
                        # 'Clinton continues to lead in the polls': a standing needs no name
                        or _STANDING.search(text, ss, left.start(1))
                    )
                    and not any(w.lower() in _NOT_IN_POLL_NAME for w in np_words)
                ):
                    cue = (left.start(1), left.end(1))
                    comma = text.find(",", h.end(), se)
                    if left.start(1) == _skip_space(text, ss, se) and comma > 0:
                        # 'In a national poll, likely voters ...': the finding follows.
                        if _short(text, h.end(), comma, 6):
                            cs = _skip_space(text, comma + 1, se)
                            aside = _POLL_ASIDE.match(text, cs, se)
                            if aside:
                                # ('..., conducted in early September, Clinton led ...')
                                cs = _skip_space(text, aside.end(), se)
                            ce = _content_end(text, cs, se, qstarts, quotes)
                            if ce - cs > 10 and free(cs, ce) and _FINDING_START.match(text, cs):
                                _add(
                                    text,
                                    raw,
                                    cs,
                                    ce,
                                    cue,
                                    (left.start(2), h.end()),
                                    quotes,
                                    qstarts,
                                )
                    elif left.start(1) > ss and _POLL_TAIL.match(text, h.end(), se + 1):
                        # 'Clinton led Sanders 2-1 in an NBC News poll.': the finding precedes.
                        cs = ss
                        for b in _CLAUSE_START.finditer(text, ss, left.start(1)):
                            if b.group(0)[:1] in ",;:" or b.group(0).strip() in _SUBORDINATE_CLAUSE:
                                cs = b.end()  # ('... this week as [Clinton continues to lead]')
                        ce = _clean_end(text, cs, left.start(1))
                        if ce - cs > 10 and free(cs, ce) and _FINDING_START.match(text, cs):
                            _add(text, raw, cs, ce, cue, (left.start(2), h.end()), quotes, qstarts)
            i = text.find(stem, i + 4)


def _sourceless(text, raw, quotes, qstarts, sent_bounds):
    free = _free_of(raw)
    for m in _IT_THAT.finditer(text):
        it = m.start() - 1  # where "It" starts
        if it and text[it - 1].isalnum() or _in_quote(it, qstarts, quotes):
            continue
        s, e = sent_bounds(it)
        cs = m.end()
        ce = _content_end(text, cs, e, qstarts, quotes)
        if ce - cs > 10 and free(it, ce):
            cue_end = len(text[: m.end()].rstrip())
            _add(text, raw, cs, ce, (it, cue_end), None, quotes, qstarts)
    for c0, c1 in _raising(text):
        if _in_quote(c0, qstarts, quotes):
            continue
        s, e = sent_bounds(c0)
        cs = s
        intro = _INTRO.match(text, cs, c0)
        if intro:
            cs = intro.end()
        lead = _LEADING_WORDS.match(text, cs, c0)
        if lead:
            cs = lead.end()
        subject = cs
        # The subject starts after the last clause boundary before the cue.
        boundary = None
        for boundary in _CLAUSE_START.finditer(text, cs, c0):
            cs = boundary.end()
        if c0 - cs < 2 and boundary is not None:
            if boundary.group(0)[:1] == "," and _short(text, subject, c0, 20):
                # 'Donald Trump, a regular in recent years, isn't expected to attend': the
                # comma closes an appositive; the subject opens the sentence.
                cs = subject
            elif boundary.group(0).strip() == "and":
                # '... and is not expected to sign on': the subject is the previous clause's;
                # what is expected is the rest.
                cs = c1 + 1
        if c0 - cs < 2 and cs != c1 + 1 or not _short(text, cs, c0, 20 if cs == subject else 8):
            continue
        ce = _content_end(text, c1 + 1, e, qstarts, quotes)
        if ce - c1 > 4 and free(cs, ce):
            _add(text, raw, cs, ce, (c0, c1), None, quotes, qstarts)


# A reporting verb in the passive with its agent after 'by': 'The registration issue was first
# reported by [The Washington Post]', 'This proposal was rejected by [64 percent of the
# electorate]'. The content is the subject; ``is_cue`` turns the passive down everywhere else.
_PASSIVE_HEAD = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:(?:also|long|since|not|never)\s+)?been|(?:will|would|could|may|"
    r"might|can|should|must)\s+(?:not\s+)?be|is|are|was|were|be|been|being)\s+"
    r"(?:(?:[a-z]+ly|first|also|never|not|often|later|since|already|long|once)\s+){0,2}([a-z]+)\s+"
    r"(?:[a-z]+ly\s+)?\Z"
)
_AUX_CHAIN = re.compile(
    r"(?:\s+(?:is|are|was|were|has|have|had|will|would|could|may|might|can|should|must|likely|"
    r"unlikely|going|about|to|not|also|still))+\s*\Z"
)
_VERB_IN_SUBJECT = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says)\b")
_IRREGULAR_PARTICIPLES = frozenset(
    ["said", "told", "shown", "seen", "known", "made", "held", "thought", "heard"]
)
_NOT_PASSIVE_CUES = frozenset(["asked", "written"])
_AGENT = re.compile(
    r"(?:(?:the|a|an|his|her|their|its|some|many|several|most|\d[\d.,]*)\s|[A-Z])"
    r"[^,;:.!?()“”\"—–\n]{0,80}?(?=\s*(?:[,;:.!?()“”\"—–\n]|\s(?:for|as|after|before|in|on|at|"
    r"during|because|when|while|and|but|who|which|that|to)\b|\Z))"
)


def _passive_by(text, raw, quotes, qstarts, sent_bounds, lex):
    """'X was [reported] by Y': Y said (or did) it, X is what; found from the literal ' by '."""
    free = _free_of(raw)
    i = text.find(" by ")
    while i >= 0:
        # The word before ' by ' (or an adverb before it) is looked up before any pattern runs.
        ws = text.rfind(" ", max(0, i - 30), i) + 1
        word = text[ws:i]
        if word.endswith("ly"):
            ws2 = text.rfind(" ", max(0, ws - 31), ws - 1) + 1
            word = text[ws2 : ws - 1]
        if word not in lex.reporting_verbs:
            i = text.find(" by ", i + 4)
            continue
        head = _PASSIVE_HEAD.search(text, max(0, i - 50), i + 1)
        verb = head.group(1) if head else ""
        if (
            verb in lex.reporting_verbs
            # 'was asked by a reporter [where ...]': the question is what was said; 'was written
            # by his aide' names an author, nobody's words.
            and verb not in _NOT_PASSIVE_CUES
            and (verb.endswith(("ed", "en")) or verb in _IRREGULAR_PARTICIPLES)
            and not _in_quote(i, qstarts, quotes)
        ):
            s, e = sent_bounds(i)
            agent = _AGENT.match(text, i + 4, e)
            cs = s
            intro = _INTRO.match(text, cs, head.start())
            if intro:
                cs = intro.end()
            lead = _LEADING_WORDS.match(text, cs, head.start())
            if lead:
                cs = lead.end()
            for b in _CLAUSE_START.finditer(text, cs, head.start()):
                cs = b.end()
            ce = head.start()
            aux = _AUX_CHAIN.search(text, cs, ce)
            if aux:
                ce = aux.start()  # 'The legality of the rules [is likely to] be decided by ...'
            if (
                agent
                and ce - cs > 1
                and _short(text, cs, ce, 12)
                and not _VERB_IN_SUBJECT.search(text, cs, ce)  # '[passed by X after] he'
                and free(cs, agent.end())
            ):
                _add(
                    text,
                    raw,
                    cs,
                    ce,
                    (head.start(), i + 3),
                    (agent.start(), agent.end()),
                    quotes,
                    qstarts,
                )
        i = text.find(" by ", i + 4)

"""The rules that turn one article's text into attribution records.

Order of work, one pass each:

1. paragraphs, sentences and quotations (``_segment``, ``_quotes``);
2. **direct quotes**: each quotation looks for a cue right after it
   (``"...," Pence said`` / ``"...," said Sen. Smith``) or right before it
   (``Miller stated, "..."``, ``he told reporters: "..."``, ``Jones: "..."``, a
   paragraph ending in a colon). A quotation that follows its own cue clause in the
   same paragraph (``"A," he said. "B."``) joins the previous one as a second
   fragment. Quotations with no cue (scare quotes, titles, headlines) are no
   attribution;
3. **reported speech**, sentence by sentence, outside the direct quotes:
   ``SPEAKER CUE (that) CONTENT``, ``CONTENT, SPEAKER CUE``, ``CONTENT, CUE SPEAKER``,
   ``according to SPEAKER, CONTENT`` and a participle after the main clause
   (``Beijing ..., labeling him a "severe danger"``). When the content holds a
   quotation the attribution is *partial*, else *indirect*;
4. speakers resolved in text order (``_speakers``).
"""

from __future__ import annotations

import bisect
import re

from ._cues import patterns
from ._direct import _attach_left, _attach_right, _continues
from ._lexicon import Lexicon
from ._quotes import find_quotes
from ._referents import Referents
from ._reported import _add, _reported
from ._segment import paragraphs, sentences
from ._spans import _INTRO, _content_end, _subject
from ._speakers import ABBREVIATIONS, PRONOUNS, Mentions, Speaker, describe
from ._text import _WORDS, _clean_end, _in_quote, _short, _skip_space

__all__ = ["extract_text"]

# Between the cue clause of a quotation and the next quotation of a split quote
# ('"A," he said. "B."', '"A," said Smith in an interview, "B."'): a few words, then punctuation.
# A relative clause about the speaker may sit in the gap ('said Ms. Warren, who has often
# been on the receiving end of his insults. "..."'), but no other cue and no "that".
_SPLIT_GAP = re.compile(
    r"(?:[^.!?;“”\"\n]|\.(?=[\w)\-,])|(?:"
    # The period of a title ('said Sen. Sasse'): each abbreviation is its own fixed-width look-behind.
    + "|".join(rf"(?<=\b{word})" for word in ABBREVIATIONS)
    + r")\.){0,200}?"
    r"[.,:;]\s*"
)
_SPLIT_BLOCK = re.compile(r"\b(?:that|adding|saying|noting)\b")
_BARE_CUE_CLAUSE = re.compile(
    r"\s+(?:(?:[A-Z][\w’'\-.]*|he|she|they)\s+){1,3}(?:said|says|added|adds|wrote|writes)"
    r"(?:\s+[A-Z]?[a-z]+)?\s*[.]"
)


_POSSESSIVES = frozenset(["his", "her", "its", "their"])
_APPOSED_NAME = re.compile(
    r",\s+((?:[A-Z][a-z]{0,3}\.\s+)?[A-Z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]*)){1,3}),"
)


def _is_person(who: Speaker) -> bool:
    """A named person (not an outlet, a document, a body speaking as itself or an anonymous source)."""
    return (
        who.name is not None
        and not who.anonymous
        and who.role not in {"outlet", "document"}
        and who.organisation != who.name
    )


def extract_text(text: str, lex: Lexicon) -> tuple[list[dict], int]:
    """Return the attribution records of one text (dicts, text order) and the count of unbalanced marks."""
    pats = patterns(lex)
    paras = paragraphs(text)
    sents = sentences(text, paras)
    quotes, unbalanced = find_quotes(text, paras)
    para_starts = [p[0] for p in paras]
    sent_starts = [s[0] for s in sents]
    qstarts = [q.start for q in quotes]

    def para_of(pos: int) -> int:
        return max(0, bisect.bisect_right(para_starts, pos) - 1)

    def sent_bounds(pos: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(sent_starts, pos) - 1)
        return sents[k] if sents else (0, len(text))

    raw: list[dict] = []
    claimed_upto = -1
    last_direct: dict | None = None
    qi = 0
    while qi < len(quotes):
        q = quotes[qi]
        p_first = paras[para_of(q.start)]
        p_last = paras[para_of(q.end - 1)]
        nxt = quotes[qi + 1].start if qi + 1 < len(quotes) else len(text)
        prev_end = max(quotes[qi - 1].end if qi else 0, claimed_upto)
        inner = text[q.start + 1 : q.end - 1].rstrip(" '’") if q.closed else ""
        inner_last = inner[-1:] if inner else ""
        comma_after = text[q.end : q.end + 1] == ","
        attach = None
        right_ok = q.closed and (
            inner_last in ",?!—–-.…"
            # '“The Iowa caucus is a battle of niches” Grubbs said.': the comma left out.
            or inner_last.isalnum()
            and _BARE_CUE_CLAUSE.match(text, q.end)
            and not _short(text, q.start, q.end, 3)
        )
        order = ("right", "left") if (inner_last in ",—–-" or comma_after) else ("left", "right")
        for side in order:
            if side == "right" and right_ok:
                attach = _attach_right(
                    text, q, min(p_last[1], nxt), lex, pats, period=inner_last == "."
                )
            elif side == "left":
                attach = _attach_left(
                    text, q, max(p_first[0], prev_end), lex, pats, paras, para_of, sent_bounds
                )
            if attach:
                break
        if not attach:
            if last_direct is not None and _continues(
                text, q, last_direct, claimed_upto, p_first, para_of, sent_bounds
            ):
                # A quotation that carries on the previous speaker's words (same or next paragraph).
                last_direct["fragments"].extend(q.pieces)
                last_direct["end"] = q.end
                claimed_upto = q.end
            qi += 1
            continue
        fragments = list(q.pieces)
        clause_end = attach["clause_end"]
        attach["tail"] = max(attach["cue"][1], attach["speaker"][1])
        qj = qi + 1
        if attach["side"] == "right":
            # '"A," he said. "B."': the next quotation continues this one.
            while qj < len(quotes):
                q2 = quotes[qj]
                if para_of(q2.start) != para_of(clause_end) or q2.start < clause_end:
                    break
                gap = text[attach["tail"] : q2.start]
                if (
                    not _SPLIT_GAP.fullmatch(gap)
                    or _SPLIT_BLOCK.search(gap)
                    or pats.any_cue.search(text, attach["tail"], q2.start)
                ):
                    break
                nxt2 = quotes[qj + 1].start if qj + 1 < len(quotes) else len(text)
                if q2.closed and _attach_right(
                    text, q2, min(paras[para_of(q2.end - 1)][1], nxt2), lex, pats, period=False
                ):
                    break
                fragments.extend(q2.pieces)
                clause_end = q2.end
                qj += 1
                break
        kind, start = "direct", fragments[0][0]
        if attach["side"] == "right":
            # Words of the writer before the quotation in its sentence make it a partial quote.
            ss = max(sent_bounds(q.start)[0], prev_end)
            if (
                _WORDS.search(text, ss, q.start)
                and not _LEAD_IN.fullmatch(text, ss, q.start)
                and text[ss : q.start].rstrip()[-1:] != ":"
            ):
                kind = "partial"
                start = _skip_space(text, ss, q.start)
        rec = {
            "kind": kind,
            "fragments": fragments,
            "start": start,
            "end": fragments[-1][1],
            "cue": attach["cue"],
            "speaker": attach["speaker"],
        }
        raw.append(rec)
        last_direct = rec if kind == "direct" else None
        claimed_upto = max(fragments[-1][1], clause_end, attach["cue"][1] if attach["cue"] else 0)
        qi = qj

    # Reported speech, sentence by sentence, outside direct quotes.
    direct_spans = sorted(
        (
            r["start"],
            max(r["end"], r["cue"][1] if r["cue"] else 0, r["speaker"][1] if r["speaker"] else 0),
            r["speaker"],
            min(r["start"], r["cue"][0] if r["cue"] else r["start"]),
        )
        for r in raw
    )
    dstarts = [d[0] for d in direct_spans]
    hits = list(pats.any_cue.finditer(text))
    hit_starts = [h.start() for h in hits]
    for s, e in sents:
        lo = bisect.bisect_left(hit_starts, s)
        hi = bisect.bisect_left(hit_starts, e, lo)
        if lo == hi:
            continue
        k = bisect.bisect_right(dstarts, e) - 1
        quoted = None
        if k >= 0 and direct_spans[k][1] > s:
            lead = direct_spans[k][3]
            if lead - s > 20 and direct_spans[k][0] >= s:
                # 'The spokesman declined ... but said X, adding: "..."': the sentence reports
                # something before the cue clause of its quotation.
                lead_hi = bisect.bisect_left(hit_starts, lead, lo, hi)
                if lead_hi > lo:
                    _reported(text, s, lead, lex, hits[lo:lead_hi], quotes, qstarts, raw)
            # A sentence with a direct quote: only what follows the quote and its cue clause
            # ('"...," he said. Later, Smith said that ...' within one sentence) is looked at.
            rest = _skip_space(text, direct_spans[k][1], e)
            if text[rest : rest + 1] in {",", ";"}:
                rest = _skip_space(text, rest + 1, e)
            lo = bisect.bisect_left(hit_starts, rest, lo, hi)
            if (
                lo == hi
                or e - rest < 20
                or _RELATIVE.match(text, rest)
                and not _RELATIVE_SPEECH.match(text, rest)
            ):
                continue  # "said Hillary Clinton, who praised ...": about the speaker
            s = rest
            # '"...," Smith said, adding that ...': the speaker of the quotation goes on.
            quoted = direct_spans[k][2]
        _reported(text, s, e, lex, hits[lo:hi], quotes, qstarts, raw, quoted)
    _nominal(text, raw, quotes, qstarts)
    _sourceless(text, raw, quotes, qstarts, sent_bounds)
    _in_poll(text, raw, quotes, qstarts, sent_bounds)
    _asked_and_headlines(text, raw, paras, quotes, qstarts, sent_bounds)
    _headline_verbs(text, raw, paras, quotes, qstarts, lex)

    raw.sort(key=lambda r: (r["start"], r["end"]))
    mentions = Mentions(text, lex)
    described: dict[str, Speaker] = {}
    records = []
    last_person = None

    def person_of(phrase: str, pos: int) -> Speaker | None:
        who = described.get(phrase)
        if who is None:
            who = described[phrase] = describe(phrase, pos, mentions, lex, None)
        # A subject counts only when it names someone in full ('Carson' after 'Ben Carson'),
        # not when it is a capitalised word that opens the sentence ('Sooner or later').
        return who if _is_person(who) and " " in who.name else None

    referents = Referents(
        text,
        sent_bounds,
        para_of,
        lambda a, b: _subject(text, a, b, lex),
        person_of,
        lambda pos: _in_quote(pos, qstarts, quotes),
        mentions,
    )
    for r in raw:
        sp = r["speaker"]
        if sp is not None:
            sp_text = text[sp[0] : sp[1]]
            low = sp_text.lower()
            if low in {"he", "she"}:
                # The person who spoke last or the subject before, not the last name printed.
                who = referents.resolve(sp[0]) or describe(
                    sp_text, sp[0], mentions, lex, last_person
                )
            elif low in PRONOUNS or low == "who":
                who = describe(sp_text, sp[0], mentions, lex, last_person)
            else:
                # The same phrase ("Trump", "the senator") resolves the same way in one article.
                who = described.get(sp_text)
                if who is None:
                    who = described[sp_text] = describe(sp_text, sp[0], mentions, lex, last_person)
            if who.name is None and not who.anonymous:
                # 'A State Department spokesman, Ned Price, said': the name set off after the role.
                named = _APPOSED_NAME.match(text, sp[1])
                name = named and mentions.person(named.group(1))
                if name and " " in name:
                    role = who.role if who.role != "unknown" else mentions.role_of(name)
                    who = Speaker(name, role, who.organisation, False)
            if _is_person(who) and not r.get("nominal") and low not in _POSSESSIVES:
                # ('his opposition to the bill', 'Trump’s request' is no one speaking)
                referents.spoke(r["cue"][0] if r["cue"] else sp[0], who)
        else:
            sp_text = None
            who = None
        if (
            who is not None
            and who.name
            and not who.anonymous
            and who.role not in {"outlet", "document"}
            and sp_text
            and sp_text.lower() not in PRONOUNS
            and " " in who.name
        ):
            last_person = who.name
        frags = r["fragments"]
        if r["kind"] == "direct":
            content = " ".join(text[a:b] for a, b in frags)
        else:
            content = text[r["start"] : r["end"]]
        cue = r["cue"]
        records.append(
            {
                "kind": r["kind"],
                "content": content,
                "start": r["start"],
                "end": r["end"],
                "fragments": [tuple(f) for f in frags],
                "cue": text[cue[0] : cue[1]] if cue else None,
                "cue_start": cue[0] if cue else None,
                "cue_end": cue[1] if cue else None,
                "speaker": sp_text,
                "speaker_start": sp[0] if sp else None,
                "speaker_end": sp[1] if sp else None,
                "speaker_name": who.name if who else None,
                "speaker_role": who.role if who else "unknown",
                "organisation": who.organisation if who else None,
                "anonymous": bool(who.anonymous) if who else False,
                "paragraph": para_of(r["start"]),
                "sentence": max(0, bisect.bisect_right(sent_starts, r["start"]) - 1),
            }
        )
    return records, unbalanced


_LEAD_IN = re.compile(
    r"[\s,:;—–-]*(?:(?:and|but|so|then|also|again|later|still|yet|or)\b[\s,]*)?", re.IGNORECASE
)
_RELATIVE = re.compile(r"(?:who|whom|whose|which)\b")
# '"...," said Weaver, who added that ...': a relative clause that speaks again reports more of
# the speaker's words; other ones ('who praised Bush') describe the speaker.
_RELATIVE_SPEECH = re.compile(
    r"who\s+(?:also\s+|later\s+)?(?:said|says|added|adds|noted|notes|told|tells|explained|argued|"
    r"warned|insisted|stressed|emphasized|predicted|acknowledged|conceded|cautioned|"
    r"declined\s+to\s+(?:say|comment|discuss|specify))\b"
)


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
            if i == 0 or not text[i - 1].isalnum():
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
_NOMINAL_END = re.compile(r"[,.;:!?“”\"()]|\s(?:and|but|as|while|which|who|after|before|because)\s")


def _free_of(raw: list[dict]):
    """``free(a, b)``: no attribution found so far (in ``raw`` now) overlaps ``a..b``.

    Looks at the attribution starting last before ``b``, as the extra passes need: they add
    attributions only where the earlier passes found none.
    """
    taken = sorted((r["start"], r["end"]) for r in raw)
    starts = [t[0] for t in taken]

    def free(a: int, b: int) -> bool:
        k = bisect.bisect_right(starts, b) - 1
        return not (k >= 0 and taken[k][1] > a)

    return free


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
_IT_THAT = re.compile(
    r"[Ii]t\s+(?:(?:seems|seemed|appears|appeared)|(?:is|was|has\s+been)\s+(?:widely\s+)?"
    r"(?:reported|announced|revealed|believed|said|rumou?red|expected|alleged|claimed))"
    r"(?:\s*,\s*[\w\s]{1,20},)?\s+(?=that\b)"
)
# 'X seems to ...', 'X is expected to ...': found from the literal " to " / " like " (a fast scan),
# then the word before it is looked up.
_TO_LIKE = re.compile(r" (?:to|like) (?=[a-z])")
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
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:widely|also|still|now)\s+)?\Z")


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
    r"despite|whether|so)\s+"
)
_LEADING_WORDS = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Now|Meanwhile|However|Instead|Indeed|Also)\b\s*,?\s*)"
)


# A poll or survey as the source of a finding: "In a Des Moines Register poll last month,
# CONTENT" and "CONTENT in a new Washington Post-ABC News poll." The head noun is found with a
# plain-string scan, then the phrase around it is checked.
_POLL_HEAD = re.compile(r"(?:poll|polls|survey|surveys|polling)\b")
_POLL_LEFT = re.compile(
    r"(?:^|(?<=\s))([Ii]n)\s+((?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w’'\-/.&]+\s+){0,7}?)\Z"
)
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her"])
# Words that show the phrase before "poll" is no poll's name ("in a row that the Rasmussen poll").
_NOT_IN_POLL_NAME = frozenset(["to", "that", "which", "who", "where", "when", "and", "or"])
# A finding is a clause: it starts with a name, a number or a pronoun, not with "with ...",
# "compared to ..." or "particularly ...".
_FINDING_START = re.compile(r"[A-Z0-9]|(?:he|she|they|it|we)\b")
_POLL_TAIL = re.compile(r"[^,;:.!?“”\"\n]{0,40}?[.!?]")


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
                    and any(w.lower() not in _DETERMINERS for w in np_words)
                    and not any(w.lower() in _NOT_IN_POLL_NAME for w in np_words)
                ):
                    cue = (left.start(1), left.end(1))
                    comma = text.find(",", h.end(), se)
                    if left.start(1) == _skip_space(text, ss, se) and comma > 0:
                        # 'In a national poll, likely voters ...': the finding follows.
                        if _short(text, h.end(), comma, 6):
                            cs = _skip_space(text, comma + 1, se)
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
                            if b.group(0)[:1] in ",;:":
                                cs = b.end()
                        ce = _clean_end(text, cs, left.start(1))
                        if ce - cs > 10 and free(cs, ce) and _FINDING_START.match(text, cs):
                            _add(text, raw, cs, ce, cue, (left.start(2), h.end()), quotes, qstarts)
            i = text.find(stem, i + 4)


def _sourceless(text, raw, quotes, qstarts, sent_bounds):
    free = _free_of(raw)
    for m in _IT_THAT.finditer(text):
        if m.start() and text[m.start() - 1].isalnum() or _in_quote(m.start(), qstarts, quotes):
            continue
        s, e = sent_bounds(m.start())
        cs = m.end()
        ce = _content_end(text, cs, e, qstarts, quotes)
        if ce - cs > 10 and free(m.start(), ce):
            cue_end = len(text[: m.end()].rstrip())
            _add(text, raw, cs, ce, (m.start(), cue_end), None, quotes, qstarts)
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
        # The subject starts after the last clause boundary before the cue.
        for b in _CLAUSE_START.finditer(text, cs, c0):
            cs = b.end()
        if c0 - cs < 2 or not _short(text, cs, c0, 8):
            continue
        ce = _content_end(text, c1 + 1, e, qstarts, quotes)
        if ce - c1 > 4 and free(cs, ce):
            _add(text, raw, cs, ce, (c0, c1), None, quotes, qstarts)


# "Asked why he trailed ..., Sanders said": the question is itself attributed (to whoever asked).
_ASKED = re.compile(
    r"sked\b(?:\s+(?:at|during|in|on|by|after|before|earlier|later|last|this)\b[^,.;:]{0,60}?)?"
    r"\s+(?=(?:about|why|if|whether|what|how|who|whom|when|where|which|to)\b)"
)
_ASKED_BEFORE = re.compile(r"(?:^|[.!?\n]\s*|\b[Ww]hen\s|\b(?:was|were|been|being|is|are)\s)\Z")


def _asked(text: str):
    """(cue start, content start) of 'Asked why ...' at a sentence start or after 'when'."""
    for m in _ASKED.finditer(text):  # a literal start: a fast scan
        a = m.start() - 1
        if a < 0 or text[a] not in "Aa":
            continue
        if _ASKED_BEFORE.search(text, max(0, a - 7), a):
            yield a, m.end()


# A headline or transcript line "Bernie Sanders: It Is Not A Radical Idea ...": a short name, a
# colon, then what the person said.
_HEADLINE_SPEAKER = re.compile(r"((?:[A-Z][\w.’'\-]*\s){0,3}[A-Z][\w.’'\-]*[a-z.])\s?:\s+(?=\S)")
_NOT_HEADLINE_SPEAKER = frozenset(
    [
        "update",
        "note",
        "editor",
        "editor’s",
        "editor's",
        "correction",
        "photo",
        "photos",
        "related",
        "read",
        "watch",
        "video",
        "source",
        "sources",
        "credit",
        "q",
        "a",
        "full",
        "text",
        "transcript",
        "image",
        "caption",
        "advertisement",
        "listen",
        "subscribe",
        "share",
        "warning",
        "disclaimer",
        "clarification",
        "breaking",
        "bombshell",
        "revealed",
        "contributing",
        "exclusive",
        "opinion",
        "analysis",
        "poll",
        "live",
        "updates",
        "developing",
        "by",
        "also",
        "more",
        "see",
        "tags",
        "topics",
    ]
)


# Headlines are written in title case, so their verbs are capitalised ("Trump’s Son Says The
# Battle ...", "..., Trevor Noah Says."), which the lower-case verb scan does not see.
_HEADLINE_VERB = re.compile(
    r"\s(?:Says|Said|Say|Tells|Told|Warns|Warned|Claims|Claimed|Admits|Admitted|Insists|"
    r"Suggests|Slams|Blasts|Urges|Predicts|Vows|Thinks|Believes|Wants|Hopes|Calls|Rips|Accuses|"
    r"Denies|Defends|Reveals|Explains|Argues|Promises|Pledges|Threatens)\b"
)


def _title_case(text: str, s: int, e: int) -> bool:
    words = _WORDS.findall(text, s, e)
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


def _headline_verbs(text, raw, paras, quotes, qstarts, lex):
    for ps, pe in paras:
        if pe - ps > 200:
            continue
        v = _HEADLINE_VERB.search(text, ps, pe)
        if v is None or not _title_case(text, ps, pe):
            continue
        tail = _clean_end(text, v.end(), pe)
        before = text[ps : v.start()].rstrip()
        if tail <= v.end() + 1 and "," in before:
            # "CONTENT, Trevor Noah Says."
            comma = text.rindex(",", ps, v.start())
            sp = (_skip_space(text, comma + 1, v.start()), len(text[: v.start()].rstrip()))
            cs, ce = ps, comma
        else:
            sp = (ps, ps + len(before))
            cs, ce = _skip_space(text, v.end(), tail), tail
        if ce - cs > 10 and sp[1] - sp[0] > 1 and _short(text, sp[0], sp[1], 8):
            _add(text, raw, cs, ce, (v.start() + 1, v.end()), sp, quotes, qstarts)


def _asked_and_headlines(text, raw, paras, quotes, qstarts, sent_bounds):
    free = _free_of(raw)
    for a, cs in _asked(text):
        # The question runs to a comma ('Asked why ..., Sanders said') or to the end of the
        # sentence ('... said when asked how Trump digests the news.').
        stop = _content_end(text, cs, min(sent_bounds(cs)[1], cs + 200), qstarts, quotes)
        comma = text.find(",", cs, stop)
        if comma < 0:
            comma = stop
        nl = text.find("\n", cs, comma if comma > 0 else cs + 200)
        if comma < 0 or nl >= 0 or comma - cs < 4:
            continue
        if free(cs, comma) and not _in_quote(a, qstarts, quotes):
            _add(text, raw, cs, comma, (a, a + 5), None, quotes, qstarts)
    for ps, pe in paras:
        m = _HEADLINE_SPEAKER.match(text, ps, min(pe, ps + 60))
        if not m or m.end() >= pe:
            continue
        first = m.group(1).split()[0].lower()
        if first.endswith("ing") or first.endswith("ed") and " " not in m.group(1):
            continue  # "Breaking:", "Revealed:", "Celebrating World NGO Day:"
        if (
            first in _NOT_HEADLINE_SPEAKER
            or m.group(1).isupper()
            or m.group(1).lower()
            in {
                "washington",
                "new york",
            }
        ):
            continue
        # A person is named again in the article ("Sanders said ..."); a section title
        # ("Hollywood Stars: Tales of ...") is not.
        last = m.group(1).split()[-1].rstrip(".")
        if not re.search(rf"\b{re.escape(last)}\b(?![\s:]+[A-Z])", text[:ps] + " " + text[pe:]):
            continue
        ce = _clean_end(text, m.end(), pe)
        if ce - m.end() > 10 and free(m.end(), ce):
            colon = text.index(":", m.end(1))
            _add(text, raw, m.end(), ce, (colon, colon + 1), m.span(1), quotes, qstarts)

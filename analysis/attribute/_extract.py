"""The rules that turn one article's text into attribution records.

Order of work, one pass each. :func:`extract_text` below runs the passes; the rules of each
step live in the module named with it:

1. paragraphs, sentences and quotations (``_segment``, ``_quotes``);
2. **direct quotes** (``_direct``): each quotation looks for a cue right after it
   (``"...," Pence said`` / ``"...," said Sen. Smith``) or right before it
   (``Miller stated, "..."``, ``he told reporters: "..."``, ``Jones: "..."``, a
   paragraph ending in a colon). A quotation that follows its own cue clause in the
   same paragraph (``"A," he said. "B."``) joins the previous one as a second
   fragment. Quotations with no cue (scare quotes, titles, headlines) are no
   attribution;
3. **reported speech** (``_reported``), sentence by sentence, outside the direct quotes:
   ``SPEAKER CUE (that) CONTENT``, ``CONTENT, SPEAKER CUE``, ``CONTENT, CUE SPEAKER``,
   ``according to SPEAKER, CONTENT`` and a participle after the main clause
   (``Beijing ..., labeling him a "severe danger"``). When the content holds a
   quotation the attribution is *partial*, else *indirect*. Where a content ends and
   what the subject of a sentence is are read in ``_spans``. Then the passes of
   ``_extras`` add what has no reporting verb in the usual shape (a stance named by a
   noun, 'his support for the bill'; a report with no source, 'it seems', 'reportedly';
   a poll's finding), and those of ``_headlines`` the question in 'Asked why ...',
   headlines and the turns of a transcript. In steps 2 and 3 the words that name the
   speaker next to a cue are read by ``_phrases``;
4. speakers resolved to names, roles and organisations in text order (``_speakers``,
   ``_referents``).

The small pieces that several of these modules read (counting words, positions inside
quotations, the words around a cue) are in ``_text``.
"""

from __future__ import annotations

import bisect
import itertools
import re

from ._cues import OWN_SOURCE_CUES, patterns
from ._direct import _after_paraphrase, _attach_left, _attach_right, _continues
from ._extras import _in_poll, _nominal, _passive_by, _sourceless
from ._headlines import _asked_and_headlines, _headline_verbs, _transcript_turns
from ._lexicon import Lexicon
from ._phrases import PRONOUNS
from ._quotes import find_quotes
from ._referents import Referents
from ._reported import _reported
from ._segment import paragraphs, sentences
from ._spans import _subject
from ._speakers import ABBREVIATIONS, Mentions, Speaker, describe
from ._text import _WORDS, _in_quote, _short, _skip_space

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
_ADDING_BEFORE = re.compile(
    r"(?:,\s*(?:and\s+then\s+|then\s+)?|,?\s+before\s+)"
    r"((?:adding|continuing|concluding)(?:\s+later)?)[,:]\s*\Z"
)
_BARE_CUE_CLAUSE = re.compile(
    r"\s+(?:(?:[A-Z][\w’'\-.]*|he|she|they)\s+){1,3}(?:said|says|added|adds|wrote|writes)"
    r"(?:\s+[A-Z]?[a-z]+)?\s*[.]"
)
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


# A speaker phrase that is one function word, or opens with an auxiliary or a verb form.
_NOT_A_SPEAKER = re.compile(
    r"(?i:(?:for|of|after|before|by|with|without|despite|though|although|together|taking|not|"
    r"don[’']t|[a-z]+n[’']t|just|only|even|about|into|like|since|under|over|unlike)\Z"
    r"|(?:do|does|did|has|have|had|having|will|would|can|could|should|against|taking)\b)"
)
_VERB_IN_PHRASE = re.compile(r"[a-z]{3}ed\s")
_OPENING_PREPOSITION = re.compile(r"(?:Following|After|Before|During|Amid|Despite|Upon)\s+(?=\S)")
_VERB_ONLY_AFTER_SUBJECT = re.compile(r"\s+[a-z]{3,}ed")
_PRONOUN_END = re.compile(r"\s(he|she|they|we|I)\Z")
# A finite verb with its object ('issued a statement', 'addressed the supporters'), not a
# participle that describes the subject ('People briefed on the talks', 'polls released').
_VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+)?[a-z]{3,}ed\s+(?:a|an|the|his|her|their|its|this|these|"
    r"those|him|them|supporters|reporters|[A-Z])\b"
)
_PHRASE_ENDS_IN_FUNCTION_WORD = re.compile(
    r"\s(?:from|to|of|by|for|with|in|on|at|about|some|the|a|an|and|or|both|has|have|had|not|yet|"
    r"never|already|[a-z]+n[’']t)\Z",
    re.IGNORECASE,
)


def _truncated(text: str, a: int, b: int) -> bool:
    """The paragraph ``text[a:b]`` ends in a word cut off with an ellipsis ('... in the...')."""
    end = text[a:b].rstrip()
    if end.endswith("..."):
        end = end[:-3]
    elif end.endswith("…"):
        end = end[:-1]
    else:
        return False
    return end[-1:].isalnum()


def _speaker_span(text: str, sp: tuple[int, int] | None, lex: Lexicon) -> tuple[int, int] | None:
    """The speaker phrase the rules found, mended where it is a piece of a clause: a word that
    names no one gives no speaker ('Don't blame Bush', 'Do you think ...'); a clause gives way to
    its subject ('Rubio refrained from [mentioning ...]', 'Ms. Zimmer issued a statement
    [saying ...]') or to the pronoun it ends in ('On Tuesday he'); the preposition of an
    opening phrase is left out ('Following [Obama's comments] supporting ...')."""
    if sp is None or _NOT_A_SPEAKER.match(text, sp[0], sp[1]):
        return None
    if text.find(" ", sp[0], sp[1]) < 0:
        return sp  # one word: none of the clause tests apply
    if text[sp[0]] in "FABDU" and (opening := _OPENING_PREPOSITION.match(text, sp[0], sp[1])):
        # 'Following Obama's comments supporting ...': the words after the preposition speak.
        sp = (opening.end(), sp[1])
    if _PHRASE_ENDS_IN_FUNCTION_WORD.search(text, sp[0], sp[1]):
        subject = _subject(text, sp[0], sp[1], lex)
        return subject if subject and subject[1] < sp[1] else None
    if pronoun := _PRONOUN_END.search(text, sp[0], sp[1]):
        return pronoun.span(1)
    if _VERB_IN_PHRASE.search(text, sp[0], sp[1] + 1):  # (a cheap test before the subject)
        subject = _subject(text, sp[0], sp[1], lex)
        if (
            subject
            and subject[1] < sp[1]
            and (
                _VERB_AFTER_SUBJECT.match(text, subject[1], sp[1])
                # 'Clinton avoided [attacking Sanders]': the verb before a participle cue
                or _VERB_ONLY_AFTER_SUBJECT.fullmatch(text, subject[1], sp[1])
            )
        ):
            return subject
    return sp


def _drop_nested(text: str, records: list[dict]) -> list[dict]:
    """Reported records without their nested ones: a stance or an action whose cue and content
    lie inside the content of another reported record ('HarperCollins declined to renew the
    offer, according to ...': the source is the one 'according to' names). PolNeAR marks only
    the outer attribution; a verb of speech or of evidence inside keeps its record."""
    if len(records) < 2:
        return records
    spans = sorted((r["start"], r["end"]) for r in records)
    reach = list(itertools.accumulate((b for _, b in spans), max))  # furthest end so far
    kept = []
    for r in records:
        cue = r["cue"]
        if cue and text[cue[0] : cue[1]].lower() not in OWN_SOURCE_CUES:
            lo = min(cue[0], r["start"])
            k = bisect.bisect_right(spans, (lo, len(text)))
            if (
                k
                and reach[k - 1] >= r["end"]
                and any(
                    a <= lo and r["end"] <= b and b - a > r["end"] - r["start"]
                    for a, b in spans[:k]
                )
            ):
                continue
        kept.append(r)
    return kept


def _claimed_spans(rec: dict) -> list[tuple]:
    """The stretches of text a quotation record holds, as (start, end, speaker, lead).

    The quotation with its cue clause is one stretch; a quotation that carries on after the
    cue clause's sentence ends ('"A," said Reed, a longtime friend of his. "B."') is a stretch
    of its own, so the rest of the cue clause's sentence is still read for reported speech
    ('said Mr. Ekovich, who noted that ...').
    """
    cue, speaker, fragments = rec["cue"], rec["speaker"], rec["fragments"]
    tail = max(cue[1] if cue else 0, speaker[1] if speaker else 0)
    lead = min(rec["start"], cue[0] if cue else rec["start"])
    head = [f for f in fragments if f[0] < tail]
    if not head or len(head) == len(fragments):
        return [(rec["start"], max(rec["end"], tail), speaker, lead)]
    return [(rec["start"], max(head[-1][1], tail), speaker, lead)] + [
        (a, b, speaker, a) for a, b in fragments[len(head) :]
    ]


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
        if not attach and last_direct is not None:
            added = _ADDING_BEFORE.search(text, max(last_direct["end"], q.start - 40), q.start)
            if added and added.start() >= last_direct["end"]:
                # '"A," she said, adding, "B."': a second attribution of the same speaker, with
                # the participle as its cue (PolNeAR marks two).
                attach = {
                    "side": "left",
                    "cue": added.span(1),
                    "speaker": last_direct["speaker"],
                    "clause_end": q.start,
                }
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
    n_quoted = len(raw)
    direct_spans = sorted(span for r in raw for span in _claimed_spans(r))
    dstarts = [d[0] for d in direct_spans]
    # A cue inside quotation marks is no cue of the writer's (``_reported`` skips it): only the
    # text between quotations is scanned. Quotations are in text order and do not overlap.
    hits = []
    outside = 0
    for q in quotes:
        hits.extend(pats.any_cue.finditer(text, outside, q.start + 1))
        outside = q.end
    hits.extend(pats.any_cue.finditer(text, outside))
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
    _passive_by(text, raw, quotes, qstarts, sent_bounds, lex)
    _asked_and_headlines(text, raw, paras, quotes, qstarts, sent_bounds)
    _headline_verbs(text, raw, paras, quotes, qstarts, lex)
    # A cue that introduced a quotation introduces nothing else ('"A," he wrote, adding that
    # ...' read again as reported speech when a second quotation shares the sentence).
    quote_cues = {tuple(r["cue"]) for r in raw[:n_quoted] if r["cue"]}
    raw[n_quoted:] = [
        r for r in raw[n_quoted:] if not r["cue"] or tuple(r["cue"]) not in quote_cues
    ]
    _after_paraphrase(text, raw, quotes, para_of, sent_bounds)
    raw[n_quoted:] = _drop_nested(text, raw[n_quoted:])
    # A short paragraph cut off with an ellipsis ('Biden expressed optimism about a potential
    # ceasefire in the...') is a teaser of another article on a scraped page, not this one's.
    if "..." in text or "…" in text:
        teasers = {k for k, (a, b) in enumerate(paras) if b - a < 400 and _truncated(text, a, b)}
    else:
        teasers = None
    if teasers:
        raw = [r for r in raw if para_of(r["start"]) not in teasers]
    raw = _transcript_turns(text, raw, paras)

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
        sp = r["speaker"] = _speaker_span(text, r["speaker"], lex)
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
                    # A transcript's label in capitals ('PENCE') is read as the name it spells.
                    phrase = sp_text.title() if r.get("turn") else sp_text
                    who = described[sp_text] = describe(phrase, sp[0], mentions, lex, last_person)
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
                "fragments": list(frags),  # (start, end) tuples, as every pass builds them
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

"""Step 2, direct quotes: the cue of each quotation.

:func:`_attach_right` looks for a cue clause right after the quotation ('"...," Pence said',
'"...," said Sen. Smith', '"...," Scott Pruitt, the attorney general of Oklahoma, said');
:func:`_attach_left` looks for one right before it ('Miller stated, "..."', 'he told
reporters: "..."', 'Jones: "..."', a paragraph ending in a colon, 'chanting "Dump Trump."').
Both return the side, the cue, the speaker and where the cue clause ends, or None when the
quotation has no cue (a title, a scare quote). :func:`_continues` says whether a quotation
without a cue carries on the words of the direct quote before it, in the same paragraph or
the next; :func:`_after_paraphrase` gives one that follows reported speech ('Corker said he
was "meticulous" about it. "If we were to touch it ..."') to the speaker of that speech.
"""

from __future__ import annotations

import bisect
import itertools
import re

from ._cues import is_cue, prepositions
from ._phrases import speaker_left, speaker_right
from ._spans import _INTRO, _clause_subject, _plausible_speaker, _subject
from ._speakers import _role_table
from ._text import (
    _ADVERBIAL,
    _AND_BEFORE,
    _INFINITIVE_BEFORE,
    _NEXT_WORD_END,
    _OBJECT,
    _POST_TAIL,
    _TELL,
    _WORDS,
    _clause_not_speaker,
    _short,
)

__all__ = ["_after_paraphrase", "_attach_left", "_attach_right", "_continues"]

_CHANT = re.compile(
    r"\b(?:chant|chants|chanted|chanting|shout|shouts|shouted|shouting|yell|yelled|yelling|"
    r"sang|singing|declared)\s*$"
)
_NOUN_NEXT = re.compile(
    r"\s+(?:said|says|say|stated|states|showed|shows|found|finds|noted|notes|read|reads|added|adds)\b"
)


def _noun_use(text: str, v: re.Match) -> bool:
    """'the report said': a cue word followed by a reporting verb is a noun."""
    return bool(_NOUN_NEXT.match(text, v.end()))


def _continues(text, q, last, claimed_upto, para, para_of, sent_bounds) -> bool:
    if not q.closed or last["end"] > q.start:
        return False
    if para_of(q.start) - para_of(last["end"] - 1) > 1:
        return False
    starts_para = q.start == para[0]
    # Only after a finished clause ('... he said. "More."'), not after 'adding that "..."'.
    after_clause = (
        claimed_upto <= q.start
        and not _WORDS.search(text, max(claimed_upto, para[0]), q.start)
        and text[para[0] : q.start].rstrip()[-1:] in {".", ",", ":", ";", "!", "?"}
    )
    if not (starts_para or after_clause):
        # '"A," Sweeny said after an event in Edison. "B."': words that finish the sentence of
        # the cue clause do not end the run; a sentence of their own would.
        cue_sentence_end = sent_bounds(claimed_upto - 1)[1]
        after_clause = (
            para[0] < claimed_upto <= cue_sentence_end <= q.start
            and not _WORDS.search(text, cue_sentence_end, q.start)
            # ('... said on NBC's "Meet the Press." "B."': the sentence ends inside a title)
            and text[para[0] : q.start].rstrip().rstrip("'’”\"")[-1:] in {".", "!", "?"}
        )
    if not (starts_para or after_clause):
        return False
    # Something else said between the two (another quotation, a new sentence) ends the run.
    if starts_para and para_of(q.start) != para_of(last["end"] - 1) and claimed_upto < para[0]:
        last_para_end = text.rfind("\n", last["end"], q.start)
        rest_lo = max(claimed_upto, last["end"])
        rest_hi = last_para_end if last_para_end > 0 else q.start
        # Words after the cue clause are fine when they end its sentence ('..., Christie said
        # on ABC's "This Week."'); a sentence of its own may quote someone else.
        cue_sentence_end = sent_bounds(max(rest_lo - 1, 0))[1]
        if _WORDS.search(text, max(rest_lo, cue_sentence_end), rest_hi):
            return False
    return len(_WORDS.findall(text, q.start, q.end)) >= 4


def _attach_right(text, q, hi, lex, pats, *, period):
    pos = q.end
    while pos < hi and (text[pos].isspace() or text[pos] == ","):
        pos += 1
    if pos >= hi:
        return None
    first = text[pos]
    # Inverted: '"...," said Sen. Smith'.
    v = pats.verb.match(text, pos, hi)
    if v and is_cue(text, v.start(), v.end(), lex, after_quote=True):
        sp = speaker_right(text, v.end(), hi, lex)
        if sp and _clause_not_speaker(text, sp):
            # '“sociopath,” said he doesn’t believe ...', '... said the candidate could be ...':
            # the quotation sits in an aside and the cue has a clause of its own.
            sp = None
        if sp:
            return {
                "side": "right",
                "cue": (v.start(), v.end()),
                "speaker": sp,
                "clause_end": _clause_end(text, sp[1], hi),
            }
    # '"...," Pence said' / '"...," the senator told reporters'.
    for v in pats.verb.finditer(text, pos, min(hi, pos + 90)):
        if (
            _noun_use(text, v)
            or not is_cue(text, v.start(), v.end(), lex, after_quote=True)
            or _INFINITIVE_BEFORE.search(text, max(pos, v.start() - 4), v.start())
        ):
            continue  # '"..." I had prepared a statement to read': no cue clause of the quotation
        sp = speaker_left(text, pos, v.start(), lex)
        if sp and sp[0] != pos and _short(text, pos, sp[0], 3) and text[pos].islower():
            # '"...," the bespectacled, 71-year-old diplomat said': adjectives before the head.
            sp = (pos, sp[1])
        if sp and sp[0] == pos:
            clause_end = _clause_end(text, v.end(), hi)
            # 'Fiorina said Ted Cruz "says whatever ..."': the cue clause runs on into the next
            # quotation, so it has content of its own however few words precede that quotation.
            runs_on = clause_end == hi and (
                text[hi : hi + 1] in {'"', "“"} or text.startswith("''", hi)
            )
            if (
                not period
                and (_short(text, q.start, q.end, 6) or _cue_before(text, q.start, pats))
                and v.group(0).lower() not in _TELL
                and (runs_on or not _short(text, v.end(), clause_end, 5))
                and not _POST_TAIL.match(text, v.end())
                and not _ADVERBIAL_LEAD.match(text, v.end())
            ):
                # '... on "CBS This Morning," Sanders said he had not ...': the cue has content of
                # its own after it, so the short quotation before it (a title) is not what was said.
                return None
            if (
                period
                and first.isupper()
                and (
                    runs_on
                    or not _short(text, v.end(), clause_end, 2)
                    or text[clause_end - 1 : clause_end] in ",:"
                )
            ):
                # '"We won." Trump said the polls ...' / '"... change." She adds, "..."' start a
                # sentence of their own; only '"We won." Trump said.' closes the quotation.
                return None
            return {
                "side": "right",
                "cue": (v.start(), v.end()),
                "speaker": sp,
                "clause_end": clause_end,
            }
        break
    if period:
        return None
    # '"...," Scott Pruitt, the attorney general of Oklahoma, one of ..., said'.
    comma = text.find(",", pos, min(hi, pos + 60))
    if comma > pos and (first.isupper() or text.startswith(("the ", "a ", "an "), pos)):
        if not _short(text, pos, comma, 6) or _CLAUSE_CHARS.search(text, pos, comma):
            return None
        for v in pats.verb.finditer(text, comma, min(hi, comma + 220)):
            before = text[comma : v.start()].rstrip()
            if _CLAUSE_CHARS.search(text, comma, v.start()):
                break
            words = before.split()
            while words and (
                words[-1].lower() in {"also", "later", "then", "has", "had"}
                or words[-1].endswith("ly")
            ):
                words.pop()
            if words and words[-1].endswith(",") and is_cue(text, v.start(), v.end(), lex):
                return {
                    "side": "right",
                    "cue": (v.start(), v.end()),
                    "speaker": (pos, comma),
                    "clause_end": _clause_end(text, v.end(), hi),
                }
    return None


_CLAUSE_CHARS = re.compile(r"[“”\"!?;:]|\.\s")
_CLAUSE_END = re.compile(r"[.!?;:]|,(?=\s*[“\"])")


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_END.search(text, pos, hi)
    return m.end() if m else hi


_COLON_SPEAKER = re.compile(r"\s*((?:[A-Z][\w’'\-.]*\s+){0,5}[A-Z][\w’'\-.]*)\s*")
# 'Gerald F. Seib, The Wall Street Journal: "..."': a writer and the outlet, as in round-ups.
_COLON_BYLINE = re.compile(
    r"\s*((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-.]*,\s*(?:The\s+)?(?:[A-Z][\w’'\-.]*\s+){0,3}"
    r"[A-Z][\w’'\-.]*)\s*"
)


def _attach_left(text, q, lo, lex, pats, paras, para_of, sent_bounds):
    hi = q.start
    if lo >= hi or not text[lo:hi].strip():
        # A quotation opening its paragraph: the previous paragraph may end in 'X said:'.
        k = para_of(q.start)
        if k == 0 or q.start != paras[k][0]:
            return None
        ps, pe = paras[k - 1]
        if text[pe - 1 : pe] != ":":
            return None
        lo, hi = max(ps, pe - 300), pe
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    punct = text[end - 1] if end > lo and text[end - 1] in ",:" else ""
    cz = end - 1 if punct else end
    if not punct and len(_WORDS.findall(text, q.start, q.end)) < 6:
        # 'on NBC's "Meet the Press"' is a title, not a quotation; but 'chanting "Dump Trump."'
        # quotes the crowd.
        m = _CHANT.search(text, max(lo, end - 20), end)
        if not m:
            return None
        sp = _subject(text, sent_bounds(m.start())[0], m.start(), lex) or speaker_left(
            text, sent_bounds(m.start())[0], m.start(), lex
        )
        if sp is None:
            return None
        return {"side": "left", "cue": (m.start(), m.end()), "speaker": sp, "clause_end": hi}
    ss = max(lo, sent_bounds(max(lo, cz - 1))[0])
    best = None
    for v in pats.any_cue.finditer(text, max(ss, cz - 150), cz):
        if not _noun_use(text, v):
            best = v
    if best is not None:
        v = best
        low = v.group(0).lower()
        if low.startswith("according") or low in lex.according_cues:
            sp = speaker_right(text, v.end(), cz, lex)
            # ('according to his book "The Art of the Deal."': a title right after the source
            # names it; a quotation it sources follows a comma or a colon)
            if sp and punct and not text[sp[1] : cz].strip():
                return {
                    "side": "left",
                    "cue": (v.start(), v.end()),
                    "speaker": sp,
                    "clause_end": hi,
                }
        elif is_cue(text, v.start(), v.end(), lex):
            gap = text[v.end() : cz]
            g = 0
            if low in prepositions(lex):
                g = _NEXT_WORD_END.match(gap).end()  # 'As Vulture put it, "..."'
            if low in _TELL:
                om = _OBJECT.match(gap)
                if om:
                    g = om.end()
            am = _ADVERBIAL.match(gap, g)
            gap_ok = not gap[g:].strip() or (am and am.end() >= len(gap.rstrip()))
            bare = False
            if not gap_ok and punct == ":" and _short(text, v.end(), cz, 8):
                gap_ok = True  # 'he told the crowd at the rally on Monday:'
            if (
                not gap_ok
                and punct == ","
                and low in _TELL
                and _short(text, v.end(), cz, 10)
                and not _short(text, q.start, q.end, 3)  # ('told it in "Plenty Ladylike."')
            ):
                gap_ok = True  # 'he told Chris Wallace of Fox News, "..."'
            if (
                not gap_ok
                and not punct
                and _BARE_TAIL.fullmatch(gap, g)
                and not _short(text, q.start, q.end, 4)
            ):
                # 'Sam Lau, the party's spokesman, said in a statement. "There are no ..."': a
                # cue sentence with no content of its own introduces the next quotation.
                gap_ok = bare = True
            if gap_ok:
                sp = None
                if low.endswith("ing") and text[ss : v.start()].rstrip().endswith(","):
                    # '..., Nefzi said, adding, "..."': the speaker of the cue clause just
                    # before the participle; else the subject of the sentence.
                    prev = _CUE_CLAUSE_END.search(text, max(ss, v.start() - 60), v.start())
                    pv = prev and pats.verb.match(text, prev.start(1), prev.end(1))
                    if pv and is_cue(text, pv.start(), pv.end(), lex):
                        sp = speaker_left(text, ss, pv.start(), lex)
                    if sp is None:
                        sp = _subject(text, ss, v.start(), lex)
                if sp is None and _INFINITIVE_BEFORE.search(
                    text, max(ss, v.start() - 4), v.start()
                ):
                    sp = _clause_subject(text, ss, v.start(), lex)  # 'He used ... to say, "..."'
                elif sp is None:
                    sp = speaker_left(text, ss, v.start(), lex)
                if sp is None and (
                    punct == ":" or _AND_BEFORE.search(text, max(ss, v.start() - 16), v.start())
                ):
                    # 'Lazar said he welcomed extradition and added, "..."': the subject speaks.
                    sp = _subject(text, ss, v.start(), lex)
                if sp and bare and _WORDS.search(text, sent_bounds(v.start())[0], sp[0]):
                    sp = None  # ('X, Mr. Turry said. "..."': that sentence had content)
                if sp:
                    return {
                        "side": "left",
                        "cue": (v.start(), v.end()),
                        "speaker": sp,
                        "clause_end": hi,
                    }
    if punct == ":":
        # 'Jones: "..."', 'HEADLINE - Jeffrey M. Jones: "..."', or a sentence that introduces
        # the quotation ('He gave a compliment:', '... surprise pollster Daron Shaw:').
        dash = max(text.rfind(" - ", ss, cz), text.rfind(" — ", ss, cz), text.rfind(" – ", ss, cz))
        start = dash + 3 if dash >= 0 else ss
        m = _COLON_SPEAKER.fullmatch(text, start, cz) or _COLON_BYLINE.fullmatch(text, start, cz)
        sp = (m.start(1), m.end(1)) if m and not _INTRO.match(m.group(1) + ",") else None
        if sp is None and len(_WORDS.findall(text, q.start, q.end)) < 4:
            return None  # 'his resume: “song anthropologist.”' names, it does not quote
        if sp is None and text[cz - 1 : cz].isalpha():
            before = speaker_left(text, start, cz, lex)
            if before and text[before[0]].isupper() and text[before[1] - 1].isalpha():
                phrase = text[before[0] : before[1]]
                if _plausible_speaker(phrase, lex) and not _WORD_AFTER_NAME.search(phrase):
                    sp = before
        if sp is None and (tail := _NAME_TAIL.search(text, start, cz)):
            # '... doesn't surprise Republican pollster Daron Shaw:': a name after a role noun
            # ends the clause ('... a compliment to Mitt Romney:' is no one's title).
            role = _WORD_BEFORE.search(text, start, tail.start())
            if role and role.group(1).lower() in _role_table(lex)[1]:
                sp = tail.span()
        if sp is None:
            # ('"...," but he gave the Texan a back-handed compliment: "..."')
            sp = _subject(text, _CONJUNCTION_LEAD.match(text, start, cz).end(), cz, lex)
        if sp:
            return {"side": "left", "cue": (cz, cz + 1), "speaker": sp, "clause_end": hi}
    return None


# What may follow a cue that ends its sentence with no content: ' in a statement.', '.'
_BARE_TAIL = re.compile(
    r"(?:\s+(?:in|on|at|during|after|before|via|through|to|with|from|by|last|this|later|"
    r"yesterday|today|again|too|also|then)\b[^.;:!?“”\"]{0,60})?\s*\.\s*"
)
# 'Trump wins the election', 'NBC News has proof': a verb-like word right after a name.
_WORD_AFTER_NAME = re.compile(r"[A-Z][\w’'\-.]*\s+[a-z]+(?:s|ed)\b")
_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+\Z")
_NAME_TAIL = re.compile(r"(?<=\s)(?:[A-Z][\w’'\-.]*\s+){1,3}[A-Z][\w’'\-]*\Z")
# (case-sensitive: 'But' opening a sentence is read by _subject itself)
_CONJUNCTION_LEAD = re.compile(r"[\s,;—–-]*(?:(?:and|but|so|yet|then)\b\s*)?")
_CUE_CLAUSE_END = re.compile(r"\s([a-z]+)\s*,\s*\Z")


def _cue_before(text: str, pos: int, pats) -> bool:
    """A cue earlier in the sentence of the quotation at ``pos`` ('Trump said that "...,"')."""
    ls = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    return bool(pats.any_cue.search(text, ls, pos))


_ADVERBIAL_LEAD = re.compile(
    r"\s+(?:\w+ly|again|also|then|later|afterward|afterwards|once|too)\b\s*[,.]"
)


_REPORTS = frozenset(["reported", "reports", "report", "reporting"])


def _after_paraphrase(text, raw, quotes, para_of, sent_bounds) -> None:
    """Join to reported speech a quotation with no cue that opens the next sentence: the
    paraphrased speaker goes on in their own words ('Corker said he was "meticulous" about
    it. "If we were to touch it ..."').

    The quotation must be closed, hold at least four words, start a sentence in the same
    paragraph as the reported speech or the next one, and no word may lie between them. It
    becomes a fragment of the last reported record of the sentence before, which is then
    partial (one cue, one attribution, as for a split quote); a second such quotation right
    after it joins the same record. An outlet's report ('..., The Hill reported.') passes on
    someone else's words, so it takes no quotation.
    """
    if not quotes:
        return
    held = sorted((r["start"], r["end"]) for r in raw)
    held_starts = [h[0] for h in held]
    held_upto = list(itertools.accumulate((h[1] for h in held), max))
    reported = sorted(
        (r for r in raw if r["kind"] != "direct" and r["speaker"] and not r.get("nominal")),
        key=lambda r: r["end"],
    )
    ends = [r["end"] for r in reported]
    added = None
    for q in quotes:
        if not q.closed or _short(text, q.start, q.end, 3):
            continue
        k = bisect.bisect_right(held_starts, q.start) - 1
        if k >= 0 and held_upto[k] > q.start:
            continue  # already part of an attribution
        ss = sent_bounds(q.start)[0]
        if _WORDS.search(text, ss, q.start):
            continue  # not at the start of its sentence
        if (
            added is not None
            and added["end"] <= q.start
            and not _WORDS.search(text, added["end"], q.start)
            and para_of(q.start) - para_of(added["end"] - 1) <= 1
        ):
            added["fragments"].extend(q.pieces)  # a second quotation right after the first
            added["end"] = q.end
            continue
        prev_start, prev_end = sent_bounds(max(ss - 1, 0))
        if prev_start >= ss or _WORDS.search(text, prev_end, q.start):
            continue
        if para_of(q.start) - para_of(prev_start) > 1:
            continue
        j = bisect.bisect_right(ends, prev_end) - 1
        if j < 0 or reported[j]["start"] < prev_start or not reported[j]["cue"]:
            continue
        if text[slice(*reported[j]["cue"])].lower() in _REPORTS:
            continue
        added = reported[j]
        added["kind"] = "partial"
        added["fragments"] = list(added["fragments"]) + list(q.pieces)
        added["end"] = q.end

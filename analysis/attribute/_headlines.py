"""Step 3, last passes: questions, headlines and transcripts.

- the question in 'Asked why ..., Sanders said' (it runs to the main clause and takes the
  place of any stance read inside it), and a headline or transcript line 'Bernie Sanders: It
  Is Not A Radical Idea' (:func:`_asked_and_headlines`);
- a short title-case line with a capitalised verb: 'Trump’s Son Says The Battle ...',
  '..., Trevor Noah Says.' (:func:`_headline_verbs`);
- last of all passes, the turns of a transcript ('PENCE: Well, look, ...'), which replace
  whatever was read inside them (:func:`_transcript_turns`).

The passes of :mod:`._extras` run before these.
"""

from __future__ import annotations

import bisect
import re

from ._extras import _free_of, _take_over
from ._records import _add
from ._spans import _content_end
from ._text import _WORDS, _clean_end, _in_quote, _short, _skip_space

__all__ = ["_asked_and_headlines", "_headline_verbs", "_transcript_turns"]

# A transcript's speaker label opens a paragraph: 'PENCE: Well, look, ...', 'KATE BOULDUAN: Why
# not debate?', '"WALLACE: ...' (a quoted transcript repeats the opening mark at each paragraph).
_TURN = re.compile(r"[\"“]?((?:[A-Z][A-Z.’'\-]+\s){0,2}[A-Z][A-Z.’'\-]+):\s+(?=\S)")
_TURN_END = re.compile(r"[\s\"”]+\Z")
# Labels of page furniture, not of speakers.
_NOT_TURN = frozenset(
    [
        "VIDEO",
        "PHOTO",
        "PHOTOS",
        "UPDATE",
        "UPDATED",
        "NOTE",
        "CORRECTION",
        "WATCH",
        "READ",
        "RELATED",
        "BREAKING",
        "EXCLUSIVE",
        "TRANSCRIPT",
        "SOURCE",
        "SOURCES",
        "CREDIT",
        "LISTEN",
        "MORE",
        "ALSO",
    ]
)


def _transcript_turns(text: str, raw: list[dict], paras) -> list[dict]:
    """``raw`` with each turn of a transcript as a direct quotation of its speaker, in place of
    whatever was read inside it. A label counts when the article holds a transcript (labels of
    two speakers or more) or names the person ('Pence'), which tells a speaker from a
    capitalised heading ('UPDATE:')."""
    i = text.find(":")
    while i > 0 and not (text[i - 1].isupper() and text[i + 1 : i + 2].isspace()):
        i = text.find(":", i + 1)
    if i <= 0:
        return raw  # no label in capitals anywhere (a plain-string scan before the paragraphs)
    found = []
    for ps, pe in paras:
        if text.find(":", ps, min(pe, ps + 40)) < 0:
            continue  # (a quick test before the pattern)
        m = _TURN.match(text, ps, pe)
        if m is None or m.group(1) in _NOT_TURN or len(m.group(1)) < 2:
            continue
        end = _TURN_END.search(text, m.end(), pe)
        ce = end.start() if end else pe
        if ce - m.end() > 1:
            found.append((m.start(1), m.end(1), m.end(), ce))
    speakers = {text[a:b].split()[-1] for a, b, _, _ in found}
    if len(speakers) < 2:
        found = [
            t
            for t in found
            if re.search(rf"\b{re.escape(text[t[0] : t[1]].split()[-1].capitalize())}\b", text)
        ]
    turns = found
    if not turns:
        return raw
    spans = sorted((cs, ce) for _, _, cs, ce in turns)
    starts = [a for a, _ in spans]

    def in_turn(r: dict) -> bool:
        k = bisect.bisect_right(starts, r["end"]) - 1
        return k >= 0 and spans[k][1] > r["start"]

    kept = [r for r in raw if not in_turn(r)]
    for ls, le, cs, ce in turns:
        kept.append(
            {
                "kind": "direct",
                "fragments": [(cs, ce)],
                "start": cs,
                "end": ce,
                "cue": (le, le + 1),
                "speaker": (ls, le),
                "turn": True,
            }
        )
    return kept


# "Asked why he trailed ..., Sanders said": the question is itself attributed (to whoever asked).
_ASKED = re.compile(
    r"sked\b(?:\s+(?:at|during|in|on|by|after|before|earlier|later|last|this)\b[^,.;:]{0,60}?)?"
    r"\s+(?=(?:about|why|if|whether|what|how|who|whom|when|where|which|to)\b)"
)
_ASKED_BEFORE = re.compile(r"(?:^|[.!?\n]\s*|\b[Ww]hen\s|\b(?:was|were|been|being|is|are)\s)\Z")


_MAIN_SPEAKER = re.compile(
    r",[”\"]?\s+(?:(?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w.’'\-]*|he|she|they|we|I|the\s+[a-z]+)\s+"
    r"(?:\w+ly\s+)?(?:said|says|replied|replies|responded|responds|answered|answers|told|tells|"
    r"added|insisted|explained|noted|argued|declined|demurred|shrugged)\b"
)


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
        "the",  # 'The Latest: Trump’s leaked taxes ...' (AP's running story)
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
    # (the look-ahead spares trying every verb after every space)
    r"\s(?=[A-Z])(?:Says|Said|Say|Tells|Told|Warns|Warned|Claims|Claimed|Admits|Admitted|Insists|"
    r"Suggests|Slams|Blasts|Urges|Predicts|Vows|Thinks|Believes|Wants|Hopes|Calls|Rips|Accuses|"
    r"Denies|Defends|Reveals|Explains|Argues|Promises|Pledges|Threatens)\b"
)


def _title_case(text: str, s: int, e: int) -> bool:
    words = _WORDS.findall(text, s, e)
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


_HEADLINE_BREAK = re.compile(r"[;—–:](?!.*[;—–:])|\s[-–—]\s(?!.*\s[-–—]\s)")
# The name that opens a headline ('Trump Hints At Secret Weapon'): capitalised words up to the
# first verb form in -s.
_HEADLINE_SUBJECT = re.compile(r"(?:[A-Z][\w.’'\-]*\s+){0,3}?[A-Z][\w.’'\-]*(?=\s+[A-Z][a-z]+s\b)")


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
            if (mark := _HEADLINE_BREAK.search(text, ps, sp[1])) is not None:
                # 'Plane Crashes Into Sea— Hillary Clinton Says ...': the speaker follows the
                # break; 'Trump Hints At Secret Weapon; Says ...': the subject before it speaks.
                after = _skip_space(text, mark.end(), sp[1])
                if after < sp[1]:
                    sp = (after, sp[1])
                else:
                    sp = (ps, mark.start())
                    name = _HEADLINE_SUBJECT.match(text, ps, mark.start())
                    if name:
                        sp = name.span()
        if ce - cs > 10 and sp[1] - sp[0] > 1 and _short(text, sp[0], sp[1], 8):
            _add(text, raw, cs, ce, (v.start() + 1, v.end()), sp, quotes, qstarts)


def _asked_and_headlines(text, raw, paras, quotes, qstarts, sent_bounds):
    free = _free_of(raw)
    for a, cs in _asked(text):
        cue_end = a + 5
        if text.startswith("about ", cs):
            cs += 6  # 'Asked about [concerns that ...]': the preposition goes with the cue
            cue_end = cs - 1
        # The question runs to a comma ('Asked why ..., Sanders said') or to the end of the
        # sentence ('... said when asked how Trump digests the news.').
        se = sent_bounds(cs)[1]
        main = _MAIN_SPEAKER.search(text, cs, min(se, cs + 300))
        if main and not _in_quote(main.start(), qstarts, quotes):
            # 'Asked why ..., in the same bill, ..., Sanders said': the question runs to the
            # main clause's speaker and cue.
            comma = main.start()
        else:
            stop = _content_end(text, cs, min(se, cs + 200), qstarts, quotes)
            comma = text.find(",", cs, stop)
            if comma < 0:
                comma = stop
        nl = text.find("\n", cs, comma if comma > 0 else cs + 200)
        if comma < 0 or nl >= 0 or comma - cs < 4:
            continue
        if _in_quote(a, qstarts, quotes):
            continue
        # (a stance read inside the question gives way to it: 'Asked why he had yet to
        # [endorse] Clinton')
        if not free(cs, comma) and not _take_over(raw, cs, comma):
            continue
        _add(text, raw, cs, comma, (a, cue_end), None, quotes, qstarts)
    for ps, pe in paras:
        hi = min(pe, ps + 60)
        if text.find(":", ps, hi) < 0:
            continue  # no colon, no 'Name: ...' (a quick test before the pattern)
        m = _HEADLINE_SPEAKER.match(text, ps, hi)
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

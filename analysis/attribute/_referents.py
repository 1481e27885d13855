"""Who 'he' or 'she' is, when the pronoun introduces a quotation or reported speech.

News writing keeps a speaker as the topic until someone else takes over: '"...," he said'
almost always means the person who spoke last, or the subject of the sentence before, not
the last name printed (which is often the person being talked *about*: 'Trump said praise
from Vladimir Putin would not sway him. He said ...' is Trump). So the referent is looked
for sentence by sentence, going back from the pronoun:

1. the first person who spoke earlier in the same sentence: the speaker of its main clause,
   not of a clause inside what was said ('Wilder suggested ..., but he would not say');
2. the subject of that sentence, if it is a person and comes before the pronoun ('Carson
   defied the question. "...," he said');
3. in the pronoun's own sentence, a person who opens a clause before it ('And when Mr.
   Bloomberg ruled out running, he said ...'), but not one after a preposition;
4. steps 1 and 2 in the sentence before, and so on, up to four sentences and two paragraphs
   back.

A sentence whose subject is itself a pronoun ('He also thinks ...') passes the search on to
the sentence before it. Names inside quotation marks are never the referent, and nor is a
person the article marks as the other sex, by 'Mr.', 'Mrs.' or 'Ms.' before the name or by
a word such as 'spokeswoman' or 'husband' in its title ('Clinton writes to Sullivan. He
responds' is Sullivan when the article calls her 'Mrs. Clinton'), or by a given name that
the lexicon's ``given_names`` list marks ('Hillary', 'Jake'). When nothing is found, the
referent is the last person named before the pronoun outside quotation marks, and the
caller falls back to the last person named at all.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Callable

from ._speakers import Mentions, Speaker
from ._text import _SUBORDINATORS

__all__ = ["Referents"]

_HE_SHE = frozenset(["he", "she"])
_GENDER_NOUN = re.compile(
    r"\b(?:(spokesman|congressman|chairman|businessman|husband|father|son|brother|actor|king)|"
    r"(spokeswoman|congresswoman|chairwoman|businesswoman|wife|mother|daughter|sister|actress|"
    r"queen|first lady))\b"
)
# A name that opens a clause ('when Mr. Bloomberg ruled out running'), after its titles; not
# one after a preposition ('swipes at Marco Rubio') or a determiner ('The Obama administration').
_CLAUSE_BEFORE = re.compile(
    rf"(?:\b(?:{_SUBORDINATORS}|once|until|and|but)\s+)"
    r"(?:(?:[A-Z][a-z]*\.|[A-Z][\w’'\-]*)\s+)*$"
)
# What every such clause shows: its opening word, then a capital (a title or the name).
_CLAUSE_OPENING = re.compile(rf"\b(?:{_SUBORDINATORS}|once|until|and|but)\s+[A-Z]")
# Starts with a plain "M" so that the regex engine skips to it quickly.
_HONORIFIC = re.compile(r"M(?<!\wM)(?:(r)|(rs|s|iss))\.? ([A-Z][\w’'\-]+)")
_SENTENCES_BACK = 4
_NAME_WINDOW = 600  # characters before the pronoun searched for the last person named
_POSITION = operator.itemgetter(0)
_PARAGRAPHS_BACK = 2


@functools.lru_cache(maxsize=8)
def _given_names(lex) -> dict[str, str]:
    """The lexicon's given names -> "she" / "he", as a dict (built once per lexicon)."""
    return dict(lex.given_names)


class Referents:
    """The people who have spoken so far in one article, and the pronoun look-up over them.

    Parameters
    ----------
    text : str
        The article text.
    sent_bounds, para_of : callable
        The sentence (start, end) around a position, and the paragraph number of a position.
    subject_of : callable
        ``subject_of(start, end)``: the span of a sentence's subject, or None.
    person_of : callable
        ``person_of(phrase, position)``: the :class:`Speaker` a phrase names, if it is a person.
    in_quote : callable
        Whether a position lies inside quotation marks.
    mentions : Mentions
        The article's person names.
    """

    def __init__(
        self,
        text: str,
        sent_bounds: Callable[[int], tuple[int, int]],
        para_of: Callable[[int], int],
        subject_of: Callable[[int, int], tuple[int, int] | None],
        person_of: Callable[[str, int], Speaker | None],
        in_quote: Callable[[int], bool],
        mentions: Mentions,
    ):
        self.text = text
        self.sent_bounds = sent_bounds
        self.para_of = para_of
        self.subject_of = subject_of
        self.person_of = person_of
        self.in_quote = in_quote
        self.mentions = mentions
        self.spoken: list[tuple[int, Speaker]] = []  # (cue position, person), in text order
        self._genders: dict[str, str] | None = None  # name -> "he", "she" or "" (not known)

    def spoke(self, cue_pos: int, who: Speaker) -> None:
        """Record that a person spoke with the cue at ``cue_pos``."""
        bisect.insort_right(self.spoken, (cue_pos, who), key=_POSITION)

    def resolve(self, pos: int) -> Speaker | None:
        """The person a 'he' or 'she' at ``pos`` stands for, else None."""
        start, _ = self.sent_bounds(pos)
        she = self.text[pos] in "Ss"
        # Every person named before the pronoun outside quotation marks, last first: read for
        # the pronoun's own sentence and for the last resort alike, so listed only when one of
        # them is reached (most pronouns resolve to someone who spoke before).
        window = max(_NAME_WINDOW, pos - start)
        named = None
        hi = pos
        last_para = self.para_of(pos) - _PARAGRAPHS_BACK
        for back in range(_SENTENCES_BACK):
            # The first speaker of the sentence: its main clause, not a clause inside what
            # was said ('Madison recalled that Obama's listeners, who wondered ...').
            k = bisect.bisect_left(self.spoken, start, key=_POSITION)
            while k < len(self.spoken) and self.spoken[k][0] < hi:
                who = self.spoken[k][1]
                if self._agrees(who.name, she):
                    return who
                k += 1
            subject = self.subject_of(start, hi)
            if subject is not None and subject[0] < hi and not self.in_quote(subject[0]):
                phrase = self.text[subject[0] : subject[1]]
                if phrase.lower() not in _HE_SHE:
                    who = self.person_of(phrase, subject[0])
                    if who is not None and self._agrees(who.name, she):
                        return who
            if back == 0 and _CLAUSE_OPENING.search(self.text, start, hi):
                # 'And when Mr. Bloomberg ruled out running, he did so because ...'
                named = self._named_before(pos, window)
                for name_pos, name in reversed(named):
                    if (
                        name_pos >= start
                        and _CLAUSE_BEFORE.search(self.text, start, name_pos)
                        and self._agrees(name, she)
                    ):
                        return self._speaker(name)
            if start == 0 or self.para_of(start - 1) < last_para:
                break
            hi = start
            start, _ = self.sent_bounds(start - 1)
        # No one spoke and no subject: the last person named (outside quotation marks).
        if named is None:
            named = self._named_before(pos, window)
        for name_pos, name in named:
            if name_pos >= pos - _NAME_WINDOW and self._agrees(name, she):
                return self._speaker(name)
        return None

    def _named_before(self, pos: int, window: int) -> list[tuple[int, str]]:
        """The people named in the ``window`` characters before ``pos`` outside quotation
        marks: (position, name), last first."""
        return [
            (name_pos, name)
            for name_pos, name in self.mentions.people_before(pos, window)
            if not self.in_quote(name_pos)
        ]

    def _speaker(self, name: str) -> Speaker:
        m = self.mentions
        return Speaker(name, m.role_of(name), m.organisation_of(name), False)

    def _agrees(self, name: str, she: bool) -> bool:
        """False only when the article marks ``name`` as the other sex ('Mr.', 'spokeswoman')."""
        if self._genders is None:
            self._genders = {}
            for m in _HONORIFIC.finditer(self.text):
                full = self.mentions.fullest(m.group(3), m.start())
                if full:
                    self._genders.setdefault(full, "she" if m.group(2) else "he")
        gender = self._genders.get(name)
        if gender is None:
            words = _GENDER_NOUN.findall(self.mentions.title_of(name))
            if words:
                gender = "she" if words[-1][1] else "he"
            else:
                # 'Hillary Clinton' with no 'Mrs.' in the article: her given name tells.
                first = name.split()[0].lower() if " " in name else ""
                gender = _given_names(self.mentions.lex).get(first, "")
            self._genders[name] = gender
        return not gender or (gender == "she") == she

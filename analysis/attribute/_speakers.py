"""Speakers: resolve a speaker phrase to a name, role and organisation.

The phrase itself is found by :mod:`._phrases`. :class:`Mentions` indexes every
capitalised name in the article once. A surname resolves to the fullest name that
ends with it and appears before (else after); a pronoun resolves to the last named
person speaker before it (else the last person named before it); "the Secretary"
resolves to the last person whose title contained "secretary". Role comes from role
nouns in the phrase (or in the title of the resolved person's earlier mention);
outlets, documents and governments are recognised by name. A speaker is anonymous
when its head noun is an unnamed-source noun ("officials", "a person familiar") and
no name is written.

Example
-------
>>> from analysis.attribute._lexicon import get_lexicon
>>> text = "State Department spokesman Matthew Miller said on Monday."
>>> who = describe("State Department spokesman Matthew Miller", 0, Mentions(text, get_lexicon()), get_lexicon(), None)
>>> (who.name, who.role, who.organisation)
('Matthew Miller', 'spokesperson', 'State Department')
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ._lexicon import Lexicon, alternation
from ._phrases import _ABBR, _PERSON_PRONOUNS, PRONOUNS

__all__ = ["ABBREVIATIONS", "Mentions", "Speaker", "describe"]


@dataclass
class Speaker:
    name: str | None
    role: str
    organisation: str | None
    anonymous: bool


_NAME_RUN = re.compile(
    # The look-ahead lets the engine skip every position that is no capital at once.
    rf"(?=[A-Z])(?:{_ABBR} )?[A-Z][\w’'\-]*(?: (?:[A-Z]\.|{_ABBR}|(?:de|van|von|del|da|di|bin|al|la|le) (?=[A-Z])|[A-Z][\w’'\-]*))*"
)
_ABBR_WORDS = _ABBR[3:-3].split("|")
#: Title and month abbreviations that end in a period inside a name or a date ("Sen.", "Jan.").
ABBREVIATIONS: tuple[str, ...] = tuple(_ABBR_WORDS)
# "Mr." read as "M" + "r.": the tails of the abbreviations, each after its first letter.
_ABBR_TAIL = "|".join(
    f"(?<={c})(?:{'|'.join(sorted((w[1:] for w in _ABBR_WORDS if w[0] == c), key=len, reverse=True))})"
    for c in sorted({w[0] for w in _ABBR_WORDS})
)
# Starts with a plain [A-Z] (and looks behind after it), which lets ``re`` skip quickly to
# capitals instead of trying the pattern at every position of the article. The look-ahead
# before the abbreviation tails (all one to three lower-case letters) spares trying each tail
# after every capital.
_MULTI_RUN = re.compile(
    rf"[A-Z](?<![\w’'\-].)(?:(?=[a-z]{{1,3}}\. )(?:{_ABBR_TAIL})\. [A-Z])?[\w’'\-]*(?: (?:[A-Z]\.|{_ABBR}|(?:de|van|von|del|da|di|bin|al|la|le) (?=[A-Z])|[A-Z][\w’'\-]*))+"
)
# A capital after no word character (the same as "\b[A-Z]"), written to start with the capital
# so that ``re`` skips to capitals at once.
_CAP_WORD = re.compile(r"[A-Z](?<!\w.)[\w’'\-]+")


def _strip_possessive(word: str) -> str:
    if len(word) > 3 and word.endswith(("’s", "'s")):
        return word[:-2]
    if len(word) > 2 and word.endswith(("’", "'")):
        return word[:-1]
    return word


_PARTICLES = frozenset(["de", "van", "von", "del", "da", "di", "bin", "al", "la", "le"])


@functools.lru_cache(maxsize=65536)
def _person_name(run: str, lex: Lexicon) -> str | None:
    """The person in a capitalised run: its last stretch of non-title words, up to a possessive.

    "US Secretary of State Antony Blinken" → "Antony Blinken"; "Blinken’s Upcoming Mission" →
    "Blinken". Cached: the same runs ("Donald Trump") recur in every article.
    """
    out: list[str] = []
    titles = lex.titles
    for w in run.split():
        # (only a word ending in "s" or an apostrophe can be a possessive)
        bare = _strip_possessive(w) if w[-1] in "s’'" else w
        if bare in titles or bare.rstrip(".") in titles or bare.lower() in lex.outlets:
            out = []
        else:
            out.append(bare)
        if bare != w:
            break
    while out and out[0].lower() in _PARTICLES:
        out.pop(0)
    if len(out) >= 3 and out[0].endswith("ing") and out[0][1:].islower():
        out.pop(0)  # 'Attacking Hillary Clinton': a participle that opens the sentence
    return " ".join(out) if out else None


class Mentions:
    """The person names of one article (runs of two or more capitalised words), indexed once.

    Single capitalised words are looked at only near a pronoun that needs them, so
    the index costs one regex pass over the text.
    """

    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        self._built = False

    def _build(self) -> None:
        # Built on first use: many articles never need a name resolved.
        self._built = True
        text = self.text
        self.starts: list[int] = []
        self.names: list[str] = []
        self.titles: list[str] = []  # lower-case text just before the name
        lex = self.lex
        words: list[list[str]] = []  # the words of each name, split once
        headline: dict[int, bool] = {}  # line start -> whether the line is in title case
        for m in _MULTI_RUN.finditer(text):
            run = m.group(0)
            name = _person_name(run, lex)
            if name is None or " " not in name:
                continue
            line = text.rfind("\n", 0, m.start()) + 1
            if line not in headline:
                headline[line] = _title_case_line(text, line)
            if headline[line]:
                continue  # 'Obama Willing To Act On Guns': a headline's words are no names
            parts = name.split()
            start = m.start()
            pos = start + run.find(parts[0])
            self.starts.append(pos)
            self.names.append(name)
            self.titles.append(text[max(0, start - 60) : pos].lower())
            words.append(parts)
        self.surnames: dict[str, str] = {}
        for parts, n in zip(words, self.names, strict=True):
            self.surnames.setdefault(parts[-1], n)
        # Family name first ("Liu Jianchao" is later "Liu"): the first word counts too,
        # unless it is some other person's last name.
        for parts, n in zip(words, self.names, strict=True):
            self.surnames.setdefault(parts[0], n)
        # surname -> [(position, full name)] and name -> first index, so that look-ups are
        # not scans over every name of the article.
        self.by_surname: dict[str, list[tuple[int, str]]] = {}
        self.first_index: dict[str, int] = {}
        for k, (p, n, parts) in enumerate(zip(self.starts, self.names, words, strict=True)):
            self.by_surname.setdefault(parts[-1], []).append((p, n))
            if len(parts) == 2:
                self.by_surname.setdefault(parts[0], []).append((p, n))
            self.first_index.setdefault(n, k)

    def person(self, run: str) -> str | None:
        """The person a capitalised run names ('Sen. Ted Cruz' → 'Ted Cruz'), in its fullest form."""
        name = _person_name(run, self.lex)
        if name and " " not in name:
            name = self.fullest(name, len(self.text)) or name
        return name

    def fullest(self, surname: str, pos: int) -> str | None:
        """Fullest name ending with ``surname`` mentioned before ``pos`` (else after)."""
        if not self._built:
            self._build()
        index = self._fullest_index(surname)
        if index is None:
            return None
        positions, best_upto = index
        k = bisect.bisect_left(positions, pos)
        # The longest (first on ties) name among the mentions before pos, else among all.
        return best_upto[k - 1] if k else best_upto[-1]

    def _fullest_index(self, surname: str) -> tuple[list[int], list[str]] | None:
        """Mention positions of ``surname`` and, for each, the fullest name up to it (memoised)."""
        cache = self.__dict__.setdefault("_fullest", {})
        if surname in cache:
            return cache[surname]
        found = self.by_surname.get(surname)
        index = None
        if found:
            positions, best_upto, best = [], [], ""
            for p, n in found:
                if len(n) > len(best):
                    best = n
                positions.append(p)
                best_upto.append(best)
            index = (positions, best_upto)
        cache[surname] = index
        return index

    def last_person_before(self, pos: int, window: int = 600) -> str | None:
        """The last person named (in full or by surname) in the ``window`` characters before ``pos``."""
        if not self._built:
            self._build()
        lo = max(0, pos - window)
        cut = bisect.bisect_left(self.starts, pos)
        full = self.names[cut - 1] if cut and self.starts[cut - 1] >= lo else None
        full_pos = self.starts[cut - 1] if full else -1
        for m in reversed(_CAP_WORD.findall(self.text, max(lo, full_pos + 1), pos)):
            name = self.surnames.get(_strip_possessive(m))
            if name:
                return name
        return full

    def people_before(self, pos: int, window: int = 600) -> list[tuple[int, str]]:
        """Every person named in the ``window`` characters before ``pos``: (position, name), last first."""
        if not self._built:
            self._build()
        lo = max(0, pos - window)
        found = []
        last = bisect.bisect_left(self.starts, pos) - 1
        k = last
        while k >= 0 and self.starts[k] >= lo:
            found.append((self.starts[k], self.names[k]))
            k -= 1
        # The full names in the window are self.starts[k + 1 : last + 1], in text order and
        # disjoint (each lies in its own capitalised run): a word is inside one only when it is
        # inside the last one starting at or before it.
        for m in _CAP_WORD.finditer(self.text, lo, pos):
            x = m.start()
            j = bisect.bisect_right(self.starts, x, k + 1, last + 1) - 1
            if j > k and x < self.starts[j] + len(self.names[j]):
                continue
            name = self.surnames.get(_strip_possessive(m.group(0)))
            if name:
                found.append((m.start(), name))
        found.sort(reverse=True)
        return found

    def by_title(self, noun: str, pos: int) -> str | None:
        if not self._built:
            self._build()
        cut = bisect.bisect_left(self.starts, pos)
        # The noun must be the title written right before the name ('President Barack Obama',
        # 'Secretary of State John Kerry'), not a word further back ('Vice President Mike Pence
        # and Representative Kevin McCarthy' gives McCarthy no 'president').
        for k in range(cut - 1, -1, -1):
            if noun in self.titles[k][-40:] and _ends_with_title(self.titles[k], noun):
                return self.names[k]
        return None

    def role_of(self, name: str) -> str:
        """Role of the person ``name`` from the article's words around it (memoised per article).

        In order: a title attached to the first mention ('House Speaker Paul Ryan'), an
        appositive after it ('Paul Manafort, Trump's campaign chairman'), any role noun just
        before it (not a plural: 'supporters of Clinton and Bernie Sanders' are not Sanders),
        then the same at later mentions of the surname ('Mr. Trump, the presumptive nominee,').
        """
        cache = self.__dict__.setdefault("_roles", {})
        role = cache.get(name)
        if role is None:
            if not self._built:
                self._build()
            k = self.first_index.get(name)
            past: list[str] = []  # 'former Secretary of State Hillary Clinton': a post once held
            if k is not None:
                start = self.starts[k]
                role = self._role_at(start, start + len(name), set(name.split()[:-1]), True, past)
            role = role or self._role_elsewhere(name, past) or (past[0] if past else "unknown")
            # A person is no document or outlet: 'CNN’s Jake Tapper' writes for one.
            role = cache[name] = _PERSON_ROLE.get(role, role)
        return role

    def organisation_of(self, name: str) -> str | None:
        """The body named with the first mention of ``name``: in the title before it ('White
        House press secretary Josh Earnest') or in an appositive ('Josh Bivens, an economist
        at the Economic Policy Institute'); memoised per article."""
        cache = self.__dict__.setdefault("_orgs", {})
        if name in cache:
            return cache[name]
        if not self._built:
            self._build()
        org = None
        k = self.first_index.get(name)
        if k is not None:
            text, start = self.text, self.starts[k]
            end = start + len(name)
            lo = max(0, start - 60)
            cut = _TITLE_STOP.search(text[lo:start][::-1])
            title = text[start - cut.start() if cut else lo : start]
            bodies = list(_ORG_BEFORE_ROLE.finditer(title)) if _BODY_WORD.search(title) else []
            m = bodies[-1] if bodies else None  # the body named last, nearest the person
            cabinet = _cabinet_title(title)
            if _FORMER_ANY.search(title):
                pass  # 'former Secretary of State Hillary Clinton' speaks for no department
            elif cabinet and _attached(title[cabinet.end() :], self.lex):
                org = _organisation(cabinet.group(0), self.lex)  # 'Secretary of State Antony'
            elif m and not m.group(1)[:1].islower() and _attached(title[m.end() :], self.lex):
                org = _ARTICLE.sub("", m.group(1).strip())  # 'White House press secretary Josh'
            elif (appositive := self._appositive(end)) is not None:
                # Only a noun phrase with a role for its head ('an economist at ...'), not a
                # clause ('the Senate voted ...') or an aside ('in an interview with Fox News').
                whole = _ORG_BEFORE_ROLE.fullmatch(appositive.strip().rstrip("\"”'"))
                if whole:  # 'Josh Bivens, Economic Policy Institute'
                    org = _ARTICLE.sub("", whole.group(1))
                elif _role_of(_appositive_head(appositive), self.lex):
                    org = _body_name(appositive, self.lex)
            if org is not None and name.split()[-1] in org:
                org = None  # the person's own name is no body
        cache[name] = org
        return org

    def _role_at(
        self, start: int, end: int, given: set[str], loose: bool, past: list[str]
    ) -> str | None:
        """Role given by the words around the mention ``text[start:end]``; a title after
        'former' goes to ``past`` instead."""
        text = self.text
        pattern, roles, _ = _role_table(self.lex)
        lo = max(0, start - 40)
        last = None
        for m in pattern.finditer(text[lo:start].lower()):
            last = m
        if last is not None and all(
            w in given or w[:1].isupper() or w == "of"
            for w in text[lo + last.end() : start].split()
        ):
            role = roles.get(" ".join(last.group(0).split()))
            # A former politician is still one; a former official or spokesman may now be
            # anything, so a later mention decides first.
            if role == "politician" or not _FORMER.search(text, lo, lo + last.start()):
                return role
            past.append(role)
            last = None
        if _PARTY_AFTER.match(text, end) or _RUNS_AFTER.match(text, end):
            return "politician"  # 'Mitch McConnell (R-Ky.)', 'the Trump campaign'
        appositive = self._appositive(end)
        if appositive is not None:
            role = _role_of(_appositive_head(appositive), self.lex)
            if role:
                return role
        if loose and last is not None and not last.group(0).endswith("s"):
            return roles.get(" ".join(last.group(0).split()))
        return None

    def _role_elsewhere(self, name: str, past: list[str]) -> str | None:
        """A role given at a later mention of the surname: 'President Obama', 'Mr. Trump, the
        presumptive nominee,'. Words between a title and the surname must be the person's own
        ('President Bill Clinton' gives Hillary Clinton nothing)."""
        words = name.split()
        surname, given = words[-1], set(words[:-1])
        text, n = self.text, len(surname)
        i = text.find(surname)
        while i >= 0:
            j = i + n
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "’'-")) and not (
                j < len(text) and (text[j].isalnum() or text[j] == "-")
            ):
                role = self._role_at(i, j, given, False, past)
                if role:
                    return role
            i = text.find(surname, j)
        return None

    def title_of(self, name: str) -> str:
        """Words around the first mention of ``name``: before it, and an appositive after it."""
        if not self._built:
            self._build()
        k = self.first_index.get(name)
        if k is None:
            return ""
        after = self.starts[k] + len(name)
        appositive = self._appositive(after)
        return self.titles[k][-40:] + (
            _appositive_head(appositive) if appositive is not None else ""
        )

    def _appositive(self, end: int) -> str | None:
        """The appositive after a mention ending at ``end`` (', a spokesman for X,'), up to the
        next comma or period and at most 80 characters; None when no comma follows."""
        text = self.text
        if not text.startswith(", ", end):
            return None
        stops = [p for p in (text.find(",", end + 2), text.find(".", end + 2)) if p > 0]
        return text[end + 2 : min(min(stops, default=end + 2), end + 80)]


_PERSON_ROLE = {"outlet": "journalist", "document": "unknown"}
# Where a title before a name stops, read backwards: punctuation or a quotation mark.
# 'former' or 'ex-' before a title, with only capitalised words between ('former State
# Department spokesman'): a post held once.
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)\s*(?:[A-Z][\w.’'-]*\s+)*\Z")
_FORMER_ANY = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)")
_TITLE_STOP = re.compile(r"[,.;:!?\"“”()\n]")
# 'Mitch McConnell (R-Ky.)', 'Nancy Pelosi (D)': a party tag after a name.
_PARTY_AFTER = re.compile(r"\s*\((?:R|D|I)(?:[-–,][^)]{0,20})?\)")
_RUNS_AFTER = re.compile(r"(?:’s|'s)?\s+(?:presidential\s+)?(?:campaign|administration)\b")


@functools.lru_cache(maxsize=8)
def _role_table(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    roles = dict(reversed(lex.roles))
    words = frozenset(w for r in roles for w in r.split())
    return re.compile(rf"(?<![\w.])(?:{alternation(roles)})(?![\w])"), roles, words


@functools.lru_cache(maxsize=65536)
def _role_of(phrase_low: str, lex: Lexicon) -> str | None:
    """Role of the last role noun in the phrase ("former secretary ... spokesman" → spokesperson)."""
    pattern, roles, _ = _role_table(lex)
    last = None
    for m in pattern.finditer(phrase_low):
        last = m
    return roles.get(" ".join(last.group(0).split())) if last else None


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_HEAD_CUT = re.compile(
    r"\s(?:of|for|from|at|with|familiar|close|involved|knowledgeable|briefed|who|in|on|"
    # 'a source speaking to Fox News', 'an official requesting anonymity'
    r"speaking|talking|requesting|asking|granted)\b.*$"
)


def _appositive_head(appositive: str) -> str:
    """The head of an appositive, lower-cased: 'an elections analyst at the Cook Political
    Report' → ' an elections analyst' (the role noun, not the body)."""
    return _HEAD_CUT.sub("", " " + appositive.lower())


# The phrase up to a comma or a relative clause ('Matt Bai, a columnist', 'people who attended').
_CLAUSE_CUT = re.compile(r",|\swho\s")
_AND_SPLIT = re.compile(r"\s+and\s+")


class _Facts(NamedTuple):
    """What a speaker phrase says by itself, before the article's other mentions are consulted.

    A named tuple (immutable, as it is shared through the cache) is quicker to build than a
    frozen dataclass.
    """

    low: str
    bare: str
    head_phrase: str
    head: str
    head_low: str
    runs: tuple[str, ...]
    clause_names: tuple[str, ...]
    common_head: bool
    role: str | None
    org: str | None
    pair: tuple[str, str] | None


@functools.lru_cache(maxsize=32768)
def _facts(phrase: str, lex: Lexicon) -> _Facts:
    # Cached across articles: the same phrases ("he", "Trump", "the senator") recur everywhere.
    low = phrase.lower()
    bare = _ARTICLE.sub("", low)
    head_phrase = _HEAD_CUT.sub("", " " + phrase).strip() or phrase
    head_words = head_phrase.split()
    head = _strip_possessive(head_words[-1]) if head_words else phrase
    head_low = head.lower()
    # (The plain string tests spare a regex where it cannot match: a name needs a capital, the
    # clause cut a comma or 'who', the pair an 'and'.)
    runs: tuple[str, ...] = ()
    if not phrase.islower():
        found = _NAME_RUN.findall(head_phrase)
        if len(found) > 1:
            # 'Hillary Clinton’s campaign manager Robby Mook': the owner is not the speaker.
            owned = [run for run in found if not run.endswith(("’s", "'s"))]
            if any(" " in run for run in owned):
                found = owned
        runs = tuple(filter(None, [_person_name(run, lex) for run in found]))
    clause = phrase
    if "," in phrase or "who" in phrase:
        clause = _CLAUSE_CUT.split(phrase, maxsplit=1)[0]
    clause = clause.strip()
    last = clause.rsplit(None, 1)[-1] if clause else ""
    clause_names: tuple[str, ...] = ()
    if last[:1].isupper():
        names = [_person_name(run, lex) for run in _NAME_RUN.findall(clause)]
        clause_names = tuple(r for r in names if r and " " in r)
    pair = None
    if "and" in phrase:
        parts = _AND_SPLIT.split(phrase)
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            pair = (parts[0], parts[1])
    return _Facts(
        low=low,
        bare=bare,
        head_phrase=head_phrase,
        head=head,
        head_low=head_low,
        runs=runs,
        clause_names=clause_names,
        common_head=head_low in lex.anonymous or head_low in _role_table(lex)[1],
        role=_role_of(low, lex),
        org=_organisation(phrase, lex),
        pair=pair,
    )


_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
_PART_OF = re.compile(
    r"(?:one|two|three|four|five|some|many|several|most|few|each|any|all|both|"
    r"a\s+(?:few|number|couple|handful|group))\s+of\s+(?=\S)",
    re.IGNORECASE,
)


_QUOTED_TITLE = re.compile(r"“[^”]*”|\"[^\"]*\"|''.*?''")
_POSTMODIFIER = re.compile(
    # after a lower-case noun (not a determiner): a relative clause or a participle phrase
    r"\b(?!(?:the|a|an|his|her|their|its|our)\b)[a-z][a-z\-’']*"
    r"(,?\s(?:who|whose|which|that|[a-z]{3,}ing\s(?:to|the|a|an|for|at|in|on|with|from|about|"
    r"against|by)|interviewed|surveyed|polled|questioned|quoted|cited|seen|obtained|reviewed|"
    r"released|discovered|based)\b)"
)


_LOWER_OK = frozenset(
    ["a", "an", "the", "of", "to", "in", "for", "and", "on", "with", "at", "by", "or"]
)


def _title_case_line(text: str, start: int) -> bool:
    """A short line whose words are nearly all capitalised: a headline, not running text."""
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    if end - start > 200:
        return False  # running text, not a headline (spared the split)
    words = text[start:end].split()
    if not 3 <= len(words) <= 25:
        return False
    counted = [w for w in words if w.lower() not in _LOWER_OK and w[:1].isalpha()]
    lower = sum(1 for w in counted if not w[0].isupper())
    # Every content word capitalised (one slip allowed in a long line); 'Ann Ortiz and Bob Lane
    # met in May.' has 'met'.
    return len(counted) >= 3 and lower <= (1 if len(counted) >= 8 else 0)


_OF_TAIL = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[a-z.’'\- ]{1,30}")


def _ends_with_title(before: str, noun: str) -> bool:
    """Whether the lower-case text ``before`` a name ends with the title ``noun`` ('president ',
    'secretary of state '), not with 'vice president' or a later title ('... and representative')."""
    text = before.rstrip()
    at = text.rfind(noun)
    if at < 0 or (at and text[at - 1].isalnum()):
        return False
    tail = text[at + len(noun) :]
    if tail and not _OF_TAIL.fullmatch(tail):
        return False
    return not text[max(0, at - 5) : at].endswith(("vice ", "vice-"))


def describe(
    speaker: str, pos: int, mentions: Mentions, lex: Lexicon, last_person: str | None
) -> Speaker:
    """Resolve a speaker phrase to its name, role and organisation and anonymity."""
    phrase = " ".join(speaker.split())
    if "“" in phrase or '"' in phrase or "''" in phrase:
        # "his book ''The Art of the Deal''", "E. J. Fleming's ''The Fixers: Eddie Mannix ...''":
        # the names in a title are no speaker's; the owner of the work is.
        bare_phrase = " ".join(_QUOTED_TITLE.sub(" ", phrase).split())
        if bare_phrase:
            phrase = bare_phrase
    low = phrase.lower()
    if low == "who":
        name = mentions.last_person_before(pos, window=200)
        role = mentions.role_of(name) if name else "unknown"
        return Speaker(name, role, None, False)
    if low in PRONOUNS:
        name = None
        if low in _PERSON_PRONOUNS:
            name = mentions.last_person_before(pos) or last_person
        role = mentions.role_of(name) if name else "unknown"
        return Speaker(name, role, None, False)
    if phrase.count(" ") >= 6 and (post := _POSTMODIFIER.search(phrase)):
        # 'Republican activists clamoring to block Donald Trump ...', 'veterans interviewed at
        # Trump rallies': the words after the head describe the speakers; a name there is not
        # theirs.
        phrase = phrase[: post.start(1)].rstrip(" ,")
        low = phrase.lower()
    part = _PART_OF.match(phrase)
    if part:
        # 'One of his aides', 'some of the officials': the group says who speaks.
        phrase = phrase[part.end() :]
        low = phrase.lower()
        if low in PRONOUNS:
            return Speaker(None, "unknown", None, False)  # 'some of them'
    f = _facts(phrase, lex)
    bare, head_phrase, head, head_low = f.bare, f.head_phrase, f.head, f.head_low
    # Outlets and documents are sources in their own right.
    if bare in lex.outlets or bare.rstrip("’s") in lex.outlets:
        name = _ARTICLE.sub("", phrase)
        return Speaker(name, "outlet", name, False)
    if bare in lex.governments:
        name = _ARTICLE.sub("", phrase)
        return Speaker(name, "official", name, False)
    if f.pair is not None:
        # Two named speakers: describe each, keep both names.
        one, two = (describe(p, pos, mentions, lex, last_person) for p in f.pair)
        if one.name and two.name:
            role = one.role if one.role == two.role else "unknown"
            org = one.organisation if one.organisation == two.organisation else None
            return Speaker(f"{one.name} and {two.name}", role, org, False)
    # Person names written in the phrase.
    person = None
    runs = f.runs
    if head[:1].isupper() and runs and not f.common_head:
        multi = [r for r in runs if " " in r]
        person = multi[0] if multi else runs[-1]
        if " " not in person:
            person = mentions.fullest(person, pos) or person
    elif (not f.common_head or head_phrase != phrase) and f.clause_names:
        # "former secretary of state Hillary Clinton": the phrase ends with a full name even
        # though its head (before "of") is a title.
        person = f.clause_names[-1]
    role = f.role
    org = f.org
    if person is None:
        if head_low in lex.outlets:
            return Speaker(head_phrase, "outlet", head_phrase, False)
        anonymous = head_low in lex.anonymous
        name = None
        if (
            not anonymous
            and bare.split()[0:1]
            and low.startswith("the ")
            and role
            in {
                "official",
                "politician",
                "spokesperson",
                "expert",
            }
        ):
            # "the Secretary", "the senator", "the vice president": the last person given that
            # title (the whole title when it is short, so that 'vice' is kept).
            title = bare if bare.count(" ") <= 2 and bare.endswith(head_low) else head_low
            name = mentions.by_title(title, pos) or (
                mentions.by_title(head_low, pos) if title != head_low else None
            )
        if (
            name is None
            and not anonymous
            and head[:1].isupper()
            and role is None
            and head_low not in _NUMBER_WORDS  # 'Four (of the candidates) blamed ...'
        ):
            # An organisation or place speaking ("the Clinton campaign" has a lower-case head).
            name = _ARTICLE.sub("", head_phrase)
            org = org or name
        if role is None and name:
            role = _BODY_ROLES.get(_strip_possessive(name.split()[-1]))
        if role is None:
            role = "unknown"
        if name and role == "unknown":
            role = mentions.role_of(name)
        return Speaker(name, role, org, anonymous)
    if role is None and org and _ARTICLE.sub("", org.lower()) in lex.outlets:
        role = "journalist"  # 'Peggy Drexler, CNN': a named person writing for an outlet
    if role is None:
        # A capitalised run may be a body, not a person ('the Congressional Research Service').
        role = _BODY_ROLES.get(person.split()[-1]) or mentions.role_of(person)
    if org is None and " " in person:
        org = mentions.organisation_of(person)  # 'Mr. Earnest' after 'White House press ...'
    return Speaker(person, role, org, False)


# The role of a body by the last word of its name: 'the Congressional Research Service', 'the
# Treasury' and courts are government; 'the Senate Judiciary Committee' is a legislature.
_BODY_ROLES = {
    **dict.fromkeys(
        [
            "Department",
            "Agency",
            "Administration",
            "Bureau",
            "Commission",
            "Service",
            "Treasury",
            "Ministry",
            "Court",
            "Police",
            "Pentagon",
        ],
        "official",
    ),
    **dict.fromkeys(
        ["Senate", "House", "Congress", "Committee", "Party", "Caucus", "Legislature"], "politician"
    ),
    **dict.fromkeys(["University", "Institute"], "expert"),
}

# The last word of the name of a body (a "State Department spokesman", "the Trump campaign").
_BODY_WORDS = (
    "Department",
    "House",
    "Senate",
    "Committee",
    "Party",
    "Campaign",
    "campaign",
    "University",
    "Institute",
    "Center",
    "News",
    "Post",
    "Times",
    "Agency",
    "Council",
    "Ministry",
    "Office",
    "Foundation",
    "Association",
    "Commission",
    "Bureau",
    "Court",
    "Administration",
    "Pentagon",
    "Kremlin",
    "Journal",
    "Network",
    "Group",
    "Fund",
)
_ORG_BEFORE_ROLE = re.compile(rf"((?:[A-Z][\w’'\-.]*\s+){{0,4}}?(?:{'|'.join(_BODY_WORDS)}))")
# A name ending in a body word is found only where a body word is written: this plain search
# (a prefix tree, which ``re`` scans quickly) tells first whether ``_ORG_BEFORE_ROLE``, which
# tries every position, can match at all.
_BODY_WORD = re.compile(alternation(_BODY_WORDS))


def _org_before_role(text: str) -> re.Match | None:
    """``_ORG_BEFORE_ROLE.search(text)``: the first name ending in a body word."""
    return _ORG_BEFORE_ROLE.search(text) if _BODY_WORD.search(text) else None


_ORG_AFTER = re.compile(
    r"\b(?:of|for|at|with)\s+(?:the\s+)?((?:[A-Z][\w’'\-.&]*\s*)+(?:campaign\b)?)"
)


# A US cabinet title names its department: "Secretary of State Hillary Clinton" speaks for the
# State Department (not for "State Hillary Clinton").
_CABINET_TITLE = re.compile(
    r"\b[Ss]ecretary of (?:the )?(State|Defense|Treasury|Energy|Labor|Commerce|Education|"
    r"Agriculture|Transportation|Interior|Justice|Homeland Security|Veterans Affairs|"
    r"Health and Human Services|Housing and Urban Development)\b"
)


_CHIEF_OF_STAFF = re.compile(r"\b[Cc]hief of [Ss]taff\b")


def _cabinet_title(text: str) -> re.Match | None:
    """``_CABINET_TITLE.search(text)``, tried only where 'ecretary of ' is written."""
    return _CABINET_TITLE.search(text) if "ecretary of " in text else None


_BODY_AFTER = re.compile(
    r"\b(?:of|for|at|with)\s+(?:the\s+)?((?:[A-Z][\w’'\-.&]*\s+)*?[A-Z][\w’'\-.&]*)(?:\s|$)"
)


_TITLE_MODIFIERS = frozenset(
    ["press", "deputy", "senior", "chief", "acting", "communications", "national", "top"]
    + ["vice", "executive", "general", "policy", "security", "political", "legal", "campaign"]
)


def _attached(between: str, lex: Lexicon) -> bool:
    """The words between a body's name and a person's name belong to one title ('press
    secretary'), not to a clause ('The White House relayed President Donald Trump’s')."""
    words = between.split()
    role_words = _role_table(lex)[2]
    return len(words) <= 4 and all(
        w[:1].isupper() or w in _TITLE_MODIFIERS or w in role_words for w in words
    )


def _body_name(appositive: str, lex: Lexicon) -> str | None:
    """A body named in an appositive ('an economist at the Economic Policy Institute', 'the
    FBI director'): a name ending in a body word, an acronym, or an outlet; no place alone."""
    m = _org_before_role(appositive)
    if m and not m.group(1)[:1].islower():
        return _ARTICLE.sub("", m.group(1).strip())
    for m in _BODY_AFTER.finditer(appositive):
        body = _strip_possessive(m.group(1).strip())
        last = body.split()[-1]
        if last in _BODY_ROLES or (last.isupper() and len(last) > 1):
            return body
    m = _ACRONYM_HEAD.match(appositive)
    return m.group(1) if m else None  # 'the FBI director'


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_ACRONYM_HEAD = re.compile(r"(?:(?:the|a|an|former|acting|deputy)\s+)*([A-Z]{2,})\s+[a-z]")


def _organisation(phrase: str, lex: Lexicon) -> str | None:
    # 'RNC Chief of Staff Katie Walsh': the staff is no organisation and Walsh no part of one.
    if "hief of" in phrase:  # a plain test first: the regex tries every position
        phrase = _CHIEF_OF_STAFF.sub("chief-of-staff", phrase)
    m = _cabinet_title(phrase)
    if m:
        return f"{m.group(1)} Department" if m.group(1) != "Treasury" else "Treasury Department"
    m = _org_before_role(phrase) or _ORG_AFTER.search(phrase)
    if m:
        org = _ARTICLE.sub("", m.group(1).strip())  # 'A State Department spokesman'
        # "a supporter of Donald Trump’s": a possessive with nothing after it is a person, not a body.
        # A lone common noun ('the campaign chief') names no body.
        return None if org.endswith(("’s", "'s", "’", "'")) or org.islower() else org
    for word in _CAPITALISED_RUN.findall(phrase):
        if word.lower() in lex.outlets:
            return word
    return None

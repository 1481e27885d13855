"""VADER's ``polarity_scores`` in linear time, with identical results.

vaderSentiment 3.3.2 rebuilds the lower-cased token list inside its negation
and idiom checks, i.e. up to four times for every sentiment word, and its
``_but_check`` calls ``list.index`` for every token: whole-article scoring grows
with the square of the length. Here the token list is lower-cased once and the
"but" rule is replayed with a value → positions index. Everything else (the
lexicon, the booster and negation lists, ``scalar_inc_dec``, ``negated``,
``_least_check``, ``score_valence``) is vaderSentiment's own code, called
directly, so the rules cannot drift.

The replay of ``_but_check`` keeps its quirk on purpose: it rescales the
*first* token whose current value equals the value being visited, so repeated
values are rescaled more than once and not always at their own position.
"""

from __future__ import annotations

import bisect
import heapq
import string
from functools import cache

from vaderSentiment import vaderSentiment as _v

_PUNCTUATION = string.punctuation


@cache
def analyzer() -> _v.SentimentIntensityAnalyzer:
    """The one VADER analyser of this process (reads the lexicon files of the package)."""
    return _v.SentimentIntensityAnalyzer()


@cache
def _tables():
    an = analyzer()
    emoji_chars = frozenset(k for k in an.emojis if len(k) == 1)
    return an, an.lexicon, emoji_chars


def _words(text: str) -> list[str]:
    """``SentiText(text).words_and_emoticons``: tokens stripped of outer punctuation unless that leaves <= 2 chars."""
    tokens = text.split()
    punctuation = _PUNCTUATION
    return [
        t if len(x) <= 2 else x
        for t, x in zip(tokens, [t.strip(punctuation) for t in tokens], strict=True)
    ]


def _replace_emoji(text: str, emojis: dict[str, str]) -> str:
    # Literal port of the loop at the top of polarity_scores (rare path).
    parts: list[str] = []
    prev_space = True
    for char in text:
        if char in emojis:
            if not prev_space:
                parts.append(" ")
            parts.append(emojis[char])
            prev_space = False
        else:
            parts.append(char)
            prev_space = char == " "
    return "".join(parts)


_NEGATED: dict[str, bool] = {}
_VALENCE: dict[tuple, float] = {}


def _negated(word: str) -> bool:
    # vaderSentiment.negated([word]) scans its NEGATE list on every call; memoise per word.
    out = _NEGATED.get(word)
    if out is None:
        out = _v.negated([word])
        if len(_NEGATED) < 1_000_000:
            _NEGATED[word] = out
    return out


def _negation_check(valence, lower, start_i, i):
    # vaderSentiment._negation_check with the lower-cased list passed in.
    if start_i == 0 and _negated(lower[i - 1]):
        valence = valence * _v.N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            valence = valence
        elif _negated(lower[i - 2]):
            valence = valence * _v.N_SCALAR
    if start_i == 2:
        if (
            lower[i - 3] == "never"
            and (lower[i - 2] == "so" or lower[i - 2] == "this")
            or (lower[i - 1] == "so" or lower[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            valence = valence
        elif _negated(lower[i - 3]):
            valence = valence * _v.N_SCALAR
    return valence


@cache
def _idiom_words() -> frozenset[str]:
    keys = [k for k in (*_v.SPECIAL_CASES, *_v.BOOSTER_DICT) if " " in k]
    return frozenset(w for k in keys for w in k.split(" "))


def _special_idioms_check(valence, lower, i):
    # vaderSentiment._special_idioms_check with the lower-cased list passed in.
    # Every sequence it builds joins 2-3 tokens with a space, so it can only
    # match a multi-word key, and only if a token in the window is one of their words.
    words = _idiom_words()
    if not any(w in words for w in lower[max(i - 3, 0) : i + 3]):
        return valence
    special = _v.SPECIAL_CASES
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in special:
            valence = special[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in special:
            valence = special[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in special:
            valence = special[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _v.BOOSTER_DICT:
            valence = valence + _v.BOOSTER_DICT[n_gram]
    return valence


def _valence(an, lexicon, words, lower, i, is_cap_diff):
    # vaderSentiment.SentimentIntensityAnalyzer.sentiment_valence for a lexicon word.
    n = len(words)
    item = words[i]
    item_lowercase = lower[i]
    valence = lexicon[item_lowercase]
    if item_lowercase == "no" and i != n - 1 and lower[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lower[i - 1] == "no")
        or (i > 1 and lower[i - 2] == "no")
        or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
    ):
        valence = lexicon[item_lowercase] * _v.N_SCALAR
    if item.isupper() and is_cap_diff:
        if valence > 0:
            valence += _v.C_INCR
        else:
            valence -= _v.C_INCR
    for start_i in range(0, 3):
        if i > start_i and lower[i - (start_i + 1)] not in lexicon:
            s = _v.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and s != 0:
                s = s * 0.95
            if start_i == 2 and s != 0:
                s = s * 0.9
            valence = valence + s
            valence = _negation_check(valence, lower, start_i, i)
            if start_i == 2:
                valence = _special_idioms_check(valence, lower, i)
    return an._least_check(valence, words, i)


def _but_check(lower: list[str], sentiments: list) -> list:
    """Replay vaderSentiment's ``_but_check`` in O(n log n).

    The original walks the list and, for each visited value ``v``, rescales the
    first position whose *current* value equals ``v`` (×0.5 before "but", ×1.5
    after it). Zeros stay zero whatever happens, so only non-zero values are
    indexed: value → min-heap of positions (stale entries skipped lazily).
    """
    if "but" not in lower:
        return sentiments
    bi = lower.index("but")
    cur = sentiments
    where: dict[float, list[int]] = {}
    for j, v in enumerate(cur):
        if v != 0:
            where.setdefault(v, []).append(j)  # ascending, hence already a heap
    for p in range(len(cur)):
        v = cur[p]
        if v == 0:
            continue
        heap = where[v]
        while cur[heap[0]] != v:
            heapq.heappop(heap)
        si = heap[0]
        if si == bi:
            continue
        new = v * 0.5 if si < bi else v * 1.5
        heapq.heappop(heap)
        cur[si] = new
        heapq.heappush(where.setdefault(new, []), si)
    return cur


def polarity_scores(text: str) -> dict[str, float]:
    """Exactly ``SentimentIntensityAnalyzer().polarity_scores(text)``, in linear time.

    Returns
    -------
    dict
        ``{"neg", "neu", "pos", "compound"}`` as VADER rounds them (3 and 4 decimals).
    """
    an, lexicon, emoji_chars = _tables()
    if not emoji_chars.isdisjoint(text):
        text = _replace_emoji(text, an.emojis)
    text = text.strip()
    words = _words(text)
    lower = list(map(str.lower, words))
    hits = _hits(lexicon, lower)
    return an.score_valence(_sentiments(an, lexicon, words, lower, hits), text)


def polarity_scores_spans(text: str, spans: list[tuple[int, int]]):
    """``polarity_scores`` of ``text`` and of each ``text[start:end]``, sharing the tokenising.

    ``spans`` must cover every non-space character and start and end next to
    white space (as ``_text.sentence_spans`` guarantees); then the tokens of the
    spans are consecutive slices of the text's tokens. Texts with emoji (which
    VADER rewrites before splitting) take the plain path.

    Returns
    -------
    tuple
        ``(whole, parts)``: the text's scores and a list of each span's scores.
    """
    an, lexicon, emoji_chars = _tables()
    if not emoji_chars.isdisjoint(text):
        return polarity_scores(text), [polarity_scores(text[s:e]) for s, e in spans]
    stripped = text.strip()
    words = _words(stripped)
    sizes = [len(text[s:e].split()) for s, e in spans]
    if sum(sizes) != len(words):  # spans not aligned with tokens: be safe
        return polarity_scores(text), [polarity_scores(text[s:e]) for s, e in spans]
    lower = list(map(str.lower, words))
    hits = _hits(lexicon, lower)
    whole = an.score_valence(_sentiments(an, lexicon, words, lower, hits), stripped)
    parts = []
    a = 0
    for (s, e), size in zip(spans, sizes, strict=True):
        b = a + size
        lo, hi = bisect.bisect_left(hits, a), bisect.bisect_left(hits, b)
        local = [h - a for h in hits[lo:hi]]
        sentiments = _sentiments(an, lexicon, words[a:b], lower[a:b], local)
        parts.append(an.score_valence(sentiments, text[s:e]))
        a = b
    return whole, parts


def _hits(lexicon, lower: list[str]) -> list[int]:
    """Positions of tokens that carry a valence (in the lexicon, not a booster)."""
    booster = _v.BOOSTER_DICT
    return [i for i, lw in enumerate(lower) if lw in lexicon and lw not in booster]


def _sentiments(an, lexicon, words: list[str], lower: list[str], hits: list[int]) -> list:
    n = len(words)
    allcaps = sum(map(str.isupper, words))
    is_cap_diff = 0 < n - allcaps < n
    sentiments: list = [0] * n
    memo = _VALENCE
    for i in hits:
        if lower[i] == "kind" and i < n - 1 and lower[i + 1] == "of":
            continue
        # A word's valence depends only on the tokens from i-3 to i+2, on how near
        # it is to either end (clipped at 3 and 2) and on is_cap_diff: memoise on
        # exactly that, so the sentence pass reuses the whole-text pass.
        key = (is_cap_diff, min(i, 3), min(n - 1 - i, 2), *words[max(i - 3, 0) : i + 3])
        value = memo.get(key)
        if value is None:
            value = _valence(an, lexicon, words, lower, i, is_cap_diff)
            if len(memo) >= 1_000_000:
                memo.clear()
            memo[key] = value
        sentiments[i] = value
    return _but_check(lower, sentiments)

"""Tone of one text: VADER on the whole text and on each sentence.

VADER (Hutto & Gilbert 2014) adds up lexicon valences adjusted by rules
(negation, boosters, "but", capitals, "!"). Its whole-text ``compound``
saturates on articles (85 % of OneStopEnglish texts score |compound| > 0.9),
so compare outlets on the sentence measures (``tone_sentence_mean`` and the
shares), and keep the whole-text values for parity with other studies.

The whole-text values equal ``SentimentIntensityAnalyzer().polarity_scores(text)``
of vaderSentiment 3.3.2 exactly, computed in linear time (see ``_vader``).
Sentences come from the rule-based splitter documented in ``_text``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from . import _text, _vader

__all__ = ["POSITIVE", "NEGATIVE", "TONE_COLUMNS", "tone"]

#: VADER's recommended thresholds on ``compound`` for a positive / negative sentence.
POSITIVE = 0.05
NEGATIVE = -0.05

#: Tone columns: name → range, direction and meaning.
TONE_COLUMNS: Mapping[str, str] = {
    "tone_compound": "-1..1, higher = more positive: VADER compound of the whole text (saturates near ±1 on long texts).",
    "tone_pos": "0..1: share of the whole text's sentiment mass that is positive (VADER 'pos').",
    "tone_neu": "0..1: share that is neutral (VADER 'neu').",
    "tone_neg": "0..1: share that is negative (VADER 'neg').",
    "tone_sentence_mean": "-1..1, higher = more positive: mean of the sentences' VADER compound (does not saturate).",
    "tone_share_positive": "0..1: share of sentences with compound >= 0.05.",
    "tone_share_negative": "0..1: share of sentences with compound <= -0.05.",
    "tone_share_neutral": "0..1: share of sentences in between.",
    "tone_sentences": "number of sentences (int).",
}

_NAN = math.nan


def tone(text: str) -> dict[str, float | int]:
    """Score the tone of one text with VADER, whole and sentence by sentence.

    Parameters
    ----------
    text
        One text, any length (linear time).

    Returns
    -------
    dict of str to float or int
        :data:`TONE_COLUMNS` in order. ``tone_compound``, ``tone_pos``,
        ``tone_neu`` and ``tone_neg`` are ``polarity_scores(text)``'s compound,
        pos, neu and neg (rounded by VADER to 4 / 3 decimals). The sentence
        measures use each sentence's compound as VADER rounds it; their mean
        is not rounded further. A text
        without any word (empty, white space) gives NaN everywhere (VADER
        would say 0.0) and ``tone_sentences`` 0.

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Example
    -------
    >>> t = tone("The plan is a great success. Critics call it a disaster.")
    >>> t["tone_sentences"], t["tone_share_positive"], t["tone_share_negative"]
    (2, 0.5, 0.5)
    """
    if not isinstance(text, str):
        raise TypeError(
            f"tone() needs a str, got {type(text).__name__} ({text!r:.60}); "
            "convert it with str(...) or use '' for no text"
        )
    return dict(zip(TONE_COLUMNS, _tone_values(text), strict=True))


def _tone_values(text: str) -> tuple[float | int, ...]:
    """All :data:`TONE_COLUMNS` of one text, as a tuple (the fast path for tables)."""
    if not text.split():
        return (_NAN,) * (len(TONE_COLUMNS) - 1) + (0,)
    spans = _text.sentence_spans(text)
    whole, parts = _vader.polarity_scores_spans(text, [(s, e) for *_, s, e in spans])
    compounds = [part["compound"] for part in parts]
    n = len(compounds)
    pos = sum(1 for c in compounds if c >= POSITIVE)
    neg = sum(1 for c in compounds if c <= NEGATIVE)
    return (
        whole["compound"],
        whole["pos"],
        whole["neu"],
        whole["neg"],
        math.fsum(compounds) / n,
        pos / n,
        neg / n,
        (n - pos - neg) / n,
        n,
    )


def _sentence_scores(text: str, *, level: str = "sentence"):
    """``(paragraph, sentence, start, end, pos, neu, neg, compound)`` per sentence or paragraph."""
    if level == "sentence":
        spans = _text.sentence_spans(text)
    else:
        spans = [(p, -1, s, e) for p, (s, e) in enumerate(_text.paragraph_spans(text))]
    _, parts = _vader.polarity_scores_spans(text, [(s, e) for *_, s, e in spans])
    return [
        (p, k, s, e, sc["pos"], sc["neu"], sc["neg"], sc["compound"])
        for (p, k, s, e), sc in zip(spans, parts, strict=True)
    ]

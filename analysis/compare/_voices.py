"""voices(): the tone of quoted text against the tone of the writer's own text."""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.compare._compare import Comparison, _frame_html, compare
from analysis.compare._stats import _did_you_mean

# --------------------------------------------------------------------------- voices

#: Columns of ``Voices.per_article`` (plus the ``by`` column after ``article_id``).
VOICE_COLUMNS: dict[str, str] = {
    "article_id": "the article",
    "quoted_tone": "mean VADER compound of the sentences inside direct/partial quotes (−1..1); NaN without quotes",
    "own_tone": "mean VADER compound of the sentences of the writer's own text (−1..1); NaN if none",
    "voice_gap": "quoted_tone − own_tone (> 0: the quotes are more positive than the writer)",
    "quoted_chars": "non-space characters inside direct/partial quote fragments (marks excluded)",
    "own_chars": "non-space characters outside them",
    "quoted_text_share": "quoted_chars / (quoted_chars + own_chars); not count_sources' quoted_share, "
    "which counts every character between double quotation marks, marks included",
    "quoted_sentences": "sentences (or sentence parts) scored inside quotes",
    "own_sentences": "sentences (or sentence parts) scored in the writer's own text",
}

_LETTER = re.compile(r"[^\W\d_]")
_LEADING_NON_WORD = re.compile(r"^[\W_]+")


@dataclass(frozen=True, repr=False)
class Voices:
    """What :func:`voices` returns.

    Attributes
    ----------
    per_article
        One row per article: ``article_id``, the ``by`` column, then :data:`VOICE_COLUMNS`.
    comparison
        :func:`compare` of ``per_article`` by ``by`` over ``quoted_tone``,
        ``own_tone``, ``voice_gap`` and ``quoted_text_share``.
    """

    per_article: pd.DataFrame
    comparison: Comparison

    @property
    def summary(self) -> pd.DataFrame:
        """Per-group summary (COMPARISON_COLUMNS) of quoted_tone, own_tone, voice_gap, quoted_text_share."""
        return self.comparison.summary

    def __repr__(self) -> str:
        return f"Voices: {len(self.per_article)} articles\n\nsummary:\n{self.summary}"

    def _repr_html_(self) -> str:
        return (
            f"<p><b>Voices: {len(self.per_article)} articles</b> (tone of quoted text vs the writer's own)</p>"
            f"{_frame_html(self.summary, rows=40)}"
        )


def _sentence_tone(text: str, spans: list[tuple[int, int]]) -> tuple[float, int]:
    """Mean VADER compound over the sentences of the spans, and the number of sentences."""
    from analysis import tone

    total, count = 0.0, 0
    for start, end in spans:
        # A stretch that starts where a quotation closes begins with '". ', which the
        # sentence splitter would count as a sentence of its own, scored 0.
        piece = _LEADING_NON_WORD.sub("", text[start:end])
        if not _LETTER.search(piece):
            continue
        scores = tone(piece)
        n = int(scores["tone_sentences"])
        if n and not math.isnan(scores["tone_sentence_mean"]):
            total += float(scores["tone_sentence_mean"]) * n
            count += n
    return (total / count if count else np.nan), count


def _fragments(row: pd.Series) -> list[tuple[int, int]]:
    frags = row.get("fragments")
    spans: list[tuple[int, int]] = []
    if frags is not None and not (isinstance(frags, float) and math.isnan(frags)):
        for frag in frags:
            try:
                start, end = int(frag[0]), int(frag[1])
            except (TypeError, ValueError, IndexError):
                continue
            spans.append((start, end))
    if not spans and pd.notna(row.get("start")) and pd.notna(row.get("end")):
        spans.append((int(row["start"]), int(row["end"])))
    return spans


def _merge(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if min(length, e) > max(0, s))
    merged: list[tuple[int, int]] = []
    for s, e in clipped:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        pos = e
    if pos < length:
        out.append((pos, length))
    return out


def voices(
    articles: pd.DataFrame,
    attributions: pd.DataFrame,
    *,
    by: str = "outlet",
    kinds: Sequence[str] = ("direct", "partial"),
    ci: float = 0.95,
    n_boot: int = 2000,
    seed: int = 0,
) -> Voices:
    """Tone of the quoted text against the tone of the writer's own text.

    Does the negativity come from the sources or from the outlet? Each article's
    text is cut in two: the characters inside the quoted fragments of its
    attributions of the given ``kinds`` (direct and partial quotes), and the rest
    (the writer's own text, including attribution phrases such as "he said").
    Every contiguous stretch of either side is scored with :func:`analysis.tone`,
    and a side's tone is the **mean VADER compound of its sentences** (−1 most
    negative … +1 most positive), pooled over its stretches, so a sentence that a
    quotation cuts in two counts on both sides. Sentence means are used rather
    than the whole-text compound, which VADER pushes towards ±1 on long texts.
    Caveat: short partial quotes ("scare quotes") are often single words with
    no lexicon entry and score 0.

    Parameters
    ----------
    articles
        The article table (``article_id``, ``text`` and the ``by`` column).
    attributions
        The attribution table (``article_id``, ``kind``, ``fragments`` with
        ``start``/``end`` as fallback).
    by
        Grouping column for the per-group comparison.
    kinds
        Attribution kinds whose fragments count as quoted text.
    ci, n_boot, seed
        Passed to :func:`compare`.

    Returns
    -------
    Voices
        ``per_article`` (one row per article: ``article_id``, ``by``, then
        :data:`VOICE_COLUMNS`; ``quoted_tone`` is NaN for articles without quotes)
        and ``comparison`` (:func:`compare` by ``by``; ``voices.summary`` is its
        summary: a ``voice_gap`` interval below 0 means the quotes are more
        negative than the writer).

    Example
    -------
    >>> v = voices(articles, extract_attributions(articles))   # doctest: +SKIP
    >>> v.summary.query("metric == 'voice_gap'")                # doctest: +SKIP
    """
    for column in ("article_id", "text", by):
        if column not in articles.columns:
            raise ValueError(
                f"the article table has no {column!r} column; choose by from: "
                f"{', '.join(map(str, articles.columns))}{_did_you_mean(column, articles.columns)}"
            )
    for column in ("article_id", "kind"):
        if column not in attributions.columns:
            raise ValueError(
                f"the attribution table has no {column!r} column; make it with analysis.extract_attributions(articles)"
            )
    quoted = attributions[attributions["kind"].isin(list(kinds))]
    spans_by_article: dict[str, list[tuple[int, int]]] = {}
    for _, row in quoted.iterrows():
        spans_by_article.setdefault(str(row["article_id"]), []).extend(_fragments(row))

    rows = []
    for article_id, group, text in zip(
        articles["article_id"], articles[by], articles["text"], strict=True
    ):
        text = text if isinstance(text, str) else ""
        inside = _merge(spans_by_article.get(str(article_id), []), len(text))
        outside = _complement(inside, len(text))
        quoted_chars = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in inside)
        own_chars = sum(len(re.sub(r"\s", "", text[s:e])) for s, e in outside)
        q_tone, q_sentences = _sentence_tone(text, inside)
        o_tone, o_sentences = _sentence_tone(text, outside)
        total = quoted_chars + own_chars
        rows.append(
            {
                "article_id": article_id,
                by: group,
                "quoted_tone": q_tone,
                "own_tone": o_tone,
                "voice_gap": q_tone - o_tone,
                "quoted_chars": quoted_chars,
                "own_chars": own_chars,
                "quoted_text_share": quoted_chars / total if total else np.nan,
                "quoted_sentences": q_sentences,
                "own_sentences": o_sentences,
            }
        )
    per_article = pd.DataFrame(rows, columns=["article_id", by, *list(VOICE_COLUMNS)[1:]])
    per_article = per_article.astype(
        {
            "article_id": "string",
            "quoted_tone": "float64",
            "own_tone": "float64",
            "voice_gap": "float64",
            "quoted_chars": "int64",
            "own_chars": "int64",
            "quoted_text_share": "float64",
            "quoted_sentences": "int64",
            "own_sentences": "int64",
        }
    )
    no_quotes = int(per_article["quoted_tone"].isna().sum())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        comparison = compare(
            per_article,
            by=by,
            metrics=["quoted_tone", "own_tone", "voice_gap", "quoted_text_share"],
            ci=ci,
            n_boot=n_boot,
            seed=seed,
        )
    if no_quotes:
        warnings.warn(
            f"voices: {no_quotes} of {len(per_article)} articles have no quoted text; their quoted_tone "
            "and voice_gap are NaN and left out of the summary",
            UserWarning,
            stacklevel=2,
        )
    return Voices(per_article=per_article, comparison=comparison)

"""Property tests of scoring on hostile text: ``readability``, ``tone`` and the table functions.

For any text (control characters, lone surrogates, combining marks, emoji,
right-to-left scripts, huge white-space runs, unbalanced quotes, empty, one
character) the scorers return every documented column, each value NaN or finite
and inside its documented range, raise only the documented ``TypeError`` for a
non-string, agree with VADER's own ``polarity_scores`` and never modify their
input table.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd
import pytest
from _hostile import file_text, fuzz, hostile_text
from hypothesis import given
from hypothesis import strategies as st

from analysis.score import (
    READABILITY_COLUMNS,
    SENTENCE_TONE_COLUMNS,
    TONE_COLUMNS,
    score,
    score_readability,
    score_tone,
    sentence_tone,
)
from analysis.score.readability import COUNT_COLUMNS, readability
from analysis.score.tone import tone

_COUNTS = [c for c in COUNT_COLUMNS if c != "reading_time"]  # reading_time is seconds, a float


def _ok(value) -> bool:
    return isinstance(value, (int, float)) and (math.isnan(value) or math.isfinite(value))


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _check_readability(r: dict) -> None:
    assert list(r) == list(READABILITY_COLUMNS)
    for name, value in r.items():
        assert _ok(value), (name, value)
    for name in _COUNTS:
        assert isinstance(r[name], int) and r[name] >= 0, (name, r[name])
    assert r["letters"] <= r["characters"]
    assert r["polysyllables"] <= r["words"] and r["difficult_words"] <= r["words"]
    assert r["syllables"] >= r["polysyllables"] * 3
    # Documented lower bounds (see readability()'s docstring); NaN is allowed.
    for name, low in (
        ("smog_index", 3.1291),
        ("dale_chall_readability_score", 0.0),
        ("mcalpine_eflaw", 0.0),
        ("reading_time", 0.0),
        ("linsear_write_formula", -1.0),
    ):
        value = r[name]
        assert math.isnan(value) or value >= low - 1e-9, (name, value)
    if r["words"] == 0:
        formulas = [
            c for c in READABILITY_COLUMNS if c not in COUNT_COLUMNS and c != "reading_time"
        ]
        assert all(math.isnan(r[c]) for c in formulas), {c: r[c] for c in formulas}


@fuzz(300)
@given(text=hostile_text)
def test_readability_values_are_nan_or_finite_and_in_range(text):
    """readability(text): every column, NaN or finite, counts non-negative ints, bounds respected."""
    _check_readability(readability(text))


@fuzz(40)
@given(run=st.sampled_from([" ", "\n", "\t", "\u00a0", "\n\n"]), n=st.integers(10_000, 200_000))
def test_huge_whitespace_runs_are_no_words(run, n):
    """A text of nothing but white space has no words: NaN formulas and NaN tone, not 0.0."""
    r = readability(run * n)
    assert r["words"] == 0 and math.isnan(r["flesch_reading_ease"])
    t = tone(run * n)
    assert t["tone_sentences"] == 0 and math.isnan(t["tone_compound"])


def _check_tone(t: dict) -> None:
    assert list(t) == list(TONE_COLUMNS)
    for name, value in t.items():
        assert _ok(value), (name, value)
    n = t["tone_sentences"]
    assert isinstance(n, int) and n >= 0
    for name in ("tone_compound", "tone_sentence_mean"):
        assert math.isnan(t[name]) or -1.0 <= t[name] <= 1.0, (name, t[name])
    for name in ("tone_pos", "tone_neu", "tone_neg"):
        assert math.isnan(t[name]) or 0.0 <= t[name] <= 1.0, (name, t[name])
    shares = [t["tone_share_positive"], t["tone_share_negative"], t["tone_share_neutral"]]
    if n == 0:
        assert all(math.isnan(s) for s in shares)
    else:
        assert all(0.0 <= s <= 1.0 for s in shares)
        assert abs(sum(shares) - 1.0) < 1e-9


@fuzz(300)
@given(text=hostile_text)
def test_tone_values_are_in_their_ranges(text):
    """tone(text): compound and sentence mean in [-1, 1], pos/neu/neg and shares in [0, 1], or NaN."""
    _check_tone(tone(text))


@fuzz(200)
@given(text=hostile_text)
def test_tone_equals_vader_polarity_scores(text):
    """Whole-text compound/pos/neu/neg equal vaderSentiment's polarity_scores on any text with words."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    ours = tone(text)
    try:
        theirs = _vader().polarity_scores(text)
    except Exception:  # noqa: BLE001 - VADER itself failing is not ours to test
        return
    if math.isnan(ours["tone_compound"]):
        # We say NaN only where there is nothing to score; VADER then says 0.0 neutral.
        assert theirs["compound"] == 0.0
        return
    assert SentimentIntensityAnalyzer is not None
    for ours_name, name in (
        ("tone_compound", "compound"),
        ("tone_pos", "pos"),
        ("tone_neu", "neu"),
        ("tone_neg", "neg"),
    ):
        assert ours[ours_name] == theirs[name], (ours_name, ours[ours_name], theirs[name])


_ANALYSER = []


def _vader():
    if not _ANALYSER:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _ANALYSER.append(SentimentIntensityAnalyzer())
    return _ANALYSER[0]


@pytest.mark.parametrize("bad", [None, 3, 2.5, b"bytes", ["a"], float("nan")])
def test_non_strings_raise_type_error(bad):
    """A single non-string text raises TypeError naming the type (the documented error)."""
    for func in (readability, tone):
        with pytest.raises(TypeError, match=type(bad).__name__):
            func(bad)


# ----------------------------------------------------------------------------------------------
# Table functions
# ----------------------------------------------------------------------------------------------


@st.composite
def article_tables(draw):
    """A small article table of hostile (encodable) texts; ids unique, index shuffled."""
    texts = draw(st.lists(file_text, min_size=0, max_size=5))
    ids = [f"id{i:02d}" for i in range(len(texts))]
    frame = pd.DataFrame(
        {
            "article_id": pd.array(ids, dtype="string"),
            "outlet": pd.array(["A", "B"] * 3, dtype="string")[: len(texts)],
            "text": pd.array(texts, dtype="string"),
        }
    )
    if draw(st.booleans()) and len(frame) > 1:
        frame.index = list(reversed(range(len(frame))))  # a non-default index must not matter
    return frame


def _quiet(func, *args, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(*args, **kwargs)
    return result, caught


@fuzz(60)
@given(articles=article_tables())
def test_score_table_matches_the_pure_functions_and_keeps_input(articles):
    """score(articles): one row per article_id in input order, equal to readability()+tone() per text."""
    before = articles.copy(deep=True)
    result, caught = _quiet(score, articles, progress=False)
    pd.testing.assert_frame_equal(articles, before)
    assert result["article_id"].tolist() == articles["article_id"].tolist()
    for text, (_, row) in zip(articles["text"], result.iterrows(), strict=True):
        expected = {**readability(text), **tone(text)}
        for name, value in expected.items():
            got = row[name]
            if isinstance(value, float) and math.isnan(value):
                assert pd.isna(got), (name, got)
            else:
                assert got == value, (name, got, value)
    empties = sum(not _has_words(t) for t in articles["text"])
    if empties == 0:
        assert not [w for w in caught if "NaN" in str(w.message) or "empty" in str(w.message)]


@fuzz(40)
@given(articles=article_tables())
def test_score_tone_and_readability_alone_keep_input(articles):
    """score_tone and score_readability never modify the input and give one row per article."""
    before = articles.copy(deep=True)
    tones, _ = _quiet(score_tone, articles, progress=False)
    reads, _ = _quiet(score_readability, articles, progress=False)
    pd.testing.assert_frame_equal(articles, before)
    assert list(tones.columns) == ["article_id", *TONE_COLUMNS]
    assert list(reads.columns) == ["article_id", *READABILITY_COLUMNS]
    assert len(tones) == len(reads) == len(articles)


@fuzz(60)
@given(articles=article_tables(), level=st.sampled_from(["sentence", "paragraph"]))
def test_sentence_tone_offsets_slice_out_each_unit(articles, level):
    """sentence_tone: every row's text is text[start:end] of its article, scores within range."""
    before = articles.copy(deep=True)
    units, _ = _quiet(sentence_tone, articles, level=level, progress=False)
    pd.testing.assert_frame_equal(articles, before)
    assert list(units.columns) == list(SENTENCE_TONE_COLUMNS)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    for row in units.itertuples(index=False):
        text = texts[row.article_id]
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
        assert -1 <= row.compound <= 1
        assert 0 <= row.pos <= 1 and 0 <= row.neu <= 1 and 0 <= row.neg <= 1
    # Units of one article come in text order and do not overlap.
    for _, group in units.groupby("article_id", sort=False):
        starts, ends = group["start"].tolist(), group["end"].tolist()
        assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


def test_non_string_text_in_a_table_names_the_article():
    """A table with a non-string text raises an error that names the article_id."""
    articles = pd.DataFrame({"article_id": ["good", "bad"], "text": ["Fine text.", 42]})
    with pytest.raises((TypeError, ValueError), match="bad"):
        _quiet(score, articles, progress=False)

"""Property tests of ``compare`` on hostile tables: odd group names, NaN, infinities, ties, tiny groups.

Properties: only the documented exceptions; every number in the summary is NaN
or finite and inside what the data allow (means and intervals between the
group's smallest and largest value, counts equal to the non-missing values);
p-values in [0, 1] with adjusted >= raw; effect sizes in [-1, 1]; the same seed
gives the same tables, shuffling the rows changes nothing, and the input is
never modified.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
from _hostile import NEWS, QUOTE_MARKS, file_text, fuzz
from hypothesis import given
from hypothesis import strategies as st

from analysis.compare import compare

_group = st.one_of(
    st.sampled_from(
        ["Fox News", "NYT", "HuffPost", "", " ", "\u202eevil", "\U0001f600", "=1+1", "<NA>", "nan"]
    ),
    st.none(),
)
_value = st.one_of(
    st.floats(-1.0, 1.0),
    st.sampled_from([0.0, 0.5, -0.5, 1.0]),  # ties
    st.just(float("nan")),
    st.sampled_from([float("inf"), float("-inf"), 1e300, -1e300, 5e-324]),
)


@st.composite
def tables(draw):
    n = draw(st.integers(0, 25))
    groups = draw(st.lists(_group, min_size=n, max_size=n))
    events = draw(st.lists(st.sampled_from(["e1", "e2", "e3", None]), min_size=n, max_size=n))
    return pd.DataFrame(
        {
            "article_id": pd.array([f"a{i:03d}" for i in range(n)], dtype="string"),
            "outlet": pd.array(groups, dtype="string"),
            "event_id": pd.array(events, dtype="string"),
            "tone_compound": draw(st.lists(_value, min_size=n, max_size=n)),
            "words": pd.array(
                draw(st.lists(st.integers(0, 3000), min_size=n, max_size=n)), dtype="int64"
            ),
        }
    )


def _run(table, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compare(table, metrics=["tone_compound", "words"], n_boot=60, seed=3, **kwargs)


def _finite_or_nan(x) -> bool:
    return pd.isna(x) or math.isfinite(float(x))


@fuzz(30)
@given(table=tables(), paired=st.booleans(), test=st.sampled_from(["permutation", "mannwhitney"]))
def test_compare_numbers_are_bounded_and_input_is_kept(table, paired, test):
    """Summary stats lie within each group's values; p in [0,1]; effects in [-1,1]; input unchanged."""
    before = table.copy(deep=True)
    try:
        result = _run(table, paired_by="event_id" if paired else None, test=test)
    except ValueError as error:
        # Documented refusals (e.g. nothing left to compare) must say what was wrong.
        assert str(error)
        pd.testing.assert_frame_equal(table, before)
        return
    pd.testing.assert_frame_equal(table, before)
    summary = result.summary
    for row in summary.itertuples(index=False):
        part = table[table["outlet"].astype(object) == row.group]
        values = pd.to_numeric(part[row.metric], errors="coerce").astype(float).to_numpy()
        values = values[np.isfinite(values)]
        assert row.n == len(values), (row.group, row.metric, row.n, len(values))
        for name in ("mean", "median", "ci_low", "ci_high"):
            x = getattr(row, name)
            assert _finite_or_nan(x), (name, x)
            if len(values) and not pd.isna(x):
                span = max(1e-9, 1e-9 * float(np.max(np.abs(values))))
                assert values.min() - span <= x <= values.max() + span, (name, x, values)
        if not (pd.isna(row.ci_low) or pd.isna(row.ci_high)):
            assert row.ci_low <= row.ci_high
    pairwise = result.pairwise
    for column in ("p_value", "p_adjusted"):
        p = pairwise[column].astype(float)
        assert p.dropna().between(0.0, 1.0).all(), column
    both = pairwise[["p_value", "p_adjusted"]].astype(float).dropna()
    assert (both["p_adjusted"] >= both["p_value"] - 1e-12).all()
    effects = pairwise["effect_size"].astype(float).dropna()
    assert effects.between(-1.0, 1.0).all()
    for column in ("difference", "ci_low", "ci_high", "statistic"):
        assert all(_finite_or_nan(x) for x in pairwise[column]), column


@fuzz(15)
@given(table=tables(), order=st.randoms(use_true_random=False))
def test_same_seed_same_tables_and_row_order_does_not_matter(table, order):
    """compare is a function of the data: re-running and shuffling the rows give identical tables."""
    try:
        first = _run(table)
    except ValueError:
        return
    again = _run(table)
    pd.testing.assert_frame_equal(first.summary, again.summary)
    pd.testing.assert_frame_equal(first.pairwise, again.pairwise)
    rows = list(range(len(table)))
    order.shuffle(rows)
    shuffled = _run(table.iloc[rows].reset_index(drop=True))
    pd.testing.assert_frame_equal(first.summary, shuffled.summary)
    pd.testing.assert_frame_equal(first.pairwise, shuffled.pairwise)


# ----------------------------------------------------------------------------------------------
# voices: quoted against own tone, from attribution offsets
# ----------------------------------------------------------------------------------------------

_quote_soup = st.lists(
    st.one_of(st.sampled_from(NEWS), st.sampled_from(QUOTE_MARKS)), min_size=1, max_size=14
).map(" ".join)


@st.composite
def article_tables(draw):
    texts = draw(st.lists(st.one_of(file_text, _quote_soup), min_size=1, max_size=5))
    return pd.DataFrame(
        {
            "article_id": pd.array([f"a{i}" for i in range(len(texts))], dtype="string"),
            "outlet": pd.array(["X", "Y", "X", "Y", "Z"][: len(texts)], dtype="string"),
            "text": pd.array(texts, dtype="string"),
        }
    )


@fuzz(25)
@given(articles=article_tables())
def test_voices_tones_and_shares_are_in_range(articles):
    """voices: tones in [-1, 1] or NaN, gap = quoted - own, characters add up; inputs unchanged."""
    from analysis import extract_attributions
    from analysis.compare import VOICE_COLUMNS, voices

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = extract_attributions(articles)
        before = (articles.copy(deep=True), quotes.copy(deep=True))
        result = voices(articles, quotes, n_boot=40, seed=1)
    pd.testing.assert_frame_equal(articles, before[0])
    pd.testing.assert_frame_equal(quotes, before[1])
    table = result.per_article
    assert table["article_id"].tolist() == articles["article_id"].tolist()
    assert set(VOICE_COLUMNS) <= set(table.columns)
    for row in table.itertuples(index=False):
        for name in ("quoted_tone", "own_tone"):
            value = getattr(row, name)
            assert pd.isna(value) or -1.0 <= value <= 1.0, (name, value)
        if not (pd.isna(row.quoted_tone) or pd.isna(row.own_tone)):
            assert abs(row.voice_gap - (row.quoted_tone - row.own_tone)) < 1e-12
        assert row.quoted_chars >= 0 and row.own_chars >= 0
        text = articles.loc[articles["article_id"] == row.article_id, "text"].iloc[0]
        assert row.quoted_chars + row.own_chars <= sum(not c.isspace() for c in text)
        share = row.quoted_text_share
        assert pd.isna(share) or 0.0 <= share <= 1.0

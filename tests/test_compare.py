"""compare(), source_shares() and voices(): numbers checked by hand or against textbook values."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.attribute import extract_attributions
from analysis.compare import (
    PAIRWISE_COLUMNS,
    SOURCE_CATEGORIES,
    Comparison,
    compare,
    source_shares,
    voices,
)
from analysis.compare._stats import _adjust
from analysis.schema import COMPARISON_COLUMNS


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "A", "B", "B", "B"],
            "tone_compound": [1.0, 2.0, 3.0, 4.0, 10.0, 20.0, 60.0],
            "flesch_kincaid_grade": [8.0, 9.0, 10.0, 11.0, 12.0, 12.0, 12.0],
            "notes": ["x"] * 7,
            "custom": [1.0] * 7,
        }
    )


# ------------------------------------------------------------------------- summary


def test_summary_has_the_contract_columns_and_hand_checked_values():
    result = compare(_table(), metrics=["tone_compound", "flesch_kincaid_grade"])
    assert isinstance(result, Comparison)
    assert list(result.summary.columns) == list(COMPARISON_COLUMNS)
    row = result.summary.set_index(["metric", "group"]).loc[("tone_compound", "A")]
    assert (row["n"], row["mean"], row["median"]) == (4, 2.5, 2.5)
    row = result.summary.set_index(["metric", "group"]).loc[("tone_compound", "B")]
    assert (row["n"], row["mean"], row["median"]) == (3, 30.0, 20.0)
    # A bootstrap interval of the mean lies within the range of the data.
    assert (
        1.0 <= result.summary["ci_low"].iloc[0] <= 2.5 <= result.summary["ci_high"].iloc[0] <= 4.0
    )
    assert result.summary["metric"].tolist() == ["tone_compound"] * 2 + ["flesch_kincaid_grade"] * 2


def test_constant_group_has_a_zero_width_interval():
    result = compare(_table(), metrics="flesch_kincaid_grade")
    row = result.summary.set_index("group").loc["B"]
    assert row["ci_low"] == row["ci_high"] == 12.0


def test_bootstrap_interval_matches_the_normal_theory_interval_on_a_large_sample():
    rng = np.random.default_rng(42)
    x = rng.normal(0.0, 1.0, 400)
    result = compare(pd.DataFrame({"outlet": "A", "tone_compound": x}), n_boot=4000)
    row = result.summary.iloc[0]
    half = 1.96 * x.std(ddof=1) / math.sqrt(len(x))
    assert row["ci_low"] == pytest.approx(x.mean() - half, abs=0.2 * half)
    assert row["ci_high"] == pytest.approx(x.mean() + half, abs=0.2 * half)
    narrower = compare(pd.DataFrame({"outlet": "A", "tone_compound": x}), ci=0.5).summary.iloc[0]
    assert narrower["ci_high"] - narrower["ci_low"] < row["ci_high"] - row["ci_low"]


def test_same_seed_same_numbers_other_seed_other_intervals_row_order_irrelevant():
    rng = np.random.default_rng(5)
    table = pd.DataFrame({"outlet": ["A", "B"] * 30, "tone_compound": rng.normal(size=60)})
    a = compare(table, metrics="tone_compound", seed=1)
    b = compare(table.iloc[::-1], metrics="tone_compound", seed=1)
    c = compare(table, metrics="tone_compound", seed=2)
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.pairwise, b.pairwise)
    assert not a.summary["ci_low"].equals(c.summary["ci_low"])


def test_adding_a_metric_does_not_change_the_others():
    one = compare(_table(), metrics=["tone_compound"]).summary
    two = compare(_table(), metrics=["flesch_kincaid_grade", "tone_compound"]).summary
    pd.testing.assert_frame_equal(one, two[two["metric"] == "tone_compound"].reset_index(drop=True))


def test_default_metrics_are_the_known_numeric_columns():
    result = compare(_table())
    assert set(result.summary["metric"]) == {"tone_compound", "flesch_kincaid_grade"}


def test_input_is_not_modified():
    table = _table()
    before = table.copy()
    compare(table, paired_by=None)
    pd.testing.assert_frame_equal(table, before)


def test_missing_values_are_dropped_with_one_warning_that_counts_them():
    table = _table()
    table.loc[[0, 5], "tone_compound"] = np.nan
    table.loc[1, "flesch_kincaid_grade"] = np.nan
    with pytest.warns(
        UserWarning, match=r"3 missing value\(s\).*tone_compound: 2.*flesch_kincaid_grade: 1"
    ) as record:
        result = compare(table)
    assert len([w for w in record if "missing" in str(w.message)]) == 1
    row = result.summary.set_index(["metric", "group"]).loc[("tone_compound", "A")]
    assert (row["n"], row["mean"]) == (3, 3.0)


def test_infinite_values_count_as_missing():
    table = pd.DataFrame(
        {"outlet": ["A", "A", "A", "B", "B"], "tone_compound": [1.0, np.inf, 3.0, -np.inf, 4.0]}
    )
    with pytest.warns(UserWarning, match=r"2 missing value\(s\).*infinite values count as missing"):
        summary = compare(table, n_boot=50).summary.set_index("group")
    assert summary.loc["A", ["n", "mean"]].tolist() == [2, 2.0]
    assert summary.loc["B", ["n", "mean"]].tolist() == [1, 4.0]


def test_numeric_groups_keep_their_numeric_order():
    table = pd.DataFrame({"outlet": [10, 2, 1, 2], "tone_compound": [1.0, 2.0, 3.0, 4.0]})
    assert compare(table, n_boot=50).summary["group"].tolist() == ["1", "2", "10"]


def test_rows_without_a_group_are_left_out_with_a_warning():
    table = _table()
    table.loc[0, "outlet"] = None
    with pytest.warns(UserWarning, match="1 of 7 rows have no 'outlet'"):
        result = compare(table, metrics="tone_compound")
    assert result.summary.set_index("group").loc["A", "n"] == 3


def test_analysis_compare_is_callable_even_after_importing_the_module():
    import analysis
    import analysis.compare  # binds the module to analysis.compare

    result = analysis.compare(_table(), metrics="tone_compound", n_boot=50)
    assert isinstance(result, Comparison)


# ------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "outle"}, r"no column 'outle'.*did you mean 'outlet'"),
        (
            {"metrics": ["flesh_kincaid_grade"]},
            r"unknown metric 'flesh_kincaid_grade'.*did you mean 'flesch_kincaid_grade'",
        ),
        ({"metrics": "notes"}, r"metric 'notes' is not numeric"),
        ({"test": "ttest"}, r"test='ttest' is not known; choose from: permutation, mannwhitney"),
        ({"correction": "holmes"}, r"did you mean 'holm'"),
        ({"ci": 95}, r"between 0 and 1"),
        ({"paired_by": "event"}, r"paired_by='event' is not a column"),
        ({"paired_by": "outlet"}, r"paired_by='outlet' is also the by column"),
        ({"by": "date:X"}, r"no column 'date'"),
    ],
)
def test_bad_arguments_are_named_with_what_would_work(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compare(_table(), **kwargs)


def test_no_known_metric_says_how_to_choose():
    with pytest.raises(ValueError, match="pass metrics="):
        compare(_table()[["outlet", "custom"]])


def test_bad_period_spec():
    table = _table().assign(date=pd.Timestamp("2020-01-01"))
    with pytest.raises(ValueError, match=r"unknown period 'X'"):
        compare(table, by="date:X", metrics="tone_compound")
    with pytest.raises(ValueError, match="not a date column"):
        compare(table.assign(date="soon"), by="date:Y", metrics="tone_compound")


# ------------------------------------------------------------------------- pairwise


def test_pairwise_difference_and_cliffs_delta_by_hand():
    table = pd.DataFrame(
        {"outlet": ["A"] * 3 + ["B"] * 2, "tone_compound": [1.0, 2.0, 3.0, 2.0, 4.0]}
    )
    row = compare(table).pairwise.iloc[0]
    assert list(compare(table).pairwise.columns) == list(PAIRWISE_COLUMNS)
    assert (row["group_a"], row["group_b"], row["n_a"], row["n_b"]) == ("A", "B", 3, 2)
    assert row["difference"] == pytest.approx(2.0 - 3.0)
    # Pairs (a, b): 1 greater (3>2), 4 smaller, 1 tie → (1 − 4) / 6.
    assert row["effect_size"] == pytest.approx(-0.5)
    assert row["effect_size_kind"] == "cliffs_delta"
    assert pd.isna(row["n_pairs"])


def test_mann_whitney_matches_the_textbook_value():
    # R: wilcox.test(1:5, 6:10, exact = FALSE) → W = 0, p-value = 0.01219
    table = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5, "tone_compound": np.arange(1.0, 11.0)})
    row = compare(table, test="mannwhitney").pairwise.iloc[0]
    assert row["statistic"] == 0.0
    assert row["p_value"] == pytest.approx(0.01219, abs=5e-5)
    assert row["effect_size"] == -1.0


def test_permutation_p_value_approaches_the_exact_value():
    # Exact: 2 of the 20 ways to split {1..6} into 3+3 have |mean difference| >= 3.
    table = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "tone_compound": [1.0, 2, 3, 4, 5, 6]})
    row = compare(table, n_boot=20000).pairwise.iloc[0]
    assert row["test"] == "permutation"
    assert row["statistic"] == pytest.approx(-3.0)
    assert row["p_value"] == pytest.approx(0.1, abs=0.01)


def test_no_difference_gives_large_p_values():
    rng = np.random.default_rng(3)
    x = rng.normal(size=200)
    table = pd.DataFrame({"outlet": ["A"] * 100 + ["B"] * 100, "tone_compound": x})
    for test in ("permutation", "mannwhitney"):
        row = compare(table, test=test).pairwise.iloc[0]
        assert row["ci_low"] < 0 < row["ci_high"] or row["p_value"] < 0.05
        assert row["p_value"] > 0.01


def test_too_few_permutations_for_the_number_of_tests_is_warned():
    rng = np.random.default_rng(0)
    table = pd.DataFrame({"outlet": list("ABCD") * 10, "tone_compound": rng.normal(size=40)})
    with pytest.warns(UserWarning, match=r"6 tests with 99 permutations.*below 0.06.*n_perm"):
        result = compare(table, n_boot=200, n_perm=99)
    assert result.n_perm == 99
    assert result.pairwise["p_value"].min() >= 1 / 100
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compare(table, n_boot=200, n_perm=2000)
        compare(table, n_boot=200, n_perm=99, test="mannwhitney")


def test_holm_and_benjamini_hochberg_by_hand():
    p = np.array([0.01, 0.04, 0.03, np.nan])
    np.testing.assert_allclose(_adjust(p, "holm"), [0.03, 0.06, 0.06, np.nan])
    np.testing.assert_allclose(_adjust(p, "bh"), [0.03, 0.04, 0.04, np.nan])
    np.testing.assert_allclose(_adjust(p, "none"), p)
    np.testing.assert_allclose(_adjust(np.array([0.6, 0.9]), "holm"), [1.0, 1.0])


def test_correction_runs_over_every_row_of_the_table():
    table = _table().assign(outlet=["A", "A", "B", "B", "C", "C", "C"])
    result = compare(table, metrics=["tone_compound", "flesch_kincaid_grade"], correction="holm")
    pw = result.pairwise
    assert len(pw) == 2 * 3
    np.testing.assert_allclose(pw["p_adjusted"], _adjust(pw["p_value"].to_numpy(), "holm"))
    assert (pw["p_adjusted"] >= pw["p_value"]).all()
    assert (pw["correction"] == "holm").all()


# ------------------------------------------------------------------------- paired


def _events() -> pd.DataFrame:
    # Events differ a lot (0, 10, 20, ...); within an event B is always 1 above A.
    base = np.arange(12) * 10.0
    rows = [("A", f"e{i:02d}", v) for i, v in enumerate(base)]
    rows += [("B", f"e{i:02d}", v + 1.0) for i, v in enumerate(base)]
    rows += [("B", "only-b", 500.0)]  # no partner: left out of the paired comparison
    return pd.DataFrame(rows, columns=["outlet", "event_id", "tone_compound"])


def test_paired_comparison_takes_differences_within_events():
    table = _events()
    paired = compare(table, paired_by="event_id")
    row = paired.pairwise.iloc[0]
    assert (row["group_a"], row["group_b"], row["n_pairs"], row["n_a"]) == ("A", "B", 12, 12)
    assert row["difference"] == -1.0
    assert (row["ci_low"], row["ci_high"]) == (-1.0, -1.0)
    assert row["effect_size"] == -1.0 and row["effect_size_kind"] == "rank_biserial_paired"
    # Sign-flip test: only the all-negative and all-positive flips are as extreme: p ≈ 2 / 2**12.
    assert row["test"] == "sign_flip"
    assert row["p_value"] < 0.01
    # The unpaired comparison drowns the same difference in between-event variation.
    unpaired = compare(table).pairwise.iloc[0]
    assert unpaired["p_value"] > 0.3
    # The per-event differences behind it.
    diffs = paired.differences
    assert list(diffs.columns)[:2] == ["event_id", "metric"]
    assert len(diffs) == 12 and (diffs["difference"] == -1.0).all()
    assert "only-b" not in set(diffs["event_id"])
    # The summary still describes every article.
    assert paired.summary.set_index("group").loc["B", "n"] == 13


def test_wilcoxon_matches_the_textbook_value():
    # R: wilcox.test(1:10, exact = FALSE) → V = 55, p-value = 0.005923
    table = pd.DataFrame(
        {
            "outlet": ["A"] * 10 + ["B"] * 10,
            "event_id": [f"e{i}" for i in range(10)] * 2,
            "tone_compound": list(np.arange(1.0, 11.0)) + [0.0] * 10,
        }
    )
    row = compare(table, paired_by="event_id", test="mannwhitney").pairwise.iloc[0]
    assert row["test"] == "wilcoxon"
    assert row["statistic"] == 55.0
    assert row["p_value"] == pytest.approx(0.005923, abs=5e-6)
    assert row["effect_size"] == 1.0


def test_sign_flip_p_value_approaches_the_exact_value():
    # d = 1, 2, 3, 4: of the 16 sign patterns only ++++ and −−−− reach |mean| >= 2.5 → p = 0.125.
    table = pd.DataFrame(
        {
            "outlet": ["A"] * 4 + ["B"] * 4,
            "event_id": ["a", "b", "c", "d"] * 2,
            "tone_compound": [1.0, 2.0, 3.0, 4.0, 0, 0, 0, 0],
        }
    )
    row = compare(table, paired_by="event_id", n_boot=20000).pairwise.iloc[0]
    assert row["p_value"] == pytest.approx(0.125, abs=0.01)


def test_paired_rows_of_one_event_and_outlet_are_averaged():
    table = pd.DataFrame(
        {
            "outlet": ["A", "A", "B", "A", "B"],
            "event_id": ["e1", "e1", "e1", "e2", "e2"],
            "tone_compound": [0.0, 2.0, 0.0, 5.0, 4.0],
        }
    )
    diffs = compare(table, paired_by="event_id").differences
    assert diffs.set_index("event_id")["difference"].to_dict() == {"e1": 1.0, "e2": 1.0}


# ------------------------------------------------------------------------- periods


def test_by_year_groups_chronologically_and_compares_adjacent_years():
    table = pd.DataFrame(
        {
            "date": pd.to_datetime(
                [
                    "2019-03-01",
                    "2019-11-30",
                    "2020-01-01",
                    "2020-06-01",
                    "2018-05-05",
                    "2018-07-07",
                    None,
                ]
            ),
            "tone_compound": [1.0, 3.0, 10.0, 12.0, 0.0, 0.0, 5.0],
        }
    )
    with pytest.warns(UserWarning, match="no 'date:Y' value"):
        result = compare(table, by="date:Y")
    assert result.summary["group"].tolist() == ["2018", "2019", "2020"]
    assert result.summary["mean"].tolist() == [0.0, 2.0, 11.0]
    pairs = result.pairwise[["group_a", "group_b", "difference"]].values.tolist()
    assert pairs == [["2019", "2018", 2.0], ["2020", "2019", 9.0]]


def test_by_quarter_and_month_labels():
    table = pd.DataFrame(
        {"date": pd.to_datetime(["2019-02-10", "2019-05-01"]), "tone_compound": [0.1, 0.2]}
    )
    assert compare(table, by="date:Q").summary["group"].tolist() == ["2019Q1", "2019Q2"]
    assert compare(table, by="date:M").summary["group"].tolist() == ["2019-02", "2019-05"]
    assert compare(table, by="date:Q", pairs="all").pairwise["group_a"].tolist() == ["2019Q1"]
    only_summary = compare(table, by="date:Q", pairs="none")
    assert only_summary.pairwise.empty and len(only_summary.summary) == 2
    assert list(only_summary.pairwise.columns) == list(PAIRWISE_COLUMNS)


def test_within_repeats_the_comparison_for_each_value():
    table = pd.DataFrame(
        {
            "outlet": ["A"] * 4 + ["B"] * 4,
            "date": pd.to_datetime(["2019-01-01", "2019-06-01", "2020-01-01", "2020-06-01"] * 2),
            "tone_compound": [0.0, 0.2, 0.5, 0.7, -0.4, -0.2, -0.1, 0.1],
        }
    )
    result = compare(table, by="date:Y", within="outlet", n_boot=200)
    assert result.within == "outlet"
    assert list(result.summary.columns) == ["outlet", *COMPARISON_COLUMNS]
    assert result.summary[["outlet", "group", "mean"]].values.tolist() == [
        ["A", "2019", pytest.approx(0.1)],
        ["A", "2020", pytest.approx(0.6)],
        ["B", "2019", pytest.approx(-0.3)],
        ["B", "2020", pytest.approx(0.0)],
    ]
    pw = result.pairwise
    assert pw[["outlet", "group_a", "group_b"]].values.tolist() == [
        ["A", "2020", "2019"],
        ["B", "2020", "2019"],
    ]
    assert pw["difference"].tolist() == pytest.approx([0.5, 0.3])
    np.testing.assert_allclose(pw["p_adjusted"], _adjust(pw["p_value"].to_numpy(), "holm"))
    # Each outlet alone gives the same means and differences.
    alone = compare(table[table["outlet"] == "B"], by="date:Y", n_boot=200)
    assert alone.pairwise["difference"].tolist() == pytest.approx([0.3])
    with pytest.raises(ValueError, match="did you mean 'outlet'"):
        compare(table, by="date:Y", within="outle")


def test_repr_and_html_describe_the_settings():
    result = compare(_events(), paired_by="event_id")
    assert "paired by event_id" in repr(result)
    assert "95% bootstrap" in repr(result) and "holm" in repr(result)
    html = result._repr_html_()
    assert "<table" in html and "sign_flip" in html


# ------------------------------------------------------------------------- source shares


def _attributions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a2", "a3", "a3"],
            "speaker_role": ["official", "official", "expert", "spokesperson", "citizen", None],
            "anonymous": [True, False, False, False, False, False],
        }
    )


def test_source_shares_are_exclusive_and_sum_to_one():
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["X", "Y", "Y"]})
    shares = source_shares(_attributions(), articles=articles)
    assert list(shares.columns) == ["group", "category", "count", "share", "total"]
    x = shares[shares["group"] == "X"].set_index("category")
    assert x["count"].to_dict() == {
        "spokespeople": 0,
        "officials": 1,
        "politicians": 0,
        "experts": 1,
        "anonymous": 1,
        "other": 0,
    }
    assert x["category"].tolist() if "category" in x else list(x.index) == list(SOURCE_CATEGORIES)
    y = shares[shares["group"] == "Y"].set_index("category")
    assert y.loc["spokespeople", "share"] == pytest.approx(1 / 3)
    assert y.loc["other", "count"] == 2
    assert shares.groupby("group")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_source_shares_needs_the_group():
    with pytest.raises(ValueError, match="pass articles="):
        source_shares(_attributions())


# ------------------------------------------------------------------------- voices


TEXT_1 = (
    'The mayor said the plan was "a terrible, horrible disaster". '
    "The new park is lovely and the children are happy."
)
TEXT_2 = "Officials opened a wonderful new library on Monday. Everyone enjoyed it."


def _voice_inputs() -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = pd.DataFrame(
        {
            "article_id": ["q", "n"],
            "outlet": ["X", "Y"],
            "text": [TEXT_1, TEXT_2],
            "title": ["t", "t"],
        }
    )
    start = TEXT_1.index("a terrible")
    end = TEXT_1.index('disaster"') + len("disaster")
    attributions = pd.DataFrame(
        {
            "article_id": ["q", "q"],
            "kind": ["direct", "indirect"],
            "start": [start, 0],
            "end": [end, 20],
            "fragments": [[(start, end)], [(0, 20)]],
        }
    )
    return articles, attributions


def test_voices_separates_quoted_from_own_text():
    articles, attributions = _voice_inputs()
    with pytest.warns(UserWarning, match="1 of 2 articles have no quoted text"):
        result = voices(articles, attributions, n_boot=200)
    rows = result.per_article.set_index("article_id")
    quoted_chars = len("aterrible,horribledisaster")
    assert rows.loc["q", "quoted_chars"] == quoted_chars
    assert rows.loc["q", "own_chars"] == len("".join(TEXT_1.split())) - quoted_chars
    assert rows.loc["q", "quoted_tone"] < -0.5  # "terrible, horrible disaster"
    assert rows.loc["q", "own_tone"] > 0  # "lovely", "happy" outweigh a neutral report sentence
    assert rows.loc["q", "voice_gap"] == pytest.approx(
        rows.loc["q", "quoted_tone"] - rows.loc["q", "own_tone"]
    )
    assert (rows.loc["q", "quoted_sentences"], rows.loc["q", "own_sentences"]) == (1, 2)
    # No quotes: NaN, never a silent 0.
    assert math.isnan(rows.loc["n", "quoted_tone"]) and rows.loc["n", "own_tone"] > 0
    assert rows.loc["n", "quoted_text_share"] == 0.0
    summary = result.summary.set_index(["metric", "group"])
    assert summary.loc[("quoted_tone", "X"), "n"] == 1
    assert summary.loc[("quoted_tone", "Y"), "n"] == 0
    assert summary.loc[("own_tone", "Y"), "mean"] == pytest.approx(rows.loc["n", "own_tone"])


def test_voices_does_not_modify_inputs_and_checks_columns():
    articles, attributions = _voice_inputs()
    a0, b0 = articles.copy(), attributions.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        voices(articles, attributions, n_boot=50)
    pd.testing.assert_frame_equal(articles, a0)
    pd.testing.assert_frame_equal(attributions, b0)
    with pytest.raises(ValueError, match="no 'outlt' column.*did you mean 'outlet'"):
        voices(articles, attributions, by="outlt")


# ------------------------------------------------------------------------- BASIL, end to end


@pytest.fixture(scope="module")
def basil(shared_dir):
    """The first 15 BASIL events (45 articles), scored and attributed by the real pipeline."""
    import analysis
    from analysis.corpora import load_corpus

    articles = load_corpus("basil", root=shared_dir / "corpora")
    events = sorted(articles["event_id"].unique())[:15]
    articles = articles[articles["event_id"].isin(events)].reset_index(drop=True)
    scores = analysis.score(articles, progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", UserWarning
        )  # unbalanced quote marks are reported, not errors
        attributions = analysis.extract_attributions(articles)
    return articles, scores, attributions


@pytest.mark.shared
def test_basil_paired_comparison_of_the_three_outlets(basil):
    articles, scores, _ = basil
    table = articles.merge(scores, on="article_id")
    result = compare(
        table,
        metrics=["tone_sentence_mean", "flesch_kincaid_grade"],
        paired_by="event_id",
        n_boot=500,
    )
    assert result.groups == ("Fox News", "HuffPost", "New York Times")
    assert (result.summary["n"] == 15).all()
    assert len(result.pairwise) == 2 * 3
    assert (result.pairwise["n_pairs"] == 15).all()
    assert len(result.differences) == 2 * 3 * 15
    # Each paired difference is the mean of the per-event differences it is drawn from.
    means = result.differences.groupby(["metric", "group_a", "group_b"], sort=False)[
        "difference"
    ].mean()
    np.testing.assert_allclose(means.to_numpy(), result.pairwise["difference"].to_numpy())
    assert (result.pairwise["ci_low"] <= result.pairwise["difference"]).all()
    assert (result.pairwise["difference"] <= result.pairwise["ci_high"]).all()
    assert result.pairwise["p_adjusted"].between(0, 1).all()
    tone = result.summary[result.summary["metric"] == "tone_sentence_mean"]
    assert tone["mean"].between(-1, 1).all()


@pytest.mark.shared
def test_basil_voices_and_source_shares(basil):
    articles, _, attributions = basil
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = voices(articles, attributions, n_boot=300)
    per = result.per_article
    assert (
        len(per) == len(articles) and per["article_id"].tolist() == articles["article_id"].tolist()
    )
    assert per["own_tone"].between(-1, 1).all()
    assert per["quoted_tone"].dropna().between(-1, 1).all()
    assert per["quoted_text_share"].between(0, 1).all()
    # Quoted and own characters together are the article's non-space characters.
    non_space = articles["text"].str.replace(r"\s", "", regex=True).str.len().to_numpy()
    np.testing.assert_array_equal((per["quoted_chars"] + per["own_chars"]).to_numpy(), non_space)
    # Articles with direct or partial quotes have quoted text, and only those.
    quoted_ids = set(
        attributions.loc[attributions["kind"].isin(["direct", "partial"]), "article_id"]
    )
    assert set(per.loc[per["quoted_chars"] > 0, "article_id"]) == quoted_ids
    shares = source_shares(attributions, articles=articles)
    assert shares.groupby("group")["share"].sum().to_numpy() == pytest.approx([1.0, 1.0, 1.0])
    assert shares.groupby("group")["count"].sum().sum() == len(attributions)


# ------------------------------------------------------------------------- properties


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.lists(
        st.one_of(st.floats(-1e6, 1e6, allow_nan=False), st.just(np.nan), st.just(np.inf)),
        min_size=0,
        max_size=30,
    ),
    groups=st.lists(st.sampled_from(["A", "B", "C", None]), min_size=30, max_size=30),
    paired=st.booleans(),
    test=st.sampled_from(["permutation", "mannwhitney"]),
)
def test_compare_properties_on_random_tables(values, groups, paired, test):
    n = len(values)
    table = pd.DataFrame(
        {
            "outlet": pd.array(groups[:n], dtype="string"),
            "event_id": [f"e{i % 5}" for i in range(n)],
            "tone_compound": np.array(values, dtype=float),
        }
    )
    before = table.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = compare(
            table,
            metrics="tone_compound",
            n_boot=30,
            test=test,
            paired_by="event_id" if paired else None,
        )
    pd.testing.assert_frame_equal(table, before)
    finite = table[np.isfinite(table["tone_compound"]) & table["outlet"].notna()]
    expected = finite.groupby("outlet")["tone_compound"].agg(["size", "mean"])
    summary = result.summary.set_index("group")
    for group, row in expected.iterrows():
        assert summary.loc[group, "n"] == row["size"]
        assert summary.loc[group, "mean"] == pytest.approx(row["mean"], rel=1e-9, abs=1e-6)
    pw = result.pairwise.dropna(subset=["p_value"])
    assert pw["p_value"].between(0, 1).all()
    assert (pw["p_adjusted"] >= pw["p_value"] - 1e-15).all()
    assert result.pairwise["effect_size"].dropna().between(-1, 1).all()
    ok = result.summary.dropna(subset=["ci_low"])
    assert (ok["ci_low"] <= ok["ci_high"]).all()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(st.sampled_from("ab .,!?\n\"'“”é"), max_size=80),
    spans=st.lists(st.tuples(st.integers(-5, 90), st.integers(-5, 90)), max_size=4),
)
def test_voices_properties_on_random_spans(text, spans):
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [text]})
    attributions = pd.DataFrame(
        {
            "article_id": ["a"] * len(spans),
            "kind": ["direct"] * len(spans),
            "start": [s for s, _ in spans],
            "end": [e for _, e in spans],
            "fragments": [[(s, e)] for s, e in spans],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        row = voices(articles, attributions, n_boot=20).per_article.iloc[0]
    assert row["quoted_chars"] + row["own_chars"] == len("".join(text.split()))
    for column in ("quoted_tone", "own_tone"):
        assert math.isnan(row[column]) or -1 <= row[column] <= 1
    if row["quoted_chars"] == 0:
        assert math.isnan(row["quoted_tone"])


def test_source_shares_with_numeric_article_ids():
    articles = pd.DataFrame(
        {"article_id": [7, 8], "outlet": ["X", "Y"], "text": ['"No," Ms. Ray said.', "None."]}
    )
    rows = extract_attributions(articles)
    shares = source_shares(rows, articles=articles)
    assert set(shares["group"]) == {"X"}
    assert shares["total"].tolist() == [1] * len(shares)

"""Property tests of attribution on hostile text: offsets, fragments, counts, no raising.

Whatever the text (odd, nested and unbalanced quote marks of every style,
control characters, combining marks, right-to-left text, emoji, huge white
space, empty), ``extract_attributions`` returns the documented columns, every
offset lies inside the text and slices out what the row says it is, and
``count_sources`` gives consistent counts. Neither modifies its input.
"""

from __future__ import annotations

import math
import warnings

import pandas as pd
from _hostile import NEWS, QUOTE_MARKS, file_text, fuzz
from hypothesis import given
from hypothesis import strategies as st

from analysis.attribute import count_sources, extract_attributions, top_speakers
from analysis.schema import ATTRIBUTION_COLUMNS

_KINDS = {"direct", "partial", "indirect"}
_ROLES = {
    "spokesperson",
    "official",
    "politician",
    "expert",
    "journalist",
    "outlet",
    "document",
    "citizen",
    "unknown",
}

#: Quote-heavy text: news sentences with quote marks dropped in anywhere, unbalanced on purpose.
quote_soup = st.lists(
    st.one_of(st.sampled_from(NEWS), st.sampled_from(QUOTE_MARKS), st.sampled_from(QUOTE_MARKS)),
    min_size=1,
    max_size=20,
).map(lambda parts: " ".join(parts))

# Lone surrogates have their own test below (finding 12, fixed): the property tests use
# encodable text so that they check the offsets against the text as given.
_texts = st.one_of(file_text, quote_soup)


def _extract(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_attributions(data)


def _check_rows(rows: pd.DataFrame, texts: dict) -> None:
    assert list(rows.columns) == list(ATTRIBUTION_COLUMNS)
    for row in rows.itertuples(index=False):
        text = texts[row.article_id] if texts.get("__single__") is None else texts["__single__"]
        n = len(text)
        assert row.kind in _KINDS, row.kind
        assert 0 <= row.start <= row.end <= n, (row.start, row.end, n)
        span = text[row.start : row.end]
        fragments = list(row.fragments)
        for start, end in fragments:
            assert row.start <= start < end <= row.end, (start, end, row.start, row.end)
        if row.kind == "direct":
            assert fragments
            assert row.content == " ".join(text[s:e] for s, e in fragments)
        elif row.kind == "indirect":
            assert not fragments
            assert row.content == span
        else:  # partial: the writer's clause holding quoted fragments
            assert fragments
            assert row.content == span
        if not pd.isna(row.cue_start):
            assert 0 <= row.cue_start < row.cue_end <= n
            assert text[row.cue_start : row.cue_end] == row.cue
        if not pd.isna(row.speaker_start):
            assert 0 <= row.speaker_start < row.speaker_end <= n
            assert text[row.speaker_start : row.speaker_end] == row.speaker
            # The speaker is not inside the quoted content.
            for start, end in fragments:
                assert row.speaker_end <= start or row.speaker_start >= end
        assert row.speaker_role in _ROLES or pd.isna(row.speaker_role)
        assert isinstance(row.anonymous, (bool,)) or row.anonymous in (True, False)
        assert row.paragraph >= 0 and row.sentence >= 0


@fuzz(200)
@given(text=_texts)
def test_single_text_offsets_lie_inside_and_slice_out_content(text):
    """For one text: offsets inside the text; content, cue and speaker are what their spans say."""
    rows = _extract(text)
    _check_rows(rows, {"__single__": text})


@st.composite
def article_tables(draw):
    texts = draw(st.lists(st.one_of(file_text, quote_soup), min_size=0, max_size=5))
    return pd.DataFrame(
        {
            "article_id": pd.array([f"a{i}" for i in range(len(texts))], dtype="string"),
            "outlet": pd.array(["X", "Y", "X", "Z", "Y"][: len(texts)], dtype="string"),
            "text": pd.array(texts, dtype="string"),
        }
    )


@fuzz(80)
@given(articles=article_tables())
def test_table_rows_keep_input_and_follow_article_order(articles):
    """On a table: input unchanged, rows ordered by article then start, offsets valid per article."""
    before = articles.copy(deep=True)
    rows = _extract(articles)
    pd.testing.assert_frame_equal(articles, before)
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    _check_rows(rows, texts)
    order = {a: i for i, a in enumerate(articles["article_id"])}
    keys = [(order[a], s) for a, s in zip(rows["article_id"], rows["start"], strict=True)]
    assert keys == sorted(keys)


@fuzz(40)
@given(articles=article_tables())
def test_count_sources_is_consistent(articles):
    """count_sources: kinds add up, counts are non-negative, shares in [0, 1], input unchanged."""
    rows = _extract(articles)
    rows_before = rows.copy(deep=True)
    articles_before = articles.copy(deep=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        per_article = count_sources(rows, articles=articles)
        per_outlet = count_sources(rows, by="outlet", articles=articles)
        speakers = top_speakers(rows, by="outlet", articles=articles)
    pd.testing.assert_frame_equal(rows, rows_before)
    pd.testing.assert_frame_equal(articles, articles_before)
    assert per_article["article_id"].tolist() == articles["article_id"].tolist()
    for table in (per_article, per_outlet):
        assert (
            table["attributions"] == table["direct"] + table["partial"] + table["indirect"]
        ).all()
        for column in (
            "attributions",
            "anonymous",
            "named_speakers",
            "spokespeople",
            "officials",
            "politicians",
            "experts",
        ):
            assert (table[column] >= 0).all(), column
        assert (table["anonymous"] <= table["attributions"]).all()
        for share in table["quoted_share"]:
            assert pd.isna(share) or 0.0 <= share <= 1.0
        for diversity in table["source_diversity"]:
            assert pd.isna(diversity) or (math.isfinite(diversity) and diversity >= 0)
    assert per_article["attributions"].sum() == len(rows)
    assert per_outlet["attributions"].sum() == len(rows)
    assert set(per_outlet["outlet"]) == set(articles["outlet"])
    assert len(speakers) <= 10 * max(1, articles["outlet"].nunique())


@fuzz(30)
@given(
    text=st.sampled_from(NEWS),
    where=st.integers(0, 60),
    surrogate=st.sampled_from(["\ud800", "\udfff"]),
)
def test_lone_surrogates_in_a_single_text_do_not_crash(text, where, surrogate):
    """A single text holding a lone surrogate gives rows (surrogates shown as U+FFFD), not an error."""
    text = text[:where] + surrogate + text[where:]
    rows = _extract(text)
    visible = text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    _check_rows(rows, {"__single__": visible})


def test_empty_and_one_character_texts_give_no_rows():
    """Empty, one-character and quote-mark-only texts give no attribution and do not raise."""
    for text in ["", " ", '"', "\u201c", "'", "\u00ab", '""', "\u201c\u201d", "\x00"]:
        rows = _extract(text)
        assert rows.empty, text
        assert list(rows.columns) == list(ATTRIBUTION_COLUMNS)

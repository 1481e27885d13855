"""Property tests of the data contract: ``make_article_id`` and ``validate_articles``.

Hostile text (control characters, lone surrogates, combining marks, huge white
space) must still give a stable 16-hex-digit id, and any table, however broken,
must either pass validation unchanged or raise :class:`SchemaError`, never
another exception.
"""

from __future__ import annotations

import copy
import unicodedata

import numpy as np
import pandas as pd
import pytest
from _hostile import fuzz, hostile_text
from hypothesis import assume, given
from hypothesis import strategies as st

from analysis.schema import (
    ARTICLE_COLUMNS,
    DATE_SOURCES,
    SchemaError,
    empty_articles,
    make_article_id,
    validate_articles,
)

_field = st.one_of(hostile_text, st.none(), st.just(float("nan")), st.integers(), st.floats())


@fuzz(150)
@given(outlet=_field, title=_field, text=_field)
def test_article_id_is_16_hex_digits_and_stable(outlet, title, text):
    """Any field values (None, NaN, numbers, hostile text) give 16 lower-case hex digits, every time."""
    first = make_article_id(outlet=outlet, title=title, text=text)
    assert len(first) == 16 and set(first) <= set("0123456789abcdef")
    assert make_article_id(outlet=outlet, title=title, text=text) == first


@fuzz(100)
@given(
    outlet=hostile_text,
    title=hostile_text,
    text=hostile_text,
    pad=st.sampled_from(["", " ", "\n\t ", "\u3000"]),
)
def test_article_id_ignores_outer_space_and_normal_form(outlet, title, text, pad):
    """The id depends on content only: outer white space and Unicode normal form do not change it."""
    base = make_article_id(outlet=outlet, title=title, text=text)
    padded = make_article_id(outlet=pad + outlet + pad, title=title + pad, text=pad + text)
    assert padded == base
    decomposed = make_article_id(
        outlet=unicodedata.normalize("NFD", outlet),
        title=unicodedata.normalize("NFD", title),
        text=unicodedata.normalize("NFD", text),
    )
    assert decomposed == base


def _norm(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


@st.composite
def _article_pairs(draw):
    """Two (outlet, title, text) triples; half the time the second regroups the first's pieces."""
    a = draw(st.tuples(hostile_text, hostile_text, hostile_text))
    if draw(st.booleans()):
        return a, draw(st.tuples(hostile_text, hostile_text, hostile_text))
    # Same characters, field boundaries moved: only a separator inside a field can make these
    # collide, so put a control character (\x1f, the unit separator, among them) inside one field.
    control = draw(st.sampled_from(["\x1f", "\x1e", "\x00", "\x1d"]))
    where = draw(st.integers(0, 2))
    a = tuple(f + control + f if i == where else f for i, f in enumerate(a))
    pieces = "\x1f".join(a).split("\x1f")
    cut1 = draw(st.integers(1, len(pieces) - 2)) if len(pieces) > 3 else 1
    cut2 = draw(st.integers(cut1 + 1, len(pieces) - 1)) if len(pieces) > 3 else 2
    b = ("\x1f".join(pieces[:cut1]), "\x1f".join(pieces[cut1:cut2]), "\x1f".join(pieces[cut2:]))
    return a, b


@fuzz(200)
@given(pair=_article_pairs())
def test_different_content_gives_different_ids(pair):
    """Two articles whose normalised outlet, title or text differ get different ids."""
    a, b = pair
    assume(tuple(map(_norm, a)) != tuple(map(_norm, b)))
    id_a = make_article_id(outlet=a[0], title=a[1], text=a[2])
    id_b = make_article_id(outlet=b[0], title=b[1], text=b[2])
    assert id_a != id_b


def test_separator_in_a_field_does_not_collide():
    """The hand-made collision behind finding 1, kept as a plain example."""
    assert make_article_id(outlet="a\x1fb", title="c", text="t") != make_article_id(
        outlet="a", title="b\x1fc", text="t"
    )


# ----------------------------------------------------------------------------------------------
# validate_articles
# ----------------------------------------------------------------------------------------------

_cell = st.one_of(
    hostile_text,
    st.none(),
    st.just(np.nan),
    st.just(pd.NA),
    st.just(pd.NaT),
    st.integers(-5, 5),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.sampled_from(list(DATE_SOURCES)),
)


@st.composite
def broken_tables(draw):
    """A table that looks more or less like an article table: columns dropped, cells replaced."""
    n = draw(st.integers(0, 4))
    ids = draw(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=n, max_size=n))
    data = {
        "article_id": ids,
        "outlet": ["o"] * n,
        "title": ["t"] * n,
        "date": pd.to_datetime(["2024-01-01"] * n),
        "date_source": ["published"] * n,
        "byline": [None] * n,
        "section": [None] * n,
        "url": [None] * n,
        "text": ["body"] * n,
        "word_count": [1] * n,
        "source_path": ["f.txt"] * n,
        "source_format": ["text"] * n,
    }
    table = pd.DataFrame(data)
    for column in draw(st.lists(st.sampled_from(list(ARTICLE_COLUMNS)), max_size=3, unique=True)):
        action = draw(st.sampled_from(["drop", "replace"]))
        if action == "drop":
            table = table.drop(columns=column)
        elif n:
            values = draw(st.lists(_cell, min_size=n, max_size=n))
            table[column] = pd.Series(values, dtype="object")
    return table


def _snapshot(df: pd.DataFrame):
    return copy.deepcopy(df.to_dict("list")), list(df.columns), [str(t) for t in df.dtypes]


def _same(a, b) -> bool:
    # NaN != NaN, so compare the repr of the deep snapshot.
    return repr(a) == repr(b)


@fuzz(100)
@given(table=broken_tables())
def test_validate_raises_only_schema_error_and_never_modifies(table):
    """Any table either passes unchanged (the same object back) or raises SchemaError."""
    before = _snapshot(table)
    try:
        result = validate_articles(table)
    except SchemaError as error:
        assert str(error)
    else:
        assert result is table
    assert _same(_snapshot(table), before)


@pytest.mark.parametrize("thing", [None, [], {}, "articles.csv", 3, pd.Series(dtype="string")])
def test_validate_rejects_non_tables_with_schema_error(thing):
    """Something that is not a DataFrame is refused with SchemaError, naming the type."""
    with pytest.raises(SchemaError, match=type(thing).__name__):
        validate_articles(thing)


def test_empty_table_is_valid():
    """The empty article table is a valid article table."""
    assert validate_articles(empty_articles()).empty

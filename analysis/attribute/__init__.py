"""Source attribution: who is quoted or paraphrased, how, in what role, for which organisation.

Rule-based and model-free: a documented lexicon (``analysis/attribute/lexicons/``)
of reporting verbs, role nouns, titles, outlets and unnamed-source nouns, plus
rules over the article's own text (see ``_extract`` for the order of work). No
model is downloaded and spaCy is never imported.

Public functions
----------------
:func:`extract_attributions`
    One row per attribution (:data:`analysis.schema.ATTRIBUTION_COLUMNS`).
:func:`count_sources`
    Counts per article or outlet.
:func:`top_speakers`
    The most attributed speakers, overall or per outlet.

Example
-------
>>> rows = extract_attributions('"We will win," Sen. Jane Doe said.')
>>> rows.loc[0, ["kind", "speaker", "cue"]].tolist()
['direct', 'Sen. Jane Doe', 'said']
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping

import pandas as pd

from ..schema import ATTRIBUTION_COLUMNS
from ._extract import extract_text
from ._lexicon import ROLES, Lexicon, get_lexicon
from .counts import count_sources, top_speakers

__all__ = [
    "ROLES",
    "Lexicon",
    "count_sources",
    "extract_attributions",
    "get_lexicon",
    "top_speakers",
]


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodes(text: str) -> bool:
    """Whether ``text`` encodes as UTF-8, that is, holds no surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _missing(value: object) -> bool:
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _empty() -> pd.DataFrame:
    return pd.DataFrame({n: pd.Series(dtype=d) for n, (d, _) in ATTRIBUTION_COLUMNS.items()})


def extract_attributions(
    articles: pd.DataFrame | str,
    *,
    lexicon: Lexicon | Mapping[str, object] | None = None,
    progress: bool | Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Find the direct quotes, partial quotes and reported speech of every article.

    Parameters
    ----------
    articles
        The article table (needs ``article_id`` and ``text``), or one text as a
        plain string (its ``article_id`` is then missing).
    lexicon
        ``None`` for the bundled word lists, or a mapping that replaces some of
        them, e.g. ``{"reporting_verbs": ["said", "told"]}``. To extend a list,
        start from ``analysis.attribution_lexicon()`` (the bundled lists, by name;
        described in ``docs/attribution.md``).
    progress
        ``True`` for a tqdm bar, or a callable ``f(done, total)``.

    Returns
    -------
    pandas.DataFrame
        One row per attribution with exactly the columns of
        ``analysis.schema.ATTRIBUTION_COLUMNS``, ordered by article (input order)
        then start offset. ``kind`` is ``direct`` (the content is quotation only;
        ``fragments`` are the quoted pieces, marks included, and ``content`` is
        them joined by one space), ``partial`` (the writer's clause holding a
        quotation; ``fragments`` are the quoted pieces inside it) or ``indirect``
        (reported speech without quotation marks; ``fragments`` is empty). For
        every row ``text[start:end]`` is the content's span. ``speaker_role`` is
        one of spokesperson, official, politician, expert, journalist (a person
        who reports), outlet (a publication), document, citizen or unknown.
        Odd or unbalanced quotation marks never raise: they are counted in one
        warning and in ``result.attrs["unbalanced_quote_marks"]`` (article_id as
        a string, None for a text without one → count).

    Raises
    ------
    ValueError
        When the table lacks ``article_id`` or ``text``.

    Example
    -------
    >>> text = 'Officials said the talks would resume. "It was useful," Ms. Lee told reporters.'
    >>> extract_attributions(text)[["kind", "speaker", "anonymous"]].values.tolist()
    [['indirect', 'Officials', True], ['direct', 'Ms. Lee', False]]
    """
    lex = get_lexicon(lexicon)
    if isinstance(articles, str):
        ids: list[object] = [pd.NA]
        texts: list[object] = [articles]
    elif isinstance(articles, pd.DataFrame):
        missing = [c for c in ("article_id", "text") if c not in articles.columns]
        if missing:
            raise ValueError(
                f"extract_attributions: the article table lacks column(s) {missing}; it needs "
                "'article_id' and 'text' (load it with analysis.load_articles(...))"
            )
        ids = articles["article_id"].tolist()
        texts = articles["text"].tolist()
    else:
        raise TypeError(
            f"extract_attributions: articles must be the article table (a DataFrame) or a str, "
            f"got {type(articles).__name__}"
        )
    total = len(texts)
    bar = None
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc="attributions", unit="article")
    rows: list[dict] = []
    unbalanced: dict[str | None, int] = {}
    not_text = 0
    for done, (aid, text) in enumerate(zip(ids, texts, strict=True), start=1):
        if isinstance(text, str):
            # The result's Arrow strings cannot hold lone surrogates; one U+FFFD for one
            # surrogate keeps every offset valid. (An ASCII text, known at once, has none; UTF-8
            # encodes every other character, so encoding is a quicker test than the regex.)
            if not text.isascii() and not _encodes(text):
                text = _LONE_SURROGATE.sub("\ufffd", text)
            records, n_bad = extract_text(text, lex)
            if n_bad:
                # Keyed as the result's article_id column shows the id (a string, None
                # when missing), so that attrs stay JSON and to_parquet can write them.
                unbalanced[None if _missing(aid) else str(aid)] = int(n_bad)
            for r in records:
                r["article_id"] = aid
            rows.extend(records)
        else:
            not_text += 1
        if bar is not None:
            bar.update(1)
        elif callable(progress):
            progress(done, total)
    if bar is not None:
        bar.close()
    if not_text:
        warnings.warn(
            f"extract_attributions: {not_text} article(s) had no text (missing or not a string) "
            "and yield no attributions",
            stacklevel=2,
        )
    if unbalanced:
        warnings.warn(
            f"extract_attributions: {sum(unbalanced.values())} unbalanced quotation mark(s) in "
            f"{len(unbalanced)} article(s); an unclosed quotation was taken to end with its paragraph. "
            "See result.attrs['unbalanced_quote_marks']",
            stacklevel=2,
        )
    if not rows:
        out = _empty()
    else:
        # Column by column, each made in its dtype at once (quicker than records, then astype).
        columns = {}
        for name, (dtype, _) in ATTRIBUTION_COLUMNS.items():
            values = [r[name] for r in rows]
            columns[name] = values if dtype == "object" else pd.array(values, dtype=dtype)
        out = pd.DataFrame(columns)
    out.attrs["unbalanced_quote_marks"] = unbalanced
    return out

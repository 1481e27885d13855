"""Score articles: readability (textstat's formulas) and tone (VADER), one row per article.

Two tiers, as everywhere in the package:

* pure functions over one text: :func:`analysis.readability` and :func:`analysis.tone`
  (modules :mod:`analysis.score.readability`, :mod:`analysis.score.tone`);
* table functions over the article table: :func:`score_readability`,
  :func:`score_tone`, :func:`score` (both joined) and :func:`sentence_tone`
  (one row per sentence or paragraph). They add an optional on-disk cache,
  worker processes, a progress bar and Dask support, and never change their input.

The numbers are exactly textstat 0.7.13's and vaderSentiment 3.3.2's (the test
suite checks every text of OneStopEnglish and BASIL), computed once per text in
linear time. :data:`SCORE_COLUMNS` documents every column.

Example
-------
>>> import pandas as pd
>>> from analysis.score import score
>>> articles = pd.DataFrame({"article_id": ["a"], "text": ["The plan worked. Everyone was happy."]})
>>> score(articles)[["article_id", "words", "tone_sentences"]].to_dict("records")
[{'article_id': 'a', 'words': 6, 'tone_sentences': 2}]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from analysis._callable import make_module_callable

from .readability import COUNT_COLUMNS, FORMULA_COLUMNS, READABILITY_COLUMNS
from .tone import TONE_COLUMNS

if TYPE_CHECKING:
    import os

    import dask.dataframe as dd
    import pandas as pd

    Table = pd.DataFrame | dd.DataFrame

__all__ = [
    "READABILITY_COLUMNS",
    "SCORE_COLUMNS",
    "SCORER_VERSION",
    "SENTENCE_TONE_COLUMNS",
    "TONE_COLUMNS",
    "score",
    "score_readability",
    "score_tone",
    "sentence_tone",
]

#: Bumped whenever a change to this package changes any score (invalidates caches).
SCORER_VERSION = "1"  # _table reads it from here

#: Every column of the score table after ``article_id``: name → range, direction, meaning.
SCORE_COLUMNS: Mapping[str, str] = {**FORMULA_COLUMNS, **COUNT_COLUMNS, **TONE_COLUMNS}

#: Columns of :func:`sentence_tone`'s long table.
SENTENCE_TONE_COLUMNS: Mapping[str, str] = {
    "article_id": "the article",
    "paragraph": "0-based paragraph number (paragraphs = non-blank lines)",
    "sentence": "0-based sentence number within the article (<NA> with level='paragraph')",
    "start": "offset of the first character in the article's text",
    "end": "offset one past the last character",
    "text": "the sentence or paragraph, text[start:end]",
    "compound": "VADER compound, -1..1, higher = more positive",
    "pos": "VADER pos, 0..1",
    "neu": "VADER neu, 0..1",
    "neg": "VADER neg, 0..1",
}

_DOC_COMMON = """
    text : str, default "text"
        Name of the column holding the body text.
    cache : str or path-like, optional
        Folder of the on-disk score cache (e.g. ``".analysis-cache"``); ``None``
        (default) caches nothing. Rows are keyed by the text's hash and the scorer
        version (ours and the libraries'), stored as Parquet; safe for several
        processes at once; corrupt files are deleted and rebuilt.
    n_jobs : int, default 1
        Worker processes (``-1`` = every core). Results are identical to the
        serial run and in input order. Ignored for a dask DataFrame (Dask schedules).
    progress : bool, default True
        Show a tqdm progress bar when more than 500 texts need scoring."""


def score_readability(
    articles: Table,
    *,
    metrics: Sequence[str] | str | None = None,
    text: str = "text",
    cache: str | os.PathLike | None = None,
    n_jobs: int = 1,
    progress: bool = True,
) -> Table:
    """Readability of every article: textstat's formulas and counts, one row per article.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        The article table; needs ``article_id`` and the text column. Not modified.
    metrics : list of str, optional
        Columns to return (default: all of :data:`READABILITY_COLUMNS`).
    {common}

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        ``article_id`` then the metrics, same index and order as ``articles``.
        Ranges and directions are in :data:`SCORE_COLUMNS` and
        :func:`analysis.readability`. Formulas are NaN for a text without words
        (one warning counts them); counts are int64.

    Raises
    ------
    TypeError
        If a text is neither a string nor missing (the message names its article_id).
    ValueError
        For an unknown metric or a bad ``n_jobs``.

    Example
    -------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({{"article_id": ["a"], "text": ["The cat sat on the mat. It was happy there."]}})
    >>> score_readability(articles, metrics=["words", "flesch_reading_ease"]).round(1).to_dict("records")
    [{{'article_id': 'a', 'words': 10, 'flesch_reading_ease': 108.7}}]
    """
    from . import _table

    chosen = _table.check_metrics(metrics, READABILITY_COLUMNS)
    return _table.dispatch(
        articles,
        "_score_readability",
        metrics=chosen,
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def score_tone(
    articles: Table,
    *,
    text: str = "text",
    cache: str | os.PathLike | None = None,
    n_jobs: int = 1,
    progress: bool = True,
) -> Table:
    """Tone of every article with VADER: whole text and sentence measures, one row per article.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        The article table; needs ``article_id`` and the text column. Not modified.
    {common}

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        ``article_id`` then :data:`TONE_COLUMNS`, same index and order as
        ``articles``: ``tone_compound/pos/neu/neg`` equal VADER's
        ``polarity_scores(text)``; ``tone_sentence_mean`` and the shares
        (±0.05) summarise the sentences (prefer them: the whole-text compound
        saturates on long texts). A text without words gives NaN (one warning
        counts them) and ``tone_sentences`` 0.

    Raises
    ------
    TypeError
        If a text is neither a string nor missing (the message names its article_id).

    Example
    -------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({{"article_id": ["a"], "text": ["A great success. A terrible loss."]}})
    >>> score_tone(articles)[["tone_sentences", "tone_share_positive"]].to_dict("records")
    [{{'tone_sentences': 2, 'tone_share_positive': 0.5}}]
    """
    from . import _table

    return _table.dispatch(
        articles,
        "_score_tone",
        metrics=list(TONE_COLUMNS),
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def score(
    articles: Table,
    *,
    metrics: Sequence[str] | str | None = None,
    text: str = "text",
    cache: str | os.PathLike | None = None,
    n_jobs: int = 1,
    progress: bool = True,
) -> Table:
    """Readability and tone of every article in one pass: the score table.

    Parameters
    ----------
    articles : pandas.DataFrame or dask.dataframe.DataFrame
        The article table; needs ``article_id`` and the text column. Not modified.
    metrics : list of str, optional
        Columns to return, from :data:`SCORE_COLUMNS` (default: all). Only the
        scorers the chosen columns need are run.
    {common}

    Returns
    -------
    pandas.DataFrame or dask.dataframe.DataFrame
        ``article_id`` then the readability columns then the tone columns (see
        :data:`SCORE_COLUMNS`), one row per article, same index and order as
        ``articles``. One warning counts the articles without words (NaN scores).

    Example
    -------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({{"article_id": ["a"], "text": ["The plan worked. Everyone was happy."]}})
    >>> score(articles)[["words", "tone_sentences"]].to_dict("records")
    [{{'words': 6, 'tone_sentences': 2}}]
    """
    from . import _table

    chosen = _table.check_metrics(metrics, list(SCORE_COLUMNS))
    return _table.dispatch(
        articles,
        "_score_both",
        metrics=chosen,
        text=text,
        cache=cache,
        n_jobs=n_jobs,
        progress=progress,
    )


def sentence_tone(
    articles: pd.DataFrame, *, level: str = "sentence", text: str = "text", progress: bool = True
) -> pd.DataFrame:
    """VADER scores of every sentence (or paragraph) of every article, as a long table.

    Sentences come from the rule-based splitter of :mod:`analysis.score._text`
    (paragraph = non-blank line; a sentence ends at ``.!?`` before a word that
    does not start in lower case, except after abbreviations, initials and
    dotted acronyms). Each row's scores equal
    ``polarity_scores(text[start:end])``.

    Parameters
    ----------
    articles : pandas.DataFrame
        The article table; needs ``article_id`` and the text column. Not modified.
    level : {"sentence", "paragraph"}
        Unit to score.
    text : str, default "text"
        Name of the column holding the body text.
    progress : bool, default True
        Show a progress bar for more than 500 articles.

    Returns
    -------
    pandas.DataFrame
        :data:`SENTENCE_TONE_COLUMNS`, articles in input order, units in text
        order. Articles without words have no rows (one warning counts them).

    Example
    -------
    >>> import pandas as pd
    >>> articles = pd.DataFrame({"article_id": ["a"], "text": ["A great success. A terrible loss."]})
    >>> sentence_tone(articles)[["sentence", "text", "compound"]].values.tolist()
    [[0, 'A great success.', 0.8316], [1, 'A terrible loss.', -0.6597]]
    """
    from . import _table

    return _table.sentence_table(articles, level=level, text=text, progress=progress)


for _function in (score_readability, score_tone, score):
    _function.__doc__ = _function.__doc__.format(common=_DOC_COMMON.strip("\n").lstrip())


make_module_callable(__name__, score)

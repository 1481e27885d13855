"""Corpora by name: ``load_corpus("basil")`` instead of a path.

The research corpora are copyrighted news text redistributed by researchers, so
they are never part of the repository. They live in one folder, one sub-folder
per corpus holding ``articles.jsonl`` and a README (source, licence, citation):

    $ANALYSIS_CORPORA/basil/articles.jsonl
    $ANALYSIS_CORPORA/article_bias_prediction/articles.jsonl
    $ANALYSIS_CORPORA/neus_allsides/articles.jsonl

The folder is, in order: the ``root=`` argument, the ``ANALYSIS_CORPORA``
environment variable (``make`` and CI set it to ``../shared/corpora``), or
``../shared/corpora`` next to the repository when that exists. Two names need no
folder: ``sample`` (the repository's bundled ``data/`` folder) and ``seed`` (the
seed article in ``data/seed/``). Anything else is read as a path.

Importing this module does no I/O.

Example
-------
>>> from analysis.corpora import list_corpora, load_corpus
>>> list_corpora()[["name", "available"]]           # doctest: +SKIP
>>> articles = load_corpus("basil")                  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "CATALOGUE",
    "Corpus",
    "CorpusNotFoundError",
    "corpus_path",
    "list_corpora",
    "load_corpus",
]

ENV_VAR = "ANALYSIS_CORPORA"
_REPO = Path(__file__).resolve().parents[1]
_DATA = _REPO / "data"


class CorpusNotFoundError(FileNotFoundError):
    """A corpus named in the catalogue is not on this machine; the message says how to get it."""


@dataclass(frozen=True)
class Corpus:
    """One entry of the catalogue."""

    name: str
    description: str
    articles: int | None
    licence: str
    source: str
    citation: str
    #: "root": ``<corpora folder>/<name>/articles.jsonl``; "repo": a path inside the repository.
    location: str = "root"
    relative_path: str = "articles.jsonl"


#: The known corpora. Counts and licences are those of the READMEs in ../shared/corpora.
CATALOGUE: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus(
            name="basil",
            description="BASIL: 100 news events (2010–2019), each covered by Fox News, The New York "
            "Times and HuffPost; span-level bias annotations (event_id links the three articles)",
            articles=300,
            licence="none stated; outlets' copyrighted text, research use only",
            source="GitHub launchnlp/BASIL (commit 4fdbc4f)",
            citation="Fan et al. 2019, In Plain Sight: Media Bias Through the Lens of Factual "
            "Reporting, EMNLP-IJCNLP 2019",
        ),
        Corpus(
            name="article_bias_prediction",
            description="Article-Bias-Prediction (AllSides): deterministic sample of 5,000 full "
            "articles, 20 outlets x 250, labelled left/center/right by outlet; 107 topics",
            articles=5000,
            licence="repository Apache-2.0; article text copyrighted, research use only",
            source="GitHub ramybaly/Article-Bias-Prediction (commit ced8111)",
            citation="Baly et al. 2020, We Can Detect Your Bias: Predicting the Political "
            "Ideology of News Articles, EMNLP 2020",
        ),
        Corpus(
            name="neus_allsides",
            description="NeuS / AllSides headline roundups (Apr–Oct 2021): 505 stories, each with a "
            "left-, center- and right-rated outlet's headline and lead (not full articles)",
            articles=1479,
            licence="repository MIT (code); text belongs to AllSides and the outlets, research use only",
            source="GitHub HLTCHKUST/framing-bias-metric (commit 1586f55)",
            citation="Lee et al. 2022, NeuS: Neutral Multi-News Summarization for Mitigating "
            "Framing Bias, NAACL 2022",
        ),
        Corpus(
            name="sample",
            description="the bundled sample: the repository's data/ folder",
            articles=None,
            licence="see data/README.md",
            source="this repository",
            citation="",
            location="repo",
            relative_path="data",
        ),
        Corpus(
            name="seed",
            description="the seed article the project started from",
            articles=1,
            licence="see data/README.md",
            source="this repository",
            citation="",
            location="repo",
            relative_path="data/seed/000_03c80dfc9eda31c5.txt",
        ),
    )
}


def _corpora_root(root: str | os.PathLike[str] | None) -> tuple[Path | None, str]:
    """The corpora folder and where the choice came from."""
    if root is not None:
        return Path(root).expanduser(), "root="
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser(), f"${ENV_VAR}"
    fallback = _REPO.parent / "shared" / "corpora"
    if fallback.is_dir():
        return fallback, "../shared/corpora next to the repository"
    return None, "nowhere"


def corpus_path(name: str, *, root: str | os.PathLike[str] | None = None) -> Path:
    """Return where the catalogue corpus ``name`` is (or would be) on this machine.

    Raises
    ------
    KeyError
        If ``name`` is not in the catalogue.
    CorpusNotFoundError
        If no corpora folder is configured (for corpora that need one).

    Example
    -------
    >>> corpus_path("basil", root="/data/corpora").as_posix()
    '/data/corpora/basil/articles.jsonl'
    """
    entry = CATALOGUE[name]
    if entry.location == "repo":
        return _REPO / entry.relative_path
    folder, _ = _corpora_root(root)
    if folder is None:
        raise CorpusNotFoundError(_how_to_get(entry, None, "nowhere"))
    return folder / entry.name / entry.relative_path


def _how_to_get(entry: Corpus, path: Path | None, origin: str) -> str:
    where = (
        f"it is not at {path} (corpora folder from {origin})"
        if path is not None
        else f"no corpora folder is set (neither root= nor ${ENV_VAR})"
    )
    return (
        f"corpus {entry.name!r} is not available: {where}. Corpora are not shipped with the "
        f"package (copyrighted text). Set the environment variable {ENV_VAR} to the folder that "
        f"holds <name>/articles.jsonl (e.g. export {ENV_VAR}=../shared/corpora), or pass "
        f"root=... . The data come from {entry.source}; the README in that corpus folder says "
        f"how it was converted. Licence: {entry.licence}. Cite: {entry.citation}."
    )


def load_corpus(
    name_or_path: str | os.PathLike[str],
    *,
    root: str | os.PathLike[str] | None = None,
    **load_kwargs: Any,
) -> pd.DataFrame:
    """Load a corpus by catalogue name (``"basil"``) or by path, as an article table.

    Parameters
    ----------
    name_or_path
        A name from :data:`CATALOGUE` (see :func:`list_corpora`) or a file/folder path.
    root
        The corpora folder; default ``$ANALYSIS_CORPORA`` (see the module docs).
    **load_kwargs
        Passed to :func:`analysis.load_articles`.

    Returns
    -------
    pandas.DataFrame
        The article table, extra columns of the corpus (``event_id``, ``topic``) kept;
        ``attrs["corpus"]`` names the corpus.

    Raises
    ------
    CorpusNotFoundError
        A catalogue corpus that is not on this machine (the message says how to get
        it and what to cite), or a name that is neither in the catalogue nor a path
        (with a did-you-mean suggestion).

    Example
    -------
    >>> articles = load_corpus("basil")                        # doctest: +SKIP
    >>> articles.groupby("outlet").size()                      # doctest: +SKIP
    """
    from analysis import load_articles

    key = str(name_or_path)
    if isinstance(name_or_path, str) and key in CATALOGUE:
        entry = CATALOGUE[key]
        path = corpus_path(key, root=root)
        if not path.exists():
            _, origin = _corpora_root(root)
            raise CorpusNotFoundError(_how_to_get(entry, path, origin))
        label = key
    else:
        path = Path(name_or_path).expanduser()
        if not path.exists():
            close = difflib.get_close_matches(key, list(CATALOGUE), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise CorpusNotFoundError(
                f"{key!r} is neither a corpus name nor an existing path{hint}; known corpora: "
                f"{', '.join(CATALOGUE)}. See analysis.corpora.list_corpora()"
            )
        label = path.name
    articles = load_articles(path, **load_kwargs)
    articles.attrs["corpus"] = label
    return articles


def list_corpora(*, root: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Return the catalogue: name, description, articles, licence, path, available.

    ``available`` says whether the file or folder exists on this machine (the only
    I/O: one ``exists`` check per corpus).

    Example
    -------
    >>> list_corpora()["name"].tolist()[:2]
    ['basil', 'article_bias_prediction']
    """
    rows = []
    for entry in CATALOGUE.values():
        try:
            path: Path | None = corpus_path(entry.name, root=root)
        except CorpusNotFoundError:
            path = None
        rows.append(
            {
                "name": entry.name,
                "description": entry.description,
                "articles": entry.articles,
                "licence": entry.licence,
                "path": str(path) if path is not None else None,
                "available": bool(path is not None and path.exists()),
            }
        )
    return pd.DataFrame(rows).astype(
        {
            "name": "string",
            "description": "string",
            "articles": "Int64",
            "licence": "string",
            "path": "string",
        }
    )

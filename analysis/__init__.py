"""Media-analysis toolkit: compare how outlets cover the news, in a few lines of pandas.

The pipeline, one module per step::

    load_articles  →  score (tone, readability)  →  extract_attributions
                   →  compare  →  plot / save_figure / report

Example
-------
>>> import analysis
>>> articles = analysis.load_articles("data/sample")          # doctest: +SKIP
>>> scores = analysis.score(articles)                         # doctest: +SKIP

Importing the package is cheap and does no I/O: each public name is imported
from its module the first time it is used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it. This table *is* the public API.
_PUBLIC: dict[str, str] = {
    # load and clean
    "load_articles": "analysis.load",
    "restore_accounting": "analysis.load",
    "find_duplicates": "analysis.dedupe",
    "remove_boilerplate": "analysis.clean",
    "validate_articles": "analysis.schema",
    "make_article_id": "analysis.schema",
    "SchemaError": "analysis.schema",
    # score
    "readability": "analysis.score.readability",
    "tone": "analysis.score.tone",
    "score_readability": "analysis.score",
    "score_tone": "analysis.score",
    "score": "analysis.score",
    "sentence_tone": "analysis.score",
    # attribute
    "extract_attributions": "analysis.attribute",
    "count_sources": "analysis.attribute",
    "top_speakers": "analysis.attribute",
    "attribution_lexicon": "analysis.attribute._lexicon",
    # compare, plot, report
    "compare": "analysis.compare",
    "voices": "analysis.compare",
    "source_shares": "analysis.compare",
    "plot": "analysis.plot",
    "save_figure": "analysis.figures",
    "report": "analysis.report",
    "load_corpus": "analysis.corpora",
    "list_corpora": "analysis.corpora",
}

__all__ = sorted(_PUBLIC) + ["__version__"]


def __getattr__(name: str) -> Any:
    module_name = _PUBLIC.get(name)
    if module_name is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    module = importlib.import_module(module_name)
    # `analysis.plot` is a module of plotting functions, not a function in it.
    value = (
        module
        if module_name == f"analysis.{name}" and not hasattr(module, name)
        else getattr(module, name)
    )
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

"""The public API listed in analysis/__init__.py: every name resolves, is documented and keeps its call."""

from __future__ import annotations

import inspect
import subprocess
import sys

import pytest

import analysis


@pytest.mark.parametrize("name", [n for n in analysis.__all__ if n != "__version__"])
def test_every_public_name_resolves_and_has_a_docstring(name):
    value = getattr(analysis, name)
    doc = inspect.getdoc(value) or ""
    assert len(doc) > 40, f"analysis.{name} needs a docstring"


@pytest.mark.parametrize("name", ["score", "compare", "report"])
def test_functions_named_like_their_module_stay_callable_after_importing_the_module(name):
    # Importing the submodule first binds the module to the package attribute.
    code = (
        f"import analysis.{name}, analysis; "
        f"print(callable(analysis.{name}), analysis.{name}.__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "True"


def test_public_functions_take_data_first_and_the_rest_by_keyword():
    for name in (
        "load_articles",
        "score",
        "score_tone",
        "score_readability",
        "extract_attributions",
        "count_sources",
        "top_speakers",
        "compare",
        "voices",
        "find_duplicates",
    ):
        params = list(inspect.signature(getattr(analysis, name)).parameters.values())
        assert params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD), name
        rest = [p for p in params[1:] if p.kind not in (p.VAR_KEYWORD,)]
        # voices takes (articles, attributions): two tables, then keywords.
        positional = [p.name for p in rest if p.kind == p.POSITIONAL_OR_KEYWORD]
        assert len(positional) <= 1, f"{name}: {positional} should be keyword-only"


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'scor'"):
        analysis.scor  # noqa: B018

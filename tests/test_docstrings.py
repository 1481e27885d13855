"""The examples in the package's docstrings run and print what they show.

Every module's examples are run with doctest: an example that no longer holds (a renamed
argument, a changed result) fails here rather than misleading a reader.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import warnings

import pytest

import analysis

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(analysis.__path__, "analysis.")
    if not m.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = doctest.testmod(
            module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, report=True
        )
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} fail (see above)"


def test_the_examples_are_found():
    # Every step of the data flow shows its use; a change that hid them from doctest (an
    # example no longer in a docstring) would make the test above pass on nothing.
    found = {name: doctest.DocTestFinder().find(importlib.import_module(name)) for name in MODULES}
    examples = {name: sum(len(t.examples) for t in tests) for name, tests in found.items()}
    assert sum(examples.values()) >= 80
    for name in (
        "analysis.attribute",
        "analysis.attribute._phrases",
        "analysis.attribute._speakers",
    ):
        assert examples[name] > 0, name

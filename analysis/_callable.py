"""Let a public function share its name with the module that defines it.

``analysis.score``, ``analysis.compare`` and ``analysis.report`` are both
modules and the functions the public API promises. Python binds a submodule to
its parent package's attribute when it is first imported, so after
``import analysis.compare`` the name ``analysis.compare`` is the module, and
calling it would fail. Making the module callable keeps ``analysis.compare(...)``
working whichever was imported first.
"""

from __future__ import annotations

import inspect
import sys
import types
from collections.abc import Callable
from typing import Any


class _CallableModule(types.ModuleType):
    """A module whose call is the function of the same name it defines."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__dict__["_module_function"](*args, **kwargs)


def make_module_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Make ``sys.modules[module_name]`` callable as ``function``.

    Example
    -------
    >>> make_module_callable(__name__, compare)    # doctest: +SKIP
    """
    module = sys.modules[module_name]
    module.__dict__["_module_function"] = function
    # help() and inspect.signature() then show the function's parameters, not (*args, **kwargs).
    module.__dict__["__signature__"] = inspect.signature(function)
    module.__class__ = _CallableModule

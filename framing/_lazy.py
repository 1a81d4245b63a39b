"""Package attributes imported on first access (PEP 562).

The estimators, training and evaluation functions need scikit-learn, whose import costs
seconds; scoring does not. Each subpackage therefore lists those names with the module
that holds them, and :func:`lazy_exports` makes the package's ``__getattr__`` and
``__dir__``: ``from framing.stance import TargetStanceClassifier`` imports the module
then, and ``dir()`` and ``__all__`` still list every name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, namespace: dict[str, Any], lazy: Mapping[str, str], exported: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package`` for the names in ``lazy``.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    namespace : dict
        The package's ``globals()``: a name, once imported, is stored there.
    lazy : mapping of str to str
        Name -> relative module holding it (e.g. ``"._classifier"``).
    exported : sequence of str
        The package's ``__all__``.

    Examples
    --------
    >>> ns = {}
    >>> get, names = lazy_exports("framing", ns, {"dedent": "textwrap"}, ["dedent"])
    >>> get("dedent")("  a").strip(), "dedent" in ns, names()
    ('a', True, ['dedent'])
    """

    def __getattr__(name: str) -> Any:
        module = lazy.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exported))

    return __getattr__, __dir__

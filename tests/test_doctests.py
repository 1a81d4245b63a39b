"""Every docstring example in the package runs."""

import doctest
import importlib
import pkgutil

import pytest

import framing

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(framing.__path__, prefix="framing.")
    if m.name != "framing.__main__"  # importing it runs the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"

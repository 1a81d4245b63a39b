"""Scoring with the attribution scorer never imports scikit-learn (or scipy.stats)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import framing.attribution

# A fresh interpreter builds the scorer with its shipped cue model, annotates a short text
# and prints which heavy modules got imported.
_SCRIPT = """
import sys
from framing.attribution import AttributionScorer
from framing.segment import segment

scorer = AttributionScorer()
assert scorer.model is not None, "the shipped cue model is not installed"
text = (
    "The mayor said on Monday that the bridge would reopen in May.\\n\\n"
    "\\u201cWe are nearly done,\\u201d a city engineer told reporters."
)
doc = segment(text, "d")
scorer.annotate([doc])
assert doc.rows["quotes"], "no attribution found"
print(sorted(m for m in ("sklearn", "scipy.stats") if m in sys.modules))
"""


def test_scoring_in_a_fresh_interpreter_imports_no_sklearn():
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_importing_the_package_imports_no_sklearn():
    code = "import sys, framing.attribution; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["CueClassifier", "train_cue_model"])
def test_lazy_names_resolve_and_are_listed(name):
    assert name in framing.attribution.__all__
    assert name in dir(framing.attribution)
    value = getattr(framing.attribution, name)
    assert value.__name__ == name


def test_from_import_of_the_estimator_works():
    from framing.attribution import CueClassifier
    from framing.attribution._model import CueClassifier as direct

    assert CueClassifier is direct


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        framing.attribution.no_such_name  # noqa: B018

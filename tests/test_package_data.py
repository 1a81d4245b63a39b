"""framing._package_data: dependency data files found without importing the package."""

from __future__ import annotations

import subprocess
import sys

import pytest

from framing._package_data import installed_file


def test_finds_a_file_of_an_installed_package() -> None:
    path = installed_file("textblob", "en", "en-sentiment.xml")
    assert path.is_file() and path.parts[-2:] == ("en", "en-sentiment.xml")


def test_finding_a_file_runs_no_code_of_the_package() -> None:
    code = (
        "import sys; from framing._package_data import installed_file; "
        "installed_file('textblob', 'en', 'en-sentiment.xml'); "
        "assert not [m for m in sys.modules if m.startswith(('textblob', 'nltk'))]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_missing_package_is_named() -> None:
    with pytest.raises(ImportError, match="no_such_pkg_xyz"):
        installed_file("no_such_pkg_xyz", "a.txt")


def test_a_missing_file_is_named() -> None:
    with pytest.raises(ImportError, match="nothing/here.txt"):
        installed_file("textblob", "nothing", "here.txt")

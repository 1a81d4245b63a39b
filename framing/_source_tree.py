"""Running from a source checkout without installing the package.

An installed wheel has the lexicon files inside ``framing/lexicons``; in the repository
they live in the top-level ``lexicons/`` folder (mapped by ``pyproject.toml``). When
Python runs in the repository root without an install (or starts worker processes
there), :func:`register_source_lexicons` makes that folder the ``framing.lexicons``
package, so lexicons load the same way.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

__all__ = ["register_source_lexicons"]


def register_source_lexicons() -> None:
    """Register ``../lexicons`` as ``framing.lexicons`` when nothing else provides it."""
    here = Path(__file__).resolve().parent
    if (here / "lexicons").is_dir() or "framing.lexicons" in sys.modules:
        return
    if importlib.util.find_spec("framing.lexicons") is not None:
        return  # an editable install maps it already
    folder = here.parent / "lexicons"
    init = folder / "__init__.py"
    if not init.is_file():
        return
    spec = importlib.util.spec_from_file_location(
        "framing.lexicons", init, submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None:  # pragma: no cover - defensive
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["framing.lexicons"] = module
    spec.loader.exec_module(module)

"""The built-in scorers, in the order they run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ._base import Scorer

__all__ = ["default_scorers", "order_scorers"]


def default_scorers(
    targets: dict[str, list[str]] | None = None,
    actors: dict[str, list[str]] | None = None,
    lexicons: Sequence[Any] | None = None,
) -> list[Scorer]:
    """The built-in scorers configured for one run.

    Parameters
    ----------
    targets : dict, optional
        Target name -> aliases, for stance.
    actors : dict, optional
        Side -> speaker aliases, for attribution balance.
    lexicons : sequence, optional
        Extra lexicon files or objects for the loaded-term scorer.
    """
    from ..attribution import AttributionScorer
    from ..loaded import LoadedScorer
    from .valence import ValenceScorer

    scorers: list[Scorer] = [AttributionScorer(actors), LoadedScorer(lexicons), ValenceScorer()]
    if targets:
        from ..stance import StanceScorer

        scorers.append(StanceScorer(targets))
    return scorers


def order_scorers(scorers: Sequence[Scorer]) -> list[Scorer]:
    """Order scorers so each runs after the scorers it requires.

    Raises
    ------
    ValueError
        When a required scorer is missing or requirements form a cycle.
    """
    by_name = {s.name: s for s in scorers}
    if len(by_name) != len(scorers):
        raise ValueError("two scorers share a name")
    done: list[Scorer] = []
    seen: set[str] = set()
    visiting: set[str] = set()

    def visit(s: Scorer) -> None:
        if s.name in seen:
            return
        if s.name in visiting:
            raise ValueError(f"scorer requirements form a cycle at {s.name!r}")
        visiting.add(s.name)
        for req in s.requires:
            if req not in by_name:
                raise ValueError(f"scorer {s.name!r} requires {req!r}, which is not in the run")
            visit(by_name[req])
        visiting.discard(s.name)
        seen.add(s.name)
        done.append(s)

    for s in scorers:
        visit(s)
    return done

"""Exceptions raised by framing."""

from __future__ import annotations

__all__ = ["FramingError", "InputError"]


class FramingError(Exception):
    """Base class of every error framing raises on purpose."""


class InputError(FramingError, ValueError):
    """An input could not be read or understood (the message names file and line)."""

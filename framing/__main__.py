"""``python -m framing`` runs the command line."""

from .cli import main

main()

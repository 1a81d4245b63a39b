"""Stance toward targets: mentions, lexicon scorer and classifier."""

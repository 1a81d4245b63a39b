"""Lexicons: the Lexicon model, file formats and the matcher."""

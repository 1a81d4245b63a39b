"""Loaded language: loaded-term and scare-quote spans, bias classifier."""

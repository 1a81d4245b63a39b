"""Evaluation on public datasets: readers and metrics."""

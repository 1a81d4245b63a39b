"""Reporting: matplotlib figures and the PDF report."""

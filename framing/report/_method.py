"""The method appendix of the PDF report (our own text)."""

from __future__ import annotations

__all__ = ["METHOD"]

METHOD: list[tuple[str, str]] = [
    (
        "Unit of analysis",
        "Texts are split into paragraphs, sentences and word tokens; every score is first "
        "computed per paragraph (or per attribution, or per target mention) and kept with its "
        "character offsets into the original text, so each highlighted passage in this report "
        "points at the words that produced it.",
    ),
    (
        "Document values",
        "Comparisons use one value per document. Loaded-term density is 100 x loaded terms / "
        "word tokens; bias, valence and balance are means over the document's paragraphs; "
        "stance toward a target is the mean over the paragraphs that mention it (documents that "
        "never mention a target have no value and are left out of that measure); voice shares, "
        "the anonymous share and reporting-verb classes are shares of the document's "
        "attributions. Documents that could not be analysed are listed at the end and left out.",
    ),
    (
        "Intervals",
        "A group's value is the mean of its documents' values. Its 95% interval is a percentile "
        "bootstrap: documents (not paragraphs, which are not independent) are resampled with "
        "replacement within the group, 2000 times by default, with a fixed seed so the report "
        "is reproducible. Voice ratios (attributions to one side per attribution to another) "
        "pool the counts over the group's documents and are bootstrapped the same way.",
    ),
    (
        "Tests and effect sizes",
        "Every pair of groups is compared on every measure with a two-sided Mann-Whitney U test "
        "on the document values (or a permutation test on the difference in means, on "
        "request). p-values are adjusted with the Benjamini-Hochberg procedure within each "
        "family of measures (all stance tests, all loaded-language tests, all verb-class "
        "tests, ...), giving q-values. Effect sizes are Cliff's delta (the probability that a "
        "document of the first group scores higher than one of the second, minus the reverse; "
        "-1 to 1) and Cohen's d (difference in means over the pooled standard deviation). The "
        "interval of a difference comes from the same bootstrap draws.",
    ),
    (
        "Keyness",
        "Terms (loaded terms as written, lower-cased; reporting verbs as written) are compared "
        "between one group and all others with the log-likelihood statistic G2 (Dunning 1993) "
        "on a 2 x 2 table of counts, signed positive when the group uses the term more, and the "
        "log2 ratio of relative frequencies (Hardie 2014; zero counts replaced by 0.5). Loaded "
        "terms are counted against the groups' word tokens, reporting verbs against their "
        "attributions.",
    ),
    (
        "Reading the results",
        "All scores are automatic and lexicon- or model-based: they measure word choice and "
        "whom a text quotes, not intent or accuracy. Small groups give wide intervals; a "
        "difference whose interval includes zero, or whose q-value is above 0.05, is not "
        "established by these data. Check the highlighted articles before quoting a number.",
    ),
]

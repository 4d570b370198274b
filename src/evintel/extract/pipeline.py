"""The rule-based extractor: sentences -> mentions -> coreference -> fact rules."""

from __future__ import annotations

from evintel.models import Article, Fact


class RuleExtractor:
    """Rule and lexicon based extraction over spaCy tokens and the reference KB."""

    name = "rules"

    def extract(self, article: Article) -> list[Fact]:
        """Facts stated by one article."""
        return []

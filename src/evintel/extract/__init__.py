"""Extraction stage: articles in, typed facts with evidence out (see SCHEMA.md)."""

from __future__ import annotations

from functools import lru_cache

from evintel.extract.base import Extractor, extract_many
from evintel.models import Article, Fact

__all__ = ["Extractor", "default_extractor", "extract_article", "extract_many"]


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The rule-based extractor with the packaged KB, built once per process."""
    from evintel.extract.pipeline import RuleExtractor

    return RuleExtractor()


def extract_article(article: Article) -> list[Fact]:
    """Facts of one article with the default extractor."""
    return default_extractor().extract(article)

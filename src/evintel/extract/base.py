"""The extractor interface: articles in, facts out. Every implementation is scored by the same harness."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from evintel.models import Article, ArticleFacts, Fact


@runtime_checkable
class Extractor(Protocol):
    """Anything that turns one article into facts (the rule pipeline, a future LLM-backed one, ...)."""

    name: str

    def extract(self, article: Article) -> list[Fact]:
        """Facts stated by one article, each with evidence offsets into `article.text`."""
        ...


def extract_many(extractor: Extractor, articles: Iterable[Article]) -> Iterator[ArticleFacts]:
    """Run an extractor over many articles, one result per article, in order."""
    for article in articles:
        yield ArticleFacts(article.id, extractor.extract(article))

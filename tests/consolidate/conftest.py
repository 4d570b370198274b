"""Fixtures for consolidation tests: the small KB and a factory of sourced facts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from evintel.consolidate import SourcedFact
from evintel.models import Evidence, Fact
from evintel.resolve.kb import KnowledgeBase

from .factories import small_kb


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The small KB with Rimac Group independent."""
    return small_kb()


Make = Callable[..., SourcedFact]


@pytest.fixture
def make() -> Make:
    """A factory of SourcedFacts: make(type, fields, evidence, article, date=..., group=..., ...)."""
    counter = iter(range(1, 10_000))

    def _make(
        fact_type: str,
        fields: dict[str, Any],
        evidence: str,
        article: str,
        when: date | None = None,
        *,
        group: str | None = None,
        modality: str = "asserted",
        confidence: float = 0.9,
        title: str | None = None,
        start: int = 0,
    ) -> SourcedFact:
        fact = Fact(
            fact_type,
            dict(fields),
            Evidence(evidence, start, start + len(evidence)),
            confidence,
            modality,
            article,
        )
        return SourcedFact(
            fact, article, when, f"https://news.example/{article}", title, group, f"f{next(counter)}"
        )

    return _make

"""product_plan facts (rules being written)."""

from __future__ import annotations

from evintel.extract.context import Discourse, SentenceView
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase


def extract_product_plans(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """product_plan facts stated in one sentence."""
    return []

"""Helpers shared by the ownership test modules: extract a text's ownership facts and compare them as the
scorer does."""

from __future__ import annotations

from typing import Any

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def ownership_of(text: str) -> list[Fact]:
    """The ownership facts extracted from one text."""
    return [f for f in extract_article(Article("t", text)) if f.type == "ownership"]


def links(text: str) -> set[tuple[str, str, Any]]:
    """(parent, child, stake) as the scorer compares names."""
    return {
        (normalize_entity(f.fields["parent"]), normalize_entity(f.fields["child"]), f.fields["stake_pct"])
        for f in ownership_of(text)
    }


def link(parent: str, child: str, stake: Any) -> tuple[str, str, Any]:
    """An expected (parent, child, stake) with names normalised like `links`."""
    return (normalize_entity(parent), normalize_entity(child), stake)

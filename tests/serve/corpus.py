"""A small hand-written news corpus with hand-made facts, so serve tests do not depend on extraction quality."""

from __future__ import annotations

from datetime import date
from typing import Any

from evintel.models import Article, Evidence, Fact

HOSTILE = "<script>alert(1)</script>"

# (article, [(evidence sentence, fact type, fields)]): each sentence appears verbatim in the article text.
_CORPUS: list[tuple[Article, list[tuple[str, str, dict[str, Any]]]]] = [
    (
        Article(
            id="web01",
            date=date(2024, 4, 9),
            title="BMW Group lifts battery-electric deliveries in the opening quarter",
            url="https://example.test/bmw-q1",
            text=(
                "Munich, April 9. The BMW Group said it handed over 82,700 fully electric cars between January "
                "and March, a third more than a year earlier.\n\n"
                "Plug-in hybrids added 41,250 units in the same three months.\n\n"
                "The Mini brand delivered 9,870 battery-electric cars in the quarter, helped by the new Cooper E."
            ),
        ),
        [
            (
                "The BMW Group said it handed over 82,700 fully electric cars between January and March, a third "
                "more than a year earlier.",
                "sales",
                {
                    "org": "BMW Group",
                    "quantity": 82700,
                    "powertrain": "BEV",
                    "period": "2024-Q1",
                    "market": None,
                    "metric": "sales",
                },
            ),
            (
                "Plug-in hybrids added 41,250 units in the same three months.",
                "sales",
                {
                    "org": "BMW Group",
                    "quantity": 41250,
                    "powertrain": "PHEV",
                    "period": "2024-Q1",
                    "market": None,
                    "metric": "sales",
                },
            ),
            (
                "The Mini brand delivered 9,870 battery-electric cars in the quarter, helped by the new Cooper E.",
                "sales",
                {
                    "org": "Mini",
                    "quantity": 9870,
                    "powertrain": "BEV",
                    "period": "2024-Q1",
                    "market": None,
                    "metric": "sales",
                },
            ),
        ],
    ),
    (
        Article(
            id="web02",
            date=date(2024, 7, 10),
            title="Second-quarter electric deliveries rise at BMW",
            url="https://example.test/bmw-q2",
            text=(
                "The BMW Group delivered 87,461 battery-electric vehicles from April to June. "
                "Rimac Technology will supply high-voltage battery packs to the BMW Group for a future model, "
                "the Croatian company confirmed."
            ),
        ),
        [
            (
                "The BMW Group delivered 87,461 battery-electric vehicles from April to June.",
                "sales",
                {
                    "org": "BMW Group",
                    "quantity": 87461,
                    "powertrain": "BEV",
                    "period": "2024-Q2",
                    "market": None,
                    "metric": "sales",
                },
            ),
            (
                "Rimac Technology will supply high-voltage battery packs to the BMW Group for a future model, "
                "the Croatian company confirmed.",
                "supply",
                {"supplier": "Rimac Technology", "customer": "BMW Group", "items": ["battery packs"]},
            ),
        ],
    ),
    (
        Article(
            id="web03",
            date=date(2024, 5, 2),
            title="Partners: BMW and Mercedes to share charging network",
            url="javascript:alert(2)",
            text=(
                f"Analysts wrote {HOSTILE} in a note, and <b>bold</b> claims followed. "
                "The BMW Group and the Mercedes-Benz Group signed a joint venture for fast-charging stations "
                "in Europe. Separately, the BMW Group counted 91,300 electric deliveries in the first quarter "
                "of 2024, according to a dealer survey."
            ),
        ),
        [
            (
                "The BMW Group and the Mercedes-Benz Group signed a joint venture for fast-charging stations in "
                "Europe.",
                "partnership",
                {
                    "parties": ["BMW Group", "Mercedes-Benz Group"],
                    "kind": "joint_venture",
                    "scope": "fast-charging stations",
                    "status": "signed",
                },
            ),
            (
                f"Analysts wrote {HOSTILE} in a note, and <b>bold</b> claims followed.",
                "partnership",
                {
                    "parties": ["BMW Group", "Nissan Motor"],
                    "kind": "alliance",
                    "scope": HOSTILE,
                    "status": "talks",
                },
            ),
            (
                "Separately, the BMW Group counted 91,300 electric deliveries in the first quarter of 2024, "
                "according to a dealer survey.",
                "sales",
                {
                    "org": "BMW Group",
                    "quantity": 91300,
                    "powertrain": "BEV",
                    "period": "2024-Q1",
                    "market": None,
                    "metric": "sales",
                },
            ),
        ],
    ),
]


def articles() -> list[Article]:
    """The corpus articles."""
    return [article for article, _ in _CORPUS]


def _facts_for(article: Article) -> list[Fact]:
    for candidate, specs in _CORPUS:
        if candidate.id == article.id or candidate.text == article.text:
            found = []
            for sentence, fact_type, fields in specs:
                start = article.text.index(sentence)
                found.append(
                    Fact(
                        type=fact_type,
                        fields=dict(fields),
                        evidence=Evidence(sentence, start, start + len(sentence)),
                        confidence=0.9,
                        article_id=article.id,
                    )
                )
            return found
    return []


def extract(article: Article) -> list[Fact]:
    """The hand-made facts of a corpus article (an unknown article has none)."""
    return _facts_for(article)


def fact_count() -> int:
    """How many statements the corpus holds."""
    return sum(len(specs) for _, specs in _CORPUS)

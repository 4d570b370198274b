"""Test helpers for the store, query and CLI suites: article builders and a scripted extractor.

The scripted extractor reads a few fixed sentence shapes written for these tests, so store behaviour can be
tested without depending on the rule-based extractor:

    "<Org> delivered 82,700 BEV in 2024-Q1."       -> sales (metric sales, worldwide)
    "<Parent> owns <Child>."                       -> ownership
    "<A> and <B> agreed a partnership."            -> partnership (signed)
    "<Supplier> supplies batteries to <Customer>." -> supply
"""

from __future__ import annotations

import re
from datetime import date

from evintel.models import Article, Evidence, Fact

_NAME = r"[A-Z][\w&\-]*(?: [A-Z][\w&\-]*)*"
_PATTERNS = [
    (
        re.compile(
            rf"(?P<org>{_NAME}) delivered (?P<q>[\d,]+) (?P<pt>BEV|PHEV|HEV) in (?P<period>\d{{4}}(?:-[QH]\d)?)\."
        ),
        "sales",
    ),
    (re.compile(rf"(?P<parent>{_NAME}) owns (?P<child>{_NAME})\."), "ownership"),
    (re.compile(rf"(?P<a>{_NAME}) and (?P<b>{_NAME}) agreed a partnership\."), "partnership"),
    (re.compile(rf"(?P<supplier>{_NAME}) supplies batteries to (?P<customer>{_NAME})\."), "supply"),
]


def scripted_extract(article: Article) -> list[Fact]:
    """Facts of the fixed test sentence shapes, with exact evidence offsets."""
    found: list[Fact] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(article.text):
            if kind == "sales":
                fields = {
                    "org": m["org"],
                    "quantity": int(m["q"].replace(",", "")),
                    "powertrain": m["pt"],
                    "period": m["period"],
                    "market": None,
                    "metric": "sales",
                }
            elif kind == "ownership":
                fields = {"parent": m["parent"], "child": m["child"], "stake_pct": None}
            elif kind == "partnership":
                fields = {"parties": [m["a"], m["b"]], "kind": "alliance", "scope": None, "status": "signed"}
            else:
                fields = {"supplier": m["supplier"], "customer": m["customer"], "items": ["batteries"]}
            found.append(
                Fact(kind, fields, Evidence(m.group(0), m.start(), m.end()), 0.9, "asserted", article.id)
            )
    found.sort(key=lambda f: f.evidence.start)
    return found


def failing_extract(article: Article) -> list[Fact]:
    """Like scripted_extract, but fails on articles whose text contains 'EXPLODE'."""
    if "EXPLODE" in article.text:
        raise ValueError("scripted failure")
    return scripted_extract(article)


FILLER = (
    "Analysts in Frankfurt and Shanghai said the market for electric cars kept changing quickly this year, "
    "with new models, price cuts and subsidy changes shaping demand across regions. Dealers reported longer "
    "waiting lists for compact models, while fleet buyers held back orders until the tax rules for company "
    "cars are settled. Charging networks along the main motorways grew by several hundred points, and two "
    "utilities announced plans to add fast chargers at supermarkets before the summer holidays begin."
)


def article(article_id: str, body: str, day: str | None = "2024-04-10", **extra: str) -> Article:
    """An article whose text is `body` and a closing line naming the article."""
    text = f"{body}\n\nReported under reference {article_id}."
    return Article(
        article_id,
        text,
        date.fromisoformat(day) if day else None,
        extra.get("title"),
        extra.get("url"),
        extra.get("source"),
    )


def many_articles(count: int, prefix: str = "n") -> list[Article]:
    """`count` distinct articles, each with one sales sentence (mostly of its own maker), worded apart."""
    orgs = ["BMW Group", "Mercedes-Benz Group", "Volkswagen Group", "Renault Group", "Stellantis"]
    found = []
    for i in range(count):
        body = (
            f"{orgs[i % len(orgs)] if i % 100 == 0 else f'Maker{i} Motors'} delivered {1000 + i * 7} BEV "
            f"in {2020 + i % 5}-Q{1 + i % 4}. "
            f"Story number {i} covers plant {i * 13 % 97}, dealer {i * 31 % 89} and launch {i * 17 % 83} "
            f"with unique words alpha{i} beta{i} gamma{i} delta{i} epsilon{i} zeta{i} eta{i} theta{i}."
        )
        found.append(Article(f"{prefix}{i:05d}", body, date(2024, 1 + i % 12, 1 + i % 28), f"Story {i}"))
    return found


def small_kb():  # type: ignore[no-untyped-def]
    """The small KB of tests/store/kb.yaml."""
    from pathlib import Path

    from evintel.resolve.kb import read_kb_files

    return read_kb_files([Path(__file__).parent / "store" / "kb.yaml"])


# A small corpus for the query tests: group and brand figures, a disagreement, relations, a KB contradiction.
CORPUS = [
    ("q1", "2024-04-09", "BMW Group delivered 82,700 BEV in 2024-Q1. Mini delivered 9,100 BEV in 2024-Q1."),
    ("q2", "2024-04-15", "A second report is out. BMW Group delivered 83,700 BEV in 2024-Q1. Demand held."),
    (
        "q3",
        "2023-10-12",
        "BMW Group delivered 94,000 BEV in 2023-Q3. Northvolt supplies batteries to BMW Group.",
    ),
    (
        "q4",
        "2022-07-20",
        "BMW Group delivered 35,300 BEV in 2022-Q2. BMW Group delivered 51,000 PHEV in 2022-Q2.",
    ),
    (
        "q5",
        "2024-02-01",
        "Nissan and Renault agreed a partnership. Northvolt supplies batteries to Volkswagen Group.",
    ),
    ("q6", "2024-03-03", "Volkswagen Group owns Rimac. Porsche delivered 9,000 BEV in 2023."),
    (
        "q7",
        "2024-05-05",
        "Acme Cells supplies batteries to Mercedes-Benz Group. Mercedes-Benz Group delivered 47,500 BEV in 2024-Q1.",
    ),
]


def corpus_articles() -> list[Article]:
    """The query-test corpus as articles."""
    return [
        article(i, body, day, title=f"Title of {i}", url=f"https://news.example/{i}")
        for i, day, body in CORPUS
    ]

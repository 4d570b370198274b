"""Public bodies: governments, states, provinces and ministries as organisation mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.extract.mentions import annotate
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase, read_kb_files

KB_PATH = Path(__file__).parent.parent / "resolve" / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


def _bodies(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str]]:
    doc = annotate(Article("t", text), kb)
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text
    return [
        (m.text, m.entity, m.via)
        for m in doc.mentions
        if m.via == "government" or m.text.lower().startswith("the ")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Portuguese government will provide a grant.",
            [("The Portuguese government", "Portuguese government", "government")],
        ),
        (
            "A loan came from the Slovak government on Monday.",
            [("the Slovak government", "Slovak government", "government")],
        ),
        (
            "The Maharashtra government approved a subsidy.",
            [("The Maharashtra government", "Maharashtra government", "government")],
        ),
        (
            "The Canadian federal government promised support.",
            [("The Canadian federal government", "Canadian government", "government")],
        ),
        ("Spain's government welcomed it.", [("Spain's government", "Spanish government", "government")]),
        (
            "The state of Georgia approved a grant of $185 million.",
            [("The state of Georgia", "State of Georgia", "government")],
        ),
        (
            "The province of Ontario will add 500 million.",
            [("The province of Ontario", "Province of Ontario", "government")],
        ),
        (
            "The German state of Lower Saxony holds 20 percent.",
            [("The German state of Lower Saxony", "State of Lower Saxony", "government")],
        ),
        (
            "Italy's industry ministry said it would help.",
            [("Italy's industry ministry", "Italian industry ministry", "government")],
        ),
        (
            "Funds came from the state of New Mexico and BMW.",
            [("the state of New Mexico", "State of New Mexico", "government")],
        ),
        # places, not bodies
        ("The plant is in the state of Georgia.", []),
        ("Prices rose in the province of Quebec.", []),
        ("The government said nothing.", []),
    ],
)
def test_find_bodies(kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _bodies(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Dutch government backs the plan. Costs rose. The government will pay half.",
            "Dutch government",
        ),
        (
            "BYD will build a plant in Hungary. The government will pay EUR 100 million.",
            "Hungarian government",
        ),
        (
            "Gotion chose Slovakia for the plant. The economy ministry said it welcomed it.",
            "Slovak government",
        ),
    ],
)
def test_find_bodies_bare_government_follows_recent_country(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    bare = [
        m
        for m in annotate(Article("t", text), kb).mentions
        if m.text.lower().startswith("the ") and m.via == "coref"
    ]
    assert [m.entity for m in bare] == [expected]


def test_find_bodies_bare_government_too_far_back(kb: KnowledgeBase) -> None:
    text = "Tesla sold cars in Norway. Prices fell. Costs rose. Margins fell. The government cut taxes."
    assert [m for m in annotate(Article("t", text), kb).mentions if m.text == "The government"] == []


def test_descriptor_never_resolves_to_a_government(kb: KnowledgeBase) -> None:
    text = "Tesla sold cars. The Portuguese government will pay. The company will build a plant."
    mentions = annotate(Article("t", text), kb).mentions
    assert [m.entity for m in mentions if m.text == "The company"] == ["Tesla"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spain's Ministry of Industry granted an aid to the plant.",
            [("Spain's Ministry of Industry", "Spanish industry ministry", "government")],
        ),
        (
            "The French Ministry of the Economy approved the loan.",
            [("The French Ministry of the Economy", "French economy ministry", "government")],
        ),
        (
            "The plant is in Spain. The Ministry of Industry granted it an aid.",
            [("The Ministry of Industry", "Spanish government", "coref")],
        ),
    ],
)
def test_find_bodies_ministry_of_a_topic(kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _bodies(kb, text) == expected

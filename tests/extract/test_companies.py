"""Companies the KB does not know: finance and holding names, place-led funds, parents in compounds, families."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.extract.companies import find_families
from evintel.extract.document import Document
from evintel.extract.mentions import find_mentions
from evintel.extract.sentences import split_sentences
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase, read_kb_files

KB_PATH = Path(__file__).parent.parent / "resolve" / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


def _named(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str]]:
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    mentions = find_mentions(doc, kb)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.entity, m.via) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The round was led by Corvale Capital last year.",
            [("Corvale Capital", "Corvale Capital", "pattern")],
        ),
        ("Tarsk Invest owns 40 percent of the maker.", [("Tarsk Invest", "Tarsk Invest", "pattern")]),
        (
            "Money came from Ostrava Partners and others.",
            [("Ostrava Partners", "Ostrava Partners", "pattern")],
        ),
        ("A stake went to Quenby Holdings in May.", [("Quenby Holdings", "Quenby Holdings", "pattern")]),
        (
            "Its parent Lundqvist Beteiligungs-GmbH agreed.",
            [("Lundqvist Beteiligungs-GmbH", "Lundqvist Beteiligungs-GmbH", "pattern")],
        ),
        ("The fund Fondo Meridia holds 20 percent.", [("Fondo Meridia", "Fondo Meridia", "pattern")]),
        (
            "Orders rose at Varnholt Elektronik this year.",
            [("Varnholt Elektronik", "Varnholt Elektronik", "pattern")],
        ),
        # the name runs to its last head word
        (
            "Cash came from the Taiyuan Industrial Guidance Fund in June.",
            [("Taiyuan Industrial Guidance Fund", "Taiyuan Industrial Guidance Fund", "pattern")],
        ),
        # a place word and finance heads make a name of their own
        (
            "The Wuxi Industrial Investment Fund holds 15 percent.",
            [("Wuxi Industrial Investment Fund", "Wuxi Industrial Investment Fund", "pattern")],
        ),
        (
            "The state-owned Norwegian Minerals Group joined the round.",
            [("Norwegian Minerals Group", "Norwegian Minerals Group", "pattern")],
        ),
        # a name after "by" is not a person
        (
            "The maker is 30 percent owned by Halvard Industrial, a family-run group.",
            [("Halvard Industrial", "Halvard Industrial", "pattern")],
        ),
        # roles: "private-equity firm", "trading house", "utility"
        ("They sold it to private-equity firm Brackwater.", [("Brackwater", "Brackwater", "pattern")]),
        (
            "Its partner is the regional utility Moravska Energie.",
            [("Moravska Energie", "Moravska Energie", "pattern")],
        ),
    ],
)
def test_find_mentions_finance_names(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _named(kb, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Lindqvist-daughter Sorvent won the order.",
            [("Lindqvist", "Lindqvist", "pattern"), ("Sorvent", "Sorvent", "pattern")],
        ),
        (
            "The Volkswagen battery-daughter Ionvolt will supply cells.",
            [("Volkswagen", "Volkswagen Group", "kb"), ("Ionvolt", "Ionvolt", "pattern")],
        ),
        ("The order came from the Marceau group on Monday.", [("Marceau", "Marceau", "pattern")]),
    ],
)
def test_find_mentions_parent_compounds(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _named(kb, text) == expected


def test_find_mentions_compound_parent_links_to_full_name(kb: KnowledgeBase) -> None:
    text = "Lindqvist Elektronik owns most of it. The Lindqvist-daughter Sorvent grew."
    assert _named(kb, text) == [
        ("Lindqvist Elektronik", "Lindqvist Elektronik", "pattern"),
        ("Lindqvist", "Lindqvist Elektronik", "pattern"),
        ("Sorvent", "Sorvent", "pattern"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Wallberg family owns 38 percent.", [("Wallberg family", "Wallberg family")]),
        ("The founding Ostrander family keeps 30 percent.", [("Ostrander family", "Ostrander family")]),
        ("The founder family Bellucci keeps 55% of the capital.", [("Bellucci", "Bellucci family")]),
        (
            "It is held by the Marr and Quist families.",
            [("Marr and Quist families", "Marr and Quist families")],
        ),
        ("Nio launched a family brand.", []),
        ("The German family of engines is new.", []),
    ],
)
def test_find_families(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.entity) for m in find_families(text, [])] == expected


def test_find_mentions_family_replaces_kb_name(kb: KnowledgeBase) -> None:
    assert _named(kb, "The Porsche family controls the holding.") == [
        ("Porsche family", "Porsche family", "family")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sales in the United States rose 4 percent.",
        "The Franco-Italian-American group paid EUR 1.5 billion.",
        "Prices in Lower Saxony and Ontario fell.",
        "In Munich, the Munich-based group said so.",
        "Energy Minister Lena Stahl visited the plant.",
        "Capital spending rose last year.",
    ],
)
def test_find_mentions_places_and_words_are_not_companies(kb: KnowledgeBase, text: str) -> None:
    assert _named(kb, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ganfeng will buy the output of Puna Salares Lithium's planned plant.", "Puna Salares Lithium"),
        ("The deal covers Kivi Nickel Oy's refinery in Kokkola.", "Kivi Nickel"),
        ("Analysts praised Moravia Cells' plan and Tejo Cell Industries's funding.", "Tejo Cell Industries"),
    ],
)
def test_find_mentions_possessive_ends_a_name(kb: KnowledgeBase, text: str, name: str) -> None:
    assert name in [entity for _, entity, _ in _named(kb, text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kestrel, a joint venture between BMW and Vantor Aluminium, opened a plant.", "Vantor Aluminium"),
        ("Tesla has teamed up with Toyota and Brightwell Dynamics on cells.", "Brightwell Dynamics"),
        ("The deal between Nissan, Halvard Mobility and Honda was signed.", "Halvard Mobility"),
        ("Cells are supplied by BYD and Orlen Cellworks.", "Orlen Cellworks"),
    ],
)
def test_find_mentions_name_listed_beside_a_known_partner_is_a_company(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert (name, name, "pattern") in _named(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "A venture between JSW and China's SAIC Motor was formed.",
        "Tesla and Elon Musk denied the report.",
        "BMW and Munich officials met on Monday.",
        "The plant between Toyota and Aichi Prefecture roads opened.",
    ],
)
def test_find_mentions_listed_possessives_persons_and_places_are_not_companies(
    kb: KnowledgeBase, text: str
) -> None:
    assert [n for n, _e, via in _named(kb, text) if via == "pattern"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Berlin start-up Voltwerk agreed a cooperation with Bosch.", "Voltwerk"),
        ("A car-maker Quarnet announced the recall.", "Quarnet"),
        ("Zelvo, a wholly owned subsidiary of Siemens, opened a depot.", "Zelvo"),
        ("Tavira, the battery unit of Iberdrola, signed the lease.", "Tavira"),
        ("The round was led by Kestrova, with participation from Ambrell.", "Kestrova"),
        ("The round was led by Kestrova, with participation from Ambrell.", "Ambrell"),
        ("Scania renewed its contract with Welmor for two more years.", "Welmor"),
        ("BMW signed an agreement with Corvath to buy cathodes.", "Corvath"),
    ],
)
def test_find_mentions_role_apposition_and_deal_cues_mark_an_unknown_company(
    kb: KnowledgeBase, text: str, name: str
) -> None:
    assert (name, name, "pattern") in _named(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "The round was led by Japan's Toyota Tsusho.",
        "Ford signed an agreement with Mexico to build parts.",
        "Toyota signed a deal with Washington on tariffs.",
    ],
)
def test_find_mentions_deal_cue_skips_places_and_possessives(kb: KnowledgeBase, text: str) -> None:
    assert [n for n, _e, via in _named(kb, text) if via == "pattern"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Valeo and Sanxin Optoelectronics signed the deal.", "Sanxin Optoelectronics"),
        ("Bosch bought chips from Helio Microelectronics last year.", "Helio Microelectronics"),
        ("BYD and the local enterprise Dravo Bus signed an agreement.", "Dravo Bus"),
    ],
)
def test_find_mentions_more_name_heads_and_roles(kb: KnowledgeBase, text: str, name: str) -> None:
    assert (name, name, "pattern") in _named(kb, text)


@pytest.mark.parametrize(
    "text",
    [
        "Toyota struck a deal with Trump on tariffs.",
        "Stellantis signed an agreement with Lula on investments.",
        "BYD reached an agreement with Erdogan over a plant.",
    ],
)
def test_find_mentions_deal_cue_does_not_make_politicians_companies(kb: KnowledgeBase, text: str) -> None:
    assert [n for n, _e, via in _named(kb, text) if via == "pattern"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ganfeng agreed to buy the output of Puna Salares Lithium's planned plant.", "Puna Salares Lithium"),
        ("Analysts praised Kestrel Motors' new van and Voltaro Energy's cells.", "Voltaro Energy"),
        ("Tesla will use Nordhavn Batteries’s cells.", "Nordhavn Batteries"),
    ],
)
def test_find_mentions_name_with_a_possessive_head(kb: KnowledgeBase, text: str, name: str) -> None:
    assert (name, name, "pattern") in _named(kb, text)

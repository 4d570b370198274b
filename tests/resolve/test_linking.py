"""Gazetteer matching of KB names (case rules, longest match, boundaries) and the brand-vs-group choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.resolve.kb import KnowledgeBase, read_kb_files
from evintel.resolve.linking import (
    Gazetteer,
    case_compatible,
    choose_entity,
    fold_text,
    gazetteer_for,
    is_brand_context,
)

KB_PATH = Path(__file__).parent / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


def _linked(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    return [
        (m.text, choose_entity(m.entities, kb, text, m.start, m.end).name)
        for m in gazetteer_for(kb).find(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Volkswagen Group sold more cars.", [("Volkswagen Group", "Volkswagen Group")]),
        (
            "BMW Group and Mercedes-Benz Group both grew.",
            [("BMW Group", "BMW Group"), ("Mercedes-Benz Group", "Mercedes-Benz Group")],
        ),
        ("BMW's sales rose.", [("BMW", "BMW Group")]),
        ("Sales of BMW’s electric cars rose.", [("BMW", "BMW Group")]),
        ("A Tesla-made battery.", [("Tesla", "Tesla")]),
        (
            "VW and GM talked to SAIC.",
            [("VW", "Volkswagen Group"), ("GM", "General Motors"), ("SAIC", "SAIC Motor")],
        ),
        ("Vw and gm are not names here.", []),
        ("NIO and BYD delivered more cars.", [("NIO", "NIO"), ("BYD", "BYD")]),
        ("The Mercedes Benz Group said so.", [("Mercedes Benz Group", "Mercedes-Benz Group")]),
        ("catl wins order from tesla", [("catl", "CATL"), ("tesla", "Tesla")]),
        ("Buyers of the new Smart #1 wait.", [("Smart", "smart")]),
        ("Smart charging cuts costs; smart meters help.", [("Smart", "smart")]),
        ("The new RAM module doubles memory.", []),
        ("The Ram brand sold 100,000 pickups.", [("Ram", "Ram")]),
        ("A seat in the car is heated.", []),
        ("Rivain delivered 8,640 vehicles.", [("Rivain", "Rivian")]),
        ("Bugatti Rimac builds hypercars.", [("Bugatti Rimac", "Bugatti Rimac")]),
        ("ZF supplies e-axles; zf is not a name.", [("ZF", "ZF Friedrichshafen")]),
        ("Skoda, Škoda and the Škoda brand.", []),
        ("BMWs are popular.", []),
        (
            "Contemporary Amperex Technology Co. Limited signed.",
            [("Contemporary Amperex Technology Co. Limited", "CATL")],
        ),
        ("The Great Wall Motor unit Ora grew.", [("Great Wall Motor", "Great Wall Motor"), ("Ora", "Ora")]),
        ("Porsche sold fewer Taycans.", [("Porsche", "Porsche AG")]),
        ("Porsche SE owns a stake.", [("Porsche SE", "Porsche SE")]),
    ],
)
def test_gazetteer_find_links_names(kb: KnowledgeBase, text: str, expected: list[tuple[str, str]]) -> None:
    assert _linked(kb, text) == expected


def test_gazetteer_find_offsets(kb: KnowledgeBase) -> None:
    text = "Earlier, the BMW Group said Mini grew."
    matches = gazetteer_for(kb).find(text[9:], offset=9)
    assert [(m.start, m.end, text[m.start : m.end]) for m in matches] == [
        (13, 22, "BMW Group"),
        (28, 32, "Mini"),
    ]


def test_gazetteer_for_is_built_once_per_kb(kb: KnowledgeBase) -> None:
    assert gazetteer_for(kb) is gazetteer_for(kb)
    assert Gazetteer(KnowledgeBase([])).find("BMW") == []


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("The core BMW brand delivered 1.09 million cars.", "BMW", "BMW"),
        ("The BMW brand grew.", "BMW", "BMW"),
        ("BMW-brand cars sold well.", "BMW", "BMW"),
        ("BMW sold 2.5 million cars.", "BMW", "BMW Group"),
        ("The Volkswagen brand delivered fewer cars.", "Volkswagen", "Volkswagen"),
        ("Volkswagen's brand chief spoke.", "Volkswagen", "Volkswagen"),
        ("Volkswagen delivered 9 million vehicles.", "Volkswagen", "Volkswagen Group"),
        ("VW passenger cars sold 4.9 million.", "VW", "Volkswagen"),
        ("The group's core brand Volkswagen lost share.", "Volkswagen", "Volkswagen"),
        ("Its BMW, Mini and Rolls-Royce brands all grew.", "BMW", "BMW"),
        ("Renault sold 2.2 million vehicles.", "Renault", "Renault Group"),
        ("The Renault brand sold 1.5 million.", "Renault", "Renault"),
        ("Hyundai delivered 4 million cars.", "Hyundai", "Hyundai Motor Group"),
    ],
)
def test_choose_entity_brand_or_group(kb: KnowledgeBase, text: str, name: str, expected: str) -> None:
    start = text.index(name)
    match = next(m for m in gazetteer_for(kb).find(text) if m.start == start)
    assert choose_entity(match.entities, kb, text, match.start, match.end).name == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("the BMW brand", "BMW", True),
        ("the Mini marque", "Mini", True),
        ("VW Passenger Cars", "VW", True),
        ("brands BMW and Mini", "BMW", True),
        ("BMW sold cars", "BMW", False),
        ("BMW Group brands", "BMW", False),
    ],
)
def test_is_brand_context(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert is_brand_context(text, start, start + len(name)) is expected


@pytest.mark.parametrize(
    ("alias", "surface", "expected"),
    [
        ("VW", "VW", True),
        ("VW", "Vw", False),
        ("BYD", "byd", False),
        ("Seat", "Seat", True),
        ("Seat", "seat", False),
        ("Ram", "RAM", False),
        ("Tesla", "tesla", False),
        ("Tesla", "TESLA", True),
        ("smart", "smart", False),
        ("Smart", "Smart", True),
        ("CATL", "CATL", True),
    ],
)
def test_case_compatible(alias: str, surface: str, expected: bool) -> None:
    assert case_compatible(alias, surface) is expected


def test_case_compatible_lowercase_headline() -> None:
    assert case_compatible("Tesla", "tesla", lowercase_text=True)
    assert case_compatible("CATL", "catl", lowercase_text=True)
    assert not case_compatible("CATL", "catl")
    assert not case_compatible("VW", "vw", lowercase_text=True)
    assert not case_compatible("Seat", "seat", lowercase_text=True)


@pytest.mark.parametrize("text", ["Škoda’s e‑Up", "Mercedes-Benz", "İstanbul Straße", "plain ascii"])
def test_fold_text_keeps_length(text: str) -> None:
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded == folded.lower()

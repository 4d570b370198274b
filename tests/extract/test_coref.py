"""Coreference: descriptors, pronouns and plural references resolved to named organisations."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.extract.coref import resolve_coreference
from evintel.extract.document import Document
from evintel.extract.mentions import annotate, find_mentions
from evintel.extract.sentences import split_sentences
from evintel.models import Article, Mention
from evintel.resolve.kb import KnowledgeBase, read_kb_files

KB_PATH = Path(__file__).parent.parent / "resolve" / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


def _coref(kb: KnowledgeBase, text: str) -> list[Mention]:
    article = Article("t", text)
    doc = Document(article, split_sentences(article))
    doc.mentions = find_mentions(doc, kb)
    found = resolve_coreference(doc, kb)
    for m in found:
        assert text[m.start : m.end] == m.text and m.via == "coref"
    return found


def _resolved(kb: KnowledgeBase, text: str, surface: str) -> str | tuple[str, ...] | None:
    start = text.rindex(surface)
    for m in _coref(kb, text):
        if m.start == start and m.end == start + len(surface):
            return m.members or m.entity
    return None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # descriptors with place and nationality
        (
            "BMW Group sold 1.2 million cars, the Munich-based carmaker said.",
            "the Munich-based carmaker",
            "BMW Group",
        ),
        (
            "Volkswagen sold fewer cars. Shares of the Wolfsburg-based group fell.",
            "the Wolfsburg-based group",
            "Volkswagen Group",
        ),
        (
            "BMW and Toyota agreed to work together. The Japanese carmaker will supply fuel cells.",
            "The Japanese carmaker",
            "Toyota",
        ),
        (
            "Nissan met Renault in Paris. The Japanese firm said it would invest.",
            "The Japanese firm",
            "Nissan",
        ),
        (
            "Volkswagen is working with Xpeng. The Chinese EV maker will design two models.",
            "The Chinese EV maker",
            "Xpeng",
        ),
        (
            "Tesla and BYD cut prices. The Shenzhen-based carmaker sold more cars.",
            "The Shenzhen-based carmaker",
            "BYD",
        ),
        (
            "Northvolt lost an order from BMW. The Swedish battery maker cut jobs.",
            "The Swedish battery maker",
            "Northvolt",
        ),
        (
            "Mercedes-Benz Group bought cells from CATL. The German automaker said costs fell.",
            "The German automaker",
            "Mercedes-Benz Group",
        ),
        # generic heads
        ("Rivian delivered 8,640 vehicles, the company said.", "the company", "Rivian"),
        ("Rimac will supply batteries to BMW, the company said on Monday.", "the company", "Rimac Group"),
        ("Stellantis sold 6 million cars. The group also cut prices.", "The group", "Stellantis"),
        ("The core BMW brand grew. The group's three brands did well.", "The group's", "BMW Group"),
        ("Honda sold 4,900 Prologue SUVs. The carmaker expects more.", "The carmaker", "Honda"),
        ("The Mini brand slipped 17 percent. The brand is changing its models.", "The brand", "Mini"),
        ("Nio delivered 20,000 cars. The startup plans a new brand.", "The startup", "NIO"),
        ("Aisin will supply e-axles to Toyota. The supplier will build a plant.", "The supplier", "Aisin"),
        ("Kestrel Motors Inc. raised money. The startup will build vans.", "The startup", "Kestrel Motors"),
        ("Orders went to battery maker Qinlong. The firm will double capacity.", "The firm", "Qinlong"),
        (
            "Renault Group sold more cars in Europe; the losange also grew in Brazil.",
            "the losange",
            "Renault Group",
        ),
        # pronouns
        ("BMW said it would build the iX3 in Hungary.", "it", "BMW Group"),
        ("Tesla cut prices. Its margin fell.", "Its", "Tesla"),
        ("Rimac makes batteries. It could help BMW a lot.", "It", "Rimac Group"),
        (
            "Nissan and Mitsubishi confirmed that they will build a pickup.",
            "they",
            ("Nissan", "Mitsubishi Motors"),
        ),
        ("Volkswagen sold 9 million cars. Their margins fell.", "Their", "Volkswagen Group"),
        # plural references
        (
            "Nissan and Honda signed a deal. Both companies will share a platform.",
            "Both companies",
            ("Nissan", "Honda"),
        ),
        ("BMW and Toyota talked. Both firms declined to comment.", "Both firms", ("BMW Group", "Toyota")),
        (
            "Nissan is working with Honda. The two giants may share a platform.",
            "The two giants",
            ("Nissan", "Honda"),
        ),
        (
            "GM and Ford met. The two companies agreed to share chargers.",
            "The two companies",
            ("General Motors", "Ford"),
        ),
        (
            "Hyundai, Kia and Genesis sold cars. The three carmakers grew.",
            "The three carmakers",
            ("Hyundai Motor Group", "Kia", "Genesis"),
        ),
        (
            "Tesla, Rivian and Ford met. All three companies agreed.",
            "All three companies",
            ("Tesla", "Rivian", "Ford"),
        ),
        (
            "Renault signed with Nissan. The pair will share batteries.",
            "The pair",
            ("Renault Group", "Nissan"),
        ),
        (
            "BMW and Rimac formed a venture. The partners will invest 1 billion euros.",
            "The partners",
            ("BMW Group", "Rimac Group"),
        ),
    ],
)
def test_resolve_coreference(kb: KnowledgeBase, text: str, surface: str, expected: object) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("BMW sold more cars. It is expected that prices fall.", "It"),
        ("BMW sold more cars. It remains to be seen whether demand holds.", "It"),
        ("Tesla cut prices. It was unclear why.", "It"),
        ("The company was founded in 1990.", "The company"),
        ("Tesla sold more cars. The Japanese carmaker did not.", "The Japanese carmaker"),
        ("Nissan sold more cars. The group of investors left.", "The group"),
        ("BMW is one of the giant manufacturers in Germany.", "the giant"),
        ("The deal with the startup Tavora was signed.", "the startup"),
    ],
)
def test_resolve_coreference_leaves_unresolvable(kb: KnowledgeBase, text: str, surface: str) -> None:
    assert _resolved(kb, text, surface) is None


def test_resolve_coreference_respects_window(kb: KnowledgeBase) -> None:
    text = "Tesla sold cars. Prices fell. Demand fell. Margins fell. Costs rose. The company said so."
    assert _resolved(kb, text, "The company") is None


def test_resolve_coreference_chains_through_descriptors(kb: KnowledgeBase) -> None:
    text = "Honda sold cars. Prices fell. The Japanese firm cut jobs. It said more would go."
    assert _resolved(kb, text, "It") == "Honda"


def test_annotate_includes_coref_mentions(kb: KnowledgeBase) -> None:
    doc = annotate(Article("t", "BMW Group sold 2.5 million cars. The Munich-based carmaker grew."), kb)
    assert [(m.text, m.entity, m.via) for m in doc.mentions] == [
        ("BMW Group", "BMW Group", "kb"),
        ("The Munich-based carmaker", "BMW Group", "coref"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # machine-translated "la société", and "the Lyon-based" used as a noun
        ("Tesla raised prices. The society expects more orders.", "The society", "Tesla"),
        ("BYD sold more cars. In Europe the Shenzhen-based go another way.", "the Shenzhen-based", "BYD"),
        ("BYD signed a deal. The Shenzhen-based hold 55 percent of it.", "The Shenzhen-based", "BYD"),
        ("Already in 2022 the Munich-based and Toyota worked together.", "the Munich-based", None),
        (
            "BMW sold cars. Already in 2022 the Munich-based and Toyota worked together.",
            "the Munich-based",
            "BMW Group",
        ),
        # an object of a preposition is not the subject of its own clause
        (
            "Rivian builds vans. Last year Ford bought 15 percent of the company.",
            "the company",
            "Rivian",
        ),
        # "the largest of the group" is a set of companies, not one
        ("Nio sold cars. Tesla remained the largest of the group.", "the group", None),
        # "the national carmaker"; "the assembler" (translated "la montadora", "die Montagefirma")
        ("BYD opened a plant. The national carmaker has rivals.", "The national carmaker", "BYD"),
        ("BYD sold more cars, said the national carmaker.", "the national carmaker", "BYD"),
        ("Tesla delivered 500 trucks, informed the assembler.", "the assembler", "Tesla"),
        ("Nio cut prices. The assembler expects more orders.", "The assembler", "NIO"),
        (
            "BMW Group opened a plant. The German assembler hires 300 people.",
            "The German assembler",
            "BMW Group",
        ),
    ],
)
def test_resolve_coreference_more_descriptors(
    kb: KnowledgeBase, text: str, surface: str, expected: object
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (
            "Rivian sold 9,000 cars. This electric pickup will be built in Illinois. It will remain the only model.",
            "It",
        ),
        ("Ford makes the Lightning. The pickup has a large battery. Its range is 500 km.", "Its"),
        ("The new crossover, which Honda builds in Ohio, has its own platform.", "its"),
        ("The plant will open in 2026. It will employ 3,000 people.", "It"),
    ],
)
def test_resolve_coreference_pronoun_means_a_thing(kb: KnowledgeBase, text: str, surface: str) -> None:
    assert _resolved(kb, text, surface) is None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Rivian builds pickups. It will open a plant.", "It", "Rivian"),
        ("The carmaker Rivian builds pickups. It will open a plant.", "It", "Rivian"),
        ("Honda said the new crossover would get its own platform.", "its", "Honda"),
    ],
)
def test_resolve_coreference_pronoun_means_the_company(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Nissan and Honda met. The two Japanese carmakers will share a platform.",
            "The two Japanese carmakers",
            ("Nissan", "Honda"),
        ),
        (
            "Nissan and Honda met. The two big Japanese carmakers agreed.",
            "The two big Japanese carmakers",
            ("Nissan", "Honda"),
        ),
        (
            "BMW and Toyota talked. Both German groups declined.",
            "Both German groups",
            ("BMW Group", "Toyota"),
        ),
        (
            "Nissan and Mitsubishi met. The van will be built by two important brands.",
            "two important brands",
            ("Nissan", "Mitsubishi Motors"),
        ),
        (
            "Tesla, Rivian and Ford met. Three American carmakers agreed.",
            "Three American carmakers",
            ("Tesla", "Rivian", "Ford"),
        ),
    ],
)
def test_resolve_coreference_plural_with_adjectives(
    kb: KnowledgeBase, text: str, surface: str, expected: tuple[str, ...]
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Nissan and Honda met. Stellantis owns two important brands in Italy.", "two important brands"),
        ("Nissan and Honda met. Kia works with two Chinese suppliers.", "two Chinese suppliers"),
    ],
)
def test_resolve_coreference_indefinite_plural_is_no_reference(
    kb: KnowledgeBase, text: str, surface: str
) -> None:
    assert _resolved(kb, text, surface) is None


def test_resolve_coreference_both_in_a_coordination_is_no_reference(kb: KnowledgeBase) -> None:
    text = "Nissan and Honda met. BYD took share from both foreign brands and domestic rivals."
    assert _resolved(kb, text, "both foreign brands") is None

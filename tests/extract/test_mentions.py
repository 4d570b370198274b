"""Named organisation mentions: KB names in context, and companies the KB does not know."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.extract import default_extractor
from evintel.extract.document import Document
from evintel.extract.mentions import annotate, describe_unknown, find_mentions
from evintel.extract.sentences import split_sentences
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase, read_kb_files

KB_PATH = Path(__file__).parent.parent / "resolve" / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


def _named(kb: KnowledgeBase, text: str) -> list[tuple[str, str, str]]:
    article = Article("t", text)
    doc = Document(article, split_sentences(article))
    mentions = find_mentions(doc, kb)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.entity, m.via) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # KB names, aliases, possessives, longest match
        ("The BMW Group delivered 1.21 million cars.", [("BMW Group", "BMW Group", "kb")]),
        (
            "BMW's deliveries rose, the core BMW brand grew.",
            [("BMW", "BMW Group", "kb"), ("BMW", "BMW", "kb")],
        ),
        ("Sales of the Mini brand fell.", [("Mini", "Mini", "kb")]),
        ("Volkswagen Passenger Cars sold fewer cars.", [("Volkswagen Passenger Cars", "Volkswagen", "kb")]),
        (
            "VW will build two models with Xpeng.",
            [("VW", "Volkswagen Group", "kb"), ("Xpeng", "Xpeng", "kb")],
        ),
        ("Rivain delivered 8,640 vehicles.", [("Rivain", "Rivian", "kb")]),
        # ambiguous words
        ("Smart charging cuts costs for drivers.", []),
        ("Smart sold 30,000 cars in China.", [("Smart", "smart", "kb")]),
        ("The Stellantis-rival Ford grew.", [("Stellantis", "Stellantis", "kb"), ("Ford", "Ford", "kb")]),
        (
            "The Volkswagen-subsidiary Porsche grew.",
            [("Volkswagen", "Volkswagen Group", "kb"), ("Porsche", "Porsche AG", "kb")],
        ),
        ("The BMW-competitor Rimac grew.", [("BMW", "BMW Group", "kb"), ("Rimac", "Rimac Group", "kb")]),
        ("Genesis, Kia's sister brand, sold 12,071 units.", [("Genesis", "Genesis", "kb"), ("Kia", "Kia", "kb")]),
        ("Smart, the Chinese-German venture, grew.", [("Smart", "smart", "kb")]),
        ("Genesis, the first book, is old.", []),
        ("Seat belts save lives.", []),
        ("Mini Cars Are Back In Fashion", []),
        ("Buyers liked the new Mini Cooper.", [("Mini", "Mini", "kb")]),
        (
            "Mini is changing its models. Sales of Mini fell.",
            [("Mini", "Mini", "kb"), ("Mini", "Mini", "kb")],
        ),
        ("The laptop has 16 GB of RAM.", []),
        ("Genesis of the idea was simple.", []),
        # an apposition that names an owner says an ambiguous word opening a sentence is a company
        (
            "Smart, Mercedes-Benz's small-car brand, grew.",
            [("Smart", "smart", "kb"), ("Mercedes-Benz", "Mercedes-Benz Group", "kb")],
        ),
        (
            "Smart, a unit of Mercedes-Benz, grew.",
            [("Smart", "smart", "kb"), ("Mercedes-Benz", "Mercedes-Benz Group", "kb")],
        ),
        (
            "Seat, the Spanish brand of Volkswagen, grew.",
            [("Seat", "Seat", "kb"), ("Volkswagen", "Volkswagen Group", "kb")],
        ),
        ("Genesis, the first book, sold well.", []),
        # persons are not companies
        ("Henry Ford built the Model T.", []),
        ("Founder Mate Rimac spoke, and Rimac will supply batteries.", [("Rimac", "Rimac Group", "kb")]),
        ("Nikola Tesla was an inventor.", []),
        # unknown companies: legal suffixes
        ("Kestrel Motors Inc. raised $50 million.", [("Kestrel Motors Inc.", "Kestrel Motors", "pattern")]),
        ("Voltra Energy GmbH will build a plant.", [("Voltra Energy GmbH", "Voltra Energy", "pattern")]),
        (
            "Orders went to Nordvik Batteri AS last year.",
            [("Nordvik Batteri AS", "Nordvik Batteri", "pattern")],
        ),
        (
            "Brightline Mobility Ltd signed the lease.",
            [("Brightline Mobility Ltd", "Brightline Mobility", "pattern")],
        ),
        # unknown companies: name heads and prefixes
        ("Huoyan Motors sold 12,000 cars.", [("Huoyan Motors", "Huoyan Motors", "pattern")]),
        ("The French Groupe Delmont bought e-axles.", [("Groupe Delmont", "Groupe Delmont", "pattern")]),
        # unknown companies: role nouns and apposition
        ("The deal with startup Voltra was signed.", [("Voltra", "Voltra", "pattern")]),
        ("Cells come from battery maker Qinlong.", [("Qinlong", "Qinlong", "pattern")]),
        (
            "BMW picked supplier Arvent for the job.",
            [("BMW", "BMW Group", "kb"), ("Arvent", "Arvent", "pattern")],
        ),
        ("The Chinese carmaker Huoyan will export cars.", [("Huoyan", "Huoyan", "pattern")]),
        ("Lithium miner Kivara agreed to sell its output.", [("Kivara", "Kivara", "pattern")]),
        ("Tavora, a Shenzhen-based maker of battery packs, raised money.", [("Tavora", "Tavora", "pattern")]),
        ("Selvik, the Swedish cell maker, won the order.", [("Selvik", "Selvik", "pattern")]),
        # places, months, models and people are not companies
        ("In Munich, the company said sales rose in March.", []),
        ("Debrecen will host the plant for the iX3 and the Neue Klasse.", []),
        ("Chief executive Jan Holm said the company would grow.", []),
        ("Analysts said demand was weak. Analysts said prices fell.", []),
    ],
)
def test_find_mentions_names(kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _named(kb, text) == expected


def test_find_mentions_short_form_links_to_full_name(kb: KnowledgeBase) -> None:
    text = "Kestrel Motors Inc. raised $50 million. Kestrel will use it for a plant, Kestrel's CEO said."
    assert _named(kb, text) == [
        ("Kestrel Motors Inc.", "Kestrel Motors", "pattern"),
        ("Kestrel", "Kestrel Motors", "pattern"),
        ("Kestrel", "Kestrel Motors", "pattern"),
    ]


def test_find_mentions_recurring_subject(kb: KnowledgeBase) -> None:
    text = "Quellion signed a deal with BMW. Later, Quellion delivered the first samples."
    assert _named(kb, text) == [
        ("Quellion", "Quellion", "pattern"),
        ("BMW", "BMW Group", "kb"),
        ("Quellion", "Quellion", "pattern"),
    ]


def test_find_mentions_single_subject_is_not_enough(kb: KnowledgeBase) -> None:
    assert _named(kb, "Yesterday Quellion signed a deal with BMW.") == [("BMW", "BMW Group", "kb")]


def test_find_mentions_exact_offsets(kb: KnowledgeBase) -> None:
    text = "Shares of BMW’s partner\nstartup Voltra rose."
    article = Article("t", text)
    mentions = find_mentions(Document(article, split_sentences(article)), kb)
    assert [(m.start, m.end) for m in mentions] == [(10, 13), (32, 38)]


def test_describe_unknown_reads_context(kb: KnowledgeBase) -> None:
    doc = annotate(Article("t", "The deal went to Chinese battery maker Qinlong Batteries on Monday."), kb)
    entity = describe_unknown(doc, "Qinlong Batteries")
    assert (entity.kind, entity.country, entity.in_kb) == ("battery_maker", "China", False)


def test_annotate_sorts_all_mentions(kb: KnowledgeBase) -> None:
    doc = annotate(Article("t", "Nissan and Honda signed a deal. Both companies will share a platform."), kb)
    assert [(m.text, m.via) for m in doc.mentions] == [
        ("Nissan", "kb"),
        ("Honda", "kb"),
        ("Both companies", "coref"),
    ]
    assert doc.mentions[-1].members == ("Nissan", "Honda")


def test_annotate_defaults_to_packaged_kb() -> None:
    from evintel.resolve.kb import load_kb

    try:
        load_kb()
    except Exception as error:  # the shipped KB is being written alongside
        pytest.skip(f"packaged KB not loadable yet: {error}")
    doc = annotate(Article("t", "BMW Group delivered more cars."))
    assert doc.mentions and doc.mentions[0].entity == "BMW Group"


@pytest.fixture()
def place_kb(tmp_path: Path) -> KnowledgeBase:
    path = tmp_path / "kb.yaml"
    path.write_text(
        "- {name: State of Lower Saxony, kind: government, aliases: [Lower Saxony], country: Germany}\n"
        "- {name: State of Georgia, kind: government, country: US}\n"
        "- {name: Volkswagen Group, kind: group, aliases: [Volkswagen, VW], country: Germany}\n",
        encoding="utf-8",
    )
    return read_kb_files([path])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A plant in Lower Saxony will open in 2026.", []),
        ("Lower Saxony holds 20 percent of Volkswagen.", ["State of Lower Saxony", "Volkswagen Group"]),
        ("The plant is in the state of Georgia.", []),
        ("The state of Georgia approved a grant.", ["State of Georgia"]),
    ],
)
def test_find_mentions_places_are_not_organisations(
    place_kb: KnowledgeBase, text: str, expected: list[str]
) -> None:
    assert [e for _, e, _ in _named(place_kb, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("catl wins big order from vw\nThe deal is large.", [("catl", "CATL", "kb")]),
        ("VW sold cars. Later vw rose.", [("VW", "Volkswagen Group", "kb")]),
    ],
)
def test_find_mentions_lower_case_headline(
    kb: KnowledgeBase, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _named(kb, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The river flooded the plant.",
        "River levels rose near the plant.",
        "RIVER LEVELS ROSE NEAR THE PLANT.",
        "A plant in the Pearl River Delta.",
        "Suppliers fit radar sensors to every car.",
        "Radar sensors are costly.",
        "RADAR SENSORS ARE COSTLY.",
        "Workers staged a revolt.",
        "Revolt spread among the workers.",
        "A REVOLT BROKE OUT.",
        "The deal is a harbinger of change.",
        "Buyers want a pure EV rather than a hybrid.",
    ],
)
def test_find_mentions_packaged_kb_leaves_common_words_unlinked(text: str) -> None:
    assert annotate(Article("t", text)).mentions == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revolt Motors sold 5,000 motorcycles.", ["Revolt Motors"]),
        ("Demand at Revolt rose after the launch.", ["Revolt Motors"]),
        ("River Mobility raised $40 million.", ["River Mobility"]),
        ("Harbinger said it won an order from FedEx.", ["Harbinger Motors", "FedEx"]),
    ],
)
def test_find_mentions_packaged_kb_links_common_word_names_used_as_names(
    text: str, expected: list[str]
) -> None:
    assert [m.entity for m in annotate(Article("t", text)).mentions] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The order was large, said Kenji Murata, an analyst.",
        "Analyst Haruto Kawasaki expects more orders.",
        "The plan, according to Aiko Murata of the ministry, is ready.",
    ],
)
def test_find_mentions_packaged_kb_company_surnames_after_a_given_name_are_persons(text: str) -> None:
    assert annotate(Article("t", text)).mentions == []


@pytest.mark.parametrize(
    ("text", "surface", "entity"),
    [
        ("Tesla Inc. (TSLA) reported results.", "Tesla Inc.", "Tesla"),
        ("Shares of BYD Co., Ltd. rose on Monday.", "BYD Co., Ltd.", "BYD"),
        ("Rivian LLC, a startup, hires.", "Rivian LLC", "Rivian"),
        ("Volkswagen AG said it would invest.", "Volkswagen AG", "Volkswagen Group"),
    ],
)
def test_find_mentions_a_legal_suffix_after_a_kb_name_is_part_of_it(
    kb: KnowledgeBase, text: str, surface: str, entity: str
) -> None:
    assert (surface, entity, "kb") in _named(kb, text), _named(kb, text)


def test_find_mentions_a_legal_suffix_word_inside_another_word_is_left_alone(kb: KnowledgeBase) -> None:
    assert ("BMW", "BMW Group", "kb") in _named(kb, "BMW Coatings and Tesla Incentives grew.")


@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        ("Ningde Times (CATL) and Kia signed a deal. Ningde Times will supply cells.", "Ningde Times", "CATL"),
        ("Gaoxin Power (Gotion) will build a plant in Morocco.", "Gaoxin Power", "Gotion High-Tech"),
        ("Qinlong Kestrel (“BYD”) sold more cars.", "Qinlong Kestrel", "BYD"),
    ],
)
def test_find_mentions_name_before_a_bracketed_kb_name_is_its_alias(text: str, alias: str, canonical: str) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    found = {(m.text, m.entity) for m in find_mentions(doc, kb)}
    assert (alias, canonical) in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Volkswagen do Brasil sold 30,000 cars in May.", "Volkswagen do Brasil"),
        ("Geely took 26% of Renault do Brasil last year.", "Renault do Brasil"),
        ("Nissan de Mexico will build the Kicks.", "Nissan de Mexico"),
    ],
)
def test_find_mentions_local_company_of_a_kb_maker_keeps_its_own_name(text: str, name: str) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert (name, name) in {(m.text, m.entity) for m in find_mentions(doc, kb)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tesla Energy deployed 10 GWh of storage.", "Tesla Energy"),
        ("Scania bought Northvolt Systems Industrial.", "Northvolt Systems Industrial"),
        ("BYD Battery Solutions opened a plant.", "BYD Battery Solutions"),
    ],
)
def test_find_mentions_longer_corporate_name_after_a_kb_name_is_another_company(text: str, name: str) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert (name, name) in {(m.text, m.entity) for m in find_mentions(doc, kb)}


def test_find_mentions_model_name_after_a_brand_is_not_a_company() -> None:
    kb = default_extractor().kb
    text = "Hyundai Ioniq 5 sales rose."
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert [m.entity for m in find_mentions(doc, kb)] == ["Hyundai Motor Group"]


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("The plant will assemble the Dolphin Mini from July.", []),
        ("BMW's Mini brand sold 20,000 cars.", ["BMW Group", "Mini"]),
        ("The new Mini Cooper sold well.", ["Mini"]),
    ],
)
def test_find_mentions_ambiguous_brand_ending_a_model_name_is_a_word(text: str, entities: list[str]) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert [m.entity for m in find_mentions(doc, kb)] == entities


@pytest.mark.parametrize(
    "text",
    [
        "Its refinery lies on the Gulf of Bothnia, the company said on Thursday.",
        "Output rose in Lapland, the group added.",
        "The plant is near Oulu, the carmaker told reporters.",
    ],
)
def test_find_mentions_place_before_a_reporting_clause_is_not_a_company(text: str) -> None:
    kb = default_extractor().kb
    doc = Document(Article("t", text), split_sentences(Article("t", text)))
    assert [m.text for m in find_mentions(doc, kb) if m.via == "pattern"] == []

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


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a possessive or a prepositional object in the same sentence is no clause subject of its own
        (
            "Nissan sold cars. Mitsubishi grew. Nissan's top shareholder is Renault, which holds 36% of the Japanese company.",
            "the Japanese company",
            "Nissan",
        ),
        (
            "Nio sold cars. The plant builds the models of the German Volkswagen Group, the brands Audi and Seat of the group.",
            "the group",
            "Volkswagen Group",
        ),
        (
            "Honda grew. Toyota's largest shareholder bought 5 percent of the company.",
            "the company",
            "Toyota",
        ),
        # ... while the subject of the clause, or of a relative clause opening after it, is not its own object
        (
            "Rivian builds vans. Last year it got money from Honda, a big investor, which now holds 15 percent of the company.",
            "the company",
            "Rivian",
        ),
        ("Rivian builds vans. Last year Ford bought 15 percent of the company.", "the company", "Rivian"),
    ],
)
def test_resolve_coreference_object_descriptor_prefers_a_non_subject_of_its_sentence(
    kb: KnowledgeBase, text: str, surface: str, expected: object
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tesla grew. Lucid Group, which counts PIF as its main shareholder, sold cars.", "Lucid Group"),
        ("Rivian grew. Lucid Group, which calls Toyota its partner, sold cars.", "Lucid Group"),
        ("Ford said the SUV, which Honda builds in Ohio at its plant, sells well.", "Honda"),
        ("Rivian grew. Lucid Group, which with Toyota shares its platform, sold cars.", "Lucid Group"),
    ],
)
def test_resolve_coreference_its_in_a_relative_clause_that_opens_on_its_verb(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "its") == expected


_JV_KB = """
- {name: Cellforce Europe, kind: joint_venture, country: France, descriptors: [battery joint venture]}
- {name: Kestrel Koc Otomotiv, kind: joint_venture, country: Turkey, descriptors: [Gebze-based joint venture]}
- {name: Samsung SDI, kind: battery_maker, country: South Korea}
"""


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Samsung SDI broke ground on the battery joint venture plant in Indiana.",
            "the battery joint venture",
            None,
        ),
        (
            "Samsung SDI said the battery joint venture will hire 1,000 people.",
            "the battery joint venture",
            None,
        ),
        (
            "Samsung SDI praised the Gebze-based joint venture.",
            "the Gebze-based joint venture",
            "Kestrel Koc Otomotiv",
        ),
        (
            "Cellforce Europe hired staff. Samsung SDI praised the battery joint venture.",
            "the battery joint venture",
            "Cellforce Europe",
        ),
    ],
)
def test_resolve_coreference_a_generic_kb_descriptor_needs_its_entity_named(
    tmp_path: Path, text: str, surface: str, expected: object
) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(_JV_KB, encoding="utf-8")
    assert _resolved(read_kb_files([path]), text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Stellantis cut prices. The Italo-Dutch-American group also paid for a stake.",
            "The Italo-Dutch-American group",
            "Stellantis",
        ),
        (
            "BYD sold more cars. Volvo buyers liked the Sino-American carmaker.",
            "the Sino-American carmaker",
            "BYD",
        ),
        (
            "Stellantis cut prices. The Anglo-Dutch carmaker also grew.",
            "The Anglo-Dutch carmaker",
            "Stellantis",
        ),
        (
            "BYD sold more cars. The Franco-Italian-American group also grew.",
            "The Franco-Italian-American group",
            None,
        ),
    ],
)
def test_resolve_coreference_compound_nationality_modifiers(
    kb: KnowledgeBase, text: str, surface: str, expected: object
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Sales rose. The Munich-based carmaker said margins fell.",
            "The Munich-based carmaker",
            "BMW Group",
        ),
        (
            "Sales rose in May. The Stuttgart-based group said margins fell.",
            "The Stuttgart-based group",
            "Mercedes-Benz Group",
        ),
        (
            "Sales rose. The Tokyo-based carmaker said margins fell.",
            "The Tokyo-based carmaker",
            None,
        ),  # Honda and Mitsubishi
        (
            "Sales rose. The Wolfsburg-based group's daughter grew.",
            "The Wolfsburg-based group's",
            "Volkswagen Group",
        ),
    ],
)
def test_resolve_coreference_based_descriptor_without_antecedent_names_the_one_company_based_there(
    kb: KnowledgeBase, text: str, surface: str, expected: object
) -> None:
    assert _resolved(kb, text, surface) == expected


_VAN_KB = """
- {name: Voltvan, kind: startup, country: Germany, descriptors: [electric van maker]}
- {name: Peregrine Vans, kind: startup, country: United Kingdom}
- {name: Isuzu, kind: automaker, country: Japan}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ashgrove sold its stake in Peregrine Vans to Isuzu. Isuzu already holds 10 percent of the electric van maker.",
            "Peregrine Vans",
        ),
        ("Peregrine Vans grew. Investors like the electric van maker.", "Peregrine Vans"),
        ("Voltvan grew. Peregrine Vans too. Investors like the electric van maker.", "Voltvan"),
    ],
)
def test_resolve_coreference_generic_kb_descriptor_of_an_unnamed_entity_takes_the_nearest_fit(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text(_VAN_KB, encoding="utf-8")
    assert _resolved(read_kb_files([path]), text, "the electric van maker") == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        pytest.param(
            "Honda and Nissan said they would merge to catch up with Tesla. The two companies signed a memorandum.",
            "The two companies",
            ("Honda", "Nissan"),
            id="listed-pair-before-a-third-company",
        ),
        pytest.param(
            "Kia and Ford, which trail BYD, agreed on a deal. Both companies will build vans.",
            "Both companies",
            ("Kia", "Ford"),
            id="listed-pair-with-a-relative-clause",
        ),
        pytest.param(
            "Stellantis, Rivian and Volvo Cars will share chargers with NIO. The three carmakers said so.",
            "The three carmakers",
            ("Stellantis", "Rivian", "Volvo Cars"),
            id="listed-trio",
        ),
        pytest.param(
            "Toyota and BMW cooperate on fuel cells. Kia signed a deal with Ford. The two companies said so.",
            "The two companies",
            ("Kia", "Ford"),
            id="no-list-in-the-nearest-sentence",
        ),
        pytest.param(
            "Honda and Nissan met while Tesla watched. The two companies said their talks went well.",
            "their",
            ("Honda", "Nissan"),
            id="pronoun-after-a-group-reference",
        ),
    ],
)
def test_resolve_coreference_plural_prefers_a_listed_group(
    kb: KnowledgeBase, text: str, surface: str, expected: tuple[str, ...]
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kia sold a stake to Ford. On Monday the parties also signed a supply deal.",
        "Ford will invest in Kia, and the parties agreed on vans.",
        "Kia and Ford met on Monday. Later the parties signed an agreement.",
    ],
)
def test_resolve_coreference_the_parties_are_the_deal_partners(kb: KnowledgeBase, text: str) -> None:
    assert set(_resolved(kb, text, "the parties") or ()) == {"Kia", "Ford"}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Stellantis sold more cars. The Dutch-French group said so.", "The Dutch-French group", "Stellantis"),
        ("BMW Group opened a plant. The Sino-German carmaker said so.", "The Sino-German carmaker", "BMW Group"),
        ("Kia sold more vans. The Korean-American automaker said so.", "The Korean-American automaker", "Kia"),
    ],
)
def test_resolve_coreference_compound_nationality_is_a_modifier(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tesla, which counts BYD as its main rival, sold more cars.", "Tesla"),
        ("Kia, which lists Hyundai Motor Group as its parent, opened a plant.", "Kia"),
        ("Rivian, which has Ford as its early backer, raised money.", "Rivian"),
        ("Kia sold the EV3, a small SUV that Ford will build at its plant.", "Ford"),
    ],
)
def test_resolve_coreference_pronoun_in_a_subject_relative_clause_is_the_antecedent(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "its") == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        (
            "Mitsubishi Motors met. Nissan's top shareholder remains Renault, which holds 36% of the Japanese company.",
            "the Japanese company",
            "Nissan",
        ),
        (
            "Honda sold cars. BYD's largest shareholder, Tesla, owns 8 percent of the Chinese carmaker.",
            "the Chinese carmaker",
            "BYD",
        ),
        (
            "Toyota sold cars. Kia's partner Ford bought 5 percent of the company.",
            "the company",
            "Kia",
        ),
    ],
)
def test_resolve_coreference_object_descriptor_may_mean_a_possessor_in_its_sentence(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("BMW Group and Ford met. The Munich carmaker said so.", "The Munich carmaker", "BMW Group"),
        ("Kia and Volkswagen Group met. The Wolfsburg carmaker said so.", "The Wolfsburg carmaker", "Volkswagen Group"),
        ("Rivian and Kia met. The California-based startup said so.", "The California-based startup", "Rivian"),
        ("Tesla and BMW Group met. The Texas-based carmaker said so.", "The Texas-based carmaker", "Tesla"),
    ],
)
def test_resolve_coreference_city_modifier_and_state_base(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kia showed the EV2. The motors come from Toyota, informed the company.", "Kia"),
        ("Kia showed the EV2. The cells will be supplied by Ford, said the company on Monday.", "Kia"),
        ("Ford will buy cells from Kia, said the company.", "Ford"),
    ],
)
def test_resolve_coreference_company_after_a_reporting_verb_is_the_subject_not_an_object(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "the company") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A supply deal was signed with Tesla, under which Nissan will provide cells. The company's plant grew.", "Nissan"),
        ("Prices were agreed with BYD, after which Honda will buy packs. The company's plant grew.", "Honda"),
        ("Orders came from Ford, while Kia will ship parts. The company's plant grew.", "Kia"),
    ],
)
def test_resolve_coreference_a_prepositional_object_is_no_antecedent_subject(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "The company's") == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Nissan sold 500 vans in Brazil. The assembler also renewed its supplier contracts.", "The assembler", "Nissan"),
        ("Ford opened a plant in Bahia. The vehicle assembler hired 900 workers.", "The vehicle assembler", "Ford"),
        ("Stellantis cut prices. The automobile manufacturer said demand was weak.", "The automobile manufacturer", "Stellantis"),
        ("BYD said sales rose. The enterprise expects more growth abroad.", "The enterprise", "BYD"),
    ],
)
def test_resolve_coreference_translated_descriptors(kb: KnowledgeBase, text: str, surface: str, expected: str) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Sales rose in May. The Munich-based carmaker sold more.", "The Munich-based carmaker", "BMW Group"),
        ("Sales rose in May. The Bavarian carmaker sold more.", "The Bavarian carmaker", "BMW Group"),
    ],
)
def test_resolve_coreference_distinctive_kb_descriptor_names_an_unmentioned_company(
    kb: KnowledgeBase, text: str, surface: str, expected: str
) -> None:
    assert _resolved(kb, text, surface) == expected


@pytest.mark.parametrize(
    ("extra", "text", "surface"),
    [
        ("market leader", "Sales rose in May. The market leader sold more.", "The market leader"),
        ("battery subsidiary", "Ford sold cars. The battery subsidiary will build plants.", "The battery subsidiary"),
        ("holding company", "Kia sold cars. The holding company will pay.", "The holding company"),
    ],
)
def test_resolve_coreference_generic_kb_descriptor_needs_an_antecedent(
    tmp_path: Path, extra: str, text: str, surface: str
) -> None:
    kb_file = tmp_path / "kb.yaml"
    kb_file.write_text(
        KB_PATH.read_text(encoding="utf-8")
        + f"- {{name: Kestrel Motors, kind: automaker, country: Germany, hq: Munich, descriptors: [{extra}]}}\n",
        encoding="utf-8",
    )
    assert _resolved(read_kb_files([kb_file]), text, surface) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Like the Munich-based group communicated, Rivian builds two plants. The company wants to invest more.", "Rivian"),
        ("As BMW Group said, Kia has two plants in Europe. The company plans a third.", "Kia"),
        ("According to Ford, Kia leads the market. The company sold 5,000 vans.", "Kia"),
    ],
)
def test_resolve_coreference_reporter_of_a_fronted_clause_is_not_the_subject(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "The company") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Like BMW Group communicated, Kia builds two plants. It wants to invest more.",
        "As Ford said, Kia has two plants in Europe. It plans a third.",
        "According to Tesla, Kia leads the market. It sold 5,000 vans.",
    ],
)
def test_resolve_coreference_pronoun_skips_the_reporter_of_a_fronted_clause(kb: KnowledgeBase, text: str) -> None:
    assert _resolved(kb, text, "It") == "Kia"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tesla sold more cars, while BMW said it had received 30,000 orders.", "BMW Group"),
        ("Ford grew in May, but Nissan said on Monday that it expects lower sales.", "Nissan"),
        ("Sales of Kia rose and Honda announced it would cut prices.", "Honda"),
    ],
)
def test_resolve_coreference_it_after_a_reporting_verb_is_that_verbs_subject(
    kb: KnowledgeBase, text: str, expected: str
) -> None:
    assert _resolved(kb, text, "it") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mahindra Last Mile Mobility Ltd. (MLMML), a subsidiary of Mahindra & Mahindra Ltd., reported results.\n"
            "• Exports doubled, the first time the company shipped abroad.",
            "Mahindra Last Mile Mobility",
        ),
        (
            "Volvo Cars (VCC), a unit of Zhejiang Geely Holding, reported results.\n• Later the company said sales rose.",
            "Volvo Cars",
        ),
        (
            "Polestar, majority-owned by Zhejiang Geely Holding, reported results.\n• Later the company said sales rose.",
            "Polestar",
        ),
    ],
)
def test_resolve_coreference_bare_company_is_not_the_owner_named_in_an_aside(text: str, expected: str) -> None:
    from evintel.extract import default_extractor
    from evintel.extract.mentions import annotate

    doc = annotate(Article("t", text), default_extractor().kb)
    assert [m.entity for m in doc.mentions if m.text == "the company"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BYD opened its plant in Brazil. The plant occupies the land where Ford built cars until 2021. "
            "The company invested more there.",
            "BYD",
        ),
        (
            "Kia opened a plant in Georgia. It stands where Toyota once had a depot. The company said so.",
            "Kia",
        ),
    ],
)
def test_resolve_coreference_company_named_in_a_where_clause_is_not_taken_up(text: str, expected: str) -> None:
    from evintel.extract import default_extractor
    from evintel.extract.mentions import annotate

    doc = annotate(Article("t", text), default_extractor().kb)
    assert [m.entity for m in doc.mentions if m.text == "The company"] == [expected]

"""Partnership phrasings: owners "among" a list or sharing a venture "with" others, "together with ⟨A⟩, ⟨B⟩
runs the venture", a unit acting for its parent, the venture named by what it makes, deals never signed."""

from __future__ import annotations

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.models import Article, Fact


def partnerships_of(text: str) -> list[Fact]:
    return [f for f in extract_article(Article("t", text)) if f.type == "partnership"]


def party_set(names: list[str]) -> frozenset[str]:
    return frozenset(normalize_entity(n) for n in names)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Production at the cell plant stays frozen, said the joint venture owned in equal parts among "
            "Stellantis, Mercedes-Benz and TotalEnergies.",
            ["Stellantis", "Mercedes-Benz Group", "TotalEnergies"],
            id="among-three",
        ),
        pytest.param(
            "The plant belongs to a joint venture split among Toyota and Panasonic.",
            ["Toyota Motor", "Panasonic Holdings"],
            id="among-two",
        ),
        pytest.param(
            "Investors also look at the joint venture for electric motors that Renault shares with Nissan and Mitsubishi.",
            ["Renault Group", "Nissan Motor", "Mitsubishi Motors"],
            id="shares-with",
        ),
        pytest.param(
            "Its best asset is the joint venture for e-axles which BMW operates jointly with Valeo.",
            ["BMW Group", "Valeo"],
            id="operates-jointly-with",
        ),
    ],
)
def test_venture_owners_among_a_list_or_sharing_it_with_others(text: str, parties: list[str]) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]
    assert facts[0].fields["kind"] == "joint_venture"


@pytest.mark.parametrize(
    ("text", "parties", "scope"),
    [
        pytest.param(
            "Together with the German supplier Bosch Ford runs since 2021 the joint venture for hydrogen tanks.",
            ["Ford Motor", "Bosch"],
            ["hydrogen tanks"],
            id="translated-order",
        ),
        pytest.param(
            "Jointly with Toyota, BMW has operated since 2020 a joint venture for fuel cells.",
            ["BMW Group", "Toyota Motor"],
            ["fuel cells"],
            id="jointly-with-comma",
        ),
    ],
)
def test_together_with_a_partner_a_company_runs_a_venture(
    text: str, parties: list[str], scope: list[str]
) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]
    assert facts[0].fields["kind"] == "joint_venture"
    assert facts[0].fields["scope"] == scope


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Renault and CATL, through its unit Brunp, will jointly develop a battery recycling chain.",
            ["Renault Group", "CATL"],
            id="through-its-unit",
        ),
        pytest.param(
            "Volkswagen and Gotion, via its subsidiary Gotion Europe, signed a partnership on cathode materials.",
            ["Volkswagen Group", "Gotion High-Tech"],
            id="via-its-subsidiary",
        ),
    ],
)
def test_a_unit_acting_for_its_parent_is_no_party(text: str, parties: list[str]) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Huayou Cobalt may take over the part of the project, but no agreement has been signed.",
        "Kia hopes for a partnership with Hyundai Mobis on motors, though no deal was reached.",
    ],
)
def test_a_deal_the_sentence_says_was_never_signed_is_no_fact(text: str) -> None:
    assert partnerships_of(text) == []


def test_a_venture_is_named_by_what_it_makes() -> None:
    text = "Analysts praise Horse, the joint venture of combustion engines that Renault shares with Geely."
    facts = partnerships_of(text)
    assert [f.fields["scope"] for f in facts] == [["combustion engines"]]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "Electric motors for the new vans are made in Hungary by Emotive, a joint venture between Ford and Bosch.",
            ["electric motors"],
            id="fronted-passive",
        ),
        pytest.param(
            "Cathode materials will come from a plant that Toyota and Panasonic are building in Osaka.",
            ["cathode materials"],
            id="fronted-come-from",
        ),
        pytest.param(
            "In Hungary, BMW also runs a joint venture with Valeo in Debrecen that makes electric drive units.",
            ["electric drive units"],
            id="venture-that-makes",
        ),
    ],
)
def test_a_venture_scope_is_the_product_it_makes(text: str, scope: list[str]) -> None:
    facts = partnerships_of(text)
    assert [f.fields["scope"] for f in facts] == [scope]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "The cells will be made at a plant that Toyota and Panasonic are building in Osaka.",
            ["Toyota Motor", "Panasonic Holdings"],
            id="plant-that-pair-builds",
        ),
        pytest.param(
            "The project includes a cathode plant in Lower Saxony that Volkswagen is developing with Umicore.",
            ["Volkswagen Group", "Umicore"],
            id="plant-that-one-develops-with-other",
        ),
        pytest.param(
            "Output will rise at the factory which BMW and Great Wall Motor jointly operate.",
            ["BMW Group", "Great Wall Motor"],
            id="factory-which-pair-operates",
        ),
    ],
)
def test_a_site_named_before_the_pair_that_builds_it_is_a_joint_venture(
    text: str, parties: list[str]
) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]
    assert facts[0].fields["kind"] == "joint_venture"


@pytest.mark.parametrize(
    "text",
    [
        "Analysts toured the plants that Ford and GM are each building in Michigan.",
        "Tesla praised the factory that BMW is building with state subsidies.",
    ],
)
def test_sites_built_apart_or_with_no_partner_company_are_no_venture(text: str) -> None:
    assert partnerships_of(text) == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Output rises at the joint society in which the German BMW has 50% and the Chinese group Great Wall Motor 50%.",
            ["BMW Group", "Great Wall Motor"],
            id="joint-society-elided-verb",
        ),
        pytest.param(
            "The joint company, in which the carmaker Toyota holds 60% and the supplier Denso the remaining 40%, makes inverters.",
            ["Toyota Motor", "Denso"],
            id="joint-company-the-remaining",
        ),
    ],
)
def test_owners_described_by_trade_or_origin_with_their_shares_form_a_venture(
    text: str, parties: list[str]
) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]
    assert facts[0].fields["kind"] == "joint_venture"


@pytest.mark.parametrize(
    ("text", "parties", "scope"),
    [
        pytest.param(
            "Valmet Automotive said it will begin contract manufacturing of Mercedes-Benz vehicles in Finland.",
            ["Valmet Automotive", "Mercedes-Benz Group"],
            ["contract manufacturing of vehicles"],
            id="of-maker-vehicles",
        ),
        pytest.param(
            "Foxconn has won the contract production of Mitsubishi Motors' models for Australia.",
            ["Foxconn", "Mitsubishi Motors"],
            ["contract manufacturing of models"],
            id="contract-production-possessive",
        ),
    ],
)
def test_contract_manufacturing_of_another_makers_vehicles_is_a_partnership(
    text: str, parties: list[str], scope: list[str]
) -> None:
    facts = partnerships_of(text)
    assert [party_set(f.fields["parties"]) for f in facts] == [party_set(parties)]
    assert facts[0].fields["scope"] == scope


@pytest.mark.parametrize(
    ("text", "pairs", "kind"),
    [
        pytest.param(
            "Stellantis teams up with CATL and Leapmotor on LFP batteries.",
            [["Stellantis", "CATL"], ["Stellantis", "Leapmotor"]],
            "alliance",
            id="teams-up-with-two",
        ),
        pytest.param(
            "Renault joins forces with Valeo on electric motors.",
            [["Renault Group", "Valeo"]],
            "alliance",
            id="joins-forces",
        ),
        pytest.param(
            "Toyota and Subaru agreed to build compact SUVs on a common EV platform.",
            [["Toyota Motor", "Subaru"]],
            "platform_sharing",
            id="common-ev-platform",
        ),
    ],
)
def test_alliances_and_platforms_in_present_tense_headlines(
    text: str, pairs: list[list[str]], kind: str
) -> None:
    facts = partnerships_of(text)
    assert sorted(party_set(f.fields["parties"]) for f in facts) == sorted(party_set(p) for p in pairs)
    assert {f.fields["kind"] for f in facts} == {kind}


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "Jointly with Toyota, BMW has operated a joint venture for fuel cells since 2020.",
            ["fuel cells"],
            id="since-year",
        ),
        pytest.param(
            "Kia and LG Energy Solution will jointly develop a total of 3 battery packs for vans.",
            ["battery packs for vans"],
            id="a-total-of",
        ),
    ],
)
def test_a_scope_holds_no_total_nor_date(text: str, scope: list[str]) -> None:
    facts = partnerships_of(text)
    assert [f.fields["scope"] for f in facts] == [scope]

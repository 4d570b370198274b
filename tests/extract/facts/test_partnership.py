"""Partnership rule, end to end through the extractor: parties, kind, scope and status."""

from __future__ import annotations

import re
from typing import Any

import pytest

from evintel.evaluate import normalize_entity
from evintel.extract import extract_article
from evintel.extract.cues import required_literals
from evintel.extract.facts import partnership
from evintel.models import Article, Fact


def partnerships_of(text: str) -> list[Fact]:
    return [f for f in extract_article(Article("t", text)) if f.type == "partnership"]


def party_set(names: list[str]) -> frozenset[str]:
    return frozenset(normalize_entity(n) for n in names)


def xfail(*values: Any, reason: str, id: str) -> Any:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


# (text, parties, kind, scope, status)
STATED = [
    pytest.param(
        "BMW Group and Toyota signed an agreement to jointly develop fuel cell systems.",
        ["BMW Group", "Toyota Motor"],
        "joint_development",
        ["fuel cell systems"],
        "signed",
        id="signed-jointly-develop",
    ),
    pytest.param(
        "Stellantis and Samsung SDI formed a joint venture to build battery cells in Indiana.",
        ["Stellantis", "Samsung SDI"],
        "joint_venture",
        ["battery cells"],
        None,
        id="formed-joint-venture",
    ),
    pytest.param(
        "Honda and Nissan signed a memorandum of understanding on software.",
        ["Honda Motor", "Nissan Motor"],
        "alliance",
        ["software"],
        "signed",
        id="mou-signed",
    ),
    pytest.param(
        "Volkswagen Group teamed up with Rivian on software.",
        ["Volkswagen Group", "Rivian"],
        "alliance",
        ["software"],
        None,
        id="teamed-up-with",
    ),
    pytest.param(
        "Renault Group licensed its e-motor technology to startup Velora Motors.",
        ["Renault Group", "Velora Motors"],
        "licensing",
        ["e-motor technology"],
        None,
        id="licensed-technology-to",
    ),
    pytest.param(
        "Ford and Volkswagen Group will share a platform for small electric cars.",
        ["Ford Motor", "Volkswagen Group"],
        "platform_sharing",
        ["small electric cars"],
        None,
        id="share-a-platform",
    ),
    pytest.param(
        "Mercedes-Benz Group and CATL signed a supply agreement for battery cells.",
        ["Mercedes-Benz Group", "CATL"],
        "supply_agreement",
        ["battery cells"],
        "signed",
        id="supply-agreement",
    ),
    pytest.param(
        "Geely and Renault Group set up a 50:50 joint venture for combustion engines.",
        ["Zhejiang Geely Holding", "Renault Group"],
        "joint_venture",
        ["combustion engines"],
        None,
        id="fifty-fifty-venture",
    ),
    pytest.param(
        "Polestar entered into a strategic partnership with Kestrel Dynamics Inc.",
        ["Polestar", "Kestrel Dynamics"],
        "alliance",
        None,
        "signed",
        id="strategic-partnership-invented",
    ),
    pytest.param(
        "Toyota and BYD agreed to co-develop electric sedans for China.",
        ["Toyota Motor", "BYD"],
        "joint_development",
        ["electric sedans"],
        "signed",
        id="co-develop-object-scope",
    ),
    pytest.param(
        "Kia and Kestrel Dynamics Inc. will collaborate on electric vans.",
        ["Kia", "Kestrel Dynamics"],
        "alliance",
        ["electric vans"],
        None,
        id="collaborate-on",
    ),
    pytest.param(
        "CATL has licensed its sodium-ion battery technology to Ford.",
        ["CATL", "Ford Motor"],
        "licensing",
        None,
        None,
        id="licensed-kind",
    ),
]


STATED += [
    pytest.param(
        "Stellantis and CATL formed a joint venture to build LFP batteries in Spain.",
        ["Stellantis", "CATL"],
        "joint_venture",
        ["LFP batteries"],
        None,
        id="venture-to-build",
    ),
    pytest.param(
        "Kia and Hyundai Motor Group will jointly develop and produce a small electric van.",
        ["Kia", "Hyundai Motor Group"],
        "joint_development",
        ["small electric van"],
        None,
        id="jointly-develop-and-produce-object",
    ),
    pytest.param(
        "Toyota and Idemitsu Kosan agreed to cooperate on the development of solid-state batteries.",
        ["Toyota Motor", "Idemitsu Kosan"],
        "joint_development",
        ["solid-state batteries"],
        "signed",
        id="cooperate-on-the-development-of",
    ),
    pytest.param(
        "Nissan and Mitsubishi Motors confirmed an electric pickup partnership.",
        ["Nissan Motor", "Mitsubishi Motors"],
        "alliance",
        ["electric pickup"],
        None,
        id="modifier-of-the-deal-noun",
    ),
    pytest.param(
        "Sahyadri Motors will make cells using lithium iron phosphate chemistry licensed from AESC.",
        ["Sahyadri Motors", "AESC"],
        "licensing",
        ["lithium iron phosphate chemistry"],
        None,
        id="licensed-from-passive",
    ),
    pytest.param(
        "Redwood Materials signed an agreement with Toyota to collect and recycle old batteries.",
        ["Redwood Materials", "Toyota Motor"],
        "other",
        ["old batteries"],
        "signed",
        id="recycling-deal-is-other",
    ),
    pytest.param(
        "Volkswagen Group is working with Xpeng on two Volkswagen-brand electric models.",
        ["Volkswagen Group", "XPeng"],
        "joint_development",
        ["Volkswagen-brand electric models"],
        None,
        id="working-with-on-models-with-a-name-inside",
    ),
    pytest.param(
        "Redwood Materials has partnered with Toyota on recycling.",
        ["Redwood Materials", "Toyota Motor"],
        "other",
        ["recycling"],
        None,
        id="partnered-on-a-gerund",
    ),
    pytest.param(
        "The Stellantis-owned brand Leapmotor signed a partnership with Kia on batteries.",
        ["Leapmotor", "Kia"],
        "alliance",
        ["batteries"],
        "signed",
        id="owned-by-compound-is-no-party",
    ),
    pytest.param(
        "Volvo Cars is a carmaker based in Sweden. The company signed a partnership with Kestrel Dynamics Inc. on batteries.",
        ["Volvo Cars", "Kestrel Dynamics"],
        "alliance",
        ["batteries"],
        "signed",
        id="descriptor-subject-with-named-partner",
    ),
]


@pytest.mark.parametrize(("text", "parties", "kind", "scope", "status"), STATED)
def test_partnership_stated_fields(
    text: str, parties: list[str], kind: str, scope: list[str] | None, status: str
) -> None:
    found = partnerships_of(text)
    assert len(found) == 1, [f.fields for f in found]
    fields = found[0].fields
    assert party_set(fields["parties"]) == party_set(parties)
    assert (fields["kind"], fields["status"]) == (kind, status)
    if scope is not None:
        assert fields["scope"] == scope
    assert found[0].confidence >= 0.5 and found[0].modality == "asserted"


@pytest.mark.parametrize(
    ("text", "parties", "kind", "scope"),
    [
        pytest.param(
            "Nissan and Mitsubishi Motors are partners. This electric pickup, which will be jointly developed by "
            "the two Japanese carmakers, goes on sale in 2026.",
            ["Nissan Motor", "Mitsubishi Motors"],
            "joint_development",
            ["electric pickup"],
            id="the-two-adjective-carmakers",
        ),
        pytest.param(
            "Renault Group and Nissan met in Paris. The electric van will be jointly developed and produced by both groups.",
            ["Renault Group", "Nissan Motor"],
            "joint_development",
            ["electric van"],
            id="both-groups-passive",
        ),
        pytest.param(
            "Ford, Kia and Volvo Cars met. The three partners will jointly develop charging software.",
            ["Ford Motor", "Kia", "Volvo Cars"],
            "joint_development",
            ["charging software"],
            id="the-three-partners",
        ),
        pytest.param(
            "Nissan and Mitsubishi Motors want a pickup. It will be jointly developed and produced by two important "
            "brands.",
            ["Nissan Motor", "Mitsubishi Motors"],
            "joint_development",
            None,
            id="by-two-adjective-brands",
        ),
    ],
)
def test_partnership_plural_reference_names_the_parties(
    text: str, parties: list[str], kind: str, scope: list[str] | None
) -> None:
    found = partnerships_of(text)
    assert [(party_set(f.fields["parties"]), f.fields["kind"]) for f in found] == [(party_set(parties), kind)]
    if scope is not None:
        assert found[0].fields["scope"] == scope


def test_partnership_venture_owners_with_qualified_names_are_the_parties() -> None:
    found = partnerships_of(
        "Ultium Cells, the joint venture of General Motors and South Korea's LG Energy Solution, opened a plant."
    )
    assert [party_set(f.fields["parties"]) for f in found] == [
        party_set(["General Motors", "LG Energy Solution"])
    ]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Honda and Nissan signed a memorandum of understanding to explore co-developing cars.", "signed"
        ),
        pytest.param(
            "Samsung SDI has received from the Kia group a large order for battery packs.", "signed"
        ),
        pytest.param("CATL has won a contract from BMW Group to supply battery cells.", "signed"),
        pytest.param("Kia and Kestrel Dynamics Inc. announced a partnership on vans.", None),
        pytest.param("Mercedes-Benz Group and Geely are in talks to jointly develop a small car.", "talks"),
        pytest.param(
            "Honda and Nissan signed a memorandum of understanding to begin formal talks on a merger.", "signed"
        ),
        pytest.param("Kia and Ford inked an agreement to start exclusive negotiations on vans.", "signed"),
        pytest.param("Toyota and BMW signed an MoU on Monday to open talks about fuel cells.", "signed"),
        pytest.param("Toyota and BMW plan to open talks about fuel cells.", "talks"),
    ],
)
def test_partnership_status_is_read_only_when_stated(text: str, status: str | None) -> None:
    assert [f.fields["status"] for f in partnerships_of(text)] == [status]


def test_partnership_talks_about_developing_are_an_alliance() -> None:
    found = partnerships_of(
        "Mercedes-Benz Group and Geely are in talks to jointly develop a small car platform."
    )
    assert [(f.fields["kind"], f.fields["scope"]) for f in found] == [("alliance", ["small car platform"])]


def test_partnership_one_company_with_two_partners_gives_two_pairs() -> None:
    text = "Hyundai Motor Group has partnered with LG Energy Solution and SK On."
    found = sorted(sorted(normalize_entity(p) for p in f.fields["parties"]) for f in partnerships_of(text))
    assert found == sorted([sorted(["hyundai", "lg energy solution"]), sorted(["hyundai", "sk on"])])


def test_partnership_scope_after_a_partner_list() -> None:
    text = "Hyundai Motor Group has partnered with LG Energy Solution and SK On on battery cells."
    assert [f.fields["scope"] for f in partnerships_of(text)] == [["battery cells"], ["battery cells"]]


def test_partnership_ended_deal_is_kept_only_as_ended() -> None:
    found = partnerships_of("Nissan ended its partnership with Kestrel Dynamics Inc.")
    assert [f.fields["status"] for f in found] == ["ended"]
    assert party_set(found[0].fields["parties"]) == party_set(["Nissan", "Kestrel Dynamics"])
    assert found[0].confidence < 0.5


def test_partnership_two_sentences_on_one_deal_merge_to_the_specific_kind() -> None:
    text = (
        "Kia and Kestrel Dynamics Inc. announced a partnership on Monday. "
        "The two companies will form a joint venture to build electric vans in Slovakia."
    )
    found = partnerships_of(text)
    assert len(found) == 1, [f.fields for f in found]
    assert party_set(found[0].fields["parties"]) == party_set(["Kia", "Kestrel Dynamics"])
    assert found[0].fields["kind"] == "joint_venture"


NOT_PARTNERSHIP = [
    pytest.param("Tesla competes with BYD in China.", id="competes"),
    pytest.param("BYD overtook Tesla as the world's largest seller of electric cars.", id="overtook"),
    pytest.param("Honda denied that it was in talks with Nissan about a merger.", id="denied-talks"),
    pytest.param("Rivian is looking for a partner to build its R2.", id="seeking-a-partner"),
    pytest.param("Volvo Cars and Polestar both reported higher sales.", id="co-mentioned"),
    pytest.param("Stellantis holds a 21 percent stake in Leapmotor.", id="stake-is-ownership"),
    pytest.param("Geely and BYD are rivals in the Chinese market.", id="rivals"),
    pytest.param(
        "BMW Group opened a new plant in Debrecen. Nissan is working on partnerships with other manufacturers.",
        id="unnamed-other-partners",
    ),
    pytest.param("BMW cancelled a large order for cells from Northvolt.", id="cancelled-order"),
    pytest.param(
        "Kia and Ford reported sales. Both partners sold 10,000 cars in May.",
        id="the-partners-is-no-deal-word",
    ),
]


@pytest.mark.parametrize("text", NOT_PARTNERSHIP)
def test_partnership_rivals_denials_and_co_mentions_yield_nothing(text: str) -> None:
    assert [f.fields for f in partnerships_of(text)] == []


HEDGED = [
    pytest.param("Toyota and BYD are in talks about a joint venture.", id="in-talks"),
    pytest.param("Kia is said to be exploring a partnership with Velora Motors.", id="said-to-be-exploring"),
    pytest.param(
        "Nissan and Honda may cooperate on batteries, people familiar with the matter said.",
        id="may-cooperate",
    ),
]


@pytest.mark.parametrize("text", HEDGED)
def test_partnership_talks_and_rumours_have_talks_status_and_low_confidence(text: str) -> None:
    found = partnerships_of(text)
    assert found, "talks are kept, with a lowered confidence"
    assert all(f.confidence < 0.5 and f.fields["status"] == "talks" for f in found), [f.fields for f in found]


def test_partnership_licence_from_one_named_party_goes_to_the_article_company() -> None:
    from datetime import date

    from evintel.extract import extract_article
    from evintel.models import Article

    text = (
        "Velora Motors is building a cell plant in Ohio. "
        "The cells will use lithium iron phosphate technology licensed from CATL, under an agreement signed in May."
    )
    deals = [f.fields for f in extract_article(Article("t", text, date(2025, 6, 1))) if f.type == "partnership"]
    assert [(sorted(d["parties"]), d["kind"]) for d in deals] == [(["CATL", "Velora Motors"], "licensing")]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Honda and LG Energy Solution said they would invest $4.4 billion to build a battery plant in Ohio.",
            ["Honda", "LG Energy Solution"],
        ),
        ("Toyota and Panasonic will jointly construct a cell factory near Osaka.", ["Toyota", "Panasonic"]),
        ("Renault, Nissan and Mitsubishi set up a new company for electric vans.", ["Renault", "Nissan", "Mitsubishi"]),
        ("In March, Ford and SK On agreed to build two battery plants in Kentucky.", ["Ford", "SK On"]),
        ("Stellantis and CATL plan to invest 4.1 billion euros in an LFP gigafactory in Spain.", ["Stellantis", "CATL"]),
    ],
)
def test_partnership_companies_building_one_plant_together_form_a_joint_venture(
    text: str, parties: list[str]
) -> None:
    (fact,) = partnerships_of(text)
    assert party_set(fact.fields["parties"]) == party_set(parties)
    assert fact.fields["kind"] == "joint_venture"


@pytest.mark.parametrize(
    "text",
    [
        "BMW and Mercedes-Benz each plan to build a new plant in Hungary.",
        "Tesla and BYD opened new showrooms in Oslo.",
        "Sales of Ford and GM fell while Toyota will build a plant in Texas.",
        "Hyundai and Kia will build their own plants in Georgia and Alabama, respectively.",
        "Nissan and Honda denied they would build a plant together.",
    ],
)
def test_partnership_companies_building_apart_form_nothing(text: str) -> None:
    assert partnerships_of(text) == []


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "Mazda and Panasonic Energy concluded the formal contract for the supply of cylindrical batteries.",
            ["cylindrical batteries"],
            id="contract-for-the-supply-of",
        ),
        pytest.param(
            "Kia signed with Samsung SDI the supply contract of prismatic cells.",
            ["prismatic cells"],
            id="supply-contract-of",
        ),
        pytest.param(
            "Toyota and CATL reached an agreement on the supply of LFP packs.",
            ["LFP packs"],
            id="agreement-on-the-supply-of",
        ),
        pytest.param(
            "Honda and CATL concluded a basic agreement for the supply from 2028.", None, id="basic-is-no-scope"
        ),
    ],
)
def test_partnership_agreement_for_the_supply_is_a_supply_agreement(text: str, scope: list[str] | None) -> None:
    found = partnerships_of(text)
    assert [(f.fields["kind"], f.fields["scope"]) for f in found] == [("supply_agreement", scope)]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Stellantis's venture with Chinese electric-car maker Leapmotor will build the B10 in Spain.",
            ["Stellantis", "Leapmotor"],
            id="possessive-venture-with",
        ),
        pytest.param(
            "Stellantis controls Leapmotor International, a 51:49 venture with Leapmotor.",
            ["Stellantis", "Leapmotor"],
            id="ratio-venture",
        ),
        pytest.param(
            "Renault Group's venture with Geely will start building engines, as the owner of Dacia and Alpine "
            "seeks cheaper hybrids.",
            ["Renault Group", "Zhejiang Geely Holding"],
            id="owner-of-brands-is-no-party",
        ),
        pytest.param(
            "The venture between Toyota and BYD sells electric cars in China.",
            ["Toyota", "BYD"],
            id="venture-between",
        ),
    ],
)
def test_partnership_a_venture_with_a_partner_is_a_joint_venture(text: str, parties: list[str]) -> None:
    found = partnerships_of(text)
    assert [(party_set(f.fields["parties"]), f.fields["kind"]) for f in found] == [
        (party_set(parties), "joint_venture")
    ]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "The plant of Kestrel Cells Gujarat — a joint venture of Toshiba, Denso and Suzuki — began "
            "production, making Maruti the first in India to localise hybrid cells.",
            ["Toshiba", "Denso", "Suzuki"],
            id="dashed-apposition-with-another-company-after",
        ),
        pytest.param(
            "Ultium Cells, the joint venture of General Motors and LG Energy Solution, supplies Honda, Kia and "
            "Volvo Cars.",
            ["General Motors", "LG Energy Solution"],
            id="owners-with-three-customers-after",
        ),
        pytest.param(
            "Ionna, the joint venture of BMW Group, General Motors, Honda, Hyundai, Kia, Mercedes-Benz and "
            "Stellantis, opened its first site.",
            ["BMW Group", "General Motors", "Honda", "Hyundai", "Kia", "Mercedes-Benz", "Stellantis"],
            id="seven-owners",
        ),
    ],
)
def test_partnership_named_venture_owners_are_the_parties_whatever_else_is_named(
    text: str, parties: list[str]
) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [party_set(f.fields["parties"]) for f in found] == [party_set(parties)]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "LG Energy Solution and General Motors run a 50:50 battery joint venture in Ohio.",
            ["battery"],
            id="ratio-before-the-modifier",
        ),
        pytest.param(
            "A second battery venture, between Hyundai and SK On, is under construction in Georgia.",
            ["battery"],
            id="ordinal-battery-venture",
        ),
        pytest.param(
            "The two carmakers, Toyota and BYD, set up an e-axle joint venture last year.",
            ["e-axle"],
            id="e-axle-joint-venture",
        ),
        pytest.param(
            "LG Energy Solution and General Motors run Ultium Cells, a joint venture in Ohio.",
            ["cells"],
            id="product-in-the-venture-name",
        ),
        pytest.param(
            "HL-GA Battery Company, a joint venture of Hyundai and LG Energy Solution, is finishing a plant.",
            ["battery"],
            id="product-in-the-venture-name-first",
        ),
        pytest.param(
            "Stellantis and Qilin Semiconductor formed a joint venture in Shanghai.",
            None,
            id="a-partner-name-is-no-scope",
        ),
    ],
)
def test_partnership_joint_venture_scope_from_its_modifier_or_name(text: str, scope: list[str] | None) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [f.fields["scope"] for f in found] == [scope]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "The deal builds on a memorandum signed last year, under which CATL agreed to supply LFP cells to "
            "Stellantis.",
            ["LFP cells"],
            id="builds-on-a-memorandum-agreed-to-supply",
        ),
        pytest.param(
            "Toyota signed a contract to supply hybrid systems to Mazda.", ["hybrid systems"], id="contract-to-supply"
        ),
        pytest.param(
            "BMW Group and Northvolt struck a deal to supply cylindrical cells from 2026.",
            ["cylindrical cells"],
            id="deal-to-supply",
        ),
    ],
)
def test_partnership_scope_is_what_is_agreed_to_be_supplied(text: str, scope: list[str]) -> None:
    assert [f.fields["scope"] for f in partnerships_of(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "parties", "scope"),
    [
        pytest.param(
            "Stellantis and Leapmotor set up Leapmotor International to sell EVs outside China.",
            ["Stellantis", "Leapmotor"],
            ["EVs outside China"],
            id="set-up-a-known-venture-to",
        ),
        pytest.param(
            "Geely and Renault Group will jointly own Horse Powertrain, which makes engines.",
            ["Zhejiang Geely Holding", "Renault Group"],
            ["engines"],
            id="jointly-own-which-makes",
        ),
        pytest.param(
            "Ford and SK On founded BlueOval SK in 2021.",
            ["Ford", "SK On"],
            None,
            id="founded-a-known-venture",
        ),
    ],
)
def test_partnership_pair_founding_a_known_venture(text: str, parties: list[str], scope: list[str] | None) -> None:
    found = partnerships_of(text)
    assert [(party_set(f.fields["parties"]), f.fields["kind"], f.fields["scope"]) for f in found] == [
        (party_set(parties), "joint_venture", scope)
    ]


def test_partnership_pair_founding_a_company_the_kb_does_not_list_as_a_venture_is_none() -> None:
    assert partnerships_of("Toyota and BMW Group set up Rivian to make trucks.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The collaboration is an industrial agreement: Kia provides the technology and Ford the plant.",
        "Under the partnership Toyota brings the platform and BYD the factory.",
        "The alliance is simple: Renault Group builds the engines and Nissan the models.",
    ],
)
def test_partnership_company_before_a_determiner_and_a_site_noun_is_a_party(text: str) -> None:
    found = partnerships_of(text)
    assert [len(f.fields["parties"]) for f in found] == [2], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Seven carmakers launched Ionna. The venture is owned by BMW Group, General Motors, Honda, Hyundai, Kia, "
            "Mercedes-Benz and Stellantis.",
            ["BMW Group", "General Motors", "Honda", "Hyundai", "Kia", "Mercedes-Benz", "Stellantis"],
            id="venture-is-owned-by-seven",
        ),
        pytest.param(
            "The venture is jointly owned by Toyota and BYD.", ["Toyota", "BYD"], id="venture-is-jointly-owned-by"
        ),
        pytest.param(
            "Kia opened a plant. The venture was set up by Kia and Ford in 2021.", ["Kia", "Ford"], id="venture-was-set-up-by"
        ),
    ],
)
def test_partnership_venture_owned_by_a_list(text: str, parties: list[str]) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [party_set(f.fields["parties"]) for f in found] == [party_set(parties)]


@pytest.mark.parametrize(
    "text",
    [
        "Nordic recycler Hydrovolt, a joint venture between Northvolt and Norsk Hydro, opened its plant.",
        "Recycler Kestrel Cycle, a joint venture of Northvolt and Norsk Hydro, has begun operations in Norway.",
    ],
)
def test_partnership_venture_named_first_then_its_owners(text: str) -> None:
    (fact,) = partnerships_of(text)
    assert party_set(fact.fields["parties"]) == party_set(["Northvolt", "Norsk Hydro"])
    assert fact.fields["kind"] == "joint_venture"


@pytest.mark.parametrize(
    "text",
    [
        "The deal follows Volvo Group's $210 million purchase of the truck business of Navistar in 2021.",
        "The agreement was opposed by Tianqi Lithium, owner of 22% of SQM.",
        "The agreement was criticised by Geely, which owns 10% of Mercedes-Benz.",
    ],
)
def test_partnership_purchase_or_holding_beside_a_deal_word_is_no_alliance(text: str) -> None:
    assert partnerships_of(text) == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Kestrel Plus, the 60:40 joint venture between Arvena Energy, a wholly owned subsidiary of Shell, and "
            "Taiwan's Foxconn, is finishing its plant.",
            {"Arvena Energy", "Foxconn"},
        ),
        (
            "The joint venture between Audi, a subsidiary of Volkswagen, and Gotion was approved.",
            {"Audi", "Gotion High-Tech"},
        ),
        (
            "The joint venture of Nordwind Batteries, the battery unit of Equinor, and BMW Group opened a site.",
            {"Nordwind Batteries", "BMW Group"},
        ),
    ],
)
def test_partnership_venture_owner_aside_is_not_an_owner(text: str, parties: set[str]) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [party_set(f.fields["parties"]) for f in found] == [party_set(sorted(parties))], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Tesla agreed to buy stakes in Manara Minerals, a joint venture between Saudi Arabia's Ma'aden and the kingdom's Public Investment Fund.",
        "Ford said it bought cells from Ultium Cells, a joint venture between Detroit's Rocketman and LG Energy Solution.",
        "BMW praised Kestrel, the venture of Portugal's Galpa and CATL.",
    ],
)
def test_partnership_venture_with_an_unknown_owner_does_not_pair_other_companies(text: str) -> None:
    found = partnerships_of(text)
    assert all(f.fields["kind"] != "joint_venture" or len(f.fields["parties"]) >= 2 for f in found)
    assert not any({"Tesla", "Ford Motor", "BMW Group"} & set(f.fields["parties"]) for f in found), [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bosch and Valeo agreed a development cooperation for brake-by-wire systems.", "joint_development"),
        ("Toyota and BMW will cooperate in the development of fuel cell trucks.", "joint_development"),
        ("Hyundai and Kia signed a pact on cooperation in development of solid-state cells.", "joint_development"),
        ("Codelco and Albemarle formed a joint company to mine lithium.", "joint_venture"),
    ],
)
def test_partnership_kind_from_translated_phrasings(text: str, kind: str) -> None:
    found = partnerships_of(text)
    assert [f.fields["kind"] for f in found] == [kind], [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Verkor, the battery company established by Renault and China's Gotion with equal shares, plans a plant.",
            {"Renault", "Gotion High-Tech"},
        ),
        ("The cell maker, which was founded by Stellantis and Samsung SDI, hired 500 workers.", {"Stellantis", "Samsung SDI"}),
        ("Ultium is a company jointly set up by General Motors and LG Energy Solution.", {"General Motors", "LG Energy Solution"}),
    ],
)
def test_partnership_company_established_by_a_pair_is_their_joint_venture(text: str, parties: set[str]) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [party_set(f.fields["parties"]) for f in found] == [party_set(sorted(parties))], [f.fields for f in found]


def test_partnership_company_founded_by_persons_is_no_joint_venture() -> None:
    assert partnerships_of("Rivian, the startup founded by chief executive RJ Scaringe and Tom Smith, opened a plant.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("With CATL has Mercedes-Benz an agreement on battery supply closed.", "supply_agreement"),
        ("Xiaomi inked a deal with CATL for the supply of batteries.", "supply_agreement"),
        ("Scania signed an agreement for the delivery of cells with Northvolt.", "supply_agreement"),
        ("GAC Aion and CATL signed a memorandum of cooperation.", "alliance"),
    ],
)
def test_partnership_supply_and_memorandum_phrasings(text: str, kind: str) -> None:
    found = partnerships_of(text)
    assert [f.fields["kind"] for f in found] == [kind], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "GAC Aion and CATL signed a memorandum of cooperation.",
        "Nio and CATL signed a memorandum of cooperation on Monday.",
        "Geely and Renault agreed a memorandum of cooperation.",
    ],
)
def test_partnership_scope_is_never_a_function_word(text: str) -> None:
    found = partnerships_of(text)
    assert found and all(not f.fields["scope"] for f in found), [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Great Wall Motor reached an agreement with BMW Group to produce Mini EVs.",
        "Dongfeng signed an agreement with Stellantis to build Peugeot SUVs.",
        "Nissan struck a deal with Renault to build Dacia SUVs.",
    ],
)
def test_partnership_brand_named_in_the_product_is_no_party(text: str) -> None:
    found = partnerships_of(text)
    assert found and all(len(f.fields["parties"]) == 2 for f in found), [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Hino Motors and Mitsubishi Fuso concluded the final contract of management integration.",
        "Nissan and Honda signed a business integration agreement on Monday.",
        "Geely and Volvo Cars signed a merger agreement for their engine units.",
    ],
)
def test_partnership_integration_and_merger_agreements_are_kind_other(text: str) -> None:
    found = partnerships_of(text)
    assert [f.fields["kind"] for f in found] == ["other"], [f.fields for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "Honda and Nissan agreed to work toward a merger as they try to catch up with Tesla and other rivals.",
        "Nissan and Honda discussed a merger to compete with BYD.",
        "Stellantis and Renault studied a business integration to stay ahead of Tesla.",
    ],
)
def test_partnership_merger_never_pairs_a_rival(text: str) -> None:
    found = partnerships_of(text)
    assert not any("Tesla" in f.fields["parties"] or "BYD" in f.fields["parties"] for f in found), [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("The joint venture, in which Stellantis holds 51% and Leapmotor 49%, will sell cars abroad.", {"Stellantis", "Leapmotor"}),
        ("Under the plan Toyota will own 60% and Panasonic the remaining 40% of the venture.", {"Toyota Motor", "Panasonic Holdings"}),
        ("The JV is set up so that Renault holds a 50% stake and Geely 50%.", {"Renault Group", "Zhejiang Geely Holding"}),
    ],
)
def test_partnership_owners_shares_of_a_venture_make_it_a_joint_venture(text: str, parties: set[str]) -> None:
    found = [f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]
    assert [party_set(f.fields["parties"]) for f in found] == [party_set(sorted(parties))], [f.fields for f in partnerships_of(text)]


def test_partnership_shares_without_a_venture_word_are_no_partnership() -> None:
    assert partnerships_of("Toyota holds 20% and Denso 10% of the supplier Aisin.") == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("GM's joint venture with SAIC, SAIC-GM, cut prices.", {"General Motors", "SAIC Motor"}),
        ("Daimler Truck's joint venture with Volvo Group, cellcentric, hired staff.", {"Daimler Truck", "Volvo Group"}),
        ("Ford's partnership with SK On through BlueOval SK and with Koc was extended.", {"Ford Motor", "SK On", "Koc Holding"}),
    ],
)
def test_partnership_a_known_venture_named_beside_its_owners_is_no_party(text: str, parties: set[str]) -> None:
    found = partnerships_of(text)
    assert found and all("SAIC-GM" not in f.fields["parties"] and "cellcentric" not in f.fields["parties"] and "BlueOval SK" not in f.fields["parties"] for f in found), [f.fields for f in found]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param("Albemarle has agreed to supply 25,000 tonnes of lithium hydroxide a year to Ford under a deal.", ["lithium hydroxide a year"], id="agreed-to-supply-to-slot"),
        pytest.param("Vale agreed to supply nickel sulphate to Tesla under a long-term contract.", ["nickel sulphate"], id="agreed-to-supply-under"),
        pytest.param("CATL signed a contract to supply LFP packs to Ford Otosan in Turkey.", ["LFP packs"], id="contract-to-supply-to"),
    ],
)
def test_partnership_supply_scope_stops_before_the_customer(text: str, scope: list[str]) -> None:
    assert [f.fields["scope"] for f in partnerships_of(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        pytest.param(
            "Honda and Nissan agreed to jointly develop software for electric cars and to share EV components such "
            "as batteries and e-axles.",
            ["software for electric cars", "EV components", "batteries", "e-axles"],
            id="and-to-share-such-as",
        ),
        pytest.param(
            "Toyota and BMW Group will jointly develop fuel-cell systems and to build hydrogen tanks.",
            ["fuel-cell systems", "hydrogen tanks"],
            id="and-to-build",
        ),
        pytest.param(
            "Kia and Ford will jointly develop electric vans such as the PV5 and to source batteries together.",
            ["electric vans", "batteries together"],
            id="such-as-cut-from-the-first-scope",
        ),
    ],
)
def test_partnership_several_things_agreed_on(text: str, scope: list[str]) -> None:
    assert [f.fields["scope"] for f in partnerships_of(text)] == [scope]


@pytest.mark.parametrize(
    ("text", "joint"),
    [
        pytest.param("General Motors and Ford set up plants in Mexico.", False, id="plural-plants"),
        pytest.param("Kia and Ford are building factories across Europe.", False, id="plural-factories"),
        pytest.param("Toyota and BYD will jointly build plants in Thailand.", True, id="jointly-plural"),
        pytest.param("Toyota and BYD will build a plant in Thailand.", True, id="one-plant"),
    ],
)
def test_partnership_companies_building_plants_each_are_no_joint_venture(text: str, joint: bool) -> None:
    assert bool([f for f in partnerships_of(text) if f.fields["kind"] == "joint_venture"]) is joint


def test_partnership_owner_named_in_a_partys_aside_is_no_party() -> None:
    text = (
        "Daimler Truck founds with Accelera, the zero-emission division of the engine maker Cummins, and with "
        "Paccar a joint venture for battery cells."
    )
    (fact,) = partnerships_of(text)
    assert party_set(fact.fields["parties"]) == party_set(["Daimler Truck", "Accelera", "Paccar"])


@pytest.mark.parametrize(
    "text",
    [
        "In a separate deal, Traton's Scania took over Northvolt's industrial battery business.",
        "Under the deal, Stellantis takes over the Leapmotor plant.",
        "The deal, in which Geely has taken over Proton's stake, closed on Monday.",
    ],
)
def test_partnership_a_takeover_deal_is_no_alliance(text: str) -> None:
    assert [f for f in partnerships_of(text) if f.fields["kind"] == "alliance"] == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Chery already builds cars in the old factory of Nissan, through its alliance with the Catalan Ebro.",
            ["Chery", "Ebro"],
        ),
        ("Kia builds in the former plant of Ford, through a partnership with Hyundai Mobis.", ["Kia", "Hyundai Mobis"]),
    ],
)
def test_partnership_owner_of_a_named_site_is_no_party(text: str, parties: list[str]) -> None:
    (fact,) = partnerships_of(text)
    assert party_set(fact.fields["parties"]) == party_set(parties)


def test_partnership_employees_of_a_company_make_it_no_party() -> None:
    text = "Lyten will rehire former Northvolt employees and is in talks with Stellantis about a partnership."
    assert [party_set(f.fields["parties"]) for f in partnerships_of(text)] == [party_set(["Lyten", "Stellantis"])]


@pytest.mark.parametrize(
    "text",
    [
        "Ionity signed an agreement with hotel group Accor to install chargers in Spain, and with Alpitronic, the maker.",
        "Ionity agreed deals with hotel group Accor for hubs in France, and also with Alpitronic for equipment.",
        "Ionity has a partnership with the hotel group Accor, and with Alpitronic.",
    ],
)
def test_partnership_each_with_names_a_bilateral_partner(text: str) -> None:
    assert sorted(party_set(f.fields["parties"]) for f in partnerships_of(text)) == sorted(
        [party_set(["Ionity", "Accor"]), party_set(["Ionity", "Alpitronic"])]
    )


# The rule skips these patterns by the sentence's cue index before running them over its template: every
# literal they need must be sentence text, not the inside of a slot ("⟨12⟩", "⟦P0⟧" read as "12", "p0").
_SLOT_INSIDE = re.compile(r"[pm]?\d*")


@pytest.mark.parametrize(
    "pattern",
    [
        partnership._OBJECT_VERB,
        partnership._NOUN_TRIGGER,
        partnership._PLATFORM,
        partnership._VENTURE_SENTENCE,
        partnership._AND_TO_VERB,
        partnership._VENTURE_OF,
        partnership._OWNER_ASIDE,
        partnership._VENTURE_SLOT_OF,
        partnership._OWNER_PAIR,
        partnership._WITH_LIST,
    ],
    ids=lambda p: p.pattern[:30],
)
def test_partnership_template_patterns_need_no_literal_a_slot_could_supply(pattern: re.Pattern[str]) -> None:
    literals = required_literals(pattern)
    assert literals is not None
    assert not any(_SLOT_INSIDE.fullmatch(literal) for literal in literals)

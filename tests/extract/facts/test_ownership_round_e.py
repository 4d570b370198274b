"""Ownership phrasings of a further round of writers: described owners in "in which" clauses, joint ventures
named in apposition, owners who "each have" a share. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from tests.extract.facts.ownership_kit import link, links, ownership_of


@pytest.mark.parametrize(
    ("text", "parent", "child", "stake"),
    [
        ("Nissan, in which French carmaker Renault holds 36%, reported a loss.", "Renault", "Nissan", 36),
        (
            "Mitsubishi Motors, in which the German group Volkswagen owns a 20% stake, reported a loss.",
            "Volkswagen",
            "Mitsubishi Motors",
            20,
        ),
        (
            "Volvo Cars, in which Chinese automaker Geely holds about 78%, cut jobs.",
            "Zhejiang Geely Holding",
            "Volvo Cars",
            78,
        ),
    ],
)
def test_ownership_in_which_owner_with_descriptor(text: str, parent: str, child: str, stake: Any) -> None:
    assert link(parent, child, stake) in links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nissan, in which Renault holds about 36%, called off its talks with Honda.",
        "Nissan, in which the French carmaker Renault holds 36%, denied the report.",
        "Nissan, of which Renault holds 36%, cancelled its plan.",
    ],
)
def test_ownership_in_which_clause_keeps_its_own_modality(text: str) -> None:
    found = ownership_of(text)
    assert found
    assert {f.modality for f in found} == {"asserted"}


def test_ownership_stake_in_denied_main_clause_stays_denied() -> None:
    found = ownership_of("Renault denied that it holds 36% of Nissan.")
    assert all(f.modality == "denied" for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tessar Motors and Valdor Group launched Ombria, a 50:50 joint venture that will build trucks.",
            {("Tessar Motors", "Ombria", 50), ("Valdor Group", "Ombria", 50)},
        ),
        (
            "Ombria, the joint venture of Tessar Motors and Valdor Group, opened a plant.",
            {("Tessar Motors", "Ombria", None), ("Valdor Group", "Ombria", None)},
        ),
        (
            "Stellantis and Leapmotor set up Lumora Drive, an equal joint venture for overseas sales.",
            {("Stellantis", "Lumora Drive", 50), ("Leapmotor", "Lumora Drive", 50)},
        ),
        (
            "Umicore will keep Coretura, its equal joint venture with PowerCo.",
            {("Umicore", "Coretura", 50), ("PowerCo", "Coretura", 50)},
        ),
    ],
)
def test_ownership_venture_named_in_apposition(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert {link(*e) for e in expected} <= links(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Tofas Ventures, joint venture in which the Koç group and Stellantis each have 50%, paused output.",
            {("Koç Holding", "Tofas Ventures", 50), ("Stellantis", "Tofas Ventures", 50)},
        ),
        (
            "Lumora Drive, a joint venture in which Stellantis and Leapmotor each hold 50%, paused output.",
            {("Stellantis", "Lumora Drive", 50), ("Leapmotor", "Lumora Drive", 50)},
        ),
    ],
)
def test_ownership_venture_owners_each_have_a_share(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert {link(*e) for e in expected} <= links(text)


def test_ownership_capital_of_is_no_venture_name() -> None:
    assert not links("Paris, the joint venture capital of Europe, is busy.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Abroad, Lumora International, the joint venture established by Stellantis Group and Leapmotor, in which "
            "Stellantis holds 51% and Leapmotor holds 49%, sells in 30 markets.",
            {("Stellantis", "Lumora International", 51), ("Leapmotor", "Lumora International", 49)},
        ),
        (
            "Ombria, a joint venture set up by Renault and Geely, in which Renault has 45% and Geely 55%, builds engines.",
            {("Renault", "Ombria", 45), ("Zhejiang Geely Holding", "Ombria", 55)},
        ),
    ],
)
def test_ownership_venture_founders_then_shares(text: str, expected: set[tuple[str, str, Any]]) -> None:
    found = links(text)
    assert {link(*e) for e in expected} <= found
    assert not any(child in {link(*e)[0] for e in expected} for _p, child, _s in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corivo, the joint venture of Horizon Robotics and Cariad, develops driving software. "
            "In the joint venture, Cariad holds 60% shares, Horizon Robotics holds 40%.",
            {("Cariad", "Corivo", 60), ("Horizon Robotics", "Corivo", 40)},
        ),
        (
            "In Ultium Cells, LG Energy Solution has 50% and General Motors 50%.",
            {("LG Energy Solution", "Ultium Cells", 50), ("General Motors", "Ultium Cells", 50)},
        ),
    ],
)
def test_ownership_fronted_company_then_owner_shares(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert {link(*e) for e in expected} <= links(text)


def test_ownership_fronted_place_is_no_company() -> None:
    assert not links("In China, BYD holds 30% of the market, Tesla holds 10%.")


def test_ownership_equal_venture_partner_not_its_possessor() -> None:
    found = links(
        "Umicore will keep Coretura, its equal joint venture with Volkswagen's battery unit PowerCo."
    )
    assert {link("Umicore", "Coretura", 50), link("PowerCo", "Coretura", 50)} <= found
    assert not any(
        child == link("x", "Coretura", 0)[1] and parent == "volkswagen" for parent, child, _s in found
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hozon New Energy Automobile, the parent of the Neta brand, denied reports that it would leave Thailand.",
        "Hozon New Energy Automobile, the owner of Neta, has cancelled its plan to enter Europe.",
    ],
)
def test_ownership_parent_apposition_keeps_its_own_modality(text: str) -> None:
    found = ownership_of(text)
    assert [(f.fields["parent"], f.fields["child"], f.modality) for f in found] == [
        ("Hozon New Energy Automobile", "Neta", "asserted")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Its rival sells through Tofas, a joint venture of Koç Holding and Stellantis in which Stellantis holds 37.8%.",
            {("Stellantis", "Tofaş", 37.8), ("Koç Holding", "Tofaş", None)},
        ),
        (
            "Tofas, a joint venture of Koç Holding and Stellantis in which each holds 37.8%, exported cars.",
            {("Stellantis", "Tofaş", 37.8), ("Koç Holding", "Tofaş", 37.8)},
        ),
        (
            "Kestrel sells through Ultium Cells, the joint venture of General Motors and LG Energy Solution in which "
            "GM holds 50% and LG Energy Solution 50%.",
            {("General Motors", "Ultium Cells", 50), ("LG Energy Solution", "Ultium Cells", 50)},
        ),
    ],
)
def test_ownership_venture_of_owners_in_which_shares(text: str, expected: set[tuple[str, str, Any]]) -> None:
    assert {link(*e) for e in expected} <= links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Changan sells in Thailand through a joint venture of Stellantis and Koç Holding in which Koç Holding holds 51%.",
        "Changan exports from a plant run as a joint venture between Stellantis, which holds 65%, and Koç Holding, with 35%.",
    ],
)
def test_ownership_venture_owner_share_is_not_of_another_company(text: str) -> None:
    found = links(text)
    assert not any(
        child in {link("Koç Holding", "Changan", 0)[1], link("Stellantis", "x", 0)[0]}
        for _p, child, _s in found
    )
    assert not any(child == link("Koç Holding", "x", 0)[0] for _p, child, _s in found)


@pytest.mark.parametrize(
    ("text", "parent", "child"),
    [
        (
            "ElectroMobility Poland (EMP), the state-controlled company behind the Izera electric car brand, hired staff.",
            "ElectroMobility Poland",
            "Izera",
        ),
        (
            "Hozon New Energy Automobile, the company behind the Neta brand, denied it would leave Thailand.",
            "Hozon New Energy Automobile",
            "Neta",
        ),
        (
            "Geely Holding, the Chinese group behind the Zeekr brand, reported higher sales.",
            "Zhejiang Geely Holding",
            "Zeekr",
        ),
    ],
)
def test_ownership_company_behind_a_brand(text: str, parent: str, child: str) -> None:
    found = ownership_of(text)
    assert [(f.fields["parent"], f.fields["child"], f.modality) for f in found] == [
        (parent, child, "asserted")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Volvo, the carmaker behind the XC90, sold more.",
        "Ford, the company behind the push for cheaper EVs, sold more.",
    ],
)
def test_ownership_company_behind_no_brand_yields_nothing(text: str) -> None:
    assert not links(text)


def test_ownership_bus_maker_owned_by_described_parent() -> None:
    text = "Solaris Bus & Coach, the Bolechowo-based bus maker owned by Spain's CAF, delivered 1,400 buses."
    assert link("CAF", "Solaris Bus & Coach", None) in links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Schaeffler had taken over in the past year the Regensburg drive specialist Vitesco Technologies.",
        "Schaeffler acquired in 2024 the drive maker Vitesco Technologies.",
        "Schaeffler acquired last year Vitesco Technologies.",
        "Schaeffler has taken over the drive specialist Vitesco Technologies.",
    ],
)
def test_ownership_takeover_with_time_before_object(text: str) -> None:
    assert links(text) == {link("Schaeffler", "Vitesco Technologies", None)}


def test_ownership_goods_bought_with_time_before_object_are_no_takeover() -> None:
    assert not links("Schaeffler bought in the first quarter 5,000 tonnes of lithium from Albemarle.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Posco Future M raised capital. POSCO Holdings, the largest shareholder with a 59.7% stake, joined.",
            ("POSCO Holdings", "POSCO Future M", 59.7),
        ),
        (
            "Lumora Cells raised capital. Its parent Valdor Group is the largest shareholder with a 40% stake.",
            ("Valdor Group", "Lumora Cells", 40),
        ),
    ],
)
def test_ownership_largest_shareholder_in_apposition(text: str, expected: tuple[str, str, Any]) -> None:
    assert link(*expected) in links(text)


def test_ownership_largest_maker_in_apposition_is_no_shareholder() -> None:
    assert not links("Volkswagen, the largest carmaker in Europe, sold more.")


@pytest.mark.parametrize(
    "text",
    [
        "Daimler Truck and Volvo Group already jointly own cellcentric, the fuel-cell venture.",
        "Daimler Truck and Volvo Group launched a joint venture for trucks. "
        "The two companies already jointly own cellcentric, a fuel-cell maker.",
        "Daimler Truck and Volvo Group met in Brussels. Both firms jointly own cellcentric.",
    ],
)
def test_ownership_plural_reference_jointly_owns(text: str) -> None:
    assert {link("Daimler Truck", "cellcentric", None), link("Volvo Group", "cellcentric", None)} <= links(
        text
    )


def test_ownership_single_company_jointly_owning_is_not_split() -> None:
    assert not links("Daimler Truck launched a new truck. The company jointly owns cellcentric.")


def test_ownership_joint_owners_cue_in_later_clause_is_not_theirs() -> None:
    found = ownership_of(
        "Daimler Truck and Volvo Group jointly own cellcentric, the venture that shelved plans for a plant last month."
    )
    assert found
    assert {f.modality for f in found} == {"asserted"}


def test_ownership_joint_owners_denied_before_statement_stays_denied() -> None:
    found = ownership_of("Daimler Truck and Volvo Group denied they jointly own cellcentric.")
    assert all(f.modality == "denied" for f in found)

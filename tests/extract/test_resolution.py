"""Article-level clean-up: duplicates, self-relations, denied statements, partnership merging, supply deals."""

from __future__ import annotations

from typing import Any

import pytest

from evintel.extract import default_extractor
from evintel.extract.resolution import finalize_facts
from evintel.models import Evidence, Fact
from evintel.resolve.kb import KnowledgeBase

SENTENCE = "A sentence that says nothing in particular."


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_extractor().kb


def fact(
    fact_type: str,
    evidence: str = SENTENCE,
    confidence: float = 0.8,
    modality: str = "asserted",
    **fields: Any,
) -> Fact:
    return Fact(fact_type, fields, Evidence(evidence, 0, len(evidence)), confidence, modality, "a1")


def sales(org: str, quantity: float, confidence: float = 0.8, **fields: Any) -> Fact:
    return fact("sales", confidence=confidence, org=org, quantity=quantity, **fields)


def partnership(parties: list[str], kind: str | None, status: str = "announced", **kw: Any) -> Fact:
    scope = kw.pop("scope", None)
    return fact("partnership", parties=parties, kind=kind, scope=scope, status=status, **kw)


def test_finalize_keeps_the_most_confident_duplicate(kb: KnowledgeBase) -> None:
    low = sales("Kia", 4213, 0.6, period=None)
    high = sales("Kia", 4213, 0.85, period="2024-05")
    assert finalize_facts([low, high], kb) == [high]


def test_finalize_keeps_the_first_of_equally_confident_duplicates(kb: KnowledgeBase) -> None:
    first, second = sales("Kia", 4213, period="2024-05"), sales("Kia", 4213, period=None)
    assert finalize_facts([first, second], kb) == [first]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (sales("Kia", 4213), sales("Kia", 4214)),
        (sales("Kia", 4213), sales("Tesla", 4213)),
        (
            fact("ownership", parent="Geely", child="Volvo Cars", stake_pct=78.7),
            fact("ownership", parent="Geely", child="Polestar", stake_pct=None),
        ),
        (
            fact("investment", investor="Stellantis", amount=1.5e9, currency="EUR", target="Leapmotor"),
            fact("investment", investor="Stellantis", amount=2e9, currency="EUR", target="Leapmotor"),
        ),
        (
            fact("supply", supplier="CATL", customer="Kia", items=None),
            fact("supply", supplier="Kia", customer="CATL", items=None),
        ),
    ],
    ids=["other-quantity", "other-org", "other-child", "other-amount", "reversed-supply"],
)
def test_finalize_keeps_distinct_facts_in_order(kb: KnowledgeBase, a: Fact, b: Fact) -> None:
    assert finalize_facts([a, b], kb) == [a, b]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (sales("Kestrel Dynamics", 2300), sales("kestrel dynamics", 2300)),
        (
            fact("ownership", parent="Geely", child="Volvo Cars", stake_pct=None),
            fact("ownership", parent="GEELY", child="Volvo Cars", stake_pct=78.7),
        ),
        (
            partnership(["Honda Motor", "Nissan Motor"], "alliance"),
            partnership(["Nissan Motor", "Honda Motor"], "alliance"),
        ),
    ],
    ids=["case", "case-in-parent", "party-order"],
)
def test_finalize_merges_duplicates_that_differ_only_in_spelling_or_order(
    kb: KnowledgeBase, a: Fact, b: Fact
) -> None:
    assert len(finalize_facts([a, b], kb)) == 1


def test_finalize_merges_one_figure_reported_for_brand_and_group_name(kb: KnowledgeBase) -> None:
    assert len(finalize_facts([sales("BMW Group", 82700), sales("BMW", 82700)], kb)) == 1


@pytest.mark.parametrize(
    "self_relation",
    [
        fact("supply", supplier="CATL", customer="CATL", items=["cells"]),
        fact("ownership", parent="Geely", child="Geely", stake_pct=None),
        fact("investment", investor="Tesla", amount=1e9, currency="USD", target="tesla"),
        partnership(["Kia", "Kia"], "alliance"),
        partnership(["Kia"], "alliance"),
    ],
    ids=["supply", "ownership", "investment", "partnership-twice", "partnership-alone"],
)
def test_finalize_drops_self_relations(kb: KnowledgeBase, self_relation: Fact) -> None:
    assert finalize_facts([self_relation], kb) == []


def test_finalize_keeps_investment_in_a_project(kb: KnowledgeBase) -> None:
    project = fact(
        "investment", investor="Honda Motor", amount=1e12, currency="JPY", target="plant in Canada"
    )
    assert finalize_facts([project], kb) == [project]


@pytest.mark.parametrize(
    "denied",
    [
        sales("Toyota", 100000),
        fact("ownership", parent="Toyota", child="Velora Motors", stake_pct=None),
        fact("investment", investor="Stellantis", amount=2e9, currency="USD", target="Velora Motors"),
        fact("supply", supplier="CATL", customer="Stellantis", items=None),
        partnership(["Honda Motor", "Nissan Motor"], "alliance", status="talks"),
    ],
    ids=["sales", "ownership", "investment", "supply", "partnership-talks"],
)
def test_finalize_drops_denied_statements(kb: KnowledgeBase, denied: Fact) -> None:
    denied.modality = "denied"
    assert finalize_facts([denied], kb) == []


def test_finalize_keeps_an_ended_partnership_with_its_status(kb: KnowledgeBase) -> None:
    ended = partnership(["Nissan Motor", "Kestrel Dynamics"], "alliance", status="ended", modality="denied")
    assert finalize_facts([ended], kb) == [ended]


@pytest.mark.parametrize(
    ("first_kind", "second_kind", "merged_kind"),
    [
        ("alliance", "joint_venture", "joint_venture"),
        ("joint_venture", "alliance", "joint_venture"),
        ("other", "joint_development", "joint_development"),
        ("alliance", "licensing", "licensing"),
        (None, "platform_sharing", "platform_sharing"),
    ],
)
def test_finalize_merges_partnership_reports_to_the_most_specific_kind(
    kb: KnowledgeBase, first_kind: str | None, second_kind: str, merged_kind: str
) -> None:
    a = partnership(["Kia", "Kestrel Dynamics"], first_kind, scope=["electric vans"], confidence=0.7)
    b = partnership(
        ["Kestrel Dynamics", "Kia"], second_kind, scope=["batteries", "electric vans"], status="signed"
    )
    (merged,) = finalize_facts([a, b], kb)
    assert merged.fields["kind"] == merged_kind
    assert merged.fields["scope"] == ["electric vans", "batteries"]
    assert merged.fields["status"] == "signed"
    assert merged.confidence == 0.8


def test_finalize_never_downgrades_a_signed_partnership(kb: KnowledgeBase) -> None:
    a = partnership(["Kia", "Tesla"], "alliance", status="signed")
    b = partnership(["Kia", "Tesla"], "alliance", status="talks")
    (merged,) = finalize_facts([a, b], kb)
    assert merged.fields["status"] == "signed"


def test_finalize_keeps_two_specific_partnerships_of_one_pair_apart(kb: KnowledgeBase) -> None:
    venture = partnership(["Stellantis", "Samsung SDI"], "joint_venture")
    supply_deal = partnership(["Samsung SDI", "Stellantis"], "supply_agreement")
    found = finalize_facts([venture, supply_deal], kb)
    assert [f.fields["kind"] for f in found if f.type == "partnership"] == [
        "joint_venture",
        "supply_agreement",
    ]


@pytest.mark.parametrize(
    ("evidence", "status"),
    [
        ("CATL signed an agreement to supply cells to Kia.", "signed"),
        ("CATL signs a contract to supply cells to Kia.", "signed"),
        ("CATL won an order from Kia to supply cells.", "signed"),
        ("Under a new deal, CATL will supply cells to Kia.", None),
        ("CATL and Kia sealed an offtake pact for cells.", "signed"),
        ("CATL may supply cells to Kia under a new deal.", "talks"),
    ],
)
def test_finalize_derives_a_supply_agreement_from_a_supply_deal(
    kb: KnowledgeBase, evidence: str, status: str | None
) -> None:
    supply = fact(
        "supply", evidence=evidence, confidence=0.8, supplier="CATL", customer="Kia", items=["cells"]
    )
    out = finalize_facts([supply], kb)
    assert out[0] is supply
    (derived,) = out[1:]
    assert derived.type == "partnership"
    assert derived.fields == {
        "parties": ["CATL", "Kia"],
        "kind": "supply_agreement",
        "scope": ["cells"],
        "status": status,
    }
    assert derived.evidence == supply.evidence
    assert derived.confidence == pytest.approx(0.72)


def test_finalize_derives_nothing_from_a_plain_or_denied_supply(kb: KnowledgeBase) -> None:
    plain = fact(
        "supply", evidence="CATL supplies cells to Kia.", supplier="CATL", customer="Kia", items=["cells"]
    )
    assert finalize_facts([plain], kb) == [plain]
    denied = fact(
        "supply",
        evidence="Kia denied it signed a contract with CATL.",
        modality="denied",
        supplier="CATL",
        customer="Kia",
        items=None,
    )
    assert finalize_facts([denied], kb) == []


def test_finalize_derived_supply_agreement_merges_with_a_stated_one(kb: KnowledgeBase) -> None:
    stated = partnership(["Kia", "CATL"], "supply_agreement", status="signed", scope=["battery cells"])
    supply = fact(
        "supply",
        evidence="CATL will supply cells to Kia under the contract.",
        supplier="CATL",
        customer="Kia",
        items=["cells"],
    )
    out = finalize_facts([stated, supply], kb)
    assert [f.type for f in out] == ["partnership", "supply"]
    assert out[0].fields["status"] == "signed"
    assert out[0].fields["scope"] == ["battery cells", "cells"]


@pytest.mark.parametrize("kind", ["licensing", "joint_venture", "joint_development"])
def test_finalize_derived_supply_agreement_joins_another_stated_deal_of_the_pair(
    kb: KnowledgeBase, kind: str
) -> None:
    stated = partnership(["Ford", "CATL"], kind, status="signed")
    supply = fact(
        "supply",
        evidence="Under the agreement CATL will supply cells to Ford.",
        supplier="CATL",
        customer="Ford",
        items=["LFP cells"],
    )
    out = finalize_facts([stated, supply], kb)
    assert [f.type for f in out] == ["partnership", "supply"]
    assert out[0].fields["kind"] == kind
    assert out[0].fields["scope"] == ["LFP cells"]

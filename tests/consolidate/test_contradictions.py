"""KB contradictions: ownership and stake claims checked against a small hand-built KB and the real one."""

from __future__ import annotations

from datetime import date

import pytest

from evintel.consolidate import SourcedFact, kb_conflicts
from evintel.models import Evidence, Fact

from .factories import small_kb

RIMAC_SENTENCE = "Rimac is basically Volkswagen under the umbrella of Bugatti Rimac."


def _ownership(
    parent: str, child: str, stake: float | None = None, text: str = "", modality: str = "asserted"
) -> Fact:
    fields = {"parent": parent, "child": child, "stake_pct": stake}
    return Fact("ownership", fields, Evidence(text or f"{parent} owns {child}.", 0, 10), 0.9, modality, "art")


@pytest.mark.parametrize(
    ("parent", "child", "stake"),
    [
        ("BMW Group", "Mini", None),
        ("BMW", "MINI", None),  # the BMW brand stands for its namesake group
        ("BMW AG", "Mini", 100),
        ("Volkswagen Group", "Audi", None),
        ("VW", "Lamborghini", None),
        ("Volkswagen AG", "Porsche AG", 75.4),
        ("Volkswagen Group", "Porsche", 75),  # within the stake tolerance
        ("Porsche SE", "Volkswagen", None),  # a stake in the brand's namesake group
        ("Porsche SE", "Volkswagen AG", 31.9),
        ("Porsche Automobil Holding", "Volkswagen Group", 32.5),
        ("Stellantis N.V.", "Jeep", None),
        ("Groupe Renault", "Dacia", None),
        ("Volkswagen Group", "Xpeng", 4.99),  # a minority stake the KB doesn't list
        ("Audi", "Lamborghini", None),  # a holding inside one group
        ("Porsche SE", "Audi", None),  # control through Volkswagen Group (31.9 %, above the 30 % threshold)
        ("Hyundai Motor Group", "Kia", None),  # 33.9 % through Hyundai Motor Company
        ("Stellantis", "Orlenko Motors", 21),  # the KB's own minority link
        ("Rimac Group", "Bugatti Rimac", 55),
        ("BMW Group", "Ionna", None),  # joint ventures have several owners
        ("Voltara Motors", "Mini", None),  # unknown to the KB: nothing to contradict
        ("BMW Group", "Kestrel Automotive", None),
    ],
)
def test_kb_conflicts_none_for_true_or_unknown_claims(kb, parent, child, stake):
    assert kb_conflicts(_ownership(parent, child, stake), kb) == []


@pytest.mark.parametrize(
    ("parent", "child", "stake", "kb_value", "phrase"),
    [
        ("Stellantis", "Audi", None, "Volkswagen Group", "Audi belongs to Volkswagen Group"),
        (
            "Renault",
            "Mini",
            None,
            "BMW Group",
            "Mini belongs to BMW Group",
        ),  # brand claimed under another group
        ("BMW Group", "Jeep", 100, "Stellantis", "Jeep belongs to Stellantis"),
        ("Volkswagen Group", "Tesla", None, "independent", "Tesla has no parent"),
        ("Audi", "Volkswagen Group", None, "Porsche SE", "other way round"),
        (
            "Stellantis",
            "Orlenko Drive",
            None,
            "Orlenko Motors",
            "Stellantis holds 21 % of Orlenko Motors (a minority",
        ),
    ],
)
def test_kb_conflicts_ownership_contradicting_the_kb(kb, parent, child, stake, kb_value, phrase):
    conflicts = kb_conflicts(_ownership(parent, child, stake), kb)
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.kind == "kb" and conflict.fact_type == "ownership"
    article, record = conflict.sides
    assert article.origin == "articles" and record.origin == "kb"
    assert record.value == kb_value
    assert phrase in conflict.message


@pytest.mark.parametrize(
    ("parent", "child", "stake", "kb_stake"),
    [
        ("Volkswagen Group", "Porsche AG", 50, 75.4),
        ("Porsche SE", "Volkswagen Group", 53.3, 31.9),
        ("Rimac Group", "Bugatti Rimac", 45, 55.0),
    ],
)
def test_kb_conflicts_stake_far_from_the_kb(kb, parent, child, stake, kb_stake):
    conflicts = kb_conflicts(_ownership(parent, child, stake), kb)
    assert [(c.kind, [s.value for s in c.sides]) for c in conflicts] == [("kb", [stake, kb_stake])]
    assert f"{kb_stake:g} %" in conflicts[0].message


@pytest.mark.parametrize("modality", ["denied"])
def test_kb_conflicts_ignores_denied_claims(kb, modality):
    assert kb_conflicts(_ownership("Stellantis", "Audi", modality=modality), kb) == []


def test_kb_conflicts_ignores_other_fact_types(kb):
    fact = Fact("supply", {"supplier": "Stellantis", "customer": "Audi"}, Evidence("", 0, 0))
    assert kb_conflicts(fact, kb) == []


def test_kb_conflicts_rimac_independent(kb):
    fact = _ownership("Volkswagen Group", "Rimac Group", text=RIMAC_SENTENCE)
    conflicts = kb_conflicts(fact, kb)
    assert len(conflicts) == 1
    message = conflicts[0].message
    assert "Rimac Group has no parent in the KB (independent)" in message
    assert "Rimac Group holds 55 % of Bugatti Rimac" in message
    assert conflicts[0].sides[0].sources[0].evidence.text == RIMAC_SENTENCE
    assert conflicts[0].sides[1].kb_record["entity"] == "Rimac Group"


def test_kb_conflicts_rimac_minority_stake_does_not_make_vw_the_owner():
    minority_kb = small_kb(rimac_parent="Porsche AG", rimac_stake=20.6)
    fact = _ownership("Volkswagen Group", "Rimac Group", text=RIMAC_SENTENCE)
    conflicts = kb_conflicts(fact, minority_kb)
    assert len(conflicts) == 1
    message = conflicts[0].message
    assert "only through a minority stake" in message
    assert "Porsche AG holds 20.6 % of Rimac Group (a minority stake)" in message
    assert "Volkswagen Group holds 75.4 % of Porsche AG" in message
    # The stake itself, claimed by its real holder, is fine.
    assert kb_conflicts(_ownership("Porsche AG", "Rimac Group", 20.6), minority_kb) == []


def test_kb_conflicts_takes_a_sourced_fact(kb):
    fact = _ownership("Stellantis", "Audi")
    sourced = SourcedFact(fact, "art", date(2024, 5, 1), "https://x.example/a", "A title", "g7", 42)
    conflict = kb_conflicts(sourced, kb)[0]
    source = conflict.sides[0].sources[0]
    assert (source.date, source.title, source.group_id, source.fact_id) == (
        date(2024, 5, 1),
        "A title",
        "g7",
        42,
    )
    assert conflict.fact_ids == [42]
    assert conflict.key == "ownership|stellantis|audi"


def test_kb_conflicts_rimac_against_the_packaged_kb():
    from evintel.errors import KBError
    from evintel.resolve.kb import load_kb

    try:
        kb = load_kb()
    except KBError as error:  # the KB files are edited by another stage; its own tests report this
        pytest.skip(f"the packaged KB does not load: {error}")
    if kb.resolve("Rimac Group") is None or kb.resolve("Volkswagen Group") is None:
        pytest.skip("the packaged KB does not list Rimac Group and Volkswagen Group yet")
    fact = _ownership("Volkswagen Group", "Rimac Group", text=RIMAC_SENTENCE)
    conflicts = kb_conflicts(fact, kb)
    assert len(conflicts) == 1
    assert "Rimac Group" in conflicts[0].message
    assert conflicts[0].sides[1].value != "Volkswagen Group"
    # True claims from the same KB raise nothing.
    true_claims = [
        ("BMW Group", "Mini"),
        ("Volkswagen Group", "Audi"),
        ("Stellantis N.V.", "Jeep"),
        ("Porsche SE", "Volkswagen"),
        ("Hyundai Motor Group", "Kia"),
    ]
    for parent, child in true_claims:
        if kb.resolve(parent) and kb.resolve(child):
            assert kb_conflicts(_ownership(parent, child), kb) == [], (parent, child)


@pytest.mark.parametrize(
    "evidence",
    [
        "Stellantis, which also holds a stake in Tesla, declined to comment.",
        "Stellantis is now a shareholder of Tesla.",
        "Stellantis owns less than 3 percent of Tesla.",
        "Tesla, a joint venture of Stellantis and two partners, opened its first site.",
    ],
)
def test_kb_conflicts_holding_language_is_not_an_ownership_claim(kb, evidence):
    assert kb_conflicts(_ownership("Stellantis", "Tesla", text=evidence), kb) == []


def test_kb_conflicts_same_claim_without_holding_language_conflicts(kb):
    fact = _ownership("Stellantis", "Tesla", text="Tesla is basically a Stellantis company now.")
    assert [c.kind for c in kb_conflicts(fact, kb)] == ["kb"]


@pytest.mark.parametrize(
    ("evidence", "conflicts"),
    [
        ("Porsche SE controls 53.3 percent of the voting rights in Volkswagen AG.", 0),
        ("Porsche SE owns 53.3 percent of Volkswagen AG.", 1),
    ],
)
def test_kb_conflicts_voting_rights_are_not_capital(kb, evidence, conflicts):
    fact = _ownership("Porsche SE", "Volkswagen AG", 53.3, text=evidence)
    assert len(kb_conflicts(fact, kb)) == conflicts


def test_consolidate_reports_one_kb_conflict_per_claim_with_every_source(make, kb):
    from evintel.consolidate import consolidate

    fields = {"parent": "Volkswagen Group", "child": "Rimac Group", "stake_pct": None}
    facts = [
        make("ownership", fields, RIMAC_SENTENCE, "seed", None),
        make(
            "ownership",
            {**fields, "parent": "VW"},
            "Rimac is, in effect, part of VW.",
            "other",
            date(2024, 6, 1),
        ),
    ]
    result = consolidate(facts, kb)
    kb_side = [c for c in result.conflicts if c.kind == "kb"]
    assert len(kb_side) == 1
    assert sorted(s.article_id for s in kb_side[0].sides[0].sources) == ["other", "seed"]
    assert consolidate(facts).conflicts == []  # no KB, nothing to contradict

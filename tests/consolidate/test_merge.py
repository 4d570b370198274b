"""Consolidation of one key: merging, sources, confidence, modality, revisions and figure conflicts."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from evintel.consolidate import consolidate, fact_key

from .factories import sales

Q1 = "2024-Q1"


@pytest.mark.parametrize(
    ("figures", "expected"),
    [
        ([82_700, 82_700], 82_700),
        ([82_700, 83_000], 82_700),  # the precise figure wins over the round one
        ([83_000, 82_700, 82_750], 82_750),
        ([1_210_000, 1_206_000], 1_206_000),  # more significant digits win
    ],
)
def test_consolidate_merges_figures_within_tolerance(make, kb, figures, expected):
    facts = [
        make(
            "sales", sales("BMW Group", q), f"BMW Group delivered {q:,} BEVs.", f"a{n}", date(2024, 4, 10 + n)
        )
        for n, q in enumerate(figures)
    ]
    result = consolidate(facts, kb)
    assert len(result.facts) == 1
    assert result.conflicts == []
    assert result.facts[0].fields["quantity"] == expected
    assert result.facts[0].source_count == len(figures)


def test_consolidate_precise_beats_approximate(make, kb):
    facts = [
        make(
            "sales",
            sales("BMW Group", 83_000),
            "That is some 83,000 electric cars.",
            "round",
            date(2024, 4, 9),
        ),
        make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "exact", date(2024, 4, 11)),
    ]
    fact = consolidate(facts, kb).facts[0]
    assert fact.fields["quantity"] == 82_700
    assert {s.value for s in fact.sources} == {82_700, 83_000}


def test_consolidate_approximation_of_wider_unit_merges(make, kb):
    facts = [
        make(
            "sales",
            sales("Tesla", 80_000),
            "Tesla delivered about 80,000 cars in Europe.",
            "a",
            date(2024, 4, 2),
        ),
        make("sales", sales("Tesla", 82_310), "Tesla delivered 82,310 cars.", "b", date(2024, 4, 3)),
    ]
    result = consolidate(facts, kb)
    assert [f.fields["quantity"] for f in result.facts] == [82_310]
    assert result.conflicts == []


def test_consolidate_disagreeing_figures_make_one_conflict_with_both_evidences(make, kb):
    first = make(
        "sales",
        sales("BMW Group", 82_700),
        "BMW Group sold 82,700 BEVs.",
        "a",
        date(2024, 4, 10),
        title="Wire A",
    )
    second = make(
        "sales",
        sales("BMW AG", 83_700),
        "BMW AG sold 83,700 electric cars.",
        "b",
        date(2024, 4, 11),
        title="Paper B",
    )
    assert fact_key(first.fact, kb) == fact_key(second.fact, kb)
    result = consolidate([first, second], kb)
    assert len(result.conflicts) == 1
    conflict = result.conflicts[0]
    assert conflict.kind == "figure"
    assert conflict.fact_type == "sales"
    assert sorted(side.value for side in conflict.sides) == [82_700, 83_700]
    evidences = {s.evidence.text for side in conflict.sides for s in side.sources}
    assert evidences == {first.fact.evidence.text, second.fact.evidence.text}
    assert "82,700 (Wire A)" in conflict.message and "83,700 (Paper B)" in conflict.message
    assert conflict.message.startswith("BMW Group 2024-Q1 BEV sales:")
    assert len(result.facts) == 2 and all(f.conflicted for f in result.facts)
    assert sorted(conflict.fact_ids) == sorted([first.fact_id, second.fact_id])


def test_consolidate_three_figures_still_one_conflict(make, kb):
    facts = [
        make("sales", sales("Tesla", q), f"Tesla delivered {q:,} cars.", f"s{q}", date(2024, 4, 5))
        for q in (386_810, 390_000, 401_000)
    ]
    result = consolidate(facts, kb)
    assert len(result.conflicts) == 1
    assert len(result.conflicts[0].sides) == 3


def test_consolidate_ranks_the_best_supported_figure_first(make, kb):
    facts = [
        make("sales", sales("Tesla", 386_810), "Tesla delivered 386,810 cars.", "a", date(2024, 4, 2)),
        make("sales", sales("Tesla", 386_810), "Deliveries were 386,810.", "b", date(2024, 4, 3)),
        make("sales", sales("Tesla", 395_000), "Tesla delivered 395,000 cars.", "c", date(2024, 4, 3)),
    ]
    result = consolidate(facts, kb)
    assert [(f.rank, f.fields["quantity"]) for f in result.facts] == [(0, 386_810), (1, 395_000)]
    assert result.facts[0].id != result.facts[1].id


def test_consolidate_brand_and_group_figures_stay_distinct(make, kb):
    facts = [
        make(
            "sales",
            sales("BMW Group", 1_210_000, "2024-H1", "all"),
            "The BMW Group sold 1.21 million cars.",
            "a",
        ),
        make(
            "sales",
            sales("BMW", 1_090_000, "2024-H1", "all"),
            "The BMW brand sold 1.09 million cars.",
            "a",
            start=60,
        ),
        make("sales", sales("Mini", 120_000, "2024-H1", "all"), "Mini sold 120,000 cars.", "a", start=120),
    ]
    result = consolidate(facts, kb)
    assert result.conflicts == []
    assert sorted(f.fields["org"] for f in result.facts) == ["BMW", "BMW Group", "Mini"]


def test_consolidate_syndicated_copy_adds_a_source_not_independence(make, kb):
    original = make(
        "sales",
        sales("Xpeng", 30_207, "2024-10"),
        "Xpeng delivered 30,207 cars.",
        "orig",
        date(2024, 11, 1),
        group="g1",
    )
    copy = make(
        "sales",
        sales("Xpeng", 30_207, "2024-10"),
        "Xpeng delivered 30,207 cars!",
        "copy",
        date(2024, 11, 2),
        group="g1",
    )
    other = make(
        "sales", sales("Xpeng", 30_207, "2024-10"), "30,207 deliveries for Xpeng.", "other", date(2024, 11, 2)
    )
    syndicated = consolidate([original, copy], kb).facts[0]
    assert syndicated.source_count == 2
    assert syndicated.independent_sources == 1
    assert syndicated.confidence == pytest.approx(0.9)
    independent = consolidate([original, other], kb).facts[0]
    assert independent.independent_sources == 2
    assert independent.confidence == pytest.approx(1 - 0.1 * 0.1)


def test_consolidate_hedged_and_asserted(make, kb):
    fields = {"parties": ["Nissan", "Honda"], "kind": "alliance", "status": "talks"}
    hedged = make(
        "partnership",
        fields,
        "Nissan is said to be in talks with Honda.",
        "a",
        date(2024, 3, 1),
        modality="hedged",
        confidence=0.45,
    )
    asserted = make("partnership", fields, "Nissan and Honda signed an MoU.", "b", date(2024, 3, 15))
    only_hedged = consolidate([hedged], kb).facts[0]
    assert only_hedged.modality == "hedged"
    assert only_hedged.confidence == pytest.approx(0.45)
    both = consolidate([hedged, asserted], kb).facts[0]
    assert both.modality == "asserted"
    assert both.confidence == pytest.approx(1 - 0.55 * 0.1)
    assert both.source_count == 2


@pytest.mark.parametrize(
    "evidence",
    [
        "BMW revised its first-quarter BEV figure to 84,100 units.",
        "Restated figures show 84,100 BEV deliveries in Q1.",
        "After a correction, Q1 BEV sales stand at 84,100.",
        "The updated count of first-quarter BEVs is 84,100.",
    ],
)
def test_consolidate_later_revised_figure_is_a_revision_not_a_conflict(make, kb, evidence):
    old = make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "old", date(2024, 4, 10))
    new = make("sales", sales("BMW Group", 84_100), evidence, "new", date(2024, 5, 2))
    result = consolidate([old, new], kb)
    assert result.conflicts == []
    assert len(result.facts) == 1
    fact = result.facts[0]
    assert fact.fields["quantity"] == 84_100
    assert [(r.previous, r.value, r.article_id) for r in fact.revisions] == [(82_700, 84_100, "new")]
    assert fact.revisions[0].previous_sources[0].article_id == "old"
    assert fact.first_seen == date(2024, 4, 10) and fact.last_seen == date(2024, 5, 2)
    assert not fact.conflicted


@pytest.mark.parametrize(
    ("old_date", "new_date", "evidence"),
    [
        (
            date(2024, 4, 10),
            date(2024, 5, 2),
            "BMW sold 84,100 BEVs in Q1.",
        ),  # later, but no revision language
        (
            date(2024, 5, 2),
            date(2024, 4, 10),
            "BMW revised the Q1 figure to 84,100.",
        ),  # revision language, earlier
        (date(2024, 4, 10), date(2024, 4, 10), "BMW revised the Q1 figure to 84,100."),  # same day: no order
        (None, date(2024, 5, 2), "BMW revised the Q1 figure to 84,100."),  # undated: no order
    ],
)
def test_consolidate_unexplained_change_is_a_conflict(make, kb, old_date, new_date, evidence):
    old = make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "old", old_date)
    new = make("sales", sales("BMW Group", 84_100), evidence, "new", new_date)
    result = consolidate([old, new], kb)
    assert [c.kind for c in result.conflicts] == ["figure"]
    assert all(not f.revisions for f in result.facts)


def test_consolidate_old_figure_repeated_after_revision_is_a_conflict(make, kb):
    old = make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "old", date(2024, 4, 10))
    new = make("sales", sales("BMW Group", 84_100), "BMW revised Q1 to 84,100.", "new", date(2024, 5, 2))
    stale = make(
        "sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs in Q1.", "stale", date(2024, 6, 1)
    )
    result = consolidate([old, new, stale], kb)
    assert len(result.conflicts) == 1


def test_consolidate_revision_chain(make, kb):
    facts = [
        make("sales", sales("Tesla", 100_000), "Tesla sold 100,000.", "a", date(2024, 1, 5)),
        make("sales", sales("Tesla", 101_000), "Tesla revised the figure to 101,000.", "b", date(2024, 2, 5)),
        make("sales", sales("Tesla", 102_300), "Tesla corrected it again: 102,300.", "c", date(2024, 3, 5)),
    ]
    result = consolidate(facts, kb)
    assert result.conflicts == []
    assert [(r.previous, r.value) for r in result.facts[0].revisions] == [
        (100_000, 101_000),
        (101_000, 102_300),
    ]
    assert result.facts[0].fields["quantity"] == 102_300
    assert result.facts[0].source_count == 3


def test_consolidate_stake_raised_is_a_revision(make, kb):
    fields = {"parent": "Volkswagen Group", "child": "Xpeng"}
    old = make("ownership", {**fields, "stake_pct": 4.99}, "VW holds 4.99% of Xpeng.", "a", date(2023, 8, 1))
    new = make(
        "ownership",
        {**fields, "stake_pct": 10},
        "VW raised its stake in Xpeng to 10%.",
        "b",
        date(2024, 8, 1),
    )
    bare = make(
        "ownership", {**fields, "stake_pct": None}, "Xpeng, in which VW holds a stake.", "c", date(2024, 9, 1)
    )
    result = consolidate([old, new, bare], kb)
    assert result.conflicts == []
    assert result.facts[0].fields["stake_pct"] == 10
    assert result.facts[0].source_count == 3


@pytest.mark.parametrize(
    ("amounts", "facts", "conflicts"),
    [
        ([1_000_000_000, 5_000_000_000], 2, 0),  # a first tranche and the whole deal
        ([700_000_000, 720_000_000], 2, 1),  # sources disagree on one deal
        ([700_000_000, 702_000_000], 1, 0),
    ],
)
def test_consolidate_investments_distinct_deals_versus_disagreement(make, kb, amounts, facts, conflicts):
    items = [
        make(
            "investment",
            {"investor": "Volkswagen Group", "amount": a, "currency": "USD", "target": "Xpeng"},
            f"VW invests ${a:,}.",
            f"i{n}",
            date(2024, 1, 1 + n),
        )
        for n, a in enumerate(amounts)
    ]
    result = consolidate(items, kb)
    assert (len(result.facts), len(result.conflicts)) == (facts, conflicts)


def test_consolidate_unions_items_and_canonical_names(make, kb):
    a = make(
        "supply",
        {"supplier": "Tesla, Inc.", "customer": "BMW AG", "items": ["battery cells"]},
        "Tesla supplies cells to BMW.",
        "a",
        date(2024, 1, 1),
    )
    b = make(
        "supply",
        {"supplier": "Tesla", "customer": "Bayerische Motoren Werke", "items": ["Battery cells", "e-axles"]},
        "Tesla will also ship e-axles.",
        "b",
        date(2024, 2, 1),
    )
    fact = consolidate([a, b], kb).facts[0]
    assert fact.fields["supplier"] == "Tesla"
    assert fact.fields["customer"] == "BMW Group"
    assert fact.fields["items"] == ["battery cells", "e-axles"]


def test_consolidate_partnership_parties_and_scope(make, kb):
    a = make(
        "partnership",
        {"parties": ["Nissan Motor", "Honda"], "kind": "alliance", "scope": ["software"]},
        "Nissan and Honda team up on software.",
        "a",
        date(2024, 3, 1),
    )
    b = make(
        "partnership",
        {"parties": ["Honda", "Nissan"], "kind": "alliance", "scope": ["batteries", "Software"]},
        "The pair also share batteries.",
        "b",
        date(2024, 3, 2),
    )
    fact = consolidate([a, b], kb).facts[0]
    assert fact.fields["parties"] == ["Honda", "Nissan"]
    assert fact.fields["scope"] == ["software", "batteries"]
    assert fact.fields["kind"] == "alliance"


def test_consolidate_plant_keeps_most_specific_location_and_latest_status(make, kb):
    a = make(
        "plant",
        {"org": "BMW Group", "location": "Debrecen", "products": ["iX3"], "status": "under_construction"},
        "BMW builds a plant in Debrecen.",
        "a",
        date(2023, 6, 1),
    )
    b = make(
        "plant",
        {
            "org": "BMW AG",
            "location": "Debrecen, Hungary",
            "products": ["Neue Klasse"],
            "status": "operating",
        },
        "The Debrecen, Hungary plant is running.",
        "b",
        date(2025, 10, 1),
    )
    result = consolidate([a, b], kb)
    assert result.conflicts == []
    fact = result.facts[0]
    assert fact.fields["location"] == "Debrecen, Hungary"
    assert fact.fields["status"] == "operating"
    assert fact.fields["products"] == ["iX3", "Neue Klasse"]


def test_consolidate_is_independent_of_input_order(make, kb):
    facts = [
        make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "a", date(2024, 4, 10)),
        make("sales", sales("BMW AG", 83_000), "Some 83,000 BEVs.", "b", date(2024, 4, 11)),
        make("sales", sales("BMW Group", 83_700), "BMW sold 83,700 BEVs.", "c", date(2024, 4, 12)),
        make("sales", sales("BMW Group", 84_900), "BMW revised Q1 BEVs to 84,900.", "d", date(2024, 6, 1)),
        make("sales", sales("BMW Group", 82_700), "82,700 BEVs.", "e", None, group="g"),
    ]
    outputs = {repr(consolidate(list(p), kb).to_dict()) for p in itertools.permutations(facts)}
    assert len(outputs) == 1


def test_consolidate_groups_mixed_keys(make, kb):
    facts = [
        make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "a"),
        make("sales", sales("Tesla", 386_810), "Tesla delivered 386,810.", "a", start=40),
    ]
    result = consolidate(facts, kb)
    assert sorted(f.key for f in result.facts) == sorted(fact_key(f.fact, kb) for f in facts)


def test_consolidate_to_dict_is_json_ready(make, kb):
    import json

    facts = [
        make("sales", sales("BMW Group", 82_700), "BMW sold 82,700 BEVs.", "a", date(2024, 4, 10)),
        make("sales", sales("BMW Group", 83_700), "BMW sold 83,700 BEVs.", "b", date(2024, 4, 11)),
    ]
    data = json.loads(json.dumps(consolidate(facts, kb).to_dict()))
    assert data["facts"][0]["sources"][0]["evidence"]["text"]
    assert data["facts"][0]["first_seen"] == "2024-04-10"
    assert data["conflicts"][0]["sides"][0]["origin"] == "articles"


@pytest.mark.parametrize(
    ("statements", "conflicts"),
    [
        # (article, figure) pairs: figures that only appear together in one article are different things
        ([("a", 23_640), ("a", 495_570)], 0),  # a model figure and the brand total in one story
        ([("a", 23_640), ("a", 495_570), ("b", 495_570)], 0),
        ([("a", 23_640), ("a", 495_570), ("b", 495_570), ("c", 23_640)], 1),  # b and c disagree
        ([("a", 495_570), ("b", 480_000)], 1),
    ],
)
def test_consolidate_figures_within_one_source_do_not_conflict(make, kb, statements, conflicts):
    facts = [
        make(
            "sales",
            sales("Tesla", q, "2024-Q4"),
            f"Tesla delivered {q:,} cars.",
            art,
            date(2025, 1, 2),
            start=n * 50,
        )
        for n, (art, q) in enumerate(statements)
    ]
    result = consolidate(facts, kb)
    assert len(result.conflicts) == conflicts
    assert len(result.facts) == len({q for _, q in statements})


def test_consolidate_syndicated_copies_with_two_figures_do_not_conflict(make, kb):
    facts = [
        make(
            "sales",
            sales("Tesla", 495_570),
            "Tesla delivered 495,570 cars.",
            "orig",
            date(2025, 1, 2),
            group="g",
        ),
        make(
            "sales",
            sales("Tesla", 459_570),
            "Tesla delivered 459,570 cars.",
            "copy",
            date(2025, 1, 2),
            group="g",
        ),
    ]
    assert consolidate(facts, kb).conflicts == []


def test_consolidate_hedged_figure_does_not_dispute_an_asserted_one(make, kb):
    fields = {"parent": "Hoshizora Industries", "child": "Sakura Drive Systems"}
    now = make(
        "ownership",
        {**fields, "stake_pct": 61},
        "Hoshizora holds 61 percent of Sakura.",
        "a",
        date(2025, 5, 1),
    )
    later = make(
        "ownership",
        {**fields, "stake_pct": 40},
        "Its holding would fall to 40 percent.",
        "b",
        date(2025, 9, 1),
        modality="hedged",
        confidence=0.45,
    )
    result = consolidate([now, later], kb)
    assert result.conflicts == []
    assert sorted((f.fields["stake_pct"], f.modality) for f in result.facts) == [
        (40, "hedged"),
        (61, "asserted"),
    ]


@pytest.mark.parametrize(("a", "b", "merged"), [(24.8, 25, True), (4.99, 5, True), (49, 51, False)])
def test_consolidate_stakes_agree_within_half_a_point(make, kb, a, b, merged):
    fields = {"parent": "Volkswagen Group", "child": "Gotion High-Tech"}
    facts = [
        make(
            "ownership", {**fields, "stake_pct": a}, f"VW holds {a} percent of Gotion.", "x", date(2024, 1, 1)
        ),
        make(
            "ownership", {**fields, "stake_pct": b}, f"VW holds {b} percent of Gotion.", "y", date(2024, 1, 1)
        ),
    ]
    result = consolidate(facts, kb)
    assert (len(result.facts) == 1) is merged
    assert (result.conflicts == []) is merged

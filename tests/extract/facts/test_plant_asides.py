"""Plant owners, places and statuses: companies in an aside about the subject, places outside which a site
lies, future and temporary stops of production."""

from __future__ import annotations

import pytest
from tests.extract.facts.test_plant import plants


@pytest.mark.parametrize(
    ("marked", "topic", "org"),
    [
        (
            "[Norrsken Cells], the joint venture of [Kestrel Motors] and [Lumio], opened a cell plant in Skellefteå.",
            None,
            "Norrsken Cells",
        ),
        (
            "[Pelta Auto], a subsidiary of [Kestrel Motors], and [Lumio] are building a battery plant in Győr.",
            None,
            "Pelta Auto",
        ),
        (
            "The carmaker, which belongs to the [Kestrel Motors] group, will invest in the plant in Trnava.",
            "Pelta Auto",
            "Pelta Auto",
        ),
        (
            "The Brno maker, owned by [Kestrel Motors] since 2001, is expanding the factory in Kolín.",
            "Pelta Auto",
            "Pelta Auto",
        ),
    ],
)
def test_companies_inside_an_aside_do_not_own_the_site(marked, topic, org):
    assert [p["org"] for p in plants(marked, topic)] == [org]


@pytest.mark.parametrize(
    "marked",
    [
        "[Pelta Auto] announced the suspension of production in Trnava for ten days.",
        "[Pelta Auto] halted production at its plant in Kolín because of a parts shortage.",
        "[Pelta Auto] paused production in Trnava during the summer holidays.",
    ],
)
def test_a_temporary_production_stop_means_the_plant_operates(marked):
    assert [p["status"] for p in plants(marked)] == ["operating"]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("[Pelta Auto] opened its first factory outside Europe in Chennai.", "Chennai"),
        (
            "[Pelta Auto] has inaugurated a plant in Rosario, its first production site beyond China.",
            "Rosario",
        ),
    ],
)
def test_a_place_after_outside_is_not_the_site(marked, location):
    assert [p["location"] for p in plants(marked)] == [location]


@pytest.mark.parametrize(
    "marked",
    [
        "The first [Pelta Auto] sedan is to roll off the line at a plant in Trnava in 2028.",
        "Its compact SUV will roll off the assembly line at the [Pelta Auto] factory in Kolín from 2027.",
    ],
)
def test_a_future_roll_off_means_the_plant_is_not_yet_running(marked):
    assert [p["status"] for p in plants(marked)] == ["under_construction"]


@pytest.mark.parametrize(
    "marked",
    [
        "[Pelta Auto] has decided not to complete its cathode plant in Kingston, Ontario.",
        "[Pelta Auto] opted not to build the planned factory in Tczew after demand slowed.",
    ],
)
def test_a_plant_the_company_decided_against_is_no_fact(marked):
    assert plants(marked) == []


def test_a_hyphenated_adjective_after_in_is_no_site():
    assert (
        plants(
            "The system is planned to enter series production in XPL-based models of [Pelta Auto] from 2027."
        )
        == []
    )


@pytest.mark.parametrize(
    "marked",
    [
        "[Lumio] is said to be interested in buying the Kolín plant of its rival.",
        "[Lumio] made a bid for the idle factory in Trnava last week.",
    ],
)
def test_a_site_a_company_wants_is_not_its_plant(marked):
    assert plants(marked) == []


def test_interest_in_building_a_plant_still_names_its_site():
    assert [
        (p["org"], p["location"]) for p in plants("[Lumio] is interested in building a plant in Kolín.")
    ] == [("Lumio", "Kolín")]

"""Plant owners and statuses: companies named in an aside about the subject, temporary production stops."""

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

"""Owners of production sites in sentences naming several companies: former owners, place possessives,
relative clauses and neighbouring sites."""

from __future__ import annotations

from datetime import date

import pytest
from test_plant import plants

from evintel.extract import extract_article
from evintel.models import Article


def owners(marked: str, topic: str | None = None) -> set[tuple[str, str]]:
    return {(f["org"], f["location"]) for f in plants(marked, topic)}


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] will build its new hatchback at the former plant of [Orsino Auto] in Valladolid.",
        "[Kestrel Motors] will build its new hatchback at the old factory of [Orsino Auto] in Valladolid.",
        "[Kestrel Motors] bought the former [Orsino Auto] plant in Valladolid last year.",
        "[Kestrel Motors] will make vans in Valladolid, at [Orsino Auto]'s former plant.",
    ],
)
def test_site_owner_is_not_the_former_owner(marked: str) -> None:
    found = owners(marked)
    assert ("Kestrel Motors", "Valladolid") in found
    assert not any(org == "Orsino Auto" for org, _ in found)


@pytest.mark.parametrize(
    "marked",
    [
        "Morocco's [Kestrel Motors] is building an assembly plant in Kenitra.",
        "Finland's [Arvo Cells] opened a cell factory in Vaasa on Monday.",
    ],
)
def test_site_owner_after_a_country_possessive(marked: str) -> None:
    assert len(owners(marked, topic="Other Co")) == 1
    assert next(iter(owners(marked, topic="Other Co")))[0] in ("Kestrel Motors", "Arvo Cells")


@pytest.mark.parametrize(
    ("marked", "owner", "place"),
    [
        (
            "[Kestrel Motors] buys cells from [Arvo Cells], whose plant in Vaasa opened last year.",
            "Arvo Cells",
            "Vaasa",
        ),
        (
            "[Kestrel Motors] buys cells from [Arvo Cells], which operates a factory in Kotka, and from others.",
            "Arvo Cells",
            "Kotka",
        ),
        (
            "[Kestrel Motors] signed with [Blue Harbor], which is building a gigafactory in Dalton, Georgia.",
            "Blue Harbor",
            "Dalton, Georgia",
        ),
    ],
)
def test_site_owner_of_a_relative_clause(marked: str, owner: str, place: str) -> None:
    assert owners(marked) == {(owner, place)}


@pytest.mark.parametrize(
    "marked",
    [
        "[Arvo Cells] runs a gigafactory next to the [Orsino Auto] plant in Douai.",
        "[Arvo Cells] operates a battery factory right beside the [Orsino Auto] factory in Douai.",
    ],
)
def test_site_next_to_another_lies_in_its_town(marked: str) -> None:
    assert owners(marked) == {("Arvo Cells", "Douai"), ("Orsino Auto", "Douai")}


@pytest.mark.parametrize(
    "label",
    ["To read also", "Read also", "LEIA TAMBÉM", "Lire aussi", "Lesen Sie auch", "You may be interested"],
)
def test_cross_reference_headline_yields_no_plant(label: str) -> None:
    text = (
        "Kestrel Motors opened a plant in Valladolid, Spain, on Monday.\n\n"
        f"{label}: The Douai factory at full speed\n\nThe plant employs 900 people."
    )
    found = [f.fields for f in extract_article(Article("t", text, date(2024, 5, 1))) if f.type == "plant"]
    assert [f["location"] for f in found] == ["Valladolid, Spain"]


@pytest.mark.parametrize(
    "marked",
    [
        "Cells come from the battery plant in Kotka, Finland ([Arvo Cells], a unit of [Blue Harbor]).",
        "The new factory in Kotka ([Arvo Cells]) has started shipments to [Blue Harbor].",
    ],
)
def test_site_owner_named_in_brackets_after_the_site(marked: str) -> None:
    assert {org for org, _ in owners(marked, topic="Other Co")} == {"Arvo Cells"}


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Tofas will start building vans at its plant in Bursa next year.", "Tofaş"),
        ("Revoz assembles small cars at its factory in Novo Mesto, Slovenia.", "Revoz"),
    ],
)
def test_site_owner_known_plant_companies(text: str, owner: str) -> None:
    found = [f.fields for f in extract_article(Article("t", text, date(2024, 5, 1))) if f.type == "plant"]
    assert [f["org"] for f in found] == [owner]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] said the cells for the models of its Valladolid plant will be supplied by [Arvo Cells].",
        "[Kestrel Motors] said the Valladolid plant, funded by [Blue Harbor], will open in May.",
    ],
)
def test_site_owner_is_not_the_supplier_or_funder_named_as_agent(marked: str) -> None:
    assert owners(marked) == {("Kestrel Motors", "Valladolid")}


@pytest.mark.parametrize(
    "text",
    [
        "Panasonic Holdings is slowing the ramp-up of its battery plant in Kansas. Panasonic Energy started "
        "production at the $4 billion factory in De Soto in July.",
        "Panasonic Energy runs a cell plant in Kansas. Output at the new factory in De Soto rose in May.",
    ],
)
def test_definite_site_in_a_town_refines_the_earlier_state_site(text: str) -> None:
    found = [f.fields for f in extract_article(Article("t", text, date(2024, 5, 1))) if f.type == "plant"]
    assert [f["location"] for f in found] == ["De Soto, Kansas"]

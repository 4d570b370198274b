"""Tests for extract/powertrains.py: powertrain phrases mapped to SCHEMA.md values."""

from __future__ import annotations

import pytest

from evintel.extract.powertrains import find_powertrains


def _values(text: str) -> list[str]:
    return [p.value for p in find_powertrains(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It sold 9,000 fully electric cars.", "BEV"),
        ("It sold 9,000 fully-electric cars.", "BEV"),
        ("It sold 9,000 all-electric models.", "BEV"),
        ("It sold 9,000 battery-electric vehicles.", "BEV"),
        ("It sold 9,000 battery electric vehicles.", "BEV"),
        ("It sold 9,000 BEVs.", "BEV"),
        ("It sold 9,000 pure electric cars.", "BEV"),
        ("It sold 9,000 electric cars.", "BEV"),
        ("It sold 9,000 electric SUVs.", "BEV"),
        ("It sold 9,000 electric motorbikes.", "BEV"),
        ("It sold 9,000 electric mopeds.", "BEV"),
        ("It will add an electric chassis.", "BEV"),
        ("It sold 9,000 EVs.", "BEV"),
        ("It sold 9,000 zero-emission vehicles.", "BEV"),
        ("It sold 9,000 plug-in hybrids.", "PHEV"),
        ("It sold 9,000 plug in hybrids.", "PHEV"),
        ("It sold 9,000 PHEVs.", "PHEV"),
        ("It sold 9,000 plug-in hybrid electric vehicles.", "PHEV"),
        ("It sold 9,000 range extender models.", "PHEV"),
        ("It sold 9,000 extended-range cars.", "PHEV"),
        ("It sold 9,000 EREVs.", "PHEV"),
        ("It sold 9,000 hybrids.", "HEV"),
        ("It sold 9,000 full hybrids.", "HEV"),
        ("It sold 9,000 self-charging hybrids.", "HEV"),
        ("It sold 9,000 hybrid electric vehicles.", "HEV"),
        ("It sold 9,000 mild hybrids.", "HEV"),
        ("It sold 9,000 HEVs.", "HEV"),
        ("It sold 9,000 fuel cell cars.", "FCEV"),
        ("It sold 9,000 hydrogen-powered trucks.", "FCEV"),
        ("It sold 9,000 FCEVs.", "FCEV"),
        ("It sold 9,000 zero-emission hydrogen trucks.", "FCEV"),
        ("It sold 9,000 electrified vehicles.", "xEV"),
        ("It sold 9,000 new energy vehicles.", "xEV"),
        ("It sold 9,000 new-energy vehicles.", "xEV"),
        ("It sold 9,000 NEVs.", "xEV"),
        ("It sold 9,000 eco-friendly cars.", "xEV"),
        ("It sold 9,000 xEVs.", "xEV"),
        ("It sold 9,000 plug-in vehicles.", "xEV"),
        ("It sold 9,000 plug-ins.", "xEV"),
        ("It sold 9,000 cars across all powertrains.", "all"),
    ],
)
def test_find_powertrains_maps_phrase_to_value(text: str, value: str) -> None:
    assert _values(text) == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("It sold battery-electric and plug-in hybrid models.", ["BEV", "PHEV"]),
        ("Sales of BEVs and PHEVs rose.", ["BEV", "PHEV"]),
        ("It sold electric and hybrid vehicles.", ["BEV", "HEV"]),
        ("Hybrids outsold plug-in hybrids.", ["HEV", "PHEV"]),
    ],
)
def test_find_powertrains_splits_combinations(text: str, values: list[str]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    "text",
    [
        "It sold 9,000 vehicles.",
        "It sold 9,000 cars.",
        "The Kia EV6 and EV3 sold well.",
        "General Electric said so.",
        "The electric grid is strained.",
        "bev and ev in lower case are not abbreviations",
    ],
)
def test_find_powertrains_ignores_unqualified_and_model_names(text: str) -> None:
    assert find_powertrains(text) == []


def test_find_powertrains_offsets_point_into_text() -> None:
    text = "It sold 82,700 fully electric cars and 30,000 PHEVs."
    found = find_powertrains(text)
    assert [p.text for p in found] == ["fully electric cars", "PHEVs"]
    for powertrain in found:
        assert text[powertrain.start : powertrain.end] == powertrain.text

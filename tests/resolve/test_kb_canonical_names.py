"""KB records named as the news names them: the company apart from its brand, a unit by its short name."""

from __future__ import annotations

from evintel.resolve.kb import load_kb


def test_electromobility_poland_owns_the_izera_brand():
    kb = load_kb()
    company = kb.resolve("EMP")
    brand = kb.resolve("Izera")
    assert company is not None and company.name == "ElectroMobility Poland"
    assert brand is not None and brand.parent == "ElectroMobility Poland"


def test_vingroup_battery_unit_is_called_vines():
    kb = load_kb()
    unit = kb.resolve("VinES Energy Solutions")
    assert unit is not None and unit.name == "VinES" and unit.parent == "Vingroup"

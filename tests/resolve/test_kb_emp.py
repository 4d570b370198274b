"""The Polish state EV company and its car brand are two records."""

from __future__ import annotations

from evintel.resolve.kb import load_kb


def test_electromobility_poland_owns_the_izera_brand():
    kb = load_kb()
    company = kb.resolve("EMP")
    brand = kb.resolve("Izera")
    assert company is not None and company.name == "ElectroMobility Poland"
    assert brand is not None and brand.parent == "ElectroMobility Poland"

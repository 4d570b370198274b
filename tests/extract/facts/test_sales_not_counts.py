"""Figures near a sales or production cue that count no vehicles: sentences written for these tests."""

from __future__ import annotations

import pytest

from evintel.extract import extract_article
from evintel.models import Article


def sales_quantities(text: str) -> set[float]:
    return {f.fields["quantity"] for f in extract_article(Article("t", text)) if f.type == "sales"}


@pytest.mark.parametrize(
    "text",
    [
        "The 30-gigawatt-hour factory, run by Ultium Cells, is scheduled to start production this year.",
        "LG Energy Solution will supply Nissan with batteries totaling 45 gigawatt-hours for production from 2028.",
        "Siro, a 50-50 joint venture between Togg and Farasis Energy, produces battery packs.",
        "Sony Honda Mobility, the 50:50 venture of Sony and Honda, will begin deliveries in 2026.",
        "Great Wall Motor started this Friday (15) the production of the Haval H6 hybrid in Brazil.",
        "Magna International has 171 manufacturing operations and 90 engineering centres that produce for 40 carmakers.",
    ],
)
def test_no_sales_from_capacities_ratios_dates_or_sites(text: str) -> None:
    assert sales_quantities(text) == set()


def test_a_real_count_beside_a_ratio_is_kept() -> None:
    text = "BlueOval SK, a 50-50 venture of Ford and SK On, said Ford sold 25,000 electric vehicles in May."
    assert sales_quantities(text) == {25000}

"""Tests for extract/numbers.py: figures in every form news writes them, and what is not a figure."""

from __future__ import annotations

import pytest

from evintel.extract.numbers import find_percentages, find_quantities, load_lexicon, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("82,700", 82700),
        ("82.700", 82700),
        ("2,792", 2792),
        ("1,090", 1090),
        ("1,234,567", 1234567),
        ("1.234.567", 1234567),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("82\u202f700", 82700),
        ("12.5", 12.5),
        ("0.125", 0.125),
        ("1.21 million", 1210000),
        ("1,67 million", 1670000),
        ("1,09 million", 1090000),
        ("1.210 million", 1210000),
        ("1.2mn", 1200000),
        ("1.2m", 1200000),
        ("1.2 mln", 1200000),
        ("1.2 Mio", 1200000),
        ("40k", 40000),
        ("3,5 billion", 3.5e9),
        ("1.5bn", 1.5e9),
        ("2.8 billion", 2.8e9),
        ("1 trillion", 1e12),
        ("a million", 1e6),
        ("A million", 1e6),
        ("half a million", 500000),
        ("twelve thousand", 12000),
        ("two hundred and fifty thousand", 250000),
        ("twenty-five thousand", 25000),
        ("one and a half million", 1500000),
        ("a dozen", 12),
        ("1 lakh", 100000),
        ("2.5 lakh", 250000),
        ("10 crore", 1e8),
        ("1.5 lakh crore", 1.5e12),
        ("1,76,318", 176318),
        ("22,34,266", 2234266),
        ("12,00,000", 1200000),
        ("3,32,585.5", 332585.5),
        ("50.65 Wan", 506500),
        ("374.9 wan", 3749000),
        ("12 WAN", 120000),
        ("1.5 yi", 150000000),
        ("5.2 ten thousand", 52000),
        ("52 ten-thousand", 520000),
        ("3.02 hundred million", 302000000),
        ("  82,700 ", 82700),
    ],
)
def test_parse_number_reads_news_forms(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["12.3 per cent", "20%", "iX3", "Q1", "first", "1st", "many", "", "EX30"])
def test_parse_number_rejects_non_figures(text: str) -> None:
    assert parse_number(text) is None


def _values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BMW delivered 82,700 fully electric cars.", [82700]),
        ("The group sold 1,67 million units in the period.", [1670000]),
        ("Deliveries reached 82.700 vehicles, the firm said.", [82700]),
        ("82,700 BEVs left the plants.", [82700]),
        ("It handed over twelve thousand cars.", [12000]),
        ("The company sold nearly 40k EVs.", [40000]),
        ("Output hit 1.2mn vehicles.", [1200000]),
        ("Volumes came to 2,792 units, then 1,090 units.", [2792, 1090]),
        ("The 82,700-unit figure was a record.", [82700]),
        ("(82,700) units", [82700]),
        ("Sales: 82,700.", [82700]),
        ("The maker dispatched 1,76,318 units to dealers.", [176318]),
        ("Total sales stood at 2,20,894 units, up from 1,99,217.", [220894, 199217]),
        ("Monthly sales were 50.65 Wan units, a record.", [506500]),
        ("Exports came to 11.4 Wan vehicles and 4.6 wan units.", [114000, 46000]),
        ("Comma decimals stay: 1,5 million cars and 12,3 percent.", [1500000, 12.3]),
    ],
)
def test_find_quantities_finds_counts(text: str, expected: list[float]) -> None:
    assert _values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 the market grew.",
        "By 2027 the plant will be ready.",
        "2024's best seller was a compact SUV.",
        "The launch is due in mid-2025.",
        "It was announced on July 11 in Munich.",
        "It was announced on 11 July in Munich.",
        "It was announced on 15 March.",
        "It was announced on July 11, 2024.",
        "It was announced on 2024-07-11.",
        "It was announced on 11.07.2024.",
        "The iX3 and the ID.4 are built there.",
        "The ID.3, the EX30 and the e-2008 compete.",
        "The Model 3 and the Model Y lead.",
        "The BMW 5 Series and the 3-Series are sedans.",
        "The Peugeot 208 and the Fiat 500 are small cars.",
        "It was the first plant, the 1st in Europe.",
        "Call +49 89 382-0 for details.",
        "Call (555) 123-4567 today.",
        "The call starts at 10:30 or at 3 pm.",
        "Results for Q1 and H1 and FY2024 are due.",
        "It ranked #1 in the segment.",
        "One of the firms said two sites were studied.",
        "The COVID-19 crisis and the F-150 truck.",
        "Maruti's FY2024-25 results and its FY 24/25 guidance.",
        "Results for FY24-25 beat forecasts.",
        "In 2024-25, and in 2023/24. the market grew.",
        "NIO Inc. (NYSE: NIO; HKEX: 9866) reported its results.",
        "Shares of BYD (002594.SZ) and Geely (0175.HK) rose.",
        "It announced its first quarter 2025 delivery results and its Q1 2025 deliveries.",
        'It makes the large "4680" cylindrical cell and the “2170” cell.',
    ],
)
def test_find_quantities_skips_years_dates_codes_and_labels(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("It sold 82,700 units.", "units"),
        ("It sold 82,700 fully electric cars.", "cars"),
        ("It sold 82,700 new energy vehicles.", "vehicles"),
        ("It sold 82,700 EVs.", "EVs"),
        ("The 82,700-unit figure.", "units"),
        ("A 40 GWh plant.", "GWh"),
        ("A 40GWh plant.", "GWh"),
        ("It mined 5,000 tonnes of lithium.", "tonnes"),
        ("It cut 3,000 jobs.", "jobs"),
        ("Sales rose 12 percent.", "percent"),
        ("Share rose 2 percentage points.", "percentage points"),
        ("It took 40,000-plus orders.", "orders"),
        ("It sold 82,700 in the quarter.", None),
    ],
)
def test_find_quantities_reads_unit(text: str, unit: str | None) -> None:
    [quantity] = find_quantities(text)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "approximate", "bound"),
    [
        ("It sold some 83,000 cars.", True, None),
        ("It sold about 83,000 cars.", True, None),
        ("It sold around 83,000 cars.", True, None),
        ("It sold roughly 83,000 cars.", True, None),
        ("It sold approximately 83,000 cars.", True, None),
        ("It sold nearly 83,000 cars.", True, "upper"),
        ("It sold almost 83,000 cars.", True, "upper"),
        ("It sold close to 83,000 cars.", True, "upper"),
        ("It sold more than 83,000 cars.", False, "lower"),
        ("It sold over 83,000 cars.", False, "lower"),
        ("It sold at least 83,000 cars.", False, "lower"),
        ("It sold upwards of 83,000 cars.", False, "lower"),
        ("It sold less than 83,000 cars.", False, "upper"),
        ("It sold fewer than 83,000 cars.", False, "upper"),
        ("It will build up to 83,000 cars.", False, "upper"),
        ("It took 40,000-plus orders.", False, "lower"),
        ("It sold exactly 83,000 cars.", False, None),
        ("It sold 83,000 cars.", False, None),
    ],
)
def test_find_quantities_reads_hedges_and_bounds(text: str, approximate: bool, bound: str | None) -> None:
    [quantity] = find_quantities(text)
    assert (quantity.approximate, quantity.bound) == (approximate, bound)


def test_find_quantities_or_so_marks_approximate() -> None:
    [quantity] = find_quantities("It sold 83,000 or so.")
    assert quantity.approximate


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("It expects 30,000-35,000 vehicles.", 30000, 35000),
        ("It expects 30,000 to 35,000 vehicles.", 30000, 35000),
        ("It expects 30,000–35,000 vehicles.", 30000, 35000),
        ("Margins of between 15 and 20 percent.", 15, 20),
        ("Margins of 15-20%.", 15, 20),
        ("A market of 2.8 to 3.4 billion units.", 2.8e9, 3.4e9),
        ("Between 800,000 and 1 million cars.", 800000, 1e6),
    ],
)
def test_find_quantities_joins_ranges(text: str, low: float, high: float) -> None:
    [quantity] = find_quantities(text)
    assert (quantity.value, quantity.range_end) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text",
    [
        "Deliveries rose from 82,700 to 87,461 units.",
        "Sales rose 13 percent to 10,010 units.",
        "It sold 82,700 and 87,461 units in two quarters.",
    ],
)
def test_find_quantities_keeps_changes_apart(text: str) -> None:
    quantities = find_quantities(text)
    assert len(quantities) == 2
    assert all(q.range_end is None for q in quantities)


def test_find_quantities_offsets_point_into_text() -> None:
    text = "After 82,700 in the first quarter, deliveries rose to 87,461."
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
    assert [q.text for q in find_quantities(text)] == ["82,700", "87,461"]


def test_find_quantities_figure_at_start_of_string() -> None:
    [quantity] = find_quantities("82,700 cars were sold.")
    assert (quantity.start, quantity.value) == (0, 82700)


def test_find_quantities_leaves_money_to_find_money() -> None:
    text = "It will invest $2.5bn to build 150,000 cars."
    assert _values(text) == [150000]
    assert 2.5e9 in [q.value for q in find_quantities(text, include_money=True)]


def test_find_quantities_keeps_year_followed_by_unit_noun() -> None:
    assert _values("The dealer sold 1999 cars.") == [1999]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Its share rose to 20 percent.", [20]),
        ("Its share rose to 20%.", [20]),
        ("Its share rose to 20 per cent.", [20]),
        ("It bought a 45% stake.", [45]),
        ("It holds a 51-percent stake.", [51]),
        ("A 12.5 % rise.", [12.5]),
        ("Share rose 2 percentage points to 18%.", [18]),
        ("It sold 82,700 cars, up 12% on 2023.", [12]),
        ("It holds a majority stake.", []),
        ("It sold 82,700 cars.", []),
    ],
)
def test_find_percentages_reads_percent_forms(text: str, values: list[float]) -> None:
    percentages = find_percentages(text)
    assert [p.value for p in percentages] == values
    assert all(p.unit == "percent" for p in percentages)


def test_find_percentages_span_includes_sign() -> None:
    [percent] = find_percentages("up 12 per cent")
    assert percent.text == "12 per cent"


@pytest.mark.parametrize("name", ["numbers", "currencies", "periods", "powertrains"])
def test_load_lexicon_has_only_string_words(name: str) -> None:
    """YAML turns bare `on`/`no` into booleans; every lexicon word must stay a string."""

    def words(node: object) -> list[object]:
        if isinstance(node, dict):
            return [*node.keys(), *(w for v in node.values() if not isinstance(v, dict) for w in words(v))]
        if isinstance(node, list):
            return [w for item in node for w in words(item)]
        return [node]

    lexicon = load_lexicon(name)
    assert lexicon
    bad = [w for w in words(lexicon) if not isinstance(w, str | int)]
    assert bad == []
    assert not any(isinstance(w, bool) for w in words(lexicon))


def test_find_quantities_handed_over_is_not_a_bound() -> None:
    [quantity] = find_quantities("The brands handed over 170,161 cars.")
    assert quantity.bound is None


def test_find_quantities_skips_slide_counters() -> None:
    assert _values("Photo 3/10 shows the stand; 24/7 service; 82,700 cars.") == [82700]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sales of 29 thousand 73 units", 29073),
        ("it sold 3 thousand 624 units", 3624),
        ("approximately 12 thousand 500 vehicles", 12500),
        ("1 lakh 20 thousand units", 120000),
        ("1 million 200 thousand cars", 1200000),
    ],
)
def test_find_quantities_joins_a_scaled_figure_and_its_remainder(text, value):
    assert [q.value for q in find_quantities(text)] == [value]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("20 thousand 2024 models", [20000, 2024]),
        ("between 20 thousand and 30 thousand units", [20000]),
        ("5 thousand, 20 of them electric", [5000, 20]),
        ("it sold 300 40 times", [300, 40]),
    ],
)
def test_find_quantities_keeps_separate_figures_apart(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Kestrel has sold 1 171 023 vehicles in the world.", [1171023]),
        ("The brand counts for 796 150 of them, Volta for 352 010 and Arvo for 4 870.", [796150, 352010, 4870]),
        ("In 2024 100 000 cars were sold.", [100000]),
        ("Models 3 and 4 sold 120 cars.", [3, 4, 120]),
    ],
)
def test_find_quantities_reads_digits_grouped_by_plain_spaces(text, values):
    assert [q.value for q in find_quantities(text)] == values


@pytest.mark.parametrize(
    "text",
    ["BYD (HKG: 1211, OTCMKTS: BYDDY) sold more.", "Nio (NYSE: 9866) grew.", "Kestrel (ASX: 4500) rose."],
)
def test_find_quantities_skips_stock_codes(text):
    assert find_quantities(text) == []


def test_odd_case_folds_before_a_figure_do_not_crash() -> None:
    # IGNORECASE matching reads "ſome" (long s) as "some"; the qualifier lookup must too.
    (quantity,) = find_quantities("ſome 500 cars were sold")
    assert quantity.value == 500 and quantity.approximate

import pytest

from evintel.extract.places import find_location_after, find_places, market_of, place_before, read_place_list


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant in Debrecen, Hungary, opens next year.", ["Debrecen, Hungary"]),
        ("It picked Clarksville, Tennessee, as the site.", ["Clarksville, Tennessee"]),
        ("a factory at Mo i Rana, Norway, run on hydropower", ["Mo i Rana, Norway"]),
        ("at its Austin, Texas factory", ["Austin, Texas"]),
        ("Sales in the United States rose while China fell.", ["US", "China"]),
        ("Overseas sales reached 20,000 units.", ["overseas"]),
        ("registrations in Europe and the UK", ["Europe", "UK"]),
        ("built in Ramos Arizpe, Mexico", ["Ramos Arizpe, Mexico"]),
        ("The Jiangsu province plant", ["Jiangsu"]),
    ],
)
def test_find_places_values(text, expected):
    assert [p.value for p in find_places(text)] == expected


def test_find_places_offsets_point_at_the_text():
    text = "It builds cells in Arnstadt, Thuringia, since 2022."
    (place,) = find_places(text)
    assert text[place.start : place.end] == "Arnstadt, Thuringia"
    assert place.kind == "city" and place.country == "Germany"


@pytest.mark.parametrize(
    "text", ["The Chief Executive said", "Volkswagen Group sold cars", "In March it grew"]
)
def test_find_places_ignores_non_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize(
    ("name", "market"),
    [
        ("the United States", "US"),
        ("U.S.", "US"),
        ("Britain", "UK"),
        ("Europe", "Europe"),
        ("Tennessee", None),
        ("Gotham", None),
    ],
)
def test_market_of_canonical_forms(name, market):
    assert market_of(name) == market


def test_find_location_after_reads_preposition_phrase():
    text = "its plant in Rastatt will build it"
    assert find_location_after(text, text.index(" in")) == (13, 20, "Rastatt")
    assert find_location_after(text, 0) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toyota will spend more on its North Carolina battery plant", "North Carolina"),
        ("the carmaker's South Carolina assembly plant", "South Carolina"),
        ("its West Virginia factory", "West Virginia"),
        ("Hyundai's New South Wales depot", "New South Wales"),
        ("the North Rhine-Westphalia plant", "North Rhine-Westphalia"),
    ],
)
def test_place_before_keeps_a_known_place_whose_first_word_is_no_place(text, expected):
    # direction words are no places on their own, so callers list them among their non-places
    place = place_before(text, text.rfind(" ") + 1, frozenset({"North", "South", "West", "New"}))
    assert place is not None and place.value == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "facilities in Kingston, Ontario; Gilbert, Arizona; and Tuscaloosa, Alabama.",
            ["Kingston, Ontario", "Gilbert, Arizona", "Tuscaloosa, Alabama"],
        ),
        (
            "plants in Lyon, France; Porto, Portugal and Turin, Italy.",
            ["Lyon, France", "Porto, Portugal", "Turin, Italy"],
        ),
        ("a plant in Kentucky; Sales rose 5 percent.", ["Kentucky"]),
        ("plants in Louisville, Kentucky; Toyota said output rose.", ["Louisville, Kentucky"]),
    ],
)
def test_read_place_list_semicolons_separate_qualified_places(text: str, expected: list[str]) -> None:
    assert [p.value for p in read_place_list(text, text.index(" in "))] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the Hungary Szeged factory", "Szeged, Hungary"),
        ("the Brazil Camacari factory", "Camacari, Brazil"),
        ("the Ohio Lordstown plant", "Lordstown, Ohio"),
        ("its North Carolina factory", "North Carolina"),
    ],
)
def test_place_before_reads_a_country_first_translated_order(text: str, value: str) -> None:
    place = place_before(text, text.rindex(" ") + 1)
    assert place is not None and place.value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a plant in nearby Bryan County", ["Bryan County"]),
        ("a site in neighbouring Kecskemét, Hungary", ["Kecskemét, Hungary"]),
        ("a plant in neighboring Ohio and Michigan", ["Ohio", "Michigan"]),
    ],
)
def test_read_place_list_skips_nearby(text: str, expected: list[str]) -> None:
    assert [p.value for p in read_place_list(text, text.index(" in "))] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Li-Cycle's planned Rochester plant", "Rochester"),
        ("Kestrel Motors' new Zwickau factory", "Zwickau"),
        ("BYD's planned Szeged plant", "Szeged"),
    ],
)
def test_place_before_a_company_name_further_left_gives_way(text: str, value: str) -> None:
    place = place_before(text, text.rindex(" ") + 1)
    assert place is not None and place.value == value


@pytest.mark.parametrize(
    "text",
    [
        "will build a CKD assembly plant",
        "a new 200mm SiC wafer facility",
        "an EV-only factory",
        "the NMC cathode plant",
        "the GigaPress casting plant",
        "the LFP-ready factory",
    ],
)
def test_place_before_an_acronym_or_brand_shaped_word_is_no_town(text: str) -> None:
    assert place_before(text, text.rindex(" ") + 1) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the McAllen plant", "McAllen"),
        ("its DeKalb factory", "DeKalb"),
        ("the Ulsan plant", "Ulsan"),
    ],
)
def test_place_before_keeps_towns_with_inner_capitals(text: str, value: str) -> None:
    place = place_before(text, text.rindex(" ") + 1)
    assert place is not None and place.value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It builds e-motors in the Slovenian Šempeter pri Gorici.", ["Šempeter pri Gorici"]),
        ("It builds cells in the Chinese Hefei and in Wuhu.", ["Hefei", "Wuhu"]),
        ("It builds e-motors in British Columbia.", ["British Columbia"]),
        ("It makes cells in the Polish Wroclaw.", ["Wroclaw"]),
    ],
)
def test_read_place_list_drops_a_country_adjective_before_a_town(text: str, expected: list[str]) -> None:
    assert [p.value for p in read_place_list(text, text.index(" in "))] == expected


@pytest.mark.parametrize("text", ["the Slovenian plant", "its Turkish factory", "a Croatian assembly plant"])
def test_place_before_a_country_adjective_is_no_town(text: str) -> None:
    assert place_before(text, text.rindex(" ") + 1) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Expansion of its Lancaster, Ohio, facility", "Lancaster, Ohio"),
        ("the firm's Austin, Texas, gigafactory", "Austin, Texas"),
        ("its Marysville, Ohio plant", "Marysville, Ohio"),
    ],
)
def test_place_before_a_town_and_state_set_off_by_commas(text: str, value: str) -> None:
    place = place_before(text, text.rindex(" ") + 1)
    assert place is not None and place.value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a parts plant in Spain's Navarra region", ["Navarra, Spain"]),
        ("a cell plant in China's Hefei", ["Hefei, China"]),
        ("a plant in Hungary's Debrecen and in Poland", ["Debrecen, Hungary", "Poland"]),
        ("a plant in Tesla's Berlin", ["Tesla's Berlin"]),
    ],
)
def test_read_place_list_a_country_possessive_qualifies_the_place(text: str, expected: list[str]) -> None:
    assert [p.value for p in read_place_list(text, text.index(" in "))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a new plant in Ulsan, South Korea, on Monday.", ["Ulsan, South Korea"]),
        ("a new battery factory in North Carolina.", ["North Carolina"]),
        ("plants in North Dakota and in South Korea.", ["North Dakota", "South Korea"]),
        ("a plant in Mo i Rana, Norway, on Tuesday", ["Mo i Rana, Norway"]),
    ],
)
def test_read_place_list_names_open_on_a_capital_and_known_places_keep_a_compass_word(
    text: str, expected: list[str]
) -> None:
    assert [
        p.value for p in read_place_list(text, text.index(" in "), frozenset({"North", "South"}))
    ] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (" in the Black Sea province of Samsun, officials said", "Samsun"),
        (" in the Rust Belt state of Ohio, where", "Ohio"),
        (" in the Pearl River region of Foshan.", "Foshan"),
    ],
)
def test_read_place_list_region_name_before_the_unit_describes_it(text: str, value: str) -> None:
    assert [p.value for p in read_place_list(text, 0)][:1] == [value]

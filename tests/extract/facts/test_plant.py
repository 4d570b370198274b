"""Plant rule: site nouns and verbs of making with places, owners, statuses and products."""

from __future__ import annotations

import re
from datetime import date

import pytest

from evintel.extract import extract_article
from evintel.extract.context import Discourse, OrgRef, SentenceView
from evintel.extract.document import Document, Sentence
from evintel.extract.facts.plant import extract_plants, find_sites, product_phrase
from evintel.extract.modality import find_modality
from evintel.extract.money import find_money
from evintel.extract.numbers import find_percentages, find_quantities
from evintel.extract.periods import find_periods
from evintel.extract.places import find_places
from evintel.extract.powertrains import find_powertrains
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase

_MARK = re.compile(r"\[([^\]=]+)(?:=([^\]]+))?\]")
KB = KnowledgeBase([])


def make_view(marked: str, article_date: date | None = date(2024, 6, 3)) -> SentenceView:
    """A SentenceView from a sentence whose organisation mentions are marked "[Kia]" or "[the firm=Kia]"."""
    text_parts: list[str] = []
    orgs: list[OrgRef] = []
    cursor = 0
    length = 0
    for match in _MARK.finditer(marked):
        text_parts.append(marked[cursor : match.start()])
        length += match.start() - cursor
        surface = match.group(1)
        names = tuple((match.group(2) or surface).split("+"))
        via = "coref" if surface[0].islower() else "kb"
        orgs.append(OrgRef(length, length + len(surface), surface, names, via))
        text_parts.append(surface)
        length += len(surface)
        cursor = match.end()
    text_parts.append(marked[cursor:])
    text = "".join(text_parts)
    sentence = Sentence(0, 0, len(text), text)
    doc = Document(Article("t", text, article_date), [sentence])
    return SentenceView(
        doc=doc,
        sentence=sentence,
        orgs=orgs,
        quantities=find_quantities(text),
        money=find_money(text),
        percentages=find_percentages(text),
        periods=find_periods(text, article_date),
        powertrains=find_powertrains(text),
        places=find_places(text),
        modality=find_modality(text),
    )


def plants(marked: str, topic: str | None = None) -> list[dict]:
    discourse = Discourse()
    if topic:
        discourse.topic = OrgRef(0, 0, topic, (topic,), "kb")
    return [f.fields for f in extract_plants(make_view(marked), discourse, KB)]


@pytest.mark.parametrize(
    ("marked", "org", "location", "status"),
    [
        (
            "[Kestrel Motors] is building a plant in Szeged, Hungary.",
            "Kestrel Motors",
            "Szeged, Hungary",
            "under_construction",
        ),
        (
            "[Kestrel Motors] will build a factory near Brno, Czech Republic, by 2027.",
            "Kestrel Motors",
            "Brno, Czech Republic",
            "planned",
        ),
        (
            "[Arvo Cells] opened its gigafactory in Vaasa, Finland, on Monday.",
            "Arvo Cells",
            "Vaasa, Finland",
            "operating",
        ),
        (
            "[Orsino Auto] said it would close its plant in Turin by the end of the year.",
            "Orsino Auto",
            "Turin",
            "closed",
        ),
        ("[Orsino Auto] shut down the Genk assembly plant last month.", "Orsino Auto", "Genk", "closed"),
        (
            "Construction began in March on [Arvo Cells]' cell factory in Kotka, Finland.",
            "Arvo Cells",
            "Kotka, Finland",
            "under_construction",
        ),
        (
            "[Blue Harbor] broke ground on a battery plant in Dalton, Georgia.",
            "Blue Harbor",
            "Dalton, Georgia",
            "under_construction",
        ),
        (
            "[Kestrel Motors] picked Valladolid as the site for its new EV factory.",
            "Kestrel Motors",
            "Valladolid",
            "planned",
        ),
        ("[Kestrel Motors] selected Tarragona, Spain, as the site of a future plant.", None, None, None),
        (
            "The factory in Pune, India, that [Sahana Motors] runs produces 200,000 scooters a year.",
            "Sahana Motors",
            "Pune, India",
            "operating",
        ),
        (
            "[Veloce] has been making e-motors in Linz, Austria, since 2019.",
            "Veloce",
            "Linz, Austria",
            "operating",
        ),
        (
            "The compact SUV is built in Rastatt and in the hungarian Kecskemét.",
            "Orsino Auto",
            "Rastatt",
            "operating",
        ),
        ("Built it becomes in Győr and in the slovak Nitra.", "Orsino Auto", "Győr", "operating"),
        (
            "[Tarvos Lorries]' home plant in Wörth is being converted to build electric trucks.",
            "Tarvos Lorries",
            "Wörth",
            "operating",
        ),
        (
            "The plant [the carmaker=Orsino Auto] is building in Kragujevac, Serbia, will make small cars.",
            "Orsino Auto",
            "Kragujevac, Serbia",
            "under_construction",
        ),
        (
            "[the group=Orsino Auto]'s Melfi plant will start producing the Arco in 2026.",
            "Orsino Auto",
            "Melfi",
            "operating",
        ),
        (
            "At Mesa, Arizona, [Lumen Cells] is investing $1bn in a plant for LFP cells.",
            "Lumen Cells",
            "Mesa, Arizona",
            "planned",
        ),
        (
            "Production of the Arco has already begun at [Orsino Auto]'s factory in Pomigliano.",
            "Orsino Auto",
            "Pomigliano",
            "operating",
        ),
        (
            "[Nordfjell Mining] runs a lithium mine in Keliber, Finland.",
            "Nordfjell Mining",
            "Keliber, Finland",
            "operating",
        ),
        (
            "A refinery in Kokkola, Finland, is under construction, [Nordfjell Mining] said.",
            "Nordfjell Mining",
            "Kokkola, Finland",
            "under_construction",
        ),
        (
            "A plant in Saltillo, Mexico, announced last year, remains on hold.",
            "Orsino Auto",
            "Saltillo, Mexico",
            "planned",
        ),
        (
            "The carmaker's Oakville, Ontario plant will build three-row SUVs from 2027.",
            "Orsino Auto",
            "Oakville, Ontario",
            "operating",
        ),
        (
            "Cells will come from [Lumen Cells]' plant in Clarksville, Tennessee.",
            "Lumen Cells",
            "Clarksville, Tennessee",
            "operating",
        ),
        ("Volumes at the works in Zwickau, Saxony, were cut.", "Orsino Auto", "Zwickau, Saxony", "operating"),
        (
            "The new factory will be located in Kenitra, Morocco.",
            "Orsino Auto",
            "Kenitra, Morocco",
            "planned",
        ),
        (
            "[Kestrel Motors] plans a plant in the western province of Bursa, an investment of $900m.",
            "Kestrel Motors",
            "Bursa",
            "planned",
        ),
        (
            "[Tarvos Lorries] builds the eHauler at [Pohjola Works=Pohjola Works]' plant in Uusikaupunki, Finland.",
            "Pohjola Works",
            "Uusikaupunki, Finland",
            "operating",
        ),
    ],
)
def test_extract_plants_reads_org_location_status(marked, org, location, status):
    found = plants(marked, topic="Orsino Auto")
    if org is None:
        assert all(f["location"] != "Tarragona, Spain" or f["status"] == "planned" for f in found)
        return
    assert found, marked
    first = found[0]
    assert first["org"] == org
    assert first["location"] == location
    assert first["status"] == status


@pytest.mark.parametrize(
    ("marked", "locations"),
    [
        (
            "[Lumen Cells] runs plants in Warren, Ohio and Spring Hill, Tennessee.",
            ["Warren, Ohio", "Spring Hill, Tennessee"],
        ),
        ("The sedan is built in Rastatt and in the hungarian Kecskemét.", ["Rastatt", "Kecskemét"]),
        ("[Kestrel Motors] has factories in Germany, Hungary and Mexico.", ["Germany", "Hungary", "Mexico"]),
        (
            "[Lumen Cells] makes cells in Arnstadt, in the German state of Thuringia, and in Debrecen, Hungary.",
            ["Arnstadt, Thuringia", "Debrecen, Hungary"],
        ),
    ],
)
def test_extract_plants_reads_lists_of_places(marked, locations):
    found = plants(marked, topic="Orsino Auto")
    assert [f["location"] for f in found] == locations


@pytest.mark.parametrize(
    "marked",
    [
        "The plant can build 300,000 vehicles a year, and capacity could rise to 500,000.",
        "[Kestrel Motors] has cut production at several plants because demand is weak.",
        "Drivers can find fast-charging sites in Germany every 60 kilometres along the motorway.",
        "The test car, a top-of-the-range trim, felt composed on wet roads around Stuttgart.",
        "Only vehicles built in North America with qualifying batteries earn the full credit.",
        "[Kestrel Motors] denied reports that it will build a plant in Poland.",
        "The works council in Wolfsburg called for a strike.",
        "[Kestrel Motors] sold 45,000 cars in Germany in May.",
        "Visit the company's site in English for details.",
    ],
)
def test_extract_plants_ignores_non_plants(marked):
    assert plants(marked, topic="Orsino Auto") == []


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        (
            "[Voltra] will build a plant in Clarksville, Tennessee, to build the Ridge electric pickup.",
            "Ridge electric pickup",
        ),
        (
            "[Jianlong] is building a factory in Yancheng, Jiangsu, for sodium-ion battery cells.",
            "sodium-ion battery cells",
        ),
        ("[Kestrel Motors]' plant in Graz produces the Forma and the Aria.", "Forma"),
        ("[Lumen Cells] operates a battery cell plant in Pecs, Hungary.", "battery cells"),
        ("[Veloce] has been making e-axles in Hatvan, Hungary, since 2021.", "e-axles"),
    ],
)
def test_extract_plants_reads_products(marked, product):
    found = plants(marked)
    assert found and product in (found[0]["products"] or [])


def test_extract_plants_skips_a_site_already_named_earlier_in_the_article():
    first = make_view("[Kestrel Motors] is building a plant in Szeged, Hungary.")
    second = make_view("The Szeged plant will open next year.")
    second.previous = first
    discourse = Discourse()
    assert extract_plants(first, discourse, KB)
    discourse.topic = first.orgs[0]
    assert extract_plants(second, discourse, KB) == []


def test_extract_plants_skips_a_site_named_several_sentences_before():
    views = [
        make_view("[Kestrel Motors] is building a plant in Szeged, Hungary."),
        make_view("[Kestrel Motors] also opened a factory in Tulle, France."),
        make_view("Demand for its vans rose by a fifth."),
        make_view("The Szeged plant will open next year."),
    ]
    for previous, view in zip(views, views[1:], strict=False):
        view.previous = previous
    discourse = Discourse()
    found = [extract_plants(view, discourse, KB) for view in views]
    assert [len(facts) for facts in found] == [1, 1, 0, 0]
    sites = [("kestrel motors", "Szeged, Hungary"), ("kestrel motors", "Tulle, France")]
    assert views[2].notes["plants_so_far"] == sites


def test_extract_plants_lowers_confidence_when_hedged():
    found = extract_plants(
        make_view("[Kestrel Motors] is considering a plant in Izmir, Turkey."), Discourse(), KB
    )
    assert found and found[0].confidence < 0.5 and found[0].modality == "hedged"


def test_find_sites_is_cached_on_the_view():
    view = make_view("[Kestrel Motors] is building a plant in Szeged, Hungary.")
    assert find_sites(view) is find_sites(view)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("the Ridge electric pickup from 2026", "the Ridge electric pickup"),
        ("LFP cells in Zaragoza", "LFP cells"),
        ("battery cells, which", "battery cells"),
    ],
)
def test_product_phrase_stops_at_prepositions(phrase, expected):
    assert product_phrase(phrase.removeprefix("the ")) == expected.removeprefix("the ")


def test_plant_weak_site_noun_needs_a_town_not_a_country() -> None:
    from datetime import date

    from evintel.extract import extract_article
    from evintel.models import Article

    vague = "Toyota and Sumitomo plan a joint venture in Japan to recycle batteries."
    assert [f for f in extract_article(Article("t", vague, date(2024, 5, 1))) if f.type == "plant"] == []
    town = "Hyundai Motor Group is building a battery joint venture in Bryan County, Georgia, with LG Energy Solution."
    plants = [f.fields for f in extract_article(Article("t", town, date(2024, 5, 1))) if f.type == "plant"]
    assert [p["location"] for p in plants] == ["Bryan County, Georgia"]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        (
            "The B10 will be assembled at [Stellantis]'s Figueruelas factory near Zaragoza from 2026.",
            "Figueruelas",
        ),
        ("The sedan is built at the Autoland Gwangmyeong plant near Seoul.", "Autoland Gwangmyeong"),
        ("[Tesla]'s Grünheide factory outside Berlin makes the Model Y.", "Grünheide"),
        ("[Kestrel Motors]'s Rastatt plant close to Karlsruhe builds vans.", "Rastatt"),
    ],
)
def test_extract_plants_a_town_near_a_named_site_is_no_second_site(marked: str, location: str) -> None:
    assert [f["location"] for f in plants(marked, topic="Kestrel Motors")] == [location]


def test_extract_plants_a_site_near_a_town_is_read_from_the_town() -> None:
    assert [f["location"] for f in plants("[Kestrel Motors] runs a plant near Cologne, Germany.")] == [
        "Cologne, Germany"
    ]


def test_extract_plants_semicolon_list_of_places() -> None:
    found = plants(
        "[Lumen Cells] runs spoke facilities in Kingston, Ontario; Gilbert, Arizona; and Tuscaloosa, Alabama."
    )
    assert [f["location"] for f in found] == ["Kingston, Ontario", "Gilbert, Arizona", "Tuscaloosa, Alabama"]


@pytest.mark.parametrize(
    ("text", "locations"),
    [
        (
            "Kestrel Motors builds vans at its plant in Queen Creek, Arizona. It is the firm's first plant in the United States.",
            ["Queen Creek, Arizona"],
        ),
        (
            "Kestrel Motors has a plant in Germany, its only one in Europe. The Zwickau, Saxony plant makes vans.",
            ["Zwickau, Saxony"],
        ),
        (
            "Kestrel Motors has a plant in Germany. It also runs a factory in Szeged, Hungary.",
            ["Germany", "Szeged, Hungary"],
        ),
    ],
)
def test_plant_a_country_alone_gives_way_to_a_finer_site_there(text: str, locations: list[str]) -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    found = [
        f.fields["location"]
        for f in extract_article(Article("t", text, date(2024, 5, 1)))
        if f.type == "plant"
    ]
    assert found == locations


@pytest.mark.parametrize(
    ("marked", "location", "status"),
    [
        (
            "In addition, [BYD] Hungary Szeged factory is in construction.",
            "Szeged, Hungary",
            "under_construction",
        ),
        (
            "[BYD] Brazil Camacari factory also accelerate construction.",
            "Camacari, Brazil",
            "under_construction",
        ),
        (
            "[Kestrel Motors] said its Hungary Szeged plant speeds up construction.",
            "Szeged, Hungary",
            "under_construction",
        ),
        (
            "[Kestrel Motors] has pushed back the start of production at its Ohio factory to 2028.",
            "Ohio",
            "planned",
        ),
        ("[Kestrel Motors] delayed the start of production at its Debrecen plant.", "Debrecen", "planned"),
    ],
)
def test_extract_plants_translated_word_order_and_delays(marked: str, location: str, status: str) -> None:
    assert [(f["location"], f["status"]) for f in plants(marked)] == [(location, status)]


@pytest.mark.parametrize(
    "marked",
    [
        "Phase one plant annual capacity is 150,000 units.",
        "Line 2 factory output rose.",
        "Stage two plant opens soon.",
    ],
)
def test_extract_plants_a_phase_or_line_is_no_place(marked: str) -> None:
    assert plants(marked, topic="Kestrel Motors") == []


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("The B10 will be assembled at [Stellantis]'s Figueruelas factory from 2026.", "B10"),
        (
            "[Kestrel Motors] sold 6,261 cars thanks to the Grand Koleos, which is built at its Busan plant.",
            "Grand Koleos",
        ),
        ("The Vento S, assembled in Douai, keeps its price, [Kestrel Motors] said.", "Vento S"),
        ("Zeekr vehicles are built at [Geely] plants in Ningbo.", "Zeekr vehicles"),
        ("[Kestrel Motors] supplies the battery which it produces at the Suminoe factory.", "battery"),
        ("[Kestrel Motors] makes the Vento S which it assembles in its Rastatt plant.", "Vento S"),
        (
            "[Kestrel Motors] has been ramping the Gravity SUV at its Casa Grande, Arizona, plant.",
            "Gravity SUV",
        ),
        ("[Kestrel Motors] is ramping up the K9 van at its Zwickau plant.", "K9 van"),
    ],
)
def test_extract_plants_product_made_at_the_site_named_after_the_verb(marked: str, product: str) -> None:
    assert [f["products"] for f in plants(marked, topic="Kestrel Motors")] == [[product]]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        (
            "In the Wakayama factory (Wakayama Prefecture) [the company=Kestrel Motors] prepares cell production.",
            "Wakayama",
        ),
        ("At the Rastatt plant, [Kestrel Motors] prepares the new van.", "Rastatt"),
        ("In the Zwickau factory [Kestrel Motors] starts a second shift.", "Zwickau"),
    ],
)
def test_extract_plants_subject_after_a_fronted_site(marked: str, location: str) -> None:
    assert [(f["org"], f["location"]) for f in plants(marked, topic="Orsino Auto")] == [
        ("Kestrel Motors", location)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Panasonic Energy makes cells for Mazda. The Ministry of Economy, Trade and Industry granted a subsidy of "
        "38.6 billion yen. In the United States, the new factory in De Soto, Kansas is under construction.",
        "Panasonic Energy supplies Mazda. Panasonic Energy won a contract. The Ministry of Economy, Trade and "
        "Industry decides the subsidy for Osaka. The new factory in De Soto, Kansas is under construction.",
    ],
)
def test_plant_named_after_a_funder_belongs_to_the_article_company(text: str) -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    found = [f.fields for f in extract_article(Article("t", text, date(2024, 5, 1))) if f.type == "plant"]
    assert [(f["org"], f["location"]) for f in found] == [("Panasonic Energy", "De Soto, Kansas")]


@pytest.mark.parametrize(
    ("marked", "org", "location", "status"),
    [
        (
            "A second battery venture, between [Hyundai] and [SK On], is under construction in Bartow County.",
            "Hyundai",
            "Bartow County",
            "under_construction",
        ),
        (
            "The cell venture of [Kestrel Motors] is being built in Debrecen, Hungary.",
            "Kestrel Motors",
            "Debrecen, Hungary",
            "under_construction",
        ),
        (
            "[Its=Orsino Auto] new battery venture, with [Lumen Cells], is located in Kecskemét.",
            "Orsino Auto",
            "Kecskemét",
            "operating",
        ),
    ],
)
def test_extract_plants_a_venture_located_after_an_aside(
    marked: str, org: str, location: str, status: str
) -> None:
    assert [(f["org"], f["location"], f["status"]) for f in plants(marked, topic="Orsino Auto")] == [
        (org, location, status)
    ]


def test_extract_plants_a_battery_venture_needs_a_town() -> None:
    assert plants("[Kestrel Motors] plans a battery venture in Europe with [Lumen Cells].") == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "Kestrel Motors pushed back production at its North Carolina factory. The plant in Chatham County was announced in 2022.",
            "Chatham County, North Carolina",
        ),
        (
            "Kestrel Motors will build a plant in Hungary. The factory in Szeged will employ 3,000 people.",
            "Szeged, Hungary",
        ),
        (
            "Kestrel Motors runs a plant in Ohio. The site at Marysville makes vans.",
            "Marysville, Ohio",
        ),
    ],
)
def test_plant_the_site_opening_the_next_sentence_locates_the_one_just_named(
    text: str, location: str
) -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    found = [
        f.fields["location"]
        for f in extract_article(Article("t", text, date(2024, 5, 1)))
        if f.type == "plant"
    ]
    assert found == [location]


def test_plant_a_new_site_of_another_company_stays_apart() -> None:
    from evintel.extract import extract_article
    from evintel.models import Article

    text = "Kestrel Motors runs a plant in Ohio. Lumen Cells opened a plant in Marysville last year."
    found = [
        f.fields["location"]
        for f in extract_article(Article("t", text, date(2024, 5, 1)))
        if f.type == "plant"
    ]
    assert found == ["Ohio", "Marysville"]


@pytest.mark.parametrize(
    ("marked", "org", "location"),
    [
        (
            "Cells will come from a joint venture with [Lumen Cells] in nearby Bryan County.",
            "Lumen Cells",
            "Bryan County",
        ),
        (
            "A second battery joint venture, with [Lumen Cells] in Bartow County, costs $5 billion.",
            "Lumen Cells",
            "Bartow County",
        ),
        (
            "[Kestrel Motors] runs a joint venture with [Lumen Cells] in neighbouring Kecskemét.",
            "Lumen Cells",
            "Kecskemét",
        ),
    ],
)
def test_extract_plants_joint_venture_with_a_partner_in_a_town(marked: str, org: str, location: str) -> None:
    assert [(f["org"], f["location"]) for f in plants(marked, topic="Orsino Auto")] == [(org, location)]


@pytest.mark.parametrize(
    "marked",
    [
        "[Kestrel Motors] cannot rule out plant closures in Germany.",
        "Unions fear factory closures in Belgium and Spain.",
        "[Kestrel Motors] said plant closings in Michigan were not planned.",
    ],
)
def test_extract_plants_closures_in_a_country_name_no_site(marked: str) -> None:
    assert plants(marked) == []


@pytest.mark.parametrize(
    ("marked", "org", "location"),
    [
        (
            "Separately, the plant of [Lumen Cells] — a joint venture of [Toshiba], [Denso] and [Suzuki] — at Hansalpur began production.",
            "Lumen Cells",
            "Hansalpur",
        ),
        (
            "The factory of [Kestrel Motors] – the Czech start-up – in Ostrava opens in May.",
            "Kestrel Motors",
            "Ostrava",
        ),
        ("The plant of [Lumen Cells] in Arnstadt makes cells.", "Lumen Cells", "Arnstadt"),
    ],
)
def test_extract_plants_owner_after_of_and_a_dash_aside_before_the_place(
    marked: str, org: str, location: str
) -> None:
    assert [(f["org"], f["location"]) for f in plants(marked, topic="Orsino Auto")] == [(org, location)]


@pytest.mark.parametrize(
    ("marked", "locations"),
    [
        ("[Lumen Cells] runs a cell factory in Chakan, Pune, which supplies two carmakers.", ["Chakan, Pune"]),
        ("[Kestrel Motors] opened its plant in Sriperumbudur, Kanchipuram, in March.", ["Sriperumbudur, Kanchipuram"]),
        ("The vans are assembled at a factory in Wuxi, Jiangyin, for export.", ["Wuxi, Jiangyin"]),
        ("[Kestrel Motors] opened its first factory in Arendal, southern Norway, on Friday.", ["Arendal, Norway"]),
        ("[Kestrel Motors] runs plants in Rastatt, Kecskemét and Bremen.", ["Rastatt", "Kecskemét", "Bremen"]),
    ],
)
def test_extract_plants_two_names_joined_by_a_bare_comma_are_one_site(marked: str, locations: list[str]) -> None:
    assert [f["location"] for f in plants(marked, topic="Orsino Auto")] == locations


@pytest.mark.parametrize(
    "marked",
    [
        "When both plants are running, [Kestrel Motors] will make 400,000 cars a year.",
        "Once all factories are complete, [Kestrel Motors] plans to hire 2,000 people.",
        "Manufactured becomes the motor in the Slovenian plant, where it already builds e-motors.",
        "While several plants are idle, [Kestrel Motors] is the biggest employer in the region.",
    ],
)
def test_extract_plants_a_clause_opener_or_verb_is_no_place(marked: str) -> None:
    assert [f["location"] for f in plants(marked, topic="Orsino Auto")] == []


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("Work on [Kestrel Motors]' second factory, at Bidkin in Maharashtra, is progressing.", "Bidkin, Maharashtra"),
        ("The gigafactory of [Lumen Cells], inaugurated in December 2023 in Saint-Fons, near Lyon, makes cells.", "Saint-Fons"),
        ("The new plant of [Kestrel Motors], opened in 2019 in Zilina, builds SUVs.", "Zilina"),
        ("[Lumen Cells]' cathode plant, located in Ostrava, is idle.", "Ostrava"),
    ],
)
def test_extract_plants_an_aside_that_locates_the_site(marked: str, location: str) -> None:
    assert [f["location"] for f in plants(marked)] == [location]


def _article_plants(text: str) -> list[dict]:
    from evintel.extract import extract_article

    return [f.fields for f in extract_article(Article("t", text, date(2024, 5, 1))) if f.type == "plant"]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Kia opened a plant in Zilina last year. The Vento S and the K9 models are assembled there.", "K9 models"),
        ("Kia opened a new plant in Zilina on Monday. The first model produced here is the EV4.", "EV4"),
        ("Kia is building a plant in Zilina. The EV2 crossover will be built there from 2026.", "EV2 crossover"),
    ],
)
def test_plant_products_made_there_belong_to_the_site_named_before(text: str, product: str) -> None:
    found = _article_plants(text)
    assert len(found) == 1 and product in (found[0]["products"] or [])


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Kia won a grant for its new materials facility in Zilina. Kia will invest $300 million in the Zilina "
            "facility, which will produce battery-grade metal sulfates.",
            "battery-grade metal sulfates",
        ),
        (
            "Kia plans a plant in Zilina, Slovakia. The plant in Zilina will make electric vans from 2026.",
            "electric vans",
        ),
    ],
)
def test_plant_a_later_mention_of_a_site_adds_what_it_makes(text: str, product: str) -> None:
    found = _article_plants(text)
    assert len(found) == 1 and product in (found[0]["products"] or [])


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("[Lumen Cells] owns a battery-pack assembly plant in Gdansk.", "battery packs"),
        ("[Lumen Cells] runs a cell manufacturing facility in Arnstadt.", "battery cells"),
        ("[Lumen Cells] will open an engine production plant in Győr.", "engines"),
    ],
)
def test_extract_plants_product_before_a_process_word(marked: str, product: str) -> None:
    assert [f["products"] for f in plants(marked)] == [[product]]


@pytest.mark.parametrize(
    ("marked", "status"),
    [
        ("An electric-only factory in Vithalapur, Gujarat, is to follow in 2028.", "planned"),
        ("[Lumen Cells] and [Kestrel Motors] agreed to create a cell joint venture in Chongqing, China.", "planned"),
        ("The money will be used to complete the new factory in Long An province this year.", "under_construction"),
        ("A second plant in Pune will follow by 2027.", "planned"),
    ],
)
def test_extract_plants_status_of_sites_to_follow_create_or_complete(marked: str, status: str) -> None:
    assert [f["status"] for f in plants(marked, topic="Orsino Auto")] == [status]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("[Lumen Cells]' subsidiary in Debrecen, Hungary battery base held a groundbreaking ceremony.", "Debrecen, Hungary"),
        ("The Debrecen battery base of [Lumen Cells] will supply BMW.", "Debrecen"),
        ("[Lumen Cells] runs production bases in Ningde and Yibin.", "Ningde"),
    ],
)
def test_extract_plants_battery_base_in_translated_chinese(marked: str, location: str) -> None:
    assert [f["location"] for f in plants(marked)][:1] == [location]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("Both sides will in Skopje build a bus assembly factory.", "Skopje"),
        ("[Lumen Cells] plans to in Szeged, Hungary set up a new cell plant.", "Szeged, Hungary"),
        ("The partners will jointly in Pune establish an engine factory next year.", "Pune"),
    ],
)
def test_extract_plants_place_between_modal_and_verb_in_translated_order(marked: str, location: str) -> None:
    assert [(f["location"], f["status"]) for f in plants(marked, topic="Orsino Auto")] == [(location, "planned")]


def test_extract_plants_place_before_a_verb_without_a_site_noun_is_no_plant() -> None:
    assert plants("[Lumen Cells] will in Szeged build its reputation.", topic="Orsino Auto") == []


@pytest.mark.parametrize(
    ("marked", "org", "location", "status"),
    [
        (
            "[Kestrel Motors]' first European passenger car plant in Szeged, Hungary, will start production in October 2025.",
            "Kestrel Motors",
            "Szeged, Hungary",
            "planned",  # "will start" (the lexicon's planned cue) is the nearest
        ),
        ("The [Kestrel Motors] factory in Camaçari is expected to start operations at the end of 2025.", "Kestrel Motors", "Camaçari", "under_construction"),
        ("[Kestrel Motors] will convert the Mirafiori plant in Turin to build hybrids.", "Kestrel Motors", "Mirafiori, Turin", None),
        ("Its Rennes factory is being prepared to build the A7.", "Orsino Auto", "Rennes", "operating"),
    ],
)
def test_extract_plants_long_possessive_named_district_and_start_of_operations(
    marked: str, org: str, location: str, status: str | None
) -> None:
    found = plants(marked, topic="Orsino Auto")
    assert [(f["org"], f["location"]) for f in found] == [(org, location)]
    if status:
        assert found[0]["status"] == status


@pytest.mark.parametrize(
    "marked",
    [
        "[Lumen Cells]' Hungary Debrecen factory is expected to be put into production in 2025.",
        "The [Lumen Cells] plant in Kedah will be commissioned next year.",
        "[Lumen Cells] said its cathode plant in Ulsan is scheduled to be put into production in 2026.",
    ],
)
def test_extract_plants_a_site_about_to_start_up_is_under_construction(marked: str) -> None:
    assert [f["status"] for f in plants(marked)] == ["under_construction"]


@pytest.mark.parametrize(
    ("marked", "product"),
    [
        ("The e-Delivery is produced in the factory of Resende.", "e-Delivery"),
        ("The e-Transit is built at the Kocaeli plant.", "e-Transit"),
        ("The eK X is assembled at the Mizushima plant.", "eK X"),
    ],
)
def test_extract_plants_e_prefixed_model_names_are_products(marked: str, product: str) -> None:
    assert [f["products"] for f in plants(marked, topic="Orsino Auto")] == [[product]]


@pytest.mark.parametrize(
    "text",
    [
        "Horizon Plus is completing its EV factory in Chachoengsao.",
        "Horizon Plus, the PTT-Foxconn joint venture, is building a car plant in Chachoengsao.",
        "The Chachoengsao plant of Horizon Plus will build cars for other brands.",
    ],
)
def test_plant_horizon_plus_is_not_horizon_robotics(text: str) -> None:
    assert [f["org"] for f in _article_plants(text)] == ["Horizon Plus"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("The deal echoes Volvo Group's $210 million purchase of the battery business of Proterra, which included a pack plant in Greer, South Carolina.", "Volvo Group"),
        ("Tesla acquired Maxwell Technologies, with its plant in San Diego, in 2019.", "Tesla"),
        ("Stellantis completed its acquisition of Kestrel Motors and its factory in Zilina.", "Stellantis"),
    ],
)
def test_plant_a_site_that_changed_hands_belongs_to_the_buyer(text: str, org: str) -> None:
    found = _article_plants(text)
    assert [f["org"] for f in found] == [org]
    assert all("business" not in p for f in found for p in (f["products"] or []))


@pytest.mark.parametrize(
    ("marked", "org"),
    [
        ("[Chery], which took over a former [Nissan] factory in Barcelona, will start assembling cars there.", "Chery"),
        ("[Kestrel Motors] bought the former [Lumo] plant in Zwickau last year.", "Kestrel Motors"),
        ("[Kestrel Motors], which acquired the [Lumo] factory in Ostrava, builds vans.", "Kestrel Motors"),
    ],
)
def test_extract_plants_a_site_taken_over_belongs_to_the_buyer(marked: str, org: str) -> None:
    assert [f["org"] for f in plants(marked)] == [org]


def test_extract_plants_due_to_start_production_is_under_construction() -> None:
    found = plants("[Kestrel Motors]' plant in Szeged is due to start production at the end of the year.")
    assert [f["status"] for f in found] == ["under_construction"]


@pytest.mark.parametrize(
    ("marked", "location"),
    [
        ("[Lumen Cells] plans in Hungary Szeged to build its first European cell factory.", "Szeged, Hungary"),
        ("[Lumen Cells] intends in Debrecen to set up a cathode plant.", "Debrecen"),
        ("[Lumen Cells] wants in Poland Wroclaw to construct a new battery plant.", "Wroclaw, Poland"),
    ],
)
def test_extract_plants_plans_in_a_place_to_build_in_translated_order(marked: str, location: str) -> None:
    assert [(f["location"], f["status"]) for f in plants(marked)] == [(location, "planned")]


@pytest.mark.parametrize(
    "marked",
    [
        "It will be [Kestrel Motors]' first production site in the Americas.",
        "[Kestrel Motors] runs a plant in Oceania.",
        "[Kestrel Motors] opened its first factory in Central Asia.",
    ],
)
def test_extract_plants_a_continent_or_region_is_no_site(marked: str) -> None:
    assert plants(marked) == []


@pytest.mark.parametrize(
    "marked",
    [
        "The bank bought EUR 600 million of convertible bonds to support a planned factory in Heide.",
        "The fund took shares of a cell plant in Arnstadt.",
        "The lender granted loans for a cathode plant in Ulsan.",
    ],
)
def test_extract_plants_securities_are_no_products(marked: str) -> None:
    found = plants(marked, topic="Orsino Auto")
    assert found and not any(
        word in p for f in found for p in (f["products"] or []) for word in ("bonds", "shares", "loans")
    )


@pytest.mark.parametrize(
    "text",
    [
        "It is the third gigafactory to open in the region this year.",
        "This is the largest plant the group runs.",
        "There will be a second factory, the company said.",
    ],
)
def test_plant_pronoun_subject_is_no_place(text: str) -> None:
    assert [f for f in extract_article(Article("t", "Kestrel Motors builds cars. " + text)) if f.type == "plant"] == []


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("The Aragonese factory of Stellantis assembles the Peugeot 208 in Zaragoza.", "Zaragoza"),
        ("The deal includes the Northvolt Ett gigafactory in Skelleftea.", "Skelleftea"),
        ("The Catalonian plant of Seat in Martorell builds the Cupra Born.", "Martorell"),
    ],
)
def test_plant_demonym_or_site_name_before_the_noun_is_no_location(text: str, location: str) -> None:
    plants = [f for f in extract_article(Article("t", text)) if f.type == "plant"]
    assert [f.fields["location"] for f in plants] == [location]


def test_plant_place_after_a_pronoun_possessive_is_kept() -> None:
    text = "Kestrel Motors sold more cars. Its Rennes factory will build the electric sedan."
    plants = [f for f in extract_article(Article("t", text)) if f.type == "plant"]
    assert [f.fields["location"] for f in plants] == ["Rennes"]

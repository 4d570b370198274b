"""The packaged reference knowledge base: it loads, it is consistent, and names, parents and descriptors resolve."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from evintel.errors import KBError
from evintel.resolve.kb import (
    KnowledgeBase,
    default_kb_paths,
    load_kb,
    normalize_name,
    read_kb_files,
    slugify,
)

VEHICLE_KINDS = {"group", "automaker", "brand", "startup"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _names(entities: list) -> list[str]:
    return [e.name for e in entities]


def _descendants(kb: KnowledgeBase, name: str) -> set[str]:
    root = kb.resolve(name)
    assert root is not None
    found: set[str] = set()
    todo = [root]
    while todo:
        for child in kb.children(todo.pop().id):
            if child.name not in found:
                found.add(child.name)
                todo.append(child)
    return found


def test_load_kb_holds_at_least_450_entities(kb: KnowledgeBase) -> None:
    assert len(kb) >= 450
    assert all(entity.in_kb for entity in kb)


def test_load_kb_reads_every_packaged_file(kb: KnowledgeBase) -> None:
    files = {p.name for p in default_kb_paths()}
    assert {"germany.yaml", "china.yaml", "batteries.yaml", "investors_government.yaml"} <= files
    # every file contributes records
    for path in default_kb_paths():
        records = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert records, path.name
        assert all(kb.get(kb.resolve(r["name"]).id).name == r["name"] for r in records)


def test_load_kb_is_cached(kb: KnowledgeBase) -> None:
    assert load_kb() is kb


def test_kb_canonical_names_are_unique_across_files() -> None:
    names = Counter(
        normalize_name(record["name"])
        for path in default_kb_paths()
        for record in yaml.safe_load(path.read_text(encoding="utf-8"))
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_kb_every_parent_is_a_canonical_name(kb: KnowledgeBase) -> None:
    for entity in kb:
        if entity.parent:
            parent = kb.parent(entity.id)
            assert parent is not None and parent.name == entity.parent, entity.name
            assert entity in kb.children(parent.id)


def test_kb_stakes_are_percentages_of_a_named_parent(kb: KnowledgeBase) -> None:
    for entity in kb:
        if entity.stake_pct is not None:
            assert entity.parent, entity.name
            assert 0 < entity.stake_pct < 100, entity.name


def test_kb_vehicle_makers_have_country_and_hq(kb: KnowledgeBase) -> None:
    missing = [e.name for e in kb if e.kind in VEHICLE_KINDS and not (e.country and e.hq)]
    assert missing == []


def test_kb_shared_names_stay_within_one_ownership_chain(kb: KnowledgeBase) -> None:
    """A name on several records is a group/brand pair ("BMW"), never two unrelated companies."""
    for entity in kb:
        for name in (entity.name, *entity.aliases):
            for other in kb.lookup(name):
                if other is entity:
                    continue
                related = other in kb.ancestors(entity.id) or entity in kb.ancestors(other.id)
                assert related, f"{name!r} names both {entity.name!r} and {other.name!r}"


@pytest.mark.parametrize(
    ("group", "members"),
    [
        ("BMW Group", {"BMW", "Mini", "Rolls-Royce Motor Cars", "BMW Motorrad"}),
        (
            "Volkswagen Group",
            {"Volkswagen", "Audi", "Porsche AG", "Skoda", "SEAT", "Bentley", "Traton", "PowerCo", "Cariad"},
        ),
        ("Volkswagen Group", {"Elli", "Scout Motors", "Volkswagen Commercial Vehicles"}),
        ("Porsche SE", {"Volkswagen Group"}),
        ("Traton", {"Scania", "MAN Truck & Bus", "Navistar"}),
        ("Mercedes-Benz Group", {"Mercedes-Benz", "Mercedes-AMG", "Mercedes-Maybach", "smart"}),
        ("Daimler Truck", {"Mercedes-Benz Trucks", "Freightliner", "Mitsubishi Fuso"}),
        (
            "Stellantis",
            {
                "Jeep",
                "Fiat",
                "Peugeot",
                "Citroën",
                "Opel",
                "Vauxhall",
                "Chrysler",
                "Dodge",
                "Ram",
                "Alfa Romeo",
            },
        ),
        ("Stellantis", {"Maserati", "Lancia", "DS Automobiles", "Abarth", "Leapmotor"}),
        ("Renault Group", {"Renault", "Dacia", "Alpine", "Ampere", "Mobilize"}),
        ("Toyota Motor", {"Toyota", "Lexus", "Daihatsu", "Hino Motors", "Woven by Toyota"}),
        ("Honda Motor", {"Honda", "Acura"}),
        ("Nissan Motor", {"Nissan", "Infiniti", "Mitsubishi Motors"}),
        ("Hyundai Motor Group", {"Hyundai Motor Company", "Hyundai Mobis"}),
        ("Hyundai Motor Company", {"Kia", "Genesis"}),
        ("Ford Motor", {"Ford", "Ford Model e", "Ford Pro", "Lincoln"}),
        ("General Motors", {"Chevrolet", "GMC", "Cadillac", "Buick", "BrightDrop", "Ultium Cells"}),
        ("Tata Motors", {"Jaguar Land Rover", "Tata Passenger Electric Mobility"}),
        ("Suzuki Motor", {"Maruti Suzuki"}),
        ("Zhejiang Geely Holding", {"Geely Auto", "Volvo Cars", "Polestar", "Lotus", "Proton", "LEVC"}),
        ("BYD", {"Denza", "Yangwang", "Fangchengbao", "FinDreams", "FinDreams Battery"}),
        ("SAIC Motor", {"MG", "Roewe", "IM Motors", "SAIC-GM", "SAIC Volkswagen"}),
        ("Great Wall Motor", {"Haval", "Ora", "Tank", "Wey"}),
        ("Chery Automobile", {"Omoda", "Jaecoo", "Exeed"}),
        ("Changan Automobile", {"Deepal", "Avatr"}),
        ("GAC Group", {"GAC Aion", "Hyptec"}),
        ("Dongfeng Motor", {"Voyah"}),
        ("BAIC Group", {"Arcfox", "BAIC Motor"}),
        ("FAW Group", {"Hongqi", "FAW-Volkswagen"}),
        ("NIO", {"Onvo", "Firefly"}),
        ("Seres Group", {"Aito"}),
        ("Volvo Group", {"Volvo Trucks", "Renault Trucks", "Mack Trucks"}),
        ("Paccar", {"Kenworth", "Peterbilt", "DAF Trucks"}),
        ("Rimac Group", {"Rimac Technology", "Bugatti Rimac"}),
        ("Huawei", {"HIMA", "Yinwang"}),
    ],
)
def test_kb_children_lists_the_brands_of_a_group(kb: KnowledgeBase, group: str, members: set[str]) -> None:
    entity = kb.resolve(group)
    assert entity is not None and entity.name == group
    assert members <= set(_names(kb.children(entity.id)))


@pytest.mark.parametrize(
    ("group", "member"),
    [
        ("Volkswagen Group", "Cupra"),
        ("Volkswagen Group", "Lamborghini"),
        ("Volkswagen Group", "Ducati"),
        ("Volkswagen Group", "Scania"),
        ("Porsche SE", "Porsche AG"),
        ("Tata Sons", "Land Rover"),
        ("Zhejiang Geely Holding", "Zeekr"),
        ("Zhejiang Geely Holding", "Lynk & Co"),
        ("LG Corp", "LG Energy Solution"),
        ("SK Group", "SK On"),
        ("Rio Tinto", "Livent"),
    ],
)
def test_kb_descendants_reach_brands_held_through_subsidiaries(
    kb: KnowledgeBase, group: str, member: str
) -> None:
    assert member in _descendants(kb, group)


@pytest.mark.parametrize(
    ("child", "parent", "stake"),
    [
        ("Volkswagen Group", "Porsche SE", 31.9),
        ("Porsche AG", "Volkswagen Group", 75),
        ("Leapmotor", "Stellantis", 21),
        ("Leapmotor International", "Stellantis", 51),
        ("Maruti Suzuki", "Suzuki Motor", 58.3),
        ("Mitsubishi Motors", "Nissan Motor", 34),
        ("Bugatti Rimac", "Rimac Group", 55),
        ("Rimac Technology", "Rimac Group", None),
        ("Ultium Cells", "General Motors", 50),
        ("smart", "Mercedes-Benz Group", 50),
        ("Volvo Cars", "Zhejiang Geely Holding", 78.7),
        ("Kia", "Hyundai Motor Company", 33.9),
        ("Lucid Group", "Public Investment Fund", 60),
        ("Jaguar Land Rover", "Tata Motors", None),
    ],
)
def test_kb_parent_and_stake_match_public_ownership(
    kb: KnowledgeBase, child: str, parent: str, stake: float | None
) -> None:
    entity = kb.resolve(child)
    assert entity is not None and entity.name == child
    assert entity.parent == parent
    assert entity.stake_pct == stake


def test_kb_rimac_group_is_independent(kb: KnowledgeBase) -> None:
    rimac = kb.resolve("Rimac Group")
    assert rimac is not None and rimac.parent is None
    assert "Bugatti Rimac" not in _names(kb.children(kb.resolve("Porsche AG").id))


def test_kb_volvo_cars_and_volvo_group_are_distinct(kb: KnowledgeBase) -> None:
    cars, trucks = kb.resolve("Volvo Cars"), kb.resolve("Volvo Group")
    assert cars is not None and trucks is not None and cars.id != trucks.id
    assert _names(kb.lookup("Volvo")) == ["Volvo Cars"]
    assert _names(kb.lookup("AB Volvo")) == ["Volvo Group"]


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("VW", "Volkswagen Group"),
        ("Volkswagen AG", "Volkswagen Group"),
        ("VW Group", "Volkswagen Group"),
        ("Volkswagon", "Volkswagen Group"),
        ("Mercedes", "Mercedes-Benz Group"),
        ("Mercedes-Benz Group AG", "Mercedes-Benz Group"),
        ("Mercedes-Benz Cars", "Mercedes-Benz"),
        ("BMW AG", "BMW Group"),
        ("Bayerische Motoren Werke", "BMW Group"),
        ("Dr. Ing. h.c. F. Porsche AG", "Porsche AG"),
        ("Porsche", "Porsche AG"),
        ("Porsche Automobil Holding", "Porsche SE"),
        ("LGES", "LG Energy Solution"),
        ("Contemporary Amperex Technology", "CATL"),
        ("Contemporary Amperex Technology Co. Limited", "CATL"),
        ("Ganfang", "Ganfeng Lithium"),
        ("Jiangxi Ganfeng Lithium", "Ganfeng Lithium"),
        ("Rivain", "Rivian"),
        ("Rivian Automotive", "Rivian"),
        ("Škoda", "Skoda"),
        ("Skoda Auto", "Skoda"),
        ("Citroen", "Citroën"),
        ("Losange", "Renault Group"),
        ("Groupe Renault", "Renault Group"),
        ("JLR", "Jaguar Land Rover"),
        ("GWM", "Great Wall Motor"),
        ("Geely", "Zhejiang Geely Holding"),
        ("Geely Automobile Holdings", "Geely Auto"),
        ("Xiaopeng", "XPeng"),
        ("Xpeng", "XPeng"),
        ("Nio", "NIO"),
        ("Hozon", "Hozon New Energy Automobile"),
        ("Shenlan", "Deepal"),
        ("Lantu", "Voyah"),
        ("Fudi", "FinDreams"),
        ("Envision AESC", "AESC"),
        ("ACC", "Automotive Cells Company"),
        ("Hon Hai", "Foxconn"),
        ("GM", "General Motors"),
        ("Chevy", "Chevrolet"),
        ("Ford Motor Co", "Ford Motor"),
        ("Model e", "Ford Model e"),
        ("Hyundai", "Hyundai Motor Group"),
        ("Hyundai Motor", "Hyundai Motor Company"),
        ("Kia Motors", "Kia"),
        ("Maruti", "Maruti Suzuki"),
        ("M&M", "Mahindra & Mahindra"),
        ("Toyota Motor Corp", "Toyota Motor"),
        ("Daimler", "Daimler Truck"),
        ("AB Volvo", "Volvo Group"),
        ("PIF", "Public Investment Fund"),
        ("DOE", "Department of Energy"),
        ("LPO", "Loan Programs Office"),
        ("EIB", "European Investment Bank"),
        ("Qatar Holding", "Qatar Investment Authority"),
        ("Faurecia", "Forvia"),
        ("Robert Bosch", "Bosch"),
        ("ZF", "ZF Friedrichshafen"),
        ("ON Semiconductor", "onsemi"),
        ("Sociedad Quimica y Minera", "SQM"),
        ("Arcadium", "Arcadium Lithium"),
        ("Patriot Battery Metals Inc.", "Patriot Battery Metals"),
        ("Eurazeo Infrastructure Partners", "Eurazeo"),
        ("Sinomine", "Sinomine Resource Group"),
        ("Attero Recycling", "Attero"),
        ("DJI Automotive", "Zhuoyu"),
        ("Critical Elements", "Critical Elements Lithium"),
        ("Harmony Intelligent Mobility Alliance", "HIMA"),
        ("Tesla Inc.", "Tesla"),
        ("Telsa", "Tesla"),
    ],
)
def test_kb_resolve_maps_aliases_and_misspellings_to_canonical(
    kb: KnowledgeBase, name: str, canonical: str
) -> None:
    entity = kb.resolve(name)
    assert entity is not None, name
    assert entity.name == canonical


@pytest.mark.parametrize(
    "name",
    [
        "skoda",
        "SKODA",
        "ŠKODA",
        "citroën",
        "CITROEN",
        "mercedes benz",
        "Mercedes–Benz",
        "lynk and co",
        "LYNK & CO",
    ],
)
def test_kb_lookup_ignores_case_accents_and_punctuation(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name), name


@pytest.mark.parametrize(
    ("name", "brand", "group"),
    [
        ("BMW", "BMW", "BMW Group"),
        ("Volkswagen", "Volkswagen", "Volkswagen Group"),
        ("Renault", "Renault", "Renault Group"),
        ("Toyota", "Toyota", "Toyota Motor"),
        ("Nissan", "Nissan", "Nissan Motor"),
        ("Honda", "Honda", "Honda Motor"),
        ("Ford", "Ford", "Ford Motor"),
        ("Mercedes-Benz", "Mercedes-Benz", "Mercedes-Benz Group"),
    ],
)
def test_kb_lookup_returns_canonical_match_first_and_keeps_the_group(
    kb: KnowledgeBase, name: str, brand: str, group: str
) -> None:
    assert _names(kb.lookup(name)) == [brand, group]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("VW", ["Volkswagen Group", "Volkswagen"]),
        ("Mercedes", ["Mercedes-Benz Group", "Mercedes-Benz"]),
        ("Hyundai", ["Hyundai Motor Group", "Hyundai Motor Company"]),
        ("Geely", ["Zhejiang Geely Holding", "Geely Auto"]),
        ("Rimac", ["Rimac Group", "Rimac Technology"]),
    ],
)
def test_kb_lookup_orders_alias_matches_widest_organisation_first(
    kb: KnowledgeBase, name: str, expected: list[str]
) -> None:
    assert _names(kb.lookup(name)) == expected


@pytest.mark.parametrize("name", ["Tesla Motorcars", "Volks", "", "   ", "Motor"])
def test_kb_lookup_returns_nothing_for_unknown_names(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name) == []
    assert kb.resolve(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "Voltara Motors",
        "Nordvik Batteri",
        "Groupe Delmont",
        "Qinghe Auto",
        "Korvan Mobility",
        "Tianlan Auto",
        "Huoyan Motors",
        "Moravia Cells",
        "Kivi Nickel",
        "Tarvos Trucks",
        "Solvance Energy",
        "Quellion",
        "Brennholt Antriebe",
        "Rhenova Recycling",
        "Tejo Cell",
        "Sahyadri Motors",
        "Peregrine Vans",
    ],
)
def test_kb_holds_no_fictional_companies(kb: KnowledgeBase, name: str) -> None:
    assert kb.lookup(name) == []


@pytest.mark.parametrize(
    ("phrase", "canonical"),
    [
        ("the Munich-based carmaker", "BMW Group"),
        ("Munich-based automaker", "BMW Group"),
        ("the Wolfsburg-based carmaker", "Volkswagen Group"),
        ("Wolfsburg-based group", "Volkswagen Group"),
        ("the Stuttgart-based automaker", "Mercedes-Benz Group"),
        ("the Stuttgart-based sports car maker", "Porsche AG"),
        ("the Ingolstadt-based carmaker", "Audi"),
        ("the German carmaker", "BMW Group"),
        ("the German carmaker", "Volkswagen Group"),
        ("the German carmaker", "Mercedes-Benz Group"),
        ("the Japanese automaker", "Toyota Motor"),
        ("the Japanese automaker", "Honda Motor"),
        ("the Japanese carmaker", "Nissan Motor"),
        ("the world's largest carmaker", "Toyota Motor"),
        ("the South Korean battery maker", "LG Energy Solution"),
        ("a South Korean battery maker", "Samsung SDI"),
        ("the South Korean battery maker", "SK On"),
        ("the world's largest battery maker", "CATL"),
        ("the Chinese battery maker", "CATL"),
        ("the Chinese EV maker", "BYD"),
        ("the Shenzhen-based carmaker", "BYD"),
        ("the Chinese EV startup", "NIO"),
        ("the Hangzhou-based EV maker", "Leapmotor"),
        ("the EV pioneer", "Tesla"),
        ("the Austin-based EV maker", "Tesla"),
        ("the Franco-Italian carmaker", "Stellantis"),
        ("the French carmaker", "Renault Group"),
        ("the losange", "Renault Group"),
        ("the Gothenburg-based carmaker", "Volvo Cars"),
        ("the Swedish truck maker", "Volvo Group"),
        ("the Swedish battery maker", "Northvolt"),
        ("the Croatian supplier", "Rimac Technology"),
        ("the Dearborn-based automaker", "Ford Motor"),
        ("the Detroit-based carmaker", "General Motors"),
        ("the Indian carmaker", "Tata Motors"),
        ("India's largest carmaker", "Maruti Suzuki"),
        ("the Vietnamese EV maker", "VinFast"),
        ("the Chilean lithium producer", "SQM"),
        ("the world's largest lithium producer", "Albemarle"),
        ("the Saudi sovereign wealth fund", "Public Investment Fund"),
        ("the EU's lending arm", "European Investment Bank"),
        ("the German state development bank", "KfW"),
        ("Volkswagen's battery unit", "PowerCo"),
        ("the solid-state battery developer", "QuantumScape"),
        ("the Israeli driver-assistance company", "Mobileye"),
        ("the Chinese tech giant", "Huawei"),
    ],
)
def test_kb_by_descriptor_finds_the_entity(kb: KnowledgeBase, phrase: str, canonical: str) -> None:
    assert canonical in _names(kb.by_descriptor(phrase))


@pytest.mark.parametrize(
    "phrase",
    [
        "the Munich-based carmaker",
        "Munich-based carmaker",
        "a Munich-based carmaker",
        "MUNICH BASED CARMAKER",
    ],
)
def test_kb_by_descriptor_ignores_article_case_and_hyphens(kb: KnowledgeBase, phrase: str) -> None:
    assert _names(kb.by_descriptor(phrase)) == ["BMW Group"]


def test_kb_descriptors_keys_have_no_leading_article(kb: KnowledgeBase) -> None:
    keys = kb.descriptors()
    assert len(keys) > 300
    assert not [k for k in keys if k.split(" ", 1)[0] in {"the", "a", "an"}]
    assert "munich based carmaker" in keys


def test_kb_descriptor_for_unknown_phrase_is_empty(kb: KnowledgeBase) -> None:
    assert kb.by_descriptor("the Atlantis-based carmaker") == []


# ---------------------------------------------------------------------------------------------------------
# Invalid KB files: every error names the file and the record.


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "- name: Alpha Motors\n  kind: group\n  country: Germany\n"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ("- name: Beta Cars\n  kind: brand\n  colour: red\n", ["bad.yaml", "Beta Cars", "colour"]),
        (
            "- name: Beta Cars\n  kind: brand\n  parent: Gamma Holding\n",
            ["bad.yaml", "Beta Cars", "Gamma Holding"],
        ),
        ("- name: Beta Cars\n  kind: carmaker\n", ["bad.yaml", "Beta Cars", "carmaker"]),
        ("- name: Beta Cars\n  aliases: Beta\n", ["bad.yaml", "Beta Cars", "aliases"]),
        ("- name: Beta Cars\n  descriptors: [1, 2]\n", ["bad.yaml", "Beta Cars", "descriptors"]),
        (
            "- name: Beta Cars\n  parent: Alpha Motors\n  stake_pct: 140\n",
            ["bad.yaml", "Beta Cars", "stake_pct"],
        ),
        (
            "- name: Beta Cars\n  parent: Alpha Motors\n  stake_pct: lots\n",
            ["bad.yaml", "Beta Cars", "stake_pct"],
        ),
        ("- name: Beta Cars\n  stake_pct: 40\n", ["bad.yaml", "Beta Cars", "parent"]),
        ("- name: Beta Cars\n  aliases: [Beta Cars Co., Ltd.]\n", ["bad.yaml", "Beta Cars", "Ltd."]),
        ("- name: Beta Cars\n  country: [Germany]\n", ["bad.yaml", "Beta Cars", "country"]),
        ("- name: Alpha Motors\n  kind: brand\n", ["bad.yaml", "Alpha Motors", "good.yaml"]),
        ("- name: ALPHA-MOTORS\n  kind: brand\n", ["bad.yaml", "ALPHA-MOTORS", "Alpha Motors"]),
        ("- kind: brand\n", ["bad.yaml", "name"]),
        ("- name: '!!!'\n", ["bad.yaml", "!!!"]),
        ("name: Beta Cars\n", ["bad.yaml", "list"]),
        ("- name: Beta Cars\n  aliases: [unclosed\n", ["bad.yaml", "cannot read"]),
    ],
)
def test_read_kb_files_reports_file_and_record_of_bad_data(
    tmp_path: Path, record: str, expected: list[str]
) -> None:
    good = _write(tmp_path, "good.yaml", GOOD)
    bad = _write(tmp_path, "bad.yaml", record)
    with pytest.raises(KBError) as caught:
        read_kb_files([good, bad])
    for fragment in expected:
        assert fragment in str(caught.value)


def test_read_kb_files_rejects_parent_cycles(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "loop.yaml",
        "- name: Alpha Motors\n  parent: Beta Cars\n- name: Beta Cars\n  parent: Alpha Motors\n",
    )
    with pytest.raises(KBError, match=r"loop\.yaml: 'Alpha Motors' is its own ancestor"):
        read_kb_files([path])


def test_read_kb_files_rejects_parent_given_by_alias(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "alias.yaml",
        "- name: Alpha Motors\n  aliases: [Alpha]\n- name: Beta Cars\n  parent: Alpha\n",
    )
    with pytest.raises(KBError, match=r"alias\.yaml: 'Beta Cars' names unknown parent 'Alpha'"):
        read_kb_files([path])


def test_read_kb_files_builds_links_across_files(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.yaml", GOOD)
    brand = _write(
        tmp_path,
        "brands.yaml",
        "- name: Beta Cars\n  kind: brand\n  aliases: [Beta]\n  misspellings: [Betta Cars]\n"
        "  parent: Alpha Motors\n  stake_pct: 60\n  descriptors: [the Bonn-based brand]\n",
    )
    kb = read_kb_files([good, brand])
    beta = kb.resolve("Betta Cars")
    assert beta is not None and beta.name == "Beta Cars" and beta.stake_pct == 60.0
    assert _names(kb.ancestors(beta.id)) == ["Alpha Motors"]
    assert _names(kb.children(kb.resolve("Alpha Motors").id)) == ["Beta Cars"]
    assert _names(kb.by_descriptor("Bonn-based brand")) == ["Beta Cars"]


def test_read_kb_files_lookup_puts_the_wider_organisation_first_whatever_the_record_order(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "order.yaml",
        "- name: Zeta\n  kind: brand\n  aliases: [ZM]\n  parent: Zeta Group\n"
        "- name: Zeta Group\n  kind: group\n  aliases: [ZM, Zeta]\n",
    )
    kb = read_kb_files([path])
    assert _names(kb.lookup("ZM")) == ["Zeta Group", "Zeta"]
    assert _names(kb.lookup("zeta")) == ["Zeta", "Zeta Group"]
    assert kb.resolve("ZM").name == "Zeta Group"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Škoda Auto", "skoda auto"),
        ("Mercedes–Benz", "mercedes benz"),
        ("BMW’s", "bmw s"),
        ("Mercedes\u00a0Benz", "mercedes benz"),
        ("Bjørkvik Invest", "bjorkvik invest"),
        ("Eberspächer", "eberspacher"),
        ("Straße", "strasse"),
        ("  Lynk & Co ", "lynk co"),
        ("Dr. Ing. h.c. F. Porsche AG", "dr ing h c f porsche ag"),
        ("比亚迪 BYD", "byd"),
    ],
)
def test_normalize_name_folds_case_accents_and_punctuation(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Mercedes-Benz Group", "mercedes-benz-group"),
        ("Citroën", "citroen"),
        ("Lynk & Co", "lynk-co"),
        ("???", "entity"),
    ],
)
def test_slugify_makes_url_safe_ids(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_read_kb_files_accepts_an_empty_file(tmp_path: Path) -> None:
    assert len(read_kb_files([_write(tmp_path, "empty.yaml", "")])) == 0


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Geely Geometry", "Geome"),
        ("Livan", "Livan Automobile"),
        ("Radar Auto", "Riddara"),
        ("Hechuang", "Hycan"),
        ("Feifan", "Rising Auto"),
        ("Nevo", "Qiyuan"),
        ("Yunnan Energy New Material", "Semcorp"),
        ("Guangzhou Tinci", "Tinci Materials"),
        ("Sany Heavy Industry", "Sany Group"),
        ("China Evergrande New Energy Vehicle Group", "Evergrande NEV"),
        ("Skywell", "Skyworth Auto"),
        ("Kwang Yang Motor", "Kymco"),
        ("Yadea Group Holdings", "Yadea"),
        ("Ampere Vehicles", "Greaves Electric Mobility"),
        ("Ultraviolet Automotive", "Ultraviolette Automotive"),
        ("Revolt", "Revolt Motors"),
        ("Harbinger", "Harbinger Motors"),
        ("Kawasaki", "Kawasaki Motors"),
        ("Électricité de France", "EDF"),
        ("The Carlyle Group", "Carlyle"),
        ("SK Hynix", "SK hynix"),
        ("Lite-On", "Lite-On Technology"),
        ("PEVE", "Primearth EV Energy"),
        ("Statoil", "Equinor"),
        ("New Flyer", "NFI Group"),
    ],
)
def test_kb_resolve_maps_names_of_added_records(kb: KnowledgeBase, name: str, canonical: str) -> None:
    entity = kb.resolve(name)
    assert entity is not None and entity.name == canonical


@pytest.mark.parametrize(
    ("child", "parent", "stake"),
    [
        ("Nexperia", "Wingtech Technology", None),
        ("LG Innotek", "LG Electronics", 40.8),
        ("Pod Point", "EDF", None),
        ("Revolt Motors", "RattanIndia Enterprises", None),
        ("Spotlight Automotive", "BMW Group", 50),
        ("Jetta", "FAW-Volkswagen", None),
        ("Alexander Dennis", "NFI Group", None),
        ("SK Nexilis", "SKC", None),
    ],
)
def test_kb_added_records_name_their_public_parent(
    kb: KnowledgeBase, child: str, parent: str, stake: float | None
) -> None:
    entity = kb.resolve(child)
    assert entity is not None and entity.name == child
    assert (entity.parent, entity.stake_pct) == (parent, stake)


@pytest.mark.parametrize(
    "word", ["River", "Radar", "Matter", "Okinawa", "Geometry", "Schneider", "Senior", "Rising", "Solaris"]
)
def test_kb_common_words_are_no_bare_aliases(kb: KnowledgeBase, word: str) -> None:
    """Words that also name rivers, sensors, places, persons or other cars stay out: only longer forms link."""
    assert kb.lookup(word) == []

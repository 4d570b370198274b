import pytest

from evintel.errors import NotFoundError, StoreError
from evintel.query import FactFilter, get_fact, list_facts


def _quantities(store, **criteria):
    page = list_facts(store, FactFilter(**criteria), limit=100)
    return sorted(f.fields.get("quantity") for f in page.items)


def test_list_facts_filters_group_including_brands(filled):
    assert _quantities(filled, type="sales", entity="BMW Group", powertrain="BEV", since="2023") == [
        9100,
        82700,
        83700,
        94000,
    ]


@pytest.mark.parametrize("name", ["BMW Group", "bmw group", "BMW AG", "  BMW-Group "])
def test_list_facts_entity_names_are_tolerant(filled, name):
    assert _quantities(filled, type="sales", entity=name, powertrain="bev", since="2024") == [
        9100,
        82700,
        83700,
    ]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"type": "sales", "entity": "BMW Group", "until": "2022"}, [35300, 51000]),
        ({"type": "sales", "entity": "BMW Group", "since": "2022-Q2", "until": "2022-Q2"}, [35300, 51000]),
        ({"type": "sales", "entity": "BMW Group", "powertrain": "PHEV"}, [51000]),
        ({"type": "sales", "entity": "Mini"}, [9100]),
        ({"type": "sales", "entity": "Volkswagen Group"}, [9000]),
        ({"type": "sales", "conflicted": True}, [82700, 83700]),
        ({"type": "sales", "metric": "production"}, []),
    ],
)
def test_list_facts_filters_combine(filled, criteria, expected):
    assert _quantities(filled, **criteria) == expected


def test_list_facts_pages_newest_period_first(filled):
    first = list_facts(filled, FactFilter(type="sales"), limit=3, offset=0)
    rest = list_facts(filled, FactFilter(type="sales"), limit=50, offset=3)
    periods = [f.fields["period"] for f in first.items + rest.items]
    assert first.total == rest.total == len(periods) == 8
    assert periods[:3] == ["2024-Q1", "2024-Q1", "2024-Q1"] and periods[-1] == "2022-Q2"


def test_list_facts_unknown_entity_raises_not_found(filled):
    with pytest.raises(NotFoundError, match="Zzyzx"):
        list_facts(filled, FactFilter(entity="Zzyzx Motors"))


@pytest.mark.parametrize("since", ["last year", "2024-Q7", "soon"])
def test_list_facts_bad_since_says_what_to_give(filled, since):
    with pytest.raises(StoreError, match="give a year"):
        list_facts(filled, FactFilter(since=since))


def test_get_fact_lists_every_source_with_evidence_offsets(filled):
    supply = list_facts(filled, FactFilter(type="supply", entity="Northvolt")).items
    detail = get_fact(filled, next(f.id for f in supply if f.fields["customer"] == "BMW Group"))
    (source,) = detail.sources
    assert source.article_id == "q3" and source.url == "https://news.example/q3"
    text = "Northvolt supplies batteries to BMW Group."
    assert source.evidence_text == text
    body = "BMW Group delivered 94,000 BEV in 2023-Q3. " + text
    assert (source.evidence_start, source.evidence_end) == (body.index(text), len(body))


def test_get_fact_conflicted_fact_names_its_conflict(filled):
    conflicted = list_facts(filled, FactFilter(type="sales", conflicted=True)).items
    detail = get_fact(filled, conflicted[0].id)
    assert [c["kind"] for c in detail.conflicts] == ["figure"]
    assert detail.to_dict()["conflicts"][0]["sides"]


def test_get_fact_unknown_id_raises_not_found(filled):
    with pytest.raises(NotFoundError):
        get_fact(filled, "0000000000000000")

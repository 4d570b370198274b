"""The JSON API over SQLite and PostgreSQL: answers, 404s, 422s and the token-guarded ingest."""

from __future__ import annotations

from typing import Any

import pytest

from . import corpus
from .conftest import WRITE_TOKEN


def _sales(profile: dict[str, Any]) -> set[tuple[str, str, str, float]]:
    return {(s["org"], s["period"], s["powertrain"], s["quantity"]) for s in profile["sales"]}


def test_api_stats_counts_the_corpus(client: Any) -> None:
    data = client.get("/api/stats").json()
    assert data["articles"] == len(corpus.articles())
    assert data["statements"] == corpus.fact_count()
    assert data["facts_by_type"]["supply"] == 1


@pytest.mark.parametrize("name", ["bmw-group", "BMW Group", "bmw group", "BMW AG", "Bmw ag."])
def test_api_entity_finds_a_group_by_id_name_or_alias(client: Any, name: str) -> None:
    response = client.get(f"/api/entity/{name}")
    assert response.status_code == 200
    profile = response.json()
    assert profile["entity"]["id"] == "bmw-group"
    assert ("BMW Group", "2024-Q2", "BEV", 87461) in _sales(profile)
    assert ("Mini", "2024-Q1", "BEV", 9870) in _sales(profile)  # a brand's figure stays its own
    assert [s["counterparts"][0]["name"] for s in profile["suppliers"]] == ["Rimac Technology"]


def test_api_network_has_every_partner_and_the_supply_edge(client: Any) -> None:
    data = client.get("/api/entity/bmw-group/network").json()
    assert {n["id"] for n in data["nodes"]} == {
        "bmw-group",
        "mercedes-benz-group",
        "nissan-motor",
        "rimac-technology",
    }
    assert {(e["source"], e["target"], e["type"]) for e in data["edges"]} >= {
        ("rimac-technology", "bmw-group", "supply")
    }


def test_api_fact_offsets_point_at_the_evidence_in_the_article(client: Any) -> None:
    supply = client.get("/api/facts", params={"type": "supply"}).json()["items"][0]
    fact = client.get(f"/api/facts/{supply['id']}").json()
    assert fact["sources"], fact
    for source in fact["sources"]:
        article = client.get(f"/api/articles/{source['article_id']}").json()
        evidence = source["evidence"]
        assert article["text"][evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        (
            {"type": "sales", "entity": "BMW Group", "powertrain": "BEV"},
            lambda i: i["type"] == "sales" and i["fields"]["powertrain"] == "BEV",
        ),
        ({"type": "sales", "org": "Mini"}, lambda i: i["fields"]["org"] == "Mini"),
        ({"type": "sales", "since": "2024-Q2"}, lambda i: i["fields"]["period"] == "2024-Q2"),
        ({"type": "sales", "until": "2024-Q1"}, lambda i: i["fields"]["period"] == "2024-Q1"),
        ({"type": "partnership", "status": "signed"}, lambda i: i["fields"]["status"] == "signed"),
    ],
)
def test_api_facts_filters_select_matching_facts(client: Any, params: dict[str, str], check: Any) -> None:
    data = client.get("/api/facts", params=params).json()
    assert data["total"] == len(data["items"]) > 0
    assert all(check(item) for item in data["items"])


def test_api_facts_paginates_without_overlap(client: Any) -> None:
    whole = client.get("/api/facts", params={"limit": 500}).json()
    pages = [
        client.get("/api/facts", params={"limit": 2, "offset": o}).json() for o in range(0, whole["total"], 2)
    ]
    ids = [item["id"] for page in pages for item in page["items"]]
    assert ids == [item["id"] for item in whole["items"]]
    assert all(page["total"] == whole["total"] for page in pages)


def test_api_article_returns_hostile_text_exactly(client: Any) -> None:
    data = client.get("/api/articles/web03").json()
    assert corpus.HOSTILE in data["text"]
    assert data["text"] == corpus.articles()[2].text


@pytest.mark.parametrize(
    ("q", "entity_id", "article_id"),
    [("Rimac", "rimac-technology", None), ("charging stations", None, "web03"), ("mini", "mini", None)],
)
def test_api_search_finds_entities_and_articles(
    client: Any, q: str, entity_id: str | None, article_id: str | None
) -> None:
    data = client.get("/api/search", params={"q": q}).json()
    if entity_id:
        assert entity_id in [e["id"] for e in data["entities"]]
    if article_id:
        assert article_id in [a["id"] for a in data["articles"]]


@pytest.mark.parametrize(
    "path",
    [
        "/api/entity/no-such-company",
        "/api/entity/no-such-company/network",
        "/api/facts/0000000000000000",
        "/api/articles/missing-article",
        "/api/entity/%E2%9C%93%20%3Cb%3E",
        "/api/entity/" + "x" * 600,
        "/api/nothing-here",
    ],
)
def test_api_unknown_ids_answer_json_404(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert isinstance(response.json()["detail"], str)


@pytest.mark.parametrize(
    ("path", "params", "word"),
    [
        ("/api/facts", {"limit": "0"}, "limit"),
        ("/api/facts", {"limit": "100000"}, "limit"),
        ("/api/facts", {"limit": "ten"}, "limit"),
        ("/api/facts", {"offset": "-1"}, "offset"),
        ("/api/facts", {"type": "rumour"}, "type"),
        ("/api/facts", {"powertrain": "diesel"}, "powertrain"),
        ("/api/facts", {"since": "last year"}, "since"),
        ("/api/facts", {"until": "2024-13"}, "until"),
        ("/api/facts", {"conflicted": "perhaps"}, "conflicted"),
        ("/api/search", {}, "q"),
        ("/api/search", {"q": ""}, "q"),
        ("/api/entity/bmw-group/network", {"depth": "9"}, "depth"),
        ("/api/conflicts", {"kind": "bogus"}, "kind"),
    ],
)
def test_api_bad_parameters_answer_422_with_a_message(
    client: Any, path: str, params: dict[str, str], word: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert word in response.json()["detail"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_api_is_read_only(client: Any, method: str) -> None:
    response = getattr(client, method)("/api/facts")
    assert response.status_code == 405


_NEW = [
    {
        "id": "web-new",
        "date": "2024-09-01",
        "title": "A new supplier",
        "text": "Rimac Technology will supply e-axles to Nissan Motor from 2026, both said.",
    }
]


def _new_facts(article: Any) -> list[Any]:
    from evintel.models import Evidence, Fact

    sentence = article.text
    return [
        Fact(
            "supply",
            {"supplier": "Rimac Technology", "customer": "Nissan Motor", "items": ["e-axles"]},
            Evidence(sentence, 0, len(sentence)),
            article_id=article.id,
        )
    ]


def test_api_post_articles_is_refused_on_a_read_only_server(client: Any) -> None:
    response = client.post("/api/articles", json=_NEW, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    assert client.get("/api/articles/web-new").status_code == 404


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 403),
        ({"X-Evintel-Token": "wrong"}, 403),
        ({"Authorization": f"Basic {WRITE_TOKEN}"}, 401),
    ],
)
def test_api_post_articles_requires_the_token(
    guarded_client: Any, headers: dict[str, str], status: int
) -> None:
    response = guarded_client.post("/api/articles", json=_NEW, headers=headers)
    assert response.status_code == status
    assert guarded_client.get("/api/articles/web-new").status_code == 404


def test_api_post_articles_checks_the_token_before_the_body(guarded_client: Any) -> None:
    assert guarded_client.post("/api/articles", content=b"{not json").status_code == 401


@pytest.mark.parametrize(
    "headers", [{"Authorization": f"Bearer {WRITE_TOKEN}"}, {"X-Evintel-Token": WRITE_TOKEN}]
)
def test_api_post_articles_with_the_token_adds_them_to_the_graph(
    write_client: Any, headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Extraction is the extract stage's business; here the ingested facts are fixed.
    monkeypatch.setattr("evintel.store.loader._default_extract", _new_facts)
    response = write_client.post("/api/articles", json=_NEW, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["added"] == 1
    assert write_client.get("/api/articles/web-new").json()["text"] == _NEW[0]["text"]
    network = write_client.get("/api/entity/nissan-motor/network").json()
    assert ("rimac-technology", "nissan-motor", "supply") in {
        (e["source"], e["target"], e["type"]) for e in network["edges"]
    }


@pytest.mark.parametrize(
    "body",
    [[], [{"id": "x"}], [{"id": "", "text": "t"}], [{"id": "x", "text": "t", "date": "soon"}], {"id": "x"}],
)
def test_api_post_articles_rejects_bad_bodies_with_422(guarded_client: Any, body: Any) -> None:
    response = guarded_client.post("/api/articles", json=body, headers={"X-Evintel-Token": WRITE_TOKEN})
    assert response.status_code == 422
    assert response.json()["detail"]


def test_api_openapi_lists_every_route(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/facts",
        "/api/facts/{fact_id}",
        "/api/entity/{entity_id}",
        "/api/conflicts",
        "/api/articles/{article_id}",
        "/api/search",
        "/api/stats",
        "/api/entity/{entity_id}/network",
    ):
        assert path in paths


def test_api_openapi_advertises_ingest_only_with_a_write_token(client: Any, guarded_client: Any) -> None:
    assert "post" not in client.get("/openapi.json").json()["paths"].get("/api/articles", {})
    assert "post" in guarded_client.get("/openapi.json").json()["paths"]["/api/articles"]

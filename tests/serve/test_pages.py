"""Server-rendered pages: content, escaping, error pages, offline assets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from evintel.serve import app as app_module

from . import corpus

SERVE_DIR = Path(app_module.__file__).parent


def _embedded(html: str, element_id: str) -> Any:
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def test_home_shows_counts_latest_facts_and_search_box(client: Any) -> None:
    html = client.get("/").text
    assert 'name="q"' in html
    assert f"<b>{len(corpus.articles())}</b>articles" in html
    assert "Rimac Technology supplies battery packs to BMW Group" in html


@pytest.mark.parametrize(
    ("q", "expected"), [("Rimac", "/entity/rimac-technology"), ("charging", "/article/web03")]
)
def test_home_search_lists_entities_and_articles(client: Any, q: str, expected: str) -> None:
    html = client.get("/", params={"q": q}).text
    assert 'id="search-results"' in html and f'href="{expected}"' in html


def test_entity_page_embeds_chart_and_network_data(client: Any) -> None:
    html = client.get("/entity/bmw-group").text
    chart = _embedded(html, "sales-data")
    network = _embedded(html, "network-data")
    api = client.get("/api/entity/bmw-group/network").json()
    assert {(p["org"], p["period"], p["powertrain"]) for p in chart["points"]} >= {
        ("BMW Group", "2024-Q2", "BEV"),
        ("Mini", "2024-Q1", "BEV"),
    }
    assert len(network["nodes"]) == len(api["nodes"]) and network["center"] == "bmw-group"
    supply = [e for e in network["edges"] if e["type"] == "supply"]
    assert supply[0]["summary"] == "Rimac Technology supplies battery packs to BMW Group"
    assert 'href="/entity/rimac-technology"' in html
    assert 'href="/entity/mini"' in html  # brands listed under the group


def test_entity_page_json_cannot_close_its_script_element(client: Any) -> None:
    html = client.get("/entity/bmw-group").text
    # The hostile text is in a fact's scope; inside the JSON it must be \u003c-escaped.
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("alias", ["BMW Group", "BMW AG", "bmw group"])
def test_entity_page_redirects_a_name_to_the_canonical_id(client: Any, alias: str) -> None:
    response = client.get(f"/entity/{alias}", follow_redirects=False)
    assert response.status_code == 307 and response.headers["location"] == "/entity/bmw-group"


def test_fact_page_highlights_the_evidence_inside_the_article(client: Any) -> None:
    fact_id = client.get("/api/facts", params={"type": "supply"}).json()["items"][0]["id"]
    html = client.get(f"/fact/{fact_id}").text
    assert re.search(
        r'<mark class="evidence focus" id="focus" data-fact="[^"]+">Rimac Technology will supply', html
    )
    assert "The BMW Group delivered 87,461 battery-electric vehicles" in html  # the rest of the article
    assert "confidence" in html


def test_article_page_escapes_hostile_text_and_marks_each_fact(client: Any) -> None:
    response = client.get("/article/web03")
    html = response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert html.count('<mark class="evidence"') == 3
    assert 'href="javascript:' not in html  # a javascript: URL from the article is shown as text only


def test_conflicts_page_shows_every_conflict(client: Any) -> None:
    conflicts = client.get("/api/conflicts").json()
    html = client.get("/conflicts").text
    assert html.count('<section class="card conflict"') == len(conflicts)


def test_facts_page_paginates(client: Any) -> None:
    html = client.get("/facts", params={"limit": 2}).text
    assert html.count('<span class="tag ') >= 2 and "Next →" in html


@pytest.mark.parametrize(
    "path", ["/entity/nobody-we-know", "/fact/ffffffffffffffff", "/article/not-an-article", "/no/such/page"]
)
def test_unknown_pages_answer_an_html_404(client: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert 'id="error-message"' in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/facts", {"limit": "0"}),
        ("/facts", {"type": "gossip"}),
        ("/facts", {"since": "2024-99"}),
        ("/conflicts", {"kind": "x"}),
        ("/", {"q": "x" * 300}),
    ],
)
def test_bad_page_parameters_answer_an_html_422(client: Any, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422
    assert 'id="error-message"' in response.text


def test_pages_forbid_inline_scripts(client: Any) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_docs_page_lists_every_api_operation_offline(client: Any) -> None:
    html = client.get("/docs").text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in html
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)


@pytest.mark.parametrize(
    "path", sorted(p for p in SERVE_DIR.rglob("*") if p.suffix in (".html", ".js", ".css"))
)
def test_assets_load_nothing_from_other_sites(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\'](https?:)?//', text)
    assert "@import" not in text and "cdn" not in text.lower()


@pytest.mark.parametrize("asset", ["style.css", "chart.js", "network.js", "app.js"])
def test_static_assets_are_served(client: Any, asset: str) -> None:
    assert client.get(f"/static/{asset}").status_code == 200

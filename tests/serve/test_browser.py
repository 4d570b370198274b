"""End-to-end in headless Chromium (Debian's, driven by Playwright): chart, network, click-through, escaping.

Needs /usr/bin/chromium (scripts/install_browser.sh). Without it the tests skip, except under CI=true,
where they fail. Screenshots go to test-artifacts/ (docs/entity-page.png is made from the dev set by scripts/screenshot.py).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evintel.resolve.kb import KnowledgeBase
from evintel.serve.app import create_app
from evintel.store import ingest_articles, open_store

from . import corpus

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing; run scripts/install_browser.sh"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, serve_kb: KnowledgeBase) -> Iterator[str]:
    """The app on the corpus store, served by uvicorn on a free localhost port in a thread."""
    import uvicorn

    _require_chromium()
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.db'}", kb=serve_kb)
    ingest_articles(store, corpus.articles(), extract=corpus.extract)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(store=store), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A laptop-sized page that records script errors and dialogs (an alert means injected script ran)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda error: opened.problems.append(f"page error: {error}"))
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(f"console: {m.text}"))
    opened.on("dialog", lambda d: (opened.problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield opened
    context.close()


def _json(page: Any, url: str) -> Any:
    return page.request.get(url).json()


def _shoot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_browser_entity_page_draws_chart_and_network(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/entity/bmw-group")
    page.wait_for_selector("#network[data-nodes] svg g.node")
    nodes = _json(page, f"{base_url}/api/entity/bmw-group/network")["nodes"]
    assert page.locator("#network svg g.node").count() == len(nodes) == 4
    assert page.get_attribute("#network", "data-nodes") == str(len(nodes))
    labels = page.locator("#network svg g.node text").all_text_contents()
    assert "Rimac Technology" in labels and "BMW Group" in labels
    assert page.locator("#network svg path.edge.edge-supply").count() == 1

    # The group's own quarterly figures: two disagreeing BEV figures (82,700 and 91,300) and PHEV in Q1, BEV in Q2.
    sales = _json(page, f"{base_url}/api/entity/bmw-group")["sales"]
    own_quarters = [s for s in sales if s["org"] == "BMW Group" and "-Q" in (s["period"] or "")]
    assert page.locator("#sales-chart svg rect.bar").count() == len(own_quarters) == 4
    page.select_option("#sales-chart select[aria-label=Scope]", "Mini")
    assert page.locator("#sales-chart svg rect.bar").count() == 1
    page.select_option("#sales-chart select[aria-label=Scope]", "BMW Group")
    assert page.problems == []
    _shoot(page, "entity-page.png")


def test_browser_chart_bar_clicks_through_to_highlighted_evidence(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/entity/bmw-group")
    bar = page.locator("#sales-chart svg rect.bar").filter(has=page.locator("title", has_text="2024-Q2"))
    bar.first.click()
    page.wait_for_url("**/fact/**")
    mark = page.locator("mark.evidence.focus")
    assert mark.count() == 1 and mark.is_visible()
    assert "87,461" in mark.inner_text()
    assert page.problems == []
    _shoot(page, "fact-page.png")


def test_browser_network_edge_hover_shows_the_fact_and_clicks_through(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/entity/bmw-group")
    edge = page.locator("#network a:has(path.edge-supply) path.edge-hit")
    edge.hover()
    tip = page.locator("#network .net-tip")
    assert tip.is_visible() and "Rimac Technology supplies battery packs to BMW Group" in tip.inner_text()
    edge.click()
    page.wait_for_url("**/fact/**")
    assert "Rimac Technology will supply" in page.locator("mark.evidence.focus").inner_text()


def test_browser_network_node_click_opens_that_entity(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/entity/bmw-group")
    page.locator('#network g.node[data-id="rimac-technology"] circle').click()
    page.wait_for_url("**/entity/rimac-technology")
    page.wait_for_selector("#network svg g.node")
    assert page.locator("#entity-name").inner_text().startswith("Rimac Technology")
    assert page.problems == []


def test_browser_hostile_article_text_shows_as_text_and_runs_nothing(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/article/web03")
    text = page.locator("#article-text").inner_text()
    assert corpus.HOSTILE in text and "<b>bold</b>" in text
    assert page.locator("#article-text script, #article-text b").count() == 0
    assert page.locator("#article-text mark.evidence").count() == 3
    page.goto(f"{base_url}/entity/bmw-group")  # the hostile scope travels in the network JSON too
    page.wait_for_selector("#network svg g.node")
    assert page.problems == []
    _shoot(page, "article-hostile.png")


def test_browser_entity_page_fits_a_phone(browser: Any, base_url: str) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    phone = context.new_page()
    try:
        phone.goto(f"{base_url}/entity/bmw-group")
        phone.wait_for_selector("#network svg g.node")
        assert phone.locator("#network svg g.node").count() == 4
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"page scrolls sideways on a phone ({width}px)"
        box = phone.locator("#network svg").bounding_box()
        assert box is not None and box["width"] <= 390 and box["height"] >= 250
        font = phone.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('#network svg g.node text')).fontSize)"
        )
        assert font >= 11
        _shoot(phone, "entity-page-phone.png")
    finally:
        context.close()

"""Server-rendered pages: home and search, entity profile, fact, conflicts, article, fact list."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from evintel import query
from evintel.errors import NotFoundError
from evintel.serve.api import (
    PERIOD_PATTERN,
    FactType,
    Metric,
    Powertrain,
    Status,
    check_period,
    get_store,
)
from evintel.serve.app import page
from evintel.serve.highlight import Span, highlight
from evintel.serve.views import (
    describe_fact,
    edge_types,
    field_rows,
    kb_summary,
    network_data,
    related_descriptions,
    sales_chart_data,
    side_sources,
)

router = APIRouter(include_in_schema=False)

PROFILE_SECTIONS = (
    ("partners", "Partners"),
    ("suppliers", "Suppliers"),
    ("customers", "Customers"),
    ("ownership", "Ownership"),
    ("investments", "Investments"),
    ("plants", "Plants"),
    ("product_plans", "Product plans"),
)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a `javascript:` URL from an article must never become a link."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: Annotated[str | None, Query(max_length=200)] = None) -> Response:
    """Search box, counts, latest facts and open conflicts."""
    store = get_store(request)
    results = query.search(store, q, limit=20) if q and q.strip() else None
    latest = query.list_facts(store, None, limit=12, offset=0)
    conflicts = query.list_conflicts(store)
    return page(
        request,
        "index.html",
        {
            "q": q or "",
            "results": results,
            "stats": query.stats(store),
            "latest": [(f, describe_fact(f.type, f.fields)) for f in latest.items],
            "conflicts": conflicts[:10],
            "conflict_total": len(conflicts),
        },
    )


@router.get("/entity/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> Response:
    """An entity's profile with its sales chart and network."""
    store = get_store(request)
    profile = query.entity_profile(store, entity_id)
    if profile.entity.id != entity_id:
        # A name or alias ("vw") redirects to the canonical address of the entity.
        return RedirectResponse(f"/entity/{quote(profile.entity.id, safe='')}", status_code=307)
    graph = query.network(store, profile.entity.id, depth=1)
    descriptions = related_descriptions(profile)
    net = network_data(graph, profile.entity.id, descriptions)
    sections = []
    for name, title in PROFILE_SECTIONS:
        items = [(r, describe_fact(r.type, r.fields)) for r in getattr(profile, name)]
        sections.append((name, title, items))
    return page(
        request,
        "entity.html",
        {
            "profile": profile,
            "sections": sections,
            "chart": sales_chart_data(profile),
            "network": net,
            "edge_types": edge_types(net["edges"]),
            "sales": [(row, describe_fact("sales", row.to_dict())) for row in profile.sales],
        },
    )


@router.get("/fact/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: str) -> Response:
    """A consolidated fact with each source's evidence highlighted in the article text."""
    store = get_store(request)
    detail = query.get_fact(store, fact_id)
    texts: dict[str, Any] = {}
    sources = []
    for source in detail.sources:
        if source.article_id not in texts:
            try:
                texts[source.article_id] = query.get_article(store, source.article_id)
            except NotFoundError:
                texts[source.article_id] = None
        article = texts[source.article_id]
        marked = None
        if article is not None:
            span = Span(source.evidence_start, source.evidence_end, fact_id, focus=True)
            marked = highlight(article.text, [span])
        sources.append((source, marked, safe_url(source.url)))
    return page(
        request,
        "fact.html",
        {
            "detail": detail,
            "fact": detail.fact,
            "title": describe_fact(detail.fact.type, detail.fact.fields),
            "fields": field_rows(detail.fact.fields),
            "sources": sources,
        },
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, kind: Annotated[str | None, Query(pattern="^(figure|kb|status)$")] = None
) -> Response:
    """Every conflict with both sides' evidence side by side."""
    conflicts = query.list_conflicts(get_store(request), kind)
    shown = [(c, [(side, side_sources(side), kb_summary(side)) for side in c.sides]) for c in conflicts]
    return page(request, "conflicts.html", {"conflicts": shown, "kind": kind or ""})


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    """The article with the evidence of every extracted fact highlighted and listed."""
    article = query.get_article(get_store(request), article_id)
    spans = [
        Span(f.evidence_start, f.evidence_end, f.fact_id or "", describe_fact(f.type, f.fields))
        for f in article.facts
    ]
    facts = [(f, describe_fact(f.type, f.fields)) for f in article.facts]
    return page(
        request,
        "article.html",
        {
            "article": article,
            "marked": highlight(article.text, spans),
            "facts": facts,
            "url": safe_url(article.url),
        },
    )


@router.get("/facts", response_class=HTMLResponse)
def facts_page(
    request: Request,
    type: FactType | None = None,
    entity: Annotated[str | None, Query(max_length=200)] = None,
    powertrain: Powertrain | None = None,
    since: Annotated[str | None, Query(pattern=PERIOD_PATTERN)] = None,
    until: Annotated[str | None, Query(pattern=PERIOD_PATTERN)] = None,
    metric: Metric | None = None,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    """A filterable, paginated list of consolidated facts."""
    check_period("since", since)
    check_period("until", until)
    flt = query.FactFilter(
        type=type,
        entity=entity or None,
        powertrain=powertrain,
        since=since,
        until=until,
        metric=metric,
        status=status,
    )
    result = query.list_facts(get_store(request), flt, limit=limit, offset=offset)
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(to: int) -> str:
        return "/facts?" + urlencode({**params, "offset": to})

    return page(
        request,
        "facts.html",
        {
            "page": result,
            "items": [(f, describe_fact(f.type, f.fields)) for f in result.items],
            "filters": params,
            "prev": link(max(offset - limit, 0)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < result.total else None,
        },
    )

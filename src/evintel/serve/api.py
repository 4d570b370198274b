"""The JSON API: read-only queries over the store, plus token-guarded ingest (POST /api/articles)."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel, Field

from evintel import query
from evintel.models import Article
from evintel.store import Store, ingest_articles
from evintel.store.periods import period_bounds

router = APIRouter(prefix="/api", tags=["api"])
write_router = APIRouter(prefix="/api", tags=["ingest"])  # POST routes, guarded by the write token

FactType = Literal["sales", "partnership", "supply", "ownership", "investment", "plant", "product_plan"]
Powertrain = Literal["BEV", "PHEV", "HEV", "FCEV", "xEV", "all"]
Metric = Literal["sales", "production", "registrations", "orders"]
Status = Literal[
    "talks", "announced", "signed", "ended", "planned", "under_construction", "operating", "closed"
]
ConflictKind = Literal["figure", "kb", "status"]
PERIOD_PATTERN = r"^\d{4}(-(Q[1-4]|H[12]|\d{2}(-\d{2})?))?$"
MAX_POST_ARTICLES = 200


def get_store(request: Request) -> Store:
    """The store the app was started on."""
    store: Store = request.app.state.store
    return store


def check_period(name: str, value: str | None) -> None:
    """422 unless `value` is a year, half, quarter, month or date the store can filter on."""
    if value is None:
        return
    try:
        ok = period_bounds(value) is not None
    except ValueError:
        ok = False
    if not ok:
        raise HTTPException(
            422, f"{name}: {value!r} is not a year, quarter, half, month or date (2024, 2024-Q1)"
        )


@router.get("/stats", summary="Counts of articles, facts by type, entities, sources and conflicts")
def get_stats(request: Request) -> dict[str, Any]:
    """Store statistics."""
    return query.stats(get_store(request)).to_dict()


@router.get("/search", summary="Entities by name or alias, and articles by full text")
def get_search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words, a company or brand name")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Search entities and articles."""
    return query.search(get_store(request), q, limit).to_dict()


@router.get("/facts", summary="Consolidated facts with the CLI's filters, paginated")
def get_facts(
    request: Request,
    type: Annotated[FactType | None, Query(description="Fact type")] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Entity id, name or alias (includes brands)")
    ] = None,
    org: Annotated[str | None, Query(max_length=200, description="Alias of `entity`, as in the CLI")] = None,
    powertrain: Powertrain | None = None,
    since: Annotated[str | None, Query(pattern=PERIOD_PATTERN, examples=["2023", "2024-Q1"])] = None,
    until: Annotated[str | None, Query(pattern=PERIOD_PATTERN)] = None,
    market: Annotated[str | None, Query(max_length=100)] = None,
    metric: Metric | None = None,
    status: Status | None = None,
    conflicted: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """A page of consolidated facts, most recent period first."""
    check_period("since", since)
    check_period("until", until)
    flt = query.FactFilter(
        type=type,
        entity=entity or org,
        powertrain=powertrain,
        since=since,
        until=until,
        market=market,
        metric=metric,
        status=status,
        conflicted=conflicted,
    )
    return query.list_facts(get_store(request), flt, limit=limit, offset=offset).to_dict()


@router.get("/facts/{fact_id}", summary="One consolidated fact with every source, revision and conflict")
def get_fact(request: Request, fact_id: str) -> dict[str, Any]:
    """A consolidated fact; 404 when unknown."""
    return query.get_fact(get_store(request), fact_id).to_dict()


@router.get("/entity/{entity_id}", summary="An entity's profile (id, name or alias)")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    """Profile: parents, brands, partners, suppliers, customers, plants, plans, sales timeline."""
    return query.entity_profile(get_store(request), entity_id).to_dict()


@router.get("/entity/{entity_id}/network", summary="Relation network around an entity")
def get_network(
    request: Request, entity_id: str, depth: Annotated[int, Query(ge=1, le=3)] = 1
) -> dict[str, Any]:
    """Nodes and partnership/supply/ownership/investment edges, each edge with its fact id."""
    return query.network(get_store(request), entity_id, depth=depth).to_dict()


@router.get("/conflicts", summary="Disagreements between sources and contradictions of the KB")
def get_conflicts(request: Request, kind: ConflictKind | None = None) -> list[dict[str, Any]]:
    """Every conflict with both sides' evidence."""
    return [c.to_dict() for c in query.list_conflicts(get_store(request), kind)]


@router.get("/articles/{article_id}", summary="An article's exact text and its facts with evidence offsets")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """One stored article."""
    return query.get_article(get_store(request), article_id).to_dict()


class ArticleIn(BaseModel):
    """An article to ingest, in the SCHEMA.md article form."""

    id: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    date: dt.date | None = None
    source: str | None = Field(default=None, max_length=300)

    def to_article(self) -> Article:
        """The pipeline's Article."""
        return Article(
            id=self.id, text=self.text, date=self.date, title=self.title, url=self.url, source=self.source
        )


def check_token(
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_evintel_token: Annotated[str | None, Header()] = None,
) -> None:
    """401 without a token, 403 with a wrong one or on a read-only server (checked before the body)."""
    expected: str | None = request.app.state.write_token
    if not expected:
        raise HTTPException(403, "this server is read-only; start it with --write-token to allow ingest")
    given = x_evintel_token
    if not given and authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise HTTPException(
            401, "a write token is required (Authorization: Bearer TOKEN)", {"WWW-Authenticate": "Bearer"}
        )
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(403, "wrong write token")


@write_router.post(
    "/articles",
    summary="Extract and ingest articles (only on a server started with --write-token)",
    status_code=201,
    dependencies=[Depends(check_token)],
)
def post_articles(
    request: Request,
    articles: Annotated[list[ArticleIn], Body(min_length=1, max_length=MAX_POST_ARTICLES)],
) -> dict[str, Any]:
    """Ingest a JSON list of articles; the answer is the ingest report."""
    report = ingest_articles(get_store(request), [a.to_article() for a in articles])
    return report.to_dict()

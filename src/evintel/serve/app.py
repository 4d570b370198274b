"""The evintel web application: JSON API under /api, server-rendered pages, offline API docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evintel.errors import EvintelError, NotFoundError, StoreError
from evintel.store import Store, open_store

HERE = Path(__file__).parent
log = logging.getLogger("evintel.serve")

# Scripts only from our own origin: even if some text slipped through unescaped, no inline script would run.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the headers above to every response (plain ASGI: no per-request buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def make_templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping always on (article text is untrusted)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = lambda v: f"{v:,.0f}" if isinstance(v, int | float) else v
    return Jinja2Templates(env=env)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/api", "/openapi.json")


def validation_message(errors: list[Any]) -> str:
    """One readable line from pydantic's validation errors: "limit (query): Input should be ≤ 500"."""
    parts = []
    for error in errors:
        where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        source = error.get("loc", ("",))[0]
        name = ".".join(where) or "request"
        parts.append(f"{name} ({source}): {error.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def _error_response(
    request: Request, status: int, message: str, extra: dict[str, Any] | None = None
) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message, **(extra or {})}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def install_error_handlers(app: FastAPI) -> None:
    """404 / 422 / 503 as a page or as JSON, and never a traceback in a response."""

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return _error_response(request, 404, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else "error"
        if error.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        response = _error_response(request, error.status_code, message)
        for key, value in (error.headers or {}).items():
            response.headers[key] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, error: RequestValidationError) -> Response:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in error.errors()]
        return _error_response(request, 422, validation_message(errors), {"errors": errors})

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> Response:
        log.warning("store error on %s: %s", request.url.path, error)
        return _error_response(request, 503, str(error))

    @app.exception_handler(EvintelError)
    async def evintel_error(request: Request, error: EvintelError) -> Response:
        return _error_response(request, 400, str(error))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(request, 500, "internal error; the server log has the details")


def create_app(
    store_url: str | None = None, write_token: str | None = None, *, store: Store | None = None
) -> FastAPI:
    """The web app over the store at `store_url` (or an open `store`); POST /api/articles needs `write_token`."""
    from evintel.serve import api, docs, pages

    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:  # a store handed in belongs to the caller, who closes it
            app.state.store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="evintel",
        summary="A source-grounded knowledge graph of automotive and EV industry news.",
        version="0.1.0",
        docs_url=None,  # FastAPI's docs page loads its JavaScript from a CDN; ours works offline
        redoc_url=None,
    )
    app.state.store = store if store is not None else open_store(store_url)
    app.state.write_token = write_token or None
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    # A read-only server answers POST /api/articles with 403 but does not advertise it.
    app.include_router(api.write_router, include_in_schema=bool(write_token))
    app.include_router(pages.router)
    app.include_router(docs.router)
    install_error_handlers(app)
    app.add_middleware(SecurityHeaders)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def page(request: Request, template: str, context: dict[str, Any]) -> HTMLResponse:
    """Render one page template."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)

"""Offline API documentation: a page rendered from the app's own OpenAPI schema (no CDN scripts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)


@dataclass(slots=True)
class Operation:
    """One documented API operation."""

    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, str]] = field(default_factory=list)
    body: str | None = None


def _type_of(schema: dict[str, Any]) -> str:
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    if "anyOf" in schema:
        return " | ".join(_type_of(s) for s in schema["anyOf"] if s.get("type") != "null")
    if schema.get("type") == "array":
        return f"list of {_type_of(schema.get('items', {}))}"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return str(schema.get("type", "any"))


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation in an OpenAPI document, in path order."""
    found = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "type": _type_of(p.get("schema", {})),
                    "required": "yes" if p.get("required") else "",
                    "description": p.get("description", "") or p.get("schema", {}).get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            body = None
            if "requestBody" in op:
                content = op["requestBody"].get("content", {}).get("application/json", {})
                body = _type_of(content.get("schema", {}))
            found.append(
                Operation(
                    method.upper(), path, op.get("summary", ""), op.get("description", ""), params, body
                )
            )
    return found


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API reference, built from /openapi.json."""
    from evintel.serve.app import page

    spec = request.app.openapi()
    return page(request, "docs.html", {"ops": operations(spec), "info": spec.get("info", {})})

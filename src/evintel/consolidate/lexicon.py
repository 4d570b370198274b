"""The consolidation data files (consolidate/data/*.yaml), loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_data(name: str) -> dict[str, Any]:
    """The parsed mapping in `consolidate/data/<name>.yaml`."""
    text = (resources.files("evintel.consolidate") / "data" / f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"consolidate/data/{name}.yaml must hold a mapping")
    return data


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any phrase as whole words, longest first."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

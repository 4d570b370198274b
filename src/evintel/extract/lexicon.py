"""Loading of the extraction lexicons (YAML files in extract/data), compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed YAML lexicon `extract/data/<name>.yaml`."""
    text = (resources.files("evintel.extract") / "data" / f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name}.yaml must be a mapping")
    return data


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One regex matching any of the phrases as whole words (longest first; spaces match any whitespace)."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)

"""Loading of the extraction lexicons (YAML files in extract/data), compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """The parsed YAML lexicon `extract/data/<name>.yaml`."""
    text = (resources.files("evintel.extract") / "data" / f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name}.yaml must be a mapping")
    return data


def phrase_pattern(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """One regex matching any of the phrases as whole words (longest first; spaces match any whitespace)."""
    body = phrase_alternation(phrases, ignore_case=ignore_case)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def phrase_alternation(
    phrases: Iterable[str], *, ignore_case: bool | None = True, whitespace: str = r"\s+"
) -> str:
    """A regex body matching any of the phrases, trying longer phrases first; spaces match `whitespace`.

    It behaves like "|".join(phrases sorted longest first) but is written as a prefix tree: Python's
    regex engine tries alternatives one by one at every offset, so a flat list of 100 phrases costs 100
    attempts per character, the tree one or two. `ignore_case` says how the caller compiles it: True
    (IGNORECASE), False (case-sensitive) or None (both ways).
    """
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    flat = "|".join(re.escape(p).replace(r"\ ", whitespace) for p in ordered)
    tree = _prefix_tree(ordered, ignore_case, whitespace)
    return flat if tree is None else tree


def _prefix_tree(phrases: list[str], ignore_case: bool | None, whitespace: str) -> str | None:
    """The phrases as a nested alternation, or None when a phrase is not plain enough to be sure it matches
    exactly what the flat alternation matches (odd spacing, case folds that change length)."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        if phrase != phrase.strip() or "  " in phrase or any(c.isspace() and c != " " for c in phrase):
            return None
        if ignore_case:
            if any(len(c.lower()) != 1 or len(c.upper()) != 1 for c in phrase):
                return None
            phrase = phrase.lower()
        node = root
        for token in _tokens(phrase, whitespace):
            node = node.setdefault(token, {})
        node[""] = {}
    if not _distinct_siblings(root, re.IGNORECASE if ignore_case is not False else 0):
        return None
    return _emit(root) or None


def _tokens(phrase: str, whitespace: str) -> list[str]:
    tokens: list[str] = []
    for part in phrase.split(" "):
        if tokens:
            tokens.append(whitespace)
        tokens.extend(re.escape(c) for c in part)
    return tokens


def _distinct_siblings(node: dict[str, dict], flags: int) -> bool:
    """True when no two branches of a node can match the same character (under `flags`); that makes
    the branches that match at one offset a chain of prefixes, tried longest first as in the flat list."""
    keys = [k for k in node if len(k.lstrip("\\")) == 1]  # single characters; the whitespace token is apart
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if re.fullmatch(a, b.lstrip("\\"), flags) or re.fullmatch(b, a.lstrip("\\"), flags):
                return False
    return all(_distinct_siblings(child, flags) for child in node.values())


def _emit(node: dict[str, dict]) -> str:
    branches = [key + _emit(child) for key, child in node.items() if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: try the longer phrases first, then stop
        body = f"(?:{body})?"
    return body

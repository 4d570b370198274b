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
    phrases: Iterable[str], *, ignore_case: bool | None = True, whitespace: str = r"\s+", after_first: str = ""
) -> str:
    """A regex body matching any of the phrases, trying longer phrases first; spaces match `whitespace`.

    It behaves like "|".join(phrases sorted longest first) but is written as a prefix tree: Python's
    regex engine tries alternatives one by one at every offset, so a flat list of 100 phrases costs 100
    attempts per character, the tree one or two. `ignore_case` says how the caller compiles it: True
    (IGNORECASE), False (case-sensitive) or None (both ways).
    """
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    flat = "|".join(re.escape(p).replace(r"\ ", whitespace) for p in ordered)
    tree = _prefix_tree(ordered, ignore_case, whitespace, after_first)
    if tree is None and after_first:
        raise ValueError("after_first needs phrases that make a prefix tree")
    return flat if tree is None else tree


def word_scan_pattern(phrases: Iterable[str], *, whitespace: str = r"\s+") -> re.Pattern[str]:
    r"""phrase_pattern(phrases, ignore_case=False), written so that the regex engine can skip ahead.

    A pattern that opens with a lookbehind makes the engine try a match at every offset of a text; one
    that opens with a choice of characters lets it jump from candidate to candidate. So the "not after a
    word character" test moves behind the first character: (?<![\w-].) there means the same thing.
    """
    phrases = list(phrases)
    try:
        body = phrase_alternation(phrases, ignore_case=False, whitespace=whitespace, after_first=r"(?<![\w-].)")
    except ValueError:
        body = phrase_alternation(phrases, ignore_case=False, whitespace=whitespace)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    return re.compile(rf"(?:{body})(?![\w-])")


def _prefix_tree(phrases: list[str], ignore_case: bool | None, whitespace: str, after_first: str = "") -> str | None:
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
    if after_first and any(not key or len(key.lstrip("\\")) != 1 or not child for key, child in root.items()):
        return None  # each phrase must open with one plain character and go on after it
    return _emit(root, after_first) or None


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


def _emit(node: dict[str, dict], after_key: str = "") -> str:
    branches = [key + after_key + _emit(child) for key, child in node.items() if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: try the longer phrases first, then stop
        body = f"(?:{body})?"
    return body

"""Web boilerplate lines ("Share this article", "Related: ...", cookie notices) found by whole-line rules.

The extractor keeps offsets into the original article text, so this module only reports where junk lines
are (`boilerplate_spans`); it never rewrites text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# Long lines are prose, whatever words they start with.
_MAX_JUNK_CHARS = 300
# A headline in a link list: short, and not closed like a sentence.
_MAX_HEADLINE_CHARS = 160
_EDGE_CHARS = " \t\u00a0•·*–—-_>›»<‹«:;!…|[]"
_TRAILING_CHARS = " \t\u00a0.:;!…|›»>-–—[]"
# Navigation bars: three or more short, digit-free items separated by | or >.
_NAV_SEPARATOR = re.compile(r"\s+[|>›»/]\s+")


@dataclass(frozen=True, slots=True)
class _Lexicon:
    exact: frozenset[str]
    list_headers: frozenset[str]
    labelled: re.Pattern[str]
    starts: re.Pattern[str]
    patterns: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = yaml.safe_load(
        resources.files("evintel.ingest").joinpath("data/boilerplate.yaml").read_text("utf-8")
    )
    labels = sorted(raw["labels"], key=len, reverse=True)
    starts = sorted(raw["starts"], key=len, reverse=True)
    return _Lexicon(
        exact=frozenset(_normalise(x) for x in raw["exact"]),
        list_headers=frozenset(_normalise(x) for x in raw["list_headers"]),
        labelled=re.compile(r"^(?:" + "|".join(map(re.escape, labels)) + r")\s*(?::|\||»|›|\s[-–—]\s)"),
        starts=re.compile(
            r"^(?:" + "|".join(re.escape(s) + (r"\b" if s[-1].isalnum() else "") for s in starts) + ")"
        ),
        patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["patterns"]),
    )


def _normalise(line: str) -> str:
    text = " ".join(line.lower().replace("\u2019", "'").split())
    return text.lstrip(_EDGE_CHARS).rstrip(_TRAILING_CHARS).strip()


def is_boilerplate(line: str) -> bool:
    """True if a whole line is web furniture (share buttons, link lists, cookie notices, credits)."""
    text = _normalise(line)
    if not text or len(text) > _MAX_JUNK_CHARS:
        return False
    lexicon = _lexicon()
    if text in lexicon.exact or text in lexicon.list_headers:
        return True
    if lexicon.labelled.match(text) or lexicon.starts.match(text):
        return True
    if any(p.search(text) for p in lexicon.patterns):
        return True
    return _is_navigation(text)


def _is_navigation(text: str) -> bool:
    items = _NAV_SEPARATOR.split(text)
    if len(items) < 3 or any(ch.isdigit() for ch in text):
        return False
    return all(0 < len(item.split()) <= 4 for item in items)


def _is_list_header(line: str) -> bool:
    return _normalise(line) in _lexicon().list_headers


def _looks_like_headline(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _MAX_HEADLINE_CHARS and not stripped.endswith((".", '."', ".\u201d"))


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the junk lines in `text`, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    in_link_list = False
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line = raw_line.rstrip("\r\n")
        start = offset
        offset += len(raw_line)
        stripped = line.strip()
        if not stripped:
            in_link_list = False
            continue
        if is_boilerplate(line):
            in_link_list = _is_list_header(line)
        elif in_link_list and _looks_like_headline(line):
            pass
        else:
            in_link_list = False
            continue
        lead = len(line) - len(line.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
    return spans

"""Lexicon patterns: phrase alternations and the scan-friendly form of whole-word phrase patterns."""

from __future__ import annotations

import pytest

from evintel.extract.lexicon import phrase_pattern, word_scan_pattern

_PHRASES = ["Lower Saxony", "Saxony", "New South Wales", "New York", "Texas", "X", "Île-de-France"]


@pytest.mark.parametrize(
    "text",
    [
        "The plant in Lower Saxony opens in May.",
        "Saxony and New York both bid for the factory.",
        "Texas-based suppliers, not Texasville ones, won the order.",
        "A site near New South Wales' coast; another in NewYork.",
        "X marks it: the X-series and X2 are not X, but X is.",
        "Saxony\nTexas",
        "-Texas _Texas 9Texas Texas_ Texas- ÎTexas",
        "Île-de-France, then Île-de-Franceville.",
        "",
    ],
)
def test_word_scan_pattern_finds_what_phrase_pattern_finds(text: str) -> None:
    expected = [m.span() for m in phrase_pattern(_PHRASES, ignore_case=False).finditer(text)]
    assert [m.span() for m in word_scan_pattern(_PHRASES, whitespace=r"\s+").finditer(text)] == expected


def test_word_scan_pattern_opens_with_a_character_choice() -> None:
    assert not word_scan_pattern(["Bavaria", "Berlin"]).pattern.startswith("(?<")

"""Evidence highlighting: escaped segments around marks built from offsets."""

from __future__ import annotations

import pytest

from evintel.serve.highlight import Span, clip_spans, highlight


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Before <script>alert(1)</script> after.", "<script>alert(1)</script>"),
        ("A & B said <b>bold</b> things.", "<b>bold</b>"),
        ("Quotes \" and ' and <img src=x onerror=alert(1)> here.", "<img src=x onerror=alert(1)>"),
        ("<<>>&&", "<>"),
    ],
)
def test_highlight_escapes_text_inside_and_outside_marks(text: str, needle: str) -> None:
    start = text.index(needle)
    html = str(highlight(text, [Span(start, start + len(needle), "f1")]))
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert html.count("<mark") == 1
    assert "&lt;" in html


@pytest.mark.parametrize(
    ("text", "start", "end", "marked"),
    [
        ("The group sold 82,700 cars. Later it sold more.", 0, 27, "The group sold 82,700 cars."),
        ("One. Two. Three.", 5, 9, "Two."),
        ("Ends here.", 5, 10, "here."),
    ],
)
def test_highlight_marks_exactly_the_offsets(text: str, start: int, end: int, marked: str) -> None:
    html = str(highlight(text, [Span(start, end, "abc", focus=True)]))
    assert f'<mark class="evidence focus" id="focus" data-fact="abc">{marked}</mark>' in html


def test_highlight_links_unfocused_spans_to_their_fact() -> None:
    html = str(highlight("Alpha beta gamma.", [Span(6, 10, "f-9", "a label")]))
    assert '<a href="/fact/f-9">beta</a>' in html
    assert 'title="a label"' in html


@pytest.mark.parametrize(
    "spans",
    [
        [Span(-3, 4), Span(100, 120), Span(5, 5)],  # outside the text or empty
        [Span(8, 2)],  # reversed
    ],
)
def test_clip_spans_drops_spans_outside_the_text(spans: list[Span]) -> None:
    assert clip_spans("short text", spans) == []


def test_clip_spans_trims_overlaps_so_each_character_is_marked_once() -> None:
    kept = clip_spans("0123456789abcdef", [Span(0, 8, "a"), Span(4, 12, "b"), Span(2, 6, "c")])
    assert [(s.start, s.end, s.ref) for s in kept] == [(0, 8, "a"), (8, 12, "b")]


def test_highlight_keeps_every_character_of_the_text() -> None:
    text = "x < y & z > w.\n\nSecond paragraph."
    html = str(highlight(text, [Span(0, 5, "a"), Span(3, 14, "b")]))
    plain = html
    for tag in (
        '<mark class="evidence" data-fact="a">',
        '<mark class="evidence" data-fact="b">',
        "</mark>",
        '<a href="/fact/a">',
        '<a href="/fact/b">',
        "</a>",
    ):
        plain = plain.replace(tag, "")
    assert plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text

"""Article text cut into escaped segments, with the evidence spans of facts marked up from their offsets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted range of an article's text: [start, end) and what to link it to."""

    start: int
    end: int
    ref: str = ""  # the fact id the span is evidence for ("" when it links nowhere)
    label: str = ""  # a short description shown on hover
    focus: bool = False  # the span the page is about (drawn stronger and scrolled into view)


def clip_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Spans inside the text, sorted, with overlaps trimmed so that every character is marked at most once."""
    size = len(text)
    ordered = sorted(
        (s for s in spans if 0 <= s.start < s.end and s.start < size),
        key=lambda s: (s.start, -(s.end - s.start), not s.focus),
    )
    kept: list[Span] = []
    cursor = 0
    for span in ordered:
        start = max(span.start, cursor)
        end = min(span.end, size)
        if start >= end:
            # Two facts read from the same sentence share one mark; the first (or focused) one wins.
            continue
        kept.append(Span(start, end, span.ref, span.label, span.focus))
        cursor = end
    return kept


def highlight(text: str, spans: Sequence[Span], link_prefix: str = "/fact/") -> Markup:
    """HTML for `text` with every span wrapped in <mark>; every piece of text is escaped on its own."""
    parts: list[str] = []
    cursor = 0
    for span in clip_spans(text, spans):
        parts.append(str(escape(text[cursor : span.start])))
        attrs = ' class="evidence focus" id="focus"' if span.focus else ' class="evidence"'
        if span.ref:
            attrs += f' data-fact="{escape(span.ref)}"'
        if span.label:
            attrs += f' title="{escape(span.label)}"'
        inner = str(escape(text[span.start : span.end]))
        if span.ref and not span.focus:
            inner = f'<a href="{escape(link_prefix + span.ref)}">{inner}</a>'
        parts.append(f"<mark{attrs}>{inner}</mark>")
        cursor = span.end
    parts.append(str(escape(text[cursor:])))
    # Markup only after every piece of article text went through escape().
    return Markup("".join(parts))

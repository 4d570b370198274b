import pytest

from evintel.errors import NotFoundError
from evintel.query import get_article
from storekit import corpus_articles


def test_get_article_returns_text_exactly_and_facts_with_offsets(filled):
    original = next(a for a in corpus_articles() if a.id == "q1")
    stored = get_article(filled, "q1")
    assert stored.text == original.text and stored.title == "Title of q1"
    for fact in stored.facts:
        assert original.text[fact.evidence_start : fact.evidence_end] == fact.evidence_text
        assert fact.fact_id
    assert [f.fields["quantity"] for f in stored.facts] == [82700, 9100]


def test_get_article_unknown_id_raises_not_found(filled):
    with pytest.raises(NotFoundError, match="nope"):
        get_article(filled, "nope")

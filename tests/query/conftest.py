import pytest
from storekit import corpus_articles, scripted_extract

from evintel.store import ingest_articles


@pytest.fixture
def filled(store):
    """A store on each back-end holding the query-test corpus."""
    report = ingest_articles(store, corpus_articles(), extract=scripted_extract)
    assert not report.errors and report.added == len(corpus_articles())
    return store

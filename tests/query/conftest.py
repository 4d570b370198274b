import pytest

from conftest import BACKENDS, postgres_schema
from evintel.store import ingest_articles, open_store
from storekit import corpus_articles, scripted_extract, small_kb


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request, tmp_path_factory):
    """A store on each back-end holding the query-test corpus (shared by a module's tests: read only)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('filled') / 'store.db'}"
        yield from _filled(url)
    else:
        with postgres_schema() as url:
            yield from _filled(url)


def _filled(url):
    store = open_store(url, kb=small_kb())
    report = ingest_articles(store, corpus_articles(), extract=scripted_extract)
    assert not report.errors and report.added == len(corpus_articles())
    yield store
    store.close()

import importlib

import pytest

import evintel.ingest

# The public API of the ingest stage: a change here is a change for every caller.
PUBLIC = {
    "DEFAULT_MAX_BYTES",
    "SyndicationIndex",
    "article_from_html",
    "article_from_record",
    "boilerplate_spans",
    "decode_bytes",
    "html_to_text",
    "is_boilerplate",
    "iter_articles",
    "iter_feed_articles",
    "iter_warc_articles",
    "parse_date",
    "parse_record_line",
    "signature",
    "similarity",
    "source_kind",
}


def test_ingest_exports_exactly_the_public_api():
    assert set(evintel.ingest.__all__) == PUBLIC


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_ingest_export_resolves_to_its_module_object(name):
    value = getattr(evintel.ingest, name)
    module = importlib.import_module(f"evintel.ingest.{evintel.ingest._EXPORTS[name]}")
    assert value is getattr(module, name)


def test_ingest_unknown_attribute_raises():
    with pytest.raises(AttributeError):
        _ = evintel.ingest.no_such_name

from datetime import date

import pytest

from evintel.errors import IngestError
from evintel.ingest.records import article_from_record, parse_record_line

TEXT = "Halden Trucks received orders for 300 hydrogen trucks."


@pytest.mark.parametrize("key", ["text", "body", "content"])
def test_article_from_record_accepts_text_keys(key):
    article = article_from_record({"id": "a1", key: TEXT}, "in.jsonl:1")
    assert article.text == TEXT and article.id == "a1"


def test_article_from_record_prefers_text_over_body():
    assert article_from_record({"text": TEXT, "body": "other"}, "x").text == TEXT


@pytest.mark.parametrize("raw_id", [None, ""])
def test_article_from_record_derives_missing_id(raw_id):
    article = article_from_record({"id": raw_id, "text": TEXT}, "feeds/in.jsonl:7", fallback_id="in.jsonl:7")
    assert article.id == "in.jsonl:7"


def test_article_from_record_stringifies_numeric_id():
    assert article_from_record({"id": 42, "text": TEXT}, "x").id == "42"


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"date": "2024-03-05"}, date(2024, 3, 5)),
        ({"date": "5 March 2024"}, date(2024, 3, 5)),
        ({"published": "Tue, 05 Mar 2024 10:00:00 GMT"}, date(2024, 3, 5)),
        ({"date": "not a date"}, date(2020, 1, 1)),
        ({"date": None}, date(2020, 1, 1)),
        ({}, date(2020, 1, 1)),
    ],
)
def test_article_from_record_reads_date_or_falls_back(record, expected):
    article = article_from_record({"text": TEXT, **record}, "x", default_date=date(2020, 1, 1))
    assert article.date == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": "a"}, "no article text"),
        ({"id": "a", "text": "   "}, "no article text"),
        ({"id": "a", "text": 12}, "no article text"),
        (["a", "b"], "expected a JSON object, got list"),
        ("just a string", "expected a JSON object, got str"),
    ],
)
def test_article_from_record_rejects_bad_records(record, reason):
    with pytest.raises(IngestError, match=reason) as info:
        article_from_record(record, "in.jsonl:3")
    assert info.value.item == "in.jsonl:3"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": "x" "y"}', "not valid JSON (Expecting ',' delimiter at column 25)"),
        ('{"id": "a", "text": ', "not valid JSON (Expecting value at column 21)"),
        ("not json at all", "not valid JSON (Expecting value at column 1)"),
        ('{"text": "open', "not valid JSON (Unterminated string starting at column 10)"),
    ],
)
def test_parse_record_line_names_the_json_error(line, reason):
    with pytest.raises(IngestError) as info:
        parse_record_line(line, "articles.jsonl:14")
    assert str(info.value) == f"articles.jsonl:14: {reason}"

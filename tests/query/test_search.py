import pytest

from evintel.query import search


@pytest.mark.parametrize(
    ("q", "expected"), [("bmw", "bmw"), ("Volks", "volkswagen"), ("northvolt", "northvolt")]
)
def test_search_finds_entities_by_name_prefix(filled, q, expected):
    assert search(filled, q).entities[0].id.startswith(expected)


@pytest.mark.parametrize(
    ("q", "expected"),
    [("Rimac", ["q6"]), ("partnership Renault", ["q5"]), ("second report", ["q2"]), ("zeppelin", [])],
)
def test_search_finds_articles_by_full_text(filled, q, expected):
    assert [a.id for a in search(filled, q).articles] == expected


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "x' OR 1=1 --", "*", "NEAR(a b)"])
def test_search_operators_and_quotes_are_plain_words(filled, q):
    search(filled, q)  # must not raise a syntax error from the full-text engine

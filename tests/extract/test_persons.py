"""Person mentions of owners and investors, kept apart from organisation mentions."""

from __future__ import annotations

from pathlib import Path

import pytest

from evintel.extract.mentions import annotate
from evintel.models import Article
from evintel.resolve.kb import KnowledgeBase, read_kb_files

KB_PATH = Path(__file__).parent.parent / "resolve" / "data" / "linking_kb.yaml"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return read_kb_files([KB_PATH])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BYD founder Wang Tianfu holds around 9 percent.", ["Wang Tianfu"]),
        ("Co-founder and chief executive Mira Solberg still holds 19 percent.", ["Mira Solberg"]),
        ("The startup is controlled by its founder Tran Van Minh.", ["Tran Van Minh"]),
        ("Chairman Zhou Yiming holds 18% of the shares.", ["Zhou Yiming"]),
        ("Billionaire Ostap Ivanenko invested $50 million.", ["Ostap Ivanenko"]),
        ("Jan Holm owns 5 percent of Voltra.", ["Jan Holm"]),
        # every later use of the full name is a mention too
        ("Founder Ida Berg keeps 30 percent. Ida Berg said so.", ["Ida Berg", "Ida Berg"]),
        # no role, no owning verb: not a person mention
        ("Kestrel Holm said sales rose.", []),
        ("The founder of Tesla sold shares.", []),
        ("Chairman of the board Tesla agreed.", []),
        ("CEO Tesla Motors said so.", []),
    ],
)
def test_find_persons(kb: KnowledgeBase, text: str, expected: list[str]) -> None:
    doc = annotate(Article("t", text), kb)
    assert [m.text for m in doc.persons] == expected
    for m in doc.persons:
        assert m.via == "person" and m.entity == m.text and text[m.start : m.end] == m.text


def test_persons_stay_out_of_organisation_mentions(kb: KnowledgeBase) -> None:
    doc = annotate(Article("t", "Founder Ida Berg sold 4,000 cars to Tesla. Its plant grew."), kb)
    assert all(m.via != "person" for m in doc.mentions)
    assert [m.entity for m in doc.mentions] == ["Tesla", "Tesla"]
    assert [m.text for m in doc.persons_in(doc.sentences[0])] == ["Ida Berg"]


@pytest.mark.parametrize(
    "text",
    ["Chief executive Ford Whitfield said so.", "Its founder Tesla Quist holds 10 percent."],
)
def test_kb_name_used_as_given_name_is_not_an_organisation(kb: KnowledgeBase, text: str) -> None:
    assert annotate(Article("t", text), kb).mentions == []

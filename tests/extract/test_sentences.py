"""Sentence segmentation: paragraphs, abbreviations, numbers, quotes, headlines, machine-translation debris."""

from __future__ import annotations

import pytest

from evintel.extract.sentences import split_sentences
from evintel.models import Article


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article("t", text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kestrel Motors Inc. said sales rose. The startup is based in Ohio.",
            ["Kestrel Motors Inc. said sales rose.", "The startup is based in Ohio."],
        ),
        ("Shares of Arvent Corp. The company fell.", ["Shares of Arvent Corp.", "The company fell."]),
        ("It delivered 1.21 million cars. Profit fell.", ["It delivered 1.21 million cars.", "Profit fell."]),
        (
            "The ID.3 and ID.4 sold well. The ID.7 did not.",
            ["The ID.3 and ID.4 sold well.", "The ID.7 did not."],
        ),
        (
            "Sales in the U.S. rose 5 percent. Europe fell.",
            ["Sales in the U.S. rose 5 percent.", "Europe fell."],
        ),
        (
            "The plant makes approx. 300 cars a day. It opened in 2020.",
            ["The plant makes approx. 300 cars a day.", "It opened in 2020."],
        ),
        (
            "Deliveries started on Jan. 5 in Oslo. Demand is high.",
            ["Deliveries started on Jan. 5 in Oslo.", "Demand is high."],
        ),
        ("It is the No. 2 seller. Tesla leads.", ["It is the No. 2 seller.", "Tesla leads."]),
        ("Suppliers, e.g. Bosch, gained. Others lost.", ["Suppliers, e.g. Bosch, gained.", "Others lost."]),
        (
            'He said: "We will build it." The plant opens in 2026.',
            ['He said: "We will build it."', "The plant opens in 2026."],
        ),
        ("“We are ready.” The firm hired 400 people.", ["“We are ready.”", "The firm hired 400 people."]),
        (
            "It could help BMW in this regard.. As reported, it will supply cells.",
            ["It could help BMW in this regard..", "As reported, it will supply cells."],
        ),
        (
            "It has been in the field for a long time. left.\nThe brand grew.",
            ["It has been in the field for a long time. left.", "The brand grew."],
        ),
        (
            "Sales rose 4 percent. the company said it expects more.",
            ["Sales rose 4 percent.", "the company said it expects more."],
        ),
        ("Why did sales fall? Prices rose.", ["Why did sales fall?", "Prices rose."]),
        (
            "Tesla Cuts Prices Again\nTesla cut prices on Monday.",
            ["Tesla Cuts Prices Again", "Tesla cut prices on Monday."],
        ),
        (
            "Sales rose.\nYOU MAY BE INTERESTED IN\nProfit fell.",
            ["Sales rose.", "YOU MAY BE INTERESTED IN", "Profit fell."],
        ),
        ("First paragraph.\n\nSecond paragraph here.", ["First paragraph.", "Second paragraph here."]),
        (
            "BMW sold 82,700 cars, while Mini sold 82.700 units. Both grew.",
            ["BMW sold 82,700 cars, while Mini sold 82.700 units.", "Both grew."],
        ),
        (
            "The car costs $45,000 (about €41,000). It goes on sale in May.",
            ["The car costs $45,000 (about €41,000).", "It goes on sale in May."],
        ),
        (
            "Mr. Holm joined Voltra Energy GmbH in 2021. He runs the plant.",
            ["Mr. Holm joined Voltra Energy GmbH in 2021.", "He runs the plant."],
        ),
        (
            "The group sold 3,5 billion yuan worth of cars; it said more would follow. Done!",
            ["The group sold 3,5 billion yuan worth of cars; it said more would follow.", "Done!"],
        ),
        (
            "A very long first line of an article that was hard-wrapped by the sender at a fixed width\n"
            "and continues here. Next sentence.",
            [
                "A very long first line of an article that was hard-wrapped by the sender at a fixed width\n"
                "and continues here.",
                "Next sentence.",
            ],
        ),
        (
            "Kestrel Motors sold 30,114 new energy\nvehicles in March, the company\nsaid. Tesla delivered\n386,810 cars.",
            [
                "Kestrel Motors sold 30,114 new energy\nvehicles in March, the company\nsaid.",
                "Tesla delivered\n386,810 cars.",
            ],
        ),
        (
            "Kestrel sales jump in March\n30,114 cars were sold, the firm said.",
            ["Kestrel sales jump in March", "30,114 cars were sold, the firm said."],
        ),
        (
            "Best-selling brands of the month\n1. BYD with 30,114\n2) Tesla with 20,000",
            ["Best-selling brands of the month", "1. BYD with 30,114", "2) Tesla with 20,000"],
        ),
    ],
)
def test_split_sentences_boundaries(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_split_sentences_offsets_point_into_text() -> None:
    text = "  Headline Without Stop\r\nBMW sold 1.2 million cars. It grew.\n\n\nRelated: Tesla cuts prices\n"
    sentences = split_sentences(Article("t", text))
    assert [s.text for s in sentences] == [
        "Headline Without Stop",
        "BMW sold 1.2 million cars.",
        "It grew.",
        "Related: Tesla cuts prices",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_split_sentences_paragraph_numbers() -> None:
    text = "One. Two.\nThree.\n\nFour."
    assert [s.paragraph for s in split_sentences(Article("t", text))] == [0, 0, 1, 2]


@pytest.mark.parametrize(
    "junk", ["YOU MAY BE INTERESTED IN", "Share this article", "Advertisement - Article continues below"]
)
def test_split_sentences_marks_boilerplate(junk: str) -> None:
    sentences = split_sentences(Article("t", f"BMW sold 1.2 million cars.\n{junk}\nProfit rose."))
    assert [s.boilerplate for s in sentences] == [False, True, False]


def test_split_sentences_empty_text() -> None:
    assert split_sentences(Article("t", "")) == []
    assert split_sentences(Article("t", "\n\n  \n")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The stake is held by F. Vidal AG. The rest floats.",
            ["The stake is held by F. Vidal AG.", "The rest floats."],
        ),
        ("Photo: J. Okafor\nSales rose.", ["Photo: J. Okafor", "Sales rose."]),
        (
            "It undercuts the Model Y. The price is lower.",
            ["It undercuts the Model Y.", "The price is lower."],
        ),
        ("Orders rose (see chart.) Prices fell.", ["Orders rose (see chart.)", "Prices fell."]),
        ("Wait... the plant opened. Then it closed.", ["Wait... the plant opened.", "Then it closed."]),
        ("Was it worth it?! Analysts think so.", ["Was it worth it?!", "Analysts think so."]),
        ("He runs Lumo Corp. in Ohio. It grows.", ["He runs Lumo Corp. in Ohio.", "It grows."]),
    ],
)
def test_split_sentences_initials_and_marks(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected

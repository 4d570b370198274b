import pytest

from evintel.extract.modality import confidence_for, find_modality


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("BMW signed a supply deal with Rimac.", "asserted"),
        ("The companies are in talks about a battery venture.", "hedged"),
        ("Geely is said to be preparing a bid.", "hedged"),
        ("The two groups may share a platform in the future.", "hedged"),
        ("According to people familiar with the matter, the deal is close.", "hedged"),
        ("The carmaker is considering a plant in Poland.", "hedged"),
        ("Kestrel denied a report that it was for sale.", "denied"),
        ("The partners abandoned the joint project last year.", "denied"),
        ("The plan was scrapped in March.", "denied"),
        ("Honda called off the talks.", "denied"),
    ],
)
def test_find_modality_classifies_cues(sentence, value):
    assert find_modality(sentence).value == value


def test_find_modality_needs_whole_words():
    assert find_modality("Mayor of the town welcomed the plant.").value == "asserted"
    assert find_modality("The mighty truck sold well.").value == "asserted"


def test_confidence_for_lowers_hedged_and_denied():
    assert confidence_for("asserted", 0.9) == 0.9
    assert confidence_for("hedged", 0.9) < 0.5
    assert confidence_for("denied", 0.9) < confidence_for("hedged", 0.9)


@pytest.mark.parametrize(
    "text",
    [
        "The production of the T03 in the plant of Tychy is not anymore foreseen.",
        "A second plant in Hungary is no longer planned.",
        "The launch in India is not foreseen anymore, the company said.",
    ],
)
def test_find_modality_not_anymore_foreseen_is_a_cancellation(text: str) -> None:
    assert find_modality(text).value == "denied"

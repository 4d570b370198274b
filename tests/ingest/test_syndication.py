import json

import pytest

from evintel.ingest.syndication import NUM_PERM, SyndicationIndex, signature, similarity

ORIGINAL = (
    "Kestrel Motors said on Tuesday it would build a battery pack plant near Zwickau, its first outside Leipzig. "
    "The factory will cost 1.2 billion euros and employ 900 people when it opens in the spring of 2027. "
    "The company said orders for its electric delivery vans had tripled since January, driven by parcel firms. "
    "Pack assembly will start on a single line, with a second line planned if demand holds up. "
    "The state of Saxony is contributing a grant of 80 million euros towards the site. "
    "Chief executive Anna Berg said the location was chosen for its skilled workforce and its rail links to the ports."
)
# The same story on another site: one sentence reworded.
SYNDICATED = ORIGINAL.replace(
    "The factory will cost 1.2 billion euros and employ 900 people when it opens in the spring of 2027.",
    "The factory, costing 1.2 billion euros, will employ about 900 people when it opens in the spring of 2027.",
)
# Another story about the same company.
OTHER_STORY = (
    "Kestrel Motors reported a wider loss for the third quarter as deliveries of its electric vans slowed. "
    "Revenue fell 12 percent to 340 million euros, and the company cut its forecast for the full year. "
    "Chief executive Anna Berg said the company would reduce costs and delay a planned battery pack plant. "
    "Its shares fell 8 percent in Frankfurt trading."
)


def test_signature_is_serialisable_and_stable():
    sig = signature(ORIGINAL)
    assert len(sig) == NUM_PERM
    assert json.loads(json.dumps(sig)) == sig
    assert signature(ORIGINAL) == sig


def test_similarity_is_high_for_a_syndicated_copy_and_low_for_another_story():
    original = signature(ORIGINAL)
    assert similarity(original, signature(SYNDICATED)) >= 0.8
    assert similarity(original, signature(OTHER_STORY)) < 0.3
    assert similarity(original, original) == 1.0


def test_similarity_ignores_case_and_punctuation():
    assert similarity(signature(ORIGINAL), signature(ORIGINAL.upper().replace(",", ""))) == 1.0


def test_syndication_index_finds_the_copy_not_the_other_story():
    index = SyndicationIndex()
    index.add("https://site-a.example/kestrel-plant", signature(ORIGINAL))
    index.add("https://site-a.example/kestrel-loss", signature(OTHER_STORY))
    assert index.query(signature(SYNDICATED)) == ["https://site-a.example/kestrel-plant"]
    assert index.query(signature("Grauwerk and Tessaro will recycle battery packs in Austria.")) == []


def test_syndication_index_rebuilds_from_stored_signatures():
    stored = [("a1", signature(ORIGINAL)), ("a2", signature(OTHER_STORY))]
    rebuilt = SyndicationIndex.from_signatures(json.loads(json.dumps(stored)))
    assert len(rebuilt) == 2 and "a1" in rebuilt
    assert rebuilt.query(signature(SYNDICATED)) == ["a1"]


def test_syndication_index_add_same_key_replaces_signature():
    index = SyndicationIndex()
    index.add("a1", signature(OTHER_STORY))
    index.add("a1", signature(ORIGINAL))
    assert len(index) == 1
    assert index.query(signature(SYNDICATED)) == ["a1"]


def test_similarity_rejects_a_signature_of_the_wrong_length():
    with pytest.raises(ValueError, match="signature"):
        similarity([1, 2, 3], signature(ORIGINAL))

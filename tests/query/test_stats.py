from evintel.query import stats
from storekit import corpus_articles


def test_stats_counts_articles_facts_entities_conflicts(filled):
    result = stats(filled).to_dict()
    assert result["articles"] == len(corpus_articles())
    assert result["facts_by_type"] == {"ownership": 1, "partnership": 1, "sales": 8, "supply": 3}
    assert result["facts"] == 13 and result["statements"] == 13 == result["sources"]
    assert result["conflicts_by_kind"] == {"figure": 1, "kb": 1}
    assert result["discovered_entities"] == 1  # Acme Cells


def test_stats_empty_store_is_all_zero(store):
    result = stats(store).to_dict()
    assert result["articles"] == result["facts"] == result["conflicts"] == 0
    assert result["kb_entities"] > 0

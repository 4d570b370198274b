import evintel.query
import evintel.store


def test_exported_members_query_api_is_pinned():
    assert sorted(evintel.query.__all__) == [
        "ArticleDetail",
        "ArticleFact",
        "ArticleHit",
        "ConflictRecord",
        "EntityProfile",
        "EntityRef",
        "FactDetail",
        "FactFilter",
        "FactSummary",
        "Network",
        "Page",
        "RelatedFact",
        "SalesRow",
        "SearchResult",
        "SourceRecord",
        "StoreStats",
        "entity_profile",
        "get_article",
        "get_fact",
        "list_conflicts",
        "list_facts",
        "network",
        "search",
        "stats",
    ]
    assert all(hasattr(evintel.query, name) for name in evintel.query.__all__)


def test_exported_members_store_api_is_pinned():
    assert sorted(evintel.store.__all__) == ["IngestReport", "Store", "ingest_articles", "open_store"]
    assert all(hasattr(evintel.store, name) for name in evintel.store.__all__)


def test_exported_members_results_serialise_to_dicts():
    for name in evintel.query.__all__:
        member = getattr(evintel.query, name)
        if isinstance(member, type) and name not in ("FactFilter", "EntityRef") and name[0].isupper():
            assert hasattr(member, "to_dict"), name

"""evintel consolidate stage: merge facts about one thing across sources, and flag disagreements.

Pure logic, no database. How the store uses it, whenever facts with key K arrive:

    key = fact_key(fact, kb)                                  # store it on the fact row
    result = consolidate([SourcedFact(fact, article_id, date, url, title, group_id, fact_pk), ...], kb)
    # replace K's consolidated rows with result.facts (fields, confidence, modality, first/last seen,
    # revisions, conflicted, rank; member facts = ConsolidatedFact.fact_ids) and K's source conflicts
    # with result.conflicts (Conflict.id, kind figure|status|kb, message, sides, fact_ids). With a KB,
    # result.conflicts already holds the key's KB contradictions; kb_conflicts(fact, kb) checks one fact.

Pass the same KB to `fact_key` and `consolidate`. Every record has `to_dict()` (JSON-ready).
Modules: `keys` (what a fact is about), `figures` (when figures agree), `merge` (consolidation),
`conflicts` (figure and status conflicts), `contradictions` (facts against the KB), `records` (data).
"""

from evintel.consolidate.contradictions import kb_conflicts
from evintel.consolidate.keys import canonical_name, entity_key, fact_key, location_key, product_key
from evintel.consolidate.merge import combine_confidence, combine_modality, consolidate
from evintel.consolidate.records import (
    CONFLICT_KINDS,
    Conflict,
    ConflictSide,
    ConsolidatedFact,
    ConsolidationResult,
    FactSource,
    Revision,
    SourcedFact,
)

__all__ = [
    "CONFLICT_KINDS",
    "Conflict",
    "ConflictSide",
    "ConsolidatedFact",
    "ConsolidationResult",
    "FactSource",
    "Revision",
    "SourcedFact",
    "canonical_name",
    "combine_confidence",
    "combine_modality",
    "consolidate",
    "entity_key",
    "fact_key",
    "kb_conflicts",
    "location_key",
    "product_key",
]

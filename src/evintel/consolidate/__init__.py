"""evintel consolidate stage: merge facts about one thing across sources, and flag disagreements.

Pure logic, no database: the store groups stored facts by `fact_key`, calls `consolidate` on each key's
facts and stores the result; `kb_conflicts` checks one fact against the reference KB.
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

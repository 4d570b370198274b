"""Consolidation: all the facts stated about one key merged into consolidated facts, revisions and conflicts.

The store calls `consolidate` with every stored fact of a key whenever facts with that key arrive and
replaces that key's consolidated facts and conflicts with the result; the result depends only on the set
of facts, not on their order.

How one key is merged:

1. Sources. Each fact becomes a FactSource (article, date, evidence, confidence, modality, its figure).
   Syndicated copies (same `group_id`) are all listed but count as one independent source.
2. Figures (sales quantity, ownership stake, investment amount). Sources whose figures agree (±0.5 %,
   wider for "some 83,000"-style approximations, see `figures`) form one cluster; its figure is the most
   precise one ("82,700" beats "some 83,000").
3. Revisions. A cluster whose sources are all older than a source of another cluster that uses revision
   language ("revised", "restated", "corrected", "updated", "adjusted"; for stakes also "raised",
   "cut", ...) is superseded by that cluster: it shows up in the newer fact's `revisions`, not as a
   conflict. Undated sources can't be ordered and never revise or get revised.
4. Conflicts. Clusters still standing side by side are separate consolidated facts, ranked by
   independent support. Two of them disagree when each has a source (syndication group) of its own and
   an asserted source: figures that only ever appear together in the same articles are different
   things (a model figure and the brand total, the two ends of a range), and a hedged-only figure
   ("would fall to 40 %") disputes nothing. For investments, amounts more than 25 % apart are
   different deals (a first tranche and a total). Disagreeing clusters are marked `conflicted` and
   each connected set of them gives one figure conflict listing every figure with its sources (so one
   conflict per disagreeing key in practice). Live-versus-ended/denied reports make a status conflict
   (see `conflicts`). With a KB, ownership claims that contradict it add one "kb" conflict per
   contradiction listing every article making the claim (see `contradictions`).
5. Each consolidated fact gets representative fields (KB canonical names, lists unioned, the latest
   status, the majority value of other attributes), a confidence combined by noisy-OR over independent
   sources (1 - prod(1 - c) over syndication groups, each group counting its most confident copy; denied
   reports never add support), a modality (asserted if any source asserts, else hedged, else denied) and
   first/last seen dates over all its sources.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from evintel.consolidate.conflicts import figure_conflict, latest_status, status_of, status_outcome
from evintel.consolidate.contradictions import kb_conflicts
from evintel.consolidate.figures import (
    VALUE_FIELDS,
    Figure,
    fact_figure,
    figures_agree,
    has_revision_cue,
    relative_gap,
    settings,
)
from evintel.consolidate.keys import as_list, canonical_name, entity_key, fact_key, resolve_entity
from evintel.consolidate.records import (
    Conflict,
    ConsolidatedFact,
    ConsolidationResult,
    FactSource,
    Revision,
    SourcedFact,
)
from evintel.resolve.kb import KnowledgeBase, normalize_name

# Fields naming one entity, and fields listing several, per type.
ENTITY_FIELDS = {
    "sales": ("org",),
    "supply": ("supplier", "customer"),
    "ownership": ("parent", "child"),
    "investment": ("investor", "target"),
    "plant": ("org",),
}
ENTITY_LIST_FIELDS = {"partnership": ("parties",), "product_plan": ("orgs",)}
# Fields whose items are unioned across sources.
UNION_FIELDS = {
    "supply": ("items",),
    "partnership": ("scope",),
    "plant": ("products",),
    "product_plan": ("powertrains", "markets"),
}
STATUS_TYPES = ("partnership", "plant")


@dataclass(slots=True)
class _Item:
    """One input fact with its source record and figure, as consolidation handles it."""

    sourced: SourcedFact
    source: FactSource
    figure: Figure | None


@dataclass(slots=True)
class _Cluster:
    """Items agreeing on one figure (or all items, for types without a figure)."""

    items: list[_Item]
    superseded: list[tuple[_Cluster, _Item]] = field(default_factory=list)  # (older cluster, revising item)
    extra: list[_Item] = field(default_factory=list)  # items without a figure, or denied, attached here
    _best: _Item | None = field(default=None, repr=False, compare=False)

    def add(self, item: _Item) -> None:
        """Add an item agreeing with this cluster's figure."""
        self.items.append(item)
        self._best = None

    @property
    def best(self) -> _Item:
        """The item with the most precise figure: exact before qualified, more digits, more support."""
        if self._best is None:
            self._best = self._choose_best()
        return self._best

    def _choose_best(self) -> _Item:
        counts = Counter(i.source.value for i in self.items)
        return min(
            self.items,
            key=lambda i: (
                i.figure is None or i.figure.bound is not None,
                -(i.figure.precision if i.figure else 0),
                -counts[i.source.value],
                _order(i),
            ),
        )

    @property
    def value(self) -> float | None:
        """The cluster's representative figure."""
        figure = self.best.figure
        return figure.value if figure else None

    def all_items(self) -> list[_Item]:
        """Every member: own items, attached items and the items of superseded clusters."""
        members = list(self.items) + list(self.extra)
        for older, _ in self.superseded:
            members.extend(older.all_items())
        return sorted(members, key=_order)


def _order(item: _Item) -> tuple[Any, ...]:
    s = item.source
    return (
        s.date is None,
        s.date or date.min,
        s.article_id,
        s.evidence.start,
        s.evidence.end,
        str(s.fact_id),
    )


def _source(sourced: SourcedFact, figure: Figure | None) -> FactSource:
    fact = sourced.fact
    return FactSource(
        article_id=sourced.article_id,
        date=sourced.date,
        url=sourced.url,
        title=sourced.title,
        group_id=sourced.source_group,
        evidence=fact.evidence,
        confidence=float(fact.confidence),
        modality=fact.modality,
        value=_plain(figure.value) if figure else fact.fields.get("status"),
        fact_id=sourced.fact_id,
    )


def _plain(value: float) -> int | float:
    """A figure as an int when it is whole (82700, not 82700.0), for display and JSON."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _value(item: _Item) -> float:
    return item.figure.value if item.figure else 0.0


def _precision(item: _Item) -> int:
    return item.figure.precision if item.figure else 0


def _cluster_figures(items: list[_Item], fact_type: str) -> list[_Cluster]:
    exact = sorted(
        (i for i in items if i.figure and i.figure.bound is None), key=lambda i: (_value(i), _order(i))
    )
    clusters: list[_Cluster] = []
    for item in exact:
        assert item.figure is not None
        last = clusters[-1].items[-1].figure if clusters else None
        if last is not None and figures_agree(last, item.figure, fact_type):
            clusters[-1].add(item)
        else:
            clusters.append(_Cluster([item]))
    qualified = sorted(
        (i for i in items if i.figure and i.figure.bound is not None),
        key=lambda i: (-_precision(i), _value(i), _order(i)),
    )
    for item in qualified:
        assert item.figure is not None
        figure = item.figure
        fits = [c for c in clusters if c.best.figure and figures_agree(c.best.figure, figure, fact_type)]
        if fits:
            min(fits, key=lambda c: (relative_gap(c.value or 0.0, figure.value), c.value)).add(item)
        else:
            clusters.append(_Cluster([item]))
    return clusters


def _apply_revisions(clusters: list[_Cluster], fact_type: str) -> list[_Cluster]:
    """Fold clusters superseded by a later revising source into the newer cluster; return the rest."""
    superseded: set[int] = set()
    for newer in clusters:
        revisers = sorted(
            (i for i in newer.items if i.source.date and has_revision_cue(i.source.evidence.text, fact_type)),
            key=_order,
        )
        if not revisers:
            continue
        for older in clusters:
            if older is newer or id(older) in superseded:
                continue
            dates = [i.source.date for i in older.items]
            if any(d is None for d in dates):
                continue
            newest = max(d for d in dates if d is not None)
            reviser = next((r for r in revisers if r.source.date and r.source.date > newest), None)
            if reviser is not None:
                newer.superseded.append((older, reviser))
                superseded.add(id(older))
    return [c for c in clusters if id(c) not in superseded]


def _support(items: Iterable[_Item]) -> tuple[int, int, float]:
    items = list(items)
    groups = {i.source.group_id for i in items if i.source.modality != "denied"}
    asserted = sum(1 for i in items if i.source.modality == "asserted")
    return len(groups), asserted, max((i.source.confidence for i in items), default=0.0)


def combine_confidence(sources: Iterable[FactSource]) -> float:
    """Noisy-OR over independent sources: each syndication group counts once, with its best copy."""
    sources = list(sources)
    supporting = [s for s in sources if s.modality != "denied"] or sources
    best: dict[str, float] = {}
    for s in supporting:
        best[s.group_id] = max(best.get(s.group_id, 0.0), min(max(s.confidence, 0.0), 1.0))
    return 1.0 - math.prod(1.0 - c for c in best.values()) if best else 0.0


def combine_modality(sources: Iterable[FactSource]) -> str:
    """Asserted if any source asserts, else hedged if any hedges, else denied."""
    modalities = {s.modality for s in sources}
    for modality in ("asserted", "hedged"):
        if modality in modalities:
            return modality
    return "denied" if modalities else "asserted"


def _choose_entity(values: Sequence[Any], kb: KnowledgeBase | None) -> Any:
    names = [str(v).strip() for v in values if v]
    if not names:
        return None
    for name in names:
        if resolve_entity(name, kb) is not None:
            return canonical_name(name, kb)
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], len(n), n))


def _union(values: Iterable[Any], key: Any = normalize_name) -> list[Any]:
    seen: dict[str, Any] = {}
    for value in values:
        for item in as_list(value):
            seen.setdefault(key(str(item)), item)
    return list(seen.values())


def _majority(values: Sequence[Any]) -> Any:
    present = [v for v in values if v not in (None, "", [])]
    if not present:
        return None
    counts = Counter(repr(v) for v in present)
    # Ties go to the latest source (values arrive in date order).
    best = max(range(len(present)), key=lambda k: (counts[repr(present[k])], k))
    return present[best]


def _representative_fields(
    fact_type: str, cluster: _Cluster, members: list[_Item], kb: KnowledgeBase | None
) -> dict[str, Any]:
    current = sorted(cluster.items + cluster.extra, key=_order)
    fields: dict[str, Any] = {}
    for item in current:
        for name in item.sourced.fact.fields:
            fields.setdefault(name, None)
    for name in fields:
        fields[name] = _majority([i.sourced.fact.fields.get(name) for i in current])
    for name in ENTITY_FIELDS.get(fact_type, ()):
        fields[name] = _choose_entity([i.sourced.fact.fields.get(name) for i in current], kb)
    for name in ENTITY_LIST_FIELDS.get(fact_type, ()):
        names = [n for i in current for n in as_list(i.sourced.fact.fields.get(name))]
        by_key = _union(names, key=lambda n: entity_key(n, kb))
        fields[name] = sorted((canonical_name(n, kb) for n in by_key), key=lambda n: entity_key(n, kb))
    for name in UNION_FIELDS.get(fact_type, ()):
        if any(name in i.sourced.fact.fields for i in members):
            union = _union(i.sourced.fact.fields.get(name) for i in members)
            fields[name] = union or None
    value_field = VALUE_FIELDS.get(fact_type)
    if value_field and cluster.value is not None:
        fields[value_field] = _plain(cluster.value)
    if fact_type in STATUS_TYPES and "status" in fields:
        fields["status"] = latest_status(
            fact_type, [(i.source, i.sourced.fact.fields.get("status")) for i in current]
        )
    if fact_type == "plant" and fields.get("location"):
        locations = [
            str(i.sourced.fact.fields["location"]) for i in current if i.sourced.fact.fields.get("location")
        ]
        fields["location"] = max(locations, key=lambda loc: (loc.count(","), locations.count(loc), len(loc)))
    if fact_type == "product_plan" and fields.get("product"):
        products = [
            str(i.sourced.fact.fields["product"]) for i in current if i.sourced.fact.fields.get("product")
        ]
        fields["product"] = max(products, key=lambda p: (products.count(p), len(p), p))
    return fields


def _revisions(cluster: _Cluster, value_field: str) -> list[Revision]:
    revisions: list[Revision] = []
    for older, reviser in cluster.superseded:
        revisions.extend(_revisions(older, value_field))
        revisions.append(
            Revision(
                field=value_field,
                previous=_plain(older.value) if older.value is not None else None,
                value=_plain(cluster.value) if cluster.value is not None else None,
                date=reviser.source.date,
                article_id=reviser.source.article_id,
                evidence=reviser.source.evidence,
                previous_sources=[i.source for i in older.all_items()],
            )
        )
    return sorted(revisions, key=lambda r: (r.date or date.max, r.article_id))


def _contradict(a: _Cluster, b: _Cluster, fact_type: str) -> bool:
    """Whether two figure clusters are a disagreement between sources, not two different things.

    Each side needs a source of its own (a group not stating the other figure): figures that only
    appear together in the same articles are different things (a model and a brand total, the two ends
    of a range). A side that is only hedged ("would fall to 40 %") disputes nothing. Investment amounts
    far apart are different deals.
    """
    groups_a = {i.source.group_id for i in a.items}
    groups_b = {i.source.group_id for i in b.items}
    if not (groups_a - groups_b) or not (groups_b - groups_a):
        return False
    if not any(i.source.modality == "asserted" for i in a.items):
        return False
    if not any(i.source.modality == "asserted" for i in b.items):
        return False
    if fact_type == "investment":
        return relative_gap(a.value or 0.0, b.value or 0.0) <= settings().distinct_investment_ratio
    return True


def _components(clusters: list[_Cluster], fact_type: str) -> list[list[_Cluster]]:
    """Connected groups of clusters that contradict each other, in the clusters' (rank) order."""
    component_of = list(range(len(clusters)))

    def root(k: int) -> int:
        while component_of[k] != k:
            component_of[k] = component_of[component_of[k]]
            k = component_of[k]
        return k

    for i, j in itertools.combinations(range(len(clusters)), 2):
        if _contradict(clusters[i], clusters[j], fact_type):
            component_of[root(j)] = root(i)
    groups: dict[int, list[_Cluster]] = defaultdict(list)
    for k, cluster in enumerate(clusters):
        groups[root(k)].append(cluster)
    return [group for group in groups.values() if len(group) > 1]


def _kb_conflicts(items: Sequence[_Item], kb: KnowledgeBase) -> list[Conflict]:
    """The KB contradictions of a key's facts, one per contradiction with every source making the claim."""
    merged: dict[str, Conflict] = {}
    for item in items:
        for conflict in kb_conflicts(item.sourced, kb):
            known = merged.get(conflict.id)
            if known is None:
                merged[conflict.id] = conflict
            else:
                known.sides[0].sources.extend(conflict.sides[0].sources)
    return list(merged.values())


def _consolidate_key(
    key: str, sourced: Sequence[SourcedFact], kb: KnowledgeBase | None
) -> ConsolidationResult:
    fact_type = sourced[0].fact.type
    items: list[_Item] = []
    seen: set[tuple[Any, ...]] = set()
    for sf in sourced:
        figure = fact_figure(sf.fact)
        item = _Item(sf, _source(sf, figure), figure)
        identity = (
            sf.article_id,
            sf.fact.evidence.start,
            sf.fact.evidence.end,
            item.source.value,
            sf.fact_id,
        )
        if identity not in seen:
            seen.add(identity)
            items.append(item)
    items.sort(key=_order)
    valued = [i for i in items if i.figure is not None and i.source.modality != "denied"]
    clusters = _apply_revisions(_cluster_figures(valued, fact_type), fact_type) if valued else []
    clusters.sort(key=lambda c: (tuple(-x for x in _support(c.items)), c.value or 0.0))
    valued_ids = {id(i) for i in valued}
    rest = [i for i in items if id(i) not in valued_ids]
    if clusters:
        clusters[0].extra.extend(rest)
    else:
        clusters = [_Cluster(rest)]

    result = ConsolidationResult()
    value_field = VALUE_FIELDS.get(fact_type, "")
    for rank, cluster in enumerate(clusters):
        members = cluster.all_items()
        current = cluster.items + cluster.extra
        sources = [i.source for i in members]
        result.facts.append(
            ConsolidatedFact(
                key=key,
                type=fact_type,
                fields=_representative_fields(fact_type, cluster, members, kb),
                sources=sources,
                confidence=round(combine_confidence(i.source for i in current), 6),
                modality=combine_modality(i.source for i in current),
                first_seen=min((s.date for s in sources if s.date), default=None),
                last_seen=max((s.date for s in sources if s.date), default=None),
                revisions=_revisions(cluster, value_field) if value_field else [],
                rank=rank,
            )
        )
    by_cluster = dict(zip((id(c) for c in clusters), result.facts, strict=True))
    for component in _components([c for c in clusters if c.value is not None], fact_type):
        for cluster in component:
            by_cluster[id(cluster)].conflicted = True
        top = by_cluster[id(component[0])]
        sides = [(_plain(c.value), [i.source for i in c.items]) for c in component if c.value is not None]
        result.conflicts.append(figure_conflict(key, fact_type, top.fields, sides))

    if kb is not None and fact_type == "ownership":
        result.conflicts.extend(_kb_conflicts(items, kb))

    reports = [(i.source, status_of(fact_type, i.source, i.sourced.fact.fields.get("status"))) for i in items]
    outcome = status_outcome(key, fact_type, result.facts[0].fields, reports)
    if isinstance(outcome, Revision):
        result.facts[0].revisions.append(outcome)
    elif outcome is not None:
        for fact in result.facts:
            fact.conflicted = True
        result.conflicts.append(outcome)
    return result


def consolidate(facts: Sequence[SourcedFact], kb: KnowledgeBase | None = None) -> ConsolidationResult:
    """Merge facts into consolidated facts and conflicts, key by key (normally the store passes one key)."""
    by_key: dict[str, list[SourcedFact]] = defaultdict(list)
    for sourced in facts:
        by_key[fact_key(sourced.fact, kb)].append(sourced)
    result = ConsolidationResult()
    for key in sorted(by_key):
        part = _consolidate_key(key, by_key[key], kb)
        result.facts.extend(part.facts)
        result.conflicts.extend(part.conflicts)
    return result

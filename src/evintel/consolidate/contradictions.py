"""Facts that contradict the reference KB: ownership claims against the KB's parents and stakes.

An ownership fact "X owns Y" is checked against the KB when both X and Y are KB entities:

- A KB parent link means the parent controls the child, unless its stake is below 30 % (the control
  threshold of UK and German takeover law): such a minority holding makes the holder a shareholder, and
  control does not pass through it. So the KB's Kia (33.9 % held by Hyundai Motor Company) is part of
  Hyundai Motor Group, while a 20.6 % holding of Porsche AG in Rimac Group, if the KB listed it, would
  not make Volkswagen Group (Porsche AG's parent) the owner of Rimac Group.
- The claim agrees with the KB when X is Y's direct KB parent (whatever the stake: "Porsche SE holds a
  stake in Volkswagen"), or when X controls Y through a chain of controlling links ("Volkswagen Group
  owns Audi", "Porsche SE owns Audi").
- A brand and the group it is named after are the same owner or owned ("BMW" the brand for "BMW Group").
- A claim inside one group ("Audi owns Lamborghini" when the KB hangs Lamborghini directly under
  Volkswagen Group) is not flagged: the KB records group membership, not every intermediate holding.
- A claimed stake up to 50 %, or a claim without a figure whose evidence speaks of a stake ("holds a
  stake in", "shareholder", "percent"), is a holding, not ownership: it only contradicts the KB when the
  KB records that very link with a stake far from the claimed one (anyone may hold a stake the KB
  doesn't list).
- A joint venture has several owners and the KB names one: other owners are not contradicted.
- A stake given in voting rights is not compared with the KB's share of the capital.
- Otherwise the claim contradicts the KB: Y belongs to another group, Y is independent, or the claim is
  the KB's link reversed. The message states the KB's actual relation (a chain through a minority
  holding, or what Y itself holds: "Rimac Group holds 55 % of Bugatti Rimac").

Names the KB does not know are not checked: nothing contradicts what the KB has no record of.
"""

from __future__ import annotations

from typing import Any

from evintel.consolidate.figures import format_figure, settings
from evintel.consolidate.keys import fact_key, resolve_entity
from evintel.consolidate.records import Conflict, ConflictSide, FactSource, SourcedFact
from evintel.models import Entity, Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

# Kinds whose owners the KB does not record as one parent (joint ventures have several).
_UNRECORDED_OWNERSHIP = frozenset({"joint_venture"})


def _controlling(entity: Entity) -> bool:
    return entity.stake_pct is None or entity.stake_pct >= settings().control_threshold


def _control_chain(kb: KnowledgeBase, entity: Entity) -> list[Entity]:
    """The entities controlling `entity`: its parent while the link is controlling, and so on up."""
    chain: list[Entity] = []
    current = entity
    while _controlling(current):
        parent = kb.parent(current.id)
        if parent is None or parent in chain or parent == entity:
            break
        chain.append(parent)
        current = parent
    return chain


def _control_root(kb: KnowledgeBase, entity: Entity) -> Entity:
    chain = _control_chain(kb, entity)
    return chain[-1] if chain else entity


def _namesakes(kb: KnowledgeBase, entity: Entity) -> set[str]:
    """The entity and the brand/group it is named after or that is named after it (BMW ~ BMW Group)."""
    ids = {entity.id}
    parent = kb.parent(entity.id)
    if parent is not None and _is_namesake(entity, parent):
        ids.add(parent.id)
    for child in kb.children(entity.id):
        if _is_namesake(child, entity):
            ids.add(child.id)
    return ids


def _is_namesake(brand: Entity, group: Entity) -> bool:
    brand_words = normalize_name(brand.name).split()
    group_words = normalize_name(group.name).split()
    return bool(brand_words) and group_words[: len(brand_words)] == brand_words


def _describe_link(kb: KnowledgeBase, entity: Entity) -> str:
    parent = kb.parent(entity.id)
    if parent is None:
        return f"{entity.name} has no parent in the KB (independent)"
    stake = f" ({format_figure('ownership', entity.stake_pct)})" if entity.stake_pct is not None else ""
    if _controlling(entity):
        return f"{entity.name} belongs to {parent.name}{stake}"
    return f"{entity.name} is independent; {parent.name} holds a minority stake{stake}"


def _minority_path(kb: KnowledgeBase, claimed: Entity, child: Entity) -> str | None:
    """The KB chain from the child up to the claimed owner, when one exists (it passes a minority stake)."""
    claimed_ids = _namesakes(kb, claimed)
    steps: list[str] = []
    current = child
    for ancestor in kb.ancestors(child.id):
        steps.append(_holding(ancestor, current))
        if ancestor.id in claimed_ids:
            return "; ".join(steps)
        current = ancestor
    return None


def _holdings(kb: KnowledgeBase, entity: Entity) -> str | None:
    """What the entity itself holds, per the KB (Rimac Group holds 55 % of Bugatti Rimac)."""
    return "; ".join(_holding(entity, c) for c in kb.children(entity.id)[:3]) or None


def _holding(holder: Entity, held: Entity) -> str:
    if held.stake_pct is None:
        return f"{holder.name} controls {held.name}"
    minority = "" if _controlling(held) else " (a minority stake)"
    return f"{holder.name} holds {format_figure('ownership', held.stake_pct)} of {held.name}{minority}"


def _kb_record(kb: KnowledgeBase, entity: Entity) -> dict[str, Any]:
    parent = kb.parent(entity.id)
    return {
        "entity": entity.name,
        "kind": entity.kind,
        "parent": parent.name if parent else None,
        "stake_pct": entity.stake_pct,
        "ancestors": [a.name for a in kb.ancestors(entity.id)],
    }


def _article_side(fact: Fact, origin: SourcedFact | None, value: Any) -> ConflictSide:
    article_id = origin.article_id if origin else fact.article_id or ""
    source = FactSource(
        article_id=article_id,
        date=origin.date if origin else None,
        url=origin.url if origin else None,
        title=origin.title if origin else None,
        group_id=origin.source_group if origin else article_id,
        fact_id=origin.fact_id if origin else None,
        evidence=fact.evidence,
        confidence=fact.confidence,
        modality=fact.modality,
        value=value,
    )
    return ConflictSide(value, [source])


def kb_conflicts(fact: Fact | SourcedFact, kb: KnowledgeBase) -> list[Conflict]:
    """The ways an ownership fact contradicts the KB (empty when it agrees or the KB can't tell).

    Pass a SourcedFact instead of a bare Fact to get the article's date, URL, title and fact id on the
    article side of the conflict.
    """
    origin = fact if isinstance(fact, SourcedFact) else None
    fact = fact.fact if isinstance(fact, SourcedFact) else fact
    if fact.type != "ownership" or fact.modality == "denied":
        return []
    parent = resolve_entity(str(fact.fields.get("parent") or ""), kb)
    child = resolve_entity(str(fact.fields.get("child") or ""), kb)
    if parent is None or child is None:
        return []
    claimed_ids = _namesakes(kb, parent)
    if child.id in claimed_ids:
        return []
    key = fact_key(fact, kb)
    stake = fact.fields.get("stake_pct")
    stake = float(stake) if isinstance(stake, (int, float)) and not isinstance(stake, bool) else None
    kb_parent = kb.parent(child.id)
    claim = (
        f"{parent.name} owns {child.name}"
        if stake is None
        else f"{parent.name} holds {format_figure('ownership', stake)} of {child.name}"
    )
    # The child and its namesake brand/group: "a stake in Volkswagen" is a stake in Volkswagen Group.
    child_family = [e for e in (kb.get(i) for i in sorted(_namesakes(kb, child))) if e is not None]
    linked = next((m for m in child_family if _parent_id(kb, m) in claimed_ids), None)

    if linked is not None:
        if stake is None or linked.stake_pct is None:
            return []
        if settings().voting_pattern.search(fact.evidence.text):
            return []  # voting rights are not the capital share the KB records
        if abs(stake - linked.stake_pct) <= settings().stake_tolerance_points:
            return []
        holder = kb.parent(linked.id)
        message = (
            f"{claim}, but the KB records {format_figure('ownership', linked.stake_pct)}"
            f" held by {holder.name if holder else parent.name}"
        )
        return [_conflict(key, message, fact, origin, stake, kb, linked, linked.stake_pct)]

    if _holding_claim(fact, stake):
        return []  # a holding the KB doesn't list contradicts nothing
    if any(a.id in claimed_ids for m in child_family for a in _control_chain(kb, m)):
        return []
    family_ids = {m.id for m in child_family}
    parent_family = [e for e in (kb.get(i) for i in sorted(claimed_ids)) if e is not None]
    reversed_claim = any(
        _parent_id(kb, m) in family_ids or any(a.id in family_ids for a in _control_chain(kb, m))
        for m in parent_family
    )
    if reversed_claim:
        message = f"{claim}, but the KB has it the other way round: {_describe_link(kb, parent)}"
    else:
        if child.kind in _UNRECORDED_OWNERSHIP:
            return []  # the KB names one owner of a joint venture; the others are not contradicted
        child_root = _control_root(kb, child)
        if child_root.id != child.id and child_root.id == _control_root(kb, parent).id:
            return []  # a holding inside one group the KB records only at group level
        path = _minority_path(kb, parent, child)
        if path:
            message = f"{claim}, but in the KB only through a minority stake: {path}"
        else:
            message = f"{claim}, but {_describe_link(kb, child)}"
            holdings = _holdings(kb, child)
            if holdings:
                message += f"; in the KB: {holdings}"
    kb_value = kb_parent.name if kb_parent is not None else "independent"
    return [_conflict(key, message, fact, origin, parent.name, kb, child, kb_value)]


def _holding_claim(fact: Fact, stake: float | None) -> bool:
    """Whether the fact claims a holding (a stake up to 50 %, or stake language) rather than ownership."""
    if stake is not None:
        return stake <= settings().ownership_claim_threshold
    return settings().holding_pattern.search(fact.evidence.text) is not None


def _parent_id(kb: KnowledgeBase, entity: Entity) -> str | None:
    parent = kb.parent(entity.id)
    return parent.id if parent is not None else None


def _conflict(
    key: str,
    message: str,
    fact: Fact,
    origin: SourcedFact | None,
    claimed: Any,
    kb: KnowledgeBase,
    child: Entity,
    kb_value: Any,
) -> Conflict:
    return Conflict(
        kind="kb",
        key=key,
        fact_type=fact.type,
        message=message,
        sides=[_article_side(fact, origin, claimed), ConflictSide(kb_value, [], _kb_record(kb, child))],
    )

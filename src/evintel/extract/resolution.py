"""Article-level clean-up of extracted facts: duplicates, rounded restatements, self-relations."""

from __future__ import annotations

import re

from evintel.evaluate import normalize_entity
from evintel.extract.facts.partnership import deal_status
from evintel.extract.facts.partnership_phrasings import tidy_scopes
from evintel.extract.facts.plant import without_vague_sites
from evintel.extract.facts.product_plan import merge_restated_plans
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase, normalize_name

_ENTITY_FIELDS = {
    "sales": ("org",),
    "partnership": ("parties",),
    "supply": ("supplier", "customer"),
    "ownership": ("parent", "child"),
    "investment": ("investor", "target"),
    "plant": ("org",),
    "product_plan": ("orgs",),
}


def _key(fact: Fact) -> tuple:
    f = fact.fields
    t = fact.type
    if t == "sales":
        return (t, normalize_entity(str(f.get("org"))), round(float(f.get("quantity") or 0)))
    if t == "partnership":
        return (t, tuple(sorted(normalize_entity(p) for p in f.get("parties") or [])))
    if t == "supply":
        return (t, normalize_name(str(f.get("supplier"))), normalize_name(str(f.get("customer"))))
    if t == "ownership":
        return (t, normalize_name(str(f.get("parent"))), normalize_name(str(f.get("child"))))
    if t == "investment":
        return (t, normalize_name(str(f.get("investor"))), round(float(f.get("amount") or 0)))
    if t == "plant":
        return (t, normalize_name(str(f.get("org"))), normalize_name(str(f.get("location"))))
    if t == "product_plan":
        orgs = tuple(sorted(normalize_name(o) for o in f.get("orgs") or []))
        return (t, orgs, normalize_name(str(f.get("product"))))
    return (t, repr(sorted(f.items())))


def _is_self_relation(fact: Fact) -> bool:
    f = fact.fields
    pairs = {
        "supply": ("supplier", "customer"),
        "ownership": ("parent", "child"),
        "investment": ("investor", "target"),
    }
    if fact.type in pairs:
        a, b = pairs[fact.type]
        return bool(f.get(a)) and normalize_name(str(f.get(a))) == normalize_name(str(f.get(b) or ""))
    if fact.type == "partnership":
        parties = [normalize_name(p) for p in f.get("parties") or []]
        return len(set(parties)) < 2
    return False


_KIND_RANK = {
    "joint_venture": 0,
    "supply_agreement": 1,
    "licensing": 2,
    "joint_development": 3,
    "platform_sharing": 4,
    "alliance": 5,
    "other": 6,
}
_AGREEMENT = re.compile(
    r"\b(?:agreements?|contracts?|deals?|orders?|offtakes?|off-takes?|signed|memorand(?:um|a)|mous?|framework|"
    r"agreed\s+to\s+(?:buy|supply|purchase|take|deliver|source|provide))\b",
    re.I,
)


def _keep_in_output(fact: Fact) -> bool:
    """Denied and cancelled statements are not facts; an ended partnership stays, marked as ended."""
    if fact.modality != "denied":
        return True
    return fact.type == "partnership" and fact.fields.get("status") == "ended"


def _merge_partnership(kept: Fact, other: Fact, inferred: bool = False) -> None:
    """Two sentences on one partnership: keep the most specific kind and the union of scopes (a kind `inferred`
    from a supply sentence replaces only a generic one the article states)."""
    kind, other_kind = kept.fields.get("kind"), other.fields.get("kind")
    more_specific = _KIND_RANK.get(other_kind or "other", 6) < _KIND_RANK.get(kind or "other", 6)
    if (not inferred or kind in _GENERIC_KINDS) and more_specific:
        kept.fields["kind"] = other.fields["kind"]
    scopes = list(kept.fields.get("scope") or [])
    for scope in other.fields.get("scope") or []:
        if scope not in scopes:
            scopes.append(scope)
    kept.fields["scope"] = scopes or None
    if kept.fields.get("status") in (None, "announced", "talks") and other.fields.get("status") == "signed":
        kept.fields["status"] = "signed"
    kept.confidence = max(kept.confidence, other.confidence)


_GENERIC_KINDS = frozenset({"alliance", "other", None})


def _compatible_kinds(a: Fact, b: Fact) -> bool:
    """Two reports of one partnership unless both name different specific kinds (a JV and a supply deal)."""
    kind_a, kind_b = a.fields.get("kind"), b.fields.get("kind")
    return kind_a == kind_b or kind_a in _GENERIC_KINDS or kind_b in _GENERIC_KINDS


def _agreements_behind_supply(facts: list[Fact]) -> list[Fact]:
    """A supply relation stated with an agreement, contract or order is also a supply-agreement partnership."""
    derived = []
    for fact in facts:
        if fact.type != "supply" or fact.modality == "denied" or not _AGREEMENT.search(fact.evidence.text):
            continue
        if _stated_with_both_parties(fact, facts):
            continue
        fields = {
            "parties": [fact.fields["supplier"], fact.fields["customer"]],
            "kind": "supply_agreement",
            "scope": tidy_scopes(items) if (items := fact.fields.get("items")) else None,
            "status": deal_status(fact.evidence.text, fact.modality),
        }
        derived.append(
            Fact("partnership", fields, fact.evidence, fact.confidence * 0.9, fact.modality, fact.article_id)
        )
    return derived


def _stated_with_both_parties(supply: Fact, facts: list[Fact]) -> bool:
    """Whether the supply sentence already states a partnership naming both of its parties (among others: "⟨S⟩
    agreed to supply ⟨C⟩ and its affiliate ⟨D⟩" is one deal of three, not a second one of two)."""
    pair = {supply.fields["supplier"], supply.fields["customer"]}
    return any(
        f.type == "partnership"
        and f.evidence.text == supply.evidence.text
        and len(f.fields.get("parties") or []) > 2
        and pair <= set(f.fields.get("parties") or [])
        for f in facts
    )


# How far up the supply chain a kind of company sits: in a supply deal between two companies the one further
# up supplies the other (a miner a cell maker, a cell maker a carmaker).
_TIER = {
    "raw_materials": 0,
    "recycler": 0,
    "battery_maker": 1,
    "supplier": 1,
    "chipmaker": 1,
    "software": 1,
    "group": 2,
    "automaker": 2,
    "brand": 2,
    "startup": 2,
}


def _supply_behind_agreements(facts: list[Fact], kb: KnowledgeBase) -> list[Fact]:
    """A supply agreement between two companies at different tiers of the supply chain is also a supply
    relation, from the upstream company to the other ("the parties signed an offtake agreement")."""
    derived = []
    for fact in facts:
        parties = fact.fields.get("parties") or []
        if (
            fact.type != "partnership"
            or fact.fields.get("kind") != "supply_agreement"
            or len(parties) != 2
            or fact.modality == "denied"
            or fact.fields.get("status") == "ended"
        ):
            continue
        entities = [kb.resolve(name) for name in parties]
        tiers = [_TIER.get(e.kind, -1) if e is not None else -1 for e in entities]
        if min(tiers) < 0 or tiers[0] == tiers[1]:
            continue
        supplier, customer = parties if tiers[0] < tiers[1] else parties[::-1]
        fields = {"supplier": supplier, "customer": customer, "items": fact.fields.get("scope")}
        derived.append(
            Fact("supply", fields, fact.evidence, fact.confidence * 0.9, fact.modality, fact.article_id)
        )
    return derived


_ROUGHLY = re.compile(r"\b(?:some|about|around|roughly|approximately|nearly|almost|close\s+to)\s+$", re.I)


def _significant_digits(value: float) -> int:
    return len(f"{value:.0f}".rstrip("0")) or 1


def _same_period(a: Fact, b: Fact) -> bool:
    """Whether two figures may cover one period: "90,500 in March 2025, compared to 90,822 in March 2024" do not."""
    first, second = a.fields.get("period"), b.fields.get("period")
    return not (first and second and first != second)


def _same_org(a: Fact, b: Fact) -> bool:
    return normalize_entity(str(a.fields.get("org"))) == normalize_entity(str(b.fields.get("org")))


def _is_restatement(fact: Fact, others: list[Fact]) -> bool:
    """ "sold 12,850 cars … The figure, some 13,000 cars, …": a rounded figure that restates a precise one."""
    if fact.type != "sales":
        return False
    value = float(fact.fields.get("quantity") or 0)
    if value <= 0:
        return False
    for other in others:
        # "a million new-energy vehicles … – 1,000,804 to be exact": within the scorer's tolerance, the precise
        # figure stands for both
        precise = float(other.fields.get("quantity") or 0)
        # The figures are compared first: names are normalised only for the rare pair that is close.
        if (
            other is not fact
            and other.type == "sales"
            and precise != value
            and abs(precise - value) <= 0.005 * max(precise, value)
            and other.fields.get("metric") == fact.fields.get("metric")
            and _same_period(other, fact)
            and _significant_digits(precise) > _significant_digits(value)
            and _same_org(other, fact)
        ):
            return True
    text = fact.evidence.text
    digits = f"{value:,.0f}"
    position = text.find(digits)
    if position < 0 or not _ROUGHLY.search(text[max(0, position - 25) : position]):
        return False
    for other in others:
        if other is fact or other.type != "sales":
            continue
        precise = float(other.fields.get("quantity") or 0)
        same_metric = other.fields.get("metric") == fact.fields.get("metric") and _same_period(other, fact)
        if (
            same_metric
            and precise
            and precise != value
            and abs(precise - value) <= 0.05 * value
            and _same_org(other, fact)
        ):
            return True
    return False


def finalize_facts(facts: list[Fact], kb: KnowledgeBase) -> list[Fact]:
    """Drop denied statements, self-relations and duplicates (keeping the most confident), in first-seen order."""
    facts = [f for f in facts if not _is_restatement(f, facts)]
    best: dict[tuple, Fact] = {}
    order: list[tuple] = []
    derived = _agreements_behind_supply(facts)
    inferred_supply = _supply_behind_agreements(facts, kb)
    if inferred_supply:
        stated = {_key(g) for g in facts}
        facts = facts + [f for f in inferred_supply if _key(f) not in stated]
    derived_ids = {id(fact) for fact in derived}
    for fact in facts + derived:
        if _is_self_relation(fact) or not _keep_in_output(fact):
            continue
        key = _key(fact)
        # an agreement read off a supply sentence is the same deal as a partnership already stated for the pair
        # ("licenses CATL's technology … will source cells from CATL"), not a second one
        distinct = id(fact) not in derived_ids or key not in best
        if fact.type == "partnership" and key in best and distinct and not _compatible_kinds(best[key], fact):
            key = (*key, fact.fields.get("kind"))
        if key not in best:
            best[key] = fact
            order.append(key)
        elif fact.type == "partnership":
            _merge_partnership(best[key], fact, inferred=id(fact) in derived_ids)
        else:
            kept, other = (fact, best[key]) if fact.confidence > best[key].confidence else (best[key], fact)
            best[key] = kept
            # "holds a stake in Nissan … now holds 15% of the Japanese company": one report may lack a detail the
            # other states
            for field, value in other.fields.items():
                if kept.fields.get(field) is None and value is not None:
                    kept.fields[field] = value
    return merge_restated_plans(without_vague_sites([best[k] for k in order]))

"""Scoring of extracted facts against gold facts, following the matching rules of SCHEMA.md."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evintel.errors import EvintelError
from evintel.models import FACT_TYPES

_CORPORATE_WORDS = frozenset(
    "group ag se inc corp corporation co company ltd limited plc motor motors automobile automobiles "
    "automotive holdings holding nv sa spa gmbh llc the technology technologies cars car auto autos "
    "international global".split()
)
_ABBREVIATIONS = {
    "vw": "volkswagen",
    "gm": "general",
    "mercedes": "mercedes benz",
    "benz": "mercedes benz",
    "hmg": "hyundai",
    "lges": "lg energy solution",
    "catl": "contemporary amperex",
    "jlr": "jaguar land rover",
}
ATTRIBUTES = {
    "sales": ("powertrain", "period", "market", "metric"),
    "partnership": ("kind", "scope", "status"),
    "supply": ("items",),
    "ownership": ("stake_pct",),
    "investment": ("currency", "target"),
    "plant": ("products", "status"),
    "product_plan": ("powertrains", "markets", "production_location", "timeframe"),
}


def _ascii_lower(text: Any) -> str:
    return unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_entity(name: str) -> str:
    """The comparison form of an entity name: no case, accents, punctuation or corporate words."""
    words = _NON_ALNUM.sub(" ", _ascii_lower(name)).split()
    kept = [w for w in words if w not in _CORPORATE_WORDS] or words
    joined = " ".join(kept)
    return _ABBREVIATIONS.get(joined, joined)


def _names(value: Any) -> set[str]:
    if value is None:
        return set()
    return {normalize_entity(part) for part in str(value).split("|") if part.strip()}


def _same_entity(gold: Any, pred: Any) -> bool:
    return bool(_names(gold) & _names(pred))


def _same_entity_set(gold: Any, pred: Any) -> bool:
    gold_list, pred_list = list(gold or []), list(pred or [])
    if len(gold_list) != len(pred_list):
        return False
    used: set[int] = set()
    for g in gold_list:
        hit = next((i for i, p in enumerate(pred_list) if i not in used and _same_entity(g, p)), None)
        if hit is None:
            return False
        used.add(hit)
    return True


def _close(a: Any, b: Any, tolerance: float = 0.005) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1e-9)


def _stem(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _words(text: Any) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", _ascii_lower(text)) if len(w) > 1}


def _loosely_same(gold: Any, pred: Any) -> bool:
    for option in str(gold or "").split("|"):
        g, p = _words(option), _words(pred)
        if g and p and len(g & p) / min(len(g), len(p)) >= 0.5:
            return True
    return False


def _overlaps(gold: Any, pred: Any, threshold: float = 0.5) -> bool:
    p = _words(pred)
    for option in str(gold or "").split("|"):
        g = _words(option)
        if g and len(g & p) / len(g) >= threshold:
            return True
    return False


_KEY: dict[str, Callable[[dict, dict], bool]] = {
    "sales": lambda g, p: _same_entity(g.get("org"), p.get("org")) and _close(g.get("quantity"), p.get("quantity")),
    "partnership": lambda g, p: _same_entity_set(g.get("parties"), p.get("parties")),
    "supply": lambda g, p: _same_entity(g.get("supplier"), p.get("supplier"))
    and _same_entity(g.get("customer"), p.get("customer")),
    "ownership": lambda g, p: _same_entity(g.get("parent"), p.get("parent"))
    and _same_entity(g.get("child"), p.get("child")),
    "investment": lambda g, p: _same_entity(g.get("investor"), p.get("investor"))
    and _close(g.get("amount"), p.get("amount")),
    "plant": lambda g, p: _same_entity(g.get("org"), p.get("org")) and _loosely_same(g.get("location"), p.get("location")),
    "product_plan": lambda g, p: _same_entity_set(g.get("orgs"), p.get("orgs"))
    and _overlaps(g.get("product"), p.get("product")),
}


def _plain(value: Any) -> Any:
    return None if value in (None, "", []) else value


def _set_of(value: Any) -> set[str]:
    if value is None:
        return set()
    items = value if isinstance(value, list) else [value]
    return {" ".join(sorted(_words(i))) for i in items if _words(i)}


def attribute_equal(field_name: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted non-key field agrees with gold (lists by coverage, places by word overlap)."""
    gold, pred = _plain(gold), _plain(pred)
    if gold is None or pred is None:
        return gold is None and pred is None
    if field_name == "stake_pct":
        return _close(gold, pred, 0.01)
    if field_name in ("target", "market", "production_location", "location"):
        return _loosely_same(gold, pred) or _same_entity(gold, pred)
    if field_name in ("scope", "items", "products", "markets", "powertrains"):
        g, p = _set_of(gold), _set_of(pred)
        covered = sum(1 for item in g if any(_loosely_same(item, other) for other in p))
        return bool(g) and covered / len(g) >= 0.5
    if field_name == "timeframe":
        return _overlaps(gold, pred, 0.5)
    return str(gold).strip().lower() == str(pred).strip().lower()


@dataclass
class TypeScore:
    """Counts and attribute accuracy of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Scores per fact type, overall micro-average and per-article counts."""

    types: dict[str, TypeScore]
    per_article: dict[str, TypeScore]
    unknown_types: int = 0  # predicted facts whose type is none of the seven

    @property
    def overall(self) -> TypeScore:
        """Micro-averaged counts over all types."""
        total = TypeScore()
        for row in self.types.values():
            total.tp += row.tp
            total.fp += row.fp
            total.fn += row.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        """JSON form, like score.py --json."""
        o = self.overall
        return {
            "types": {
                t: {
                    "precision": r.precision,
                    "recall": r.recall,
                    "f1": r.f1,
                    "tp": r.tp,
                    "fp": r.fp,
                    "fn": r.fn,
                    "attributes": {k: v[0] / v[1] for k, v in r.attributes.items() if v[1]},
                }
                for t, r in self.types.items()
            },
            "overall": {"precision": o.precision, "recall": o.recall, "f1": o.f1, "tp": o.tp, "fp": o.fp, "fn": o.fn},
            "unknown_types": self.unknown_types,
        }

    def table(self, by_article: bool = False) -> str:
        """The text table score.py prints."""
        lines = [f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}  attribute accuracy"]
        for fact_type, row in self.types.items():
            if not row.tp + row.fp + row.fn:
                lines.append(f"{fact_type:<14}{'-':>7}{'-':>7}{'-':>7}{0:>6}{0:>6}{0:>6}")
                continue
            attrs = " ".join(f"{k}={v[0] / v[1]:.2f}" for k, v in row.attributes.items() if v[1])
            lines.append(
                f"{fact_type:<14}{row.precision:>7.3f}{row.recall:>7.3f}{row.f1:>7.3f}"
                f"{row.tp:>6}{row.fp:>6}{row.fn:>6}  {attrs}"
            )
        if by_article:
            for article_id, c in self.per_article.items():
                lines.append(f"  {article_id}: tp={c.tp} fp={c.fp} fn={c.fn}")
        if self.unknown_types:
            lines.append(f"facts with an unknown type: {self.unknown_types}")
        o = self.overall
        lines.append(
            f"overall: P={o.precision:.3f} R={o.recall:.3f} F1={o.f1:.3f} (tp={o.tp} fp={o.fp} fn={o.fn})"
        )
        return "\n".join(lines)


def load_facts(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Facts by article id from a JSON-lines file ({article_id, facts} lines or one fact per line)."""
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise EvintelError(f"{path}:{number}: not valid JSON ({error})") from error
            if "facts" in row:
                by_article[str(row.get("article_id"))].extend(row["facts"] or [])
            else:
                by_article[str(row.get("article_id"))].append(row)
    return by_article


def score_facts(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> Score:
    """Match predictions to gold per article and type (a required gold fact is matched first)."""
    types = {t: TypeScore() for t in FACT_TYPES}
    per_article: dict[str, TypeScore] = {}
    unknown = 0
    for article_id in sorted(gold):
        unknown += sum(1 for p in pred.get(article_id, []) if p.get("type") not in FACT_TYPES)
        counts = TypeScore()
        for fact_type in FACT_TYPES:
            golds = [g for g in gold[article_id] if g.get("type") == fact_type]
            preds = [p for p in pred.get(article_id, []) if p.get("type") == fact_type]
            matched: set[int] = set()
            order = sorted(range(len(golds)), key=lambda i: bool(golds[i].get("optional")))
            for p in preds:
                hit = next((i for i in order if i not in matched and _KEY[fact_type](golds[i], p)), None)
                if hit is None:
                    types[fact_type].fp += 1
                    counts.fp += 1
                    continue
                matched.add(hit)
                if golds[hit].get("optional"):
                    continue
                types[fact_type].tp += 1
                counts.tp += 1
                for name in ATTRIBUTES[fact_type]:
                    if name in golds[hit]:
                        cell = types[fact_type].attributes[name]
                        cell[1] += 1
                        cell[0] += attribute_equal(name, golds[hit].get(name), p.get(name))
            for i, g in enumerate(golds):
                if i not in matched and not g.get("optional"):
                    types[fact_type].fn += 1
                    counts.fn += 1
        per_article[article_id] = counts
    return Score(types, per_article, unknown)


def evaluate(gold_path: str | Path, pred_path: str | Path) -> Score:
    """Score a predictions file against a gold file."""
    return score_facts(load_facts(gold_path), load_facts(pred_path))

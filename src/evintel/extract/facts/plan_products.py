"""What a product plan is about when the phrase read first only counts or qualifies the products.

"will jointly develop a total of 5 vehicle models including an electric commercial van" plans the van;
"4 models, namely compact car, compact pickup truck and compact SUV" plans the three named;
"versions of the Renault 5 and the Renault 4 will go on sale" plans versions of the two models named.
A date ("on the 7th"), a part of a model ("the battery cells of B10") or a driver-assistance system
("its assisted driving system HSD") is no product at all, while a list of
model names ("the Dolphin Surf and Atto 2") is one.
"""

from __future__ import annotations

import re

from evintel.extract.context import Discourse, SentenceView
from evintel.resolve.kb import KnowledgeBase, normalize_name

# "5 vehicle models", "a total of 5 models", "several new models", "4 models": a count, not a product.
_COUNTED = re.compile(
    r"(?:(?:a\s+)?total\s+of\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|various)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:models|vehicles|cars|vans|trucks|suvs|products|variants)",
    re.IGNORECASE,
)
# ", namely compact car, …", " including an electric commercial van", " such as the EV5"
_NAMED_AFTER = re.compile(
    r"\s*,?\s*(?:\([^()]*\)\s*)?(?:for\s+the\s+[^,;]{1,60}?\s+markets?\s*,?\s*)?"
    r"(?:namely|including|such\s+as|among\s+them|among\s+which|i\.e\.)\s+(?:an?\s+|the\s+)?",
    re.IGNORECASE,
)
_NAMED_END = re.compile(
    r",\s+(?:and|it|which|who|while|but|with|according)\b|\s+for\s+the\b|,?\s+(?:in|from|by|starting)\s+20\d\d|[;:.()]|$"
)
_VERSIONS = re.compile(r"(?:[\w-]+\s+)?(?:versions|variants|editions|derivatives)$", re.IGNORECASE)
_OF_MODELS = re.compile(
    r"\s+of\s+(?P<np>(?:the\s+)?[A-Z0-9][^,;:()]{0,80}?)(?=\s*,|\s+(?:will|is|are|was|were|shall)\b|[;:.]|$)"
)
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)", re.IGNORECASE)
_PART_OF_MODEL = re.compile(
    r"(?:battery\s+)?(?:cells|batteries|battery\s+packs|packs|modules|motors|engines|parts|components|chips|seats|tyres|tires)"
    r"\s+(?:of|for)\s+(?:the\s+)?[A-Z0-9][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*)?",
    re.IGNORECASE,
)


# "its urban assisted driving system HSD", "a new generation of driver assistance solutions": a supplier's
# system is equipped on vehicles, it is not a vehicle launched (unless the phrase names the models).
_DRIVING_SYSTEM = re.compile(
    r"\b(?:driv(?:ing|er)|assistance|adas|autonomous|self-driving|autopilot|parking|cockpit|infotainment)\s+"
    r"(?:assistance\s+)?(?:systems?|solutions?|software|stacks?|suites?|functions?|features?)\b",
    re.IGNORECASE,
)
_VEHICLE_WORD = re.compile(
    r"\b(?:models?|vehicles?|cars?|SUVs?|sedans?|trucks?|vans?|pickups?|buses|scooters?|motorcycles?)\b", re.IGNORECASE
)


def is_driving_system(product: str) -> bool:
    """True if the phrase names a driver-assistance or software system rather than vehicles."""
    return bool(_DRIVING_SYSTEM.search(product)) and not _VEHICLE_WORD.search(product)


def refined_product(text: str, product: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The product (and its span) a plan is about, or None when the phrase read is no product."""
    if _ORDINAL.fullmatch(product.strip()) or _PART_OF_MODEL.fullmatch(product.strip()):
        return None
    if is_driving_system(product):
        return None
    if _COUNTED.fullmatch(product.strip()):
        named = _NAMED_AFTER.match(text, end)
        if named:
            stop = _NAMED_END.search(text, named.end())
            np_end = stop.start() if stop else len(text)
            if np_end > named.end():
                return text[named.end() : np_end].strip(), named.end(), np_end
        return product, start, end
    if _VERSIONS.search(product):
        models = _OF_MODELS.match(text, end)
        if models:
            return f"{product}{text[end : models.end('np')]}", start, models.end("np")
    return product, start, end


_MODEL_NAME = re.compile(r"[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*){0,3}")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+(?:the\s+)?")


def is_model_list(product: str) -> bool:
    """True for two or more model names in a list ("Dolphin Surf and Atto 2", "EX30, EX40 and EX90")."""
    parts = _LIST_SEPARATOR.split(product.strip())
    return len(parts) > 1 and all(_MODEL_NAME.fullmatch(part) for part in parts)


def maker_of_named_brand(
    view: SentenceView, discourse: Discourse, kb: KnowledgeBase, orgs: list[str], span: tuple[int, int]
) -> list[str]:
    """The plan's companies, with a brand that is only part of the product's name ("the pickup Poer") replaced
    by its group when the sentence or the article is about that group ("…, said the president of GWM")."""
    if len(orgs) != 1:
        return orgs
    named = [o for o in view.orgs if span[0] <= o.start and o.end <= span[1] and o.name == orgs[0]]
    entity = kb.resolve(orgs[0]) if named else None
    if entity is None or entity.kind != "brand" or not entity.parent:
        return orgs
    parent = kb.resolve(entity.parent)
    if parent is None:
        return orgs
    around = {normalize_name(o.name) for o in view.orgs if not (span[0] <= o.start and o.end <= span[1])}
    if discourse.topic is not None:
        around.add(normalize_name(discourse.topic.name))
    return [parent.name] if normalize_name(parent.name) in around else orgs

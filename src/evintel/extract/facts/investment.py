"""Investment facts: who puts how much money (equity, funding, loans, grants, capex) into whom or what."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.context import (
    Discourse,
    OrgRef,
    SentenceView,
    apposition_head,
    clause_bounds,
    subject_candidates,
    subject_is_anaphoric,
)
from evintel.extract.cues import may_match
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for
from evintel.extract.money import Money
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_LED_BY = re.compile(r"\b(?:led|co-led|headed|anchored)\s+by\s+(?:the\s+|its\s+)?$", re.I)
# "… a €50 million investment from ⟨I⟩", "… in funding from the state-owned ⟨I⟩": who the money comes from.
_MONEY_FROM = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:investment|investments|funding|financing|loan|loans|grant|grants|injection|capital|"
    r"backing|subsidy|subsidies|support|aid|equity)\s+from\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)
_TARGET_PHRASE = re.compile(
    r"^\s*(?:(?:in|over|across)\s+(?:total|all|cash|the\s+period|\w+\s+years?)\s+)?(?:\(\s*[^)]*\)\s*)?(?:[\w-]+\s+){0,4}?"
    r"(?:in|into|on|for|to|towards|toward|at)\s+(?P<np>(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[^,.;()]{3,70})",
    re.I,
)
_NP_STOP = re.compile(
    r"\s+(?:through|via|by|as|which|that|who|over|with|from|after|before|since|and\s+(?:has|have|will|is|are)|to\s+(?:build|fund|develop|expand|help|finance|support|make|produce|create|boost))\b.*$",
    re.I,
)


_NOUN_OF = re.compile(
    r"\b(?:investment|investments|funding|financing|loan|grant|subsidy|aid|capital\s+injection|stake\s+purchase|"
    r"commitment|spending|outlay|capex)\s+(?:worth\s+|totalling\s+|totaling\s+)?(?:of\s+)?(?:about\s+|around\s+|"
    r"roughly\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
_LENT_TO = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:loan|loans|grant|grants|credit|financing|investment)\s+(?:to|for|in)\b", re.I
)
_BOUGHT_FOR = re.compile(
    r"\b(?:bought|buys|buy|buying|acquired|acquires|acquire|acquiring|acquisition|purchased|purchases|purchase|"
    r"took\s+over|takes\s+over|take\s+over|takeover)\b[^.;]*?\bfor\s+(?:about\s+|around\s+|roughly\s+|some\s+|"
    r"nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
_RELATIVE_SUBJECT = re.compile(
    r",\s*(?:(?:the|a|an)\s+[^,]{1,60},\s*)?(?:which|who)\s+(?:also\s+|has\s+|had\s+|will\s+|would\s+|now\s+|then\s+)*$",
    re.I,
)
# "completed C-round financing of 4.5 billion yuan, led by ⟨I⟩": a noun, not the investor's verb.
_NOMINAL_FUNDING = frozenset({"funding", "financing", "fund", "finance", "funds"})
_NOT_TARGET = re.compile(
    r"^(?:\d|total|all|cash|june|july|august|september|october|november|december|january|february|march|april|may|"
    r"the\s+(?:period|year|coming|next|past)|(?:this|next|last)\s+year|years?\b|new\s+financing\s+to)",
    re.I,
)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, re.Pattern[str]]:
    lex = load_lexicon("investment")
    return {
        "verb": phrase_pattern(lex["investor_verbs"]),
        "noun": phrase_pattern(lex["investment_nouns"]),
        "raise": phrase_pattern(lex["raise_verbs"]),
        "not": phrase_pattern(lex["not_investment"]),
    }


def extract_investments(view: SentenceView, discourse: Discourse, kb: KnowledgeBase) -> list[Fact]:
    """Investment facts stated in one sentence."""
    if not view.money:
        return []
    lex = _lexicon()
    text = view.text
    facts: list[Fact] = []
    previous_end = -10
    for money in view.money:
        # "EUR 75 million ($82 million)": the second currency restates the first.
        if re.fullmatch(
            r"\s*\(\s*(?:or\s+|about\s+|around\s+|roughly\s+)?", text[previous_end : money.start]
        ):
            previous_end = money.end
            continue
        previous_end = money.end
        clause_start, clause_end = clause_bounds(text, money.start)
        before = text[clause_start : money.start]
        after = text[money.end : min(clause_end, money.end + 60)]
        if may_match(lex["not"], view) and (lex["not"].search(before[-40:]) or lex["not"].search(after[:25])):
            continue
        verb = _last(lex["verb"], before)
        noun = (
            lex["noun"].match(after.lstrip(" -")) or lex["noun"].search(after[:30]) or _NOUN_OF.search(before)
        )
        raised = _last(lex["raise"], before)
        if raised and _LENT_TO.match(after):
            raised = None  # "closed a $9.6 billion loan to ⟨X⟩": the subject is the lender
        if not verb and _BOUGHT_FOR.search(before):
            verb = _BOUGHT_FOR.search(before)
        if not (verb or noun or raised):
            continue
        investor, target = _parties(view, money, clause_start, clause_end, verb, raised, discourse)
        if investor is None:
            continue
        if target is None:
            target = _target_phrase(after)
        fields = {
            "investor": investor.name,
            "amount": _as_number(money.amount),
            "currency": money.currency,
            "target": target,
        }
        modality = view.modality.value
        base = 0.8 if investor.via != "coref" else 0.7
        facts.append(Fact("investment", fields, view.evidence(), confidence_for(modality, base), modality))
    return facts


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _parties(
    view: SentenceView,
    money: Money,
    clause_start: int,
    clause_end: int,
    verb: re.Match[str] | None,
    raised: re.Match[str] | None,
    discourse: Discourse,
) -> tuple[OrgRef | None, str | None]:
    """(investor, target name) around an amount."""
    orgs = [o for o in view.orgs if not o.plural] or [o for o in view.orgs]
    before = [o for o in orgs if o.end <= money.start]
    after = [o for o in orgs if o.start >= money.end and o.start <= clause_end + 80]
    led_by = [o for o in after if _LED_BY.search(view.text[: o.start])]
    from_cue = may_match(_MONEY_FROM, view)
    lender = [o for o in after if from_cue and _MONEY_FROM.match(view.text[money.end : o.start])]
    target_after = next((o for o in after if o.start - money.end < 70), None)
    nominal = verb is not None and verb.group(0).lower() in _NOMINAL_FUNDING
    if raised and (not verb or nominal or raised.start() > verb.start()):
        # "⟨T⟩ raised $640 million in a round led by ⟨I⟩": the investor is the lead.
        raiser = before[-1] if before else discourse.topic
        if led_by:
            return led_by[0], raiser.name if raiser else None
        if lender and raiser is not None and lender[0].name != raiser.name:
            return lender[0], raiser.name  # "⟨T⟩ received a €50 million investment from ⟨I⟩"
        return None, None
    verb_start = verb.start() + clause_start if verb else money.start
    relative = [
        o for o in before if o.end <= verb_start and _RELATIVE_SUBJECT.search(view.text[o.end : verb_start])
    ]
    subjects = subject_candidates(view, verb_start, clause_start) or subject_candidates(view, verb_start)
    investor: OrgRef | None
    if relative:
        # "⟨X⟩, the family's investment vehicle, which injected £120 million": X, not the family in the aside
        investor = apposition_head(view, relative[-1])
    elif subjects:
        investor = subjects[-1]
        if len(subjects) > 1 and re.fullmatch(
            r"\s*(?:and|&)\s*", view.text[subjects[-2].end : subjects[-1].start]
        ):
            investor = subjects[-2]  # "⟨A⟩ and ⟨B⟩ will invest …": the first-named partner
    elif subject_is_anaphoric(view.text[clause_start:verb_start]) or subject_is_anaphoric(view.text):
        investor = discourse.topic
    else:
        investor = None
    if investor is None:
        return None, None
    dative = [o for o in orgs if verb_start < o.start and o.end <= money.start and o.name != investor.name]
    if dative:
        return investor, dative[-1].name  # "agreed to lend the company €90 million"
    target = target_after.name if target_after and target_after.name != investor.name else None
    return investor, target


def _target_phrase(after: str) -> str | None:
    match = _TARGET_PHRASE.match(after)
    if not match:
        return None
    phrase = _NP_STOP.sub("", match.group("np")).strip()
    phrase = re.sub(r"^(?:the|a|an|its|their)\s+", "", phrase, flags=re.I)
    if not phrase or _NOT_TARGET.match(phrase):
        return None
    return phrase


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value

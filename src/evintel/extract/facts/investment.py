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
from evintel.extract.facts.investment_purchases import nominal_purchase, passive_funding
from evintel.extract.facts.plant import find_sites, plant_noun_pattern
from evintel.extract.lexicon import load_lexicon, phrase_pattern
from evintel.extract.modality import confidence_for
from evintel.extract.money import Money
from evintel.extract.template import build_template
from evintel.models import Fact
from evintel.resolve.kb import KnowledgeBase

_INVESTMENT_BY = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:investment|investments|funding|loan|grant|commitment|injection|capital\s+injection)\s+"
    r"(?:by|from)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)
_VENTURE_WITH = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:joint\s+)?venture\s+with\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I
)
_VENTURE_WITH_BEFORE = re.compile(r"\bventure\s*,?\s+with\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I)
_LED_BY = re.compile(r"\b(?:led|co-led|headed|anchored)\s+by\s+(?:the\s+|its\s+)?$", re.I)
# "… a €50 million investment from ⟨I⟩", "… in funding from the state-owned ⟨I⟩": who the money comes from.
_MONEY_FROM = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:[\w-]+\s+){0,3}?(?:investment|investments|funding|financing|loan|loans|grant|grants|injection|capital|"
    r"backing|subsidy|subsidies|support|aid|equity)\s+|(?:last|this|in)\s+(?:year|month|week|\d{4}|[A-Z][a-z]+)\s+)?"
    r"from\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}?$",
    re.I,
)
_TARGET_PHRASE = re.compile(
    r"^\s*(?:(?:in|over|across)\s+(?:total|all|cash|the\s+period|\w+\s+years?)\s+)?(?:\(\s*[^)]*\)\s*)?(?:[\w-]+\s+){0,4}?"
    r"(?:in|into|on|for|to|towards|toward|at)\s+(?P<np>(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[^,.;()]{3,70})",
    re.I,
)
_NP_STOP = re.compile(
    r"\s+(?:through|via|by|as|which|that|who|over|with|from|after|before|since|between\s+\d{4}|until\s+\d{4}|and\s+(?:has|have|will|is|are)|to\s+(?:build|fund|develop|expand|help|finance|support|make|produce|create|boost))\b.*$",
    re.I,
)


_NOUN_OF = re.compile(
    r"\b(?:investment|investments|funding|financing|loan|grant|subsidy|aid|capital\s+injection|stake\s+purchase|"
    r"commitment|spending|outlay|capex)\s+(?:(?:plan|plans|programme|program|package)\s+)?(?:worth\s+|totalling\s+|totaling\s+)?"
    r"(?:of\s+)?(?:about\s+|around\s+|"
    r"roughly\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
_LENT_TO = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:loan|loans|grant|grants|credit|financing|investment)\s+(?:to|for|in)\b", re.I
)
_BOUGHT_FOR = re.compile(
    r"\b(?:bought|buys|buy|buying|acquired|acquires|acquire|acquiring|acquisition|purchased|purchases|purchase|"
    r"took\s+over|takes\s+over|take\s+over|takeover|(?:took|takes|take|taking)\s+(?:an?\s+|the\s+)?(?:[\w%.-]+\s+){0,3}?stake|"
    r"subscribed|subscribes)\b[^;]*?\b(?:for|(?:at|for)\s+a\s+(?:total\s+)?consideration\s+of)\s+(?:about\s+|around\s+|roughly\s+|some\s+|"
    r"nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
_RELATIVE_SUBJECT = re.compile(
    r"\)?\s*,\s*(?:(?:the|a|an)\s+[^,]{1,60},\s*)?(?:which|who)\s+(?:also\s+|has\s+|had\s+|will\s+|would\s+|now\s+|then\s+)*$",
    re.I,
)
# "completed C-round financing of 4.5 billion yuan, led by ⟨I⟩": a noun, not the investor's verb.
_ROUND_NAMED_AFTER = re.compile(
    r"\s*(?:capital\s+(?:increase|raise)|(?:equity\s+)?(?:funding|financing|investment)\s+round"
    r"|series\s+[a-f]\d?\s+(?:funding\s+|financing\s+)?round|fund-?raising|fundraise)\b",
    re.I,
)
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
    org_names = {n for o in view.orgs for n in o.names}
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
        site_cost = _site_cost(view, money, after, discourse, kb)
        if site_cost is not None:
            facts.append(site_cost)
            continue
        if _not_investment(lex["not"], before, after, may_match(lex["not"], view)):
            continue
        # The phrases before and after the amount are sentence text: the sentence's cues hold for them.
        verb = _last(lex["verb"], before) if may_match(lex["verb"], view) else None
        nouns = may_match(lex["noun"], view)
        noun = (
            lex["noun"].match(after.lstrip(" -")) or lex["noun"].search(after[:30]) if nouns else None
        ) or _cued_search(_NOUN_OF, view, before)
        raised = _last(lex["raise"], before) if may_match(lex["raise"], view) else None
        if raised is None and verb is None:
            # "announces a €304 million capital increase, led by ⟨I⟩": the round itself names the raise
            raised = _ROUND_NAMED_AFTER.match(after)
        if raised and _LENT_TO.match(after):
            raised = None  # "closed a $9.6 billion loan to ⟨X⟩": the subject is the lender
        bought = _cued_search(_BOUGHT_FOR, view, before)
        if bought and (not verb or verb.start() > bought.start()):
            # "agreed to acquire ⟨T⟩, the recycler it helped fund, for about $40 million": the price of the purchase
            verb = bought
        # "… now around €48 million into a new line invests" (translated order): the verb closes the clause
        final = verb is None and not raised and _VERB_FINAL.match(after) is not None
        capex = _stated_capex(before, after)
        sale = (
            _sale_buyer(view, money, clause_start)
            or nominal_purchase(view, money)
            or passive_funding(view, money)
            or _round_lead(view, money, clause_start, clause_end, discourse)
            or _amount_owner(view, money)
        )
        if not (verb or noun or raised or capex or sale or final):
            continue
        investor, target = sale or _parties(view, money, clause_start, clause_end, verb, raised, discourse)
        # "⟨Olinia⟩ will receive an investment of …": the receiver is no site of the focus, which is then not the investor
        receiver_not_site = raised is not None and not _RECEIVING_SITE.search(text[: money.start])
        fallback = (
            investor is None and capex and not receiver_not_site and not subject_candidates(view, money.start, clause_start)
        )
        if fallback:
            # "Total investment is expected to be around $3.2 billion": no investor named, so the company in focus
            investor = _site_owner(view, money) or _focus(discourse)
            target = _site_target(view, discourse, money, anaphoric=True)
        if investor is None or investor.plural:
            continue
        if target is None:
            target = _round_raiser(view, investor.name)  # "⟨T⟩ raised €304 million … ⟨I⟩ is contributing €100 million"
        if target is None:
            # "has invested $1 billion in ⟨T⟩ … and has committed up to $5 billion in total": the same investor's target
            target = next(
                (f.fields["target"] for f in reversed(facts) if f.fields["investor"] == investor.name and f.fields["target"] in org_names),
                None,
            )
        if target is None:
            adjacent = _MONEY_SITE.match(after)  # "a $4.3 billion cell plant"
            target = adjacent.group("np").lower() if adjacent else _target_phrase(after)
            if target is not None and _STAKE_PHRASE.search(target):
                # "in return for a 15 percent stake", "for the remaining shares": a stake in the company in focus
                ranked = sorted(discourse.counts, key=lambda n: (-discourse.counts[n], discourse.first_seen[n]))
                target = next((n for n in ranked if n != investor.name), None)
            if target is None or _SITE_WORDS.search(target):
                site = _site_target(view, discourse, money, anaphoric=target is not None)
                # "a plant for LFP cells" (the place is elsewhere in the sentence) becomes "Marshall plant";
                # "its new plant in Debrecen" says it already
                if site and (target is None or site.split()[0] not in target):
                    target = site
        fields = {
            "investor": investor.name,
            "amount": _as_number(money.amount),
            "currency": money.currency,
            "target": target,
        }
        if verb is not None and _HANDS_OUT.match(verb.group(0)):
            view.notes["granter"] = investor.name
        modality = view.modality.value
        base = 0.5 if fallback else 0.8 if investor.via != "coref" else 0.7
        facts.append(Fact("investment", fields, view.evidence(), confidence_for(modality, base), modality))
    return facts


# A site that is the subject of its cost: "The plant will cost about EUR 260 million", "The $7.6 billion plant, …".
_SITE_NOUN = r"(?:plant|factory|gigafactory|facility|project|site|complex|works)"
_COSTS = re.compile(
    rf"^\W*(?:the|this|its|their|(?P<owner>⟨\d+⟩)\s*(?:'s|’s|'))\s+(?P<np>(?:[\w-]+\s+){{0,3}}?{_SITE_NOUN})\s+"
    # "The plant will make LFP cells … and is expected to cost": a second predicate of the same site
    r"(?:(?:will|would|is|has|shall)\s+[^⟦;]{0,100}?\s+and\s+)?"
    r"(?:will\s+|would\s+|is\s+to\s+|is\s+expected\s+to\s+|is\s+estimated\s+to\s+|is\s+projected\s+to\s+|is\s+slated\s+to\s+|"
    r"is\s+set\s+to\s+)?(?:cost|costs|require|requires|need|needs)\s+(?:an\s+estimated\s+|about\s+|around\s+|roughly\s+|"
    r"some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
# "The total investment of the project is EUR 1.2 billion", "The investment in the plant amounts to …"
_SITE_INVESTMENT_IS = re.compile(
    rf"^\W*(?:the\s+)?(?:total\s+|planned\s+|overall\s+|whole\s+)?investment\s+(?:of|in|for)\s+(?:the|this|its|their)\s+"
    rf"(?P<np>(?:[\w-]+\s+){{0,3}}?{_SITE_NOUN})\s+(?:is|was|will\s+be|amounts\s+to|totals|reaches|comes\s+to)\s+"
    r"(?:an\s+estimated\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)
_NOT_SITE_OWNERS = frozenset({"government", "investor"})
_FUNDER_KINDS = frozenset({"investor", "government"})
_OPENS_SITE = re.compile(r"^\W*(?:the|this|its|their)\s+$", re.I)
_SITE_AFTER = re.compile(rf"^(?:\s*-)?\s+(?:[a-z][\w-]*\s+){{0,2}}?{_SITE_NOUN}\b")


def _site_cost(view: SentenceView, money: Money, after: str, discourse: Discourse, kb: KnowledgeBase) -> Fact | None:
    """The cost of a site whose owner the sentence does not name: an investment of the company in focus."""
    before = view.text[: money.start]
    template = build_template(view)
    slot = template.text.find(f"⟦M{view.money.index(money)}⟧")
    costs = (_COSTS.match(template.text[:slot]) or _SITE_INVESTMENT_IS.match(template.text[:slot])) if slot >= 0 else None
    if not (costs or (_OPENS_SITE.match(before) and _SITE_AFTER.match(after))):
        return None
    owner = discourse.topic
    known = kb.resolve(owner.name) if owner is not None else None
    if known is not None and known.kind in _FUNDER_KINDS:
        owner = _focus(discourse)  # the lender just named does not own the plant whose cost follows
    if costs and costs.groupdict().get("owner"):
        owner = template.org(costs.group("owner").strip("⟨⟩"))  # "⟨CATL⟩'s Hungarian plant will cost …"
    elif subject_candidates(view, money.start):
        return None
    if owner is None or owner.plural:
        return None
    known = kb.resolve(owner.name)
    if known is not None and known.kind in _NOT_SITE_OWNERS:
        return None  # a government or fund in focus funds a site, it does not build it
    target = _site_target(view, discourse, money, anaphoric=True)
    adjacent = _MONEY_SITE.match(after)
    fields = {
        "investor": owner.name,
        "amount": _as_number(money.amount),
        "currency": money.currency,
        "target": target or (adjacent.group("np").lower() if adjacent else None) or (costs and costs.group("np")),
    }
    modality = view.modality.value
    return Fact("investment", fields, view.evidence(), confidence_for(modality, 0.6), modality)


# An amount stated as what a project costs or takes without naming who pays: "the total investment is
# about …", "built with an investment value of …", "which receives investments of …", "… was put in".
_CAPEX_BEFORE = re.compile(
    r"\b(?:investment|investments|capex|capital\s+expenditure|capital\s+spending|outlay)(?:\s+(?:value|volume|sum|amount))?"
    r"(?:\s+(?:for|in|of|on|into)\s+(?:the\s+|this\s+|its\s+|a\s+)?[\w\s-]{1,40}?)?\s+(?:(?:is|was|will\s+be|would\s+be|"
    r"has\s+been|is\s+expected\s+to\s+be|is\s+set\s+to\s+be|is\s+planned\s+at|amounts?\s+to|amounted\s+to|totals?|"
    r"totalled|totaled|reaches|reached|stands\s+at|does\s+not\s+exceed|will\s+not\s+exceed|exceeds|exceeded|comes\s+to|"
    r"runs\s+to)\s+|of\s+)(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+|"
    r"over\s+|approximately\s+|an\s+estimated\s+)?$"
    r"|\b(?:which|that)\s+(?:has\s+|had\s+|will\s+|would\s+)?(?:cost|required|absorbed)\s+(?:about\s+|around\s+|roughly\s+|"
    r"some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
_CAPEX_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|is\s+being|are\s+being|is\s+to\s+be|"
    r"would\s+be)\s+(?:invested|put\s+in|put\s+into|spent|poured|injected|allocated|earmarked|ploughed|pumped|committed)\b",
    re.I,
)


# "… will come from a $4.3 billion joint venture with ⟨X⟩": an amount that sizes a site or venture.
_SIZED_SITE = re.compile(
    r"^(?:\s*-)?\s+(?:[a-z][\w-]*\s+){0,2}?(?:joint\s+venture|plant|factory|gigafactory|facility|complex|project)\b", re.I
)


def _stated_capex(before: str, after: str) -> bool:
    """Whether the amount is stated as the cost of a project or as money put in, with no payer in the phrase."""
    return bool(_CAPEX_BEFORE.search(before[-90:]) or _CAPEX_AFTER.match(after) or _SIZED_SITE.match(after))


# "a funding round with a value of", "an investment worth": the value words name the amount of the money itself.
_FUNDS_VALUED = re.compile(
    r"\b(?:investment|investments|funding|round|financing|loan|loans|grant|grants|injection|capital\s+increase)\s+"
    r"(?:with\s+|of\s+)?(?:a\s+|an\s+|the\s+|total\s+)*(?:value\s+of|worth|valued\s+at)\s+(?:about\s+|around\s+|"
    r"roughly\s+|some\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$",
    re.I,
)


# "people familiar with the plans put the initial budget at": someone else's estimate
_PUT_AT = re.compile(r"\bput(?:s|ting)?\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?at\s+(?:about\s+|around\s+|"
                     r"roughly\s+|some\s+|nearly\s+|more\s+than\s+|up\s+to\s+|over\s+|\W)*$", re.I)


def _not_investment(pattern: re.Pattern[str], before: str, after: str, cued: bool = True) -> bool:
    """Whether words next to the amount make it a price, result or valuation rather than money invested
    (`cued`: whether the sentence has the pattern's cue words at all, see cues.py)."""
    if (cued and pattern.search(after[:25])) or _PUT_AT.search(before[-60:]):
        return True
    window = before[-40:]
    window = window[window.rfind(",") + 1 :]  # "⟨X⟩, leader of the Brazilian market, confirmed investments of": an aside
    hit = pattern.search(window) if cued else None
    return hit is not None and not _FUNDS_VALUED.search(before)


_VERB_FINAL = re.compile(
    r"^\s+(?:in|into)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[^⟨⟩,.;]{3,60}?\s+(?:invests|invested|will\s+invest|"
    r"wants\s+to\s+invest|plans\s+to\s+invest|is\s+investing|to\s+invest)\s*(?:[.;]|$)",
    re.I,
)
_OWNED_SITE = re.compile(
    r"\b(?:plant|factory|gigafactory|facility|site|works|base|project)\s+of\s+(?:the\s+)?⟨(?P<of>\d+)⟩"
    r"|⟨(?P<pos>\d+)⟩\s*(?:'s|’s|')\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|gigafactory|facility|site|works|base|project)\b",
    re.I,
)


# "⟨Hyundai⟩'s $21 billion U.S. investment plan", "its planned C$15 billion supply chain project"
_OWNER_BEFORE_AMOUNT = re.compile(r"⟨(\d+)⟩\s*(?:'s|’s|')?\s+(?:planned\s+|proposed\s+|new\s+|latest\s+|announced\s+)?$")
_INVESTED_THING_AFTER = re.compile(
    r"^\s*(?:\([^)]{0,40}\)\s*)?(?P<np>(?:[\w.-]+\s+){0,6}?(?:investment|investments|project|plan|program|programme|"
    r"plant|factory|gigafactory|facility|expansion|spending|capex|investment\s+plan))\b",
    re.I,
)
# "⟨Hyundai Motor⟩'s Ulsan EV factory, into which 2 trillion won is invested"
_INTO_WHICH = re.compile(r"⟨(\d+)⟩\s*(?:'s|’s|')?\s+(?P<np>[^⟨⟩,;]{3,60}?)\s*,?\s+(?:into|in)\s+which\s+(?:a\s+total\s+of\s+|some\s+|about\s+)?$")
_IS_INVESTED = re.compile(r"^\s+(?:is|was|has\s+been|have\s+been|will\s+be|are|were)\s+(?:being\s+)?invested\b", re.I)


def _amount_owner(view: SentenceView, money: Money) -> tuple[OrgRef, str | None] | None:
    """(investor, target) when the amount is a company's own: "⟨X⟩'s $21 billion U.S. investment plan",
    "its planned 15 billion Canadian dollar project", "⟨X⟩'s Ulsan factory, into which 2 trillion won is invested"."""
    template = build_template(view, pronouns=True)
    slot = template.text.find(f"⟦M{view.money.index(money)}⟧")
    if slot < 0:
        return None
    before, after = template.text[:slot], template.text[slot + len(f"⟦M{view.money.index(money)}⟧") :]
    owner = _OWNER_BEFORE_AMOUNT.search(before)
    thing = _INVESTED_THING_AFTER.match(after) if owner else None
    if owner and thing:
        investor = template.org(owner.group(1))
        return (investor, thing.group("np").strip()) if not investor.plural else None
    into = _INTO_WHICH.search(before)
    if into and _IS_INVESTED.match(after):
        investor = template.org(into.group(1))
        return (investor, into.group("np").strip()) if not investor.plural else None
    return None


def _site_owner(view: SentenceView, money: Money) -> OrgRef | None:
    """The company whose site the sentence names before the amount: "the factory of ⟨X⟩", "⟨X⟩'s plant"."""
    template = build_template(view)
    slot = template.text.find(f"⟦M{view.money.index(money)}⟧")
    owners = [m for m in _OWNED_SITE.finditer(template.text[: max(slot, 0)])]
    if not owners:
        return None
    owner = template.org(owners[-1].group("of") or owners[-1].group("pos"))
    return None if owner.plural else owner


def _focus(discourse: Discourse) -> OrgRef | None:
    """The company the article is mostly about, else the one in focus."""
    main = discourse.main_entity()
    if main:
        return OrgRef(0, 0, main, (main,), "discourse")
    return discourse.topic


_NOUN_LIKE_VERBS = frozenset({"loan", "loans", "grant", "grants", "award", "awards", "offer", "commitment", "backing"})
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|this|that)\s+(?:[\w-]+\s+)?$", re.I)
_GIVER_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
_RECEIVES = re.compile(r"^(?:receive|receives|received|obtain|obtains|obtained|get|gets|got|won|wins)$", re.I)
# Verbs by which a public body or fund hands money out to several recipients.
_HANDS_OUT = re.compile(r"^(?:distribut|award|grant|allocat|earmark|disburs)", re.I)


def _recent_granter(view: SentenceView) -> str | None:
    """The body that handed out money in this or one of the three previous sentences."""
    current: SentenceView | None = view
    for _ in range(4):
        if current is None:
            break
        granter = current.notes.get("granter")
        if isinstance(granter, str):
            return granter
        current = current.previous
    return None


def _round_raiser(view: SentenceView, investor: str) -> str | None:
    """The company that raised money in this or one of the two previous sentences, other than the investor."""
    current: SentenceView | None = view
    for _ in range(3):
        if current is None:
            break
        raiser = current.notes.get("raiser")
        if isinstance(raiser, str) and raiser != investor:
            return raiser
        current = current.previous
    return None


def _cued_search(pattern: re.Pattern[str], view: SentenceView, text: str) -> re.Match[str] | None:
    """pattern.search(text) over a stretch of the sentence, skipped when the sentence lacks the pattern's cues."""
    return pattern.search(text) if may_match(pattern, view) else None


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
    led_by = [o for o in after if _cued_search(_LED_BY, view, view.text[: o.start])]
    from_cue = may_match(_MONEY_FROM, view)
    lender = [o for o in after if from_cue and _MONEY_FROM.match(view.text[money.end : o.start])]
    # "⟨T⟩ will receive from the Italian state €100 million": the giver named between the verb and the amount
    lender += [o for o in before if raised and raised.end() + clause_start <= o.start and _GIVER_BEFORE.search(view.text[: o.start])
               and re.fullmatch(r"[\s,]*(?:[\w-]+\s+){0,4}", view.text[o.end : money.start])]
    target_after = next((o for o in after if o.start - money.end < 70), None)
    nominal = verb is not None and (
        verb.group(0).lower() in _NOMINAL_FUNDING
        or (
            verb.group(0).lower() in _NOUN_LIKE_VERBS
            and _ARTICLE_BEFORE.search(view.text[clause_start : clause_start + verb.start()]) is not None  # "a loan of"
        )
    )
    if raised and (not verb or nominal or raised.start() > verb.start()):
        # "⟨T⟩ raised $640 million in a round led by ⟨I⟩": the investor is the lead.
        receivers = [o for o in before if o not in lender]
        raiser = receivers[-1] if receivers else discourse.topic
        if raiser is not None:
            view.notes["raiser"] = raiser.name  # later contributions to the round go to it
        if led_by:
            return led_by[0], raiser.name if raiser else None
        if lender and raiser is not None and lender[0].name != raiser.name:
            return lender[0], raiser.name  # "⟨T⟩ received a €50 million investment from ⟨I⟩"
        granter = _recent_granter(view)
        if granter and raiser is not None and granter != raiser.name and _RECEIVES.search(raised.group(0)):
            # "The ministry distributes €134 million … Ford will receive €37.6 million": the grant is the ministry's
            return OrgRef(0, 0, granter, (granter,), "discourse"), raiser.name
        return None, None
    by = [o for o in after if _INVESTMENT_BY.match(view.text[money.end : o.start])]
    if verb is None and not by and not subject_candidates(view, money.start, clause_start):
        partner = [o for o in after if _VENTURE_WITH.match(view.text[money.end : o.start])] or [
            o for o in before if _VENTURE_WITH_BEFORE.search(view.text[max(0, o.start - 60) : o.start])
        ]
        if partner:
            # "a $4.3 billion joint venture with ⟨B⟩", "A second joint venture, with ⟨B⟩ …, represents an
            # investment of $5 billion": the named partner invests in it
            return partner[0], "joint venture"
    if verb is None and by:
        # "the project, a $3 billion investment by ⟨I⟩": the investor follows the noun
        target_before = [o for o in before if o.name != by[0].name]
        return by[0], (target_before[-1].name if target_before else None)
    verb_start = verb.start() + clause_start if verb else money.start
    embedded = _embedded_buyer(view, orgs, verb, verb_start)
    if embedded is not None:
        return embedded
    relative = [
        o for o in before if o.end <= verb_start and _RELATIVE_SUBJECT.search(view.text[o.end : verb_start])
    ]
    subjects = subject_candidates(view, verb_start, clause_start) or subject_candidates(view, verb_start)
    investor: OrgRef | None
    if verb is not None and _public_body_subject(view, verb_start):
        return None, None  # "…, and the government granted €298 million": not the company named earlier
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
        investor = _adjacent_subject(view, orgs, verb, verb_start, money)
    if investor is None:
        return None, None
    dative = [o for o in orgs if verb_start < o.start and o.end <= money.start and o.name != investor.name]
    # "acquire ⟨GM⟩'s stake in ⟨the venture⟩": the seller of a stake is not what is bought
    dative = [o for o in dative if not _SELLER.match(view.text[o.end :])]
    if dative:
        # "agreed to lend the company €90 million"; "acquire ⟨T⟩, which ⟨X⟩ financed, for …": the object bought
        purchase = verb is not None and _BOUGHT_FOR.match(verb.group(0)) is not None
        return investor, (dative[0] if purchase else dative[-1]).name
    target = target_after.name if target_after and target_after.name != investor.name else None
    return investor, target


# A public body named by a common noun as the subject of the verb ("…, and the Government granted …").
_PUBLIC_BODY_SUBJECT = re.compile(
    r"(?:^|[,;]\s*|\b(?:and|while|whereas|but|said|says|that)\s+)(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:government|state|ministry|"
    r"authorities|administration|region|province|municipality|commission|treasury)\s+"
    r"(?:(?:has|have|had|will|would|also|already|then|now|is|was)\s+)*$",
    re.I,
)


def _public_body_subject(view: SentenceView, verb_start: int) -> bool:
    """Whether the verb's subject is a public body told by a common noun, not an organisation mention."""
    if not may_match(_PUBLIC_BODY_SUBJECT, view):
        return False
    found = _PUBLIC_BODY_SUBJECT.search(view.text[:verb_start])
    return found is not None and not any(o.end > found.start() and o.start < verb_start for o in view.orgs)


_STAKE_PHRASE = re.compile(r"^(?:return\s+for\s+)?(?:an?\s+|the\s+)?(?:[\w.%-]+\s+){0,3}?(?:stake|shares|holding)$", re.I)


_LEADS_ROUND = re.compile(
    r"⟨(?P<lead>\d+)⟩\s+(?:has\s+|have\s+|also\s+)?(?:led|co-led|leads|co-leads|headed|heads|anchored|anchors|spearheaded)\s+"
    r"(?:an?\s+|the\s+)?(?:⟨(?P<target>\d+)⟩\s*(?:'s|’s|')\s+)?(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_ROUND_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:round|funding|financing|raise|investment)\b(?:\s+(?:in|into|for)\s+(?:the\s+)?⟨(?P<target>\d+)⟩)?",
    re.I,
)
_ROUND_LED_BY = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:round|funding|financing|raise|investment)?\s*(?:was|is|has\s+been|will\s+be|were)\s+"
    r"(?:led|co-led|headed|anchored|spearheaded)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?⟨(?P<lead>\d+)⟩",
    re.I,
)
_ROUND_BEFORE = re.compile(
    r"(?:(?:⟨(?P<target>\d+)⟩\s*(?:'s|’s|')\s+)|\b(?:the|a|an|this|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:round|funding|financing|raise|investment)\s+of\s+(?:about\s+|around\s+|some\s+|up\s+to\s+)?)$",
    re.I,
)


def _round_lead(
    view: SentenceView, money: Money, clause_start: int, clause_end: int, discourse: Discourse
) -> tuple[OrgRef, str | None] | None:
    """(lead investor, company) of a round told from the lead's side: "⟨I⟩ led ⟨T⟩'s $128 million round",
    "⟨I⟩ led a $200 million round in ⟨T⟩", "⟨T⟩'s $85 million round was led by ⟨I⟩"."""
    template = build_template(view)
    slot = template.text.find(f"⟦M{view.money.index(money)}⟧")
    if slot < 0:
        return None
    head, tail = template.text[:slot], template.text[slot + len(f"⟦M{view.money.index(money)}⟧") :]
    leads = _LEADS_ROUND.search(head)
    after = _ROUND_AFTER.match(tail)
    if leads and after:
        lead = template.org(leads.group("lead"))
        target_slot = leads.group("target") or after.group("target")
        target = template.org(target_slot).name if target_slot else None
        return (lead, target) if not lead.plural and target != lead.name else None
    led_by = _ROUND_LED_BY.match(tail)
    before = _ROUND_BEFORE.search(head)
    if led_by and before:
        lead = template.org(led_by.group("lead"))
        raiser = template.org(before.group("target")) if before.group("target") else discourse.topic
        if lead.plural or (raiser is not None and raiser.name == lead.name):
            return None
        return lead, (raiser.name if raiser else None)
    return None


_SOLD_TO = re.compile(
    r"\b(?:sold|sells|sell|selling|sale|sales|divested|divests|divest|divestment|offloaded|offloads|offload)\b"
    r"(?P<object>[^;]*?)\bto\s+(?:the\s+)?$",
    re.I,
)
_SOLD_HOLDING = re.compile(
    r"\b(?:stake|stakes|shares|holding|holdings|interest|business|businesses|unit|division|subsidiary|arm|operations|"
    r"brand|assets|company|venture)\b",
    re.I,
)
_FOR_PRICE = re.compile(
    r"\bfor\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+)?$", re.I
)


def _sale_buyer(view: SentenceView, money: Money, clause_start: int) -> tuple[OrgRef, str | None] | None:
    """(buyer, what was sold) of "⟨S⟩ sold its stake in ⟨T⟩ to ⟨B⟩, a …, for $X": the price is the buyer's money."""
    if not _FOR_PRICE.search(view.text[clause_start : money.start]):
        return None
    for org in view.orgs:
        if org.plural or org.start < clause_start or org.end > money.start:
            continue
        sold = _SOLD_TO.search(view.text[clause_start : org.start])
        if sold is None:
            continue
        object_start = clause_start + sold.start("object")
        bought = [o for o in view.orgs if object_start <= o.start and o.end <= org.start and o.name != org.name]
        if not (bought or _SOLD_HOLDING.search(sold.group("object"))):
            return None  # "sold 100,000 cars to ⟨B⟩ for $2 billion" is a supply deal
        return org, (bought[-1].name if bought else None)
    return None


_JUST_BEFORE_VERB = re.compile(r"^\s+(?:(?:had|has|have|already|originally|first|later|then|once)\s+)*$", re.I)


def _embedded_buyer(
    view: SentenceView, orgs: list[OrgRef], verb: re.Match[str] | None, verb_start: int
) -> tuple[OrgRef, str] | None:
    """(buyer, bought) of a purchase told in an aside: "⟨T⟩, the British maker ⟨I⟩ bought in 2020 for …",
    "⟨T⟩, which ⟨I⟩ acquired for …": the company right before the verb buys the head of the aside."""
    if verb is None or not _BOUGHT_FOR.match(verb.group(0)):
        return None
    buyer = next((o for o in orgs if o.end <= verb_start and _JUST_BEFORE_VERB.match(view.text[o.end : verb_start])), None)
    if buyer is None:
        return None
    heads = [o for o in orgs if o.end <= buyer.start and o.name != buyer.name]
    if not heads or not view.text[heads[-1].end : buyer.start].lstrip().startswith(","):
        return None
    return buyer, heads[-1].name


_BEFORE_VERB_GAP = re.compile(
    r"^\s+(?:(?:will|would|has|have|had|also|now|already|still|plans\s+to|wants\s+to|is\s+to|is\s+set\s+to|"
    r"intends\s+to|aims\s+to|is\s+going\s+to)\s+)*$",
    re.I,
)
_INVERTED_VERB = re.compile(r"^(?:invests|invested|will\s+invest|is\s+investing|spends|injects|pumps|puts)$", re.I)


def _adjacent_subject(
    view: SentenceView, orgs: list[OrgRef], verb: re.Match[str] | None, verb_start: int, money: Money
) -> OrgRef | None:
    """A subject no clause analysis found: the company right before the verb inside a relative clause
    ("the plant, in which ⟨X⟩ invests …"), or right after it in translated verb-second order ("In the new
    factory invests ⟨X⟩ €2 billion")."""
    if verb is None:
        return None
    before = next((o for o in orgs if o.end <= verb_start and _BEFORE_VERB_GAP.match(view.text[o.end : verb_start])), None)
    if before is not None:
        return before
    verb_end = verb_start + len(verb.group(0))
    if not _INVERTED_VERB.match(verb.group(0)):
        return None
    return next(
        (o for o in orgs if verb_end <= o.start and o.end <= money.start and not view.text[verb_end : o.start].strip()
         and re.fullmatch(r"\s*(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|up\s+to\s+)?", view.text[o.end : money.start])),
        None,
    )


_SELLER = re.compile(r"^(?:'s|’s|')\s+(?:[\w%.-]+\s+){0,3}?(?:stake|stakes|shares|holding|holdings|interest)\b", re.I)


def _target_phrase(after: str) -> str | None:
    match = _TARGET_PHRASE.match(after)
    if not match:
        return None
    phrase = _NP_STOP.sub("", match.group("np")).strip()
    phrase = re.sub(r"^(?:the|a|an|its|their)\s+", "", phrase, flags=re.I)
    if not phrase or _NOT_TARGET.match(phrase):
        return None
    return phrase


_MONEY_SITE = re.compile(
    r"^(?:\s*-)?\s+(?P<np>(?:(?!(?:in|into|on|for|to|of|at|a|an|the|its|their|new|and|or|as|with)\s)[a-z][\w-]*\s+){0,3}?(?:plant|factory|gigafactory|facility|complex|hub|campus|works))\b"
)
# A target phrase that is, or is about, a production site ("the project", "a plant for LFP cells").
_RECEIVING_SITE = re.compile(
    r"\b(?:plant|plants|factory|factories|facility|facilities|gigafactory|works|complex|site)\b[^.;]{0,40}?"
    r"\b(?:which\s+|that\s+|will\s+|to\s+|is\s+to\s+)?(?:receives?|received|receiving|gets?|got|obtains?)\b",
    re.I,
)
_SITE_WORDS = re.compile(
    r"\b(?:project|site|plant|plants|factory|factories|facility|facilities|gigafactory|works|complex|"
    r"installations?|premises)\b",
    re.I,
)


def _site_target(view: SentenceView, discourse: Discourse, money: Money, anaphoric: bool) -> str | None:
    """The production site an amount is for, as "<place> <site noun>": the site this sentence names nearest
    to the amount; for "the project" / "the site" also the site one of the previous three sentences named."""
    label = _nearest_site(view, money.start, discourse)
    if label is None and anaphoric:
        previous = view.previous
        for _ in range(3):
            if previous is None:
                break
            label = _nearest_site(previous, len(previous.text))
            if label:
                break
            previous = previous.previous
    return label


def _nearest_site(view: SentenceView, position: int, discourse: Discourse | None = None) -> str | None:
    nouns = plant_noun_pattern()
    # the plant rule reads this sentence later with the same discourse, and the sites are cached on the view
    sites = [s for s in find_sites(view, discourse) if nouns.fullmatch(view.text[s.cue_start : s.cue_end])]
    if not sites:
        return None
    site = min(sites, key=lambda s: abs(s.cue_start - position))
    place = re.split(r",|\s+(?:in|near|at|of)\s+", site.place.text)[0]
    noun = view.text[site.cue_start : site.cue_end].lower()
    modifiers = _site_modifiers(view.text[: site.cue_start])
    if place in modifiers:
        return " ".join((modifiers, noun))  # "the Shendra cell factory"
    return " ".join(w for w in (place, modifiers, noun) if w)


# Words before a site noun that say what it makes ("a module and pack assembly factory"), up to a determiner.
_SITE_MODIFIERS = re.compile(r"(?:^|[\s(])((?:[\w-]+\s+){0,5}?)$")
_MODIFIER_STOP = frozenset(
    {"a", "an", "the", "its", "their", "his", "her", "this", "that", "new", "first", "second", "third", "much",
     "larger", "largest", "planned", "existing", "own", "future", "in", "at", "of", "for", "to", "on", "with",
     "build", "builds", "building", "built", "open", "opens", "opened", "is", "was", "will", "has", "and",
     "million", "billion", "trillion", "bn", "crore", "lakh", "euros", "euro", "dollars", "dollar", "yuan", "yen", "won",
     "pounds", "rupees", "reais", "kronor", "kroner", "francs", "pesos", "baht", "ringgit", "rupiah", "lira", "zloty",
     "forint", "koruna", "rand", "dong", "riyals", "dirhams"}
)


def _site_modifiers(before: str) -> str:
    words = before.split()
    kept: list[str] = []
    for word in reversed(words[-5:]):
        if word.lower() in _MODIFIER_STOP and not (word.lower() == "and" and kept):
            break
        if not re.fullmatch(r"[A-Za-z][\w-]*", word):
            break
        kept.insert(0, word)
    while kept and kept[0].lower() == "and":
        kept.pop(0)
    return " ".join(kept)


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value

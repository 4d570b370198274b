"""How news states a supply relation: the phrasings read by the supply rule, as regexes over sentence templates,
with the cheap cue and gate checks that run before each."""

from __future__ import annotations

import re
from functools import lru_cache

from evintel.extract.template import ORG, ORG_LIST, gate

_GAP = r"[^⟨⟩.;]{0,50}?"
_ITEMS = r"(?P<items>[^⟨⟩.;]{3,140}?)"
_SUPPLY_VERB = (
    r"(?:supply|supplies|supplied|supplying|provide|provides|provided|providing|deliver|delivers|delivered|"
    r"delivering|ship|ships|shipped|furnish|furnishes)"
)
_SOURCE_VERB = (
    r"(?:source|sources|sourced|sourcing|buy|buys|bought|buying|purchase|purchases|purchased|procure|procures|"
    r"procured|get|gets|got|obtain|obtains|obtained|use|uses|used|using|relies\s+on|rely\s+on|"
    r"receive|receives|received|order|orders|ordered|secure|secures|secured|take|takes|took|taking)"
)
# Customers listed after "to": "to Renault and to Geely but also to Nissan", "to the truck maker ⟨MAN⟩".
_CUSTOMERS = (
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+|\s+but\s+also\s+|\s+as\s+well\s+as\s+|\s+or\s+)"
    r"(?:also\s+)?(?:to\s+)?(?:the\s+)?(?:⟨\d+⟩\s+(?=(?:own\s+)?(?:affiliate|subsidiary|unit|sister|brand|partner)))?"
    r"(?:[\w-]+\s+){0,3}?⟨\d+⟩)*"
)
# "supplies Chinese carmaker ⟨C⟩ with …": a short description of the customer before its name
_CUSTOMER_DESCRIPTOR = (
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:carmakers?|automakers?|car\s+makers?|manufacturers?|makers?|OEMs?|"
    r"start-?ups?|brands?|companies|company|groups?|firms?|rivals?|customers?|partners?)\s+)?"
)
_SUPPLIERS = r"⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+|\s+as\s+well\s+as\s+)(?:by\s+|from\s+)?⟨\d+⟩)*"
_FIT_VERB = (
    r"(?:adopts?|adopted|adopting|fits?|fitted|fitting|will\s+fit|equips?|equipped|installs?|installed|integrates?|"
    r"integrated|deploys?|deployed|chose|chosen|selects?|selected|picked|tapped|relies\s+on|rely\s+on|uses?|used|using|"
    r"will\s+use|runs?\s+on|run\s+on|will\s+run\s+on)"
)
# Items that may name a brand as part of a model ("the Vela ⟨Mini⟩-E city car", "the ⟨Honda⟩ Prologue SUV").
_MODEL_ITEMS = r"(?P<items>(?:[^⟨⟩.;]|⟨\d+⟩(?=-|\s+[A-Z0-9][\w-]*\s+[a-z]|\s+[A-Z0-9][\w-]*$|\s+[a-z]+\s)){3,140}?)"
_MAKE_VERB = r"(?:builds|build|will\s+build|makes|make|produces|produce|assembles|assemble|manufactures|manufacture|builds\s+and\s+sells)"


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The supply phrasings by name, in the order they are tried."""
    flags = re.IGNORECASE
    return [
        # ⟨S⟩ will supply high-voltage batteries, e-axles and software to ⟨C⟩
        (
            "supply_to",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b{_SUPPLY_VERB}\s+{_ITEMS}\s+(?:also\s+)?(?:to|for)\s+(?P<cust>{_CUSTOMERS})",
                flags,
            ),
        ),
        # ⟨S⟩ will deliver e-axles for the next generation of small cars of ⟨C⟩
        (
            "supply_for_models_of",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b{_SUPPLY_VERB}\s+{_ITEMS}\s+for\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,8}}?(?:models?|cars?|vehicles?|generation|platforms?|vans?|trucks?|SUVs?|EVs?|(?-i:[A-Z][\w.-]*))\s+(?:of|from|by)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # Under the larger contract, ⟨C⟩ will buy 18,000 tonnes of nickel sulphate (the supplier is in focus)
        (
            "under_contract_buys",
            re.compile(
                rf"^\W*(?:under|as\s+part\s+of|through|with)\s+(?:the|this|that|a|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:contract|agreement|deal|order)\s*,\s*(?P<cust>{ORG})\s+(?:will|would|is\s+to|shall|has\s+agreed\s+to|agreed\s+to|is\s+set\s+to)\s+(?:buy|purchase|take|receive|source|get)\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|over|until|starting|and)\b)",
                flags,
            ),
        ),
        # ⟨S⟩ sold 10,000 electric cars to ⟨C⟩ (fleet deals)
        (
            "sell_to",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:sold|sells|sell|will\s+sell|is\s+selling|leases|leased)\s+{_ITEMS}\s+to\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # cells from ⟨S⟩ will be supplied to ⟨C⟩
        (
            "from_to",
            re.compile(
                rf"{_ITEMS}\s+from\s+(?P<sup>{ORG})\s+(?:will\s+be|would\s+be|are|were|is|was|are\s+to\s+be|to\s+be)\s+(?:supplied|delivered|sold|shipped|provided)\s+to\s+(?P<cust>{_CUSTOMERS})",
                flags,
            ),
        ),
        # battery packs for ⟨C⟩ models are supplied by ⟨S⟩ and by ⟨T⟩
        (
            "for_by",
            re.compile(
                rf"{_ITEMS}\s+for\s+(?:the\s+)?(?P<cust>{ORG})[^⟨⟩.;,]{{0,30}}?\s+(?:are|is|will\s+be|were|was|would\s+be)\s+(?:supplied|made|produced|built|provided|delivered|sourced|manufactured)\s+(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # The battery cells for the CLA supplies the Chinese manufacturer ⟨S⟩ (translated object-first order)
        (
            "object_first",
            re.compile(
                rf"^(?:the\s+)?{_ITEMS}\s+for\s+(?:the\s+)?[^⟨⟩.;,]{{1,30}}?\s+(?:supplies|supply|delivers|provides)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ adopts the Journey 6 chip of ⟨S⟩ ; ⟨C⟩ will fit lidar sensors from ⟨S⟩
        (
            "fit_from",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b{_FIT_VERB}\s+(?!(?:as\s+standard\s+)?(?:on|in|into|onto|across|to)\s)"
                rf"{_ITEMS}\s+(?:of|from|by|made\s+by|supplied\s+by|developed\s+by)\s+(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # ⟨S⟩'s lidar is fitted as standard on ⟨C⟩'s models ; ⟨S⟩'s chip will be installed in the new ⟨C⟩ SUV
        (
            "possessive_fitted_on",
            re.compile(
                rf"(?P<sup>{ORG})\s*(?:'s|’s|')\s+{_ITEMS}\s+(?:is|are|was|were|will\s+be|would\s+be|has\s+been|have\s+been)\s+"
                rf"(?:(?:already|now|also|first|initially|to\s+be)\s+)?(?:(?:standard|standardly|serially|exclusively)\s+)?"
                rf"(?:equipped|fitted|installed|mounted|integrated|deployed|used)\s+(?:as\s+standard\s+)?(?:on|in|into|to|across)\s+"
                rf"(?:the\s+|all\s+|every\s+)?(?:[\w-]+\s+){{0,5}}?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨S⟩ counts ⟨A⟩, ⟨B⟩ and ⟨C⟩ among its customers (for its software)
        (
            "counts_among",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\bcounts?\s+(?P<cust>{ORG_LIST})\s+(?:among|as)\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+)?(?:customers|clients|buyers)(?:\s+(?:for|of)\s+(?:its\s+|their\s+)?{_ITEMS}(?=[,.;]|$))?",
                flags,
            ),
        ),
        # ⟨C⟩, one of ⟨S⟩'s main customers
        (
            "one_of_customers",
            re.compile(
                rf"(?P<cust>{ORG})[^⟨⟩.;]{{0,50}}?\bone\s+of\s+(?P<sup>{ORG})\s*(?:'s|’s|')?\s+(?:[\w-]+\s+){{0,2}}?(?:customers|clients|buyers)",
                flags,
            ),
        ),
        # ⟨S⟩'s largest customer, ⟨C⟩, ... ; ⟨S⟩'s first customer for sample cells was ⟨C⟩
        (
            "possessive_customer",
            re.compile(
                rf"(?P<sup>{ORG})\s*(?:'s|’s|')?\s+(?:[\w-]+\s+){{0,2}}?(?:customer|client|buyer)(?:\s+for\s+{_ITEMS})?\s*(?:,\s*(?:the\s+)?(?:[\w-]+\s+){{0,3}}?|\s+(?:is|was|will\s+be|remains|became)\s+)(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨A⟩ signed an agreement with ⟨B⟩ under which ⟨A⟩ will supply cells
        (
            "under_which",
            re.compile(
                rf"(?:(?P<a>{ORG})(?:\s+and\s+(?P<b2>{ORG}))?{_GAP}\b)?(?:agreement|deal|contract|pact|memorandum\s+of\s+understanding|mou)(?:(?:\s+(?:has|have|had|was|were|is|been|being|signed|concluded|reached|struck|inked|agreed)){{0,3}}\s+with\s+(?P<b>{ORG}))?[^⟨⟩.;]{{0,40}}?\b(?:under\s+which|whereby|which\s+will\s+see)\s+(?P<who>{ORG})?\s*(?:will|would|is\s+to|shall)\s+{_SUPPLY_VERB}\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|to|from|in|under|starting|until)\b)",
                flags,
            ),
        ),
        # ⟨S⟩ will supply ⟨C⟩ with cells
        (
            "supply_with",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b{_SUPPLY_VERB}\s+(?:both\s+)?{_CUSTOMER_DESCRIPTOR}(?P<cust>{ORG_LIST})\s+with\s+{_ITEMS}(?=[,.;]|$|\s+(?:from|under|for|in|starting|until)\b)",
                flags,
            ),
        ),
        # The battery cells for the CLA supplies ⟨S⟩ (translated word order); cells will come from ⟨S⟩
        (
            "come_from",
            re.compile(
                rf"{_ITEMS}\s+(?:will\s+|would\s+|are\s+to\s+|is\s+to\s+)?(?:come|comes|came|coming|be\s+sourced|are\s+sourced|is\s+sourced|be\s+supplied|are\s+supplied|is\s+supplied|was\s+supplied|were\s+supplied|be\s+provided|are\s+provided|is\s+provided|be\s+made|are\s+made|is\s+made)\s+(?:from|by)\s+(?:(?:a|an|the)\s+)?[^⟨⟩.;]{{0,40}}?(?P<sup>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨C⟩ sources/uses cells from ⟨S⟩ ; ⟨C⟩ signed a deal to buy cells from ⟨S⟩
        (
            "source_from",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b{_SOURCE_VERB}\s+{_ITEMS}\s+(?:from|made\s+by|supplied\s+by|produced\s+by|built\s+by|developed\s+by)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨S⟩ won an order from ⟨C⟩ to supply e-axles
        # ⟨C⟩ signed a contract with ⟨S⟩ ... to source e-axles and inverters
        (
            "contract_to_source",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:contract|agreement|deal|pact)\s+with\s+(?P<sup>{ORG})[^⟨⟩.;]{{0,80}}?\bto\s+(?:source|buy|purchase|procure|obtain)\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|under|starting|until|in)\b)",
                flags,
            ),
        ),
        (
            "won_order",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:won|wins|secured|secures|landed|lands|received|receives|bagged|obtained|obtains|been\s+awarded|was\s+awarded|were\s+awarded|is\s+awarded)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:order|orders|contract|contracts|deal|nomination|nominations|designated\s+project|designated\s+projects|designation|fixed\s+point|fixed-point\s+project)\s+(?:from|with|by|of)\s+(?:the\s+)?(?P<cust>{ORG})(?:[^⟨⟩.;]{{0,20}}?\b(?:to\s+supply|to\s+provide|to\s+deliver|for)\s+{_ITEMS}(?=[,.;]|$))?",
                flags,
            ),
        ),
        # ⟨S⟩ builds the Honda Prologue for ⟨C⟩ (contract manufacturing)
        (
            "builds_for",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b{_MAKE_VERB}\s+(?:the\s+)?{_MODEL_ITEMS}\s+for\s+(?:its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨S⟩, the sole supplier of cells for ⟨C⟩
        (
            "supplier_of",
            re.compile(
                rf"(?P<sup>{ORG})\s*,?\s*(?:which\s+is\s+|is\s+|was\s+|will\s+be\s+|becomes\s+|became\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?(?:supplier|provider|maker)\s+of\s+{_ITEMS}\s+(?:to|for)\s+(?P<cust>{ORG_LIST})",
                flags,
            ),
        ),
        # ⟨C⟩ ... supply agreement with ⟨S⟩ ... for cells
        # ⟨S⟩ has received from ⟨C⟩ a large order for radar sensors (translated order)
        (
            "received_order_from",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:won|wins|secured|secures|landed|lands|received|receives|bagged|got|gets)\s+from\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<cust>{ORG})(?:\s+(?:group|company|carmaker|automaker))?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:order|orders|contract|contracts)(?:\s+(?:for|to\s+supply|to\s+deliver)\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|in|worth|starting|until)\b))?",
                flags,
            ),
        ),
        # ⟨C⟩ already buys ⟨S⟩'s Drive Orin-X chips ; ⟨S⟩'s Drive Orin-X chips, which ⟨C⟩ already buys
        (
            "buys_possessive",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:buy|buys|bought|buying|purchase|purchases|purchased|source|sources|sourced|procure|procures|procured|orders|ordered|use|uses|will\s+use|used|adopts?|adopted|fits?|fitted|will\s+fit)\s+(?:(?:[\w,.-]+\s+){{1,3}}?of\s+)?(?P<sup>{ORG})\s*(?:'s|’s|')\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|in|under|starting|until|since)\b)",
                flags,
            ),
        ),
        (
            "possessive_which_buys",
            re.compile(
                rf"(?P<sup>{ORG})\s*(?:'s|’s|')\s+{_ITEMS}\s*,\s*which\s+(?P<cust>{ORG})\s+(?:already\s+|also\s+|now\s+|currently\s+)?(?:buys|bought|uses|used|sources|sourced|purchases|purchased|fits|fitted|has\s+(?:bought|used|sourced))\b",
                flags,
            ),
        ),
        # ⟨S⟩ will develop and produce a sulfide electrolyte and supply it to ⟨C⟩
        (
            "make_and_supply",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:develops?|developed|produces?|produced|makes?|made|builds?|built|manufactures?|manufactured)(?:\s+and\s+(?:\w+\s+)?\w+)?\s+{_ITEMS}\s+and\s+(?:will\s+|would\s+)?{_SUPPLY_VERB}\s+(?:it|them)\s+(?:also\s+)?to\s+(?P<cust>{_CUSTOMERS})",
                flags,
            ),
        ),
        # ⟨C⟩ agreed to buy the entire lithium carbonate output of ⟨S⟩'s planned plant
        (
            "output_of",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:buy|buys|bought|purchase|purchases|purchased|take|takes|took|secure|secured|secures)\s+(?:the\s+)?(?:entire\s+|whole\s+|full\s+|total\s+)?(?:all\s+(?:of\s+)?(?:the\s+)?)?{_ITEMS}\s+(?:output|production|supply|supplies)\s+(?:of|from)\s+(?P<sup>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ buys electric motors from ⟨S1⟩ and battery cells from ⟨S2⟩: the second pair
        (
            "and_from",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b{_SOURCE_VERB}\s+[^⟨⟩.;]{{3,140}}?\s+from\s+(?:[\w-]+\s+){{0,3}}?⟨\d+⟩\s*,?\s+and\s+{_ITEMS}\s+from\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{ORG})",
                flags,
            ),
        ),
        (
            "agreement_with",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:supply|sourcing|offtake|off-take|purchase|procurement)\s+(?:agreement|deal|contract|pact)\s+with\s+(?P<sup>{ORG})(?:[^⟨⟩.;]{{0,60}}?\bfor\s+{_ITEMS}(?=[,.;]|$|\s+(?:from|for|under|starting|until|in)\b))?",
                flags,
            ),
        ),        # From 2027 ⟨S⟩ supplies to ⟨C⟩ the battery which it produces (translated object-last order)
        (
            "supply_to_object",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b{_SUPPLY_VERB}\s+(?:also\s+)?to\s+(?:the\s+)?(?P<cust>{ORG})\s+"
                rf"(?!(?:from|in|by|on|at|for|starting|until|under|and|as|since|with|through|over|between|which|that|"
                rf"who|will|would|is|are|was|were|has|have|had|said|says)\b){_ITEMS}"
                rf"(?=[,.;]|$|\s+(?:which|that|from|under|for|starting|until|in|at)\b)",
                flags,
            ),
        ),
        # ⟨C⟩'s battery supplier is ⟨S⟩ ; the battery suppliers are ⟨S⟩ and ⟨T⟩ (the customer is the topic)
        (
            "supplier_is",
            re.compile(
                rf"(?:(?P<cust>{ORG})\s*(?:'s|’s|')?\s+|\b(?:the|its|their)\s+)(?:main\s+|sole\s+|only\s+|new\s+)?"
                rf"(?P<items>[\w-]+(?:\s+[\w-]+)?)\s+(?:suppliers?|providers?)\s+(?:is|are|will\s+be|was|were)\s+"
                rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # ⟨C⟩, ⟨D⟩ and ⟨E⟩ all use ⟨S⟩ batteries ; ⟨C⟩'s new models use ⟨S⟩ cells (the maker's name as a modifier)
        (
            "uses_maker_items",
            re.compile(
                rf"(?P<cust>{ORG_LIST}){_GAP}\b(?:all\s+|also\s+|will\s+)?(?:use|uses|used|using|adopt|adopts|adopted|fit|fits|"
                rf"fitted\s+with|run\s+on|runs\s+on)\s+(?P<sup>{ORG})(?:\s*\(\s*⟨\d+⟩\s*\))?\s+(?P<items>(?:[\w-]+\s+){{0,2}}?(?:batter(?:y|ies)|cells?|"
                rf"chips?|motors?|packs?|e-axles?|inverters?|semiconductors?))\b",
                flags,
            ),
        ),
        # "the Pro versions are equipped with ⟨S⟩ Kirin batteries" (no customer in the clause: the article's company)
        (
            "versions_fitted_with_maker_items",
            re.compile(
                rf"(?:^|[,;]\s*(?:and\s+|while\s+|but\s+|whereas\s+)?)(?![^⟨⟩.;,]{{0,60}}?\b(?:rivals?|competitors?|competing|others?)\b)"
                rf"[^⟨⟩.;,]{{0,60}}?\b(?:is|are|will\s+be|come|comes)\s+"
                rf"(?:equipped|fitted)\s+with\s+(?:the\s+)?(?P<sup>{ORG})\s+(?P<items>(?:[\w-]+\s+){{0,2}}?(?:batter(?:y|ies)|cells?|"
                rf"chips?|motors?|packs?|e-axles?|inverters?|semiconductors?))\b",
                flags,
            ),
        ),
        # ⟨S⟩ has concluded contracts of battery supply with ⟨C⟩ and with ⟨D⟩ (translated "contrats de fourniture")
        (
            "contract_of_supply_with",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:contracts?|agreements?|deals?)\s+(?:of|for|on)\s+(?:the\s+)?"
                rf"(?P<items>[\w-]+(?:\s+[\w-]+)?)\s+(?:supply|supplies|delivery|deliveries)\s+with\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,4}}?(?P<cust>⟨\d+⟩(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:with\s+)?(?:the\s+)?⟨\d+⟩)*)",
                flags,
            ),
        ),
        # The first client is ⟨C⟩ ; ⟨S⟩'s biggest customers are ⟨C⟩ and ⟨D⟩ ; the main delivery destination is ⟨C⟩
        (
            "customer_is",
            re.compile(
                rf"(?:(?P<sup>{ORG})\s*(?:'s|’s|')\s+|\b(?:the|its|their)\s+)(?:(?:first|main|biggest|largest|key|major|"
                rf"principal|anchor|launch|sole|only|primary)\s+)(?:[\w-]+\s+)?(?:customers?|clients?|buyers?|delivery\s+destinations?)"
                rf"\s+(?:is|are|will\s+be|was|were)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<cust>{_SUPPLIERS})",
                flags,
            ),
        ),
        # the plant in Regensburg, where e-motors for ⟨C⟩ are manufactured (owner: the article's company)
        (
            "site_where_made_for",
            re.compile(
                rf"\b(?:plant|factory|works|work|site|facility|gigafactory)\b[^⟨⟩.;]{{0,40}}?,?\s+(?:where|in\s+which|at\s+which)\s+"
                rf"(?:currently\s+|already\s+|now\s+|today\s+)?{_ITEMS}\s+for\s+(?:the\s+)?(?:[\w⟨⟩-]+\s+){{0,2}}?(?P<cust>{ORG})\s+"
                rf"(?:are|is|will\s+be|were|was|are\s+being|is\s+being)\s+(?:manufactured|produced|built|made|assembled)",
                flags,
            ),
        ),
        # Supplier of the cells is ⟨S⟩ (translated; the customer is the article's company)
        (
            "supplier_of_is",
            re.compile(
                rf"^\W*(?:the\s+)?(?:(?:main|sole|only|new|exclusive)\s+)?(?:supplier|provider)s?\s+(?:of|for)\s+(?:the\s+)?"
                rf"(?P<items>[^⟨⟩.;,]{{3,50}}?)\s+(?:is|are|will\s+be|was|were|becomes|became)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?"
                rf"(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # ⟨C⟩ will be supplied with batteries by ⟨S⟩ ; ⟨C⟩ is supplied by ⟨S⟩ with cells
        (
            "supplied_with_by",
            re.compile(
                rf"(?P<cust>{ORG})\s+(?:will\s+be|is|are|was|were|has\s+been|have\s+been|is\s+to\s+be|would\s+be)\s+"
                rf"(?:supplied|provided|equipped|furnished)\s+(?:with\s+{_ITEMS}\s+by\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<sup>{_SUPPLIERS})"
                rf"|by\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<sup2>{ORG})\s+with\s+(?P<items2>[^⟨⟩.;,]{{3,60}}?)(?=[,.;]|$|\s+(?:from|for|in|under)\b))",
                flags,
            ),
        ),
        # ⟨S⟩' Arizona plant is slated to produce 4695 cells for ⟨C⟩ ; ⟨S⟩ runs a plant that makes units for ⟨C⟩
        (
            "plant_makes_for",
            re.compile(
                rf"(?P<sup>{ORG})[^⟨⟩.;]{{0,40}}?\b(?:plant|factory|facility|complex|site|works|gigafactory)\b"
                rf"[^⟨⟩.;]{{0,70}}?\b(?:produces?|produced|producing|makes?|making|builds?|building|manufactures?|"
                rf"manufacturing|assembles?|assembling|supplies|supply|supplying)\s+(?:the\s+)?{_ITEMS}\s+for\s+"
                rf"(?:the\s+)?(?:(?P<cust>{ORG})|(?P<site>(?:[\w-]+\s+)?(?:metaplant|plant|factory|gigafactory|assembly\s+plant|"
                rf"assembly\s+line))\b)",
                flags,
            ),
        ),
        # The e Vitara uses LFP cells sourced from ⟨S⟩ (a model as the subject: the customer is the article's company)
        (
            "uses_sourced_from",
            re.compile(
                rf"^[^⟨⟩.;]*?\b(?:uses?|used|using|fits?|fitted|gets?|runs\s+on|features?|carries)\s+{_ITEMS}\s+"
                rf"(?:sourced|supplied|procured|bought|imported|made|produced)\s+(?:from|by)\s+(?:(?:the|a|an)\s+)?"
                rf"[^⟨⟩.;]{{0,40}}?(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # ⟨C⟩ selected ⟨S⟩ as (its) battery supplier ; ⟨C⟩ picked ⟨S⟩ to supply cells ; ⟨C⟩ has chosen ⟨S⟩ and ⟨T⟩ as suppliers
        (
            "chose_as_supplier",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:selected|selects|select|chose|chosen|chooses|choose|picked|picks|pick|"
                rf"named|names|appointed|appoints|nominated|tapped|taps)\s+(?P<sup>{_SUPPLIERS})\s+(?:as\s+(?:its\s+|their\s+|the\s+|an?\s+)?"
                rf"(?:(?:main|sole|exclusive|preferred|primary|second|new|lead|key)\s+)?(?P<role>[\w-]+(?:\s+[\w-]+)?)?\s*"
                rf"(?:suppliers?|providers?)|to\s+{_SUPPLY_VERB}\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|in|to|under|starting|until)\b))",
                flags,
            ),
        ),
        # ⟨S⟩ has been named (as) the battery supplier for ⟨C⟩('s SU7)
        (
            "named_supplier_for",
            re.compile(
                rf"(?P<sup>{_SUPPLIERS})\s+(?:has|have|had)\s+been\s+(?:named|selected|chosen|picked|appointed|nominated|tapped)\s+"
                rf"(?:as\s+)?(?:(?:the\s+|an?\s+|its\s+)?(?:(?:main|sole|exclusive|preferred|primary|new|lead|key)\s+)?"
                rf"(?P<items>[\w-]+(?:\s+[\w-]+)?)?\s*(?:supplier|provider)s?|(?P<desc>⟨\d+⟩))\s+(?:for|to|of)\s+(?:the\s+)?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨S⟩-made batteries power the ⟨C⟩ SU7 ; ⟨S⟩-built cells go into ⟨C⟩'s i4
        (
            "made_power",
            re.compile(
                rf"(?P<sup>{ORG})-(?:made|built|produced|supplied|developed|designed)\s+{_ITEMS}\s+(?:will\s+)?"
                rf"(?:power|powers|powered|go\s+into|goes\s+into|went\s+into|will\s+go\s+into|are\s+used\s+in|is\s+used\s+in|"
                rf"are\s+fitted\s+to|equip|equips)\s+(?:the\s+|all\s+|most\s+|many\s+)?(?:new\s+|latest\s+|electric\s+)?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ uses ⟨S⟩-made cells ; the EX30 is fitted with ⟨S⟩-built batteries (customer: the article's company)
        (
            "uses_made",
            re.compile(
                rf"(?:(?P<cust>{ORG})(?:\s*(?:'s|’s|'))?{_GAP}|^[^⟨⟩.;]{{0,60}}?)\b(?:uses?|used|using|will\s+use|fits?|fitted\s+with|"
                rf"is\s+fitted\s+with|are\s+fitted\s+with|equipped\s+with|gets?|runs?\s+on|relies\s+on|buys|bought|sources|"
                rf"sourced|carries|features?)\s+(?:the\s+|its\s+|their\s+)?(?P<sup>{ORG})-(?:made|built|produced|supplied|"
                rf"sourced|manufactured)\s+{_ITEMS}(?=[,.;]|$|\s+(?:in|for|from|since|and|under|starting|until)\b)",
                flags,
            ),
        ),
        # ⟨C⟩ has placed an order with ⟨S⟩ for cells ; ⟨C⟩ awarded a contract to ⟨S⟩ for heat pumps
        (
            "order_placed_with",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:placed|places|has\s+placed|awarded|awards|gave|gives|granted|handed)\s+"
                rf"(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:order|orders|contract|contracts)\s+(?:with|to|from)\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,2}}?(?P<sup>{ORG})(?:[^⟨⟩.;]{{0,20}}?\b(?:to\s+supply|to\s+provide|to\s+deliver|for)\s+"
                rf"{_ITEMS}(?=[,.;]|$|\s+(?:for|from|in|worth|starting|until)\b))?",
                flags,
            ),
        ),
        # ⟨A⟩ signed a contract with ⟨B⟩ to deliver cells: who delivers is read from what the KB knows of the pair
        (
            "contract_with_to_supply",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:contract|agreement|deal|pact)\s+with\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
                rf"(?P<sup>{ORG})[^⟨⟩.;]{{0,40}}?\b(?:to\s+(?:supply|deliver|provide|ship)|for\s+the\s+(?:supply|delivery|provision)\s+of)\s+"
                rf"(?!(?:it|them|its|their)\b)"
                rf"{_ITEMS}(?=[,.;]|$|\s+(?:for|from|under|starting|until|in|to|by|over)\b)",
                flags,
            ),
        ),
        # ⟨S⟩ will become the battery supplier of ⟨C⟩ ; ⟨S⟩ became the designated supplier for ⟨C⟩'s large batteries
        (
            "becomes_supplier_of",
            re.compile(
                rf"(?P<sup>{ORG})\s+(?:will\s+become|will\s+be|became|becomes|has\s+become|is|was|remains|is\s+now)\s+"
                rf"(?:(?:the|a|an|its|their)\s+(?P<role>(?:[\w-]+\s+){{0,3}}?)(?:supplier|provider)|(?P<desc>⟨\d+⟩))\s+(?:of|for|to)\s+"
                rf"(?:the\s+)?(?P<cust>{ORG})(?:\s*(?:'s|’s|')\s+(?:new\s+)?(?P<items>[^⟨⟩.;,]{{3,60}}?)(?=[,.;]|$|\s+(?:from|in|and|for)\b))?",
                flags,
            ),
        ),
        # ⟨S⟩ has been chosen by ⟨C⟩ as battery supplier ; ⟨S⟩ was selected by ⟨C⟩ to supply cells
        (
            "chosen_by",
            re.compile(
                rf"(?P<sup>{_SUPPLIERS})\s+(?:has\s+|have\s+|had\s+)?(?:been|was|were|is|are)\s+(?:chosen|selected|picked|"
                rf"named|appointed|nominated|tapped)\s+by\s+(?:the\s+)?(?P<cust>{ORG})\s+(?:as\s+(?:its\s+|their\s+|the\s+|an?\s+)?"
                rf"(?P<role>(?:[\w-]+\s+){{0,3}}?)(?:suppliers?|providers?)|to\s+{_SUPPLY_VERB}\s+{_ITEMS}(?=[,.;]|$|\s+(?:for|from|in|to|"
                rf"under|starting|until)\b))",
                flags,
            ),
        ),
        # ⟨S⟩ will provide ⟨C⟩ batteries for its hybrids (double object)
        (
            "supply_double_object",
            re.compile(
                rf"(?P<sup>{ORG}){_GAP}\b(?:provide|provides|provided|supply|supplies|supplied|will\s+supply|will\s+provide)\s+"
                rf"(?P<cust>{ORG})\s+(?!(?:with|and|or|in|on|at|for|from|to|as|by|since|until|under|access|assistance|"
                rf"support|funding|services|advice|information)\b)(?P<items>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,3}})"
                rf"(?=[,.;]|$|\s+(?:for|from|in|under|starting|until|over|by)\b)",
                flags,
            ),
        ),
        # ⟨S⟩'s Drive Thor chip will power ⟨C⟩'s next models ; ⟨C⟩'s models will be powered by ⟨S⟩'s chip
        (
            "power_models",
            re.compile(
                rf"(?:(?P<sup>{ORG})\s*(?:'s|’s|')\s+{_ITEMS}\s+(?:will\s+|would\s+|also\s+|now\s+)?(?:power|powers|powered)\s+"
                rf"(?:the\s+)?(?P<cust>{ORG})|(?P<cust2>{ORG})\s*(?:'s|’s|')?\s+[^⟨⟩.;]{{0,40}}?\b(?:will\s+be|are|is|were|was)\s+"
                rf"powered\s+by\s+(?P<sup2>{ORG})\s*(?:'s|’s|')\s+(?P<items2>[^⟨⟩.;,]{{3,60}}?)(?=[,.;]|$|\s+(?:from|in|and)\b))",
                flags,
            ),
        ),
        # For the cells of the ID.2 ⟨C⟩ relies on the Chinese manufacturer ⟨S⟩ (translated, object fronted)
        (
            "for_relies_on",
            re.compile(
                rf"^\W*for\s+(?:the\s+|its\s+|their\s+)?{_ITEMS}\s+(?:of\s+[^⟨⟩;]{{1,30}}?\s+)?(?P<cust>{ORG})\s+"
                rf"(?:relies|rely|relied|counts|bets|banks|is\s+relying|will\s+rely)\s+on\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # The e-axles delivers ⟨S⟩ (to ⟨C⟩): a plural object before a singular verb is translated object-first order
        (
            "plural_object_first",
            re.compile(
                rf"^\W*(?:the\s+)?(?P<items>(?:[\w-]+\s+){{0,3}}?[\w-]+s)\s+(?:supplies|delivers|provides|furnishes)\s+"
                rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{ORG})(?:\s+(?:also\s+)?to\s+(?:the\s+)?(?P<cust>{ORG}))?",
                flags,
            ),
        ),
        # As supplier of the battery was chosen ⟨S⟩ (translated passive)
        (
            "as_supplier_was_chosen",
            re.compile(
                rf"\bas\s+(?:the\s+|new\s+|sole\s+|main\s+)?(?:[\w-]+\s+)?suppliers?\s+(?:of|for)\s+(?:the\s+)?{_ITEMS}\s+"
                rf"(?:was|were|has\s+been|have\s+been|is|are)\s+(?:chosen|selected|picked|named|appointed)\s+(?:the\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?(?P<sup>{_SUPPLIERS})",
                flags,
            ),
        ),
        # The first cells from the plant will go to ⟨C⟩; the products of the Debrecen base will supply ⟨C⟩ (owner: the
        # article's company)
        (
            "site_output_to",
            re.compile(
                rf"^\W*(?:according\s+to\s+[^⟨⟩,.;]{{1,40}},\s*)?(?:the\s+|its\s+|their\s+)?(?:first\s+|initial\s+|entire\s+)?"
                rf"(?P<items>[a-z][\w\s-]{{1,40}}?)\s+(?:from|of|made\s+at|made\s+in|produced\s+at|produced\s+in)\s+"
                rf"(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:plant|factory|facility|gigafactory|site|works|base)\s+"
                rf"(?:will|would|is\s+to|are\s+to|shall|is\s+set\s+to|are\s+set\s+to|mainly|primarily|)\s*(?:go\s+to|goes\s+to|go|"
                rf"supply|supplies|be\s+supplied\s+to|are\s+supplied\s+to|be\s+delivered\s+to|be\s+shipped\s+to|be\s+sold\s+to|"
                rf"are\s+destined\s+for|be\s+destined\s+for)\s+(?:to\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # The factory will produce batteries which are mounted on the electric vehicles of ⟨C⟩ (owner: the article's
        # company)
        (
            "site_makes_for",
            re.compile(
                rf"^\W*(?:the|this|that|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:plant|factory|facility|gigafactory|site|works)\s+"
                rf"(?:will\s+|would\s+|is\s+to\s+|also\s+|mainly\s+)*(?:produces?|makes?|builds?|manufactures?|supplies|supply|"
                rf"assembles?)\s+(?:the\s+)?{_ITEMS}\s+(?:for|(?:which|that)\s+(?:are|will\s+be|is)\s+(?:mounted|installed|used|"
                rf"fitted|built)\s+(?:on|in|into))\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?:of\s+)?(?P<cust>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩, a Hamburg-based haulier, which has ordered 120 eActros 600 (a fleet order from the maker in focus)
        (
            "ordered_units",
            re.compile(
                rf"(?P<cust>{ORG})(?:\s*,[^⟨⟩.;]{{0,60}},)?(?:\s*,)?\s+(?:which\s+|who\s+)?(?:has\s+|have\s+|had\s+)?"
                rf"(?:ordered|orders|placed\s+an\s+order\s+for)\s+(?:another\s+|a\s+further\s+|an\s+additional\s+)?"
                rf"\d[\d,.]*\s+(?P<items>[^⟨⟩.;,]{{2,60}}?)(?=[,.;]|$|\s+(?:for|from|to|in|by|with|and|over|this|next|last)\b)",
                flags,
            ),
        ),
        # … the Chinese battery maker ⟨S⟩, whose LFP cells shall come into cheaper models for China (the company in
        # focus buys)
        (
            "whose_items_into",
            re.compile(
                rf"(?P<sup>{ORG})[^⟨⟩.;]{{0,20}}?,\s*whose\s+{_ITEMS}\s+(?:will\s+|shall\s+|are\s+to\s+|should\s+)?"
                rf"(?:come|go|goes|be\s+used|are\s+used|be\s+installed|be\s+fitted)\s+(?:in|into|to)\s+(?:the\s+|its\s+|their\s+)?"
                rf"(?:[\w-]+\s+){{0,3}}?(?:models?|cars?|vehicles?|EVs?|trucks?|vans?)\b",
                flags,
            ),
        ),
        # The Aria, the sport sedan of ⟨X⟩, is produced for ⟨C⟩ by ⟨S⟩ in Graz (contract manufacturing, passive)
        (
            "made_for_by",
            re.compile(
                rf"^\W*(?:the\s+)?(?P<items>[^⟨⟩,.;]{{2,40}}?)(?:\s*,[^.;]{{0,80}}?,)?\s+(?:is|are|was|were|will\s+be|has\s+been|"
                rf"have\s+been)\s+(?:produced|built|made|assembled|manufactured)\s+for\s+(?:the\s+)?(?P<cust>{ORG})\s+"
                rf"(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<sup>{ORG})",
                flags,
            ),
        ),
        # ⟨C⟩ has concluded an agreement with ⟨S⟩ about the supply of cathode materials
        (
            "agreement_about_supply",
            re.compile(
                rf"(?P<cust>{ORG}){_GAP}\b(?:agreements?|deals?|contracts?|pacts?|memorandum|memoranda)\s+"
                rf"(?:of\s+understanding\s+)?with\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<sup>{ORG_LIST})[^⟨⟩.;]{{0,30}}?"
                rf"\b(?:about|on|regarding|covering|for|over)\s+the\s+(?:supply|delivery|deliveries|provision|purchase|sourcing)\s+of\s+{_ITEMS}"
                rf"(?=[,.;]|$|\s+(?:for|from|under|starting|until|in|at|over)\b)",
                flags,
            ),
        ),
        # ⟨C⟩ said the batteries for its models will be supplied by ⟨S⟩ (the customer reports it)
        (
            "reported_supplied_by",
            re.compile(
                rf"^\W*(?P<cust>{ORG})\s+(?:said|says|announced|confirmed|added)\s+(?:that\s+)?(?:the\s+|its\s+)?(?P<items>[^⟨⟩.;]{{3,60}}?)(?:\s+for\s+[^⟨⟩.;]{{0,80}}?)?\s+"
                rf"(?:will\s+be|would\s+be|are\s+to\s+be|are|is|were|was)\s+(?:supplied|provided|delivered|sourced)\s+(?:by|from)\s+"
                rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?(?P<sup>{ORG_LIST})",
                flags,
            ),
        ),
    ]


# Cheap checks before the patterns that begin with free text (and would otherwise be tried at every offset).
CUES = {
    # the verb and "from" or "by", then the company with no clause break between
    "come_from": re.compile(
        r"\b(?:come|comes|came|coming|sourced|supplied|provided|made)\s+(?:from|by)\s+[^⟨⟩.;]*⟨", re.I
    ),
    "from_to": re.compile(r"\bfrom\s+⟨\d+⟩\s+(?:will|would|are|were|is|was|to)\b", re.I),
    "for_by": re.compile(
        r"\b(?:supplied|made|produced|built|provided|delivered|sourced|manufactured)\s+(?:by|from)\b", re.I
    ),
    "object_first": re.compile(r"\b(?:supplies|supply|delivers|provides)\b", re.I),
    "fit_from": re.compile(r"⟩[^⟨]*\b(?:of|from|by)\s+⟨", re.I),
    "counts_among": re.compile(r"\bcounts?\b", re.I),
    "one_of_customers": re.compile(r"\bone\s+of\s+⟨", re.I),
    "contract_to_source": re.compile(r"\bto\s+(?:source|buy|purchase|procure|obtain)\b", re.I),
    "possessive_customer": re.compile(r"\b(?:customer|client|buyer)\b", re.I),
    "under_which": re.compile(r"\b(?:under\s+which|whereby|which\s+will\s+see)\b", re.I),
    "possessive_which_buys": re.compile(r",\s*which\s+⟨", re.I),
    "make_and_supply": re.compile(r"\s(?:it|them)\s+(?:also\s+)?to\b", re.I),
    "and_from": re.compile(r"⟩\s*,?\s+and\s+[^⟨]*\bfrom\b", re.I),
    "supply_to_object": re.compile(r"\bto\s+(?:the\s+)?⟨\d+⟩\s+\w", re.I),
    "supplier_is": re.compile(r"\b(?:suppliers?|providers?)\s+(?:is|are|will|was|were)\b", re.I),
    "uses_maker_items": re.compile(r"\b(?:use|uses|used|using|adopt|adopts|adopted|fit|fits|fitted|run|runs)\b", re.I),
    "contract_of_supply_with": re.compile(r"\b(?:of|for|on)\s+(?:the\s+)?(?:[\w-]+\s+){1,2}(?:supply|supplies|delivery|deliveries)\s+with\b", re.I),
    "customer_is": re.compile(
        r"\b(?:customers?|clients?|buyers?|destinations?)\s+(?:is|are|will|was|were)\b", re.I
    ),
    "uses_sourced_from": re.compile(
        r"\b(?:sourced|supplied|procured|bought|imported|made|produced)\s+(?:from|by)\b", re.I
    ),
    "chose_as_supplier": re.compile(
        r"\b(?:as\s+(?:\w+\s+){0,4}?(?:suppliers?|providers?)|to\s+(?:supply|provide|deliver))\b", re.I
    ),
    "named_supplier_for": re.compile(
        r"\bbeen\s+\w+\s+(?:as\s+)?(?:(?:\w+\s+){0,4}?(?:supplier|provider)s?|⟨\d+⟩)\s+(?:for|to|of)\b", re.I
    ),
    "uses_made": re.compile(r"⟩-(?:made|built|produced|supplied|sourced|manufactured)\b", re.I),
    "made_power": re.compile(r"⟩-(?:made|built|produced|supplied|developed|designed)\b", re.I),
    "power_models": re.compile(r"\bpower(?:s|ed)?\b", re.I),
    "for_relies_on": re.compile(r"^\W*for\b", re.I),
    "plural_object_first": re.compile(r"^\W*(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+s\s+(?:supplies|delivers|provides|furnishes)\b", re.I),
    "as_supplier_was_chosen": re.compile(r"\bas\s+(?:\w+\s+){0,2}?suppliers?\s+(?:of|for)\b", re.I),
    "site_output_to": re.compile(r"\b(?:plant|factory|facility|gigafactory|site|works|base)\s+(?:will|would|is|are|shall|mainly|primarily|go|goes|supply|supplies)\b", re.I),
    "site_makes_for": re.compile(r"^\W*(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plant|factory|facility|gigafactory|site|works)\b", re.I),
    "ordered_units": re.compile(r"\b(?:ordered|orders|order\s+for)\s+(?:\w+\s+)?\d", re.I),
    "whose_items_into": re.compile(r",\s*whose\b", re.I),
    "made_for_by": re.compile(r"\b(?:produced|built|made|assembled|manufactured)\s+for\s+(?:the\s+)?⟨\d+⟩\s+(?:by|from)\b", re.I),
    "plant_makes_for": re.compile(r"\b(?:plant|factory|facility|complex|site|works|gigafactory)\b", re.I),
}


# For each pattern, words and slots any match needs (see Gate), read off the pattern; checked before CUES. The
# rarest group comes first: admitted() meets only the gates one of whose first-group words the sentence has.
_SUPPLY_WORDS = "suppl|provid|deliver|ship|furnish"
GATES = {
    "agreement_about_supply": gate(
        "agreement|deal|contract|pact|memorand", "with", "supply|deliver|provision|purchase|sourcing"
    ),
    "reported_supplied_by": gate("said|says|announced|confirmed|added", "supplied|provided|delivered|sourced", "by|from"),
    "supply_to": gate(_SUPPLY_WORDS, "to|for"),
    "sell_to": gate("sold|sell|leas", "to"),
    "supply_for_models_of": gate(_SUPPLY_WORDS, "for", "of|from|by"),
    "under_contract_buys": gate("contract|agreement|deal|order", "buy|purchas|take|receiv|sourc|get", orgs=1),
    "from_to": gate("from", "to"),
    "for_by": gate("by|from", "for"),
    "object_first": gate("supplies|supply|delivers|provides", "for", orgs=1),
    "fit_from": gate(
        "adopt|fit|equip|install|integrat|deploy|chose|select|picked|tapped|rel|use|using|run", "of|from|by"
    ),
    "possessive_fitted_on": gate(
        "equipped|fitted|installed|mounted|integrated|deployed|used", "'s|’s|'", "on|in|into|to|across"
    ),
    "counts_among": gate("count", "customers|clients|buyers"),
    "one_of_customers": gate("one", "customers|clients|buyers"),
    "possessive_customer": gate("customer|client|buyer"),
    "under_which": gate("agreement|deal|contract|pact|memorandum|mou", "which|whereby", _SUPPLY_WORDS),
    "supply_with": gate("with", _SUPPLY_WORDS),
    "come_from": gate("come|came|coming|sourced|supplied|provided|made", "from|by", orgs=1),
    "source_from": gate(
        "from|made|supplied|produced|built|developed",
        "sourc|buy|bought|purchas|procur|get|got|obtain|use|using|rel|receiv|order|secur|take|took|taking",
    ),
    "contract_to_source": gate("source|buy|purchase|procure|obtain", "contract|agreement|deal|pact"),
    "won_order": gate("won|wins|secur|landed|lands|receiv|bagged|awarded|obtain", "order|contract|deal|nominat|designat|fixed"),
    "becomes_supplier_of": gate("supplier|provider", "of|for|to"),
    "chosen_by": gate("chosen|selected|picked|named|appointed|nominated|tapped", "by", "supplier|provider|supply|provide|deliver"),
    "supply_double_object": gate("provid|suppl"),
    "site_where_made_for": gate(
        "manufactured|produced|built|made|assembled", "plant|factor|works|work|site|facilit", "where|which", orgs=1
    ),
    "supplier_of_is": gate("supplier|provider", "is|are|will|was|were|becomes|became", orgs=1),
    "supplied_with_by": gate("supplied|provided|equipped|furnished", "by"),
    "uses_made": gate("made|built|produced|supplied|sourced|manufactured", "use|using|fit|equipped|get|run|rel|buy|bought|sourc|carries|feature", orgs=1),
    "order_placed_with": gate("placed|places|awarded|awards|gave|gives|granted|handed", "order|contract", "with|to|from"),
    "contract_with_to_supply": gate("contract|agreement|deal|pact", "with", "supply|deliver|provide|ship"),
    "builds_for": gate("build|make|produce|assemble|manufacture", "for"),
    "supplier_of": gate("supplier|provider|maker", "to|for"),
    "received_order_from": gate(
        "won|wins|secur|landed|lands|receiv|bagged|got|gets", "from", "order|contract"
    ),
    "buys_possessive": gate(
        "sourc|buy|bought|purchas|procur|get|got|obtain|use|using|rel|receiv|order|secur|adopt|fit", "'s|’s|'"
    ),
    "possessive_which_buys": gate("which", "buy|bought|use|sourc|purchas|fit|has"),
    "make_and_supply": gate(_SUPPLY_WORDS, "develop|produc|make|made|build|built|manufactur", "it|them"),
    "output_of": gate("buy|bought|purchas|take|took|secur", "output|production|suppl", "of|from"),
    "and_from": gate(
        "sourc|buy|bought|purchas|procur|get|got|obtain|use|using|rel|receiv|order|secur", "and", "from"
    ),
    "agreement_with": gate("supply|sourcing|offtake|off-take|purchase|procurement", "with"),
    "supply_to_object": gate(_SUPPLY_WORDS, "to"),
    "supplier_is": gate("supplier|provider", "is|are|will|was|were", orgs=1),
    "versions_fitted_with_maker_items": gate("equipped|fitted", "batter|cell|chip|motor|pack|axle|inverter|semicond", orgs=1),
    "uses_maker_items": gate("use|adopt|fit|run", "batter|cell|chip|motor|pack|axle|inverter|semicond"),
    "contract_of_supply_with": gate("contract|agreement|deal", "supply|supplies|deliver", "with"),
    "customer_is": gate("customer|client|buyer|destination", "is|are|will|was|were", orgs=1),
    "uses_sourced_from": gate(
        "sourced|supplied|procured|bought|imported|made|produced", "use|using|fit|get|run|feature|carries", orgs=1
    ),
    "chose_as_supplier": gate(
        "select|chose|choos|pick|name|appoint|nominat|tap", "supplier|provider|supply|provide|deliver"
    ),
    "named_supplier_for": gate("supplier|provider", "been", "for|to|of"),
    "made_power": gate("made|built|produced|supplied|developed|designed", "power|go|goes|went|used|fitted|equip"),
    "power_models": gate("power"),
    "for_relies_on": gate("relies|rely|relied|counts|bets|banks|relying", "for", "on"),
    "plural_object_first": gate("supplies|delivers|provides|furnishes", orgs=1),
    "as_supplier_was_chosen": gate("supplier", "chosen|selected|picked|named|appointed", orgs=1),
    "site_output_to": gate("plant|factor|facilit|gigafactor|site|works|base", "go|goes|suppl|deliver|ship|sold|destined", orgs=1),
    "site_makes_for": gate(
        "plant|factor|facilit|gigafactor|site|works", "produc|make|build|manufactur|suppl|assembl", orgs=1
    ),
    "ordered_units": gate("ordered|orders|placed", orgs=1),
    "whose_items_into": gate("whose", "come|go|goes|used|installed|fitted", orgs=1),
    "made_for_by": gate("produced|built|made|assembled|manufactured", "for", "by|from"),
    "plant_makes_for": gate(
        "plant|factor|facilit|complex|site|works|gigafactor",
        "produc|make|making|build|manufactur|assembl|suppl",
        "for",
        orgs=1,
    ),
}

"""The rule-based extractor: sentences -> mentions -> coreference -> per-sentence fact rules -> clean-up."""

from __future__ import annotations

from collections.abc import Callable

from evintel.extract.context import Discourse, SentenceView, build_views
from evintel.extract.facts.investment import extract_investments
from evintel.extract.facts.ownership import extract_ownership
from evintel.extract.facts.partnership import extract_partnerships
from evintel.extract.facts.plant import extract_plants
from evintel.extract.facts.product_plan import extract_product_plans
from evintel.extract.facts.sales import extract_sales
from evintel.extract.facts.supply import extract_supply
from evintel.extract.mentions import annotate
from evintel.extract.resolution import finalize_facts
from evintel.models import Article, Fact
from evintel.resolve.kb import KnowledgeBase, load_kb

Rule = Callable[[SentenceView, Discourse, KnowledgeBase], list[Fact]]

RULES: tuple[Rule, ...] = (
    extract_sales,
    extract_ownership,
    extract_investments,
    extract_partnerships,
    extract_supply,
    extract_plants,
    extract_product_plans,
)


class RuleExtractor:
    """Rule and lexicon based extraction over spaCy tokens and the reference KB."""

    name = "rules"

    def __init__(self, kb: KnowledgeBase | None = None, rules: tuple[Rule, ...] = RULES) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.rules = rules
        _compile_lexicons(self.kb)

    def extract(self, article: Article) -> list[Fact]:
        """Facts stated by one article, each with its evidence sentence."""
        doc = annotate(article, self.kb)
        discourse = Discourse()
        if article.title:
            discourse.frame_market(article.title)
            discourse.frame_period(article.title, doc.reference)
        facts: list[Fact] = []
        for view in build_views(doc, self.kb):
            discourse.observe(view)
            for rule in self.rules:
                facts.extend(rule(view, discourse, self.kb))
            discourse.update(view)
        for fact in facts:
            fact.article_id = article.id
        return finalize_facts(facts, self.kb)


def _compile_lexicons(kb: KnowledgeBase) -> None:
    """Build every lexicon and pattern set now (they are cached): otherwise the first articles that need
    one pay for it, about a quarter of a second in all, which is start-up rather than extraction."""
    from evintel.extract import bodies, coref, modality, naming, persons, places, sentences
    from evintel.extract.facts import (
        investment,
        ownership_clauses,
        ownership_grammar,
        ownership_stakes,
        ownership_takeovers,
        partnership,
        plant,
        product_plan,
        sales,
        supply_phrasings,
    )
    from evintel.resolve import linking

    builders: tuple[Callable[[], object], ...] = (
        bodies._patterns,
        coref._lexicon,
        investment._lexicon,
        ownership_grammar.patterns,
        ownership_grammar.gates,
        ownership_clauses._patterns,
        ownership_clauses._gates,
        ownership_stakes._patterns,
        ownership_stakes._gates,
        ownership_takeovers._patterns,
        ownership_takeovers._gates,
        partnership._lexicon,
        partnership._trigger_gate,
        plant._lexicon,
        plant._site_gate,
        product_plan._lexicon,
        sales._lexicon,
        sales._metric_gate,
        supply_phrasings.patterns,
        modality._patterns,
        naming.name_lexicon,
        persons._roles,
        persons._owning_subject,
        places._gazetteer,
        places._phrase_patterns,
        sentences._rules,
        linking._lexicon,
    )
    for build in builders:
        build()
    linking.gazetteer_for(kb)

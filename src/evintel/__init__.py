"""evintel: automotive and EV industry news turned into a source-grounded knowledge graph."""

from evintel.models import Article, ArticleFacts, Entity, Evidence, Fact, Mention

__version__ = "0.1.0"

__all__ = ["Article", "ArticleFacts", "Entity", "Evidence", "Fact", "Mention", "__version__"]

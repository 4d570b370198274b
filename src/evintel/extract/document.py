"""The working representation of one article during extraction: text, sentences, mentions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date

from evintel.extract.dating import reference_date
from evintel.models import Article, Mention


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with character offsets into the article text."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    boilerplate: bool = False  # web junk ("YOU MAY BE INTERESTED IN", share lines): never yields facts

    @property
    def flat(self) -> str:
        """The text with line breaks as spaces (same length, same offsets): rules read a hard-wrapped
        sentence ("Tesla delivered\n386,810 cars") as one line."""
        return self.text.replace("\n", " ") if "\n" in self.text else self.text


@dataclass(slots=True)
class Document:
    """An article split into sentences, with the entity mentions found in it."""

    article: Article
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    # People who hold or invest ("founder Lena Hartmann"), via="person"; kept apart from `mentions` so
    # that rules reading organisations never take a person for a seller, supplier or partner.
    persons: list[Mention] = field(default_factory=list)
    # The date bare periods resolve against: the article date, else one the text implies (see reference_date).
    reference: date | None = None

    def __post_init__(self) -> None:
        if self.reference is None:
            article = self.article
            self.reference = article.date or reference_date(article.title or "", article.text)

    @property
    def text(self) -> str:
        """The article text as given; every offset points into it."""
        return self.article.text

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains a character offset."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if 0 <= i < len(self.sentences) and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        """Mentions inside a sentence, in text order."""
        return [m for m in self.mentions if m.start >= sentence.start and m.end <= sentence.end]

    def persons_in(self, sentence: Sentence) -> list[Mention]:
        """Person mentions (via="person") inside a sentence, in text order."""
        return [m for m in self.persons if m.start >= sentence.start and m.end <= sentence.end]

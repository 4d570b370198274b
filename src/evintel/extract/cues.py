"""The cue index: one scan per sentence tells which cue words occur, for gates and for rule regexes.

Rules run many regular expressions over every sentence, but most sentences lack the words a pattern
needs: "in total|so far|to date" cannot match a sentence without one of those three. `required_literals`
reads such a set off a compiled pattern's syntax tree, and `may_match` checks it against `words_in`, the
registered words found by a single Aho-Corasick pass over the sentence's cue text (case-folded, every
whitespace run one space); Gate words (template.py) are registered here too. Only certainties are kept —
lookarounds, non-ASCII letters, \\w-like classes and open repeats add no requirement — so `may_match` is
False only where the regex cannot match (tests/extract/test_cues.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any

import ahocorasick

if TYPE_CHECKING:
    from evintel.extract.context import SentenceView

_LIMIT = 2000  # the most alternative strings kept for one stretch of a pattern
_PREFIX = 8  # literals are cut to this length: a text containing "launches" contains "launch"

# The only characters that IGNORECASE matching equates with an ASCII letter but str.lower() does not map
# to it: with these replaced, a literal found by a case-insensitive regex is in the folded text.
_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})

# (exact, required): every string a stretch of pattern can match (None: too many, or unbounded), and
# strings one of which every match contains (None: no requirement known).
_Info = tuple[frozenset[str] | None, frozenset[str] | None]
_NOTHING: _Info = (frozenset({""}), None)
_UNKNOWN: _Info = (None, None)
_SPACE = frozenset({" "})


def cue_text(text: str) -> str:
    """The text as cues are looked for in it: case-folded, every run of whitespace one space."""
    folded = text.lower() if text.isascii() else text.translate(_FOLDS).lower()
    return " ".join(folded.split())


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which occurs in the cue text of whatever the pattern matches, or None if unknown."""
    exact, required = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    return _compact(_requirement(exact) or required)


def may_match(pattern: re.Pattern[str], view: SentenceView) -> bool:
    """False when `pattern` cannot match anywhere in the sentence (nor in any stretch of it)."""
    literals = _LITERALS.get(id(pattern))
    if literals is None:
        literals = _learn_literals(pattern)
    if literals is _NO_REQUIREMENT:
        return True
    if view.cue_generation != _generation:
        _read_cues(view)
    return not view.cue_words.isdisjoint(literals)


def may_match_text(pattern: re.Pattern[str], text: str) -> bool:
    """`may_match` for a text without a view: plain substring checks, for patterns with few literals."""
    literals = _LITERALS.get(id(pattern))
    if literals is None:
        literals = _learn_literals(pattern)
    if literals is _NO_REQUIREMENT:
        return True
    cues = cue_text(text)
    return any(literal in cues for literal in literals)


def _learn_literals(pattern: re.Pattern[str]) -> frozenset[str]:
    """The pattern's required literals (or _NO_REQUIREMENT), registered and remembered by id(pattern)."""
    # Keyed by identity: hashing a Pattern hashes its whole compiled program, every time. The pattern is
    # kept alive with its entry, so no other object can take its id.
    literals = required_literals(pattern)
    _LITERALS[id(pattern)] = _NO_REQUIREMENT if literals is None else literals
    _KEPT.append(pattern)
    register_words(literals or ())
    return _LITERALS[id(pattern)]


def register_words(words: Iterable[str]) -> None:
    """Have `words_in` report these words (lower case, no space at either end) from now on."""
    global _generation
    known = len(_WORDS)
    _WORDS.update(words)
    if len(_WORDS) != known:
        _generation += 1  # views read before now must be read again, for the new words too


def words_in(view: SentenceView) -> frozenset[str]:
    """The registered words that occur in the sentence's cue text: one automaton pass (kept on the view)."""
    if view.cue_generation != _generation:
        _read_cues(view)
    return view.cue_words


def _read_cues(view: SentenceView) -> None:
    """Find the registered words in the sentence, with an automaton of every word registered so far."""
    global _automaton, _automaton_generation
    if _automaton is None or _automaton_generation != _generation:
        _automaton = ahocorasick.Automaton()
        for word in _WORDS:
            _automaton.add_word(word, word)
        _automaton.make_automaton()
        _automaton_generation = _generation
    view.cue_words = frozenset(map(itemgetter(1), _automaton.iter(cue_text(view.text))))
    view.cue_generation = _generation


_NO_REQUIREMENT = frozenset({""})  # told apart by identity: the literals of patterns that need none
_LITERALS: dict[int, frozenset[str]] = {}  # by id(pattern)
_KEPT: list[re.Pattern[str]] = []  # every pattern in _LITERALS, so that its id stays its own
_WORDS: set[str] = set()
_generation = 0  # bumped whenever _WORDS grows; a view's cue words are read at one generation
_automaton: ahocorasick.Automaton | None = None
_automaton_generation = -1  # the generation whose words _automaton knows


def _compact(literals: frozenset[str] | None) -> frozenset[str] | None:
    """Fewer, shorter literals that cover the same texts: prefixes, without those containing another."""
    if literals is None:
        return None
    # No space at either end: the cue text has none at its own ends.
    short = {_SPACES.sub(" ", literal)[:_PREFIX].strip() for literal in literals}
    if "" in short:
        return None
    kept: list[str] = []
    for literal in sorted(short, key=len):
        if not any(k in literal for k in kept):
            kept.append(literal)
    return frozenset(kept)


_SPACES = re.compile(" +")  # "\s+\s+" reads as two spaces, which the cue text has as one


def _requirement(exact: frozenset[str] | None) -> frozenset[str] | None:
    if exact is None or "" in exact or " " in exact:
        return None  # a lone space is no cue
    return exact


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective requirement: the longer shortest literal, then fewer literals."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: Any) -> _Info:
    """A concatenation: exact strings multiply while they are few; any stretch's requirement holds."""
    run: frozenset[str] = frozenset({""})
    whole = True
    best: frozenset[str] | None = None
    for op, av in items:
        exact, required = _node(op, av)
        if exact is not None and len(run) * len(exact) <= _LIMIT:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        best = _better(best, _requirement(run))
        if exact is not None:
            run = exact
        else:
            best = _better(best, required)
            run = frozenset({""})
    best = _better(best, _requirement(run))
    return (run if whole else None), best


def _node(op: object, av: Any) -> _Info:
    if op is sre.LITERAL:
        char = _fold(av)
        return (frozenset({char}), None) if char else _UNKNOWN
    if op is sre.IN:
        return _char_class(av)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING  # zero width: what a lookaround reads need not lie inside the match
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.BRANCH:
        return _branch(av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        exact, required = _sequence(body)
        if exact == _SPACE and low <= 1:
            return (_SPACE if low == 1 else frozenset({"", " "})), None  # \s+, \s*: one space in cue text
        if low == 0:
            return (exact | {""}, None) if high == 1 and exact is not None else _UNKNOWN
        if low == high == 1:
            return exact, required
        return None, _requirement(exact) or required
    return _UNKNOWN


def _branch(branches: list[Any]) -> _Info:
    infos = [_sequence(b) for b in branches]
    exact: frozenset[str] | None = None
    if all(e is not None for e, _r in infos):
        union = frozenset().union(*(e for e, _r in infos if e is not None))
        exact = union if len(union) <= _LIMIT else None
    requirements = [_requirement(e) or r for e, r in infos]
    if any(r is None for r in requirements):
        return exact, None
    return exact, frozenset().union(*(r for r in requirements if r is not None))


def _char_class(items: list[tuple[object, Any]]) -> _Info:
    """A character class of ASCII literals and short ranges; \\s alone reads as a space."""
    if items == [(sre.CATEGORY, sre.CATEGORY_SPACE)]:
        return _SPACE, None
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            codes = [av]
        elif op is sre.RANGE and av[1] - av[0] < 26:
            codes = list(range(av[0], av[1] + 1))
        else:
            return _UNKNOWN  # negations, categories such as \w, wide ranges
        for code in codes:
            char = _fold(code)
            if not char:
                return _UNKNOWN
            chars.add(char)
    return frozenset(chars), None


def _fold(code: int) -> str:
    """The cue-text form of a pattern character, or "" when text matched by it could read otherwise."""
    char = chr(code)
    if char.isspace():
        return " "  # whitespace runs are one space in the cue text
    if not char.isascii():
        return ""  # IGNORECASE equates non-ASCII letters that lower() keeps apart
    return char.lower()

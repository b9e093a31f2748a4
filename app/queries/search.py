"""Searching the catalogue: which indicators a query's words name, best first.

An index of every indicator is built once per data version from what the seed wrote (a few
hundred entries, in memory). Each indicator is found by the words of

- its names: the code, the English and Chinese names and the catalogue's terms (weight 3);
- its breakdowns: each value its observations have, with the value's names in both languages
  (weight 2), so "rural" or "农村" finds the indicators broken down by area;
- its descriptions, English and Chinese, and its category (weight 1),

read by :mod:`app.queries.search_text`. A word of the query is matched by the same word in a
text, or, through the catalogue's synonyms, by all the words of one of its alternatives in one
text ("smartphone" by "mobile phone"). The matches are ranked by

1. how many of the query's words they match (all before some);
2. the sum of the weights of the best text each word is found in (a name before a description);
3. the name (or term) that holds the most of the query's words, and then the most of whose
   words the query holds (the name "5G base stations" before "5G share of mobile base
   stations" for "5G base stations");
4. the code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.queries.metadata import per_version
from app.queries.search_text import Analyzer
from app.store.models import DimensionLabel, Indicator, IndicatorSummary, SearchWord

FieldKind = Literal["code", "name", "name_zh", "terms", "dimension_values", "description"]
_WEIGHTS: dict[FieldKind, int] = {
    "code": 3,
    "name": 3,
    "name_zh": 3,
    "terms": 3,
    "dimension_values": 2,
    "description": 1,
}
_NAMES = frozenset({"code", "name", "name_zh", "terms"})

Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Text:
    """One text of an indicator, as words: what it is (and the breakdown, for a value's)."""

    kind: FieldKind
    main: frozenset[str]
    words: frozenset[str]
    breakdown: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    texts: tuple[_Text, ...]


@dataclass(frozen=True, slots=True)
class _Concept:
    """A word (or a synonym's phrase) of the query, and each set of words that matches it."""

    alternatives: tuple[Phrase, ...]


@dataclass(frozen=True)
class Hit:
    """An indicator a query found: how many of its ``words`` it ``matched``, in which kinds of
    text, and the breakdowns (dimension -> values) the query named."""

    code: str
    words: int
    matched: int
    fields: list[FieldKind]
    dimension_values: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class IndexedIndicator:
    """What an indicator is found by: its texts and the breakdowns its observations have."""

    code: str
    name: str
    name_zh: str
    description: str
    description_zh: str | None
    category: str
    terms: Sequence[str]
    dimension_values: Mapping[str, Sequence[str]]


@dataclass(frozen=True, slots=True)
class ValueNames:
    """A dimension value's Chinese label and the names the texts write for it."""

    label_zh: str | None
    names: Sequence[str]


class SearchIndex:
    """Every indicator's words, with the stop words and synonyms to read queries by."""

    def __init__(
        self,
        indicators: Iterable[IndexedIndicator],
        values: Mapping[tuple[str, str], ValueNames],
        stop_words: Iterable[str],
        synonyms: Mapping[str, Sequence[str]],
    ) -> None:
        self.analyzer = Analyzer.of(stop_words)
        # Indicators share most of their texts (a breakdown's names): each is read once.
        self._read: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._entries = tuple(self._entry(item, values) for item in indicators)
        self._read.clear()
        self._synonyms: dict[Phrase, tuple[Phrase, ...]] = {}
        for phrase, alternatives in synonyms.items():
            words = self.analyzer.words(phrase).main
            if words:
                self._synonyms[words] = tuple(self.analyzer.words(a).main for a in alternatives)
        self._known = frozenset(
            {word for entry in self._entries for text in entry.texts for word in text.words}
            | {word for phrase in self._synonyms for word in phrase}
        )

    def words_of(self, query: str) -> tuple[str, ...]:
        """The words of ``query`` a search matches: none for a query of stop words only."""
        return self.analyzer.query(query, self._known.__contains__)

    def search(self, query: str) -> list[Hit]:
        """The indicators ``query`` finds, best first (see the module doc)."""
        concepts = self._concepts(self.words_of(query))
        ranked: list[tuple[tuple[float, ...], str, Hit]] = []
        for entry in self._entries:
            found = _match(entry, concepts)
            if found is not None:
                ranked.append((found[0], entry.code, found[1]))
        ranked.sort(key=lambda item: item[:2])
        return [hit for *_, hit in ranked]

    def _concepts(self, words: Phrase) -> list[_Concept]:
        """The query's words, a synonym's phrase taken as one (the longest first)."""
        concepts: list[_Concept] = []
        start = 0
        longest = max((len(phrase) for phrase in self._synonyms), default=0)
        while start < len(words):
            for size in range(min(longest, len(words) - start), 0, -1):
                phrase = words[start : start + size]
                if phrase in self._synonyms:
                    concepts.append(_Concept((phrase, *self._synonyms[phrase])))
                    start += size
                    break
            else:
                concepts.append(_Concept(((words[start],),)))
                start += 1
        return concepts

    def _entry(
        self, item: IndexedIndicator, values: Mapping[tuple[str, str], ValueNames]
    ) -> _Entry:
        sources: list[tuple[FieldKind, str, tuple[str, str] | None]] = [
            ("code", item.code.replace("_", " "), None),
            ("name", item.name, None),
            ("name_zh", item.name_zh, None),
            *(("terms", term, None) for term in item.terms),
            ("description", item.description, None),
            ("description", item.description_zh or "", None),
            ("description", item.category.replace("_", " "), None),
        ]
        for dimension, dimension_values in item.dimension_values.items():
            for value in dimension_values:
                named = values.get((dimension, value), ValueNames(None, ()))
                for text in (value, named.label_zh or "", *named.names):
                    sources.append(("dimension_values", text, (dimension, value)))
        texts = []
        for kind, text, breakdown in sources:
            read = self._read.get(text)
            if read is None:
                words = self.analyzer.words(text)
                main = frozenset(words.main)
                read = self._read[text] = (main, main | words.also)
            if read[0]:
                texts.append(_Text(kind, *read, breakdown))
        return _Entry(item.code, tuple(texts))


def _match(entry: _Entry, concepts: list[_Concept]) -> tuple[tuple[float, ...], Hit] | None:
    """How well ``entry`` matches the query's concepts: its sort key and hit, or None."""
    matched = weight = 0
    kinds: set[FieldKind] = set()
    # Per text (by position): the concepts it matches, and the words of theirs it holds.
    found: dict[int, set[int]] = {}
    covered: dict[int, set[str]] = {}
    for number, concept in enumerate(concepts):
        best = 0
        for position, text in enumerate(entry.texts):
            fits = [words for words in concept.alternatives if text.words.issuperset(words)]
            if not fits:
                continue
            best = max(best, _WEIGHTS[text.kind])
            kinds.add(text.kind)
            found.setdefault(position, set()).add(number)
            covered.setdefault(position, set()).update(*fits)
        if best:
            matched += 1
            weight += best
    if not matched:
        return None
    # The name that says most of what was asked, and the most of whose words were asked for.
    named = max(
        (
            (len(numbers), len(covered[position] & text.main) / len(text.main))
            for position, numbers in found.items()
            if (text := entry.texts[position]).kind in _NAMES
        ),
        default=(0, 0.0),
    )
    hit = Hit(
        code=entry.code,
        words=len(concepts),
        matched=matched,
        fields=[kind for kind in _WEIGHTS if kind in kinds],
        dimension_values=_breakdowns_named(entry, found),
    )
    return (-matched, -weight, -named[0], -named[1]), hit


def _breakdowns_named(entry: _Entry, found: dict[int, set[int]]) -> dict[str, list[str]]:
    """The breakdowns that the query names beyond the indicator's names ("rural" for "rural
    Internet penetration"), those that match the most of its words ("online payment" for
    "online payment users", not every "online ..." application)."""
    in_names = {
        n
        for position, numbers in found.items()
        if entry.texts[position].kind in _NAMES
        for n in numbers
    }
    counts: dict[tuple[str, str], int] = {}
    for position, numbers in found.items():
        breakdown = entry.texts[position].breakdown
        if breakdown is not None and numbers - in_names:
            counts[breakdown] = max(counts.get(breakdown, 0), len(numbers))
    most = max(counts.values(), default=0)
    named: dict[str, list[str]] = {}
    for (dimension, value), count in sorted(counts.items()):
        if count == most:
            named.setdefault(dimension, []).append(value)
    return named


@per_version
def search_index(*, session: Session) -> SearchIndex:
    """The index of the catalogue as the database holds it now (kept per data version)."""
    summaries = select(IndicatorSummary.indicator_code, IndicatorSummary.dimension_values)
    breakdowns = dict(session.execute(summaries).tuples().all())
    indicators = [
        IndexedIndicator(
            code=row.code,
            name=row.name,
            name_zh=row.name_zh,
            description=row.description,
            description_zh=row.description_zh,
            category=row.category,
            terms=row.terms,
            dimension_values=breakdowns.get(row.code, {}),
        )
        for row in session.scalars(select(Indicator).order_by(Indicator.code))
    ]
    values = {
        (row.dimension, row.value): ValueNames(row.label_zh, row.names)
        for row in session.scalars(select(DimensionLabel))
    }
    words = session.scalars(select(SearchWord).order_by(SearchWord.kind, SearchWord.phrase)).all()
    return SearchIndex(
        indicators,
        values,
        stop_words=[word.phrase for word in words if word.kind == "stop"],
        synonyms={word.phrase: word.means for word in words if word.kind == "synonym"},
    )

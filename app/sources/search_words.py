"""The catalogue's `search` section: the words a search leaves out and the words it reads as
others, held to the catalogue's own words.

Both are data, like the terms: `GET /v1/indicators?q=` reads them (through the database) to
find "smartphone" where the catalogue writes "mobile phone". docs/catalogue.md describes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

# The CJK Unified Ideographs and their first extension: the characters Chinese words are made of.
CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_HAS_CJK = re.compile(f"[{CJK}]")
_WORD = re.compile(r"\w+")


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a Chinese character."""
    return _HAS_CJK.search(text) is not None


def fold(text: str) -> str:
    """``text`` as searches compare it: case and runs of spaces do not matter."""
    return " ".join(text.casefold().split())


class SearchSpec(BaseModel):
    """Stop words, and synonyms: each a word or phrase people search for, with the words the
    catalogue writes for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stop_words: list[str] = []
    synonyms: dict[str, list[str]] = {}

    @field_validator("stop_words")
    @classmethod
    def _one_word_each_once(cls, words: list[str]) -> list[str]:
        seen: set[str] = set()
        for word in words:
            folded = fold(word)
            if not folded or " " in folded:
                raise ValueError(f"a stop word is one word, not {word!r}")
            if folded in seen:
                raise ValueError(f"stop word {word!r} is listed twice")
            seen.add(folded)
        return words

    @model_validator(mode="after")
    def _synonyms_lead_somewhere(self) -> SearchSpec:
        stop = {fold(word) for word in self.stop_words}
        for phrase, alternatives in self.synonyms.items():
            if not fold(phrase):
                raise ValueError("a synonym's phrase is empty")
            if fold(phrase) in stop:
                raise ValueError(f"synonym {phrase!r} is a stop word: a search leaves it out")
            if not alternatives or not all(fold(item) for item in alternatives):
                raise ValueError(f"synonym {phrase!r} names no words to read it as")
            if any(fold(item) == fold(phrase) for item in alternatives):
                raise ValueError(f"synonym {phrase!r} is read as itself")
        return self


def _occurs(phrase: str, texts: list[str]) -> bool:
    """Whether ``phrase`` is in one of ``texts`` (folded): Chinese anywhere, English from the
    start of a word (so "website" is in "Websites")."""
    wanted = fold(phrase)
    if has_cjk(wanted):
        return any(wanted in text for text in texts)
    pattern = re.compile(rf"(?<!\w){re.escape(wanted)}")
    return any(pattern.search(text) for text in texts)


def _only_stop_words(name: str, stop: set[str]) -> bool:
    left = fold(name)
    for word in (word for word in stop if has_cjk(word)):
        left = left.replace(word, " ")
    return all(word in stop for word in _WORD.findall(left))


def search_word_problems(spec: SearchSpec, names: Iterable[str], words: Iterable[str]) -> list[str]:
    """What is wrong with ``spec`` for a catalogue whose indicators are called ``names`` (in
    English and Chinese) and which writes ``words`` (names, descriptions, terms, the names of
    dimension values): a synonym must lead to words the catalogue writes, and no name may be
    made of stop words only, or it could not be searched for."""
    texts = [fold(text) for text in words]
    stop = {fold(word) for word in spec.stop_words}
    problems = [
        f"synonym {phrase!r}: the catalogue writes {alternative!r} nowhere"
        for phrase, alternatives in spec.synonyms.items()
        for alternative in alternatives
        if not _occurs(alternative, texts)
    ]
    problems += [
        f"indicator name {name!r} is made of stop words only"
        for name in names
        if _only_stop_words(name, stop)
    ]
    return problems

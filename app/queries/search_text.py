"""Texts as a search of the catalogue compares them: words in English, character pairs in Chinese.

A text is read in one way whether it is a query or a name: width and case folded (NFKC, so
"５Ｇ" is "5G"), traditional characters read as simplified (網民 is 网民), the possessive and
the thousands separators dropped. English words are stemmed by the Snowball stemmer, so
"stations" and "station" are one word. Chinese is written without spaces, so a run of Chinese
characters is read as its overlapping pairs of characters (网民规模: 网民, 民规, 规模): a query
pair matches wherever the two characters stand together, with no dictionary of words to keep.
Stop words are left out of both (a Chinese one cut out wherever it stands in a run).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import opencc
import snowballstemmer

# The CJK Unified Ideographs and their first extension: the characters Chinese words are made of.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SEGMENT = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:-[^\W_{_CJK}]+)*")
_POSSESSIVE = re.compile(r"['’]s\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_TO_SIMPLIFIED = opencc.OpenCC("t2s")
_STEMMER = snowballstemmer.stemmer("english")


# The catalogue has a few thousand distinct words, and the stemmer is pure Python.
@functools.lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


def _is_cjk(segment: str) -> bool:
    return "\u3400" <= segment[0] <= "\u9fff"


def normalise(text: str) -> str:
    """``text`` folded as every search reads it (see the module doc)."""
    simplified: str = _TO_SIMPLIFIED.convert(unicodedata.normalize("NFKC", text))
    return _THOUSANDS.sub("", _POSSESSIVE.sub("", simplified.casefold()))


@dataclass(frozen=True, slots=True)
class Words:
    """What a text says, as a search compares it.

    ``main``, in order: the stems of its English words (a hyphenated compound as one:
    "e-commerce" is "ecommerc") and the pairs of its Chinese runs (a run of one character is
    that character); ``runs`` groups them by the segment of text they come from. ``also``: what
    else a word of a query may find in it (each part of a compound, each Chinese character).
    """

    main: tuple[str, ...]
    runs: tuple[tuple[str, ...], ...]
    also: frozenset[str]


@dataclass(frozen=True)
class Analyzer:
    """Reads texts into words, leaving out ``stop_words`` (any case; Chinese ones too)."""

    stop_words: frozenset[str]

    @classmethod
    def of(cls, stop_words: Iterable[str]) -> Analyzer:
        return cls(frozenset(normalise(word) for word in stop_words))

    def words(self, text: str) -> Words:
        """The words of ``text`` (see :class:`Words`)."""
        runs: list[tuple[str, ...]] = []
        also: set[str] = set()
        for segment in _SEGMENT.findall(self._without_chinese_stop_words(normalise(text))):
            if _is_cjk(segment):
                runs.append(_pairs(segment))
                also.update(segment)
            elif segment not in self.stop_words:
                parts = segment.split("-")
                runs.append((_stem("".join(parts)),))
                also.update(_stem(part) for part in parts if part not in self.stop_words)
        main = tuple(word for run in runs for word in run)
        return Words(main, tuple(runs), frozenset(also))

    def query(self, text: str, known: Callable[[str], bool]) -> tuple[str, ...]:
        """The words of a query ``text``. A pair of Chinese characters that is ``known`` to no
        text searched is left out of its run, since it straddles two words ("网民普及率" holds
        民普), unless no pair of its run is known: then none can match, and all are kept."""
        kept: list[str] = []
        for run in self.words(text).runs:
            found = [word for word in run if known(word)]
            kept.extend(found if found else run)
        return tuple(kept)

    def _without_chinese_stop_words(self, text: str) -> str:
        for word in sorted(self.stop_words, key=len, reverse=True):
            if _is_cjk(word):
                text = text.replace(word, " ")
        return text


def _pairs(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    return tuple(run[index : index + 2] for index in range(len(run) - 1))

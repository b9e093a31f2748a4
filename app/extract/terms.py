"""Finding the catalogue's phrases in a piece of text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.sources.catalogue import Catalogue, Term

SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_MARKS = re.compile(f"[{SUPERSCRIPTS}]")
_SPACES = re.compile(r"\s*")
# Quotation marks around a name are typography: "“.CN”域名数量" names the .CN domains.
_QUOTES = frozenset('"“”「」')
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z]-)[^\S\n]*\n\s*(?=[A-Za-z])")


@dataclass(frozen=True, slots=True)
class TermHit:
    """A phrase found at ``start:end``, with every catalogue term it may stand for."""

    start: int
    end: int
    terms: tuple[Term, ...]

    @property
    def indicator_terms(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.indicator is not None)

    def dimension_values(self, dimension: str) -> list[str]:
        """The values of ``dimension`` this phrase names, in the order the phrase names them."""
        for term in self.terms:
            values = [value for name, value in term.dimensions if name == dimension]
            if values:
                return values
        return []


def without_marks(text: str) -> str:
    """``text`` without superscript footnote marks ("online video¹ users")."""
    return _MARKS.sub("", text)


def fold(phrase: str) -> str:
    """The form phrases are compared in: lower case, footnote marks and double quotation marks
    dropped, spaces collapsed, and none beside a Chinese character (typesetting, not words:
    "60 岁及以上")."""
    return _folded_with_offsets(phrase)[0].strip()


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold(text)``, and for each of its characters the offset it came from in ``text``.

    A word hyphenated across a line break ("ride-" newline "sharing") is folded whole.
    """
    chars: list[str] = []
    offsets: list[int] = []
    joins = {i for m in _HYPHEN_BREAK.finditer(text) for i in range(m.start(), m.end())}
    for offset, char in enumerate(text):
        if char in SUPERSCRIPTS or char in _QUOTES or offset in joins:
            continue
        if char.isspace():
            if (
                chars
                and chars[-1] != " "
                and not _is_cjk(chars[-1])
                and not _cjk_next(text, offset)
            ):
                chars.append(" ")
                offsets.append(offset)
            continue
        lowered = char.lower()
        chars.append(lowered if len(lowered) == 1 else char)
        offsets.append(offset)
    return "".join(chars), offsets


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _cjk_next(text: str, offset: int) -> bool:
    """Whether the first character after the spaces at ``offset`` is Chinese."""
    spaces = _SPACES.match(text, offset)
    after = spaces.end() if spaces else offset
    return after < len(text) and _is_cjk(text[after])


def _plural(folded: str, phrase: str, end: int) -> bool:
    """Whether an English phrase stands at ``end`` in its plural ("short videos")."""
    last = phrase[-1]
    return last.isascii() and last.isalpha() and last != "s" and folded[end : end + 1] == "s"


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


class TermFinder:
    """Finds catalogue phrases, leftmost first and longest at each place, without overlaps.

    Phrases are matched on a folded copy of the text (case, spacing and footnote marks do not
    matter), and an English phrase only where it starts and ends on word boundaries, or
    in its plural ("short videos" for "short video").
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self._by_phrase: dict[str, list[Term]] = {}
        for term in catalogue.terms:
            self._by_phrase.setdefault(fold(term.phrase), []).append(term)

    def find(self, text: str) -> list[TermHit]:
        """Every phrase in ``text``, in order."""
        folded, offsets = _folded_with_offsets(text)
        found: list[tuple[int, int, str]] = []
        for phrase in self._by_phrase:
            start = folded.find(phrase)
            while start != -1:
                end = start + len(phrase)
                if self._on_boundaries(folded, phrase, start, end):
                    found.append((start, end, phrase))
                elif self._on_boundaries(folded, phrase + "s", start, end + 1) and _plural(
                    folded, phrase, end
                ):
                    found.append((start, end + 1, phrase))
                start = folded.find(phrase, start + 1)
        hits: list[TermHit] = []
        reached = 0
        for start, end, phrase in sorted(found, key=lambda span: (span[0], -span[1])):
            if start < reached:
                continue
            reached = end
            terms = tuple(self._by_phrase[phrase])
            first, last = offsets[start], offsets[end - 1] + 1
            if first > 0 and text[first - 1] in _QUOTES:
                first -= 1  # the name's quotation marks go with it: '"little giant" firms'
            if last < len(text) and text[last] in _QUOTES and text[first] in _QUOTES:
                last += 1
            hits.append(TermHit(first, last, terms))
        return hits

    @staticmethod
    def _on_boundaries(folded: str, phrase: str, start: int, end: int) -> bool:
        if _is_word_char(phrase[0]) and start > 0 and _is_word_char(folded[start - 1]):
            return False
        return not (_is_word_char(phrase[-1]) and end < len(folded) and _is_word_char(folded[end]))

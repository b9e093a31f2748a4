"""Find the figures in a sentence or table cell and read them as exact decimals.

A figure is a number together with what is written around it that changes its
meaning: a magnitude ("million", "亿"), a unit ("%", "km", "blocks/32"), a
currency prefix ("RMB") and a qualifier ("more than", "近").  Numbers that only
name or order things (years, days, ordinals, times of day, age brackets, model
names such as "5G", footnote marks, URLs) are not figures and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Quantity", "find_quantities", "is_label_number", "parse_number", "unit_from_label"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as written in a text, with its value in the base unit."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    precision: Decimal
    qualifier: str | None
    qualifier_start: int | None


_EN_ONES = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {
    word: 10 * value
    for value, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
_EN_FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "tenth": 10}
_CN_DIGITS = {char: value for value, char in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
_PER_WHOLES = {"hundred": 100, "thousand": 1000, "ten thousand": 10**4}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_ZEROS = "零〇"
_CN_POWERS = {"百": 100, "千": 1000, "万": 10**4}
_MAGNITUDES = {
    "thousand": 10**3,
    "ten thousand": 10**4,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}
_UNIT_NAMES = {
    "pp": "percentage_points",
    "pct": "percent",
    "tenths": "percent",
    "blocks": "blocks_32",
    "gb": "gigabytes",
    "kb": "kilobytes",
    "km": "kilometres",
    "公里": "kilometres",
    "eflops": "eflops",
    "hour": "hours",
    "hours": "hours",
    "小时": "hours",
    "yuan": "yuan",
    "元": "yuan",
    "rmb": "yuan",
    "usd": "usd",
    "美元": "usd",
    "u.s. dollars": "usd",
    "us dollars": "usd",
}
_LABEL_UNITS = {
    "%": "percent",
    "percent": "percent",
    "percentage point": "percentage_points",
    "percentage points": "percentage_points",
    "个百分点": "percentage_points",
    "/32": "blocks_32",
    "block/32": "blocks_32",
    "blocks/32": "blocks_32",
    "page": "pages",
    "pages": "pages",
    "ratio": "ratio",
} | {name: unit for name, unit in _UNIT_NAMES.items() if name not in {"pp", "pct", "tenths"}}

_ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_CN_NUMERAL = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
_EN_NUMBER = "|".join(
    [rf"(?:{'|'.join(_EN_TENS)})(?:-(?:{'|'.join(list(_EN_ONES)[1:10])}))?", *_EN_ONES]
)
_EN_MAGNITUDE = r"(?:ten[ -])?thousand|million|billion|trillion"
# \b fails between a Latin letter and a CJK character, which \w also matches.
_END = r"(?![A-Za-z0-9_])"

_TOKEN = re.compile(
    rf"(?P<cnfrac>(?P<den>[1-9][0-9]*|[一二两三四五六七八九十百千万][零〇一二两三四五六七八九十百千万亿]*)"
    rf"分之(?P<part>{_CN_NUMERAL}|{_ARABIC}))"
    rf"|(?P<num>(?:(?<![\w.])-)?{_ARABIC}|{_CN_NUMERAL}|(?i:\b(?:{_EN_NUMBER})\b))"
)
_PLUS = re.compile(rf"-plus{_END}", re.IGNORECASE)
_SLASH_FRACTION = re.compile(r"/(?!32(?![0-9]))([1-9][0-9]*)(?![0-9])")
_WORD_FRACTION = re.compile(rf"-({'|'.join(_EN_FRACTIONS)})s?{_END}", re.IGNORECASE)
_PER = re.compile(rf"\s*per\s+(ten\s+thousand|thousand|hundred){_END}", re.IGNORECASE)
_MAGNITUDE = re.compile(rf"\s*(?i:({_EN_MAGNITUDE}))(?![-A-Za-z0-9_])|(万亿|亿|万)")
_UNIT = re.compile(
    rf"(?P<pp>\s*(?i:percentage\s+points?){_END}|个百分点)"
    rf"|(?P<pct>\s?%|(?:\s+|-)(?i:per\s?cent){_END})"
    rf"|(?P<blocks>\s*(?i:blocks?)/32{_END}|/32{_END})"
    r"|(?P<tenths>成(?![为不]))"
    rf"|\s*(?P<word>GB|KB|km|EFLOPS|hours?|yuan|U\.S\.\s+dollars|US\s+dollars){_END}"
    r"|(?P<cjk>美元|元|小时|公里)"
)
_CURRENCY_PREFIX = re.compile(r"\b(RMB|USD)\s?$")
_RATIO = re.compile(rf":({_ARABIC})(?![0-9:])")
_QUALIFIER = re.compile(
    r"(?:\b(?i:(?P<more>more\s+than|over|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|above)"
    r"|(?P<nearly>nearly|almost|close\s+to)"
    r"|(?P<about>about|approximately|around|some)"
    r"|(?P<least>at\s+least))"
    r"|(?P<cn_more>超过|超|突破|逾)|(?P<cn_nearly>(?<![最附])近)|(?P<cn_about>约))\s*$"
)
_QUALIFIER_NAMES = {
    "more": "more than",
    "cn_more": "more than",
    "nearly": "nearly",
    "cn_nearly": "nearly",
    "about": "about",
    "cn_about": "about",
    "least": "at least",
}


def parse_number(token: str) -> Decimal:
    """Read one number token: Arabic digits with thousands commas, Chinese or English words."""
    return _number_with_precision(token.strip())[0]


def unit_from_label(label: str) -> tuple[Decimal, str]:
    """Read a table's unit label or column-header unit as (multiplier, unit).

    A header such as "Growth rate (%)" or "User scale by Dec. 2023 (10,000 people)" is
    read from its last parenthesised part; footnote marks are ignored.  A count label is
    a power of ten with an optional magnitude and noun ("1", "100 million", "万人").
    """
    inner = re.sub(r"\^\{[^}]*\}|[⁰¹²³⁴⁵⁶⁷⁸⁹]", "", label)
    if bracketed := re.search(r"\(([^()]*)\)\s*$", inner):
        inner = bracketed.group(1)
    key = " ".join(re.sub(r"^\s*unit\s*:", "", inner, flags=re.IGNORECASE).split()).lower()
    if key in _LABEL_UNITS:
        return Decimal(1), _LABEL_UNITS[key]
    scale = re.fullmatch(
        r"(1(?:0*|0{0,2}(?:,000)+))?\s*"
        rf"({_EN_MAGNITUDE}|万亿|亿|万)?\s*"
        r"(?:people|persons|users|households|units|items|人|户|家|个)?",
        key,
    )
    if scale is None or not (scale.group(1) or scale.group(2)):
        raise ValueError(f"unknown unit label: {label!r}")
    multiplier = parse_number(scale.group(1)) if scale.group(1) else Decimal(1)
    if scale.group(2):
        multiplier *= _MAGNITUDES[" ".join(scale.group(2).replace("-", " ").split())]
    return _tidy(multiplier), "count"


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in a sentence or table cell, in order of appearance."""
    found: list[Quantity] = []
    pos = 0
    while match := _TOKEN.search(text, pos):
        quantities = _read_fraction_words(text, match) if match["cnfrac"] else _read(text, match)
        found.extend(quantities)
        pos = quantities[-1].end if quantities else match.end()
    return found


def is_label_number(text: str, start: int, end: int) -> bool:
    """Whether the number token text[start:end] names or orders something instead of counting.

    Years, days, ordinals, times of day, age brackets, headings, references
    ("Table 1", "第57次"), identifiers ("5G", "IPv6", "satellite 03"), URL and
    formula parts, adjectives ("4-digit", "three-party") and durations other than hours
    ("the past 6 months") are labels.  A table cell holding nothing but digits is never
    a label, so a cell "2049" is a count, not a year.
    """
    token = text[start:end].lstrip("-")
    rules: tuple[Callable[[str, int, int], bool], ...]
    if token[0].isdigit():
        if text.strip() == text[start:end]:
            return False
        rules = _ARABIC_LABEL_RULES
    elif token[0] in _CN_DIGITS or token[0] == "十":
        rules = (_chinese_word_is_label,)
    else:
        rules = (_english_word_is_label, _is_adjective_or_duration, _is_age_or_clock)
    return any(rule(text, start, end) for rule in rules)


@dataclass(slots=True)
class _Draft:
    """A figure while its suffixes and prefixes are being read."""

    start: int
    end: int
    value: Decimal
    precision: Decimal
    unit: str = "count"
    qualifier: str | None = None
    qualifier_start: int | None = None

    def freeze(self, text: str) -> Quantity:
        return Quantity(
            start=self.start,
            end=self.end,
            text=text[self.start : self.end],
            value=_tidy(self.value),
            unit=self.unit,
            precision=_tidy(self.precision),
            qualifier=self.qualifier,
            qualifier_start=self.qualifier_start,
        )


def _read(text: str, match: re.Match[str]) -> list[Quantity]:
    start, end = match.span("num")
    if is_label_number(text, start, end):
        return []
    token = match["num"]
    if token[-1].isdigit() and (ratio := _RATIO.match(text, end)):
        return _read_ratio(text, start, end, ratio)
    value, precision = _number_with_precision(token)
    draft = _Draft(start, end, value, precision)
    _read_plus(text, draft)
    if not _read_fraction(text, draft, token):
        _read_magnitude(text, draft)
        _read_unit(text, draft)
        _read_currency(text, draft)
    _read_qualifier(text, draft)
    return [draft.freeze(text)]


def _read_fraction_words(text: str, match: re.Match[str]) -> list[Quantity]:
    """Chinese "X分之Y" (Y parts of X): "千分之三" is 0.3 percent, "三分之二" 66.67 percent."""
    den = match["den"]
    try:
        denominator = Decimal(_CN_POWERS[den]) if den in _CN_POWERS else parse_number(den)
        value, precision = _number_with_precision(match["part"])
    except ValueError:  # not numerals after all, such as "十十分之三"
        return []
    draft = _Draft(match.start(), match.end(), value, precision)
    _set_fraction(draft, denominator)
    _read_qualifier(text, draft)
    return [draft.freeze(text)]


def _read_ratio(text: str, start: int, end: int, ratio: re.Match[str]) -> list[Quantity]:
    """Two shares of a whole ("51.1:48.9") are percent when they add up to 100."""
    spans = ((start, end), ratio.span(1))
    drafts = [_Draft(a, b, *_number_with_precision(text[a:b])) for a, b in spans]
    unit = "percent" if sum(d.value for d in drafts) == 100 else "ratio"
    for draft in drafts:
        draft.unit = unit
    return [draft.freeze(text) for draft in drafts]


def _read_plus(text: str, draft: _Draft) -> None:
    if plus := _PLUS.match(text, draft.end):
        draft.qualifier, draft.qualifier_start = "more than", plus.start() + 1
        draft.end = plus.end()


def _read_fraction(text: str, draft: _Draft, token: str) -> bool:
    """Read "2/3", "one-third" and "three per thousand" as percent; False when none follows."""
    pattern = _SLASH_FRACTION if token[0].isdigit() else _WORD_FRACTION
    if fraction := pattern.match(text, draft.end):
        word = fraction.group(1).lower()
        denominator = Decimal(_EN_FRACTIONS.get(word) or word)
    elif per := _PER.match(text, draft.end):
        fraction = per
        denominator = Decimal(_PER_WHOLES[" ".join(per.group(1).lower().split())])
    else:
        return False
    draft.end = fraction.end()
    _set_fraction(draft, denominator)
    return True


def _set_fraction(draft: _Draft, denominator: Decimal) -> None:
    """Turn a numerator into a percent share; the precision is one part of the whole."""
    draft.value = 100 * draft.value / denominator
    draft.precision = 100 * draft.precision / denominator
    draft.unit = "percent"


def _read_magnitude(text: str, draft: _Draft) -> None:
    if magnitude := _MAGNITUDE.match(text, draft.end):
        word = " ".join(
            (magnitude.group(1) or magnitude.group(2)).lower().replace("-", " ").split()
        )
        draft.value *= _MAGNITUDES[word]
        draft.precision *= _MAGNITUDES[word]
        draft.end = magnitude.end()


def _read_unit(text: str, draft: _Draft) -> None:
    unit = _UNIT.match(text, draft.end)
    if unit is None or unit.lastgroup is None:
        return
    kind = unit.lastgroup
    name = kind if kind not in {"word", "cjk"} else " ".join(unit.group(kind).lower().split())
    draft.unit = _UNIT_NAMES[name]
    draft.end = unit.end()
    if kind == "tenths":
        draft.value *= 10
        draft.precision *= 10


def _read_currency(text: str, draft: _Draft) -> None:
    """A currency code written before the number ("RMB1.88 trillion") belongs to the figure."""
    if currency := _CURRENCY_PREFIX.search(text, max(0, draft.start - 4), draft.start):
        draft.start = currency.start()
        if draft.unit == "count":
            draft.unit = _UNIT_NAMES[currency.group(1).lower()]


def _read_qualifier(text: str, draft: _Draft) -> None:
    if qualifier := _QUALIFIER.search(text, max(0, draft.start - 16), draft.start):
        kind = qualifier.lastgroup
        if kind is not None:
            draft.qualifier, draft.qualifier_start = _QUALIFIER_NAMES[kind], qualifier.start()


def _number_with_precision(token: str) -> tuple[Decimal, Decimal]:
    """The value of a token and the value of one unit in its last written digit."""
    if re.fullmatch(rf"-?{_ARABIC}", token):
        decimals = token.partition(".")[2]
        return Decimal(token.replace(",", "")), Decimal(1).scaleb(-len(decimals))
    if re.fullmatch(_CN_NUMERAL, token):
        value, precision = _chinese_value(token)
        return Decimal(value), Decimal(precision)
    return Decimal(_english_value(token)), Decimal(1)


def _english_value(token: str) -> int:
    tens, _, ones = token.lower().partition("-")
    if tens in _EN_ONES and not ones:
        return _EN_ONES[tens]
    if tens in _EN_TENS and (not ones or 0 < _EN_ONES.get(ones, 10) < 10):
        return _EN_TENS[tens] + _EN_ONES.get(ones, 0)
    raise ValueError(f"not a number: {token!r}")


def _chinese_value(token: str) -> tuple[int, int]:
    """Value and last written place of a Chinese numeral: "三万" -> (30000, 10000)."""
    for big, power in (("亿", 10**8), ("万", 10**4)):
        head, found, tail = token.partition(big)
        if found:
            if not head:
                raise ValueError(f"not a number: {token!r}")
            value, precision = _chinese_value(head)
            if not tail:
                return value * power, precision * power
            low, low_precision = _chinese_value(tail.lstrip(_CN_ZEROS))
            if low >= power:
                raise ValueError(f"not a number: {token!r}")
            return value * power + low, low_precision
    return _chinese_section(token)


def _chinese_section(token: str) -> tuple[int, int]:
    """A numeral below ten thousand: digits each followed by a falling unit 千, 百, 十."""
    value, digit, place = 0, None, 10**4
    for char in token:
        if char in _CN_ZEROS:
            continue
        if char in _CN_DIGITS and digit is None:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS and _CN_UNITS[char] < place and (digit or char == "十"):
            place = _CN_UNITS[char]
            value += (digit or 1) * place
            digit = None
        else:
            raise ValueError(f"not a number: {token!r}")
    if digit is None:
        return value, place
    return value + digit, 1


def _tidy(number: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()


# --- label rules: each tells whether the number token at text[start:end] is a label ---

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_FIGURE_AFTER = re.compile(rf"{_MAGNITUDE.pattern}|{_UNIT.pattern}|{_PER.pattern}")
_REFERENCE_BEFORE = re.compile(
    r"(?:第|编号[:：]?|\b(?i:table|tabel|figure|fig\.|chapter|appendix|note|no\.))\s*$"
)
_DATE_SUFFIX = re.compile(r"年|月|日|号|季度")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s*$")
_CLOCK = re.compile(r"[0-9]{1,2}:[0-9]{2}\b")
_CLOCK_AFTER = re.compile(r"\s*(?:[-–]\s*[0-9]{1,2}\s*)?(?:[ap]m\b|[ap]\.m\.|o['’]clock)", re.I)
_AGE_BEFORE = re.compile(
    r"\b(?:aged|ages?\s+of)\s+(?:[0-9]+\s*(?:[-–,]|and\b|or\b|to\b)?\s*)*$", re.IGNORECASE
)
_PHONE_BEFORE = re.compile(r"(?<![0-9])0[0-9]{2,3}-$")
_HYPHEN_WORD = re.compile(r"-(?!plus\b|percent\b)[A-Za-z]")
_DURATION_AFTER = re.compile(
    rf"\s+(?:days?|weeks?|months?|years?|decades?|quarters?|minutes?|seconds?){_END}", re.IGNORECASE
)
_UNIT_LABEL_AFTER = re.compile(
    rf"(?:\s*(?:{_EN_MAGNITUDE}|万|亿))?\s*(?:people|persons|users|households|人|户|家|个)?\s*\)",
    re.IGNORECASE,
)
_URL_MARK = re.compile(r"://|www\.|\.(?:pdf|s?html?)\b", re.IGNORECASE)
_CHUNK_BEFORE = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]*$")
_CHUNK_AFTER = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]*")
_CN_MEASURE = re.compile(r"[人家座个户项次条台部件所名位款种]")


def _in_url_or_formula(text: str, start: int, end: int) -> bool:
    """Part of a URL or file name, or inside a $...$ formula."""
    before = _CHUNK_BEFORE.search(text, max(0, start - 200), start)
    after = _CHUNK_AFTER.match(text, end)
    chunk = (before.group() if before else "") + (after.group() if after else "")
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_URL_MARK.search(chunk)) or text.count("$", line_start, start) % 2 == 1


def _is_glued_identifier(text: str, start: int, end: int) -> bool:
    """Part of a name such as "5G", "IPv6", "Q3", "J-10", "55th", "36Kr" or "35.Com"."""
    before = text[max(0, start - 2) : start]
    glued_before = bool(re.search(r"[A-Za-z_/]$|[A-Za-z][.-]$", before))
    if glued_before and not _CURRENCY_PREFIX.search(text, max(0, start - 4), start):
        return True
    glued_after = re.match(r"[A-Za-z]|\.[A-Za-z]", text[end : end + 2])
    return bool(glued_after) and not _FIGURE_AFTER.match(text, end)


def _is_reference_or_code(text: str, start: int, end: int) -> bool:
    """References ("Table 1", "第57次"), leading-zero codes ("03") and telephone numbers."""
    return (
        bool(_REFERENCE_BEFORE.search(text, max(0, start - 12), start))
        or bool(re.fullmatch(r"0[0-9]+", text[start:end]))
        or bool(_PHONE_BEFORE.search(text, max(0, start - 5), start))
    )


def _is_date_part(text: str, start: int, end: int) -> bool:
    """A year, a day of a month, a Chinese date part or a clock time."""
    token = text[start:end]
    unit_follows = bool(_FIGURE_AFTER.match(text, end))
    is_year = bool(re.fullmatch(r"(?:19|20)[0-9]{2}", token)) and not unit_follows
    is_day = (
        token.isdigit()
        and 1 <= int(token) <= 31
        and not unit_follows
        and bool(_MONTH_BEFORE.search(text, max(0, start - 12), start))
    )
    is_clock = bool(_CLOCK.match(text, start)) or bool(
        re.search(r"[0-9]:$", text[max(0, start - 2) : start])
    )
    return is_year or is_day or is_clock or bool(_DATE_SUFFIX.match(text, end))


def _is_age_or_clock(text: str, start: int, end: int) -> bool:
    """An age bracket ("aged 10-19, 20-29 and 60 and above") or an hour ("9 am")."""
    return bool(_AGE_BEFORE.search(text, max(0, start - 60), start)) or bool(
        _CLOCK_AFTER.match(text, end)
    )


def _is_heading_number(text: str, start: int, end: int) -> bool:
    """Section numbers opening a line: "1. Per Capita ...", "1.1 Survey Population"."""
    line_start = text.rfind("\n", 0, start) + 1
    if not re.fullmatch(r"[\s•◇*]*", text[line_start:start]):
        return False
    return bool(re.match(r"\.\s", text[end : end + 2])) or (
        "." in text[start:end] and bool(re.match(r"\s+[A-Z]", text[end : end + 3]))
    )


def _is_unit_label(text: str, start: int, end: int) -> bool:
    """A power of ten naming a column's unit: "User scale (10,000 people)"."""
    return (
        bool(re.fullmatch(r"10*", text[start:end].replace(",", "")))
        and text[max(0, start - 3) : start].rstrip().endswith("(")
        and bool(_UNIT_LABEL_AFTER.match(text, end))
    )


def _is_adjective_or_duration(text: str, start: int, end: int) -> bool:
    """Compound adjectives ("4-digit", "three-party") and durations ("the past 6 months").

    Durations other than hours have no unit in the vocabulary and only occur in
    definitions in the sources, so they are not figures.
    """
    return (bool(_HYPHEN_WORD.match(text, end)) and not _WORD_FRACTION.match(text, end)) or bool(
        _DURATION_AFTER.match(text, end)
    )


def _english_word_is_label(text: str, start: int, end: int) -> bool:
    """The word "one" is nearly always an article or pronoun ("one of", "one after another")."""
    if text[start:end].lower() != "one":
        return False
    return not (_WORD_FRACTION.match(text, end) or _FIGURE_AFTER.match(text, end))


def _chinese_word_is_label(text: str, start: int, end: int) -> bool:
    """Chinese numerals are figures only with a unit, a share (六成) or a measure word.

    A lone 一 or 两 is an article ("一家新能源企业", a company; "最后一公里", the last
    mile) unless a share follows, and runs such as "十四五" (a plan name) are not
    numerals at all.
    """
    token = text[start:end]
    try:
        _chinese_value(token)
    except ValueError:
        return True
    if token in {"一", "两"}:
        unit = _UNIT.match(text, end)
        return unit is None or unit.lastgroup not in {"tenths", "pp", "pct"}
    return not (_FIGURE_AFTER.match(text, end) or _CN_MEASURE.match(text, end))


_ARABIC_LABEL_RULES = (
    _in_url_or_formula,
    _is_glued_identifier,
    _is_reference_or_code,
    _is_date_part,
    _is_age_or_clock,
    _is_heading_number,
    _is_unit_label,
    _is_adjective_or_duration,
)

"""One number token read as an exact decimal: Arabic digits, English words, Chinese numerals.

A token's precision is the value of one unit in its last written digit: "1.25" is read to
the nearest 0.01, "三万" to the nearest 10000.
"""

from __future__ import annotations

import re
from decimal import Decimal

from app.extract.chinese_numbers import CN_NUMERAL, chinese_value

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

ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
EN_NUMBER = "|".join(
    [rf"(?:{'|'.join(_EN_TENS)})(?:-(?:{'|'.join(list(_EN_ONES)[1:10])}))?", *_EN_ONES]
)
# \b fails between a Latin letter and a CJK character, which \w also matches.
WORD_END = r"(?![A-Za-z0-9_])"


def parse_number(token: str) -> Decimal:
    """Read one number token: Arabic digits with thousands commas, Chinese or English words."""
    return number_with_precision(token.strip())[0]


def number_with_precision(token: str) -> tuple[Decimal, Decimal]:
    """The value of a token and the value of one unit in its last written digit."""
    if re.fullmatch(rf"-?{ARABIC}", token):
        decimals = token.partition(".")[2]
        return Decimal(token.replace(",", "")), Decimal(1).scaleb(-len(decimals))
    if re.fullmatch(CN_NUMERAL, token):
        value, precision = chinese_value(token)
        return Decimal(value), Decimal(precision)
    return Decimal(_english_value(token)), Decimal(1)


def _english_value(token: str) -> int:
    tens, _, ones = token.lower().partition("-")
    if tens in _EN_ONES and not ones:
        return _EN_ONES[tens]
    if tens in _EN_TENS and (not ones or 0 < _EN_ONES.get(ones, 10) < 10):
        return _EN_TENS[tens] + _EN_ONES.get(ones, 0)
    raise ValueError(f"not a number: {token!r}")


def tidy(number: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation."""
    if number == number.to_integral_value():
        return Decimal(int(number))
    return number.normalize()

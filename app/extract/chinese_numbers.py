"""Chinese numerals written in characters ("三", "十四", "两千三百", "三万五千", "十二亿").

A numeral's value comes with its precision: the value of one unit in its last written
place, so "三万" is 30000 to the nearest 10000.
"""

from __future__ import annotations

CN_NUMERAL = r"[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*"
CN_DIGITS = {char: value for value, char in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
CN_POWERS = {"百": 100, "千": 1000, "万": 10**4}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_ZEROS = "零〇"


def chinese_value(token: str) -> tuple[int, int]:
    """Value and last written place of a Chinese numeral: "三万" -> (30000, 10000)."""
    for big, power in (("亿", 10**8), ("万", 10**4)):
        head, found, tail = token.partition(big)
        if found:
            if not head:
                raise ValueError(f"not a number: {token!r}")
            value, precision = chinese_value(head)
            if not tail:
                return value * power, precision * power
            low, low_precision = chinese_value(tail.lstrip(_CN_ZEROS))
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
        if char in CN_DIGITS and digit is None:
            digit = CN_DIGITS[char]
        elif char in _CN_UNITS and _CN_UNITS[char] < place and (digit or char == "十"):
            place = _CN_UNITS[char]
            value += (digit or 1) * place
            digit = None
        else:
            raise ValueError(f"not a number: {token!r}")
    if digit is None:
        return value, place
    return value + digit, 1

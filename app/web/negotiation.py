"""Which representation a client asked for: JSON unless `format=csv` or an Accept preferring CSV."""

from __future__ import annotations

CSV_MEDIA_TYPE = "text/csv"
JSON_MEDIA_TYPE = "application/json"


def wants_csv(format_parameter: str | None, accept: str | None) -> bool:
    """True when ``format=csv``, or with no ``format`` when Accept ranks CSV above JSON.

    >>> wants_csv(None, "text/csv")
    True
    >>> wants_csv(None, "text/html,*/*;q=0.8")
    False
    """
    if format_parameter is not None:
        return format_parameter == "csv"
    if not accept:
        return False
    return _quality(accept, CSV_MEDIA_TYPE) > _quality(accept, JSON_MEDIA_TYPE)


def _quality(accept: str, media_type: str) -> float:
    """The q the most specific matching range of ``accept`` gives ``media_type`` (RFC 9110)."""
    kind, subtype = media_type.split("/")
    best: tuple[int, float] = (-1, 0.0)
    for item in accept.split(","):
        range_, *parameters = (part.strip() for part in item.split(";"))
        range_kind, _, range_subtype = range_.lower().partition("/")
        if range_kind == kind and range_subtype == subtype:
            specificity = 2
        elif range_kind == kind and range_subtype == "*":
            specificity = 1
        elif range_kind == "*" and range_subtype == "*":
            specificity = 0
        else:
            continue
        if specificity > best[0]:
            best = (specificity, quality(parameters))
    return best[1]


def quality(parameters: list[str]) -> float:
    """The ``q`` among a range's parameters (RFC 9110), 1 when none is given, 0 when it is no
    number; between 0 and 1."""
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                return min(max(float(value), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0

"""The query parameters of each operation, as models: documented, validated, and closed.

An operation takes exactly the parameters of its model; any other is a 422 that names it and
lists the accepted ones. The observation models are the exception: there an undocumented
parameter may be a dimension name (`area=rural`), which the route checks against the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from app.periods import BOUND_FORMATS, bound_days
from app.queries.observations import ObservationKey
from app.web.pagination import decode_cursor, encode_cursor

# The most indicator codes one query may name: a bound on the work of one request.
MAX_INDICATORS = 50


class QueryModel(BaseModel):
    """The query parameters of one operation."""

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def parameter_names(cls) -> list[str]:
        """The documented parameters, in the order the docs show them."""
        return [info.alias or name for name, info in cls.model_fields.items()]

    @model_validator(mode="before")
    @classmethod
    def _refuse_unknown(cls, data: Any) -> Any:
        if isinstance(data, dict) and cls.model_config.get("extra") == "forbid":
            known = cls.parameter_names()
            for name in data:
                if name not in known:
                    raise _unknown_parameter(name, known)
        return data


def _unknown_parameter(name: str, allowed: list[str]) -> PydanticCustomError:
    """The error for a parameter the operation does not take."""
    accepted = ", ".join(allowed) if allowed else "no query parameters"
    return PydanticCustomError(
        "unknown_parameter",
        "Unknown parameter '{parameter}'; this operation takes: {accepted}.",
        {"parameter": name, "allowed": allowed, "accepted": accepted},
    )


class NoParameters(QueryModel):
    """An operation that takes no query parameters."""


class SourceQuery(QueryModel):
    """Filters for the sources."""

    report: Annotated[
        str | None,
        Field(
            max_length=64,
            description="Only the sources of this report (an id from /v1/reports).",
            examples=["cnnic-57"],
        ),
    ] = None


class IndicatorQuery(QueryModel):
    """Filters for the catalogue."""

    q: Annotated[
        str | None,
        Field(
            max_length=200,
            description="Words that must all occur in the code, the English or Chinese name, or "
            "the description (case-insensitive).",
            examples=["penetration"],
        ),
    ] = None
    category: Annotated[
        str | None,
        Field(
            max_length=64,
            description="Only this category's indicators; an unknown one is a 422 listing them.",
            examples=["artificial_intelligence"],
        ),
    ] = None

    @property
    def words(self) -> list[str]:
        """The words of ``q``, each to be found."""
        return self.q.split() if self.q else []


@dataclass(frozen=True, slots=True)
class Bound:
    """A ``start`` or ``end`` as the client wrote it, with the first and last day it names."""

    text: str
    first: dt.date
    last: dt.date


def _read_bound(value: Any) -> Bound:
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    try:
        first, last = bound_days(value)
    except ValueError as error:
        raise PydanticCustomError("date", "{reason}", {"reason": str(error)}) from None
    return Bound(value, first, last)


def _read_cursor(value: Any) -> ObservationKey:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return decode_cursor(value)
    except ValueError:
        raise PydanticCustomError(
            "cursor",
            "not a cursor this API gave: pass the `next` URL of the previous page unchanged",
        ) from None


def _read_indicator_codes(values: list[str] | None) -> list[str] | None:
    """The codes asked for, split at commas, each once, in the order given."""
    if values is None:
        return None
    stripped = (code.strip() for value in values for code in value.split(","))
    codes = list(dict.fromkeys(code for code in stripped if code))
    if not codes:
        raise PydanticCustomError(
            "no_indicator",
            "no indicator code given: name one or more, or leave `indicator` out for all",
        )
    if len(codes) > MAX_INDICATORS:
        raise PydanticCustomError(
            "too_many_indicators",
            "{count} indicator codes; at most {maximum} may be asked for at once (leave "
            "`indicator` out for all of them, page by page)",
            {"count": len(codes), "maximum": MAX_INDICATORS},
        )
    return codes


# Parameters the client writes as text and the route is given parsed: read once by their
# validator, and documented (and written back, were they ever) as the text.
_AS_TEXT = WithJsonSchema({"type": "string"})
BoundParameter = Annotated[
    Bound, PlainValidator(_read_bound), PlainSerializer(lambda bound: bound.text), _AS_TEXT
]
CursorParameter = Annotated[
    ObservationKey, PlainValidator(_read_cursor), PlainSerializer(encode_cursor), _AS_TEXT
]

START_DESCRIPTION = (
    f"Only periods that end on or after the first day of this year, month or day ({BOUND_FORMATS})."
)
END_DESCRIPTION = (
    f"Only periods that start on or before the last day of this year, month or day "
    f"({BOUND_FORMATS})."
)
REPORT_DESCRIPTION = "Only what this report gave (an id from /v1/reports)."
LAST_DESCRIPTION = "Only the N latest periods of each series (indicator and dimensions)."

# The parameters the series and the observations share, written once.
StartParameter = Annotated[
    BoundParameter | None,
    Field(description=START_DESCRIPTION, examples=["2024", "2024-06", "2024-12-31"]),
]
EndParameter = Annotated[
    BoundParameter | None, Field(description=END_DESCRIPTION, examples=["2025-12"])
]
ReportParameter = Annotated[
    str | None, Field(max_length=64, description=REPORT_DESCRIPTION, examples=["cnnic-55"])
]
LastParameter = Annotated[
    int | None, Field(ge=1, le=1000, description=LAST_DESCRIPTION, examples=[1])
]


class DimensionQuery(QueryModel):
    """The base of the operations that read observations: a parameter they do not document
    must be a dimension name some observation has (`area=rural`), repeated for several
    values; the route checks the name against the data."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, str | list[str]] = Field(init=False)

    total: Annotated[
        bool,
        Field(
            description="`true`: only the headline figures, broken down by nothing (a change "
            "keeps what it is measured from). For no breakdown on one dimension only, give it "
            "`_total` (`area=_total`).",
            examples=[True],
        ),
    ] = False

    @property
    def dimension_filters(self) -> dict[str, list[str]]:
        """The undocumented parameters, as dimension name -> accepted values."""
        extra = self.model_extra or {}
        return {name: [value] if isinstance(value, str) else value for name, value in extra.items()}


class SeriesQuery(DimensionQuery):
    """Filters and format for a chart series."""

    start: StartParameter = None
    end: EndParameter = None
    report: ReportParameter = None
    last: LastParameter = None
    format: Annotated[
        Literal["json", "csv"] | None,
        Field(
            description="`csv` for a spreadsheet: one row per period, one column per line, "
            "named by its breakdown (`area=rural`; `_total` for the headline); also chosen by "
            "`Accept: text/csv`. `json` by default.",
            examples=["csv"],
        ),
    ] = None


class ObservationQuery(DimensionQuery):
    """Filters, paging and format for observations."""

    indicator: Annotated[
        list[Annotated[str, StringConstraints(min_length=1)]] | None,
        AfterValidator(_read_indicator_codes),
        Field(
            description="One or more indicator codes: repeat the parameter or separate codes "
            f"with commas; at most {MAX_INDICATORS}.",
            examples=[["internet_users"], ["internet_users,internet_penetration"]],
        ),
    ] = None
    start: StartParameter = None
    end: EndParameter = None
    report: ReportParameter = None
    vintages: Annotated[
        Literal["preferred", "all"],
        Field(
            description="`preferred` (default): each indicator, dimensions and period once, a "
            "reported value before a derived one, then the latest report's. `all`: every "
            "report's value (revisions, and values that disagree).",
            examples=["all"],
        ),
    ] = "preferred"
    last: LastParameter = None
    limit: Annotated[
        int, Field(ge=1, le=1000, description="Observations per page (1 to 1000).", examples=[100])
    ] = 100
    cursor: Annotated[
        CursorParameter | None,
        Field(
            description="Where the page starts: opaque, taken from the previous page's `next`.",
            examples=["WyJpbnRlcm5ldF91c2VycyIsInt9IiwiMjAyNC0xMi0wMSIsNTUsMV0"],
        ),
    ] = None
    format: Annotated[
        Literal["json", "csv"] | None,
        Field(
            description="`csv` for the same rows as CSV with a header line, one column per "
            "dimension (also chosen by `Accept: text/csv`): every matching row, streamed, unless "
            "`limit` or `cursor` asks for a page; `json` by default.",
            examples=["csv"],
        ),
    ] = None

    @property
    def indicator_codes(self) -> list[str]:
        """The codes asked for, each once, in the order given (none: every indicator)."""
        return self.indicator or []


# The longest claim read: a sentence or two pasted from a news story.
MAX_CLAIM_LENGTH = 300


class CheckQuery(QueryModel):
    """The figure to check."""

    claim: Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_CLAIM_LENGTH),
        Field(
            description="A figure as written in a news story, in English or Chinese: the number "
            "with its unit, and what and when it is of, as far as the story says "
            f"(1 to {MAX_CLAIM_LENGTH} characters).",
            examples=[
                "10.92亿网民 2023年12月",
                "China had 1.079 billion internet users in June 2023",
                "penetration 76.4%",
            ],
        ),
    ]


def _takes_one_value(annotation: Any) -> bool:
    return list not in {get_origin(part) for part in (annotation, *get_args(annotation))}


# The documented parameters that take one value: given twice, which was meant is unclear.
SINGLE_VALUED_PARAMETERS = frozenset(
    name
    for model in (SourceQuery, IndicatorQuery, SeriesQuery, ObservationQuery, CheckQuery)
    for name, info in model.model_fields.items()
    if _takes_one_value(info.annotation)
)

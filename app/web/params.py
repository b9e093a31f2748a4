"""The query parameters of each operation, as models: documented, validated, and closed.

An operation takes exactly the parameters of its model; any other is a 422 that names it and
lists the accepted ones. The observation models are the exception: there an undocumented
parameter may be a dimension name (`area=rural`), which the route checks against the data.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

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
from app.queries.transforms import Transform
from app.web.language import LanguageParameter
from app.web.pagination import decode_cursor, decode_position, encode_cursor, encode_position

T = TypeVar("T")

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


class LanguageQuery(QueryModel):
    """The language of an answer that names things."""

    lang: LanguageParameter = None


class IndicatorQuery(QueryModel):
    """Search and filters for the catalogue, and the language of the answer."""

    q: Annotated[
        str | None,
        Field(
            max_length=200,
            description="Words to search for, in English or Chinese, in the codes, names, "
            "terms and descriptions and the names of the breakdowns: the best matches first "
            "(every word matched before some; a name before a breakdown before a description), "
            "each with its `match`. Common words (`number of`, `the`, `China`, `的`) are left "
            "out and the catalogue's synonyms matched (`smartphone` finds `mobile phone`); a "
            "query of such words only searches for nothing: every indicator, each `match` "
            "with `words` 0.",
            examples=["number of 5G base stations"],
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
    lang: LanguageParameter = None


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


def _cursor_reader(decode: Callable[[str], T]) -> Callable[[Any], T]:
    """A validator of a page's cursor that ``decode`` reads."""

    def read(value: Any) -> T:
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            return decode(value)
        except ValueError:
            raise PydanticCustomError(
                "cursor",
                "not a cursor this API gave: pass the `next` URL of the previous page unchanged",
            ) from None

    return read


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


@dataclass(frozen=True, slots=True)
class ChangedSince:
    """A ``changed_since`` as the client wrote it: a data version, or the moment it names
    (a date is its first instant, UTC; so is a date-time without a time zone)."""

    text: str
    moment: dt.datetime | None


# What a date or date-time starts with; anything else is taken for a data version.
_DATE_LIKE = re.compile(r"\d{4}-")
MAX_VERSION_LENGTH = 64


def _read_changed_since(value: Any) -> ChangedSince:
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    if not _DATE_LIKE.match(value):
        if not value or len(value) > MAX_VERSION_LENGTH:
            raise PydanticCustomError(
                "data_version",
                "give a data version (at most {maximum} characters, as `X-Data-Version` or "
                "/v1/releases names it), a date (YYYY-MM-DD) or a date-time (ISO 8601)",
                {"maximum": MAX_VERSION_LENGTH},
            )
        return ChangedSince(value, None)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "date",
            "'{value}' is not a date (YYYY-MM-DD) or a date-time (ISO 8601, such as "
            "2026-02-06T08:00:00+08:00)",
            {"value": value},
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return ChangedSince(value, moment)


# Parameters the client writes as text and the route is given parsed: read once by their
# validator, and documented (and written back, were they ever) as the text.
_AS_TEXT = WithJsonSchema({"type": "string"})
BoundParameter = Annotated[
    Bound, PlainValidator(_read_bound), PlainSerializer(lambda bound: bound.text), _AS_TEXT
]
CursorParameter = Annotated[
    ObservationKey,
    PlainValidator(_cursor_reader(decode_cursor)),
    PlainSerializer(encode_cursor),
    _AS_TEXT,
]
ChangedSinceParameter = Annotated[
    ChangedSince,
    PlainValidator(_read_changed_since),
    PlainSerializer(lambda since: since.text),
    _AS_TEXT,
]
PositionParameter = Annotated[
    int, PlainValidator(_cursor_reader(decode_position)), PlainSerializer(encode_position), _AS_TEXT
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


TransformParameter = Annotated[
    Transform | None,
    Field(
        description="Values computed from each line instead of the values themselves: `change` "
        "from the period before (of the same form: a month from the month before), "
        "`pct_change` the same in percent, `yoy` the percent change from the same period a "
        "year earlier. Computed from the preferred value of each period, labelled `computed` "
        "with the two values they come from, and never mixed with the changes the reports "
        "state (those are indicators of their own, such as `internet_users_change`). `start`, "
        "`end` and `last` choose among the computed values.",
        examples=["pct_change"],
    ),
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

    lang: LanguageParameter = None
    start: StartParameter = None
    end: EndParameter = None
    report: ReportParameter = None
    last: LastParameter = None
    transform: TransformParameter = None
    vintages: Annotated[
        Literal["preferred", "all"],
        Field(
            description="`all` adds to each line every report's value of each period "
            "(`vintages`: its revisions, and values that disagree); the points stay the "
            "preferred values. `preferred` (default) adds nothing.",
            examples=["all"],
        ),
    ] = "preferred"
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
    transform: TransformParameter = None
    changed_since: Annotated[
        ChangedSinceParameter | None,
        Field(
            description="Only the observations added or revised since then, to bring a copy up "
            "to date: a data version (the `X-Data-Version` of the copy; a change since that "
            "release), or a date (`YYYY-MM-DD`, from its start, UTC) or date-time (ISO 8601; "
            "UTC when it names no zone; changes seeded after it). What was withdrawn is in "
            "each release's changes (`/v1/releases/{version}?kind=withdrawn`). An unknown "
            "version is a 422 naming the known ones, closest first.",
            examples=["2d8e852a52179316f985a4da4a29b941", "2026-02-06"],
        ),
    ] = None
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
    lang: LanguageParameter = None

    @property
    def indicator_codes(self) -> list[str]:
        """The codes asked for, each once, in the order given (none: every indicator)."""
        return self.indicator or []


class ReleaseQuery(QueryModel):
    """Paging for the releases."""

    limit: Annotated[
        int, Field(ge=1, le=1000, description="Releases per page (1 to 1000).", examples=[20])
    ] = 100
    cursor: Annotated[
        PositionParameter | None,
        Field(
            description="Where the page starts: opaque, taken from the previous page's `next`.",
            examples=["WzFd"],
        ),
    ] = None


ChangeKind = Literal["added", "revised", "withdrawn"]


class ReleaseChangesQuery(QueryModel):
    """Filter and paging for one release's changes."""

    kind: Annotated[
        list[ChangeKind] | None,
        Field(
            description="Only the changes of these kinds (repeat the parameter for several): "
            "`added`, `revised` or `withdrawn`.",
            examples=[["withdrawn"]],
        ),
    ] = None
    limit: Annotated[
        int, Field(ge=1, le=1000, description="Changes per page (1 to 1000).", examples=[100])
    ] = 100
    cursor: Annotated[
        PositionParameter | None,
        Field(
            description="Where the page starts: opaque, taken from the previous page's `next`.",
            examples=["WzEwMF0"],
        ),
    ] = None


# The longest claim read: a sentence or two pasted from a news story.
MAX_CLAIM_LENGTH = 300


def _not_blank(claim: str) -> str:
    if not claim.strip():
        raise PydanticCustomError(
            "blank_claim", "is all spaces: give the figure as the story writes it"
        )
    return claim


class CheckQuery(QueryModel):
    """The figure to check."""

    claim: Annotated[
        str,
        StringConstraints(min_length=1, max_length=MAX_CLAIM_LENGTH),
        AfterValidator(_not_blank),
        Field(
            # Said in the schema too, so that a client generated from it sends no blank claim.
            json_schema_extra={"pattern": r"\S"},
            description="A figure as written in a news story, in English or Chinese: the number "
            "with its unit, and what and when it is of, as far as the story says "
            f"(1 to {MAX_CLAIM_LENGTH} characters, not all spaces).",
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
    for model in (
        SourceQuery,
        LanguageQuery,
        IndicatorQuery,
        SeriesQuery,
        ObservationQuery,
        ReleaseQuery,
        ReleaseChangesQuery,
        CheckQuery,
    )
    for name, info in model.model_fields.items()
    if _takes_one_value(info.annotation)
)

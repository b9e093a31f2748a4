"""Wire models: what the HTTP API sends. The OpenAPI document is generated from these.

Every field carries a description and an example taken from the seeded data, so the docs page
teaches by showing real figures.

An observation has four shapes on its way out, each for a reason: the extractor's records
(:mod:`app.extract.records`: what a text says, before the database), the stored rows
(:mod:`app.store.models`: tables, indexes and constraints), the body a page is read into
(:class:`app.queries.observations.ObservationBody`: these models' fields, in their order, built
straight from the rows and encoded without a model per observation, for speed), and these
models, the contract. The tests hold every page's bytes to these models; CSV is the same rows
as a flat table (:mod:`app.web.csv_export`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from app.queries.observations import plain_number
from app.store import models

Number = Annotated[float, PlainSerializer(plain_number, when_used="json")]


ReadBy = Literal["engine", "corrected", "added"]


class WireModel(BaseModel):
    """Base of every body: strict about what goes out."""

    model_config = ConfigDict(extra="forbid")


# --- problems -----------------------------------------------------------------------------------


class ParameterProblem(WireModel):
    """What is wrong with one parameter."""

    parameter: str | None = Field(
        default=None, description="The offending parameter.", examples=["limit"]
    )
    detail: str = Field(
        description="What is wrong and what would be valid.",
        examples=["limit: Input should be less than or equal to 1000"],
    )
    allowed: list[str] | None = Field(
        default=None,
        description="The values or parameter names that would be accepted, where they are few.",
        examples=[["indicator", "start", "end", "report", "vintages", "last", "area"]],
    )


class Problem(WireModel):
    """An RFC 9457 problem: why the request was refused and what would be accepted.

    `type` is one of `urn:cnnic-stats:problem:not-found` (404: no such report, source or
    indicator), `urn:cnnic-stats:problem:invalid-parameter` (422: a malformed, out-of-range or
    contradictory value), `urn:cnnic-stats:problem:unknown-parameter` (422: a parameter that is
    neither documented nor a known dimension), or `about:blank` (plain HTTP errors such as an
    unknown path).
    """

    type: str = Field(
        description="A URI naming the kind of problem.",
        examples=["urn:cnnic-stats:problem:not-found"],
    )
    title: str = Field(description="The kind of problem, in words.", examples=["Not found"])
    status: int = Field(description="The HTTP status code.", examples=[404])
    detail: str = Field(
        description="This occurrence, in words, with what would be valid.",
        examples=["No indicator 'internet_user'. Closest codes: internet_users."],
    )
    instance: str = Field(
        description="The path that was requested.", examples=["/v1/indicators/internet_user"]
    )
    parameter: str | None = Field(
        default=None,
        description="For a parameter problem, the offending parameter.",
        examples=["indicator"],
    )
    allowed: list[str] | None = Field(
        default=None,
        description="The values or parameter names that would be accepted, where they are few.",
        examples=[["artificial_intelligence", "infrastructure", "internet_users"]],
    )
    suggestions: list[str] | None = Field(
        default=None,
        description="For an unknown identifier, the closest known ones.",
        examples=[["internet_users"]],
    )
    errors: list[ParameterProblem] | None = Field(
        default=None, description="Every parameter problem found, when there are parameter ones."
    )


# --- reports and sources ------------------------------------------------------------------------


class Report(WireModel):
    """One edition of a statistical report."""

    id: str = Field(description="The report's slug.", examples=["cnnic-55"])
    title: str = Field(
        description="The report's title.",
        examples=["The 55th Statistical Report on China's Internet Development"],
    )
    publisher: str = Field(
        description="Who issued the report.",
        examples=["China Internet Network Information Center (CNNIC)"],
    )
    edition: int = Field(
        description="The edition number; later reports have higher.", examples=[55]
    )
    published: str = Field(
        description="When it was published (ISO 8601, as precise as known).", examples=["2025-01"]
    )
    sources: list[str] = Field(
        description="The ids of the documents its figures were read from (see /v1/sources).",
        examples=[["cnnic-57-cctv-zh", "cnnic-57-ecns-en", "cnnic-57-xinhua-en"]],
    )

    @classmethod
    def from_row(cls, report: models.Report) -> Report:
        return cls(
            id=report.id,
            title=report.title,
            publisher=report.publisher,
            edition=report.edition,
            published=report.published,
            sources=[source.id for source in report.sources],
        )


class Link(WireModel):
    """Where one part of the API is."""

    rel: str = Field(description="What the link leads to.", examples=["observations"])
    href: str = Field(description="Its path.", examples=["/v1/observations"])
    title: str = Field(
        description="What is there, in a few words.", examples=["Values with their citations"]
    )


class ApiIndex(WireModel):
    """The API's front door: what it serves, and which data it serves now."""

    data_version: str | None = Field(
        description="The fingerprint of the data served now: it changes exactly when a seed "
        "changes the data, and every answer's ETag and `X-Data-Version` header follow it.",
        examples=["2d8e852a52179316f985a4da4a29b941"],
    )
    data_seeded_at: str | None = Field(
        description="When the data now served was seeded (ISO 8601).",
        examples=["2026-12-07T13:27:20+00:00"],
    )
    links: list[Link] = Field(description="The API's collections and its documentation.")


class ReportList(WireModel):
    """Every report, oldest edition first."""

    data: list[Report] = Field(description="The reports.")


class Source(WireModel):
    """A document figures were read from; its text is at `/v1/sources/{id}/text`."""

    id: str = Field(description="The source's slug.", examples=["cnnic-55-en"])
    file: str = Field(description="Its original file name.", examples=["004_65db08e511ec9519.txt"])
    title: str = Field(
        description="The document's title.",
        examples=["China had 1.125 billion internet users by the end of 2025 (Xinhua)"],
    )
    publisher: str = Field(description="Who published the document.", examples=["Xinhua"])
    published: str = Field(
        description="When it was published (ISO 8601, as precise as known).",
        examples=["2026-02-05"],
    )
    language: str = Field(description="Its language (BCP 47).", examples=["en"])
    report: str = Field(description="The id of the report it covers.", examples=["cnnic-57"])
    address: str | None = Field(
        description="Where the text was found on the web; null for a text delivered as a file.",
        examples=["http://www.xinhuanet.com/english/2018-08/20/c_137404669.htm"],
    )
    sha256: str = Field(
        description="SHA-256 of the text as served by `/v1/sources/{id}/text` (UTF-8), in hex.",
        examples=["6cfba8164693a7da72b34c773f3a424718e7f91cbbd409930c3dd7ef92548686"],
    )

    @classmethod
    def from_row(cls, source: models.Source) -> Source:
        return cls(
            id=source.id,
            file=source.file,
            title=source.title,
            publisher=source.publisher,
            published=source.published,
            language=source.language,
            report=source.report_id,
            address=source.address,
            sha256=source.sha256,
        )


class SourceList(WireModel):
    """Sources, by report edition and then id."""

    data: list[Source] = Field(description="The sources.")


# --- indicators ---------------------------------------------------------------------------------


class Indicator(WireModel):
    """What is measured, in one unit, and how much of it the data covers."""

    code: str = Field(description="The stable snake_case id.", examples=["internet_users"])
    name: str = Field(description="The English name.", examples=["Internet users"])
    name_zh: str = Field(description="The Chinese name.", examples=["网民规模"])
    description: str = Field(
        description="What exactly is counted.",
        examples=[
            "Chinese residents aged 6 or above who used the Internet in the past six months."
        ],
    )
    unit: str = Field(
        description="The unit every value is in (`persons`, not millions; `percent` as 78.6).",
        examples=["persons"],
    )
    category: str = Field(description="The group it belongs to.", examples=["internet_users"])
    dimensions: list[str] = Field(
        description="The breakdowns its observations have (usable as filter parameters).",
        examples=[["area"]],
    )
    dimension_values: dict[str, list[str]] = Field(
        description="For each breakdown, the values it takes.",
        examples=[{"area": ["rural", "urban"]}],
    )
    first_period: str | None = Field(
        description="The earliest period with a value; null while it has none.",
        examples=["2023-12"],
    )
    last_period: str | None = Field(
        description="The latest period with a value; null while it has none.",
        examples=["2025-12"],
    )
    observations: int = Field(
        description="How many observations it has, every report's vintage counted.", examples=[4]
    )
    reports: list[str] = Field(
        description="The reports that gave its values, oldest edition first.",
        examples=[["cnnic-55", "cnnic-57"]],
    )


class IndicatorList(WireModel):
    """Catalogue entries, by code."""

    data: list[Indicator] = Field(description="The indicators.")


# --- observations -------------------------------------------------------------------------------


class Citation(WireModel):
    """A quote proving a value: exactly `text[start:end]` of the source's text."""

    source: str = Field(description="The id of the source quoted.", examples=["cnnic-55-en"])
    quote: str = Field(
        description="The sentence or phrase, verbatim.",
        examples=["By December 2024, China had 1,108 million Internet users"],
    )
    start: int = Field(
        description="Offset of its first character in the source text (Unicode characters).",
        examples=[3952],
    )
    end: int = Field(
        description="Offset just past its last character (Unicode characters).", examples=[4008]
    )
    as_reported: str = Field(
        description="The number as this source writes it.", examples=["1,108 million"]
    )
    read_by: ReadBy = Field(
        description="How this reading was made: `engine`, proposed by the extraction engine and "
        "accepted unchanged by a reviewer; `corrected`, proposed and corrected by a reviewer; "
        "`added`, written by a reviewer.",
        examples=["engine"],
    )
    corrected: list[str] = Field(
        description="The fields a reviewer corrected (for `corrected`), else empty.",
        examples=[["attributed_to"]],
    )


class Note(WireModel):
    """What a source says about a value beyond its sentence, with its own citation."""

    kind: str = Field(
        description="What the note does: e.g. `definition`, `scope`, `date`.",
        examples=["definition"],
    )
    source: str = Field(description="The id of the source quoted.", examples=["cnnic-55-en"])
    quote: str = Field(
        description="The note, verbatim: exactly `text[start:end]`.",
        examples=[
            "The rural Internet penetration is resulted from the latest rural population size "
            "calculated by China's National Bureau of Statistics (NBS) in 2024."
        ],
    )
    start: int = Field(description="Offset of its first character.", examples=[40112])
    end: int = Field(description="Offset just past its last character.", examples=[40248])


class DerivationInput(WireModel):
    """An observation a derived value was computed from."""

    indicator: str = Field(description="Its indicator code.", examples=["internet_users"])
    dimensions: dict[str, str] = Field(
        default_factory=dict, description="Its dimensions.", examples=[{}]
    )
    period: str = Field(description="Its period.", examples=["2024-12"])
    report: str = Field(description="The report that gave it.", examples=["cnnic-55"])


class Derivation(WireModel):
    """How a derived value was computed."""

    method: str = Field(description="The kind of computation.", examples=["level minus change"])
    formula: str = Field(
        description="The arithmetic, with the inputs as their sources write them.",
        examples=["1,108 million − 16.08 million"],
    )
    inputs: list[DerivationInput] = Field(description="The observations it was computed from.")


class Observation(WireModel):
    """One value of one indicator for one set of dimensions and one period, as a report gave it."""

    indicator: str = Field(description="The indicator's code.", examples=["internet_users"])
    period: str = Field(
        description="What the value refers to, ISO 8601: `2024-12`, `2024`, `2025-Q1`, "
        "`2024-12-31` or an interval `2025-01/2025-08`.",
        examples=["2024-12"],
    )
    period_start: dt.date = Field(
        description="The period's first day.", examples=[dt.date(2024, 12, 1)]
    )
    period_end: dt.date = Field(
        description="The period's last day.", examples=[dt.date(2024, 12, 31)]
    )
    value: Number = Field(
        description="The value in the indicator's base unit (persons, not millions; 78.6 "
        "for 78.6%).",
        examples=[1108000000],
    )
    unit: str = Field(description="The indicator's unit.", examples=["persons"])
    dimensions: dict[str, str] = Field(
        description="The breakdown; `{}` is the headline total.", examples=[{"area": "rural"}]
    )
    report: str = Field(description="The report that gave the value.", examples=["cnnic-55"])
    status: Literal["reported", "derived"] = Field(
        description="`reported`: the number is in a source; `derived`: computed from reported "
        "ones (see `derivation`).",
        examples=["reported"],
    )
    as_reported: str | None = Field(
        description="The number as the first citation writes it.", examples=["1,108 million"]
    )
    qualifier: str | None = Field(
        description="Null for an exact figure, else what the source says of it.",
        examples=["more than"],
    )
    attributed_to: str | None = Field(
        description="Null when the figure is the report's own, else the body the source "
        "credits with it.",
        examples=["Ministry of Industry and Information Technology"],
    )
    derivation: Derivation | None = Field(
        description="For a derived value, how and from which observations; else null."
    )
    read_by: ReadBy = Field(
        description="How its readings (its citations) were made, together: `engine` when the "
        "extraction engine proposed every one and a reviewer accepted it unchanged, `added` when "
        "reviewers wrote every one, else `corrected` (see each citation's `read_by`).",
        examples=["engine"],
    )
    notes: list[Note] = Field(description="What the sources say about the value beyond it.")
    citations: list[Citation] = Field(description="The quotes that support the value.")


class ObservationPage(WireModel):
    """One page of observations, in the order indicator, dimensions, period, report."""

    data: list[Observation] = Field(description="The observations on this page.")
    next: str | None = Field(
        description="The URL of the next page (also in the `Link` header); null on the last.",
        examples=[
            "http://127.0.0.1:8000/v1/observations?indicator=internet_users&limit=1"
            "&cursor=WyJpbnRlcm5ldF91c2VycyIsInt9IiwiMjAyNC0xMi0wMSIsNTUsMV0"
        ],
    )


# --- series -------------------------------------------------------------------------------------


Point = tuple[str, Number]


class SeriesLine(WireModel):
    """One set of dimensions and its values over time."""

    dimensions: dict[str, str] = Field(
        description="The breakdown; `{}` is the headline total.", examples=[{"area": "rural"}]
    )
    points: list[Point] = Field(
        description="`[period, value]` pairs, earliest period first, one per period.",
        examples=[[["2024-12", 65.6], ["2025-12", 69.5]]],
    )


class Series(WireModel):
    """An indicator's data shaped for a chart: one line per set of dimensions."""

    indicator: str = Field(description="The indicator's code.", examples=["internet_penetration"])
    unit: str = Field(description="The unit of every value.", examples=["percent"])
    series: list[SeriesLine] = Field(description="The lines, headline total first.")


# --- checks -------------------------------------------------------------------------------------


Verdict = Literal["confirmed", "rounded", "differs", "not_found", "unreadable"]


class ClaimFigure(WireModel):
    """The number a claim gives, as read."""

    as_written: str = Field(description="The number as the claim writes it.", examples=["10.92亿"])
    value: Number = Field(
        description="Its value in the base unit (persons, not 亿; 76.4 for 76.4%); negative "
        "for a fall.",
        examples=[1092000000],
    )
    unit: str = Field(
        description="The unit it is written in: `count` (a number of things, which fits any "
        "indicator that counts), `percent`, `percentage_points`, `yuan`, `usd`, ...",
        examples=["count"],
    )
    precision: Number = Field(
        description="The value of one unit in its last written digit: `10.92亿` is read to the "
        "nearest 1,000,000, and restates any value within half of that.",
        examples=[1000000],
    )
    qualifier: str | None = Field(
        description="What the claim says of the number (`more than`, `nearly`, `about`), or null.",
        examples=["more than"],
    )


class ClaimIndicator(WireModel):
    """An indicator the figure may be of."""

    code: str = Field(description="The indicator's code.", examples=["internet_users"])
    name: str = Field(description="Its English name.", examples=["Internet users"])
    name_zh: str = Field(description="Its Chinese name.", examples=["网民规模"])
    phrase: str | None = Field(
        description="The claim's words that name it; null for an indicator guessed from the "
        "value and its unit.",
        examples=["网民"],
    )


class ClaimPeriod(WireModel):
    """The date a claim gives its figure."""

    as_written: str = Field(description="The date as the claim writes it.", examples=["2023年12月"])
    period: str = Field(
        description="The period it gives the first indicator's value, ISO 8601: a whole year "
        "is a count's December, as in the reports (`2023` -> `2023-12`).",
        examples=["2023-12"],
    )


ReadAs = Literal["sentence", "phrases", "value"]


class ClaimReading(WireModel):
    """What the claim was read to say, with the project's own readers and catalogue."""

    read_as: ReadAs | None = Field(
        description="How the indicator was found: `sentence`, the extraction engine read the "
        "claim as a sentence of a report; `phrases`, the catalogue's phrases in the claim name "
        "its figure (a telegraphic claim: `5G基站 337.7万个`); `value`, no phrase names one: "
        "the indicators were guessed from the value and its unit. Null when no figure was "
        "found.",
        examples=["sentence"],
    )
    figure: ClaimFigure | None = Field(description="The figure checked; null when none was found.")
    indicators: list[ClaimIndicator] = Field(
        description="The indicators the figure may be of, best first (for `value`, those of the "
        "observations shown)."
    )
    dimensions: dict[str, str] = Field(
        description="The breakdown the claim names; `{}` is the headline total.",
        examples=[{"area": "rural"}],
    )
    period: ClaimPeriod | None = Field(
        description="The date the claim gives; null when it gives none, and every period is "
        "compared."
    )
    other_figures: list[str] = Field(
        description="The claim's other numbers, as written: one figure is checked at a time, "
        "the first the claim gives.",
        examples=[["80%"]],
    )
    notes: list[str] = Field(
        description="What was assumed in reading the claim.",
        examples=[["No period given: every period is compared."]],
    )


DifferenceKind = Literal["breakdown", "period", "rounded", "value"]


class Difference(WireModel):
    """One way an observation differs from the claim."""

    kind: DifferenceKind = Field(
        description="`breakdown`: the value of another breakdown; `period`: of another period; "
        "`rounded`: the claim is this value rounded to its last written digit (how it "
        "agrees, not a disagreement); `value`: another value.",
        examples=["value"],
    )
    claimed: str | None = Field(
        description="What the claim says: its breakdown (`total` for none), period or number.",
        examples=["10.92亿"],
    )
    found: str = Field(description="What the observation has.", examples=["1,108,000,000"])
    by_percent: float | None = Field(
        description="For `value`: how far the claim is from the observation's value, in "
        "percent of it (negative: the claim is lower); else null.",
        examples=[-1.44],
    )
    detail: str = Field(
        description="The difference in words.",
        examples=["Its value is 1,108,000,000; the claim's 10.92亿 is 1.44% below it."],
    )


class CheckedObservation(WireModel):
    """An observation compared with the claim, with the quotes that prove it."""

    indicator: str = Field(description="The indicator's code.", examples=["internet_users"])
    dimensions: dict[str, str] = Field(
        description="The breakdown; `{}` is the headline total.", examples=[{}]
    )
    period: str = Field(description="The period, ISO 8601.", examples=["2023-12"])
    value: Number = Field(
        description="The value in the indicator's base unit.", examples=[1092000000]
    )
    unit: str = Field(description="The indicator's unit.", examples=["persons"])
    report: str = Field(description="The report that gave the value.", examples=["cnnic-53"])
    status: Literal["reported", "derived"] = Field(
        description="`reported` or `derived` (see /v1/observations).", examples=["reported"]
    )
    as_reported: str | None = Field(
        description="The number as the first citation writes it.", examples=["10.92亿"]
    )
    qualifier: str | None = Field(
        description="Null for an exact figure, else what the source says of it.",
        examples=["more than"],
    )
    attributed_to: str | None = Field(
        description="Null when the figure is the report's own, else the body credited.",
        examples=["Ministry of Industry and Information Technology"],
    )
    citations: list[Citation] = Field(description="The quotes that support the value.")
    differences: list[Difference] = Field(
        description="How it differs from the claim; empty when it is exactly the claim's figure."
    )


class Check(WireModel):
    """A claim read and held against the data."""

    claim: str = Field(
        description="The claim as read (its spaces collapsed).", examples=["10.92亿网民 2023年12月"]
    )
    verdict: Verdict = Field(
        description="`confirmed`: an observation of the claim's indicator, breakdown and "
        "period (any period when it gives none) has its value; `rounded`: the claim is such a "
        "value rounded; `differs`: the claim names an indicator and a period, and the data's "
        "value there is another; `not_found`: no observation agrees (`closest` shows the "
        "nearest and how each differs); `unreadable`: no figure was found in the claim.",
        examples=["confirmed"],
    )
    summary: str = Field(
        description="The verdict in a sentence.",
        examples=["Confirmed: cnnic-53 gives 10.92亿 for Internet users, total, 2023-12."],
    )
    reading: ClaimReading = Field(description="What the claim was read to say.")
    matches: list[CheckedObservation] = Field(
        description="The observations that agree, best first: exact before rounded, reported "
        "before derived, the latest report first."
    )
    closest: list[CheckedObservation] = Field(
        description="When none agrees, up to five observations that come closest, best first: "
        "fewest differences, then the nearest value."
    )

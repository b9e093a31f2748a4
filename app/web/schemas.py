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
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from app.queries.observations import plain_number
from app.queries.search import FieldKind
from app.queries.transforms import Transform
from app.store import models
from app.web.language import Language

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
    neither documented nor a known dimension), `urn:cnnic-stats:problem:data-unavailable` (503:
    a download cannot be built now: no data is seeded, or seeds kept landing while it was read),
    or `about:blank` (plain HTTP errors such as an unknown path).
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
        description="When the data now served was seeded (ISO 8601, UTC): the time of its "
        "release, kept by a seed that changes nothing; also every answer's `X-Data-Seeded-At` "
        "header.",
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


class FieldLanguages(WireModel):
    """The language each of an indicator's texts is in: the one asked for, or English where the
    catalogue has no Chinese."""

    name: Language = Field(description="The language of `name`.", examples=["zh"])
    description: Language = Field(description="The language of `description`.", examples=["zh"])


class SearchMatch(WireModel):
    """How an indicator matched the search `q`: the list is ordered by these."""

    words: int = Field(
        description="How many words the query has, once stop words are left out and a "
        "synonym's phrase is counted as one word.",
        examples=[3],
    )
    matched: int = Field(description="How many of them this indicator matches.", examples=[3])
    fields: list[FieldKind] = Field(
        description="Where it matches them: `code`, `name`, `name_zh`, `terms` (the phrases "
        "the reports name it by), `dimension_values` (the names of its breakdowns' values) or "
        "`description` (either language's, or the category).",
        examples=[["code", "name", "name_zh", "terms"]],
    )
    dimension_values: dict[str, list[str]] = Field(
        description="The breakdowns the query names beyond the indicator's names, as filters "
        "take them (`area=rural` for `rural internet penetration`).",
        examples=[{"area": ["rural"]}],
    )


class Indicator(WireModel):
    """What is measured, in one unit, and how much of it the data covers."""

    code: str = Field(description="The stable snake_case id.", examples=["internet_users"])
    name: str = Field(
        description="The name, in the language asked for (`lang`, `Accept-Language`).",
        examples=["Internet users"],
    )
    name_en: str = Field(description="The English name.", examples=["Internet users"])
    name_zh: str = Field(description="The Chinese name.", examples=["网民规模"])
    description: str = Field(
        description="What exactly is counted, in the language asked for where the catalogue "
        "has it, else in English (see `languages`).",
        examples=[
            "Chinese residents aged 6 or above who used the Internet in the past six months."
        ],
    )
    languages: FieldLanguages = Field(description="The language `name` and `description` are in.")
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
        description="For each breakdown, the values it takes (the same in every language: "
        "filters take them).",
        examples=[{"area": ["rural", "urban"]}],
    )
    dimension_labels: dict[str, dict[str, str]] = Field(
        description="For each breakdown, each value's label in the language asked for: in "
        "Chinese the catalogue's Chinese name, or the value itself where it has none; in "
        "English the value itself.",
        examples=[{"area": {"rural": "农村", "urban": "城镇"}}],
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
    match: SearchMatch | None = Field(
        default=None,
        description="How it matched the search `q`; null without one.",
    )


class IndicatorList(WireModel):
    """Catalogue entries: by code, or the best matches of the search `q` first."""

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
    dimension_labels: dict[str, str] = Field(
        description="The label of each value of `dimensions`, in the language asked for "
        "(`lang`, `Accept-Language`; see the indicator's `dimension_labels`).",
        examples=[{"area": "农村"}],
    )
    report: str = Field(description="The report that gave the value.", examples=["cnnic-55"])
    status: Literal["reported", "derived", "computed"] = Field(
        description="`reported`: the number is in a source; `derived`: computed from reported "
        "ones when the data was seeded (see `derivation`); `computed`: computed on request by "
        "`transform`, from the two observations its `derivation` names, whose citations it "
        "carries.",
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
    labels: dict[str, str] = Field(
        description="The label of each value of `dimensions`, in the language asked for "
        "(`lang`, `Accept-Language`), for a legend.",
        examples=[{"area": "农村"}],
    )
    points: list[Point] = Field(
        description="`[period, value]` pairs, earliest period first, one per period; with "
        "`transform`, the computed values.",
        examples=[[["2024-12", 65.6], ["2025-12", 69.5]]],
    )
    computed_from: list[tuple[Point, Point]] | None = Field(
        default=None,
        description="With `transform`: for each point, in the same order, the two "
        "`[period, value]` pairs it was computed from, the earlier first; absent without.",
        examples=[[[["2024-12", 1108000000], ["2025-12", 1125000000]]]],
    )
    vintages: list[tuple[str, Number, str]] | None = Field(
        default=None,
        description="With `vintages=all`: every report's value of every period, `[period, "
        "value, report]`, in time order and then by edition, the preferred ones included; "
        "absent without.",
        examples=[[["2024-12", 1108000000, "cnnic-55"], ["2024-12", 1108000000, "cnnic-57"]]],
    )


class Series(WireModel):
    """An indicator's data shaped for a chart: one line per set of dimensions."""

    indicator: str = Field(description="The indicator's code.", examples=["internet_penetration"])
    unit: str = Field(
        description="The unit of every value (with `transform`, of the computed values: "
        "`percent` for `pct_change` and `yoy`).",
        examples=["percent"],
    )
    transform: Transform | None = Field(
        default=None,
        description="The transform the points are computed by, or null for the values as reported.",
        examples=["pct_change"],
    )
    series: list[SeriesLine] = Field(description="The lines, headline total first.")


# --- releases -----------------------------------------------------------------------------------


ChangeKind = Literal["added", "revised", "withdrawn"]
ChangeReason = Literal[
    "preferred_report", "preferred_withdrawn", "correction", "derivation", "citation"
]


class Release(WireModel):
    """What one seed changed in the data: its data version, when, the reports and sources it
    added or removed, and how many observations it added, revised and withdrew."""

    number: int = Field(description="Its place in the sequence: 1 for the first.", examples=[1])
    data_version: str = Field(
        description="The data version it made current (as `X-Data-Version`); a version the "
        "data returns to names its latest release.",
        examples=["2d8e852a52179316f985a4da4a29b941"],
    )
    previous_version: str | None = Field(
        description="The data version it replaced; null for the first release.",
        examples=[None],
    )
    seeded_at: str = Field(
        description="When it was seeded (ISO 8601, UTC), as `X-Data-Seeded-At` says while it "
        "is current.",
        examples=["2026-12-07T13:27:20.541233+00:00"],
    )
    reports_added: list[str] = Field(
        description="The reports it brought (ids, see /v1/reports).", examples=[["cnnic-57"]]
    )
    reports_removed: list[str] = Field(description="The reports it took away.", examples=[[]])
    sources_added: list[str] = Field(
        description="The sources it brought (ids, see /v1/sources).",
        examples=[["cnnic-57-cctv-zh", "cnnic-57-ecns-en"]],
    )
    sources_removed: list[str] = Field(description="The sources it took away.", examples=[[]])
    added: int = Field(description="How many observations it added.", examples=[1186])
    revised: int = Field(description="How many observations it revised.", examples=[0])
    withdrawn: int = Field(description="How many observations it withdrew.", examples=[0])
    indicators_changed: list[str] = Field(
        description="The indicators whose catalogue entry it added, changed or removed (names, "
        "descriptions, unit, category, the terms a search matches): read `/v1/indicators` "
        "again for these.",
        examples=[["internet_penetration"]],
    )
    vocabulary_changed: bool = Field(
        description="Whether it changed the labels of dimension values or the search's stop "
        "words and synonyms.",
        examples=[False],
    )

    @classmethod
    def from_row(cls, release: models.Release) -> Release:
        return cls(
            number=release.number,
            data_version=release.data_version,
            previous_version=release.previous_version,
            seeded_at=release.seeded_at,
            reports_added=release.reports_added,
            reports_removed=release.reports_removed,
            sources_added=release.sources_added,
            sources_removed=release.sources_removed,
            added=release.added,
            revised=release.revised,
            withdrawn=release.withdrawn,
            indicators_changed=release.indicators_changed,
            vocabulary_changed=release.vocabulary_changed,
        )


class ReleaseList(WireModel):
    """A page of releases, newest first."""

    data: list[Release] = Field(description="The releases on this page.")
    next: str | None = Field(
        description="The URL of the next page (also in the `Link` header); null on the last.",
        examples=["http://127.0.0.1:8000/v1/releases?limit=1&cursor=WzFd"],
    )


class Change(WireModel):
    """One observation a release added, revised or withdrew, named by its indicator, dimensions,
    period and report (the key that names one observation from one seed to the next)."""

    kind: ChangeKind = Field(
        description="`added`: new; `revised`: what it says changed (see `reason`); "
        "`withdrawn`: no longer served.",
        examples=["revised"],
    )
    reason: ChangeReason | None = Field(
        description="Why a revised observation changed; null for the other kinds. "
        "`preferred_report`: the value served by default for this indicator, dimensions and "
        "period is now this report's, preferred to the one before (a later edition's, or a "
        "reported value where a derived one was served; the one before is still given by "
        "`vintages=all`). `preferred_withdrawn`: the value served before was withdrawn, so this "
        "one is served again. `correction`: the reviewed readings read it otherwise (value, "
        "qualifier, attribution or status; its `read_by` says whether a reviewer corrected "
        "it). `derivation`: a derived value computed again. `citation`: the same reading with "
        "other citations or notes.",
        examples=["preferred_report"],
    )
    indicator: str = Field(description="The indicator's code.", examples=["application_users"])
    dimensions: dict[str, str] = Field(
        description="The breakdown; `{}` is the headline total.",
        examples=[{"application": "online video"}],
    )
    period: str = Field(description="The period (ISO 8601).", examples=["2023-12"])
    report: str = Field(description="The report the observation is from.", examples=["cnnic-55"])
    value: Number | None = Field(
        description="Its value now; null when withdrawn.", examples=[1066710000]
    )
    previous_value: Number | None = Field(
        description="The value before: the observation's own, or for `preferred_report` and "
        "`preferred_withdrawn` the one served in its place; null when added.",
        examples=[1067000000],
    )
    previous_report: str | None = Field(
        description="For `preferred_report` and `preferred_withdrawn`, the report whose value "
        "was served before; else null.",
        examples=["cnnic-53"],
    )

    @classmethod
    def from_row(cls, change: models.ReleaseChange) -> Change:
        # Validated, not constructed: the kind and reason are the database's text.
        return cls.model_validate(
            {
                "kind": change.kind,
                "reason": change.reason,
                "indicator": change.indicator_code,
                "dimensions": json.loads(change.dimensions_key),
                "period": change.period,
                "report": change.report_id,
                "value": change.value,
                "previous_value": change.previous_value,
                "previous_report": change.previous_report_id,
            }
        )


class ReleaseChanges(Release):
    """One release with a page of its changes, in the order indicator, dimensions, period,
    report."""

    changes: list[Change] = Field(description="The changes on this page.")
    next: str | None = Field(
        description="The URL of the next page of changes (also in the `Link` header); null on "
        "the last.",
        examples=[
            "http://127.0.0.1:8000/v1/releases/2d8e852a52179316f985a4da4a29b941?limit=100"
            "&cursor=WzEwMF0"
        ],
    )


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

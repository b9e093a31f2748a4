"""The indicator catalogue (seeds/catalogue.yaml), validated and compiled for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.periods import is_whole_year, period_bounds
from app.sources.search_words import SearchSpec, has_cjk, search_word_problems

CHANGE_SUFFIX = "_change"
GROWTH_SUFFIX = "_growth"
GAP_SUFFIX = "_gap"
# Dimensions the grammar gives rather than the catalogue, their values as the text gives them:
# what a change or a gap is measured against (a period, another indicator, a named time), and
# the time of day a figure holds at.
GRAMMAR_DIMENSIONS = frozenset({"compared_with", "time_of_day"})
_SLOT = re.compile(r"\{(\w+)\}")
# A yearly event's month: "--10" (ISO 8601's month of no particular year).
_YEARLY = re.compile(r"--(?:0[1-9]|1[0-2])")


class CatalogueError(Exception):
    """The catalogue file is missing or says something inconsistent."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndicatorSpec(_Strict):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_zh: str
    unit: str
    category: str
    description: str
    # The description in Chinese, where one is written (the API falls back to English).
    description_zh: str | None = None
    terms: list[str] = []
    share: str | None = None
    share_dimensions: dict[str, str] = {}
    rate: str | None = None
    counts: str | None = None
    year_to_date: bool = False
    priority: int = 0
    owners: list[str] = []
    # The dimension a place the sentence names apart from the figure's phrase gives
    # ("500 pharmacies in 16 districts of Beijing"; app/extract/places.py).
    located_by: str | None = None
    # The dimension whose values, named in the sentence before the figure, each get the
    # figure ("online shopping apps and that of online payment apps ... over 80%";
    # app/extract/given_for.py).
    given_for: str | None = None
    # The figure holds at the time of day its sentence names, kept as written as the
    # dimension `time_of_day` ("at 12 am"; app/extract/times_of_day.py).
    by_time_of_day: bool = False
    # Breakdowns a phrase may name just before one of its terms ("手机" in "手机网络支付用户
    # 规模"), beside those its terms' `{dimension}` slots name (app/extract/modifiers.py).
    breakdowns: list[str] = []


class ColumnSpec(_Strict):
    header: str
    indicator: str
    dimensions: dict[str, str] = {}
    unit: str | None = None


class TableSpec(_Strict):
    """How to read one kind of table: which indicator its rows and columns hold."""

    title: str
    rows: str = "dimension"
    indicator: str | None = None
    row_dimension: str | None = None
    unit: str | None = None
    unit_column: str | None = None
    total_label: str = "Total"
    total_dimensions: dict[str, str] = {}
    total_indicator: str | None = None
    total_indicator_dimensions: dict[str, str] = {}
    growth_columns: list[str] = []
    columns: list[ColumnSpec] = []

    @model_validator(mode="after")
    def _rows_are_read_somehow(self) -> TableSpec:
        if self.rows not in {"dimension", "indicator"}:
            raise ValueError(f"rows must be 'dimension' or 'indicator', not {self.rows!r}")
        if self.rows == "dimension" and self.row_dimension is None:
            raise ValueError(f"table {self.title!r} reads rows as a dimension but names none")
        return self


class CatalogueFile(_Strict):
    dimensions: dict[str, dict[str, list[str]]]
    bodies: dict[str, list[str]]
    # The months each named event ran in, and the names the texts give it.
    events: dict[str, list[str]] = {}
    indicators: list[IndicatorSpec]
    tables: list[TableSpec]
    # What a search of the catalogue leaves out and reads as other words (search_words.py).
    search: SearchSpec = SearchSpec()


@dataclass(frozen=True, slots=True)
class Term:
    """One phrase that names an indicator (and maybe a breakdown) or only a breakdown value.

    ``dimensions`` keeps the order the phrase names them in, repeats included
    ("ratio of male to female" names two values of one dimension).
    """

    phrase: str
    indicator: str | None
    dimensions: tuple[tuple[str, str], ...]
    priority: int


@dataclass(frozen=True, slots=True)
class ListHead:
    """The words a term template puts after its one breakdown slot: "{application}用户规模"
    gives "用户规模" for the dimension application, so that "网上外卖、在线教育……用户规模分别达"
    names application users of each."""

    phrase: str
    dimension: str
    indicator: str
    priority: int


@dataclass(frozen=True)
class Catalogue:
    """The validated catalogue, with its change indicators and every term expanded."""

    indicators: dict[str, IndicatorSpec]
    dimensions: dict[str, dict[str, list[str]]]
    bodies: dict[str, list[str]]
    tables: list[TableSpec]
    terms: list[Term]
    # Each name of an event the texts date figures by, and the period it ran in.
    events: dict[str, str]
    # What a term puts after its breakdown ("用户规模" of "{application}用户规模"), which
    # names the indicator once for a list of breakdowns given before it.
    heads: tuple[ListHead, ...] = ()
    # The dimensions each indicator is broken down by: its terms' slots and `breakdowns`.
    takes: dict[str, frozenset[str]] = field(default_factory=dict)
    # The indicators (and their changes) that count a population at a point in time: people,
    # with a share or rate of their own (users, not tourists), and the rates of such counts. A
    # year given for one means the year's end ("600 million people used online payment in
    # 2018": by December 2018).
    stocks: frozenset[str] = frozenset()
    search: SearchSpec = field(default_factory=SearchSpec)

    def zh_label(self, dimension: str, value: str) -> str | None:
        """The first Chinese name the catalogue gives ``dimension``'s ``value`` (农村 for rural),
        if it gives one."""
        names = self.dimensions.get(dimension, {}).get(value, [])
        return next((name for name in names if has_cjk(name)), None)

    def dimension_value(self, dimension: str, label: str) -> str | None:
        """The canonical value of ``dimension`` that ``label`` names, if any."""
        wanted = _fold(label)
        for value, names in self.dimensions.get(dimension, {}).items():
            if wanted == _fold(value) or any(wanted == _fold(name) for name in names):
                return value
        return None

    def year_end(self, code: str, period: str) -> str:
        """The period a value of ``code`` dated by ``period`` holds for: a whole year means its
        December for a stock ("600 million people used online payment in 2018": by December
        2018, ``stocks``); any other period is itself."""
        return f"{period}-12" if is_whole_year(period) and code in self.stocks else period

    def from_january(self, code: str, period: str) -> str:
        """The period a value of ``code`` dated by a month holds for: from January to that
        month for a figure that accumulates over the year (``year_to_date``: "2025-08" is
        "2025-01/2025-08"); any other period is itself."""
        base = code.removesuffix(CHANGE_SUFFIX).removesuffix(GROWTH_SUFFIX)
        spec = self.indicators.get(base)
        year, _, month = period.partition("-")
        if spec is None or not spec.year_to_date or len(period) != 7 or month == "01":
            return period
        return f"{year}-01/{period}"

    def body(self, text: str) -> str | None:
        """The canonical name of the body ``text`` names, if the catalogue knows it."""
        folded = _fold(text)
        for body, names in self.bodies.items():
            if any(re.search(rf"(?<!\w){re.escape(_fold(name))}(?!\w)", folded) for name in names):
                return body
        return None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def change_indicator(base: IndicatorSpec, *, growth: bool) -> IndicatorSpec:
    """The indicator for a change of ``base``: absolute (its unit) or relative (percent)."""
    if growth:
        return IndicatorSpec(
            code=base.code + GROWTH_SUFFIX,
            name=f"{base.name}: growth rate",
            name_zh=f"{base.name_zh}增长率",
            unit="percent",
            category=base.category,
            description=f"Relative change of {base.name[0].lower() + base.name[1:]} "
            "since the period in the `compared_with` dimension (or the time named there, as "
            "written: `Mid-Autumn Festival`; without it, since a time the source does not "
            "give).",
            description_zh=f"{base.name_zh}相对`compared_with`维度所示时期（或该处照原文所写的时间，"
            f"如“中秋节”；无此维度时，为来源未说明的时间）的增长率。",
        )
    unit = "percentage_points" if base.unit == "percent" else base.unit
    return IndicatorSpec(
        code=base.code + CHANGE_SUFFIX,
        name=f"{base.name}: change",
        name_zh=f"{base.name_zh}增量",
        unit=unit,
        category=base.category,
        description=f"Change of {base.name[0].lower() + base.name[1:]} "
        "since the period in the `compared_with` dimension (or the time named there, as "
        "written: `Mid-Autumn Festival`; without it, since a time the source does not give).",
        description_zh=f"{base.name_zh}相对`compared_with`维度所示时期（或该处照原文所写的时间，"
        f"如“中秋节”；无此维度时，为来源未说明的时间）的变化量。",
    )


def gap_indicator(base: IndicatorSpec) -> IndicatorSpec:
    """The indicator for a gap between a share and another at the same time ("20.6
    percentage points higher than that of the rural population in the total population")."""
    return IndicatorSpec(
        code=base.code + GAP_SUFFIX,
        name=f"{base.name}: gap to another share",
        name_zh=f"{base.name_zh}差距",
        unit="percentage_points",
        category=base.category,
        description=f"{base.name} minus the share of the indicator in the `compared_with` "
        "dimension, for the same breakdown and period, in percentage points.",
        description_zh=f"{base.name_zh}减去`compared_with`维度所示指标在同一分组、同一时期的比例，"
        "单位为百分点。",
    )


def _expand_terms(spec: IndicatorSpec, dimensions: dict[str, dict[str, list[str]]]) -> list[Term]:
    terms: list[Term] = []
    for template in spec.terms:
        slots = _SLOT.findall(template)
        expansions: list[tuple[str, tuple[tuple[str, str], ...]]] = [(template, ())]
        for slot in slots:
            if slot not in dimensions:
                raise CatalogueError(f"{spec.code}: term {template!r} names no dimension {slot!r}")
            expansions = [
                (phrase.replace("{" + slot + "}", name, 1), (*dims, (slot, value)))
                for phrase, dims in expansions
                for value, names in dimensions[slot].items()
                for name in names
            ]
        terms.extend(Term(phrase, spec.code, dims, spec.priority) for phrase, dims in expansions)
    return terms


def _stocks(specs: list[IndicatorSpec]) -> frozenset[str]:
    counts = [spec for spec in specs if spec.unit == "persons" and (spec.share or spec.rate)]
    base = {spec.code for spec in counts} | {spec.rate for spec in counts if spec.rate}
    suffixes = ("", CHANGE_SUFFIX, GROWTH_SUFFIX)
    return frozenset(code + suffix for code in base for suffix in suffixes)


def _list_heads(spec: IndicatorSpec) -> list[ListHead]:
    heads: list[ListHead] = []
    for template in spec.terms:
        slot = _SLOT.match(template)
        if slot is None or _SLOT.search(template, slot.end()):
            continue
        phrase = template[slot.end() :].strip()
        if phrase:
            heads.append(ListHead(phrase, slot[1], spec.code, spec.priority))
    return heads


def _dimension_terms(dimensions: dict[str, dict[str, list[str]]]) -> list[Term]:
    return [
        Term(name, None, ((dimension, value),), -1)
        for dimension, values in dimensions.items()
        for value, names in values.items()
        for name in names
    ]


def _check_references(parsed: CatalogueFile, codes: set[str]) -> None:
    for spec in parsed.indicators:
        for linked in (spec.share, spec.rate, spec.counts):
            if linked is not None and linked not in codes:
                raise CatalogueError(f"{spec.code}: links to unknown indicator {linked!r}")
        read_apart = [name for name in (spec.located_by, spec.given_for) if name is not None]
        for dimension in (*spec.share_dimensions, *read_apart, *spec.breakdowns):
            if dimension not in parsed.dimensions:
                raise CatalogueError(f"{spec.code}: unknown dimension {dimension!r}")
    for table in parsed.tables:
        named = [table.indicator, table.total_indicator, *(c.indicator for c in table.columns)]
        for code in named:
            if code is not None and code not in codes:
                raise CatalogueError(f"table {table.title!r}: unknown indicator {code!r}")
        if table.row_dimension is not None and table.row_dimension not in parsed.dimensions:
            raise CatalogueError(
                f"table {table.title!r}: unknown dimension {table.row_dimension!r}"
            )


def _check_search_words(parsed: CatalogueFile) -> None:
    specs = parsed.indicators
    words = [
        *(text for spec in specs for text in (spec.name, spec.name_zh, spec.description)),
        *(spec.description_zh for spec in specs if spec.description_zh),
        *(term for spec in specs for term in spec.terms),
        *(
            name
            for values in parsed.dimensions.values()
            for names in values.values()
            for name in names
        ),
        *(value for values in parsed.dimensions.values() for value in values),
    ]
    names = [name for spec in specs for name in (spec.name, spec.name_zh)]
    problems = search_word_problems(parsed.search, names, words)
    if problems:
        raise CatalogueError(f"search: {'; '.join(problems)}")


def load_catalogue(path: Path) -> Catalogue:
    """Read, validate and compile the catalogue at ``path``."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        parsed = CatalogueFile.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as error:
        raise CatalogueError(f"{path.name}: {error}") from error
    indicators: dict[str, IndicatorSpec] = {}
    for spec in parsed.indicators:
        if spec.code in indicators:
            raise CatalogueError(f"{path.name}: indicator {spec.code!r} is defined twice")
        indicators[spec.code] = spec
    for spec in list(indicators.values()):
        for growth in (False, True):
            variant = change_indicator(spec, growth=growth)
            indicators.setdefault(variant.code, variant)
        if spec.unit == "percent":
            gap = gap_indicator(spec)
            indicators.setdefault(gap.code, gap)
    _check_references(parsed, set(indicators))
    _check_search_words(parsed)
    terms = [term for spec in parsed.indicators for term in _expand_terms(spec, parsed.dimensions)]
    terms.extend(_dimension_terms(parsed.dimensions))
    events = {name: period for period, names in parsed.events.items() for name in names}
    for period in parsed.events:
        try:
            if not _YEARLY.fullmatch(period):
                period_bounds(period)
        except ValueError as error:
            raise CatalogueError(f"{path.name}: event period {period!r}: {error}") from error
    heads = tuple(head for spec in parsed.indicators for head in _list_heads(spec))
    takes = {
        spec.code: frozenset(
            {slot for template in spec.terms for slot in _SLOT.findall(template)}
            | set(spec.breakdowns)
        )
        for spec in parsed.indicators
    }
    return Catalogue(
        indicators,
        parsed.dimensions,
        parsed.bodies,
        parsed.tables,
        terms,
        events,
        heads,
        takes,
        _stocks(parsed.indicators),
        parsed.search,
    )

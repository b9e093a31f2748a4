"""What the figures of running text refer back to and how they stand: the levels a sentence
or paragraph has given, whether a number's unit fits an indicator's, and where a figure's
words (its qualifier, "more than") begin."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.extract.numbers import Quantity
from app.extract.owners import Said
from app.extract.records import NoteRef
from app.sources.catalogue import Catalogue, IndicatorSpec

_MEASURE_UNITS = frozenset(
    {
        "percent",
        "percentage_points",
        "ratio",
        "blocks_32",
        "gigabytes",
        "kilobytes",
        "kilometres",
        "hours",
        "eflops",
        "yuan",
        "usd",
    }
)


@dataclass(frozen=True, slots=True)
class Level:
    """A value assigned in the running text, that later changes and shares refer back to."""

    indicator: str
    dimensions: dict[str, str]
    period: str


@dataclass
class ParagraphState:
    """What carries from one sentence to the next within a paragraph."""

    paragraph: int = -1
    period: str | None = None
    # Who the sentence that set ``period`` credits: a sentence dated only by it continues
    # that sentence's report ("According to the data⁶⁷, there were 4.237 billion domestic
    # trips in the first three quarters of 2024 ... Domestic tourists spent ...").
    credited: str | None = None
    # The phrase that set ``period`` when it names a time within it (a holiday in its month).
    period_note: NoteRef | None = None
    # What the sentences ``period`` dates have said: the one that set it and those that took it.
    dated_text: str = ""
    # The whole year the sentence before was dated by, and whom it credited: too loose for
    # the paragraph, but a sentence that goes on with it ("In particular, ...") holds for it.
    year: str | None = None
    year_credited: str | None = None
    levels: list[Level] = field(default_factory=list)
    base: str | None = None
    subject: Level | None = None
    said: Said = field(default_factory=Said)


def fits(quantity_unit: str, indicator_unit: str) -> bool:
    """Whether a number read as ``quantity_unit`` can be a value in ``indicator_unit``: a
    plain count fits any unit that counts things (persons, stations, orders, ...)."""
    if quantity_unit == indicator_unit:
        return True
    return quantity_unit == "count" and indicator_unit not in _MEASURE_UNITS


def indicator_for(
    catalogue: Catalogue, code: str, dims: dict[str, str], unit: str
) -> tuple[IndicatorSpec, dict[str, str]] | None:
    """The indicator a number in ``unit`` gives when a phrase for ``code`` names it: ``code``
    itself when the units agree, or, for a percentage of a count, the count's share ("网民
    ... 28.2%" is a share of Internet users) with the share's breakdown; None when neither
    fits."""
    spec = catalogue.indicators[code]
    if fits(unit, spec.unit):
        return spec, dims
    if unit == "percent" and spec.share is not None:
        return catalogue.indicators[spec.share], {**dims, **spec.share_dimensions}
    return None


def number_start(quantity: Quantity) -> int:
    """Where a figure begins, its qualifier ("more than") included."""
    if quantity.qualifier_start is None:
        return quantity.start
    return min(quantity.start, quantity.qualifier_start)


def before_qualifier(text: str, quantity: Quantity) -> str:
    stop = number_start(quantity)
    return text[max(0, stop - 40) : stop]

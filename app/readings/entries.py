"""One entry of a readings file: a value one text gives, where, and how it was reviewed.

An entry names the figure by where it stands in the text (``at``, the offset of ``figure``, the
number as written), the quote that proves it (``quote``, offsets of a sentence or table row,
with its ``text`` for the reviewer), and what it is: indicator, dimensions, period, value in the
indicator's base unit, qualifier, attribution, notes. ``scale`` is what a unit label outside the
figure multiplies it by (a table's "10,000 people").

``review`` says what a reviewer decided: ``pending`` (proposed, not yet looked at: served only
in a preview), ``accepted`` (served), ``rejected`` (never served; kept so that the engine does
not propose it again). A reviewer who changes a proposal's fields marks it ``corrected``, and
one who writes an entry of their own marks it ``added``; both are served, and the next
``python -m app propose`` records how the engine reads that figure and marks them
``accepted``. ``engine`` is that record: absent when the engine proposes the entry unchanged,
``{field: the engine's value}`` for the fields a reviewer corrected, ``none`` when the engine
proposes nothing there. ``engine_now`` appears when the engine has since come to read an
accepted entry otherwise than recorded: shown for review, never applied.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer


def _plain_number(value: Decimal) -> int | float | str:
    """A value as YAML writes it and reads it back exactly: a plain number where a float holds
    it (YAML's 78.6 is read as Decimal("78.6")), else its digits as a string ("1/3" of 100)."""
    if value == value.to_integral():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else str(value)


Number = Annotated[Decimal, PlainSerializer(_plain_number)]

Review = Literal["pending", "accepted", "corrected", "added", "rejected"]
# What a seed serves.
SERVED: frozenset[Review] = frozenset({"accepted", "corrected", "added"})
ReadBy = Literal["engine", "corrected", "added"]
# How the engine reads an entry's figure: unchanged (None), otherwise in these fields, not at all.
EngineRecord = dict[str, Any] | Literal["none"] | None

# The fields a reviewer may correct, in the order a diff lists them.
READING_FIELDS = (
    "indicator",
    "dimensions",
    "period",
    "value",
    "scale",
    "qualifier",
    "attributed_to",
    "quote",
    "notes",
)


class Span(BaseModel):
    """Offsets into the text: ``text`` is exactly ``source[start:end]``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class NoteSpan(Span):
    """A passage that qualifies the value: a footnote that dates, defines or scopes it."""

    kind: str


class Entry(BaseModel):
    """One reading of one figure (see the module doc)."""

    model_config = ConfigDict(extra="forbid")

    indicator: str
    dimensions: dict[str, str] = Field(default_factory=dict)
    period: str
    value: Number
    figure: str
    at: int = Field(ge=0)
    scale: Number = Decimal(1)
    qualifier: str | None = None
    attributed_to: str | None = None
    quote: Span
    notes: list[NoteSpan] = Field(default_factory=list)
    review: Review = "pending"
    engine: EngineRecord = None
    engine_now: EngineRecord = None
    doubts: list[str] = Field(default_factory=list)
    note: str | None = None

    @property
    def read_by(self) -> ReadBy:
        """Whether the engine proposed this reading unchanged, a reviewer corrected it, or a
        reviewer added it."""
        if self.review in ("corrected", "added"):
            return self.review
        if self.engine is None:
            return "engine"
        return "added" if self.engine == "none" else "corrected"

    @property
    def corrected(self) -> list[str]:
        """The fields a reviewer corrected, in the order of ``READING_FIELDS``."""
        if not isinstance(self.engine, dict):
            return []
        return [name for name in READING_FIELDS if name in self.engine]

    def reading(self) -> dict[str, Any]:
        """The fields that make the reading, as a diff compares them."""
        dumped = self.model_dump(mode="json", include=set(READING_FIELDS))
        return {name: dumped[name] for name in READING_FIELDS}

    def to_yaml(self) -> dict[str, Any]:
        """The entry as its file holds it, in the fields' order: empty and default fields left
        out, but always its review."""
        given = self.model_dump(mode="json", exclude_defaults=True)
        return {
            name: value
            for name, value in self.model_dump(mode="json").items()
            if name in given or name == "review"
        }


def differences(entry: Entry, proposal: Entry) -> dict[str, Any]:
    """The fields where ``proposal`` reads the figure otherwise than ``entry``, with the
    proposal's values."""
    mine, theirs = entry.reading(), proposal.reading()
    return {name: theirs[name] for name in READING_FIELDS if mine[name] != theirs[name]}

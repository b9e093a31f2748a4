"""What a change in readings does to the served data: values added, changed and removed, and
disagreements between texts that were not there before."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.extract.merge import Disagreement
from app.extract.pipeline import Extraction
from app.extract.records import Dimensions

Key = tuple[str, Dimensions, str, str]


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One observation (indicator, dimensions, period, report) before and after."""

    key: Key
    before: Decimal | None
    after: Decimal | None


@dataclass
class DataDiff:
    """What serving ``after`` instead of ``before`` changes."""

    added: list[ValueChange] = field(default_factory=list)
    changed: list[ValueChange] = field(default_factory=list)
    removed: list[ValueChange] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)


def difference(before: Extraction, after: Extraction) -> DataDiff:
    """The values and disagreements ``after`` has that ``before`` has not, and the reverse."""
    old = {observation.key: observation.value for observation in before.observations}
    new = {observation.key: observation.value for observation in after.observations}
    diff = DataDiff()
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was is None:
            diff.added.append(ValueChange(key, None, now))
        elif now is None:
            diff.removed.append(ValueChange(key, was, None))
        elif was != now:
            diff.changed.append(ValueChange(key, was, now))
    known = set(before.disagreements)
    diff.disagreements = [item for item in after.disagreements if item not in known]
    return diff

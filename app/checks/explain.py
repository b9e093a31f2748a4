"""A check in words: what was assumed in reading the claim, and the verdict in a sentence."""

from __future__ import annotations

from app.checks.check import Check
from app.checks.compare import Compared, breakdown_of, stored_value, written
from app.checks.reading import ClaimReading


def reading_notes(reading: ClaimReading) -> list[str]:
    """What was assumed in reading ``reading``'s claim."""
    if reading.figure is None:
        return ["No figure found: give the number with its unit, as the story writes it."]
    notes: list[str] = []
    if reading.period is None:
        notes.append("No period given: every period is compared.")
    if reading.read_as == "value":
        notes.append(
            "No phrase names an indicator this figure fits: the indicators were guessed "
            "from the value and its unit."
        )
    if reading.others:
        notes.append(
            f"The claim gives {len(reading.others) + 1} figures; the first, "
            f"{reading.figure.text}, is checked (check the others one by one)."
        )
    return notes


def summary(check: Check) -> str:
    """The verdict of ``check`` in a sentence."""
    reading, outcome = check.reading, check.outcome
    figure = reading.figure
    if figure is None:
        return (
            "Unreadable: no figure was found in the claim. Give the number with its unit "
            "and what it counts, e.g. “10.92亿网民 2023年12月” or “penetration 76.4%”."
        )
    said = f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text
    if outcome.matches:
        best = outcome.matches[0]
        where = _observation(check, best)
        if outcome.verdict == "confirmed":
            return f"Confirmed: {best.figure.report} gives {_as_given(best)} for {where}."
        return f"Rounded: {said} is {_as_given(best)} ({best.figure.report}, {where}) rounded."
    if outcome.verdict == "differs":
        item = next(
            item
            for item in outcome.closest
            if [difference.kind for difference in item.differences] == ["value"]
        )
        gap = item.differences[0].by_percent
        how_far = "" if gap is None else f", {abs(gap)}% {'above' if gap > 0 else 'below'} it"
        return (
            f"Differs: for {_observation(check, item)}, {item.figure.report} gives "
            f"{_as_given(item)}; the claim says {said}{how_far}."
        )
    subject = ", ".join(check.names.get(i.code, (i.code, ""))[0] for i in reading.indicators)
    when = f" for {reading.period.text}" if reading.period else " in any period"
    of = f"of {subject} " if subject and reading.read_as != "value" else ""
    return (
        f"Not found: no observation {of}gives {said}"
        f"{' (' + breakdown_of(reading.dimensions) + ')' if reading.dimensions else ''}{when}."
        f"{' The closest are listed with how each differs.' if outcome.closest else ''}"
    )


def _observation(check: Check, item: Compared) -> str:
    """An observation's indicator, breakdown and period in words."""
    figure = item.figure
    name = check.names.get(figure.indicator, (figure.indicator, ""))[0]
    return f"{name}, {breakdown_of(figure.dimensions)}, {figure.period}"


def _as_given(item: Compared) -> str:
    """The value as its source writes it, or as a plain number for a derived one."""
    return item.figure.as_reported or written(stored_value(item.figure))

"""How far the engine alone agrees with the reviewed readings: what a rule change gains or loses.

Recall: of the served readings, the share the engine proposes unchanged. Precision: of the
engine's proposals, the share a reviewer accepted unchanged. Proposals and entries are paired
figure by figure, as when proposals are merged (:mod:`app.readings.propose`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.readings.entries import SERVED, Entry, differences
from app.readings.propose import pair_by_likeness


@dataclass(frozen=True, slots=True)
class Agreement:
    """The counts behind the engine's recall and precision."""

    served: int
    proposed: int
    unchanged: int

    @property
    def recall(self) -> float:
        return self.unchanged / self.served if self.served else 1.0

    @property
    def precision(self) -> float:
        return self.unchanged / self.proposed if self.proposed else 1.0

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(
            self.served + other.served,
            self.proposed + other.proposed,
            self.unchanged + other.unchanged,
        )


def agreement(entries: Iterable[Entry], proposals: Iterable[Entry]) -> Agreement:
    """The engine's agreement with one source's reviewed ``entries``."""
    entries_at: dict[int, list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.review != "pending":
            entries_at[entry.at].append(entry)
    proposals_at: dict[int, list[Entry]] = defaultdict(list)
    for item in proposals:
        proposals_at[item.at].append(item)
    unchanged = 0
    for at, at_entries in entries_at.items():
        pairs = pair_by_likeness(at_entries, proposals_at.get(at, []))
        unchanged += sum(
            1
            for entry in at_entries
            if entry.review in SERVED
            and id(entry) in pairs
            and not differences(entry, pairs[id(entry)])
        )
    served = sum(1 for items in entries_at.values() for entry in items if entry.review in SERVED)
    proposed = sum(len(items) for items in proposals_at.values())
    return Agreement(served, proposed, unchanged)

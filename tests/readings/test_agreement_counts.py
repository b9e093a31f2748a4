"""Agreement counts: what is proposed unchanged, paired figure by figure."""

from __future__ import annotations

from app.readings.agreement import agreement
from tests.readings.conftest import entry

USERS = ("1,108 million", "internet_users", "1108000000")
RURAL = ("65.6%", "internet_penetration", "65.6")


def test_recall_counts_served_readings_and_precision_counts_proposals() -> None:
    served = [
        entry(*USERS),
        entry(*RURAL, dimensions={"area": "rural"}, engine={"dimensions": {}}),
        entry("69,148", "ipv6_addresses", "69148", review="rejected"),
    ]
    proposals = [
        entry(*USERS, review="pending"),
        entry(*RURAL, review="pending"),
        entry("69,148", "ipv6_addresses", "69148", review="pending"),
    ]

    counted = agreement(served, proposals)

    assert (counted.served, counted.proposed, counted.unchanged) == (2, 3, 1)
    assert (counted.recall, counted.precision) == (0.5, 1 / 3)

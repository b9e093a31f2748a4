"""The engine proposes; a reviewer decides: merging proposals never overrides a decision."""

from __future__ import annotations

from pathlib import Path

from app.readings.entries import Entry
from app.readings.files import ReadingsFile
from app.readings.propose import add_doubts, merge_proposals
from tests.readings.conftest import entry

USERS = ("1,108 million", "internet_users", "1108000000")
RURAL = ("65.6%", "internet_penetration", "65.6")


def merged(entries: list[Entry], proposals: list[Entry]) -> tuple[ReadingsFile, object]:
    readings = ReadingsFile(Path("x.yaml"), "cnnic-55-en", entries, [0] * len(entries))
    return readings, merge_proposals(readings, proposals)


def test_a_new_proposal_is_pending() -> None:
    readings, result = merged([], [entry(*USERS, review="pending")])

    (new,) = readings.entries
    assert new.review == "pending"
    assert result.added == 1  # type: ignore[attr-defined]


def test_a_pending_entry_becomes_the_engines_present_proposal_or_goes() -> None:
    old = entry(*USERS, review="pending", period="2024-11")
    gone = entry(*RURAL, review="pending")

    readings, _ = merged([old, gone], [entry(*USERS, review="pending")])

    (kept,) = readings.entries
    assert kept.period == "2024-12"


def test_an_accepted_entry_is_kept_and_a_new_difference_shown_not_applied() -> None:
    accepted = entry(*USERS)

    readings, result = merged([accepted], [entry(*USERS, review="pending", period="2024-11")])

    (kept,) = readings.entries
    assert (kept.period, kept.review) == ("2024-12", "accepted")
    assert kept.engine_now == {"period": "2024-11"}
    assert result.changed == ["internet_users at 28 otherwise: {'period': '2024-11'}"]  # type: ignore[attr-defined]


def test_a_correction_is_recorded_against_what_the_engine_reads() -> None:
    corrected = entry(*RURAL, review="corrected", dimensions={"area": "rural"})
    added = entry(*USERS, review="added")

    readings, result = merged([corrected, added], [entry(*RURAL, review="pending")])

    users, rural = readings.entries  # in the order of their figures
    assert (rural.review, rural.engine, rural.read_by) == (
        "accepted",
        {"dimensions": {}},
        "corrected",
    )
    assert (users.review, users.engine, users.read_by) == ("accepted", "none", "added")
    assert result.recorded == 2  # type: ignore[attr-defined]


def test_a_recorded_correction_is_not_shown_again() -> None:
    corrected = entry(*RURAL, dimensions={"area": "rural"}, engine={"dimensions": {}})

    readings, result = merged([corrected], [entry(*RURAL, review="pending")])

    assert readings.entries[0].engine_now is None
    assert result.changed == []  # type: ignore[attr-defined]


def test_a_rejected_proposal_is_not_proposed_again_but_a_different_one_is() -> None:
    rejected = entry(*USERS, review="rejected")

    same, _ = merged([rejected], [entry(*USERS, review="pending")])
    other, _ = merged(
        [entry(*USERS, review="rejected")], [entry(*USERS, review="pending", period="2024")]
    )

    assert [item.review for item in same.entries] == ["rejected"]
    assert sorted(item.review for item in other.entries) == ["pending", "rejected"]


def test_pending_entries_get_their_doubts() -> None:
    usual = entry(*USERS)
    tiny = entry("1,108 million", "internet_users", "1108", review="pending")
    other_text = entry("1,108 million", "internet_users", "1000000000")
    files = {
        "cnnic-55-en": ReadingsFile(Path("a.yaml"), "cnnic-55-en", [usual, tiny]),
        "cnnic-55-news-en": ReadingsFile(Path("b.yaml"), "cnnic-55-news-en", [other_text]),
    }

    add_doubts(files, {"cnnic-55-en": "cnnic-55", "cnnic-55-news-en": "cnnic-55"})

    assert tiny.doubts == [
        "far from the other values of internet_users (median 1054000000)",
        "cnnic-55-news-en gives 1000000000",
    ]
    assert usual.doubts == []

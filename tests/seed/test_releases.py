"""Releases: every seed that changes the data records what it changed, observation by
observation; a seed that changes nothing records nothing.

Most tests seed tiny inputs of their own (two short texts of two reports, their readings, the
project's catalogue), change them as a reviewer or a new report would, and seed again.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.seed.writer import SeedResult, seed_database
from app.store.models import DatasetVersion, Observation, Release, ReleaseChange
from tests.conftest import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"

REPORTS = {
    "cnnic-55": {"edition": 55, "published": "2025-01", "reference_period": "2024-12"},
    "cnnic-57": {"edition": 57, "published": "2026-02-05", "reference_period": "2025-12"},
}
TEXTS = {
    "cnnic-55-en": (
        "cnnic-55",
        "By December 2024, China had 1,108 million Internet users, up from 1,092 million, "
        "an increase of 16.08 million compared to December 2023. "
        "The Internet penetration reached 78.6%.\n",
    ),
    "cnnic-57-en": (
        "cnnic-57",
        "By December 2025, China had 1,125 million Internet users. "
        "In December 2024 the Internet penetration had been 78.5%.\n",
    ),
}


def reading(
    source: str, figure: str, indicator: str, period: str, value: Any, **fields: Any
) -> Any:
    """An accepted reading of ``figure`` (its first occurrence) in ``source``'s text, quoting
    the sentence that holds it."""
    text = TEXTS[source][1]
    at = text.index(figure)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    end = text.index(".", at + len(figure)) + 1
    return {
        "indicator": indicator,
        "period": period,
        "value": value,
        "figure": figure,
        "at": at,
        "quote": {"start": start, "end": end, "text": text[start:end]},
        "review": "accepted",
        **fields,
    }


def users_2024() -> Any:
    return reading("cnnic-55-en", "1,108 million", "internet_users", "2024-12", 1108000000)


def penetration_2024() -> Any:
    return reading("cnnic-55-en", "78.6%", "internet_penetration", "2024-12", 78.6)


def users_2025() -> Any:
    return reading("cnnic-57-en", "1,125 million", "internet_users", "2025-12", 1125000000)


def penetration_2024_revised() -> Any:
    return reading("cnnic-57-en", "78.5%", "internet_penetration", "2024-12", 78.5)


class Inputs:
    """A seeds folder of its own: the catalogue, and the texts and readings given."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        (folder / "readings").mkdir()
        shutil.copy(SEEDS / "catalogue.yaml", folder / "catalogue.yaml")

    def write(self, readings: dict[str, list[Any]]) -> Path:
        """Serve ``readings`` of each source named, and nothing else."""
        for old in (self.folder / "readings").iterdir():
            old.unlink()
        sources = []
        for source, entries in readings.items():
            report, text = TEXTS[source]
            (self.folder / f"{source}.txt").write_text(text, encoding="utf-8")
            sources.append(
                {
                    "id": source,
                    "file": f"{source}.txt",
                    "original_name": f"{source}.txt",
                    "report": report,
                    "title": f"The {report} report",
                    "publisher": "CNNIC",
                    "published": REPORTS[report]["published"],
                    "language": "en",
                    "sha256": hashlib.sha256(text.encode()).hexdigest(),
                }
            )
            path = self.folder / "readings" / f"{source}.yaml"
            path.write_text(yaml.safe_dump({"source": source, "readings": entries}), "utf-8")
        reports = sorted({TEXTS[source][0] for source in readings})
        manifest = {
            "reports": [
                {"id": report, "title": report, "publisher": "CNNIC", **REPORTS[report]}
                for report in reports
            ],
            "sources": sources,
        }
        (self.folder / "manifest.yaml").write_text(yaml.safe_dump(manifest), "utf-8")
        return self.folder


@pytest.fixture
def inputs(tmp_path: Path) -> Inputs:
    return Inputs(tmp_path / "seeds")


def releases(engine: Engine) -> list[Release]:
    with Session(engine) as session:
        return list(session.scalars(select(Release).order_by(Release.number)))


def changes(engine: Engine, number: int) -> list[tuple[Any, ...]]:
    """Release ``number``'s changes as (kind, reason, indicator, period, report, value,
    previous value, previous report), in the order they were written."""
    with Session(engine) as session:
        rows = session.scalars(
            select(ReleaseChange)
            .where(ReleaseChange.release_number == number)
            .order_by(ReleaseChange.id)
        )
        return [
            (
                row.kind,
                row.reason,
                row.indicator_code,
                row.period,
                row.report_id,
                row.value,
                row.previous_value,
                row.previous_report_id,
            )
            for row in rows
        ]


def changed_in(engine: Engine) -> dict[tuple[str, str, str], int | None]:
    """The release each observation last changed in, by indicator, period and report."""
    with Session(engine) as session:
        rows = session.execute(
            select(
                Observation.indicator_code,
                Observation.period,
                Observation.report_id,
                Observation.changed_in,
            )
        )
        return {(code, period, report): number for code, period, report, number in rows}


def seeded_at(engine: Engine) -> str | None:
    with Session(engine) as session:
        return session.scalar(select(DatasetVersion.seeded_at))


def test_the_first_seed_records_everything_as_added(engine: Engine, inputs: Inputs) -> None:
    result = seed_database(
        engine, inputs.write({"cnnic-55-en": [users_2024(), penetration_2024()]})
    )

    (release,) = releases(engine)
    assert (release.number, release.data_version, release.previous_version) == (
        1,
        result.version,
        None,
    )
    assert (release.reports_added, release.sources_added) == (["cnnic-55"], ["cnnic-55-en"])
    assert (release.reports_removed, release.sources_removed) == ([], [])
    assert (release.added, release.revised, release.withdrawn) == (2, 0, 0)
    assert release.seeded_at == seeded_at(engine)
    assert changes(engine, 1) == [
        ("added", None, "internet_penetration", "2024-12", "cnnic-55", 78.6, None, None),
        ("added", None, "internet_users", "2024-12", "cnnic-55", 1108000000, None, None),
    ]
    assert set(changed_in(engine).values()) == {1}
    assert result.release is not None
    assert (result.release.number, result.release.added) == (1, 2)


def test_a_seed_that_changes_nothing_records_nothing(engine: Engine, inputs: Inputs) -> None:
    folder = inputs.write({"cnnic-55-en": [users_2024(), penetration_2024()]})
    seed_database(engine, folder)
    first_seeded_at = seeded_at(engine)

    again = seed_database(engine, folder)

    assert again.release is None
    assert [release.number for release in releases(engine)] == [1]
    assert seeded_at(engine) == first_seeded_at  # the data is as old as its release
    assert set(changed_in(engine).values()) == {1}


def seed_in_turn(engine: Engine, inputs: Inputs, *steps: dict[str, list[Any]]) -> SeedResult:
    result = None
    for step in steps:
        result = seed_database(engine, inputs.write(step))
    assert result is not None
    return result


def test_a_later_report_is_preferred_and_its_own_values_added(
    engine: Engine, inputs: Inputs
) -> None:
    first = {"cnnic-55-en": [users_2024(), penetration_2024()]}
    later = {**first, "cnnic-57-en": [users_2025(), penetration_2024_revised()]}

    result = seed_in_turn(engine, inputs, first, later)

    release = releases(engine)[-1]
    assert (release.number, release.data_version, release.seeded_at) == (
        2,
        result.version,
        seeded_at(engine),
    )
    assert release.previous_version == releases(engine)[0].data_version
    assert (release.reports_added, release.sources_added) == (["cnnic-57"], ["cnnic-57-en"])
    assert (release.added, release.revised, release.withdrawn) == (1, 1, 0)
    assert changes(engine, 2) == [
        (
            "revised",
            "preferred_report",
            "internet_penetration",
            "2024-12",
            "cnnic-57",
            78.5,
            78.6,
            "cnnic-55",
        ),
        ("added", None, "internet_users", "2025-12", "cnnic-57", 1125000000, None, None),
    ]
    assert changed_in(engine) == {
        ("internet_users", "2024-12", "cnnic-55"): 1,
        ("internet_penetration", "2024-12", "cnnic-55"): 1,
        ("internet_penetration", "2024-12", "cnnic-57"): 2,
        ("internet_users", "2025-12", "cnnic-57"): 2,
    }


def test_a_withdrawn_report_withdraws_its_values_and_serves_the_earlier_one_again(
    engine: Engine, inputs: Inputs
) -> None:
    first = {"cnnic-55-en": [users_2024(), penetration_2024()]}
    later = {**first, "cnnic-57-en": [users_2025(), penetration_2024_revised()]}

    seed_in_turn(engine, inputs, first, later, first)

    release = releases(engine)[-1]
    assert (release.reports_removed, release.sources_removed) == (["cnnic-57"], ["cnnic-57-en"])
    assert (release.added, release.revised, release.withdrawn) == (0, 1, 2)
    assert changes(engine, 3) == [
        (
            "revised",
            "preferred_withdrawn",
            "internet_penetration",
            "2024-12",
            "cnnic-55",
            78.6,
            78.5,
            "cnnic-57",
        ),
        ("withdrawn", None, "internet_penetration", "2024-12", "cnnic-57", None, 78.5, None),
        ("withdrawn", None, "internet_users", "2025-12", "cnnic-57", None, 1125000000, None),
    ]
    # The data is as it was after the first seed, so it has that version again.
    assert release.data_version == releases(engine)[0].data_version
    assert changed_in(engine) == {
        ("internet_users", "2024-12", "cnnic-55"): 1,
        ("internet_penetration", "2024-12", "cnnic-55"): 3,
    }


def test_a_reviewed_correction_revises_the_value_and_what_is_derived_from_it(
    engine: Engine, inputs: Inputs
) -> None:
    """The reading took the year before's figure; a reviewer points it at the right one, and
    the level of December 2023 (this one less the increase) is derived again."""
    misread = reading("cnnic-55-en", "1,092 million", "internet_users", "2024-12", 1092000000)
    corrected = {**users_2024(), "review": "corrected", "engine": {"value": 1092000000}}
    increase = reading(
        "cnnic-55-en",
        "16.08 million",
        "internet_users_change",
        "2024-12",
        16080000,
        dimensions={"compared_with": "2023-12"},
    )

    seed_in_turn(
        engine,
        inputs,
        {"cnnic-55-en": [misread, increase, penetration_2024()]},
        {"cnnic-55-en": [corrected, increase, penetration_2024()]},
    )

    assert changes(engine, 2) == [
        (
            "revised",
            "derivation",
            "internet_users",
            "2023-12",
            "cnnic-55",
            1091920000,
            1075920000,
            None,
        ),
        (
            "revised",
            "correction",
            "internet_users",
            "2024-12",
            "cnnic-55",
            1108000000,
            1092000000,
            None,
        ),
    ]
    with Session(engine) as session:
        read_by = session.scalar(
            select(Observation.read_by).where(Observation.indicator_code == "internet_users")
        )
    assert read_by == "corrected"


def test_a_corrected_qualifier_is_a_correction_of_the_same_value(
    engine: Engine, inputs: Inputs
) -> None:
    qualified = {**penetration_2024(), "qualifier": "more than"}
    corrected = {**penetration_2024(), "review": "corrected", "engine": {"qualifier": "more than"}}

    seed_in_turn(
        engine,
        inputs,
        {"cnnic-55-en": [users_2024(), qualified]},
        {"cnnic-55-en": [users_2024(), corrected]},
    )

    assert changes(engine, 2) == [
        ("revised", "correction", "internet_penetration", "2024-12", "cnnic-55", 78.6, 78.6, None)
    ]


def test_a_changed_citation_revises_the_observation_but_not_its_value(
    engine: Engine, inputs: Inputs
) -> None:
    """The same figure, now quoted by its whole sentence rather than by a part of it."""
    text = TEXTS["cnnic-55-en"][1]
    short = users_2024()
    start = text.index("China had")
    short["quote"] = {"start": start, "end": short["quote"]["end"]}
    short["quote"]["text"] = text[start : short["quote"]["end"]]

    seed_in_turn(
        engine,
        inputs,
        {"cnnic-55-en": [short, penetration_2024()]},
        {"cnnic-55-en": [users_2024(), penetration_2024()]},
    )

    assert changes(engine, 2) == [
        (
            "revised",
            "citation",
            "internet_users",
            "2024-12",
            "cnnic-55",
            1108000000,
            1108000000,
            None,
        )
    ]
    assert releases(engine)[-1].revised == 1


def test_the_real_seeds_make_one_release_of_everything(engine: Engine) -> None:
    result = seed_database(engine, SEEDS)
    seed_database(engine, SEEDS)

    (release,) = releases(engine)
    assert release.added == result.observations
    assert release.data_version == result.version
    assert len(release.sources_added) == len(result.shares)
    with Session(engine) as session:
        counted = session.scalar(select(func.count()).select_from(ReleaseChange))
    assert counted == result.observations


def test_the_first_release_names_every_indicator_and_the_vocabulary(
    engine: Engine, inputs: Inputs
) -> None:
    seed_database(engine, inputs.write({"cnnic-55-en": [users_2024(), penetration_2024()]}))

    (release,) = releases(engine)
    assert {"internet_users", "internet_penetration"} <= set(release.indicators_changed)
    assert release.indicators_changed == sorted(release.indicators_changed)
    assert release.vocabulary_changed


def test_a_changed_catalogue_entry_is_a_release_of_its_own(engine: Engine, inputs: Inputs) -> None:
    """No observation changes, but a mirror must read the indicator again."""
    folder = inputs.write({"cnnic-55-en": [users_2024(), penetration_2024()]})
    seed_database(engine, folder)
    catalogue = folder / "catalogue.yaml"
    text = catalogue.read_text(encoding="utf-8")
    old = "name_zh: 互联网普及率"
    assert text.count(old) == 1
    catalogue.write_text(text.replace(old, "name_zh: 互联网普及率(全国)"), encoding="utf-8")

    result = seed_database(engine, folder)

    assert result.release is not None
    latest = releases(engine)[-1]
    assert (latest.number, latest.added, latest.revised, latest.withdrawn) == (2, 0, 0, 0)
    assert latest.indicators_changed == ["internet_penetration"]
    assert not latest.vocabulary_changed
    assert changes(engine, 2) == []

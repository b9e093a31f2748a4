"""The command line, driven as a user would: ``seed`` and ``coverage``.

Each test points ``DATABASE_URL`` at a SQLite file of its own and clears the cached settings
and engine before and after, so nothing leaks into other tests. The console is swapped for a
wide one without colour, so every table row stays on one line and can be read back.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from app import cli as cli_module
from app.cli import cli
from app.config import get_settings
from app.extract.pipeline import Proposals, propose
from app.sources.inputs import load_sources
from app.sources.manifest import load_manifest
from app.store.models import Citation, DatasetVersion, Observation
from app.store.sessions import dispose_engine, make_engine
from tests.conftest import PROJECT_ROOT, migrate

SEEDS = PROJECT_ROOT / "seeds"
REPORT_55 = "004_65db08e511ec9519.txt"
SOURCES = [source.id for source in load_manifest(SEEDS).sources]

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A migrated, empty SQLite file that the CLI's settings point at."""
    path = tmp_path / "cli.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    yield from _cli_database(path, monkeypatch)


@pytest.fixture
def unmigrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A SQLite file with no tables at all that the CLI's settings point at."""
    yield from _cli_database(tmp_path / "bare.db", monkeypatch)


def _cli_database(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("SEED_DATABASE_URL", raising=False)  # the CLI writes through this one
    monkeypatch.setattr(cli_module, "console", Console(width=400, color_system=None))
    get_settings.cache_clear()
    dispose_engine()
    yield path
    dispose_engine()
    get_settings.cache_clear()


def flat(output: str) -> str:
    """The output with its white space collapsed, for messages that may wrap."""
    return " ".join(output.split())


def table_rows(output: str) -> list[tuple[str, ...]]:
    """The body rows of every table in the output, as tuples of their stripped cells."""
    return [
        tuple(cell.strip() for cell in line.strip().strip("│").split("│"))
        for line in output.splitlines()
        if line.startswith("│")
    ]


def sections(output: str) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The rows of the coverage table and those of the left-out table after it."""
    coverage, title, left_out = output.partition("Numbers left out")
    assert title, output[-2000:]
    return table_rows(coverage), table_rows(left_out)


def state(path: Path) -> tuple[object, ...]:
    """What the database holds: its data version and every observation's identity and value."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            version = session.scalar(select(DatasetVersion.version))
            rows = session.execute(
                select(
                    Observation.id,
                    Observation.indicator_code,
                    Observation.dimensions_key,
                    Observation.period,
                    Observation.value,
                ).order_by(Observation.id)
            ).all()
            return (version, tuple(tuple(row) for row in rows))
    finally:
        engine.dispose()


def counts(path: Path) -> tuple[int, int, int]:
    """Observations, derived observations and citations in the database."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            observations = session.scalar(select(func.count()).select_from(Observation))
            derived = session.scalar(
                select(func.count()).select_from(Observation).where(Observation.status == "derived")
            )
            citations = session.scalar(select(func.count()).select_from(Citation))
            assert observations is not None
            assert derived is not None
            assert citations is not None
            return observations, derived, citations
    finally:
        engine.dispose()


def copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


# --- seed -----------------------------------------------------------------------------------


def test_seed_prints_how_the_readings_were_made_and_what_it_seeded(database: Path) -> None:
    result = runner.invoke(cli, ["seed"])
    assert result.exit_code == 0, result.output
    assert "Readings: how the served ones were made" in result.output
    readings, _, _ = result.output.partition("Disagreements")
    assert [row[0] for row in table_rows(readings)] == SOURCES
    observations, derived, citations = counts(database)
    assert observations > 500
    assert (
        f"Seeded {observations} observations ({derived} derived) with {citations} citations"
        in flat(result.output)
    )
    version = state(database)[0]
    assert isinstance(version, str)
    assert f"data version {version}." in flat(result.output)
    assert "Numbers left out" not in result.output
    assert (
        f"Release 1: {observations} observations added, 0 revised, 0 withdrawn; reports added: "
        f"17; sources added: {len(SOURCES)}; indicators changed in the catalogue: "
        in flat(result.output)
    )
    assert f"Every change: GET /v1/releases/{version}" in flat(result.output)

    again = runner.invoke(cli, ["seed"])
    assert again.exit_code == 0, again.output
    assert "Nothing changed: no release recorded" in flat(again.output)


def engine() -> Proposals:
    """What the engine reads in the seeds: what `coverage` reports on."""
    sources = load_sources(SEEDS)
    return propose(list(sources.texts.values()), sources.manifest, sources.catalogue)


def _offset_of(number: str) -> str:
    """Where ``number`` stands in the Xinhua article, as the left-out table prints it."""
    text = (SEEDS / "001_9d474e672f3dc305.txt").read_text(encoding="utf-8")
    return str(text.index(number))


def test_seed_refuses_an_edited_text_and_leaves_the_database_as_it_was(
    database: Path, tmp_path: Path
) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    before = state(database)
    assert before[0] is not None
    assert before[1]
    seeds = copy_seeds(tmp_path)
    report = seeds / REPORT_55
    text = report.read_text(encoding="utf-8")
    assert "1,108 million" in text
    report.write_text(text.replace("1,108 million", "1,109 million", 1), encoding="utf-8")
    result = runner.invoke(cli, ["seed", "--seeds-dir", str(seeds)])
    assert result.exit_code == 1
    output = flat(result.output)
    assert f"seed refused: {REPORT_55}: sha256 is" in output
    assert "the file was changed, truncated or replaced" in output
    assert "The database was left as it was." in output
    assert "Seeded" not in output
    assert state(database) == before


def test_seed_refuses_a_broken_catalogue_and_leaves_the_database_empty(
    database: Path, tmp_path: Path
) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "catalogue.yaml").write_text("dimensions: {area: [\n", encoding="utf-8")
    result = runner.invoke(cli, ["seed", "--seeds-dir", str(seeds)])
    assert result.exit_code == 1
    assert "seed refused: catalogue.yaml:" in flat(result.output)
    assert state(database) == (None, ())


def test_seed_refuses_a_database_that_was_never_migrated(unmigrated: Path) -> None:
    result = runner.invoke(cli, ["seed"])
    assert result.exit_code == 1
    output = flat(result.output)
    assert (
        "seed refused: the database is not migrated (it has no alembic_version); this code "
        "needs revision" in output
    )
    assert "run `alembic upgrade head` first" in output
    assert "another seed" not in output
    engine = make_engine(f"sqlite:///{unmigrated}")
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


# --- coverage -------------------------------------------------------------------------------


def test_coverage_lists_every_number_left_out_with_its_reason(database: Path) -> None:
    result = runner.invoke(cli, ["coverage"])
    assert result.exit_code == 0, result.output
    assert "Coverage: numbers in each text" in result.output
    assert "Numbers left out" in result.output
    _, listed = sections(result.output)
    expected = [
        (item.source, str(item.start), item.text, item.reason) for item in engine().left_out
    ]
    assert len(expected) > 100
    assert listed == expected
    assert (
        "cnnic-57-xinhua-en",
        _offset_of("171.39"),
        "171.39",
        "the previous figure converted to another currency",
    ) in listed


def test_coverage_counts_match_the_numbers_it_lists(database: Path) -> None:
    result = runner.invoke(cli, ["coverage"])
    assert result.exit_code == 0, result.output
    tables, left_out = sections(result.output)
    summaries = [row for row in tables if len(row) == 4]
    assert [row[0] for row in summaries if row[0]] == SOURCES
    for coverage in engine().coverage:
        (summary,) = [row for row in summaries if row[0] == coverage.source]
        assert summary[1:3] == (str(coverage.numbers), str(coverage.captured))
        listed = [row for row in left_out if row[0] == coverage.source]
        assert len(listed) == coverage.numbers - coverage.captured, coverage.source
        assert len(listed) == sum(coverage.left_out.values())


def test_coverage_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "never.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.delenv("SEED_DATABASE_URL", raising=False)
    monkeypatch.setattr(cli_module, "console", Console(width=400, color_system=None))
    get_settings.cache_clear()
    dispose_engine()
    try:
        result = runner.invoke(cli, ["coverage"])
    finally:
        get_settings.cache_clear()
        dispose_engine()
    assert result.exit_code == 0, result.output
    assert not path.exists()


def test_coverage_of_an_edited_text_says_it_cannot_read_the_sources(
    database: Path, tmp_path: Path
) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / REPORT_55).write_text("truncated", encoding="utf-8")
    result = runner.invoke(cli, ["coverage", "--seeds-dir", str(seeds)])
    assert result.exit_code == 1
    assert f"cannot read the sources: {REPORT_55}: sha256 is" in flat(result.output)


# --- propose and preview --------------------------------------------------------------------


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """The seeds folder, copied, so that proposals can be merged into its readings."""
    return copy_seeds(tmp_path)


def test_propose_merges_new_proposals_as_pending_and_keeps_reviewed_ones(
    database: Path, seeds_copy: Path
) -> None:
    readings = seeds_copy / "readings" / "cnnic-57-ecns-en.yaml"
    reviewed = readings.read_text(encoding="utf-8")
    (seeds_copy / "readings" / "cnnic-57-xinhua-en.yaml").unlink()

    result = runner.invoke(cli, ["propose", "--seeds-dir", str(seeds_copy)])

    assert result.exit_code == 0, result.output
    rows = {row[0]: row[1:] for row in table_rows(result.output)}
    assert rows["cnnic-57-xinhua-en"][1] == rows["cnnic-57-xinhua-en"][0] != "0"
    assert rows["cnnic-57-ecns-en"][1:] == ("0", "0", "0")
    assert readings.read_text(encoding="utf-8") == reviewed
    refused = runner.invoke(cli, ["seed", "--seeds-dir", str(seeds_copy)])
    assert refused.exit_code == 1
    assert "cnnic-57-xinhua-en.yaml:5: a pending reading of" in flat(refused.output)


def test_a_preview_serves_pending_readings_and_leaves_the_service_database_alone(
    database: Path, seeds_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(cli, ["seed"]).exit_code == 0
    before = state(database)
    (seeds_copy / "readings" / "cnnic-57-xinhua-en.yaml").unlink()
    assert runner.invoke(cli, ["propose", "--seeds-dir", str(seeds_copy)]).exit_code == 0
    preview = tmp_path / "preview.db"
    monkeypatch.setenv("PREVIEW_DATABASE_URL", f"sqlite:///{preview}")
    get_settings.cache_clear()

    result = runner.invoke(cli, ["seed", "--preview", "--seeds-dir", str(seeds_copy)])

    assert result.exit_code == 0, result.output
    assert f"DATABASE_URL=sqlite:///{preview} python -m app.serve" in flat(result.output)
    assert "What the pending readings change" in result.output
    assert re.search(r"\d+ values added, \d+ changed, \d+ removed; \d+ new", flat(result.output))
    assert state(database) == before
    assert counts(preview)[0] > 500


def test_a_preview_never_writes_the_service_database(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREVIEW_DATABASE_URL", f"sqlite:///{database}")
    get_settings.cache_clear()

    result = runner.invoke(cli, ["seed", "--preview"])

    assert result.exit_code == 1
    assert "PREVIEW_DATABASE_URL names the service's database" in flat(result.output)
    assert counts(database) == (0, 0, 0)

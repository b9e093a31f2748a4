"""The command line: proposing and reviewing readings, seeding and inspecting the data. Only
this writes to the database."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import DBAPIError

from app.config import get_settings
from app.extract.merge import Disagreement
from app.extract.pipeline import Coverage, propose
from app.extract.records import LeftOut
from app.readings.diff import DataDiff, difference
from app.readings.files import ReadingsError, load_readings
from app.readings.propose import propose_readings
from app.readings.shares import Shares, shares_of
from app.seed.inputs import prepare
from app.seed.lock import SeedLockError
from app.seed.releases import ReleaseSummary
from app.seed.writer import seed_database
from app.sources.catalogue import CatalogueError
from app.sources.inputs import load_sources
from app.sources.manifest import SourceFileError
from app.store.grants import GrantError, grant_read_only
from app.store.schema_revision import SchemaRevisionError
from app.store.sessions import make_preview_engine, make_writer_engine

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()

SeedsDir = Annotated[
    Path | None,
    typer.Option(help="Folder with manifest.yaml, catalogue.yaml and the texts [default: seeds/]"),
]


@cli.command()
def seed(
    seeds_dir: SeedsDir = None,
    preview: Annotated[
        bool,
        typer.Option(
            help="Serve the pending readings too, exactly as proposed, in PREVIEW_DATABASE_URL "
            "(never the service's database)"
        ),
    ] = False,
) -> None:
    """Replace the database's data with the reviewed readings of the source texts.

    Example: DATABASE_URL=sqlite:///data/cnnic.db python -m app seed

    Example: python -m app seed --preview, then
    DATABASE_URL=sqlite:///data/preview.db python -m app.serve to look at it.
    """
    settings = get_settings()
    folder = seeds_dir or settings.seeds_dir
    started = time.perf_counter()
    try:
        engine = make_preview_engine() if preview else make_writer_engine()
    except ValueError as error:
        console.print(f"[red]seed refused:[/red] {error}")
        raise typer.Exit(code=1) from error
    try:
        result = seed_database(engine, folder, lock_wait=settings.db_busy_timeout, preview=preview)
    except (
        ReadingsError,
        SchemaRevisionError,
        SeedLockError,
        SourceFileError,
        CatalogueError,
    ) as error:
        console.print(f"[red]seed refused:[/red] {error}")
        console.print("The database was left as it was.")
        raise typer.Exit(code=1) from error
    finally:
        engine.dispose()
    elapsed = time.perf_counter() - started
    _print_shares(result.shares)
    _print_disagreements(result.extraction.disagreements)
    console.print(
        f"Seeded {result.observations} observations ({result.derived} derived) with "
        f"{result.citations} citations in {elapsed:.2f} s; data version {result.version}."
    )
    _print_release(result.release)
    if preview:
        reviewed = prepare(folder, pending="skip").extraction
        _print_difference(difference(reviewed, result.extraction))
        console.print(
            f"A preview, in {settings.preview_database_url}: serve it with "
            f"DATABASE_URL={settings.preview_database_url} python -m app.serve"
        )


@cli.command("propose")
def propose_command(
    sources: Annotated[
        list[str] | None, typer.Argument(help="Source ids (default: every source)")
    ] = None,
    seeds_dir: SeedsDir = None,
    acknowledge: Annotated[
        bool,
        typer.Option(
            help="Record how the engine now reads each accepted entry it reads otherwise (its "
            "engine_now), once a reviewer has looked at them; the readings stay as reviewed"
        ),
    ] = False,
) -> None:
    """Run the engine on the texts and merge its proposals into their readings files.

    New proposals are marked pending, with their doubts; reviewed entries are kept, and where
    the engine now reads one differently the difference is shown for review, never applied.

    Example: python -m app propose cnnic-58-en
    """
    folder = seeds_dir or get_settings().seeds_dir
    try:
        results = propose_readings(folder, sources or [], acknowledge=acknowledge)
    except (ReadingsError, SourceFileError, CatalogueError) as error:
        console.print(f"[red]propose refused:[/red] {error}")
        raise typer.Exit(code=1) from error
    table = Table(title="Proposals merged into seeds/readings/")
    for column in ("source", "proposed", "new, pending", "reviews recorded", "read otherwise"):
        table.add_column(column)
    for merged in results:
        table.add_row(
            merged.source,
            str(merged.proposed),
            str(merged.added),
            str(merged.recorded),
            str(len(merged.changed)),
        )
    console.print(table)
    for merged in results:
        for change in merged.changed:
            console.print(f"{merged.source}: the engine now reads {change}")


@cli.command("grant-reader")
def grant_reader(role: Annotated[str, typer.Argument(help="An existing login role")]) -> None:
    """Let ROLE read every table, now and after later migrations, and write none (PostgreSQL).

    The service connects as ROLE (DATABASE_URL); this command, seeds and migrations as the owner.

    Example: SEED_DATABASE_URL=postgresql+psycopg://cnnic:pw@db/cnnic python -m app grant-reader r
    """
    engine = make_writer_engine()
    try:
        grant_read_only(engine, role)
    except (GrantError, DBAPIError) as error:
        console.print(f"[red]grant refused:[/red] {error}")
        raise typer.Exit(code=1) from error
    finally:
        engine.dispose()
    console.print(f"{role} may now read every table and write none.")


@cli.command()
def coverage(seeds_dir: SeedsDir = None) -> None:
    """How each text's readings were made (engine, corrected, added), and every number in the
    texts the engine leaves out, with the reason; writes nothing.

    Example: python -m app coverage
    """
    folder = seeds_dir or get_settings().seeds_dir
    try:
        sources = load_sources(folder)
        files = [load_readings(folder, source) for source in sources.texts]
        proposals = propose(list(sources.texts.values()), sources.manifest, sources.catalogue)
    except (ReadingsError, SourceFileError, CatalogueError) as error:
        console.print(f"[red]cannot read the sources:[/red] {error}")
        raise typer.Exit(code=1) from error
    _print_shares([shares_of(readings) for readings in files])
    _print_coverage(proposals.coverage)
    _print_left_out(proposals.left_out)


# Past this many report or source ids, a release's line gives their count.
_IDS_LISTED = 5


def _print_release(release: ReleaseSummary | None) -> None:
    """What the seed changed, as the release it recorded (the API's /v1/releases)."""
    if release is None:
        console.print("Nothing changed: no release recorded, the data keeps its seed time.")
        return
    moved = [
        f"{what} {', '.join(ids) if len(ids) <= _IDS_LISTED else len(ids)}"
        for what, ids in (
            ("reports added:", release.reports_added),
            ("reports removed:", release.reports_removed),
            ("sources added:", release.sources_added),
            ("sources removed:", release.sources_removed),
            ("indicators changed in the catalogue:", release.indicators_changed),
        )
        if ids
    ]
    if release.vocabulary_changed:
        moved.append("labels or search words changed")
    console.print(
        f"Release {release.number}: {release.added} observations added, {release.revised} "
        f"revised, {release.withdrawn} withdrawn"
        + "".join(f"; {part}" for part in moved)
        + f". Every change: GET /v1/releases/{release.data_version}"
    )


def _print_shares(rows: list[Shares]) -> None:
    table = Table(title="Readings: how the served ones were made")
    for column in ("source", "served", "engine", "corrected", "added", "pending", "rejected"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.source,
            str(row.served),
            _share(row.engine, row.served),
            _share(row.corrected, row.served),
            _share(row.added, row.served),
            str(row.pending),
            str(row.rejected),
        )
    console.print(table)


def _share(count: int, total: int) -> str:
    return f"{count} ({count / total:.0%})" if total else str(count)


def _print_coverage(rows: list[Coverage]) -> None:
    table = Table(title="Coverage: numbers in each text")
    for column in ("source", "numbers", "captured", "left out, by reason"):
        table.add_column(column)
    for row in rows:
        reasons = "\n".join(f"{count:4d}  {reason}" for reason, count in row.left_out.most_common())
        table.add_row(row.source, str(row.numbers), str(row.captured), reasons)
    console.print(table)


def _print_difference(diff: DataDiff) -> None:
    """What the pending readings change in the served data, and the disagreements they add."""
    table = Table(title="What the pending readings change")
    for column in ("", "indicator", "breakdown", "period", "report", "reviewed", "preview"):
        table.add_column(column)
    for kind, changes in (
        ("added", diff.added),
        ("changed", diff.changed),
        ("removed", diff.removed),
    ):
        for change in changes:
            indicator, dims, period, report = change.key
            table.add_row(
                kind,
                indicator,
                str(dict(dims)),
                period,
                report,
                "" if change.before is None else f"{change.before.normalize():f}",
                "" if change.after is None else f"{change.after.normalize():f}",
            )
    console.print(table)
    console.print(
        f"{len(diff.added)} values added, {len(diff.changed)} changed, {len(diff.removed)} "
        f"removed; {len(diff.disagreements)} new disagreements."
    )
    _print_disagreements(diff.disagreements, title="New disagreements")


def _print_disagreements(
    disagreements: list[Disagreement], title: str = "Disagreements (kept, not resolved)"
) -> None:
    if not disagreements:
        return
    table = Table(title=title)
    for column in ("indicator", "breakdown", "period", "report", "kept", "other", "where"):
        table.add_column(column)
    for item in disagreements:
        indicator, dims, period, report = item.key
        table.add_row(
            indicator,
            str(dict(dims)),
            period,
            f"{report} / {item.other_key[3]}",
            str(item.kept),
            str(item.other),
            item.where[:60],
        )
    console.print(table)


def _print_left_out(left_out: list[LeftOut]) -> None:
    table = Table(title="Numbers left out")
    for column in ("source", "offset", "number", "reason"):
        table.add_column(column)
    for item in left_out:
        table.add_row(item.source, str(item.start), item.text, item.reason)
    console.print(table)

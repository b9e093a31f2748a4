"""The command line: seeding and inspecting the data. Only this writes to the database."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import DBAPIError

from app.config import get_settings
from app.extract.pipeline import Coverage, Extraction
from app.seed.inputs import SeedError, prepare
from app.seed.lock import SeedLockError
from app.seed.writer import seed_database
from app.sources.catalogue import CatalogueError
from app.sources.manifest import SourceFileError
from app.store.grants import GrantError, grant_read_only
from app.store.schema_revision import SchemaRevisionError
from app.store.sessions import make_writer_engine

cli = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()

SeedsDir = Annotated[
    Path | None,
    typer.Option(help="Folder with manifest.yaml, catalogue.yaml and the texts [default: seeds/]"),
]


@cli.command()
def seed(seeds_dir: SeedsDir = None, verbose: bool = False) -> None:
    """Read every figure out of the source texts and replace the database's data with them.

    Example: DATABASE_URL=sqlite:///data/cnnic.db python -m app seed --verbose
    """
    folder = seeds_dir or get_settings().seeds_dir
    started = time.perf_counter()
    engine = make_writer_engine()
    try:
        result = seed_database(engine, folder, lock_wait=get_settings().db_busy_timeout)
    except (
        SeedError,
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
    _print_coverage(result.coverage)
    _print_disagreements(result.extraction)
    if verbose:
        _print_left_out(result.extraction)
    console.print(
        f"Seeded {result.observations} observations ({result.derived} derived) with "
        f"{result.citations} citations in {elapsed:.2f} s; data version {result.version}."
    )


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
    """List every number in the texts that is not captured, with the reason; writes nothing.

    Example: python -m app coverage
    """
    folder = seeds_dir or get_settings().seeds_dir
    try:
        _, _, _, extraction = prepare(folder)
    except (SeedError, SourceFileError, CatalogueError) as error:
        console.print(f"[red]cannot read the sources:[/red] {error}")
        raise typer.Exit(code=1) from error
    _print_coverage(extraction.coverage)
    _print_left_out(extraction)


def _print_coverage(rows: list[Coverage]) -> None:
    table = Table(title="Coverage: numbers in each text")
    for column in ("source", "numbers", "captured", "left out, by reason"):
        table.add_column(column)
    for row in rows:
        reasons = "\n".join(f"{count:4d}  {reason}" for reason, count in row.left_out.most_common())
        table.add_row(row.source, str(row.numbers), str(row.captured), reasons)
    console.print(table)


def _print_disagreements(extraction: Extraction) -> None:
    if not extraction.disagreements:
        return
    table = Table(title="Disagreements (kept, not resolved)")
    for column in ("indicator", "breakdown", "period", "report", "kept", "other", "where"):
        table.add_column(column)
    for item in extraction.disagreements:
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


def _print_left_out(extraction: Extraction) -> None:
    table = Table(title="Numbers left out")
    for column in ("source", "offset", "number", "reason"):
        table.add_column(column)
    for item in extraction.left_out:
        table.add_row(item.source, str(item.start), item.text, item.reason)
    console.print(table)

"""Corrupted inputs are refused by ``python -m app seed`` with the file and what is wrong with
it, and the database keeps serving what it had."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import func, select
from typer.testing import CliRunner

from app import cli as cli_module
from app.cli import cli
from app.config import get_settings
from app.store.models import DatasetVersion, Observation
from app.store.sessions import make_engine
from tests.conftest import PROJECT_ROOT, migrate
from tests.dataset import seed as seed_fixture_data

REPORT = "004_65db08e511ec9519.txt"
MANIFEST = "manifest.yaml"


def rewrite(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.chmod(0o644)
    path.write_bytes(change(path.read_bytes()))


def set_manifest_sha(seeds: Path, file: str) -> None:
    """Make the manifest agree with ``file`` as it is now (an edit someone "approved")."""
    manifest = seeds / MANIFEST
    text = manifest.read_text(encoding="utf-8")
    start = text.index(f"file: {file}")
    old = text[text.index("sha256: ", start) + 8 :].split("\n", 1)[0]
    new = hashlib.sha256((seeds / file).read_bytes()).hexdigest()
    rewrite(manifest, lambda data: data.replace(old.encode(), new.encode()))


def truncate(seeds: Path) -> None:
    rewrite(seeds / REPORT, lambda data: data[: len(data) // 2])


def edit_sentence(seeds: Path) -> None:
    rewrite(seeds / REPORT, lambda data: data.replace(b"1,108 million", b"1,109 million", 1))


def append_byte(seeds: Path) -> None:
    rewrite(seeds / REPORT, lambda data: data + b"\n")


def delete(seeds: Path) -> None:
    (seeds / REPORT).unlink()


def alter_manifest_sha(seeds: Path) -> None:
    digest = hashlib.sha256((seeds / REPORT).read_bytes()).hexdigest()
    rewrite(seeds / MANIFEST, lambda data: data.replace(digest.encode(), b"ab" * 32))


def break_encoding(seeds: Path) -> None:
    rewrite(seeds / REPORT, lambda data: data[:100] + b"\xff\xfe" + data[100:])
    set_manifest_sha(seeds, REPORT)


def break_manifest(seeds: Path) -> None:
    rewrite(seeds / MANIFEST, lambda data: data + b"\n  - id: [unclosed\n")


def unknown_report(seeds: Path) -> None:
    rewrite(seeds / MANIFEST, lambda data: data.replace(b"report: cnnic-55\n", b"report: x\n", 1))


def unreadable_period(seeds: Path) -> None:
    rewrite(seeds / MANIFEST, lambda data: data.replace(b'"2024-12"', b'"December 2024"', 1))


def unreadable_publication_date(seeds: Path) -> None:
    rewrite(seeds / MANIFEST, lambda data: data.replace(b'"2026-02-05"', b'"5 Feb 2026"', 1))


READINGS = "readings/cnnic-57-ecns-en.yaml"


def edit_a_quote(seeds: Path) -> None:
    rewrite(seeds / READINGS, lambda data: data.replace(b"China's", b"Chinas", 1))


def leave_a_reading_pending(seeds: Path) -> None:
    rewrite(seeds / READINGS, lambda data: data.replace(b"review: accepted", b"review: pending", 1))


def misread_a_value(seeds: Path) -> None:
    rewrite(
        seeds / READINGS, lambda data: data.replace(b"value: 1125000000", b"value: 1125000001", 1)
    )


@dataclass(frozen=True)
class Corruption:
    label: str
    apply: Callable[[Path], None]
    message: str


CORRUPTIONS = [
    Corruption("truncated source", truncate, f"{REPORT}: sha256 is "),
    Corruption("edited sentence", edit_sentence, f"{REPORT}: sha256 is "),
    Corruption("one byte appended", append_byte, f"{REPORT}: sha256 is "),
    Corruption("manifest sha256 changed", alter_manifest_sha, f"{REPORT}: sha256 is "),
    Corruption("source missing", delete, f"{REPORT}: cannot be read (No such file or directory)"),
    Corruption("not UTF-8 though the sha256 matches", break_encoding, f"{REPORT}: not UTF-8 at "),
    Corruption("manifest not YAML", break_manifest, f"{MANIFEST}: "),
    Corruption("source of an unknown report", unknown_report, "names unknown report x"),
    Corruption("a reading's quote edited", edit_a_quote, "cnnic-57-ecns-en.yaml:"),
    Corruption("a reading left pending", leave_a_reading_pending, "a pending reading of"),
    Corruption("a value its figure does not say", misread_a_value, "reads as 1125000000"),
    Corruption(
        "reference period in words",
        unreadable_period,
        "not an ISO 8601 period: 'December 2024'",
    ),
    Corruption(
        "publication date in words",
        unreadable_publication_date,
        "'5 Feb 2026' is not a publication date",
    ),
]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A SQLite file holding the fixture data set, which the CLI's settings point at."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    migrate(engine)
    seed_fixture_data(engine)
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("SEED_DATABASE_URL", raising=False)  # the CLI writes through this one
    monkeypatch.setattr(cli_module, "console", Console(width=400, color_system=None))
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def served(url: str) -> tuple[str | None, int | None]:
    reader = make_engine(url, read_only=True)
    with reader.connect() as connection:
        version = connection.scalar(select(DatasetVersion.version))
        count = connection.scalar(select(func.count()).select_from(Observation))
    reader.dispose()
    return version, count


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=[c.label for c in CORRUPTIONS])
def test_a_corrupted_input_is_refused_naming_the_file_and_the_fault(
    database: str, tmp_path: Path, corruption: Corruption
) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    corruption.apply(seeds)
    before = served(database)

    result = CliRunner().invoke(cli, ["seed", "--seeds-dir", str(seeds)])

    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert "seed refused: " in output
    assert corruption.message in output
    assert "The database was left as it was." in output
    assert served(database) == before

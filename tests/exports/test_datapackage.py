"""The data package: what the zip holds, valid by frictionless, every quote checkable offline."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.exports.datapackage import write_datapackage
from app.exports.snapshot import current_snapshot
from app.exports.tables import TABLES
from app.store.models import Citation, Indicator, Note, Observation, Report, Source
from tests.dataset import TEXTS

MODELS = {
    "reports": Report,
    "sources": Source,
    "indicators": Indicator,
    "observations": Observation,
    "citations": Citation,
    "notes": Note,
}


@pytest.fixture
def unpacked(seeded: Engine, tmp_path: Path) -> Path:
    """The data package of the data set, written and unzipped."""
    snapshot = current_snapshot(seeded)
    assert snapshot is not None
    write_datapackage(tmp_path / "package.zip", engine=seeded, snapshot=snapshot)
    folder = tmp_path / "package"
    with zipfile.ZipFile(tmp_path / "package.zip") as archive:
        archive.extractall(folder)
    return folder


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def descriptor(folder: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((folder / "datapackage.json").read_text("utf-8"))
    return document


def test_the_zip_holds_the_descriptor_the_tables_and_the_texts(unpacked: Path) -> None:
    files = {path.relative_to(unpacked).as_posix() for path in unpacked.rglob("*.*")}

    assert files == {
        "datapackage.json",
        *(f"data/{table.name}.csv" for table in TABLES),
        *(f"texts/{source}.txt" for source in TEXTS),
    }


def test_frictionless_finds_the_package_valid(unpacked: Path) -> None:
    report = validate(unpacked / "datapackage.json")

    assert report.valid, report.flatten(["rowNumber", "type", "note"])
    assert report.stats["tasks"] == len(TABLES) + len(TEXTS)


def test_frictionless_finds_a_changed_text_or_a_broken_key(unpacked: Path) -> None:
    text = unpacked / "texts" / "cnnic-55-en.txt"
    text.write_bytes(text.read_bytes().replace(b"1,108", b"1,109"))
    observations = rows(unpacked, "observations")
    observations[0]["unit"] = "furlongs"  # no longer its indicator's unit
    with (unpacked / "data" / "observations.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(observations[0]))
        writer.writeheader()
        writer.writerows(observations)

    report = validate(unpacked / "datapackage.json")
    found = {(task.name, error.type) for task in report.tasks for error in task.errors}

    assert ("text-cnnic-55-en", "hash-count") in found
    assert ("observations", "foreign-key") in found


def test_every_row_of_every_table_is_there(seeded: Engine, unpacked: Path) -> None:
    with Session(seeded) as session:
        for name, model in MODELS.items():
            count = session.scalar(select(func.count()).select_from(model))
            assert len(rows(unpacked, name)) == count, name
    assert rows(unpacked, "notes"), "the data set has notes: the table must hold them"


def test_every_quote_is_its_text_sliced_as_the_zip_holds_it(unpacked: Path) -> None:
    texts = {path.stem: path.read_bytes().decode("utf-8") for path in unpacked.glob("texts/*")}
    quotes = [*rows(unpacked, "citations"), *rows(unpacked, "notes")]

    for quote in quotes:
        assert texts[quote["source"]][int(quote["start"]) : int(quote["end"])] == quote["quote"]
    assert quotes
    assert texts == TEXTS


def test_observations_carry_their_indicators_unit(unpacked: Path) -> None:
    units = {row["code"]: row["unit"] for row in rows(unpacked, "indicators")}
    observations = rows(unpacked, "observations")

    assert all(row["unit"] == units[row["indicator"]] for row in observations)
    users = next(row for row in observations if row["indicator"] == "internet_users")
    assert users["unit"] == "persons"
    assert users["value"] == "1108000000"
    assert users["dimensions"] == "{}"


def test_the_descriptor_documents_every_field_key_licence_and_version(unpacked: Path) -> None:
    package = descriptor(unpacked)

    assert package["version"] == "fixture-1"
    assert package["licenses"][0]["name"] == "MIT"
    tables = {resource["name"]: resource for resource in package["resources"]}
    for table in TABLES:
        schema = tables[table.name]["schema"]
        assert schema["primaryKey"] == list(table.primary_key)
        assert all(field["description"] and field["type"] for field in schema["fields"])
    observations = tables["observations"]["schema"]
    assert {
        "fields": ["indicator", "unit"],
        "reference": {"resource": "indicators", "fields": ["code", "unit"]},
    } in observations["foreignKeys"]
    unit = next(
        field for field in tables["indicators"]["schema"]["fields"] if field["name"] == "unit"
    )
    assert "persons" in unit["description"]
    text = tables["text-cnnic-55-en"]
    assert text["path"] == "texts/cnnic-55-en.txt"
    assert text["hash"].startswith("sha256:")

"""The layout: data flows one way, and every import follows it.

    seeds/ -> sources -> extract -> readings -> seed -> store -> queries -> exports -> web

``checks`` stands beside the path, between ``queries`` and ``web``: a claim to check is read
with ``sources`` and ``extract`` and held against what ``queries`` read.

Each part of ``app/`` may import only the parts listed for it below. A new package or a
module loose at the top of ``app/`` must be given its place here, or this test fails.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

APP = PROJECT_ROOT / "app"

# What each part of app/ may import of the others (besides itself).
SHARED = {"app.config", "app.periods"}
MAY_IMPORT: dict[str, set[str]] = {
    "app": set(),
    "app.config": set(),
    "app.periods": set(),
    "app.sources": {"app.periods"},
    "app.extract": {"app.sources", "app.periods"},
    "app.readings": {"app.sources", "app.extract", "app.periods"},
    "app.store": SHARED,
    "app.seed": {"app.sources", "app.extract", "app.readings", "app.store", *SHARED},
    "app.queries": {"app.store", *SHARED},
    "app.exports": {"app.queries", "app.store", *SHARED},
    "app.checks": {"app.sources", "app.extract", "app.queries", *SHARED},
    "app.observability": SHARED,
    # The web reads the catalogue (sources) for the closed choices its OpenAPI document lists.
    "app.web": {
        "app.sources",
        "app.checks",
        "app.queries",
        "app.exports",
        "app.store",
        "app.observability",
        *SHARED,
    },
    "app.cli": {"app.sources", "app.extract", "app.readings", "app.seed", "app.store", *SHARED},
    "app.serve": {"app.observability", *SHARED},
    "app.__main__": {"app.cli"},
}

# Libraries a part must not use: the readers are pure (no database, no HTTP), and nothing
# below the web layer knows of HTTP.
DATABASE = {"sqlalchemy", "alembic", "psycopg", "sqlite3"}
HTTP = {"fastapi", "starlette", "httpx", "uvicorn"}
MAY_NOT_USE: dict[str, set[str]] = {
    "app.sources": DATABASE | HTTP,
    "app.extract": DATABASE | HTTP,
    "app.readings": DATABASE | HTTP,
    "app.seed": HTTP,
    "app.store": HTTP,
    "app.queries": HTTP,
    "app.exports": HTTP,
    "app.checks": HTTP,
}

# The modules loose at the top of app/: at most a handful.
LOOSE_MODULES = {"__init__", "__main__", "cli", "config", "periods", "serve"}


def part_of(module: str) -> str:
    """The part of app/ a dotted module name belongs to: ``app.web.routes.x`` -> ``app.web``."""
    return ".".join(module.split(".")[:2])


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> Iterator[tuple[int, str]]:
    """Each module ``path`` imports, with its line (``from app import x`` names ``app.x``)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "app":
                for alias in node.names:
                    yield node.lineno, f"app.{alias.name}"
            else:
                yield node.lineno, node.module


def violations(path: Path) -> list[str]:
    """The imports of ``path`` that run against the path of the data."""
    part = part_of(module_name(path))
    allowed = MAY_IMPORT[part] | {part}
    found = []
    for line, name in imported(path):
        where = f"{path.relative_to(PROJECT_ROOT)}:{line}"
        if name == "app" or name.startswith("app."):
            if part_of(name) not in allowed:
                found.append(f"{where}: {part} may not import {name}")
        elif name.split(".")[0] in MAY_NOT_USE.get(part, set()):
            found.append(f"{where}: {part} may not use {name}")
    return found


SOURCES = sorted(APP.rglob("*.py"))


def test_every_part_of_app_has_its_place() -> None:
    parts = {part_of(module_name(path)) for path in SOURCES}
    assert parts == set(MAY_IMPORT), "give each part of app/ its place in MAY_IMPORT"
    loose = {path.stem for path in APP.glob("*.py")}
    assert loose == LOOSE_MODULES, "a module loose at the top of app/ belongs in a package"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_imports_follow_the_path_of_the_data(path: Path) -> None:
    assert violations(path) == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("app/sources/x.py", "from app.extract.periods import find_periods", "may not import"),
        ("app/extract/x.py", "import sqlalchemy", "may not use sqlalchemy"),
        ("app/extract/x.py", "from fastapi import Request", "may not use fastapi"),
        ("app/queries/x.py", "from app.web import schemas", "may not import app.web"),
        ("app/queries/x.py", "from app.exports import cache", "may not import app.exports"),
        ("app/exports/x.py", "from fastapi import Request", "may not use fastapi"),
        ("app/store/x.py", "from app import queries", "may not import app.queries"),
        ("app/seed/x.py", "from starlette.requests import Request", "may not use starlette"),
    ],
)
def test_an_import_against_the_path_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, source: str, expected: str
) -> None:
    monkeypatch.setattr(f"{__name__}.PROJECT_ROOT", tmp_path)
    path = tmp_path / module
    path.parent.mkdir(parents=True)
    path.write_text(source + "\n", encoding="utf-8")

    (found,) = violations(path)

    assert expected in found
    assert found.startswith(f"{module}:1: ")

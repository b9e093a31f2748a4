"""The download files: built once per data version, in place whole or not at all."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from app.exports.cache import ATTEMPTS, DownloadCache, NoDataError
from app.exports.snapshot import DataChangedError, Snapshot
from app.store.models import DatasetVersion
from tests.dataset import set_version


class CountingBuild:
    """A build that writes the version it was given, and counts its runs."""

    def __init__(self) -> None:
        self.runs = 0
        self._lock = threading.Lock()

    def __call__(self, target: Path, engine: Engine, snapshot: Snapshot) -> None:
        with self._lock:
            self.runs += 1
        target.write_text(snapshot.version, encoding="utf-8")


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    """The cache's folder (the test's database is in ``tmp_path``)."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


def test_a_file_is_built_once_per_data_version(seeded: Engine, downloads: Path) -> None:
    cache = DownloadCache(downloads)
    build = CountingBuild()

    first = cache.file("x.txt", build, engine=seeded)
    again = cache.file("x.txt", build, engine=seeded)

    assert build.runs == 1
    assert again == first
    assert first.version == "fixture-1"
    assert first.path.read_text(encoding="utf-8") == "fixture-1"


def test_a_new_version_is_built_and_the_old_one_removed(seeded: Engine, downloads: Path) -> None:
    cache = DownloadCache(downloads)
    build = CountingBuild()
    old = cache.file("x.txt", build, engine=seeded)

    set_version(seeded, "fixture-2")
    new = cache.file("x.txt", build, engine=seeded)

    assert build.runs == 2
    assert new.version == "fixture-2"
    assert new.path.read_text(encoding="utf-8") == "fixture-2"
    assert not old.path.exists()
    assert [path.name for path in downloads.iterdir()] == [new.path.parent.name]


def test_only_its_own_folders_are_removed(seeded: Engine, downloads: Path) -> None:
    (downloads / "notes").mkdir()
    (downloads / "readme.txt").write_text("kept", encoding="utf-8")

    DownloadCache(downloads).file("x.txt", CountingBuild(), engine=seeded)

    assert (downloads / "notes").is_dir()
    assert (downloads / "readme.txt").read_text(encoding="utf-8") == "kept"


def test_concurrent_first_requests_share_one_build(seeded: Engine, downloads: Path) -> None:
    cache = DownloadCache(downloads)
    build = CountingBuild()

    with ThreadPoolExecutor(max_workers=6) as pool:
        built = list(pool.map(lambda _: cache.file("x.txt", build, engine=seeded), range(12)))

    assert build.runs == 1
    assert {item.path for item in built} == {built[0].path}


def test_a_seed_landing_during_a_build_starts_it_again(seeded: Engine, downloads: Path) -> None:
    build = CountingBuild()

    def build_while_a_seed_lands(target: Path, engine: Engine, snapshot: Snapshot) -> None:
        build(target, engine, snapshot)
        if build.runs == 1:
            set_version(engine, "fixture-2")

    built = DownloadCache(downloads).file("x.txt", build_while_a_seed_lands, engine=seeded)

    assert build.runs == 2
    assert built.version == "fixture-2"
    assert built.path.read_text(encoding="utf-8") == "fixture-2"


def test_seeds_landing_during_every_build_give_up(seeded: Engine, downloads: Path) -> None:
    build = CountingBuild()

    def build_while_seeds_land(target: Path, engine: Engine, snapshot: Snapshot) -> None:
        build(target, engine, snapshot)
        set_version(engine, f"fixture-{build.runs + 1}")

    with pytest.raises(DataChangedError):
        DownloadCache(downloads).file("x.txt", build_while_seeds_land, engine=seeded)

    assert build.runs == ATTEMPTS
    assert not [path for path in downloads.rglob("*") if path.is_file()]


def test_a_failed_build_leaves_no_file(seeded: Engine, downloads: Path) -> None:
    def failing(target: Path, engine: Engine, snapshot: Snapshot) -> None:
        target.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        DownloadCache(downloads).file("x.txt", failing, engine=seeded)

    assert not [path for path in downloads.rglob("*") if path.is_file()]


def test_no_seeded_data_is_no_download(seeded: Engine, downloads: Path) -> None:
    with Session(seeded) as session, session.begin():
        session.execute(delete(DatasetVersion))

    with pytest.raises(NoDataError):
        DownloadCache(downloads).file("x.txt", CountingBuild(), engine=seeded)

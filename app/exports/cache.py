"""Download files built once per data version, in a folder, and reused until the data changes.

A file is ``<folder>/<key>/<name>``, where the key is a digest of the data version and of this
package's sources (a file is a function of the data and of the code that wrote it). It is built
under a temporary name in the same folder and renamed into place (``os.replace``, atomic), so a
reader sees a whole file or none, however many requests or processes build at once. In one
process a lock makes concurrent first requests wait for one build; two processes may each build
once, and the last rename wins with the same content.

A build reads the data a batch at a time (:mod:`app.queries.bulk`), so it checks that no seed
landed meanwhile (the data version and the seed's time are the same after as before), and
starts again if one did. Once a version's file is in place, the folders of other versions are
removed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from app.exports.snapshot import DataChangedError, Snapshot, current_snapshot

# How many times a build starts again when seeds keep landing while it reads.
ATTEMPTS = 3

Build = Callable[[Path, Engine, Snapshot], None]


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


_CODE = _code_digest()
_KEY_FOLDER = re.compile(r"^[0-9a-f]{24}$")


def _key(version: str) -> str:
    """The folder of ``version``'s files, built by this code."""
    return hashlib.sha256(_CODE + version.encode()).hexdigest()[:24]


class NoDataError(Exception):
    """The database holds no seeded data: there is nothing to download."""


@dataclass(frozen=True)
class Built:
    """A download's file, and the data version it holds and when that was seeded."""

    path: Path
    version: str
    seeded_at: str


@functools.cache
def download_cache(directory: Path) -> DownloadCache:
    """The process's cache of ``directory``: one, so that its locks are shared."""
    return DownloadCache(directory)


class DownloadCache:
    """The download files of one folder (see the module doc)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._locks: dict[Path, threading.Lock] = {}
        self._locks_guard = threading.Lock()

    def file(self, name: str, build: Build, *, engine: Engine) -> Built:
        """``name`` for the data ``engine``'s database holds now: the file built already, or
        one ``build`` writes now (given the path to write, the engine and the data's
        snapshot)."""
        for _ in range(ATTEMPTS):
            snapshot = current_snapshot(engine)
            if snapshot is None:
                raise NoDataError("no data has been seeded yet")
            folder = self.directory / _key(snapshot.version)
            target = folder / name
            if not target.exists():
                with self._lock(target):
                    if not target.exists() and not _build(target, build, engine, snapshot):
                        continue
                    self._prune(keep=folder)
            return Built(target, snapshot.version, snapshot.seeded_at)
        raise DataChangedError(f"the data changed during each of {ATTEMPTS} builds of {name}")

    def _lock(self, target: Path) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(target, threading.Lock())

    def _prune(self, *, keep: Path) -> None:
        """Remove the folders of other data versions (or of other code)."""
        for folder in self.directory.iterdir():
            if folder != keep and folder.is_dir() and _KEY_FOLDER.match(folder.name):
                shutil.rmtree(folder, ignore_errors=True)
        with self._locks_guard:
            self._locks = {path: lock for path, lock in self._locks.items() if keep in path.parents}


def _build(target: Path, build: Build, engine: Engine, snapshot: Snapshot) -> bool:
    """Build ``target`` under a temporary name and rename it into place; False, leaving
    nothing, when a seed landed meanwhile."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    partial = Path(name)
    try:
        try:
            build(partial, engine, snapshot)
        except DataChangedError:
            return False
        if current_snapshot(engine) != snapshot:
            return False
        partial.chmod(0o644)
        os.replace(partial, target)
        return True
    finally:
        partial.unlink(missing_ok=True)

"""Cold and warm bulk downloads: how long the first request of a data version takes (it builds
the file) and how long the next ones take (they stream it from disk), for each download.

    python -m bench.downloads                       # in process, on the service database
    DATABASE_URL=sqlite:////tmp/cnnic-bench/big.db python -m bench.downloads
    python -m bench.downloads --url http://127.0.0.1:8000 --cache-dir data/downloads

In process, the application reads the service database (DATABASE_URL) and builds into a
download folder of its own, so the first request is cold. Against a running server, name its
DOWNLOAD_CACHE_DIR: the bench empties it before each cold request (only that server may use it).
Each figure is the median of ``--runs`` requests; a revalidation (If-None-Match, 304) is timed
too.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from app.config import get_settings
from app.web.application import create_app

# A client of a running server, or of the application in this process.
Client = httpx.Client | TestClient
DOWNLOADS = ("/v1/downloads/datapackage.zip", "/v1/downloads/database.sqlite")


@contextmanager
def in_process(cache_dir: Path) -> Iterator[TestClient]:
    """A client of the application in this process, building into ``cache_dir``."""
    settings = get_settings().model_copy(update={"download_cache_dir": cache_dir})
    with TestClient(create_app(settings)) as client:
        yield client


@dataclass(frozen=True)
class Timed:
    """One request: how long it took, body read, and what it answered."""

    seconds: float
    status: int
    size: int
    etag: str


def timed(client: Client, path: str, headers: dict[str, str] | None = None) -> Timed:
    started = time.perf_counter()
    response = client.get(path, headers=headers)
    seconds = time.perf_counter() - started
    return Timed(seconds, response.status_code, len(response.content), response.headers["etag"])


def empty(folder: Path) -> None:
    """Remove the built files, so that the next request builds them again."""
    if folder.exists():
        for entry in folder.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def bench(client: Client, cache_dir: Path, runs: int) -> None:
    print(f"{'download':34} {'bytes':>12} {'cold s':>8} {'warm s':>8} {'304 s':>8}")
    for path in DOWNLOADS:
        cold: list[Timed] = []
        for _ in range(runs):
            empty(cache_dir)
            cold.append(timed(client, path))
        warm = [timed(client, path) for _ in range(runs)]
        etag = {"If-None-Match": warm[-1].etag}
        revalidated = [timed(client, path, etag) for _ in range(runs)]
        assert {item.status for item in [*cold, *warm]} == {200}
        assert {item.status for item in revalidated} == {304}
        print(
            f"{path:34} {warm[-1].size:>12,} {median(cold):>8.3f} {median(warm):>8.3f} "
            f"{median(revalidated):>8.4f}"
        )


def median(requests: list[Timed]) -> float:
    return statistics.median(item.seconds for item in requests)


def main() -> None:
    parser = argparse.ArgumentParser(description="Time cold and warm bulk downloads.")
    parser.add_argument("--url", help="a running server's address, instead of in process")
    parser.add_argument("--cache-dir", type=Path, help="that server's DOWNLOAD_CACHE_DIR")
    parser.add_argument("--runs", type=int, default=3, help="requests per figure (default 3)")
    arguments = parser.parse_args()
    if arguments.url:
        if arguments.cache_dir is None:
            parser.error("--url needs --cache-dir, to make the first request cold")
        with httpx.Client(base_url=arguments.url, timeout=600) as client:
            bench(client, arguments.cache_dir, arguments.runs)
        return
    with (
        tempfile.TemporaryDirectory(prefix="cnnic-bench-downloads-") as folder,
        in_process(Path(folder)) as client,
    ):
        bench(client, Path(folder), arguments.runs)


if __name__ == "__main__":
    main()

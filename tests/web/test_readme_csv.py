"""The README's pandas example, as an analyst runs it: `pd.read_csv` on its URL, against the
real server and the real seeds, gets every row, not a first page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pandas as pd
import pytest

from app.seed.writer import seed_database
from app.store.sessions import make_engine
from tests.conftest import PROJECT_ROOT, migrate
from tests.live_server import live_server

README_URL = re.compile(r'url = "http://127\.0\.0\.1:8000(?P<path>/v1/observations\?[^"]+)"')


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("readme") / "served.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    seed_database(engine, PROJECT_ROOT / "seeds")
    engine.dispose()
    with live_server({"DATABASE_URL": f"sqlite:///{path}"}) as url:
        yield url


def every_row(base: str, path: str) -> list[dict[str, object]]:
    """The JSON answer to ``path``, every page of it."""
    rows: list[dict[str, object]] = []
    url: str | None = f"{base}{path}&limit=1000"
    with httpx.Client(timeout=30) as client:
        while url is not None:
            body = client.get(url).json()
            rows.extend(body["data"])
            url = body["next"]
    return rows


def test_the_readme_csv_url_reads_whole_into_pandas(base: str) -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    found = README_URL.search(readme)
    assert found is not None, "the README shows pd.read_csv on an observations URL"
    path = found["path"].replace("&format=csv", "")

    frame = pd.read_csv(f"{base}{found['path']}")

    assert len(frame) == len(every_row(base, path))
    assert set(frame["area"]) == {"_total", "rural", "urban"}


def test_every_observation_reads_into_pandas_past_any_page(base: str) -> None:
    frame = pd.read_csv(f"{base}/v1/observations?format=csv&vintages=all")

    assert len(frame) == len(every_row(base, "/v1/observations?vintages=all")) > 1000
    assert not frame[["indicator", "period", "value", "unit"]].isna().any().any()

"""``python -m app.serve``: the settings checked before any worker starts, the metrics folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config import Settings, get_settings
from app.observability import MULTIPROC_DIR_VARIABLE
from app.serve import describe_invalid_settings, load_settings, prepare_metrics_dir


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def no_metrics_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """PROMETHEUS_MULTIPROC_DIR unset now, and as it was after the test."""
    monkeypatch.setenv(MULTIPROC_DIR_VARIABLE, "placeholder")
    monkeypatch.delenv(MULTIPROC_DIR_VARIABLE)


def test_each_bad_setting_is_named_as_its_variable() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(log_level="loud", web_concurrency=0)
    lines = describe_invalid_settings(caught.value).splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "invalid setting LOG_LEVEL",
        "invalid setting WEB_CONCURRENCY",
    ]


@pytest.mark.usefixtures("fresh_settings")
def test_a_bad_setting_stops_the_server_without_showing_its_value(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://cnnic:s3cret@db/cnnic")
    with pytest.raises(SystemExit) as stopped:
        load_settings()
    assert "invalid setting DATABASE_URL" in str(stopped.value.code)
    assert "s3cret" not in str(stopped.value.code)


@pytest.mark.usefixtures("fresh_settings")
def test_log_level_may_be_given_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert load_settings().log_level == "DEBUG"


def test_a_named_metrics_folder_is_made_or_emptied_of_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "metrics"
    monkeypatch.setenv(MULTIPROC_DIR_VARIABLE, str(folder))
    assert prepare_metrics_dir(4) is None
    assert folder.is_dir()
    (folder / "counter_123.db").write_bytes(b"stale")
    (folder / "README").write_text("not a sample")
    assert prepare_metrics_dir(4) is None
    assert sorted(path.name for path in folder.iterdir()) == ["README"]


@pytest.mark.usefixtures("no_metrics_dir")
def test_one_worker_needs_no_metrics_folder() -> None:
    assert prepare_metrics_dir(1) is None
    assert MULTIPROC_DIR_VARIABLE not in os.environ


@pytest.mark.usefixtures("no_metrics_dir")
def test_several_workers_get_a_temporary_metrics_folder() -> None:
    made = prepare_metrics_dir(2)
    assert made is not None
    try:
        assert made.is_dir()
        assert os.environ[MULTIPROC_DIR_VARIABLE] == str(made)
    finally:
        made.rmdir()

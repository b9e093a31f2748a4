"""The app as deployed: on its default settings it serves the service database that ``make db``
migrated and seeded from the texts (in CI's second pass, PostgreSQL read through the
SELECT-only role that ``grant-reader`` made)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.sources.manifest import load_manifest
from app.web.application import create_app


@pytest.mark.service_database
def test_the_app_serves_every_seeded_report_and_its_figures() -> None:
    manifest = load_manifest(get_settings().seeds_dir)
    with TestClient(create_app()) as client:
        ready = client.get("/readyz")
        reports = client.get("/v1/reports")
        users = client.get("/v1/observations", params={"indicator": "internet_users"})

    assert ready.status_code == 200
    assert {report["id"] for report in reports.json()["data"]} == {
        report.id for report in manifest.reports
    }
    assert users.json()["data"]
    assert all(row["citations"] for row in users.json()["data"])

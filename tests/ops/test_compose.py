"""compose.yaml: PostgreSQL, a one-off job that migrates and seeds, API replicas behind a proxy,
each consistent with the image, the settings and docs/operations.md."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from sqlalchemy import make_url

from app.config import Settings
from tests.conftest import PROJECT_ROOT

# Read by the server's standard pieces, not by Settings; docs/operations.md describes them too.
THIRD_PARTY_VARIABLES = {"PROMETHEUS_MULTIPROC_DIR", "FORWARDED_ALLOW_IPS"}


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load((PROJECT_ROOT / "compose.yaml").read_text())
    return dict(compose["services"])


def url_without_substitutions(url: str) -> str:
    return url.replace("${POSTGRES_PASSWORD}", "pw").replace("${READER_PASSWORD}", "pw")


def test_the_services_are_the_database_the_job_the_api_and_the_proxy(
    services: dict[str, Any],
) -> None:
    assert set(services) == {"db", "migrate", "api", "proxy"}
    assert services["db"]["image"].startswith("postgres:15")
    assert services["db"]["healthcheck"]["test"]


def test_the_job_migrates_and_seeds_once_the_database_is_healthy(
    services: dict[str, Any],
) -> None:
    job = services["migrate"]
    assert "docker-entrypoint.sh migrate-and-seed" in " ".join(job["command"])
    assert job["depends_on"]["db"]["condition"] == "service_healthy"
    assert job["restart"] == "no"


def test_the_api_runs_several_replicas_after_the_job(services: dict[str, Any]) -> None:
    api = services["api"]
    assert api["command"] == ["serve"]
    assert api["deploy"]["replicas"] > 1
    assert int(api["environment"]["WEB_CONCURRENCY"]) > 1
    assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert api["build"] == services["migrate"]["build"] == "."
    assert "ports" not in api  # reached through the proxy only


def test_the_api_reads_as_the_role_the_job_grants_to(services: dict[str, Any]) -> None:
    reader = make_url(url_without_substitutions(services["api"]["environment"]["DATABASE_URL"]))
    writer = make_url(
        url_without_substitutions(services["migrate"]["environment"]["SEED_DATABASE_URL"])
    )
    assert reader.drivername == writer.drivername == "postgresql+psycopg"
    assert reader.username != writer.username
    assert (reader.host, reader.database) == (writer.host, writer.database)
    assert f"grant-reader {reader.username}" in " ".join(services["migrate"]["command"])
    init_scripts = PROJECT_ROOT / "deploy" / "postgres"
    created = "".join(path.read_text() for path in init_scripts.iterdir())
    assert f"CREATE ROLE {reader.username} LOGIN" in created


def test_stopping_gives_requests_in_flight_their_time(services: dict[str, Any]) -> None:
    api = services["api"]
    grace = int(api["stop_grace_period"].removesuffix("s"))
    assert grace > int(api["environment"]["GRACEFUL_SHUTDOWN_TIMEOUT"])
    assert api["init"] is True


def test_the_proxy_balances_over_the_api_port(services: dict[str, Any]) -> None:
    proxy = services["proxy"]
    mounted = [volume.split(":")[0] for volume in proxy["volumes"]]
    assert all((PROJECT_ROOT / path).exists() for path in mounted)
    config = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text()
    assert "server api:8000 resolve;" in config
    assert services["api"]["expose"] == ["8000"]
    assert proxy["depends_on"]["api"]["condition"] == "service_healthy"


def test_every_variable_compose_sets_is_a_documented_setting(services: dict[str, Any]) -> None:
    known = {name.upper() for name in Settings.model_fields} | THIRD_PARTY_VARIABLES
    operations = (PROJECT_ROOT / "docs" / "operations.md").read_text()
    for name in ("migrate", "api"):
        for variable in services[name]["environment"]:
            assert variable in known, f"{name} sets {variable}, which nothing reads"
            assert f"`{variable}`" in operations, f"docs/operations.md does not describe {variable}"

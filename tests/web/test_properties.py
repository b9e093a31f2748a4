"""Property-based tests of the whole API from its own OpenAPI document (schemathesis).

Every operation is called with requests generated from its documented parameters, valid and
invalid (a bounded number per operation), against the fixture's data set on each backend.
Every response must be documented: its status, its media type, its headers and its body's
schema; none may be a 5xx.

Left out: schemathesis's ``positive_data_acceptance``, which expects every schema-valid request
to succeed. Here some cannot, by design: an indicator code, a dimension name or a category
that the data does not hold is schema-valid and still a documented 404 or 422.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.store.sessions import get_session
from app.web.application import create_app
from tests.reporting import say

EXAMPLES_PER_OPERATION = 60

# An invalid request may also be refused for its size before its parameters are read: a
# too-long URL is a 414 and too-large headers a 431, both documented problem responses.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": ["400", "404", "405", "406", "414", "422", "429", "431"]
            }
        }
    }
)

cases_run: Counter[tuple[str, str]] = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases(request: pytest.FixtureRequest) -> Iterator[None]:
    """Say how many cases ran, per backend and operation, at the end of the module."""
    yield
    lines = []
    for backend in sorted({backend for backend, _ in cases_run}):
        counts = {op: n for (b, op), n in sorted(cases_run.items()) if b == backend}
        documented = {op: n for op, n in counts.items() if op.split()[0] == "GET"}
        lines.append(
            f"schemathesis on {backend}: {sum(counts.values())} cases passed, "
            f"{sum(documented.values())} of them on the {len(documented)} documented operations"
        )
        lines.extend(f"  {count:5d}  {operation}" for operation, count in documented.items())
    say(request.config, lines)


@pytest.fixture
def api_schema(seeded: Engine) -> schemathesis.BaseSchema:
    """The app's own /openapi.json, its sessions bound to the seeded test database."""
    app = create_app()

    def session_override() -> Iterator[Session]:
        with Session(seeded) as session:
            yield session

    app.dependency_overrides[get_session] = session_override
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


# /readyz answers from the configured service database, not from the test's: see the last test.
schema = schemathesis.pytest.from_fixture("api_schema").exclude(path="/readyz")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_response_is_documented_and_none_is_a_5xx(
    case: schemathesis.Case, backend: str
) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
    cases_run[backend, f"{case.method} {case.path}"] += 1


@pytest.fixture
def service_schema() -> schemathesis.BaseSchema:
    """The app's own /openapi.json, the app on its default settings (the service database)."""
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(), config=CONFIG)


@pytest.mark.service_database
@schemathesis.pytest.from_fixture("service_schema").include(path="/readyz").parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None)
def test_the_readiness_probe_is_documented_and_ready(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, response.text
    case.validate_response(response, excluded_checks=[positive_data_acceptance])
    cases_run["the service database", f"{case.method} {case.path}"] += 1

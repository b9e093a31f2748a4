"""Browser tests: the explorer page in Debian's Chromium, driven by Playwright, against a real
uvicorn server on 127.0.0.1 over a database seeded from the real texts.

Without /usr/bin/chromium the tests are skipped and say why; in CI (``CI=true``) they fail.
Every page runs under the strict Content-Security-Policy the explorer is built for, and a test
fails when its page logs a console error or throws.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Route, ViewportSize, sync_playwright

from app.seed.writer import seed_database
from tests.conftest import IN_CI, PROJECT_ROOT, empty_engine

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Only the page's own assets: no inline script or style, no eval, nothing from elsewhere;
# images from blob: too, made by the page itself (a chart's SVG drawn onto a canvas as PNG).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
SERVER_START_SECONDS = 30

PROBLEMS = pytest.StashKey[list[str]]()


def require_chromium() -> None:
    """Skip the calling test module when Chromium is missing; in CI, fail instead."""
    if CHROMIUM.exists():
        return
    if IN_CI:
        pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests (.ci/run installs it)")
    pytest.skip(
        f"browser tests skipped: {CHROMIUM} is missing (apt-get install -y chromium)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_ready(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except (URLError, ConnectionError):
            time.sleep(0.1)
    raise RuntimeError(f"uvicorn did not answer at {url} within {SERVER_START_SECONDS} s")


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the app, served by uvicorn in a subprocess from a database migrated and
    seeded here with the real seed. The port is free when chosen; should another process take
    it before uvicorn binds it, a new one is tried."""
    folder = tmp_path_factory.mktemp("explorer")
    engine = empty_engine("sqlite", folder)
    seed_database(engine, PROJECT_ROOT / "seeds")
    engine.dispose()
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'test.db'}"}
    for _attempt in range(3):
        port = _free_port()
        url = f"http://127.0.0.1:{port}"
        command = [
            sys.executable,
            "-m",
            "uvicorn",
            "app.web.application:app",
            "--host",
            "127.0.0.1",
        ]
        process = subprocess.Popen(
            [*command, "--port", str(port), "--log-level", "warning"],
            cwd=PROJECT_ROOT,
            env=environment,
        )
        try:
            _wait_until_ready(process, url)
        except RuntimeError:
            process.kill()
            process.wait()
            continue
        yield url
        process.terminate()
        process.wait(timeout=10)
        return
    pytest.fail("uvicorn could not be started on 127.0.0.1")


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; Playwright downloads no browser of its own."""
    require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _with_csp(route: Route) -> None:
    response = route.fetch()
    route.fulfill(response=response, headers={**response.headers, "content-security-policy": CSP})


def _is_page(url: str) -> bool:
    return urlsplit(url).path == "/"


OpenPage = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, server: str, request: pytest.FixtureRequest) -> Iterator[OpenPage]:
    """Opens a path of the app in a fresh browser context (desktop size unless told), under
    the strict CSP, recording what the page logs as an error."""
    problems = request.node.stash.setdefault(PROBLEMS, [])
    contexts = []

    def record(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    def open_(path: str = "/", *, viewport: ViewportSize = DESKTOP) -> Page:
        context = browser.new_context(base_url=server, viewport=viewport)
        contexts.append(context)
        context.route(_is_page, _with_csp)
        page = context.new_page()
        page.on("console", record)
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    """Fail the test, not only its teardown, when one of its pages logged an error."""
    result = yield
    problems = item.stash.get(PROBLEMS, [])
    if problems:
        pytest.fail("The page logged errors:\n" + "\n".join(problems))
    return result

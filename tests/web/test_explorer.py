"""The explorer page at /: served from the package, its own assets only, fit for a strict CSP.

What it does in a browser is tested in tests/web; these checks need no browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.web.application import create_app
from app.web.explorer import ASSETS_PATH, STATIC_DIR

SCRIPTS = sorted(STATIC_DIR.glob("*.js"))
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app()) as test_client:
        yield test_client


def test_the_page_is_served_at_the_root(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "<title>China internet statistics explorer</title>" in page.text
    assert client.head("/").status_code == 200


def test_the_page_loads_only_its_own_assets(client: TestClient) -> None:
    page = client.get("/").text
    assets = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', page)
    assert sorted(assets) == [
        f"{ASSETS_PATH}/app.js",
        f"{ASSETS_PATH}/explorer.css",
        f"{ASSETS_PATH}/icon.svg",
    ]
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
    assert client.get(f"{ASSETS_PATH}/app.js").headers["content-type"].startswith("text/javascript")


def test_the_page_has_no_inline_script_or_style(client: TestClient) -> None:
    page = client.get("/").text
    assert re.findall(r"<script\b[^>]*>", page) == [
        f'<script type="module" src="{ASSETS_PATH}/app.js">'
    ]
    assert f'src="{ASSETS_PATH}/app.js"></script>' in page, "the module script has no inline body"
    assert "<style" not in page
    assert not re.search(r"\sstyle=", page)
    assert not re.search(r"\son[a-z]+=", page), "no inline event handlers"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_import_only_their_siblings(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for module in re.findall(r'from "([^"]+)"', text):
        assert module.startswith("./"), module
        assert (STATIC_DIR / module).is_file(), module


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_scripts_build_no_markup_from_strings_and_need_no_unsafe_csp(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for unsafe in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("]:
        assert unsafe not in text
    assert "new Function" not in text
    assert not re.search(r"""setAttribute\(\s*["']style""", text)
    assert not re.search(r"\.style\.", text)
    assert not re.search(r"https?://", text.replace(SVG_NAMESPACE, "")), "no other origin"

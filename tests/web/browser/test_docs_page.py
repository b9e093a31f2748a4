"""/docs works under its own Content-Security-Policy: Swagger UI renders every operation and
"Try it out" calls the API, with no CSP violation (the fixtures fail a test on any console
error, which is where Chromium reports one)."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.web.browser.conftest import OpenPage


def test_the_docs_page_renders_and_tries_an_operation_under_its_policy(
    open_page: OpenPage,
) -> None:
    page = open_page("/docs")
    expect(page.locator(".opblock").first).to_be_visible(timeout=15_000)
    assert page.locator(".opblock").count() >= 11

    page.locator(".opblock-summary-path", has_text=re.compile(r"^/v1/reports$")).click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()

    status = page.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200", timeout=15_000)
    expect(page.locator(".live-responses-table")).to_contain_text("cnnic-55")

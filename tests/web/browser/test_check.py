"""The explorer's "Check a figure" box in a real browser: a claim typed, its verdict and quote
seen, and the value opened in the explorer."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import OpenPage, require_chromium

require_chromium()


def check_in_page(page: Page, claim: str) -> None:
    page.get_by_label("A figure as a story writes it, in English or Chinese").fill(claim)
    page.get_by_role("button", name="Check", exact=True).click()


def api_check(page: Page, claim: str) -> Any:
    response = page.request.get("/v1/check", params={"claim": claim})
    assert response.ok
    return response.json()


def test_a_claim_typed_in_is_confirmed_with_the_quote_that_says_so(open_page: OpenPage) -> None:
    page = open_page("/")

    check_in_page(page, "10.92亿网民 2023年12月")

    result = page.locator("#check-result")
    expect(result.locator(".verdict")).to_have_text("Confirmed")
    expect(result).to_contain_text("Read as: 10.92亿 · Internet users (“网民”) · Total · Dec 2023")
    quote = api_check(page, "10.92亿网民 2023年12月")["matches"][0]["citations"][0]["quote"]
    expect(result.locator("blockquote").first).to_contain_text(quote)
    expect(result.locator("blockquote").first).to_contain_text("10.92亿")


def test_a_figure_not_in_the_data_shows_the_closest_and_how_each_differs(
    open_page: OpenPage,
) -> None:
    page = open_page("/")

    page.get_by_label("A figure as a story writes it, in English or Chinese").fill(
        "农村网民 3.26亿"
    )
    page.keyboard.press("Enter")

    result = page.locator("#check-result")
    expect(result.locator(".verdict")).to_have_text("Not found")
    expect(result.get_by_role("heading", name="The closest values")).to_be_visible()
    expect(result.locator(".check-differences").first).to_contain_text(
        "the claim's 3.26亿 is 1.24% above it"
    )
    expect(result.locator("blockquote").first).to_contain_text("322 million")


def test_a_claim_with_no_figure_says_so(open_page: OpenPage) -> None:
    page = open_page("/")

    check_in_page(page, "lots of people online")

    expect(page.locator("#check-result .verdict")).to_have_text("Could not read a figure")


def test_a_checked_value_opens_in_the_explorer(open_page: OpenPage) -> None:
    page = open_page("/")
    check_in_page(page, "5G基站 337.7万个")

    page.locator("#check-result .check-value a").first.click()

    expect(page).to_have_url("/?indicator=base_stations_5g&value=total@2023-12")
    expect(page.locator("#indicator-name")).to_have_text("5G base stations")
    expect(page.locator("#evidence")).to_contain_text("337.7万")

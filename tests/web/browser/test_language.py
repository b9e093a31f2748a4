"""The explorer in English and Chinese: the switch, what it renames, and the search box."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.web.browser.conftest import OpenPage, require_chromium

require_chromium()


def search(page: Page, query: str) -> None:
    page.get_by_label("Name, in English or Chinese").fill(query)
    expect(page.locator("#result-count")).to_contain_text(f"“{query}”")


def test_the_switch_renames_the_indicator_and_its_breakdowns(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&lines=total,area:rural")
    english, chinese = (
        page.get_by_role("button", name="EN"),
        page.get_by_role("button", name="中文"),
    )
    expect(page.locator("#indicator-name")).to_have_text("Internet penetration rate")
    expect(page.locator("#indicator-name-zh")).to_have_text("互联网普及率")
    expect(english).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("checkbox", name="rural")).to_be_checked()

    chinese.click()

    expect(chinese).to_have_attribute("aria-pressed", "true")
    expect(english).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#indicator-name")).to_have_text("互联网普及率")
    expect(page.locator("#indicator-name-zh")).to_have_text("Internet penetration rate")
    expect(page.locator("#indicator-name-zh")).to_have_attribute("lang", "en")
    expect(page.locator("#indicator-description")).to_have_text(
        "网民占人口（该地区或该年龄段的人口）的比例。"
    )
    # The breakdowns are labelled in Chinese; which are shown, and the URL, stay the same.
    expect(page.get_by_role("checkbox", name="农村")).to_be_checked()
    expect(page.get_by_role("checkbox", name="城镇")).not_to_be_checked()
    expect(page.get_by_role("checkbox", name="合计")).to_be_checked()
    expect(page.get_by_role("button", name=re.compile(r"^农村, Dec 2024: "))).to_be_visible()
    assert "lines=total,area:rural" in page.url
    assert "lang" not in page.url

    english.click()

    expect(page.locator("#indicator-name")).to_have_text("Internet penetration rate")
    expect(page.get_by_role("checkbox", name="rural")).to_be_checked()


def test_the_evidence_and_the_results_follow_the_switch(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&value=area:rural@2024-12")
    expect(page.locator("#evidence h2")).to_have_text(
        "Internet penetration rate · rural · Dec 2024"
    )

    page.get_by_role("button", name="中文").click()

    expect(page.locator("#evidence h2")).to_have_text("互联网普及率 · 农村 · Dec 2024")
    search(page, "rural")
    link = page.locator("#results").get_by_role("link", name=re.compile(r"^互联网普及率 — 农村"))
    expect(link).to_be_visible()


def test_the_language_chosen_is_kept(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_users")
    page.get_by_role("button", name="中文").click()
    expect(page.locator("#indicator-name")).to_have_text("网民规模")

    page.reload()

    expect(page.locator("#indicator-name")).to_have_text("网民规模")
    expect(page.get_by_role("button", name="中文")).to_have_attribute("aria-pressed", "true")


def test_the_search_box_finds_in_both_languages(open_page: OpenPage) -> None:
    page = open_page("/")
    first = page.locator("#results .result-name").first

    search(page, "网民")
    expect(first).to_have_text("Internet users")
    search(page, "number of 5G base stations")
    expect(first).to_have_text("5G base stations")
    search(page, "smartphone")
    expect(page.locator("#results .result-name")).to_contain_text(
        ["Individuals owning a mobile phone"]
    )

    page.get_by_role("button", name="中文").click()
    search(page, "netizens")
    expect(first).to_have_text("网民规模")
    expect(page.locator("#results .result-zh").first).to_have_text("Internet users")


def test_a_search_of_common_words_only_shows_every_indicator(open_page: OpenPage) -> None:
    page = open_page("/")
    total = len(page.request.get("/v1/indicators").json()["data"])
    page.get_by_label("Name, in English or Chinese").fill("the number of")

    expect(page.locator("#result-count")).to_have_text(
        "Only common words in “the number of”: every indicator"
    )
    expect(page.locator("#results a")).to_have_count(total)

"""The explorer page in a real browser: find, chart, cite, share, export, phone, keyboard."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Locator, Page, expect

from tests.web.browser.conftest import PHONE, OpenPage, require_chromium

require_chromium()

RURAL_2024_QUOTE = "The Internet penetration in rural areas was 65.6%²⁶."
REPORT_55 = "The 55th Statistical Report on China's Internet Development"
REPORT_57 = "The 57th Statistical Report on China's Internet Development"
# The 55th report's own text, one of the sources that quote its rural figure for Dec 2024.
SOURCE_55_EN = "cnnic-55-en"


def value_button(page: Page, line: str, period: str) -> Locator:
    """The table's button for one breakdown and period, e.g. ("rural", "Dec 2024")."""
    return page.get_by_role("button", name=re.compile(rf"^{re.escape(line)}, {period}: "))


def report_column(page: Page, report_title: str) -> Locator:
    """The evidence of one report's figure for the value open: several reports may give one,
    each in a column of its own headed by the report's title."""
    heading = page.get_by_role("heading", level=3, name=report_title, exact=True)
    return page.locator("#evidence .vintage").filter(has=heading)


def source_text(column: Locator, source_title: str) -> Locator:
    """The text of the source titled `source_title`, as shown in one report's evidence."""
    return column.get_by_role("region", name=f"Text of {source_title}, with the quote highlighted")


def choose_passage(column: Locator, publisher: str) -> None:
    """Show, among the passages that give one report's figure, the quote from `publisher`."""
    column.get_by_role("button", name=re.compile(rf"^{re.escape(publisher)}\b")).click()


def api(page: Page, path: str) -> Any:
    response = page.request.get(path)
    assert response.ok, path
    return response.json()


def breakdowns_of_values(page: Page, indicator: str) -> list[dict[str, str]]:
    """The breakdown of each value the API gives for `indicator`, one per breakdown and period."""
    body = api(page, f"/v1/observations?indicator={indicator}&limit=1000")
    assert body["next"] is None
    return [observation["dimensions"] for observation in body["data"]]


def snapshot(page: Page) -> dict[str, Any]:
    """What a person sees of a view: breakdowns ticked, range, table, chart and evidence."""
    expect(page.locator("#status")).to_be_hidden()
    return {
        "indicator": page.locator("#indicator-name").text_content(),
        "ticked": page.locator("#line-groups input:checked").evaluate_all(
            "boxes => boxes.map(box => box.value)"
        ),
        "from": page.locator("#from").input_value(),
        "to": page.locator("#to").input_value(),
        "table": page.locator("#values").inner_text(),
        "lines": page.locator("svg.chart .series").count(),
        "evidence": page.locator("#evidence h2").text_content(),
        "quote": page.locator("#evidence mark").first.text_content(),
    }


def test_search_rural_and_find_the_2024_value_quoted_in_its_source(open_page: OpenPage) -> None:
    page = open_page("/")
    page.get_by_label("Name, in English or Chinese").fill("rural")
    results = page.locator("#results")
    results.get_by_role("link", name=re.compile(r"^Internet penetration rate — rural")).click()

    expect(page.locator("#indicator-name")).to_have_text("Internet penetration rate")
    expect(page.get_by_role("checkbox", name="rural")).to_be_checked()
    expect(page.get_by_role("checkbox", name="urban")).not_to_be_checked()
    expect(page.locator("svg.chart .series")).to_have_count(1)
    value_button(page, "rural", "Dec 2024").click()

    evidence = page.locator("#evidence")
    expect(evidence.locator("h2")).to_have_text("Internet penetration rate · rural · Dec 2024")
    # The 56th report implies another figure for Dec 2024, in a column beside the 55th's; the
    # table and chart show the 55th report's own.
    column = report_column(page, REPORT_55)
    expect(column.locator(".badge")).to_have_text("The value in the table and chart")
    expect(column.locator(".figure")).to_have_text("65.6%")
    # Several sources quote the figure: choose the 55th report's own text among them.
    source = api(page, f"/v1/sources/{SOURCE_55_EN}")
    choose_passage(column, "China Internet Network Information Center")
    text = source_text(column, source["title"])
    expect(text).to_be_visible()
    expect(column).to_contain_text(f"{REPORT_55} (English text)")
    expect(column).to_contain_text("China Internet Network Information Center (CNNIC)")
    expect(column).to_contain_text("published Jan 2025")
    mark = text.locator("mark.quote")
    expect(mark).to_have_text(RURAL_2024_QUOTE)
    expect(column.locator(".check")).to_contain_text("are exactly the quote")
    # The quote sits inside the whole text of its source, scrolled into sight there.
    whole_text = page.request.get(f"/v1/sources/{SOURCE_55_EN}/text").text()
    assert text.text_content() == whole_text
    box = text.bounding_box()
    highlight = mark.bounding_box()
    assert box is not None
    assert highlight is not None
    assert box["y"] <= highlight["y"] <= box["y"] + box["height"] - highlight["height"]
    assert "value=area:rural@2024-12" in page.url


def test_the_quote_shown_is_the_citation_the_api_gives(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&value=area:rural@2024-12")
    body = api(page, "/v1/observations?indicator=internet_penetration&area=rural&start=2024-12")
    shown = next(o for o in body["data"] if o["period"] == "2024-12")
    assert shown["report"] == "cnnic-55"
    assert SOURCE_55_EN in [citation["source"] for citation in shown["citations"]]
    # Other reports' figures for the period are beside it: the quote is in its report's column,
    # the first of the citations the API gives for it, highlighted in the text of its source.
    column = report_column(page, api(page, f"/v1/reports/{shown['report']}")["title"])
    expect(column.locator(".badge")).to_have_text("The value in the table and chart")
    cited = shown["citations"][0]
    text = source_text(column, api(page, f"/v1/sources/{cited['source']}")["title"])
    expect(text.locator("mark.quote")).to_have_text(cited["quote"])
    # Each of its citations and notes can be chosen in turn, as the API gives them.
    passages = [*shown["citations"], *shown["notes"]]
    expect(column.locator("button.passage q")).to_have_text([p["quote"] for p in passages])


def test_a_shared_url_restores_the_same_view(open_page: OpenPage) -> None:
    page = open_page("/")
    page.get_by_label("Name, in English or Chinese").fill("互联网普及率")
    results = page.locator("#results")
    results.get_by_role("link", name=re.compile(r"^Internet penetration rate")).first.click()
    page.get_by_role("checkbox", name="aged 60+").uncheck()
    page.get_by_label("From").select_option(label="Dec 2023")
    value_button(page, "urban", "Dec 2024").click()
    expect(page.locator("#evidence mark.quote")).to_be_visible()
    seen = snapshot(page)
    assert seen["ticked"] == ["total", "area:rural", "area:urban"]
    assert "Dec 2020" not in seen["table"]

    shared = open_page(page.url)
    expect(shared.locator("#evidence mark.quote")).to_be_visible()
    assert snapshot(shared) == seen

    page.go_back()  # closing the value's evidence is one step back
    expect(page.locator("#evidence")).to_be_hidden()
    assert "value=" not in page.url


def test_the_page_fits_a_phone(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&value=area:rural@2024-12", viewport=PHONE)
    column = report_column(page, REPORT_55)
    choose_passage(column, "China Internet Network Information Center")
    expect(column.locator("mark.quote")).to_have_text(RURAL_2024_QUOTE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    chart = page.locator("svg.chart").bounding_box()
    wrap = page.locator("#table-wrap").bounding_box()
    assert chart is not None
    assert wrap is not None
    assert chart["x"] >= 0
    assert chart["x"] + chart["width"] <= PHONE["width"]
    # A series of sixteen periods cannot fit a phone's width: the table scrolls sideways in
    # its own box, never the page.
    assert wrap["x"] >= 0
    assert wrap["x"] + wrap["width"] <= PHONE["width"], "only the value table scrolls sideways"
    # Four periods, as many as the table had when only two reports were seeded, need no
    # sideways scroll at all.
    page.get_by_label("From").select_option(label="Jun 2024")
    expect(page.locator("#values thead th")).to_have_count(1 + 4)
    table = page.locator("#values").bounding_box()
    assert table is not None
    assert table["x"] + table["width"] <= PHONE["width"], "the value table needs no sideways scroll"
    # The indicator list folds away while a view is open, and unfolds on request.
    expect(page.locator("#results")).to_be_hidden()
    page.get_by_role("button", name="Browse all indicators").click()
    expect(page.get_by_role("link", name=re.compile(r"^Internet users"))).not_to_have_count(0)


def test_every_step_works_from_the_keyboard(open_page: OpenPage) -> None:
    page = open_page("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the figures")).to_be_focused()
    page.get_by_label("Name, in English or Chinese").focus()
    page.keyboard.type("互联网普及率")
    expect(page.locator("#result-count")).to_contain_text("for “互联网普及率”")
    # Several names hold 互联网普及率 ("Asian average Internet penetration rate" too); the one
    # named exactly that comes first, and Enter opens the first match.
    first = page.locator("#results .result-name").first
    expect(first).to_have_text("Internet penetration rate")
    page.keyboard.press("Enter")
    expect(page.locator("#indicator-name")).to_have_text("Internet penetration rate")
    expect(page.locator("#indicator-name")).to_be_focused()

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('value')"):
            break
    focused = page.locator("button.value:focus")
    expect(focused).to_have_count(1)
    outline = focused.evaluate("button => getComputedStyle(button).outlineStyle")
    assert outline != "none", "the focused value shows where the focus is"

    opened = (focused.get_attribute("data-line"), focused.get_attribute("data-period"))
    page.keyboard.press("Enter")
    expect(page.locator("#evidence-title")).to_be_focused()
    # Each report that gives the value shows its quote (the first periods have several).
    columns = page.locator("#evidence .vintage").count()
    assert columns >= 1
    quotes = page.locator("#evidence mark.quote")
    expect(quotes).to_have_count(columns)
    for quote in quotes.all():
        expect(quote).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#evidence")).to_be_hidden()
    back = page.locator("button.value:focus")
    expect(back).to_have_count(1)
    assert (back.get_attribute("data-line"), back.get_attribute("data-period")) == opened


def test_reports_that_disagree_are_shown_side_by_side(open_page: OpenPage) -> None:
    page = open_page("/?indicator=generative_ai_penetration")
    cell = value_button(page, "Total", "Dec 2024")
    expect(cell).to_contain_text("reports differ")
    cell.click()
    evidence = page.locator("#evidence")
    expect(evidence.locator(".conflict")).to_contain_text("2 reports give different values")
    columns = evidence.locator(".vintage")
    expect(columns).to_have_count(2)
    expect(columns.nth(0).locator(".figure")).to_have_text("17.7%")
    expect(columns.nth(0)).to_contain_text("The 55th Statistical Report")
    expect(columns.nth(1).locator(".figure")).to_have_text("17.6%")
    expect(columns.nth(1)).to_contain_text("The 57th Statistical Report")
    left, right = columns.evaluate_all(
        "columns => columns.map(c => c.getBoundingClientRect()).map(r => [r.x, r.y, r.width])"
    )
    assert left[1] == right[1], "side by side, in one row"
    assert left[0] + left[2] <= right[0]


def test_a_derived_value_says_how_it_was_derived(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&value=area:rural@2020-12")
    # Several reports give Dec 2020 (the 47th states it, later ones imply it): the 57th
    # report's figure is derived from its Dec 2025 level and the change since.
    column = report_column(page, REPORT_57)
    expect(column.locator(".facts")).to_contain_text("Derived")
    derivation = column.locator(".derivation")
    expect(derivation).to_contain_text("69.5% − 13.6 percentage points")
    expect(derivation).to_contain_text("level minus change")
    derivation.get_by_role("link", name=re.compile(r"^Internet penetration rate: change")).click()
    expect(page.locator("#indicator-name")).to_have_text("Internet penetration rate: change")
    expect(page.locator("#evidence h2")).to_have_text(
        "Internet penetration rate: change · rural · vs Dec 2020 · Dec 2025"
    )
    expect(page.locator("#evidence mark.quote")).to_contain_text("13.6 percentage points")


def test_the_csv_and_the_api_url_give_what_is_shown(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&lines=area:rural,area:urban")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    query = "/v1/observations?indicator=internet_penetration&area=rural&area=urban"
    expect(page.locator("#api-url")).to_have_value(re.compile(f"{re.escape(query)}$"))
    url = page.locator("#api-url").input_value()
    body = api(page, url)
    rows = body["data"]
    assert body["next"] is None
    # Every rural and urban value there is (16 in the seed), all shown, all in one answer.
    breakdowns = breakdowns_of_values(page, "internet_penetration")
    expected = breakdowns.count({"area": "rural"}) + breakdowns.count({"area": "urban"})
    assert page.locator("#values button.value").count() == len(rows) == expected
    assert {row["dimensions"]["area"] for row in rows} == {"rural", "urban"}

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    saved = download.value.path().read_text(encoding="utf-8")
    assert saved == page.request.get(f"{url}&format=csv").text()

    page.get_by_role("button", name="Copy URL").click()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == url


def test_the_total_beside_a_breakdown_is_one_exact_request(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&lines=total,area:rural")
    expect(page.locator("#api-note")).to_contain_text("the same rows as this request")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    header, *lines = download.value.path().read_text(encoding="utf-8").splitlines()
    assert header.startswith("indicator,age_group,area,period,")
    # Each value of the total and of rural, and none of aged 60+ or urban: (age_group, area).
    breakdowns = breakdowns_of_values(page, "internet_penetration")
    total, rural = breakdowns.count({}), breakdowns.count({"area": "rural"})
    expected = [("_total", "_total")] * total + [("_total", "rural")] * rural
    assert sorted(tuple(line.split(",")[1:3]) for line in lines) == sorted(expected)
    assert page.locator("#values button.value").count() == len(lines)


def test_the_csv_keeps_only_the_rows_shown_when_no_request_can(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&lines=area:rural,age_group:60%2B")
    expect(page.locator("#api-note")).to_contain_text("also returns Total")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    _header, *lines = download.value.path().read_text(encoding="utf-8").splitlines()
    breakdowns = breakdowns_of_values(page, "internet_penetration")
    rural, aged = breakdowns.count({"area": "rural"}), breakdowns.count({"age_group": "60+"})
    expected = [("_total", "rural")] * rural + [("60+", "_total")] * aged
    assert sorted(tuple(line.split(",")[1:3]) for line in lines) == sorted(expected)
    assert page.locator("#values button.value").count() == len(lines)


def test_browse_by_category(open_page: OpenPage) -> None:
    page = open_page("/")
    page.get_by_label("Category").select_option(label="Artificial intelligence")
    expected = api(page, "/v1/indicators?category=artificial_intelligence")["data"]
    links = page.locator("#results a")
    expect(links).to_have_count(len(expected))
    names = sorted(link.split("\n")[0] for link in links.all_inner_texts())
    assert names == sorted(indicator["name"] for indicator in expected)


def test_values_are_written_the_way_people_read_them(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_users")
    expect(value_button(page, "Total", "Dec 2024")).to_contain_text("1.108 billion")
    expect(value_button(page, "rural", "Dec 2024")).to_contain_text("313.08 million")
    page = open_page("/?indicator=internet_penetration")
    expect(value_button(page, "Total", "Dec 2024")).to_contain_text("78.6%")


def test_an_unknown_indicator_says_so(open_page: OpenPage) -> None:
    page = open_page("/?indicator=no_such_thing")
    expect(page.locator("#status")).to_contain_text("There is no indicator “no_such_thing”")


def test_the_first_screen_shows_each_headline_series_over_time(open_page: OpenPage) -> None:
    page = open_page("/")
    points = page.locator("#starting-points li")
    expect(points.first.locator("svg.sparkline")).to_be_visible()
    users = [
        o
        for o in api(page, "/v1/observations?indicator=internet_users&limit=1000")["data"]
        if o["dimensions"] == {}
    ]
    users.sort(key=lambda o: o["period_start"])

    card = points.filter(has=page.get_by_text("Internet users", exact=True))
    sparkline = card.locator("svg.sparkline")
    label = sparkline.get_attribute("aria-label") or ""
    assert " in Oct 1997 to " in label
    assert label.endswith(f" in Dec 2025, {len(users)} values")
    points_drawn = sparkline.locator("polyline").get_attribute("points") or ""
    assert points_drawn.count(",") == len(users)
    # Every card draws its headline series.
    expect(page.locator("#starting-points svg.sparkline")).to_have_count(points.count())
    card.get_by_role("link").click()
    expect(page.locator("#indicator-name")).to_have_text("Internet users")

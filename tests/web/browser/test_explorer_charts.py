"""The explorer's charts in a real browser: the headline cards of the first screen, a chart
saved as SVG and PNG, indicators compared on one chart, the % change and the revisions."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from typing import Any

from playwright.sync_api import Page, Route, expect

from tests.web.browser.conftest import PHONE, OpenPage, require_chromium

require_chromium()

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SOURCE = "Source: CNNIC, Statistical Reports on China's Internet Development, editions "


def api(page: Page, path: str) -> Any:
    response = page.request.get(path)
    assert response.ok, path
    return response.json()


def headline(page: Page, code: str, query: str = "") -> dict[str, Any]:
    """The headline total's line of an indicator's series, as the API gives it."""
    body = api(page, f"/v1/indicators/{code}/series?total=true{query}")
    line: dict[str, Any] = next(line for line in body["series"] if line["dimensions"] == {})
    return line


def edition_runs(editions: set[int]) -> str:
    """{41, 42, 43, 45} as "41–43, 45"."""
    runs: list[list[int]] = []
    for edition in sorted(editions):
        if runs and edition == runs[-1][1] + 1:
            runs[-1][1] = edition
        else:
            runs.append([edition, edition])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def signed_percent(value: float) -> str:
    """A computed change as the page writes it: +3.41%, -1.35%, +21%."""
    return f"{round(value, 2):+g}%"


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def test_the_first_screen_shows_a_card_per_headline_series(open_page: OpenPage) -> None:
    page = open_page("/")
    cards = page.locator("#starting-points .card")
    users = cards.filter(has=page.get_by_text("Internet users", exact=True))
    # The latest value of the headline series and the period it is for, as the API gives them.
    points = headline(page, "internet_users")["points"]
    assert points[-1] == ["2025-12", 1125000000]
    expect(users.locator(".card-value")).to_have_text("1.125 billion")
    expect(users.locator(".card-period")).to_have_text("Dec 2025")
    expect(users.locator(".card-span")).to_have_text(f"Oct 1997 – Dec 2025 · {len(points)} values")
    drawn = users.locator("svg.sparkline polyline").get_attribute("points") or ""
    assert len(drawn.split()) == len(points)
    # Every card is drawn, with its latest value.
    expect(cards).not_to_have_count(0)
    expect(cards.locator("svg.sparkline")).to_have_count(cards.count())
    for value in cards.locator(".card-value").all():
        expect(value).not_to_be_empty()
    names = cards.locator(".card-name").all_inner_texts()
    assert {"Internet penetration rate", "Mobile Internet users", "5G base stations"} <= set(names)

    cards.filter(has=page.get_by_text("5G base stations", exact=True)).get_by_role("link").click()
    expect(page.locator("#indicator-name")).to_have_text("5G base stations")
    expect(page.locator("svg.chart .series")).not_to_have_count(0)


def test_a_headline_the_catalogue_lacks_is_left_out(open_page: OpenPage) -> None:
    page = open_page("/")
    expect(page.locator("#starting-points .card")).not_to_have_count(0)
    shown = page.locator("#starting-points .card").count()

    def without_domain_names(route: Route) -> None:
        body = route.fetch().json()
        body["data"] = [i for i in body["data"] if i["code"] != "domain_names"]
        route.fulfill(json=body)

    page.route(re.compile(r"/v1/indicators(\?lang=[a-z]+)?$"), without_domain_names)
    page.reload()
    expect(page.locator("#starting-points .card")).to_have_count(shown - 1)
    expect(page.locator("#starting-points")).not_to_contain_text("Domain names")
    expect(page.locator("#starting-points .card svg.sparkline")).to_have_count(shown - 1)


def test_a_chart_is_saved_as_svg_with_its_title_unit_and_source(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_penetration&lines=total,area:rural")
    expect(page.locator("svg.chart .series")).to_have_count(2)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SVG").click()
    assert download.value.suggested_filename == "internet_penetration.svg"
    root = ET.parse(download.value.path()).getroot()

    assert root.tag == f"{SVG}svg"
    assert root.findtext(f"{SVG}title") == "Internet penetration rate"
    written = texts(root)
    assert written[0] == "Internet penetration rate"
    assert written[1] == "Total, rural · in percent"
    # The editions of the reports whose values are drawn, then the service that drew them.
    shown = api(page, "/v1/observations?indicator=internet_penetration&area=_total&area=rural")
    editions = {int(o["report"].removeprefix("cnnic-")) for o in shown["data"]}
    assert written[-2] == SOURCE + edition_runs(editions)
    server = page.url.split("/?")[0]
    assert written[-1] == f"via China internet statistics, {server}/"
    # The chart itself, styled by attributes since a file has no style sheet.
    chart = root.find(f"{SVG}svg")
    assert chart is not None
    lines = [path for path in chart.iter(f"{SVG}path") if path.get("stroke-width") == "2.5"]
    assert len(lines) == 2
    colours = page.locator("svg.chart .series").evaluate_all(
        "groups => groups.map(g => getComputedStyle(g).color)"
    )
    assert [line.get("stroke") for line in lines] == colours
    assert all(line.get("fill") == "none" for line in lines)
    assert not any(node.get("class") for node in root.iter())
    assert "%" in "".join(written)


def test_a_chart_is_saved_as_png(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_users")
    expect(page.locator("svg.chart .series")).not_to_have_count(0)
    chart_width = int(page.locator("svg.chart").get_attribute("width") or 0)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PNG").click()
    assert download.value.suggested_filename == "internet_users.png"
    png = download.value.path().read_bytes()

    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])
    # Drawn at twice the size of the SVG, which pads the chart by 16 px each side.
    assert width == 2 * (chart_width + 32)
    assert height > width / 4
    assert len(png) > 20_000, "a chart, not an empty canvas"


def test_indicators_in_two_units_are_compared_on_two_axes(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_users")
    compare = page.get_by_role("button", name="Compare", exact=True)
    expect(compare).to_have_attribute("aria-pressed", "false")
    compare.click()
    expect(compare).to_have_attribute("aria-pressed", "true")
    section = page.locator("#compare")
    expect(section.get_by_role("heading")).to_have_text("Compared on one chart")
    section.get_by_label("Add an indicator").select_option("internet_penetration")
    section.get_by_role("button", name="Add", exact=True).click()

    chart = section.get_by_role(
        "img", name="Chart comparing Internet users, Internet penetration rate"
    )
    expect(chart.locator(".compared")).to_have_count(2)
    expect(chart.locator(".axis-title")).to_have_text(["people", "percent"])
    expect(chart.locator(".legend-label")).to_have_text(
        ["Internet users (people, left axis)", "Internet penetration rate (percent, right axis)"]
    )
    expect(chart.locator(".tick.right text")).not_to_have_count(0)
    # The right axis's labels are percents, the left's counts of people.
    right = chart.locator(".tick.right text").all_text_contents()
    left = chart.locator(".grid .tick text").all_text_contents()
    assert all(label.endswith("%") for label in right)
    assert not any(label.endswith("%") for label in left)
    penetration = headline(page, "internet_penetration")["points"]
    dots = chart.locator(".compared").nth(1).locator("circle")
    expect(dots).to_have_count(len(penetration))
    expect(dots.last.locator("title")).to_have_text("Internet penetration rate, Dec 2025: 80.1%")

    # A third unit is refused, and the page says why; the same unit shares its axis.
    section.get_by_label("Add an indicator").select_option("weekly_online_hours")
    section.get_by_role("button", name="Add", exact=True).click()
    expect(section).to_contain_text("Not added: Weekly online hours per Internet user is in hours")
    expect(section).to_contain_text("A third would need a third axis")
    expect(chart.locator(".compared")).to_have_count(2)
    section.get_by_label("Add an indicator").select_option("mobile_internet_users")
    section.get_by_role("button", name="Add", exact=True).click()
    expect(section.locator(".compare-chart .compared")).to_have_count(3)
    expect(section.locator(".compare-chart .axis-title")).to_have_count(2)
    assert "compare=internet_users,internet_penetration,mobile_internet_users" in page.url

    # The comparison is in the URL, and stays while another indicator is opened.
    shared = open_page(page.url.replace("indicator=internet_users&", ""))
    expect(shared.locator("#compare .compare-chart .compared")).to_have_count(3)
    expect(shared.locator("#intro")).to_be_visible()
    cards = shared.locator("#starting-points")
    cards.get_by_role("link", name=re.compile("^5G base stations")).click()
    expect(shared.locator("#indicator-name")).to_have_text("5G base stations")
    expect(shared.locator("#compare .compare-chart .compared")).to_have_count(3)
    shared.get_by_role("button", name="Remove Internet users from the comparison").click()
    expect(shared.locator("#compare .compare-chart .compared")).to_have_count(2)
    assert "compare=internet_penetration,mobile_internet_users" in shared.url

    with shared.expect_download() as download:
        shared.get_by_role("button", name="Download comparison SVG").click()
    root = ET.parse(download.value.path()).getroot()
    written = texts(root)
    assert written[0] == "Internet penetration rate and Mobile Internet users"
    assert written[1] == "Headline totals; left axis in percent, right axis in people"
    assert written[-2].startswith(SOURCE)
    assert "Mobile Internet users (people, right axis)" in written


def test_the_percent_change_is_computed_and_labelled_so(open_page: OpenPage) -> None:
    page = open_page("/?indicator=internet_users&lines=total")
    toggle = page.get_by_role("button", name="% change")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert "transform=pct_change" in page.url

    body = api(page, "/v1/indicators/internet_users/series?total=true&transform=pct_change")
    assert body["transform"] == "pct_change"
    assert body["unit"] == "percent"
    line = next(line for line in body["series"] if line["dimensions"] == {})
    expect(page.locator("#chart-caption")).to_contain_text("Computed, not stated by the reports")
    dots = page.locator("svg.chart .series circle")
    expect(dots).to_have_count(len(line["points"]))
    (period, value), ((from_period, from_value), (to_period, to_value)) = (
        line["points"][-1],
        line["computed_from"][-1],
    )
    assert (period, from_period, to_period) == ("2025-12", "2025-06", "2025-12")
    assert (from_value, to_value) == (1123000000, 1125000000)
    expect(dots.last.locator("title")).to_have_text(
        f"Total, Dec 2025: {signed_percent(value)}, computed from 1.123 billion in Jun 2025"
        " to 1.125 billion in Dec 2025"
    )
    # Each computed value in a table, with the two values it is computed from.
    page.get_by_text(f"The {len(line['points'])} computed values").click()
    rows = page.locator("#change-values tbody tr")
    expect(rows).to_have_count(len(line["points"]))
    expect(rows.last).to_have_text(
        re.compile(rf"Dec 2025\s*{re.escape(signed_percent(value))}\s*1\.123 billion \(Jun 2025\)")
    )
    expect(page.locator("#change-values caption")).to_contain_text("not stated by the reports")
    # Revisions are of the reports' values, not of computed ones.
    expect(page.get_by_role("button", name="Show revisions")).to_be_disabled()

    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#change-values")).to_be_hidden()
    expect(dots.last.locator("title")).to_have_text("Total, Dec 2025: 1.125 billion")
    assert "transform" not in page.url


def test_revisions_show_what_each_report_said(open_page: OpenPage) -> None:
    page = open_page("/?indicator=generative_ai_penetration")
    toggle = page.get_by_role("button", name="Show revisions")
    toggle.focus()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert "revisions=show" in page.url

    body = api(page, "/v1/indicators/generative_ai_penetration/series?total=true&vintages=all")
    vintages = body["series"][0]["vintages"]
    assert ["2024-12", 17.7, "cnnic-55"] in vintages
    assert ["2024-12", 17.6, "cnnic-57"] in vintages
    # Every report's value is a faint point; the one that differs from the value drawn, ringed.
    chart = page.locator("svg.chart")
    expect(chart.locator("circle.revision")).to_have_count(len(vintages))
    differs = chart.locator("circle.revision.differs")
    expect(differs).to_have_count(1)
    expect(differs.locator("title")).to_have_text(
        "Total, Dec 2024: 17.6% in the 57th report (derived); "
        "the chart shows 17.7% in the 55th report"
    )
    revisions = page.locator("#revisions")
    expect(revisions.get_by_role("heading")).to_have_text("Revisions: what each report said")
    expect(revisions).to_contain_text("Of the 2 values shown, 1 is given by more than one report")
    expect(revisions.locator("li")).to_have_text(
        ["Total, Dec 2024: 17.7% in the 55th report (shown); 17.6% in the 57th report (derived)."]
    )

    with page.expect_download() as download:
        page.get_by_role("button", name="Download SVG").click()
    written = texts(ET.parse(download.value.path()).getroot())
    assert written[-2] == SOURCE + "55, 57"

    toggle.click()
    expect(revisions).to_be_hidden()
    expect(chart.locator("circle.revision")).to_have_count(0)


def test_the_cards_tools_and_comparison_fit_a_phone(open_page: OpenPage) -> None:
    page = open_page("/?compare=internet_users,internet_penetration", viewport=PHONE)

    def fits(selector: str) -> None:
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert box["x"] >= 0, selector
        assert box["x"] + box["width"] <= PHONE["width"], selector

    expect(page.locator("#compare .compare-chart .compared")).to_have_count(2)
    expect(page.locator("#starting-points .card svg.sparkline")).not_to_have_count(0)
    for selector in ["#starting-points", "#starting-points .card", ".compare-chart"]:
        fits(selector)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#starting-points").get_by_role("link", name=re.compile("^Internet users")).click()
    expect(page.get_by_role("button", name="Download PNG")).to_be_visible()
    for selector in [".chart-tools", "#download-png", "svg.chart"]:
        fits(selector)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

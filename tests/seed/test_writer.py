"""The seed, end to end: the real texts in, the expected values and citations out."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from app.readings.entries import SERVED
from app.readings.files import load_readings
from app.seed.writer import seed_database
from app.sources.manifest import SourceFileError
from app.store.models import Citation, Observation, Source
from tests.conftest import PROJECT_ROOT, empty_engine

SEEDS = PROJECT_ROOT / "seeds"
ARTICLES_57 = {
    "cnnic-57-ecns-en",
    "cnnic-57-xinhua-en",
    "cnnic-57-chinadaily-en",
    "cnnic-57-cctv-zh",
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database seeded once from the real texts, per backend."""
    engine = empty_engine(str(request.param), tmp_path_factory.mktemp("seeded"))
    seed_database(engine, SEEDS)
    yield engine
    engine.dispose()


def find(
    engine: Engine,
    indicator: str,
    period: str,
    report: str | None = None,
    **dimensions: str,
) -> list[Observation]:
    with Session(engine) as session:
        query = (
            select(Observation)
            .where(Observation.indicator_code == indicator, Observation.period == period)
            .options(selectinload(Observation.citations), selectinload(Observation.notes))
        )
        if report is not None:
            query = query.where(Observation.report_id == report)
        rows = session.scalars(query).all()
        return [row for row in rows if row.dimensions == dimensions]


def one(
    engine: Engine, indicator: str, period: str, report: str | None = None, **dimensions: str
) -> Observation:
    rows = find(engine, indicator, period, report, **dimensions)
    assert len(rows) == 1, (
        f"{indicator} {period} {dimensions}: {[(r.value, r.report_id) for r in rows]}"
    )
    return rows[0]


def test_internet_users_december_2024_cites_the_55th_report(seeded: Engine) -> None:
    row = one(seeded, "internet_users", "2024-12", "cnnic-55")
    assert row.value == 1_108_000_000
    assert row.status == "reported"
    assert row.as_reported == "1,108 million"
    assert "cnnic-55-en" in {c.source_id for c in row.citations}
    assert any("1,108 million Internet users" in c.quote for c in row.citations)


def test_internet_users_december_2025_is_cited_by_all_four_articles(seeded: Engine) -> None:
    row = one(seeded, "internet_users", "2025-12")
    assert row.value == 1_125_000_000
    assert row.report_id == "cnnic-57"
    assert {c.source_id for c in row.citations} == ARTICLES_57


def test_a_rounder_figure_is_a_citation_of_the_precise_one(seeded: Engine) -> None:
    row = one(seeded, "internet_penetration", "2025-12")
    assert row.value == pytest.approx(80.1)
    assert row.qualifier is None
    quotes = {c.source_id: c.as_reported for c in row.citations}
    assert quotes["cnnic-57-chinadaily-en"] == "80 percent"
    assert quotes["cnnic-57-cctv-zh"] == "80%"


def test_generative_ai_figures_of_the_57th_report(seeded: Engine) -> None:
    users = one(seeded, "generative_ai_users", "2025-12")
    assert users.value == 602_000_000
    assert {c.source_id for c in users.citations} == ARTICLES_57
    rate = one(seeded, "generative_ai_penetration", "2025-12")
    assert rate.value == pytest.approx(42.8)
    assert "42 percent" in {c.as_reported for c in rate.citations}


def test_rural_penetration_in_both_reports(seeded: Engine) -> None:
    rural_2024 = one(seeded, "internet_penetration", "2024-12", "cnnic-55", area="rural")
    rural_2025 = one(seeded, "internet_penetration", "2025-12", "cnnic-57", area="rural")
    assert (rural_2024.value, rural_2025.value) == (pytest.approx(65.6), pytest.approx(69.5))


def test_a_footnote_moves_the_date_of_a_figure(seeded: Engine) -> None:
    assert find(seeded, "active_ipv6_users", "2024-12") == []
    row = one(seeded, "active_ipv6_users", "2024-11")
    assert row.value == 822_000_000
    assert any(note.kind == "date" and "November 2024" in note.quote for note in row.notes)


def test_figures_attributed_to_other_bodies_keep_their_attribution(seeded: Engine) -> None:
    enterprises = one(seeded, "ai_enterprises", "2025")
    assert enterprises.value == 6000
    assert enterprises.qualifier == "more than"
    assert enterprises.attributed_to == "Ministry of Industry and Information Technology"
    revenue = one(seeded, "micro_series_overseas_revenue", "2025-01/2025-08")
    assert revenue.value == 1_530_000_000
    assert revenue.attributed_to == "China Netcasting Services Association"
    assert one(seeded, "internet_users", "2025-12").attributed_to is None


def test_third_party_figures_of_the_55th_report_keep_their_platform_and_date(
    seeded: Engine,
) -> None:
    dingtalk = one(seeded, "dingtalk_enterprise_users", "2024-01")
    assert dingtalk.value == 700_000
    assert dingtalk.attributed_to == "WeChat official account of DingTalk"
    deliveries = one(seeded, "meituan_instant_delivery_transactions", "2024-Q3")
    assert deliveries.value == 7_078_000_000
    growth = one(
        seeded, "meituan_instant_delivery_transactions_growth", "2024-Q3", compared_with="2023-Q3"
    )
    assert growth.value == pytest.approx(14.5)
    assert one(seeded, "taobao_shops_accepting_unionpay_share", "2024-10").value == 85
    assert one(seeded, "internet_hospitals", "2024-09-12").value == 3340
    assert (
        find(seeded, "wechat_search_daily_active_users_growth", "2024-03", compared_with="2023-03")
        == []
    )


def test_a_footnote_mark_credits_the_figures_before_it_back_to_the_mark_before(
    seeded: Engine,
) -> None:
    """ "... performances increased by 14.5% ..., and box office revenue by 25.9% ...; audience
    attendance grew by 13.3%⁶⁹ ...; and Ctrip county tour orders were up by 20% YoY⁷⁰."
    (⁶⁹ CCTV.com, ⁷⁰ People's Daily Online)."""
    credited = {
        code: one(seeded, f"{code}_growth", "2024-10", compared_with="2023-10").attributed_to
        for code in (
            "commercial_performances",
            "performance_box_office_revenue",
            "performance_audience_attendance",
            "ctrip_county_tour_orders",
        )
    }
    assert credited == {
        "commercial_performances": "CCTV.com",
        "performance_box_office_revenue": "CCTV.com",
        "performance_audience_attendance": "CCTV.com",
        "ctrip_county_tour_orders": "People's Daily Online",
    }
    # "50-plus cities including Shanghai, ... and Qingdao⁶²" (⁶² Ant Group).
    assert one(seeded, "touch_payment_cities", "2024-09-06").attributed_to == "Ant Group"
    # "3,340 Internet hospitals ... have provided ... services for more than 100 million
    # visits per year⁷⁸": the "or" of "for" restates nothing.
    hospitals = one(seeded, "internet_hospitals", "2024-09-12")
    assert hospitals.attributed_to == "China's National Health Commission"


def test_a_mark_on_a_restatement_credits_only_the_restatement(seeded: Engine) -> None:
    """ "the size of Chinese netizens was 1108 million, or over 20%¹⁵ of the global total"
    (¹⁵ International Telecommunication Union): the report's own users, the ITU's world."""
    assert one(seeded, "internet_users", "2024-12").attributed_to is None
    share = one(seeded, "internet_users_global_share", "2024-12")
    assert share.attributed_to == "International Telecommunication Union"


def test_figures_of_the_appendices_keep_their_own_scope(seeded: Engine) -> None:
    """The notes to the address tables give the Alliance members' full holdings, which the
    tables' rows for the Alliance leave out; the survey's design figures are figures too."""
    assert one(seeded, "alliance_members_ipv4_addresses", "2024-12").value == 85_070_000
    assert one(seeded, "alliance_members_ipv6_addresses", "2024-12").value == 28811
    tiers = one(seeded, "survey_sampling_tiers", "2024-12")
    assert tiers.value == 31
    assert len(tiers.citations) == 2


def test_a_figure_cut_by_a_page_break_is_cited_across_it(seeded: Engine) -> None:
    row = one(seeded, "wechat_mini_program_turnover", "2024-Q3")
    assert row.value == 2_000_000_000_000
    assert row.as_reported == "2 trillion"
    assert row.qualifier == "more than"  # "exceeded", before the break
    (citation,) = row.citations
    assert citation.quote.startswith("In the third quarter, the turnover of applets exceeded RMB")
    assert citation.quote.endswith("2 trillion")


def test_a_magnitude_cut_off_by_a_page_break_is_cited_across_it(seeded: Engine) -> None:
    row = one(seeded, "kuaishou_search_peak_daily_searches", "2024-Q3")
    assert (row.value, row.as_reported, row.qualifier) == (800_000_000, "800", "more than")
    (citation,) = row.citations
    assert citation.quote.startswith("The peak of single-day searches also exceeded 800")
    assert citation.quote.endswith("million")


def test_figures_whose_owner_the_paragraph_named_before_them(seeded: Engine) -> None:
    """ "views", "trips", "orders": whose they are is what the paragraph named last."""
    # The MOOC passage is closed by footnote 82: the Ministry's figures of May 15, 2024.
    assert one(seeded, "mooc_views", "2024-05-15").value == 1_277_000_000
    assert one(seeded, "didi_elderly_trips", "2024-09").value == 197_000_000
    assert one(seeded, "didi_elderly_passengers", "2024-09").value == 6_240_000
    assert one(seeded, "didi_elderly_service_cities", "2024-09").value == 355
    assert one(seeded, "one_key_car_hailing_cities", "2024-07-30").value == 325
    assert one(seeded, "one_key_car_hailing_orders", "2024-07-30").value == 150_000_000
    assert one(seeded, "meituan_drone_orders", "2024-09").value == 400_000
    assert one(seeded, "kling_ai_videos", "2024-12-12").value == 65_000_000
    searches = one(seeded, "kuaishou_search_daily_searches", "2024-Q3")
    assert (searches.value, searches.qualifier) == (700_000_000, "more than")
    growth = one(
        seeded, "kuaishou_search_daily_searches_growth", "2024-Q3", compared_with="2023-Q3"
    )
    assert (growth.value, growth.qualifier) == (20, "more than")
    # Both bounds from below: the earlier level is not derived.
    assert find(seeded, "kuaishou_search_daily_searches", "2023-Q3") == []


def test_a_figure_dated_and_credited_by_the_sentence_before(seeded: Engine) -> None:
    """ "... in the first three quarters of 2024 ... Domestic tourists spent a total of RMB4.35
    trillion, up by 17.9% year-" ... page break ... "on-year"."""
    spending = one(seeded, "domestic_tourist_spending", "2024-01/2024-09")
    assert spending.value == 4_350_000_000_000
    assert spending.attributed_to == "Ministry of Culture and Tourism"
    growth = one(
        seeded,
        "domestic_tourist_spending_growth",
        "2024-01/2024-09",
        compared_with="2023-01/2023-09",
    )
    assert growth.value == pytest.approx(17.9)
    assert one(seeded, "domestic_tourist_spending", "2023-01/2023-09").status == "derived"


def test_a_parallel_breakdown_is_dated_like_the_one_before_it(seeded: Engine) -> None:
    """ "47.6% of Internet users paid attention to information on sports, business and
    science & technology", after the sentences on the National Day holiday's travel notes."""
    share = one(
        seeded,
        "social_topic_followers_share",
        "2024-12",
        social_topic="sports, business and science & technology",
    )
    assert (share.value, share.notes, share.attributed_to) == (pytest.approx(47.6), [], None)


def test_a_figure_dated_by_an_event(seeded: Engine) -> None:
    interactions = one(seeded, "olympic_topic_interactions", "2024-07/2024-08")
    assert (interactions.value, interactions.qualifier) == (4_000_000_000, "more than")
    assert interactions.attributed_to == "36Kr"
    assert [(n.kind, n.quote) for n in interactions.notes] == [
        ("date", "During the Paris Olympics")
    ]


def test_a_holiday_dates_every_figure_of_its_clause(seeded: Engine) -> None:
    """ "the first 42 new immersion experience locations attracted more than 4.3 million
    consumers during the May Day holidays": not the paragraph's National Day."""
    locations = one(seeded, "immersive_experience_locations", "2024-05")
    assert (locations.value, locations.attributed_to) == (42, "Xinhuanet")
    assert [n.quote for n in locations.notes] == ["during the May Day holidays"]


def test_what_jd_invested_in_micro_drama_creators(seeded: Engine) -> None:
    """ "In April, JD announced that it had invested RMB1 billion and 1 billion bytes of
    traffic as incentives ..."."""
    assert one(seeded, "jd_micro_drama_incentive_funds", "2024-04").value == 1_000_000_000
    traffic = one(seeded, "jd_micro_drama_incentive_traffic", "2024-04")
    assert (traffic.value, traffic.as_reported) == (1_000_000_000, "1 billion")


def test_changes_named_before_their_subjects(seeded: Engine) -> None:
    """ "Tencent's Interim Financial Report 2024 indicated that over 30% year-on-year growth in
    total revenue came from mini games³⁵"; "It achieved a 395% increase in the number of
    smart agents gaining revenue⁴¹", from no time the text gives."""
    mini_games = one(
        seeded,
        "tencent_mini_games_revenue_growth",
        "2024-01/2024-06",
        compared_with="2023-01/2023-06",
    )
    assert (mini_games.value, mini_games.qualifier) == (30, "more than")
    assert mini_games.attributed_to == "Tencent's Interim Financial Report 2024"
    assert find(seeded, "tencent_mini_games_revenue", "2023-01/2023-06") == []
    agents = one(seeded, "baidu_revenue_smart_agents_growth", "2024-11-21")
    assert (agents.value, agents.attributed_to) == (395, "Xinhuanet")


def test_a_gap_gives_the_share_it_is_measured_against(seeded: Engine) -> None:
    """ "Their proportion had reached 54.4% of the total non-netizens, 20.6 percentage points
    higher than that of the rural population in the total population"."""
    gap = one(
        seeded,
        "non_internet_users_share_gap",
        "2024-12",
        area="rural",
        compared_with="population_share",
    )
    assert (gap.value, gap.status) == (pytest.approx(20.6), "reported")
    rural = one(seeded, "population_share", "2024-12", area="rural")
    assert (rural.value, rural.status) == (pytest.approx(33.8), "derived")
    assert rural.derivation is not None
    assert rural.derivation["formula"] == "54.4% − 20.6 percentage points"
    assert {c.start for c in rural.citations} == {gap.citations[0].start}


def test_shares_of_usage_time_at_times_of_day(seeded: Engine) -> None:
    """ "In November 2024, ... instant messaging apps had a more even distribution of usage
    period between 9 am and 19 pm, all accounting for more than 5%", "... online video apps
    appeared at 12 am, with the distribution of usage period reaching 6.2%", "... online
    shopping apps and that of online payment apps ..., with over 80% of the total usage time
    between 7 am and 22 pm"."""
    hourly = "app_hourly_usage_time_share"
    each_hour = one(
        seeded, hourly, "2024-11", application="instant messaging", time_of_day="9 am-19 pm"
    )
    assert (each_hour.value, each_hour.qualifier) == (5, "more than")
    peak = one(seeded, hourly, "2024-11", application="online video", time_of_day="12 am")
    assert (peak.value, peak.qualifier) == (pytest.approx(6.2), None)
    for application in ("online shopping", "online payment"):
        span = one(
            seeded,
            "app_usage_time_share",
            "2024-11",
            application=application,
            time_of_day="7 am-22 pm",
        )
        assert (span.value, span.qualifier) == (80, "more than")


def test_a_platforms_figure_is_not_dated_by_another_platforms_quarter(seeded: Engine) -> None:
    """ "Over 500 million users utilized Kuaishou Search ... in Q3 2024. ... On the Xiaohongshu
    website, 70% of monthly active users conducted searches ..."; "By the end of September,
    Didi had provided ... Meanwhile, the one-key car hailing service has been available in
    325 cities"."""
    # The passage is closed by footnote 44, the Xiaohongshu Search Report of August 7, 2024.
    searching = one(seeded, "xiaohongshu_searching_users_share", "2024-08-07")
    assert (searching.value, searching.attributed_to) == (70, "Xiaohongshu Search Report")
    assert find(seeded, "xiaohongshu_searching_users_share", "2024-Q3") == []
    # "The first thing that one-third of users opened the app was to search⁴⁴" (⁴⁴ Xiaohongshu
    # Search Report, August 7, 2024).
    first = one(seeded, "xiaohongshu_search_first_users_share", "2024-08-07")
    assert (first.value, first.as_reported) == (pytest.approx(100 / 3), "one-third")
    assert first.attributed_to == "Xiaohongshu Search Report"
    # The one-key service, named after Didi's date, is dated by its own footnote (CCTV.com).
    assert one(seeded, "one_key_car_hailing_cities", "2024-07-30").value == 325


def test_a_figure_its_paragraph_dates_after_its_source_holds_by_the_source(
    seeded: Engine,
) -> None:
    """ "By the end of September, Didi had provided ... More than 150 million orders⁷⁷ have
    been made to serve 15.43 million elderly passengers" (⁷⁷ CCTV.com, July 30, 2024)."""
    orders = one(seeded, "one_key_car_hailing_orders", "2024-07-30")
    assert (orders.value, orders.attributed_to) == (150_000_000, "CCTV.com")
    assert [n.quote[:9] for n in orders.notes] == ["CCTV.com,"]
    assert find(seeded, "one_key_car_hailing_orders", "2024-09") == []


def test_a_qualifier_cut_by_a_page_break_and_a_holidays_month(seeded: Engine) -> None:
    """ "with more" ... page break ... "than 2.21 million travel notes posted during China's
    2024 National Day holidays"."""
    notes = one(seeded, "xiaohongshu_travel_notes", "2024-10")
    assert (notes.value, notes.qualifier) == (2_210_000, "more than")
    assert (notes.notes[0].kind, notes.notes[0].quote) == ("date", "2024 National Day holidays")
    assert notes.attributed_to == "Gmw.cn"
    consumers = one(seeded, "immersive_experience_consumers", "2024-05")
    assert (consumers.value, consumers.qualifier) == (4_300_000, "more than")


def test_a_range_cut_by_a_page_break_gives_each_breakdown_its_bounds(seeded: Engine) -> None:
    """ "... in contacting family" ... footnotes ... "and friends, and in running errands and
    paying bills were similar, with each making up between 6% and 7%"."""
    inconvenience = "non_internet_users_inconvenience"
    for kind, lower, upper in [
        ("medical care", 6, 7),
        ("contacting family and friends", 6, 7),
        ("errands and bills", 6, 7),
        ("taxi", 5, 6),
        ("train and plane tickets", 5, 6),
        ("other", 5, 6),
    ]:
        low = one(seeded, inconvenience, "2024-12", inconvenience=kind, bound="lower")
        high = one(seeded, inconvenience, "2024-12", inconvenience=kind, bound="upper")
        assert (low.value, high.value) == (lower, upper)
        assert (low.as_reported, high.as_reported) == (f"{lower}%", f"{upper}%")
        assert low.qualifier is None
        assert high.qualifier is None
        assert find(seeded, inconvenience, "2024-12", inconvenience=kind) == []
    row = one(
        seeded,
        inconvenience,
        "2024-12",
        inconvenience="contacting family and friends",
        bound="upper",
    )
    (citation,) = row.citations
    assert citation.quote.startswith("The proportions of inconveniences, such as difficulties")
    assert citation.quote.endswith("with each making up between 6% and 7%")


def test_pharmacies_are_read_by_place_and_dated_by_their_sources_since_july(
    seeded: Engine,
) -> None:
    """ "Since July, Beijing, Shanghai, ... have carried forward ... medicines in nearly 500
    pharmacies⁸⁰ in 16 administrative districts ... of Beijing. More than 1,000 pharmacies in
    Shanghai ... completed the settlement for about 2,047,000 people⁸¹" (⁸⁰ Sina, November
    6, 2024; ⁸¹ the National Healthcare Security Administration, July 14, 2024)."""
    beijing, shanghai = "2024-11-06", "2024-07-14"
    rows = [
        one(seeded, "online_medical_insurance_pharmacies", beijing, province="Beijing"),
        one(seeded, "online_medical_insurance_districts", beijing, province="Beijing"),
        one(seeded, "online_medical_insurance_pharmacies", shanghai, province="Shanghai"),
        one(seeded, "online_medical_insurance_settled_persons", shanghai, province="Shanghai"),
    ]
    assert [(r.value, r.qualifier) for r in rows] == [
        (500, "nearly"),
        (16, None),
        (1000, "more than"),
        (2_047_000, "about"),
    ]
    for row in rows:
        (since, cited) = row.notes
        assert (since.kind, since.quote) == ("date", "Since July")
        assert cited.kind == "date"
        assert cited.quote.startswith(("Sina, ", "China's National Healthcare Security"))
    assert find(seeded, "online_medical_insurance_pharmacies", "2024-12") == []


def test_an_undated_figure_is_dated_by_the_source_its_footnote_cites(seeded: Engine) -> None:
    """ "The AI functions of Baidu App covered nearly 70% of its monthly users ...⁴⁰" (⁴⁰
    Yicai, November 21, 2024); "... of which the average daily online consultation volume of
    JD Health Internet Hospital was more than 480,000⁷⁹" (⁷⁹ JD Health's Financial Report H1
    2024, September 6, 2024): by the day the source was published, or the period it names."""
    coverage = one(seeded, "baidu_app_ai_coverage_share", "2024-11-21")
    assert (coverage.value, coverage.attributed_to) == (70, "Yicai")
    assert [(n.kind, n.quote[:6]) for n in coverage.notes] == [("date", "Yicai,")]
    consultations = one(seeded, "jd_health_daily_online_consultations", "2024-01/2024-06")
    assert consultations.value == 480_000
    assert find(seeded, "baidu_app_ai_coverage_share", "2024-12") == []


def test_promotion_figures_are_dated_by_the_promotions_month_with_the_promotion_as_a_note(
    seeded: Engine,
) -> None:
    governments = one(seeded, "jd_trade_in_partner_governments", "2024-06")
    appliances = one(
        seeded, "jd_trade_in_home_appliance_turnover_growth", "2024-06", compared_with="2023-06"
    )
    tmall = one(
        seeded,
        "tmall_home_appliance_first_hour_turnover_growth",
        "2024-10",
        compared_with="2023-10",
    )
    assert [(r.value, r.qualifier) for r in (governments, appliances, tmall)] == [
        (20, "more than"),
        (100, "more than"),
        (765, None),
    ]
    assert [n.quote for n in appliances.notes] == ["During the Jun.18 promotion period"]
    assert tmall.notes[0].quote == "During the Nov.11 promotion period"
    # Growth alone: no earlier level is derived without the level itself.
    assert find(seeded, "tmall_home_appliance_first_hour_turnover", "2023") == []
    assert find(seeded, "jd_trade_in_partner_governments", "2024-06-18") == []


def test_changes_from_a_time_the_text_names_but_does_not_date(seeded: Engine) -> None:
    festival = {"compared_with": "Mid-Autumn Festival"}
    bookings = one(seeded, "shanxi_tour_order_bookings_growth", "2024-10", **festival)
    amount = one(seeded, "shanxi_tour_booking_amount_growth", "2024-10", **festival)
    assert (bookings.value, amount.value) == (63, 171)
    drones = one(
        seeded,
        "meituan_drone_average_daily_orders_growth",
        "2024-10",
        compared_with="pre-holiday weekend period",
    )
    assert (drones.value, drones.qualifier) == (1100, "more than")
    with Session(seeded) as session:
        periods = session.scalars(select(Observation.period)).all()
    assert "Mid-Autumn Festival" not in periods  # no level derived at the festival


def test_a_change_of_each_subject_named_after_it(seeded: Engine) -> None:
    """ "Tianshui received a year-on-year growth of more than 25% in the cumulative tourist
    number and tourism revenue"."""
    base = {"compared_with": "2023-01/2023-09"}
    for code in ("tianshui_tourists_growth", "tianshui_tourism_revenue_growth"):
        row = one(seeded, code, "2024-01/2024-09", **base)
        assert (row.value, row.qualifier) == (25, "more than")


def test_a_case_before_and_after_is_cited_by_three_articles(seeded: Engine) -> None:
    """China Daily's "from 0.3 percent to 0.05 percent", CCTV's "从千分之三降至万分之五" and
    Xinhua's "from three per thousand to five per ten thousand"."""
    before = one(seeded, "ai_inspection_production_line_defect_rate", "2025-12", stage="before")
    after = one(seeded, "ai_inspection_production_line_defect_rate", "2025-12", stage="after")
    assert (before.value, after.value) == (pytest.approx(0.3), pytest.approx(0.05))
    assert {c.as_reported for c in after.citations} == {
        "0.05 percent",
        "万分之五",
        "five per ten thousand",
    }


def test_a_change_gives_the_earlier_level_as_derived(seeded: Engine) -> None:
    change = one(seeded, "internet_users_change", "2024-12", compared_with="2023-12")
    assert change.value == 16_080_000
    earlier = one(seeded, "internet_users", "2023-12", "cnnic-55")
    assert earlier.status == "derived"
    assert earlier.value == 1_091_920_000
    assert earlier.as_reported is None
    assert earlier.derivation is not None
    assert earlier.derivation["method"] == "level minus change"


def test_percentage_points_since_the_plan_began_give_the_2020_level(seeded: Engine) -> None:
    derived = one(seeded, "internet_penetration", "2020-12", "cnnic-57")
    assert derived.status == "derived"
    assert derived.value == pytest.approx(70.4)
    rural = one(seeded, "internet_penetration", "2020-12", "cnnic-57", area="rural")
    assert rural.value == pytest.approx(55.9)


def test_a_reported_level_is_not_replaced_by_a_derived_one(seeded: Engine) -> None:
    row = one(seeded, "application_users", "2023-12", application="instant messaging")
    assert row.status == "reported"
    assert row.value == 1_059_630_000


def test_table_column_labelled_bytes_holds_kilobytes(seeded: Engine) -> None:
    row = one(seeded, "web_page_size", "2024-12")
    assert row.value == 34_822_667_008_589
    assert {c.as_reported for c in row.citations} >= {"34,822,667,008,589", "34822667008589"}


def test_headline_totals_keep_their_own_scope(seeded: Engine) -> None:
    assert one(seeded, "ipv4_addresses", "2024-12").value == 392_386_560
    mainland = one(seeded, "ipv4_addresses", "2024-12", region="Chinese mainland")
    assert mainland.value == 343_162_368
    assert len(mainland.citations) == 2


def test_every_citation_quotes_its_source_exactly(seeded: Engine) -> None:
    with Session(seeded) as session:
        texts = {s.id: s.text for s in session.scalars(select(Source))}
        citations = session.scalars(select(Citation)).all()
        assert citations
        for citation in citations:
            assert texts[citation.source_id][citation.start : citation.end] == citation.quote
            assert citation.as_reported in citation.quote


def test_every_observation_has_a_citation(seeded: Engine) -> None:
    with Session(seeded) as session:
        rows = session.scalars(select(Observation).options(selectinload(Observation.citations)))
        assert all(row.citations for row in rows)


def dump(engine: Engine) -> list[tuple[object, ...]]:
    with Session(engine) as session:
        rows = session.scalars(
            select(Observation)
            .order_by(Observation.id)
            .options(selectinload(Observation.citations), selectinload(Observation.notes))
        )
        return [
            (
                r.id,
                r.indicator_code,
                r.dimensions_key,
                r.period,
                r.value,
                r.report_id,
                r.status,
                tuple((c.source_id, c.start, c.end) for c in r.citations),
                tuple((n.kind, n.start) for n in r.notes),
            )
            for r in rows
        ]


def test_seeding_twice_gives_the_same_database(engine: Engine) -> None:
    first = seed_database(engine, SEEDS)
    before = dump(engine)
    second = seed_database(engine, SEEDS)
    assert dump(engine) == before
    assert first.version == second.version


def copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def test_an_edited_source_is_refused_and_the_database_kept(engine: Engine, tmp_path: Path) -> None:
    seed_database(engine, SEEDS)
    before = dump(engine)
    seeds = copy_seeds(tmp_path)
    article = seeds / "000_632209b57b0e2c2c.txt"
    article.write_text(article.read_text().replace("1.125 billion", "1.126 billion"))
    with pytest.raises(SourceFileError, match=r"000_632209b57b0e2c2c\.txt: sha256"):
        seed_database(engine, seeds)
    assert dump(engine) == before


def test_a_missing_source_is_refused(engine: Engine, tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "002_3108bb7e5b22c27d.txt").unlink()
    with pytest.raises(SourceFileError, match=r"002_3108bb7e5b22c27d\.txt: cannot be read"):
        seed_database(engine, seeds)


def test_each_citation_says_how_its_reading_was_made(seeded: Engine) -> None:
    """Each citation carries how its readings entry was made: the engine's reading unchanged,
    one a reviewer corrected (with the fields), or one a reviewer added."""
    entries = load_readings(SEEDS, "cnnic-55-en").entries
    corrected = next(e for e in entries if e.review in SERVED and e.read_by == "corrected")
    with Session(seeded) as session:
        (citation,) = [
            citation
            for citation in session.scalars(
                select(Citation)
                .join(Citation.observation)
                .where(
                    Citation.source_id == "cnnic-55-en",
                    Citation.start == corrected.quote.start,
                    Observation.indicator_code == corrected.indicator,
                    Observation.period == corrected.period,
                )
            )
            if citation.observation.dimensions == corrected.dimensions
        ]
        assert (citation.read_by, citation.corrected) == ("corrected", corrected.corrected)
        made = set(session.scalars(select(Citation.read_by)))
    users = one(seeded, "internet_users", "2024-12")
    assert users.read_by == "engine"
    assert {citation.read_by for citation in users.citations} == {"engine"}
    assert made == {"engine", "corrected", "added"}

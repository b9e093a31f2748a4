"""How the reports and the articles about them state figures, read by grammar: bases named
relative to the figure ("较上年末"), lists with "分别" before their figures, the indicator named
once after a list of breakdowns, breakdowns named as modifiers ("农村网民规模"), growth rates
("年增长率为"), months without a year ("3月份"), spaces inside Chinese text ("1.9 个百分点")."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.extract.bases import relative_base, year_end_base
from app.extract.periods import find_periods
from app.extract.pipeline import propose
from tests.extract.test_any_text import SEEDS, source_of
from tests.extract.test_sentences import read

D = Decimal
PUBLISHED = dt.date(2020, 9, 29)
COVERED = dt.date(2020, 6, 30)
REPORT_46 = (PUBLISHED, "2020-06")
RURAL = {"area": "rural"}


@pytest.mark.parametrize(
    ("near", "period", "base"),
    [
        ("较上年末增长", "2020-06", "2019-12"),
        ("比去年底增加", "2020-06", "2019-12"),
        ("较上年底提升", "2024", "2023"),
        ("up 29.89 million from the end of last year", "2019-06", "2018-12"),
        ("an increase over the previous year", "2023", "2022"),
        ("an increase over the previous year", "2023-12", "2022-12"),
        ("up from six months earlier", "2023-06", "2022-12"),
        ("than half a year ago", "2021-03", "2020-09"),
        ("较上月增长", "2020-01", "2019-12"),
    ],
)
def test_a_base_named_relative_to_the_figure(near: str, period: str, base: str) -> None:
    assert relative_base(near, period) == base


@pytest.mark.parametrize(
    ("near", "period"),
    [
        ("较上年增长", "2020-06"),  # the year before, but which month of it?
        ("较2020年3月增长", "2020-06"),  # a date, read as one
        ("up from six months earlier", "2023"),  # half a year before a whole year
        ("the previous year's report", "2023"),  # no comparison
    ],
)
def test_no_relative_base(near: str, period: str) -> None:
    assert relative_base(near, period) is None


def test_a_whole_year_as_the_base_of_a_month_is_its_end() -> None:
    assert year_end_base("2017", "2018-12") == "2017-12"
    assert year_end_base("2017-06", "2018-06") == "2017-06"
    assert year_end_base("2017", "2018") == "2017"


def test_a_change_from_the_end_of_the_year_before_the_figure() -> None:
    reading = read("截至2020年6月,我国网民规模为9.40亿,较上年底增长3625万。", REPORT_46)
    assert reading.values() == [
        ("internet_users", {}, "2020-06", D(940_000_000), "9.40亿"),
        ("internet_users_change", {"compared_with": "2019-12"}, "2020-06", D(36_250_000), "3625万"),
    ]


def test_a_base_named_in_another_clause_is_not_this_changes() -> None:
    reading = read(
        "截至2020年6月,互联网普及率达67%,较3月份提升2.5个百分点,高于全球平均水平约5个百分点。",
        REPORT_46,
    )
    assert ("internet_penetration_change", {"compared_with": "2020-03"}, "2020-06") in [
        value[:3] for value in reading.values()
    ]
    assert all(
        dims.get("compared_with") != "2020-03"
        for code, dims, *_ in reading.values()
        if code.startswith("world_")
    )


def test_a_yearly_growth_rate() -> None:
    reading = read("截至2018年12月,手机网络支付用户规模达5.83亿,年增长率为10.7%。", REPORT_46)
    mobile_payment = {"application": "online payment", "device": "mobile phone"}
    assert reading.values() == [
        ("application_users", mobile_payment, "2018-12", D(583_000_000), "5.83亿"),
        (
            "application_users_growth",
            {**mobile_payment, "compared_with": "2017-12"},
            "2018-12",
            D("10.7"),
            "10.7%",
        ),
    ]


def test_respectively_before_the_figures_and_the_indicator_named_once_after_the_list() -> None:
    reading = read(
        "截至2020年6月,网上外卖、在线教育、网约车、在线医疗等数字服务蓬勃发展,用户规模分别达"
        "4.09亿、3.81亿、3.40亿和2.76亿,占网民整体的比例分别为43.5%、40.5%、36.2%和29.4%。",
        REPORT_46,
    )
    apps = ["online meal ordering", "online education", "online car-hailing", "internet healthcare"]
    users = [D(409_000_000), D(381_000_000), D(340_000_000), D(276_000_000)]
    rates = [D("43.5"), D("40.5"), D("36.2"), D("29.4")]
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        *(("application_users", {"application": a}, v) for a, v in zip(apps, users, strict=True)),
        *(
            ("application_usage_rate", {"application": a}, v)
            for a, v in zip(apps, rates, strict=True)
        ),
    ]


def test_listed_changes_with_a_counter_after_each_figure() -> None:
    reading = read(
        "截至2023年12月,网约车、互联网医疗用户规模增长明显,较2022年12月分别增长9057万人、"
        "5139万人,增长率分别为20.7%、14.2%。",
        REPORT_46,
    )
    since = {"compared_with": "2022-12"}
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        ("application_users_change", {"application": "online car-hailing", **since}, D(90_570_000)),
        (
            "application_users_change",
            {"application": "internet healthcare", **since},
            D(51_390_000),
        ),
        ("application_users_growth", {"application": "online car-hailing", **since}, D("20.7")),
        ("application_users_growth", {"application": "internet healthcare", **since}, D("14.2")),
    ]


def test_devices_listed_before_respectively() -> None:
    reading = read(
        "截至2022年6月,使用台式电脑、笔记本电脑、电视和平板电脑上网的比例分别为33.3%、32.6%、26.7%和27.6%。",
        REPORT_46,
    )
    devices = ["desktop computer", "laptop computer", "TV", "tablet computer"]
    assert [d["device"] for _, d, *_ in reading.values()] == devices


def test_shares_of_new_users_listed_are_shares_not_changes() -> None:
    reading = read("其中,50岁至59岁、60岁及以上群体分别占新增网民的15.2%和20.8%。", REPORT_46)
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("new_internet_users_share", {"age_group": "50-59"}),
        ("new_internet_users_share", {"age_group": "60+"}),
    ]


@pytest.mark.parametrize(
    ("text", "dimensions"),
    [
        ("截至2020年6月,我国农村网民规模为2.85亿。", RURAL),
        ("截至2020年6月,农村地区互联网普及率为55.9%。", RURAL),
        ("截至2025年6月,60 岁及以上银发网民规模达 1.61 亿人。", {"age_group": "60+"}),
        ("截至2025年6月,我国老年群体互联网普及率达 52.0%。", {"age_group": "60+"}),
        (
            "截至2018年12月,手机网络支付用户规模达5.83亿。",
            {"application": "online payment", "device": "mobile phone"},
        ),
        ("As of 2021, the internet penetration rate in rural areas is 57.6 percent.", RURAL),
    ],
)
def test_a_breakdown_named_as_a_modifier(text: str, dimensions: dict[str, str]) -> None:
    ((_, read_dimensions, *_),) = read(text, REPORT_46).values()
    assert read_dimensions == dimensions


def test_a_breakdown_the_indicator_does_not_take_stays_apart() -> None:
    reading = read("截至2020年6月,手机网民规模达9.32亿。", REPORT_46)
    assert reading.values() == [("mobile_internet_users", {}, "2020-06", D(932_000_000), "9.32亿")]


def test_spaces_inside_chinese_units_and_dates() -> None:
    reading = read(
        "我国农村地区互联网普及率为 69.2%,较 2024 年 12 月提升 1.9 个百分点。", REPORT_46
    )
    assert reading.values()[-1] == (
        "internet_penetration_change",
        {**RURAL, "compared_with": "2024-12"},
        "2020-06",
        D("1.9"),
        "1.9 个百分点",
    )


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("较3月份提升", "2020-03"),
        ("截至2018年6月30日", "2018-06"),
        ("截至2018年6月29日", "2018-06-29"),
        ("2020年1-2月份", "2020-01/2020-02"),
        ("去年12月", "2019-12"),
        ("今年3月", "2020-03"),
        ("去年底", "2019-12"),
        ("6 月底", "2020-06"),
        ("As of June 30, 2018", "2018-06"),
    ],
)
def test_chinese_months_and_month_ends(text: str, period: str) -> None:
    (mention,) = find_periods(text, reference=PUBLISHED, covered=COVERED)
    assert mention.period == period


def test_a_price_range_is_not_a_year() -> None:
    assert find_periods("月收入在2001-5000元的网民", reference=PUBLISHED, covered=COVERED) == []


def test_a_figure_then_and_now() -> None:
    reading = read(
        "截至2018年12月,网民在线下消费时使用手机网络支付的比例由2017年底的65.5%提升至67.2%。",
        REPORT_46,
    )
    assert [(c, p, v) for c, _, p, v, _ in reading.values()] == [
        ("offline_mobile_payment_rate", "2017-12", D("65.5")),
        ("offline_mobile_payment_rate", "2018-12", D("67.2")),
    ]


def test_a_year_then_is_its_end_beside_a_month_now() -> None:
    reading = read(
        "截至2017年12月,网民中使用手机上网人群的占比由2016年的95.1%提升至97.5%。", REPORT_46
    )
    assert [(d, p, v) for _, d, p, v, _ in reading.values()] == [
        ({"device": "mobile phone"}, "2016-12", D("95.1")),
        ({"device": "mobile phone"}, "2017-12", D("97.5")),
    ]


def test_a_chinese_sentence_is_cited_whole_though_read_in_its_parts() -> None:
    text = (
        "截至12月,IPv6地址数量为68042块/32;国家顶级域名“.CN”数量为2013万个;"
        "互联网宽带接入端口数量达11.36亿个。"
    )
    reading = read(text, REPORT_46)
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        ("ipv6_addresses", {}, D(68042)),
        ("domain_names", {"tld": ".CN"}, D(20_130_000)),
        ("broadband_access_ports", {}, D(1_136_000_000)),
    ]
    assert {record.evidence.quote for record in reading.records} == {text}


def test_a_bare_number_that_ends_a_cut_text_is_left_out() -> None:
    read = propose([source_of("截至今年6月,我国域名总数为318")], SEEDS.manifest, SEEDS.catalogue)
    assert read.records == []
    assert [(item.text, item.reason) for item in read.left_out if item.text == "318"] == [
        ("318", "a figure the text cuts off")
    ]


def test_a_headline_that_ends_in_a_whole_figure_is_read() -> None:
    reading = read("我国网民规模达11.25亿人 互联网普及率突破80%", REPORT_46)
    assert [code for code, *_ in reading.values()] == ["internet_users", "internet_penetration"]


def test_a_chinese_numeral_with_its_own_magnitude_and_a_bare_usage_rate() -> None:
    reading = read("截至2022年12月,中国短视频用户规模首次突破十亿,用户使用率高达94.8%。", REPORT_46)
    short_video = {"application": "short video"}
    assert [(c, d, v, q) for c, d, _, v, q in reading.values()] == [
        ("application_users", short_video, D(1_000_000_000), "十亿"),
        ("application_usage_rate", short_video, D("94.8"), "94.8%"),
    ]
    assert reading.record("十亿").qualifier == "more than"


def test_an_applications_usage_rate_by_name() -> None:
    reading = read("截至2020年12月,网络支付使用率近九成。", REPORT_46)
    assert reading.values() == [
        ("application_usage_rate", {"application": "online payment"}, "2020-12", D(90), "九成")
    ]


def test_an_exact_figure_restated_in_brackets() -> None:
    reading = read(
        "截至2024年6月,我国网民规模近11亿人(10.9967亿人),较2023年12月增长742万人。", REPORT_46
    )
    assert [
        (c, v, r.qualifier)
        for (c, _, _, v, _), r in zip(reading.values(), reading.records, strict=True)
    ] == [
        ("internet_users", D(1_100_000_000), "nearly"),
        ("internet_users", D(1_099_670_000), None),
        ("internet_users_change", D(7_420_000), None),
    ]


def test_a_growth_rate_after_a_count_of_new_users_is_of_all_users() -> None:
    reading = read("截至2017年12月,全年共计新增网民4074万人,增长率为5.6%。", REPORT_46)
    since = {"compared_with": "2016-12"}
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        ("internet_users_change", since, D(40_740_000)),
        ("internet_users_growth", since, D("5.6")),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Meanwhile, the internet availability rate in rural areas neared 56 percent.",
        "The amount of 5G base stations across the country has surpassed 1.85 million.",
    ],
)
def test_english_verbs_and_places_between_a_phrase_and_its_figure(text: str) -> None:
    assert len(read(text, REPORT_46).values()) == 1


def test_non_users_are_not_users() -> None:
    reading = read(
        "截至2020年3月,我国非网民规模为4.96亿,其中城镇地区非网民占比为40.2%,农村地区非网民占比为59.8%。",
        REPORT_46,
    )
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("non_internet_users", {}),
        ("non_internet_users_share", {"area": "urban"}),
        ("non_internet_users_share", {"area": "rural"}),
    ]


def test_a_list_given_in_that_order() -> None:
    reading = read(
        "截至2019年12月,网络视频(不含短视频)、短视频、网络音频、网络音乐和网络文学类应用的使用时长占比"
        "分列第二到六位,依次为13.9%、11.0%、9.0%、8.9%和7.2%。",
        REPORT_46,
    )
    assert [d["application"] for _, d, *_ in reading.values()] == [
        "online video (excluding short video)",
        "short video",
        "online audio",
        "online music",
        "online literature",
    ]


def test_a_change_in_hours_raised() -> None:
    reading = read(
        "截至2022年6月,网民人均每周上网时长为29.5个小时,较2021年12月提升1.0个小时。", REPORT_46
    )
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        ("weekly_online_hours", {}, D("29.5")),
        ("weekly_online_hours_change", {"compared_with": "2021-12"}, D("1.0")),
    ]


def test_shares_of_a_group_and_their_changes_listed() -> None:
    reading = read(
        "截至2022年12月,农村地区在线教育和互联网医疗用户分别占农村网民整体的31.8%和21.5%,"
        "较上年分别增长2.7和4.1个百分点。",
        REPORT_46,
    )
    rural = {"area": "rural"}
    since = {"compared_with": "2021-12"}
    assert [(c, d, v) for c, d, _, v, _ in reading.values()] == [
        ("application_usage_rate", {"application": "online education", **rural}, D("31.8")),
        ("application_usage_rate", {"application": "internet healthcare", **rural}, D("21.5")),
        (
            "application_usage_rate_change",
            {"application": "online education", **rural, **since},
            D("2.7"),
        ),
        (
            "application_usage_rate_change",
            {"application": "internet healthcare", **rural, **since},
            D("4.1"),
        ),
    ]


def test_a_rate_after_a_groups_count_is_the_groups() -> None:
    reading = read(
        "截至2021年12月,我国60岁及以上老年网民规模达1.19亿,互联网普及率达43.2%。", REPORT_46
    )
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("internet_users", {"age_group": "60+"}),
        ("internet_penetration", {"age_group": "60+"}),
    ]


def test_a_change_over_months_measured_from_before_them_is_to_their_end() -> None:
    reading = read(
        "截至2018年6月,我国网民规模达8.02亿;2018年上半年新增网民2968万人,较2017年末增长3.8%。",
        REPORT_46,
    )
    assert reading.values()[1:] == [
        ("internet_users_change", {"compared_with": "2017-12"}, "2018-06", D(29_680_000), "2968万"),
        ("internet_users_growth", {"compared_with": "2017-12"}, "2018-06", D("3.8"), "3.8%"),
    ]


def test_people_not_online() -> None:
    reading = read("截至2020年3月,中国近5亿人不上网", REPORT_46)
    assert [(c, v) for c, _, _, v, _ in reading.values()] == [
        ("non_internet_users", D(500_000_000))
    ]


@pytest.mark.parametrize(
    ("text", "published", "base"),
    [
        (
            "截至2024年6月,在今年新增的742万网民中,青少年为主要组成部分。",
            (dt.date(2024, 8, 29), "2024-06"),
            "2023-12",
        ),
        (
            "截至2023年12月,新入网的2480万网民中,青少年为主。",
            (dt.date(2024, 3, 22), "2023-12"),
            "2022-12",
        ),
    ],
)
def test_new_users_are_counted_since_the_december_before(
    text: str, published: tuple[dt.date, str], base: str
) -> None:
    ((code, dims, *_),) = read(text, published).values()
    assert (code, dims) == ("internet_users_change", {"compared_with": base})


def test_a_quoted_name_is_the_name() -> None:
    reading = read("截至2024年12月,我国域名总数为3078万个,其中“.CN”域名数量为2082万个。", REPORT_46)
    assert [(c, d) for c, d, *_ in reading.values()] == [
        ("domain_names", {}),
        ("domain_names", {"tld": ".CN"}),
    ]


def test_a_share_of_the_whole_its_figure_is_part_of() -> None:
    reading = read(
        "截至2024年6月,我国域名总数为3187万个,其中国家顶级域名“.CN”数量为1956万个,占域名总数的61.4%。",
        REPORT_46,
    )
    assert reading.values()[-1] == (
        "domain_names_share",
        {"tld": ".CN"},
        "2024-06",
        D("61.4"),
        "61.4%",
    )

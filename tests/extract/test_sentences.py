"""The sentence reader on small texts of its own: which indicator, breakdown and period each
number gives, and which numbers it leaves out.

Each text is parsed on its own and read with the real catalogue (seeds/catalogue.yaml); the
context is built directly, without a manifest. The 55th report's texts are read as published
in January 2025 (figures default to December 2024), the 57th's on 5 February 2026 (figures
default to December 2025).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from app.extract.context import SourceContext
from app.extract.records import LeftOut, Record
from app.extract.sentences import SentenceReader
from app.extract.structure import parse_document
from app.extract.terms import TermFinder
from app.periods import period_bounds
from app.sources.catalogue import load_catalogue

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CATALOGUE = load_catalogue(SEEDS / "catalogue.yaml")
FINDER = TermFinder(CATALOGUE)
D = Decimal

REPORT_55 = (dt.date(2025, 1, 31), "2024-12")
REPORT_57 = (dt.date(2026, 2, 5), "2025-12")


@dataclass(frozen=True)
class Read:
    text: str
    records: list[Record]
    left_out: list[LeftOut]

    def values(self) -> list[tuple[str, dict[str, str], str, Decimal, str]]:
        return [
            (r.indicator, dict(r.dimensions), r.period, r.value, r.evidence.as_reported)
            for r in self.records
        ]

    def reasons(self) -> list[tuple[str, str]]:
        return [(item.text, item.reason) for item in self.left_out]

    def record(self, as_reported: str) -> Record:
        (found,) = [r for r in self.records if r.evidence.as_reported == as_reported]
        return found


def read(text: str, published: tuple[dt.date, str] = REPORT_55) -> Read:
    """Read every sentence and heading of ``text``, and check every citation quotes it."""
    reference, default_period = published
    document = parse_document(text)
    context = SourceContext(
        source="test-source",
        report="test-report",
        reference=reference,
        covered=period_bounds(default_period)[1],
        default_period=default_period,
        catalogue=CATALOGUE,
        finder=FINDER,
        document=document,
        publisher="China Internet Network Information Center (CNNIC)",
    )
    reader = SentenceReader(context)
    for sentence in document.sentences:
        reader.read(sentence)
    for heading in document.headings:
        reader.read_heading(heading)
    for record in reader.records:
        evidence = record.evidence
        assert text[evidence.start : evidence.end] == evidence.quote
        assert text[evidence.value_start : evidence.value_end] == evidence.as_reported
        assert record.report == "test-report"
    for item in reader.left_out:
        assert text[item.start : item.end] == item.text
    return Read(text, reader.records, reader.left_out)


EDUCATION = {"application": "online education"}

# (case, text, published, values: (indicator, breakdown, period, value, as reported))
VALUES = [
    (
        "subject after the number",
        "As of December 2024, China had 1,108 million Internet users.",
        REPORT_55,
        [("internet_users", {}, "2024-12", D(1_108_000_000), "1,108 million")],
    ),
    (
        "subject before the number, joined by a verb",
        "As of December 2024, the number of rural Internet users had amounted to 313 million.",
        REPORT_55,
        [("internet_users", {"area": "rural"}, "2024-12", D(313_000_000), "313 million")],
    ),
    (
        "a change with the period it is measured from",
        "China had 1,108 million Internet users as of December 2024, an increase of "
        "16.08 million compared to December 2023.",
        REPORT_55,
        [
            ("internet_users", {}, "2024-12", D(1_108_000_000), "1,108 million"),
            (
                "internet_users_change",
                {"compared_with": "2023-12"},
                "2024-12",
                D(16_080_000),
                "16.08 million",
            ),
        ],
    ),
    (
        "a fall is kept negative",
        "As of December 2024, the number of Internet users was 1,108 million, down by "
        "16.08 million compared to December 2023.",
        REPORT_55,
        [
            ("internet_users", {}, "2024-12", D(1_108_000_000), "1,108 million"),
            (
                "internet_users_change",
                {"compared_with": "2023-12"},
                "2024-12",
                D(-16_080_000),
                "16.08 million",
            ),
        ],
    ),
    (
        "percentage points change a rate",
        "As of December 2024, the Internet penetration rate reached 78.6%, up 1.1 percentage "
        "points from December 2023.",
        REPORT_55,
        [
            ("internet_penetration", {}, "2024-12", D("78.6"), "78.6%"),
            (
                "internet_penetration_change",
                {"compared_with": "2023-12"},
                "2024-12",
                D("1.1"),
                "1.1 percentage points",
            ),
        ],
    ),
    (
        "year-on-year percentage points are measured from a year before",
        "As of December 2025, the nationwide adoption rate of generative AI stood at 42.8 "
        "percent, a year-on-year increase of 25.2 percentage points.",
        REPORT_57,
        [
            ("generative_ai_penetration", {}, "2025-12", D("42.8"), "42.8 percent"),
            (
                "generative_ai_penetration_change",
                {"compared_with": "2024-12"},
                "2025-12",
                D("25.2"),
                "25.2 percentage points",
            ),
        ],
    ),
    (
        "a year-on-year percentage is a growth rate",
        "As of December 2024, online payment users reached 1,029 million, an increase of 7.9% "
        "year-on-year.",
        REPORT_55,
        [
            (
                "application_users",
                {"application": "online payment"},
                "2024-12",
                D(1_029_000_000),
                "1,029 million",
            ),
            (
                "application_users_growth",
                {"application": "online payment", "compared_with": "2023-12"},
                "2024-12",
                D("7.9"),
                "7.9%",
            ),
        ],
    ),
    (
        "over the same period takes the base the paragraph gave before",
        "As of December 2024, the Internet penetration rate was up 1.1 percentage points from "
        "December 2023. Rural Internet penetration rose to 65.6%, an increase of 2.8 "
        "percentage points over the same period.",
        REPORT_55,
        [
            (
                "internet_penetration_change",
                {"compared_with": "2023-12"},
                "2024-12",
                D("1.1"),
                "1.1 percentage points",
            ),
            ("internet_penetration", {"area": "rural"}, "2024-12", D("65.6"), "65.6%"),
            (
                "internet_penetration_change",
                {"area": "rural", "compared_with": "2023-12"},
                "2024-12",
                D("2.8"),
                "2.8 percentage points",
            ),
        ],
    ),
    (
        "a share after rural users is the rural share of Internet users",
        "As of December 2024, rural Internet users reached 313 million, accounting for 28.2% "
        "of the total.",
        REPORT_55,
        [
            ("internet_users", {"area": "rural"}, "2024-12", D(313_000_000), "313 million"),
            ("internet_users_share", {"area": "rural"}, "2024-12", D("28.2"), "28.2%"),
        ],
    ),
    (
        "respectively pairs each number with the breakdown named in its place",
        "Up to December 2024, the proportions of users accessing the Internet via desktop "
        "computers, laptops, tablets and televisions were 36.2%, 32.0%, 30.8% and 25.1%, "
        "respectively; those of users accessing the Internet via personal wearable devices, "
        "smart home devices and smart connected vehicles were 23.8%, 22.6%, and 10.7%, "
        "respectively.",
        REPORT_55,
        [
            ("access_device_usage", {"device": "desktop computer"}, "2024-12", D("36.2"), "36.2%"),
            ("access_device_usage", {"device": "laptop computer"}, "2024-12", D("32.0"), "32.0%"),
            ("access_device_usage", {"device": "tablet computer"}, "2024-12", D("30.8"), "30.8%"),
            ("access_device_usage", {"device": "TV"}, "2024-12", D("25.1"), "25.1%"),
            (
                "access_device_usage",
                {"device": "personal wearable device"},
                "2024-12",
                D("23.8"),
                "23.8%",
            ),
            (
                "access_device_usage",
                {"device": "smart home device"},
                "2024-12",
                D("22.6"),
                "22.6%",
            ),
            (
                "access_device_usage",
                {"device": "smart connected vehicle"},
                "2024-12",
                D("10.7"),
                "10.7%",
            ),
        ],
    ),
    (
        "a ratio pairs its terms with the values named in order",
        "As of December 2024, the ratio of male to female among Chinese netizens was "
        "51.1:48.9, which was roughly the same as that in China's overall population.",
        REPORT_55,
        [
            ("internet_users_share", {"gender": "male"}, "2024-12", D("51.1"), "51.1"),
            ("internet_users_share", {"gender": "female"}, "2024-12", D("48.9"), "48.9"),
        ],
    ),
    (
        "a dateline is not the period of the figures",
        "BEIJING, Feb. 5 (Xinhua) -- China had 1.125 billion internet users.",
        REPORT_57,
        [("internet_users", {}, "2025-12", D(1_125_000_000), "1.125 billion")],
    ),
    (
        "a Chinese level after its subject, with no verb but 达",
        "报告显示,截至2025年12月,我国网民规模达11.25亿人,互联网普及率突破80%,"
        "数字发展成果惠及更广泛群体。",
        REPORT_57,
        [
            ("internet_users", {}, "2025-12", D(1_125_000_000), "11.25亿"),
            ("internet_penetration", {}, "2025-12", D(80), "80%"),
        ],
    ),
    (
        "a Chinese growth from the end of a year, and 同比 percentage points",
        "《报告》显示,截至2025年12月,生成式人工智能用户规模达6.02亿人,较2024年底增长141.7%;"
        "普及率达42.8%,同比大幅提高25.2个百分点。",
        REPORT_57,
        [
            ("generative_ai_users", {}, "2025-12", D(602_000_000), "6.02亿"),
            (
                "generative_ai_users_growth",
                {"compared_with": "2024-12"},
                "2025-12",
                D("141.7"),
                "141.7%",
            ),
            ("generative_ai_penetration", {}, "2025-12", D("42.8"), "42.8%"),
            (
                "generative_ai_penetration_change",
                {"compared_with": "2024-12"},
                "2025-12",
                D("25.2"),
                "25.2个百分点",
            ),
        ],
    ),
    (
        "a Chinese share in tenths (超六成)",
        "从行业分布看,超六成“小巨人”企业深耕工业基础领域。",
        REPORT_57,
        [("little_giants_in_core_industries_share", {}, "2025-12", D(60), "六成")],
    ),
    (
        "a month without a year, within the period the report covers",
        "As of January, DingTalk had 20-plus product lines and over 80 scenarios to access "
        "large models, with 700,000 enterprises using DingTalk services.",
        REPORT_55,
        [
            ("dingtalk_ai_product_lines", {}, "2024-01", D(20), "20-plus"),
            ("dingtalk_ai_scenarios", {}, "2024-01", D(80), "80"),
            ("dingtalk_enterprise_users", {}, "2024-01", D(700_000), "700,000"),
        ],
    ),
    (
        "a month alone before a comma and a figure",
        "By October, 85% of Taobao shops supported consumers in paying through China UnionPay "
        "Quick Pass.",
        REPORT_55,
        [("taobao_shops_accepting_unionpay_share", {}, "2024-10", D(85), "85%")],
    ),
    (
        "a quarter code without a year",
        "According to the data, the Q3 number of Meituan instant delivery transactions reached "
        "7.078 billion, a year-on-year increase of 14.5%.",
        REPORT_55,
        [
            (
                "meituan_instant_delivery_transactions",
                {},
                "2024-Q3",
                D(7_078_000_000),
                "7.078 billion",
            ),
            (
                "meituan_instant_delivery_transactions_growth",
                {"compared_with": "2023-Q3"},
                "2024-Q3",
                D("14.5"),
                "14.5%",
            ),
        ],
    ),
    (
        "a growth whose subject stands before it in its clause",
        "In the second quarter, Kuaishou e-commerce's total transaction amount of searched goods "
        "was boosted by over 80% year-on-year.",
        REPORT_55,
        [
            (
                "kuaishou_searched_goods_transactions_growth",
                {"compared_with": "2023-Q2"},
                "2024-Q2",
                D(80),
                "80%",
            )
        ],
    ),
    (
        "a place between the subject and the verb that qualifies the figure",
        "The number of MOOC courses in China exceeded 76,800.",
        REPORT_55,
        [("mooc_courses", {}, "2024-12", D(76_800), "76,800")],
    ),
    (
        "a phrase that ends in its own verb",
        "Ever since then, CNNIC has published 54 reports.",
        REPORT_55,
        [("cnnic_statistical_reports", {}, "2024-12", D(54), "54")],
    ),
    (
        "available in, as a link",
        "By the end of September, the one-key car hailing service has been available in 325 "
        "cities.",
        REPORT_55,
        [("one_key_car_hailing_cities", {}, "2024-09", D(325), "325")],
    ),
    (
        "a figure before and after, with no dates",
        "A new energy company has utilized industrial vision quality inspection models to "
        "reduce the defect rate in its new energy battery production line from 0.3 percent to "
        "0.05 percent.",
        REPORT_57,
        [
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "before"},
                "2025-12",
                D("0.3"),
                "0.3 percent",
            ),
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "after"},
                "2025-12",
                D("0.05"),
                "0.05 percent",
            ),
        ],
    ),
    (
        "a Chinese figure before and after (从...降至)",
        "比如一家新能源企业,通过工业视觉质检大模型,将新能源电池产线缺陷率从千分之三降至万分之五。",
        REPORT_57,
        [
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "before"},
                "2025-12",
                D("0.3"),
                "千分之三",
            ),
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "after"},
                "2025-12",
                D("0.05"),
                "万分之五",
            ),
        ],
    ),
    (
        "a figure before and after, in words",
        "For instance, it helped a new energy company cut the defect rate of its production "
        "line from three per thousand to five per ten thousand, said Wang Changqing.",
        REPORT_57,
        [
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "before"},
                "2025-12",
                D("0.3"),
                "three per thousand",
            ),
            (
                "ai_inspection_production_line_defect_rate",
                {"stage": "after"},
                "2025-12",
                D("0.05"),
                "five per ten thousand",
            ),
        ],
    ),
    (
        "a count with its share in apposition",
        "By collecting and analyzing data from 23 major public recursive services worldwide, 14 "
        "or 60.9% of them offered IPv6 public recursive services.",
        REPORT_55,
        [
            ("public_recursive_services_surveyed", {}, "2024-12", D(23), "23"),
            ("ipv6_public_recursive_services", {}, "2024-12", D(14), "14"),
            ("ipv6_public_recursive_services_share", {}, "2024-12", D("60.9"), "60.9%"),
        ],
    ),
    (
        "a share whose owner the sentence before names",
        "By region, the majority of non-netizens were still in rural areas. Their proportion had "
        "reached 54.4% of the total non-netizens.",
        REPORT_55,
        [("non_internet_users_share", {"area": "rural"}, "2024-12", D("54.4"), "54.4%")],
    ),
    (
        "a measure in percentage points, not a change",
        "Based on the design, analysis and calculation of sampling, 0.66 percentage point is the "
        "estimated maximum allowable absolute error of the proportional target quantity, when "
        "the confidence is 95%.",
        REPORT_55,
        [
            ("survey_max_sampling_error", {}, "2024-12", D("0.66"), "0.66 percentage point"),
            ("survey_confidence_level", {}, "2024-12", D(95), "95%"),
        ],
    ),
    (
        "a Chinese headline's figures",
        "我国网民规模达11.25亿人 互联网普及率突破80%",
        REPORT_57,
        [
            ("internet_users", {}, "2025-12", D(1_125_000_000), "11.25亿"),
            ("internet_penetration", {}, "2025-12", D(80), "80%"),
        ],
    ),
    (
        "a phrase whose owner the sentence named before it",
        "By December 2024, China had 355 million online education users. The number of MOOC "
        "courses in China exceeded 76,800, with 1.277 billion views.",
        REPORT_55,
        [
            (
                "application_users",
                {"application": "online education"},
                "2024-12",
                D(355_000_000),
                "355 million",
            ),
            ("mooc_courses", {}, "2024-12", D(76_800), "76,800"),
            ("mooc_views", {}, "2024-12", D(1_277_000_000), "1.277 billion"),
        ],
    ),
    (
        "phrases of one owner after one another",
        "For example, the video generation model Kling AI has more than 6 million users who have "
        "generated over 65 million videos and more than 175 million pictures.",
        REPORT_55,
        [
            ("kling_ai_users", {}, "2024-12", D(6_000_000), "6 million"),
            ("kling_ai_videos", {}, "2024-12", D(65_000_000), "65 million"),
            ("kling_ai_pictures", {}, "2024-12", D(175_000_000), "175 million"),
        ],
    ),
    (
        "an owner named in the sentence before",
        "Over 500 million users utilized Kuaishou Search on a monthly basis in Q3 2024. The "
        "average daily searches surpassed 700 million, up by an increase margin of over 20.0% "
        "year-on-year.",
        REPORT_55,
        [
            ("kuaishou_search_monthly_users", {}, "2024-Q3", D(500_000_000), "500 million"),
            ("kuaishou_search_daily_searches", {}, "2024-Q3", D(700_000_000), "700 million"),
            (
                "kuaishou_search_daily_searches_growth",
                {"compared_with": "2023-Q3"},
                "2024-Q3",
                D(20),
                "20.0%",
            ),
        ],
    ),
    (
        "another indicator's phrase ends the owner's reach",
        "By the end of September, Didi had provided 197 million trips to 6.24 million seniors in "
        "355 cities. Meanwhile, the one-key car hailing service has been available in 325 cities. "
        "More than 150 million orders have been made to serve 15.43 million elderly passengers.",
        REPORT_55,
        [
            ("didi_elderly_trips", {}, "2024-09", D(197_000_000), "197 million"),
            ("didi_elderly_passengers", {}, "2024-09", D(6_240_000), "6.24 million"),
            ("didi_elderly_service_cities", {}, "2024-09", D(355), "355"),
            ("one_key_car_hailing_cities", {}, "2024-09", D(325), "325"),
            ("one_key_car_hailing_orders", {}, "2024-09", D(150_000_000), "150 million"),
            (
                "one_key_car_hailing_elderly_passengers",
                {},
                "2024-09",
                D(15_430_000),
                "15.43 million",
            ),
        ],
    ),
    (
        "the growth of a figure whose owner the sentence named",
        "The year of 2024 saw the significant year-on-year growth in the total number of usage "
        "hours on Channels, with total hours up by more than 80% year-on-year in the first "
        "quarter.",
        REPORT_55,
        [
            (
                "wechat_channels_usage_hours_growth",
                {"compared_with": "2023-Q1"},
                "2024-Q1",
                D(80),
                "80%",
            )
        ],
    ),
    (
        "a list whose last item an owner in the list names",
        "China has collected data on about 1.107 billion pieces of rural contracted land, 960,000 "
        "rural collective economic organizations, 900 million members, and 3.95 million family "
        "farms.",
        REPORT_55,
        [
            (
                "rural_contracted_land_plots_recorded",
                {},
                "2024-12",
                D(1_107_000_000),
                "1.107 billion",
            ),
            (
                "rural_collective_economic_organizations_recorded",
                {},
                "2024-12",
                D(960_000),
                "960,000",
            ),
            (
                "rural_collective_economic_organization_members_recorded",
                {},
                "2024-12",
                D(900_000_000),
                "900 million",
            ),
            ("family_farms_recorded", {}, "2024-12", D(3_950_000), "3.95 million"),
        ],
    ),
    (
        "a Chinese subject with its size, then its verb",
        "截至2017年12月,我国网民规模达7.72亿,手机网民规模达7.53亿。",
        REPORT_55,
        [
            ("internet_users", {}, "2017-12", D(772_000_000), "7.72亿"),
            ("mobile_internet_users", {}, "2017-12", D(753_000_000), "7.53亿"),
        ],
    ),
    (
        "a Chinese share of all Internet users is the share of what was just counted",
        "截至2020年6月,我国在线教育用户规模达3.81亿,占网民整体的40.5%。",
        REPORT_55,
        [
            (
                "application_users",
                {"application": "online education"},
                "2020-06",
                D(381_000_000),
                "3.81亿",
            ),
            (
                "application_usage_rate",
                {"application": "online education"},
                "2020-06",
                D("40.5"),
                "40.5%",
            ),
        ],
    ),
    (
        "a Chinese share of users going online with a device",
        "截至2018年6月,网民通过手机接入互联网的比例高达98.3%。",
        REPORT_55,
        [("access_device_usage", {"device": "mobile phone"}, "2018-06", D("98.3"), "98.3%")],
    ),
    (
        "new users of a year are a change since the year before, not a total",
        "截至2018年12月,我国网民规模达8.29亿,全年新增网民5653万。",
        REPORT_55,
        [
            ("internet_users", {}, "2018-12", D(829_000_000), "8.29亿"),
            (
                "internet_users_change",
                {"compared_with": "2017-12"},
                "2018-12",
                D(56_530_000),
                "5653万",
            ),
        ],
    ),
    (
        "year on year, without hyphens",
        "By June 2018, China had 802 million online users, up 3.8 percent year on year.",
        REPORT_55,
        [
            ("internet_users", {}, "2018-06", D(802_000_000), "802 million"),
            (
                "internet_users_growth",
                {"compared_with": "2017-06"},
                "2018-06",
                D("3.8"),
                "3.8 percent",
            ),
        ],
    ),
    (
        "an application's users, then its verb",
        "截至2017年12月,网络直播用户达4.22亿。",
        REPORT_55,
        [
            (
                "application_users",
                {"application": "live streaming"},
                "2017-12",
                D(422_000_000),
                "4.22亿",
            )
        ],
    ),
    (
        "a figure the verb itself qualifies, after the subject's size",
        "截至2020年12月,我国网民规模接近10亿,达9.89亿。",
        REPORT_55,
        [
            ("internet_users", {}, "2020-12", D(1_000_000_000), "10亿"),
            # A clause that is only a verb goes on with the figure before it.
            ("internet_users", {}, "2020-12", D(989_000_000), "9.89亿"),
        ],
    ),
    (
        "the growth of a revenue over three quarters",
        "According to the operation of the Internet and related service industries in the first "
        "three quarters of 2024, the Internet business revenue of news & information, search, "
        "social networking and other information service-based enterprises increased by 7.5% "
        "year-on-year.",
        REPORT_55,
        [
            (
                "information_services_internet_revenue_growth",
                {"compared_with": "2023-01/2023-09"},
                "2024-01/2024-09",
                D("7.5"),
                "7.5%",
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [case[1:] for case in VALUES],
    ids=[case[0] for case in VALUES],
)
def test_sentence_gives_values(
    text: str,
    published: tuple[dt.date, str],
    expected: list[tuple[str, dict[str, str], str, Decimal, str]],
) -> None:
    assert read(text, published).values() == expected


def test_a_share_of_a_group_is_not_read_as_a_share_of_all_internet_users() -> None:
    read_ = read("截至2020年6月,手机即时通信用户规模达9.30亿,占手机网民的99.8%。")

    assert ("99.8%", "no indicator in the catalogue names it here") in read_.reasons()
    assert [value[0] for value in read_.values()] == ["application_users"]


def test_a_dateline_would_date_the_figures_if_it_were_not_the_publication_day() -> None:
    """The same text read as if published a year earlier: "Feb. 5" is then a real date."""
    (record,) = read(
        "BEIJING, Feb. 5 (Xinhua) -- China had 1.125 billion internet users.",
        (dt.date(2025, 1, 31), "2024-12"),
    ).records
    assert record.period == "2024-02-05"


def test_a_percentage_of_internet_users_is_not_their_share() -> None:
    """ "47.6% of Internet users" names whose share it is, not what the share is of: that is
    the phrase after it."""
    result = read(
        "As of December 2024, 47.6% of Internet users paid attention to information on sports, "
        "business and science & technology."
    )
    assert result.values() == [
        (
            "social_topic_followers_share",
            {"social_topic": "sports, business and science & technology"},
            "2024-12",
            D("47.6"),
            "47.6%",
        )
    ]
    assert result.reasons() == []


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        (
            "Household chores and running errands were similar, with each making up between "
            "6% and 7%.",
            [
                ("6%", "a range whose breakdowns the catalogue does not name"),
                ("7%", "a range whose breakdowns the catalogue does not name"),
            ],
        ),
        (
            "Between 6% and 7% of Internet users used online office.",
            [
                ("6%", "a range whose breakdowns the catalogue does not name"),
                ("7%", "a range whose breakdowns the catalogue does not name"),
            ],
        ),
        (
            "Rural Internet penetration rose to 65.6%, an increase of 2.8 percentage points "
            "over the same period.",
            [("2.8 percentage points", "a change from a time the text does not give")],
        ),
    ],
    ids=["a range after its verb", "a range at the start", "the same period with none before"],
)
def test_numbers_left_out_with_their_reason(text: str, left_out: list[tuple[str, str]]) -> None:
    result = read(text)
    assert result.reasons() == left_out
    assert {r.evidence.as_reported for r in result.records} & {t for t, _ in left_out} == set()


@pytest.mark.parametrize(
    ("text", "published", "as_reported", "indicator", "value", "qualifier"),
    [
        (
            'China now has more than 60 million SMEs, including over 17,600 "little giant" '
            "firms specializing in niche markets with advanced technologies.",
            REPORT_57,
            "60 million",
            "smes",
            D(60_000_000),
            "more than",
        ),
        (
            'China now has more than 60 million SMEs, including over 17,600 "little giant" '
            "firms specializing in niche markets with advanced technologies.",
            REPORT_57,
            "17,600",
            "little_giant_enterprises",
            D(17_600),
            "more than",
        ),
        (
            "Nearly 6,000 operate in emerging fields such as quantum technology, artificial "
            "intelligence and the low-altitude economy.",
            REPORT_57,
            "6,000",
            "little_giants_in_future_industries",
            D(6_000),
            "nearly",
        ),
        (
            "目前我国中小企业数量超6000万家。",
            REPORT_57,
            "6000万",
            "smes",
            D(60_000_000),
            "more than",
        ),
        (
            "As of December 2024, China had 1,108 million Internet users.",
            REPORT_55,
            "1,108 million",
            "internet_users",
            D(1_108_000_000),
            None,
        ),
    ],
    ids=["more than", "over", "nearly", "超", "no qualifier"],
)
def test_qualifiers_are_kept(
    text: str,
    published: tuple[dt.date, str],
    as_reported: str,
    indicator: str,
    value: Decimal,
    qualifier: str | None,
) -> None:
    record = read(text, published).record(as_reported)
    assert (record.indicator, record.value, record.qualifier) == (indicator, value, qualifier)


def test_a_converted_currency_in_brackets_is_left_out() -> None:
    result = read(
        "According to the Ministry of Industry and Information Technology earlier this year, "
        "China had more than 6,000 artificial intelligence (AI) enterprises last year, while "
        "the scale of the country's core AI industry was expected to exceed 1.2 trillion yuan "
        "(about 171.39 billion U.S. dollars) in 2025.",
        REPORT_57,
    )
    assert result.values() == [
        ("ai_enterprises", {}, "2025", D(6_000), "6,000"),
        ("core_ai_industry_scale", {}, "2025", D(1_200_000_000_000), "1.2 trillion yuan"),
    ]
    assert result.reasons() == [
        ("171.39 billion U.S. dollars", "the previous figure converted to another currency")
    ]


@pytest.mark.parametrize(
    ("text", "attributed_to"),
    [
        (
            "According to the Ministry of Industry and Information Technology earlier this "
            "year, China had more than 6,000 artificial intelligence (AI) enterprises last year.",
            "Ministry of Industry and Information Technology",
        ),
        (
            "According to data from China Netcasting Services Association, the overseas market "
            "for micro-series generated 1.53 billion U.S. dollars in revenue from January to "
            "August in 2025.",
            "China Netcasting Services Association",
        ),
        ("According to Wang, China had more than 60 million SMEs.", "Wang"),
        ("China had more than 60 million SMEs.", None),
    ],
    ids=["a known body by its full name", "data from a known body", "a person", "nobody"],
)
def test_according_to_credits_the_sentence(text: str, attributed_to: str | None) -> None:
    records = read(text, REPORT_57).records
    assert records
    assert {record.attributed_to for record in records} == {attributed_to}


FEIGUA = "⁵⁰ Feigua, <https://dy.feigua.cn/article/detail/912.html>, July 31, 2024.\n"


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        (
            "By December 2024, online video users reached 1,070 million⁵⁰, and short video "
            "users reached 1,040 million.",
            {"1,070 million": "Feigua", "1,040 million": None},
        ),
        (
            "By December 2024, online video users reached 1,070 million, and short video "
            "users reached 1,040 million.⁵⁰",
            {"1,070 million": "Feigua", "1,040 million": "Feigua"},
        ),
    ],
    ids=["a mark inside the sentence credits its clause", "a mark at the end credits it all"],
)
def test_a_footnote_citing_a_source_credits_only_where_it_stands(
    sentence: str, credited: dict[str, str | None]
) -> None:
    result = read(f"{sentence}\n\n{FEIGUA}")
    assert result.values() == [
        (
            "application_users",
            {"application": "online video"},
            "2024-12",
            D(1_070_000_000),
            "1,070 million",
        ),
        (
            "application_users",
            {"application": "short video"},
            "2024-12",
            D(1_040_000_000),
            "1,040 million",
        ),
    ]
    assert {r.evidence.as_reported: r.attributed_to for r in result.records} == credited
    assert all(record.notes == () for record in result.records)


CCTV = "⁶⁹ CCTV.com, <https://news.cctv.com/2024/10/09/a.shtml>, October 9, 2024.\n"
PEOPLE = "⁷⁰ People's Daily Online, <http://sh.people.com.cn/n2/a.html>, October 12, 2024.\n"


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        (
            "Online video users reached 1,070 million, and short video users reached "
            "1,040 million⁶⁹; online music users reached 700 million⁷⁰.",
            {
                "1,070 million": "CCTV.com",
                "1,040 million": "CCTV.com",
                "700 million": "People's Daily Online",
            },
        ),
        (
            "Online video users reached 1,070 million⁶⁹, and short video users reached "
            "1,040 million, with online music users reaching 700 million⁷⁰.",
            {
                "1,070 million": "CCTV.com",
                "1,040 million": "People's Daily Online",
                "700 million": "People's Daily Online",
            },
        ),
        (
            "Online video users⁶⁹ reached 1,070 million, and short video users reached "
            "1,040 million.",
            {"1,070 million": "CCTV.com", "1,040 million": None},
        ),
    ],
    ids=[
        "a mark credits back to the sentence's start",
        "a mark credits back to the mark before it",
        "a mark on what a figure measures credits its clause",
    ],
)
def test_a_footnote_mark_credits_what_the_sentence_says_before_it(
    sentence: str, credited: dict[str, str | None]
) -> None:
    result = read(f"{sentence}\n\n{CCTV}\n{PEOPLE}")
    assert {r.evidence.as_reported: r.attributed_to for r in result.records} == credited


@pytest.mark.parametrize(
    "sentence",
    [
        "China had 1,108 million Internet users, or over 20%⁶⁹ of the global total, with the "
        "Internet penetration reaching 78.6%.",
        "China had 1,108 million Internet users, or over 20%⁶⁹ of the global total.",
    ],
    ids=["inside the sentence", "at its end"],
)
def test_a_mark_on_a_restatement_credits_only_the_restatement(sentence: str) -> None:
    """The footnote cites what the restatement adds (the world's total), not the figure."""
    result = read(f"{sentence}\n\n{CCTV}")
    assert result.record("1,108 million").attributed_to is None
    assert result.record("20%").attributed_to == "CCTV.com"


def test_a_figure_followed_by_for_is_not_restated() -> None:
    """ "services for more than 100 million visits": "for" holds no restating "or"."""
    result = read(
        "At present, 3,340 Internet hospitals have provided services for more than 100 million "
        "visits per year⁶⁹.\n\n" + CCTV
    )
    assert {r.evidence.as_reported: r.attributed_to for r in result.records} == {
        "3,340": "CCTV.com",
        "100 million": "CCTV.com",
    }


def test_a_footnote_that_updates_a_figure_moves_only_its_clause() -> None:
    result = read(
        "Online video users reached 1,070 million⁵, and short video users reached "
        "1,040 million.\n\n⁵ The number of online video users was updated by November 2024.\n"
    )
    video = result.record("1,070 million")
    assert (video.period, video.moved_from) == ("2024-11", "2024-12")
    (note,) = video.notes
    assert note.kind == "date"
    assert note.quote == "The number of online video users was updated by November 2024."
    short = result.record("1,040 million")
    assert (short.period, short.moved_from, short.notes) == ("2024-12", None, ())


def test_the_period_a_paragraph_sets_carries_to_its_next_sentence_only() -> None:
    result = read(
        "As of June 2024, China had 1,100 million Internet users. Rural Internet users reached "
        "304 million.\n\nUrban Internet users reached 795 million.\n"
    )
    assert [(r.evidence.as_reported, r.period) for r in result.records] == [
        ("1,100 million", "2024-06"),
        ("304 million", "2024-06"),
        ("795 million", "2024-12"),
    ]


def test_an_undated_figure_of_an_indicator_the_paragraph_dated_takes_that_date() -> None:
    """A parallel breakdown is dated like the earlier one, not by the holiday between them."""
    result = read(
        "By December 2024, 44.7% of Internet users paid attention to the information on "
        "traveling, shopping and local life. Xiaohongshu had more than 2.21 million travel notes "
        "posted during the National Day holidays. 47.6% of Internet users paid attention to "
        "information on sports, business and science & technology.\n"
    )
    assert [(r.evidence.as_reported, r.period) for r in result.records] == [
        ("44.7%", "2024-12"),
        ("2.21 million", "2024-10"),
        ("47.6%", "2024-12"),
    ]
    assert result.record("47.6%").notes == ()
    assert result.record("47.6%").dimensions == (
        ("social_topic", "sports, business and science & technology"),
    )


def test_a_platforms_figure_does_not_take_a_date_given_for_another_platform() -> None:
    result = read(
        "Over 500 million users utilized Kuaishou Search on a monthly basis in Q3 2024. The "
        "average daily searches surpassed 700 million. On the Xiaohongshu website, 70% of "
        "monthly active users conducted searches with six times on a daily basis.\n"
    )
    assert [(r.indicator, r.period, r.attributed_to) for r in result.records][-2:] == [
        ("kuaishou_search_daily_searches", "2024-Q3", None),
        ("xiaohongshu_searching_users_share", "2024-12", None),
    ]


def test_a_platforms_figure_after_another_platforms_date_is_dated_by_its_source() -> None:
    result = read(
        "Over 500 million users utilized Kuaishou Search on a monthly basis in Q3 2024. On "
        "Xiaohongshu, the first thing that one-third of users opened the app was to search⁴⁴."
        "\n\n"
        "⁴⁴ Xiaohongshu Search Report, <https://aigc.idigital.com.cn/djyanbao/> 2024 report-"
        "2024-08-07.pdf, August 7, 2024.\n"
    )
    first = result.record("one-third")
    assert (first.indicator, first.period) == ("xiaohongshu_search_first_users_share", "2024-08-07")
    assert first.attributed_to == "Xiaohongshu Search Report"


def test_at_present_sets_the_period_back_to_the_reports() -> None:
    result = read(
        "In June, the State Council issued a plan. At present, 3,340 Internet hospitals across "
        "the country have provided Internet diagnosis and treatment services."
    )
    assert [(r.indicator, r.period, r.value) for r in result.records] == [
        ("internet_hospitals", "2024-12", D(3340))
    ]


def test_a_change_with_a_subject_of_its_own_is_not_a_change_of_the_figure_before() -> None:
    """The search volume is not the users counted before it in the sentence."""
    result = read(
        "In March 2024, Tencent's financial report showed that WeChat Search daily active users "
        "exceeded 100 million and the search volume grew by more than 30% year-on-year."
    )
    assert result.values() == [
        ("wechat_search_daily_active_users", {}, "2024-03", D(100_000_000), "100 million"),
        ("wechat_search_volume_growth", {"compared_with": "2023-03"}, "2024-03", D(30), "30%"),
    ]


def test_a_change_with_a_subject_the_catalogue_does_not_name_is_left_out() -> None:
    result = read(
        "In March 2024, Tencent's financial report showed that WeChat Search daily active users "
        "exceeded 100 million and the ad revenue grew by more than 30% year-on-year."
    )
    assert result.values() == [
        ("wechat_search_daily_active_users", {}, "2024-03", D(100_000_000), "100 million")
    ]
    assert result.reasons() == [("30%", "a change of a figure the catalogue does not name")]


def test_a_phrase_and_a_figure_with_only_a_space_between_are_not_linked() -> None:
    """ "the IPv4 addresses 6316032" is not China's IPv4 total; the phrase after the figure
    and its address equivalence says whose addresses they are."""
    result = read(
        "Specifically, the IPv4 addresses 6316032 (96B+96C) of former China Unicom are "
        "assigned by CNNIC."
    )
    assert result.values() == [
        (
            "cnnic_assigned_ipv4_addresses",
            {"organization": "China Unicom"},
            "2024-12",
            D(6_316_032),
            "6316032",
        )
    ]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("In 2024, 6316032 (96B+96C) of former China Unicom are assigned by CNNIC.", True),
        ("In 2024, 6316032 (about a tenth) of former China Unicom are assigned by CNNIC.", False),
        ("In 2024, 6316032 new of former China Unicom are assigned by CNNIC.", True),
        ("In 2024, 6316032 addresses of former China Unicom are assigned by CNNIC.", False),
    ],
    ids=["address equivalence", "other words in brackets", "new", "other words"],
)
def test_what_may_stand_between_a_count_and_its_phrase(text: str, phrase: bool) -> None:
    indicators = [r.indicator for r in read(text).records]
    assert indicators == (["cnnic_assigned_ipv4_addresses"] if phrase else [])


def test_two_lists_of_changes_given_respectively_at_the_end() -> None:
    result = read(
        "Online literature, online meal ordering, online payment and online travel booking saw "
        "the fastest growth in user size, up by 54.74 million, 47.77 million, 75.05 million and "
        "39.35 million from December 2023, with growth rates of 10.5%, 8.8%, 7.9% and 7.7% "
        "respectively."
    )
    assert result.reasons() == []
    since = "2023-12"
    assert [(r.indicator, dict(r.dimensions), r.value) for r in result.records] == [
        (
            "application_users_change",
            {"application": "online literature", "compared_with": since},
            D("54740000"),
        ),
        (
            "application_users_change",
            {"application": "online meal ordering", "compared_with": since},
            D("47770000"),
        ),
        (
            "application_users_change",
            {"application": "online payment", "compared_with": since},
            D("75050000"),
        ),
        (
            "application_users_change",
            {"application": "online travel booking", "compared_with": since},
            D("39350000"),
        ),
        (
            "application_users_growth",
            {"application": "online literature", "compared_with": since},
            D("10.5"),
        ),
        (
            "application_users_growth",
            {"application": "online meal ordering", "compared_with": since},
            D("8.8"),
        ),
        (
            "application_users_growth",
            {"application": "online payment", "compared_with": since},
            D("7.9"),
        ),
        (
            "application_users_growth",
            {"application": "online travel booking", "compared_with": since},
            D("7.7"),
        ),
    ]
    assert {r.period for r in result.records} == {"2024-12"}


def test_a_list_without_respectively_is_not_paired_with_a_later_one() -> None:
    result = read(
        "Online literature and online payment users grew by 54.74 million and 75.05 million "
        "from December 2023, with growth rates of 10.5% and 7.9%."
    )
    assert not any(r.evidence.as_reported == "75.05 million" for r in result.records)


def test_from_one_date_to_another_is_not_before_and_after() -> None:
    result = read(
        "The defect rate in its new energy battery production line fell from 0.3 percent in "
        "2023 to 0.05 percent in 2024."
    )
    assert all("stage" not in dict(r.dimensions) for r in result.records)


@pytest.mark.parametrize(
    ("text", "published", "left_out"),
    [
        (
            "China has established 42 intelligent computing clusters each equipped with over "
            "10,000 graphics processing units.",
            REPORT_57,
            ("10,000", "what each counted item has (a definition, not a figure)"),
        ),
    ],
    ids=["what each item has"],
)
def test_numbers_that_are_not_figures_of_their_own(
    text: str, published: tuple[dt.date, str], left_out: tuple[str, str]
) -> None:
    assert left_out in read(text, published).reasons()


def test_a_change_figure_keeps_its_precision() -> None:
    change = read(
        "China had 1,108 million Internet users as of December 2024, an increase of "
        "16.08 million compared to December 2023."
    ).record("16.08 million")
    assert change.precision == D(10_000)


TOURISM = (
    "According to the data⁶⁷, there were 4.237 billion domestic trips in the first three "
    "quarters of 2024, up by 15.3% year-on-year. Domestic tourists spent a total of RMB4.35 "
    "trillion, up by 17.9% year-on-year. In June, the State Council issued a plan. The first "
    "one drew more than 4.3 million domestic tourists.\n\n"
    "⁶⁷ China's Ministry of Culture and Tourism, https://zwgk.mct.gov.cn/zfxgkml/tjxx/202410/"
    "t20241021_955808.html, October 21, 2024.\n"
)


def test_a_sentence_with_no_date_continues_the_span_and_report_of_the_one_before() -> None:
    result = read(TOURISM)
    spans = {"compared_with": "2023-01/2023-09"}
    assert result.values() == [
        ("domestic_tourist_trips", {}, "2024-01/2024-09", D(4_237_000_000), "4.237 billion"),
        ("domestic_tourist_trips_growth", spans, "2024-01/2024-09", D("15.3"), "15.3%"),
        (
            "domestic_tourist_spending",
            {},
            "2024-01/2024-09",
            D(4_350_000_000_000),
            "RMB4.35 trillion",
        ),
        ("domestic_tourist_spending_growth", spans, "2024-01/2024-09", D("17.9"), "17.9%"),
    ]
    assert {r.attributed_to for r in result.records} == {"Ministry of Culture and Tourism"}


def test_a_count_of_people_is_not_what_they_spent() -> None:
    """ "4.3 million domestic tourists" names the tourists, and a count is never yuan."""
    assert read(TOURISM).reasons() == [
        ("4.3 million", "no indicator in the catalogue names it here")
    ]


def test_a_sentence_with_a_date_of_its_own_does_not_continue_the_report_before() -> None:
    result = read(
        "According to the data⁶⁷, there were 4.237 billion domestic trips in the first three "
        "quarters of 2024. By December, domestic tourists spent RMB5 trillion.\n\n"
        "⁶⁷ China's Ministry of Culture and Tourism, https://zwgk.mct.gov.cn/, October 21, 2024.\n"
    )
    spending = result.record("RMB5 trillion")
    assert (spending.period, spending.attributed_to) == ("2024-12", None)


HOLIDAY = (
    "During the National Day holiday, the number of national business performances increased "
    "by 14.5% year-on-year, and box office revenue by 25.9% on a YoY basis; audience attendance "
    "grew by 13.3% compared with the year earlier; and Ctrip county tour orders were up by 20% "
    "YoY. By December 2024, China had 1,108 million Internet users."
)


def test_figures_of_a_holiday_are_dated_by_its_month_with_the_phrase_as_a_note() -> None:
    result = read(HOLIDAY)
    base = {"compared_with": "2023-10"}
    assert result.values() == [
        ("commercial_performances_growth", base, "2024-10", D("14.5"), "14.5%"),
        ("performance_box_office_revenue_growth", base, "2024-10", D("25.9"), "25.9%"),
        ("performance_audience_attendance_growth", base, "2024-10", D("13.3"), "13.3%"),
        ("ctrip_county_tour_orders_growth", base, "2024-10", D(20), "20%"),
        ("internet_users", {}, "2024-12", D(1_108_000_000), "1,108 million"),
    ]
    for record in result.records[:4]:
        (note,) = record.notes
        assert (note.kind, note.quote) == ("date", "During the National Day holiday")
        assert HOLIDAY[note.start : note.end] == note.quote
    assert result.records[4].notes == ()


def test_a_figure_that_inherits_a_holidays_month_keeps_its_note() -> None:
    text = (
        "Xiaohongshu has become a channel for travel content, with 2.21 million travel notes "
        "posted during China's 2024 National Day holidays, an increase of 11.8% year-on-year. It "
        "attracted 4.7 billion views."
    )
    result = read(text)
    views = result.record("4.7 billion")
    assert (views.indicator, views.period) == ("xiaohongshu_travel_note_views", "2024-10")
    assert [n.quote for n in views.notes] == ["2024 National Day holidays"]
    notes = result.record("2.21 million")
    assert (notes.indicator, notes.period) == ("xiaohongshu_travel_notes", "2024-10")


@pytest.mark.parametrize(
    "text",
    [
        "Box office revenue by 25.9% on a YoY basis.",
        "The revenue grew, and box office revenue by 25.9% on a YoY basis.",
    ],
    ids=["no change before it", "no change read before it"],
)
def test_a_verbless_by_is_a_change_only_after_one(text: str) -> None:
    assert read(text).values() == []


def test_a_phrase_ending_in_of_names_the_figure_after_it() -> None:
    result = read(
        "In the first half of the year, the overall transaction volume of Didachuxing's ride-\n\n"
        "sharing services reached RMB4.007 billion, with an order amount of 61.7 million."
    )
    half = "2024-01/2024-06"
    assert result.values() == [
        ("didachuxing_ride_sharing_transactions", {}, half, D(4_007_000_000), "RMB4.007 billion"),
        ("didachuxing_ride_sharing_orders", {}, half, D(61_700_000), "61.7 million"),
    ]


def test_visits_of_the_internet_hospitals_just_counted() -> None:
    result = read(
        "At present, 3,340 Internet hospitals across the country have provided Internet "
        "diagnosis and treatment services for more than 100 million visits per year."
    )
    assert result.values() == [
        ("internet_hospitals", {}, "2024-12", D(3340), "3,340"),
        ("internet_hospital_annual_visits", {}, "2024-12", D(100_000_000), "100 million"),
    ]


FEISHU = (
    "The subscription revenue of the software Feishu exceeded USD 200 million in 2023, doubling "
    "the 2022 revenue. It was growing at a high rate in 2024⁴⁸ and expected to surpass USD 300 "
    "million⁴⁹.\n\n"
    "⁴⁸ The magazine Caijing, <https://mp.weixin.qq.com/s/QDUBrNmyEZCrRY86TO-sKA>, September 5, "
    "2024.\n\n"
    "⁴⁹ Jiemin News, <https://m.jiemin.com/article/11674929.html>, September 4, 2024.\n"
)


def test_it_stands_for_what_the_sentence_before_spoke_of() -> None:
    result = read(FEISHU)
    assert result.values() == [
        ("feishu_subscription_revenue", {}, "2023", D(200_000_000), "USD 200 million"),
        ("feishu_subscription_revenue", {}, "2024", D(300_000_000), "USD 300 million"),
    ]


def test_a_figure_only_expected_says_so_in_its_qualifier() -> None:
    assert [r.qualifier for r in read(FEISHU).records] == ["more than", "expected to be more than"]


def test_a_footnote_on_the_figure_credits_it_before_one_earlier_in_its_clause() -> None:
    assert [r.attributed_to for r in read(FEISHU).records] == [None, "Jiemin News"]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        (
            "In 2025, the scale of the country's core AI industry was expected to exceed 1.2 "
            "trillion yuan.",
            "expected to be more than",
        ),
        (
            "In 2025, the scale of the country's core AI industry is estimated to reach 1.2 "
            "trillion yuan.",
            "expected",
        ),
        (
            "In 2025, the scale of the country's core AI industry exceeded 1.2 trillion yuan.",
            "more than",
        ),
        ("In 2025, the scale of the country's core AI industry was 1.2 trillion yuan.", None),
    ],
    ids=["expected to exceed", "estimated to reach", "reported, qualified", "reported, exact"],
)
def test_expected_figures(text: str, qualifier: str | None) -> None:
    (record,) = read(text).records
    assert (record.indicator, record.qualifier) == ("core_ai_industry_scale", qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The subscription revenue of the software Feishu exceeded USD 200 million in 2023. "
        "Its growth was high and revenue reached USD 300 million.",
        "The subscription revenue of the software Feishu exceeded USD 200 million in 2023. "
        "It had 300 million users.",
        "It was expected to surpass USD 300 million.",
    ],
    ids=["not a pronoun that starts the sentence", "a unit that does not fit", "nothing before"],
)
def test_a_pronoun_takes_a_subject_only_when_it_fits(text: str) -> None:
    values = read(text).values()
    assert (
        "feishu_subscription_revenue",
        {},
        "2023",
        D(300_000_000),
        "USD 300 million",
    ) not in values
    assert [v for v in values if v[3] in (D(300_000_000),)] == []


def test_what_a_platform_invested_is_read_by_the_verb_ending_its_phrase() -> None:
    result = read(
        "In April, JD announced that it had invested RMB1 billion and 1 billion bytes of "
        "traffic as incentives to attract more original creators of micro dramas.\n"
    )
    assert result.values() == [
        ("jd_micro_drama_incentive_funds", {}, "2024-04", D(1_000_000_000), "RMB1 billion"),
        ("jd_micro_drama_incentive_traffic", {}, "2024-04", D(1_000_000_000), "1 billion"),
    ]


def test_a_platforms_phrase_names_nothing_the_platform_did_not_do() -> None:
    result = read("In April, the operator announced that it had invested RMB1 billion.\n")
    assert result.records == []


@pytest.mark.parametrize(
    ("passage", "credited"),
    [
        (
            "**First, learning channels have widened.** Online video users reached 700 "
            "million. The country ranked first in the world in online course use⁶⁹.",
            {"700 million": "CCTV.com"},
        ),
        (
            "Online music users reached 700 million in Q3 2024. Short video users reached 1,040 "
            "million in Q3 2024⁶⁹.",
            {"700 million": "CCTV.com", "1,040 million": "CCTV.com"},
        ),
        (
            "By December 2024, online video users reached 1,070 million. Online music users "
            "reached 700 million in Q3 2024⁶⁹.",
            {"1,070 million": None, "700 million": "CCTV.com"},
        ),
        (
            "Online video users reached 700 million. **Second, music has grown.** Short video "
            "users reached 1,040 million in Q3 2024⁶⁹.",
            {"700 million": None, "1,040 million": "CCTV.com"},
        ),
        (
            "Online video users reached 700 million. Music has grown⁶⁹, and short video "
            "users reached 1,040 million in Q3 2024.",
            {"700 million": None, "1,040 million": None},
        ),
    ],
    ids=[
        "the mark that closes a passage credits it all",
        "back over sentences with figures of their own",
        "not a figure the report dates as its own",
        "not across a bold lead-in",
        "a mark inside a sentence does not close a passage",
    ],
)
def test_a_footnote_credits_the_passage_it_closes(
    passage: str, credited: dict[str, str | None]
) -> None:
    result = read(f"{passage}\n\n{CCTV}")
    assert {r.evidence.as_reported: r.attributed_to for r in result.records} == credited


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        (
            "Data released by China's National Bureau of Statistics on Friday showed that in "
            "2024, online retail sales reached 15.52 trillion yuan.",
            "National Bureau of Statistics",
        ),
        (
            "In March 2024, Tencent's financial report showed that WeChat Search daily active "
            "users exceeded 100 million.",
            "Tencent's financial report",
        ),
        (
            "A report released on Friday indicated that the number of internet users in China "
            "reached 854 million by June 2019.",
            None,
        ),
        (
            "The report by the China Internet Network Information Center revealed that internet "
            "penetration reached 78.6 percent in 2024.",
            None,
        ),
    ],
    ids=["data released by a body", "a body's report", "a report: this one", "CNNIC's report"],
)
def test_what_a_sentence_says_showed_its_figures(sentence: str, credited: str | None) -> None:
    assert {r.attributed_to for r in read(sentence).records} == {credited}


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        ("In April, JD announced that its short video users reached 200 million.", "JD"),
        (
            "According to the report, short video users reached 1,040 million by December 2024.",
            None,
        ),
        (
            "According to the CNNIC, short video users reached 1,040 million by December 2024.",
            None,
        ),
    ],
    ids=["a body announced", "the report itself", "CNNIC itself"],
)
def test_who_announced_a_figure_and_who_did_not(sentence: str, credited: str | None) -> None:
    records = read(sentence).records
    assert records
    assert {r.attributed_to for r in records} == {credited}


def test_a_sentence_that_goes_on_with_the_one_before_keeps_its_year_and_credit() -> None:
    reading = read(
        "Data released by China's National Bureau of Statistics on Friday showed that in 2024, "
        "online retail sales reached 15.52 trillion yuan. In particular, online retail sales of "
        "physical goods reached 13.08 trillion yuan.\n\nOnline retail sales of physical goods "
        "reached 12 trillion yuan."
    )
    assert [(r.period, r.attributed_to) for r in reading.records] == [
        ("2024", "National Bureau of Statistics"),
        ("2024", "National Bureau of Statistics"),
        ("2024-12", None),
    ]

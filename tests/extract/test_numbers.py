"""Reading figures out of the seed texts: values, units, precision, spans and qualifiers."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.extract.numbers import (
    Quantity,
    find_quantities,
    is_label_number,
    parse_number,
    unit_from_label,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = Decimal


def only(sentence: str) -> Quantity:
    """The one figure a sentence holds, with its span checked against the sentence."""
    quantities = find_quantities(sentence)
    assert len(quantities) == 1, quantities
    quantity = quantities[0]
    assert sentence[quantity.start : quantity.end] == quantity.text
    return quantity


# (sentence, text, value, unit, precision)
SINGLE_FIGURES = [
    ("China had 1,108 million Internet users", "1,108 million", D(1108000000), "count", D(10**6)),
    ("had reached 1.125 billion by the end", "1.125 billion", D(1125000000), "count", D(10**6)),
    ("我国网民规模达11.25亿人", "11.25亿", D(1125000000), "count", D(10**6)),
    ("我国网民规模达 11.23 亿", "11.23 亿", D(1123000000), "count", D(10**6)),
    ("China has 802 mln online users", "802 mln", D(802000000), "count", D(10**6)),
    ("China's internet users reach 1.125 bln", "1.125 bln", D(1125000000), "count", D(10**6)),
    ("已建成5G基站483.8万座", "483.8万", D(4838000), "count", D(1000)),
    ("生成式人工智能用户规模达6.02亿人", "6.02亿", D(602000000), "count", D(10**6)),
    ("平台用户达9.4亿", "9.4亿", D(940000000), "count", D(10**7)),
    ("新设立中小企业达25.4万户", "25.4万", D(254000), "count", D(1000)),
    ("the penetration rate to 80.1%, according", "80.1%", D("80.1"), "percent", D("0.1")),
    ("climbing to 80.1 percent, according", "80.1 percent", D("80.1"), "percent", D("0.1")),
    ("growth of 80 per cent in", "80 per cent", D(80), "percent", D(1)),
    ("a striking 141.7-percent increase", "141.7-percent", D("141.7"), "percent", D("0.1")),
    ("Beijing 25.19%", "25.19%", D("25.19"), "percent", D("0.01")),
    ("Total 100.00%", "100.00%", D(100), "percent", D("0.01")),
    (
        "a year-on-year increase of 25.2 percentage points",
        "25.2 percentage points",
        D("25.2"),
        "percentage_points",
        D("0.1"),
    ),
    (
        "0.66 percentage point is the",
        "0.66 percentage point",
        D("0.66"),
        "percentage_points",
        D("0.01"),
    ),
    ("同比大幅提高25.2个百分点。", "25.2个百分点", D("25.2"), "percentage_points", D("0.1")),
    (
        "IPv6 addresses had reached 69,148 blocks/32, an",
        "69,148 blocks/32",
        D(69148),
        "blocks_32",
        D(1),
    ),
    ("CNNIC is 28811/32. The", "28811/32", D(28811), "blocks_32", D(1)),
    (
        "traffic totaled 306.6 billion GB, up",
        "306.6 billion GB",
        D(306600000000),
        "gigabytes",
        D(10**8),
    ),
    (
        "lines totaled 71.83 million km, a net",
        "71.83 million km",
        D(71830000),
        "kilometres",
        D(10**4),
    ),
    (
        "cross-border e-commerce import and export was RMB1.88 trillion, up",
        "RMB1.88 trillion",
        D(1880000000000),
        "yuan",
        D(10**10),
    ),
    (
        "Domestic tourists spent a total of RMB4.35 trillion, up",
        "RMB4.35 trillion",
        D(4350000000000),
        "yuan",
        D(10**10),
    ),
    ("It had invested RMB1 billion and", "RMB1 billion", D(10**9), "yuan", D(10**9)),
    (
        "generated 1.53 billion U.S. dollars in revenue",
        "1.53 billion U.S. dollars",
        D(1530000000),
        "usd",
        D(10**7),
    ),
    ("capacity reaching 1,590 EFLOPS, ranking", "1,590 EFLOPS", D(1590), "eflops", D(1)),
    ("online duration was 28.7 hours, up", "28.7 hours", D("28.7"), "hours", D("0.1")),
    ("规模达1.2万亿元", "1.2万亿元", D(1200000000000), "yuan", D(10**11)),
    ("全国2/3的地市达到千兆城市标准", "2/3", D(200) / D(3), "percent", D(100) / D(3)),
    (
        "The first thing that one-third of users opened",
        "one-third",
        D(100) / D(3),
        "percent",
        D(100) / D(3),
    ),
    ("超六成“小巨人”企业深耕工业基础领域", "六成", D(60), "percent", D(10)),
    ("缺陷率降至万分之五。", "万分之五", D("0.05"), "percent", D("0.01")),
    ("缺陷率为千分之三", "千分之三", D("0.3"), "percent", D("0.1")),
    (
        "cut the defect rate from three per thousand",
        "three per thousand",
        D("0.3"),
        "percent",
        D("0.1"),
    ),
    ("to 五 per ten thousand", "五 per ten thousand", D("0.05"), "percent", D("0.01")),
    ("reduce the defect rate to 0.05 percent.", "0.05 percent", D("0.05"), "percent", D("0.01")),
    ("China has established 42 intelligent computing clusters", "42", D(42), "count", D(1)),
    (
        "337,800 multi-functional village-level logistics stations",
        "337,800",
        D(337800),
        "count",
        D(1),
    ),
    ("At present, 3,340 Internet hospitals across the country", "3,340", D(3340), "count", D(1)),
    ("392,386,560", "392,386,560", D(392386560), "count", D(1)),
    ("Active IPv6 user: 8.22", "8.22", D("8.22"), "count", D("0.01")),
    ("-1.3", "-1.3", D("-1.3"), "count", D("0.1")),
    ("2049", "2049", D(2049), "count", D(1)),
    (
        "Proportion of Individuals Using the Internet\t92.0 ^{Note 1}",
        "92.0",
        D(92),
        "count",
        D("0.1"),
    ),
    ("access the Internet reached 119 million.", "119 million", D(119000000), "count", D(10**6)),
    (
        "the size of Chinese netizens was 1108 million, or",
        "1108 million",
        D(1108000000),
        "count",
        D(10**6),
    ),
    (
        "The number of Internet broadband access ports reached 1199 million⁴.",
        "1199 million",
        D(1199000000),
        "count",
        D(10**6),
    ),
    ("建成万卡智算集群42个,位居全球前列", "42", D(42), "count", D(1)),
    ("on the five major social media platforms", "five", D(5), "count", D(1)),
    (
        "the IPv4 addresses 6316032 (96B+96C) of former China Unicom",
        "6316032",
        D(6316032),
        "count",
        D(1),
    ),
    ("a 3 ten thousand scale", "3 ten thousand", D(30000), "count", D(10**4)),
    ("三万人", "三万", D(30000), "count", D(10**4)),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "precision"), SINGLE_FIGURES)
def test_single_figure(
    sentence: str, text: str, value: Decimal, unit: str, precision: Decimal
) -> None:
    quantity = only(sentence)
    assert (quantity.text, quantity.value, quantity.unit, quantity.precision) == (
        text,
        value,
        unit,
        precision,
    )


# (sentence, figure text, qualifier, the qualifier word as written)
QUALIFIED = [
    ("cover more than 330 cities nationwide", "330", "more than", "more than"),
    ("用户规模达1,000多万", "1,000多万", "more than", "多"),
    ("我国网民规模接近10亿", "10亿", "nearly", "接近"),
    ("The number of internet users has crossed 1 billion", "1 billion", "more than", "crossed"),
    ("China topped 1 billion users", "1 billion", "more than", "topped"),
    ("覆盖3000余万户", "3000余万", "more than", "余"),
    ("Over 500 million users utilized Kuaishou Search", "500 million", "more than", "Over"),
    ("capacity exceeding 1,590 EFLOPS", "1,590 EFLOPS", "more than", "exceeding"),
    (
        "subscription revenue of the software Feishu exceeded USD 200 million in 2023",
        "USD 200 million",
        "more than",
        "exceeded",
    ),
    ("and expected to surpass USD 300 million", "USD 300 million", "more than", "surpass"),
    (
        "The internet penetration rate has now surpassed 80 percent",
        "80 percent",
        "more than",
        "surpassed",
    ),
    ("scale was expected to exceed 1.2 trillion yuan", "1.2 trillion yuan", "more than", "exceed"),
    ("a rate above 5% in", "5%", "more than", "above"),
    ("互联网普及率突破80%", "80%", "more than", "突破"),
    ("我国互联网普及率超过80%,农村", "80%", "more than", "超过"),
    ("已覆盖超330个城市", "330", "more than", "超"),
    ("企业超1.76万家", "1.76万", "more than", "超"),
    ("中小企业数量超6000万家", "6000万", "more than", "超"),
    ("用户逾3亿", "3亿", "more than", "逾"),
    ("nearly 80% are embedded", "80%", "nearly", "nearly"),
    ("Nearly 6,000 operate in emerging fields", "6,000", "nearly", "Nearly"),
    ("“小巨人”企业近6000家", "6000", "nearly", "近"),
    ("almost 40% of", "40%", "nearly", "almost"),
    ("close to 90% of", "90%", "nearly", "close to"),
    ("downloads soaring to approximately 730 million", "730 million", "about", "approximately"),
    ("(about 171.39 billion U.S. dollars)", "171.39 billion U.S. dollars", "about", "about"),
    ("settlement for about 2,047,000 people", "2,047,000", "about", "about"),
    ("around 12 cities", "12", "about", "around"),
    ("some 300 cities", "300", "about", "some"),
    ("约5000家", "5000", "about", "约"),
    ("at least 20 provinces", "20", "at least", "at least"),
    ("up by over ten percentage points year-on-year", "ten percentage points", "more than", "over"),
    ("DingTalk had 20-plus product lines", "20-plus", "more than", "plus"),
    ("the touch-it payment served 50-plus cities", "50-plus", "more than", "plus"),
    ("超六成“小巨人”企业", "六成", "more than", "超"),
]


@pytest.mark.parametrize(("sentence", "text", "qualifier", "written"), QUALIFIED)
def test_qualifier(sentence: str, text: str, qualifier: str, written: str) -> None:
    quantity = only(sentence)
    assert quantity.text == text
    assert quantity.qualifier == qualifier
    assert quantity.qualifier_start is not None
    assert sentence[quantity.qualifier_start :].startswith(written)


@pytest.mark.parametrize(
    "sentence",
    [
        "the number of mobile Internet users in China reached 1,105 million",
        "最近3个月",
        "a moreover 5 cases",
        "附近3家",
        "turnover 12 cities",
    ],
)
def test_no_qualifier(sentence: str) -> None:
    quantity = find_quantities(sentence)[-1]
    assert quantity.qualifier is None
    assert quantity.qualifier_start is None


def test_plus_value_is_the_written_number() -> None:
    quantity = only("DingTalk had 20-plus product lines")
    assert (quantity.value, quantity.unit, quantity.precision) == (D(20), "count", D(1))


# (sentence, every figure as (text, value, unit))
MANY_FIGURES = [
    (
        "By December 2024, China had 1,108 million Internet users, an increase of 16.08 million "
        "compared to December 2023. The Internet penetration reached 78.6%, up by 1.1 "
        "percentage points over December 2023.",
        [
            ("1,108 million", D(1108000000), "count"),
            ("16.08 million", D(16080000), "count"),
            ("78.6%", D("78.6"), "percent"),
            ("1.1 percentage points", D("1.1"), "percentage_points"),
        ],
    ),
    (
        "with each making up between 6% and 7%.",
        [("6%", D(6), "percent"), ("7%", D(7), "percent")],
    ),
    (
        "the ratio of male to female among Chinese netizens was 51.1:48.9, which was",
        [("51.1", D("51.1"), "percent"), ("48.9", D("48.9"), "percent")],
    ),
    ("a ratio of 3:2 between", [("3", D(3), "ratio"), ("2", D(2), "ratio")]),
    (
        "That of Internet users aged 50 and above increased to 34.1% from 32.5% in December 2023.",
        [("34.1%", D("34.1"), "percent"), ("32.5%", D("32.5"), "percent")],
    ),
    (
        "the proportions of Internet users aged 10-19, 20-29, 30-39 and 40-49 were 13.0%, "
        "13.1%, 19.0% and 17.1% of the total, respectively.",
        [
            ("13.0%", D(13), "percent"),
            ("13.1%", D("13.1"), "percent"),
            ("19.0%", D(19), "percent"),
            ("17.1%", D("17.1"), "percent"),
        ],
    ),
    (
        "By collecting and analyzing data from 23 major public recursive services worldwide, "
        "14 or 60.9% of them offered IPv6 public recursive services.",
        [("23", D(23), "count"), ("14", D(14), "count"), ("60.9%", D("60.9"), "percent")],
    ),
    (
        "it helped a new energy company cut the defect rate of its production line from three "
        "per thousand to five per ten thousand, said Wang",
        [
            ("three per thousand", D("0.3"), "percent"),
            ("five per ten thousand", D("0.05"), "percent"),
        ],
    ),
    (
        "将新能源电池产线缺陷率从千分之三降至万分之五。",
        [("千分之三", D("0.3"), "percent"), ("万分之五", D("0.05"), "percent")],
    ),
    (
        "《报告》显示,截至2025年12月,生成式人工智能用户规模达6.02亿人,较2024年底增长141.7%;"
        "普及率达42.8%,同比大幅提高25.2个百分点。",
        [
            ("6.02亿", D(602000000), "count"),
            ("141.7%", D("141.7"), "percent"),
            ("42.8%", D("42.8"), "percent"),
            ("25.2个百分点", D("25.2"), "percentage_points"),
        ],
    ),
    (
        "在移动网络方面,已建成5G基站483.8万座,全国所有乡镇以及95%的行政村已通5G,"
        "5G演进网络已覆盖超330个城市。",
        [
            ("483.8万", D(4838000), "count"),
            ("95%", D(95), "percent"),
            ("330", D(330), "count"),
        ],
    ),
    (
        "the scale of the country's core AI industry was expected to exceed 1.2 trillion yuan "
        "(about 171.39 billion U.S. dollars) in 2025.",
        [
            ("1.2 trillion yuan", D(1200000000000), "yuan"),
            ("171.39 billion U.S. dollars", D(171390000000), "usd"),
        ],
    ),
    (
        "As of January 9, over 300,000 three-party payment enterprises and more than 100 "
        "million three-party payment accounts⁴⁷ were registered",
        [("300,000", D(300000), "count"), ("100 million", D(10**8), "count")],
    ),
    (
        "In computing power infrastructure, China has established 42 intelligent computing "
        "clusters each equipped with over 10,000 graphics processing units",
        [("42", D(42), "count"), ("10,000", D(10000), "count")],
    ),
    (
        "In terms of computing infrastructure, 42 ten-thousand-GPU intelligent computing "
        "clusters have been built",
        [("42", D(42), "count")],
    ),
    (
        "the per capita weekly online duration³¹ of China's Internet users was 28.7 hours, up "
        "by 2.6 hours over December 2023.",
        [("28.7 hours", D("28.7"), "hours"), ("2.6 hours", D("2.6"), "hours")],
    ),
    (
        "Short video\t105,330\t96.4\t103,953\t93.8\t-1.3",
        [
            ("105,330", D(105330), "count"),
            ("96.4", D("96.4"), "count"),
            ("103,953", D(103953), "count"),
            ("93.8", D("93.8"), "count"),
            ("-1.3", D("-1.3"), "count"),
        ],
    ),
    (
        "China Unicom\t69,866,752 ^{Note 1}\t4A+42B+21C",
        [("69,866,752", D(69866752), "count")],
    ),
    (
        "the first 42 new immersion experience locations attracted more than 4.3 million "
        "consumers during the May Day holidays, with a total consumption of more than RMB220 "
        "million⁷².",
        [
            ("42", D(42), "count"),
            ("4.3 million", D(4300000), "count"),
            ("RMB220 million", D(220000000), "yuan"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), MANY_FIGURES)
def test_every_figure_in_order(sentence: str, expected: list[tuple[str, Decimal, str]]) -> None:
    quantities = find_quantities(sentence)
    assert [(q.text, q.value, q.unit) for q in quantities] == expected
    for quantity in quantities:
        assert sentence[quantity.start : quantity.end] == quantity.text


def test_ratio_parts_have_their_own_spans() -> None:
    sentence = "was 51.1:48.9, which"
    first, second = find_quantities(sentence)
    assert (first.start, first.end, second.start, second.end) == (4, 8, 9, 13)
    assert first.precision == second.precision == D("0.1")


# Sentences whose numbers are all labels, not figures.
NOT_FIGURES = [
    "By December 2024, the proportions",
    "截至2025年12月,",
    "较2024年底增长",
    "2025年仅一季度就新设立",
    "The Financial Report Q3 2024 showed",
    "the beginning of the 14th Five-Year Plan period (2021–2025).",
    "Data from the 57th Statistical Report",
    "With the 33rd Olympic Games held in Paris",
    "第57次《中国互联网络发展状况统计报告》今天发布",
    "between 9 am and 19 pm",
    "The usage peak of online video apps appeared at 12 am",
    "The peaks occurred at 11-12 pm and 17-18 pm respectively.",
    "from 6 o'clock to 7 o'clock",
    "the number of 5G base stations",
    "5G演进网络已覆盖",
    "the number of IPv6 addresses, and 4G",
    "The number of 10G PON ports with gigabit network service capability",
    "those with .CN, .COM.CN and .中国",
    "satellite 03²⁰ in high orbit and Qianfan Constellation satellites of group 01²¹",
    "to encourage the sales growth of 3C digital and home appliances",
    "During the Jun.18 promotion period",
    "During the Nov.11 promotion period",
    "the number of online video¹ users",
    "China Unicom ^{Note 1}",
    "Note 1: The addresses of China Unicom",
    "Table 1 Development of Basic Internet Resources",
    "Figure 10 Netizen Size",
    "aged 10-19, 20-29, 30-39 and 40-49",
    "Internet usage among people aged 60 and above also expanded",
    "children under the age of 6 were not considered",
    "https://www.miit.gov.cn/jgsj/yxj/xxfb/art/2024/art_42faa762420a4d1ab7160c4d5f1f7b8f.html",
    "the calculation is $0.25/4$.",
    "the corresponding number of addresses is $2^{(128-32)} = 2^{96}$.",
    "Number of IPv6 Addresses (unit: /32^{note 1})",
    "User scale by Dec. 2023 (10,000 people)",
    "1.1 Survey Population",
    "1. Per Capita Weekly Online Duration of Internet Users",
    "  • 1. 本网注明来源为豫经智库",
    "a certain quantity of 4-digit random numbers",
    "vehicles with 60-second customized power exchange",
    "who have used the Internet in the past 6 months.",
    "Over the past three decades, the size",
    "In the first three days of the National Day",
    "The search ads also delivered a multi-fold increase",
    "one of the most popular tourist destinations",
    "make one-key registration",
    "比如一家新能源企业",
    "中小企业是人工智能落地最后一公里的实践者",
    "既为“十四五”收官交出了亮眼答卷",
    "一方面,人工智能自动翻译",
    "让中国文化第一时间同步全球",
    "time: 2026-02-05 16:45:56",
    "please call 010-59116603 (Ms. Hao)",
    "豫ICP备2023003560号",
    "许可证编号:41120200004",
    "请在30日内同本网联系",
    "Copyright © 1987-2024",
    "BEIJING, Feb. 5 (Xinhua)",
    "Chengdu 51web.com Co., Ltd. and Xiamen 35.Com Technology",
    "August 1st Air Demonstration Team returns with J-10 Aerobatics",
    "equivalent to 5.1A.",
    "The deadline of the statistical survey data is Dec 31, 2024.",
    "According to a 2025 report on",
    "users¹",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_labels_are_not_figures(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "token", "label"),
    [
        ("By December 2024, China", "2024", True),
        ("the 55th report", "55", True),
        ("IPv6 addresses", "6", True),
        ("aged 60 and above", "60", True),
        ("from 17 pm to 20 pm", "20", True),
        ("satellite 03", "03", True),
        ("42 intelligent computing clusters", "42", False),
        ("1199 million", "1199", False),
        ("2049", "2049", False),
        ("14 or 60.9% of them", "14", False),
    ],
)
def test_is_label_number(sentence: str, token: str, label: bool) -> None:
    start = sentence.index(token)
    assert is_label_number(sentence, start, start + len(token)) is label


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("1,108", D(1108)),
        ("11.25", D("11.25")),
        ("1199", D(1199)),
        ("392,386,560", D(392386560)),
        (" 33,019,905 ", D(33019905)),
        ("-1.3", D("-1.3")),
        ("三", D(3)),
        ("六", D(6)),
        ("十", D(10)),
        ("十四", D(14)),
        ("二十", D(20)),
        ("两百", D(200)),
        ("一百零五", D(105)),
        ("三万", D(30000)),
        ("一亿三千万", D(130000000)),
        ("two", D(2)),
        ("Five", D(5)),
        ("twenty", D(20)),
        ("nineteen", D(19)),
        ("twenty-five", D(25)),
    ],
)
def test_parse_number(token: str, value: Decimal) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    "token", ["", "abc", "1,10,8", "十四五", "万", "twenty-ten", "二三", "1.2.3"]
)
def test_parse_number_rejects(token: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(token)


@pytest.mark.parametrize(
    ("label", "multiplier", "unit"),
    [
        ("1", D(1), "count"),
        ("100 million", D(10**8), "count"),
        ("10,000 people", D(10**4), "count"),
        ("(10,000 people)", D(10**4), "count"),
        ("User scale by Dec. 2023 (10,000 people)", D(10**4), "count"),
        ("ten thousand", D(10**4), "count"),
        ("万人", D(10**4), "count"),
        ("亿", D(10**8), "count"),
        ("Block/32", D(1), "blocks_32"),
        ("/32", D(1), "blocks_32"),
        ("(unit: /32^{note 1})", D(1), "blocks_32"),
        ("%", D(1), "percent"),
        ("Growth rate (%)", D(1), "percent"),
        ("KB", D(1), "kilobytes"),
        ("Average Web Page Size (KB)", D(1), "kilobytes"),
        ("Page", D(1), "pages"),
        ("GB", D(1), "gigabytes"),
        ("km", D(1), "kilometres"),
        ("hours", D(1), "hours"),
        ("EFLOPS", D(1), "eflops"),
        ("yuan", D(1), "yuan"),
        ("USD", D(1), "usd"),
        ("percentage points", D(1), "percentage_points"),
        ("个百分点", D(1), "percentage_points"),
        ("ratio", D(1), "ratio"),
    ],
)
def test_unit_from_label(label: str, multiplier: Decimal, unit: str) -> None:
    assert unit_from_label(label) == (multiplier, unit)


@pytest.mark.parametrize(
    "label", ["Unit", "", "Number", "8.22", "3 million", "Percentage Increase from December 2023"]
)
def test_unit_from_label_names_an_unknown_label(label: str) -> None:
    with pytest.raises(ValueError, match="unknown unit label") as error:
        unit_from_label(label)
    assert repr(label) in str(error.value)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_seed_spans_are_ordered_and_exact(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    quantities = find_quantities(text)
    assert quantities
    for previous, quantity in pairwise(quantities):
        assert previous.end <= quantity.start
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.precision > 0
        assert quantity.qualifier_start is None or quantity.qualifier is not None


@given(st.text())
def test_any_text_reads_without_error(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text

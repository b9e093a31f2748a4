"""A small, realistic data set for the API tests, inserted through the ORM.

The texts are excerpts of the real sources; every citation and note is found in its text, so
``quote == text[start:end]`` holds as it does for the seed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.seed.releases import record_release, snapshot
from app.seed.summaries import summarise
from app.seed.vintages import mark_preferred
from app.store.models import (
    Citation,
    DatasetVersion,
    DimensionLabel,
    Indicator,
    Note,
    Observation,
    ObservationDimension,
    Report,
    SearchWord,
    Source,
)

TEXTS = {
    "cnnic-55-en": (
        "Core Data\n\n"
        "- ◇ By December 2024, China had 1,108 million Internet users, an increase of 16.08 "
        "million compared to December 2023. The Internet penetration reached 78.6%, up by 1.1 "
        "percentage points over December 2023.\n"
        "- ◇ Up to December 2024, China had 33.02 million domain names, of which those with .CN "
        "were 20.82 million.\n"
        "- ◇ Up to December 2024, China had 249 million users of generative artificial "
        "intelligence (Generative AI), accounting for 17.7% of the Chinese population.\n\n"
        "As of November 2024, the number of 5G base stations totaled 4.191 million, accounting "
        "for 33.2% of all mobile base stations.\n\n"
        "The Internet penetration in urban areas was 85.3%, an increase of 1.9 percentage points "
        "from December 2023. The Internet penetration in rural areas was 65.6%²⁶.\n\n"
        "²⁶ The rural Internet penetration is resulted from the latest rural population size "
        "calculated by China's National Bureau of Statistics (NBS) in 2024.\n"
    ),
    "cnnic-57-ecns-en": (
        " date 2026-02-05 (ECNS) — The number of internet users in China reached 1.125 billion "
        "by the end of December 2025, pushing the country's internet penetration rate to 80.1%, "
        "according to an industry report released Thursday.\n\n"
        "By the end of 2025, China's internet penetration rate was up 9.7 percentage points from "
        "the beginning of the 14th Five-Year Plan period (2021–2025). Rural internet penetration "
        "rose to 69.5%, an increase of 13.6 percentage points over the same period.\n\n"
        "In terms of mobile networks, the country has built 4.838 million 5G base stations, with "
        "5G coverage extending to all townships and 95% of administrative villages.\n\n"
        "By the end of 2025, the number of users of generative artificial intelligence in China "
        "had reached 602 million, up 141.7% from the end of 2024.\n"
    ),
    "cnnic-57-xinhua-en": (
        "BEIJING, Feb. 5 (Xinhua) -- China had 1.125 billion internet users by the end of 2025, "
        "with the penetration rate climbing to 80.1 percent, according to an official industry "
        "report.\n"
        "According to the Ministry of Industry and Information Technology earlier this year, "
        "China had more than 6,000 artificial intelligence (AI) enterprises last year.\n"
        "In the first quarter of 2025, a total of 254,000 new SMEs specializing in AI software "
        "R&D were established in China, the report added.\n"
        "According to data from China Netcasting Services Association, the overseas market for "
        "micro-series generated 1.53 billion U.S. dollars in revenue from January to August in "
        "2025.\n"
    ),
    "cnnic-57-chinadaily-en": (
        "By the end of last year, the number of internet users in China had reached 1.125 "
        "billion. The internet penetration rate has now surpassed 80 percent.\n"
    ),
    "cnnic-57-cctv-zh": (
        "第57次《中国互联网络发展状况统计报告》今天发布。报告显示,截至2025年12月,"
        "我国网民规模达11.25亿人,互联网普及率突破80%,数字发展成果惠及更广泛群体。\n"
    ),
}

SOURCES = {
    "cnnic-55-en": ("cnnic-55", "004_65db08e511ec9519.txt", "en", "CNNIC", "2025-01"),
    "cnnic-57-ecns-en": ("cnnic-57", "000_632209b57b0e2c2c.txt", "en", "ECNS", "2026-02-05"),
    "cnnic-57-xinhua-en": ("cnnic-57", "001_9d474e672f3dc305.txt", "en", "Xinhua", "2026-02-05"),
    "cnnic-57-chinadaily-en": (
        "cnnic-57",
        "002_3108bb7e5b22c27d.txt",
        "en",
        "China Daily",
        "2026-02-05",
    ),
    "cnnic-57-cctv-zh": ("cnnic-57", "003_53fc49c7e80a8e29.txt", "zh", "CCTV", "2026-02-05"),
}

# code, name, name_zh, unit, category
INDICATORS = [
    ("internet_users", "Internet users", "网民规模", "persons", "internet_users"),
    ("internet_penetration", "Internet penetration rate", "互联网普及率", "percent",
     "internet_users"),
    ("generative_ai_users", "Generative AI users", "生成式人工智能用户规模", "persons",
     "artificial_intelligence"),
    ("ai_enterprises", "Artificial intelligence enterprises", "人工智能企业数量", "enterprises",
     "artificial_intelligence"),
    ("base_stations_5g", "5G base stations", "5G基站数量", "stations", "infrastructure"),
    ("ipv6_addresses", "IPv6 addresses", "IPv6地址数量", "blocks_32", "infrastructure"),
    ("domain_names", "Domain names", "域名数量", "domains", "domain_names"),
    ("new_ai_software_smes", "New AI software SMEs established",
     "新设立人工智能软件研发类中小企业", "enterprises", "enterprises"),
    ("micro_series_overseas_revenue", "Overseas revenue of micro-series", "微短剧海外市场收入",
     "usd", "culture"),
]  # fmt: skip

# What the catalogue says of them beyond their names, as the seed writes it.
TERMS = {
    "internet_users": ["Internet users", "netizens", "网民规模", "网民"],
    "base_stations_5g": ["5G base stations", "5G基站"],
}
DESCRIPTIONS_ZH = {"internet_users": "半年内使用过互联网的6周岁及以上中国居民。"}
# dimension, value, Chinese label, names
LABELS = [
    ("area", "rural", "农村", ["rural", "农村"]),
    ("area", "urban", "城镇", ["urban", "城镇"]),
    ("tld", ".CN", None, [".CN"]),
]
STOP_WORDS = ["the", "of", "number", "china", "的", "中国"]
SYNONYMS = {"online population": ["Internet users"], "网友": ["网民"]}


@dataclass(frozen=True)
class Fact:
    """One observation of the fixture, with its evidence as (source, quote, as_reported)."""

    indicator: str
    period: str
    value: float
    report: str
    cites: list[tuple[str, str, str]]
    dimensions: dict[str, str] = field(default_factory=dict)
    status: str = "reported"
    qualifier: str | None = None
    attributed_to: str | None = None
    derivation: dict[str, Any] | None = None
    notes: list[tuple[str, str, str]] = field(default_factory=list)


GENAI_2024_DERIVED = round(602_000_000 / 2.417)

NBS_NOTE = (
    "The rural Internet penetration is resulted from the latest rural population size "
    "calculated by China's National Bureau of Statistics (NBS) in 2024."
)

FACTS = [
    Fact("internet_users", "2024-12", 1_108_000_000, "cnnic-55", [
        ("cnnic-55-en", "By December 2024, China had 1,108 million Internet users",
         "1,108 million")]),
    Fact("internet_users", "2023-12", 1_091_920_000, "cnnic-55", [
        ("cnnic-55-en", "an increase of 16.08 million compared to December 2023",
         "16.08 million")],
        status="derived",
        derivation={"method": "level minus change",
                    "formula": "1,108 million − 16.08 million", "inputs": [
            {"indicator": "internet_users", "dimensions": {}, "period": "2024-12",
             "report": "cnnic-55"},
            {"indicator": "internet_users_change", "dimensions": {"compared_with": "2023-12"},
             "period": "2024-12", "report": "cnnic-55"}]}),
    Fact("internet_users", "2025-12", 1_125_000_000, "cnnic-57", [
        ("cnnic-57-ecns-en", "The number of internet users in China reached 1.125 billion",
         "1.125 billion"),
        ("cnnic-57-xinhua-en", "China had 1.125 billion internet users by the end of 2025",
         "1.125 billion"),
        ("cnnic-57-chinadaily-en",
         "the number of internet users in China had reached 1.125 billion", "1.125 billion"),
        ("cnnic-57-cctv-zh", "我国网民规模达11.25亿人", "11.25亿人")]),
    Fact("internet_penetration", "2024-12", 78.6, "cnnic-55", [
        ("cnnic-55-en", "The Internet penetration reached 78.6%", "78.6%")]),
    Fact("internet_penetration", "2025-12", 80.1, "cnnic-57", [
        ("cnnic-57-ecns-en", "pushing the country's internet penetration rate to 80.1%",
         "80.1%")]),
    Fact("internet_penetration", "2024-12", 65.6, "cnnic-55", [
        ("cnnic-55-en", "The Internet penetration in rural areas was 65.6%", "65.6%")],
        dimensions={"area": "rural"}, notes=[("definition", "cnnic-55-en", NBS_NOTE)]),
    Fact("internet_penetration", "2025-12", 69.5, "cnnic-57", [
        ("cnnic-57-ecns-en", "Rural internet penetration rose to 69.5%", "69.5%")],
        dimensions={"area": "rural"}),
    Fact("internet_penetration", "2024-12", 85.3, "cnnic-55", [
        ("cnnic-55-en", "The Internet penetration in urban areas was 85.3%", "85.3%")],
        dimensions={"area": "urban"}),
    Fact("generative_ai_users", "2024-12", 249_000_000, "cnnic-55", [
        ("cnnic-55-en", "China had 249 million users of generative artificial intelligence",
         "249 million")]),
    Fact("generative_ai_users", "2024-12", GENAI_2024_DERIVED, "cnnic-57", [
        ("cnnic-57-ecns-en", "602 million, up 141.7% from the end of 2024", "141.7%")],
        status="derived",
        derivation={"method": "level divided by (1 + growth rate)",
                    "formula": "602 million / (1 + 141.7%)", "inputs": [
            {"indicator": "generative_ai_users", "dimensions": {}, "period": "2025-12",
             "report": "cnnic-57"},
            {"indicator": "generative_ai_users_growth", "dimensions": {}, "period": "2025-12",
             "report": "cnnic-57"}]}),
    Fact("generative_ai_users", "2025-12", 602_000_000, "cnnic-57", [
        ("cnnic-57-ecns-en", "had reached 602 million", "602 million")]),
    Fact("base_stations_5g", "2024-11", 4_191_000, "cnnic-55", [
        ("cnnic-55-en",
         "As of November 2024, the number of 5G base stations totaled 4.191 million",
         "4.191 million")]),
    Fact("base_stations_5g", "2025-12", 4_838_000, "cnnic-57", [
        ("cnnic-57-ecns-en", "the country has built 4.838 million 5G base stations",
         "4.838 million")]),
    Fact("domain_names", "2024-12", 33_020_000, "cnnic-55", [
        ("cnnic-55-en", "China had 33.02 million domain names", "33.02 million")]),
    Fact("domain_names", "2024-12", 20_820_000, "cnnic-55", [
        ("cnnic-55-en", "of which those with .CN were 20.82 million", "20.82 million")],
        dimensions={"tld": ".CN"}),
    Fact("ai_enterprises", "2025", 6000, "cnnic-57", [
        ("cnnic-57-xinhua-en",
         "China had more than 6,000 artificial intelligence (AI) enterprises last year",
         "6,000")],
        qualifier="more than", attributed_to="Ministry of Industry and Information Technology"),
    Fact("new_ai_software_smes", "2025-Q1", 254_000, "cnnic-57", [
        ("cnnic-57-xinhua-en",
         "In the first quarter of 2025, a total of 254,000 new SMEs specializing in AI "
         "software R&D were established", "254,000")]),
    Fact("micro_series_overseas_revenue", "2025-01/2025-08", 1_530_000_000, "cnnic-57", [
        ("cnnic-57-xinhua-en",
         "micro-series generated 1.53 billion U.S. dollars in revenue from January to August "
         "in 2025", "1.53 billion U.S. dollars")],
        attributed_to="China Netcasting Services Association"),
]  # fmt: skip


def period_days(period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an ISO 8601 period as the seed writes them."""
    if "/" in period:
        first, last = period.split("/")
        return period_days(first)[0], period_days(last)[1]
    if "-Q" in period:
        year, quarter = period.split("-Q")
        first_month = 3 * int(quarter) - 2
        return dt.date(int(year), first_month, 1), period_days(f"{year}-{first_month + 2:02d}")[1]
    parts = [int(part) for part in period.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return dt.date(parts[0], parts[1], 1), following - dt.timedelta(days=1)
    day = dt.date(*parts)
    return day, day


def dimensions_key(dimensions: dict[str, str]) -> str:
    return json.dumps(dimensions, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


EDITIONS = {"cnnic-55": 55, "cnnic-57": 57}


def add_observation(session: Session, fact: Fact) -> Observation:
    """Insert ``fact`` with its citations, notes and dimension rows, then mark the preferred
    vintages and summarise the indicators again."""
    start, end = period_days(fact.period)
    observation = Observation(
        indicator_code=fact.indicator,
        dimensions=fact.dimensions,
        dimensions_key=dimensions_key(fact.dimensions),
        period=fact.period,
        period_start=start,
        period_end=end,
        value=float(fact.value),
        report_id=fact.report,
        edition=EDITIONS[fact.report],
        preferred=False,
        status=fact.status,
        as_reported=fact.cites[0][2],
        qualifier=fact.qualifier,
        attributed_to=fact.attributed_to,
        derivation=fact.derivation,
    )
    for source, quote, as_reported in fact.cites:
        offset = TEXTS[source].index(quote)
        observation.citations.append(
            Citation(
                source_id=source,
                quote=quote,
                start=offset,
                end=offset + len(quote),
                as_reported=as_reported,
            )
        )
    for kind, source, quote in fact.notes:
        offset = TEXTS[source].index(quote)
        observation.notes.append(
            Note(kind=kind, source_id=source, quote=quote, start=offset, end=offset + len(quote))
        )
    observation.dimension_rows = [
        ObservationDimension(name=name, value=value) for name, value in fact.dimensions.items()
    ]
    session.add(observation)
    session.flush()
    mark_preferred(session)
    summarise(session)
    return observation


SEEDED_AT = "2026-02-06T00:00:00Z"


def set_version(engine: Engine, version: str, seeded_at: str = SEEDED_AT) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(DatasetVersion, 1)
        if row is None:
            session.add(DatasetVersion(id=1, version=version, seeded_at=seeded_at))
        else:
            row.version = version
            row.seeded_at = seeded_at


def release(
    engine: Engine, version: str, seeded_at: str, change: Callable[[Session], object]
) -> None:
    """Change the data as a seed would: ``change`` it, record what changed as the release of
    ``version`` seeded at ``seeded_at``, and serve that version, in one transaction."""
    with Session(engine) as session, session.begin():
        before = snapshot(session)
        change(session)
        session.flush()
        mark_preferred(session)
        summarise(session)
        record_release(session, before, version=version, seeded_at=seeded_at)
    set_version(engine, version, seeded_at)


def seed(engine: Engine) -> None:
    """The fixture's data set, in one transaction: release 1, everything added."""
    with Session(engine) as session, session.begin():
        before = snapshot(session)
        session.add_all(
            [
                Report(
                    id="cnnic-55",
                    title="The 55th Statistical Report on China's Internet Development",
                    publisher="China Internet Network Information Center (CNNIC)",
                    edition=55,
                    published="2025-01",
                ),
                Report(
                    id="cnnic-57",
                    title="The 57th Statistical Report on China's Internet Development",
                    publisher="China Internet Network Information Center (CNNIC)",
                    edition=57,
                    published="2026-02-05",
                ),
            ]
        )
        session.flush()
        for source_id, (report, file, language, publisher, published) in SOURCES.items():
            text = TEXTS[source_id]
            session.add(
                Source(
                    id=source_id,
                    report_id=report,
                    file=file,
                    title=f"{publisher} on the {report} report",
                    publisher=publisher,
                    published=published,
                    language=language,
                    sha256=hashlib.sha256(text.encode()).hexdigest(),
                    text=text,
                )
            )
        for code, name, name_zh, unit, category in INDICATORS:
            session.add(
                Indicator(
                    code=code,
                    name=name,
                    name_zh=name_zh,
                    description=f"{name}, as CNNIC counts them.",
                    description_zh=DESCRIPTIONS_ZH.get(code),
                    unit=unit,
                    category=category,
                    terms=TERMS.get(code, []),
                )
            )
        session.add_all(
            [
                *(
                    DimensionLabel(dimension=dimension, value=value, label_zh=zh, names=names)
                    for dimension, value, zh, names in LABELS
                ),
                *(SearchWord(kind="stop", phrase=word, means=[]) for word in STOP_WORDS),
                *(SearchWord(kind="synonym", phrase=k, means=v) for k, v in SYNONYMS.items()),
            ]
        )
        session.flush()
        for fact in FACTS:
            add_observation(session, fact)
        record_release(session, before, version="fixture-1", seeded_at=SEEDED_AT)
    set_version(engine, "fixture-1")


def add_yearly_values(session: Session, years: range) -> None:
    """One 5G base station count for each of ``years``: enough rows to cross pages."""
    for year in years:
        add_observation(
            session,
            Fact(
                "base_stations_5g",
                str(year),
                year,
                "cnnic-55",
                [("cnnic-55-en", "5G base stations", "5G")],
            ),
        )

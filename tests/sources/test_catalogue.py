"""The indicator catalogue: the real file, files that must be refused, and finding its terms."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.extract.terms import TermFinder, TermHit
from app.sources.catalogue import (
    CHANGE_SUFFIX,
    GAP_SUFFIX,
    GROWTH_SUFFIX,
    Catalogue,
    CatalogueError,
    load_catalogue,
)
from tests.conftest import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
CATALOGUE_FILE = SEEDS / "catalogue.yaml"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CATALOGUE_FILE)


@pytest.fixture(scope="module")
def finder(catalogue: Catalogue) -> TermFinder:
    return TermFinder(catalogue)


def _indicator(code: str, unit: str = "persons", **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name": code.replace("_", " ").capitalize(),
        "name_zh": "指标",
        "unit": unit,
        "category": "internet_users",
        "description": f"The {code}.",
        **extra,
    }


SMALL: dict[str, Any] = {
    "dimensions": {
        "area": {"rural": ["rural", "农村"], "urban": ["urban"]},
        "gender": {"male": ["male"], "female": ["female"]},
    },
    "bodies": {"Baidu": ["Baidu"]},
    "indicators": [
        _indicator(
            "internet_users",
            share="internet_users_share",
            rate="internet_penetration",
            terms=["Internet users", "{area} Internet users"],
        ),
        _indicator("internet_users_share", "percent"),
        _indicator("internet_penetration", "percent", counts="internet_users"),
    ],
    "tables": [
        {"title": "Internet Users by Area", "indicator": "internet_users", "row_dimension": "area"},
        {
            "title": "Growth of Internet Users",
            "row_dimension": "area",
            "columns": [{"header": "Growth rate", "indicator": "internet_users_growth"}],
        },
    ],
}


def write(tmp_path: Path, content: dict[str, Any] | str) -> Path:
    path = tmp_path / "catalogue.yaml"
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def edited(change: Any) -> dict[str, Any]:
    content = copy.deepcopy(SMALL)
    change(content)
    return content


# --- the real file --------------------------------------------------------------------------


def test_the_real_catalogue_loads(catalogue: Catalogue) -> None:
    assert catalogue.indicators["internet_users"].unit == "persons"
    assert catalogue.indicators["web_page_size"].unit == "kilobytes"
    assert catalogue.dimension_value("province", "Yunan") == "Yunnan"
    assert catalogue.dimension_value("region", "MACAU") == "Macao"
    assert catalogue.dimension_value("application", "Live broadcasting") == "live streaming"
    assert catalogue.dimension_value("province", "Atlantis") is None
    assert [t.title for t in catalogue.tables][:2] == [
        "Development of Basic Internet Resources",
        "Number of Domain Names by Category",
    ]


def test_the_real_catalogue_expands_every_template_term(catalogue: Catalogue) -> None:
    rural = [t for t in catalogue.terms if t.phrase == "rural Internet users"]
    assert [(t.indicator, t.dimensions) for t in rural] == [
        ("internet_users", (("area", "rural"),))
    ]
    assert not [t for t in catalogue.terms if "{" in t.phrase]


def test_change_indicators_exist_for_every_indicator(catalogue: Catalogue) -> None:
    raw = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))
    codes = [spec["code"] for spec in raw["indicators"]]
    assert len(codes) > 40
    shares = [spec["code"] for spec in raw["indicators"] if spec["unit"] == "percent"]
    assert set(catalogue.indicators) == {
        *codes,
        *(code + CHANGE_SUFFIX for code in codes),
        *(code + GROWTH_SUFFIX for code in codes),
        *(code + GAP_SUFFIX for code in shares),
    }
    for code in codes:
        base = catalogue.indicators[code]
        change = catalogue.indicators[code + CHANGE_SUFFIX]
        growth = catalogue.indicators[code + GROWTH_SUFFIX]
        expected = "percentage_points" if base.unit == "percent" else base.unit
        assert change.unit == expected, code
        assert growth.unit == "percent", code
        assert (change.category, growth.category) == (base.category, base.category)
        assert change.terms == growth.terms == []


def test_the_real_catalogue_links_only_known_indicators(catalogue: Catalogue) -> None:
    for spec in catalogue.indicators.values():
        for linked in (spec.share, spec.rate, spec.counts):
            assert linked is None or linked in catalogue.indicators, spec.code


def test_a_gap_indicator_is_in_percentage_points_of_its_share(catalogue: Catalogue) -> None:
    gap = catalogue.indicators["population_share_gap"]
    assert (gap.unit, gap.category, gap.terms) == ("percentage_points", "internet_users", [])


def test_every_name_of_an_event_gives_its_period(catalogue: Catalogue) -> None:
    assert catalogue.events["Paris Olympics"] == "2024-07/2024-08"
    assert catalogue.events["Olympic Games held in Paris"] == "2024-07/2024-08"
    assert catalogue.events["National Day"] == "--10"


def test_body_names_a_known_body_in_longer_text(catalogue: Catalogue) -> None:
    assert (
        catalogue.body("China's Ministry of Industry and Information Technology")
        == "Ministry of Industry and Information Technology"
    )
    assert catalogue.body("Baidu Online Network Technology (Beijing) Co., Ltd.") == "Baidu"
    assert catalogue.body("Feigua") is None


# --- files that must be refused -------------------------------------------------------------


def test_a_small_valid_file_loads(tmp_path: Path) -> None:
    loaded = load_catalogue(write(tmp_path, SMALL))
    assert set(loaded.indicators) >= {"internet_users", "internet_users_growth"}
    phrases = {(t.phrase, t.indicator, t.dimensions) for t in loaded.terms}
    assert ("农村 Internet users", "internet_users", (("area", "rural"),)) in phrases
    assert ("male", None, (("gender", "male"),)) in phrases


BAD_FILES = [
    (
        "a share links to an unknown indicator",
        lambda c: c["indicators"][0].update(share="internet_users_ratio"),
        "internet_users: links to unknown indicator 'internet_users_ratio'",
    ),
    (
        "a rate links to an unknown indicator",
        lambda c: c["indicators"][0].update(rate="penetration"),
        "internet_users: links to unknown indicator 'penetration'",
    ),
    (
        "counts links to an unknown indicator",
        lambda c: c["indicators"][2].update(counts="users"),
        "internet_penetration: links to unknown indicator 'users'",
    ),
    (
        "a term names an unknown dimension",
        lambda c: c["indicators"][0]["terms"].append("{region} Internet users"),
        "internet_users: term '{region} Internet users' names no dimension 'region'",
    ),
    (
        "share dimensions name an unknown dimension",
        lambda c: c["indicators"][0].update(share_dimensions={"device": "mobile phone"}),
        "internet_users: unknown dimension 'device'",
    ),
    (
        "a place names an unknown dimension",
        lambda c: c["indicators"][0].update(located_by="province"),
        "internet_users: unknown dimension 'province'",
    ),
    (
        "a breakdown given for names an unknown dimension",
        lambda c: c["indicators"][0].update(given_for="application"),
        "internet_users: unknown dimension 'application'",
    ),
    (
        "a duplicate code",
        lambda c: c["indicators"].append(_indicator("internet_users")),
        "catalogue.yaml: indicator 'internet_users' is defined twice",
    ),
    (
        "a table names an unknown indicator",
        lambda c: c["tables"][0].update(indicator="netizens"),
        "table 'Internet Users by Area': unknown indicator 'netizens'",
    ),
    (
        "a table column names an unknown indicator",
        lambda c: c["tables"][1]["columns"].append({"header": "Users", "indicator": "users"}),
        "table 'Growth of Internet Users': unknown indicator 'users'",
    ),
    (
        "a table names an unknown row dimension",
        lambda c: c["tables"][0].update(row_dimension="province"),
        "table 'Internet Users by Area': unknown dimension 'province'",
    ),
    (
        "a table reads rows as a dimension but names none",
        lambda c: c["tables"][0].pop("row_dimension"),
        "table 'Internet Users by Area' reads rows as a dimension but names none",
    ),
    (
        "a table's rows are neither dimension nor indicator",
        lambda c: c["tables"][0].update(rows="column"),
        "rows must be 'dimension' or 'indicator', not 'column'",
    ),
    (
        "an unknown field",
        lambda c: c["indicators"][0].update(synonyms=["netizens"]),
        "indicators.0.synonyms\n  Extra inputs are not permitted",
    ),
    (
        "a code that is not snake case",
        lambda c: c["indicators"][1].update(code="Internet-Users-Share"),
        "indicators.1.code\n  String should match pattern",
    ),
    (
        "an event's period is no period",
        lambda c: c.update(events={"July 2024": ["Paris Olympics"]}),
        "catalogue.yaml: event period 'July 2024'",
    ),
    (
        "a yearly event in no month",
        lambda c: c.update(events={"--13": ["National Day"]}),
        "catalogue.yaml: event period '--13'",
    ),
    (
        "a synonym leads to words the catalogue does not write",
        lambda c: c.update(search={"synonyms": {"smartphone": ["mobile phone"]}}),
        "search: synonym 'smartphone': the catalogue writes 'mobile phone' nowhere",
    ),
    (
        "a synonym is read as itself",
        lambda c: c.update(search={"synonyms": {"Rural": ["rural"]}}),
        "synonym 'Rural' is read as itself",
    ),
    (
        "a synonym is a stop word",
        lambda c: c.update(
            search={"stop_words": ["netizens"], "synonyms": {"netizens": ["users"]}}
        ),
        "synonym 'netizens' is a stop word",
    ),
    (
        "a stop word of two words",
        lambda c: c.update(search={"stop_words": ["number of"]}),
        "a stop word is one word, not 'number of'",
    ),
    (
        "a stop word twice",
        lambda c: c.update(search={"stop_words": ["the", "The"]}),
        "stop word 'The' is listed twice",
    ),
    (
        "a name made of stop words only",
        lambda c: c.update(search={"stop_words": ["internet", "users"]}),
        "search: indicator name 'Internet users' is made of stop words only",
    ),
    (
        "a Chinese name made of stop words only",
        lambda c: c.update(search={"stop_words": ["指标"]}),
        "indicator name '指标' is made of stop words only",
    ),
    (
        "a missing section",
        lambda c: c.pop("bodies"),
        "catalogue.yaml: 1 validation error for CatalogueFile\nbodies\n  Field required",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_a_bad_file_is_refused_with_a_message_naming_the_problem(
    tmp_path: Path, change: Any, message: str
) -> None:
    with pytest.raises(CatalogueError) as refused:
        load_catalogue(write(tmp_path, edited(change)))
    assert message in str(refused.value)


def test_invalid_yaml_is_refused_naming_the_file_and_the_place(tmp_path: Path) -> None:
    path = write(tmp_path, "dimensions:\n  area: {rural: [rural]\nbodies: {}\n")
    with pytest.raises(CatalogueError, match=r"^catalogue\.yaml: ") as refused:
        load_catalogue(path)
    assert isinstance(refused.value.__cause__, yaml.YAMLError)
    assert "line" in str(refused.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match=r"^catalogue\.yaml: .*No such file"):
        load_catalogue(tmp_path / "catalogue.yaml")


def test_the_search_section_is_optional_and_read_when_given(tmp_path: Path) -> None:
    assert load_catalogue(write(tmp_path, SMALL)).search.synonyms == {}
    words = {"stop_words": ["of"], "synonyms": {"netizens": ["Internet users"], "乡村": ["农村"]}}
    loaded = load_catalogue(write(tmp_path, {**SMALL, "search": words}))
    assert loaded.search.stop_words == ["of"]
    assert loaded.search.synonyms["乡村"] == ["农村"]


def test_the_real_synonyms_lead_to_the_catalogues_words(catalogue: Catalogue) -> None:
    assert catalogue.search.synonyms["smartphone"] == ["mobile phone"]
    assert catalogue.search.synonyms["网民"] == ["网民规模"]
    assert "的" in catalogue.search.stop_words
    assert "规模" not in catalogue.search.stop_words  # 网民规模 is a name


def test_a_value_is_labelled_in_chinese_by_its_first_chinese_name(catalogue: Catalogue) -> None:
    assert catalogue.zh_label("area", "rural") == "农村"
    assert catalogue.zh_label("device", "mobile phone") == "手机"
    assert catalogue.zh_label("age_group", "60+") == "60岁及以上"
    assert catalogue.zh_label("province", "Beijing") is None
    assert catalogue.zh_label("no_such_dimension", "x") is None


def test_made_indicators_are_described_in_both_languages(catalogue: Catalogue) -> None:
    change = catalogue.indicators["internet_users" + CHANGE_SUFFIX]
    gap = catalogue.indicators["internet_penetration" + GAP_SUFFIX]
    assert change.description_zh is not None
    assert change.description_zh.startswith("网民规模相对`compared_with`")
    assert gap.description_zh is not None
    assert gap.description_zh.startswith("互联网普及率减去")
    assert catalogue.indicators["internet_users"].description_zh == (
        "半年内使用过互联网的6周岁及以上中国居民。"
    )


def test_a_table_may_name_a_change_indicator(tmp_path: Path) -> None:
    loaded = load_catalogue(write(tmp_path, SMALL))
    (growth_table,) = [t for t in loaded.tables if t.title == "Growth of Internet Users"]
    assert growth_table.columns[0].indicator == "internet_users_growth"
    assert loaded.indicators["internet_users_growth"].unit == "percent"


# --- finding terms --------------------------------------------------------------------------


def found(finder: TermFinder, text: str) -> list[tuple[str, set[tuple[str | None, Any]]]]:
    """Each hit as the text it covers and the (indicator, breakdown) pairs it may stand for."""
    hits: list[TermHit] = finder.find(text)
    return [(text[h.start : h.end], {(t.indicator, t.dimensions) for t in h.terms}) for h in hits]


USERS = ("internet_users", ())
RURAL_USERS = ("internet_users", (("area", "rural"),))

TERM_CASES = [
    ("case does not matter", "INTERNET USERS grew", [("INTERNET USERS", {USERS})]),
    (
        "a footnote mark inside a phrase",
        "the number of online video¹ users",
        [
            (
                "online video¹ users",
                {("application_users", (("application", "online video"),))},
            )
        ],
    ),
    (
        "spacing and line breaks do not matter",
        "Internet  \n users",
        [("Internet  \n users", {USERS})],
    ),
    (
        "the longest phrase at a place wins",
        "rural Internet users",
        [("rural Internet users", {RURAL_USERS})],
    ),
    (
        "the leftmost phrase wins over one inside it",
        "non-Internet users",
        [("non-Internet users", {("non_internet_users", ())})],
    ),
    (
        ".CN does not match inside .COM.CN",
        "under .COM.CN",
        [(".COM.CN", {(None, (("cn_category", ".COM.CN"),))})],
    ),
    (
        ".CN matches at the end of a host name",
        "example.CN",
        [(".CN", {(None, (("tld", ".CN"),)), (None, (("cn_category", ".CN"),))})],
    ),
    ("a phrase must end on a word boundary", ".CNX and Internet usersX", []),
    ("a phrase must start on a word boundary", "CCTV", []),
    ("female is not male", "female", [("female", {(None, (("gender", "female"),))})]),
    ("words run together are not a phrase", "internetusers", []),
    (
        "Chinese has no word boundaries: the longest at the leftmost place",
        "手机网民规模",
        [("手机网民", {("mobile_internet_users", ())})],
    ),
    (
        "a word hyphenated across a line break is one word",
        "the transaction volume of Didachuxing's ride-\n\nsharing services",
        [
            (
                "transaction volume of Didachuxing's ride-\n\nsharing services",
                {("didachuxing_ride_sharing_transactions", ())},
            )
        ],
    ),
    (
        "a hyphen and a space on one line do not join",
        "the transaction volume of Didachuxing's ride- sharing services",
        [],
    ),
    (
        "several phrases in order",
        "netizens and 5G base stations",
        [("netizens", {USERS}), ("5G base stations", {("base_stations_5g", ())})],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [case[1:] for case in TERM_CASES],
    ids=[case[0] for case in TERM_CASES],
)
def test_term_finder(finder: TermFinder, text: str, expected: list[Any]) -> None:
    assert found(finder, text) == expected


def test_a_hit_across_a_footnote_mark_keeps_offsets_into_the_text(finder: TermFinder) -> None:
    text = "As of 2024, online video¹ users grew."
    (hit,) = finder.find(text)
    assert (hit.start, hit.end) == (text.index("online"), text.index(" grew"))
    assert hit.dimension_values("application") == ["online video"]
    assert [t.indicator for t in hit.indicator_terms] == ["application_users"]


def test_a_ratio_phrase_names_both_values_in_order(finder: TermFinder) -> None:
    (hit,) = finder.find("the ratio of male to female among Chinese netizens")
    assert hit.dimension_values("gender") == ["male", "female"]
    assert hit.dimension_values("area") == []


@pytest.mark.parametrize(
    ("code", "period", "expected"),
    [
        ("internet_users", "2024", "2024-12"),  # a count of people at a time: the year's end
        ("internet_penetration", "2024", "2024-12"),  # the rate of such a count
        ("internet_users_change", "2024", "2024-12"),
        ("internet_users", "2024-06", "2024-06"),  # only a whole year moves
        ("ai_enterprises", "2025", "2025"),  # not a count of people: the year itself
        ("internet_users", "Mid-Autumn Festival", "Mid-Autumn Festival"),
    ],
)
def test_a_whole_year_of_a_stock_is_its_december(
    catalogue: Catalogue, code: str, period: str, expected: str
) -> None:
    assert catalogue.year_end(code, period) == expected


@pytest.mark.parametrize(
    ("code", "period", "expected"),
    [
        ("online_retail_sales", "2025-08", "2025-01/2025-08"),
        ("online_retail_sales_growth", "2025-08", "2025-01/2025-08"),
        ("online_retail_sales", "2025-01", "2025-01"),  # January is already from January
        ("online_retail_sales", "2025", "2025"),  # a year is whole already
        ("internet_users", "2025-08", "2025-08"),  # a level, not a sum over the year
        ("no_such_indicator", "2025-08", "2025-08"),
    ],
)
def test_a_month_of_a_year_to_date_figure_runs_from_january(
    catalogue: Catalogue, code: str, period: str, expected: str
) -> None:
    assert catalogue.from_january(code, period) == expected

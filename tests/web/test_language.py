"""Which language an answer is in: `lang` first, then Accept-Language, then English."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.web.language import header_language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("ZH-hans-CN", "zh"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,en;q=0.9,zh-CN;q=0.8", "en"),
        ("fr, zh;q=0.5", "zh"),
        ("fr, de", "en"),
        ("*", "en"),
        ("zh;q=0, en", "en"),
        ("zh;q=oops", "en"),
        ("en;q=0.5, zh;q=0.5", "en"),
    ],
)
def test_the_header_chooses_the_language_it_ranks_highest(
    header: str | None, language: str
) -> None:
    assert header_language(header) == language


def test_the_parameter_wins_over_the_header(client: TestClient) -> None:
    english = client.get("/v1/indicators/internet_users?lang=en", headers={"Accept-Language": "zh"})
    chinese = client.get("/v1/indicators/internet_users?lang=zh", headers={"Accept-Language": "en"})

    assert english.json()["name"] == "Internet users"
    assert chinese.json()["name"] == "网民规模"


def test_chinese_falls_back_to_english_field_by_field(client: TestClient) -> None:
    users = client.get("/v1/indicators/internet_users?lang=zh").json()
    penetration = client.get("/v1/indicators/internet_penetration?lang=zh").json()

    assert users["description"] == "半年内使用过互联网的6周岁及以上中国居民。"
    assert users["languages"] == {"name": "zh", "description": "zh"}
    assert penetration["name"] == "互联网普及率"
    assert penetration["name_en"] == "Internet penetration rate"
    assert penetration["description"] == "Internet penetration rate, as CNNIC counts them."
    assert penetration["languages"] == {"name": "zh", "description": "en"}
    assert penetration["dimension_labels"] == {"area": {"rural": "农村", "urban": "城镇"}}
    # What filters take is the same in both languages.
    assert penetration["dimension_values"] == {"area": ["rural", "urban"]}


def test_a_search_finds_the_same_in_both_languages(client: TestClient) -> None:
    def codes(**params: str) -> list[str]:
        return [item["code"] for item in client.get("/v1/indicators", params=params).json()["data"]]

    assert codes(q="网民", lang="zh") == codes(q="网民", lang="en") == ["internet_users"]
    assert codes(q="netizens", lang="zh") == ["internet_users"]


def test_an_unknown_language_is_refused_naming_the_choices(client: TestClient) -> None:
    response = client.get("/v1/indicators?lang=fr")

    assert response.status_code == 422
    assert response.json()["parameter"] == "lang"
    assert "'en' or 'zh'" in response.json()["detail"]

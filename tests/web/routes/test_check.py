"""GET /v1/check: a figure as pasted from a news story, held against the data.

The figures of the issue, with the real seed: each value and quote here is what the texts
hold (the 53rd report's 10.92亿 Internet users for December 2023, the 52nd's 1.079 billion
for June 2023 and 76.4% penetration, the 53rd's 337.7万 5G base stations); and, over the
small data set of ``tests.dataset``, the verdicts a derived value and bad input get.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.seed.writer import seed_database
from app.web import schemas
from tests.conftest import PROJECT_ROOT, empty_engine
from tests.web.conftest import client_of

Body = dict[str, Any]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def seeded_real(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database seeded once from the real texts, per backend."""
    engine = empty_engine(str(request.param), tmp_path_factory.mktemp("check"))
    seed_database(engine, PROJECT_ROOT / "seeds")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def real(seeded_real: Engine) -> Iterator[TestClient]:
    """A client of the app over the real seed."""
    yield from client_of(seeded_real)


def check(client: TestClient, claim: str) -> Body:
    response = client.get("/v1/check", params={"claim": claim})
    assert response.status_code == 200, response.text
    body: Body = response.json()
    schemas.Check.model_validate(body)
    return body


def brief(observation: Body) -> tuple[str, dict[str, str], str, float, str]:
    return (
        observation["indicator"],
        observation["dimensions"],
        observation["period"],
        observation["value"],
        observation["report"],
    )


def kinds(observation: Body) -> list[str]:
    return [difference["kind"] for difference in observation["differences"]]


# --- the examples, on the real seed ----------------------------------------------------


def test_a_chinese_figure_with_its_month_is_confirmed_with_its_quote(real: TestClient) -> None:
    body = check(real, "10.92亿网民 2023年12月")

    assert body["verdict"] == "confirmed"
    reading = body["reading"]
    assert reading["read_as"] == "sentence"
    assert reading["figure"]["value"] == 1092000000
    assert [i["code"] for i in reading["indicators"]] == ["internet_users"]
    assert reading["indicators"][0]["phrase"] == "网民"
    assert reading["period"] == {"as_written": "2023年12月", "period": "2023-12"}
    best = body["matches"][0]
    assert brief(best) == ("internet_users", {}, "2023-12", 1092000000, "cnnic-53")
    assert best["differences"] == []
    assert any("10.92亿" in citation["quote"] for citation in best["citations"])
    # Later reports' values for December 2023, derived from their changes, agree as rounded.
    assert all(kinds(match) == ["rounded"] for match in body["matches"][1:])
    assert body["closest"] == []


def test_each_quote_is_exactly_the_text_at_its_offsets(real: TestClient) -> None:
    body = check(real, "10.92亿网民 2023年12月")

    for match in body["matches"]:
        for citation in match["citations"]:
            text = real.get(f"/v1/sources/{citation['source']}/text").text
            assert text[citation["start"] : citation["end"]] == citation["quote"]


def test_an_english_sentence_is_confirmed(real: TestClient) -> None:
    body = check(real, "China had 1.079 billion internet users in June 2023")

    assert body["verdict"] == "confirmed"
    assert brief(body["matches"][0]) == ("internet_users", {}, "2023-06", 1079000000, "cnnic-52")
    assert body["summary"].startswith("Confirmed: cnnic-52 gives 1.079 billion")


def test_a_percentage_with_no_indicator_is_guessed_from_its_value(real: TestClient) -> None:
    body = check(real, "penetration 76.4%")

    assert body["verdict"] == "confirmed"
    assert body["reading"]["read_as"] == "value"
    assert body["reading"]["indicators"][0] == {
        "code": "internet_penetration",
        "name": "Internet penetration rate",
        "name_zh": "互联网普及率",
        "phrase": None,
    }
    assert any("guessed" in note for note in body["reading"]["notes"])
    assert any("every period" in note for note in body["reading"]["notes"])
    assert brief(body["matches"][0]) == ("internet_penetration", {}, "2023-06", 76.4, "cnnic-52")


def test_a_telegraphic_chinese_figure_is_read_by_its_phrase(real: TestClient) -> None:
    body = check(real, "5G基站 337.7万个")

    assert body["verdict"] == "confirmed"
    assert body["reading"]["read_as"] == "phrases"
    assert body["reading"]["indicators"][0]["phrase"] == "5G基站"
    best = body["matches"][0]
    assert brief(best) == ("base_stations_5g", {}, "2023-12", 3377000, "cnnic-53")
    assert best["as_reported"] == "337.7万"


@pytest.mark.parametrize(
    "claim",
    ["10.9亿网民", "网民规模约10.9亿", "about 1.09 billion internet users in December 2023"],
)
def test_a_rounded_restatement_is_rounded(real: TestClient, claim: str) -> None:
    body = check(real, claim)

    assert body["verdict"] == "rounded"
    best = body["matches"][0]
    assert brief(best) == ("internet_users", {}, "2023-12", 1092000000, "cnnic-53")
    assert kinds(best) == ["rounded"]
    assert best["differences"][0]["found"] == "1,092,000,000"


def test_more_than_a_round_figure_is_the_figure_rounded_down(real: TestClient) -> None:
    body = check(real, "more than 1.1 billion netizens by the end of 2025")

    assert body["verdict"] == "rounded"
    assert brief(body["matches"][0]) == ("internet_users", {}, "2025-12", 1125000000, "cnnic-57")


def test_a_figure_of_another_period_differs_and_says_whose_it_is(real: TestClient) -> None:
    body = check(real, "10.92亿网民 2024年12月")

    assert body["verdict"] == "differs"
    there, *others = body["closest"]
    assert brief(there) == ("internet_users", {}, "2024-12", 1108000000, "cnnic-55")
    assert kinds(there) == ["value"]
    assert there["differences"][0]["by_percent"] == -1.44
    # The claim's value is December 2023's: the closest say so.
    assert ("2023-12", ["period"]) in [(o["period"], kinds(o)) for o in others]


def test_a_wrong_value_differs_by_its_percentage(real: TestClient) -> None:
    body = check(real, "China had 1.2 billion internet users in December 2024")

    assert body["verdict"] == "differs"
    there = body["closest"][0]
    assert brief(there) == ("internet_users", {}, "2024-12", 1108000000, "cnnic-55")
    assert there["differences"][0]["by_percent"] == 8.3
    assert "8.3% above" in body["summary"]


def test_a_breakdown_with_no_such_value_is_not_found_and_shows_its_own_line(
    real: TestClient,
) -> None:
    body = check(real, "农村网民 3.26亿")

    assert body["verdict"] == "not_found"
    assert body["reading"]["dimensions"] == {"area": "rural"}
    assert body["matches"] == []
    closest = body["closest"]
    assert len(closest) == 5
    assert all(o["dimensions"] == {"area": "rural"} for o in closest)
    assert brief(closest[0]) == (
        "internet_users",
        {"area": "rural"},
        "2025-06",
        322000000,
        "cnnic-56",
    )
    assert closest[0]["differences"][0]["by_percent"] == 1.24
    assert all(o["citations"] for o in closest)


def test_a_breakdown_of_another_value_is_named_as_a_difference(real: TestClient) -> None:
    body = check(real, "农村网民 10.92亿 2023年12月")

    assert body["verdict"] == "not_found"
    assert ("2023-12", ["breakdown"]) in [(o["period"], kinds(o)) for o in body["closest"]]


@pytest.mark.parametrize("claim", ["lots of people online", "internet users in 2023", "网民规模"])
def test_a_claim_without_a_figure_is_unreadable_but_answered(real: TestClient, claim: str) -> None:
    body = check(real, claim)

    assert body["verdict"] == "unreadable"
    assert body["reading"]["figure"] is None
    assert body["matches"] == body["closest"] == []
    assert body["summary"].startswith("Unreadable")


def test_the_same_claim_gets_the_same_answer(real: TestClient) -> None:
    first = real.get("/v1/check", params={"claim": "农村网民 3.26亿"})
    again = real.get("/v1/check", params={"claim": "农村网民 3.26亿"})

    assert first.content == again.content
    assert first.headers["etag"] == again.headers["etag"]


def test_the_index_links_to_the_check(real: TestClient) -> None:
    links = real.get("/v1").json()["links"]

    assert {"rel": "check", "href": "/v1/check?claim={claim}"} in [
        {"rel": link["rel"], "href": link["href"]} for link in links
    ]


# --- over the small data set, on every backend ------------------------------------------------


def test_a_derived_value_is_matched_as_rounded(client: TestClient) -> None:
    # The data set holds December 2023 only as derived by the 55th report: 1,091,920,000.
    body = check(client, "10.92亿网民 2023年12月")

    assert body["verdict"] == "rounded"
    best = body["matches"][0]
    assert (best["status"], best["value"]) == ("derived", 1091920000)
    assert best["citations"][0]["quote"] == "an increase of 16.08 million compared to December 2023"


def test_a_figure_the_data_set_has_is_confirmed(client: TestClient) -> None:
    body = check(client, "By December 2024, China had 1,108 million Internet users")

    assert body["verdict"] == "confirmed"
    assert body["matches"][0]["citations"][0]["source"] == "cnnic-55-en"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"claim": ""}, "claim"),
        ({"claim": "   "}, "claim"),
        ({"claim": "网" * 301}, "claim"),
        ({"claim": "76.4%" + " " * 296}, "claim"),
        ({}, "claim"),
        ({"claim": "76.4%", "indicator": "internet_users"}, "indicator"),
        ([("claim", "76.4%"), ("claim", "80%")], "claim"),
    ],
    ids=[
        "empty",
        "blank",
        "overlong",
        "overlong with spaces",
        "missing",
        "unknown parameter",
        "given twice",
    ],
)
def test_bad_input_is_a_problem_naming_the_parameter(
    client: TestClient, params: Any, parameter: str
) -> None:
    response = client.get("/v1/check", params=params)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("9" * 300, "not_found"),
        ("0.0000000001 internet users", "not_found"),
        ("1" + "0" * 297 + "万亿", "unreadable"),  # past any stored value's range: no figure
    ],
    ids=["300 nines", "a tiny count", "1e309"],
)
def test_an_absurd_number_gets_an_answer_not_a_failure(
    client: TestClient, claim: str, verdict: str
) -> None:
    assert check(client, claim)["verdict"] == verdict

"""GET /v1/observations: filters, vintages, the N latest periods and keyset pages."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.web import schemas
from tests.dataset import FACTS, GENAI_2024_DERIVED, Fact, add_observation, add_yearly_values

Row = dict[str, Any]


def fetch(client: TestClient, **params: Any) -> list[Row]:
    response = client.get("/v1/observations", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next"] is None
    data: list[Row] = body["data"]
    return data


def keys(rows: list[Row]) -> list[tuple[str, str, str]]:
    return [(row["indicator"], row["period"], row["report"]) for row in rows]


def test_list_observations_as_the_contract_shows(client: TestClient) -> None:
    rows = fetch(client, indicator="internet_users", start="2024-12", end="2024-12")

    assert rows == [
        {
            "indicator": "internet_users",
            "period": "2024-12",
            "period_start": "2024-12-01",
            "period_end": "2024-12-31",
            "value": 1108000000,
            "unit": "persons",
            "dimensions": {},
            "dimension_labels": {},
            "report": "cnnic-55",
            "status": "reported",
            "as_reported": "1,108 million",
            "qualifier": None,
            "attributed_to": None,
            "derivation": None,
            "read_by": "engine",
            "notes": [],
            "citations": [
                {
                    "source": "cnnic-55-en",
                    "quote": "By December 2024, China had 1,108 million Internet users",
                    "start": 15,
                    "end": 71,
                    "as_reported": "1,108 million",
                    "read_by": "engine",
                    "corrected": [],
                }
            ],
        }
    ]
    assert isinstance(rows[0]["value"], int)


def test_list_observations_cites_every_source_of_a_value(client: TestClient) -> None:
    [row] = fetch(client, indicator="internet_users", start="2025")

    assert row["value"] == 1125000000
    assert row["report"] == "cnnic-57"
    assert [citation["source"] for citation in row["citations"]] == [
        "cnnic-57-ecns-en",
        "cnnic-57-xinhua-en",
        "cnnic-57-chinadaily-en",
        "cnnic-57-cctv-zh",
    ]
    assert row["citations"][3]["as_reported"] == "11.25亿人"


def test_list_observations_default_order(client: TestClient) -> None:
    rows = fetch(client, indicator="internet_penetration")

    assert [(row["dimensions"], row["period"]) for row in rows] == [
        ({"area": "rural"}, "2024-12"),
        ({"area": "rural"}, "2025-12"),
        ({"area": "urban"}, "2024-12"),
        ({}, "2024-12"),
        ({}, "2025-12"),
    ]


def test_list_observations_of_several_indicators(client: TestClient) -> None:
    repeated = fetch(client, indicator=["base_stations_5g", "ai_enterprises"])
    commas = fetch(client, indicator="base_stations_5g, ai_enterprises,")

    assert repeated == commas
    assert keys(repeated) == [
        ("ai_enterprises", "2025", "cnnic-57"),
        ("base_stations_5g", "2024-11", "cnnic-55"),
        ("base_stations_5g", "2025-12", "cnnic-57"),
    ]


def test_list_observations_unknown_indicator_suggests_closest(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"indicator": "internet_users,base_stations"})

    assert response.status_code == 404
    problem = response.json()
    assert problem["parameter"] == "indicator"
    assert problem["suggestions"][0] == "base_stations_5g"
    assert "'base_stations'" in problem["detail"]


def test_list_observations_qualified_and_attributed(client: TestClient) -> None:
    [row] = fetch(client, indicator="ai_enterprises")

    assert row["qualifier"] == "more than"
    assert row["attributed_to"] == "Ministry of Industry and Information Technology"
    assert row["period"] == "2025"


def test_a_derivation_is_sent_as_compact_utf8_json(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"indicator": "internet_users", "end": "2023"})

    assert response.status_code == 200
    assert '"formula":"1,108 million − 16.08 million"' in response.text
    assert "\\u" not in response.text


def test_list_observations_derived_with_derivation(client: TestClient) -> None:
    [row] = fetch(client, indicator="internet_users", end="2023")

    assert row["status"] == "derived"
    assert row["value"] == 1091920000
    assert row["derivation"] == {
        "method": "level minus change",
        "formula": "1,108 million − 16.08 million",
        "inputs": [
            {
                "indicator": "internet_users",
                "dimensions": {},
                "period": "2024-12",
                "report": "cnnic-55",
            },
            {
                "indicator": "internet_users_change",
                "dimensions": {"compared_with": "2023-12"},
                "period": "2024-12",
                "report": "cnnic-55",
            },
        ],
    }


def test_list_observations_with_note(client: TestClient) -> None:
    [row] = fetch(client, indicator="internet_penetration", area="rural", end="2024")

    assert row["value"] == 65.6
    assert [(note["kind"], note["source"]) for note in row["notes"]] == [
        ("definition", "cnnic-55-en")
    ]
    assert row["notes"][0]["quote"].startswith("The rural Internet penetration")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025", None, ["2025-12"]),
        ("2024", "2024", ["2024-12"]),
        ("2023", "2024-11", ["2023-12"]),
        ("2024-12", "2024-12", ["2024-12"]),
        ("2024-12-31", "2025-12-01", ["2024-12", "2025-12"]),
        ("2025-01-01", "2025-11-30", []),
        (None, "2023-12-01", ["2023-12"]),
    ],
)
def test_list_observations_in_range(
    client: TestClient, start: str | None, end: str | None, expected: list[str]
) -> None:
    params = {"indicator": "internet_users", "start": start, "end": end}
    rows = fetch(client, **{name: value for name, value in params.items() if value})

    assert [row["period"] for row in rows] == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2025-08-31", None, True),
        ("2025-09", None, False),
        (None, "2025-01-01", True),
        (None, "2024", False),
        ("2025-03", "2025-03", True),
    ],
)
def test_list_observations_interval_overlaps_range(
    client: TestClient, start: str | None, end: str | None, expected: bool
) -> None:
    params = {"indicator": "micro_series_overseas_revenue", "start": start, "end": end}
    rows = fetch(client, **{name: value for name, value in params.items() if value})

    assert [row["period"] for row in rows] == (["2025-01/2025-08"] if expected else [])


def test_list_observations_quarter_overlaps_month(client: TestClient) -> None:
    assert [row["period"] for row in fetch(client, start="2025-03", end="2025-03")] == [
        "2025",
        "2025-01/2025-08",
        "2025-Q1",
    ]
    assert fetch(client, indicator="new_ai_software_smes", start="2025-04") == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("start", "2024-13"),
        ("start", "2024-02-30"),
        ("end", "2024-1"),
        ("end", "December 2024"),
        ("start", "0000"),
        ("start", "2025-Q1"),
        ("end", "2024-12-31T00:00"),
    ],
)
def test_list_observations_bad_date(client: TestClient, name: str, value: str) -> None:
    response = client.get("/v1/observations", params={name: value})

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == "urn:cnnic-stats:problem:invalid-parameter"
    assert problem["parameter"] == name
    assert repr(value) in problem["detail"]


def test_list_observations_start_after_end(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"start": "2025-01", "end": "2024-12-31"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "start"
    assert "2025-01" in problem["detail"]
    assert "2024-12-31" in problem["detail"]


def test_list_observations_start_and_end_in_one_month_are_fine(client: TestClient) -> None:
    assert fetch(client, indicator="internet_users", start="2024-12", end="2024") != []


def test_list_observations_of_one_report(client: TestClient) -> None:
    rows = fetch(client, report="cnnic-55", indicator="generative_ai_users")

    assert keys(rows) == [("generative_ai_users", "2024-12", "cnnic-55")]


def test_list_observations_of_one_report_includes_values_others_beat(client: TestClient) -> None:
    rows = fetch(client, report="cnnic-57", indicator="generative_ai_users")

    assert [(row["period"], row["status"]) for row in rows] == [
        ("2024-12", "derived"),
        ("2025-12", "reported"),
    ]


def test_list_observations_unknown_report(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"report": "cnnic-58"})

    assert response.status_code == 404
    problem = response.json()
    assert problem["parameter"] == "report"
    assert "cnnic-57" in problem["suggestions"]


def test_list_observations_prefers_reported_to_derived(client: TestClient) -> None:
    [row] = fetch(client, indicator="generative_ai_users", end="2024")

    assert (row["value"], row["report"], row["status"]) == (249000000, "cnnic-55", "reported")


def test_list_observations_all_vintages(client: TestClient) -> None:
    rows = fetch(client, indicator="generative_ai_users", vintages="all")

    assert [(row["period"], row["report"], row["value"]) for row in rows] == [
        ("2024-12", "cnnic-55", 249000000),
        ("2024-12", "cnnic-57", GENAI_2024_DERIVED),
        ("2025-12", "cnnic-57", 602000000),
    ]


def test_list_observations_prefers_latest_report(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    revision = Fact(
        "internet_users",
        "2024-12",
        1_108_500_000,
        "cnnic-57",
        [("cnnic-57-chinadaily-en", "internet users in China had reached", "reached")],
    )
    with Session(writable_seeded) as session, session.begin():
        add_observation(session, revision)

    [row] = fetch(writable_client, indicator="internet_users", start="2024-12", end="2024-12")
    every = fetch(
        writable_client, indicator="internet_users", start="2024-12", end="2024-12", vintages="all"
    )

    assert (row["value"], row["report"]) == (1108500000, "cnnic-57")
    assert [item["report"] for item in every] == ["cnnic-55", "cnnic-57"]


def test_list_observations_bad_vintages(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"vintages": "latest"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "vintages"
    assert "'all'" in problem["detail"]


def test_list_observations_last_periods_of_each_series(client: TestClient) -> None:
    rows = fetch(client, indicator="internet_penetration", last=1)

    assert [(row["dimensions"], row["period"]) for row in rows] == [
        ({"area": "rural"}, "2025-12"),
        ({"area": "urban"}, "2024-12"),
        ({}, "2025-12"),
    ]


def test_list_observations_last_periods_with_every_vintage(client: TestClient) -> None:
    two = fetch(client, indicator="generative_ai_users", last=2, vintages="all")
    one = fetch(client, indicator="generative_ai_users", last=1, vintages="all")

    assert len(two) == 3
    assert keys(one) == [("generative_ai_users", "2025-12", "cnnic-57")]


def test_list_observations_last_periods_within_range(client: TestClient) -> None:
    rows = fetch(client, indicator="internet_users", last=1, end="2024")

    assert [row["period"] for row in rows] == ["2024-12"]


@pytest.mark.parametrize("value", ["0", "-1", "1001", "x"])
def test_list_observations_last_out_of_range(client: TestClient, value: str) -> None:
    response = client.get("/v1/observations", params={"last": value})

    assert response.status_code == 422
    assert response.json()["parameter"] == "last"


def test_list_observations_by_dimension(client: TestClient) -> None:
    rural = fetch(client, area="rural")
    both = fetch(client, area=["rural", "urban"])

    assert [(row["indicator"], row["period"]) for row in rural] == [
        ("internet_penetration", "2024-12"),
        ("internet_penetration", "2025-12"),
    ]
    assert len(both) == 3
    assert fetch(client, area="rural", tld=".CN") == []


def test_a_dimension_value_is_matched_whatever_its_case(client: TestClient) -> None:
    assert fetch(client, area="Rural") == fetch(client, area="rural") != []


def test_a_dimension_value_no_observation_has_is_a_422_with_the_closest(
    client: TestClient,
) -> None:
    response = client.get("/v1/observations", params={"area": "rurall"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "area"
    assert "Closest: rural, _total" in problem["detail"]


def test_total_asks_for_no_breakdown_on_a_dimension(client: TestClient) -> None:
    total = fetch(client, indicator="internet_penetration", area="_total")
    rural_or_total = fetch(client, indicator="internet_penetration", area=["rural", "_total"])

    assert total
    assert all("area" not in row["dimensions"] for row in total)
    assert {row["dimensions"].get("area") for row in rural_or_total} == {None, "rural"}


def test_total_true_gives_the_headline_figures_only(client: TestClient) -> None:
    rows = fetch(client, total="true", limit=1000)
    everything = fetch(client, limit=1000)

    assert rows
    assert all(set(row["dimensions"]) <= {"compared_with"} for row in rows)
    assert len(rows) == sum(1 for row in everything if set(row["dimensions"]) <= {"compared_with"})


def test_list_observations_unknown_dimension_is_named(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"provinces": "Beijing"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"] == "urn:cnnic-stats:problem:unknown-parameter"
    assert problem["parameter"] == "provinces"
    assert "'provinces'" in problem["detail"]
    assert {"indicator", "limit", "area", "tld", "province"} <= set(problem["allowed"])


def test_list_observations_catalogue_value_without_data_matches_nothing(
    client: TestClient,
) -> None:
    """The catalogue's provinces are choices in the OpenAPI document; the data set has none."""
    response = client.get("/v1/observations", params={"province": "beijing"})

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_list_observations_misspelt_catalogue_value_names_the_closest(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"province": "Bejing"})

    assert response.status_code == 422
    assert "Closest: Beijing" in response.json()["detail"]


def test_list_observations_open_dimension_value_is_kept_as_given(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"compared_with": "the Spring Festival"})

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_list_observations_parameter_names_are_case_sensitive(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"Indicator": "internet_users"})

    assert response.status_code == 422
    assert response.json()["parameter"] == "Indicator"


def walk(client: TestClient, **params: Any) -> list[Row]:
    """Every page of a query, following ``next``; checks the Link header on the way."""
    rows: list[Row] = []
    response = client.get("/v1/observations", params=params)
    while True:
        assert response.status_code == 200
        body = response.json()
        rows.extend(body["data"])
        if body["next"] is None:
            assert "link" not in response.headers
            return rows
        assert response.headers["link"] == f'<{body["next"]}>; rel="next"'
        assert len(body["data"]) == params["limit"]
        response = client.get(body["next"])


@pytest.mark.parametrize("limit", [1, 2, 3, 7])
def test_walking_every_page_gives_each_observation_once(client: TestClient, limit: int) -> None:
    everything = fetch(client, vintages="all", limit=1000)
    walked = walk(client, vintages="all", limit=limit)

    assert walked == everything
    assert len(everything) == len(FACTS)
    identities = {(r["indicator"], str(r["dimensions"]), r["period"], r["report"]) for r in walked}
    assert len(identities) == len(FACTS)


def test_walking_pages_of_a_filtered_query(client: TestClient) -> None:
    params = {"indicator": "internet_penetration,internet_users", "last": 1}

    assert walk(client, limit=2, **params) == fetch(client, **params)


def test_list_observations_default_limit_is_100(
    writable_client: TestClient, writable_seeded: Engine
) -> None:
    with Session(writable_seeded) as session, session.begin():
        add_yearly_values(session, range(1900, 2005))

    first = writable_client.get("/v1/observations").json()
    rest = writable_client.get(first["next"]).json()

    assert len(first["data"]) == 100
    assert first["data"] + rest["data"] == fetch(writable_client, limit=1000)
    assert rest["next"] is None


@pytest.mark.parametrize("limit", ["0", "1001", "-5", "ten", "1.5"])
def test_list_observations_limit_out_of_range(client: TestClient, limit: str) -> None:
    response = client.get("/v1/observations", params={"limit": limit})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "limit"
    assert problem["errors"][0]["parameter"] == "limit"


def test_list_observations_limit_at_bounds(client: TestClient) -> None:
    assert client.get("/v1/observations", params={"limit": 1}).status_code == 200
    assert client.get("/v1/observations", params={"limit": 1000}).status_code == 200


@pytest.mark.parametrize(
    "cursor",
    [
        "abc",
        "!!!!",
        "W10",  # []
        "WzEsMiwzLDQsNV0",  # [1,2,3,4,5]
        "WyJhIiwie30iLCIyMDI0LTEzLTAxIiw1NSwxXQ",  # a month 13
        "WyJhIiwie30iLCIyMDI0LTEyLTAxIiw1NSw5OTk5OTk5OTk5OTk5OTk5OTk5XQ",  # a huge id
        "WyJhXHUwMDAwIiwie30iLCIyMDI0LTEyLTAxIiw1NSwxXQ",  # a NUL in the indicator
        "WyJhIiwie30iLCIyMDI0LTEyLTAxIix0cnVlLDFd",  # an edition of true
    ],
)
def test_list_observations_forged_cursor(client: TestClient, cursor: str) -> None:
    response = client.get("/v1/observations", params={"cursor": cursor})

    assert response.status_code == 422
    problem = response.json()
    assert problem["parameter"] == "cursor"
    assert "next" in problem["detail"]


def test_list_observations_several_problems_at_once(client: TestClient) -> None:
    response = client.get("/v1/observations", params={"limit": "0", "start": "2024-13"})

    assert response.status_code == 422
    problem = response.json()
    assert {error["parameter"] for error in problem["errors"]} == {"limit", "start"}


def test_every_page_is_exactly_what_its_model_documents(client: TestClient) -> None:
    """Pages are encoded from the rows, not through the model: they must still be its dump."""
    response = client.get("/v1/observations", params={"vintages": "all", "limit": 1000})
    body = response.json()
    page = schemas.ObservationPage.model_validate_json(response.content)
    assert page.model_dump(mode="json") == body
    assert response.content == page.model_dump_json().encode()  # the model's own field order
    assert {row["status"] for row in body["data"]} == {"reported", "derived"}
    assert any(row["notes"] for row in body["data"])
    assert any(isinstance(row["value"], int) for row in body["data"])
    assert any(isinstance(row["value"], float) for row in body["data"])


def test_list_observations_labels_dimensions_in_the_language_asked_for(
    client: TestClient,
) -> None:
    rural = {"indicator": "internet_penetration", "area": "rural", "start": "2024-12"}
    english = fetch(client, **rural)
    chinese = fetch(client, **rural, lang="zh")
    cn = fetch(client, indicator="domain_names", tld=".CN", lang="zh")

    assert {row["dimension_labels"]["area"] for row in english} == {"rural"}
    assert {row["dimension_labels"]["area"] for row in chinese} == {"农村"}
    assert {row["dimensions"]["area"] for row in chinese} == {"rural"}
    # A value the catalogue names in no Chinese keeps its own label.
    assert {row["dimension_labels"]["tld"] for row in cn} == {".CN"}

"""A mix of distinct real queries, read from a database: every indicator, ranges, dimensions,
reports, vintages, pages, CSV, series and the catalogue; and for each, the Datasette URL that
serves the same rows from a copy of the data.

    python -m bench.queries sqlite:///data/cnnic.db 1000 api.txt datasette.txt

Deterministic: the same database gives the same list.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import Engine, create_engine, select

from app.store.models import Indicator, Observation, ObservationDimension, Report

DATASETTE_DB = "cnnic"


@dataclass(frozen=True)
class Catalogue:
    """What the queries are made of."""

    indicators: list[str]
    dimensions: dict[str, list[tuple[str, str]]]  # indicator -> (name, value) pairs
    years: dict[str, list[int]]  # indicator -> years it has data for
    reports: list[str]


def read_catalogue(engine: Engine, *, sample: int = 40) -> Catalogue:
    """Indicators and, for each, a sample of its dimension values and its years."""
    with engine.connect() as connection:
        indicators = list(connection.scalars(select(Indicator.code).order_by(Indicator.code)))
        reports = list(connection.scalars(select(Report.id).order_by(Report.edition)))
        dimensions: dict[str, list[tuple[str, str]]] = {}
        years: dict[str, list[int]] = {}
        for code in indicators:
            first = connection.execute(
                select(Observation.id, Observation.period_start, Observation.period_end)
                .where(Observation.indicator_code == code)
                .order_by(Observation.period_start)
                .limit(1)
            ).first()
            last = connection.execute(
                select(Observation.period_end)
                .where(Observation.indicator_code == code)
                .order_by(Observation.period_start.desc())
                .limit(1)
            ).first()
            if first is None or last is None:
                continue
            years[code] = list(range(first.period_start.year, last.period_end.year + 1))
            ids = select(Observation.id).where(Observation.indicator_code == code).limit(2000)
            pairs = connection.execute(
                select(ObservationDimension.name, ObservationDimension.value)
                .where(ObservationDimension.observation_id.in_(ids))
                .distinct()
                .limit(sample)
            )
            dimensions[code] = sorted((name, value) for name, value in pairs)
    return Catalogue(indicators=list(years), dimensions=dimensions, years=years, reports=reports)


def _api(path: str, params: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def _datasette(table: str, params: list[tuple[str, str]], *, suffix: str = "json") -> str:
    shape = [("_shape", "objects")] if suffix == "json" else []
    return f"/{DATASETTE_DB}/{table}.{suffix}?{urlencode([*params, *shape])}"


def observation_query(
    code: str, catalogue: Catalogue, rng: random.Random
) -> tuple[list[tuple[str, str]], list[tuple[str, str]], str]:
    """A filtered observation query: our parameters, Datasette's, and the format."""
    ours: list[tuple[str, str]] = [("indicator", code)]
    theirs: list[tuple[str, str]] = [("indicator_code", code)]
    years = catalogue.years[code]
    if rng.random() < 0.5 and len(years) > 1:
        start = rng.choice(years)
        end = rng.choice([year for year in years if year >= start])
        ours += [("start", str(start)), ("end", str(end))]
        theirs += [("period_end__gte", f"{start}-01-01"), ("period_start__lte", f"{end}-12-31")]
    pairs = catalogue.dimensions.get(code) or []
    if pairs and rng.random() < 0.6:
        name, value = rng.choice(pairs)
        ours.append((name, value))
        fragment = json.dumps({name: value}, ensure_ascii=False)[1:-1]
        theirs.append(("dimensions_key__contains", fragment))
    if rng.random() < 0.15:
        report = rng.choice(catalogue.reports)
        ours.append(("report", report))
        theirs.append(("report_id", report))
    elif rng.random() < 0.15:
        ours.append(("vintages", "all"))
    limit = rng.choice([10, 32, 100, 100])
    ours.append(("limit", str(limit)))
    theirs += [("_size", str(limit)), ("_sort", "period_start")]
    fmt = "csv" if rng.random() < 0.2 else "json"
    if fmt == "csv":
        ours.append(("format", "csv"))
    return ours, theirs, fmt


def build(catalogue: Catalogue, count: int, *, seed: int = 57) -> list[tuple[str, str]]:
    """``count`` distinct (API URL, Datasette URL) pairs."""
    rng = random.Random(seed)
    found: dict[str, str] = {}
    for code in catalogue.indicators:  # every indicator at least once
        found[_api("/v1/observations", [("indicator", code)])] = _datasette(
            "observations", [("indicator_code", code), ("_size", "100")]
        )
    attempts = 0
    while len(found) < count and attempts < count * 50:
        attempts += 1
        code = rng.choice(catalogue.indicators)
        kind = rng.random()
        if kind < 0.70:
            ours, theirs, fmt = observation_query(code, catalogue, rng)
            url = _api("/v1/observations", ours)
            found.setdefault(url, _datasette("observations", theirs, suffix=fmt))
        elif kind < 0.85:
            params: list[tuple[str, str]] = []
            theirs = [("indicator_code", code), ("_sort", "period_start"), ("_size", "max")]
            pairs = catalogue.dimensions.get(code) or []
            if pairs:
                name, value = rng.choice(pairs)
                params.append((name, value))
                fragment = json.dumps({name: value}, ensure_ascii=False)[1:-1]
                theirs.append(("dimensions_key__contains", fragment))
            years = catalogue.years[code]
            if len(years) > 3:
                year = rng.choice(years)
                params += [("start", str(year)), ("end", str(year))]
                theirs += [
                    ("period_end__gte", f"{year}-01-01"),
                    ("period_start__lte", f"{year}-12-31"),
                ]
            url = _api(f"/v1/indicators/{code}/series", params)
            found.setdefault(url, _datasette("observations", theirs))
        elif kind < 0.93:
            found.setdefault(
                f"/v1/indicators/{code}", f"/{DATASETTE_DB}/indicators/{code}.json?_shape=objects"
            )
        else:
            word = rng.choice(code.split("_"))
            found.setdefault(
                _api("/v1/indicators", [("q", word)]),
                _datasette("indicators", [("code__contains", word)]),
            )
    return list(found.items())[:count]


def main() -> None:
    url, count, api_file, datasette_file = sys.argv[1:5]
    pairs = build(read_catalogue(create_engine(url)), int(count))
    with open(api_file, "w") as ours, open(datasette_file, "w") as theirs:
        for api_url, datasette_url in pairs:
            ours.write(api_url + "\n")
            theirs.write(datasette_url + "\n")
    print(f"{len(pairs)} distinct queries")


if __name__ == "__main__":
    main()

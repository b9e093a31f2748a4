"""The benchmark: the API against its ceilings and its peer, in one run, every figure a ratio.

    python -m bench.run                      # seeded data: about 7 minutes
    python -m bench.run --big sqlite:////tmp/cnnic-bench/big.db \
        --big postgresql+psycopg://cnnic:cnnic@127.0.0.1/cnnic_big   # and big databases

Each server is one process on core 0, started as production starts it (``python -m app.serve``,
one worker, JSON logs); wrk drives it from core 1 with 32 connections for ``--seconds``. What
runs, on the seeded data (SQLite, migrated and seeded afresh under ``--workdir``):

- ceilings: a raw ASGI constant, a bare FastAPI endpoint (an object; pre-encoded bytes), and
  the repeated query's answer replayed by a raw ASGI app;
- the same query repeated, response cache on, with the headers a dashboard sends, measured in
  turn with the ceilings, ``--rounds`` times over (each figure the median round's, each ratio
  the median of the rounds' own), so that the machine's drift falls on all of them alike. The
  ceilings write no access log (uvicorn's ``--no-access-log``), so the API is judged against
  them with ``ACCESS_LOG=false``, and measured with its access log on (the default) beside;
- a thousand distinct real queries in turn (``bench.queries``), cache on and cache off;
- Datasette (a separate virtualenv under the workdir) serving the same rows from a copy of the
  SQLite file, for the repeated query and for the mix.

With ``--big URL`` (built by ``python -m bench.bigdb``), the cache-off mix of that database's
own queries, measured in turn with the seeded data's cache-off mix on the same backend (for
PostgreSQL, the texts seeded into a database beside the big one), ``--rounds`` times over; then
a walk over every page of the default query, and the server's resident memory.
Nothing is sent anywhere but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench import ceilings, checks, queries, walk
from bench.servers import PROJECT_ROOT, Load, Server, free_port, serve, visit_each, wrk

PYTHON = sys.executable
REPEATED = "/v1/observations?indicator=internet_users"
REPEATED_DATASETTE = "/cnnic/observations.json?indicator_code=internet_users&_shape=objects"
DASHBOARD_HEADERS = ("Accept-Encoding: gzip", "Origin: https://dashboard.example")
RAW = "raw ASGI constant (2 KB)"
BARE = "bare FastAPI, constant object"
BARE_BYTES = "bare FastAPI, constant bytes"
REPLAYED = "raw ASGI, the repeated query's answer replayed"
REPEATED_NAME = "API, same query repeated, no access log"
REPEATED_LOGGED = "API, same query repeated, access log on"


@dataclass
class Row:
    name: str
    load: Load
    note: str = ""


@dataclass
class Rounds:
    """What each server measured in each round, in order."""

    loads: dict[str, list[Load]]

    def median(self, name: str) -> Load:
        """The median round of ``name`` by requests/s (the lower middle of an even count)."""
        ranked = sorted(self.loads[name], key=lambda load: load.requests_per_second)
        return ranked[(len(ranked) - 1) // 2]

    def ratio(self, name: str, ceiling: str) -> float:
        """The median over the rounds of ``name``'s requests/s over ``ceiling``'s."""
        return statistics.median(
            load.requests_per_second / against.requests_per_second
            for load, against in zip(self.loads[name], self.loads[ceiling], strict=True)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="each measurement's length")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of what is measured in turn: the repeated query and its ceilings; each big "
        "database and the seeded data",
    )
    parser.add_argument("--queries", type=int, default=1000, help="distinct queries in the mix")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/cnnic-bench"))
    parser.add_argument("--big", action="append", default=[], help="a big database's URL")
    parser.add_argument(
        "--skip-seeded",
        action="store_true",
        help="of the seeded data, only what the --big databases are compared with",
    )
    parser.add_argument(
        "--seeded-db", type=Path, help="a seeded SQLite file to copy instead of seeding afresh"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(args)
    if args.skip_seeded:
        bench.prepare_seeded()
    else:
        bench.seeded()
    for url in args.big:
        bench.big(url)
    bench.report()


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work: Path = args.workdir
        self.rows: list[Row] = []
        self.targets: list[tuple[str, str, bool]] = []
        self.facts: list[str] = []

    # --- measurements ----------------------------------------------------------------------

    def load(
        self,
        base: str,
        *,
        urls: Path | None = None,
        path: str = "/",
        headers: tuple[str, ...] = (),
    ) -> Load:
        if urls is not None:
            visit_each(base, urls)
        wrk(base, urls=urls, path=path, seconds=2, connections=self.args.connections,
            headers=headers)  # fmt: skip
        return wrk(
            base,
            urls=urls,
            path=path,
            seconds=self.args.seconds,
            connections=self.args.connections,
            headers=headers,
        )

    def api(
        self, database_url: str, *, cache: bool, log: str, access_log: bool = True
    ) -> AbstractContextManager[Server]:
        port = free_port()
        env = {
            "DATABASE_URL": database_url,
            "RESPONSE_CACHE": "true" if cache else "false",
            "ACCESS_LOG": "true" if access_log else "false",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "WEB_CONCURRENCY": "1",
        }
        command = [PYTHON, "-m", "app.serve"]
        return serve(command, port=port, env=env, log=self.work / log, probe="/readyz")

    def ceiling(
        self, app: str, log: str, env: dict[str, str] | None = None
    ) -> AbstractContextManager[Server]:
        port = free_port()
        command = [PYTHON, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
        command += ["--no-access-log", "--log-level", "warning", "--no-server-header"]
        return serve(command, port=port, env=env or {}, log=self.work / log)

    def datasette(self, database: Path) -> AbstractContextManager[Server]:
        port = free_port()
        command = [str(datasette_binary(self.work)), "serve", "-i", str(database)]
        command += ["--host", "127.0.0.1", "--port", str(port)]
        return serve(command, port=port, env={}, log=self.work / "datasette.log")

    # --- the seeded data ---------------------------------------------------------------------

    @property
    def seeded_database(self) -> Path:
        return self.work / "seeded.db"

    @property
    def seeded_urls(self) -> Path:
        """The API's mix of queries of the seeded data."""
        return self.work / "mix-api.txt"

    @property
    def seeded_datasette_urls(self) -> Path:
        """The same queries of the seeded data, asked of Datasette."""
        return self.work / "mix-datasette.txt"

    def prepare_seeded(self) -> str:
        """The seeded SQLite file (seeded afresh and timed, or copied from ``--seeded-db``) and
        its mixes of queries, for the API and for Datasette; its URL."""
        url = f"sqlite:///{self.seeded_database}"
        if self.args.seeded_db:
            shutil.copyfile(self.args.seeded_db, self.seeded_database)
        else:
            self.seeded_database.unlink(missing_ok=True)
            seconds = seed(url)
            self.facts.append(f"seed of the real texts: {seconds:.2f} s (python -m app seed)")
            self.targets.append(("seed of the real texts < 5 s", f"{seconds:.2f} s", seconds < 5))
        build_mix(url, self.args.queries, self.seeded_urls, self.seeded_datasette_urls)
        return url

    def seeded(self) -> None:
        url = self.prepare_seeded()
        copy = self.work / "datasette" / "cnnic.db"
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(self.seeded_database, copy)
        api_urls, datasette_urls = self.seeded_urls, self.seeded_datasette_urls

        rounds, mix_on = self.repeated_against_ceilings(url, api_urls)
        raw, bare, repeated = (rounds.median(name) for name in (RAW, BARE, REPEATED_NAME))
        with self.api(url, cache=False, log="api-nocache.log") as server:
            mix_off = self.measure("API, 1000 distinct queries, cache off", server.base, api_urls)
        with self.datasette(copy) as server:
            peer = self.measure(
                "Datasette, same query repeated", server.base, path=REPEATED_DATASETTE
            )
            peer_mix = self.measure("Datasette, the same 1000 queries", server.base, datasette_urls)
            lean_urls = self.work / "mix-datasette-lean.txt"
            lean_urls.write_text(lean_datasette(datasette_urls.read_text()))
            lean_mix = self.measure(
                "Datasette, the 1000 queries, no counts or facets", server.base, lean_urls
            )

        ratio = rounds.ratio(REPEATED_NAME, BARE)
        self.targets.append(("repeated >= 2 x bare FastAPI", f"{ratio:.2f} x", ratio >= 2))
        ratio = rounds.ratio(REPEATED_NAME, RAW)
        self.targets.append(("repeated >= 0.6 x raw ASGI", f"{ratio:.2f} x", ratio >= 0.6))
        self.facts.append(
            f"the replayed answer (the same headers and body, no application) answers "
            f"{rounds.ratio(REPLAYED, RAW):.2f} x the raw constant; the repeated query "
            f"{rounds.ratio(REPEATED_NAME, REPLAYED):.2f} x its answer replayed"
        )
        self.targets.append(
            ("repeated p99 < 5 ms", f"{repeated.p99_ms:.2f} ms", repeated.p99_ms < 5)
        )
        logged = rounds.median(REPEATED_LOGGED)
        self.facts.append(
            f"with its access log on (the default), the repeated query answers "
            f"{rounds.ratio(REPEATED_LOGGED, RAW):.2f} x the raw constant and "
            f"{rounds.ratio(REPEATED_LOGGED, BARE):.2f} x bare FastAPI, p99 {logged.p99_ms:.2f} "
            f"ms: {rounds.ratio(REPEATED_LOGGED, REPEATED_NAME):.2f} x its rate without"
        )
        ratio = mix_off.requests_per_second / peer_mix.requests_per_second
        self.targets.append(("mix, cache off >= 2.5 x Datasette", f"{ratio:.2f} x", ratio >= 2.5))
        ratio = mix_off.requests_per_second / lean_mix.requests_per_second
        self.targets.append(
            ("mix, cache off >= 2.5 x Datasette without counts or facets", f"{ratio:.2f} x",
             ratio >= 2.5)
        )  # fmt: skip
        self.ratios = {
            "raw": raw.requests_per_second,
            "bare": bare.requests_per_second,
            "datasette": peer.requests_per_second,
            "datasette mix": peer_mix.requests_per_second,
            "mix on": mix_on.requests_per_second,
        }

    def repeated_against_ceilings(self, url: str, api_urls: Path) -> tuple[Rounds, Load]:
        """The repeated query and its ceilings, measured in turn, ``--rounds`` times over.

        Every server is up at once (an idle one takes no CPU), so that a drift in the machine's
        speed during the run falls on all of them alike; a ratio is the median of the rounds'
        own ratios. The cache-on mix is measured once, after the rounds, with the access log on.
        """
        with ExitStack() as servers:
            raw = servers.enter_context(self.ceiling("bench.ceilings:raw", "raw.log"))
            bare = servers.enter_context(self.ceiling("bench.ceilings:fastapi", "fastapi.log"))
            api = servers.enter_context(
                self.api(url, cache=True, log="api-cache-unlogged.log", access_log=False)
            )
            logged = servers.enter_context(self.api(url, cache=True, log="api-cache.log"))
            headers_right = checks.headers_on_repeat(api.base, REPEATED)
            answer = self.work / "repeated-answer.json"
            ceilings.capture(api.base + REPEATED, dict(_split(DASHBOARD_HEADERS)), answer)
            replay = servers.enter_context(
                self.ceiling("bench.ceilings:replay", "replay.log", {"BENCH_REPLAY": str(answer)})
            )
            before = checks.requests_counted(api.base)
            rounds = self.in_turn(
                {
                    RAW: partial(self.load, raw.base, path="/"),
                    BARE: partial(self.load, bare.base, path="/constant"),
                    BARE_BYTES: partial(self.load, bare.base, path="/bytes"),
                    REPLAYED: partial(self.load, replay.base, path=REPEATED),
                    REPEATED_NAME: partial(
                        self.load, api.base, path=REPEATED, headers=DASHBOARD_HEADERS
                    ),
                    REPEATED_LOGGED: partial(
                        self.load, logged.base, path=REPEATED, headers=DASHBOARD_HEADERS
                    ),
                },
                note=f"median of {self.args.rounds}",
            )
            counted = checks.requests_counted(api.base) - before
            wrk_counted = sum(load.requests for load in rounds.loads[REPEATED_NAME])
            headers_right[f"metrics counted {counted:.0f} (wrk: {wrk_counted} + warm-ups)"] = (
                counted >= wrk_counted
            )
            self.targets.append(
                (
                    "headers and metrics right on a hit",
                    "; ".join(
                        f"{check}: {'yes' if right else 'NO'}"
                        for check, right in headers_right.items()
                    ),
                    all(headers_right.values()),
                )
            )
            mix_on = self.measure("API, 1000 distinct queries, cache on", logged.base, api_urls)
        return rounds, mix_on

    # --- a big database ----------------------------------------------------------------------

    def big(self, url: str) -> None:
        kind = url.split(":", 1)[0].split("+", 1)[0]
        api_urls = self.work / f"mix-{kind}-big.txt"
        build_mix(url, self.args.queries, api_urls, self.work / f"mix-{kind}-big-datasette.txt")
        big_name = f"API, {kind} big database, cache off"
        seeded_name = f"API, seeded data on {kind}, cache off"
        with ExitStack() as servers:
            big = servers.enter_context(self.api(url, cache=False, log=f"api-{kind}-big.log"))
            seeded_url = self.seeded_url_on(url, kind)
            seeded = servers.enter_context(
                self.api(seeded_url, cache=False, log=f"api-{kind}-seeded.log")
            )
            rounds = self.in_turn(
                {
                    big_name: partial(self.load, big.base, urls=api_urls),
                    seeded_name: partial(self.load, seeded.base, urls=self.seeded_urls),
                },
                note=f"median of {self.args.rounds}, the two in turn",
            )
            walked = walk.first_and_last_pages(big.base, seconds=90)
            rss = big.rss_mb
        self.facts.append(
            f"{kind} big: walk of the default query by pages of 1000: {walked.pages} pages "
            f"({walked.stopped}); first pages {walked.first_ms:.1f} ms, last pages "
            f"{walked.last_ms:.1f} ms (medians of up to 10)"
        )
        fast = walked.pages > 1 and walked.last_ms <= walked.first_ms * 1.5 + 2
        self.targets.append(
            (f"{kind} big: last page as fast as the first",
             f"{walked.last_ms:.1f} vs {walked.first_ms:.1f} ms, {walked.stopped}", fast)
        )  # fmt: skip
        self.targets.append((f"{kind} big: one worker < 150 MB", f"{rss:.0f} MB", rss < 150))
        ratio = rounds.ratio(big_name, seeded_name)
        self.targets.append(
            (f"{kind} big: cache-off mix within 2 x of seeded {kind}", f"{ratio:.2f} x",
             ratio >= 0.5)
        )  # fmt: skip

    def seeded_url_on(self, url: str, kind: str) -> str:
        """The seeded data on the backend of ``url``, which its big database is measured
        against: size, not the backend, is what that ratio is about. On PostgreSQL the texts
        are seeded into a database beside the big one, on the same server."""
        if kind == "sqlite":
            return f"sqlite:///{self.seeded_database}"
        return seed_beside(url)

    def in_turn(self, runs: dict[str, Callable[[], Load]], *, note: str) -> Rounds:
        """Each of ``runs`` measured in turn, ``--rounds`` times over; a row for each (its
        median round, with ``note``)."""
        rounds = Rounds({name: [] for name in runs})
        for number in range(1, self.args.rounds + 1):
            for name, measure in runs.items():
                print(f"... round {number}: {name}", file=sys.stderr, flush=True)
                rounds.loads[name].append(measure())
        for name in runs:
            self.rows.append(Row(name, rounds.median(name), note))
        return rounds

    def measure(self, name: str, base: str, urls: Path | None = None, *, path: str = "/",
                headers: tuple[str, ...] = ()) -> Load:  # fmt: skip
        print(f"... {name}", file=sys.stderr, flush=True)
        load = self.load(base, urls=urls, path=path, headers=headers)
        self.rows.append(Row(name, load))
        return load

    # --- output ------------------------------------------------------------------------------

    def report(self) -> None:
        ratios = getattr(self, "ratios", {})
        print(f"\nwrk -t1 -c{self.args.connections} -d{self.args.seconds}s, one server process")
        print(
            f"{'':46} {'req/s':>9} {'p50 ms':>7} {'p99 ms':>7} {'xraw':>6} {'xbare':>6} {'xDS':>6}"
        )
        for row in self.rows:
            rate = row.load.requests_per_second
            peer = ratios.get("datasette mix" if "queries" in row.name else "datasette")
            cells = [
                f"{rate / ratios['raw']:6.2f}" if ratios.get("raw") else "     -",
                f"{rate / ratios['bare']:6.2f}" if ratios.get("bare") else "     -",
                f"{rate / peer:6.2f}" if peer else "     -",
            ]
            errors = f"  ({row.load.errors} errors)" if row.load.errors else ""
            note = f"  ({row.note})" if row.note else ""
            print(
                f"{row.name:46} {rate:9.0f} {row.load.p50_ms:7.2f} {row.load.p99_ms:7.2f} "
                f"{' '.join(cells)}{errors}{note}"
            )
        print()
        for fact in self.facts:
            print(f"- {fact}")
        print()
        for target, measured, met in self.targets:
            print(f"{'met   ' if met else 'MISSED'} {target:52} {measured}")


def _split(headers: tuple[str, ...]) -> list[tuple[str, str]]:
    """``Name: value`` lines as pairs."""
    return [(name, value.strip()) for name, _, value in (line.partition(":") for line in headers)]


def seed(url: str) -> float:
    """Migrate and seed the empty database ``url``; the seed's wall time."""
    env = {**os.environ, "DATABASE_URL": url, "SEED_DATABASE_URL": url}
    subprocess.run([PYTHON, "-m", "alembic", "upgrade", "head"], cwd=PROJECT_ROOT, env=env,
                   check=True, capture_output=True)  # fmt: skip
    started = time.perf_counter()
    subprocess.run([PYTHON, "-m", "app", "seed"], cwd=PROJECT_ROOT, env=env, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def seed_beside(url: str) -> str:
    """A database next to ``url``'s (its name with ``_seeded``), created afresh, migrated and
    seeded with the real texts; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    name = f"{parsed.database}_seeded"
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    seeded = parsed.set(database=name).render_as_string(hide_password=False)
    seed(seeded)
    return seeded


def build_mix(url: str, count: int, api_file: Path, datasette_file: Path) -> None:
    from sqlalchemy import create_engine

    pairs = queries.build(queries.read_catalogue(create_engine(url)), count)
    api_file.write_text("".join(api + "\n" for api, _ in pairs))
    datasette_file.write_text("".join(theirs + "\n" for _, theirs in pairs))


def lean_datasette(urls: str) -> str:
    """The Datasette URLs of the mix asking it to skip what it adds by default to a table's
    JSON: the total count, the facets and the facet suggestions (the API computes neither)."""
    lean = "_nocount=1&_nofacet=1&_nosuggest=1"
    return "".join(
        f"{line}{'&' if '?' in line else '?'}{lean}\n" for line in urls.splitlines() if line
    )


def datasette_binary(work: Path) -> Path:
    """Datasette from its own virtualenv (never a dependency of the project)."""
    named = os.environ.get("DATASETTE")
    if named:
        return Path(named)
    venv = work / "datasette-venv"
    binary = venv / "bin" / "datasette"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "datasette"], check=True)
    return binary


if __name__ == "__main__":
    main()

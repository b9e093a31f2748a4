"""What a client relies on, checked on the running server before it is measured."""

from __future__ import annotations

import gzip
import re
import urllib.request


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def headers_on_repeat(base: str, path: str) -> list[str]:
    """Ask for ``path`` the ways clients do (twice each, so the second is a cache hit) and
    say what was right."""
    url = base + path
    found = []
    for _ in range(2):
        status, plain, body = get(url)
    etag = plain.get("etag", "")
    revalidated, again, _ = get(url, **{"If-None-Match": etag})
    right = status == 200 and revalidated == 304 and again.get("etag") == etag
    found.append(f"ETag {etag[:14]}... and 304 on If-None-Match: {right}")
    for _ in range(2):
        _, cors, _ = get(url, Origin="https://dashboard.example")
    found.append(f"CORS allow-origin on a hit: {cors.get('access-control-allow-origin')!r}")
    for _ in range(2):
        _, csv, csv_body = get(url, Accept="text/csv")
    found.append(f"Accept: text/csv gives {csv.get('content-type')!r} ({csv_body[:9]!r}...)")
    for _ in range(2):
        _, zipped, zipped_body = get(url, **{"Accept-Encoding": "gzip"})
    same = (
        gzip.decompress(zipped_body) == body if zipped.get("content-encoding") == "gzip" else False
    )
    found.append(f"Accept-Encoding: gzip gives gzip of the same JSON: {same}")
    ids = {get(url)[1].get("x-request-id") for _ in range(3)}
    found.append(f"X-Request-ID fresh on every hit: {len(ids) == 3 and None not in ids}")
    return ["headers on the repeated query, cache on: " + "; ".join(found)]


def requests_counted(base: str, route: str = "/v1/observations") -> float:
    """The requests /metrics has counted for ``route``, every status."""
    _, _, body = get(base + "/metrics")
    pattern = re.compile(
        rf'^http_requests_total{{[^}}]*route="{re.escape(route)}"[^}}]*}} ([\d.e+]+)$', re.M
    )
    return sum(float(value) for value in pattern.findall(body.decode()))

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


def headers_on_repeat(base: str, path: str) -> dict[str, bool]:
    """Ask for ``path`` the ways clients do (twice each, so the second is a cache hit) and
    say, check by check, whether the hit was right."""
    url = base + path
    found: dict[str, bool] = {}
    for _ in range(2):
        status, plain, body = get(url)
    etag = plain.get("etag", "")
    revalidated, again, _ = get(url, **{"If-None-Match": etag})
    found["ETag, and 304 on If-None-Match"] = (
        status == 200 and revalidated == 304 and bool(etag) and again.get("etag") == etag
    )
    for _ in range(2):
        _, cors, _ = get(url, Origin="https://dashboard.example")
    found["CORS allow-origin"] = cors.get("access-control-allow-origin") == "*"
    for _ in range(2):
        _, csv, csv_body = get(url, Accept="text/csv")
    found["CSV for Accept: text/csv"] = csv.get("content-type", "").startswith("text/csv") and (
        csv_body.startswith(b"indicator")
    )
    for _ in range(2):
        _, zipped, zipped_body = get(url, **{"Accept-Encoding": "gzip"})
    found["gzip of the same JSON"] = zipped.get("content-encoding") == "gzip" and (
        gzip.decompress(zipped_body) == body
    )
    ids = [get(url)[1].get("x-request-id") for _ in range(3)]
    found["a fresh X-Request-ID on every hit"] = None not in ids and len(set(ids)) == 3
    return found


def requests_counted(base: str, route: str = "/v1/observations") -> float:
    """The requests /metrics has counted for ``route``, every status."""
    _, _, body = get(base + "/metrics")
    pattern = re.compile(
        rf'^http_requests_total{{[^}}]*route="{re.escape(route)}"[^}}]*}} ([\d.e+]+)$', re.M
    )
    return sum(float(value) for value in pattern.findall(body.decode()))

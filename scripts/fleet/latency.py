#!/usr/bin/env python3
"""Sequential GETs on one keep-alive connection; prints count, p50, p90, p99 and max in milliseconds.

    latency.py URL TOKEN [REQUESTS] [WARMUP]
"""
import http.client
import sys
import time
import urllib.parse


def main() -> None:
    url, token = sys.argv[1], sys.argv[2]
    requests = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    warmup = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    parts = urllib.parse.urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    times = []
    size = 0
    for i in range(warmup + requests):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            sys.exit(f"{url}: HTTP {response.status}: {body[:200]!r}")
        if i >= warmup:
            times.append(elapsed)
            size = len(body)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{len(times)} requests, {size} bytes each: p50 {pick(0.5):.2f} ms, p90 {pick(0.9):.2f} ms, p99 {pick(0.99):.2f} ms, max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()

"""How fast `check_results` checks pages that each take 200 ms to answer.

Loopback servers (in a child process, so that their memory is not counted) answer every
request after `--delay` seconds. The URLs are spread over `--servers` ports: the per-host
limit is keyed by host and port, so 8 servers × 4 per host leave the pool (16) as the
only bound. The ideal wall time is ceil(urls / concurrency) × delay; the target is within
1.5× of it, with peak RSS flat as the number of URLs grows.

    PYTHONPATH=. python benchmarks/check_speed.py [--urls 300] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import resource
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = (
    "<!doctype html><html><head><title>Juttu {n}</title></head><body><main>"
    + "<p>Laura Hietanen kirjoitti nuorisotyöstä Tampereella vuonna 2004.</p>" * 60
    + "</main></body></html>"
)


def serve(count: int, delay: float, ports: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    class Slow(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else a delayed ACK adds 40 ms to every answer

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(delay)
            body = PAGE.format(n=self.path).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    servers = []
    for _ in range(count):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
        server.daemon_threads = True
        servers.append(server)
        ports.put(server.server_address[1])
    import threading

    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    servers[0].serve_forever()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(ports: list[int], urls: int, concurrency: int, per_host: int, delay: float) -> dict:
    from footprint.check import check_results
    from footprint.models import PageStatus, SearchResult

    results = [
        SearchResult(url=f"http://127.0.0.1:{ports[i % len(ports)]}/juttu/{i}") for i in range(urls)
    ]
    started = time.perf_counter()
    checks = check_results(results, concurrency=concurrency, per_host=per_host, archive="none")
    wall = time.perf_counter() - started
    live = sum(c.status is PageStatus.LIVE for c in checks)
    ideal = math.ceil(urls / concurrency) * delay
    return {"urls": urls, "concurrency": concurrency, "live": live, "wall": wall,
            "ideal": ideal, "ratio": wall / ideal, "rss": peak_rss_mb()}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--servers", type=int, default=8)
    parser.add_argument("--delay", type=float, default=0.2)
    args = parser.parse_args()
    os.environ["FOOTPRINT_ALLOW_PRIVATE"] = "1"  # the servers are on loopback

    ports_queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    child = multiprocessing.Process(
        target=serve, args=(args.servers, args.delay, ports_queue), daemon=True
    )
    child.start()
    ports = [ports_queue.get(timeout=10) for _ in range(args.servers)]
    try:
        import footprint.check  # noqa: F401  (imports are not part of the timing)

        rows = [
            run(ports, 20, args.concurrency, args.per_host, args.delay),  # warm-up
            run(ports, args.urls, args.concurrency, args.per_host, args.delay),
            run(ports, args.urls * 4, args.concurrency, args.per_host, args.delay),
        ]
    finally:
        child.terminate()
    print(f"{'urls':>5} {'conc':>4} {'live':>5} {'wall s':>7} {'ideal s':>7} {'ratio':>5} "
          f"{'peak RSS MB':>11}")  # fmt: skip
    for row in rows:
        print(f"{row['urls']:>5} {row['concurrency']:>4} {row['live']:>5} {row['wall']:>7.2f} "
              f"{row['ideal']:>7.2f} {row['ratio']:>5.2f} {row['rss']:>11.1f}")  # fmt: skip
    main_row = rows[1]
    ok = main_row["ratio"] <= 1.5 and main_row["live"] == main_row["urls"]
    print(f"target (≤ 1.5× ideal, all live): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

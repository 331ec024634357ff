"""How fast the page check is against servers that each take 200 ms to answer.

Loopback servers (in a child process, so that their memory is not counted) answer every
request after `--delay` seconds. The URLs are spread over `--hosts` ports; the per-host
limit is keyed by host and port, so 60 hosts × 4 per host leave the pool (16) as the
bound. The latency-bound ideal wall time is ceil(urls / concurrency) × delay (3.8 s for
300 URLs); the target is within 1.2× of it for the whole `footprint check` process.

Where the whole process's time goes beyond the ideal (2 December 2026, quiet 2-core machine,
`python -X importtime` and cProfile with a profiler in each worker thread): the fetching is
latency-bound, so what the command adds is CPU, and on a shared machine CPU time stretches.
`footprint check` uses 0.75 s of CPU against the naive script's 0.48 s: importing typer and
the command modules 0.10 s, pydantic 0.08 s (typer validates every option with it), requests
and the check modules 0.11 s, and per page the safety checks, the connection's deadline
watch and parsing (0.25 ms a page with lxml's plain parser; lxml.html's took 0.34 ms).

Three timings, each a median of `--runs` whole processes (start-up and imports included):

- `footprint check FILE -f jsonl` (the command a person runs, default archive mode);
- a naive script: 16 threads of `requests.get`, no per-host limit, no safety checks;
- `check_results` inside one warm process (for the library alone, and peak RSS as the
  number of URLs grows).

    PYTHONPATH=. python benchmarks/check_speed.py [--urls 300] [--hosts 60] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGE = (
    "<!doctype html><html><head><title>Juttu {n}</title></head><body><main>"
    + "<p>Laura Hietanen kirjoitti nuorisotyöstä Tampereella vuonna 2004.</p>" * 60
    + "</main></body></html>"
)
NAIVE = """
import sys, requests
from concurrent.futures import ThreadPoolExecutor
urls = open(sys.argv[1]).read().split()
session = requests.Session()
def get(url):
    return session.get(url, timeout=(5, 10)).status_code
with ThreadPoolExecutor(16) as pool:
    codes = list(pool.map(get, urls))
assert codes.count(200) == len(urls), codes
"""


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
        server.request_queue_size = 64
        servers.append(server)
        ports.put(server.server_address[1])
    import threading

    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    servers[0].serve_forever()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def urls_for(ports: list[int], count: int, tag: str = "") -> list[str]:
    return [f"http://127.0.0.1:{ports[i % len(ports)]}/juttu/{tag}{i}" for i in range(count)]


def in_process(ports: list[int], urls: int, concurrency: int, per_host: int, delay: float) -> dict:
    from footprint.check import check_results
    from footprint.models import PageStatus, SearchResult

    results = [SearchResult(url=u) for u in urls_for(ports, urls, f"p{urls}-")]
    started = time.perf_counter()
    checks = check_results(results, concurrency=concurrency, per_host=per_host, archive="none")
    wall = time.perf_counter() - started
    live = sum(c.status is PageStatus.LIVE for c in checks)
    return {"urls": urls, "live": live, "wall": wall, "rss": peak_rss_mb()}


def timed(command: list[str], runs: int) -> list[float]:
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        if done.returncode != 0:
            sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return walls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=300)
    parser.add_argument("--hosts", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["FOOTPRINT_ALLOW_PRIVATE"] = "1"  # the servers are on loopback
    ideal = math.ceil(args.urls / args.concurrency) * args.delay

    ports_queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    child = multiprocessing.Process(
        target=serve, args=(args.hosts, args.delay, ports_queue), daemon=True
    )
    child.start()
    ports = [ports_queue.get(timeout=10) for _ in range(args.hosts)]
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    bin_dir = Path(sys.executable).parent
    executable = bin_dir / "footprint"
    command = [str(executable)] if executable.exists() else [sys.executable, "-m", "footprint"]
    try:
        with tempfile.TemporaryDirectory() as folder:
            results = Path(folder) / "results.jsonl"
            url_list = Path(folder) / "urls.txt"
            urls = urls_for(ports, args.urls)
            results.write_text("".join(json.dumps({"url": u}) + "\n" for u in urls))
            url_list.write_text("\n".join(urls))
            naive_script = Path(folder) / "naive.py"
            naive_script.write_text(NAIVE)
            os.environ.update(env)
            cli = timed([*command, "check", str(results), "-f", "jsonl"], args.runs)
            naive = timed([sys.executable, str(naive_script), str(url_list)], args.runs)
            startup = timed([*command, "--help"], args.runs)
        import footprint.check  # noqa: F401  (imports are not part of these timings)

        rows = [
            in_process(ports, 20, args.concurrency, args.per_host, args.delay),  # warm-up
            in_process(ports, args.urls, args.concurrency, args.per_host, args.delay),
            in_process(ports, args.urls * 4, args.concurrency, args.per_host, args.delay),
        ]
    finally:
        child.terminate()

    def show(name: str, walls: list[float], bound: float | None = ideal) -> None:
        ratio = f"{statistics.median(walls) / bound:5.2f}" if bound else "    -"
        runs = " ".join(f"{w:.2f}" for w in walls)
        print(f"{name:<34} {statistics.median(walls):7.2f} {ratio}   ({runs})")

    print(f"{args.urls} pages on {args.hosts} hosts, {args.delay * 1000:.0f} ms each, "
          f"{args.concurrency} at once, {args.per_host} per host; ideal {ideal:.2f} s")  # fmt: skip
    print(f"{'whole process, median of ' + str(args.runs):<34} {'wall s':>7} {'ratio':>5}")
    show("footprint check -f jsonl", cli)
    show("naive 16-thread requests script", naive)
    show("footprint --help (start-up only)", startup, None)
    print(f"\n{'in one process':<16} {'urls':>5} {'live':>5} {'wall s':>7} {'ideal s':>7} "
          f"{'ratio':>5} {'peak RSS MB':>11}")  # fmt: skip
    for row in rows:
        row_ideal = math.ceil(row["urls"] / args.concurrency) * args.delay
        print(f"{'check_results':<16} {row['urls']:>5} {row['live']:>5} {row['wall']:>7.2f} "
              f"{row_ideal:>7.2f} {row['wall'] / row_ideal:>5.2f} {row['rss']:>11.1f}")  # fmt: skip
    ratio = statistics.median(cli) / ideal
    ok = ratio <= 1.2 and rows[1]["live"] == rows[1]["urls"]
    print(f"\ntarget (footprint check ≤ 1.2× ideal, all live): {'met' if ok else 'MISSED'} "
          f"({ratio:.2f}×)")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""The bundled fictional person's audit saved in a store (offline), for the app's demo.

`footprint.pipeline.run_demo` saves nothing; the app needs the demo in a store so that it
can be reviewed, acted on and reported like a real audit. Same parts: the file provider
with the bundled results and the recorded page checks, the Auditor, a store sink.
"""

from __future__ import annotations

import threading
from pathlib import Path

from footprint.progress import Done, ProgressSink


def save_demo_audit(
    store_path: Path | None,
    *,
    progress: ProgressSink | None = None,
    cancel: threading.Event | None = None,
) -> int | None:
    from footprint import demo as demo_data
    from footprint.audit import Auditor
    from footprint.search import make_providers, run_search
    from footprint.store.sink import open_audit_sink

    person = demo_data.profile()
    with (
        demo_data.results_file() as results,
        open_audit_sink(person.name, person, providers=["file"], path=store_path) as sink,
    ):
        chosen = make_providers(["file"], from_file=results)
        auditor = Auditor(person, search=lambda p: run_search(p, chosen), check=None,
                          sink=sink, progress=progress, cancel=cancel)  # fmt: skip
        outcome = auditor.run(offline=True, known_checks=demo_data.recorded_checks())
        audit_id = sink.audit_id
    if progress is not None:
        progress(Done(len(outcome.findings), audit_id))
    return audit_id

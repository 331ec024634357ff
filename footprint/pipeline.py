"""The library entry point: from a name to a rendered report. The CLI and the app call this.

Nothing here prints, prompts or exits; errors are `footprint.errors` exceptions. Progress
goes to a `footprint.progress` sink as events; a `threading.Event` passed as `cancel`
stops an audit between queries, page checks and classifications (what was saved stays
saved, and the audit can be resumed).

Running an audit (saved step by step in footprint's database)::

    run = run_audit(person, providers=["brave"], keys={"BRAVE_API_KEY": typed_in},
                    progress=sink, cancel=stop)         # -> AuditRun (audit_id, findings, …)

Its report, with the person's corrections from the store applied::

    data = saved_report_data(run.audit_id, queries_sent=run.queries_sent)  # -> ReportData
    outputs = render_report(data, lang="sv", generated=now, formats=("pdf", "html"))
    write_outputs({Path("r.pdf"): outputs["pdf"]})      # atomic, 0600

Also: `check_pages` (the page check alone), `search` (the searches alone), `run_demo`
(the bundled fictional person, offline, nothing saved), `report_data_from_file` (an
`audit --json` or `classify -f json` file), `render_files` (the report for given paths),
`letter_files` (each letter as a text file), `audit_json_text`, and the naming helpers
`report_language`, `slug` and `default_report_path`.
"""

from __future__ import annotations

import contextlib
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footprint.errors import InputError
from footprint.models import Finding, PageCheck, SearchResult
from footprint.progress import (
    Done,
    ProgressSink,
    ProviderFailed,
    StageAdvanced,
    StageFinished,
    StageStarted,
)
from footprint.settings import LANGUAGES

if TYPE_CHECKING:  # the audit and profile modules are imported where used: `check` needs neither
    from footprint.audit import AuditOutcome
    from footprint.profile import Profile
    from footprint.search import ProviderFailure, SearchOutcome
    from search_providers.base import SearchProvider

REPORTS_DIR = Path("reports")
FORMATS = ("pdf", "html")

UNTRUSTED_DNS_WARNING = (
    "your name server says even well-known sites do not exist, so pages it could not find "
    "are marked 'unreachable', not 'gone': check your network or DNS and run again."
)


# --- naming ---------------------------------------------------------------------------


def slug(name: str) -> str:
    """A file-name-safe form of a name: 'Åsa Hietanen-Öst' → 'asa-hietanen-ost'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "report"


def default_report_path(stem: str, day: date, lang: str, folder: Path = REPORTS_DIR) -> Path:
    """`reports/<stem>-<date>-<lang>.pdf`, or `…-2.pdf`, `…-3.pdf`: a name not yet taken."""
    base = f"{stem}-{day.isoformat()}-{lang}"
    path, n = folder / f"{base}.pdf", 1
    while path.exists() or path.is_symlink():
        n += 1
        path = folder / f"{base}-{n}.pdf"
    return path


def report_language(option: str | None, person: Profile) -> str:
    """The chosen language, else the profile's first language footprint writes, else Finnish."""
    if option is not None:
        return str(option)
    for lang in person.languages:
        if lang in LANGUAGES:
            return lang
    return LANGUAGES[0]


# --- the page check and the searches ---------------------------------------------------


@dataclass(frozen=True)
class PageChecks:
    """The checks, in the order of the results, and whether the name server lied."""

    checks: list[PageCheck]
    untrusted_dns: bool = False

    @property
    def notices(self) -> tuple[str, ...]:
        return (UNTRUSTED_DNS_WARNING,) if self.untrusted_dns else ()


def check_pages(
    results: Sequence[SearchResult],
    *,
    concurrency: int = 16,
    archive: str = "auto",
    progress: ProgressSink | None = None,
    cancel: threading.Event | None = None,
) -> PageChecks:
    """Check every result's page (live, gone, parked, ceased …) over the network."""
    from footprint.check import NameServerCheck, check_results

    names = NameServerCheck()
    checks = check_results(
        results,
        concurrency=concurrency,
        archive=archive,
        names=names,
        progress=_check_relay(progress),
        cancel=cancel,
    )
    return PageChecks(checks, bool(names.untrusted))


def _check_relay(progress: ProgressSink | None) -> Any:
    if progress is None:
        return None

    def relay(done: int, total: int) -> None:
        progress(StageAdvanced("check", done, total))

    return relay


def providers_for(
    names: Sequence[str] | None = None,
    *,
    from_file: Path | None = None,
    keys: Mapping[str, str] | None = None,
    no_cache: bool = False,
) -> list[SearchProvider]:
    """The search providers by name (None: every configured one, else DuckDuckGo).

    `keys` are provider settings typed in for this run only (e.g. {"BRAVE_API_KEY": …}):
    they are used on top of the environment's and never stored or put in `os.environ`.
    """
    from footprint import settings
    from footprint.search import make_providers

    env = settings.provider_env(keys)
    return make_providers(names or None, env=env, no_cache=no_cache, from_file=from_file)


def search(
    person: Profile,
    providers: Sequence[SearchProvider],
    *,
    max_results: int = 50,
    languages: Sequence[str] | None = None,
    progress: ProgressSink | None = None,
    cancel: threading.Event | None = None,
) -> SearchOutcome:
    """Ask every provider every planned query; a failing provider does not stop the others."""
    from footprint.search import run_search

    def relay(label: str, done: int, total: int) -> None:
        if progress is not None:
            progress(StageAdvanced("search", done, total, label))

    def failed(failure: ProviderFailure) -> None:
        if progress is not None:
            progress(ProviderFailed(failure.provider, failure.kind.value, failure.message))

    return run_search(person, providers, max_results=max_results, languages=languages,
                      progress=relay, cancel=cancel, on_failure=failed)  # fmt: skip


# --- the audit --------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditRun:
    """A finished audit: what it found (classifier's categories), where it is saved, notices."""

    outcome: AuditOutcome
    audit_id: int | None
    notices: tuple[str, ...] = ()  # things to tell the person once (warnings)
    failures: tuple[str, ...] = ()  # every search source that failed, in all parts of it

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.outcome.findings

    @property
    def queries_sent(self) -> int:
        return self.outcome.queries_sent

    @property
    def partial(self) -> bool:
        """Finished, but a search source failed (in this part or an earlier one)."""
        return bool(self.failures)


def run_audit(
    person: Profile,
    *,
    providers: Sequence[str] | None = None,
    from_file: Path | None = None,
    keys: Mapping[str, str] | None = None,
    offline: bool = False,
    max_results: int = 50,
    concurrency: int = 16,
    resume: bool = False,
    progress: ProgressSink | None = None,
    cancel: threading.Event | None = None,
    store_path: Path | None = None,
) -> AuditRun:
    """Search, check the pages, classify, and save each step in the store as it happens.

    `providers` by name (None: every configured one, else DuckDuckGo); `from_file` adds
    saved results (the `file` provider); `keys` are provider settings for this run only.
    `resume` finishes the latest unfinished audit of `person.name`: when its searches had
    run to their end it asks no provider again; otherwise it searches again (the cache
    spares the quota) and keeps what the first part found, and the first part's failures
    stay with the audit. Every-source-failed is a `ConfigError`/`NetworkError`; `cancel`
    (or Ctrl-C) ends it unfinished, resumable.
    """
    from footprint.check import NameServerCheck, check_results
    from footprint.corrections import with_remembered
    from footprint.store.sink import open_audit_sink

    names = NameServerCheck()
    notices: list[str] = []
    with open_audit_sink(person.name, person, resume, path=store_path) as sink:
        state = sink.resume
        person = with_remembered(person, sink.store)  # what the person's corrections taught
        if state is not None and state.search_done:
            chosen = []
            if providers or from_file is not None:
                notices.append(
                    f"audit {state.audit_id} had finished its searches before it stopped, so "
                    "resuming asks no search source again: --provider and --from are not used"
                )
        else:
            chosen = providers_for(providers, from_file=from_file, keys=keys)
        sink.providers = tuple(p.name for p in chosen)  # the ones this part asks
        earlier = list(state.results) if state is not None else []

        def search_step(p: Profile) -> SearchOutcome:
            found = search(p, chosen, max_results=max_results, progress=progress, cancel=cancel)
            found.results = _with_earlier(found.results, earlier)
            return found

        def check_step(results: Sequence[SearchResult], on_check: Any) -> list[PageCheck]:
            return check_results(results, concurrency=concurrency, names=names, cancel=cancel,
                                 progress=_check_relay(progress), on_check=on_check)  # fmt: skip

        from footprint.audit import Auditor

        auditor = Auditor(person, search=search_step, check=check_step, sink=sink,
                          progress=progress, cancel=cancel)  # fmt: skip
        outcome = auditor.run(
            offline=offline,
            known_checks=dict(state.checks) if state else None,
            known_results=earlier if state is not None and state.search_done else None,
        )
        audit_id = sink.audit_id
        failures = sink.store.audit(audit_id).failures if audit_id else outcome.failures
    untrusted = (UNTRUSTED_DNS_WARNING,) if names.untrusted else ()
    notices = [*untrusted, *notices, *outcome.notices]
    if progress is not None:
        progress(Done(len(outcome.findings), audit_id, failures))
    return AuditRun(outcome, audit_id, tuple(notices), failures)


def _with_earlier(found: list[SearchResult], earlier: Sequence[SearchResult]) -> list[SearchResult]:
    """This search's results, then those an interrupted first part found and this did not."""
    have = {r.url for r in found}
    return found + [r for r in earlier if r.url not in have]


def run_demo(*, progress: ProgressSink | None = None) -> tuple[Profile, AuditRun]:
    """The whole audit on the bundled fictional person, offline, with recorded page checks.

    Nothing is saved in the store and nothing goes over the network.
    """
    from footprint import demo as demo_data
    from footprint.audit import Auditor
    from footprint.search import make_providers, run_search

    person = demo_data.profile()
    with demo_data.results_file() as results:
        chosen = make_providers(["file"], from_file=results)
        auditor = Auditor(person, search=lambda p: run_search(p, chosen), check=None,
                          progress=progress)  # fmt: skip
        outcome = auditor.run(offline=True, known_checks=demo_data.recorded_checks())
    if progress is not None:
        progress(Done(len(outcome.findings)))
    return person, AuditRun(outcome, None, failures=outcome.failures)


# --- the report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportData:
    """Everything a report is made of; `findings` carry the person's corrections."""

    person: Profile
    findings: Sequence[Finding]
    failures: Sequence[str] = ()
    complete: bool = True
    previous: Mapping[str, Any] | None = None  # "since your last audit"
    tracked: Sequence[Mapping[str, Any]] | None = None  # removal requests
    queries_sent: int = 0
    audit_id: int | None = None
    lang: str | None = None  # the language a saved file asks for
    generated: datetime | None = None  # when a saved file was made


def saved_report_data(
    audit_id: int,
    *,
    person: Profile | None = None,
    now: datetime | None = None,
    queries_sent: int = 0,
    store_path: Path | None = None,
) -> ReportData:
    """A saved audit as its report shows it: corrections applied, what changed since the
    previous audit of the name, and the tracked removal requests (as of `now`)."""
    from footprint.store import Store

    with Store.open(store_path) as store:
        info = store.audit(audit_id)
        findings = store.load_findings(audit_id)
        if person is None:
            person = _saved_person(store, audit_id, info.name)
        return ReportData(
            person=person,
            findings=findings,
            failures=info.failures,
            complete=info.complete,
            previous=store.previous_context(audit_id),
            tracked=store.tracked_context(now),
            queries_sent=queries_sent,
            audit_id=audit_id,
        )


def _saved_person(store: Any, audit_id: int, name: str) -> Profile:
    from footprint.profile import Profile, profile_from_mapping

    saved = dict(store.resume_state(audit_id).profile)
    if not saved.get("name"):
        return Profile(name=name)
    return profile_from_mapping(saved, f"audit {audit_id}: profile").profile


def report_data_from_file(path: Path, *, person: Profile | None = None) -> ReportData:
    """An `audit --json` file, or a `classify -f json` file with `person` given."""
    from footprint.report.saved import load_saved

    saved = load_saved(path, profile=person)
    generated = None
    if saved.generated:
        with contextlib.suppress(ValueError):
            generated = datetime.fromisoformat(saved.generated)
    return ReportData(
        person=saved.profile,
        findings=saved.findings,
        failures=saved.failures,
        complete=saved.complete,
        lang=saved.lang,
        generated=generated,
    )


def render_report(
    data: ReportData,
    *,
    lang: str,
    generated: datetime,
    formats: Sequence[str] = ("pdf",),
    progress: ProgressSink | None = None,
    one_shot: bool = False,
) -> dict[str, bytes | str]:
    """The report rendered in each of `formats` ("pdf" → bytes, "html" → str); nothing written.

    `one_shot=True` when the process ends soon after (the CLI; see `templating.render_pdf`).
    """
    from footprint.report.context import build_report_context
    from footprint.report.render import render_report_html, render_report_pdf

    unknown = [f for f in formats if f not in FORMATS]
    if unknown or lang not in LANGUAGES:
        what = f"format {unknown[0]!r}" if unknown else f"language {lang!r}"
        raise InputError(f"no report {what}: use {'/'.join(FORMATS)} in {'/'.join(LANGUAGES)}")
    context = build_report_context(
        data.findings, data.person, lang=lang, generated=generated, previous=data.previous,
        tracked=data.tracked, failures=data.failures, complete=data.complete,
    )  # fmt: skip
    if progress is not None:
        progress(StageStarted("report", len(formats)))
    rendered: dict[str, bytes | str] = {}
    for done, fmt in enumerate(formats, 1):
        if fmt == "pdf":
            rendered[fmt] = render_report_pdf(context, one_shot=one_shot)
        else:
            rendered[fmt] = render_report_html(context)
        if progress is not None:
            progress(StageAdvanced("report", done, len(formats)))
    if progress is not None:
        progress(StageFinished("report", len(formats), len(formats)))
    return rendered


def render_files(
    data: ReportData,
    *,
    lang: str,
    generated: datetime,
    pdf: Path | None = None,
    html: Path | None = None,
    progress: ProgressSink | None = None,
    one_shot: bool = False,
) -> dict[Path, bytes | str]:
    """The report rendered for each path given (HTML first), ready for `write_outputs`."""
    targets = {fmt: path for fmt, path in (("html", html), ("pdf", pdf)) if path is not None}
    rendered = render_report(data, lang=lang, generated=generated, formats=list(targets),
                             progress=progress, one_shot=one_shot)  # fmt: skip
    return {targets[fmt]: body for fmt, body in rendered.items()}


def letter_files(folder: Path, data: ReportData, *, lang: str, day: date) -> dict[Path, str]:
    """Every letter of the report (one per site and step) as its own text file in `folder`,
    ready for `write_outputs`, which creates the folder readable only by the user."""
    from footprint.errors import OutputError
    from footprint.report.letters import all_steps

    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file: give --letters a folder")
    files = all_steps(data.findings, name=data.person.name, lang=lang, day=day)
    return {folder / file_name: text for file_name, text in files.items()}


def audit_json_text(data: ReportData, *, lang: str, generated: datetime) -> str:
    """The audit as the JSON `footprint audit --json` writes (read back by `footprint report`)."""
    from footprint.report.saved import audit_document, audit_json

    return audit_json(audit_document(
        data.findings, data.person, name=data.person.name, lang=lang,
        generated=generated.isoformat(), failures=data.failures, queries_sent=data.queries_sent,
    ))  # fmt: skip


def write_outputs(outputs: Mapping[Path, bytes | str], *, overwrite: bool = False) -> None:
    """Write every rendered output atomically, readable only by the user (0600).

    An existing file is replaced only with `overwrite` (the CLI's `--force`); otherwise it
    is kept and an OutputError names it.
    """
    from footprint.paths import write_private

    for path, data in outputs.items():
        write_private(path, data, overwrite=overwrite)

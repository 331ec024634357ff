"""Run the planned searches on every provider and merge what they found.

One provider's failure does not stop the others: its failure is recorded with its kind
and message, and everything found so far is kept. A provider whose key is wrong or whose
quota is used up is not asked again in the same run, nor one that was unavailable for
`DOWN_AFTER` queries in a row (a server that is down would otherwise get every query,
each with its retry waits). The plan is capped at `MAX_QUERIES` queries.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from footprint.errors import ExitStatus
from footprint.models import SearchResult
from footprint.profile import Profile
from footprint.search.dedup import merge_hits
from footprint.search.plan import MAX_QUERIES, PlannedQuery, cap_plan, plan_queries, quoted
from search_providers.base import (
    ErrorKind,
    ProviderError,
    Query,
    SearchHit,
    SearchProvider,
    redact,
)

# After these, asking the same provider again in this run cannot succeed.
_GIVE_UP = frozenset({ErrorKind.AUTH, ErrorKind.QUOTA, ErrorKind.CONFIG, ErrorKind.RATE_LIMITED})
# After this many queries in a row that failed as unavailable (each already retried), the
# provider counts as down for the rest of the run.
DOWN_AFTER = 2
_SETUP = frozenset({ErrorKind.AUTH, ErrorKind.CONFIG})

Progress = Callable[[str, int, int], None]
OnFailure = Callable[["ProviderFailure"], None]


@dataclass(frozen=True)
class ProviderFailure:
    """A provider that failed: why (its kind), what to do (the message), and how often."""

    provider: str
    kind: ErrorKind
    message: str
    query: str = ""  # the first query it failed on
    count: int = 1

    def to_dict(self) -> dict[str, object]:
        return {
            "provider": self.provider,
            "kind": self.kind.value,
            "message": self.message,
            "query": self.query,
            "count": self.count,
        }


@dataclass
class SearchOutcome:
    """What a search run found and what went wrong."""

    results: list[SearchResult] = field(default_factory=list)  # deduplicated, best rank first
    failures: list[ProviderFailure] = field(default_factory=list)
    queries_sent: int = 0  # (provider, query) searches started
    raw_count: int = 0  # hits before deduplication
    duplicates_removed: int = 0
    per_provider: dict[str, int] = field(default_factory=dict)  # hits each provider gave
    providers: list[str] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)  # the distinct query texts, in plan order
    notices: list[str] = field(default_factory=list)  # things to tell the person once
    interrupted: bool = False

    @property
    def failed_providers(self) -> set[str]:
        return {f.provider for f in self.failures}

    @property
    def all_failed(self) -> bool:
        """Every provider failed and nothing at all was found."""
        return (
            bool(self.providers)
            and not self.results
            and self.failed_providers >= set(self.providers)
        )

    def exit_status(self) -> ExitStatus:
        """OK; PARTIAL if a provider failed but results were kept; CONFIG/NETWORK if all failed."""
        if self.interrupted:
            return ExitStatus.INTERRUPTED
        if self.all_failed:
            if all(f.kind in _SETUP for f in self.failures):
                return ExitStatus.CONFIG
            return ExitStatus.NETWORK
        return ExitStatus.PARTIAL if self.failures else ExitStatus.OK

    def summary(self) -> str:
        """One line: queries sent, results, duplicates removed, per provider."""
        parts = ", ".join(f"{name} {n}" for name, n in self.per_provider.items()) or "none"
        queries = "query" if self.queries_sent == 1 else "queries"
        return (
            f"{self.queries_sent} {queries} sent, {len(self.results)} results "
            f"({self.duplicates_removed} duplicates removed); per provider: {parts}"
        )


def _tasks(
    providers: Sequence[SearchProvider], plan: Sequence[PlannedQuery], name: str
) -> list[tuple[SearchProvider, Query]]:
    """(provider, query) pairs, without asking a provider the same thing twice."""
    tasks: list[tuple[SearchProvider, Query]] = []
    for provider in providers:
        if not provider.uses_queries:
            first = plan[0] if plan else PlannedQuery(quoted(name), None, "name")
            tasks.append((provider, Query(first.text, first.language)))
            continue
        seen: set[tuple[str, str | None]] = set()
        for planned in plan:
            language = planned.language if provider.uses_language else None
            if (planned.text, language) not in seen:
                seen.add((planned.text, language))
                tasks.append((provider, Query(planned.text, language)))
    return tasks


def _record(failures: list[ProviderFailure], err: ProviderError, query: str) -> bool:
    """Count the failure; True when it is a new one (not seen before in this run)."""
    message = redact(err.message)  # it is shown, saved with the audit and put in the report
    for i, failure in enumerate(failures):
        if (failure.provider, failure.kind, failure.message) == (err.provider, err.kind, message):
            failures[i] = ProviderFailure(
                failure.provider, failure.kind, failure.message, failure.query, failure.count + 1
            )
            return False
    failures.append(ProviderFailure(err.provider, err.kind, message, query))
    return True


def _say_which_were_down(
    failures: list[ProviderFailure], down_in_a_row: Counter[str], not_sent: Counter[str]
) -> None:
    """Add to a down provider's last failure that it was not asked again, once."""
    for name, skipped in not_sent.items():
        if down_in_a_row[name] < DOWN_AFTER:
            continue  # given up for its key or quota: the message says so already
        last = max(i for i, f in enumerate(failures) if f.provider == name)
        searches = "search" if skipped == 1 else "searches"
        failures[last] = replace(
            failures[last],
            message=f"{failures[last].message} (not asked again after {DOWN_AFTER} failures "
            f"in a row: {skipped} {searches} not sent)",
        )


def run_search(
    profile: Profile,
    providers: Sequence[SearchProvider],
    *,
    max_results: int = 50,
    languages: Sequence[str] | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    on_failure: OnFailure | None = None,
) -> SearchOutcome:
    """Search every provider for every planned query, paging up to `max_results` each.

    `cancel`, when set, stops the run before the next query (`interrupted`, as Ctrl-C
    does); `on_failure` hears of each new provider failure as it happens.
    """
    full_plan = plan_queries(profile, languages)
    plan, left_out = cap_plan(full_plan, MAX_QUERIES)
    tasks = _tasks(providers, plan, profile.name)
    outcome = SearchOutcome(
        providers=[p.name for p in providers],
        queries=list(dict.fromkeys(q.text for _, q in tasks)),
        notices=list(dict.fromkeys(p.notice for p in providers if p.notice)),
    )
    if left_out:
        outcome.notices.append(
            f"the profile makes {len(full_plan)} searches; footprint runs {len(plan)} of them "
            f"(your name first, then aliases, employers, towns and groups) and leaves out "
            f"{left_out}: shorten the profile's lists or search in fewer languages (--lang)"
        )
    counts: Counter[str] = Counter({p.name: 0 for p in providers})
    hits: list[SearchHit] = []
    given_up: set[str] = set()
    down_in_a_row: Counter[str] = Counter()
    not_sent: Counter[str] = Counter()
    for done, (provider, query) in enumerate(tasks, 1):
        if cancel is not None and cancel.is_set():
            outcome.interrupted = True
            break
        if provider.name in given_up:
            not_sent[provider.name] += 1
        else:
            outcome.queries_sent += 1
            try:
                for page in provider.pages(query, max_results):
                    hits.extend(page.hits)
                    counts[provider.name] += len(page.hits)
                down_in_a_row[provider.name] = 0
            except ProviderError as err:
                if _record(outcome.failures, err, query.text) and on_failure is not None:
                    on_failure(outcome.failures[-1])
                unavailable = err.kind is ErrorKind.UNAVAILABLE
                down_in_a_row[provider.name] = (
                    down_in_a_row[provider.name] + 1 if unavailable else 0
                )
                if err.kind in _GIVE_UP or down_in_a_row[provider.name] >= DOWN_AFTER:
                    given_up.add(provider.name)
            except KeyboardInterrupt:
                outcome.interrupted = True
                break
        if progress is not None:
            progress(f"{provider.name}: {query.text}", done, len(tasks))
    _say_which_were_down(outcome.failures, down_in_a_row, not_sent)
    outcome.results = merge_hits(hits)
    outcome.raw_count = len(hits)
    outcome.duplicates_removed = len(hits) - len(outcome.results)
    outcome.per_provider = dict(counts)
    return outcome

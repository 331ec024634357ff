"""The classifier for one person, and classifying many results at once."""

from __future__ import annotations

from collections.abc import Sequence

from footprint.classify.evidence import Profiled
from footprint.classify.rules import decide
from footprint.models import Classification, Finding, PageCheck, SearchResult
from footprint.profile import Profile


class Classifier:
    """Classifies results for one person; build it once per profile."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._profiled = Profiled(profile)

    def classify(self, result: SearchResult, check: PageCheck | None = None) -> Classification:
        facts = self._profiled.gather(result, check)
        return decide(facts, self.profile, check)


def classify_all(
    results: Sequence[SearchResult],
    profile: Profile,
    checks: Sequence[PageCheck | None] | None = None,
) -> list[Finding]:
    """A finding for each result, in the same order; `checks` pairs with `results`."""
    if checks is not None and len(checks) != len(results):
        raise ValueError(f"{len(checks)} page checks for {len(results)} results")
    if not results:
        return []
    classifier = Classifier(profile)
    pairs = zip(results, checks if checks is not None else [None] * len(results), strict=True)
    return [Finding(r, classifier.classify(r, c), c) for r, c in pairs]

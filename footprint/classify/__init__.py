"""The explainable classifier: each result becomes namesake, defunct, activism, work or
private, with the year it is likely from, a confidence and the reasons why.

    classifier = Classifier(profile)          # compiles the profile once
    classifier.classify(result, check)        # → Classification
    classify_all(results, profile, checks)    # → list[Finding], in the same order
    render_reason(reason, "fi")               # a reason in the report's language

Modules: `text` (tokens, lemmas, phrase matching), `lemmas` (fast simplemma
dictionaries), `names` (the person's name in its forms), `dates`, `platforms`,
`lexicon` (vocabularies in fi/sv/en), `facts` (evidence), `evidence` (gathering it),
`namesakes` (evidence of someone else), `rules` (deciding) and `messages` (reason
templates in three languages).
"""

from __future__ import annotations

from collections.abc import Sequence

from footprint.classify.evidence import Profiled
from footprint.classify.messages import render_reason
from footprint.classify.rules import decide
from footprint.models import Classification, Finding, PageCheck, SearchResult
from footprint.profile import Profile

__all__ = ["Classifier", "classify_all", "render_reason"]


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

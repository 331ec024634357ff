"""No search result can stall the classifier: huge or crafted fields are sorted quickly.

Timing claims live in `benchmarks/classify_hostile.py`; the bound here is generous on
purpose (a guard against a quadratic pattern coming back, not a speed figure).
"""

from __future__ import annotations

import time

import pytest

from benchmarks.classify_hostile import PROFILE, fill
from benchmarks.classify_hostile import SHAPES as SHAPE_UNITS
from footprint.classify import Classifier
from footprint.classify.limits import EXCERPT_CHARS, SNIPPET_CHARS, TITLE_CHARS, bounded
from footprint.models import Category, PageCheck, PageStatus, SearchResult

MB = 1_000_000
SHAPES = tuple(SHAPE_UNITS.values())  # runs of capitals, names with ages, birth marks, dates…


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    ready = Classifier(PROFILE)
    ready.classify(SearchResult(url="https://example.invalid/", title="Laura Hietanen"))  # warm
    return ready


@pytest.mark.parametrize("unit", SHAPES)
def test_a_megabyte_in_every_field_is_sorted_quickly(classifier: Classifier, unit: str) -> None:
    huge = fill(unit, MB)
    result = SearchResult(url="https://example.invalid/" + fill("a/", MB), title=huge, snippet=huge)
    check = PageCheck(PageStatus.LIVE, title=huge, excerpt=huge)
    started = time.perf_counter()
    got = classifier.classify(result, check)
    assert time.perf_counter() - started < 10.0, unit  # generous: the benchmark has the figure
    assert isinstance(got.category, Category) and got.reasons


def test_only_the_start_of_each_field_is_read() -> None:
    long = "x" * MB
    result = SearchResult(url="https://example.invalid/" + long, title=long, snippet=long)
    check = PageCheck(PageStatus.LIVE, title=long, excerpt=long, final_url=long)
    small, page = bounded(result, check)
    assert page is not None
    assert len(small.title) == TITLE_CHARS and len(small.snippet) == SNIPPET_CHARS
    assert len(page.title) == TITLE_CHARS and len(page.excerpt) == EXCERPT_CHARS
    assert len(small.url) < 5000 and len(page.final_url or "") < 5000
    ordinary = SearchResult(url="https://example.invalid/a", title="t", snippet="s")
    assert bounded(ordinary, None) == (ordinary, None)  # the same objects when nothing is cut


def test_the_words_after_the_cap_are_not_read(classifier: Classifier) -> None:
    tail = " Laura Hietanen 12-vuotias"  # past the cap: would make her a child
    snippet = "Laura Hietanen, sosiaaliohjaaja." + " " * SNIPPET_CHARS + tail
    got = classifier.classify(SearchResult(url="https://example.invalid/a", snippet=snippet))
    assert got.category is Category.WORK
    assert "minor_age" not in {r.code for r in got.reasons}

"""Searching the web for a person: query planning, running providers, deduplication.

The providers themselves live in the `search_providers` package.
"""

from footprint.search.dedup import canonical_url, merge_hits
from footprint.search.plan import MAX_QUERIES, PlannedQuery, cap_plan, parse_languages, plan_queries
from footprint.search.providers import default_names, make_providers
from footprint.search.run import ProviderFailure, SearchOutcome, run_search

__all__ = [
    "MAX_QUERIES",
    "PlannedQuery",
    "ProviderFailure",
    "SearchOutcome",
    "canonical_url",
    "cap_plan",
    "default_names",
    "make_providers",
    "merge_hits",
    "parse_languages",
    "plan_queries",
    "run_search",
]

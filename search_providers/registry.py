"""Every provider by name. Adding one = one module + one line here (a test checks both)."""

from __future__ import annotations

from search_providers.base import SearchProvider
from search_providers.brave import BraveProvider
from search_providers.duckduckgo import DuckDuckGoProvider
from search_providers.file import FileProvider
from search_providers.google_cse import GoogleCseProvider
from search_providers.searxng import SearxngProvider
from search_providers.serpapi import SerpApiProvider

PROVIDERS: dict[str, type[SearchProvider]] = {
    cls.name: cls
    for cls in (
        BraveProvider,
        SearxngProvider,
        SerpApiProvider,
        GoogleCseProvider,
        DuckDuckGoProvider,
        FileProvider,
    )
}

# The order `make_providers` tries them in when none is named; `file` only with --from.
SEARCH_ORDER = ("brave", "serpapi", "google", "searxng")
KEYLESS_DEFAULT = "duckduckgo"


def provider_class(name: str) -> type[SearchProvider]:
    """The class for a provider name; KeyError names the ones there are."""
    try:
        return PROVIDERS[name]
    except KeyError:
        raise KeyError(f"unknown provider {name!r}: use one of {', '.join(PROVIDERS)}") from None

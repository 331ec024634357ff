"""Search providers behind one small interface; this package never imports `footprint`."""

from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    SearchHit,
    SearchProvider,
    Secret,
)

__all__ = [
    "ErrorKind",
    "Page",
    "ProviderError",
    "Query",
    "SearchHit",
    "SearchProvider",
    "Secret",
]

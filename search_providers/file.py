"""Results saved in a file (`--from FILE`): a JSON array, JSONL or CSV with a `url` column.

For results collected by hand or in a workshop without keys. The file's records are the
hits whatever the query; each keeps its own `query` and `provider` when it has them.
Parsed with the standard library only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    SearchHit,
    SearchProvider,
    clean_text,
    normalize_date,
)
from search_providers.recordfile import RecordFileError, parse_record_text

_URL_KEYS = ("url", "link", "href")
_SNIPPET_KEYS = ("snippet", "description", "content", "body")
_DATE_KEYS = ("published", "date", "publishedDate", "page_age")


class FileProvider(SearchProvider):
    name = "file"
    title = "A saved results file (--from FILE)"
    env_vars = ()
    key_url = None
    page_size = 100_000
    max_pages = 1
    uses_language = False
    uses_queries = False

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._hits: tuple[SearchHit, ...] | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> FileProvider:
        raise ProviderError(ErrorKind.CONFIG, cls.name, "give the results file with --from FILE")

    def load(self) -> tuple[SearchHit, ...]:
        """Read and check the whole file once; errors name the file and the record."""
        if self._hits is None:
            self._hits = tuple(self._read())
        return self._hits

    def pages(self, query: Query, max_results: int) -> Iterator[Page]:
        yield self.search_page(query, 0)

    def search_page(self, query: Query, page: int) -> Page:
        if page:
            return Page()
        hits = self.load()
        return Page(tuple(h if h.query else replace(h, query=query.text) for h in hits))

    def _fail(self, message: str) -> ProviderError:
        return ProviderError(ErrorKind.BAD_REQUEST, self.name, f"{self.path}: {message}")

    def _read(self) -> Iterator[SearchHit]:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise self._fail("no such file") from None
        except IsADirectoryError:
            raise self._fail("is a folder, not a results file") from None
        except UnicodeDecodeError:
            raise self._fail("not UTF-8 text: save it as UTF-8") from None
        except OSError as exc:
            raise self._fail(f"cannot read: {exc.strerror}") from None
        for number, record in enumerate(self._records(text), 1):
            yield self._hit(number, record)

    def _records(self, text: str) -> list[dict[str, Any]]:
        try:
            return parse_record_text(
                text, csv_hint=self.path.suffix.lower() == ".csv", url_columns=_URL_KEYS
            )
        except RecordFileError as exc:
            raise self._fail(str(exc)) from None

    def _hit(self, number: int, record: Mapping[str, Any]) -> SearchHit:
        url = next((record[k] for k in _URL_KEYS if isinstance(record.get(k), str)), "").strip()
        if not url.startswith(("http://", "https://")):
            raise self._fail(f"record {number} has no http(s) 'url'")
        rank = record.get("rank", record.get("position"))
        try:
            rank_value = int(rank) if rank not in (None, "") else number
        except (TypeError, ValueError):
            raise self._fail(f"record {number}: 'rank' must be a whole number") from None
        return SearchHit(
            title=clean_text(record.get("title")),
            url=url,
            snippet=clean_text(next((record[k] for k in _SNIPPET_KEYS if record.get(k)), "")),
            published=normalize_date(next((record[k] for k in _DATE_KEYS if record.get(k)), None)),
            rank=rank_value,
            provider=str(record.get("provider") or self.name),
            query=str(record.get("query") or ""),
        )

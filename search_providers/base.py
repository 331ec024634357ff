"""The contract every search provider keeps: queries in, ranked hits out, failures as data.

A provider implements one method, `search_page(query, page)`; `pages()` and `search()`
page through results for it. Failures are `ProviderError`s with a small set of kinds so
that callers can tell a bad key from a used-up quota from a server that is down.
This package never imports `footprint`.
"""

from __future__ import annotations

import base64
import html
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, ClassVar
from urllib.parse import quote, unquote, urlsplit, urlunsplit


class ErrorKind(StrEnum):
    """Why a provider failed, in the words a person can act on."""

    AUTH = "auth"  # the key is missing, wrong or not allowed to use this API
    QUOTA = "quota"  # the plan's searches are used up for now
    RATE_LIMITED = "rate_limited"  # too many requests too fast; waiting helps
    UNAVAILABLE = "unavailable"  # the service is down, slow or answered nonsense
    BAD_REQUEST = "bad_request"  # the service refused the request itself
    CONFIG = "config"  # a setting is missing or the service is set up wrongly


class ProviderError(Exception):
    """A provider could not answer. The message names the provider and, where known, the fix."""

    def __init__(
        self,
        kind: ErrorKind | str,
        provider: str,
        message: str,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = ErrorKind(kind)
        self.provider = provider
        self.message = message
        self.retry_after = retry_after

    def __str__(self) -> str:
        return f"{self.provider}: {self.message}"

    def __repr__(self) -> str:
        return f"ProviderError({self.kind.value!r}, {self.provider!r}, {self.message!r})"


class Secret:
    """An API key that shows itself only when asked: never in repr(), str() or f-strings."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]{0,15}://)[^\s/?#@]*@")
_SECRET_PARAMETER = re.compile(
    r"(?i)([?&](?:api_key|apikey|key|token|access_token|password|secret|cx)=)[^&#\s]*"
)


def redact(text: str) -> str:
    """`text` with the credentials of every address in it masked.

    The user name and password before a host (`http://user:password@host` →
    `http://***@host`) and the values of query parameters that carry keys (`api_key`,
    `key`, `token`, `cx` …) become `***`. Works on one address or on a whole message.
    """
    return _SECRET_PARAMETER.sub(r"\1***", _USERINFO.sub(r"\1***@", text))


def split_credentials(url: str) -> tuple[str, Secret | None]:
    """`url` without its `user:password@`, and those as an HTTP Basic `Authorization` value.

    Credentials kept in an address end up wherever the address goes (messages, cache
    keys, stored requests); as a header they are a Secret that only the request sees.
    """
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    token = base64.b64encode(f"{unquote(user)}:{unquote(password)}".encode()).decode()
    return urlunsplit(parts._replace(netloc=host)), Secret(f"Basic {token}")


@dataclass(frozen=True)
class Query:
    """One search as sent to a provider: the text and the language to prefer."""

    text: str
    language: str | None = None  # "fi", "sv" or "en"
    country: str = "fi"


@dataclass(frozen=True)
class SearchHit:
    """One result as a provider returned it."""

    title: str
    url: str
    snippet: str = ""
    published: str | None = None  # ISO date (YYYY-MM-DD), a bare year, or None
    rank: int = 0  # 1-based position in this query's results at this provider
    provider: str = ""
    query: str = ""


@dataclass(frozen=True)
class Page:
    """One page of hits and whether the provider says there are more."""

    hits: tuple[SearchHit, ...] = ()
    more: bool = False


class SearchProvider(ABC):
    """A search service. Subclasses set the class attributes and implement `search_page`."""

    name: ClassVar[str]
    title: ClassVar[str]  # the name people know it by, e.g. "Brave Search API"
    env_vars: ClassVar[tuple[str, ...]] = ()  # the settings it needs
    key_url: ClassVar[str | None] = None  # where to get a key
    page_size: ClassVar[int] = 10
    max_pages: ClassVar[int] = 10  # the deepest the service lets anyone page
    uses_language: ClassVar[bool] = True  # False: the language parameter changes nothing
    uses_queries: ClassVar[bool] = True  # False: the same hits whatever the query (a file)
    notice: ClassVar[str | None] = None  # something the person should know, said once per run

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> SearchProvider:
        """Build from the settings in `env`; a missing one is a `config` ProviderError."""
        raise ProviderError(ErrorKind.CONFIG, cls.name, "cannot be set up from the environment")

    @property
    def limit(self) -> int:
        """The most results one query can give at this provider."""
        return self.page_size * self.max_pages

    @abstractmethod
    def search_page(self, query: Query, page: int) -> Page:
        """Fetch page `page` (0-based) of results for `query`, or raise ProviderError."""

    def pages(self, query: Query, max_results: int) -> Iterator[Page]:
        """Yield pages until `max_results` hits, the provider's limit, or the last page.

        A failure on a later page raises after the earlier pages were yielded, so a
        caller that consumes the iterator keeps what was found.
        """
        wanted = min(max_results, self.limit)
        got = 0
        for page_no in range(self.max_pages):
            if got >= wanted:
                return
            page = self.search_page(query, page_no)
            hits = page.hits[: wanted - got]
            got += len(hits)
            yield Page(hits, page.more)
            if not page.more or not page.hits:
                return

    def search(self, query: Query, max_results: int = 50) -> list[SearchHit]:
        """All hits for `query`, paging as needed."""
        return [hit for page in self.pages(query, max_results) for hit in page.hits]

    def hit(self, query: Query, rank: int, url: str, title: object, snippet: object = "",
            published: object = None) -> SearchHit:  # fmt: skip
        """A hit from this provider, its texts cleaned and its date normalised."""
        return SearchHit(
            title=clean_text(title),
            url=inert_url(url.strip()),
            snippet=clean_text(snippet),
            published=normalize_date(published),
            rank=rank,
            provider=self.name,
            query=query.text,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


# --- helpers the provider modules share -------------------------------------------------

_TAG = re.compile(r"<[^>]{0,200}>")
_SPACE = re.compile(r"\s+")


def clean_text(value: object) -> str:
    """Plain text from an engine's title or snippet: tags removed, entities decoded, inert."""
    if not isinstance(value, str):
        return ""
    return inert_text(_SPACE.sub(" ", html.unescape(_TAG.sub("", value))).strip())


# Text from the web must not act on what shows it. Control characters (C0 but tab and
# newline, DEL, C1) can drive a terminal (ESC sequences), end a C string (NUL) or hide in
# HTML and PDF; they are dropped. Bidi embeddings, overrides and isolates (U+202A–202E,
# U+2066–2069) can make an address read backwards; they are replaced by a visible mark.
BIDI_MARK = "\ufffd"
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def inert_text(value: str, *, lines: bool = False) -> str:
    """`value` with control characters dropped and bidi controls shown as `BIDI_MARK`.

    One-line text (a title) gets a space for a tab or line break; with `lines=True` (a
    snippet, a page excerpt) tabs and line breaks stay, as newlines.
    """
    if not _UNSAFE.search(value):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n") if lines else _BREAKS.sub(" ", value)
    return _BIDI.sub(BIDI_MARK, _CONTROLS.sub("", value))


def inert_url(url: str) -> str:
    """`url` with control and bidi characters percent-encoded, as a browser shows them.

    The address still leads where it did (an HTTP client encodes them the same way), but
    it cannot drive a terminal or read backwards.
    """
    if not _UNSAFE.search(url):
        return url
    return _UNSAFE.sub(lambda m: quote(m[0], safe=""), url)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "tammi"),
            ("feb", "helmi"),
            ("mar", "maalis"),
            ("apr", "huhti"),
            ("may", "touko", "maj"),
            ("jun", "kesä"),
            ("jul", "heinä"),
            ("aug", "elo"),
            ("sep", "syys"),
            ("oct", "loka", "okt"),
            ("nov", "marras"),
            ("dec", "joulu"),
        ],
        1,
    )
    for m in names
}
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_DMY = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$")
_TEXT_DATE = re.compile(
    r"^(?:(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})|([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4}))$"
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int | None:
    word = word.lower()
    for prefix, number in _MONTHS.items():
        if word.startswith(prefix):
            return number
    return None


def normalize_date(value: object) -> str | None:
    """An ISO date (or a bare year) from what engines give: ISO, '3.3.2021', 'Mar 3, 2021'.

    Relative ages such as '2 days ago' give None: they say nothing once saved.
    """
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        try:
            return datetime.fromtimestamp(value).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if m := _ISO.match(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(text):
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    if m := _TEXT_DATE.match(text):
        day, word, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
        month = _month(word)
        return _valid(int(year), month, int(day)) if month else None
    if "ago" in text.lower() or "sitten" in text.lower():
        return None
    if m := _YEAR.search(text):
        return m[1]
    return None


_LEADING_DATE = re.compile(r"^(.{6,24}?)\s+(?:\.\.\.|…|—|–|·|-)(?:\s|$)")


def leading_date(snippet: str) -> str | None:
    """The date an engine puts before a snippet: 'Jul 7, 2024 ... text' → '2024-07-07'.

    Only a whole date counts: a year or an age ('3 days ago ...') before the dots is text.
    """
    match = _LEADING_DATE.match(snippet)
    found = normalize_date(match[1]) if match else None
    return found if found and len(found) == 10 else None


def as_dict(value: object) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one: engines' JSON is untrusted."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """`value` if it is a JSON array, else an empty one."""
    return value if isinstance(value, list) else []


def env_value(env: Mapping[str, str], name: str) -> str | None:
    """A setting from the environment, with surrounding blanks removed; '' counts as unset."""
    value = (env.get(name) or "").strip()
    return value or None


def missing_setting(provider: type[SearchProvider], variable: str) -> ProviderError:
    """The error for a provider whose key or address is not set, with where to get one."""
    where = f": get one at {provider.key_url}" if provider.key_url else ""
    return ProviderError(
        ErrorKind.CONFIG,
        provider.name,
        f"{variable} is not set{where} and export {variable}=…",
    )

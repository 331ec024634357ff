"""What the HTTP providers share: pure request/response halves, one send loop with retries.

Each HTTP provider builds a `Request` from a query (pure) and turns a `Response` into a
`Page` or a `ProviderError` (pure), in SearXNG's engine style; `search_page` joins them
with the network. Keys travel as `Secret`s and are revealed only when the request is sent;
no message built here contains a URL, so no key can leak through one.
"""

from __future__ import annotations

import json
import time
from abc import abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from search_providers.base import (
    ErrorKind,
    Page,
    ProviderError,
    Query,
    SearchProvider,
    Secret,
    as_dict,
    env_value,
    missing_setting,
    split_credentials,
)

if TYPE_CHECKING:
    import requests

ParamValue = str | int | Secret
# Who asks, when the caller gives no session of its own (footprint names itself).
USER_AGENT = "search-providers (part of footprint, a personal self-audit)"


@dataclass(frozen=True)
class Request:
    """A GET request, its key values still wrapped as Secrets."""

    url: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    headers: Mapping[str, str | Secret] = field(default_factory=dict)

    def revealed_params(self) -> dict[str, str]:
        return {k: _reveal(v) for k, v in self.params.items()}

    def revealed_headers(self) -> dict[str, str]:
        return {k: _reveal(v) for k, v in self.headers.items()}


def _reveal(value: ParamValue) -> str:
    return value.reveal() if isinstance(value, Secret) else str(value)


@dataclass(frozen=True)
class Response:
    """What came back: status, headers (lower-case names) and the body text."""

    status: int
    text: str
    headers: Mapping[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HttpProvider(SearchProvider):
    """A provider that speaks JSON over HTTP GET.

    `base_url` points it anywhere (a test server, a self-hosted instance); a
    `user:password@` in it is sent as HTTP Basic auth, never as part of the address.
    `session` is the `requests` session to use (footprint gives a cached one). A failed
    request is retried `max_retries` times, after what `Retry-After` asks or else after
    `backoff` seconds, doubled each time; `sleep` is injectable so tests need not wait.
    """

    default_base_url: ClassVar[str] = ""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        session: requests.Session | None = None,
        timeout: float = 20.0,
        max_retries: int = 2,
        max_wait: float = 30.0,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url, self._basic_auth = split_credentials(
            (base_url or self.default_base_url).rstrip("/")
        )
        self._session = session
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_wait = max_wait
        self.backoff = backoff
        self.sleep = sleep

    # --- the pure halves ----------------------------------------------------------------

    @abstractmethod
    def build_request(self, query: Query, page: int) -> Request:
        """The request for page `page` (0-based) of `query`."""

    def parse_response(self, query: Query, page: int, response: Response) -> Page:
        """The page in `response`, or a ProviderError for an error answer."""
        if response.status != 200:
            raise self.error_for(response)
        data = self.parse_json(response)
        if not isinstance(data, dict):
            raise self.error(ErrorKind.UNAVAILABLE, "answered with JSON of an unexpected shape")
        return self.parse_data(query, page, data)

    @abstractmethod
    def parse_data(self, query: Query, page: int, data: dict[str, Any]) -> Page:
        """The page in a successful answer's JSON object."""

    def error_for(self, response: Response) -> ProviderError:
        """The error an unsuccessful answer stands for; providers read their error bodies."""
        return self.status_error(response)

    # --- shared pieces for the halves ---------------------------------------------------

    def error(
        self, kind: ErrorKind, message: str, retry_after: float | None = None
    ) -> ProviderError:
        return ProviderError(kind, self.name, message, retry_after)

    def parse_json(self, response: Response) -> Any:
        """The JSON body, or an `unavailable` error that says what came instead."""
        try:
            return json.loads(response.text)
        except (json.JSONDecodeError, RecursionError):
            return self._not_json(response)

    def _not_json(self, response: Response) -> Any:
        kind = response.header("content-type") or "no content type"
        raise self.error(
            ErrorKind.UNAVAILABLE,
            f"answered HTTP {response.status} with something that is not JSON "
            f"({kind.split(';')[0]}): the service may be down or behind a captive portal; "
            "try again later",
        )

    def status_error(self, response: Response, detail: str = "") -> ProviderError:
        """A generic error for a status the provider module did not handle itself."""
        status = response.status
        detail = f": {detail}" if detail else ""
        retry = retry_after_seconds(response.header("retry-after"))
        if status in (401, 403):
            return self.error(ErrorKind.AUTH, f"access denied (HTTP {status}){detail}")
        if status == 429:
            return self.error(
                ErrorKind.RATE_LIMITED, f"too many requests (HTTP 429){detail}", retry
            )
        if status >= 500:
            return self.error(
                ErrorKind.UNAVAILABLE,
                f"server error (HTTP {status}){detail}: try again later",
                retry,
            )
        return self.error(ErrorKind.BAD_REQUEST, f"request refused (HTTP {status}){detail}")

    # --- the network ----------------------------------------------------------------------

    @property
    def session(self) -> requests.Session:
        if self._session is None:
            import requests

            self._session = requests.Session()
            self._session.headers["User-Agent"] = USER_AGENT
        return self._session

    def _host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    def send(self, request: Request) -> Response:
        """Send one request; transport failures become `unavailable` errors without the URL."""
        import requests

        headers = request.revealed_headers()
        if self._basic_auth is not None:
            headers.setdefault("Authorization", self._basic_auth.reveal())
        try:
            reply = self.session.get(
                request.url,
                params=request.revealed_params(),
                headers=headers,
                timeout=self.timeout,
                allow_redirects=True,
            )
        except requests.Timeout:
            raise self.error(
                ErrorKind.UNAVAILABLE,
                f"{self._host()} did not answer within {self.timeout:g} s: try again later",
            ) from None
        except requests.ConnectionError:
            raise self.error(
                ErrorKind.UNAVAILABLE,
                f"cannot connect to {self._host()}: check the network connection or the address",
            ) from None
        except requests.RequestException as exc:
            raise self.error(
                ErrorKind.UNAVAILABLE,
                f"the request to {self._host()} failed ({type(exc).__name__})",
            ) from None
        headers = {k.lower(): v for k, v in reply.headers.items()}
        return Response(reply.status_code, reply.text, headers)

    def search_page(self, query: Query, page: int) -> Page:
        """Build, send, parse; wait and retry on rate limits and server errors, boundedly."""
        request = self.build_request(query, page)
        attempt = 0
        while True:
            response = self.send(request)
            try:
                return self.parse_response(query, page, response)
            except ProviderError as err:
                wait = self._retry_wait(err, response, attempt)
                if wait is None:
                    raise
            self.sleep(wait)
            attempt += 1

    def _retry_wait(self, err: ProviderError, response: Response, attempt: int) -> float | None:
        """How long to wait before trying again, or None to give up now."""
        retryable = err.kind is ErrorKind.RATE_LIMITED or (
            err.kind is ErrorKind.UNAVAILABLE and response.status >= 500
        )
        if not retryable or attempt >= self.max_retries:
            return None
        wait = err.retry_after if err.retry_after is not None else self.backoff * 2**attempt
        if wait > self.max_wait:
            return None  # the service asks for a longer pause than an audit should take
        return wait


class KeyedProvider(HttpProvider):
    """An HTTP provider with one API key, read from `key_var` in the environment."""

    key_var: ClassVar[str]

    def __init__(self, api_key: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._key = Secret(api_key)

    @classmethod
    def from_env(cls, env: Mapping[str, str], **kwargs: Any) -> KeyedProvider:
        key = env_value(env, cls.key_var)
        if key is None:
            raise missing_setting(cls, cls.key_var)
        return cls(key, **kwargs)


def json_error(response: Response) -> dict[str, Any]:
    """An error answer's JSON object, or {} when the body is not one."""
    try:
        data = json.loads(response.text)
    except (ValueError, RecursionError):
        return {}
    return as_dict(data)

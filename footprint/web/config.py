"""What one run of the app serves: address, secret, profile file, store, demo mode."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"  # the app never listens anywhere else
MAX_UPLOAD = 1024 * 1024  # the largest request body (a profile, rules, share files)


@dataclass
class AppConfig:
    """One start of the app. The secret is new for every start and never written anywhere."""

    port: int = 0
    profile_path: Path | None = None  # the profile TOML the form reads and writes
    store_path: Path | None = None  # footprint.db; None: footprint's data folder
    demo: bool = False  # the bundled fictional person, offline, saved results
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(32))

    @property
    def hosts(self) -> frozenset[str]:
        """The `Host` values a request may carry: the address the app serves, nothing else."""
        return frozenset({f"{HOST}:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def start_url(self) -> str:
        """The address printed once: it carries the secret, which becomes a cookie."""
        return f"{self.url}?token={self.secret}"

    @property
    def csrf_token(self) -> str:
        """The token every form and script sends with a state change."""
        return hmac.new(self.secret.encode(), b"csrf", hashlib.sha256).hexdigest()

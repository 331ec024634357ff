"""What the app holds while it runs: the store, the profile file, the running audit.

Nothing here is written anywhere but the store and the profile file; search keys typed
into the audit page live only in the running audit job, in memory.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from footprint import paths
from footprint.web.config import AppConfig

if TYPE_CHECKING:
    from footprint.profile import LoadedProfile
    from footprint.store import Store
    from footprint.web.jobs import AuditJobs
    from footprint.web.workshop_pool import SharePool

PROFILE_FILE = "profile.toml"
DEMO_FOLDER = "app-demo"  # the demo's own store and profile, apart from the person's


class AppState:
    def __init__(self, config: AppConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._jobs: AuditJobs | None = None
        self._pool: SharePool | None = None

    @property
    def folder(self) -> Path:
        base = paths.home()
        return base / DEMO_FOLDER if self.config.demo else base

    @property
    def profile_path(self) -> Path:
        return self.config.profile_path or self.folder / PROFILE_FILE

    @property
    def store_path(self) -> Path | None:
        if self.config.store_path is not None:
            return self.config.store_path
        return self.folder / "footprint.db" if self.config.demo else None

    def store(self) -> Store:
        """One connection for the app (the store serialises its own use across threads)."""
        with self._lock:
            if self._store is None:
                from footprint.store import Store

                if self.config.demo:
                    paths.private_dir(self.folder)
                self._store = Store.open(self.store_path)
            return self._store

    def profile(self) -> LoadedProfile | None:
        """The profile file as the command line reads it, or None when there is none yet."""
        from footprint.profile import load_profile

        if not self.profile_path.exists():
            if not self.config.demo:
                return None
            self._write_demo_profile()
        return load_profile(self.profile_path)

    def _write_demo_profile(self) -> None:
        from importlib import resources

        text = resources.files("footprint.demo").joinpath("profile.toml").read_text("utf-8")
        paths.private_dir(self.profile_path.parent)
        paths.write_private(self.profile_path, text)

    def jobs(self) -> AuditJobs:
        with self._lock:
            if self._jobs is None:
                from footprint.web.jobs import AuditJobs

                self._jobs = AuditJobs(self)
            return self._jobs

    def start_demo(self) -> None:
        """In demo mode, run the fictional person's audit once if the store has none yet."""
        if self.config.demo and self.store().latest_audit() is None:
            from footprint.web.jobs import AuditRequest

            loaded = self.profile()
            assert loaded is not None  # demo mode writes the demo profile
            self.jobs().start(AuditRequest(loaded.profile, demo=True))

    def pool(self) -> SharePool:
        with self._lock:
            if self._pool is None:
                from footprint.web.workshop_pool import SharePool

                self._pool = SharePool()
            return self._pool

    def close(self) -> None:
        if self._jobs is not None:
            self._jobs.cancel_all()
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

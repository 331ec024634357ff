"""Writing a profile back as TOML, in the shape `footprint profile init` documents.

The app's profile form saves through this, so the command line reads the same file.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from footprint.profile import Profile

HEADER = (
    "# footprint profile: who you are, so footprint can tell you from namesakes.\n"
    "# Written by 'footprint app'; 'footprint profile check FILE' shows what it understood.\n\n"
)


def _clean(value: Any) -> Any:
    """The profile without empty values (TOML has no null)."""
    if isinstance(value, dict):
        kept = {k: _clean(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, [], {})}
    return value


def profile_to_toml(profile: Profile) -> str:
    return HEADER + tomli_w.dumps(_clean(profile.to_dict()))

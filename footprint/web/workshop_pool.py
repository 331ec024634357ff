"""What the workshop page holds for this run only, in memory: the organisation's rules
if the facilitator gave them, the kit and code slips just made, and the share files
dropped in. Nothing of it is written anywhere but the downloads the person asks for.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footprint.workshop.rules import RuleSet

MAX_SHARE_FILES = 200


@dataclass
class SharePool:
    rules: RuleSet | None = None
    kit: bytes = b""
    slips: bytes = b""
    tag: str = ""
    shares: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ruleset(self) -> RuleSet:
        from footprint.workshop.rules import load_rules

        return self.rules if self.rules is not None else load_rules(None)

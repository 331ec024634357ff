"""The erasure letter as plain text, to copy into an e-mail or a web form.

Takes the `letter` part of `build_report_context` (already in the report's language and
filled in with the name, the date and the addresses).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def letter_text(letter: Mapping[str, Any]) -> str:
    addresses = [f"- {address}" for address in letter["addresses"]]
    if letter.get("more"):
        addresses.append(f"- … (+{letter['more']})")
    parts = [
        str(letter["subject"]),
        str(letter["date"]),
        str(letter["greeting"]),
        str(letter["before"]),
        "\n".join(addresses),
        *(str(p) for p in letter["after"]),
        f"{letter['closing']}\n{letter['name']}\n{letter['placeholder']}",
    ]
    return "\n\n".join(parts) + "\n"

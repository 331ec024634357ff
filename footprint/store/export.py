"""An audit as a file for the person's own records: JSON (the `classify` shape) or CSV."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from footprint import records
from footprint.models import Finding

EXPORT_COLUMNS = (
    "url", "title", "category", "corrected", "confidence", "year", "topic", "page_status",
    "reasons", "snippet", "published", "rank", "provider", "query",
)  # fmt: skip


class ExportFormat(StrEnum):
    json = "json"
    csv = "csv"


def export_text(findings: Sequence[Finding], fmt: ExportFormat) -> str:
    """The findings as JSON (readable again by `footprint report`/`classify`) or CSV."""
    dicts = [f.to_dict() for f in findings]
    if fmt is ExportFormat.csv:
        return records.to_csv(dicts, EXPORT_COLUMNS)
    return records.to_json(dicts)

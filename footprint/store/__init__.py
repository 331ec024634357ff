"""The local store: saved audits, corrections and removal requests, in one SQLite file.

`Store.open()` opens `footprint.db` in footprint's data folder (creating and migrating
it); `StoreSink` saves an audit as it runs; `diff`, `labels` and `tracking` hold the
pure rules.
"""

from footprint.store.audits import AuditInfo, ResumeState
from footprint.store.diff import AuditDiff, diff_findings
from footprint.store.labels import Label, apply_labels
from footprint.store.sink import StoreSink, open_audit_sink
from footprint.store.store import Store
from footprint.store.tracking import Channel, RemovalRequest

__all__ = [
    "AuditDiff",
    "AuditInfo",
    "Channel",
    "Label",
    "RemovalRequest",
    "ResumeState",
    "Store",
    "StoreSink",
    "apply_labels",
    "diff_findings",
    "open_audit_sink",
]

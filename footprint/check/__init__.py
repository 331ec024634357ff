"""The page check: is each result's page live, gone, parked or ceased — and archived?

`check_results(results)` checks every result's page over the network and returns a
`PageCheck` for each, in order. The modules: `safety` (what may be fetched), `fetch`
(bounded downloads), `page` (HTML parsing), `verdict` and `failures` (pure judgement),
`archive` (the Internet Archive), `pool` (concurrency, per-host limits, the deadline),
`nameserver` (whether a "no such name" answer can be believed).
"""

from footprint.check.nameserver import NameServerCheck
from footprint.check.pool import ARCHIVE_MODES, Checker, check_results

__all__ = ["ARCHIVE_MODES", "Checker", "NameServerCheck", "check_results"]

"""Workshop mode: a facilitator's kit, private self-audits and an anonymous group summary.

Each participant audits themself on their own device. What leaves that device is only a
share (`share.py`): counts and the rule ids the person marked, nothing that names or points
to them. The facilitator reads shares (`validate.py`), aggregates them with small figures
suppressed (`summary.py`) and renders the group report (`report.py`).
"""

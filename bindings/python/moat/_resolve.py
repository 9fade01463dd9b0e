"""Resolution: one DNS name resolved from one vantage, step by step."""

from __future__ import annotations

import html
from typing import Any

from ._table import Table

STEP_COLUMNS = ("kind", "name", "detail", "resource", "code")
ANSWER_COLUMNS = ("kind", "address", "addresses", "subject", "owner", "text")
FLOW_COLUMNS = ("status", "why", "resource", "text")


class Resolution:
    """The result of resolving ``name`` from one vantage point.

    ``outcome`` is a stable code (``ANSWERED``, ``RESOLVES_TO_PUBLIC``,
    ``NXDOMAIN_IN_PRIVATE_ZONE``, ...) with its ``meaning``; ``resolved`` is True when it
    came with answers. ``steps`` (Table of kind, name, detail, resource, code) read like
    a trace, each naming the Terraform resource that decided it; ``answers`` (Table of
    kind, address, addresses, subject, owner, text); ``required_flows`` the packet flows
    it depends on (checked with the forwarding engine) and ``assumptions``.
    ``str(resolution)`` is the text ``moat resolve`` prints.
    """

    def __init__(self, resolution: Any) -> None:
        self.name: str = resolution.name
        self.outcome: str = resolution.outcome
        self.meaning: str = resolution.meaning
        self.resolved: bool = resolution.resolved
        self.conditional: bool = resolution.conditional
        self.decided_by: str = resolution.decided_by.address
        self.steps = Table(STEP_COLUMNS, ({"kind": s.kind, "name": s.name, "detail": s.detail,
                                            "resource": s.decided_by.address, "code": s.code} for s in resolution.steps))
        self.answers = Table(ANSWER_COLUMNS, ({"kind": a.kind, "address": a.address, "addresses": a.addresses,
                                                "subject": a.subject, "owner": a.owner.address, "text": str(a)}
                                               for a in resolution.answers))
        self.required_flows = Table(FLOW_COLUMNS, ({"status": f.status, "why": f.why, "resource": f.decided_by.address,
                                                     "text": str(f)} for f in resolution.required_flows))
        self.assumptions: list[str] = list(resolution.assumptions)
        self._text = str(resolution)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<moat.Resolution {self.name} {self.outcome}: {len(self.answers)} answers>"

    def _repr_html_(self) -> str:
        head = (f"<p><b>{html.escape(self.name)}</b>: {html.escape(self.outcome)} "
                f"({html.escape(self.meaning)})</p>")
        return head + self.steps._repr_html_() + (self.answers._repr_html_() if self.answers else "")

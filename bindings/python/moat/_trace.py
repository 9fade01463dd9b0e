"""Trace: every delivered and dropped part of one flow, each with a witness packet,
its hops and explanations spelled as `moat check` spells an intent's evidence."""

from __future__ import annotations

import html
from typing import Any, Optional

from . import _moat
from ._check import EXPLANATION_COLUMNS, PATH_COLUMNS
from ._drawing import Drawing
from ._resolve import Resolution
from ._table import Table, html_table, require_pandas

PART_COLUMNS = ("outcome", "witness", "code", "resource", "certain", "hops", "packets")


def packet_dict(packet: Any) -> dict[str, Any]:
    """A packet with the keys of the JSON document's ``witness``."""
    return {
        "protocol": packet.protocol,
        "source": packet.source,
        "destination": packet.destination,
        "port": packet.port,
        "text": str(packet),
    }


def path_table(steps: list[Any]) -> Table:
    return Table(PATH_COLUMNS, ({"node": s.node, "resource": s.resource, "decision": s.decision} for s in steps))


def explanation_table(explanations: list[Any]) -> Table:
    return Table(EXPLANATION_COLUMNS,
                 ({"code": e.code, "resource": e.resource, "message": e.message} for e in explanations))


class Part:
    """One part of a flow: the packets (``packets``, as text), a ``witness`` packet
    (dict), the ``hops`` taken (Table of node, resource, decision), ``explanations``
    (Table of code, resource, message) and whether it is ``certain`` (False when it
    rests on data absent from state)."""

    outcome = ""

    def __init__(self, packets: str, witness: dict[str, Any], hops: Table, explanations: Table, certain: bool) -> None:
        self.packets = packets
        self.witness = witness
        self.hops = hops
        self.explanations = explanations
        self.certain = certain

    def _row(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "witness": self.witness["text"],
            "code": getattr(self, "code", None),
            "resource": getattr(self, "resource", None),
            "certain": self.certain,
            "hops": len(self.hops),
            "packets": self.packets,
        }

    def __repr__(self) -> str:
        return f"<moat.{type(self).__name__} {self.witness['text']}>"

    def _repr_html_(self) -> str:
        return (f"<p><b>{html.escape(self.outcome)}</b>: <code>{html.escape(self.witness['text'])}</code></p>"
                + self.hops._repr_html_() + (self.explanations._repr_html_() if self.explanations else ""))


class Delivered(Part):
    """Packets that reached a destination. ``hops`` ends with the destination
    ("delivered") and, for replies, the hops back; ``assumptions`` say why a part is not
    certain."""

    outcome = "delivered"

    def __init__(self, environment: Any, part: Any) -> None:
        super().__init__(str(part.packets), packet_dict(part.witness), path_table(_moat.delivered_path(environment, part)),
                         explanation_table(_moat.delivered_explanations(environment, part)), part.certain)
        self.assumptions: list[str] = list(part.assumptions)


class Dropped(Part):
    """Packets that stopped: ``code`` (e.g. ``ENI_SG_RULES_MISMATCH``), its ``meaning``,
    the deciding ``resource`` (Terraform address) and ``detail``; ``hops`` ends where they
    stopped."""

    outcome = "dropped"

    def __init__(self, environment: Any, part: Any) -> None:
        super().__init__(str(part.packets), packet_dict(part.witness), path_table(_moat.dropped_path(environment, part)),
                         explanation_table([_moat.dropped_explanation(part)]), part.certain)
        self.code: str = part.code
        self.meaning: str = part.meaning
        self.resource: str = part.address
        self.detail: str = part.detail


class Trace:
    """One flow pushed through the network: ``delivered`` and ``dropped`` parts,
    ``resolutions`` (for ``dns:``/``service:`` destinations, resolved from each
    source's vantage) and ``findings`` (latent exposures, assumptions).

    ``reaches`` is True when some packets are delivered; ``frame()`` has one row per
    part; ``str(trace)`` is the text ``moat trace`` prints.
    """

    def __init__(self, environment: Any, traced: Any, source: str, destination: str, protocol: str,
                 port: Optional[str]) -> None:
        self.source = source
        self.destination = destination
        self.protocol = protocol
        self.port = port
        result = traced.result
        self.delivered: list[Delivered] = [Delivered(environment, p) for p in result.delivered]
        self.dropped: list[Dropped] = [Dropped(environment, p) for p in result.dropped]
        self.resolutions: list[Resolution] = [Resolution(r) for r in traced.resolutions]
        self.findings = Table(EXPLANATION_COLUMNS,
                              ({"code": f.code, "resource": f.address, "message": f.detail} for f in result.findings))
        self._text = "".join(str(r) + "\n" for r in traced.resolutions) + str(result)
        self._environment = environment
        self._traced = traced

    @property
    def reaches(self) -> bool:
        """True when some packets of the flow are delivered."""
        return bool(self.delivered)

    @property
    def parts(self) -> list[Part]:
        """The delivered parts, then the dropped ones."""
        return [*self.delivered, *self.dropped]

    def draw(self, focus: Optional[str] = None, title: Optional[str] = None) -> Drawing:
        """This flow on the topology, as ``moat trace --format svg`` draws it: delivered
        paths in green hop by hop, each dropped part in red up to the hop that dropped it,
        with a marker naming the reason code and the deciding resource; DNS queries the
        flow depends on as dashed edges. ``focus`` keeps that part of the picture (see
        :meth:`moat.Network.draw`); ``title`` defaults to the flow."""
        if title is None:
            port = "" if self.port in (None, "all") else f" {self.port}"
            title = f"trace {self.source} -> {self.destination} ({self.protocol}{port})"
        return Drawing(_moat.flow_diagram(self._environment, self._traced, title, focus or ""))

    def frame(self) -> Any:
        """One row per part: outcome, witness, code, resource, certain, hops, packets."""
        pandas = require_pandas()
        return pandas.DataFrame([p._row() for p in self.parts], columns=list(PART_COLUMNS))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return (f"<moat.Trace {self.source} -> {self.destination} ({self.protocol} {self.port}): "
                f"{len(self.delivered)} delivered, {len(self.dropped)} dropped>")

    def _repr_html_(self) -> str:
        title = (f"<p><b>{html.escape(self.source)} \u2192 {html.escape(self.destination)}</b> "
                 f"({html.escape(self.protocol)} {html.escape(str(self.port))}): {len(self.delivered)} delivered, "
                 f"{len(self.dropped)} dropped</p>")
        rows = ([p._row()[c] for c in PART_COLUMNS] for p in self.parts)
        return title + html_table(PART_COLUMNS, rows)

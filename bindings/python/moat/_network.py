"""Network: Terraform states (and a scenario's declared networks) loaded once, ready for
checks, traces, DNS resolution and reachability tables."""

from __future__ import annotations

import html
import os
from typing import Any, Iterable, Optional, Union

from . import _moat
from ._check import CheckReport, IntentResult
from ._drawing import Drawing
from ._resolve import Resolution
from ._table import Table, html_table, require_pandas
from ._trace import Trace

PathLike = Union[str, "os.PathLike[str]"]
Port = Union[int, str, None]

RESOURCE_COLUMNS = ("kind", "address", "aws_id", "file")
DIAGNOSTIC_COLUMNS = ("severity", "code", "file", "address", "message")
OBJECT_KINDS = list(_moat.ObjectKind.__members__.values())


def _port_text(port: Port) -> str:
    return "all" if port is None else str(port)


def _header_space(protocol: str, port: Port) -> tuple[Any, Any]:
    return _moat.parse_intent_protocol(protocol), _moat.parse_intent_port(_port_text(port))


class Network:
    """An AWS network loaded from Terraform state, with the external networks a scenario
    declares. Make one with :func:`moat.load` (state files) or :func:`moat.load_scenario`
    (a ``moat.json``); the states are read once and every question is answered from them.

    Selectors (``source``, ``destination``, ``vantage``) are those of scenario files: a
    Terraform address of a resource with network interfaces (``aws_ecs_service.app``,
    ``aws_lb.app``, an instance, an endpoint, a NAT gateway) or of a subnet, a declared
    network name (``onprem``), ``internet``, ``*`` (every interface), a CIDR or IP,
    ``dns:NAME`` and ``service:NAME`` (``service:ecr.dkr``) as destinations.
    Bad selectors raise :class:`moat.ParseError`.
    """

    def __init__(self, snapshot: Any, scenario: Any) -> None:
        # The Environment keeps its Snapshot alive (keep_alive in the extension); holding
        # both here makes the ownership plain.
        self._snapshot = snapshot
        self._environment = _moat.Environment(snapshot, scenario)
        self._scenario = scenario

    # ---- what was loaded -------------------------------------------------------------
    @property
    def states(self) -> list[str]:
        """The state files read, in load order."""
        return list(self._snapshot.files)

    @property
    def scenario_file(self) -> Optional[str]:
        """The scenario file, or None for :func:`moat.load`."""
        file = self._scenario.file  # a pathlib.Path; Path("") (no scenario) has no parts
        return str(file) if file.parts else None

    @property
    def region(self) -> str:
        """The scenario's region, else the one the state implies ("" when none does)."""
        return self._environment.region

    @property
    def networks(self) -> list[str]:
        """The names of the external networks the scenario declares."""
        return [n.name for n in self._scenario.networks]

    @property
    def warnings(self) -> Table:
        """What the loader noticed (warnings and errors it worked around): rows of
        severity, code, file, address, message."""
        return Table(DIAGNOSTIC_COLUMNS, (_diagnostic(d) for d in self._snapshot.diagnostics if d.severity != "info"))

    @property
    def diagnostics(self) -> Table:
        """Every loader diagnostic, informational ones included."""
        return Table(DIAGNOSTIC_COLUMNS, (_diagnostic(d) for d in self._snapshot.diagnostics))

    @property
    def unmodelled(self) -> dict[str, int]:
        """Resource types moat does not model -> how many instances the states hold."""
        return dict(self._snapshot.unmodelled)

    def summary(self) -> dict[str, Any]:
        """What was loaded, as ``moat inspect`` says it: states, region, declared
        networks, model objects per kind, Terraform resource types read, unmodelled
        types and the number of warnings."""
        return {
            "states": self.states,
            "scenario": self.scenario_file,
            "region": self.region,
            "networks": self.networks,
            "objects": {_moat.object_kind_name(k): n for k in OBJECT_KINDS if (n := self._snapshot.count(k))},
            "resource_types": dict(self._snapshot.modelled),
            "unmodelled": self.unmodelled,
            "warnings": len(self.warnings),
        }

    def resources(self, type: Optional[str] = None) -> Table:
        """Every modelled object: rows of kind (``"Subnet"``, ``"EcsService"``, ...),
        Terraform address, AWS id and state file. ``type`` keeps one kind, spelled as in
        the ``kind`` column or in snake case (``"ecs_service"``)."""
        kinds = OBJECT_KINDS
        if type is not None:
            kinds = [k for k in OBJECT_KINDS if type in (k.name, _moat.object_kind_name(k))]
            if not kinds:
                known = ", ".join(_moat.object_kind_name(k) for k in OBJECT_KINDS)
                raise ValueError(f"moat: unknown resource kind {type!r} (known: {known})")
        rows = []
        for kind in kinds:
            name = _moat.object_kind_name(kind)
            for index in range(self._snapshot.count(kind)):
                origin = self._snapshot.origin(kind, index)
                rows.append({"kind": name, "address": origin.address, "aws_id": origin.aws_id, "file": origin.file})
        return Table(RESOURCE_COLUMNS, rows)

    # ---- questions -------------------------------------------------------------------
    def check(self, profile: Optional[str] = None) -> CheckReport:
        """Check the scenario's intents plus a profile's derived intents, as ``moat check``.

        ``profile`` (``"closed"``) overrides the scenario's ``profile``; None keeps it.
        A network from :func:`moat.load` has no intents of its own: pass
        ``profile="closed"``. Raises :class:`moat.ParseError` for an unknown profile or an
        intent whose selector matches nothing.
        """
        return CheckReport(_moat.check_environment(self._environment, profile or ""))

    def check_intent(self, source: str, destination: str, protocol: str = "all", port: Port = None,
                     expect: str = "reachable", name: Optional[str] = None) -> IntentResult:
        """Check one intent: ``source`` to ``destination`` over ``protocol`` (``"tcp"``,
        ``"udp"``, ``"icmp"``, ``"icmpv6"``, ``"all"``) and ``port`` (``443``,
        ``"1024-65535"``, None for all) must be ``expect`` (``"reachable"``,
        ``"unreachable"`` or, with a ``dns:`` destination, ``"resolvable"``)."""
        protocols, ports = _header_space(protocol, port)
        if expect not in _moat.Expectation.__members__:
            raise ValueError(f"moat: expect must be 'reachable', 'unreachable' or 'resolvable', not {expect!r}")
        expectation = _moat.Expectation.__members__[expect]
        intent = _moat.Intent(name or f"{source} -> {destination}", source, destination, protocols, ports, expectation)
        _moat.validate_intent(self._environment, intent)
        return IntentResult._from_cpp(_moat.check_intent(self._environment, intent))

    def trace(self, source: str, destination: str, protocol: str = "tcp", port: Port = 443) -> Trace:
        """Push one flow through the network, as ``moat trace``: every delivered and
        dropped part with its witness packet, hops and explanations. A ``dns:`` or
        ``service:`` destination is resolved from each source's vantage first (see
        ``Trace.resolutions``). ``port=None`` means every port."""
        protocols, ports = _header_space(protocol, port)
        traced = _moat.trace(self._environment, source, destination, protocols, ports)
        return Trace(self._environment, traced, source, destination, protocol, _port_text(port))

    def resolve(self, name: str, vantage: str) -> list[Resolution]:
        """Resolve the DNS ``name`` from ``vantage`` (a declared network, a subnet or a
        resource with interfaces), as ``moat resolve``: one Resolution per vantage point
        the selector stands for, with steps and answers."""
        return [Resolution(r) for r in _moat.resolve_from(self._environment, vantage, name)]

    def reachability_matrix(self, sources: Iterable[str], destinations: Iterable[str], protocol: str = "tcp",
                            port: Port = 443) -> Any:
        """A ``pandas.DataFrame`` of booleans: row ``source``, column ``destination`` is
        True when every location of the source reaches every location of the destination
        (replies included) over ``protocol``/``port``. For the evidence behind one cell,
        call :meth:`check_intent` with the same arguments."""
        pandas = require_pandas()
        sources, destinations = list(sources), list(destinations)
        protocols, ports = _header_space(protocol, port)
        matrix = _moat.reachability_matrix(self._environment, sources, destinations, protocols, ports)
        width = len(destinations)
        rows = [[matrix.cells[i * width + j].holds for j in range(width)] for i in range(len(sources))]
        frame = pandas.DataFrame(rows, index=pandas.Index(sources, name="from"),
                                 columns=pandas.Index(destinations, name="to"), dtype=bool)
        return frame

    # ---- pictures and display --------------------------------------------------------
    def draw(self, focus: Optional[str] = None, title: Optional[str] = None) -> Drawing:
        """The topology, as ``moat graph`` draws it: region, VPC, AZ and subnet clusters,
        gateways on the VPC edge, the internet and declared networks outside, route-table
        edges labelled with their routes. ``focus`` (a Terraform address, AWS id, network
        name or ``"internet"``) keeps what is connected to it by forwarding; a focus that
        matches nothing raises :class:`moat.ParseError`. Notebooks show the result as SVG."""
        return Drawing(_moat.topology_diagram(self._environment, title or "", focus or ""))

    def __repr__(self) -> str:
        what = self.scenario_file or ", ".join(self.states)
        return f"<moat.Network {what}: {len(self.resources())} objects, {len(self.warnings)} warnings>"

    def _repr_html_(self) -> str:
        summary = self.summary()
        rows = [("states", ", ".join(summary["states"])), ("scenario", summary["scenario"] or ""),
                ("region", summary["region"]), ("networks", ", ".join(summary["networks"])),
                *((kind, n) for kind, n in summary["objects"].items()),
                ("unmodelled types", ", ".join(f"{t} ({n})" for t, n in summary["unmodelled"].items())),
                ("warnings", summary["warnings"])]
        return f"<p><b>moat network</b></p>{html_table(('', ''), rows)}"


def _diagnostic(d: Any) -> dict[str, Any]:
    return {"severity": d.severity, "code": d.code, "file": d.file, "address": d.address, "message": d.message}


def load(*states: PathLike, strict: bool = False, plan_values: str = "planned", region: str = "") -> Network:
    """Load Terraform state files into one Network.

    Accepts state format 4 and 3, ``terraform show -json`` output and plan JSON
    (``plan_values``: ``"planned"`` or ``"prior"``). References between files resolve by
    AWS id. ``strict=True`` turns loader warnings into errors. ``region`` is used for
    ``service:`` selectors when the state does not imply one. Raises
    :class:`moat.LoadError` (with ``.file``, ``.location`` and ``.address``) for a file
    that cannot be used.
    """
    if not states:
        raise TypeError("moat.load() needs at least one state file")
    options = _moat.LoadOptions()
    options.strict = strict
    if plan_values not in _moat.PlanValues.__members__:
        raise ValueError(f"moat.load: plan_values must be 'planned' or 'prior', not {plan_values!r}")
    options.plan_values = _moat.PlanValues.__members__[plan_values]
    paths = [os.fspath(s) for s in states]
    scenario = _moat.Scenario()
    scenario.states = paths
    scenario.region = region
    return Network(_moat.load_states(paths, options), scenario)


def load_scenario(path: PathLike, states: Iterable[PathLike] = (), strict: bool = False) -> Network:
    """Load a scenario file (``moat.json``) and the states it lists (relative to it),
    plus ``states`` (as ``moat check --state``). ``Network.check()`` then checks its
    intents and profile; the scenario's own warnings (a CIDR with host bits set) are among
    ``Network.warnings``. ``strict=True`` turns every scenario and loader warning into a
    :class:`moat.LoadError` (as ``moat check --strict``). Raises :class:`moat.LoadError`
    for an unusable scenario or state file and :class:`moat.ParseError` for a declared
    network whose gateway or resolver endpoint is not in the state."""
    scenario = _moat.load_scenario(os.fspath(path))
    options = _moat.CheckOptions()
    options.extra_states = [os.fspath(s) for s in states]
    options.strict = strict
    snapshot = _moat.load_scenario_states(scenario, options)
    scenario.states = [*scenario.states, *options.extra_states]
    return Network(snapshot, scenario)

# Type stub of the private extension moat._moat (bindings/python/src). Users import moat.
import enum
import os
from typing import Optional, Union, overload

_Path = Union[str, os.PathLike[str]]

__version__: str

class Error(Exception): ...
class ParseError(Error): ...
class LoadError(Error):
    file: str
    location: str
    address: str

# net
class Packet:
    source: str
    destination: str
    protocol: str
    protocol_number: int
    port: int

class PacketSet: ...
class ProtocolSet: ...
class PortSet: ...

# model
class ObjectKind(enum.Enum):
    vpc = ...
    subnet = ...
    # ... one member per moat::model::ObjectKind

def object_kind_name(kind: ObjectKind) -> str: ...

class Origin:
    address: str
    file: str
    aws_id: str

class Diagnostic:
    severity: str
    code: str
    file: str
    address: str
    message: str

class Snapshot:
    files: list[str]
    diagnostics: list[Diagnostic]
    modelled: dict[str, int]
    unmodelled: dict[str, int]
    def count(self, kind: ObjectKind) -> int: ...
    def origin(self, kind: ObjectKind, index: int) -> Origin: ...

# tfstate
class PlanValues(enum.Enum):
    planned = ...
    prior = ...

class LoadOptions:
    strict: bool
    plan_values: PlanValues
    def __init__(self) -> None: ...

def load_states(files: list[_Path], options: LoadOptions = ...) -> Snapshot: ...
def load_state_text(text: str, file_name: str, options: LoadOptions = ...) -> Snapshot: ...

# scenario
class NetworkDeclaration:
    name: str
    cidrs: list[str]

class IntentDeclaration:
    name: str
    source: str
    destination: str
    protocol: str
    port: str
    expect: str

class Scenario:
    file: os.PathLike[str]
    states: list[os.PathLike[str]]
    region: str
    profile: str
    networks: list[NetworkDeclaration]
    intents: list[IntentDeclaration]
    def __init__(self) -> None: ...

def load_scenario(file: _Path) -> Scenario: ...
def load_scenario_or_state(file: _Path) -> Scenario: ...
def parse_scenario(text: str, file_name: str, base_directory: _Path = ...) -> Scenario: ...
def parse_intent_protocol(text: str) -> ProtocolSet: ...
def parse_intent_port(text: str) -> PortSet: ...

# fwd
class Hop:
    object: str
    address: str
    rule: str

class DeliveredPart:
    packets: PacketSet
    sent: PacketSet
    witness: Packet
    path: list[Hop]
    reply_path: list[Hop]
    certain: bool
    assumptions: list[str]

class DroppedPart:
    packets: PacketSet
    witness: Packet
    path: list[Hop]
    code: str
    meaning: str
    address: str
    detail: str
    certain: bool
    behind: str

class Finding:
    code: str
    meaning: str
    address: str
    detail: str

class FlowResult:
    delivered: list[DeliveredPart]
    dropped: list[DroppedPart]
    findings: list[Finding]

# dns
class Answer:
    kind: str
    address: Optional[str]
    addresses: str
    subject: str
    owner: Origin
    is_public: bool

class Step:
    kind: str
    name: str
    detail: str
    decided_by: Origin
    code: Optional[str]

class RequiredFlow:
    status: str
    why: str
    decided_by: Origin

class Resolution:
    name: str
    outcome: str
    meaning: str
    decided_by: Origin
    answers: list[Answer]
    steps: list[Step]
    required_flows: list[RequiredFlow]
    assumptions: list[str]
    resolved: bool
    conditional: bool

# intent
class Explanation:
    code: str
    resource: str
    message: str

class PathStep:
    node: str
    resource: str
    decision: str

class Expectation(enum.Enum):
    reachable = ...
    unreachable = ...
    resolvable = ...

class Intent:
    name: str
    def __init__(self, name: str, source: str, destination: str, protocols: ProtocolSet, ports: PortSet,
                 expect: Expectation) -> None: ...

class IntentResult:
    name: str
    holds: bool
    status: str

class CheckReport:
    ok: bool
    intents: list[IntentResult]

class Environment:
    region: str
    scenario: Scenario
    def __init__(self, snapshot: Snapshot, scenario: Scenario) -> None: ...

class CheckOptions:
    extra_states: list[_Path]
    profile: str
    strict: bool
    def __init__(self) -> None: ...

def load_scenario_states(scenario: Scenario, options: CheckOptions = ...) -> Snapshot: ...
def check_environment(environment: Environment, profile: str = "") -> CheckReport: ...
def check_scenario(scenario: Scenario, options: CheckOptions = ...) -> CheckReport: ...
def check_intent(environment: Environment, intent: Intent) -> IntentResult: ...
def validate_intent(environment: Environment, intent: Intent) -> None: ...

class TracedFlow:
    resolutions: list[Resolution]
    result: FlowResult

def trace(environment: Environment, source: str, destination: str, protocols: ProtocolSet, ports: PortSet) -> TracedFlow: ...
def resolve_from(environment: Environment, vantage: str, name: str) -> list[Resolution]: ...

class ReachabilityMatrix:
    sources: list[str]
    destinations: list[str]
    cells: list[IntentResult]

def reachability_matrix(environment: Environment, sources: list[str], destinations: list[str], protocols: ProtocolSet,
                        ports: PortSet) -> ReachabilityMatrix: ...
def delivered_path(environment: Environment, part: DeliveredPart) -> list[PathStep]: ...
def dropped_path(environment: Environment, part: DroppedPart) -> list[PathStep]: ...
def resolution_path(resolution: Resolution) -> list[PathStep]: ...
def delivered_explanations(environment: Environment, part: DeliveredPart) -> list[Explanation]: ...
def dropped_explanation(part: DroppedPart) -> Explanation: ...

# report
@overload
def to_json(report: CheckReport) -> str: ...
@overload
def to_json(result: IntentResult) -> str: ...
def to_text(report: CheckReport, colour: bool = False) -> str: ...
def to_sarif(report: CheckReport) -> str: ...
def to_junit(report: CheckReport) -> str: ...

class Diagram:
    title: str
    node_count: int
    edge_count: int

def topology_diagram(environment: Environment, title: str = "", focus: str = "") -> Diagram: ...
def flow_diagram(environment: Environment, traced: TracedFlow, title: str = "", focus: str = "") -> Diagram: ...
def to_dot(diagram: Diagram) -> str: ...
def to_mermaid(diagram: Diagram) -> str: ...
def diagram_to_json(diagram: Diagram) -> str: ...
def render_svg(dot: str, program: str = "dot") -> str: ...

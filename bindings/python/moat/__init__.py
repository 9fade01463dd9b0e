"""moat: offline proofs of what an AWS network lets through, from Terraform state.

Load states or a scenario, then ask::

    import moat
    net = moat.load_scenario("models/examples/closed-ecs/after/moat.json")
    report = net.check()                      # CheckReport: report.ok, report.frame()
    trace = net.trace("onprem", "dns:app.example.com", protocol="tcp", port=443)
    trace.delivered[0].hops.frame()           # the path, one row per hop
    net.resolve("app.example.com", "onprem")  # DNS steps and answers
    net.reachability_matrix(["onprem", "aws_ecs_service.app"], ["aws_lb.app", "internet"])
    net.draw()                                # the topology (SVG in a notebook); trace.draw() the flow

Errors in the input raise moat.LoadError (a file that cannot be used: .file,
.location, .address) or moat.ParseError (a malformed value, a selector that matches
nothing); both derive from moat.Error.
"""

from . import _moat
from ._check import CheckReport, IntentResult
from ._drawing import Drawing
from ._network import Network, load, load_scenario
from ._resolve import Resolution
from ._table import Table
from ._trace import Delivered, Dropped, Part, Trace

Error = _moat.Error
ParseError = _moat.ParseError
LoadError = _moat.LoadError
for _exception in (Error, ParseError, LoadError):
    _exception.__module__ = __name__
del _exception

__version__: str = _moat.__version__

__all__ = [
    "CheckReport",
    "Delivered",
    "Drawing",
    "Dropped",
    "Error",
    "IntentResult",
    "LoadError",
    "Network",
    "ParseError",
    "Part",
    "Resolution",
    "Table",
    "Trace",
    "load",
    "load_scenario",
]

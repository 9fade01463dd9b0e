"""CheckReport and IntentResult: the outcome of checking intents.

Both are views of the document `moat check --format json` prints: the C++ report is
rendered by moat's own JSON renderer and read back, so ``to_dict()`` has exactly the
CLI's shape and keys.
"""

from __future__ import annotations

import copy
import html
import json
from typing import Any, Iterator, Optional, Union

from . import _moat
from ._table import Table, html_table, require_pandas

EXPLANATION_COLUMNS = ("code", "resource", "message")
PATH_COLUMNS = ("node", "resource", "decision")
INTENT_COLUMNS = ("name", "from", "to", "protocol", "port", "expect", "status", "holds", "witness", "explanations")


class IntentResult:
    """The verdict on one intent, with its evidence.

    Attributes mirror one element of the JSON document's ``"intents"``:
    ``name``, ``source`` (``"from"``), ``destination`` (``"to"``), ``protocol``,
    ``port``, ``expect``, ``holds``, ``status`` (``"holds"``, ``"fails"`` or
    ``"unknown"``), ``witness`` (a dict, or None when the intent holds), ``path`` and
    ``explanations`` (Tables).
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self._document = document

    @classmethod
    def _from_cpp(cls, result: Any) -> "IntentResult":
        return cls(json.loads(_moat.to_json(result)))

    name = property(lambda self: self._document["name"], doc="The intent's name.")
    source = property(lambda self: self._document["from"], doc="The ``from`` selector.")
    destination = property(lambda self: self._document["to"], doc="The ``to`` selector.")
    protocol = property(lambda self: self._document["protocol"], doc="The protocols checked (\"tcp\", \"all\", ...).")
    port = property(lambda self: self._document["port"], doc="The ports checked (\"443\", \"all\", ...).")
    expect = property(lambda self: self._document["expect"], doc="\"reachable\", \"unreachable\" or \"resolvable\".")
    holds = property(lambda self: self._document["holds"], doc="True when the intent holds.")
    status = property(lambda self: self._document["status"], doc="\"holds\", \"fails\" or \"unknown\".")

    @property
    def witness(self) -> Optional[dict[str, Any]]:
        """A packet showing the failure (protocol, source, destination, port, text), or None."""
        witness = self._document["witness"]
        return None if witness is None else dict(witness)

    @property
    def path(self) -> Table:
        """The path the witness took or where it stopped: rows of node, resource, decision."""
        return Table(PATH_COLUMNS, self._document["path"])

    @property
    def explanations(self) -> Table:
        """Why it holds or fails, and the assumptions made: rows of code, resource, message."""
        return Table(EXPLANATION_COLUMNS, self._document["explanations"])

    def to_dict(self) -> dict[str, Any]:
        """This intent as in the JSON document (a deep copy)."""
        return copy.deepcopy(self._document)

    def _row(self) -> dict[str, Any]:
        witness = self._document["witness"]
        return {
            **{k: self._document[k] for k in INTENT_COLUMNS[:-2]},
            "witness": None if witness is None else witness["text"],
            "explanations": len(self._document["explanations"]),
        }

    def __repr__(self) -> str:
        return f"<moat.IntentResult {self.name!r} {self.status}>"

    def _repr_html_(self) -> str:
        mark = "\u2713" if self.holds else "\u2717"
        parts = [f"<p><b>{mark} {html.escape(self.name)}</b>: {html.escape(self.source)} \u2192 "
                 f"{html.escape(self.destination)} ({html.escape(self.protocol)} {html.escape(self.port)}) must be "
                 f"{html.escape(self.expect)}: <b>{html.escape(self.status)}</b></p>"]
        if self.witness is not None:
            parts.append(f"<p>witness: <code>{html.escape(self.witness['text'])}</code></p>")
        if self._document["path"]:
            parts.append(self.path._repr_html_())
        if self._document["explanations"]:
            parts.append(self.explanations._repr_html_())
        return "".join(parts)


class CheckReport:
    """Everything a check reports: one IntentResult per intent (sorted by name),
    warnings (latent exposure, load diagnostics), unmodelled resource types and the
    states read.

    Iterate it for the intents; ``report["name"]`` finds one by name; ``ok`` is True when
    every intent holds. ``to_dict()`` is the ``moat check --format json`` document;
    ``frame()`` is a one-row-per-intent ``pandas.DataFrame``.
    """

    def __init__(self, report: Any) -> None:
        self._report = report  # the C++ CheckReport, for the other renderers
        self._document = json.loads(_moat.to_json(report))
        self._intents = [IntentResult(d) for d in self._document["intents"]]

    @property
    def ok(self) -> bool:
        """True when every intent holds."""
        return bool(self._document["ok"])

    @property
    def intents(self) -> list[IntentResult]:
        """The results, sorted by intent name."""
        return list(self._intents)

    @property
    def failures(self) -> list[IntentResult]:
        """The results of the intents that do not hold."""
        return [r for r in self._intents if not r.holds]

    @property
    def warnings(self) -> Table:
        """Warnings (not failures): rows of code, resource, message."""
        return Table(EXPLANATION_COLUMNS, self._document["warnings"])

    @property
    def unmodelled(self) -> dict[str, int]:
        """Resource types moat did not model -> how many instances the states hold."""
        return {u["type"]: u["count"] for u in self._document["unmodelled"]}

    @property
    def states(self) -> list[str]:
        """The state files read."""
        return list(self._document["states"])

    def __iter__(self) -> Iterator[IntentResult]:
        return iter(self._intents)

    def __len__(self) -> int:
        return len(self._intents)

    def __getitem__(self, key: Union[int, str]) -> IntentResult:
        if isinstance(key, str):
            for result in self._intents:
                if result.name == key:
                    return result
            raise KeyError(key)
        return self._intents[key]

    def to_dict(self) -> dict[str, Any]:
        """The ``moat check --format json`` document (a deep copy)."""
        return copy.deepcopy(self._document)

    def to_json(self) -> str:
        """The ``moat check --format json`` text."""
        return _moat.to_json(self._report)

    def to_text(self) -> str:
        """The ``moat check`` text report (no colour)."""
        return _moat.to_text(self._report, False)

    def to_sarif(self) -> str:
        """SARIF 2.1.0, as ``moat check --format sarif``."""
        return _moat.to_sarif(self._report)

    def to_junit(self) -> str:
        """JUnit XML, as ``moat check --format junit``."""
        return _moat.to_junit(self._report)

    def frame(self) -> Any:
        """One row per intent: name, from, to, protocol, port, expect, status, holds,
        witness (its text, or None) and the number of explanations."""
        pandas = require_pandas()
        return pandas.DataFrame([r._row() for r in self._intents], columns=list(INTENT_COLUMNS))

    def __repr__(self) -> str:
        return f"<moat.CheckReport ok={self.ok} intents={len(self)} failures={len(self.failures)}>"

    def _repr_html_(self) -> str:
        failed = len(self.failures)
        verdict = ("\u2713 every intent holds" if self.ok else f"\u2717 {failed} of {len(self)} intents do not hold")
        rows = ([("\u2713" if r.holds else "\u2717"), r.name, r.source, r.destination, r.protocol, r.port, r.expect,
                 r.status] for r in self._intents)
        table = html_table(("", "name", "from", "to", "protocol", "port", "expect", "status"), rows)
        extra = f"<p>{len(self._document['warnings'])} warnings</p>" if self._document["warnings"] else ""
        return f"<p><b>{html.escape(verdict)}</b></p>{table}{extra}"

"""Drawing: a topology or flow picture, shown inline by notebooks (``_repr_svg_``) and
written as Graphviz DOT, Mermaid, JSON or SVG — the pictures of ``moat graph`` and
``moat trace --format dot|svg|mermaid``."""

from __future__ import annotations

import json
import os
import pathlib
import warnings
from typing import Any, Optional, Union

from . import _moat

FORMATS = ("dot", "svg", "mermaid", "json")
SUFFIX_FORMATS = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".mmd": "mermaid", ".mermaid": "mermaid", ".json": "json"}


class Drawing:
    """A picture of the network (:meth:`moat.Network.draw`) or of one flow on it
    (:meth:`moat.Trace.draw`).

    ``dot`` and ``mermaid`` are deterministic text (the same state gives the same bytes,
    so pictures can be committed and diffed); ``to_dict()`` is the ``moat graph --format
    json`` document; ``svg()`` lays the DOT out with Graphviz's ``dot`` program (Debian
    package ``graphviz``) and raises :class:`moat.Error` naming the package when it is
    missing. In a notebook the drawing shows itself as SVG; without Graphviz it warns
    and the notebook falls back to ``repr``.
    """

    def __init__(self, diagram: Any) -> None:
        self._diagram = diagram
        self._svg: Optional[str] = None

    @property
    def title(self) -> str:
        """The caption ("" for none)."""
        return self._diagram.title

    @property
    def dot(self) -> str:
        """Graphviz DOT."""
        return _moat.to_dot(self._diagram)

    @property
    def mermaid(self) -> str:
        """A Mermaid flowchart (for Markdown that renders Mermaid)."""
        return _moat.to_mermaid(self._diagram)

    def to_dict(self) -> dict[str, Any]:
        """Clusters, nodes and edges, as ``moat graph --format json`` writes them."""
        return json.loads(_moat.diagram_to_json(self._diagram))

    def svg(self) -> str:
        """The picture as SVG, laid out by Graphviz's ``dot`` (computed once)."""
        if self._svg is None:
            self._svg = _moat.render_svg(self.dot)
        return self._svg

    def render(self, format: str) -> str:
        """The picture in ``format``: ``"dot"``, ``"svg"``, ``"mermaid"`` or ``"json"``."""
        if format == "dot":
            return self.dot
        if format == "svg":
            return self.svg()
        if format == "mermaid":
            return self.mermaid
        if format == "json":
            return _moat.diagram_to_json(self._diagram)
        raise ValueError(f"moat: unknown drawing format {format!r} (known: {', '.join(FORMATS)})")

    def save(self, path: Union[str, "os.PathLike[str]"], format: Optional[str] = None) -> pathlib.Path:
        """Write the picture to ``path``; ``format`` defaults to the one its suffix names
        (``.dot``/``.gv``, ``.svg``, ``.mmd``/``.mermaid``, ``.json``). Returns the path."""
        path = pathlib.Path(path)
        if format is None:
            format = SUFFIX_FORMATS.get(path.suffix.lower())
            if format is None:
                known = ", ".join(SUFFIX_FORMATS)
                raise ValueError(f"moat: cannot tell the format of {str(path)!r} from its suffix "
                                 f"(known: {known}); pass format=")
        path.write_text(self.render(format), encoding="utf-8")
        return path

    def __repr__(self) -> str:
        title = f" {self.title!r}" if self.title else ""
        return f"<moat.Drawing{title}: {self._diagram.node_count} nodes, {self._diagram.edge_count} edges>"

    def _repr_svg_(self) -> Optional[str]:
        try:
            return self.svg()
        except _moat.Error as error:
            warnings.warn(f"{error} (the drawing's .dot and .mermaid need no Graphviz)", RuntimeWarning, stacklevel=2)
            return None

"""Pictures from Python: Network.draw() and Trace.draw() give the same DOT, Mermaid and
JSON as `moat graph` / `moat trace --format ...`, and show themselves as SVG in notebooks."""

import json
import shutil
import subprocess

import pytest

import moat

from conftest import EXAMPLE

needs_graphviz = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz (dot) is not installed")


def test_the_topology_is_the_one_moat_graph_draws(after, moat_cli):
    drawing = after.draw()
    assert isinstance(drawing, moat.Drawing)
    scenario = str(EXAMPLE / "after" / "moat.json")
    for format, text in (("dot", drawing.dot), ("mermaid", drawing.mermaid)):
        cli = subprocess.run([moat_cli, "graph", scenario, "--format", format], capture_output=True, text=True, check=True)
        assert cli.stdout == text
    cli = subprocess.run([moat_cli, "graph", scenario, "--format", "json"], capture_output=True, text=True, check=True)
    assert json.loads(cli.stdout) == drawing.to_dict()


def test_drawings_are_deterministic_and_name_terraform_addresses(after):
    first, second = after.draw(), after.draw()
    assert first.dot == second.dot and first.mermaid == second.mermaid
    addresses = {node["address"] for node in first.to_dict()["nodes"]}
    assert "aws_ecs_service.app" in addresses and "aws_lb.app" in addresses
    assert "nodes" in repr(first)


def test_a_focus_keeps_part_of_the_picture_and_an_unknown_one_raises(after):
    whole = after.draw().to_dict()
    focused = after.draw(focus="onprem", title="on-prem").to_dict()
    assert focused["title"] == "on-prem"
    assert 0 < len(focused["nodes"]) < len(whole["nodes"])
    with pytest.raises(moat.ParseError, match="no-such-thing"):
        after.draw(focus="no-such-thing")


def test_a_trace_drawing_marks_the_hop_that_dropped_the_flow(after):
    trace = after.trace("aws_ecs_service.app", "internet", protocol="tcp", port=443)
    assert trace.dropped and not trace.delivered, "the closed example does not reach the internet"
    drawing = trace.draw()
    assert drawing.title == "trace aws_ecs_service.app -> internet (tcp 443)"
    nodes = drawing.to_dict()["nodes"]
    drops = [n for n in nodes if n["role"] == "drop"]
    assert drops and all(n["emphasis"] == "dropped" for n in drops)
    codes = {p.code for p in trace.dropped}
    assert any(code in n["label"] for n in drops for code in codes)
    assert not any(n["emphasis"] == "delivered" for n in nodes)


def test_a_delivered_trace_is_green_along_its_path(after, moat_cli):
    trace = after.trace("onprem", "dns:app.example.com", protocol="tcp", port=443)
    drawing = trace.draw()
    delivered = {n["address"] for n in drawing.to_dict()["nodes"] if n["emphasis"] == "delivered"}
    assert "aws_lb.app" in delivered
    cli = subprocess.run([moat_cli, "trace", str(EXAMPLE / "after" / "moat.json"), "--from", "onprem", "--to",
                          "dns:app.example.com", "--protocol", "tcp", "--port", "443", "--format", "dot"],
                         capture_output=True, text=True)
    assert cli.returncode == 0 and cli.stdout == drawing.dot


@needs_graphviz
def test_notebooks_get_svg_and_save_picks_the_format_from_the_suffix(after, tmp_path):
    drawing = after.draw()
    svg = drawing._repr_svg_()
    assert svg is not None and "<svg" in svg
    assert drawing.save(tmp_path / "net.svg").read_text(encoding="utf-8") == svg
    assert drawing.save(tmp_path / "net.gv").read_text(encoding="utf-8") == drawing.dot
    assert drawing.save(tmp_path / "net.mmd").read_text(encoding="utf-8") == drawing.mermaid
    with pytest.raises(ValueError, match="suffix"):
        drawing.save(tmp_path / "net.png")


def test_without_graphviz_svg_raises_naming_the_package_and_the_notebook_falls_back(after, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    drawing = after.draw()
    with pytest.raises(moat.Error, match="graphviz"):
        drawing.svg()
    with pytest.warns(RuntimeWarning, match="graphviz"):
        assert drawing._repr_svg_() is None
    assert drawing.dot.startswith("digraph")

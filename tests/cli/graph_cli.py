#!/usr/bin/env python3
"""CLI checks for `moat graph` and `moat trace --format dot|svg|mermaid`, run by CTest:
graph_cli.py MOAT SOURCE_DIR CASE.

Each case runs the built moat, asserts the exit code and reads the output back (DOT text,
Mermaid text, JSON, SVG parsed as XML). Exit status 0 = the case passed."""
import json
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

from cli_support import check, run_moat

MOAT, SOURCE, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(SOURCE, "models", "examples", "closed-ecs")
BEFORE = os.path.join(EXAMPLE, "before", "moat.json")
AFTER = os.path.join(EXAMPLE, "after", "moat.json")
IGW = "module.network.aws_internet_gateway.main"


def run(*args, expect, env=None):
    return run_moat(MOAT, *args, expect=expect, env=env)


def no_graphviz():
    """The environment with a PATH on which no `dot` can be found."""
    env = dict(os.environ)
    env["PATH"] = tempfile.mkdtemp()
    return env


def svg_root(text):
    root = ET.fromstring(text)
    check(root.tag.endswith("svg"), f"an <svg> document, got <{root.tag}>")
    return root


if CASE == "graph-dot":
    out = run("graph", BEFORE, expect=0).stdout
    check(out.startswith("digraph moat {\n") and out.rstrip().endswith("}"), "a DOT digraph")
    check(IGW in out and '"internet"' in out, "the IGW and the internet drawn")
    check('subgraph "cluster_vpc:module.network.aws_vpc.main"' in out, "a VPC cluster")
    check('module.network.aws_subnet.public[\\"1a\\"]' in out, "addresses with quotes escaped")
    check(run("graph", BEFORE, "--format", "dot", expect=0).stdout == out, "--format dot is the default")
elif CASE == "graph-mermaid":
    out = run("graph", AFTER, "--format", "mermaid", expect=0).stdout
    check(out.startswith("flowchart LR\n"), "a Mermaid flowchart")
    check("subgraph c_vpc_module_network_aws_vpc_main[" in out, "a VPC subgraph")
    check("n_network_onprem[/" in out, "the declared network drawn")
    check("#quot;1a#quot;" in out and '["1a"]' not in out, "quotes as entity codes")
elif CASE == "graph-json":
    document = json.loads(run("graph", AFTER, "--format", "json", expect=0).stdout)
    check(list(document) == ["title", "clusters", "nodes", "edges"], f"top-level keys: {list(document)}")
    clusters = {c["id"]: c for c in document["clusters"]}
    nodes = {n["id"]: n for n in document["nodes"]}
    for c in document["clusters"]:
        check(list(c) == ["id", "parent", "role", "label"], f"cluster keys {list(c)}")
        check(c["parent"] == "" or c["parent"] in clusters, f"parent of {c['id']} exists")
    for n in document["nodes"]:
        check(list(n) == ["id", "cluster", "role", "label", "address", "aws_id", "emphasis"], f"node keys {list(n)}")
        check(n["cluster"] == "" or n["cluster"] in clusters, f"cluster of {n['id']} exists")
        check(n["emphasis"] == "normal", "a topology is not emphasised")
    for e in document["edges"]:
        check(list(e) == ["from", "to", "role", "label", "both_ways", "emphasis"], f"edge keys {list(e)}")
        check(e["from"] in nodes and e["to"] in nodes, f"edge ends exist: {e}")
    roles = {n["role"] for n in document["nodes"]}
    check({"dx_gateway", "vpn_gateway", "interface_endpoint", "resolver_endpoint", "load_balancer", "ecs_service",
           "external_network", "gateway_endpoint", "aws_service"} <= roles, f"roles drawn: {roles}")
    check(any(e["label"] == "10.0.0.0/22" and e["role"] == "route" for e in document["edges"]), "the on-prem route")
elif CASE == "graph-svg":
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "before.svg")
        proc = run("graph", BEFORE, "--format", "svg", "--output", path, expect=0)
        check(proc.stdout == "", "nothing on stdout with --output")
        with open(path) as f:
            root = svg_root(f.read())
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    check(any(t and IGW in t for t in titles), "the IGW is a node of the SVG")
elif CASE == "graph-states":
    states = [os.path.join(EXAMPLE, "before", f) for f in ("network.tfstate", "app.tfstate")]
    out = run("graph", *states, expect=0).stdout
    check(IGW in out and "aws_ecs_service.app" in out, "both states drawn")
    check(run("graph", BEFORE, expect=0).stdout == out, "the same picture as through the scenario (no networks)")
    hybrid = os.path.join(SOURCE, "tests", "fixtures", "tfstate", "hybrid.tfstate")
    with_state = run("graph", AFTER, hybrid, expect=0).stdout
    check("network:onprem" in with_state and "tgw:aws_ec2_transit_gateway.hub" in with_state,
          "a scenario plus a state file: its networks and the extra state drawn")
elif CASE == "graph-focus":
    out = run("graph", BEFORE, "--focus", "aws_ecs_service.app", expect=0).stdout
    check("module.network.aws_nat_gateway.main" in out and IGW in out, "the egress chain kept")
    check("aws_lb.app" not in out, "the ALB left out")
    proc = run("graph", BEFORE, "--focus", "aws_vpc.nowhere", expect=2)
    check('focus "aws_vpc.nowhere"' in proc.stderr and proc.stdout == "", f"the focus named: {proc.stderr}")
elif CASE == "graph-deterministic":
    for fmt in ("dot", "mermaid", "json"):
        first = run("graph", AFTER, "--format", fmt, expect=0).stdout
        check(run("graph", AFTER, "--format", fmt, expect=0).stdout == first, f"{fmt}: byte-identical runs")
elif CASE == "graph-no-graphviz":
    env = no_graphviz()
    proc = run("graph", BEFORE, "--format", "svg", expect=2, env=env)
    check("apt-get install graphviz" in proc.stderr and proc.stdout == "", f"the package named: {proc.stderr}")
    check(run("graph", BEFORE, "--format", "dot", expect=0, env=env).stdout.startswith("digraph"), "DOT without Graphviz")
    check(run("graph", BEFORE, "--format", "mermaid", expect=0, env=env).stdout.startswith("flowchart"),
          "Mermaid without Graphviz")
    proc = run("trace", AFTER, "--from", "onprem", "--to", "aws_lb.app", "--format", "svg", expect=2, env=env)
    check("apt-get install graphviz" in proc.stderr, "trace --format svg names the package too")
elif CASE == "graph-bad-input":
    proc = run("graph", "/nonexistent/moat.json", expect=2)
    check("[moat.load]" in proc.stderr, "a load error")
    run("graph", BEFORE, "--format", "png", expect=2)
    run("graph", expect=2)
    run("graph", BEFORE, BEFORE, expect=2)
    proc = run("graph", BEFORE, "--output", "/nonexistent/dir/out.dot", expect=2)
    check("cannot write /nonexistent/dir/out.dot" in proc.stderr, "the unwritable output named")
    run("graph", "--help", expect=0)
elif CASE == "trace-pictures":
    # A flow nothing of which is delivered: exit 1 in every format, as for text.
    args = ["trace", AFTER, "--from", "onprem", "--to", "aws_ecs_service.app", "--protocol", "tcp", "--port", "80"]
    dot = run(*args, "--format", "dot", expect=1).stdout
    check("\u2717 ENI_SG_RULES_MISMATCH\\naws_security_group.app" in dot, "the drop marker with its code in DOT")
    check('color="#CF222E"' in dot, "drawn in red")
    mermaid = run(*args, "--format", "mermaid", expect=1).stdout
    check("\u2717 ENI_SG_RULES_MISMATCH<br/>aws_security_group.app" in mermaid, "the drop marker in Mermaid")
    check(mermaid.startswith('---\ntitle: "trace onprem -> aws_ecs_service.app (tcp 80)"\n---\n'), "titled")
    root = svg_root(run(*args, "--format", "svg", expect=1).stdout)
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    check("ENI_SG_RULES_MISMATCH" in texts, "the code in the SVG")
    text = run(*args, expect=1).stdout
    check(text.startswith("dropped tcp"), "--format text (the default) unchanged")
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "flow.dot")
        run("trace", AFTER, "--from", "onprem", "--to", "dns:app.example.com", "--protocol", "tcp", "--port", "443",
            "--format", "dot", "--output", path, expect=0)
        with open(path) as f:
            flow = f.read()
    check("DNS tcp,udp 53 (works)" in flow and 'color="#1A7F37"' in flow, "the delivered flow and its DNS queries")
    run(*args, "--format", "dot", "--focus", "aws_nothing.here", expect=2)
else:
    sys.exit("unknown case " + CASE)

#!/usr/bin/env python3
"""CLI checks for `moat check`, `trace`, `resolve`, `--help` and `--version`, run by CTest:
check_cli.py MOAT SOURCE_DIR CASE.

Each case runs the built moat, asserts the exit code and parses the output back
(JSON, SARIF, JUnit XML). Exit status 0 = the case passed."""
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from cli_support import check, run_moat

MOAT, SOURCE, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(SOURCE, "models", "examples", "closed-ecs")
BEFORE = os.path.join(EXAMPLE, "before", "moat.json")
AFTER = os.path.join(EXAMPLE, "after", "moat.json")


def run(*args, expect):
    return run_moat(MOAT, *args, expect=expect)


def json_shape(document, ok):
    check(list(document.keys())[:5] == ["ok", "intents", "warnings", "unmodelled", "states"],
          f"top-level keys in order: {list(document.keys())}")
    check(document["ok"] is ok, "ok")
    names = [i["name"] for i in document["intents"]]
    check(names == sorted(names), "intents sorted by name")
    for intent in document["intents"]:
        check(list(intent.keys())[:8] == ["name", "from", "to", "expect", "holds", "witness", "path", "explanations"],
              f"intent keys: {list(intent.keys())}")
        check(isinstance(intent["holds"], bool), "holds is a bool")
        check(intent["witness"] is None or isinstance(intent["witness"], dict), "witness object or null")
        for step in intent["path"]:
            check(set(step) == {"node", "resource", "decision"}, f"path step keys {set(step)}")
        for e in intent["explanations"]:
            check(set(e) == {"code", "resource", "message"}, f"explanation keys {set(e)}")
    for w in document["warnings"]:
        check(set(w) == {"code", "resource", "message"}, "warning keys")
    for u in document["unmodelled"]:
        check(set(u) == {"type", "count"}, "unmodelled keys")
    check(isinstance(document["states"], list) and len(document["states"]) == 2, "two states")
    return {i["name"]: i for i in document["intents"]}


def run_with_terminal_stderr(*args):
    """Runs moat with stdout on a pipe and stderr on a pseudo-terminal; returns
    (exit code, stdout, what the terminal received)."""
    master, slave = pty.openpty()
    proc = subprocess.run([MOAT, *args], stdout=subprocess.PIPE, stderr=slave, timeout=600)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO once the terminal has no writer left
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return proc.returncode, proc.stdout.decode(), received.decode()


def path_shape(path):
    for step in path:
        check(list(step.keys()) == ["node", "resource", "decision"], f"path step keys {list(step.keys())}")


def witness_shape(witness):
    check(list(witness.keys()) == ["protocol", "source", "destination", "port", "text"], f"witness keys {list(witness.keys())}")


def resolution_shape(resolution):
    check(list(resolution.keys()) == ["name", "type", "outcome", "resolved", "decided_by", "answers", "steps",
                                      "required_flows", "assumptions"], f"resolution keys {list(resolution.keys())}")
    check(isinstance(resolution["resolved"], bool), "resolved is a bool")
    for answer in resolution["answers"]:
        check(list(answer.keys()) == ["kind", "addresses", "resource", "text"], f"answer keys {list(answer.keys())}")
    for step in resolution["steps"]:
        check(list(step.keys()) == ["kind", "name", "resource", "detail", "code"], f"step keys {list(step.keys())}")
    for flow in resolution["required_flows"]:
        check(list(flow.keys()) == ["from", "to", "protocol", "port", "status", "resource", "why"],
              f"flow keys {list(flow.keys())}")


def trace_shape(document, ok):
    check(list(document.keys()) == ["ok", "from", "to", "protocol", "port", "resolutions", "delivered", "dropped",
                                    "findings"], f"trace keys {list(document.keys())}")
    check(document["ok"] is ok, f"ok is {ok}")
    for resolution in document["resolutions"]:
        resolution_shape(resolution)
    for part in document["delivered"]:
        check(list(part.keys()) == ["source", "destination", "certain", "witness", "packets", "path", "assumptions"],
              f"delivered keys {list(part.keys())}")
        witness_shape(part["witness"])
        path_shape(part["path"])
    for part in document["dropped"]:
        check(list(part.keys()) == ["at", "code", "resource", "message", "certain", "witness", "packets", "path"],
              f"dropped keys {list(part.keys())}")
        witness_shape(part["witness"])
        path_shape(part["path"])
    for finding in document["findings"]:
        check(list(finding.keys()) == ["code", "resource", "message"], "finding keys")
    return document


SCRATCH = tempfile.TemporaryDirectory(prefix="moat-cli-")  # removed when the case exits


def bad_scenario(text):
    directory = tempfile.mkdtemp(dir=SCRATCH.name)
    path = os.path.join(directory, "moat.json")
    with open(path, "w") as f:
        f.write(text)
    return path


if CASE == "after-text":
    out = run("check", AFTER, expect=0).stdout
    check("\u2713 closed/no-internet-egress" in out, "a check mark per intent")
    check("\033[" not in out, "no colour when stdout is not a terminal")
elif CASE == "before-text":
    out = run("check", BEFORE, expect=1).stdout
    check("\u2717 closed/no-internet-egress" in out, "a cross for the failed intent")
    check("witness:" in out and "module.network.aws_nat_gateway.main" in out, "witness and the NAT named")
elif CASE == "after-json":
    intents = json_shape(json.loads(run("check", AFTER, "--format", "json", expect=0).stdout), True)
    check(all(i["holds"] and i["witness"] is None for i in intents.values()), "every intent holds")
elif CASE == "before-json":
    intents = json_shape(json.loads(run("check", BEFORE, "--format", "json", expect=1).stdout), False)
    egress = intents["closed/no-internet-egress"]
    check(not egress["holds"] and isinstance(egress["witness"], dict) and egress["path"], "egress witness and path")
    resources = {e["resource"] for e in egress["explanations"]}
    check("module.network.aws_nat_gateway.main" in resources, f"NAT named: {resources}")
    check("module.network.aws_route_table.public" in resources, f"IGW route named: {resources}")
    ingress = intents["closed/no-internet-ingress"]
    check(any("aws_lb.app" in e["resource"] for e in ingress["explanations"]), "ALB named")
elif CASE == "sarif":
    sarif = json.loads(run("check", BEFORE, "--format", "sarif", expect=1).stdout)
    check(sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1, "SARIF 2.1.0, one run")
    run0 = sarif["runs"][0]
    rule_ids = {r["id"] for r in run0["tool"]["driver"]["rules"]}
    check(run0["results"], "results for the failures")
    for result in run0["results"]:
        check(result["ruleId"] in rule_ids, "every result's rule is declared")
        check(result["level"] in ("error", "warning"), "level")
        check(result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "a resource location")
elif CASE == "junit":
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "report.xml")
        run("check", BEFORE, "--format", "junit", "--output", path, expect=1)
        root = ET.parse(path).getroot()
    cases = root.findall(".//testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    check(root.tag == "testsuites" and len(cases) >= 2, "test cases")
    check(int(root.get("failures")) == len(failures) and failures, "failure count")
    check(any(c.get("name") == "closed/no-internet-egress" for c in failures), "egress fails")
elif CASE == "profile-option":
    path = bad_scenario(json.dumps({"states": [os.path.join(EXAMPLE, "before", "network.tfstate")],
                                    "intents": []}))
    run("check", path, expect=0)
    run("check", path, "--state", os.path.join(EXAMPLE, "before", "app.tfstate"), "--profile", "closed", expect=1)
elif CASE == "bad-input":
    run("check", bad_scenario('{"states": [], "colour": 1}'), expect=2)
    run("check", bad_scenario('{"states": ["x.tfstate"], "intents": []}'), expect=2)
    states = [os.path.join(EXAMPLE, "after", f) for f in ("network.tfstate", "app.tfstate")]
    run("check", bad_scenario(json.dumps({"states": states, "intents": [
        {"name": "ghost", "from": "aws_ecs_service.nope", "to": "internet"}]})), expect=2)
    run("check", bad_scenario(json.dumps({"states": states, "intents": [
        {"name": "p", "from": "*", "to": "internet", "protocol": "tcp", "port": "80-"}]})), expect=2)
    proc = run("check", "/nonexistent/moat.json", expect=2)
    check("[moat.load]" in proc.stderr, "a load error message")
    run("check", AFTER, "--format", "yaml", expect=2)
    run("check", expect=2)
    run("check", "--help", expect=0)
elif CASE == "strict":
    # after/ with the on-prem CIDR written with host bits: a warning naming the file, the
    # JSON pointer and the network used; --strict makes it an error (exit 2)
    with open(AFTER) as f:
        scenario = json.load(f)
    scenario["states"] = [os.path.join(EXAMPLE, "after", state) for state in scenario["states"]]
    check(scenario["networks"]["onprem"]["cidrs"] == ["10.0.0.0/22"], "after/ declares onprem as 10.0.0.0/22")
    scenario["networks"]["onprem"]["cidrs"] = ["10.0.0.1/22"]
    path = bad_scenario(json.dumps(scenario))
    where = f"{path} (/networks/onprem/cidrs/0)"
    out = run("check", path, expect=0).stdout
    check("\u2713 onprem-reaches-app" in out, "the intents are still checked")
    check(f"cidr.host_bits: {where}: network onprem: \"10.0.0.1/22\" has host bits set: using 10.0.0.0/22" in out,
          f"the warning with file, pointer and fallback: {out}")
    document = json.loads(run("check", path, "--format", "json", expect=0).stdout)
    check(any(w["code"] == "cidr.host_bits" and where in w["message"] for w in document["warnings"]),
          f"the warning in JSON: {document['warnings']}")
    proc = run("check", "--strict", path, expect=2)
    check(proc.stdout == "", "no report under --strict")
    check(f"[moat.load] {where}: network onprem:" in proc.stderr and "[cidr.host_bits, --strict]" in proc.stderr,
          f"the strict error names the file, pointer and code: {proc.stderr!r}")
    run("check", "--strict", AFTER, expect=0)  # no warnings: --strict changes nothing
elif CASE == "trace":
    # on-prem reaches the app through DNS, the DX gateway and the VGW: exit 0, delivered
    doc = trace_shape(json.loads(run("trace", AFTER, "--from", "onprem", "--to", "dns:app.example.com", "--protocol", "tcp",
                                     "--port", "443", "--format", "json", expect=0).stdout), True)
    check(doc["from"] == "onprem" and doc["to"] == "dns:app.example.com" and doc["protocol"] == "tcp" and doc["port"] == "443",
          "the question echoed")
    check(doc["resolutions"] and doc["resolutions"][0]["outcome"] == "ANSWERED", "the name resolved first")
    check(any(p["certain"] and p["destination"].startswith("aws_lb.app") for p in doc["delivered"]), "delivered to the ALB")
    resources = {step["resource"] for p in doc["delivered"] for step in p["path"]}
    check("module.network.aws_dx_gateway_association.example" in resources, f"DX association on the path: {resources}")
    # the closed tasks do not reach the internet: exit 1, every part dropped, the route table named
    doc = trace_shape(json.loads(run("trace", AFTER, "--from", "aws_ecs_service.app", "--to", "internet", "--format", "json",
                                     expect=1).stdout), False)
    check(not doc["delivered"] and doc["dropped"], "nothing delivered, drops listed")
    check(any(d["code"] == "NO_ROUTE_TO_DESTINATION" and d["resource"] == "module.network.aws_route_table.private"
              for d in doc["dropped"]), "the private route table has no internet route")
    # before/: the NAT takes the tasks out (text output, exit 0)
    out = run("trace", BEFORE, "--from", "aws_ecs_service.app", "--to", "internet", "--protocol", "tcp", "--port", "443",
              expect=0).stdout
    check("delivered" in out and "module.network.aws_nat_gateway.main" in out, "text trace names the NAT")
    # a bare state works too
    run("trace", os.path.join(EXAMPLE, "after", "network.tfstate"), "--from", "aws_vpc_endpoint.interface[\"logs\"]",
        "--to", "10.1.2.0/24", "--protocol", "tcp", "--port", "443", expect=0)
elif CASE == "trace-bad-input":
    run("trace", AFTER, "--from", "aws_ecs_service.nope", "--to", "internet", expect=2)
    run("trace", AFTER, "--from", "*", "--to", "internet", "--port", "70000", expect=2)
    run("trace", AFTER, "--from", "*", "--to", "internet", "--protocol", "sctp", expect=2)
    run("trace", AFTER, "--from", "*", "--to", "internet", "--format", "yaml", expect=2)
    run("trace", AFTER, "--to", "internet", expect=2)
    proc = run("trace", "/nonexistent.tfstate", "--from", "*", "--to", "internet", expect=2)
    check("[moat.load]" in proc.stderr, "a load error message")
elif CASE == "resolve":
    doc = json.loads(run("resolve", AFTER, "app.example.com", "--from", "onprem", "--format", "json", expect=0).stdout)
    check(list(doc.keys()) == ["ok", "resolutions"] and doc["ok"] is True, f"resolve keys {list(doc.keys())}")
    for resolution in doc["resolutions"]:
        resolution_shape(resolution)
    first = doc["resolutions"][0]
    check(first["outcome"] == "ANSWERED" and first["decided_by"] == "aws_route53_record.app", "answered by the record")
    check(any(a["resource"] == "aws_lb.app" for a in first["answers"]), "the internal ALB's addresses")
    check(any(f["status"] == "works" and f["resource"] for f in first["required_flows"]), "the DNS flow to the inbound endpoint works")
    # no such record in the private zone: exit 1, outcome named
    doc = json.loads(run("resolve", AFTER, "nope.example.com", "--from", "onprem", "--format", "json", expect=1).stdout)
    check(doc["ok"] is False and doc["resolutions"][0]["outcome"] == "NXDOMAIN_IN_PRIVATE_ZONE", "NXDOMAIN in the PHZ")
    out = run("resolve", AFTER, "logs.ap-northeast-1.amazonaws.com", "--from", "aws_ecs_service.app", expect=0).stdout
    check("aws_vpc_endpoint.interface[\"logs\"]" in out, "text names the endpoint")
elif CASE == "resolve-bad-input":
    run("resolve", AFTER, "app.example.com", "--from", "nowhere", expect=2)
    run("resolve", AFTER, "app.example.com", expect=2)
    run("resolve", AFTER, "app.example.com", "--from", "onprem", "--format", "xml", expect=2)
    run("resolve", "/nonexistent/moat.json", "app.example.com", "--from", "onprem", expect=2)
elif CASE == "help":
    for command in ("check", "trace", "resolve", "inspect"):
        out = run(command, "--help", expect=0).stdout
        check(f"moat {command}" in out and "Examples:" in out, f"{command} --help has usage and examples")
        check("Exit 0" in out, f"{command} --help states the exit codes")
    out = run("--help", expect=0).stdout
    check(all(c in out for c in ("check", "trace", "resolve", "inspect")), "top-level help lists the subcommands")
    run(expect=2)
    run("frobnicate", expect=2)
elif CASE == "version":
    out = run("--version", expect=0).stdout
    check(re.fullmatch(r"moat \d+\.\d+\.\d+\n", out) is not None, f"version line: {out!r}")
elif CASE == "progress":
    # stderr a terminal: a progress line, erased at the end; the report on stdout is unchanged
    code, out, terminal = run_with_terminal_stderr("check", AFTER, "--format", "json")
    check(code == 0, f"exit {code}")
    check("loading 2 states\u2026" in terminal and "checking 13 intents [1/13]" in terminal, f"progress shown: {terminal!r}")
    check(terminal.endswith("\r\033[K"), "the progress line is erased")
    check(json.loads(out)["ok"] is True and "\033[" not in out, "stdout is the plain report")
    code, out, terminal = run_with_terminal_stderr("trace", AFTER, "--from", "onprem", "--to", "aws_lb.app", "--port", "443")
    check(code == 0 and "loading 2 states" in terminal, f"trace shows loading: {terminal!r}")
    # stderr not a terminal: no progress at all
    proc = run("check", AFTER, expect=0)
    check(proc.stderr == "", f"no progress on a pipe: {proc.stderr!r}")
else:
    sys.exit("unknown case " + CASE)

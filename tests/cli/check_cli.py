#!/usr/bin/env python3
"""CLI checks for `moat check`, run by CTest: check_cli.py MOAT SOURCE_DIR CASE.

Each case runs the built moat, asserts the exit code and parses the output back
(JSON, SARIF, JUnit XML). Exit status 0 = the case passed."""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MOAT, SOURCE, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
EXAMPLE = os.path.join(SOURCE, "models", "examples", "closed-ecs")
BEFORE = os.path.join(EXAMPLE, "before", "moat.json")
AFTER = os.path.join(EXAMPLE, "after", "moat.json")


def run(*args, expect):
    proc = subprocess.run([MOAT, *args], capture_output=True, text=True, timeout=600)
    if proc.returncode != expect:
        sys.exit(f"moat {' '.join(args)}: exit {proc.returncode}, expected {expect}\n"
                 f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
    return proc


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)


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


def bad_scenario(text):
    directory = tempfile.mkdtemp()
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
else:
    sys.exit("unknown case " + CASE)

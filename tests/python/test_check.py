"""Checks: CheckReport and IntentResult, the same document as `moat check --format json`."""

import json
import subprocess
import xml.etree.ElementTree as ET

import pytest

import moat
from conftest import EXAMPLE

JSON_KEYS = ["ok", "intents", "warnings", "unmodelled", "states"]
INTENT_KEYS = ["name", "from", "to", "expect", "holds", "witness", "path", "explanations"]


def cli_check(moat_cli, variant, expected_exit):
    proc = subprocess.run([moat_cli, "check", str(EXAMPLE / variant / "moat.json"), "--format", "json"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == expected_exit, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("variant,ok", [("after", True), ("before", False)])
def test_the_check_document_equals_the_cli_json(moat_cli, variant, ok):
    report = moat.load_scenario(EXAMPLE / variant / "moat.json").check()
    document = report.to_dict()
    assert document == cli_check(moat_cli, variant, 0 if ok else 1)
    assert list(document)[:5] == JSON_KEYS
    assert document["ok"] is ok and report.ok is ok


def test_the_closed_example_holds_every_intent(after):
    report = after.check()
    assert report.ok
    assert len(report) == len(report.intents) >= 12
    names = [r.name for r in report]
    assert names == sorted(names)
    for name in ("onprem-reaches-app", "tasks-pull-images", "closed/no-internet-egress", "closed/no-internet-ingress",
                 "closed/ecs:aws_ecs_service.app->ecr.dkr", "closed/dns:onprem->app.example.com"):
        assert report[name].holds, name
    assert report.failures == []
    assert all(r.witness is None for r in report)


def test_the_ordinary_example_fails_closure_naming_the_resources(before):
    report = before.check()
    assert not report.ok
    egress = report["closed/no-internet-egress"]
    assert not egress.holds and egress.status == "fails"
    assert set(egress.witness) == {"protocol", "source", "destination", "port", "text"}
    assert egress.path and egress.path.columns == ("node", "resource", "decision")
    resources = {e["resource"] for e in egress.explanations}
    assert {"module.network.aws_nat_gateway.main", "module.network.aws_route_table.public"} <= resources
    ingress = report["closed/no-internet-ingress"]
    assert any(e["resource"] == "aws_lb.app" for e in ingress.explanations)
    assert {r.name for r in report.failures} >= {"closed/no-internet-egress", "closed/no-internet-ingress",
                                                 "no-internet-egress", "no-internet-ingress"}
    assert egress.to_dict() == report.to_dict()["intents"][report.intents.index(egress)]
    assert list(egress.to_dict())[:8] == INTENT_KEYS


def test_report_lookup_by_name_and_index(before):
    report = before.check()
    assert report[0].name == report.intents[0].name
    assert report[report[1].name] is report[1]
    with pytest.raises(KeyError):
        report["no-such-intent"]


def test_the_check_frame_has_one_row_per_intent(before):
    report = before.check()
    frame = report.frame()
    assert frame.shape == (len(report), 10)
    assert list(frame.columns) == ["name", "from", "to", "protocol", "port", "expect", "status", "holds", "witness",
                                   "explanations"]
    assert frame["holds"].tolist() == [r.holds for r in report]
    assert frame.loc[frame["name"] == "closed/no-internet-egress", "witness"].item() == \
        report["closed/no-internet-egress"].witness["text"]
    failing = report["closed/no-internet-egress"]
    assert failing.path.frame().shape == (len(failing.path), 3)
    assert failing.explanations.frame().shape == (len(failing.explanations), 3)


def test_the_other_renderers_match_the_cli_formats(before):
    report = before.check()
    text = report.to_text()
    assert "\u2717 closed/no-internet-egress" in text and "\033[" not in text
    sarif = json.loads(report.to_sarif())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    junit = ET.fromstring(report.to_junit())
    assert len(junit.findall(".//testcase")) == len(report)
    assert json.loads(report.to_json()) == report.to_dict()


def test_warnings_unmodelled_and_states(before):
    report = before.check()
    assert report.warnings.columns == ("code", "resource", "message")
    assert report.unmodelled == {u["type"]: u["count"] for u in report.to_dict()["unmodelled"]}
    assert report.states == before.states


def test_reports_show_in_notebooks(before):
    report = before.check()
    html = report._repr_html_()
    assert "<table" in html and "closed/no-internet-egress" in html and "do not hold" in html
    assert "witness" in report["closed/no-internet-egress"]._repr_html_()
    assert "ok=False" in repr(report)


def test_a_network_without_a_scenario_checks_the_closed_profile():
    net = moat.load(EXAMPLE / "before" / "network.tfstate", EXAMPLE / "before" / "app.tfstate")
    assert len(net.check()) == 0
    report = net.check(profile="closed")
    assert not report.ok
    assert not report["closed/no-internet-ingress"].holds
    with pytest.raises(moat.ParseError, match='unknown profile "open"'):
        net.check(profile="open")


def test_check_intent_answers_one_question(after, before):
    lb = after.check_intent("onprem", "aws_lb.app", protocol="tcp", port=443)
    assert lb.holds and lb.name == "onprem -> aws_lb.app" and lb.protocol == "tcp" and lb.port == "443"
    ssh = after.check_intent("aws_ecs_service.app", "aws_lb.app", protocol="tcp", port=22)
    assert not ssh.holds and ssh.witness["port"] == 22
    assert any(e["code"] == "ENI_SG_RULES_MISMATCH" for e in ssh.explanations)
    closed = after.check_intent("*", "internet", expect="unreachable", name="sealed")
    assert closed.holds and closed.name == "sealed" and closed.expect == "unreachable"
    assert not before.check_intent("*", "internet", expect="unreachable").holds
    assert after.check_intent("onprem", "dns:app.example.com", expect="resolvable").holds
    with pytest.raises(ValueError, match="expect"):
        after.check_intent("onprem", "internet", expect="maybe")


def test_a_selector_that_matches_nothing_is_a_parse_error(after):
    with pytest.raises(moat.ParseError, match="aws_lb.nope") as caught:
        after.check_intent("onprem", "aws_lb.nope")
    assert "matches nothing" in str(caught.value)
    with pytest.raises(moat.ParseError, match="from"):
        after.check_intent("10.0.0.0/33", "internet")
    with pytest.raises(moat.ParseError):
        after.check_intent("onprem", "internet", protocol="sctp")
    with pytest.raises(moat.ParseError):
        after.check_intent("onprem", "internet", protocol="tcp", port=70000)

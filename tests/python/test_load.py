"""Loading states and scenarios: what was loaded, and errors as moat exceptions."""

import gc
import json
import weakref

import pytest

import moat
from conftest import EXAMPLE, FIXTURES


def test_load_reads_states_and_reports_what_it_modelled():
    net = moat.load(EXAMPLE / "after" / "network.tfstate", EXAMPLE / "after" / "app.tfstate")
    assert net.states == [str(EXAMPLE / "after" / "network.tfstate"), str(EXAMPLE / "after" / "app.tfstate")]
    assert net.scenario_file is None
    assert net.networks == []
    assert net.region == "ap-northeast-1"  # implied by the endpoints' service names
    summary = net.summary()
    assert summary["objects"]["Vpc"] == 1
    assert summary["objects"]["Subnet"] == 2
    assert summary["objects"]["EcsService"] == 1
    assert summary["resource_types"]["aws_vpc_endpoint"] == 5
    assert summary["unmodelled"] == {"aws_cloudwatch_log_group": 1, "aws_iam_role": 1}
    assert net.unmodelled == summary["unmodelled"]
    assert summary["warnings"] == len(net.warnings)
    declared = moat.load(EXAMPLE / "after" / "network.tfstate", region="eu-west-1")
    assert declared.region == "eu-west-1" and declared.summary()["region"] == "eu-west-1"


def test_load_scenario_binds_declared_networks(after):
    assert after.scenario_file == str(EXAMPLE / "after" / "moat.json")
    assert after.networks == ["onprem"]
    assert after.region == "ap-northeast-1"
    assert len(after.states) == 2


def test_resources_lists_every_object_with_its_address_and_filters_by_kind(after):
    resources = after.resources()
    assert resources.columns == ("kind", "address", "aws_id", "file")
    assert len(resources) == sum(after.summary()["objects"].values())
    subnets = after.resources("Subnet")
    assert {r["address"] for r in subnets} == {
        'module.network.aws_subnet.private["1a"]',
        'module.network.aws_subnet.private["1c"]',
    }
    assert all(r["aws_id"].startswith("subnet-") and r["file"].endswith("network.tfstate") for r in subnets)
    assert after.resources("ecs_service") == after.resources("EcsService")
    assert [r["address"] for r in after.resources("EcsService")] == ["aws_ecs_service.app"]
    frame = subnets.frame()
    assert frame.shape == (2, 4)
    assert list(frame.columns) == ["kind", "address", "aws_id", "file"]
    with pytest.raises(ValueError, match="unknown resource kind 'aws_subnet'"):
        after.resources("aws_subnet")


def test_warnings_carry_the_loader_diagnostics():
    state = FIXTURES / "tfstate" / "network.tfstate"
    net = moat.load(state)
    assert net.warnings.columns == ("severity", "code", "file", "address", "message")
    assert all(w["severity"] != "info" for w in net.warnings)
    assert len(net.diagnostics) > len(net.warnings)  # info diagnostics are listed apart
    unresolved = [w for w in net.warnings if w["code"] == "ref.unresolved"]
    assert [w["address"] for w in unresolved] == ["aws_route53_zone_association.peer"]
    assert unresolved[0]["file"] == str(state)
    assert net.warnings.frame().shape == (len(net.warnings), 5)
    with pytest.raises(moat.LoadError, match="aws_route53_zone_association.peer"):
        moat.load(state, strict=True)


def test_the_environment_keeps_its_snapshot_alive():
    net = moat.load(EXAMPLE / "after" / "network.tfstate", EXAMPLE / "after" / "app.tfstate")
    environment = net._environment
    snapshot = weakref.ref(net._snapshot)
    del net
    gc.collect()
    assert snapshot() is not None  # held by the Environment alone (keep_alive)
    traced = moat._moat.trace(environment, "aws_ecs_service.app", "internet", moat._moat.parse_intent_protocol("tcp"),
                              moat._moat.parse_intent_port("443"))
    assert traced.result.dropped and not traced.result.delivered
    del environment, traced
    gc.collect()
    assert snapshot() is None


def test_an_unreadable_state_is_a_load_error_naming_the_file(tmp_path):
    missing = tmp_path / "missing.tfstate"
    with pytest.raises(moat.LoadError) as caught:
        moat.load(missing)
    assert str(missing) in str(caught.value)
    assert caught.value.file == str(missing)
    assert str(caught.value).startswith("[moat.load]")
    assert isinstance(caught.value, moat.Error)


def test_malformed_json_is_a_load_error_with_line_and_column():
    bad = FIXTURES / "tfstate" / "bad" / "malformed.tfstate"
    with pytest.raises(moat.LoadError) as caught:
        moat.load(bad)
    assert caught.value.file == str(bad)
    assert "line" in caught.value.location
    assert caught.value.location in str(caught.value)


def test_an_invalid_cidr_is_a_load_error_naming_the_resource():
    bad = FIXTURES / "tfstate" / "bad" / "invalid_cidr.tfstate"
    with pytest.raises(moat.LoadError) as caught:
        moat.load(bad)
    assert caught.value.address
    assert caught.value.address in str(caught.value)


def test_scenario_errors_name_the_key(tmp_path):
    scenario = tmp_path / "moat.json"
    scenario.write_text(json.dumps({"states": ["x.tfstate"], "colour": "blue", "intents": []}))
    with pytest.raises(moat.LoadError, match="colour"):
        moat.load_scenario(scenario)
    scenario.write_text(json.dumps({"intents": []}))
    with pytest.raises(moat.LoadError, match="no state files") as caught:
        moat.load_scenario(scenario)
    assert caught.value.location == "/states"
    scenario.write_text(json.dumps({
        "states": [str(EXAMPLE / "after" / "network.tfstate"), str(EXAMPLE / "after" / "app.tfstate")],
        "networks": {"onprem": {"cidrs": ["10.0.0.0/22"], "via": [{"dx_gateway": "aws_dx_gateway.missing"}]}},
        "intents": []}))
    with pytest.raises(moat.ParseError, match=r"networks\.onprem\.via\[0\]\.dx_gateway"):
        moat.load_scenario(scenario)


def test_extra_states_are_added_like_the_state_option(tmp_path):
    scenario = tmp_path / "moat.json"
    scenario.write_text(json.dumps({"states": [str(EXAMPLE / "after" / "network.tfstate")], "intents": []}))
    alone = moat.load_scenario(scenario)
    both = moat.load_scenario(scenario, states=[EXAMPLE / "after" / "app.tfstate"])
    assert len(alone.states) == 1 and len(both.states) == 2
    assert both.resources("EcsService") and not alone.resources("EcsService")


def test_scenario_warnings_join_the_loader_warnings_and_strict_makes_them_errors(tmp_path):
    scenario = tmp_path / "moat.json"
    scenario.write_text(json.dumps({
        "states": [str(EXAMPLE / "after" / "network.tfstate"), str(EXAMPLE / "after" / "app.tfstate")],
        "networks": {"onprem": {"cidrs": ["10.0.0.1/22"], "via": [{"dx_gateway": "module.network.aws_dx_gateway.example"}]}},
        "intents": []}))
    net = moat.load_scenario(scenario)
    host_bits = [w for w in net.warnings if w["code"] == "cidr.host_bits"]
    assert len(host_bits) == 1 and "/networks/onprem/cidrs/0" in host_bits[0]["message"]
    assert "using 10.0.0.0/22" in host_bits[0]["message"]
    assert any(w["code"] == "cidr.host_bits" for w in net.check().to_dict()["warnings"])
    with pytest.raises(moat.LoadError, match="host bits") as caught:
        moat.load_scenario(scenario, strict=True)
    assert caught.value.location == "/networks/onprem/cidrs/0"


def test_load_needs_a_state_and_a_known_plan_choice():
    with pytest.raises(TypeError):
        moat.load()
    with pytest.raises(ValueError, match="plan_values"):
        moat.load(EXAMPLE / "after" / "network.tfstate", plan_values="later")


def test_networks_show_in_notebooks(after):
    assert "moat.json" in repr(after)
    html = after._repr_html_()
    assert "<table" in html and "onprem" in html and "ap-northeast-1" in html
    assert "<table" in after.resources()._repr_html_()

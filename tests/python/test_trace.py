"""Traces: delivered and dropped parts with witnesses, hops and explanations."""

import pytest

import moat

WITNESS_KEYS = {"protocol", "source", "destination", "port", "text"}


def test_onprem_reaches_the_app_by_name_over_direct_connect(after):
    trace = after.trace("onprem", "dns:app.example.com", protocol="tcp", port=443)
    assert trace.reaches and not trace.dropped
    assert [r.outcome for r in trace.resolutions] == ["ANSWERED"]
    for part in trace.delivered:
        assert set(part.witness) == WITNESS_KEYS
        assert part.witness["protocol"] == "tcp" and part.witness["port"] == 443
        assert part.certain
        hops = part.hops
        assert hops.columns == ("node", "resource", "decision")
        assert hops[0]["node"] == "onprem"
        assert hops[-1]["decision"].startswith("delivered") and hops[-1]["resource"] == "aws_lb.app"
        assert "module.network.aws_vpn_gateway.vpn_gw" in {h["resource"] for h in hops}
        assert sum(h["decision"].startswith("delivered") for h in hops) == 1
        assert {e["code"] for e in part.explanations} == {"PATH_EXISTS"}
        assert hops.frame().shape == (len(hops), 3)


def test_tasks_reach_ecr_through_the_interface_endpoint(after):
    trace = after.trace("aws_ecs_service.app", "service:ecr.dkr")
    assert trace.reaches and not trace.dropped
    assert all(r.outcome == "ANSWERED" for r in trace.resolutions)
    endpoint = 'aws_vpc_endpoint.interface["ecr.dkr"]'
    assert all(p.hops[-1]["resource"] == endpoint for p in trace.delivered)
    assert all("aws_security_group.vpce" in {h["resource"] for h in p.hops} for p in trace.delivered)


def test_the_ordinary_tasks_reach_the_internet_through_the_nat(before):
    trace = before.trace("aws_ecs_service.app", "internet", protocol="tcp", port=443)
    assert trace.reaches
    part = trace.delivered[0]
    resources = [h["resource"] for h in part.hops]
    assert resources.index("module.network.aws_route_table.private") < resources.index(
        "module.network.aws_nat_gateway.main") < resources.index("module.network.aws_internet_gateway.main")
    assert part.hops[-1]["node"] == "internet"
    assert {"module.network.aws_nat_gateway.main", "module.network.aws_route_table.public"} <= {
        e["resource"] for e in part.explanations}


def test_the_closed_tasks_cannot_reach_the_internet(after):
    trace = after.trace("aws_ecs_service.app", "internet", protocol="tcp", port=443)
    assert not trace.reaches
    assert trace.dropped
    for part in trace.dropped:
        assert part.hops[-1]["decision"].startswith("dropped: " + part.code)
        assert part.explanations[0] == {"code": part.code, "resource": part.resource,
                                        "message": part.explanations[0]["message"]}


def test_a_port_no_rule_allows_is_dropped_by_the_security_group(after):
    trace = after.trace("aws_ecs_service.app", "aws_lb.app", protocol="tcp", port=22)
    assert not trace.reaches
    codes = {p.code for p in trace.dropped}
    assert codes == {"ENI_SG_RULES_MISMATCH"}
    part = trace.dropped[0]
    assert part.resource == "aws_security_group.app"
    assert part.meaning and part.detail
    assert part.witness["port"] == 22


def test_the_trace_frame_has_one_row_per_part(before):
    trace = before.trace("internet", "aws_lb.app", protocol="tcp", port=None)
    frame = trace.frame()
    assert frame.shape == (len(trace.delivered) + len(trace.dropped), 7)
    assert list(frame.columns) == ["outcome", "witness", "code", "resource", "certain", "hops", "packets"]
    assert sorted(set(frame["outcome"])) == sorted({p.outcome for p in trace.parts})
    assert (frame["outcome"] == "delivered").sum() == len(trace.delivered) > 0
    assert (frame["outcome"] == "dropped").sum() == len(trace.dropped) > 0  # ports without a listener
    assert all(p.code == "ELBV2_LISTENER_PORT_RESTRICTION" for p in trace.dropped if p.resource == "aws_lb.app")


def test_traces_print_and_show_in_notebooks(after):
    trace = after.trace("onprem", "dns:app.example.com")
    assert "delivered" in str(trace) and "app.example.com" in str(trace)
    assert repr(trace).endswith(f"{len(trace.delivered)} delivered, 0 dropped>")
    assert "<table" in trace._repr_html_()
    assert "<table" in trace.delivered[0]._repr_html_()


def test_bad_selectors_protocols_and_ports_are_parse_errors(after):
    with pytest.raises(moat.ParseError, match="aws_ecs_service.nope"):
        after.trace("aws_ecs_service.nope", "internet")
    with pytest.raises(moat.ParseError):
        after.trace("onprem", "dns:")
    with pytest.raises(moat.ParseError):
        after.trace("onprem", "internet", protocol="gre")
    with pytest.raises(moat.ParseError):
        after.trace("onprem", "internet", port="443-80")

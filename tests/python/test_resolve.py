"""DNS resolution from a vantage point: outcome, steps and answers."""

import pytest

import moat


def test_onprem_resolves_the_app_through_the_inbound_endpoint(after):
    [resolution] = after.resolve("app.example.com", "onprem")
    assert resolution.outcome == "ANSWERED" and resolution.resolved
    assert resolution.meaning
    assert resolution.decided_by == "aws_route53_record.app"
    steps = resolution.steps
    assert steps.columns == ("kind", "name", "detail", "resource", "code")
    kinds = [s["kind"] for s in steps]
    assert kinds.index("conditional_forwarder") < kinds.index("inbound_endpoint") < kinds.index("private_zone")
    assert "aws_route53_resolver_endpoint.inbound" in {s["resource"] for s in steps}
    assert {a["owner"] for a in resolution.answers} == {"aws_lb.app"}
    assert {a["kind"] for a in resolution.answers} == {"subnet_address"}
    assert resolution.answers.frame().shape == (len(resolution.answers), 6)
    assert resolution.steps.frame().shape == (len(steps), 5)
    assert any(f["status"] == "works" for f in resolution.required_flows)
    assert "ANSWERED" in str(resolution) and "ANSWERED" in repr(resolution)
    assert "<table" in resolution._repr_html_()


def test_the_ordinary_app_name_resolves_to_the_public_load_balancer(before):
    resolutions = before.resolve("app.example.com", "aws_ecs_service.app")
    assert resolutions
    for resolution in resolutions:
        assert resolution.resolved
        assert {a["owner"] for a in resolution.answers} == {"aws_lb.app"}


def test_a_name_no_zone_holds_is_nxdomain_in_the_private_zone(after):
    [resolution] = after.resolve("nope.example.com", "onprem")
    assert resolution.outcome == "NXDOMAIN_IN_PRIVATE_ZONE"
    assert not resolution.resolved and len(resolution.answers) == 0


def test_a_vantage_without_dns_is_a_parse_error(after):
    with pytest.raises(moat.ParseError, match="vantage"):
        after.resolve("app.example.com", "internet")
    with pytest.raises(moat.ParseError, match="aws_instance.none"):
        after.resolve("app.example.com", "aws_instance.none")

"""Tests of benchmarks/gen_estate.py, the synthetic estate generator (issue 9).

Run by CTest, one test per function (tests/CMakeLists.txt), as
  MOAT_CLI=build/tools/moat /usr/bin/python3 -m pytest -W error -p no:cacheprovider tests/benchmarks
The generator runs as a program, exactly as the benchmarks run it; the moat checks use
the built CLI named by MOAT_CLI. Every estate is small: the whole file runs in seconds."""

import ipaddress
import json
import os
import re
import subprocess
import sys
import tempfile

import pytest

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GENERATOR = os.path.join(SOURCE, "benchmarks", "gen_estate.py")
REAL_STATES = [os.path.join(SOURCE, "models", "examples", "closed-ecs", side, name)
               for side in ("before", "after") for name in ("network.tfstate", "app.tfstate")] + \
              [os.path.join(SOURCE, "tests", "fixtures", "tfstate", name) for name in ("network.tfstate", "hybrid.tfstate")]
# Types with inline blocks (routes, rules, entries) whose keys are compared block by block.
BLOCK_TYPES = ("aws_route_table", "aws_security_group", "aws_network_acl", "aws_default_network_acl")
NO_INTERNET = {"closed/no-internet-egress", "closed/no-internet-ingress"}
# Every knob away from its default (and a leak-free closed estate).
ALL_KNOBS = ["--vpcs", "6", "--subnets-per-vpc", "8", "--route-tables-per-vpc", "4", "--routes-per-table", "7",
             "--security-groups", "7", "--sg-rules", "5", "--nacl-rules", "12",
             "--endpoints", "ecr.api,ecr.dkr,logs,ssm,secretsmanager,ssmmessages,sts", "--albs", "2", "--services", "5",
             "--zones", "3", "--records-per-zone", "4", "--tgw-route-tables", "4", "--tgw-routes", "12",
             "--onprem-networks", "3"]


@pytest.fixture
def workdir():
    with tempfile.TemporaryDirectory(prefix="gen_estate_test.") as directory:
        yield directory


class Estate:
    """One run of the generator: the state (parsed and as bytes), its scenario and summary."""

    def __init__(self, directory, args, name="estate"):
        self.state_path = os.path.join(directory, name + ".tfstate")
        self.scenario_path = os.path.join(directory, name + ".moat.json")
        proc = subprocess.run([sys.executable, GENERATOR, *args, "--summary", "-o", self.state_path,
                               "--scenario", self.scenario_path], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        self.summary_text = proc.stderr
        self.summary = json.loads(proc.stderr)
        with open(self.state_path, "rb") as f:
            self.bytes = f.read()
        with open(self.scenario_path, "rb") as f:
            self.scenario_bytes = f.read()
        self.document = json.loads(self.bytes)
        self.scenario = json.loads(self.scenario_bytes)

    def instances(self, rtype=None, module_prefix=None):
        """(address, attributes) of every managed instance, optionally of one type / module."""
        out = []
        for r in self.document["resources"]:
            if rtype and r["type"] != rtype:
                continue
            if module_prefix is not None and not r.get("module", "").startswith(module_prefix):
                continue
            for i in r["instances"]:
                out.append((address_of(r, i), i["attributes"]))
        return out


def address_of(resource, instance):
    base = ("%s." % resource["module"] if "module" in resource else "") + resource["type"] + "." + resource["name"]
    key = instance.get("index_key")
    if key is None:
        return base
    return base + ("[%d]" % key if isinstance(key, int) else '["%s"]' % key)


def moat(*args):
    binary = os.environ.get("MOAT_CLI")
    assert binary, "set MOAT_CLI to the built moat (CTest does)"
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=300)


def check(estate):
    """moat check --format json on the estate's scenario: (exit code, {intent name: intent}, report)."""
    proc = moat("check", estate.scenario_path, "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    return proc.returncode, {i["name"]: i for i in report["intents"]}, report


def failing(intents):
    return {name for name, intent in intents.items() if not intent["holds"]}


def resources_named(intent):
    """Every Terraform address an intent's path and explanations name."""
    return {step["resource"] for step in intent["path"]} | {e["resource"] for e in intent["explanations"]}


def internet_routes(estate):
    """(address, destination) of every route to an internet gateway: the route table's address for an
    inline route, the aws_route's for a route resource."""
    gateways = {a["id"] for _, a in estate.instances("aws_internet_gateway")}
    out = [(address, block["cidr_block"]) for address, table in estate.instances("aws_route_table")
           for block in table["route"] if block["gateway_id"] in gateways]
    out += [(address, route["destination_cidr_block"]) for address, route in estate.instances("aws_route")
            if route["gateway_id"] in gateways]
    return out


# ---- the state's format --------------------------------------------------------------

def test_the_state_is_terraform_state_v4_in_terraform_order(workdir):
    estate = Estate(workdir, ["--vpcs", "4", "--services", "2", "--inject-leak"])
    document = estate.document
    assert list(document) == ["version", "terraform_version", "serial", "lineage", "outputs", "resources"]
    assert document["version"] == 4
    assert re.fullmatch(r"1\.\d+\.\d+", document["terraform_version"])
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}", document["lineage"])
    keys = [(r.get("module", ""), r["mode"], r["type"], r["name"]) for r in document["resources"]]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    addresses = []
    for resource in document["resources"]:
        assert set(resource) - {"module"} == {"mode", "type", "name", "provider", "instances"}
        assert resource["mode"] == "managed" and resource["type"].startswith("aws_")
        assert resource["provider"] == 'provider["registry.terraform.io/hashicorp/aws"]'
        kinds = {type(i.get("index_key")) for i in resource["instances"]}
        assert len(kinds) == 1, "one resource mixes count and for_each keys: %s" % resource["name"]
        for instance in resource["instances"]:
            assert set(instance) - {"index_key", "dependencies"} == \
                {"schema_version", "attributes", "sensitive_attributes", "private"}
            assert list(instance["attributes"]) == sorted(instance["attributes"])
            assert instance["dependencies"] == sorted(set(instance["dependencies"])) if "dependencies" in instance else True
            addresses.append(address_of(resource, instance))
    assert len(set(addresses)) == len(addresses)


def test_every_id_and_arn_the_state_references_belongs_to_a_resource_in_it(workdir):
    estate = Estate(workdir, ALL_KNOBS + ["--egress", "nat", "--inject-leak"])
    ids, arns = set(), set()
    for _, attributes in estate.instances():
        ids.add(attributes.get("id"))
        arns.add(attributes.get("arn"))
    # A DX gateway association to a TGW is where the DX attachment's id comes from.
    dx_attachments = {a["transit_gateway_attachment_id"] for _, a in estate.instances("aws_dx_gateway_association")}
    assert len(dx_attachments) == 3
    ids |= dx_attachments
    # Objects AWS creates implicitly (main route tables, default SGs/NACLs of spokes), the
    # DHCP options, ENIs and AWS-managed prefix lists are not resources of this state.
    implicit = {"default_network_acl_id", "default_route_table_id", "default_security_group_id",
                "main_route_table_id", "dhcp_options_id", "network_interface_id", "network_interface",
                "network_interface_ids", "prefix_list_id", "prefix_list_ids", "ip_id", "allocation_id",
                "association_id", "dx_gateway_association_id", "security_group_rule_id", "hosted_zone_id"}
    id_pattern = re.compile(r"(vpc|subnet|rtb|sg|igw|nat|tgw|tgw-attach|tgw-rtb|acl|vpce|rslvr-in)-[0-9a-f]{17}")
    checked = 0

    def visit(address, key, value):
        nonlocal checked
        if isinstance(value, dict):
            for k, v in value.items():
                visit(address, k, v)
        elif isinstance(value, list):
            for v in value:
                visit(address, key, v)
        elif isinstance(value, str) and key != "id" and key not in implicit:
            if id_pattern.fullmatch(value):
                assert value in ids, "%s.%s names %s, which is not in the state" % (address, key, value)
                checked += 1
            elif value.startswith("arn:aws:") and key in ("target_group_arn", "load_balancer_arn", "listener_arn",
                                                           "cluster", "load_balancer_arns", "task_definition"):
                assert value in arns, "%s.%s names %s, which is not in the state" % (address, key, value)
                checked += 1

    for address, attributes in estate.instances():
        visit(address, None, attributes)
    assert checked > 500


def test_resource_shapes_match_the_real_provider_states_in_the_repository(workdir):
    estate = Estate(workdir, ALL_KNOBS + ["--egress", "nat", "--inject-leak"])
    real = {}  # type -> the largest attribute key set seen in a real-shaped state
    blocks = {"route": set(), "ingress": set(), "egress": set()}
    for path in REAL_STATES:
        with open(path, encoding="utf-8") as f:
            for resource in json.load(f)["resources"]:
                if resource["mode"] != "managed":
                    continue
                for instance in resource["instances"]:
                    keys = set(instance["attributes"])
                    if len(keys) > len(real.get(resource["type"], ())):
                        real[resource["type"]] = keys
                    if resource["type"] in BLOCK_TYPES:
                        for name in blocks:
                            for block in instance["attributes"].get(name) or []:
                                blocks[name] |= {(resource["type"], k) for k in block}
    compared = compared_blocks = 0
    for resource in estate.document["resources"]:
        if resource["type"] not in real:
            continue
        for instance in resource["instances"]:
            missing = real[resource["type"]] - set(instance["attributes"])
            assert not missing, "%s lacks %s" % (address_of(resource, instance), sorted(missing))
            for name in blocks:
                expected = {k for t, k in blocks[name] if t == resource["type"]}
                for block in instance["attributes"].get(name) or []:
                    if resource["type"] in BLOCK_TYPES:
                        assert set(block) == expected, "%s %s block keys" % (address_of(resource, instance), name)
                        compared_blocks += 1
            compared += 1
    assert compared > 100 and compared_blocks > 100
    assert len({r["type"] for r in estate.document["resources"]} & set(real)) >= 25


def test_moat_inspect_loads_every_variant_without_a_diagnostic(workdir):
    variants = [[], ["--egress", "nat"], ["--inject-leak"], ["--egress", "nat", "--inject-leak", "--seed", "5"],
                ALL_KNOBS, ["--size", "xs", "--vpcs", "3", "--services", "0", "--albs", "2"],
                ["--vpcs", "3", "--albs", "0", "--endpoints", "", "--subnets-per-vpc", "1"]]
    for n, args in enumerate(variants):
        estate = Estate(workdir, args, name="v%d" % n)
        proc = moat("inspect", estate.state_path)
        assert proc.returncode == 0, (args, proc.stderr)
        assert "diagnostics: 0" in proc.stdout, (args, proc.stdout)
        assert not re.search(r"^\s+error\b", proc.stdout, re.M)
        unmodelled = proc.stdout.split("unmodelled resource types:")[1].split("diagnostics:")[0]
        assert unmodelled.strip() == "", (args, unmodelled)
        for kind, key in (("Vpc", "vpcs"), ("Subnet", "subnets"), ("RouteTable", "route_tables"),
                          ("SecurityGroup", "security_groups"), ("EcsService", "services")):
            count = estate.summary[key]
            if count:
                assert re.search(r"^\s+%s: %d$" % (kind, count), proc.stdout, re.M), (args, kind, proc.stdout)


# ---- determinism -----------------------------------------------------------------------

def test_the_same_arguments_give_byte_identical_output(workdir):
    args = ALL_KNOBS + ["--inject-leak", "--seed", "9"]
    first = Estate(workdir, args, name="first")
    second = Estate(workdir, args, name="second")
    assert first.bytes == second.bytes
    assert first.summary_text == second.summary_text
    assert first.scenario["intents"] == second.scenario["intents"]
    assert first.scenario["networks"] == second.scenario["networks"]


def test_a_different_seed_gives_different_ids_in_the_same_structure(workdir):
    one = Estate(workdir, ["--vpcs", "5"], name="one")
    two = Estate(workdir, ["--vpcs", "5", "--seed", "2"], name="two")
    assert [a for a, _ in one.instances()] == [a for a, _ in two.instances()]
    ids_one = {a["id"] for _, a in one.instances()}
    ids_two = {a["id"] for _, a in two.instances()}
    # Ids that are names or derived only from shared values (e.g. "<table>_<destination>" of
    # TGW routes, task definition families) may coincide; AWS-generated ids must not.
    generated = re.compile(r"(vpc|subnet|rtb|sg|igw|tgw|tgw-attach|tgw-rtb|acl|vpce|rtbassoc)-[0-9a-f]{17}")
    aws_one = {i for i in ids_one if generated.fullmatch(i)}
    aws_two = {i for i in ids_two if generated.fullmatch(i)}
    assert len(aws_one) > 100 and not aws_one & aws_two
    assert one.document["lineage"] != two.document["lineage"]
    counts = {k: v for k, v in one.summary.items() if k not in ("bytes",)}
    assert counts == {k: v for k, v in two.summary.items() if k not in ("bytes",)}


# ---- counts ------------------------------------------------------------------------------

def expected_counts(vpcs=10, subnets=6, route_tables=None, routes=20, security_groups=1, sg_rules=20, nacl_rules=5,
                    endpoints=3, albs=1, services=1, zones=1, records_per_zone=None, tgw_tables=2, tgw_routes=None,
                    onprem=1, nat=False):
    """What the summary must say for the given parameters (no leak), worked out independently."""
    spokes = vpcs - 1
    route_tables = route_tables or min(3, subnets)
    tgw_routes = tgw_routes or 3 + 2 * onprem
    hub_routes = 6 + (5 if nat else 0)  # estate and on-prem per private table; NAT default + public table
    sgs_per_spoke = (1 if albs else 0) + security_groups + (1 if endpoints else 0)
    rules_per_spoke = (2 if albs else 0) + security_groups * sg_rules + (1 if nat else 2) + (1 if endpoints else 0)
    return {
        "vpcs": vpcs, "subnets": (6 if nat else 3) + spokes * subnets,
        "route_tables": (4 if nat else 3) + spokes * route_tables,
        "routes": spokes * route_tables * routes + hub_routes,
        "security_groups": 1 + spokes * sgs_per_spoke, "sg_rules": 3 + spokes * rules_per_spoke,
        "network_acls": vpcs, "nacl_rules": 2 + spokes * nacl_rules,
        "interface_endpoints": spokes * endpoints, "gateway_endpoints": spokes,
        "albs": spokes * albs, "listeners": spokes * albs,
        "listener_rules": spokes * (services - min(albs, services)) if albs else 0,
        "services": spokes * services, "zones": zones,
        "records": zones * records_per_zone if records_per_zone is not None else spokes * albs,
        "tgw_route_tables": tgw_tables, "tgw_routes": (tgw_tables - 1) * tgw_routes + spokes + 1 + 2 * onprem,
        "onprem_networks": onprem, "internet_gateways": 1 if nat else 0, "nat_gateways": 3 if nat else 0,
    }


@pytest.mark.parametrize("args, expected", [
    ([], expected_counts()),
    (["--egress", "nat"], expected_counts(nat=True)),
    (ALL_KNOBS, expected_counts(vpcs=6, subnets=8, route_tables=4, routes=7, security_groups=7, sg_rules=5,
                                nacl_rules=12, endpoints=7, albs=2, services=5, zones=3, records_per_zone=4,
                                tgw_tables=4, tgw_routes=12, onprem=3)),
    (["--vpcs", "4", "--albs", "3", "--services", "2", "--endpoints", "", "--zones", "2", "--route-tables-per-vpc", "9"],
     expected_counts(vpcs=4, albs=3, services=2, endpoints=0, zones=2, route_tables=9)),
    (["--size", "xs"], expected_counts(vpcs=10, subnets=10, route_tables=5, routes=20, sg_rules=15, nacl_rules=10,
                                       zones=2, tgw_tables=3, tgw_routes=20, onprem=2)),
])
def test_the_summary_counts_match_the_parameters_and_the_state(workdir, args, expected):
    estate = Estate(workdir, args)
    for key, value in expected.items():
        assert estate.summary[key] == value, key
    assert estate.summary["bytes"] == len(estate.bytes)
    assert estate.summary["leak"] is None
    # The summary counts what is in the state.
    assert estate.summary["subnets"] == len(estate.instances("aws_subnet"))
    assert estate.summary["routes"] == sum(len(t["route"]) for _, t in estate.instances("aws_route_table")) + \
        len(estate.instances("aws_route"))
    assert estate.summary["tgw_routes"] == len(estate.instances("aws_ec2_transit_gateway_route"))


def test_the_xl_preset_is_about_1000_vpcs_10000_subnets_100000_routes_20000_sg_rules(workdir):
    # Counts grow linearly with the spokes, so two small estates of the xl shape give the xl counts.
    small = Estate(workdir, ["--size", "xl", "--vpcs", "11"], name="small")
    large = Estate(workdir, ["--size", "xl", "--vpcs", "21"], name="large")
    for key, target in (("subnets", 10000), ("routes", 100000), ("sg_rules", 20000)):
        per_spoke = (large.summary[key] - small.summary[key]) / 10
        at_xl = small.summary[key] + per_spoke * (1000 - 11)
        assert abs(at_xl - target) / target < 0.01, (key, at_xl)
    assert small.summary["vpcs"] == 11  # --vpcs overrides the preset


# ---- the leak --------------------------------------------------------------------------

def test_inject_leak_adds_exactly_one_internet_path_at_the_place_the_summary_names(workdir):
    places = set()
    for seed in range(1, 7):
        args = ["--vpcs", "6", "--services", "2", "--seed", str(seed)]
        clean = Estate(workdir, args, name="clean%d" % seed)
        leaky = Estate(workdir, args + ["--inject-leak"], name="leaky%d" % seed)
        leak = leaky.summary["leak"]
        module = 'module.spoke["%s"]' % leak["spoke"]
        places.add((leak["spoke"], leak["service"], leak["subnet_index"]))
        gateways = leaky.instances("aws_internet_gateway")
        assert [a for a, _ in gateways] == [leak["internet_gateway_address"]] == [module + ".aws_internet_gateway.this"]
        assert internet_routes(leaky) == [(leak["route_table_address"], "0.0.0.0/0")]
        public = [(a, s) for a, s in leaky.instances("aws_ecs_service")
                  if s["network_configuration"][0]["assign_public_ip"]]
        assert [a for a, _ in public] == [leak["service_address"]]
        assert public[0][1]["network_configuration"][0]["subnets"] == [leak["subnet_id"]]
        open_rules = [(a, rule) for a, g in leaky.instances("aws_security_group") for rule in g["ingress"]
                      if "0.0.0.0/0" in rule["cidr_blocks"]]
        assert [a for a, _ in open_rules] == [leak["security_group_address"]]
        associations = {a: s["route_table_id"] for a, s in leaky.instances("aws_route_table_association")}
        assert associations[leak["association_address"]] == leak["route_table_id"]
        # Everything outside the leaky spoke is the clean estate's, byte for byte.
        outside = [r for r in leaky.document["resources"] if not r.get("module", "").startswith(module)]
        assert outside == [r for r in clean.document["resources"] if not r.get("module", "").startswith(module)]
        assert clean.summary["internet_gateways"] == 0
    assert len(places) > 1, "the seed chooses the leak's place"


def test_nat_egress_puts_the_only_internet_gateway_and_the_nat_gateways_in_the_hub(workdir):
    estate = Estate(workdir, ["--vpcs", "4", "--egress", "nat"])
    assert [a for a, _ in estate.instances("aws_internet_gateway")] == ["module.hub.aws_internet_gateway.this"]
    assert {a for a, _ in estate.instances("aws_nat_gateway")} == {"module.hub.aws_nat_gateway.this[%d]" % i for i in range(3)}
    assert internet_routes(estate) == [("module.hub.aws_route.public_internet[0]", "0.0.0.0/0")]
    closed = Estate(workdir, ["--vpcs", "4"], name="closed")
    assert not closed.instances("aws_internet_gateway") and not closed.instances("aws_nat_gateway")
    assert not closed.instances("aws_eip")


# ---- moat check on generated estates --------------------------------------------------

def test_moat_check_passes_every_intent_of_a_small_closed_estate(workdir):
    estate = Estate(workdir, ["--vpcs", "5", "--egress", "none"])
    code, intents, report = check(estate)
    assert code == 0 and report["ok"] is True
    assert not failing(intents)
    assert report["warnings"] == [] and report["unmodelled"] == []
    names = set(intents)
    assert NO_INTERNET <= names
    assert {"onprem-reaches-app", "tasks-pull-images", "spokes-isolated"} <= names
    by_kind = {}
    for name in names:
        kind = name.split(":")[0] if name.startswith("closed/") and ":" in name else name
        by_kind[kind] = by_kind.get(kind, 0) + 1
    spokes = 4
    assert by_kind["closed/ecs"] == spokes * 4  # ecr.api, ecr.dkr, s3, logs
    assert by_kind["closed/lb"] == spokes
    assert by_kind["closed/net"] == spokes  # one on-prem network to each listener
    assert by_kind["closed/dns"] == spokes  # each record resolvable from on-prem
    assert len(names) == spokes * 4 + 3 * spokes + 2 + 3


def test_moat_check_of_a_leaky_closed_estate_fails_only_no_internet_ingress_naming_the_leak(workdir):
    for seed in (1, 4):
        estate = Estate(workdir, ["--vpcs", "5", "--services", "2", "--inject-leak", "--seed", str(seed)],
                        name="leak%d" % seed)
        leak = estate.summary["leak"]
        code, intents, report = check(estate)
        assert code == 1 and report["ok"] is False
        assert failing(intents) == {"closed/no-internet-ingress"}
        ingress = intents["closed/no-internet-ingress"]
        named = resources_named(ingress)
        assert leak["internet_gateway_address"] in named
        assert leak["route_table_address"] in named  # the replies' route to the gateway
        assert leak["service_address"] in named and leak["security_group_address"] in named
        assert not any(a.startswith("module.spoke[") and not a.startswith('module.spoke["%s"]' % leak["spoke"])
                       for a in named), "only the leaky spoke is on the path"
        subnet = dict(estate.instances("aws_subnet"))[leak["subnet_address"]]
        witness = ingress["witness"]
        assert ipaddress.ip_address(witness["destination"]) in ipaddress.ip_network(subnet["cidr_block"])
        assert witness["port"] == leak["port"]


def test_moat_check_with_nat_egress_fails_only_the_no_internet_intents(workdir):
    estate = Estate(workdir, ["--vpcs", "4", "--egress", "nat"])
    code, intents, _ = check(estate)
    assert code == 1 and failing(intents) == {"closed/no-internet-egress"}
    named = resources_named(intents["closed/no-internet-egress"])
    assert "module.hub.aws_internet_gateway.this" in named
    assert any(a.startswith("module.hub.aws_nat_gateway.this[") for a in named)

    leaky = Estate(workdir, ["--vpcs", "4", "--egress", "nat", "--inject-leak"], name="leaky")
    code, intents, _ = check(leaky)
    assert code == 1 and failing(intents) == NO_INTERNET
    assert leaky.summary["leak"]["internet_gateway_address"] in resources_named(intents["closed/no-internet-ingress"])


def test_moat_check_passes_with_every_dimension_turned_up(workdir):
    estate = Estate(workdir, ALL_KNOBS)
    code, intents, report = check(estate)
    assert code == 0, sorted(failing(intents))
    assert report["warnings"] == []
    spokes, services, albs, networks, records = 5, 5, 2, 3, 12
    needs = 7  # ecr.api, ecr.dkr, s3, logs, ssm, secretsmanager, ssmmessages (sts is not needed)
    count = lambda prefix: sum(1 for name in intents if name.startswith(prefix))  # noqa: E731
    assert count("closed/ecs:") == spokes * services * needs
    assert count("closed/lb:") == spokes * services
    assert count("closed/net:") == spokes * albs * networks
    assert count("closed/dns:") == records * networks
    assert set(estate.scenario["networks"]) == {"dc-01", "dc-02", "dc-03"}


# ---- the scenario and the command line -------------------------------------------------

def test_the_scenario_names_the_state_relative_to_itself_and_the_dx_gateways_by_address(workdir):
    os.makedirs(os.path.join(workdir, "states"))
    os.makedirs(os.path.join(workdir, "scenarios"))
    state = os.path.join(workdir, "states", "estate.tfstate")
    scenario = os.path.join(workdir, "scenarios", "moat.json")
    proc = subprocess.run([sys.executable, GENERATOR, "--vpcs", "3", "--onprem-networks", "2", "-o", state,
                           "--scenario", scenario], capture_output=True, text=True, timeout=120, cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    with open(scenario, encoding="utf-8") as f:
        document = json.load(f)
    assert document["states"] == ["../states/estate.tfstate"]
    assert document["profile"] == "closed" and document["region"] == "eu-west-1"
    with open(state, encoding="utf-8") as f:
        gateways = {address_of(r, i) for r in json.load(f)["resources"] if r["type"] == "aws_dx_gateway"
                    for i in r["instances"]}
    assert {n["via"][0]["dx_gateway"] for n in document["networks"].values()} == gateways
    assert moat("check", scenario).returncode == 0


@pytest.mark.parametrize("args, message", [
    (["--tgw-routes", "3"], "--tgw-routes must be at least 5"),
    (["--nacl-rules", "4"], "--nacl-rules must be at least 5"),
    (["--endpoints", "ecr.api,s3"], "s3 is always a gateway endpoint"),
    (["--endpoints", "ECR"], "is not an endpoint service name"),
    (["--scenario", "moat.json"], "--scenario needs --output"),
    (["--vpcs", "1", "--inject-leak"], "--inject-leak needs at least one spoke"),
    (["--services", "0", "--inject-leak"], "--inject-leak needs at least one spoke"),
    (["--tgw-route-tables", "1"], "--tgw-route-tables must be at least 2"),
    (["--vpcs", "1", "--records-per-zone", "2"], "--records-per-zone needs ALBs"),
    (["--size", "xxl"], "invalid choice"),
])
def test_arguments_that_cannot_make_an_estate_exit_2_with_a_message(workdir, args, message):
    proc = subprocess.run([sys.executable, GENERATOR, *args], capture_output=True, text=True, timeout=60, cwd=workdir)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert proc.stdout == ""

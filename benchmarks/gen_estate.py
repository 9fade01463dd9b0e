#!/usr/bin/python3
"""Generate a synthetic hub-and-spoke AWS estate as one Terraform state (format 4).

The state imitates what `terraform apply` with the AWS provider writes (attribute
shapes copied from real states: every inline route block lists all target keys with
the unused ones "", security-group rules list every key, ids look like AWS ids), so
the loader sees realistic input at any size. It is meant for benchmarks and for
scenario tests that need a large network with a known answer. Standard library only.

Layout (Terraform addresses):
  module.hub                 hub VPC: private subnets per AZ (the TGW attachment and a Route 53
                             Resolver inbound endpoint for on-prem DNS), route tables managed
                             with aws_route resources, the adopted default network ACL; with
                             --egress nat also public subnets, an internet gateway and one NAT
                             gateway (with EIP) per AZ
  module.transit             transit gateway; a "hub" route table (the hub and the Direct Connect
                             attachments: a static route to every spoke, the hub and on-prem)
                             and spoke route tables (default route to the hub, a blackhole for
                             10.0.0.0/8 so spokes cannot reach each other, the hub, on-prem
                             prefixes to their Direct Connect attachment); one Direct Connect
                             gateway per on-prem network, associated with the transit gateway
                             (allowed_prefixes: the summaries of the VPC CIDRs)
  module.spoke["spoke-NNN"]  one per spoke VPC: private subnets, route tables with inline
                             `route` blocks (default route to the transit gateway plus on-prem
                             /24s), route table associations, a network ACL, security groups
                             with inline rules and aws_security_group_rule resources, interface
                             endpoints (--endpoints) and an S3 gateway endpoint, internal ALBs
                             with HTTPS listeners (listener rules for further services), target
                             groups, an ECS cluster, task definitions and Fargate services
  module.dns                 private hosted zones associated with every VPC, alias records
                             pointing at the spokes' ALBs

Egress (--egress):
  none (default)  a closed estate: no internet gateway and no NAT gateway anywhere, task
                  security groups open outbound only to the estate, on-prem and the S3 prefix
                  list. Every intent of moat's closed profile holds (with the default endpoint
                  list, which covers what the task definitions need). This is the default
                  because the benchmarks check the closed profile and look for one leak: in
                  an estate that is closed apart from the leak, the leak is the only failure.
  nat             centralized egress: the hub has an internet gateway and NAT gateways, spokes
                  send their default route through the transit gateway to them. Spokes DO
                  reach the internet, so moat's closed/no-internet-egress fails (correctly).

--inject-leak puts exactly one internet path into the estate at a place chosen with the
seed: one spoke gets an internet gateway, one of its service subnets moves to a route
table whose default route points at that gateway, one ECS service is moved into that
subnet alone and gets public IPs, and the spoke's app security group admits 0.0.0.0/0
on the container port. Exactly one service in one subnet becomes reachable from the
internet (both ways: the subnet routes its replies to the gateway). In a closed estate
the only failing intent of the closed profile is closed/no-internet-ingress (the task
security groups still forbid outbound traffic to the internet); with --egress nat the
no-internet-egress intent fails as well, as it does without a leak. Where the leak was
put is printed on stderr (with --summary, as JSON).

--scenario FILE writes a moat.json next to the state: the state, the region, one network
per on-prem network (via its DX gateway, forwarding the hosted zones' domains to the hub's
inbound resolver endpoint), profile "closed" and a few explicit intents.

Output is deterministic for a given set of arguments: ids are derived from the seed and
the object's role (not from generation order), resources are sorted like Terraform sorts
them and every attribute object has sorted keys. Counts are sizes per spoke VPC unless
said otherwise; AWS quotas (rules per NACL, routes per table) are not enforced.

Examples:
  /usr/bin/python3 benchmarks/gen_estate.py --vpcs 20 --output estate.tfstate
  /usr/bin/python3 benchmarks/gen_estate.py --size m --inject-leak --seed 7 -o m.tfstate \\
      --scenario moat.json --summary
"""

import argparse
import hashlib
import ipaddress
import json
import math
import os
import random
import re
import sys
import zlib

PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'
TERRAFORM_VERSION = "1.9.5"
REGION = "eu-west-1"
AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
AZ_IDS = ["euw1-az1", "euw1-az2", "euw1-az3"]
CONTAINER_PORT = 8080
ESTATE = ipaddress.ip_network("10.0.0.0/8")  # every VPC is carved out of this
ONPREM = ipaddress.ip_network("172.16.0.0/12")  # on-prem networks (over Direct Connect) are carved out of this
LEGACY = ipaddress.ip_network("192.168.0.0/16")  # denied by the extra NACL entries; nothing uses it
S3_PREFIX_LIST = "pl-6da54004"  # com.amazonaws.eu-west-1.s3
S3_PREFIX_CIDRS = ["3.5.0.0/19", "52.218.0.0/17"]
ELB_ZONE_ID = "Z32O12XQLNTSW2"  # ELB's hosted zone in eu-west-1
DEFAULT_ENDPOINTS = "ecr.api,ecr.dkr,logs"

# The "private" blobs Terraform stores beside the attributes (base64 of timeouts/schema
# metadata), taken from real states.
PRIVATE_NULL = "bnVsbA=="
PRIVATE_SCHEMA_1 = "eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ=="
PRIVATE_TIMEOUTS = ("eyJlMmJmYjczMC1lY2FhLTExZTYtOGY4OC0zNDM2M2JjN2M0YzAiOnsiY3JlYXRlIjozMDAwMDAwMDAwMDAs"
                    "ImRlbGV0ZSI6MzAwMDAwMDAwMDAwLCJ1cGRhdGUiOjEyMDAwMDAwMDAwMH19")

# Every target key of an inline aws_route_table route block (provider 5.x).
ROUTE_BLOCK_KEYS = [
    "carrier_gateway_id", "cidr_block", "core_network_arn", "destination_prefix_list_id",
    "egress_only_gateway_id", "gateway_id", "ipv6_cidr_block", "local_gateway_id", "nat_gateway_id",
    "network_interface_id", "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id",
]
# Every key of an aws_route resource besides the destination and the table.
ROUTE_RESOURCE_TARGET_KEYS = [
    "carrier_gateway_id", "core_network_arn", "egress_only_gateway_id", "gateway_id", "instance_id",
    "instance_owner_id", "local_gateway_id", "nat_gateway_id", "network_interface_id",
    "transit_gateway_id", "vpc_endpoint_id", "vpc_peering_connection_id",
]
# The HTTP header attributes of an aws_lb_listener (provider 5.8x), all unset.
LISTENER_HEADER_KEYS = ["routing_http_request_x_amzn_%s_header_name" % h for h in (
    "mtls_clientcert", "mtls_clientcert_issuer", "mtls_clientcert_leaf", "mtls_clientcert_serial_number",
    "mtls_clientcert_subject", "mtls_clientcert_validity", "tls_cipher_suite", "tls_version")] + [
    "routing_http_response_%s_header_value" % h for h in (
        "access_control_allow_credentials", "access_control_allow_headers", "access_control_allow_methods",
        "access_control_allow_origin", "access_control_expose_headers", "access_control_max_age",
        "content_security_policy", "strict_transport_security", "x_content_type_options", "x_frame_options")]
# Ports the generated security-group rules open, beside the container port.
RULE_PORTS = [22, 53, 80, 443, 1433, 3306, 5432, 6379, 8443, 9090, 9200, 11211, 27017]

# Size presets: the same spoke shape at five estate sizes (about x3 apart), for scaling
# curves. xl: 1,000 VPCs, ~10,000 subnets, ~100,000 VPC routes, ~20,000 SG rules.
SPOKE_SHAPE = {
    "subnets_per_vpc": 10, "route_tables_per_vpc": 5, "routes_per_table": 20, "security_groups": 1,
    "sg_rules": 15, "nacl_rules": 10, "albs": 1, "services": 1, "zones": 2, "tgw_route_tables": 3,
    "tgw_routes": 20, "onprem_networks": 2,
}
SIZES = {name: dict(SPOKE_SHAPE, vpcs=vpcs) for name, vpcs in
         (("xs", 10), ("s", 30), ("m", 100), ("l", 300), ("xl", 1000))}
# Defaults without --size (the generator's original shape).
DEFAULTS = {
    "vpcs": 10, "subnets_per_vpc": 6, "route_tables_per_vpc": None, "routes_per_table": 20,
    "security_groups": 1, "sg_rules": 20, "nacl_rules": 5, "albs": 1, "services": 1, "zones": 1,
    "records_per_zone": None, "tgw_route_tables": 2, "tgw_routes": None, "onprem_networks": 1,
}
BASE_NACL_RULES = 5  # 4 inbound (estate, on-prem, TCP and UDP return ports) + 1 outbound
BASE_TGW_ROUTES = 3  # per spoke TGW table: default to the hub, the blackhole, the hub's CIDR


def sort_keys(value):
    """Terraform writes every object with sorted keys; lists keep their order."""
    if isinstance(value, dict):
        return {key: sort_keys(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [sort_keys(item) for item in value]
    return value


class Ids:
    """AWS-looking ids derived from the seed and a role, stable across code changes."""

    def __init__(self, seed):
        self.seed = seed
        self.account = str(int(self.digest("account"), 16) % 900000000000 + 100000000000)

    def digest(self, *role):
        return hashlib.sha256(("%d/" % self.seed + "/".join(role)).encode()).hexdigest()

    def hex(self, prefix, *role, length=17):
        return prefix + self.digest(prefix, *role)[:length]

    def number(self, digits, *role):
        return str(int(self.digest("number", *role), 16) % (10 ** digits)).zfill(digits)

    def uuid(self, *role):
        h = self.digest("uuid", *role)
        return "%s-%s-4%s-a%s-%s" % (h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])

    def arn(self, service, resource):
        return "arn:aws:%s:%s:%s:%s" % (service, REGION, self.account, resource)


class State:
    """Resources keyed by address, written out in Terraform's order."""

    def __init__(self, seed):
        self.resources = {}
        self.lineage = Ids(seed).uuid("lineage")

    def add(self, module, rtype, name, attributes, index_key=None, schema_version=0, private=PRIVATE_NULL,
            dependencies=(), mode="managed"):
        key = (module or "", mode, rtype, name)
        resource = self.resources.get(key)
        if resource is None:
            resource = {}
            if module:
                resource["module"] = module
            resource.update({"mode": mode, "type": rtype, "name": name, "provider": PROVIDER, "instances": []})
            self.resources[key] = resource
        instance = {}
        if index_key is not None:
            instance["index_key"] = index_key
        instance["schema_version"] = schema_version
        instance["attributes"] = sort_keys(attributes)
        instance["sensitive_attributes"] = []
        if mode == "managed":
            instance["private"] = private
        if dependencies:
            instance["dependencies"] = sorted(set(dependencies))
        resource["instances"].append(instance)

    def document(self, serial):
        resources = [self.resources[key] for key in sorted(self.resources)]
        for resource in resources:
            resource["instances"].sort(key=lambda i: (isinstance(i.get("index_key"), str), i.get("index_key", 0)))
        return {
            "version": 4,
            "terraform_version": TERRAFORM_VERSION,
            "serial": serial,
            "lineage": self.lineage,
            "outputs": {},
            "resources": resources,
        }


def tags(name, **extra):
    own = {"Name": name, **extra}
    return own, {"Environment": "prod", "ManagedBy": "terraform", **own}


def address(module, rtype, name, index=None):
    text = "%s.%s.%s" % (module, rtype, name) if module else "%s.%s" % (rtype, name)
    if index is None:
        return text
    return text + ("[%d]" % index if isinstance(index, int) else '["%s"]' % index)


def spoke_module(key):
    return 'module.spoke["%s"]' % key


def fail(message):
    """Arguments that cannot make an estate: a message and exit status 2, like argparse."""
    print("gen_estate: error: " + message, file=sys.stderr)
    sys.exit(2)


class Generator:
    def __init__(self, args):
        self.args = args
        self.ids = Ids(args.seed)
        self.state = State(args.seed)
        self.rng = random.Random(args.seed)
        self.nat = args.egress == "nat"
        self.spoke_keys = ["spoke-%03d" % i for i in range(1, args.vpcs)]
        self.service_keys = ["svc-%02d" % (i + 1) for i in range(args.services)]
        self.alb_keys = ["alb-%02d" % (i + 1) for i in range(args.albs)]
        self.endpoints = args.endpoints
        # VPC and subnet sizes: as large as the number of VPCs and subnets allows.
        vpc_bits = max(16, ESTATE.prefixlen + math.ceil(math.log2(args.vpcs)))
        subnet_count = max(args.subnets_per_vpc, 6)  # the hub has up to 6 subnets
        subnet_bits = min(28, vpc_bits + math.ceil(math.log2(subnet_count)))
        if vpc_bits > 24:
            fail("too many VPCs for 10.0.0.0/8 (at most 65536)")
        if 2 ** (subnet_bits - vpc_bits) < subnet_count:
            fail("%d subnets do not fit in a /%d VPC" % (subnet_count, vpc_bits))
        self.vpc_cidrs = list(ESTATE.subnets(new_prefix=vpc_bits))[: args.vpcs]
        self.subnet_prefix = subnet_bits
        self.onprem = list(ONPREM.subnets(new_prefix=24))  # the /24s spoke route tables name
        if args.routes_per_table - 1 > len(self.onprem):
            fail("--routes-per-table is at most %d" % (len(self.onprem) + 1))
        self.networks = self.onprem_networks(args.onprem_networks)
        self.tgw_extra = self.tgw_extra_prefixes(args.tgw_routes - BASE_TGW_ROUTES - self.network_prefix_count())
        self.legacy = list(LEGACY.subnets(new_prefix=28))
        if args.nacl_rules - BASE_NACL_RULES > len(self.legacy):
            fail("--nacl-rules is at most %d" % (len(self.legacy) + BASE_NACL_RULES))
        if args.records_per_zone and not (self.spoke_keys and args.albs):
            fail("--records-per-zone needs ALBs to alias (--vpcs >= 2 and --albs >= 1)")
        self.leak = None
        if args.inject_leak:
            if not self.spoke_keys or not self.service_keys:
                fail("--inject-leak needs at least one spoke (--vpcs >= 2) with an ECS service (--services >= 1)")
            spoke = self.rng.choice(self.spoke_keys)
            self.leak = {"spoke": spoke, "service": self.rng.choice(self.service_keys),
                         "subnet_index": self.rng.randrange(self.service_subnet_count())}
        self.tgw = self.ids.hex("tgw-", "hub")
        self.spoke_tables = ["spokes"] if args.tgw_route_tables == 2 else \
            ["spokes-%02d" % (i + 1) for i in range(args.tgw_route_tables - 1)]
        self.tgw_rtb = {name: self.ids.hex("tgw-rtb-", name) for name in ["hub", *self.spoke_tables]}
        self.zones = ["corp.internal"] + ["corp%d.internal" % (i + 1) for i in range(1, args.zones)]
        self.zone_ids = {name: "Z" + self.ids.digest("zone", name)[:20].upper() for name in self.zones}
        self.attachments = {}  # vpc key -> tgw attachment id
        self.albs = []  # (spoke key, ALB key, DNS name) in estate order
        self.resolver = None  # the inbound endpoint's address

    def service_subnet_count(self):
        return min(3, self.args.subnets_per_vpc)

    def route_table_count(self):
        return self.args.route_tables_per_vpc or min(len(AZS), self.args.subnets_per_vpc)

    # ---- on-prem networks: two prefixes each, carved out of 172.16.0.0/12 --------------
    def onprem_networks(self, count):
        bits = math.ceil(math.log2(count)) if count > 1 else 0
        if bits > 11:
            fail("--onprem-networks is at most 2048")
        networks = []
        for k, block in enumerate(list(ONPREM.subnets(prefixlen_diff=bits))[:count]):
            key = "dc-%02d" % (k + 1)
            networks.append({
                "key": key, "prefixes": list(block.subnets(prefixlen_diff=1)),
                "dx_gateway": self.ids.uuid("dx-gateway", key),
                "attachment": self.ids.hex("tgw-attach-", "dx", key),
                "address": address("module.transit", "aws_dx_gateway", "onprem", key),
            })
        return networks

    def network_prefix_count(self):
        return sum(len(n["prefixes"]) for n in self.networks)

    def tgw_extra_prefixes(self, count):
        """More specific on-prem routes for the spoke TGW tables: (prefix, network), round robin."""
        minimum = BASE_TGW_ROUTES + self.network_prefix_count()
        if count < 0:
            fail("--tgw-routes must be at least %d (default, blackhole, hub and one route per on-prem "
                 "prefix)" % minimum)
        length = max(24, self.networks[0]["prefixes"][0].prefixlen + 1)
        per_network = [list(n["prefixes"][0].subnets(new_prefix=length)) for n in self.networks]
        if count > sum(len(p) for p in per_network):
            fail("--tgw-routes is at most %d with %d on-prem networks"
                 % (minimum + sum(len(p) for p in per_network), len(self.networks)))
        extra = []
        for j in range(count):
            k = j % len(self.networks)
            extra.append((per_network[k][j // len(self.networks)], self.networks[k]))
        return extra

    # ---- shared shapes -----------------------------------------------------------------
    def vpc(self, module, key, cidr, name):
        vpc_id = self.ids.hex("vpc-", key)
        own, all_tags = tags(name)
        self.state.add(module, "aws_vpc", "this", {
            "arn": self.ids.arn("ec2", "vpc/" + vpc_id),
            "assign_generated_ipv6_cidr_block": False,
            "cidr_block": str(cidr),
            "default_network_acl_id": self.ids.hex("acl-", key, "default"),
            "default_route_table_id": self.ids.hex("rtb-", key, "main"),
            "default_security_group_id": self.ids.hex("sg-", key, "default"),
            "dhcp_options_id": self.ids.hex("dopt-", "estate"),
            "enable_dns_hostnames": True,
            "enable_dns_support": True,
            "enable_network_address_usage_metrics": False,
            "id": vpc_id,
            "instance_tenancy": "default",
            "ipv4_ipam_pool_id": None,
            "ipv4_netmask_length": None,
            "ipv6_association_id": "",
            "ipv6_cidr_block": "",
            "ipv6_cidr_block_network_border_group": "",
            "ipv6_ipam_pool_id": "",
            "ipv6_netmask_length": 0,
            "main_route_table_id": self.ids.hex("rtb-", key, "main"),
            "owner_id": self.ids.account,
            "tags": own,
            "tags_all": all_tags,
        }, schema_version=1, private=PRIVATE_SCHEMA_1)
        return vpc_id

    def subnet(self, module, key, vpc_id, name, index, cidr, tier, public=False):
        subnet_id = self.ids.hex("subnet-", key, name, str(index))
        az = index % len(AZS)
        own, all_tags = tags("%s-%s-%s" % (key, name, AZS[az][-2:]), Tier=tier)
        self.state.add(module, "aws_subnet", name, {
            "arn": self.ids.arn("ec2", "subnet/" + subnet_id),
            "assign_ipv6_address_on_creation": False,
            "availability_zone": AZS[az],
            "availability_zone_id": AZ_IDS[az],
            "cidr_block": str(cidr),
            "customer_owned_ipv4_pool": "",
            "enable_dns64": False,
            "enable_lni_at_device_index": 0,
            "enable_resource_name_dns_a_record_on_launch": False,
            "enable_resource_name_dns_aaaa_record_on_launch": False,
            "id": subnet_id,
            "ipv6_cidr_block": "",
            "ipv6_cidr_block_association_id": "",
            "ipv6_native": False,
            "map_customer_owned_ip_on_launch": False,
            "map_public_ip_on_launch": public,
            "outpost_arn": "",
            "owner_id": self.ids.account,
            "private_dns_hostname_type_on_launch": "ip-name",
            "tags": own,
            "tags_all": all_tags,
            "timeouts": None,
            "vpc_id": vpc_id,
        }, index_key=index, schema_version=1, private=PRIVATE_SCHEMA_1,
            dependencies=[address(module, "aws_vpc", "this")])
        return subnet_id

    def route_table(self, module, key, vpc_id, name, index, routes, label):
        """routes: list of (destination CIDR, target key, target id) as inline blocks."""
        rtb_id = self.ids.hex("rtb-", key, name, str(index))
        blocks = []
        for destination, target_key, target in routes:
            block = dict.fromkeys(ROUTE_BLOCK_KEYS, "")
            block["cidr_block"] = destination
            block[target_key] = target
            blocks.append(block)
        own, all_tags = tags(label)
        self.state.add(module, "aws_route_table", name, {
            "arn": self.ids.arn("ec2", "route-table/" + rtb_id),
            "id": rtb_id,
            "owner_id": self.ids.account,
            "propagating_vgws": [],
            "route": blocks,
            "tags": own,
            "tags_all": all_tags,
            "timeouts": None,
            "vpc_id": vpc_id,
        }, index_key=index, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_vpc", "this")])
        return rtb_id

    def route(self, module, name, index, rtb_id, destination, target_key, target, dependencies):
        attributes = dict.fromkeys(ROUTE_RESOURCE_TARGET_KEYS, "")
        attributes.update({
            "destination_cidr_block": destination,
            "destination_ipv6_cidr_block": "",
            "destination_prefix_list_id": "",
            "id": "r-%s%d" % (rtb_id, zlib.crc32(destination.encode())),
            "origin": "CreateRoute",
            "route_table_id": rtb_id,
            "state": "active",
            "timeouts": None,
            target_key: target,
        })
        self.state.add(module, "aws_route", name, attributes, index_key=index, private=PRIVATE_TIMEOUTS,
                       dependencies=dependencies)

    def association(self, module, key, name, index, rtb_id, subnet_id, dependencies):
        self.state.add(module, "aws_route_table_association", name, {
            "gateway_id": "",
            "id": self.ids.hex("rtbassoc-", key, name, str(index)),
            "route_table_id": rtb_id,
            "subnet_id": subnet_id,
            "timeouts": None,
        }, index_key=index, private=PRIVATE_TIMEOUTS, dependencies=dependencies)

    def internet_gateway(self, module, key, vpc_id):
        igw = self.ids.hex("igw-", key)
        own, all_tags = tags(key + "-igw")
        self.state.add(module, "aws_internet_gateway", "this", {
            "arn": self.ids.arn("ec2", "internet-gateway/" + igw), "id": igw, "owner_id": self.ids.account,
            "tags": own, "tags_all": all_tags, "timeouts": None, "vpc_id": vpc_id,
        }, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_vpc", "this")])
        return igw

    def security_group(self, module, key, name, vpc_id, description, ingress, egress, index=None, dependencies=()):
        sg_id = self.security_group_id(key, name, index)
        label = "%s-%s" % (key, name) if index is None else "%s-%s-%d" % (key, name, index)
        own, all_tags = tags(label)
        self.state.add(module, "aws_security_group", name, {
            "arn": self.ids.arn("ec2", "security-group/" + sg_id),
            "description": description,
            "egress": egress,
            "id": sg_id,
            "ingress": ingress,
            "name": label,
            "name_prefix": "",
            "owner_id": self.ids.account,
            "revoke_rules_on_delete": False,
            "tags": own,
            "tags_all": all_tags,
            "timeouts": None,
            "vpc_id": vpc_id,
        }, index_key=index, schema_version=1, private=PRIVATE_SCHEMA_1,
            dependencies=[address(module, "aws_vpc", "this"), *dependencies])
        return sg_id

    def security_group_id(self, key, name, index=None):
        return self.ids.hex("sg-", key, name) if index is None else self.ids.hex("sg-", key, name, str(index))

    @staticmethod
    def inline_rule(protocol, from_port, to_port, description, cidrs=(), groups=(), prefix_lists=(), self_rule=False):
        return {
            "cidr_blocks": list(cidrs),
            "description": description,
            "from_port": from_port,
            "ipv6_cidr_blocks": [],
            "prefix_list_ids": list(prefix_lists),
            "protocol": protocol,
            "security_groups": list(groups),
            "self": self_rule,
            "to_port": to_port,
        }

    def security_group_rule(self, module, key, name, rule_type, sg_id, protocol, from_port, to_port,
                            cidrs=None, source_sg=None, dependencies=()):
        self.state.add(module, "aws_security_group_rule", name, {
            "cidr_blocks": cidrs,
            "description": name.replace("_", " "),
            "from_port": from_port,
            "id": "sgrule-" + self.ids.number(10, key, name),
            "ipv6_cidr_blocks": None,
            "prefix_list_ids": None,
            "protocol": protocol,
            "security_group_id": sg_id,
            "security_group_rule_id": self.ids.hex("sgr-", key, name),
            "self": False,
            "source_security_group_id": source_sg,
            "timeouts": None,
            "to_port": to_port,
            "type": rule_type,
        }, schema_version=2, private=PRIVATE_TIMEOUTS, dependencies=dependencies)

    def tgw_association(self, name, index, table, attachment, resource_id, resource_type):
        self.state.add("module.transit", "aws_ec2_transit_gateway_route_table_association", name, {
            "id": "%s_%s" % (self.tgw_rtb[table], attachment),
            "replace_existing_association": False,
            "resource_id": resource_id,
            "resource_type": resource_type,
            "transit_gateway_attachment_id": attachment,
            "transit_gateway_route_table_id": self.tgw_rtb[table],
        }, index_key=index, dependencies=[address("module.transit", "aws_ec2_transit_gateway_route_table",
                                                  "hub" if table == "hub" else "spokes",
                                                  None if table == "hub" else self.spoke_tables.index(table))])

    def tgw_attachment(self, module, key, vpc_id, subnet_ids, table):
        attachment = self.ids.hex("tgw-attach-", key)
        self.attachments[key] = attachment
        self.state.add(module, "aws_ec2_transit_gateway_vpc_attachment", "this", {
            "appliance_mode_support": "disable",
            "dns_support": "enable",
            "id": attachment,
            "ipv6_support": "disable",
            "security_group_referencing_support": "enable",
            "subnet_ids": sorted(subnet_ids),
            "tags": {"Name": key},
            "tags_all": {"Environment": "prod", "ManagedBy": "terraform", "Name": key},
            "transit_gateway_default_route_table_association": False,
            "transit_gateway_default_route_table_propagation": False,
            "transit_gateway_id": self.tgw,
            "vpc_id": vpc_id,
            "vpc_owner_id": self.ids.account,
        }, dependencies=[address(module, "aws_vpc", "this"), address(module, "aws_subnet", "private"),
                         address("module.transit", "aws_ec2_transit_gateway", "hub")])
        self.tgw_association("hub" if table == "hub" else "spoke", key, table, attachment, vpc_id, "vpc")
        return attachment

    # ---- the hub -----------------------------------------------------------------------
    def hub(self):
        module, key = "module.hub", "hub"
        cidr = self.vpc_cidrs[0]
        vpc_id = self.vpc(module, key, cidr, "hub")
        subnets = list(cidr.subnets(new_prefix=self.subnet_prefix))
        private = [self.subnet(module, key, vpc_id, "private", i, subnets[3 + i], "private") for i in range(3)]
        public = []
        nats = []
        if self.nat:
            public = [self.subnet(module, key, vpc_id, "public", i, subnets[i], "public", public=True)
                      for i in range(3)]
            igw = self.internet_gateway(module, key, vpc_id)
            for i in range(3):
                nats.append(self.nat_gateway(module, key, i, public[i], subnets[i]))
            # Route tables managed with aws_route resources (their inline list stays empty).
            public_rtb = self.route_table(module, key, vpc_id, "public", 0, [], "hub-public")
            self.route(module, "public_internet", 0, public_rtb, "0.0.0.0/0", "gateway_id", igw,
                       [address(module, "aws_internet_gateway", "this"), address(module, "aws_route_table", "public")])
            self.route(module, "public_estate", 0, public_rtb, str(ESTATE), "transit_gateway_id", self.tgw,
                       [address(module, "aws_route_table", "public")])
            for i in range(3):
                self.association(module, key, "public", i, public_rtb, public[i],
                                 [address(module, "aws_route_table", "public"), address(module, "aws_subnet", "public")])
        for i in range(3):
            rtb = self.route_table(module, key, vpc_id, "private", i, [], "hub-private-%s" % AZS[i][-2:])
            if self.nat:
                self.route(module, "private_nat", i, rtb, "0.0.0.0/0", "nat_gateway_id", nats[i],
                           [address(module, "aws_nat_gateway", "this"), address(module, "aws_route_table", "private")])
            self.route(module, "private_estate", i, rtb, str(ESTATE), "transit_gateway_id", self.tgw,
                       [address(module, "aws_route_table", "private")])
            self.route(module, "private_onprem", i, rtb, str(ONPREM), "transit_gateway_id", self.tgw,
                       [address(module, "aws_route_table", "private")])
            self.association(module, key, "private", i, rtb, private[i],
                             [address(module, "aws_route_table", "private"), address(module, "aws_subnet", "private")])
        # The hub's subnets keep the VPC's default network ACL, adopted into the state.
        acl = self.ids.hex("acl-", key, "default")
        allow_all = {"action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "icmp_code": 0, "icmp_type": 0,
                     "ipv6_cidr_block": "", "protocol": "-1", "rule_no": 100, "to_port": 0}
        self.state.add(module, "aws_default_network_acl", "this", {
            "arn": self.ids.arn("ec2", "network-acl/" + acl), "default_network_acl_id": acl,
            "egress": [allow_all], "id": acl, "ingress": [allow_all], "owner_id": self.ids.account,
            "subnet_ids": sorted(public + private), "tags": tags("hub-default")[0],
            "tags_all": tags("hub-default")[1], "vpc_id": vpc_id,
        }, dependencies=[address(module, "aws_vpc", "this")])
        self.resolver_endpoint(module, key, vpc_id, private, subnets)
        self.tgw_attachment(module, key, vpc_id, private, "hub")
        return vpc_id

    def nat_gateway(self, module, key, i, subnet_id, block):
        allocation = self.ids.hex("eipalloc-", key, str(i))
        association = self.ids.hex("eipassoc-", key, str(i))
        eni = self.ids.hex("eni-", key, "nat", str(i))
        public_ip = "52.%d.%d.%d" % (16 + self.args.seed % 64, i, 10 + i)
        private_ip = str(block.network_address + 10)
        self.state.add(module, "aws_eip", "nat", {
            "address": None, "allocation_id": allocation, "associate_with_private_ip": None,
            "association_id": association, "carrier_ip": "", "customer_owned_ip": "",
            "customer_owned_ipv4_pool": "", "domain": "vpc", "id": allocation, "instance": "",
            "network_border_group": REGION, "network_interface": eni,
            "private_dns": "ip-%s.%s.compute.internal" % (private_ip.replace(".", "-"), REGION),
            "private_ip": private_ip,
            "public_dns": "ec2-%s.%s.compute.amazonaws.com" % (public_ip.replace(".", "-"), REGION),
            "public_ip": public_ip, "public_ipv4_pool": "amazon",
            "tags": tags("hub-nat-%d" % i)[0], "tags_all": tags("hub-nat-%d" % i)[1], "timeouts": None,
            "vpc": True,
        }, index_key=i, dependencies=[address(module, "aws_internet_gateway", "this")])
        nat = self.ids.hex("nat-", key, str(i))
        self.state.add(module, "aws_nat_gateway", "this", {
            "allocation_id": allocation, "association_id": association, "connectivity_type": "public",
            "id": nat, "network_interface_id": eni, "private_ip": private_ip, "public_ip": public_ip,
            "secondary_allocation_ids": None, "secondary_private_ip_address_count": 0,
            "secondary_private_ip_addresses": [], "subnet_id": subnet_id,
            "tags": tags("hub-nat-%s" % AZS[i][-2:])[0], "tags_all": tags("hub-nat-%s" % AZS[i][-2:])[1],
            "timeouts": None,
        }, index_key=i, private=PRIVATE_TIMEOUTS,
            dependencies=[address(module, "aws_eip", "nat"), address(module, "aws_subnet", "public")])
        return nat

    def resolver_endpoint(self, module, key, vpc_id, private, blocks):
        """The inbound endpoint on-prem forwards the hosted zones' domains to (DNS over TCP/UDP 53)."""
        sources = [str(ESTATE), str(ONPREM)]
        sg = self.security_group(module, key, "resolver", vpc_id, "Route 53 Resolver inbound endpoint", [
            self.inline_rule("tcp", 53, 53, "DNS over TCP from on-prem and the estate", cidrs=sources),
            self.inline_rule("udp", 53, 53, "DNS from on-prem and the estate", cidrs=sources),
        ], [self.inline_rule("-1", 0, 0, "", cidrs=["0.0.0.0/0"])])
        endpoint = self.ids.hex("rslvr-in-", key)
        own, all_tags = tags("hub-inbound")
        self.state.add(module, "aws_route53_resolver_endpoint", "inbound", {
            "arn": self.ids.arn("route53resolver", "resolver-endpoint/" + endpoint),
            "direction": "INBOUND", "host_vpc_id": vpc_id, "id": endpoint,
            "ip_address": [{"ip": str(blocks[3 + i].network_address + 10), "ip_id": self.ids.hex("rni-", key, str(i)),
                            "ipv6": "", "subnet_id": private[i]} for i in range(2)],
            "name": "hub-inbound", "protocols": ["Do53"], "resolver_endpoint_type": "IPV4",
            "security_group_ids": [sg], "tags": own, "tags_all": all_tags, "timeouts": None,
        }, private=PRIVATE_TIMEOUTS,
            dependencies=[address(module, "aws_security_group", "resolver"), address(module, "aws_subnet", "private")])
        self.resolver = address(module, "aws_route53_resolver_endpoint", "inbound")

    # ---- transit: TGW, its route tables and routes, Direct Connect ----------------------
    def transit(self):
        module = "module.transit"
        self.state.add(module, "aws_ec2_transit_gateway", "hub", {
            "amazon_side_asn": 64512,
            "arn": self.ids.arn("ec2", "transit-gateway/" + self.tgw),
            # Default association and propagation are off, so AWS creates no default table.
            "association_default_route_table_id": "",
            "auto_accept_shared_attachments": "disable",
            "default_route_table_association": "disable",
            "default_route_table_propagation": "disable",
            "description": "hub-and-spoke transit gateway",
            "dns_support": "enable",
            "id": self.tgw,
            "multicast_support": "disable",
            "owner_id": self.ids.account,
            "propagation_default_route_table_id": "",
            "security_group_referencing_support": "disable",
            "tags": tags("hub-tgw")[0],
            "tags_all": tags("hub-tgw")[1],
            "timeouts": None,
            "transit_gateway_cidr_blocks": [],
            "vpn_ecmp_support": "enable",
        }, private=PRIVATE_TIMEOUTS)
        for name, rtb in self.tgw_rtb.items():
            index = None if name == "hub" else self.spoke_tables.index(name)
            self.state.add(module, "aws_ec2_transit_gateway_route_table", "hub" if name == "hub" else "spokes", {
                "arn": self.ids.arn("ec2", "transit-gateway-route-table/" + rtb),
                "default_association_route_table": False,
                "default_propagation_route_table": False,
                "id": rtb,
                "tags": tags("tgw-" + name)[0],
                "tags_all": tags("tgw-" + name)[1],
                "transit_gateway_id": self.tgw,
            }, index_key=index, dependencies=[address(module, "aws_ec2_transit_gateway", "hub")])

        def tgw_route(name, index, table, destination, attachment, blackhole=False):
            table_address = address(module, "aws_ec2_transit_gateway_route_table", "hub") if table == "hub" else \
                address(module, "aws_ec2_transit_gateway_route_table", "spokes", self.spoke_tables.index(table))
            self.state.add(module, "aws_ec2_transit_gateway_route", name, {
                "blackhole": blackhole,
                "destination_cidr_block": destination,
                "id": "%s_%s" % (self.tgw_rtb[table], destination),
                "transit_gateway_attachment_id": "" if blackhole else attachment,
                "transit_gateway_route_table_id": self.tgw_rtb[table],
            }, index_key=index, dependencies=[table_address])

        # Spoke tables: everything to the hub, on-prem over DX, nothing spoke to spoke.
        hub = self.attachments["hub"]
        n = 0
        for table in self.spoke_tables:
            routes = [("0.0.0.0/0", hub, False), (str(ESTATE), "", True), (str(self.vpc_cidrs[0]), hub, False)]
            routes += [(str(p), net["attachment"], False) for net in self.networks for p in net["prefixes"]]
            routes += [(str(p), net["attachment"], False) for p, net in self.tgw_extra]
            for destination, attachment, blackhole in routes:
                tgw_route("spokes", n, table, destination, attachment, blackhole)
                n += 1
        # Hub table (the hub and the DX attachments): every spoke, the hub itself, on-prem.
        for key, cidr in zip(self.spoke_keys, self.vpc_cidrs[1:]):
            tgw_route("hub_to_spoke", key, "hub", str(cidr), self.attachments[key])
        tgw_route("hub_self", 0, "hub", str(self.vpc_cidrs[0]), hub)
        n = 0
        for net in self.networks:
            for prefix in net["prefixes"]:
                tgw_route("hub_onprem", n, "hub", str(prefix), net["attachment"])
                n += 1

        # One Direct Connect gateway per on-prem network; AWS advertises the VPC summaries.
        allowed = [str(p) for p in ipaddress.collapse_addresses(self.vpc_cidrs)]
        for net in self.networks:
            key = net["key"]
            self.state.add(module, "aws_dx_gateway", "onprem", {
                "amazon_side_asn": "64513",
                "id": net["dx_gateway"],
                "name": "onprem-" + key,
                "owner_account_id": self.ids.account,
                "timeouts": None,
            }, index_key=key, private=PRIVATE_TIMEOUTS)
            self.state.add(module, "aws_dx_gateway_association", "onprem", {
                "allowed_prefixes": allowed,
                "associated_gateway_id": self.tgw,
                "associated_gateway_owner_account_id": self.ids.account,
                "associated_gateway_type": "transitGateway",
                "dx_gateway_association_id": self.ids.uuid("dx-association", key),
                "dx_gateway_id": net["dx_gateway"],
                "dx_gateway_owner_account_id": self.ids.account,
                "id": "ga-%s%s" % (net["dx_gateway"], self.tgw),
                "proposal_id": "",
                "timeouts": None,
                "transit_gateway_attachment_id": net["attachment"],
            }, index_key=key, schema_version=2, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_dx_gateway", "onprem"), address(module, "aws_ec2_transit_gateway", "hub")])
            self.tgw_association("hub", key, "hub", net["attachment"], net["dx_gateway"], "direct-connect-gateway")

    # ---- one spoke ---------------------------------------------------------------------
    def spoke(self, number, key, cidr):
        args = self.args
        module = spoke_module(key)
        vpc_id = self.vpc(module, key, cidr, key)
        blocks = list(cidr.subnets(new_prefix=self.subnet_prefix))
        subnets = [self.subnet(module, key, vpc_id, "private", i, blocks[i], "private")
                   for i in range(args.subnets_per_vpc)]
        service_subnets = subnets[: self.service_subnet_count()]
        leak = self.leak if self.leak and self.leak["spoke"] == key else None

        # Route tables with inline routes: default and on-prem /24s to the TGW.
        tables = []
        for t in range(self.route_table_count()):
            routes = [("0.0.0.0/0", "transit_gateway_id", self.tgw)]
            for r in range(args.routes_per_table - 1):
                prefix = self.onprem[(number * 7 + t * 3 + r) % len(self.onprem)]
                routes.append((str(prefix), "transit_gateway_id", self.tgw))
            tables.append(self.route_table(module, key, vpc_id, "private", t, routes,
                                           "%s-private-%d" % (key, t)))
        leaked_subnet = None
        gateway_tables = list(tables)
        if leak:
            leaked_subnet = leak["subnet_index"]
            igw = self.internet_gateway(module, key, vpc_id)
            public_rtb = self.route_table(module, key, vpc_id, "public", 0, [
                ("0.0.0.0/0", "gateway_id", igw), (str(ESTATE), "transit_gateway_id", self.tgw),
                (str(ONPREM), "transit_gateway_id", self.tgw)], key + "-public")
            gateway_tables.append(public_rtb)
            leak.update({
                "vpc_id": vpc_id, "internet_gateway_id": igw, "route_table_id": public_rtb,
                "subnet_id": subnets[leaked_subnet],
                "internet_gateway_address": address(module, "aws_internet_gateway", "this"),
                "route_table_address": address(module, "aws_route_table", "public", 0),
                "association_address": address(module, "aws_route_table_association", "public", 0),
                "subnet_address": address(module, "aws_subnet", "private", leaked_subnet),
            })
        for i, subnet_id in enumerate(subnets):
            if i == leaked_subnet:
                self.association(module, key, "public", 0, leak["route_table_id"], subnet_id,
                                 [address(module, "aws_route_table", "public"), address(module, "aws_subnet", "private")])
            else:
                self.association(module, key, "private", i, tables[i % len(tables)], subnet_id,
                                 [address(module, "aws_route_table", "private"), address(module, "aws_subnet", "private")])

        self.network_acl(module, key, vpc_id, subnets)
        app_sgs = self.spoke_security_groups(module, key, number, vpc_id, cidr, leak)
        self.vpc_endpoints(module, key, vpc_id, service_subnets, gateway_tables)
        self.load_balancers_and_services(module, key, number, vpc_id, service_subnets, app_sgs, leak)
        self.tgw_attachment(module, key, vpc_id, service_subnets, self.spoke_tables[(number - 1) % len(self.spoke_tables)])
        return vpc_id

    def network_acl(self, module, key, vpc_id, subnets):
        """The estate, on-prem and return traffic in, everything out; extra entries deny legacy ranges first."""
        def entry(rule_no, protocol, from_port, to_port, cidr_block, action="allow"):
            return {"action": action, "cidr_block": cidr_block, "from_port": from_port,
                    "icmp_code": 0 if protocol == "-1" else None, "icmp_type": 0 if protocol == "-1" else None,
                    "ipv6_cidr_block": "", "protocol": protocol, "rule_no": rule_no, "to_port": to_port}
        extra = self.args.nacl_rules - BASE_NACL_RULES
        base = max(100, math.ceil((extra + 1) / 100) * 100)
        ingress = []
        for e in range(extra):
            protocol, low, high = [("tcp", 0, 65535), ("udp", 0, 65535), ("-1", 0, 0)][e % 3]
            ingress.append(entry(1 + e, protocol, low, high, str(self.legacy[e]), action="deny"))
        ingress += [entry(base, "-1", 0, 0, str(ESTATE)), entry(base + 10, "-1", 0, 0, str(ONPREM)),
                    entry(base + 20, "tcp", 1024, 65535, "0.0.0.0/0"), entry(base + 30, "udp", 1024, 65535, "0.0.0.0/0")]
        acl = self.ids.hex("acl-", key, "private")
        self.state.add(module, "aws_network_acl", "private", {
            "arn": self.ids.arn("ec2", "network-acl/" + acl),
            "egress": [entry(100, "-1", 0, 0, "0.0.0.0/0")],
            "id": acl,
            "ingress": ingress,
            "owner_id": self.ids.account,
            "subnet_ids": sorted(subnets),
            "tags": tags(key + "-private")[0],
            "tags_all": tags(key + "-private")[1],
            "vpc_id": vpc_id,
        }, dependencies=[address(module, "aws_vpc", "this"), address(module, "aws_subnet", "private")])

    def spoke_security_groups(self, module, key, number, vpc_id, cidr, leak):
        """The ALBs' group (rule resources), the app group and workload groups (inline rules), the
        endpoints' group. Returns the groups the ECS services use (at most 5 on an ENI)."""
        args = self.args
        app_sg_id = self.security_group_id(key, "app")
        alb_sg = None
        if args.albs:
            alb_sg = self.security_group(module, key, "alb", vpc_id, "Internal ALBs", [], [])
            self.security_group_rule(module, key, "alb_https_in", "ingress", alb_sg, "tcp", 443, 443,
                                     cidrs=[str(ESTATE), str(ONPREM)],
                                     dependencies=[address(module, "aws_security_group", "alb")])
            self.security_group_rule(module, key, "alb_to_app", "egress", alb_sg, "tcp", CONTAINER_PORT,
                                     CONTAINER_PORT, source_sg=app_sg_id,
                                     dependencies=[address(module, "aws_security_group", "alb"),
                                                   address(module, "aws_security_group", "app")])

        def ingress_rules(offset):
            if alb_sg:
                rules = [self.inline_rule("tcp", CONTAINER_PORT, CONTAINER_PORT, "from the ALB", groups=[alb_sg])]
            else:
                rules = [self.inline_rule("tcp", CONTAINER_PORT, CONTAINER_PORT, "from the VPC", cidrs=[str(cidr)])]
            for r in range(args.sg_rules - 1):
                port = RULE_PORTS[(number + offset + r) % len(RULE_PORTS)]
                source = self.vpc_cidrs[(number + r) % len(self.vpc_cidrs)] if r % 3 else \
                    self.onprem[(number + offset + r) % len(self.onprem)]
                rules.append(self.inline_rule("udp" if port == 53 else "tcp", port, port, "rule %d" % (r + 1),
                                              cidrs=[str(source)]))
            return rules

        ingress = ingress_rules(0)
        if leak:
            ingress.append(self.inline_rule("tcp", CONTAINER_PORT, CONTAINER_PORT, "debug access", cidrs=["0.0.0.0/0"]))
            leak.update({"security_group_id": app_sg_id, "port": CONTAINER_PORT,
                         "security_group_address": address(module, "aws_security_group", "app")})
        if self.nat:
            egress = [self.inline_rule("-1", 0, 0, "all out", cidrs=["0.0.0.0/0"])]
        else:
            egress = [self.inline_rule("-1", 0, 0, "the estate and on-prem", cidrs=[str(ESTATE), str(ONPREM)]),
                      self.inline_rule("tcp", 443, 443, "S3 through the gateway endpoint", prefix_lists=[S3_PREFIX_LIST])]
        self.security_group(module, key, "app", vpc_id, "ECS tasks", ingress, egress)
        used = [app_sg_id]
        for w in range(args.security_groups - 1):
            sg = self.security_group(module, key, "workload", vpc_id, "Workload %d" % (w + 1), ingress_rules(w + 1), [],
                                     index=w)
            if len(used) < 5:
                used.append(sg)
        if self.endpoints:
            self.security_group(module, key, "endpoints", vpc_id, "Interface endpoints",
                                [self.inline_rule("tcp", 443, 443, "HTTPS from the VPC", cidrs=[str(cidr)])], [])
        return used

    def vpc_endpoints(self, module, key, vpc_id, service_subnets, route_tables):
        """Interface endpoints (--endpoints) with private DNS; S3 as a gateway endpoint."""
        endpoint_sg = self.security_group_id(key, "endpoints")
        for service in self.endpoints:
            vpce = self.ids.hex("vpce-", key, service)
            self.state.add(module, "aws_vpc_endpoint", "interface", {
                "arn": self.ids.arn("ec2", "vpc-endpoint/" + vpce), "auto_accept": None, "cidr_blocks": [],
                "dns_entry": [{"dns_name": "%s-%s.%s.%s.vpce.amazonaws.com" % (vpce, self.ids.digest(vpce)[:8],
                                                                                 service.split(".")[-1], REGION),
                               "hosted_zone_id": "Z38GZ743OKFT7T"}],
                "dns_options": [{"dns_record_ip_type": "ipv4", "private_dns_only_for_inbound_resolver_endpoint": False}],
                "id": vpce, "ip_address_type": "ipv4",
                "network_interface_ids": sorted(self.ids.hex("eni-", key, service, str(i)) for i in range(len(service_subnets))),
                "owner_id": self.ids.account, "policy": "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}",
                "prefix_list_id": None, "private_dns_enabled": True, "requester_managed": False,
                "resource_configuration_arn": "", "route_table_ids": [], "security_group_ids": [endpoint_sg],
                "service_name": "com.amazonaws.%s.%s" % (REGION, service), "service_network_arn": "",
                "service_region": REGION, "state": "available", "subnet_configuration": [],
                "subnet_ids": sorted(service_subnets), "tags": tags("%s-%s" % (key, service))[0],
                "tags_all": tags("%s-%s" % (key, service))[1], "timeouts": None, "vpc_endpoint_type": "Interface",
                "vpc_id": vpc_id,
            }, index_key=service, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_security_group", "endpoints"), address(module, "aws_subnet", "private")])
        s3 = self.ids.hex("vpce-", key, "s3")
        self.state.add(module, "aws_vpc_endpoint", "gateway", {
            "arn": self.ids.arn("ec2", "vpc-endpoint/" + s3), "auto_accept": None,
            "cidr_blocks": S3_PREFIX_CIDRS, "dns_entry": [], "dns_options": [], "id": s3,
            "ip_address_type": "", "network_interface_ids": [], "owner_id": self.ids.account,
            "policy": "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}],\"Version\":\"2008-10-17\"}",
            "prefix_list_id": S3_PREFIX_LIST, "private_dns_enabled": False, "requester_managed": False,
            "resource_configuration_arn": "", "route_table_ids": sorted(route_tables), "security_group_ids": [],
            "service_name": "com.amazonaws.%s.s3" % REGION, "service_network_arn": "", "service_region": REGION,
            "state": "available", "subnet_configuration": [], "subnet_ids": [],
            "tags": tags(key + "-s3")[0], "tags_all": tags(key + "-s3")[1], "timeouts": None,
            "vpc_endpoint_type": "Gateway", "vpc_id": vpc_id,
        }, index_key="s3", private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_route_table", "private")])

    def load_balancers_and_services(self, module, key, number, vpc_id, service_subnets, app_sgs, leak):
        """Internal ALBs (HTTPS 443) -> target groups -> ECS services; service s sits behind ALB s % albs
        (the first one as the listener's default action, the others through host-header rules)."""
        args = self.args
        alb_sg = self.security_group_id(key, "alb")
        target_groups = {}
        for svc in self.service_keys:
            tg_arn = self.ids.arn("elasticloadbalancing",
                                  "targetgroup/%s-%s/%s" % (key, svc, self.ids.digest("tg", key, svc)[:16]))
            target_groups[svc] = tg_arn
            if not args.albs:
                continue
            lb_arn = self.lb_arn(key, self.alb_keys[self.service_keys.index(svc) % args.albs])
            self.state.add(module, "aws_lb_target_group", "app", {
                "arn": tg_arn, "arn_suffix": tg_arn.split(":", 5)[5], "connection_termination": None,
                "deregistration_delay": "30",
                "health_check": [{"enabled": True, "healthy_threshold": 3, "interval": 30, "matcher": "200",
                                  "path": "/health", "port": "traffic-port", "protocol": "HTTP", "timeout": 5,
                                  "unhealthy_threshold": 3}],
                "id": tg_arn, "ip_address_type": "ipv4", "lambda_multi_value_headers_enabled": False,
                "load_balancer_arns": [lb_arn], "load_balancing_algorithm_type": "round_robin",
                "load_balancing_anomaly_mitigation": "off",
                "load_balancing_cross_zone_enabled": "use_load_balancer_configuration", "name": "%s-%s" % (key, svc),
                "name_prefix": "", "port": CONTAINER_PORT, "preserve_client_ip": None, "protocol": "HTTP",
                "protocol_version": "HTTP1", "proxy_protocol_v2": False, "slow_start": 0,
                "stickiness": [{"cookie_duration": 86400, "cookie_name": "", "enabled": False, "type": "lb_cookie"}],
                "tags": tags("%s-%s" % (key, svc))[0], "tags_all": tags("%s-%s" % (key, svc))[1],
                "target_failover": [{"on_deregistration": None, "on_unhealthy": None}],
                "target_group_health": [{
                    "dns_failover": [{"minimum_healthy_targets_count": "1", "minimum_healthy_targets_percentage": "off"}],
                    "unhealthy_state_routing": [{"minimum_healthy_targets_count": 1,
                                                 "minimum_healthy_targets_percentage": "off"}]}],
                "target_health_state": [{"enable_unhealthy_connection_termination": None,
                                         "unhealthy_draining_interval": None}],
                "target_type": "ip", "vpc_id": vpc_id,
            }, index_key=svc, dependencies=[address(module, "aws_vpc", "this")])

        for a, alb in enumerate(self.alb_keys):
            behind = [svc for s, svc in enumerate(self.service_keys) if s % args.albs == a]
            lb_name = "%s-%s" % (key, alb)
            lb_arn = self.lb_arn(key, alb)
            dns_name = "internal-%s-%s.%s.elb.amazonaws.com" % (lb_name, self.ids.number(10, "lb", key, alb), REGION)
            self.albs.append((key, alb, dns_name))
            self.state.add(module, "aws_lb", "internal", {
                "access_logs": [{"bucket": "", "enabled": False, "prefix": ""}], "arn": lb_arn,
                "arn_suffix": lb_arn.split(":loadbalancer/")[1], "client_keep_alive": 3600,
                "connection_logs": [{"bucket": "", "enabled": False, "prefix": ""}], "customer_owned_ipv4_pool": "",
                "desync_mitigation_mode": "defensive", "dns_name": dns_name, "dns_record_client_routing_policy": None,
                "drop_invalid_header_fields": False, "enable_cross_zone_load_balancing": True,
                "enable_deletion_protection": False, "enable_http2": True,
                "enable_tls_version_and_cipher_suite_headers": False, "enable_waf_fail_open": False,
                "enable_xff_client_port": False, "enable_zonal_shift": False,
                "enforce_security_group_inbound_rules_on_private_link_traffic": "", "id": lb_arn, "idle_timeout": 60,
                "internal": True, "ip_address_type": "ipv4", "ipam_pools": [], "load_balancer_type": "application",
                "name": lb_name, "name_prefix": "", "preserve_host_header": False, "security_groups": [alb_sg],
                "subnet_mapping": [{"allocation_id": "", "ipv6_address": "", "outpost_id": "", "private_ipv4_address": "",
                                    "subnet_id": s} for s in sorted(service_subnets)],
                "subnets": sorted(service_subnets), "tags": tags(lb_name)[0], "tags_all": tags(lb_name)[1],
                "timeouts": None, "vpc_id": vpc_id, "xff_header_processing_mode": "append", "zone_id": ELB_ZONE_ID,
            }, index_key=alb, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_security_group", "alb"), address(module, "aws_subnet", "private")])
            listener_arn = lb_arn.replace(":loadbalancer/", ":listener/") + "/" + self.ids.digest("listener", key, alb)[:16]
            if behind:
                default = self.forward(target_groups[behind[0]])
            else:
                default = {"authenticate_cognito": [], "authenticate_oidc": [],
                           "fixed_response": [{"content_type": "text/plain", "message_body": "not found",
                                               "status_code": "404"}],
                           "forward": [], "order": 1, "redirect": [], "target_group_arn": "", "type": "fixed-response"}
            listener = {
                "alpn_policy": None, "arn": listener_arn,
                "certificate_arn": self.ids.arn("acm", "certificate/" + self.ids.uuid("certificate")),
                "default_action": [default],
                "id": listener_arn, "load_balancer_arn": lb_arn, "mutual_authentication": [], "port": 443,
                "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "tags": None,
                "tags_all": {"Environment": "prod", "ManagedBy": "terraform"}, "tcp_idle_timeout_seconds": None,
                "timeouts": None,
            }
            listener.update(dict.fromkeys(LISTENER_HEADER_KEYS, ""))
            listener["routing_http_response_server_enabled"] = True
            self.state.add(module, "aws_lb_listener", "https", listener, index_key=alb, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_lb", "internal"), address(module, "aws_lb_target_group", "app")])
            for priority, svc in enumerate(behind[1:], start=1):
                rule_arn = listener_arn.replace(":listener/", ":listener-rule/") + "/" + \
                    self.ids.digest("rule", key, svc)[:16]
                self.state.add(module, "aws_lb_listener_rule", "app", {
                    "action": [self.forward(target_groups[svc])], "arn": rule_arn,
                    "condition": [{"host_header": [{"values": ["%s.%s.corp.internal" % (svc, key)]}],
                                   "http_header": [], "http_request_method": [], "path_pattern": [],
                                   "query_string": [], "source_ip": []}],
                    "id": rule_arn, "listener_arn": listener_arn, "priority": 100 * priority,
                    "tags": {}, "tags_all": {"Environment": "prod", "ManagedBy": "terraform"},
                }, index_key=svc, dependencies=[address(module, "aws_lb_listener", "https"),
                                                address(module, "aws_lb_target_group", "app")])

        if not self.service_keys:
            return
        cluster_arn = self.ids.arn("ecs", "cluster/" + key)
        self.state.add(module, "aws_ecs_cluster", "this", {
            "arn": cluster_arn, "configuration": [], "id": cluster_arn, "name": key,
            "service_connect_defaults": [], "setting": [{"name": "containerInsights", "value": "enabled"}],
            "tags": tags(key)[0], "tags_all": tags(key)[1],
        })
        for s, svc in enumerate(self.service_keys):
            self.ecs_service(module, key, number, s, svc, cluster_arn, target_groups[svc] if args.albs else None,
                             service_subnets, app_sgs, leak if leak and leak["service"] == svc else None)

    def lb_arn(self, key, alb):
        return self.ids.arn("elasticloadbalancing", "loadbalancer/app/%s-%s/%s"
                            % (key, alb, self.ids.digest("lb", key, alb)[:16]))

    @staticmethod
    def forward(tg_arn):
        return {"authenticate_cognito": [], "authenticate_oidc": [], "fixed_response": [], "forward": [],
                "order": 1, "redirect": [], "target_group_arn": tg_arn, "type": "forward"}

    def ecs_service(self, module, key, number, s, svc, cluster_arn, tg_arn, service_subnets, app_sgs, leak):
        """A Fargate service whose task definition needs what the interface endpoints provide: images
        from private ECR, awslogs with a logs endpoint, secrets with ssm / secretsmanager endpoints,
        ECS Exec with an ssmmessages endpoint."""
        family = "%s-%s" % (key, svc)
        container = {"cpu": 0, "environment": [{"name": "SPOKE", "value": key}], "essential": True,
                     "image": "%s.dkr.ecr.%s.amazonaws.com/%s:1.%d" % (self.ids.account, REGION, svc, (number + s) % 20),
                     "mountPoints": [], "name": "app",
                     "portMappings": [{"containerPort": CONTAINER_PORT, "hostPort": CONTAINER_PORT, "protocol": "tcp"}],
                     "systemControls": [], "volumesFrom": []}
        if "logs" in self.endpoints:
            container["logConfiguration"] = {"logDriver": "awslogs", "options": {
                "awslogs-group": "/ecs/" + family, "awslogs-region": REGION, "awslogs-stream-prefix": svc},
                "secretOptions": []}
        secrets = []
        if "ssm" in self.endpoints:
            secrets.append({"name": "DB_PASSWORD",
                            "valueFrom": self.ids.arn("ssm", "parameter/%s/%s/db-password" % (key, svc))})
        if "secretsmanager" in self.endpoints:
            secrets.append({"name": "API_TOKEN",
                            "valueFrom": self.ids.arn("secretsmanager", "secret:%s/%s/api-token" % (key, svc))})
        if secrets:
            container["secrets"] = secrets
        revision = 1 + (number + s) % 9
        task_arn = self.ids.arn("ecs", "task-definition/%s:%d" % (family, revision))
        self.state.add(module, "aws_ecs_task_definition", "app", {
            "arn": task_arn, "arn_without_revision": task_arn.rsplit(":", 1)[0],
            "container_definitions": json.dumps([container], separators=(",", ":"), sort_keys=True),
            "cpu": "256", "enable_fault_injection": False, "ephemeral_storage": [],
            "execution_role_arn": "arn:aws:iam::%s:role/%s-task-execution" % (self.ids.account, key),
            "family": family, "id": family, "inference_accelerator": [], "ipc_mode": "",
            "memory": "512", "network_mode": "awsvpc", "pid_mode": "", "placement_constraints": [],
            "proxy_configuration": [], "requires_compatibilities": ["FARGATE"], "revision": revision,
            "runtime_platform": [{"cpu_architecture": "X86_64", "operating_system_family": "LINUX"}],
            "skip_destroy": False, "tags": tags(family)[0], "tags_all": tags(family)[1],
            "task_role_arn": "", "track_latest": False, "volume": [],
        }, index_key=svc, schema_version=1, private=PRIVATE_SCHEMA_1)
        service_arn = self.ids.arn("ecs", "service/%s/%s" % (key, svc))
        dependencies = [address(module, "aws_ecs_cluster", "this"), address(module, "aws_ecs_task_definition", "app"),
                        address(module, "aws_security_group", "app")]
        if tg_arn:
            dependencies.append(address(module, "aws_lb_listener", "https"))
        self.state.add(module, "aws_ecs_service", "app", {
            "alarms": [], "availability_zone_rebalancing": "DISABLED", "capacity_provider_strategy": [],
            "cluster": cluster_arn, "deployment_circuit_breaker": [{"enable": True, "rollback": True}],
            "deployment_controller": [{"type": "ECS"}], "deployment_maximum_percent": 200,
            "deployment_minimum_healthy_percent": 100, "desired_count": 2, "enable_ecs_managed_tags": False,
            "enable_execute_command": "ssmmessages" in self.endpoints, "force_delete": None,
            "force_new_deployment": None, "health_check_grace_period_seconds": 60 if tg_arn else 0,
            "iam_role": "/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", "id": service_arn,
            "launch_type": "FARGATE",
            "load_balancer": [{"container_name": "app", "container_port": CONTAINER_PORT, "elb_name": "",
                               "target_group_arn": tg_arn}] if tg_arn else [],
            "name": svc,
            "network_configuration": [{"assign_public_ip": bool(leak), "security_groups": sorted(app_sgs),
                                       "subnets": [leak["subnet_id"]] if leak else sorted(service_subnets)}],
            "ordered_placement_strategy": [], "placement_constraints": [], "platform_version": "LATEST",
            "propagate_tags": "NONE", "scheduling_strategy": "REPLICA", "service_connect_configuration": [],
            "service_registries": [], "tags": tags(family)[0], "tags_all": tags(family)[1],
            "task_definition": task_arn, "timeouts": None, "triggers": {}, "volume_configuration": [],
            "vpc_lattice_configurations": [], "wait_for_steady_state": False,
        }, index_key=svc, schema_version=1, private=PRIVATE_TIMEOUTS, dependencies=dependencies)
        if leak:
            leak.update({"service_arn": service_arn, "service_address": address(module, "aws_ecs_service", "app", svc)})

    # ---- DNS ---------------------------------------------------------------------------
    def records(self):
        """(zone, record name, ALB DNS name, spoke key) for every record; by default every ALB is named once."""
        out = []
        total = len(self.albs)
        per_zone = self.args.records_per_zone
        for z, zone in enumerate(self.zones):
            indexes = range(z * per_zone, (z + 1) * per_zone) if per_zone is not None else range(z, total, len(self.zones))
            for i in indexes:
                key, alb, dns_name = self.albs[i % total]
                label = key if alb == self.alb_keys[0] else "%s-%s" % (key, alb)
                if i >= total:
                    label += "-%d" % (i // total)
                out.append((zone, "%s.%s" % (label, zone), dns_name, key))
        return out

    def dns(self, vpc_ids):
        module = "module.dns"
        for zone in self.zones:
            zone_id = self.zone_ids[zone]
            self.state.add(module, "aws_route53_zone", "internal", {
                "arn": "arn:aws:route53:::hostedzone/" + zone_id,
                "comment": "Service names of the spokes", "delegation_set_id": "", "force_destroy": False,
                "id": zone_id, "name": zone,
                "name_servers": ["ns-0.awsdns-00.com.", "ns-1024.awsdns-00.org.", "ns-1536.awsdns-00.co.uk.",
                                 "ns-512.awsdns-00.net."],
                "primary_name_server": "ns-0.awsdns-00.com.", "tags": tags(zone)[0], "tags_all": tags(zone)[1],
                "vpc": [{"vpc_id": vpc_id, "vpc_region": REGION} for vpc_id in sorted(vpc_ids)],
                "zone_id": zone_id,
            }, index_key=zone)
        self.record_names = []
        for zone, fqdn, dns_name, spoke in self.records():
            zone_id = self.zone_ids[zone]
            self.record_names.append(fqdn)
            self.state.add(module, "aws_route53_record", "service", {
                "alias": [{"evaluate_target_health": True, "name": dns_name, "zone_id": ELB_ZONE_ID}],
                "allow_overwrite": None, "cidr_routing_policy": [], "failover_routing_policy": [], "fqdn": fqdn,
                "geolocation_routing_policy": [], "geoproximity_routing_policy": [], "health_check_id": "",
                "id": "%s_%s_A" % (zone_id, fqdn), "latency_routing_policy": [],
                "multivalue_answer_routing_policy": False, "name": fqdn, "records": None, "set_identifier": "",
                "timeouts": None, "ttl": 0, "type": "A", "weighted_routing_policy": [], "zone_id": zone_id,
            }, index_key=fqdn, schema_version=2, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_route53_zone", "internal"),
                              address(spoke_module(spoke), "aws_lb", "internal")])

    def generate(self):
        vpc_ids = [self.hub()]
        for number, (key, cidr) in enumerate(zip(self.spoke_keys, self.vpc_cidrs[1:]), start=1):
            vpc_ids.append(self.spoke(number, key, cidr))
        self.transit()
        self.dns(vpc_ids)
        return self.state.document(serial=self.args.vpcs)

    # ---- the scenario ------------------------------------------------------------------
    def scenario(self, state_path):
        networks = {}
        for net in self.networks:
            networks[net["key"]] = {
                "cidrs": [str(p) for p in net["prefixes"]],
                "via": [{"dx_gateway": net["address"]}],
                "dns_forwarders": [{"domain": zone, "to": self.resolver} for zone in self.zones],
            }
        intents = []
        first_network = self.networks[0]["key"]
        if self.record_names:
            intents.append({"name": "onprem-reaches-app", "from": first_network, "to": "dns:" + self.record_names[0],
                            "protocol": "tcp", "port": 443, "expect": "reachable"})
        if self.spoke_keys and self.service_keys:
            service = address(spoke_module(self.spoke_keys[0]), "aws_ecs_service", "app", self.service_keys[0])
            if "ecr.dkr" in self.endpoints:
                intents.append({"name": "tasks-pull-images", "from": service, "to": "service:ecr.dkr",
                                "protocol": "tcp", "port": 443, "expect": "reachable"})
            if len(self.spoke_keys) >= 2:
                other = address(spoke_module(self.spoke_keys[1]), "aws_subnet", "private", 0)
                intents.append({"name": "spokes-isolated", "from": service, "to": other, "expect": "unreachable"})
        return {"states": [state_path], "region": REGION, "networks": networks, "profile": "closed",
                "intents": intents}


def summarize(document, text, leak, egress):
    """Counts taken from the written document (not from the arguments)."""
    instances = {}
    for resource in document["resources"]:
        if resource["mode"] == "managed":
            instances.setdefault(resource["type"], []).extend(i["attributes"] for i in resource["instances"])

    def of(rtype):
        return instances.get(rtype, [])

    endpoints = of("aws_vpc_endpoint")
    return {
        "bytes": len(text.encode()),
        "resources": len(document["resources"]),
        "instances": sum(len(r["instances"]) for r in document["resources"]),
        "egress": egress,
        "vpcs": len(of("aws_vpc")),
        "subnets": len(of("aws_subnet")),
        "route_tables": len(of("aws_route_table")),
        "routes": sum(len(t["route"]) for t in of("aws_route_table")) + len(of("aws_route")),
        "security_groups": len(of("aws_security_group")),
        "sg_rules": sum(len(g["ingress"]) + len(g["egress"]) for g in of("aws_security_group"))
        + len(of("aws_security_group_rule")),
        "network_acls": len(of("aws_network_acl")) + len(of("aws_default_network_acl")),
        "nacl_rules": sum(len(a["ingress"]) + len(a["egress"])
                          for a in of("aws_network_acl") + of("aws_default_network_acl")),
        "interface_endpoints": sum(e["vpc_endpoint_type"] == "Interface" for e in endpoints),
        "gateway_endpoints": sum(e["vpc_endpoint_type"] == "Gateway" for e in endpoints),
        "albs": len(of("aws_lb")),
        "listeners": len(of("aws_lb_listener")),
        "listener_rules": len(of("aws_lb_listener_rule")),
        "services": len(of("aws_ecs_service")),
        "zones": len(of("aws_route53_zone")),
        "records": len(of("aws_route53_record")),
        "tgw_route_tables": len(of("aws_ec2_transit_gateway_route_table")),
        "tgw_routes": len(of("aws_ec2_transit_gateway_route")),
        "onprem_networks": len(of("aws_dx_gateway")),
        "internet_gateways": len(of("aws_internet_gateway")),
        "nat_gateways": len(of("aws_nat_gateway")),
        "leak": leak,
    }


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def natural(text):
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be at least 0")
    return value


def endpoint_list(text):
    services = [s.strip() for s in text.split(",") if s.strip()]
    for service in services:
        if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", service):
            raise argparse.ArgumentTypeError("%r is not an endpoint service name (e.g. ecr.api, logs, ssm)" % service)
        if service == "s3":
            raise argparse.ArgumentTypeError("s3 is always a gateway endpoint; list interface endpoints only")
    if len(set(services)) != len(services):
        raise argparse.ArgumentTypeError("an endpoint is listed twice")
    return services


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Size presets (--size; explicit options override them): %s, all with %s. Without --size the "
               "defaults are the ones shown above (about 104 KB per spoke). Measured with seed 1: xs 1.4 MB, "
               "s 4.2 MB, m 14.2 MB, l 42.7 MB, xl 142.5 MB (1,000 VPCs, 9,993 subnets, 99,906 VPC routes, "
               "19,983 SG rules, 9,992 NACL entries; 12 s and 0.9 GB to generate)." % (
                   ", ".join("%s = %d VPCs" % (name, preset["vpcs"]) for name, preset in SIZES.items()),
                   ", ".join("--%s %s" % (k.replace("_", "-"), v) for k, v in SPOKE_SHAPE.items())))
    parser.add_argument("--size", choices=sorted(SIZES, key=list(SIZES).index),
                        help="a named estate size (see below); explicit options override its values")
    parser.add_argument("--vpcs", type=positive,
                        help="number of VPCs including the hub (default %d)" % DEFAULTS["vpcs"])
    parser.add_argument("--subnets-per-vpc", type=positive,
                        help="private subnets in each spoke, spread over 3 AZs (default %d)" % DEFAULTS["subnets_per_vpc"])
    parser.add_argument("--route-tables-per-vpc", type=positive,
                        help="route tables in each spoke; subnet i uses table i %% N (default: one per AZ in use)")
    parser.add_argument("--routes-per-table", type=positive,
                        help="inline routes in each spoke route table: the default route plus on-prem /24s, "
                             "all to the transit gateway (default %d)" % DEFAULTS["routes_per_table"])
    parser.add_argument("--security-groups", type=positive,
                        help="security groups with --sg-rules rules in each spoke: the app group and workload "
                             "groups (the ECS services use up to 5); the ALB and endpoint groups come on top "
                             "(default %d)" % DEFAULTS["security_groups"])
    parser.add_argument("--sg-rules", type=positive,
                        help="inline ingress rules in each of those security groups (default %d)" % DEFAULTS["sg_rules"])
    parser.add_argument("--nacl-rules", type=int,
                        help="entries (inbound and outbound) in each spoke's network ACL: 5 base entries plus "
                             "deny entries for unused 192.168.0.0/16 blocks (default %d)" % DEFAULTS["nacl_rules"])
    parser.add_argument("--endpoints", type=endpoint_list,
                        help="interface endpoints in each spoke, comma-separated (default %s); the S3 gateway "
                             "endpoint is always there. The task definitions use what these provide (awslogs with "
                             "logs, secrets with ssm/secretsmanager, ECS Exec with ssmmessages); without "
                             "ecr.api/ecr.dkr the closed profile fails" % DEFAULT_ENDPOINTS)
    parser.add_argument("--albs", type=natural, help="internal ALBs in each spoke (default %d)" % DEFAULTS["albs"])
    parser.add_argument("--services", type=natural, help="ECS services in each spoke (default %d)" % DEFAULTS["services"])
    parser.add_argument("--zones", type=positive, help="private hosted zones (default %d)" % DEFAULTS["zones"])
    parser.add_argument("--records-per-zone", type=natural,
                        help="alias records in each zone, naming the ALBs round robin "
                             "(default: every ALB named once across the zones)")
    parser.add_argument("--tgw-route-tables", type=int,
                        help="transit gateway route tables: the hub's and N-1 spoke tables, spokes spread round "
                             "robin (default %d)" % DEFAULTS["tgw_route_tables"])
    parser.add_argument("--tgw-routes", type=positive,
                        help="static routes in each spoke TGW route table: default, blackhole, hub, one per "
                             "on-prem prefix, then more specific on-prem routes (default: the minimum, 3 + 2 per "
                             "on-prem network)")
    parser.add_argument("--onprem-networks", type=positive,
                        help="on-prem networks, each two prefixes out of 172.16.0.0/12 behind its own Direct "
                             "Connect gateway associated with the transit gateway (default %d)" % DEFAULTS["onprem_networks"])
    parser.add_argument("--egress", choices=["none", "nat"], default="none",
                        help="none: a closed estate, no internet gateway or NAT anywhere (default); nat: the hub "
                             "has an internet gateway and NAT gateways for centralized egress")
    parser.add_argument("--seed", type=int, default=1, help="seed for ids and the leak's place (default 1)")
    parser.add_argument("--inject-leak", action="store_true",
                        help="make exactly one ECS service reachable from the internet (IGW, default route "
                             "to it, public IPs, 0.0.0.0/0 in its security group) in a random spoke")
    parser.add_argument("--summary", action="store_true",
                        help="print a JSON summary (counts, bytes, the leak's place) on stderr")
    parser.add_argument("--scenario", metavar="FILE",
                        help="also write a moat.json scenario for the state (needs --output)")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    args = parser.parse_args(argv)
    preset = SIZES[args.size] if args.size else {}
    for name, default in DEFAULTS.items():
        if getattr(args, name) is None:
            setattr(args, name, preset.get(name, default))
    if args.endpoints is None:
        args.endpoints = endpoint_list(DEFAULT_ENDPOINTS)
    if args.tgw_routes is None:
        args.tgw_routes = BASE_TGW_ROUTES + 2 * args.onprem_networks
    if args.nacl_rules < BASE_NACL_RULES:
        parser.error("--nacl-rules must be at least %d" % BASE_NACL_RULES)
    if args.tgw_route_tables < 2:
        parser.error("--tgw-route-tables must be at least 2 (the hub's and one for the spokes)")
    if args.scenario and args.output == "-":
        parser.error("--scenario needs --output (the scenario names the state file)")
    return args


def main(argv=None):
    args = parse_args(argv)
    generator = Generator(args)
    document = generator.generate()
    text = json.dumps(document, indent=2) + "\n"
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            out.write(text)
    if args.scenario:
        base = os.path.dirname(os.path.abspath(args.scenario))
        state_path = os.path.relpath(os.path.abspath(args.output), base)
        with open(args.scenario, "w", encoding="utf-8") as out:
            out.write(json.dumps(generator.scenario(state_path), indent=2) + "\n")
    if args.summary:
        summary = summarize(document, text, generator.leak, args.egress)
        print(json.dumps(summary, indent=2, sort_keys=True), file=sys.stderr)
    elif generator.leak:
        print("gen_estate: leak in %(service_address)s (subnet %(subnet_id)s, route table %(route_table_id)s "
              "-> %(internet_gateway_id)s, port %(port)d)" % generator.leak, file=sys.stderr)


if __name__ == "__main__":
    main()

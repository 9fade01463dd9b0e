#!/usr/bin/python3
"""Generate a synthetic hub-and-spoke AWS estate as one Terraform state (format 4).

The state imitates what `terraform apply` with the AWS provider writes (attribute
shapes copied from real states: every inline route block lists all target keys with
the unused ones "", security-group rules list every key, ids look like AWS ids), so
the loader sees realistic input at any size. It is meant for load benchmarks and for
scenario tests that need a large network with a known answer.

Layout (Terraform addresses):
  module.hub                 hub VPC: public + private subnets per AZ, internet gateway,
                             one NAT gateway (with EIP) per AZ, route tables managed with
                             aws_route resources, the adopted default network ACL, the
                             hub's transit gateway attachment
  module.transit             transit gateway, "spokes" and "hub" route tables with static
                             routes (and one blackhole), attachment associations, a
                             Direct Connect gateway associated with the transit gateway
  module.spoke["spoke-NNN"]  one per spoke VPC: private subnets, route tables with inline
                             `route` blocks (default route to the transit gateway plus
                             on-prem prefixes), route table associations, a network ACL,
                             security groups with inline rules and with
                             aws_security_group_rule resources, interface endpoints
                             (ecr.api, ecr.dkr, logs) and an S3 gateway endpoint, an
                             internal ALB with listener and target group, an ECS
                             cluster, task definition and Fargate service
  module.dns                 a private hosted zone associated with every VPC and one
                             alias record per spoke pointing at the spoke's ALB

Without --inject-leak nothing inside the estate is reachable from the internet: spokes
have no internet gateway and the hub's public subnets hold only NAT gateways. With
--inject-leak one randomly chosen spoke also gets an internet gateway, one of its
service subnets is moved to a route table whose default route points at that gateway,
its ECS service gets public IPs and the service's security group admits 0.0.0.0/0 on
the container port: exactly one service becomes reachable from the internet. Where the
leak was put is printed on stderr (with --summary, as JSON).

Output is deterministic for a given set of arguments: ids are derived from the seed and
the object's role (not from generation order), resources are sorted like Terraform sorts
them and every attribute object has sorted keys.

Examples:
  /usr/bin/python3 benchmarks/gen_estate.py --vpcs 20 --output estate.tfstate
  /usr/bin/python3 benchmarks/gen_estate.py --vpcs 600 --inject-leak --seed 7 -o big.tfstate
"""

import argparse
import hashlib
import ipaddress
import json
import math
import random
import sys
import zlib

PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'
TERRAFORM_VERSION = "1.9.5"
REGION = "eu-west-1"
AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
AZ_IDS = ["euw1-az1", "euw1-az2", "euw1-az3"]
CONTAINER_PORT = 8080
ONPREM = ipaddress.ip_network("172.16.0.0/12")  # on-prem ranges reached over Direct Connect
ESTATE = ipaddress.ip_network("10.0.0.0/8")  # every VPC is carved out of this

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
# Ports the generated security-group rules open, beside the container port.
RULE_PORTS = [22, 53, 80, 443, 1433, 3306, 5432, 6379, 8443, 9090, 9200, 11211, 27017]


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


class Generator:
    def __init__(self, args):
        self.args = args
        self.ids = Ids(args.seed)
        self.state = State(args.seed)
        self.rng = random.Random(args.seed)
        self.spoke_keys = ["spoke-%03d" % i for i in range(1, args.vpcs)]
        # VPC and subnet sizes: as large as the number of VPCs and subnets allows.
        vpc_bits = max(16, ESTATE.prefixlen + math.ceil(math.log2(args.vpcs)))
        subnet_count = max(args.subnets_per_vpc, 6)  # the hub has 6 subnets
        subnet_bits = min(28, vpc_bits + math.ceil(math.log2(subnet_count)))
        if vpc_bits > 24:
            sys.exit("gen_estate: too many VPCs for 10.0.0.0/8 (at most 65536)")
        if 2 ** (subnet_bits - vpc_bits) < subnet_count:
            sys.exit("gen_estate: %d subnets do not fit in a /%d VPC" % (subnet_count, vpc_bits))
        self.vpc_cidrs = list(ESTATE.subnets(new_prefix=vpc_bits))[: args.vpcs]
        self.subnet_prefix = subnet_bits
        self.onprem = list(ONPREM.subnets(new_prefix=24))
        self.leak = None
        if args.inject_leak:
            if not self.spoke_keys:
                sys.exit("gen_estate: --inject-leak needs at least one spoke (--vpcs >= 2)")
            spoke = self.rng.choice(self.spoke_keys)
            self.leak = {"spoke": spoke, "subnet_index": self.rng.randrange(self.service_subnet_count())}
        self.tgw = self.ids.hex("tgw-", "hub")
        self.tgw_rtb = {name: self.ids.hex("tgw-rtb-", name) for name in ("spokes", "hub")}
        self.dx_gateway = self.ids.uuid("dx-gateway")
        self.dx_attachment = self.ids.hex("tgw-attach-", "dx")
        self.zone_id = "Z" + self.ids.digest("zone")[:20].upper()
        self.attachments = {}  # vpc key -> tgw attachment id
        self.albs = {}  # spoke key -> (dns name, zone id)

    def service_subnet_count(self):
        return min(3, self.args.subnets_per_vpc)

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

    def security_group(self, module, key, name, vpc_id, description, ingress, egress, dependencies=()):
        sg_id = self.security_group_id(key, name)
        own, all_tags = tags("%s-%s" % (key, name))
        self.state.add(module, "aws_security_group", name, {
            "arn": self.ids.arn("ec2", "security-group/" + sg_id),
            "description": description,
            "egress": egress,
            "id": sg_id,
            "ingress": ingress,
            "name": "%s-%s" % (key, name),
            "name_prefix": "",
            "owner_id": self.ids.account,
            "revoke_rules_on_delete": False,
            "tags": own,
            "tags_all": all_tags,
            "timeouts": None,
            "vpc_id": vpc_id,
        }, schema_version=1, private=PRIVATE_SCHEMA_1,
            dependencies=[address(module, "aws_vpc", "this"), *dependencies])
        return sg_id

    def security_group_id(self, key, name):
        return self.ids.hex("sg-", key, name)

    @staticmethod
    def inline_rule(protocol, from_port, to_port, description, cidrs=(), groups=(), self_rule=False):
        return {
            "cidr_blocks": list(cidrs),
            "description": description,
            "from_port": from_port,
            "ipv6_cidr_blocks": [],
            "prefix_list_ids": [],
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

    def tgw_attachment(self, module, key, vpc_id, subnet_ids, association):
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
        self.state.add("module.transit", "aws_ec2_transit_gateway_route_table_association", association, {
            "id": "%s_%s" % (self.tgw_rtb[association], attachment),
            "replace_existing_association": False,
            "resource_id": vpc_id,
            "resource_type": "vpc",
            "transit_gateway_attachment_id": attachment,
            "transit_gateway_route_table_id": self.tgw_rtb[association],
        }, index_key=key, dependencies=[address("module.transit", "aws_ec2_transit_gateway_route_table", association)])
        return attachment

    # ---- the hub -----------------------------------------------------------------------
    def hub(self):
        module, key = "module.hub", "hub"
        cidr = self.vpc_cidrs[0]
        vpc_id = self.vpc(module, key, cidr, "hub")
        subnets = list(cidr.subnets(new_prefix=self.subnet_prefix))
        public = [self.subnet(module, key, vpc_id, "public", i, subnets[i], "public", public=True) for i in range(3)]
        private = [self.subnet(module, key, vpc_id, "private", i, subnets[3 + i], "private") for i in range(3)]

        igw = self.ids.hex("igw-", key)
        own, all_tags = tags("hub-igw")
        self.state.add(module, "aws_internet_gateway", "this", {
            "arn": self.ids.arn("ec2", "internet-gateway/" + igw), "id": igw, "owner_id": self.ids.account,
            "tags": own, "tags_all": all_tags, "timeouts": None, "vpc_id": vpc_id,
        }, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_vpc", "this")])

        nats = []
        for i in range(3):
            allocation = self.ids.hex("eipalloc-", key, str(i))
            association = self.ids.hex("eipassoc-", key, str(i))
            eni = self.ids.hex("eni-", key, "nat", str(i))
            public_ip = "52.%d.%d.%d" % (16 + self.args.seed % 64, i, 10 + i)
            private_ip = str(subnets[i].network_address + 10)
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
            nats.append(nat)
            self.state.add(module, "aws_nat_gateway", "this", {
                "allocation_id": allocation, "association_id": association, "connectivity_type": "public",
                "id": nat, "network_interface_id": eni, "private_ip": private_ip, "public_ip": public_ip,
                "secondary_allocation_ids": None, "secondary_private_ip_address_count": 0,
                "secondary_private_ip_addresses": [], "subnet_id": public[i],
                "tags": tags("hub-nat-%s" % AZS[i][-2:])[0], "tags_all": tags("hub-nat-%s" % AZS[i][-2:])[1],
                "timeouts": None,
            }, index_key=i, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_eip", "nat"), address(module, "aws_subnet", "public")])

        # Route tables managed with aws_route resources (their inline list stays empty).
        public_rtb = self.route_table(module, key, vpc_id, "public", 0, [], "hub-public")
        self.route(module, "public_internet", 0, public_rtb, "0.0.0.0/0", "gateway_id", igw,
                   [address(module, "aws_internet_gateway", "this"), address(module, "aws_route_table", "public")])
        self.route(module, "public_estate", 0, public_rtb, str(ESTATE), "transit_gateway_id", self.tgw,
                   [address(module, "aws_route_table", "public")])
        for i in range(3):
            self.association(module, key, "public", i, public_rtb, public[i],
                             [address(module, "aws_route_table", "public"), address(module, "aws_subnet", "public")])
            rtb = self.route_table(module, key, vpc_id, "private", i, [], "hub-private-%s" % AZS[i][-2:])
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
        self.tgw_attachment(module, key, vpc_id, private, "hub")
        return vpc_id

    # ---- transit: TGW, its route tables and routes, Direct Connect ----------------------
    def transit(self):
        module = "module.transit"
        self.state.add(module, "aws_ec2_transit_gateway", "hub", {
            "amazon_side_asn": 64512,
            "arn": self.ids.arn("ec2", "transit-gateway/" + self.tgw),
            "association_default_route_table_id": self.ids.hex("tgw-rtb-", "default"),
            "auto_accept_shared_attachments": "disable",
            "default_route_table_association": "disable",
            "default_route_table_propagation": "disable",
            "description": "hub-and-spoke transit gateway",
            "dns_support": "enable",
            "id": self.tgw,
            "multicast_support": "disable",
            "owner_id": self.ids.account,
            "propagation_default_route_table_id": self.ids.hex("tgw-rtb-", "default"),
            "security_group_referencing_support": "disable",
            "tags": tags("hub-tgw")[0],
            "tags_all": tags("hub-tgw")[1],
            "timeouts": None,
            "transit_gateway_cidr_blocks": [],
            "vpn_ecmp_support": "enable",
        }, private=PRIVATE_TIMEOUTS)
        for name, rtb in self.tgw_rtb.items():
            self.state.add(module, "aws_ec2_transit_gateway_route_table", name, {
                "arn": self.ids.arn("ec2", "transit-gateway-route-table/" + rtb),
                "default_association_route_table": False,
                "default_propagation_route_table": False,
                "id": rtb,
                "tags": tags("tgw-" + name)[0],
                "tags_all": tags("tgw-" + name)[1],
                "transit_gateway_id": self.tgw,
            }, dependencies=[address(module, "aws_ec2_transit_gateway", "hub")])

        def tgw_route(name, index, table, destination, attachment, blackhole=False):
            self.state.add(module, "aws_ec2_transit_gateway_route", name, {
                "blackhole": blackhole,
                "destination_cidr_block": destination,
                "id": "%s_%s" % (self.tgw_rtb[table], destination),
                "transit_gateway_attachment_id": "" if blackhole else attachment,
                "transit_gateway_route_table_id": self.tgw_rtb[table],
            }, index_key=index, dependencies=[address(module, "aws_ec2_transit_gateway_route_table", table)])

        # Spokes: everything to the hub (egress via NAT), on-prem over DX, nothing spoke to spoke.
        tgw_route("spokes_default", 0, "spokes", "0.0.0.0/0", self.attachments["hub"])
        tgw_route("spokes_onprem", 0, "spokes", str(ONPREM), self.dx_attachment)
        tgw_route("spokes_blackhole", 0, "spokes", str(ESTATE), "", blackhole=True)
        tgw_route("spokes_hub", 0, "spokes", str(self.vpc_cidrs[0]), self.attachments["hub"])
        # Hub: a static route to every spoke and to on-prem.
        for key, cidr in zip(self.spoke_keys, self.vpc_cidrs[1:]):
            tgw_route("hub_to_spoke", key, "hub", str(cidr), self.attachments[key])
        tgw_route("hub_onprem", 0, "hub", str(ONPREM), self.dx_attachment)

        self.state.add(module, "aws_dx_gateway", "onprem", {
            "amazon_side_asn": "64513",
            "id": self.dx_gateway,
            "name": "onprem-dx",
            "owner_account_id": self.ids.account,
            "timeouts": None,
        }, private=PRIVATE_TIMEOUTS)
        self.state.add(module, "aws_dx_gateway_association", "hub", {
            "allowed_prefixes": [str(ESTATE)],
            "associated_gateway_id": self.tgw,
            "associated_gateway_owner_account_id": self.ids.account,
            "associated_gateway_type": "transitGateway",
            "dx_gateway_association_id": self.ids.uuid("dx-association"),
            "dx_gateway_id": self.dx_gateway,
            "dx_gateway_owner_account_id": self.ids.account,
            "id": "ga-%s%s" % (self.dx_gateway, self.tgw),
            "proposal_id": "",
            "timeouts": None,
            "transit_gateway_attachment_id": self.dx_attachment,
        }, schema_version=2, private=PRIVATE_TIMEOUTS,
            dependencies=[address(module, "aws_dx_gateway", "onprem"), address(module, "aws_ec2_transit_gateway", "hub")])

    # ---- one spoke ---------------------------------------------------------------------
    def spoke(self, number, key, cidr):
        args = self.args
        module = spoke_module(key)
        vpc_id = self.vpc(module, key, cidr, key)
        blocks = list(cidr.subnets(new_prefix=self.subnet_prefix))
        subnets = [self.subnet(module, key, vpc_id, "private", i, blocks[i], "private")
                   for i in range(args.subnets_per_vpc)]
        leak = self.leak if self.leak and self.leak["spoke"] == key else None

        # Route tables (one per AZ in use) with inline routes: default and on-prem to the TGW.
        tables = []
        for az in range(min(len(AZS), args.subnets_per_vpc)):
            routes = [("0.0.0.0/0", "transit_gateway_id", self.tgw)]
            for r in range(args.routes_per_table - 1):
                prefix = self.onprem[(number * 7 + az * 3 + r) % len(self.onprem)]
                routes.append((str(prefix), "transit_gateway_id", self.tgw))
            tables.append(self.route_table(module, key, vpc_id, "private", az, routes,
                                           "%s-private-%s" % (key, AZS[az][-2:])))
        leaked_subnet = None
        if leak:
            leaked_subnet = leak["subnet_index"]
            igw = self.ids.hex("igw-", key)
            own, all_tags = tags(key + "-igw")
            self.state.add(module, "aws_internet_gateway", "this", {
                "arn": self.ids.arn("ec2", "internet-gateway/" + igw), "id": igw, "owner_id": self.ids.account,
                "tags": own, "tags_all": all_tags, "timeouts": None, "vpc_id": vpc_id,
            }, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_vpc", "this")])
            public_rtb = self.route_table(module, key, vpc_id, "public", 0,
                                          [("0.0.0.0/0", "gateway_id", igw), (str(ESTATE), "transit_gateway_id", self.tgw)],
                                          key + "-public")
            leak.update({"vpc_id": vpc_id, "internet_gateway_id": igw, "route_table_id": public_rtb,
                         "subnet_id": subnets[leaked_subnet],
                         "subnet_address": address(module, "aws_subnet", "private", leaked_subnet)})
        for i, subnet_id in enumerate(subnets):
            if i == leaked_subnet:
                self.association(module, key, "public", 0, leak["route_table_id"], subnet_id,
                                 [address(module, "aws_route_table", "public"), address(module, "aws_subnet", "private")])
            else:
                self.association(module, key, "private", i, tables[i % len(tables)], subnet_id,
                                 [address(module, "aws_route_table", "private"), address(module, "aws_subnet", "private")])

        # Network ACL: the estate and return traffic in, everything out.
        def entry(rule_no, protocol, from_port, to_port, cidr_block, action="allow"):
            return {"action": action, "cidr_block": cidr_block, "from_port": from_port,
                    "icmp_code": 0 if protocol == "-1" else None, "icmp_type": 0 if protocol == "-1" else None,
                    "ipv6_cidr_block": "", "protocol": protocol, "rule_no": rule_no, "to_port": to_port}
        acl = self.ids.hex("acl-", key, "private")
        self.state.add(module, "aws_network_acl", "private", {
            "arn": self.ids.arn("ec2", "network-acl/" + acl),
            "egress": [entry(100, "-1", 0, 0, "0.0.0.0/0")],
            "id": acl,
            "ingress": [entry(100, "-1", 0, 0, str(ESTATE)), entry(110, "-1", 0, 0, str(ONPREM)),
                        entry(120, "tcp", 1024, 65535, "0.0.0.0/0"), entry(130, "udp", 1024, 65535, "0.0.0.0/0")],
            "owner_id": self.ids.account,
            "subnet_ids": sorted(subnets),
            "tags": tags(key + "-private")[0],
            "tags_all": tags(key + "-private")[1],
            "vpc_id": vpc_id,
        }, dependencies=[address(module, "aws_vpc", "this"), address(module, "aws_subnet", "private")])

        # Security groups: the ALB's with rule resources, the app's and the endpoints' inline.
        alb_sg = self.security_group(module, key, "alb", vpc_id, "Internal ALB", [], [])
        app_sg_id = self.security_group_id(key, "app")
        self.security_group_rule(module, key, "alb_https_in", "ingress", alb_sg, "tcp", 443, 443,
                                 cidrs=[str(ESTATE), str(ONPREM)], dependencies=[address(module, "aws_security_group", "alb")])
        self.security_group_rule(module, key, "alb_to_app", "egress", alb_sg, "tcp", CONTAINER_PORT, CONTAINER_PORT,
                                 source_sg=app_sg_id, dependencies=[address(module, "aws_security_group", "alb"),
                                                                    address(module, "aws_security_group", "app")])
        ingress = [self.inline_rule("tcp", CONTAINER_PORT, CONTAINER_PORT, "from the ALB", groups=[alb_sg])]
        for r in range(args.sg_rules - 1):
            port = RULE_PORTS[(number + r) % len(RULE_PORTS)]
            source = self.vpc_cidrs[(number + r) % len(self.vpc_cidrs)] if r % 3 else self.onprem[(number + r) % len(self.onprem)]
            ingress.append(self.inline_rule("udp" if port in (53,) else "tcp", port, port,
                                            "rule %d" % (r + 1), cidrs=[str(source)]))
        if leak:
            ingress.append(self.inline_rule("tcp", CONTAINER_PORT, CONTAINER_PORT, "debug access", cidrs=["0.0.0.0/0"]))
        self.security_group(module, key, "app", vpc_id, "ECS tasks", ingress,
                            [self.inline_rule("-1", 0, 0, "all out", cidrs=["0.0.0.0/0"])])
        endpoint_sg = self.security_group(module, key, "endpoints", vpc_id, "Interface endpoints",
                                          [self.inline_rule("tcp", 443, 443, "HTTPS from the VPC", cidrs=[str(cidr)])],
                                          [])

        # VPC endpoints: ECR and logs as interface endpoints, S3 as a gateway endpoint.
        service_subnets = subnets[: self.service_subnet_count()]
        for service in ("ecr.api", "ecr.dkr", "logs"):
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
            "cidr_blocks": ["3.5.0.0/19", "52.218.0.0/17"], "dns_entry": [], "dns_options": [], "id": s3,
            "ip_address_type": "", "network_interface_ids": [], "owner_id": self.ids.account,
            "policy": "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}],\"Version\":\"2008-10-17\"}",
            "prefix_list_id": "pl-6da54004", "private_dns_enabled": False, "requester_managed": False,
            "resource_configuration_arn": "", "route_table_ids": sorted(tables), "security_group_ids": [],
            "service_name": "com.amazonaws.%s.s3" % REGION, "service_network_arn": "", "service_region": REGION,
            "state": "available", "subnet_configuration": [], "subnet_ids": [],
            "tags": tags(key + "-s3")[0], "tags_all": tags(key + "-s3")[1], "timeouts": None,
            "vpc_endpoint_type": "Gateway", "vpc_id": vpc_id,
        }, index_key="s3", private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_route_table", "private")])

        # Internal ALB -> target group -> ECS service.
        lb_name = "%s-alb" % key
        lb_arn = self.ids.arn("elasticloadbalancing", "loadbalancer/app/%s/%s" % (lb_name, self.ids.digest("lb", key)[:16]))
        dns_name = "internal-%s-%s.%s.elb.amazonaws.com" % (lb_name, self.ids.number(10, "lb", key), REGION)
        self.albs[key] = (dns_name, "Z32O12XQLNTSW2")
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
            "timeouts": None, "vpc_id": vpc_id, "xff_header_processing_mode": "append", "zone_id": "Z32O12XQLNTSW2",
        }, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_security_group", "alb"), address(module, "aws_subnet", "private")])
        tg_arn = self.ids.arn("elasticloadbalancing", "targetgroup/%s-app/%s" % (key, self.ids.digest("tg", key)[:16]))
        self.state.add(module, "aws_lb_target_group", "app", {
            "arn": tg_arn, "arn_suffix": tg_arn.split(":", 5)[5], "connection_termination": None,
            "deregistration_delay": "30",
            "health_check": [{"enabled": True, "healthy_threshold": 3, "interval": 30, "matcher": "200",
                              "path": "/health", "port": "traffic-port", "protocol": "HTTP", "timeout": 5,
                              "unhealthy_threshold": 3}],
            "id": tg_arn, "ip_address_type": "ipv4", "lambda_multi_value_headers_enabled": False,
            "load_balancer_arns": [lb_arn], "load_balancing_algorithm_type": "round_robin",
            "load_balancing_anomaly_mitigation": "off",
            "load_balancing_cross_zone_enabled": "use_load_balancer_configuration", "name": key + "-app",
            "name_prefix": "", "port": CONTAINER_PORT, "preserve_client_ip": None, "protocol": "HTTP",
            "protocol_version": "HTTP1", "proxy_protocol_v2": False, "slow_start": 0,
            "stickiness": [{"cookie_duration": 86400, "cookie_name": "", "enabled": False, "type": "lb_cookie"}],
            "tags": tags(key + "-app")[0], "tags_all": tags(key + "-app")[1],
            "target_failover": [{"on_deregistration": None, "on_unhealthy": None}],
            "target_type": "ip", "vpc_id": vpc_id,
        }, dependencies=[address(module, "aws_vpc", "this")])
        listener_arn = lb_arn.replace(":loadbalancer/", ":listener/") + "/" + self.ids.digest("listener", key)[:16]
        self.state.add(module, "aws_lb_listener", "https", {
            "alpn_policy": None, "arn": listener_arn,
            "certificate_arn": self.ids.arn("acm", "certificate/" + self.ids.uuid("certificate")),
            "default_action": [{"authenticate_cognito": [], "authenticate_oidc": [], "fixed_response": [],
                                "forward": [], "order": 1, "redirect": [], "target_group_arn": tg_arn,
                                "type": "forward"}],
            "id": listener_arn, "load_balancer_arn": lb_arn, "mutual_authentication": [], "port": 443,
            "protocol": "HTTPS", "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "tags": None,
            "tags_all": {"Environment": "prod", "ManagedBy": "terraform"}, "tcp_idle_timeout_seconds": None,
            "timeouts": None,
        }, private=PRIVATE_TIMEOUTS, dependencies=[address(module, "aws_lb", "internal"),
                                                    address(module, "aws_lb_target_group", "app")])

        cluster_arn = self.ids.arn("ecs", "cluster/" + key)
        self.state.add(module, "aws_ecs_cluster", "this", {
            "arn": cluster_arn, "configuration": [], "id": cluster_arn, "name": key,
            "service_connect_defaults": [], "setting": [{"name": "containerInsights", "value": "enabled"}],
            "tags": tags(key)[0], "tags_all": tags(key)[1],
        })
        task_arn = self.ids.arn("ecs", "task-definition/%s-app:%d" % (key, 1 + number % 9))
        containers = [{"cpu": 0, "environment": [{"name": "SPOKE", "value": key}], "essential": True,
                       "image": "%s.dkr.ecr.%s.amazonaws.com/app:1.%d" % (self.ids.account, REGION, number % 20),
                       "mountPoints": [], "name": "app",
                       "portMappings": [{"containerPort": CONTAINER_PORT, "hostPort": CONTAINER_PORT, "protocol": "tcp"}],
                       "systemControls": [], "volumesFrom": []}]
        self.state.add(module, "aws_ecs_task_definition", "app", {
            "arn": task_arn, "arn_without_revision": task_arn.rsplit(":", 1)[0],
            "container_definitions": json.dumps(containers, separators=(",", ":"), sort_keys=True),
            "cpu": "256", "enable_fault_injection": False, "ephemeral_storage": [],
            "execution_role_arn": "arn:aws:iam::%s:role/%s-task-execution" % (self.ids.account, key),
            "family": key + "-app", "id": key + "-app", "inference_accelerator": [], "ipc_mode": "",
            "memory": "512", "network_mode": "awsvpc", "pid_mode": "", "placement_constraints": [],
            "proxy_configuration": [], "requires_compatibilities": ["FARGATE"], "revision": 1 + number % 9,
            "runtime_platform": [{"cpu_architecture": "X86_64", "operating_system_family": "LINUX"}],
            "skip_destroy": False, "tags": tags(key + "-app")[0], "tags_all": tags(key + "-app")[1],
            "task_role_arn": "", "track_latest": False, "volume": [],
        }, schema_version=1, private=PRIVATE_SCHEMA_1)
        service_arn = self.ids.arn("ecs", "service/%s/app" % key)
        self.state.add(module, "aws_ecs_service", "app", {
            "alarms": [], "availability_zone_rebalancing": "DISABLED", "capacity_provider_strategy": [],
            "cluster": cluster_arn, "deployment_circuit_breaker": [{"enable": True, "rollback": True}],
            "deployment_controller": [{"type": "ECS"}], "deployment_maximum_percent": 200,
            "deployment_minimum_healthy_percent": 100, "desired_count": 2, "enable_ecs_managed_tags": False,
            "enable_execute_command": False, "force_delete": None, "force_new_deployment": None,
            "health_check_grace_period_seconds": 60,
            "iam_role": "/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS", "id": service_arn,
            "launch_type": "FARGATE",
            "load_balancer": [{"container_name": "app", "container_port": CONTAINER_PORT, "elb_name": "",
                               "target_group_arn": tg_arn}],
            "name": "app",
            "network_configuration": [{"assign_public_ip": bool(leak), "security_groups": [app_sg_id],
                                       "subnets": sorted(service_subnets)}],
            "ordered_placement_strategy": [], "placement_constraints": [], "platform_version": "LATEST",
            "propagate_tags": "NONE", "scheduling_strategy": "REPLICA", "service_connect_configuration": [],
            "service_registries": [], "tags": tags(key + "-app")[0], "tags_all": tags(key + "-app")[1],
            "task_definition": task_arn, "timeouts": None, "triggers": {}, "volume_configuration": [],
            "vpc_lattice_configurations": [], "wait_for_steady_state": False,
        }, schema_version=1, private=PRIVATE_TIMEOUTS,
            dependencies=[address(module, "aws_ecs_cluster", "this"), address(module, "aws_ecs_task_definition", "app"),
                          address(module, "aws_lb_listener", "https"), address(module, "aws_security_group", "app")])
        if leak:
            leak.update({"security_group_id": app_sg_id, "service_arn": service_arn,
                         "service_address": address(module, "aws_ecs_service", "app"), "port": CONTAINER_PORT})

        self.tgw_attachment(module, key, vpc_id, service_subnets, "spokes")
        return vpc_id

    # ---- DNS ---------------------------------------------------------------------------
    def dns(self, vpc_ids):
        module = "module.dns"
        self.state.add(module, "aws_route53_zone", "internal", {
            "arn": "arn:aws:route53:::hostedzone/" + self.zone_id,
            "comment": "Service names of every spoke", "delegation_set_id": "", "force_destroy": False,
            "id": self.zone_id, "name": "corp.internal",
            "name_servers": ["ns-0.awsdns-00.com.", "ns-1024.awsdns-00.org.", "ns-1536.awsdns-00.co.uk.",
                             "ns-512.awsdns-00.net."],
            "primary_name_server": "ns-0.awsdns-00.com.", "tags": tags("corp.internal")[0],
            "tags_all": tags("corp.internal")[1],
            "vpc": [{"vpc_id": vpc_id, "vpc_region": REGION} for vpc_id in sorted(vpc_ids)],
            "zone_id": self.zone_id,
        })
        for key in self.spoke_keys:
            dns_name, zone = self.albs[key]
            fqdn = "%s.corp.internal" % key
            self.state.add(module, "aws_route53_record", "service", {
                "alias": [{"evaluate_target_health": True, "name": dns_name, "zone_id": zone}],
                "allow_overwrite": None, "cidr_routing_policy": [], "failover_routing_policy": [], "fqdn": fqdn,
                "geolocation_routing_policy": [], "geoproximity_routing_policy": [], "health_check_id": "",
                "id": "%s_%s_A" % (self.zone_id, fqdn), "latency_routing_policy": [],
                "multivalue_answer_routing_policy": False, "name": fqdn, "records": None, "set_identifier": "",
                "timeouts": None, "ttl": 0, "type": "A", "weighted_routing_policy": [], "zone_id": self.zone_id,
            }, index_key=key, schema_version=2, private=PRIVATE_TIMEOUTS,
                dependencies=[address(module, "aws_route53_zone", "internal"),
                              address(spoke_module(key), "aws_lb", "internal")])

    def generate(self):
        vpc_ids = [self.hub()]
        for number, (key, cidr) in enumerate(zip(self.spoke_keys, self.vpc_cidrs[1:]), start=1):
            vpc_ids.append(self.spoke(number, key, cidr))
        self.transit()
        self.dns(vpc_ids)
        return self.state.document(serial=self.args.vpcs)


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Sizes (indented like Terraform): about 104 KB per spoke with the defaults; "
               "--vpcs 10 is about 1 MB, --vpcs 100 about 10 MB, --vpcs 500 about 52 MB.")
    parser.add_argument("--vpcs", type=positive, default=10,
                        help="number of VPCs including the hub (default 10: the hub and 9 spokes)")
    parser.add_argument("--subnets-per-vpc", type=positive, default=6,
                        help="private subnets in each spoke, spread over 3 AZs (default 6)")
    parser.add_argument("--routes-per-table", type=positive, default=20,
                        help="inline routes in each spoke route table: the default route plus on-prem "
                             "prefixes, all to the transit gateway (default 20)")
    parser.add_argument("--sg-rules", type=positive, default=20,
                        help="inline ingress rules in each spoke's app security group (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed for ids and the leak's place (default 1)")
    parser.add_argument("--inject-leak", action="store_true",
                        help="make exactly one ECS service reachable from the internet (IGW, default route "
                             "to it, public IPs, 0.0.0.0/0 in its security group) in a random spoke")
    parser.add_argument("--summary", action="store_true",
                        help="print a JSON summary (resource counts, the leak's place) on stderr")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    return parser.parse_args(argv)


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
    instances = sum(len(r["instances"]) for r in document["resources"])
    if args.summary:
        summary = {"bytes": len(text.encode()), "resources": len(document["resources"]), "instances": instances,
                   "vpcs": args.vpcs, "leak": generator.leak}
        print(json.dumps(summary, indent=2, sort_keys=True), file=sys.stderr)
    elif generator.leak:
        print("gen_estate: leak in %(service_address)s (subnet %(subnet_id)s, route table %(route_table_id)s "
              "-> %(internet_gateway_id)s, port %(port)d)" % generator.leak, file=sys.stderr)


if __name__ == "__main__":
    main()

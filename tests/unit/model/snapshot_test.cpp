#include <catch2/catch.hpp>

#include "moat/model/snapshot.hpp"

using namespace moat::model;

namespace {

Vpc make_vpc(const std::string& id, const std::string& main_table, const std::string& default_acl) {
  Vpc vpc;
  vpc.origin = Origin{"aws_vpc.main", "net.tfstate", id};
  vpc.ipv4_cidrs.push_back(moat::net::Prefix::parse("10.0.0.0/16"));
  vpc.main_route_table = Ref<RouteTableId>{main_table, std::nullopt};
  vpc.default_network_acl = Ref<NetworkAclId>{default_acl, std::nullopt};
  return vpc;
}

}  // namespace

TEST_CASE("snapshot finds objects by AWS id, alias and Terraform address", "[model]") {
  Snapshot snapshot;
  auto vpc = snapshot.add(make_vpc("vpc-1", "rtb-main", "acl-default"));
  Subnet subnet;
  subnet.origin = Origin{"module.net.aws_subnet.private[\"a\"]", "net.tfstate", "subnet-1"};
  auto subnet_id = snapshot.add(subnet);

  CHECK(snapshot.find<Vpc>("vpc-1") == vpc);
  CHECK_FALSE(snapshot.find<Vpc>("vpc-2").has_value());
  CHECK_FALSE(snapshot.find<Subnet>("vpc-1").has_value());  // ids are per type
  CHECK_FALSE(snapshot.find<Vpc>("").has_value());
  auto by_address = snapshot.find_address("module.net.aws_subnet.private[\"a\"]");
  REQUIRE(by_address.has_value());
  CHECK(by_address->kind == ObjectKind::subnet);
  CHECK(by_address->index == index(subnet_id));
  CHECK(snapshot.origin(*by_address).aws_id == "subnet-1");

  snapshot.add_alias(ObjectRef{ObjectKind::vpc, index(vpc)}, "main-vpc");
  CHECK(snapshot.find<Vpc>("main-vpc") == vpc);
  CHECK(snapshot.count(ObjectKind::vpc) == 1);
  CHECK(snapshot.all<Subnet>().size() == 1);
}

TEST_CASE("rebuild_index restores lookups after direct edits of the vectors", "[model]") {
  Snapshot snapshot;
  snapshot.vpcs.push_back(make_vpc("vpc-9", "", ""));
  CHECK_FALSE(snapshot.find<Vpc>("vpc-9").has_value());
  snapshot.rebuild_index();
  CHECK(snapshot.find<Vpc>("vpc-9") == VpcId{0});
  CHECK(snapshot.find_address("aws_vpc.main").has_value());
}

TEST_CASE("subnet without association uses the VPC main route table and default NACL", "[model]") {
  Snapshot snapshot;
  auto vpc = snapshot.add(make_vpc("vpc-1", "rtb-main", "acl-default"));
  RouteTable main_table;
  main_table.origin.aws_id = "rtb-main";
  auto main_id = snapshot.add(main_table);
  RouteTable other;
  other.origin.aws_id = "rtb-other";
  auto other_id = snapshot.add(other);
  snapshot.get(vpc).main_route_table.id = main_id;

  Subnet implicit;
  implicit.vpc = Ref<VpcId>{"vpc-1", vpc};
  auto implicit_id = snapshot.add(implicit);
  Subnet explicit_subnet;
  explicit_subnet.vpc = Ref<VpcId>{"vpc-1", vpc};
  explicit_subnet.route_table = Ref<RouteTableId>{"rtb-other", other_id};
  auto explicit_id = snapshot.add(explicit_subnet);
  Subnet explicit_unloaded;
  explicit_unloaded.vpc = Ref<VpcId>{"vpc-1", vpc};
  explicit_unloaded.route_table = Ref<RouteTableId>{"rtb-elsewhere", std::nullopt};
  auto unloaded_id = snapshot.add(explicit_unloaded);

  CHECK(snapshot.effective_route_table(implicit_id) == main_id);
  CHECK(snapshot.effective_route_table(explicit_id) == other_id);
  // An explicit association to an unloaded table must not fall back to the main table.
  CHECK_FALSE(snapshot.effective_route_table(unloaded_id).has_value());
  // The default NACL is only an id on the VPC: unknown.
  CHECK_FALSE(snapshot.effective_network_acl(implicit_id).has_value());
}

TEST_CASE("route targets are classified by AWS id prefix", "[model]") {
  CHECK(classify_route_target("igw-0abc") == RouteTargetKind::internet_gateway);
  CHECK(classify_route_target("eigw-0abc") == RouteTargetKind::egress_only_internet_gateway);
  CHECK(classify_route_target("nat-0abc") == RouteTargetKind::nat_gateway);
  CHECK(classify_route_target("vgw-0abc") == RouteTargetKind::vpn_gateway);
  CHECK(classify_route_target("tgw-0abc") == RouteTargetKind::transit_gateway);
  CHECK(classify_route_target("pcx-0abc") == RouteTargetKind::vpc_peering_connection);
  CHECK(classify_route_target("vpce-0abc") == RouteTargetKind::vpc_endpoint);
  CHECK(classify_route_target("eni-0abc") == RouteTargetKind::network_interface);
  CHECK(classify_route_target("i-0abc") == RouteTargetKind::instance);
  CHECK(classify_route_target("local") == RouteTargetKind::local);
  CHECK(classify_route_target("cagw-0abc") == RouteTargetKind::unsupported);
  CHECK(classify_route_target("lgw-0abc") == RouteTargetKind::unsupported);
  CHECK(classify_route_target("arn:aws:networkmanager::1:core-network/x") == RouteTargetKind::unsupported);
  CHECK(classify_route_target("xyz-0abc") == RouteTargetKind::unknown);
  CHECK(classify_route_target("") == RouteTargetKind::unknown);
}

TEST_CASE("ECS secret sources come from the valueFrom ARN service", "[model]") {
  CHECK(classify_secret_source("arn:aws:ssm:eu-west-1:1:parameter/app/db") == SecretSource::ssm);
  CHECK(classify_secret_source("arn:aws-us-gov:secretsmanager:us-gov-west-1:1:secret:x-AbC") == SecretSource::secretsmanager);
  CHECK(classify_secret_source("/app/db") == SecretSource::ssm);
  CHECK(classify_secret_source("arn:aws:s3:::bucket/key") == SecretSource::unknown);
  CHECK(classify_secret_source("") == SecretSource::unknown);
}

TEST_CASE("object kinds print in AWS spelling", "[model]") {
  CHECK(to_string(ObjectKind::vpc) == "Vpc");
  CHECK(to_string(ObjectKind::egress_only_internet_gateway) == "EgressOnlyInternetGateway");
  CHECK(to_string(ObjectKind::resolver_rule_association) == "ResolverRuleAssociation");
  CHECK(to_string(ObjectKind::dx_virtual_interface) == "DxVirtualInterface");
  CHECK(to_string(ObjectKind::global_accelerator_endpoint_group) == "GlobalAcceleratorEndpointGroup");
  CHECK(to_string(ObjectKind::cloudfront_vpc_origin) == "CloudFrontVpcOrigin");
  CHECK(object_kind_count == 37);
}

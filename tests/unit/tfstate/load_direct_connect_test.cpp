#include <algorithm>

#include <catch2/catch.hpp>

#include "fixture_paths.hpp"
#include "moat/tfstate/load_states.hpp"
#include "snapshot_lookup.hpp"

using namespace moat;
using namespace moat::model;

namespace {

const Snapshot& direct_connect() {
  static const Snapshot snapshot = tfstate::load_states({tfstate_fixture("direct-connect.tfstate")});
  return snapshot;
}

const Diagnostic* diagnostic_for(const Snapshot& s, const std::string& address) {
  auto it = std::find_if(s.diagnostics.begin(), s.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.address == address; });
  return it == s.diagnostics.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a private virtual interface on a DX gateway keeps its BGP session and resolves the gateway", "[tfstate]") {
  const auto& s = direct_connect();
  const auto& vif = by_address<DxVirtualInterface>(s, "aws_dx_private_virtual_interface.to_dx_gateway");
  CHECK(vif.origin.aws_id == "dxvif-ffabc001");
  CHECK(vif.origin.file.ends_with("direct-connect.tfstate"));
  CHECK(vif.name == "corp-primary");
  CHECK(vif.connection_id == "dxcon-zzabc001");
  CHECK_FALSE(vif.hosted);
  CHECK(vif.vlan == std::uint16_t{101});
  CHECK(vif.address_family == DxAddressFamily::ipv4);
  CHECK(vif.bgp_asn == 65010u);
  REQUIRE(vif.amazon_address.has_value());
  CHECK(vif.amazon_address->address == net::IpAddress::parse("169.254.10.1"));
  CHECK(vif.amazon_address->link == net::Prefix::parse("169.254.10.0/30"));
  REQUIRE(vif.customer_address.has_value());
  CHECK(vif.customer_address->address == net::IpAddress::parse("169.254.10.2"));
  CHECK(vif.customer_address->link == vif.amazon_address->link);
  CHECK(vif.mtu == std::uint16_t{9001});
  REQUIRE(vif.dx_gateway.resolved());
  CHECK(s.get(*vif.dx_gateway.id).origin.address == "aws_dx_gateway.corp");
  CHECK(vif.vpn_gateway.empty());  // "" in state is no reference
}

TEST_CASE("a private virtual interface on a VGW resolves the VGW by its AWS id", "[tfstate]") {
  const auto& s = direct_connect();
  const auto& vif = by_address<DxVirtualInterface>(s, "aws_dx_private_virtual_interface.to_vgw");
  CHECK(vif.address_family == DxAddressFamily::ipv6);
  CHECK(vif.mtu == std::uint16_t{1500});
  CHECK(vif.dx_gateway.empty());
  REQUIRE(vif.vpn_gateway.resolved());
  CHECK(s.get(*vif.vpn_gateway.id).origin.address == "aws_vpn_gateway.vgw");
}

TEST_CASE("a hosted private virtual interface takes its gateway from the accepter in the same snapshot", "[tfstate]") {
  const auto& s = direct_connect();
  const auto& vif = by_address<DxVirtualInterface>(s, "aws_dx_hosted_private_virtual_interface.for_partner");
  CHECK(vif.hosted);
  CHECK(vif.owner_account_id == "111122223333");
  CHECK(vif.vlan == std::uint16_t{201});
  CHECK(vif.acceptance.address == "aws_dx_hosted_private_virtual_interface_accepter.for_partner");
  REQUIRE(vif.vpn_gateway.resolved());
  CHECK(s.get(*vif.vpn_gateway.id).origin.aws_id == "vgw-0dx00000000000001");
  // One object per VIF: the accepter completes the creator's VIF, it does not duplicate it.
  CHECK(std::count_if(s.dx_virtual_interfaces.begin(), s.dx_virtual_interfaces.end(),
                      [](const DxVirtualInterface& x) { return x.origin.aws_id == "dxvif-ffabc003"; }) == 1);
}

TEST_CASE("an accepter whose VIF is in no loaded state stands for the VIF and warns about an unloaded DX gateway", "[tfstate]") {
  const auto& s = direct_connect();
  const std::string address = "aws_dx_hosted_private_virtual_interface_accepter.from_elsewhere";
  const auto& vif = by_address<DxVirtualInterface>(s, address);
  CHECK(vif.origin.aws_id == "dxvif-ffabc004");
  CHECK(vif.hosted);
  CHECK(vif.dx_gateway.aws_id == "99999999-0000-1111-2222-333344445555");
  CHECK_FALSE(vif.dx_gateway.resolved());
  const Diagnostic* d = diagnostic_for(s, address);
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::warning);
  CHECK(d->code == "ref.unresolved");
  CHECK(d->file.ends_with("direct-connect.tfstate"));
  CHECK(d->message.find("DxGateway 99999999-0000-1111-2222-333344445555") != std::string::npos);
  // Everything else in the fixture resolves: that is the only diagnostic.
  CHECK(s.diagnostics.size() == 1);
}

TEST_CASE("the three virtual interface resource types count as modelled, four VIFs in all", "[tfstate]") {
  const auto& s = direct_connect();
  CHECK(s.count(ObjectKind::dx_virtual_interface) == 4);
  CHECK(s.modelled.at("aws_dx_private_virtual_interface") == 2);
  CHECK(s.modelled.at("aws_dx_hosted_private_virtual_interface") == 1);
  CHECK(s.modelled.at("aws_dx_hosted_private_virtual_interface_accepter") == 2);
  CHECK(s.unmodelled.empty());
}

TEST_CASE("IPv6 BGP peer addresses of a VIF parse to an address on a /125 link", "[tfstate]") {
  const auto& vif = by_address<DxVirtualInterface>(direct_connect(), "aws_dx_private_virtual_interface.to_vgw");
  REQUIRE(vif.amazon_address.has_value());
  CHECK(vif.amazon_address->address == net::IpAddress::parse("2001:db8:a::1"));
  CHECK(vif.amazon_address->link == net::Prefix::parse("2001:db8:a::/125"));
  REQUIRE(vif.customer_address.has_value());
  CHECK(vif.customer_address->address == net::IpAddress::parse("2001:db8:a::2"));
}

TEST_CASE("a VIF peer address that is malformed is dropped with a warning naming the file and address, an absent one stays empty",
          "[tfstate]") {
  std::string state = R"({"version": 4, "resources": [{"mode": "managed", "type": "aws_dx_private_virtual_interface",
    "name": "odd", "instances": [{"schema_version": 0, "attributes": {"id": "dxvif-odd", "name": "odd",
    "address_family": "ipv4", "amazon_address": ")";
  auto load = [&](const std::string& amazon, const std::string& customer) {
    return tfstate::load_state_text(state + amazon + R"(", "customer_address": )" + customer + "}}]}]}", "vif.tfstate");
  };
  for (std::string bad : {"169.254.0.1", "169.254.0.300/30", "not-an-address/30", "169.254.0.1/33"}) {
    INFO(bad);
    auto s = load(bad, "null");
    const auto& vif = by_address<DxVirtualInterface>(s, "aws_dx_private_virtual_interface.odd");
    CHECK_FALSE(vif.amazon_address.has_value());
    CHECK_FALSE(vif.customer_address.has_value());
    const Diagnostic* d = diagnostic_for(s, "aws_dx_private_virtual_interface.odd");
    REQUIRE(d != nullptr);
    CHECK(d->severity == Severity::warning);
    CHECK(d->code == "dx.peer_address");
    CHECK(d->file == "vif.tfstate");
    CHECK(d->message.find(bad) != std::string::npos);
  }
  auto good = load("169.254.0.1/31", "\"\"");
  const auto& vif = by_address<DxVirtualInterface>(good, "aws_dx_private_virtual_interface.odd");
  REQUIRE(vif.amazon_address.has_value());
  CHECK(vif.amazon_address->link == net::Prefix::parse("169.254.0.0/31"));
  CHECK_FALSE(vif.customer_address.has_value());
  CHECK(diagnostic_for(good, "aws_dx_private_virtual_interface.odd") == nullptr);
}

#include "moat/dns/vantage.hpp"

#include "moat/core/assert.hpp"
#include "moat/model/snapshot.hpp"

namespace moat::dns {

Vantage Vantage::in_vpc(model::VpcId vpc) {
  Vantage vantage;
  vantage.kind = VantageKind::vpc;
  vantage.vpc = vpc;
  return vantage;
}

Vantage Vantage::in_subnet(const model::Snapshot& snapshot, model::SubnetId subnet) {
  const auto& vpc = snapshot.get(subnet).vpc;
  MOAT_ASSERT(vpc.id.has_value(), "Vantage::in_subnet: the subnet's VPC is not in the snapshot");
  Vantage vantage = in_vpc(*vpc.id);
  vantage.subnet = subnet;
  return vantage;
}

Vantage Vantage::on_premises(std::string network) {
  Vantage vantage;
  vantage.kind = VantageKind::external_network;
  vantage.network = std::move(network);
  return vantage;
}

std::string Vantage::to_string(const model::Snapshot& snapshot) const {
  if (kind == VantageKind::external_network) return "external network " + network;
  std::string text = "VPC " + snapshot.get(*vpc).origin.address;
  if (subnet) text += " subnet " + snapshot.get(*subnet).origin.address;
  return text;
}

}  // namespace moat::dns

#pragma once
// Vantage: where a DNS query starts.
//   * in a VPC (a subnet, an ENI, a task in it): the query goes to that VPC's Amazon
//     resolver (VPC+2 / 169.254.169.253), which no SG or NACL filters (R0.3);
//   * on-premises: a declared ExternalNetwork (by name, looked up in DnsContext), whose
//     conditional forwarders send the query to Resolver inbound endpoints.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"

namespace moat::model {
class Snapshot;
}

namespace moat::dns {

enum class VantageKind : std::uint8_t { vpc, external_network };

struct Vantage {
  VantageKind kind = VantageKind::vpc;
  std::optional<model::VpcId> vpc;        // kind vpc
  std::optional<model::SubnetId> subnet;  // kind vpc, when the query starts in a known subnet
  std::string network;                    // kind external_network: ExternalNetwork::name

  static Vantage in_vpc(model::VpcId vpc);
  // The subnet's VPC; precondition: the subnet's VPC is resolved in the snapshot.
  static Vantage in_subnet(const model::Snapshot& snapshot, model::SubnetId subnet);
  static Vantage on_premises(std::string network);

  std::string to_string(const model::Snapshot& snapshot) const;
};

}  // namespace moat::dns

#include "moat/dns/dns_context.hpp"

namespace moat::dns {

const ExternalNetwork* DnsContext::find_network(std::string_view name) const {
  for (const auto& network : external_networks)
    if (network.name == name) return &network;
  return nullptr;
}

}  // namespace moat::dns

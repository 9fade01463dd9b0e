#pragma once
// Small helpers shared by the converters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attributes.hpp"
#include "moat/model/ref.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::tfstate {

template <class Id>
model::Ref<Id> ref_to(std::string aws_id) {
  return model::Ref<Id>{std::move(aws_id), std::nullopt};
}

template <class Id>
model::Ref<Id> ref(const Attributes& attributes, std::string_view key) {
  return ref_to<Id>(attributes.str(key));
}

template <class Id>
std::vector<model::Ref<Id>> refs(const Attributes& attributes, std::string_view key) {
  std::vector<model::Ref<Id>> result;
  for (auto& id : attributes.strings(key)) result.push_back(ref_to<Id>(std::move(id)));
  return result;
}

// Appends to a list of references unless the AWS id is already there.
template <class Id>
void add_unique(std::vector<model::Ref<Id>>& list, const std::string& aws_id) {
  if (aws_id.empty()) return;
  for (const auto& existing : list) {
    if (existing.aws_id == aws_id) return;
  }
  list.push_back(ref_to<Id>(aws_id));
}

// The resource's AWS id: "id", else "arn".
std::string aws_id_of(const Attributes& attributes);

// "enable"/"disable" (TGW options) or a boolean; fallback when absent.
bool enabled(const Attributes& attributes, std::string_view key, bool fallback);

struct ProtocolPorts {
  net::ProtocolSet protocols;
  net::PortSet ports;
};

// Protocol and ports of an SG rule or NACL entry (R3.5): "-1"/"all" -> everything;
// TCP/UDP -> the inclusive range [from, to] (absent or -1 -> all ports); ICMP/ICMPv6 ->
// type/code (from icmp_type/icmp_code when those keys are given, else from/to); any
// other protocol -> all ports. An unknown protocol name is a LoadError.
ProtocolPorts protocol_ports(const Attributes& attributes, std::string_view protocol_key, std::string_view from_key,
                             std::string_view to_key, std::string_view icmp_type_key = {},
                             std::string_view icmp_code_key = {});

// Lower case, without the trailing dot (DNS names as the model stores them).
std::string normalise_dns_name(std::string_view name);

}  // namespace moat::tfstate

#include "convert_common.hpp"

#include <cctype>

#include "keys.hpp"
#include "moat/core/error.hpp"

namespace moat::tfstate {

std::string aws_id_of(const Attributes& attributes) {
  std::string id = attributes.str(keys::attr::id);
  if (id.empty()) id = attributes.str(keys::attr::arn);
  return id;
}

bool enabled(const Attributes& attributes, std::string_view key, bool fallback) {
  std::string text = attributes.str(key);
  if (text.empty()) return fallback;
  if (text == keys::value::enable) return true;
  if (text == keys::value::disable) return false;
  return attributes.boolean(key, fallback);
}

ProtocolPorts protocol_ports(const Attributes& attributes, std::string_view protocol_key, std::string_view from_key,
                             std::string_view to_key, std::string_view icmp_type_key, std::string_view icmp_code_key) {
  std::string text = attributes.str(protocol_key);
  if (text.empty()) text = keys::value::all_protocols;
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  net::ProtocolSet protocols;
  try {
    protocols = net::ProtocolSet::parse(text);
  } catch (const ParseError&) {
    attributes.fail(protocol_key, std::string(protocol_key) + " \"" + text + "\" is not a protocol");
  }
  ProtocolPorts result{protocols, net::PortSet::all()};
  if (protocols.is_all() || protocols.size() != 1) return result;
  std::uint8_t number = *protocols.first();
  auto from = attributes.integer(from_key);
  auto to = attributes.integer(to_key);
  if (number == net::protocol::icmp || number == net::protocol::icmpv6) {
    auto type = icmp_type_key.empty() ? from : attributes.integer(icmp_type_key);
    auto code = icmp_code_key.empty() ? to : attributes.integer(icmp_code_key);
    int t = type ? static_cast<int>(*type) : -1;
    int c = code ? static_cast<int>(*code) : -1;
    if (t < -1 || t > 255) t = -1;
    if (c < -1 || c > 255) c = -1;
    if (t == -1) c = -1;
    result.ports = net::PortSet::icmp(t, c);
    return result;
  }
  if (!net::has_ports(number)) return result;
  if (!from || !to || *from < 0 || *to < 0) return result;  // -1 or absent: every port
  if (*from > 65535 || *to > 65535) attributes.fail(to_key, "port range " + std::to_string(*from) + "-" + std::to_string(*to) + " is outside 0-65535");
  result.ports = net::PortSet::range(static_cast<std::uint16_t>(*from), static_cast<std::uint16_t>(*to));
  if (result.ports.empty()) attributes.warn("rule.empty_ports", "port range " + std::to_string(*from) + "-" + std::to_string(*to) + " is empty: the rule matches nothing");
  return result;
}

std::string normalise_dns_name(std::string_view name) {
  std::string result(name);
  while (!result.empty() && result.back() == '.') result.pop_back();
  for (auto& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

}  // namespace moat::tfstate

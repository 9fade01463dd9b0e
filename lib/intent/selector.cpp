#include "moat/intent/selector.hpp"

#include <string>

#include "moat/core/error.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::intent {

std::string_view to_string(SelectorKind kind) {
  switch (kind) {
    case SelectorKind::name: return "name";
    case SelectorKind::internet: return "internet";
    case SelectorKind::everything: return "*";
    case SelectorKind::addresses: return "addresses";
    case SelectorKind::dns: return "dns";
    case SelectorKind::service: return "service";
  }
  return "?";
}

namespace {

bool looks_like_address(std::string_view text) {
  if (text.empty()) return false;
  bool has_digit_or_colon = false;
  for (char c : text) {
    bool ok = (c >= '0' && c <= '9') || c == '.' || c == ':' || c == '/' || (c >= 'a' && c <= 'f') ||
              (c >= 'A' && c <= 'F');
    if (!ok) return false;
    if ((c >= '0' && c <= '9') || c == ':') has_digit_or_colon = true;
  }
  return has_digit_or_colon && (text.find('.') != std::string_view::npos || text.find(':') != std::string_view::npos);
}

}  // namespace

Selector parse_selector(std::string_view text) {
  Selector selector;
  selector.text = std::string(text);
  if (text.empty()) throw ParseError("[moat.scenario] empty selector");
  if (text == "internet") {
    selector.kind = SelectorKind::internet;
    return selector;
  }
  if (text == "*") {
    selector.kind = SelectorKind::everything;
    return selector;
  }
  for (auto [prefix, kind] : {std::pair{std::string_view("dns:"), SelectorKind::dns},
                              std::pair{std::string_view("service:"), SelectorKind::service}}) {
    if (text.starts_with(prefix)) {
      selector.kind = kind;
      selector.value = std::string(text.substr(prefix.size()));
      if (selector.value.empty())
        throw ParseError("[moat.scenario] selector \"" + selector.text + "\" names nothing after \"" +
                         std::string(prefix) + "\"");
      return selector;
    }
  }
  if (looks_like_address(text)) {
    selector.kind = SelectorKind::addresses;
    if (auto address = net::IpAddress::try_parse(text)) {
      selector.addresses = net::AddressSet::of(*address);
    } else if (auto prefix = net::Prefix::try_parse(text)) {
      selector.addresses = net::AddressSet::of(*prefix);
    } else {
      throw ParseError("[moat.scenario] selector \"" + selector.text + "\" is neither an IP address nor a CIDR");
    }
    return selector;
  }
  selector.kind = SelectorKind::name;
  selector.value = selector.text;
  return selector;
}

}  // namespace moat::intent

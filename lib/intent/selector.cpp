#include "moat/intent/selector.hpp"

#include <string>

#include "moat/core/error.hpp"
#include "moat/scenario/address_selector.hpp"

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
  if (scenario::written_as_address(text)) {
    selector.kind = SelectorKind::addresses;
    selector.addresses = scenario::parse_address_selector(text);
    return selector;
  }
  selector.kind = SelectorKind::name;
  selector.value = selector.text;
  return selector;
}

}  // namespace moat::intent

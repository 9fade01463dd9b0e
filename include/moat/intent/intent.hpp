#pragma once
// Intent: one property to check — from, to (selectors as text), the header space
// (protocols, ports) and what is expected. Scenario intents and the closed profile's
// derived intents share this type; a derived intent can carry a failure known before
// any flow is evaluated (an image from a registry a closed network cannot reach).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "moat/intent/explanation.hpp"
#include "moat/net/port_set.hpp"
#include "moat/net/protocol_set.hpp"

namespace moat::intent {

enum class Expectation : std::uint8_t {
  reachable,    // every source location reaches every destination location, replies included
  unreachable,  // no packet of the header space gets from any source to any destination
  resolvable,   // `to` (a dns: selector) resolves from `from` to addresses inside the model
};

std::string_view to_string(Expectation expectation);  // "reachable", ...

struct Intent {
  std::string name;
  std::string from;
  std::string to;
  net::ProtocolSet protocols = net::ProtocolSet::all();
  net::PortSet ports = net::PortSet::all();
  Expectation expect = Expectation::reachable;
  // Known failure reasons (non-empty: the intent fails with these, no flow is evaluated).
  std::vector<Explanation> known_failure;
};

}  // namespace moat::intent

#include "moat/intent/trace.hpp"

#include <algorithm>

#include "binding.hpp"
#include "moat/core/error.hpp"
#include "moat/dns/resolve.hpp"
#include "moat/dns/service_dns_names.hpp"
#include "moat/net/packet_set.hpp"
#include "resolved_destinations.hpp"

namespace moat::intent {

namespace {

std::vector<fwd::Endpoint> sources(const Environment& environment, const std::string& from) {
  return detail::bind_plain(environment, parse_selector(from), "from");
}

void append(fwd::FlowResult& into, fwd::FlowResult from) {
  for (auto& p : from.delivered) into.delivered.push_back(std::move(p));
  for (auto& p : from.dropped) into.dropped.push_back(std::move(p));
  for (auto& f : from.findings) into.findings.push_back(std::move(f));
}

}  // namespace

bool TracedFlow::delivered() const {
  return std::any_of(result.delivered.begin(), result.delivered.end(), [](const fwd::DeliveredPart& p) { return p.certain; });
}

bool all_resolved(const std::vector<dns::Resolution>& resolutions) {
  return std::all_of(resolutions.begin(), resolutions.end(), [](const dns::Resolution& r) { return r.resolved(); });
}

TracedFlow trace(const Environment& environment, const std::string& from, const std::string& to,
                 const net::ProtocolSet& protocols, const net::PortSet& ports) {
  TracedFlow traced;
  traced.from = from;
  traced.to = to;
  traced.protocols = protocols;
  traced.ports = ports;
  auto space = detail::header_space(protocols, ports);
  auto source_endpoints = sources(environment, from);
  auto target = parse_selector(to);
  if (target.kind != SelectorKind::dns && target.kind != SelectorKind::service) {
    traced.result = environment.network().flow(source_endpoints, space, detail::bind_plain(environment, target, "to"));
    return traced;
  }
  std::string name = target.kind == SelectorKind::dns ? target.value : detail::service_dns_name(environment, target.value);
  for (const auto& source : source_endpoints) {
    for (const auto& vantage : detail::vantages_of(environment, source)) {
      auto resolution = dns::resolve(environment.snapshot(), name, model::RecordType::a, vantage, environment.dns_context());
      auto targets = resolution.resolved() ? detail::answer_endpoints(environment, resolution) : std::nullopt;
      traced.resolutions.push_back(resolution);
      if (targets) append(traced.result, environment.network().flow({source}, space, *targets));
    }
  }
  return traced;
}

std::vector<dns::Resolution> resolve_from(const Environment& environment, const std::string& from, const std::string& name) {
  std::vector<dns::Resolution> out;
  for (const auto& source : sources(environment, from)) {
    auto vantages = detail::vantages_of(environment, source);
    if (vantages.empty())
      throw ParseError("[moat.scenario] from: \"" + from + "\" has no DNS vantage point (use a network, subnet or interface owner)");
    for (const auto& vantage : vantages)
      out.push_back(dns::resolve(environment.snapshot(), name, model::RecordType::a, vantage, environment.dns_context()));
  }
  return out;
}

}  // namespace moat::intent

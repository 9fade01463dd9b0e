// The closed profile: intents derived from the state for a network that must have no
// internet path and still run its ECS services (SEMANTICS §5: what a task needs).

#include "moat/intent/closed_profile.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

#include "moat/dns/domain_name.hpp"
#include "moat/model/route_target.hpp"
#include "moat/net/header_box.hpp"
#include "moat/net/packet_set.hpp"

namespace moat::intent {

namespace {

using model::ObjectKind;

const std::string& address_of(const model::Origin& origin) { return origin.address.empty() ? origin.aws_id : origin.address; }

Intent tcp_intent(std::string name, std::string from, std::string to, std::uint16_t port) {
  Intent intent;
  intent.name = std::move(name);
  intent.from = std::move(from);
  intent.to = std::move(to);
  intent.protocols = net::ProtocolSet::of(net::protocol::tcp);
  intent.ports = net::PortSet::of(port);
  intent.expect = Expectation::reachable;
  return intent;
}

// "<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/repo:tag" (a private ECR registry).
bool is_private_ecr(std::string_view image) {
  auto slash = image.find('/');
  if (slash == std::string_view::npos) return false;
  std::string_view host = image.substr(0, slash);
  auto dot = host.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view account = host.substr(0, dot);
  if (account.size() != 12 || !std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  std::string_view rest = host.substr(dot + 1);
  if (!(rest.starts_with("dkr.ecr.") || rest.starts_with("dkr.ecr-fips."))) return false;
  return rest.ends_with(".amazonaws.com") || rest.ends_with(".amazonaws.com.cn");
}

std::string registry_of(std::string_view image) {
  auto slash = image.find('/');
  if (slash == std::string_view::npos) return "docker.io";
  std::string_view first = image.substr(0, slash);
  if (first.find('.') == std::string_view::npos && first.find(':') == std::string_view::npos && first != "localhost")
    return "docker.io";
  return std::string(first);
}

void add_ecs_intents(const model::Snapshot& snapshot, std::vector<Intent>& out) {
  for (const auto& service : snapshot.ecs_services) {
    const std::string& svc = address_of(service.origin);
    auto needs = [&](const std::string& endpoint_service) {
      return tcp_intent("closed/ecs:" + svc + "->" + endpoint_service, svc, "service:" + endpoint_service, 443);
    };
    if (!service.has_network_configuration || service.subnets.empty()) continue;  // not awsvpc: no task ENI to check
    std::set<std::string> services;
    std::vector<Intent> failures;
    if (service.task_definition.id) {
      const auto& task = snapshot.get(*service.task_definition.id);
      for (const auto& container : task.containers) {
        if (is_private_ecr(container.image)) {
          services.insert({"ecr.api", "ecr.dkr", "s3"});
        } else if (!container.image.empty()) {
          auto registry = registry_of(container.image);
          Intent intent = needs("registry:" + registry);
          intent.to = "internet";
          intent.known_failure.push_back(
              {"IMAGE_OUTSIDE_PRIVATE_ECR", address_of(task.origin),
               "container \"" + container.name + "\" pulls " + container.image + " from " + registry +
                   ", which a closed network cannot reach (only private ECR through its endpoints, R5.5)"});
          failures.push_back(std::move(intent));
        }
        if (container.log_driver == "awslogs") services.insert("logs");
        for (const auto& secret : container.secrets) {
          if (secret.source == model::SecretSource::ssm) services.insert("ssm");
          else if (secret.source == model::SecretSource::secretsmanager) services.insert("secretsmanager");
        }
      }
    }
    if (service.enable_execute_command) services.insert("ssmmessages");
    for (const auto& s : services) out.push_back(needs(s));
    for (auto& f : failures) {
      if (std::none_of(out.begin(), out.end(), [&](const Intent& i) { return i.name == f.name; })) out.push_back(std::move(f));
    }
  }
}

std::vector<model::TargetGroupId> forwarded_target_groups(const model::Listener& listener) {
  std::vector<model::TargetGroupId> out;
  auto collect = [&](const std::vector<model::ListenerAction>& actions) {
    for (const auto& action : actions) {
      for (const auto& tg : action.target_groups) {
        if (tg.id && std::find(out.begin(), out.end(), *tg.id) == out.end()) out.push_back(*tg.id);
      }
    }
  };
  collect(listener.default_actions);
  for (const auto& rule : listener.rules) collect(rule.actions);
  return out;
}

void add_listener_intents(const Environment& environment, std::vector<Intent>& out) {
  const auto& snapshot = environment.snapshot();
  for (const auto& listener : snapshot.listeners) {
    if (!listener.load_balancer.id) continue;
    const auto& lb = snapshot.get(*listener.load_balancer.id);
    const std::string& lb_address = address_of(lb.origin);
    const std::string& listener_address = address_of(listener.origin);
    bool udp = listener.protocol == "UDP";
    for (auto tg_id : forwarded_target_groups(listener)) {
      const auto& tg = snapshot.get(tg_id);
      for (const auto& service : snapshot.ecs_services) {
        for (const auto& binding : service.load_balancers) {
          if (binding.target_group.id != std::optional(tg_id)) continue;
          auto port = binding.container_port ? *binding.container_port : tg.port.value_or(0);
          auto intent = tcp_intent("closed/lb:" + listener_address + "->" + address_of(service.origin), lb_address,
                                   address_of(service.origin), port);
          if (udp) intent.protocols = net::ProtocolSet::of(net::protocol::udp);
          out.push_back(std::move(intent));
        }
      }
      for (const auto& attachment : snapshot.target_group_attachments) {
        if (attachment.target_group.id != std::optional(tg_id)) continue;
        std::string target;
        if (attachment.instance.id) target = address_of(snapshot.get(*attachment.instance.id).origin);
        else if (attachment.ip) target = attachment.ip->to_string();
        else continue;
        auto port = attachment.port ? *attachment.port : tg.port.value_or(0);
        auto intent = tcp_intent("closed/lb:" + listener_address + "->" + target, lb_address, target, port);
        if (udp) intent.protocols = net::ProtocolSet::of(net::protocol::udp);
        out.push_back(std::move(intent));
      }
    }
    for (const auto& network : environment.scenario().networks) {
      auto intent = tcp_intent("closed/net:" + network.name + "->" + listener_address, network.name, lb_address, listener.port);
      if (udp) intent.protocols = net::ProtocolSet::of(net::protocol::udp);
      out.push_back(std::move(intent));
    }
  }
}

bool same_dns_name(std::string_view a, std::string_view b) {
  auto ca = dns::canonical_name(a), cb = dns::canonical_name(b);
  if (ca.starts_with("dualstack.")) ca = ca.substr(10);
  if (cb.starts_with("dualstack.")) cb = cb.substr(10);
  return ca == cb;
}

void add_dns_intents(const Environment& environment, std::vector<Intent>& out) {
  const auto& snapshot = environment.snapshot();
  for (const auto& record : snapshot.resource_records) {
    if (!record.alias || !record.zone.id || !snapshot.get(*record.zone.id).private_zone) continue;
    bool internal_lb = std::any_of(snapshot.load_balancers.begin(), snapshot.load_balancers.end(), [&](const model::LoadBalancer& lb) {
      return lb.internal && !lb.dns_name.empty() && same_dns_name(lb.dns_name, record.alias->name);
    });
    if (!internal_lb) continue;
    for (const auto& network : environment.scenario().networks) {
      bool forwarded = std::any_of(network.dns_forwarders.begin(), network.dns_forwarders.end(),
                                   [&](const scenario::DnsForwarder& f) { return dns::in_domain(record.name, dns::canonical_name(f.domain)); });
      if (!forwarded) continue;
      Intent intent;
      intent.name = "closed/dns:" + network.name + "->" + record.name;
      intent.from = network.name;
      intent.to = "dns:" + record.name;
      intent.expect = Expectation::resolvable;
      if (std::none_of(out.begin(), out.end(), [&](const Intent& i) { return i.name == intent.name; })) out.push_back(std::move(intent));
    }
  }
}

bool routes_to_igw(const model::Snapshot& snapshot, model::SubnetId subnet) {
  auto table = snapshot.effective_route_table(subnet);
  if (!table) return false;
  const auto& routes = snapshot.get(*table).routes;
  return std::any_of(routes.begin(), routes.end(),
                     [](const model::Route& r) { return r.target.kind == model::RouteTargetKind::internet_gateway; });
}

}  // namespace

std::vector<Intent> closed_profile_intents(const Environment& environment) {
  std::vector<Intent> out;
  Intent egress;
  egress.name = "closed/no-internet-egress";
  egress.from = "*";
  egress.to = "internet";
  egress.expect = Expectation::unreachable;
  out.push_back(egress);
  Intent ingress = egress;
  ingress.name = "closed/no-internet-ingress";
  ingress.from = "internet";
  ingress.to = "*";
  out.push_back(ingress);
  add_ecs_intents(environment.snapshot(), out);
  add_listener_intents(environment, out);
  add_dns_intents(environment, out);
  return out;
}

std::vector<Explanation> closed_profile_warnings(const Environment& environment) {
  const auto& snapshot = environment.snapshot();
  std::vector<Explanation> out;
  for (std::uint32_t s = 0; s < snapshot.subnets.size(); ++s) {
    const auto& subnet = snapshot.subnets[s];
    if (subnet.map_public_ip_on_launch && !routes_to_igw(snapshot, model::SubnetId{s}))
      out.push_back({"PUBLIC_IP_WITHOUT_INTERNET_ROUTE", address_of(subnet.origin),
                     "map_public_ip_on_launch is true but the subnet has no route to an internet gateway: adding one "
                     "would expose every interface launched here"});
  }
  for (const auto& listener : snapshot.listeners) {
    if (!listener.load_balancer.id) continue;
    const auto& lb = snapshot.get(*listener.load_balancer.id);
    if (lb.internal) continue;
    fwd::Endpoint target = fwd::Endpoint::of({ObjectKind::load_balancer, model::index(*listener.load_balancer.id)});
    if (environment.network().graph().groups_of(target.object).empty()) continue;
    // "Blocked" means no internet packet gets to the listener at all. (Not "some part
    // fails": replies to S3's ranges take a gateway endpoint route, so a reachable
    // check from all of the internet fails for any LB behind such a table.)
    auto packets = net::PacketSet::of(net::HeaderBox{net::AddressSet::all(net::IpFamily::v4), net::AddressSet::all(net::IpFamily::v4),
                                                     net::ProtocolSet::of(net::protocol::tcp), net::PortSet::of(listener.port)});
    auto verdict = environment.network().isolated({fwd::Endpoint::internet()}, {target}, packets);
    if (verdict.status == fwd::VerdictStatus::holds)
      out.push_back({"INTERNET_FACING_LB_BLOCKED", address_of(lb.origin),
                     "internet-facing but the internet does not reach listener " + address_of(listener.origin) +
                         " (security groups or routes block it): one rule change exposes it; make it internal"});
  }
  return out;
}

}  // namespace moat::intent

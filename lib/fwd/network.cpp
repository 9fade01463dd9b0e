#include "moat/fwd/network.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "compiled_network.hpp"
#include "dual_stack.hpp"
#include "edge_ingress.hpp"
#include "moat/core/assert.hpp"
#include "packet_filters.hpp"

namespace moat::fwd {

namespace {

using graph::NodeId;
using model::ObjectKind;
using detail::DualAddressSet;
using net::AddressSet;
using net::PacketSet;

constexpr auto v4 = net::IpFamily::v4;
constexpr auto v6 = net::IpFamily::v6;

// Every address the internet routes, both families.
DualAddressSet public_addresses() { return {detail::public_ipv4(), detail::public_ipv6()}; }

// How the packets entered the VPC they are in: decides which gateways they may use
// (R2.10, R2.11, R2.16, R7.4, R8.8).
enum class Arrival : std::uint8_t { local, peering, transit_gateway, vpn_gateway, internet };

enum class Mode : std::uint8_t { forward, reply };

enum class Step : std::uint8_t {
  leave_group,     // at = group: SG egress, same-subnet delivery, NACL outbound, route
  route,           // at = route table, aux = subnet the packets are in (+1; 0 = none)
  local,           // at = VPC, aux = subnet the packets come from (+1)
  enter_group,     // at = group, aux = subnet the packets come from (+1)
  igw_out,         // at = internet gateway
  igw_in,          // at = internet gateway
  eigw_out,        // at = egress-only internet gateway
  eigw_in,         // at = egress-only internet gateway (replies only)
  vgw_out,         // at = VPN gateway
  vgw_in,          // at = VPN gateway
  tgw,             // at = TGW attachment the packets arrive from
  tgw_enter_vpc,   // at = VPC attachment, aux = attachment subnet (+1)
  external_in,     // at = declared network (packets leave it towards AWS)
  external_out,    // at = declared network (delivery)
  internet_in,     // packets from the internet
  internet_out,    // delivery to the internet
  service_in,      // replies from an AWS service through the gateway endpoint the request took
};

// A source-address translation on the path (NAT gateway, IGW 1:1 NAT).
struct Translation {
  enum class Kind : std::uint8_t { nat, igw } kind = Kind::nat;
  std::uint32_t at = 0;             // group (nat) or internet gateway (igw)
  AddressSet original_sources{v4};  // the sources before
  PacketSet before;                 // the packets before
  std::shared_ptr<const Translation> parent;
  int depth = 1;
};
using TranslationPtr = std::shared_ptr<const Translation>;

struct Key {
  Step step;
  std::uint32_t at;
  std::uint32_t aux;
  Arrival arrival;
  int undo_depth;
  bool certain;
  std::uint32_t condition;  // SG id + 1 or 0
  std::uint32_t source_group;  // group + 1 or 0 (SG references depend on it)
  std::uint32_t sender;        // group + 1 or 0 (the IGW's public-IP check depends on it)
  bool behind;                 // past a filter that dropped the packets (FlowOptions::behind_filters)
  auto tie() const {
    return std::tuple(step, at, aux, arrival, undo_depth, certain, condition, source_group, sender, behind);
  }
  friend bool operator<(const Key& a, const Key& b) { return a.tie() < b.tie(); }
  friend bool operator==(const Key& a, const Key& b) { return a.tie() == b.tie(); }
};

struct Trail {
  Hop hop;
  std::optional<Key> key;  // set for the hop that starts a step
  std::shared_ptr<const Trail> parent;
};
using TrailPtr = std::shared_ptr<const Trail>;

// A same-prefix route tie the packets' latest route decision was settled by (R1.9, R8.4):
// the winning route and the best route of another target that lost it.
struct RouteTie {
  std::string winner;  // "route 10.0.0.0/16 -> pcx-x of aws_route.a"
  std::string loser;
  std::string winner_address;

  std::string to_string() const {
    return winner + " won the same-prefix tie over " + loser + " (HIGHER_PRIORITY_ROUTE)";
  }
};

struct Frame {
  Step step = Step::leave_group;
  std::uint32_t at = 0;
  std::uint32_t aux = 0;
  PacketSet packets;
  Arrival arrival = Arrival::local;
  std::optional<std::uint32_t> source_group;  // untranslated packets of this ENI group
  std::optional<std::uint32_t> sender;        // the group owning the source address (NAT after translation)
  std::uint32_t az_subnet = 0;                // subnet (+1) whose AZ the packets are in
  TrailPtr trail;
  TranslationPtr lineage;  // forward translations (for mapping back to what was sent)
  TranslationPtr undo;     // reply mode: translations still to undo
  bool certain = true;
  std::vector<std::string> assumptions;
  std::optional<model::SecurityGroupId> condition;  // egress allowed only if delivered to a member
  // The filter drop(s) these packets are assumed past (FlowOptions::behind_filters).
  std::string behind;
  std::shared_ptr<const RouteTie> tie;  // the latest route decision settled by a tie, if any

  Key key() const {
    return {step,    at,
            aux,     arrival,
            undo ? undo->depth : 0, certain,
            condition ? model::index(*condition) + 1 : 0,
            source_group ? *source_group + 1 : 0,
            sender ? *sender + 1 : 0,
            !behind.empty()};
  }
};

std::vector<Hop> path_of(const TrailPtr& trail) {
  std::vector<Hop> hops;
  for (auto* t = trail.get(); t; t = t->parent.get()) hops.push_back(t->hop);
  std::reverse(hops.begin(), hops.end());
  return hops;
}

std::string id_or_address(const model::Origin& origin) { return origin.aws_id.empty() ? origin.address : origin.aws_id; }

// Maps delivered packets back to what the source sent, through the translations.
PacketSet sent_of(const PacketSet& delivered, const TranslationPtr& lineage) {
  PacketSet current = delivered;
  for (auto* t = lineage.get(); t; t = t->parent.get()) {
    auto after = t->before.with_source_rewritten(t->before.sources(v4));  // the shape before, any source
    auto translated_full = t->before.with_source_rewritten(AddressSet::all(v4));
    (void)after;
    // Packets of `before` whose translated form was not delivered are lost.
    auto rewritten_delivered = current.with_source_rewritten(AddressSet::all(v4));
    auto lost = translated_full - rewritten_delivered;
    current = t->before - lost.with_source_rewritten(t->original_sources);
  }
  return current;
}

}  // namespace

struct Network::Impl {
  graph::ForwardingGraph graph;
  detail::CompiledNetwork compiled;

  // An AWS service a gateway endpoint delivers to (S3, DynamoDB, R2.16): its addresses are
  // the prefix list's entries when state holds them, else symbolic — any public IPv4
  // address stands for "some address of the list" (R1.11) and filters must pass them all
  // for a proof (R0.1).
  struct Service {
    NodeId node{};
    std::string prefix_list_id;
    std::string name;  // "com.amazonaws.eu-west-1.s3"
    DualAddressSet addresses;
    bool symbolic = false;
  };
  std::vector<Service> services;
  std::vector<detail::EdgeIngress> edge_ingresses;  // R2.13

  Impl(const model::Snapshot& snapshot, std::vector<graph::ExternalNetwork> networks)
      : graph(graph::build_forwarding_graph(snapshot, std::move(networks))),
        compiled(detail::compile_network(graph)),
        edge_ingresses(detail::build_edge_ingresses(graph)) {
    for (const auto& endpoint : snapshot.vpc_endpoints) {
      if (endpoint.type != model::VpcEndpointType::gateway) continue;
      auto node = graph.service_node(endpoint.prefix_list_id);
      if (!node || find_service(endpoint.service_name) || find_service_at(*node)) continue;
      Service service{*node, endpoint.prefix_list_id, endpoint.service_name, {}, true};
      auto list = snapshot.find<model::ManagedPrefixList>(endpoint.prefix_list_id);
      if (list && snapshot.get(*list).entries_known) {
        service.addresses = DualAddressSet::of(std::span<const net::Prefix>(snapshot.get(*list).entries));
        service.symbolic = false;
      } else {
        // Unknown entries (the endpoint's own cidr_blocks are not used: the route tables
        // keep this list's route aside as symbolic, compile_network, so a known address set
        // here would bypass that route).
        service.addresses.v4 = detail::public_ipv4();
      }
      services.push_back(std::move(service));
    }
  }

  std::optional<std::uint32_t> find_service(std::string_view name) const {
    for (std::uint32_t i = 0; i < services.size(); ++i) {
      if (!name.empty() && services[i].name == name) return i;
    }
    return std::nullopt;
  }
  std::optional<std::uint32_t> find_service_at(NodeId node) const {
    for (std::uint32_t i = 0; i < services.size(); ++i) {
      if (services[i].node == node) return i;
    }
    return std::nullopt;
  }

  const model::Snapshot& s() const { return graph.snapshot(); }

  NodeId node(ObjectKind kind, std::uint32_t i) const {
    auto found = graph.node_of({kind, i});
    MOAT_ASSERT(found.has_value(), "model object without a graph node");
    return *found;
  }

  // ---- one traversal ---------------------------------------------------------------
  struct Run {
    const Impl& impl;
    Mode mode;
    std::set<std::uint32_t> destination_nodes;  // empty = every node
    FlowResult result;
    std::deque<Frame> work;
    std::map<Key, PacketSet> visited;
    NodeId source{};
    // Reply mode: the IGW or egress-only IGW the request left by; IPv6 replies from the
    // internet come back through it.
    std::optional<NodeId> exit_gateway;
    // The AWS service the packets are addressed to (a run of its own), if any.
    const Service* service = nullptr;
    // Reply mode: the gateway endpoint the request reached the service by.
    std::optional<std::uint32_t> entry_endpoint;
    // Packets a filter drops go on as if it had let them pass (FlowOptions::behind_filters).
    bool behind_filters = false;

    const model::Snapshot& s() const { return impl.s(); }
    const graph::ForwardingGraph& g() const { return impl.graph; }
    const detail::CompiledNetwork& c() const { return impl.compiled; }

    bool is_destination(NodeId id) const { return destination_nodes.empty() || destination_nodes.count(graph::index(id)); }

    static TrailPtr extend(const Frame& frame, Hop hop, std::optional<Key> key = std::nullopt) {
      return std::make_shared<const Trail>(Trail{std::move(hop), key, frame.trail});
    }

    void push(Frame frame) {
      if (!frame.packets.empty()) work.push_back(std::move(frame));
    }
    // A frame for the next step, inheriting everything but the packets.
    static Frame next(const Frame& from, Step step, std::uint32_t at, std::uint32_t aux, PacketSet packets) {
      Frame frame = from;
      frame.step = step;
      frame.at = at;
      frame.aux = aux;
      frame.packets = std::move(packets);
      return frame;
    }

    static bool is_filter(ExplanationCode code) {
      return code == ExplanationCode::ENI_SG_RULES_MISMATCH || code == ExplanationCode::SUBNET_ACL_RESTRICTION;
    }

    void drop(const Frame& frame, const PacketSet& packets, NodeId at, ExplanationCode code, std::string address,
              std::string detail, bool certain = true) {
      if (packets.empty()) return;
      if (frame.tie && !is_filter(code)) {
        // The route these packets took won a same-prefix tie: name the route that lost it.
        detail += "; " + frame.tie->to_string();
        if (code != ExplanationCode::HIGHER_PRIORITY_ROUTE)
          finding(frame, ExplanationCode::HIGHER_PRIORITY_ROUTE, frame.tie->winner_address,
                  frame.tie->to_string() + "; the packets it took were dropped (" + std::string(fwd::to_string(code)) +
                      (address.empty() ? std::string() : " at " + address) + ")");
      }
      if (!frame.behind.empty()) detail = "behind " + frame.behind + ": " + detail;
      DroppedPart part;
      part.packets = packets;
      part.witness = *packets.witness();
      part.path = path_of(frame.trail);
      part.at = at;
      part.code = code;
      part.address = std::move(address);
      part.detail = std::move(detail);
      // Whether the drop decision rests on an assumption; packets that only possibly got
      // here (an uncertain frame) and are dropped for certain are no possible path.
      part.certain = certain;
      part.behind = frame.behind;
      (frame.behind.empty() ? result.dropped : result.dropped_behind).push_back(std::move(part));
    }
    // After a certain filter drop (SG, NACL) of `denied`: with behind_filters, the packets
    // go on (`then`) as if the filter had allowed them, marked behind it. Routes,
    // blackholes and missing gateways end a path physically and are never passed so.
    template <class Then>
    void past_filter(const Frame& frame, const PacketSet& denied, NodeId at, ExplanationCode code,
                     const std::string& address, Then&& then) {
      if (!behind_filters || denied.empty()) return;
      MOAT_ASSERT(is_filter(code), "only a filter drop is passed hypothetically");
      std::string blocker = std::string(fwd::to_string(code)) + (address.empty() ? std::string() : " at " + address);
      Frame f = frame;
      f.packets = denied;
      f.behind = frame.behind.empty() ? blocker : frame.behind + ", then " + blocker;
      f.trail = extend(frame, hop_at(at, address, "assumed to pass (" + blocker + ")"));
      then(f);
    }
    void deliver(const Frame& frame, const PacketSet& packets, NodeId at, Hop hop) {
      if (packets.empty()) return;
      if (!is_destination(at)) {
        // Packets a same-prefix tie sent elsewhere than the destination: the tie is why.
        if (frame.tie && !destination_nodes.empty())
          drop(frame, packets, at, ExplanationCode::HIGHER_PRIORITY_ROUTE, frame.tie->winner_address,
               "delivered to " + g().node(at).name + ", not to the destination");
        return;
      }
      DeliveredPart part;
      part.packets = packets;
      part.witness = *packets.witness();
      part.path = path_of(frame.trail);
      part.path.push_back(std::move(hop));
      part.source = source;
      part.destination = at;
      part.certain = frame.certain;
      part.assumptions = frame.assumptions;
      part.sent = mode == Mode::forward ? sent_of(packets, frame.lineage) : packets;
      for (auto* t = frame.lineage.get(); t; t = t->parent.get()) {
        bool nat = t->kind == Translation::Kind::nat;
        part.translations.push_back({nat ? SourceTranslation::Kind::nat_gateway : SourceTranslation::Kind::internet_gateway,
                                     nat ? impl.graph.group_node(t->at) : impl.node(ObjectKind::internet_gateway, t->at),
                                     t->original_sources, t->before});
      }
      std::reverse(part.translations.begin(), part.translations.end());
      part.behind = frame.behind;
      (frame.behind.empty() ? result.delivered : result.delivered_behind).push_back(std::move(part));
    }
    // A finding met by the packets of `frame`; none from packets assumed past a filter.
    void finding(const Frame& frame, ExplanationCode code, std::string address, std::string detail) {
      if (frame.behind.empty()) finding(code, std::move(address), std::move(detail));
    }
    void finding(ExplanationCode code, std::string address, std::string detail) {
      for (const auto& f : result.findings) {
        if (f.code == code && f.address == address && f.detail == detail) return;
      }
      result.findings.push_back({code, std::move(address), std::move(detail)});
    }

    Hop hop_at(NodeId id, std::string address, std::string rule) const {
      return Hop{id, g().node(id).name, std::move(address), std::move(rule)};
    }

    void run() {
      while (!work.empty()) {
        Frame frame = std::move(work.front());
        work.pop_front();
        Key key = frame.key();
        // A loop: the step already appears on this frame's own path (R: report, stop).
        for (auto* t = frame.trail.get(); t; t = t->parent.get()) {
          if (t->key && *t->key == key) {
            drop(frame, frame.packets, t->hop.node, ExplanationCode::ROUTING_LOOP, t->hop.address,
                 "packets return to " + t->hop.object);
            frame.packets = {};
            break;
          }
        }
        if (frame.packets.empty()) continue;
        auto& seen = visited[key];
        frame.packets = frame.packets - seen;
        if (frame.packets.empty()) continue;
        seen = seen | frame.packets;
        dispatch(frame, key);
      }
    }

    void dispatch(Frame& frame, const Key& key) {
      switch (frame.step) {
        case Step::leave_group: return leave_group(frame, key);
        case Step::route: return route(frame, key);
        case Step::local: return local(frame);
        case Step::enter_group: return enter_group(frame, key);
        case Step::igw_out: return igw_out(frame, key);
        case Step::igw_in: return igw_in(frame, key);
        case Step::eigw_out: return eigw_out(frame, key);
        case Step::eigw_in: return eigw_in(frame, key);
        case Step::vgw_out: return vgw_out(frame, key);
        case Step::vgw_in: return vgw_in(frame, key);
        case Step::tgw: return tgw(frame, key);
        case Step::tgw_enter_vpc: return tgw_enter_vpc(frame, key);
        case Step::external_in: return external_in(frame, key);
        case Step::external_out: return external_out(frame);
        case Step::internet_in: return internet_in(frame, key);
        case Step::internet_out: return internet_out(frame);
        case Step::service_in: return service_in(frame, key);
      }
    }

    // ---- a service whose addresses state lacks (R1.11, R0.1) -------------------------
    bool symbolic() const { return service && service->symbolic; }
    // The packets with their service-side address (destination forward, source for the
    // replies) widened to every address the service may have.
    PacketSet spread(const PacketSet& packets) const {
      const auto& all = service->addresses.v4;
      return mode == Mode::forward ? detail::with_destination_rewritten(packets, all) : packets.with_source_rewritten(all);
    }
    // Of `allowed` (a filter's per-address decision on `packets`), the packets allowed for
    // every address the service may have: the rest passes only if the list's addresses
    // happen to lie in what the rules allow.
    PacketSet allowed_for_every_address(const PacketSet& packets, const PacketSet& allowed) const {
      return allowed - spread(packets - allowed);
    }
    std::string symbolic_note() const {
      return "the addresses of " + service->prefix_list_id + " (" + service->name +
             ") are not in state (R1.11): only rules that allow the whole list (the list itself or 0.0.0.0/0) "
             "prove the flow; rules that allow some public addresses may pass it (R0.1)";
    }

    // NACL of a subnet in one direction: records the drops and calls `then` with the
    // allowed packets (and, with behind_filters, with the denied ones marked behind it).
    template <class Then>
    void nacl(const Frame& frame, std::uint32_t subnet, bool egress, Then&& then) {
      auto acl = s().effective_network_acl(model::SubnetId{subnet});
      NodeId subnet_node = impl.node(ObjectKind::subnet, subnet);
      if (!acl) {
        finding(frame, ExplanationCode::UNKNOWN_DATA, s().subnets[subnet].origin.address,
                "no network ACL loaded for the subnet: the AWS default (allow all) is assumed");
        Frame f = frame;
        if (!f.packets.empty()) then(f);
        return;
      }
      auto outcome = detail::evaluate_nacl(s().get(*acl), egress, frame.packets);
      if (symbolic()) {
        // NACLs cannot name prefix lists (R2.16): the rules must allow every address the
        // list may hold; packets allowed for only some are possibly dropped (R0.1).
        auto proven = allowed_for_every_address(frame.packets, outcome.allowed);
        auto some = spread(outcome.allowed);
        for (auto& denied : outcome.denied) {
          drop(frame, denied.packets & some, subnet_node, ExplanationCode::SUBNET_ACL_RESTRICTION, denied.address,
               denied.detail + "; " + symbolic_note(), false);
          denied.packets = denied.packets - some;
        }
        drop(frame, outcome.allowed - proven, subnet_node, ExplanationCode::SUBNET_ACL_RESTRICTION, s().get(*acl).origin.address,
             "the rules (" + outcome.rules + ") allow only some public addresses; " + symbolic_note(), false);
        outcome.allowed = proven;
      }
      for (auto& denied : outcome.denied) {
        drop(frame, denied.packets, subnet_node, ExplanationCode::SUBNET_ACL_RESTRICTION, denied.address, denied.detail);
      }
      if (!outcome.allowed.empty()) {
        Frame f = frame;
        f.packets = outcome.allowed;
        f.trail = extend(frame, hop_at(subnet_node, s().get(*acl).origin.address, outcome.rules));
        then(f);
      }
      for (const auto& denied : outcome.denied) {
        past_filter(frame, denied.packets, subnet_node, ExplanationCode::SUBNET_ACL_RESTRICTION, denied.address, then);
      }
    }

    // SG evaluation; pushes uncertain and conditional variants with `then`.
    template <class Then>
    void security_groups(Frame& frame, std::uint32_t group_index, model::RuleDirection direction, Then&& then) {
      const auto& group = g().groups()[group_index];
      NodeId group_node = g().group_node(group_index);
      if (mode == Mode::reply || group.role == graph::InterfaceRole::nat_gateway) {
        then(frame);  // stateful return traffic (R3.1); NAT gateways have no SG (R2.8)
        return;
      }
      auto outcome = detail::evaluate_security_groups(
          g(), group.security_groups, direction, frame.packets,
          direction == model::RuleDirection::ingress ? frame.source_group : std::nullopt,
          symbolic() ? std::string_view(service->prefix_list_id) : std::string_view());
      auto passed = outcome.allowed | outcome.maybe;
      for (const auto& [set, sg] : outcome.conditional) passed = passed | set;
      std::string what = direction == model::RuleDirection::egress ? "egress" : "ingress";
      std::string none = "no " + what + " rule of " +
                         (outcome.addresses.empty() ? std::string("(no security group)") : outcome.addresses) +
                         " allows these packets";
      std::string partial_assumption;
      if (symbolic()) {
        // Rules naming the service's list pass the packets; CIDR rules only if they cover
        // every address the list may hold. Packets a rule allows for some addresses go on
        // as a possible path; their siblings are possibly dropped (R0.1).
        auto proven = allowed_for_every_address(frame.packets, outcome.allowed);
        auto some = spread(passed);
        drop(frame, (frame.packets - passed) & some, group_node, ExplanationCode::ENI_SG_RULES_MISMATCH,
             outcome.addresses, none + " for some of the addresses; " + symbolic_note(), false);
        passed = passed | some;
        outcome.maybe = outcome.maybe | (outcome.allowed - proven);
        outcome.allowed = proven;
        partial_assumption = "the addresses of " + service->prefix_list_id + " (" + service->name + ") lie in what " +
                             outcome.addresses + " allows (" + outcome.rules + ")";
      }
      auto denied = frame.packets - passed;
      drop(frame, denied, group_node, ExplanationCode::ENI_SG_RULES_MISMATCH, outcome.addresses, none);
      past_filter(frame, denied, group_node, ExplanationCode::ENI_SG_RULES_MISMATCH, outcome.addresses, then);
      Hop hop = hop_at(group_node, outcome.addresses, outcome.rules);
      if (!outcome.allowed.empty()) {
        Frame f = frame;
        f.packets = outcome.allowed;
        f.trail = extend(frame, hop);
        then(f);
      }
      if (!outcome.maybe.empty()) {
        Frame f = frame;
        f.packets = outcome.maybe;
        f.trail = extend(frame, hop);
        f.certain = false;
        f.assumptions.push_back(partial_assumption.empty()
                                    ? "an SG rule naming an AWS-managed prefix list matches (" + outcome.addresses + ")"
                                    : partial_assumption);
        then(f);
      }
      for (const auto& [set, sg] : outcome.conditional) {
        Frame f = frame;
        f.packets = set;
        f.trail = extend(frame, hop);
        f.condition = sg;
        then(f);
      }
    }

    std::optional<model::RouteTableId> table_of(std::uint32_t subnet) const {
      return s().effective_route_table(model::SubnetId{subnet});
    }

    void route_from_subnet(const Frame& frame, std::uint32_t subnet, PacketSet packets) {
      auto table = table_of(subnet);
      if (!table) {
        drop(frame, packets, impl.node(ObjectKind::subnet, subnet), ExplanationCode::UNKNOWN_TARGET,
             s().subnets[subnet].origin.address, "the subnet's route table is not in the loaded state", false);
        return;
      }
      Frame f = next(frame, Step::route, model::index(*table), subnet + 1, std::move(packets));
      f.az_subnet = subnet + 1;
      push(std::move(f));
    }

    // ---- steps -----------------------------------------------------------------------
    void leave_group(Frame& frame, const Key& key) {
      const auto& group = g().groups()[frame.at];
      frame.trail = extend(frame, hop_at(g().group_node(frame.at), group.origin.address, "sends"), key);
      security_groups(frame, frame.at, model::RuleDirection::egress, [&](Frame& f) { after_egress(f, frame.at); });
    }

    void after_egress(Frame& frame, std::uint32_t group_index) {
      const auto& group = g().groups()[group_index];
      auto subnet = model::index(group.subnet);
      const auto& cidr = s().subnets[subnet].ipv4_cidr;
      const auto& cidr6 = s().subnets[subnet].ipv6_cidr;
      DualAddressSet own{cidr ? AddressSet::of(*cidr) : AddressSet(v4), cidr6 ? AddressSet::of(*cidr6) : AddressSet(v6)};
      // Same subnet: delivered at layer 2, no route table, no NACL (R0.2).
      auto same = detail::with_destination_in(frame.packets, own);
      if (!same.empty()) {
        Frame f = next(frame, Step::local, model::index(group.vpc), subnet + 1, same);
        push(std::move(f));
      }
      frame.packets = frame.packets - same;
      if (frame.packets.empty()) return;
      nacl(frame, subnet, true, [&](Frame& f) { route_from_subnet(f, subnet, f.packets); });
    }

    void route(Frame& frame, const Key& key) {
      const auto& compiled = c().route_tables[frame.at];
      NodeId table_node = impl.node(ObjectKind::route_table, frame.at);
      const auto& table = s().route_tables[frame.at];
      for (const auto& note : compiled.notes) finding(frame, ExplanationCode::UNKNOWN_DATA, table.origin.address, note);
      if (symbolic() && mode == Mode::forward) {
        for (const auto& [list, chosen] : compiled.symbolic_routes) {
          if (list != service->prefix_list_id) continue;
          // The list's route takes every address of the service, but any route more
          // specific than an entry wins over it — static, propagated or another list's,
          // the longest prefix decides before the route type (R1.9, R1.10): with the
          // entries unknown, packets under such a route may leave by it instead (R0.1).
          // Another gateway endpoint's route is no rival: the AWS-managed lists of
          // different services (S3, DynamoDB) hold disjoint ranges.
          PacketSet packets = frame.packets;
          for (const auto& entry : compiled.routes.v4.entries()) {
            if (entry.prefix.length() == 0 || entry.value.target.kind == model::RouteTargetKind::local ||
                to_gateway_endpoint_service(entry.value.target))
              continue;
            auto taken = packets.with_destination_in(AddressSet::of(entry.prefix));
            drop(frame, taken, table_node, ExplanationCode::MORE_SPECIFIC_ROUTE, entry.value.origin.address,
                 "route " + entry.value.label + " may be more specific than an entry of " + list + " (R1.10); " +
                     symbolic_note(),
                 false);
            packets = packets - taken;
          }
          if (packets.empty()) return;
          Frame f = next(frame, frame.step, frame.at, frame.aux, packets);
          f.trail = extend(frame, hop_at(table_node, chosen.origin.address, "route " + chosen.label), key);
          to_target(f, chosen, compiled);
          return;
        }
      }
      // IPv4 and IPv6 are separate tables: 0.0.0.0/0 never matches IPv6 (R1.8).
      for (auto family : detail::families) {
        auto destinations = frame.packets.destinations(family);
        if (destinations.empty()) continue;
        for (auto& part : compiled.routes.of(family).partition(destinations)) {
          auto packets = frame.packets.with_destination_in(part.addresses);
          if (part.candidates.empty()) {
            drop(frame, packets, table_node, ExplanationCode::NO_ROUTE_TO_DESTINATION, table.origin.address,
                 "no route of " + id_or_address(table.origin) + " covers " + part.addresses.to_string());
            continue;
          }
          const auto& chosen = *detail::pick_lowest_rank(part.candidates);
          Frame f = next(frame, frame.step, frame.at, frame.aux, packets);
          std::string rule = "route " + chosen.label;
          const auto* loser = tie_loser(part.candidates, chosen, [](const detail::VpcRoute& a, const detail::VpcRoute& b) {
            return a.target.aws_id == b.target.aws_id;
          });
          if (loser) note_tie(f, rule, chosen.label, chosen.origin.address, loser->label, loser->origin.address);
          f.trail = extend(frame, hop_at(table_node, chosen.origin.address, rule), key);
          to_target(f, chosen, compiled);
        }
      }
    }

    // Of the same-prefix candidates, the best-ranked route to another target than `chosen`
    // that `chosen` beat on rank (R1.9, R8.4), if any; equal ranks are no priority (R1.10).
    template <class Route, class SameTarget>
    static const Route* tie_loser(std::span<const typename net::PrefixTable<Route>::Entry> candidates,
                                  const Route& chosen, SameTarget&& same_target) {
      const Route* loser = nullptr;
      for (const auto& candidate : candidates) {
        const auto& route = candidate.value;
        if (route.rank <= chosen.rank || same_target(route, chosen)) continue;
        if (!loser || route.rank < loser->rank) loser = &route;
      }
      return loser;
    }

    // Records on `frame` (and in the route step's `rule`) that its route won a same-prefix
    // tie: drops of these packets further on name the route that lost it.
    static void note_tie(Frame& frame, std::string& rule, const std::string& winner, const std::string& winner_address,
                         const std::string& loser, const std::string& loser_address) {
      auto tie = std::make_shared<RouteTie>();
      tie->winner = "route " + winner + (winner_address.empty() ? "" : " of " + winner_address);
      tie->loser = "route " + loser + (loser_address.empty() ? "" : " of " + loser_address);
      tie->winner_address = winner_address;
      rule += " (higher priority than the same-prefix " + tie->loser + ")";
      frame.tie = std::move(tie);
    }

    void to_target(Frame& frame, const detail::VpcRoute& route, const detail::CompiledRouteTable& table) {
      using TK = model::RouteTargetKind;
      NodeId here = frame.trail->hop.node;
      const auto& target = route.target;
      const std::uint32_t from_subnet = frame.aux;
      auto unknown = [&](std::string why) {
        drop(frame, frame.packets, here, ExplanationCode::UNKNOWN_TARGET, route.origin.address, std::move(why), false);
      };
      if (route.blackhole) {
        drop(frame, frame.packets, here, ExplanationCode::BAD_STATE_ROUTE, route.origin.address,
             "the route to " + target.aws_id + " is in state blackhole: dropped, no shorter route is used (R1.13)");
        return;
      }
      if (target.kind == TK::local) {
        push(next(frame, Step::local, model::index(table.vpc), from_subnet, frame.packets));
        return;
      }
      if (!target.resolved()) {
        unknown("target " + target.aws_id + " (" + std::string(model::to_string(target.kind)) +
                ") is not in the loaded state or not modelled");
        return;
      }
      const bool from_outside = frame.arrival == Arrival::peering || frame.arrival == Arrival::vpn_gateway ||
                                frame.arrival == Arrival::internet;
      // An IGW or egress-only IGW: only one attached to this VPC, and never for traffic
      // that entered from outside it (R2.11, R7.10).
      auto to_internet_gateway = [&](const model::Ref<model::VpcId>& attached_to, Step step, std::uint32_t at) {
        if (attached_to.id != std::optional(table.vpc)) {
          drop(frame, frame.packets, here, ExplanationCode::IGW_NOT_ATTACHED, route.origin.address,
               target.aws_id + " is not attached to this VPC");
        } else if (from_outside) {
          drop(frame, frame.packets, here, ExplanationCode::EDGE_TO_EDGE_NOT_SUPPORTED, route.origin.address,
               "traffic that entered over a peering, VPN/DX or the internet cannot leave by " + target.aws_id +
                   " (R2.11, R7.10)");
        } else {
          push(next(frame, step, at, 0, frame.packets));
        }
      };
      switch (target.kind) {
        case TK::internet_gateway: {
          auto igw = model::index(std::get<model::InternetGatewayId>(target.id));
          return to_internet_gateway(s().internet_gateways[igw].vpc, Step::igw_out, igw);
        }
        case TK::egress_only_internet_gateway: {
          auto eigw = model::index(std::get<model::EgressOnlyInternetGatewayId>(target.id));
          return to_internet_gateway(s().egress_only_internet_gateways[eigw].vpc, Step::eigw_out, eigw);
        }
        case TK::nat_gateway: {
          auto owned = g().groups_of({ObjectKind::nat_gateway, model::index(std::get<model::NatGatewayId>(target.id))});
          if (owned.empty()) return unknown("the NAT gateway has no subnet in state");
          push(next(frame, Step::enter_group, owned.front(), from_subnet, frame.packets));
          return;
        }
        case TK::instance:
        case TK::network_interface: {
          // The instance (or the ENI, which the graph may stand for by its instance, §1.4);
          // a route to a stopped instance or to an ENI attached to one is a blackhole.
          model::ObjectRef object{ObjectKind::instance, 0};
          std::optional<model::InstanceId> instance_id;
          if (auto* id = std::get_if<model::InstanceId>(&target.id)) {
            object.index = model::index(*id);
            instance_id = *id;
          } else {
            auto eni = std::get<model::NetworkInterfaceId>(target.id);
            object = {ObjectKind::network_interface, model::index(eni)};
            instance_id = s().get(eni).instance.id;
          }
          if (instance_id) {
            const auto& instance = s().get(*instance_id);
            if (!instance.state.empty() && instance.state != "running") {
              drop(frame, frame.packets, here, ExplanationCode::BAD_STATE_ROUTE, route.origin.address,
                   "the target instance is " + instance.state + ": the route is a blackhole (R1.13)");
              return;
            }
          }
          auto owned = g().groups_of(object);
          if (owned.empty()) return unknown("the target interface is not attached in state");
          Frame f = next(frame, Step::enter_group, owned.front(), from_subnet, frame.packets);
          push(std::move(f));
          return;
        }
        case TK::vpn_gateway: {
          auto vgw = model::index(std::get<model::VpnGatewayId>(target.id));
          if (s().vpn_gateways[vgw].vpc.id != std::optional(table.vpc)) {
            drop(frame, frame.packets, here, ExplanationCode::VGW_NOT_ATTACHED, route.origin.address,
                 target.aws_id + " is not attached to this VPC");
            return;
          }
          if (from_outside) {
            drop(frame, frame.packets, here, ExplanationCode::EDGE_TO_EDGE_NOT_SUPPORTED, route.origin.address,
                 "traffic that entered from outside the VPC cannot leave by the VGW (R7.4, R8.8)");
            return;
          }
          push(next(frame, Step::vgw_out, vgw, 0, frame.packets));
          return;
        }
        case TK::transit_gateway: return to_transit_gateway(frame, route, table);
        case TK::vpc_peering_connection: {
          auto pcx_id = std::get<model::VpcPeeringConnectionId>(target.id);
          const auto& pcx = s().get(pcx_id);
          if (!pcx.active()) {
            drop(frame, frame.packets, here, ExplanationCode::BAD_STATE_ROUTE, route.origin.address,
                 "peering " + target.aws_id + " is " + pcx.accept_status + ": the route is a blackhole (R8.9)");
            return;
          }
          if (frame.arrival != Arrival::local) {
            drop(frame, frame.packets, here, ExplanationCode::PCX_NOT_TRANSITIVE, route.origin.address,
                 "peering is not transitive (R8.8)");
            return;
          }
          std::optional<model::VpcId> peer;
          if (pcx.requester_vpc.id == std::optional(table.vpc)) peer = pcx.accepter_vpc.id;
          else if (pcx.accepter_vpc.id == std::optional(table.vpc)) peer = pcx.requester_vpc.id;
          if (!peer) return unknown("the peer VPC is not in the loaded state");
          NodeId pcx_node = impl.node(ObjectKind::vpc_peering_connection, model::index(pcx_id));
          auto to_peer = detail::with_destination_in(frame.packets, c().vpc_cidrs[model::index(*peer)]);
          drop(frame, frame.packets - to_peer, pcx_node, ExplanationCode::PCX_REQUIRES_ADDRESS_IN_VPC_CIDR,
               pcx.origin.address, "only the peer VPC's own addresses are reachable over a peering (R8.8)");
          Frame f = next(frame, Step::local, model::index(*peer), 0, to_peer);
          f.arrival = Arrival::peering;
          f.trail = extend(frame, hop_at(pcx_node, pcx.origin.address, "peering to " + s().get(*peer).origin.aws_id));
          push(std::move(f));
          return;
        }
        case TK::vpc_endpoint: return to_gateway_endpoint(frame, route, table);
        default: unknown("target kind " + std::string(model::to_string(target.kind)) + " is out of scope (R0.1)");
      }
    }

    // Whether a route target is a gateway endpoint (S3, DynamoDB), not a GWLB endpoint.
    bool to_gateway_endpoint_service(const model::RouteTarget& target) const {
      if (target.kind != model::RouteTargetKind::vpc_endpoint) return false;
      const auto* id = std::get_if<model::VpcEndpointId>(&target.id);
      return id != nullptr && s().vpc_endpoints[model::index(*id)].type == model::VpcEndpointType::gateway;
    }

    // A gateway endpoint (R2.16): packets of the VPC's own ENIs (or its NAT gateways) go to
    // its AWS service; packets that entered from a peering, TGW, VPN/DX or the internet
    // never use it (R2.16, R7.10). A GWLB endpoint hands them to an appliance (not modelled).
    void to_gateway_endpoint(Frame& frame, const detail::VpcRoute& route, const detail::CompiledRouteTable& table) {
      NodeId here = frame.trail->hop.node;
      auto endpoint_index = model::index(std::get<model::VpcEndpointId>(route.target.id));
      const auto& endpoint = s().vpc_endpoints[endpoint_index];
      auto svc = g().service_node(endpoint.prefix_list_id);
      if (endpoint.type != model::VpcEndpointType::gateway || !svc) {
        // A Gateway Load Balancer endpoint hands the packets to appliances moat does not
        // model: they may forward them anywhere (the internet included), so this is not
        // a proof of isolation (R0.1) — an uncertain drop. So is a gateway endpoint whose
        // service moat cannot tell (no prefix list in state).
        const bool gwlb = endpoint.type != model::VpcEndpointType::gateway;
        drop(frame, frame.packets, here, ExplanationCode::UNKNOWN_TARGET, route.origin.address,
             "route to " + endpoint.origin.aws_id + " (" + endpoint.origin.address + "): " +
                 (gwlb ? "a gateway load balancer endpoint hands the packets to appliances moat does not model"
                       : "a gateway endpoint whose service (prefix list) is not in the loaded state") +
                 "; they may go anywhere (R0.1)",
             false);
        return;
      }
      if (endpoint.vpc.id != std::optional(table.vpc)) {
        drop(frame, frame.packets, here, ExplanationCode::UNKNOWN_TARGET, route.origin.address,
             endpoint.origin.aws_id + " is not an endpoint of this VPC", false);
        return;
      }
      if (frame.arrival != Arrival::local) {
        drop(frame, frame.packets, here, ExplanationCode::EDGE_TO_EDGE_NOT_SUPPORTED, endpoint.origin.address,
             "traffic that entered the VPC over a peering, TGW, VPN/DX or the internet cannot use gateway endpoint " +
                 endpoint.origin.aws_id + " (R2.16, R7.10)");
        return;
      }
      const auto& name = g().node(*svc).name;
      if (!is_destination(*svc)) {
        drop(frame, frame.packets, here, ExplanationCode::GATEWAY_ENDPOINT_SERVICE_ONLY, endpoint.origin.address,
             endpoint.origin.aws_id + " delivers these packets to " + name + ", not to the destination");
        return;
      }
      NodeId endpoint_node = impl.node(ObjectKind::vpc_endpoint, endpoint_index);
      finding(frame, ExplanationCode::ENDPOINT_POLICY_NOT_EVALUATED, endpoint.origin.address,
              "the policy of " + endpoint.origin.aws_id + " is not evaluated: an endpoint or bucket policy may still "
              "deny the request (R5.8)");
      Frame f = frame;
      f.trail = extend(frame, hop_at(endpoint_node, endpoint.origin.address, "gateway endpoint to " + name));
      deliver(f, f.packets, *svc, hop_at(*svc, endpoint.origin.address, "delivered to " + name));
    }

    std::optional<model::TransitGatewayAttachmentId> vpc_attachment(model::VpcId vpc, model::TransitGatewayId tgw) const {
      auto it = c().vpc_attachments.find(std::pair(model::index(vpc), model::index(tgw)));
      if (it == c().vpc_attachments.end()) return std::nullopt;
      return it->second;
    }

    // The attachment subnet in the AZ of `subnet` (+1), if any; else nullopt.
    std::optional<std::uint32_t> attachment_subnet_in_az(const model::TransitGatewayAttachment& attachment,
                                                         std::uint32_t az_subnet) const {
      if (az_subnet == 0) {
        for (const auto& subnet : attachment.subnets) {
          if (subnet.id) return model::index(*subnet.id);
        }
        return std::nullopt;
      }
      const auto& az = s().subnets[az_subnet - 1].availability_zone;
      for (const auto& subnet : attachment.subnets) {
        if (subnet.id && s().get(*subnet.id).availability_zone == az) return model::index(*subnet.id);
      }
      return std::nullopt;
    }

    void to_transit_gateway(Frame& frame, const detail::VpcRoute& route, const detail::CompiledRouteTable& table) {
      NodeId here = frame.trail->hop.node;
      auto tgw = std::get<model::TransitGatewayId>(route.target.id);
      auto attachment_id = vpc_attachment(table.vpc, tgw);
      if (!attachment_id) {
        drop(frame, frame.packets, here, ExplanationCode::UNKNOWN_TARGET, route.origin.address,
             "no attachment of " + route.target.aws_id + " to this VPC is in the loaded state", false);
        return;
      }
      const auto& attachment = s().get(*attachment_id);
      if (!attachment.ipv6_support) {
        auto ipv6 = detail::of_family(frame.packets, v6);
        drop(frame, ipv6, here, ExplanationCode::TGW_ATTACHMENT_NO_IPV6, attachment.origin.address,
             "the attachment has ipv6_support disabled: IPv6 does not enter the TGW");
        frame.packets = frame.packets - ipv6;
        if (frame.packets.empty()) return;
      }
      auto entry = attachment_subnet_in_az(attachment, frame.az_subnet);
      if (!entry) {
        drop(frame, frame.packets, here, ExplanationCode::TGW_ATTACH_VPC_AZ_RESTRICTION, attachment.origin.address,
             "the attachment has no subnet in " +
                 (frame.az_subnet ? s().subnets[frame.az_subnet - 1].availability_zone : std::string("the source's AZ")) +
                 " (R8.1)");
        return;
      }
      auto onward = [&](Frame& in) {
        Frame f = next(in, Step::tgw, model::index(*attachment_id), 0, in.packets);
        f.arrival = Arrival::local;
        push(std::move(f));
      };
      // Entering the attachment subnet from another subnet: its NACL inbound (R3.11).
      if (frame.aux != 0 && frame.aux - 1 != *entry) nacl(frame, *entry, false, onward);
      else onward(frame);
    }

    void local(Frame& frame) {
      auto vpc = frame.at;
      for (auto family : detail::families) {
        auto destinations = frame.packets.destinations(family);
        if (destinations.empty()) continue;
        for (auto& part : c().subnets_by_vpc[vpc].of(family).partition(destinations)) {
          auto packets = frame.packets.with_destination_in(part.addresses);
          if (part.candidates.empty()) {
            drop(frame, packets, frame.trail ? frame.trail->hop.node : NodeId{}, ExplanationCode::NO_INTERFACE_AT_ADDRESS,
                 s().vpcs[vpc].origin.address, "no subnet of the VPC holds " + part.addresses.to_string() + " (R0.4)");
            continue;
          }
          auto subnet = part.candidates.front().value;
          Frame f = next(frame, Step::local, vpc, frame.aux, packets);
          deliver_in_subnet(f, subnet);
        }
      }
    }

    bool wants_group(std::uint32_t group) const {
      if (destination_nodes.empty() || destination_nodes.count(graph::index(g().group_node(group)))) return true;
      return false;
    }

    // The IPv4 addresses at which a group receives these packets. IPv4 that came in by an
    // IGW was sent to a public IPv4 and translated 1:1 to the private address of the
    // interface owning it (§1.4 IGW row): it is the group's only where the group's own
    // public IPv4s map, never a neighbour's whose possible addresses overlap them (an
    // internal LB, tasks without assign_public_ip: R2.2, R2.6, R4.1). Groups whose unknown
    // addresses may all carry the same public IPv4s all receive it (R0.1).
    static const AddressSet& receiving_v4(const Frame& frame, const graph::InterfaceGroup& group) {
      return frame.arrival == Arrival::internet ? group.public_mapped : group.addresses;
    }
    static PacketSet addressed_to(const Frame& frame, const PacketSet& packets, const graph::InterfaceGroup& group) {
      return detail::with_destination_in(packets, receiving_v4(frame, group), group.ipv6_addresses);
    }

    void deliver_in_subnet(Frame& frame, std::uint32_t subnet) {
      // Arriving from another subnet (or from outside): the subnet's NACL inbound.
      if (frame.aux != subnet + 1) nacl(frame, subnet, false, [&](Frame& f) { deliver_to_groups(f, subnet); });
      else deliver_to_groups(frame, subnet);
    }

    // Packets in `subnet` (its NACL inbound passed) to the interface groups holding them.
    void deliver_to_groups(const Frame& frame, std::uint32_t subnet) {
      NodeId subnet_node = impl.node(ObjectKind::subnet, subnet);
      const PacketSet& packets = frame.packets;
      if (packets.empty()) return;
      DualAddressSet owned;
      const auto groups = g().groups_in_subnet(model::SubnetId{subnet});
      bool undo_nat_here = false;
      for (auto group : groups) {
        owned.v4 = owned.v4 | receiving_v4(frame, g().groups()[group]);
        owned.v6 = owned.v6 | g().groups()[group].ipv6_addresses;
        if (mode == Mode::reply && frame.undo && frame.undo->kind == Translation::Kind::nat && frame.undo->at == group)
          undo_nat_here = true;
      }
      drop(frame, packets - detail::with_destination_in(packets, owned), subnet_node, ExplanationCode::NO_INTERFACE_AT_ADDRESS,
           s().subnets[subnet].origin.address, "no interface of the subnet holds these addresses (R0.4)");
      for (auto group : groups) {
        bool undo_here = undo_nat_here && frame.undo->at == group;
        if (undo_nat_here && !undo_here) continue;  // replies go back to the NAT that sent them
        if (!undo_here && !wants_group(group)) continue;
        auto mine = addressed_to(frame, packets, g().groups()[group]);
        if (mine.empty()) continue;
        Frame f = next(frame, Step::enter_group, group, subnet + 1, mine);  // NACL done
        push(std::move(f));
      }
    }

    void enter_group(Frame& frame, const Key& key) {
      auto subnet = model::index(g().groups()[frame.at].subnet);
      if (frame.aux != subnet + 1) {
        frame.aux = subnet + 1;
        nacl(frame, subnet, false, [&](Frame& f) { entered_group(f, key); });
        return;
      }
      entered_group(frame, key);
    }

    // Packets at an interface group, past its subnet's NACL inbound.
    void entered_group(Frame& frame, const Key& key) {
      const auto& group = g().groups()[frame.at];
      NodeId group_node = g().group_node(frame.at);
      auto subnet = model::index(group.subnet);
      frame.trail = extend(frame, hop_at(group_node, group.origin.address, "arrives"), key);
      auto to_self = addressed_to(frame, frame.packets, group);
      auto transit = frame.packets - to_self;
      const std::uint32_t group_index = frame.at;
      if (!to_self.empty() && group.role == graph::InterfaceRole::load_balancer && mode == Mode::forward &&
          frame.arrival == Arrival::internet && s().load_balancers[group.object.index].internal) {
        // ipv6.deny_all_igw_traffic: true on internal dual-stack LBs (the AWS default for
        // the scheme; the provider does not expose it), so IPv6 from the IGW stops (R2.7).
        auto ipv6 = detail::of_family(to_self, v6);
        drop(frame, ipv6, group_node, ExplanationCode::LB_DENY_ALL_IGW_TRAFFIC, group.origin.address,
             "the internal load balancer's ipv6.deny_all_igw_traffic (AWS default for internal) drops IPv6 from the "
             "IGW (R2.7)");
        to_self = to_self - ipv6;
      }
      if (!to_self.empty()) {
        Frame f = frame;
        f.packets = to_self;
        if (group.role == graph::InterfaceRole::nat_gateway) {
          if (mode == Mode::reply && f.undo && f.undo->kind == Translation::Kind::nat && f.undo->at == group_index) {
            undo_nat(f, group_index);
          } else {
            drop(f, to_self, group_node, ExplanationCode::NGW_NO_UNSOLICITED_INBOUND, group.origin.address,
                 "a NAT gateway accepts only replies to connections it made (R2.8)");
          }
        } else {
          security_groups(f, group_index, model::RuleDirection::ingress, [&](Frame& in) { arrive(in, group_index); });
        }
      }
      if (!transit.empty()) {
        Frame f = frame;
        f.packets = transit;
        if (group.role == graph::InterfaceRole::nat_gateway) {
          nat(f, group_index);
        } else if (group.forwards) {
          // An appliance: its SGs in and out, then its subnet's route table (R1.17: SG
          // references no longer match after it).
          security_groups(f, group_index, model::RuleDirection::ingress, [&](Frame& in) {
            in.source_group.reset();
            security_groups(in, group_index, model::RuleDirection::egress, [&](Frame& out) {
              nacl(out, subnet, true, [&](Frame& f) { route_from_subnet(f, subnet, f.packets); });
            });
          });
        } else {
          drop(f, transit, group_node, ExplanationCode::APPLIANCE_SOURCE_DEST_CHECK, group.origin.address,
               "the interface does not forward packets addressed to others (source/dest check on)");
        }
      }
    }

    void arrive(Frame& frame, std::uint32_t group_index) {
      const auto& group = g().groups()[group_index];
      NodeId group_node = g().group_node(group_index);
      if (frame.condition) {
        const auto& sgs = group.security_groups;
        if (std::find(sgs.begin(), sgs.end(), *frame.condition) == sgs.end()) {
          const auto& address = s().get(*frame.condition).origin.address;
          drop(frame, frame.packets, group_node, ExplanationCode::ENI_SG_RULES_MISMATCH, address,
               "the source allows egress only to members of " + s().get(*frame.condition).origin.aws_id);
          past_filter(frame, frame.packets, group_node, ExplanationCode::ENI_SG_RULES_MISMATCH, address, [&](Frame& f) {
            f.condition.reset();
            arrive(f, group_index);
          });
          return;
        }
      }
      PacketSet packets = frame.packets;
      std::string rule = "delivered";
      if (group.role == graph::InterfaceRole::load_balancer && mode == Mode::forward) {
        auto it = c().listener_packets.find(group.object.index);
        PacketSet accepted = it == c().listener_packets.end() ? PacketSet{} : it->second;
        drop(frame, packets - accepted, group_node, ExplanationCode::ELBV2_LISTENER_PORT_RESTRICTION, group.origin.address,
             "the load balancer has no listener for these packets (R4.2)");
        packets = packets & accepted;
        rule = "delivered to a listener";
      }
      Hop hop = hop_at(group_node, group.origin.address, rule);
      if (auto ipv6 = detail::of_family(packets, v6); !ipv6.empty() && !group.ipv6_assumption.empty()) {
        // IPv6 addresses the group has only under an assumption: a possible delivery.
        Frame f = frame;
        f.certain = false;
        f.assumptions.push_back(group.ipv6_assumption);
        deliver(f, ipv6, group_node, hop);
        packets = packets - ipv6;
      }
      deliver(frame, packets, group_node, std::move(hop));
    }

    void nat(Frame& frame, std::uint32_t group_index) {
      const auto& group = g().groups()[group_index];
      NodeId group_node = g().group_node(group_index);
      auto subnet = model::index(group.subnet);
      if (frame.arrival == Arrival::peering || frame.arrival == Arrival::vpn_gateway || frame.arrival == Arrival::internet) {
        drop(frame, frame.packets, group_node, ExplanationCode::NGW_REQUIRES_SOURCE_IN_VPC, group.origin.address,
             "traffic that arrived over a peering, VPN or DX cannot use a NAT gateway (R2.10)");
        return;
      }
      if (auto ipv6 = detail::of_family(frame.packets, v6); !ipv6.empty()) {
        // NAT64 (IPv6 to 64:ff9b::/96 translated to IPv4) is not modelled: the packets may
        // go on as IPv4 from the NAT gateway, so this is no proof of isolation (R0.1).
        drop(frame, ipv6, group_node, ExplanationCode::NAT64_NOT_MODELLED, group.origin.address,
             "IPv6 routed to a NAT gateway (NAT64 for 64:ff9b::/96) is not modelled: it may reach IPv4 destinations", false);
        frame.packets = frame.packets - ipv6;
        if (frame.packets.empty()) return;
      }
      auto protocols = net::ProtocolSet::of(net::protocol::tcp) | net::ProtocolSet::of(net::protocol::udp) |
                       net::ProtocolSet::of(net::protocol::icmp);
      auto all = AddressSet::all(v4);
      auto ok = frame.packets & PacketSet::of(net::HeaderBox{all, all, protocols, net::PortSet::all()});
      drop(frame, frame.packets - ok, group_node, ExplanationCode::NGW_PROTOCOL_RESTRICTION, group.origin.address,
           "NAT gateways forward TCP, UDP and ICMP only");
      if (ok.empty()) return;
      auto translation = std::make_shared<Translation>();
      translation->kind = Translation::Kind::nat;
      translation->at = group_index;
      translation->original_sources = ok.sources(v4);
      translation->before = ok;
      translation->parent = frame.lineage;
      translation->depth = frame.lineage ? frame.lineage->depth + 1 : 1;
      Frame f = frame;
      f.packets = ok.with_source_rewritten(group.addresses);
      f.lineage = translation;
      f.source_group.reset();
      f.sender = group_index;
      f.arrival = Arrival::local;
      f.trail = extend(frame, hop_at(group_node, group.origin.address,
                                     "source translated to " + group.addresses.to_string() +
                                         (group.public_mapped.empty() ? " (private NAT)" : "")));
      nacl(f, subnet, true, [&](Frame& out) { route_from_subnet(out, subnet, out.packets); });
    }

    void undo_nat(Frame& frame, std::uint32_t group_index) {
      const auto& group = g().groups()[group_index];
      auto subnet = model::index(group.subnet);
      Frame f = frame;
      f.packets = detail::with_destination_rewritten(frame.packets, frame.undo->original_sources);
      f.undo = frame.undo->parent;
      f.arrival = Arrival::local;  // from the NAT gateway, inside the VPC (as nat() does)
      f.trail = extend(frame, hop_at(g().group_node(group_index), group.origin.address,
                                     "reply translated back to " + frame.undo->original_sources.to_string()));
      nacl(f, subnet, true, [&](Frame& out) { route_from_subnet(out, subnet, out.packets); });
    }

    void igw_out(Frame& frame, const Key& key) {
      const auto& igw = s().internet_gateways[frame.at];
      NodeId igw_node = impl.node(ObjectKind::internet_gateway, frame.at);
      // IPv6 is forwarded as it is: no translation, no public mapping needed (R2.4).
      if (auto ipv6 = detail::of_family(frame.packets, v6); !ipv6.empty()) {
        Frame f = frame;
        f.packets = ipv6;
        ipv6_out(f, key, igw_node, igw.origin.address, "IPv6 out, no translation");
        frame.packets = frame.packets - ipv6;
        if (frame.packets.empty()) return;
      }
      auto vpc = model::index(*igw.vpc.id);
      // The IGW maps the source only if the ENI owning it has a public IPv4 (R2.1).
      const auto& mapped = frame.sender ? g().groups()[*frame.sender].public_mapped : c().public_mapped_by_vpc[vpc];
      auto with_public = frame.packets.with_source_in(mapped);
      auto without = frame.packets - with_public;
      if (!without.empty()) {
        const auto* sender = frame.sender ? &g().groups()[*frame.sender] : nullptr;
        if (sender && sender->role == graph::InterfaceRole::nat_gateway && sender->public_mapped.empty()) {
          // The NAT gateway's private connectivity decides, not the IGW (R2.9).
          drop(frame, without, igw_node, ExplanationCode::PRIVATE_NAT_NO_INTERNET, sender->origin.address,
               sender->origin.address + " is a private NAT gateway: the IGW drops the traffic it translated (R2.9)");
        } else {
          drop(frame, without, igw_node, ExplanationCode::IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, igw.origin.address,
               "the sources " + without.sources(v4).to_string() + " have no public IPv4 (R2.1)");
        }
        if (frame.source_group) {
          const auto& group = g().groups()[*frame.source_group];
          finding(frame, ExplanationCode::LATENT_INTERNET_EXPOSURE, group.origin.address,
                  group.name + " routes to " + igw.origin.aws_id + " (" + frame.trail->hop.address +
                      "): a public IPv4 on it would open an internet path");
        }
      }
      if (with_public.empty()) return;
      Frame f = next(frame, Step::internet_out, 0, 0, with_public);
      f.trail = extend(frame, hop_at(igw_node, igw.origin.address, "1:1 NAT to the public IPv4"), key);
      if (mode == Mode::forward) {
        auto translation = std::make_shared<Translation>();
        translation->kind = Translation::Kind::igw;
        translation->at = frame.at;
        translation->original_sources = with_public.sources(v4);
        translation->before = with_public;
        translation->parent = frame.lineage;
        translation->depth = frame.lineage ? frame.lineage->depth + 1 : 1;
        f.lineage = translation;
        f.packets = with_public.with_source_rewritten(detail::public_ipv4());
      } else {
        f.packets = with_public.with_source_rewritten(detail::public_ipv4());
      }
      f.source_group.reset();
      f.sender.reset();
      push(std::move(f));
    }

    // An egress-only IGW: IPv6 out, whoever initiated (replies included); nothing
    // initiated from the internet comes in (internet_in_ipv6).
    void eigw_out(Frame& frame, const Key& key) {
      const auto& eigw = s().egress_only_internet_gateways[frame.at];
      NodeId eigw_node = impl.node(ObjectKind::egress_only_internet_gateway, frame.at);
      auto ipv4 = detail::of_family(frame.packets, v4);
      drop(frame, ipv4, eigw_node, ExplanationCode::EIGW_IPV6_ONLY, eigw.origin.address,
           "an egress-only internet gateway forwards IPv6 only");
      frame.packets = frame.packets - ipv4;
      if (frame.packets.empty()) return;
      ipv6_out(frame, key, eigw_node, eigw.origin.address, "IPv6 out (egress-only), no translation");
    }

    // IPv6 leaving by an IGW or EIGW: global unicast sources go out untranslated (R2.4).
    // Other sources (unique-local, e.g. IPAM private IPv6) are not internet-routable; that
    // the gateway drops them is assumed, so the drop is uncertain (R0.1).
    void ipv6_out(Frame& frame, const Key& key, NodeId gateway, const std::string& address, const std::string& rule) {
      auto global = frame.packets.with_source_in(detail::public_ipv6());
      drop(frame, frame.packets - global, gateway, ExplanationCode::IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, address,
           "IPv6 sources outside 2000::/3 are not internet-routable: assumed dropped (R0.1)", false);
      if (global.empty()) return;
      Frame f = next(frame, Step::internet_out, 0, 0, global);
      f.trail = extend(frame, hop_at(gateway, address, rule), key);
      f.source_group.reset();
      f.sender.reset();
      push(std::move(f));
    }

    void internet_out(Frame& frame) {
      NodeId internet = g().internet();
      auto public_part = detail::with_destination_in(frame.packets, public_addresses());
      drop(frame, frame.packets - public_part, internet, ExplanationCode::NOT_PUBLIC_DESTINATION, "",
           "the internet does not route private or reserved destinations");
      if (service && mode == Mode::forward) {
        // An AWS service's public endpoint, reached over the internet.
        Frame f = frame;
        f.trail = extend(frame, Hop{internet, "internet", "", "to the public endpoint of " + service->name});
        deliver(f, public_part, service->node, hop_at(service->node, "", "delivered to " + service->name));
        return;
      }
      deliver(frame, public_part, internet, Hop{internet, "internet", "", "delivered"});
    }

    // Replies from an AWS service come back by the gateway endpoint the request took, into
    // the endpoint's VPC: only the destination subnet's NACL applies (R3.10).
    void service_in(Frame& frame, const Key& key) {
      frame.trail = extend(frame, hop_at(service->node, "", "replies"), key);
      if (!entry_endpoint) return;
      const auto& endpoint = s().vpc_endpoints[*entry_endpoint];
      if (!endpoint.vpc.id) return;
      Frame f = next(frame, Step::local, model::index(*endpoint.vpc.id), 0, frame.packets);
      f.trail = extend(frame, hop_at(impl.node(ObjectKind::vpc_endpoint, *entry_endpoint), endpoint.origin.address,
                                     "gateway endpoint back into the VPC"));
      f.arrival = Arrival::local;
      push(std::move(f));
    }

    void internet_in(Frame& frame, const Key& key) {
      NodeId internet = g().internet();
      frame.trail = extend(frame, Hop{internet, "internet", "", "sends"}, key);
      if (mode == Mode::forward) edge_ingress(frame);
      if (auto ipv6 = detail::of_family(frame.packets, v6); !ipv6.empty()) {
        Frame f = frame;
        f.packets = ipv6;
        internet_in_ipv6(f);
        frame.packets = frame.packets - ipv6;
        if (frame.packets.empty()) return;
      }
      if (mode == Mode::reply) {
        if (!frame.undo || frame.undo->kind != Translation::Kind::igw) {
          drop(frame, frame.packets, internet, ExplanationCode::NO_ROUTE_TO_DESTINATION, "", "no translation to reverse");
          return;
        }
        Frame f = next(frame, Step::igw_in, frame.undo->at, 0,
                       detail::with_destination_rewritten(frame.packets, frame.undo->original_sources));
        f.undo = frame.undo->parent;
        push(std::move(f));
        return;
      }
      auto public_sources = frame.packets.with_source_in(detail::public_ipv4());
      drop(frame, frame.packets - public_sources, internet, ExplanationCode::IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, "",
           "packets from the internet with private or reserved sources are dropped");
      // A private address stands for the public IPv4 mapped to it, in every VPC that maps
      // one there (VPCs may reuse private CIDRs): each such VPC's IGW takes the packets.
      PacketSet unmapped = public_sources;
      for (std::uint32_t i = 0; i < s().internet_gateways.size(); ++i) {
        const auto& igw = s().internet_gateways[i];
        if (!igw.vpc.id) continue;
        auto mine = public_sources.with_destination_in(public_mapped_towards_destinations(model::index(*igw.vpc.id)));
        if (mine.empty()) continue;
        unmapped = unmapped - mine;
        push(next(frame, Step::igw_in, i, 0, mine));
      }
      drop(frame, unmapped, internet, ExplanationCode::NO_ROUTE_TO_DESTINATION, "",
           "no destination interface behind an attached IGW has a public IPv4 for these addresses (the IGW "
           "translates a public IPv4 to the interface owning it alone)");
    }

    // The private addresses of a VPC whose public IPv4s lead to the destinations: those of
    // the destination interface groups, as the IGW delivers a translated packet to the
    // owner of its public IPv4 alone; every mapped address of the VPC when the
    // destinations are every node or include something other than an interface group.
    AddressSet public_mapped_towards_destinations(std::uint32_t vpc) const {
      const auto& all = c().public_mapped_by_vpc[vpc];
      if (destination_nodes.empty()) return all;
      AddressSet mapped(v4);
      for (auto n : destination_nodes) {
        const auto& node = g().node(NodeId{n});
        if (node.kind != graph::NodeKind::interface_group) return all;
        const auto& group = g().groups()[node.detail];
        if (model::index(group.vpc) == vpc) mapped = mapped | group.public_mapped;
      }
      return mapped;
    }

    // The internet reaches targets of edge services (Global Accelerator, CloudFront VPC
    // origins) without a public IP or IGW route; the addresses they see are not in state,
    // so their SGs and NACL are not evaluated and the path is possible only (R2.13, R0.1).
    void edge_ingress(const Frame& frame) {
      NodeId internet = g().internet();
      for (const auto& edge : impl.edge_ingresses) {
        for (auto group : edge.groups) {
          auto mine = detail::with_destination_in(frame.packets, g().groups()[group]) & edge.accepted;
          if (mine.empty()) continue;
          Frame f = frame;
          f.packets = std::move(mine);
          f.arrival = Arrival::internet;
          f.certain = false;
          f.assumptions.push_back(edge.assumption);
          f.trail = extend(frame, Hop{internet, edge.service, edge.address, "to " + edge.target + " (R2.13)"});
          arrive(f, group);
        }
      }
    }

    // IPv6 from the internet, untranslated: it enters the VPC whose IPv6 CIDRs hold the
    // destination by that VPC's IGW (any destination of the VPC: IPv6 is globally routable,
    // R2.4); by an egress-only IGW only replies come in.
    void internet_in_ipv6(Frame& frame) {
      NodeId internet = g().internet();
      PacketSet remaining = frame.packets;
      if (mode == Mode::forward) {
        remaining = frame.packets.with_source_in(c().internet_addresses.v6);
        drop(frame, frame.packets - remaining, internet, ExplanationCode::IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, "",
             "packets from the internet with IPv6 sources outside 2000::/3, or inside a loaded VPC's IPv6 CIDRs, are "
             "dropped");
      }
      for (std::uint32_t v = 0; v < c().vpc_cidrs.size() && !remaining.empty(); ++v) {
        const auto& cidrs = c().vpc_cidrs[v].v6;
        if (cidrs.empty()) continue;
        auto mine = remaining.with_destination_in(cidrs);
        if (mine.empty()) continue;
        remaining = remaining - mine;
        auto igw = c().igw_of_vpc[v];
        auto eigw = c().eigw_of_vpc[v];
        // Replies come back through the gateway the request left by.
        bool back_by_eigw =
            mode == Mode::reply && eigw &&
            (!igw || exit_gateway == impl.graph.node_of({ObjectKind::egress_only_internet_gateway, model::index(*eigw)}));
        if (back_by_eigw) {
          push(next(frame, Step::eigw_in, model::index(*eigw), 0, mine));
        } else if (igw) {
          push(next(frame, Step::igw_in, model::index(*igw), 0, mine));
        } else if (eigw) {
          const auto& gateway = s().get(*eigw);
          drop(frame, mine, impl.node(ObjectKind::egress_only_internet_gateway, model::index(*eigw)),
               ExplanationCode::EIGW_NO_UNSOLICITED_INBOUND, gateway.origin.address,
               gateway.origin.aws_id + " lets only replies to connections from the VPC in (R2.4)");
        } else {
          drop(frame, mine, internet, ExplanationCode::NO_ROUTE_TO_DESTINATION, s().vpcs[v].origin.address,
               "the VPC holding these IPv6 destinations has no internet gateway");
        }
      }
      drop(frame, remaining, internet, ExplanationCode::NO_ROUTE_TO_DESTINATION, "",
           "no VPC in the state holds these IPv6 destinations");
    }

    void igw_in(Frame& frame, const Key& key) {
      const auto& igw = s().internet_gateways[frame.at];
      NodeId igw_node = impl.node(ObjectKind::internet_gateway, frame.at);
      bool ipv6 = frame.packets.destinations(v4).empty();
      frame.trail = extend(
          frame, hop_at(igw_node, igw.origin.address, ipv6 ? "IPv6 in, no translation" : "1:1 NAT to the private IPv4"), key);
      Frame f = frame;
      f.arrival = Arrival::internet;
      f.source_group.reset();
      if (auto edge = c().edge_table_of_igw[frame.at]) {
        push(next(f, Step::route, model::index(*edge), 0, f.packets));
      } else {
        push(next(f, Step::local, model::index(*igw.vpc.id), 0, f.packets));
      }
    }

    void eigw_in(Frame& frame, const Key& key) {
      const auto& eigw = s().egress_only_internet_gateways[frame.at];
      NodeId eigw_node = impl.node(ObjectKind::egress_only_internet_gateway, frame.at);
      frame.trail =
          extend(frame, hop_at(eigw_node, eigw.origin.address, "IPv6 in (egress-only: replies only), no translation"), key);
      Frame f = frame;
      f.arrival = Arrival::internet;
      f.source_group.reset();
      push(next(f, Step::local, model::index(*eigw.vpc.id), 0, f.packets));
    }

    void vgw_out(Frame& frame, const Key& key) {
      const auto& vgw = s().vpn_gateways[frame.at];
      NodeId vgw_node = impl.node(ObjectKind::vpn_gateway, frame.at);
      frame.trail = extend(frame, hop_at(vgw_node, vgw.origin.address, "VGW"), key);
      const auto& known = c().vgw_networks[frame.at];
      std::vector<net::PrefixTable<std::uint32_t>::Entry> entries;
      for (std::uint32_t k = 0; k < known.size(); ++k) {
        for (const auto& cidr : g().external_networks()[known[k].network].cidrs) {
          // A Site-to-Site VPN on a VGW carries IPv4 only (R1.4 target table).
          if (cidr.family() == v4 || known[k].rank < 3) entries.push_back({cidr, k});
        }
      }
      detail::DualPrefixTable<std::uint32_t> table(std::move(entries));
      for (auto family : detail::families) {
        auto destinations = frame.packets.destinations(family);
        if (destinations.empty()) continue;
        for (auto& part : table.of(family).partition(destinations)) {
          auto packets = frame.packets.with_destination_in(part.addresses);
          if (part.candidates.empty()) {
            drop(frame, packets, vgw_node, ExplanationCode::VGW_NO_ROUTE, vgw.origin.address,
                 "the VGW learned no route for " + part.addresses.to_string() + " (R1.12)");
            continue;
          }
          // DX BGP > VPN static > VPN BGP (R1.12).
          const auto* best = &part.candidates.front();
          const detail::KnownNetwork* loser = nullptr;
          for (const auto& candidate : part.candidates) {
            if (known[candidate.value].rank < known[best->value].rank) best = &candidate;
          }
          const auto& k = known[best->value];
          for (const auto& candidate : part.candidates) {
            const auto& other = known[candidate.value];
            if (other.rank > k.rank && other.network != k.network && (!loser || other.rank < loser->rank)) loser = &other;
          }
          auto label = [&](const detail::KnownNetwork& n) { return "to " + g().external_networks()[n.network].name + " via " + n.via; };
          Frame f = next(frame, Step::external_out, k.network, 0, packets);
          std::string rule = label(k);
          if (loser) note_tie(f, rule, label(k), k.origin.address, label(*loser), loser->origin.address);
          f.trail = extend(frame, hop_at(vgw_node, k.origin.address, rule));
          push(std::move(f));
        }
      }
    }

    void vgw_in(Frame& frame, const Key& key) {
      const auto& vgw = s().vpn_gateways[frame.at];
      NodeId vgw_node = impl.node(ObjectKind::vpn_gateway, frame.at);
      frame.trail = extend(frame, hop_at(vgw_node, vgw.origin.address, "into the VPC"), key);
      Frame f = frame;
      f.arrival = Arrival::vpn_gateway;
      f.source_group.reset();
      if (auto edge = c().edge_table_of_vgw[frame.at]) {
        push(next(f, Step::route, model::index(*edge), 0, f.packets));
      } else {
        push(next(f, Step::local, model::index(*vgw.vpc.id), 0, f.packets));
      }
    }

    void tgw(Frame& frame, const Key& key) {
      const auto& attachment = s().transit_gateway_attachments[frame.at];
      NodeId tgw_node = attachment.transit_gateway.id
                            ? impl.node(ObjectKind::transit_gateway, model::index(*attachment.transit_gateway.id))
                            : NodeId{};
      frame.trail = extend(frame, hop_at(tgw_node, attachment.origin.address, "from attachment " + attachment.origin.aws_id), key);
      auto assoc = c().tgw_association.find(frame.at);
      if (assoc == c().tgw_association.end()) {
        const auto* gateway = attachment.transit_gateway.id ? &s().get(*attachment.transit_gateway.id) : nullptr;
        if (gateway != nullptr && attachment.default_route_table_association &&
            gateway->default_route_table_association && !gateway->association_default_route_table.empty() &&
            !gateway->association_default_route_table.resolved()) {
          // R0.1: the default table the attachment joins is not loaded, so its routes are unknown.
          drop(frame, frame.packets, tgw_node, ExplanationCode::UNKNOWN_TARGET, gateway->origin.address,
               "the attachment is associated with the TGW's default route table " +
                   gateway->association_default_route_table.aws_id + ", which is not in the loaded state",
               false);
          return;
        }
        drop(frame, frame.packets, tgw_node, ExplanationCode::TGW_ATTACHMENT_NOT_ASSOCIATED, attachment.origin.address,
             "the attachment is associated with no TGW route table (R8.2)");
        return;
      }
      const auto& table = s().transit_gateway_route_tables[assoc->second];
      NodeId table_node = impl.node(ObjectKind::transit_gateway_route_table, assoc->second);
      std::vector<net::PrefixTable<detail::TgwRoute>::Part> parts;
      for (auto family : detail::families) {
        auto destinations = frame.packets.destinations(family);
        if (destinations.empty()) continue;
        for (auto& part : c().tgw_tables[assoc->second].routes.of(family).partition(destinations))
          parts.push_back(std::move(part));
      }
      for (auto& part : parts) {
        auto packets = frame.packets.with_destination_in(part.addresses);
        if (part.candidates.empty()) {
          drop(frame, packets, table_node, ExplanationCode::TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT, table.origin.address,
               "no route of " + id_or_address(table.origin) + " covers " + part.addresses.to_string());
          continue;
        }
        const auto& route = *detail::pick_lowest_rank(part.candidates);
        Frame f = next(frame, Step::tgw, frame.at, 0, packets);
        std::string rule = "route " + route.label;
        const auto* loser = tie_loser(part.candidates, route, [](const detail::TgwRoute& a, const detail::TgwRoute& b) {
          return a.blackhole == b.blackhole && a.attachment == b.attachment;
        });
        if (loser) note_tie(f, rule, route.label, route.origin.address, loser->label, loser->origin.address);
        if (route.blackhole) {
          drop(f, packets, table_node, ExplanationCode::TGW_RTB_BLACKHOLE, route.origin.address, "route " + route.label);
          continue;
        }
        f.trail = extend(frame, hop_at(table_node, route.origin.address, rule));
        if (!route.attachment) {
          drop(f, packets, table_node, ExplanationCode::UNKNOWN_TARGET, route.origin.address,
               "the route's attachment is not in the loaded state", false);
          continue;
        }
        const auto& target = s().get(*route.attachment);
        using AK = model::TransitGatewayAttachmentKind;
        if (target.attachment_kind == AK::vpc) {
          if (!target.ipv6_support) {
            auto ipv6 = detail::of_family(packets, v6);
            drop(f, ipv6, table_node, ExplanationCode::TGW_ATTACHMENT_NO_IPV6, target.origin.address,
                 "the attachment has ipv6_support disabled: IPv6 does not enter its VPC");
            packets = packets - ipv6;
            if (packets.empty()) continue;
          }
          auto entry = attachment_subnet_in_az(target, f.az_subnet);
          if (!entry) entry = attachment_subnet_in_az(target, 0);
          if (!entry) {
            drop(f, packets, table_node, ExplanationCode::UNKNOWN_TARGET, target.origin.address,
                 "the VPC attachment has no subnet in state", false);
            continue;
          }
          push(next(f, Step::tgw_enter_vpc, model::index(*route.attachment), *entry + 1, packets));
        } else {
          auto networks = detail::networks_behind_tgw_attachment(g(), *route.attachment);
          PacketSet remaining = packets;
          for (const auto& k : networks) {
            auto mine = detail::with_destination_in(remaining, DualAddressSet::of(g().external_networks()[k.network].cidrs));
            if (mine.empty()) continue;
            remaining = remaining - mine;
            Frame out = next(f, Step::external_out, k.network, 0, mine);
            out.trail = extend(f, hop_at(tgw_node, k.origin.address, "to " + g().external_networks()[k.network].name + " via " + k.via));
            push(std::move(out));
          }
          drop(f, remaining, table_node, ExplanationCode::EXTERNAL_NETWORK_NO_ROUTE, target.origin.address,
               "no declared network behind " + target.origin.aws_id + " holds these destinations", networks.empty() ? false : true);
        }
      }
    }

    void tgw_enter_vpc(Frame& frame, const Key& key) {
      const auto& attachment = s().transit_gateway_attachments[frame.at];
      auto subnet = frame.aux - 1;
      NodeId subnet_node = impl.node(ObjectKind::subnet, subnet);
      frame.trail = extend(frame, hop_at(subnet_node, attachment.origin.address, "enters the VPC by attachment " + attachment.origin.aws_id), key);
      frame.arrival = Arrival::transit_gateway;
      frame.source_group.reset();
      // The attachment subnet's NACL outbound towards other subnets (R3.11), then its
      // route table (R8.3).
      frame.az_subnet = subnet + 1;
      nacl(frame, subnet, true, [&](Frame& f) { route_from_subnet(f, subnet, f.packets); });
    }

    void external_in(Frame& frame, const Key& key) {
      const auto& network = g().external_networks()[frame.at];
      NodeId here = g().external_node(frame.at);
      frame.trail = extend(frame, Hop{here, network.name, "", "sends"}, key);
      if (mode == Mode::forward) frame.packets = detail::with_source_in(frame.packets, DualAddressSet::of(network.cidrs));
      PacketSet learned_all;
      DualAddressSet suppressed;
      std::string suppressed_by;
      const model::DxGatewayAssociation* dangling = nullptr;  // names a gateway not in state
      std::string advertised_by;  // the first resource that decides what the network learns
      auto decided = [&](const model::Origin& origin) {
        if (advertised_by.empty()) advertised_by = origin.address;
      };
      for (const auto& via : network.via) {
        auto send = [&](const DualAddressSet& learned, Step step, std::uint32_t at, const model::Origin& origin, std::string what) {
          auto mine = detail::with_destination_in(frame.packets, learned);
          if (mine.empty()) return;
          learned_all = learned_all | mine;
          Frame f = next(frame, step, at, 0, mine);
          f.trail = extend(frame, Hop{here, network.name, origin.address, what});
          f.arrival = Arrival::vpn_gateway;
          push(std::move(f));
        };
        auto vgw_learned = [&](model::VpnGatewayId vgw) {
          const auto& gw = s().get(vgw);
          return gw.vpc.id ? c().vpc_cidrs[model::index(*gw.vpc.id)] : DualAddressSet{};
        };
        if (auto* vgw = std::get_if<model::VpnGatewayId>(&via.gateway)) {
          decided(s().get(*vgw).origin);
          send(vgw_learned(*vgw), Step::vgw_in, model::index(*vgw), s().get(*vgw).origin, "learned the VPC CIDRs from the VGW");
        } else if (auto* dx = std::get_if<model::DxGatewayId>(&via.gateway)) {
          for (const auto& assoc : s().dx_gateway_associations) {
            if (assoc.dx_gateway.id != *dx) continue;
            decided(assoc.origin);
            if (assoc.vpn_gateway.id) {
              // R7.2: a VPC CIDR is advertised only if an allowed prefix equals or contains it.
              const auto& gw = s().get(*assoc.vpn_gateway.id);
              if (!gw.vpc.id) continue;
              DualAddressSet learned;
              const auto& vpc = s().get(*gw.vpc.id);
              for (const auto* cidrs : {&vpc.ipv4_cidrs, &vpc.ipv6_cidrs}) {
                for (const auto& cidr : *cidrs) {
                  bool advertised = assoc.allowed_prefixes.empty() ||
                                    std::any_of(assoc.allowed_prefixes.begin(), assoc.allowed_prefixes.end(),
                                                [&](const net::Prefix& allowed) { return allowed.contains(cidr); });
                  auto& slot = advertised ? learned : suppressed;
                  slot = slot | DualAddressSet::of(AddressSet::of(cidr));
                  if (!advertised) suppressed_by = assoc.origin.address;
                }
              }
              send(learned, Step::vgw_in, model::index(*assoc.vpn_gateway.id), assoc.origin,
                   "learned " + learned.to_string() + " over " + s().get(*dx).origin.aws_id);
            } else if (assoc.transit_gateway.id) {
              // R7.3: the allowed prefixes themselves are advertised.
              auto attachment = assoc.transit_gateway_attachment.id;
              if (!attachment) {
                for (std::uint32_t a = 0; a < s().transit_gateway_attachments.size(); ++a) {
                  const auto& candidate = s().transit_gateway_attachments[a];
                  if (candidate.attachment_kind == model::TransitGatewayAttachmentKind::direct_connect_gateway &&
                      candidate.transit_gateway.id == assoc.transit_gateway.id &&
                      candidate.resource_id == s().get(*dx).origin.aws_id)
                    attachment = model::TransitGatewayAttachmentId{a};
                }
              }
              if (!attachment) continue;
              auto learned = DualAddressSet::of(assoc.allowed_prefixes);
              send(learned, Step::tgw, model::index(*attachment), assoc.origin,
                   "learned " + learned.to_string() + " over " + s().get(*dx).origin.aws_id);
            } else {
              dangling = &assoc;
            }
          }
        } else if (auto* vpn_id = std::get_if<model::VpnConnectionId>(&via.gateway)) {
          const auto& vpn = s().get(*vpn_id);
          decided(vpn.origin);
          if (vpn.vpn_gateway.id) {
            // A Site-to-Site VPN on a VGW carries IPv4 only (R1.4 target table).
            send(DualAddressSet{vgw_learned(*vpn.vpn_gateway.id).v4, AddressSet(v6)}, Step::vgw_in,
                 model::index(*vpn.vpn_gateway.id), vpn.origin,
                 "learned the VPC CIDRs over " + vpn.origin.aws_id);
          } else if (vpn.transit_gateway_attachment.id) {
            auto assoc = c().tgw_association.find(model::index(*vpn.transit_gateway_attachment.id));
            DualAddressSet learned;
            if (assoc != c().tgw_association.end()) {
              for (auto family : detail::families) {
                for (const auto& entry : c().tgw_tables[assoc->second].routes.of(family).entries()) {
                  if (!entry.value.blackhole) learned[family] = learned[family] | AddressSet::of(entry.prefix);
                }
              }
            }
            send(learned, Step::tgw, model::index(*vpn.transit_gateway_attachment.id), vpn.origin,
                 "learned the TGW routes over " + vpn.origin.aws_id);
          }
        } else {
          finding(frame, ExplanationCode::UNKNOWN_DATA, "", network.name + ": an attachment straight to a TGW is not modelled; name its DX gateway or VPN");
        }
      }
      auto rest = frame.packets - learned_all;
      auto excluded = detail::with_destination_in(rest, suppressed);
      drop(frame, excluded, here, ExplanationCode::DXGW_ALLOWED_PREFIXES_EXCLUDE_VPC, suppressed_by,
           "the DX gateway association's allowed prefixes do not cover the VPC CIDR " + suppressed.to_string() +
               ", so it is never advertised (R7.2)");
      if (dangling) {
        // R0.1: what the missing gateway would advertise is unknown.
        drop(frame, rest - excluded, here, ExplanationCode::UNKNOWN_TARGET, dangling->origin.address,
             network.name + " learned no route for these destinations: the DX gateway association names " +
                 (dangling->associated_gateway_id.empty() ? std::string("a gateway") : dangling->associated_gateway_id) +
                 ", which is not in the loaded state",
             false);
      } else {
        drop(frame, rest - excluded, here, ExplanationCode::EXTERNAL_NETWORK_NO_ROUTE, advertised_by,
             network.name + " learned no route for these destinations over its attachments");
      }
    }

    void external_out(Frame& frame) {
      const auto& network = g().external_networks()[frame.at];
      NodeId here = g().external_node(frame.at);
      auto inside = detail::with_destination_in(frame.packets, DualAddressSet::of(network.cidrs));
      drop(frame, frame.packets - inside, here, ExplanationCode::EXTERNAL_NETWORK_NO_ROUTE, "",
           network.name + " does not hold these destinations");
      deliver(frame, inside, here, Hop{here, network.name, "", "delivered"});
    }
  };

  // ---- endpoints ---------------------------------------------------------------------
  struct Location {
    enum class Kind : std::uint8_t { group, internet, external, service } kind = Kind::group;
    std::uint32_t index = 0;  // group, declared network or service (Impl::services)
    NodeId node{};
    DualAddressSet addresses;  // source / destination addresses of the location, both families
  };

  std::vector<Location> locations(const Endpoint& endpoint) const {
    std::vector<Location> found;
    auto add_group = [&](std::uint32_t g) {
      found.push_back({Location::Kind::group, g, graph.group_node(g), DualAddressSet::of(graph.groups()[g])});
    };
    switch (endpoint.kind) {
      case Endpoint::Kind::object:
        for (auto g : graph.groups_of(endpoint.object)) add_group(g);
        break;
      case Endpoint::Kind::subnet:
        for (auto g : graph.groups_in_subnet(model::SubnetId{endpoint.object.index})) add_group(g);
        break;
      case Endpoint::Kind::external_network:
        if (auto n = graph.find_external(endpoint.name)) {
          found.push_back({Location::Kind::external, *n, graph.external_node(*n),
                           DualAddressSet::of(graph.external_networks()[*n].cidrs)});
        }
        break;
      case Endpoint::Kind::internet:
        found.push_back({Location::Kind::internet, 0, graph.internet(), compiled.internet_addresses});
        break;
      case Endpoint::Kind::aws_service:
        if (auto i = find_service(endpoint.name)) {
          found.push_back({Location::Kind::service, *i, services[*i].node, services[*i].addresses});
        } else {
          // No gateway endpoint names the service: its public addresses, over the internet.
          found.push_back({Location::Kind::internet, 0, graph.internet(), compiled.internet_addresses});
        }
        break;
      case Endpoint::Kind::addresses: {
        auto wanted = DualAddressSet::of(endpoint.addresses);
        for (std::uint32_t g = 0; g < graph.groups().size(); ++g) {
          auto mine = DualAddressSet::of(graph.groups()[g]) & wanted;
          if (!mine.empty()) found.push_back({Location::Kind::group, g, graph.group_node(g), mine});
        }
        for (std::uint32_t n = 0; n < graph.external_networks().size(); ++n) {
          auto mine = DualAddressSet::of(graph.external_networks()[n].cidrs) & wanted;
          if (!mine.empty()) found.push_back({Location::Kind::external, n, graph.external_node(n), mine});
        }
        if (auto mine = wanted & compiled.internet_addresses; !mine.empty()) {
          found.push_back({Location::Kind::internet, 0, graph.internet(), mine});
        }
        break;
      }
    }
    return found;
  }

  static Frame start_frame(const Location& source, PacketSet packets) {
    Frame frame;
    frame.packets = std::move(packets);
    switch (source.kind) {
      case Location::Kind::group:
        frame.step = Step::leave_group;
        frame.at = source.index;
        frame.source_group = source.index;
        frame.sender = source.index;
        break;
      case Location::Kind::internet: frame.step = Step::internet_in; break;
      case Location::Kind::external:
        frame.step = Step::external_in;
        frame.at = source.index;
        break;
      case Location::Kind::service: frame.step = Step::service_in; break;
    }
    return frame;
  }

  FlowResult trace(const Location& source, const PacketSet& packets, const std::set<std::uint32_t>& destinations, Mode mode,
                   TranslationPtr undo, std::optional<NodeId> exit_gateway = std::nullopt, const Service* service = nullptr,
                   std::optional<std::uint32_t> entry_endpoint = std::nullopt, const FlowOptions& options = {},
                   const std::string& behind = {}) const {
    Run run{*this, mode, destinations, {}, {}, {}, source.node, exit_gateway, service, entry_endpoint,
            options.behind_filters};
    if (run.symbolic() && mode == Mode::forward) run.finding(ExplanationCode::UNKNOWN_DATA, "", run.symbolic_note());
    Frame frame = start_frame(source, packets);
    frame.undo = std::move(undo);
    frame.behind = behind;
    if (source.kind == Location::Kind::group && !graph.groups()[source.index].ipv6_assumption.empty()) {
      // IPv6 sent from addresses the group has only under an assumption: possible paths.
      Frame ipv6 = frame;
      ipv6.packets = detail::of_family(frame.packets, v6);
      ipv6.certain = false;
      ipv6.assumptions.push_back(graph.groups()[source.index].ipv6_assumption);
      frame.packets = frame.packets - ipv6.packets;
      run.push(std::move(ipv6));
    }
    run.push(std::move(frame));
    run.run();
    return std::move(run.result);
  }

  FlowResult flow(const std::vector<Endpoint>& sources, const PacketSet& header_space,
                  const std::vector<Endpoint>& destinations, const FlowOptions& options) const {
    std::set<std::uint32_t> destination_nodes;
    DualAddressSet destination_addresses;
    std::vector<Location> service_destinations;  // each a run of its own
    for (const auto& endpoint : destinations) {
      for (const auto& location : locations(endpoint)) {
        if (location.kind == Location::Kind::service) {
          service_destinations.push_back(location);
          continue;
        }
        destination_nodes.insert(graph::index(location.node));
        destination_addresses = destination_addresses | location.addresses;
        // The IPv4 internet is also reached at its NAT64 names through a NAT gateway.
        if (location.kind == Location::Kind::internet)
          destination_addresses.v6 = destination_addresses.v6 | detail::nat64_prefix();
      }
    }
    PacketSet space = destinations.empty() ? header_space : detail::with_destination_in(header_space, destination_addresses);
    FlowResult result;
    for (const auto& endpoint : sources) {
      for (const auto& location : locations(endpoint)) {
        auto packets = detail::with_source_in(space, location.addresses);
        if (!destinations.empty() && destination_nodes.empty()) packets = {};
        merge(result, trace(location, packets, destination_nodes, Mode::forward, nullptr, std::nullopt, nullptr,
                            std::nullopt, options));
        for (const auto& target : service_destinations) {
          auto to_service = detail::with_destination_in(detail::with_source_in(header_space, location.addresses), target.addresses);
          merge(result, trace(location, to_service, {graph::index(target.node)}, Mode::forward, nullptr, std::nullopt,
                              &services[target.index], std::nullopt, options));
        }
      }
    }
    return result;
  }

  static void merge(FlowResult& into, FlowResult from) {
    for (auto& part : from.delivered) into.delivered.push_back(std::move(part));
    for (auto& part : from.dropped) into.dropped.push_back(std::move(part));
    for (auto& part : from.delivered_behind) into.delivered_behind.push_back(std::move(part));
    for (auto& part : from.dropped_behind) into.dropped_behind.push_back(std::move(part));
    for (auto& f : from.findings) {
      bool seen = std::any_of(into.findings.begin(), into.findings.end(), [&](const Finding& g) {
        return g.code == f.code && g.address == f.address && g.detail == f.detail;
      });
      if (!seen) into.findings.push_back(std::move(f));
    }
  }

  std::optional<Location> location_of(NodeId node) const {
    const auto& n = graph.node(node);
    switch (n.kind) {
      case graph::NodeKind::interface_group:
        return Location{Location::Kind::group, n.detail, node, DualAddressSet::of(graph.groups()[n.detail])};
      case graph::NodeKind::internet: return Location{Location::Kind::internet, 0, node, compiled.internet_addresses};
      case graph::NodeKind::external_network:
        return Location{Location::Kind::external, n.detail, node, DualAddressSet::of(graph.external_networks()[n.detail].cidrs)};
      case graph::NodeKind::aws_service:
        if (auto i = find_service_at(node)) return Location{Location::Kind::service, *i, node, services[*i].addresses};
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  // With behind_filters, replies dropped by a NACL go on as if it had allowed them; the
  // replies of a part delivered only behind a filter are all behind it (part.behind).
  FlowResult replies(const DeliveredPart& part, const FlowOptions& options = {}) const {
    auto from = location_of(part.destination);
    if (!from) return {};
    TranslationPtr chain;
    for (const auto& t : part.translations) {
      auto translation = std::make_shared<Translation>();
      const auto& n = graph.node(t.at);
      bool nat = t.kind == SourceTranslation::Kind::nat_gateway;
      translation->kind = nat ? Translation::Kind::nat : Translation::Kind::igw;
      translation->at = nat ? n.detail : n.object->index;
      translation->original_sources = t.original_sources;
      translation->before = t.before;
      translation->parent = chain;
      translation->depth = chain ? chain->depth + 1 : 1;
      chain = translation;
    }
    // The last internet gateway the request passed (IPv6 is not translated, so no
    // SourceTranslation names it).
    std::optional<NodeId> exit_gateway;
    for (const auto& hop : part.path) {
      auto kind = graph.node(hop.node).kind;
      if (kind == graph::NodeKind::internet_gateway || kind == graph::NodeKind::egress_only_internet_gateway)
        exit_gateway = hop.node;
    }
    auto reply = part.packets.reversed(net::PortSet::range(1024, 65535));
    if (from->kind == Location::Kind::service) {
      // Back by the gateway endpoint the request took, else from the public endpoint over
      // the internet.
      const Service* service = &services[from->index];
      std::optional<std::uint32_t> endpoint;
      for (const auto& hop : part.path) {
        const auto& n = graph.node(hop.node);
        if (n.kind == graph::NodeKind::gateway_endpoint && n.object) endpoint = n.object->index;
      }
      if (!endpoint) {
        Location internet{Location::Kind::internet, 0, graph.internet(), compiled.internet_addresses};
        return trace(internet, reply, {graph::index(part.source)}, Mode::reply, chain, exit_gateway, service, std::nullopt,
                     options, part.behind);
      }
      return trace(*from, reply, {graph::index(part.source)}, Mode::reply, chain, exit_gateway, service, endpoint, options,
                   part.behind);
    }
    return trace(*from, reply, {graph::index(part.source)}, Mode::reply, chain, exit_gateway, nullptr, std::nullopt,
                 options, part.behind);
  }

  static void mark_return(FlowResult& replies) {
    for (auto* drops : {&replies.dropped, &replies.dropped_behind}) {
      for (auto& drop : *drops) {
        // "behind <blocker>: " stays in front.
        auto prefix = drop.behind.empty() ? std::string() : "behind " + drop.behind + ": ";
        MOAT_ASSERT(drop.detail.starts_with(prefix), "a drop behind a filter says so first");
        drop.detail = prefix + "return path: " + drop.detail.substr(prefix.size());
      }
    }
  }

  Verdict reachable(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to, const net::ProtocolSet& protocols,
                    const net::PortSet& ports) const {
    Verdict verdict;
    bool failed = false, uncertain = false, no_common_family = false;
    std::vector<Location> sources, targets;
    for (const auto& e : from) {
      auto l = locations(e);
      sources.insert(sources.end(), l.begin(), l.end());
    }
    for (const auto& e : to) {
      auto l = locations(e);
      targets.insert(targets.end(), l.begin(), l.end());
    }
    if (sources.empty() || targets.empty()) {
      verdict.status = VerdictStatus::fails;
      verdict.summary = "no interface or network stands for the source or the destination";
      return verdict;
    }
    // Drops found behind an earlier filter drop: listed only when the verdict fails.
    std::vector<DroppedPart> behind;
    const FlowOptions continuation{true};
    for (const auto& source : sources) {
      for (const auto& target : targets) {
        // A "must reach" is proven over IPv4 when both ends have IPv4 (what A records and
        // IPv4-only target groups give clients), over IPv6 when only IPv6 joins them.
        auto family = !source.addresses.v4.empty() && !target.addresses.v4.empty() ? v4 : v6;
        auto requested =
            PacketSet::of(net::HeaderBox{source.addresses[family], target.addresses[family], protocols, ports});
        if (requested.empty()) {
          // Both ends have addresses but in no common family: nothing can connect them.
          if (!source.addresses.empty() && !target.addresses.empty()) no_common_family = failed = true;
          continue;
        }
        const Service* service = target.kind == Location::Kind::service ? &services[target.index] : nullptr;
        auto forward = trace(source, requested, {graph::index(target.node)}, Mode::forward, nullptr, std::nullopt, service,
                             std::nullopt, continuation);
        PacketSet proven, maybe;
        // Whether a drop of this pair is certain, or any drop was found at all (R0.1: a
        // failure resting only on uncertain drops is unknown).
        bool certain_drop = false, any_drop = !forward.dropped.empty();
        for (const auto& part : forward.delivered) {
          if (!part.certain) {
            // Delivered only under an assumption: the assumption is why the pair is unknown.
            maybe = maybe | part.sent;
            for (const auto& assumption : part.assumptions)
              merge_findings(verdict.findings, {Finding{ExplanationCode::UNKNOWN_DATA, "", assumption}});
            continue;
          }
          auto back = replies(part, continuation);
          mark_return(back);
          bool returned = !back.delivered.empty() && back.dropped.empty() &&
                          std::all_of(back.delivered.begin(), back.delivered.end(), [](const auto& p) { return p.certain; });
          if (returned) {
            proven = proven | part.sent;
          } else {
            any_drop = any_drop || !back.dropped.empty();
            for (auto& drop : back.dropped) {
              certain_drop = certain_drop || drop.certain;
              verdict.blockers.push_back(std::move(drop));
            }
            if (back.dropped.empty()) uncertain = true;
          }
          for (auto& drop : back.dropped_behind) behind.push_back(std::move(drop));
          merge_findings(verdict.findings, back.findings);
        }
        for (const auto& part : forward.delivered_behind) {
          // Delivered only behind a filter: what would stop the replies is behind it too.
          auto back = replies(part, continuation);
          mark_return(back);
          MOAT_ASSERT(back.dropped.empty() && back.delivered.empty(), "replies behind a filter stay behind it");
          for (auto& drop : back.dropped_behind) behind.push_back(std::move(drop));
        }
        for (auto& drop : forward.dropped) {
          certain_drop = certain_drop || drop.certain;
          verdict.blockers.push_back(std::move(drop));
        }
        for (auto& drop : forward.dropped_behind) behind.push_back(std::move(drop));
        merge_findings(verdict.findings, forward.findings);
        auto missing = requested - proven;
        if (missing.empty()) continue;
        if (missing.subset_of(maybe) || (any_drop && !certain_drop)) uncertain = true;
        else failed = true;
      }
    }
    verdict.status = failed ? VerdictStatus::fails : uncertain ? VerdictStatus::unknown : VerdictStatus::holds;
    std::size_t first_blockers = verdict.blockers.size();
    // The hypothetical continuation only adds lines to fix to a failing verdict.
    if (verdict.status == VerdictStatus::fails) {
      for (auto& drop : behind) verdict.blockers.push_back(std::move(drop));
    }
    verdict.summary = verdict.holds() ? "every source reaches every destination, replies included"
                                      : std::to_string(first_blockers) + " blocker(s)";
    if (verdict.blockers.size() > first_blockers)
      verdict.summary += ", " + std::to_string(verdict.blockers.size() - first_blockers) + " more behind them";
    if (verdict.status == VerdictStatus::unknown && !verdict.blockers.empty())
      verdict.summary += "; every blocker rests on data absent from state (R0.1)";
    if (no_common_family) verdict.summary += "; a source and a destination have no address family (IPv4/IPv6) in common";
    return verdict;
  }

  static void merge_findings(std::vector<Finding>& into, const std::vector<Finding>& from) {
    for (const auto& f : from) {
      bool seen = std::any_of(into.begin(), into.end(), [&](const Finding& g) {
        return g.code == f.code && g.address == f.address && g.detail == f.detail;
      });
      if (!seen) into.push_back(f);
    }
  }

  Verdict isolated(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to, const PacketSet& header_space) const {
    Verdict verdict;
    auto result = flow(from, header_space, to, {});
    bool certain_path = false, maybe_path = false;
    for (auto& part : result.delivered) {
      (part.certain ? certain_path : maybe_path) = true;
      if (part.certain) {
        auto back = replies(part);
        if (!back.delivered.empty()) part.reply_path = std::move(back.delivered.front().path);
      }
      verdict.counterexamples.push_back(std::move(part));
    }
    for (auto& drop : result.dropped) {
      if (drop.certain) {
        verdict.barriers.push_back(std::move(drop));
      } else {
        maybe_path = true;
        verdict.blockers.push_back(std::move(drop));
      }
    }
    verdict.findings = std::move(result.findings);
    verdict.status = certain_path ? VerdictStatus::fails : maybe_path ? VerdictStatus::unknown : VerdictStatus::holds;
    verdict.summary = certain_path ? "a path exists (see counterexamples)"
                      : maybe_path ? "a path may exist: it depends on data absent from state (R0.1)"
                                   : "no packet gets through";
    return verdict;
  }
};

Network::Network(const model::Snapshot& snapshot, std::vector<graph::ExternalNetwork> external_networks)
    : impl_(std::make_unique<Impl>(snapshot, std::move(external_networks))) {}
Network::~Network() = default;
Network::Network(Network&&) noexcept = default;
Network& Network::operator=(Network&&) noexcept = default;

const graph::ForwardingGraph& Network::graph() const { return impl_->graph; }

FlowResult Network::flow(const std::vector<Endpoint>& sources, const net::PacketSet& header_space,
                         const std::vector<Endpoint>& destinations, const FlowOptions& options) const {
  return impl_->flow(sources, header_space, destinations, options);
}

FlowResult Network::replies(const DeliveredPart& part) const { return impl_->replies(part); }

Verdict Network::reachable(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to,
                           const net::ProtocolSet& protocols, const net::PortSet& ports) const {
  return impl_->reachable(from, to, protocols, ports);
}

Verdict Network::isolated(const std::vector<Endpoint>& from, const std::vector<Endpoint>& to,
                          const net::PacketSet& header_space) const {
  return impl_->isolated(from, to, header_space);
}

}  // namespace moat::fwd

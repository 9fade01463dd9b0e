// Pass C, references half: every Ref and route target gets its strong id when the
// referent is loaded; each unresolved reference becomes one diagnostic.

#include <map>
#include <set>
#include <utility>

#include "builder.hpp"

namespace moat::tfstate {

using namespace moat::model;

namespace {

template <class Id>
struct ObjectOf;
#define MOAT_TFSTATE_X_OBJECT_OF(Type, kind_name, member) \
  template <>                                             \
  struct ObjectOf<Type##Id> {                             \
    using type = Type;                                    \
  };
MOAT_MODEL_OBJECT_TYPES(MOAT_TFSTATE_X_OBJECT_OF)
#undef MOAT_TFSTATE_X_OBJECT_OF

class Resolver {
 public:
  explicit Resolver(Snapshot& snapshot) : snapshot_(snapshot) {
    for (std::uint32_t i = 0; i < snapshot.instances.size(); ++i) {
      const auto& eni = snapshot.instances[i].primary_network_interface.aws_id;
      if (!eni.empty()) primary_enis_.emplace(eni, InstanceId{i});
    }
  }

  template <class Id>
  void operator()(Ref<Id>& ref, const Origin& from) {
    using T = typename ObjectOf<Id>::type;
    if (ref.empty()) return;
    ref.id = snapshot_.find<T>(ref.aws_id);
    if (!ref.id) unresolved(from, ref.aws_id, to_string(T::kind), "");
  }

  template <class Id>
  void operator()(std::vector<Ref<Id>>& refs, const Origin& from) {
    for (auto& ref : refs) (*this)(ref, from);
  }

  void operator()(RouteTarget& target, const Origin& from) {
    switch (target.kind) {
      case RouteTargetKind::internet_gateway: return resolve_target<InternetGateway>(target, from);
      case RouteTargetKind::egress_only_internet_gateway: return resolve_target<EgressOnlyInternetGateway>(target, from);
      case RouteTargetKind::nat_gateway: return resolve_target<NatGateway>(target, from);
      case RouteTargetKind::vpn_gateway: return resolve_target<VpnGateway>(target, from);
      case RouteTargetKind::transit_gateway: return resolve_target<TransitGateway>(target, from);
      case RouteTargetKind::vpc_peering_connection: return resolve_target<VpcPeeringConnection>(target, from);
      case RouteTargetKind::vpc_endpoint: return resolve_target<VpcEndpoint>(target, from);
      case RouteTargetKind::network_interface:
        // An instance's primary ENI is seldom a resource of its own: the route then goes to
        // the instance (v5 state names only the ENI where v3/v4 also had instance_id).
        if (!snapshot_.find<NetworkInterface>(target.aws_id)) {
          if (auto it = primary_enis_.find(target.aws_id); it != primary_enis_.end()) {
            target.id = it->second;
            return;
          }
        }
        return resolve_target<NetworkInterface>(target, from);
      case RouteTargetKind::instance: return resolve_target<Instance>(target, from);
      case RouteTargetKind::local:
      case RouteTargetKind::unsupported:
      case RouteTargetKind::unknown: return;
    }
  }

  void info(const Origin& from, std::string code, std::string message) {
    pending_.push_back(Diagnostic{Severity::info, std::move(code), from.file, from.address, std::move(message)});
  }

 private:
  template <class T>
  void resolve_target(RouteTarget& target, const Origin& from) {
    if (auto id = snapshot_.find<T>(target.aws_id)) {
      target.id = *id;
    } else {
      unresolved(from, target.aws_id, to_string(T::kind), ": treated as unknown");
    }
  }

  // An ENI route target: the aws_network_interface, else the instance whose primary ENI
  // it is (provider v5 routes name network_interface_id = aws_instance.x.primary_network_interface_id
  // and compute instance_id; the ENI itself is then no resource in state, §1.4).
  void unresolved(const Origin& from, const std::string& aws_id, std::string_view kind, std::string_view fallback) {
    if (!reported_.emplace(from.address, aws_id).second) return;
    pending_.push_back(Diagnostic{Severity::warning, "ref.unresolved", from.file, from.address,
                                  "references " + std::string(kind) + " " + aws_id +
                                      ", which is not in the loaded state" + std::string(fallback)});
  }

 public:
  std::vector<Diagnostic> pending_;

 private:
  Snapshot& snapshot_;
  std::map<std::string, InstanceId> primary_enis_;  // primary ENI id -> its instance
  std::set<std::pair<std::string, std::string>> reported_;
};

}  // namespace

void link_references(Builder& builder) {
  Snapshot& s = builder.snapshot();
  Resolver r(s);
  // A VPC's main table, default SG and default NACL are usually ids only (never managed):
  // resolved silently; a subnet that falls back to an unloaded one gets an info below.
  for (auto& x : s.vpcs) {
    x.main_route_table.id = s.find<RouteTable>(x.main_route_table.aws_id);
    x.default_security_group.id = s.find<SecurityGroup>(x.default_security_group.aws_id);
    x.default_network_acl.id = s.find<NetworkAcl>(x.default_network_acl.aws_id);
  }
  for (auto& x : s.subnets) {
    r(x.vpc, x.origin);
    r(x.route_table, x.route_table_association.empty() ? x.origin : x.route_table_association);
    r(x.network_acl, x.network_acl_association.empty() ? x.origin : x.network_acl_association);
    if (!x.vpc.id) continue;
    const Vpc& vpc = s.get(*x.vpc.id);
    if (x.route_table.empty() && !vpc.main_route_table.id) {
      r.info(x.origin, "subnet.main_route_table", "uses its VPC's main route table " + vpc.main_route_table.aws_id +
                                                      ", which is not in the loaded state: its routes are unknown");
    }
    if (x.network_acl.empty() && !vpc.default_network_acl.id) {
      r.info(x.origin, "subnet.default_network_acl", "uses its VPC's default network ACL " + vpc.default_network_acl.aws_id +
                                                         ", which is not in the loaded state: its rules are unknown");
    }
  }
  for (auto& x : s.route_tables) {
    r(x.vpc, x.origin);
    for (auto& route : x.routes) {
      if (!route.blackhole) r(route.target, route.origin);  // a blackhole's target is usually gone
    }
    for (auto& propagation : x.propagations) r(propagation.vpn_gateway, propagation.origin);
    for (auto& edge : x.edge_associations) r(edge.gateway, edge.origin);
  }
  for (auto& x : s.internet_gateways) r(x.vpc, x.attachment.empty() ? x.origin : x.attachment);
  for (auto& x : s.egress_only_internet_gateways) r(x.vpc, x.origin);
  for (auto& x : s.nat_gateways) {
    r(x.subnet, x.origin);
    r(x.allocation, x.origin);
    x.network_interface.id = s.find<NetworkInterface>(x.network_interface.aws_id);  // AWS-managed ENI: rarely in state
  }
  for (auto& x : s.elastic_ips) {
    const Origin& from = x.association.empty() ? x.origin : x.association;
    r(x.instance, from);
    x.network_interface.id = s.find<NetworkInterface>(x.network_interface.aws_id);
    r(x.nat_gateway, x.origin);
  }
  for (auto& x : s.vpn_gateways) r(x.vpc, x.attachment.empty() ? x.origin : x.attachment);
  for (auto& x : s.vpn_connections) {
    r(x.customer_gateway, x.origin);
    r(x.vpn_gateway, x.origin);
    r(x.transit_gateway, x.origin);
    r(x.transit_gateway_attachment, x.origin);
  }
  for (auto& x : s.dx_gateway_associations) {
    r(x.dx_gateway, x.origin);
    r(x.vpn_gateway, x.origin);
    r(x.transit_gateway, x.origin);
    r(x.transit_gateway_attachment, x.origin);
  }
  for (auto& x : s.dx_virtual_interfaces) {
    const Origin& from = x.acceptance.empty() ? x.origin : x.acceptance;
    r(x.dx_gateway, from);
    r(x.vpn_gateway, from);
  }
  for (auto& x : s.transit_gateways) {
    r(x.association_default_route_table, x.origin);
    r(x.propagation_default_route_table, x.origin);
  }
  for (auto& x : s.transit_gateway_attachments) {
    r(x.transit_gateway, x.origin);
    r(x.vpc, x.origin);
    r(x.subnets, x.origin);
  }
  for (auto& x : s.transit_gateway_route_tables) {
    r(x.transit_gateway, x.origin);
    for (auto& route : x.routes) r(route.attachment, route.origin);
    for (auto& link : x.associations) r(link.attachment, link.origin);
    for (auto& link : x.propagations) r(link.attachment, link.origin);
  }
  for (auto& x : s.vpc_peering_connections) {
    // One side is often in another account or region (the accepter's, or the requester's
    // when only aws_vpc_peering_connection_accepter is loaded): with either VPC loaded the
    // other resolves silently; with neither, the requester is reported.
    x.accepter_vpc.id = s.find<Vpc>(x.accepter_vpc.aws_id);
    if (x.accepter_vpc.id) {
      x.requester_vpc.id = s.find<Vpc>(x.requester_vpc.aws_id);
    } else {
      r(x.requester_vpc, x.origin);
    }
  }
  for (auto& x : s.security_groups) {
    r(x.vpc, x.origin);
    for (auto& rule : x.rules) {
      if (rule.peer.kind == SecurityGroupPeerKind::self) {
        rule.peer.security_group.id = s.find<SecurityGroup>(x.origin.aws_id);
      } else if (rule.peer.kind == SecurityGroupPeerKind::security_group) {
        r(rule.peer.security_group, rule.origin);
      }
    }
  }
  for (auto& x : s.network_acls) r(x.vpc, x.origin);
  for (auto& x : s.vpc_endpoints) {
    r(x.vpc, x.origin);
    r(x.subnets, x.origin);
    r(x.security_groups, x.origin);
    r(x.route_tables, x.origin);
    for (auto& address : x.subnet_addresses) r(address.subnet, x.origin);
    for (auto& eni : x.network_interfaces) eni.id = s.find<NetworkInterface>(eni.aws_id);  // AWS-managed
  }
  for (auto& x : s.load_balancers) {
    r(x.vpc, x.origin);
    r(x.subnets, x.origin);
    for (auto& mapping : x.subnet_mappings) {
      mapping.subnet.id = s.find<Subnet>(mapping.subnet.aws_id);
      r(mapping.allocation, x.origin);
    }
    r(x.security_groups, x.origin);
    r(x.instances, x.origin);
  }
  for (auto& x : s.listeners) {
    r(x.load_balancer, x.origin);
    for (auto& action : x.default_actions) r(action.target_groups, x.origin);
    for (auto& rule : x.rules) {
      for (auto& action : rule.actions) r(action.target_groups, rule.origin);
    }
  }
  for (auto& x : s.target_groups) r(x.vpc, x.origin);
  for (auto& x : s.target_group_attachments) {
    r(x.target_group, x.origin);
    r(x.instance, x.origin);
  }
  for (auto& x : s.ecs_services) {
    r(x.cluster, x.origin);
    r(x.task_definition, x.origin);
    r(x.subnets, x.origin);
    r(x.security_groups, x.origin);
    for (auto& binding : x.load_balancers) r(binding.target_group, x.origin);
  }
  for (auto& x : s.instances) {
    r(x.subnet, x.origin);
    r(x.security_groups, x.origin);
    x.primary_network_interface.id = s.find<NetworkInterface>(x.primary_network_interface.aws_id);
  }
  for (auto& x : s.network_interfaces) {
    r(x.subnet, x.origin);
    r(x.security_groups, x.origin);
    r(x.instance, x.origin);
  }
  for (auto& x : s.resolver_endpoints) {
    r(x.vpc, x.origin);
    r(x.security_groups, x.origin);
    for (auto& address : x.addresses) r(address.subnet, x.origin);
  }
  for (auto& x : s.hosted_zones) {
    for (auto& association : x.vpcs) r(association.vpc, association.origin);
  }
  for (auto& x : s.resource_records) r(x.zone, x.origin);
  for (auto& x : s.resolver_rules) r(x.resolver_endpoint, x.origin);
  for (auto& x : s.resolver_rule_associations) {
    r(x.resolver_rule, x.origin);
    r(x.vpc, x.origin);
  }
  for (auto& x : s.global_accelerator_endpoint_groups) {
    for (auto& endpoint : x.endpoints) {
      r(endpoint.load_balancer, x.origin);
      r(endpoint.instance, x.origin);
      r(endpoint.elastic_ip, x.origin);
    }
  }
  for (auto& x : s.cloudfront_vpc_origins) {
    r(x.load_balancer, x.origin);
    r(x.instance, x.origin);
  }
  for (auto& diagnostic : r.pending_) s.diagnostics.push_back(std::move(diagnostic));
}

}  // namespace moat::tfstate

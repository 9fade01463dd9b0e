#pragma once
// Snapshot: one AWS network as loaded from one or more state files — every object
// type in a vector (addressed by strong ids), lookups by AWS id and by Terraform
// address, and what the loader noticed (diagnostics, unmodelled resource types).
//
// The object vectors are public data named after MOAT_MODEL_OBJECT_TYPES
// (snapshot.vpcs, snapshot.route_tables, snapshot.ecs_services, ...). Builders add
// objects through add(), which keeps the indexes current; code that edits the vectors
// directly must call rebuild_index() afterwards.
//
// Conventions shared by every object:
//   * origin.aws_id is the id the object is found by (ARN for LBs, target groups, ECS);
//   * references are Ref<Id>: the AWS id as written plus the resolved id if loaded;
//   * addresses the state does not hold (ALB nodes, endpoint and task ENIs) are absent,
//     never invented: such an ENI is "some address of its subnet";
//   * local routes are stored in each VPC route table (RouteSource::implicit_local).

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "moat/core/assert.hpp"
#include "moat/model/cloudfront_vpc_origin.hpp"
#include "moat/model/customer_gateway.hpp"
#include "moat/model/diagnostic.hpp"
#include "moat/model/dx_gateway.hpp"
#include "moat/model/dx_gateway_association.hpp"
#include "moat/model/dx_virtual_interface.hpp"
#include "moat/model/ecs_cluster.hpp"
#include "moat/model/ecs_service.hpp"
#include "moat/model/ecs_task_definition.hpp"
#include "moat/model/egress_only_internet_gateway.hpp"
#include "moat/model/elastic_ip.hpp"
#include "moat/model/global_accelerator_endpoint_group.hpp"
#include "moat/model/hosted_zone.hpp"
#include "moat/model/ids.hpp"
#include "moat/model/instance.hpp"
#include "moat/model/internet_gateway.hpp"
#include "moat/model/listener.hpp"
#include "moat/model/load_balancer.hpp"
#include "moat/model/managed_prefix_list.hpp"
#include "moat/model/nat_gateway.hpp"
#include "moat/model/network_acl.hpp"
#include "moat/model/network_interface.hpp"
#include "moat/model/object_kind.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/resolver_endpoint.hpp"
#include "moat/model/resolver_rule.hpp"
#include "moat/model/resolver_rule_association.hpp"
#include "moat/model/resource_record.hpp"
#include "moat/model/route_table.hpp"
#include "moat/model/security_group.hpp"
#include "moat/model/subnet.hpp"
#include "moat/model/target_group.hpp"
#include "moat/model/target_group_attachment.hpp"
#include "moat/model/transit_gateway.hpp"
#include "moat/model/transit_gateway_attachment.hpp"
#include "moat/model/transit_gateway_route_table.hpp"
#include "moat/model/vpc.hpp"
#include "moat/model/vpc_endpoint.hpp"
#include "moat/model/vpc_peering_connection.hpp"
#include "moat/model/vpn_connection.hpp"
#include "moat/model/vpn_gateway.hpp"

namespace moat::model {

class Snapshot {
 public:
  // ---- data -------------------------------------------------------------------------
#define MOAT_MODEL_X_MEMBER(Type, kind_name, member) std::vector<Type> member;
  MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_MEMBER)
#undef MOAT_MODEL_X_MEMBER

  std::vector<Diagnostic> diagnostics;
  // Resource types moat does not model -> number of instances seen (sorted by type).
  std::map<std::string, std::size_t> unmodelled;
  // Resource types moat read -> number of instances (including rule/association
  // resources that became parts of other objects).
  std::map<std::string, std::size_t> modelled;
  std::vector<std::string> files;  // the loaded files, in load order

  // ---- typed access -----------------------------------------------------------------
#define MOAT_MODEL_X_GET(Type, kind_name, member)                  \
  const Type& get(Type##Id id) const {                           \
    MOAT_ASSERT(index(id) < member.size(), #Type "Id out of range"); \
    return member[index(id)];                                    \
  }                                                              \
  Type& get(Type##Id id) {                                       \
    MOAT_ASSERT(index(id) < member.size(), #Type "Id out of range"); \
    return member[index(id)];                                    \
  }
  MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_GET)
#undef MOAT_MODEL_X_GET

  // The vector holding objects of type T: all<Vpc>() is vpcs.
  template <class T>
  const std::vector<T>& all() const {
    return vector_of(std::type_identity<T>{});
  }
  template <class T>
  std::vector<T>& all() {
    return vector_of(std::type_identity<T>{});
  }

  // Appends an object and indexes it by origin.aws_id and origin.address.
  template <class T>
  typename T::Id add(T object) {
    auto& objects = all<T>();
    auto id = static_cast<typename T::Id>(objects.size());
    objects.push_back(std::move(object));
    index_object(ObjectRef{T::kind, index(id)});
    return id;
  }

  // By AWS id (or an alias registered with add_alias): find<Vpc>("vpc-0abc").
  template <class T>
  std::optional<typename T::Id> find(std::string_view aws_id) const {
    auto found = find(T::kind, aws_id);
    if (!found) return std::nullopt;
    return static_cast<typename T::Id>(*found);
  }
  // The position in the vector of `kind` of the object with this AWS id (or alias).
  std::optional<std::uint32_t> find(ObjectKind kind, std::string_view aws_id) const;

  // By Terraform address ("module.net.aws_subnet.private[\"a\"]").
  std::optional<ObjectRef> find_address(std::string_view address) const;

  // A second name an object is found by (an ECS cluster's name beside its ARN, a task
  // definition's "family:revision"). The first object registered under a name keeps it.
  void add_alias(ObjectRef object, std::string aws_id);

  std::size_t count(ObjectKind kind) const;
  const Origin& origin(ObjectRef object) const;

  // Re-creates the AWS-id and address indexes from the vectors (aliases are lost).
  void rebuild_index();

  // ---- derived facts ----------------------------------------------------------------
  // The subnet's explicit route table, else its VPC's main table (R1.1); empty when the
  // table involved is not loaded.
  std::optional<RouteTableId> effective_route_table(SubnetId subnet) const;
  // The subnet's explicit NACL, else its VPC's default NACL (R3.8); empty when not loaded.
  std::optional<NetworkAclId> effective_network_acl(SubnetId subnet) const;

 private:
#define MOAT_MODEL_X_VECTOR_OF(Type, kind_name, member)                           \
  const std::vector<Type>& vector_of(std::type_identity<Type>) const { return member; } \
  std::vector<Type>& vector_of(std::type_identity<Type>) { return member; }
  MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_VECTOR_OF)
#undef MOAT_MODEL_X_VECTOR_OF

  void index_object(ObjectRef object);

  std::array<std::map<std::string, std::uint32_t, std::less<>>, object_kind_count> by_aws_id_;
  std::map<std::string, ObjectRef, std::less<>> by_address_;
};

}  // namespace moat::model

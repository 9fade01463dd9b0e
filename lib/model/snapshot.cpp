#include "moat/model/snapshot.hpp"

namespace moat::model {

std::optional<std::uint32_t> Snapshot::find(ObjectKind kind, std::string_view aws_id) const {
  if (aws_id.empty()) return std::nullopt;
  const auto& ids = by_aws_id_[static_cast<std::size_t>(kind)];
  auto it = ids.find(aws_id);
  if (it == ids.end()) return std::nullopt;
  return it->second;
}

std::optional<ObjectRef> Snapshot::find_address(std::string_view address) const {
  auto it = by_address_.find(address);
  if (it == by_address_.end()) return std::nullopt;
  return it->second;
}

void Snapshot::add_alias(ObjectRef object, std::string aws_id) {
  if (aws_id.empty()) return;
  MOAT_ASSERT(object.index < count(object.kind), "alias for an object that does not exist");
  by_aws_id_[static_cast<std::size_t>(object.kind)].emplace(std::move(aws_id), object.index);
}

std::size_t Snapshot::count(ObjectKind kind) const {
  switch (kind) {
#define MOAT_MODEL_X_COUNT_CASE(Type, kind_name, member) \
  case ObjectKind::kind_name:                            \
    return member.size();
    MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_COUNT_CASE)
#undef MOAT_MODEL_X_COUNT_CASE
  }
  return 0;
}

const Origin& Snapshot::origin(ObjectRef object) const {
  MOAT_ASSERT(object.index < count(object.kind), "ObjectRef out of range");
  switch (object.kind) {
#define MOAT_MODEL_X_ORIGIN_CASE(Type, kind_name, member) \
  case ObjectKind::kind_name:                             \
    return member[object.index].origin;
    MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_ORIGIN_CASE)
#undef MOAT_MODEL_X_ORIGIN_CASE
  }
  MOAT_ASSERT(false, "unknown ObjectKind");
  return vpcs.front().origin;
}

void Snapshot::index_object(ObjectRef object) {
  const Origin& o = origin(object);
  if (!o.aws_id.empty()) by_aws_id_[static_cast<std::size_t>(object.kind)].emplace(o.aws_id, object.index);
  if (!o.address.empty()) by_address_.emplace(o.address, object);
}

void Snapshot::rebuild_index() {
  for (auto& ids : by_aws_id_) ids.clear();
  by_address_.clear();
  for (std::size_t k = 0; k < object_kind_count; ++k) {
    auto kind = static_cast<ObjectKind>(k);
    auto n = count(kind);
    for (std::size_t i = 0; i < n; ++i) index_object(ObjectRef{kind, static_cast<std::uint32_t>(i)});
  }
}

std::optional<RouteTableId> Snapshot::effective_route_table(SubnetId subnet_id) const {
  const Subnet& subnet = get(subnet_id);
  if (!subnet.route_table.empty()) return subnet.route_table.id;
  if (!subnet.vpc.id) return std::nullopt;
  return get(*subnet.vpc.id).main_route_table.id;
}

std::optional<NetworkAclId> Snapshot::effective_network_acl(SubnetId subnet_id) const {
  const Subnet& subnet = get(subnet_id);
  if (!subnet.network_acl.empty()) return subnet.network_acl.id;
  if (!subnet.vpc.id) return std::nullopt;
  return get(*subnet.vpc.id).default_network_acl.id;
}

}  // namespace moat::model

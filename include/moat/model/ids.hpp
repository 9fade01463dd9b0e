#pragma once
// Strong ids of the objects in a model::Snapshot: VpcId, SubnetId, RouteTableId, ...
// An id is the position of the object in its Snapshot vector (snapshot.vpcs[index(id)]);
// ids of different types do not convert into each other.

#include <cstdint>

#include "moat/model/object_kind.hpp"

namespace moat::model {

#define MOAT_MODEL_X_ID(Type, kind_name, member) enum class Type##Id : std::uint32_t {};
MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_ID)
#undef MOAT_MODEL_X_ID

// The position of an object in its Snapshot vector.
template <class Id>
constexpr std::uint32_t index(Id id) {
  return static_cast<std::uint32_t>(id);
}

// Any object of a Snapshot: its kind and its position in the vector of that kind.
struct ObjectRef {
  ObjectKind kind = ObjectKind::vpc;
  std::uint32_t index = 0;
  friend bool operator==(const ObjectRef&, const ObjectRef&) = default;
};

}  // namespace moat::model

#pragma once
// Ref<Id>: a reference from one object to another, as state writes it (the AWS id,
// e.g. "vpc-0abc") plus the resolved strong id when the referent is in the Snapshot.
//
// The AWS id is kept even when resolution fails: split states routinely reference
// objects that live in a state nobody loaded, and the engine must be able to say so
// ("routes to nat-123, which is not in the loaded state").

#include <optional>
#include <string>

namespace moat::model {

template <class Id>
struct Ref {
  std::string aws_id;     // empty = no reference at all
  std::optional<Id> id;   // set when the referent is loaded

  bool empty() const { return aws_id.empty(); }
  bool resolved() const { return id.has_value(); }
  friend bool operator==(const Ref&, const Ref&) = default;
};

}  // namespace moat::model

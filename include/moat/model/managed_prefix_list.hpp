#pragma once
// ManagedPrefixList: a named set of CIDRs (pl-…). AWS-managed lists (S3, DynamoDB, ...)
// usually have no entries in state (R1.11): entries_known is false then, and consumers
// must treat the list as symbolic.

#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/net/prefix.hpp"

namespace moat::model {

struct ManagedPrefixList {
  using Id = ManagedPrefixListId;
  static constexpr ObjectKind kind = ObjectKind::managed_prefix_list;

  Origin origin;
  std::string name;            // "com.amazonaws.eu-west-1.s3" for AWS-managed lists
  bool aws_managed = false;
  bool entries_known = false;  // entries hold the whole list
  std::vector<net::Prefix> entries;
};

}  // namespace moat::model

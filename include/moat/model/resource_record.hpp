#pragma once
// ResourceRecord: one record set of a hosted zone. A/AAAA/CNAME and aliases are
// interpreted; other types are kept with their raw type name and values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

enum class RecordType : std::uint8_t { a, aaaa, cname, other };

std::string_view to_string(RecordType type);  // "A", "AAAA", "CNAME", "other"

struct RecordAlias {
  std::string name;     // lower case, no trailing dot
  std::string zone_id;  // hosted zone id of the target (e.g. the ALB's zone)
  bool evaluate_target_health = false;
};

struct ResourceRecord {
  using Id = ResourceRecordId;
  static constexpr ObjectKind kind = ObjectKind::resource_record;

  Origin origin;
  Ref<HostedZoneId> zone;
  std::string name;       // fully qualified, lower case, no trailing dot
  RecordType type = RecordType::other;
  std::string type_name;  // as written: "A", "SRV", ...
  std::optional<std::uint32_t> ttl;
  std::vector<std::string> values;  // records[] as written
  std::optional<RecordAlias> alias;
  std::string set_identifier;  // routing-policy record sets, empty otherwise
};

}  // namespace moat::model

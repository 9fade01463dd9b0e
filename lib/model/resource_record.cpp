#include "moat/model/resource_record.hpp"

namespace moat::model {

std::string_view to_string(RecordType type) {
  switch (type) {
    case RecordType::a: return "A";
    case RecordType::aaaa: return "AAAA";
    case RecordType::cname: return "CNAME";
    case RecordType::other: return "other";
  }
  return "other";
}

}  // namespace moat::model

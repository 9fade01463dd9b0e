#include "moat/model/target_group.hpp"

namespace moat::model {

std::string_view to_string(TargetType type) {
  switch (type) {
    case TargetType::instance: return "instance";
    case TargetType::ip: return "ip";
    case TargetType::lambda: return "lambda";
    case TargetType::alb: return "alb";
    case TargetType::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace moat::model

#include "moat/model/object_kind.hpp"

namespace moat::model {

std::string_view to_string(ObjectKind kind) {
  switch (kind) {
#define MOAT_MODEL_X_NAME(Type, kind_name, member) \
  case ObjectKind::kind_name:                      \
    return #Type;
    MOAT_MODEL_OBJECT_TYPES(MOAT_MODEL_X_NAME)
#undef MOAT_MODEL_X_NAME
  }
  return "unknown";
}

}  // namespace moat::model

#pragma once
// Explanation: why an intent holds or fails, or an assumption it rests on — a stable
// upper-case code, the Terraform address of the responsible resource (may be empty) and
// a sentence. Warnings of a check use the same shape.

#include <string>

namespace moat::intent {

struct Explanation {
  std::string code;      // "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "PATH_EXISTS", "ASSUMPTION", ...
  std::string resource;  // Terraform address
  std::string message;

  friend bool operator==(const Explanation&, const Explanation&) = default;
  friend auto operator<=>(const Explanation&, const Explanation&) = default;
};

}  // namespace moat::intent

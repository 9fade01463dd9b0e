#pragma once
// Diagnostic: odd but modellable input, recorded with provenance and the fallback taken
// (e.g. a CIDR with host bits set, a route to an id no loaded state holds).

#include <cstdint>
#include <string>
#include <string_view>

namespace moat::model {

enum class Severity : std::uint8_t { info, warning, error };

std::string_view to_string(Severity severity);  // "info", "warning", "error"

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string code;     // stable, dotted: "route.unknown_target", "cidr.host_bits"
  std::string file;     // state file, may be empty for cross-file findings
  std::string address;  // Terraform address, may be empty
  std::string message;  // says what was found and which fallback was taken
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

}  // namespace moat::model

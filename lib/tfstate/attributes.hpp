#pragma once
// Attributes: typed, forgiving reads of one resource's attribute object, with the
// context (file, address, JSON pointer) every error and diagnostic must name.
//
// Forgiving where Terraform is inconsistent: numbers may be strings ("300"), booleans
// may be strings ("true", v3 flatmap), null and "" mean absent, a list of one object and
// an object are the same block. Strict where the value is unusable: an object where a
// string is expected, an invalid CIDR or address -> moat::LoadError.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "moat/model/diagnostic.hpp"
#include "moat/net/ip_address.hpp"
#include "moat/net/prefix.hpp"

namespace moat::tfstate {

// Where the attributes came from; shared by all Attributes of one resource instance.
struct AttributeContext {
  std::string file;
  std::string address;
  std::vector<model::Diagnostic>* diagnostics = nullptr;
};

class Attributes {
 public:
  Attributes(const nlohmann::json& object, const AttributeContext& context, std::string pointer);

  const nlohmann::json& raw() const { return *object_; }
  const AttributeContext& context() const { return *context_; }
  const std::string& pointer() const { return pointer_; }

  // Present and not null.
  bool has(std::string_view key) const;
  // "" when absent or null; numbers and booleans are rendered as text.
  std::string str(std::string_view key) const;
  // nullopt when absent, null or ""; accepts true/false and "true"/"false"/"1"/"0".
  std::optional<bool> opt_bool(std::string_view key) const;
  bool boolean(std::string_view key, bool fallback) const { return opt_bool(key).value_or(fallback); }
  // nullopt when absent, null or ""; accepts numbers and numeric strings.
  std::optional<std::int64_t> integer(std::string_view key) const;
  // A port 0..65535 (nullopt when absent); out-of-range values are a LoadError.
  std::optional<std::uint16_t> port(std::string_view key) const;
  // A list (or set) of strings; empty strings are dropped; absent/null -> empty.
  std::vector<std::string> strings(std::string_view key) const;
  // A list of objects (a single object counts as a list of one); absent/null -> empty.
  std::vector<Attributes> objects(std::string_view key) const;
  // The first object of a block list, if any.
  std::optional<Attributes> object(std::string_view key) const;
  // A CIDR; nullopt when absent or ""; host bits set -> warning diagnostic, network used.
  std::optional<net::Prefix> prefix(std::string_view key) const;
  // The same for a CIDR given as text from a list (named by key and position).
  net::Prefix prefix_text(const std::string& text, std::string_view key) const;
  // An address; nullopt when absent or "".
  std::optional<net::IpAddress> ip(std::string_view key) const;
  std::optional<net::IpAddress> ip_text(const std::string& text, std::string_view key) const;
  // string -> string entries of a map attribute (absent/null -> empty).
  std::vector<std::pair<std::string, std::string>> string_map(std::string_view key) const;

  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  void warn(std::string code, const std::string& message) const;

 private:
  const nlohmann::json* find(std::string_view key) const;

  const nlohmann::json* object_;
  const AttributeContext* context_;
  std::string pointer_;
};

}  // namespace moat::tfstate

#include "attributes.hpp"

#include <charconv>

#include "moat/core/error.hpp"

namespace moat::tfstate {

using nlohmann::json;

namespace {

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "the string " + value.dump();
    case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case json::value_t::null: return "null";
    default: return "the number " + value.dump();
  }
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t result = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return result;
}

}  // namespace

Attributes::Attributes(const json& object, const AttributeContext& context, std::string pointer)
    : object_(&object), context_(&context), pointer_(std::move(pointer)) {}

const json* Attributes::find(std::string_view key) const {
  if (!object_->is_object()) return nullptr;
  auto it = object_->find(key);
  if (it == object_->end() || it->is_null()) return nullptr;
  return &*it;
}

bool Attributes::has(std::string_view key) const { return find(key) != nullptr; }

void Attributes::fail(std::string_view key, const std::string& message) const {
  std::string location = pointer_;
  if (!key.empty()) {
    location += '/';
    location += key;
  }
  throw LoadError(context_->file, location, context_->address, message);
}

void Attributes::warn(std::string code, const std::string& message) const {
  if (context_->diagnostics == nullptr) return;
  context_->diagnostics->push_back(
      model::Diagnostic{model::Severity::warning, std::move(code), context_->file, context_->address, message});
}

std::string Attributes::str(std::string_view key) const {
  const json* value = find(key);
  if (value == nullptr) return {};
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
  if (value->is_number()) return value->dump();
  if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
  fail(key, std::string(key) + " should be a string, found " + describe(*value));
}

std::optional<bool> Attributes::opt_bool(std::string_view key) const {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty()) return std::nullopt;
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
  }
  if (value->is_number_integer()) return value->get<std::int64_t>() != 0;
  fail(key, std::string(key) + " should be a boolean, found " + describe(*value));
}

std::optional<std::int64_t> Attributes::integer(std::string_view key) const {
  const json* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return value->get<std::int64_t>();
  if (value->is_number_float()) {
    double d = value->get<double>();
    // Only whole numbers well inside the int64 range (NaN fails both comparisons).
    if (d >= -9.0e18 && d <= 9.0e18) {
      auto i = static_cast<std::int64_t>(d);
      if (static_cast<double>(i) == d) return i;
    }
  }
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    if (text.empty()) return std::nullopt;
    if (auto parsed = parse_integer(text)) return parsed;
  }
  fail(key, std::string(key) + " should be an integer, found " + describe(*value));
}

std::optional<std::uint16_t> Attributes::port(std::string_view key) const {
  auto value = integer(key);
  if (!value) return std::nullopt;
  if (*value < 0 || *value > 65535) fail(key, std::string(key) + " " + std::to_string(*value) + " is not a port (0-65535)");
  return static_cast<std::uint16_t>(*value);
}

std::vector<std::string> Attributes::strings(std::string_view key) const {
  std::vector<std::string> result;
  const json* value = find(key);
  if (value == nullptr) return result;
  if (value->is_string()) {  // a single value where a list is usual
    if (!value->get_ref<const std::string&>().empty()) result.push_back(value->get<std::string>());
    return result;
  }
  if (!value->is_array()) fail(key, std::string(key) + " should be a list of strings, found " + describe(*value));
  result.reserve(value->size());
  for (const auto& item : *value) {
    if (item.is_null()) continue;
    if (!item.is_string()) fail(key, std::string(key) + " should be a list of strings, found an element " + describe(item));
    if (!item.get_ref<const std::string&>().empty()) result.push_back(item.get<std::string>());
  }
  return result;
}

std::vector<Attributes> Attributes::objects(std::string_view key) const {
  std::vector<Attributes> result;
  const json* value = find(key);
  if (value == nullptr) return result;
  std::string base = pointer_ + "/" + std::string(key);
  if (value->is_object()) {
    result.emplace_back(*value, *context_, base);
    return result;
  }
  if (!value->is_array()) fail(key, std::string(key) + " should be a list of blocks, found " + describe(*value));
  result.reserve(value->size());
  std::size_t i = 0;
  for (const auto& item : *value) {
    if (item.is_object()) {
      result.emplace_back(item, *context_, base + "/" + std::to_string(i));
    } else if (!item.is_null()) {
      fail(key, std::string(key) + " should be a list of blocks, found an element " + describe(item));
    }
    ++i;
  }
  return result;
}

std::optional<Attributes> Attributes::object(std::string_view key) const {
  auto all = objects(key);
  if (all.empty()) return std::nullopt;
  return all.front();
}

net::Prefix Attributes::prefix_text(const std::string& text, std::string_view key) const {
  std::optional<net::ParsedPrefix> parsed;
  try {
    parsed = net::parse_prefix(text);
  } catch (const ParseError& error) {
    fail(key, "\"" + text + "\" is not a CIDR (" + error.what() + ")");
  }
  if (parsed->host_bits_set) {
    warn("cidr.host_bits", std::string(key) + " \"" + text + "\" has host bits set: using " +
                               parsed->prefix.to_string());
  }
  return parsed->prefix;
}

std::optional<net::Prefix> Attributes::prefix(std::string_view key) const {
  std::string text = str(key);
  if (text.empty()) return std::nullopt;
  return prefix_text(text, key);
}

std::optional<net::IpAddress> Attributes::ip_text(const std::string& text, std::string_view key) const {
  if (text.empty()) return std::nullopt;
  auto address = net::IpAddress::try_parse(text);
  if (!address) fail(key, "\"" + text + "\" is not an IP address");
  return address;
}

std::optional<net::IpAddress> Attributes::ip(std::string_view key) const { return ip_text(str(key), key); }

std::vector<std::pair<std::string, std::string>> Attributes::string_map(std::string_view key) const {
  std::vector<std::pair<std::string, std::string>> result;
  const json* value = find(key);
  if (value == nullptr) return result;
  if (!value->is_object()) fail(key, std::string(key) + " should be a map, found " + describe(*value));
  for (auto it = value->begin(); it != value->end(); ++it) {
    if (it->is_string()) result.emplace_back(it.key(), it->get<std::string>());
    else if (it->is_primitive() && !it->is_null()) result.emplace_back(it.key(), it->dump());
  }
  return result;
}

}  // namespace moat::tfstate

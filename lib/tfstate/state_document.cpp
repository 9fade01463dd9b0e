#include "state_document.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include "keys.hpp"
#include "moat/core/error.hpp"

namespace moat::tfstate {

using nlohmann::json;

namespace {

std::string line_column(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i + 1 < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// "aws_x.y" + index_key -> "aws_x.y[0]" / "aws_x.y[\"k\"]"
std::string index_suffix(const json& index_key) {
  if (index_key.is_number_integer()) return "[" + std::to_string(index_key.get<std::int64_t>()) + "]";
  if (index_key.is_string()) return "[" + index_key.dump() + "]";
  return {};
}

std::string join_address(std::string_view module, bool data, std::string_view type, std::string_view name) {
  std::string address;
  if (!module.empty()) {
    address += module;
    address += '.';
  }
  if (data) address += keys::data_prefix;
  address += type;
  address += '.';
  address += name;
  return address;
}

const json* member(const json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::string string_member(const json& object, std::string_view key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

[[noreturn]] void envelope_error(const StateDocument& doc, const std::string& location, const std::string& message) {
  throw LoadError(doc.file, location, "", message);
}

// ---- format 4 ------------------------------------------------------------------------
void read_v4(StateDocument& doc) {
  const json* resources = member(doc.root, keys::resources);
  if (resources == nullptr) return;
  if (!resources->is_array()) envelope_error(doc, "/resources", "resources should be a list");
  for (std::size_t r = 0; r < resources->size(); ++r) {
    const json& resource = (*resources)[r];
    std::string where = "/resources/" + std::to_string(r);
    if (!resource.is_object()) envelope_error(doc, where, "a resource should be an object");
    std::string type = string_member(resource, keys::type);
    std::string name = string_member(resource, keys::name);
    if (type.empty() || name.empty()) envelope_error(doc, where, "a resource needs a type and a name");
    bool data = string_member(resource, keys::mode) == keys::mode_data;
    std::string base = join_address(string_member(resource, keys::module), data, type, name);
    const json* instances = member(resource, keys::instances);
    if (instances == nullptr) continue;
    if (!instances->is_array()) envelope_error(doc, where + "/instances", "instances should be a list");
    for (std::size_t i = 0; i < instances->size(); ++i) {
      const json& instance = (*instances)[i];
      std::string at = where + "/instances/" + std::to_string(i);
      RawResource raw;
      raw.type = type;
      raw.data = data;
      raw.address = base;
      if (const json* key = member(instance, keys::index_key)) raw.address += index_suffix(*key);
      if (const json* attributes = member(instance, keys::attributes)) {
        if (!attributes->is_object()) throw LoadError(doc.file, at + "/attributes", raw.address, "attributes should be an object");
        raw.attributes = attributes;
        raw.location = at + "/attributes";
      } else if (const json* flat = member(instance, keys::attributes_flat)) {
        raw.attributes = &doc.converted.emplace_back(unflatten(*flat));
        raw.location = at + "/attributes_flat";
      } else {
        continue;
      }
      doc.resources.push_back(std::move(raw));
    }
  }
}

// ---- format 3 ------------------------------------------------------------------------
void read_v3(StateDocument& doc) {
  const json* modules = member(doc.root, keys::modules);
  if (modules == nullptr) return;
  if (!modules->is_array()) envelope_error(doc, "/modules", "modules should be a list");
  for (std::size_t m = 0; m < modules->size(); ++m) {
    const json& module = (*modules)[m];
    std::string module_address;
    if (const json* path = member(module, keys::path); path != nullptr && path->is_array()) {
      for (const auto& step : *path) {
        if (!step.is_string() || step.get_ref<const std::string&>() == keys::v3_root) continue;
        if (!module_address.empty()) module_address += '.';
        module_address += keys::module_prefix;
        module_address += step.get<std::string>();
      }
    }
    const json* resources = member(module, keys::resources);
    if (resources == nullptr || !resources->is_object()) continue;
    for (auto it = resources->begin(); it != resources->end(); ++it) {
      std::string key = it.key();
      std::string where = "/modules/" + std::to_string(m) + "/resources/" + key;
      bool data = key.starts_with(keys::data_prefix);
      if (data) key.erase(0, keys::data_prefix.size());
      // "type.name" or "type.name.N"
      std::string index;
      auto last_dot = key.rfind('.');
      auto first_dot = key.find('.');
      if (last_dot != first_dot && last_dot != std::string::npos) {
        std::string tail = key.substr(last_dot + 1);
        if (!tail.empty() && std::all_of(tail.begin(), tail.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          index = "[" + tail + "]";
          key.erase(last_dot);
        }
      }
      if (first_dot == std::string::npos) continue;
      std::string type = string_member(*it, keys::type);
      if (type.empty()) type = key.substr(0, first_dot);
      std::string name = key.substr(first_dot + 1);
      const json* primary = member(*it, keys::primary);
      if (primary == nullptr) continue;
      const json* flat = member(*primary, keys::attributes);
      if (flat == nullptr || !flat->is_object()) continue;
      RawResource raw;
      raw.type = type;
      raw.data = data;
      raw.address = join_address(module_address, data, type, name) + index;
      json& converted = doc.converted.emplace_back(unflatten(*flat));
      if (!converted.contains(keys::attr::id)) {
        if (const json* id = member(*primary, keys::attr::id)) converted[std::string(keys::attr::id)] = *id;
      }
      raw.attributes = &converted;
      raw.location = where + "/primary/attributes";
      doc.resources.push_back(std::move(raw));
    }
  }
}

// ---- show -json / plan ---------------------------------------------------------------
// child_modules nest as deep as the configuration's modules; far deeper is hostile input.
constexpr int max_module_depth = 256;

void read_module_values(StateDocument& doc, const json& module, const std::string& where, int depth = 0) {
  if (depth > max_module_depth) envelope_error(doc, where, "child_modules nested more than 256 deep");
  if (const json* resources = member(module, keys::resources); resources != nullptr && resources->is_array()) {
    for (std::size_t r = 0; r < resources->size(); ++r) {
      const json& resource = (*resources)[r];
      const json* values = member(resource, keys::values);
      std::string type = string_member(resource, keys::type);
      if (values == nullptr || !values->is_object() || type.empty()) continue;
      RawResource raw;
      raw.type = type;
      raw.data = string_member(resource, keys::mode) == keys::mode_data;
      raw.address = string_member(resource, keys::address);
      raw.attributes = values;
      raw.location = where + "/resources/" + std::to_string(r) + "/values";
      doc.resources.push_back(std::move(raw));
    }
  }
  if (const json* children = member(module, keys::child_modules); children != nullptr && children->is_array()) {
    for (std::size_t c = 0; c < children->size(); ++c) {
      read_module_values(doc, (*children)[c], where + "/child_modules/" + std::to_string(c), depth + 1);
    }
  }
}

void read_values(StateDocument& doc, const json& values, const std::string& where) {
  if (const json* root = member(values, keys::root_module)) read_module_values(doc, *root, where + "/root_module");
}

// One node of the flatmap tree while unflattening: the keys below a common prefix.
using FlatEntries = std::vector<std::pair<std::string_view, const json*>>;

json build_flat(const FlatEntries& entries, int depth);

// Deeper flatmap paths than this are kept as one key (real states nest a few levels; a
// hostile key with thousands of dots must not exhaust the stack).
constexpr int max_flat_depth = 32;

// Flatmap values are strings; anything else is kept only if it is a scalar (copying a
// hostile nested value would recurse once per level).
json flat_value(const json& value) { return value.is_primitive() ? value : json(); }

bool is_index(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

json build_flat(const FlatEntries& entries, int depth) {
  // Group by the first path segment, keeping the remainder.
  std::map<std::string_view, FlatEntries> groups;
  std::map<std::string_view, const json*> leaves;
  for (const auto& [key, value] : entries) {
    auto dot = depth >= max_flat_depth ? std::string_view::npos : key.find('.');
    if (dot == std::string_view::npos) {
      leaves[key] = value;
    } else {
      groups[key.substr(0, dot)].emplace_back(key.substr(dot + 1), value);
    }
  }
  json result = json::object();
  for (const auto& [key, value] : leaves) result[std::string(key)] = flat_value(*value);
  for (auto& [key, children] : groups) {
    bool is_map = false;
    bool is_list = false;
    for (const auto& [child, value] : children) {
      if (child == keys::flat_map_count) is_map = true;
      if (child == keys::flat_list_count) is_list = true;
    }
    if (is_map) {  // map keys may contain dots: keep the remainder verbatim
      json map = json::object();
      for (const auto& [child, value] : children) {
        if (child != keys::flat_map_count) map[std::string(child)] = flat_value(*value);
      }
      result[std::string(key)] = std::move(map);
    } else if (is_list) {
      // Elements by index (lists) or by set hash; numeric order for indices.
      std::map<std::string_view, FlatEntries> elements;
      std::map<std::string_view, const json*> scalars;
      for (const auto& [child, value] : children) {
        if (child == keys::flat_list_count) continue;
        auto dot = child.find('.');
        if (dot == std::string_view::npos) scalars[child] = value;
        else elements[child.substr(0, dot)].emplace_back(child.substr(dot + 1), value);
      }
      std::vector<std::pair<std::string_view, json>> items;
      for (const auto& [index, value] : scalars) items.emplace_back(index, flat_value(*value));
      for (const auto& [index, element] : elements) items.emplace_back(index, build_flat(element, depth + 1));
      // List indices in numeric order (shorter first, then by text), then set hashes by text.
      auto order = [](std::string_view key) {
        bool index = is_index(key);
        return std::tuple(index ? 0 : 1, index ? key.size() : 0, key);
      };
      std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) { return order(a.first) < order(b.first); });
      json list = json::array();
      for (auto& item : items) list.push_back(std::move(item.second));
      result[std::string(key)] = std::move(list);
    } else {
      result[std::string(key)] = build_flat(children, depth + 1);
    }
  }
  return result;
}

}  // namespace

json unflatten(const json& flat) {
  if (!flat.is_object()) return json::object();
  FlatEntries entries;
  entries.reserve(flat.size());
  for (auto it = flat.begin(); it != flat.end(); ++it) entries.emplace_back(it.key(), &*it);
  return build_flat(entries, 0);
}

std::unique_ptr<StateDocument> read_state_document(std::string_view text, std::string file, const LoadOptions& options,
                                                   std::vector<model::Diagnostic>& diagnostics) {
  auto doc = std::make_unique<StateDocument>();
  doc->file = std::move(file);
  try {
    doc->root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& error) {
    std::string message = error.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line L, column C: ".
    auto colon = message.find(": ");
    if (colon != std::string::npos) message = message.substr(colon + 2);
    throw LoadError(doc->file, line_column(text, error.byte), "", "malformed JSON: " + message);
  } catch (const json::exception& error) {  // e.g. out_of_range for a number like 1e400
    std::string message = error.what();
    auto bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    throw LoadError(doc->file, "", "", "unusable JSON: " + message);
  }
  const json& root = doc->root;
  if (!root.is_object()) envelope_error(*doc, "", "not a Terraform state: the document is not a JSON object");

  auto unsupported = [&](const std::string& what) {
    diagnostics.push_back(model::Diagnostic{model::Severity::warning, "state.unsupported_version", doc->file, "",
                                            what + ": file skipped, nothing loaded from it"});
  };

  if (const json* version = member(root, keys::version)) {
    if (!version->is_number_integer()) envelope_error(*doc, "/version", "version should be an integer");
    auto v = version->get<std::int64_t>();
    if (v == 4) read_v4(*doc);
    else if (v == 3) read_v3(*doc);
    else unsupported("state format version " + std::to_string(v) + " is not supported (only 3 and 4)");
    return doc;
  }
  if (member(root, keys::format_version) != nullptr) {
    if (const json* planned = member(root, keys::planned_values)) {
      if (options.plan_values == PlanValues::planned) {
        read_values(*doc, *planned, "/planned_values");
      } else if (const json* prior = member(root, keys::prior_state)) {
        if (const json* values = member(*prior, keys::values)) read_values(*doc, *values, "/prior_state/values");
      }
      return doc;
    }
    if (const json* values = member(root, keys::values)) {
      read_values(*doc, *values, "/values");
      return doc;
    }
    return doc;  // show -json of an empty state: no values
  }
  envelope_error(*doc, "", "not a Terraform state: no \"version\" (state) or \"format_version\" (show -json)");
}

}  // namespace moat::tfstate

// aws_ecs_task_definition: the container_definitions attribute is a JSON string in ECS API
// spelling (portMappings, logConfiguration, secrets, ...).

#include "builder.hpp"
#include "convert_common.hpp"
#include "converters.hpp"
#include "keys.hpp"

namespace moat::tfstate {

namespace a = keys::attr;
using namespace moat::model;
using nlohmann::json;

namespace {

// A string member; numbers and booleans as text; structured values (not expected) as "".
std::string json_string(const json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null() || it->is_structured()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

std::optional<std::uint16_t> json_port(const json& object, std::string_view key) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  std::int64_t value = -1;
  if (it->is_number_integer()) value = it->get<std::int64_t>();
  else if (it->is_string()) value = std::atoll(it->get<std::string>().c_str());
  if (value < 0 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

void add_secrets(std::vector<EcsSecret>& secrets, const json& list) {
  if (!list.is_array()) return;
  for (const auto& item : list) {
    if (!item.is_object()) continue;
    EcsSecret secret;
    secret.name = json_string(item, a::cd_name);
    secret.value_from = json_string(item, a::cd_value_from);
    secret.source = classify_secret_source(secret.value_from);
    secrets.push_back(std::move(secret));
  }
}

EcsContainer container_from(const json& definition) {
  EcsContainer container;
  container.name = json_string(definition, a::cd_name);
  container.image = json_string(definition, a::cd_image);
  if (auto it = definition.find(a::cd_essential); it != definition.end() && it->is_boolean()) container.essential = it->get<bool>();
  if (auto it = definition.find(a::cd_port_mappings); it != definition.end() && it->is_array()) {
    for (const auto& mapping : *it) {
      if (!mapping.is_object()) continue;
      auto port = json_port(mapping, a::cd_container_port);
      if (!port) continue;
      EcsPortMapping m;
      m.container_port = *port;
      m.host_port = json_port(mapping, a::cd_host_port);
      std::string protocol = json_string(mapping, a::cd_protocol);
      if (!protocol.empty()) m.protocol = protocol;
      container.port_mappings.push_back(std::move(m));
    }
  }
  if (auto it = definition.find(a::cd_log_configuration); it != definition.end() && it->is_object()) {
    container.log_driver = json_string(*it, a::cd_log_driver);
    if (auto options = it->find(a::cd_options); options != it->end() && options->is_object()) {
      for (auto option = options->begin(); option != options->end(); ++option) {
        if (option->is_structured()) continue;
        container.log_options.emplace_back(option.key(), option->is_string() ? option->get<std::string>() : option->dump());
      }
    }
    if (auto secret_options = it->find(a::cd_secret_options); secret_options != it->end()) add_secrets(container.secrets, *secret_options);
  }
  if (auto it = definition.find(a::cd_secrets); it != definition.end()) add_secrets(container.secrets, *it);
  return container;
}

}  // namespace

void convert_ecs_task_definition(Builder& builder, const Resource& r) {
  const Attributes& at = r.attributes;
  EcsTaskDefinition task;
  std::string arn = at.str(a::arn);
  task.origin = r.origin(arn.empty() ? aws_id_of(at) : arn);
  task.family = at.str(a::family);
  if (auto revision = at.integer(a::revision)) task.revision = static_cast<int>(*revision);
  task.network_mode = at.str(a::network_mode);
  task.requires_compatibilities = at.strings(a::requires_compatibilities);
  task.execution_role_arn = at.str(a::execution_role_arn);
  task.task_role_arn = at.str(a::task_role_arn);
  std::string text = at.str(a::container_definitions);
  if (!text.empty()) {
    json definitions = json::parse(text, nullptr, false);
    if (definitions.is_discarded() || !definitions.is_array()) {
      builder.warn("ecs.container_definitions", r, "container_definitions is not a JSON list of containers: containers unknown");
    } else {
      for (const auto& definition : definitions) {
        if (definition.is_object()) task.containers.push_back(container_from(definition));
      }
    }
  }
  std::string family_revision = task.revision ? task.family + ":" + std::to_string(*task.revision) : std::string();
  std::string family = task.family;
  auto id = builder.add(std::move(task), r);
  if (!id) return;
  ObjectRef object{ObjectKind::ecs_task_definition, index(*id)};
  builder.snapshot().add_alias(object, family_revision);
  builder.snapshot().add_alias(object, family);
  // The ARN without its revision also names the latest revision.
  if (auto colon = arn.rfind(':'); colon != std::string::npos && !family_revision.empty()) {
    builder.snapshot().add_alias(object, arn.substr(0, colon));
  }
}

}  // namespace moat::tfstate

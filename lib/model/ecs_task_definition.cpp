#include "moat/model/ecs_task_definition.hpp"

namespace moat::model {

std::string_view to_string(SecretSource source) {
  switch (source) {
    case SecretSource::ssm: return "ssm";
    case SecretSource::secretsmanager: return "secretsmanager";
    case SecretSource::unknown: return "unknown";
  }
  return "unknown";
}

SecretSource classify_secret_source(std::string_view value_from) {
  if (value_from.empty()) return SecretSource::unknown;
  if (!value_from.starts_with("arn:")) return SecretSource::ssm;  // a parameter name
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
  auto first = value_from.find(':');
  auto second = value_from.find(':', first + 1);
  if (second == std::string_view::npos) return SecretSource::unknown;
  auto third = value_from.find(':', second + 1);
  auto service = value_from.substr(second + 1, third == std::string_view::npos ? std::string_view::npos : third - second - 1);
  if (service == "ssm") return SecretSource::ssm;
  if (service == "secretsmanager") return SecretSource::secretsmanager;
  return SecretSource::unknown;
}

}  // namespace moat::model

#include "moat/dns/service_dns_names.hpp"

#include <array>
#include <cctype>

#include "moat/dns/domain_name.hpp"

namespace moat::dns {

namespace {

// Services whose private DNS names do not follow the general rule
// "com.amazonaws.<region>.<service>" -> "<service>.<region>.amazonaws.com".
// "{r}" stands for the Region. Sources: Amazon ECR User Guide, "Amazon ECR interface VPC
// endpoints" (api.ecr.<r>.amazonaws.com; *.dkr.ecr.<r>.amazonaws.com, plus the
// registry apex dkr.ecr.<r>.amazonaws.com); Amazon S3 User Guide, "AWS PrivateLink for
// Amazon S3" (s3.<r>.amazonaws.com and *.s3.<r>.amazonaws.com); API Gateway Developer
// Guide, "private APIs" (*.execute-api.<r>.amazonaws.com). The general rule holds for
// logs, ssm, ssmmessages, ec2messages, secretsmanager, kms, sts, ecs, sqs, sns,
// monitoring, elasticloadbalancing (AWS PrivateLink Guide, "AWS services that integrate
// with AWS PrivateLink"). Not verified: ecs-agent / ecs-telemetry (they follow the
// general rule here).
struct ServiceNames {
  std::string_view service;
  std::array<std::string_view, 2> names;  // empty entries unused
};

constexpr std::array<ServiceNames, 4> special_services{{
    {"ecr.api", {"api.ecr.{r}.amazonaws.com", ""}},
    {"ecr.dkr", {"dkr.ecr.{r}.amazonaws.com", "*.dkr.ecr.{r}.amazonaws.com"}},
    {"s3", {"s3.{r}.amazonaws.com", "*.s3.{r}.amazonaws.com"}},
    {"execute-api", {"*.execute-api.{r}.amazonaws.com", ""}},
}};

// The general rule's services named in the sources above, plus the gateway-endpoint
// services (s3 is special above; dynamodb follows the general rule).
constexpr std::array<std::string_view, 15> general_services{
    "logs",        "ssm", "ssmmessages", "ec2messages", "secretsmanager",       "kms",           "sts",     "ecs",
    "ecs-agent", "ecs-telemetry", "sqs", "sns",         "monitoring", "elasticloadbalancing", "dynamodb"};

constexpr std::string_view service_prefix = "com.amazonaws.";
constexpr std::string_view aws_suffix = ".amazonaws.com";

std::string with_region(std::string_view pattern, std::string_view region) {
  std::string text(pattern);
  auto at = text.find("{r}");
  if (at != std::string::npos) text.replace(at, 3, region);
  return text;
}

// "eu-west-1", "us-gov-west-1", "cn-north-1": letters and dashes, ending in a digit.
bool looks_like_region(std::string_view label) {
  if (label.size() < 4 || label.find('-') == std::string_view::npos) return false;
  if (!std::isdigit(static_cast<unsigned char>(label.back()))) return false;
  for (char c : label)
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-')
      return false;
  return true;
}

bool matches_pattern(std::string_view name, std::string_view pattern) {
  if (pattern.starts_with("*.")) {
    auto base = pattern.substr(2);
    return name.size() > base.size() && in_domain(name, base);
  }
  return name == pattern;
}

}  // namespace

std::vector<std::string> private_dns_names(std::string_view service_name) {
  std::string canonical = canonical_name(service_name);
  std::string_view text = canonical;
  if (!text.starts_with(service_prefix)) return {};
  text.remove_prefix(service_prefix.size());
  auto dot = text.find('.');
  if (dot == std::string_view::npos) return {};
  auto region = text.substr(0, dot);
  auto service = text.substr(dot + 1);
  if (!looks_like_region(region) || service.empty()) return {};
  for (const auto& special : special_services) {
    if (special.service != service) continue;
    std::vector<std::string> names;
    for (auto pattern : special.names)
      if (!pattern.empty()) names.push_back(with_region(pattern, region));
    return names;
  }
  if (service.find('.') != std::string_view::npos) return {};  // unknown dotted service: names not derivable
  return {std::string(service) + "." + std::string(region) + std::string(aws_suffix)};
}

std::optional<std::string> service_for_dns_name(std::string_view name_text) {
  std::string name = canonical_name(name_text);
  if (!name.ends_with(aws_suffix)) return std::nullopt;
  std::string_view rest(name);
  rest.remove_suffix(aws_suffix.size());  // "api.ecr.eu-west-1"
  auto dot = rest.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto region = rest.substr(dot + 1);
  auto labels = rest.substr(0, dot);  // "api.ecr"
  if (!looks_like_region(region)) return std::nullopt;
  std::string prefix = std::string(service_prefix) + std::string(region) + ".";
  for (const auto& special : special_services)
    for (auto pattern : special.names)
      if (!pattern.empty() && matches_pattern(name, with_region(pattern, region)))
        return prefix + std::string(special.service);
  auto last_dot = labels.rfind('.');
  auto service = last_dot == std::string_view::npos ? labels : labels.substr(last_dot + 1);
  return prefix + std::string(service);
}

bool is_known_service(std::string_view service) {
  for (const auto& special : special_services)
    if (special.service == service) return true;
  for (auto known : general_services)
    if (known == service) return true;
  return false;
}

}  // namespace moat::dns

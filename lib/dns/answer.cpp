#include "moat/dns/answer.hpp"

namespace moat::dns {

std::string_view to_string(AnswerKind kind) {
  switch (kind) {
    case AnswerKind::address: return "address";
    case AnswerKind::subnet_address: return "subnet_address";
    case AnswerKind::public_service: return "public_service";
    case AnswerKind::public_load_balancer: return "public_load_balancer";
    case AnswerKind::internet: return "internet";
    case AnswerKind::outside_model: return "outside_model";
    case AnswerKind::canonical_name: return "canonical_name";
  }
  return "unknown";
}

bool Answer::is_public() const {
  return kind == AnswerKind::public_service || kind == AnswerKind::public_load_balancer ||
         kind == AnswerKind::internet;
}

std::string Answer::to_string() const {
  std::string owner_text = owner.address.empty() ? owner.aws_id : owner.address;
  switch (kind) {
    case AnswerKind::address:
      return (address ? address->to_string() : addresses.to_string()) +
             (owner_text.empty() ? "" : " (" + owner_text + ")");
    case AnswerKind::subnet_address:
      return "some address of subnet " + subject + " (" + addresses.to_string() + ") for " + owner_text;
    case AnswerKind::public_service:
      return "public addresses of service " + subject;
    case AnswerKind::public_load_balancer:
      return "public addresses of LB " + owner_text;
    case AnswerKind::internet:
      return "internet addresses of " + subject;
    case AnswerKind::outside_model:
      return "unknown answer of " + subject + " (outside the model)";
    case AnswerKind::canonical_name:
      return "CNAME " + subject;
  }
  return "?";
}

}  // namespace moat::dns

#pragma once
// Resolution: the result of resolving one name from one vantage: the outcome, the
// answers, the steps (each naming its deciding Terraform resource), the packet flows
// the result depends on, and the assumptions it rests on.

#include <string>
#include <vector>

#include "moat/dns/answer.hpp"
#include "moat/dns/outcome.hpp"
#include "moat/dns/required_flow.hpp"
#include "moat/dns/step.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/resource_record.hpp"

namespace moat::dns {

struct Resolution {
  std::string name;
  model::RecordType type = model::RecordType::a;
  Outcome outcome = Outcome::unknown_outside_model;
  // The resource that decided the outcome: the record that answered (the alias record
  // for aliases, the last record of a CNAME chain), the zone of an NXDOMAIN, the VPC
  // without DNS support, the endpoint or rule whose flow fails, ...
  model::Origin decided_by;
  std::vector<Answer> answers;
  std::vector<Step> steps;
  std::vector<RequiredFlow> required_flows;
  std::vector<std::string> assumptions;  // what the result takes for granted (R0.1)

  // The outcome comes with answers (ANSWERED or RESOLVES_TO_PUBLIC).
  bool resolved() const { return is_answer(outcome); }
  // The result holds only if unchecked/unknown flows work and the assumptions hold.
  bool conditional() const;
  // The first step carrying `code`, or null.
  const Step* find_step(Outcome code) const;
  const Step* find_step(StepKind kind) const;
  // Multi-line trace for messages and test failures.
  std::string to_string() const;
};

}  // namespace moat::dns

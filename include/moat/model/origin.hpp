#pragma once
// Origin: where a model object (or one of its parts: a route, a rule, an association)
// came from, so every verdict can name the Terraform resource to fix.

#include <string>

namespace moat::model {

struct Origin {
  std::string address;  // Terraform address: module.network.aws_route_table.private["1a"]
                        // (data sources start with "data." after any module prefix)
  std::string file;     // the state file as the user named it
  std::string aws_id;   // the AWS id or ARN of the resource ("rtb-0a1b…"); may be empty

  bool empty() const { return address.empty() && file.empty() && aws_id.empty(); }
  friend bool operator==(const Origin&, const Origin&) = default;
};

}  // namespace moat::model

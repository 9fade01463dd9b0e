#pragma once
// DiagramOptions: what topology_diagram and flow_diagram draw besides the state itself.
//   title   a caption ("" for none)
//   region  the region for regional objects no subnet places (TGWs, service prefix lists)
//           when the state does not say; intent::Environment::region() is a good value
//   focus   "" for the whole estate, else a selector: a Terraform address or AWS id of any
//           resource (a VPC, a subnet, an ECS service, a route table, a gateway, a security
//           group...), a declared network's name or "internet". The picture keeps what is
//           connected to it by forwarding: every point its packets can reach by the drawn
//           routes, associations and attachments, and every point whose packets can reach
//           it (the internet, declared networks and AWS services end the walk). A focus
//           that matches nothing throws moat::ParseError naming it.

#include <string>

namespace moat::report {

struct DiagramOptions {
  std::string title;
  std::string region;
  std::string focus;
};

}  // namespace moat::report

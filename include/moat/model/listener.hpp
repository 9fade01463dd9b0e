#pragma once
// Listener: a port on a load balancer and where its traffic goes (default action and
// aws_lb_listener_rule rules; rule conditions are not modelled: a rule's targets are
// "may receive traffic").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/model/ref.hpp"

namespace moat::model {

struct ListenerAction {
  std::string type;  // "forward", "redirect", "fixed-response", "authenticate-oidc", ...
  std::vector<Ref<TargetGroupId>> target_groups;  // forward (single or weighted)
};

struct ListenerRule {
  std::optional<int> priority;
  std::vector<ListenerAction> actions;
  Origin origin;
};

struct Listener {
  using Id = ListenerId;
  static constexpr ObjectKind kind = ObjectKind::listener;

  Origin origin;
  Ref<LoadBalancerId> load_balancer;
  std::uint16_t port = 0;
  std::string protocol;  // "HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "GENEVE"
  std::vector<ListenerAction> default_actions;
  std::vector<ListenerRule> rules;
};

}  // namespace moat::model

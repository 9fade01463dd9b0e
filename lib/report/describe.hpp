#pragma once
// Private to lib/report: the pieces every format renders the same way.

#include <string>

#include "moat/intent/intent_result.hpp"

namespace moat::report::detail {

// "tcp", "all", "udp" and "443", "1024-65535", "all" as the intent was written.
std::string protocol_text(const intent::Intent& intent);
std::string port_text(const intent::Intent& intent);
// "aws_ecs_service.app -> internet (tcp 443) must be unreachable"
std::string describe(const intent::Intent& intent);

}  // namespace moat::report::detail

#pragma once
// The `closed` profile: the intents a closed (no internet) ECS network must satisfy,
// derived from the state, each named "closed/..." after the resources it comes from:
//   closed/no-internet-egress, closed/no-internet-ingress;
//   closed/ecs:<service>-><endpoint service> for what each task definition needs
//     (ECR image: ecr.api, ecr.dkr, s3; awslogs: logs; secrets: ssm / secretsmanager;
//     enable_execute_command: ssmmessages; another registry: fails with that reason);
//   closed/lb:<listener>-><target> (LB nodes to targets on the target port) and
//     closed/net:<network>-><listener> for each declared network;
//   closed/dns:<network>-><record name> for private-zone records aliasing an internal LB.
// And warnings for latent exposure (closed_profile_warnings).

#include <vector>

#include "moat/intent/environment.hpp"
#include "moat/intent/explanation.hpp"
#include "moat/intent/intent.hpp"

namespace moat::intent {

std::vector<Intent> closed_profile_intents(const Environment& environment);
std::vector<Explanation> closed_profile_warnings(const Environment& environment);

}  // namespace moat::intent

#pragma once
// ExplanationCode: why a part of a flow stopped (or what made it uncertain). AWS
// Reachability Analyzer's code is used where one fits; moat's own codes otherwise.
// Every code has a one-line meaning (meaning()).

#include <cstdint>
#include <string_view>

namespace moat::fwd {

#define MOAT_FWD_EXPLANATION_CODES(X)                                                                  \
  X(NO_ROUTE_TO_DESTINATION, "no route in the table covers the destination")                           \
  X(ENI_SG_RULES_MISMATCH, "no security group rule of the interface allows the packet")                \
  X(SUBNET_ACL_RESTRICTION, "the subnet network ACL denies the packet (explicit rule or final *)")     \
  X(IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS, "the internet gateway drops a source without a public IPv4 (or a non-global IPv6)") \
  X(IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS, "the internet gateway drops inbound from a private source") \
  X(IGW_NOT_ATTACHED, "the route's internet gateway is not attached to the source VPC")                \
  X(EIGW_NO_UNSOLICITED_INBOUND, "an egress-only internet gateway drops connections initiated from the internet") \
  X(EIGW_IPV6_ONLY, "an egress-only internet gateway forwards IPv6 only")                              \
  X(NGW_REQUIRES_SOURCE_IN_VPC, "a NAT gateway serves only traffic of its VPC or from a TGW")          \
  X(NGW_PROTOCOL_RESTRICTION, "a NAT gateway forwards only TCP, UDP and ICMP")                         \
  X(NGW_NO_UNSOLICITED_INBOUND, "a NAT gateway does not accept connections initiated towards it")      \
  X(NAT64_NOT_MODELLED, "IPv6 through a NAT gateway (NAT64) is not modelled: a possible path (R0.1)")    \
  X(PCX_REQUIRES_ADDRESS_IN_VPC_CIDR, "peering delivers only to the peer VPC's own addresses")         \
  X(PCX_NOT_TRANSITIVE, "traffic that arrived over a peering, TGW, VPN or DX cannot leave by a peering") \
  X(EDGE_TO_EDGE_NOT_SUPPORTED, "traffic that arrived from outside the VPC cannot use this gateway")   \
  X(TGW_ATTACH_VPC_AZ_RESTRICTION, "the TGW attachment has no subnet in the source's availability zone") \
  X(TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT, "the TGW route table has no route for the destination")        \
  X(TGW_RTB_BLACKHOLE, "a TGW blackhole route matches the destination")                               \
  X(TGW_ATTACHMENT_NOT_ASSOCIATED, "the TGW attachment is associated with no TGW route table")         \
  X(TGW_ATTACHMENT_NO_IPV6, "the TGW VPC attachment has IPv6 support disabled: it carries IPv4 only")  \
  X(BAD_STATE_ROUTE, "the route's target no longer works (blackhole): dropped, no fall-through")       \
  X(MORE_SPECIFIC_ROUTE, "a more specific route takes these destinations")                             \
  X(HIGHER_PRIORITY_ROUTE, "an equal-prefix route of higher priority takes these destinations")        \
  X(ELBV2_LISTENER_PORT_RESTRICTION, "the load balancer has no listener on the port")                  \
  X(LB_DENY_ALL_IGW_TRAFFIC, "an internal dual-stack load balancer drops IPv6 from the internet gateway (R2.7)") \
  X(NO_INTERFACE_AT_ADDRESS, "the address belongs to no interface of the VPC (black hole, R0.4)")     \
  X(VGW_NO_ROUTE, "the VPN gateway knows no on-premises route for the destination")                    \
  X(VGW_NOT_ATTACHED, "the route's VPN gateway is not attached to the source VPC")                     \
  X(DXGW_ALLOWED_PREFIXES_EXCLUDE_VPC, "the DX gateway association does not advertise this VPC range") \
  X(EXTERNAL_NETWORK_NO_ROUTE, "the external network learned no route for the destination")           \
  X(NOT_PUBLIC_DESTINATION, "the internet does not deliver to private or reserved addresses")          \
  X(PRIVATE_NAT_NO_INTERNET, "a private NAT gateway has no public address: the IGW drops its traffic") \
  X(GATEWAY_ENDPOINT_SERVICE_ONLY, "a gateway endpoint delivers only to its AWS service")              \
  X(ENDPOINT_POLICY_NOT_EVALUATED, "the endpoint policy on the path is not evaluated: it may still deny (R5.8)") \
  X(APPLIANCE_SOURCE_DEST_CHECK, "the target interface keeps source/destination check on")             \
  X(ROUTING_LOOP, "the packets come back to a point they already passed on this path")                \
  X(UNKNOWN_TARGET, "the target is not in the loaded state or is out of scope (R0.1)")                 \
  X(UNKNOWN_DATA, "a decision depends on data absent from state; assumed as stated (R0.1)")           \
  X(LATENT_INTERNET_EXPOSURE, "a route to an IGW exists but the source has no public IPv4 yet")

enum class ExplanationCode : std::uint8_t {
#define MOAT_FWD_X_CODE(name, text) name,
  MOAT_FWD_EXPLANATION_CODES(MOAT_FWD_X_CODE)
#undef MOAT_FWD_X_CODE
};

std::string_view to_string(ExplanationCode code);  // "NO_ROUTE_TO_DESTINATION"
std::string_view meaning(ExplanationCode code);    // the one-line meaning above

}  // namespace moat::fwd

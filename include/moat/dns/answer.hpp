#pragma once
// Answer: one address (or symbolic set of addresses) a name resolves to.
//
// State rarely holds the addresses DNS returns (ALB nodes, endpoint ENIs), and moat
// never invents them: such an answer is "some address of subnet S for LB/endpoint X"
// (kind subnet_address, `addresses` = the subnet CIDR of the queried family). Answers
// that leave the model are symbolic: "public addresses of service S", "public
// addresses of LB X", "an internet address". `owner` names the resource the address
// belongs to (LB, endpoint, record) with its Terraform address.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"
#include "moat/net/address_set.hpp"
#include "moat/net/ip_address.hpp"

namespace moat::dns {

enum class AnswerKind : std::uint8_t {
  address,                // a concrete address (record value, pinned LB/ENI address)
  subnet_address,         // some address of `subnet` (ALB node, endpoint ENI, resolver ENI)
  public_service,         // public addresses of the AWS service `subject` ("com.amazonaws.eu-west-1.ecr.dkr")
  public_load_balancer,   // public addresses of the internet-facing LB `owner`
  internet,               // an internet address public DNS returns for `subject` (outside the model)
  outside_model,          // whatever the DNS server `subject` answers (not described by the model)
  canonical_name,         // the CNAME target `subject` (answers to CNAME queries)
};

std::string_view to_string(AnswerKind kind);  // "address", "subnet_address", ...

struct Answer {
  AnswerKind kind = AnswerKind::address;
  std::optional<net::IpAddress> address;  // kind address
  std::optional<model::SubnetId> subnet;  // kind subnet_address
  // The addresses the answer may be: {address}, the subnet CIDR, or empty (unknown).
  net::AddressSet addresses = net::AddressSet(net::IpFamily::v4);
  std::string subject;   // service name, DNS name or server the symbolic answer stands for
  model::Origin owner;   // LB / endpoint / record / subnet the address belongs to

  // True for the kinds that stand for addresses outside the VPCs of the model.
  bool is_public() const;
  // "10.0.1.7", "some address of subnet-0a (10.0.1.0/24) for aws_lb.app", ...
  std::string to_string() const;
  friend bool operator==(const Answer&, const Answer&) = default;
};

}  // namespace moat::dns

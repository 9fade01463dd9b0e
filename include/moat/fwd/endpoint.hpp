#pragma once
// Endpoint: where a flow starts or ends — the interfaces of a model object (an ECS
// service, a load balancer, an instance, an endpoint, a NAT gateway), every interface of
// a subnet, a declared external network, the internet, a plain address set (matched
// against the interfaces and outside networks that own those addresses), or an AWS
// service by name ("com.amazonaws.eu-west-1.s3"): the service a gateway endpoint of the
// state delivers to (R2.16), reached there or over the internet; a service no gateway
// endpoint names stands for the internet (its public addresses).

#include <cstdint>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/net/address_set.hpp"

namespace moat::fwd {

struct Endpoint {
  enum class Kind : std::uint8_t { object, subnet, external_network, internet, addresses, aws_service };

  Kind kind = Kind::internet;
  model::ObjectRef object;  // object: the owner; subnet: {subnet, index}
  std::string name;         // external_network: the declared name; aws_service: the service name
  net::AddressSet addresses{net::IpFamily::v4};  // addresses

  static Endpoint of(model::ObjectRef owner) { return {Kind::object, owner, {}, net::AddressSet{}}; }
  static Endpoint subnet(model::SubnetId id) {
    return {Kind::subnet, {model::ObjectKind::subnet, model::index(id)}, {}, net::AddressSet{}};
  }
  static Endpoint external(std::string network_name) {
    return {Kind::external_network, {}, std::move(network_name), net::AddressSet{}};
  }
  static Endpoint internet() { return {Kind::internet, {}, {}, net::AddressSet{}}; }
  static Endpoint address_set(net::AddressSet set) { return {Kind::addresses, {}, {}, std::move(set)}; }
  static Endpoint aws_service(std::string service_name) {
    return {Kind::aws_service, {}, std::move(service_name), net::AddressSet{}};
  }
};

}  // namespace moat::fwd

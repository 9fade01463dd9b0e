#pragma once
// DxGateway: a Direct Connect gateway (global); its associations are DxGatewayAssociation.

#include <cstdint>
#include <optional>
#include <string>

#include "moat/model/ids.hpp"
#include "moat/model/origin.hpp"

namespace moat::model {

struct DxGateway {
  using Id = DxGatewayId;
  static constexpr ObjectKind kind = ObjectKind::dx_gateway;

  Origin origin;
  std::string name;
  std::optional<std::uint32_t> amazon_side_asn;
};

}  // namespace moat::model

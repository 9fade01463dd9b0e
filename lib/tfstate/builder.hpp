#pragma once
// Builder: turns the resource instances of one or more StateDocuments into a
// model::Snapshot.
//
// Passes (so that references across files never depend on file or resource order):
//   A  owner objects (VPCs, subnets, tables, SGs, ...): managed resources of every file
//      first, then data sources (a data source whose AWS id is already loaded is skipped);
//   B  parts of owners (aws_route, SG rule resources, associations, attachments, ...);
//   C  linking: associations applied, implied routes and attachments synthesised,
//      references resolved, local routes added, everything sorted.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "attributes.hpp"
#include "moat/model/snapshot.hpp"
#include "moat/tfstate/load_options.hpp"
#include "state_document.hpp"

namespace moat::tfstate {

// The resource instance a converter is working on.
struct Resource {
  const RawResource& raw;
  const Attributes& attributes;

  const std::string& file() const { return attributes.context().file; }
  const std::string& address() const { return raw.address; }
  model::Origin origin(std::string aws_id) const { return model::Origin{raw.address, file(), std::move(aws_id)}; }
};

// An association recorded in pass A/B and applied in pass C.
struct PendingAssociation {
  std::string from;  // subnet id, gateway id or VPC id
  std::string to;    // route table / NACL id
  model::Origin origin;
  bool from_data = false;
};

class Builder {
 public:
  explicit Builder(const LoadOptions& options);

  void add_document(std::unique_ptr<StateDocument> document);
  model::Snapshot finish();

  // ---- for converters ---------------------------------------------------------------
  model::Snapshot& snapshot() { return snapshot_; }

  // Adds an owner object. A data source whose AWS id is already loaded is dropped
  // (nullopt); a managed resource whose id another managed resource already holds is a
  // LoadError naming both.
  template <class T>
  std::optional<typename T::Id> add(T object, const Resource& resource);

  template <class T>
  T* find(std::string_view aws_id) {
    auto id = snapshot_.find<T>(aws_id);
    return id ? &snapshot_.get(*id) : nullptr;
  }

  void diagnose(model::Severity severity, std::string code, const Resource& resource, std::string message);
  void warn(std::string code, const Resource& resource, std::string message) {
    diagnose(model::Severity::warning, std::move(code), resource, std::move(message));
  }
  // "aws_route.x: route table rtb-1 is not in the loaded state: route ignored"
  void missing_owner(const Resource& resource, std::string_view what, std::string_view aws_id, std::string_view fallback);

  std::vector<PendingAssociation> subnet_route_tables;  // subnet -> route table
  std::vector<PendingAssociation> edge_route_tables;    // IGW/VGW -> route table
  std::vector<PendingAssociation> main_route_tables;    // VPC -> route table
  std::vector<PendingAssociation> subnet_network_acls;  // subnet -> NACL
  std::vector<PendingAssociation> vpc_dhcp_options;     // VPC -> DHCP options set
  std::map<std::string, std::vector<std::string>, std::less<>> dhcp_options;  // id -> DNS servers

 private:
  void run_pass(int pass, bool data);
  void check_duplicate(model::ObjectKind kind, std::uint32_t existing, const Resource& resource);
  void link();

  LoadOptions options_;
  std::vector<std::unique_ptr<StateDocument>> documents_;
  std::vector<AttributeContext> contexts_;
  model::Snapshot snapshot_;
};

template <class T>
std::optional<typename T::Id> Builder::add(T object, const Resource& resource) {
  if (auto existing = snapshot_.find(T::kind, object.origin.aws_id)) {
    if (resource.raw.data) return std::nullopt;
    check_duplicate(T::kind, *existing, resource);
    return std::nullopt;
  }
  return snapshot_.add(std::move(object));
}

// ---- converters (convert_*.cpp) ------------------------------------------------------
// Each converter reads one resource instance. Pass A converters create owner objects;
// pass B converters attach parts to them.
using Converter = void (*)(Builder&, const Resource&);

struct ConverterEntry {
  int pass = 0;  // 0 = A, 1 = B
  Converter convert = nullptr;
};

// The converter for a resource type (data sources and managed resources have separate
// tables), or nullptr when moat does not model the type.
const ConverterEntry* find_converter(std::string_view type, bool data);

// Adds a route to a table unless one with the same destination is there (inline blocks
// and aws_route resources describe the same routes): same target -> the aws_route's
// origin is kept; different targets -> a diagnostic, the aws_route wins.
void add_route(Builder& builder, model::RouteTable& table, model::Route route);

// Pass C, split by area (link_*.cpp).
void link_routing(Builder& builder);
void link_references(Builder& builder);

}  // namespace moat::tfstate

#pragma once
// StateDocument: one parsed input file and the resource instances found in it, whatever
// the envelope (state v4, state v3 flatmap, show -json, plan JSON).

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "moat/model/diagnostic.hpp"
#include "moat/tfstate/load_options.hpp"

namespace moat::tfstate {

// One resource instance with its full Terraform address.
struct RawResource {
  std::string type;
  std::string address;   // module.net.aws_subnet.private["a"], module.x.data.aws_vpc.main
  std::string location;  // JSON pointer of the attributes object in the file
  bool data = false;
  const nlohmann::json* attributes = nullptr;  // an object, owned by the StateDocument
};

struct StateDocument {
  std::string file;
  nlohmann::json root;
  std::deque<nlohmann::json> converted;  // v3 attributes rebuilt from their flatmap
  std::vector<RawResource> resources;
};

// Parses text (LoadError on malformed JSON or an unknown envelope) and lists its
// resource instances. Unsupported state versions yield a diagnostic and no resources.
std::unique_ptr<StateDocument> read_state_document(std::string_view text, std::string file, const LoadOptions& options,
                                                   std::vector<model::Diagnostic>& diagnostics);

// Rebuilds nested JSON from a Terraform 0.11 flatmap ("ingress.#", "ingress.123.from_port",
// "tags.%", "tags.Name"). Values stay strings.
nlohmann::json unflatten(const nlohmann::json& flat);

}  // namespace moat::tfstate

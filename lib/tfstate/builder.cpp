#include "builder.hpp"

#include "keys.hpp"
#include "moat/core/error.hpp"

namespace moat::tfstate {

using namespace moat::model;

namespace {

bool is_data_address(std::string_view address) {
  return address.starts_with(keys::data_prefix) || address.find(".data.") != std::string_view::npos;
}

}  // namespace

Builder::Builder(const LoadOptions& options) : options_(options) {}

void Builder::add_document(std::unique_ptr<StateDocument> document) {
  snapshot_.files.push_back(document->file);
  documents_.push_back(std::move(document));
}

void Builder::diagnose(Severity severity, std::string code, const Resource& resource, std::string message) {
  snapshot_.diagnostics.push_back(Diagnostic{severity, std::move(code), resource.file(), resource.address(), std::move(message)});
}

void Builder::missing_owner(const Resource& resource, std::string_view what, std::string_view aws_id, std::string_view fallback) {
  if (aws_id.empty()) {
    warn("ref.missing", resource, "no " + std::string(what) + " id (unknown until apply?): " + std::string(fallback));
    return;
  }
  warn("ref.unresolved", resource,
       std::string(what) + " " + std::string(aws_id) + " is not in the loaded state: " + std::string(fallback));
}

void Builder::check_duplicate(ObjectKind kind, std::uint32_t existing, const Resource& resource) {
  const Origin& first = snapshot_.origin(ObjectRef{kind, existing});
  if (is_data_address(first.address)) return;  // cannot happen: managed resources load first
  throw LoadError(resource.file(), resource.raw.location, resource.address(),
                  std::string(to_string(kind)) + " " + first.aws_id + " is also managed by " + first.address + " in " +
                      first.file + ": the same managed resource in two states");
}

void Builder::run_pass(int pass, bool data) {
  for (std::size_t d = 0; d < documents_.size(); ++d) {
    const StateDocument& document = *documents_[d];
    for (const RawResource& raw : document.resources) {
      if (raw.data != data) continue;
      const ConverterEntry* entry = find_converter(raw.type, raw.data);
      if (pass == 0) {
        std::string counted = raw.data ? std::string(keys::data_prefix) + raw.type : raw.type;
        ++(entry != nullptr ? snapshot_.modelled : snapshot_.unmodelled)[counted];
      }
      if (entry == nullptr || entry->pass != pass) continue;
      AttributeContext context{document.file, raw.address, &snapshot_.diagnostics};
      Attributes attributes(*raw.attributes, context, raw.location);
      try {
        entry->convert(*this, Resource{raw, attributes});
      } catch (const nlohmann::json::exception& error) {  // a shape no converter expects
        throw LoadError(document.file, raw.location, raw.address, std::string("unexpected attribute shape: ") + error.what());
      }
    }
  }
}

Snapshot Builder::finish() {
  run_pass(0, false);
  run_pass(0, true);
  run_pass(1, false);
  run_pass(1, true);
  link();
  if (options_.strict) {
    for (const auto& diagnostic : snapshot_.diagnostics) {
      if (diagnostic.severity == Severity::info) continue;
      throw LoadError(diagnostic.file, "", diagnostic.address, diagnostic.message + " [" + diagnostic.code + ", --strict]");
    }
  }
  return std::move(snapshot_);
}

void Builder::link() {
  link_routing(*this);
  link_references(*this);
}

}  // namespace moat::tfstate

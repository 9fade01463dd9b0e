// to_json(const Diagram&): the `moat graph --format json` document (see to_json.hpp).
#include <nlohmann/json.hpp>

#include "diagram_order.hpp"
#include "moat/report/to_json.hpp"

namespace moat::report {

std::string to_json(const Diagram& diagram) {
  using Json = nlohmann::ordered_json;
  auto ordered = detail::order(diagram);
  Json root;
  root["title"] = diagram.title;
  Json clusters = Json::array();
  for (const auto* c : ordered.clusters) {
    Json j;
    j["id"] = c->id;
    j["parent"] = c->parent;
    j["role"] = std::string(to_string(c->role));
    j["label"] = c->label;
    clusters.push_back(std::move(j));
  }
  root["clusters"] = std::move(clusters);
  Json nodes = Json::array();
  for (const auto* n : ordered.nodes) {
    Json j;
    j["id"] = n->id;
    j["cluster"] = n->cluster;
    j["role"] = std::string(to_string(n->role));
    j["label"] = n->label;
    j["address"] = n->address;
    j["aws_id"] = n->aws_id;
    j["emphasis"] = std::string(to_string(n->emphasis));
    nodes.push_back(std::move(j));
  }
  root["nodes"] = std::move(nodes);
  Json edges = Json::array();
  for (const auto* e : ordered.edges) {
    Json j;
    j["from"] = e->from;
    j["to"] = e->to;
    j["role"] = std::string(to_string(e->role));
    j["label"] = e->label;
    j["both_ways"] = e->both_ways;
    j["emphasis"] = std::string(to_string(e->emphasis));
    edges.push_back(std::move(j));
  }
  root["edges"] = std::move(edges);
  // Invalid UTF-8 in a label (state text is not checked) becomes U+FFFD instead of throwing.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace moat::report

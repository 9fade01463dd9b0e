#pragma once
// Private to lib/report: the canonical order every diagram writer emits in — clusters and
// nodes sorted by id, edges by (from, to, role, label), a cluster's nodes by (role, id) so a
// subnet's own node comes first — and the cluster tree. A cluster
// whose parent is unknown (or part of a parent cycle) and a node whose cluster is unknown
// are drawn at the top, so nothing is lost.

#include <map>
#include <string>
#include <vector>

#include "moat/report/diagram.hpp"

namespace moat::report::detail {

struct OrderedDiagram {
  std::vector<const DiagramCluster*> clusters;
  std::vector<const DiagramNode*> nodes;
  std::vector<const DiagramEdge*> edges;
  std::map<std::string, std::vector<const DiagramCluster*>> children;  // parent id ("" = top) -> clusters
  std::map<std::string, std::vector<const DiagramNode*>> members;      // cluster id ("" = top) -> nodes
};

OrderedDiagram order(const Diagram& diagram);

}  // namespace moat::report::detail

// The diagram writers: DOT and Mermaid quoting of Terraform addresses (quotes, brackets),
// backslashes, line breaks and markup; Mermaid ids; the JSON document read back.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "moat/report/diagram.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/to_json.hpp"
#include "moat/report/to_mermaid.hpp"

namespace moat::report {

namespace {

// Ids and labels as hostile as Terraform addresses and state strings get.
Diagram awkward() {
  Diagram d;
  d.title = "a \"quoted\" title \\ with # and |";
  d.clusters.push_back({"vpc:module.x.aws_vpc.main[\"a\"]", "", ClusterRole::vpc, "VPC module.x.aws_vpc.main[\"a\"]"});
  d.clusters.push_back({"subnet:module.x.aws_subnet.private[\"1a\"]", "vpc:module.x.aws_vpc.main[\"a\"]", ClusterRole::subnet,
                        "Subnet module.x.aws_subnet.private[\"1a\"]"});
  d.nodes.push_back({"subnet:module.x.aws_subnet.private[\"1a\"]", "subnet:module.x.aws_subnet.private[\"1a\"]", NodeRole::subnet,
                     "subnet-1\n10.0.1.0/24", "module.x.aws_subnet.private[\"1a\"]", "subnet-1", Emphasis::normal});
  d.nodes.push_back({"end", "", NodeRole::internet, "back\\slash <b>bold</b> & `tick` #35; a|b", "", "", Emphasis::normal});
  d.nodes.push_back({"a.b", "", NodeRole::missing, "dot", "", "", Emphasis::dimmed});
  d.nodes.push_back({"a-b", "", NodeRole::missing, "dash", "", "", Emphasis::dimmed});
  d.edges.push_back({"subnet:module.x.aws_subnet.private[\"1a\"]", "end", EdgeRole::route, "0.0.0.0/0\n::/0", false, Emphasis::delivered});
  d.edges.push_back({"a.b", "a-b", EdgeRole::attachment, "", true, Emphasis::normal});
  return d;
}

}  // namespace

TEST_CASE("DOT quotes ids and labels: quotes and backslashes escaped, line breaks as \\n", "[report]") {
  auto dot = to_dot(awkward());
  CHECK(dot.starts_with("digraph moat {\n"));
  CHECK(dot.find("subgraph \"cluster_subnet:module.x.aws_subnet.private[\\\"1a\\\"]\" {") != std::string::npos);
  CHECK(dot.find("\"subnet:module.x.aws_subnet.private[\\\"1a\\\"]\" [label=\"subnet-1\\n10.0.1.0/24\"") != std::string::npos);
  CHECK(dot.find("label=\"back\\\\slash <b>bold</b> & `tick` #35; a|b\"") != std::string::npos);
  CHECK(dot.find("label=\"a \\\"quoted\\\" title \\\\ with # and |\"") != std::string::npos);
  CHECK(dot.find("-> \"end\" [label=\"0.0.0.0/0\\n::/0\"") != std::string::npos);
  CHECK(dot.find("\"a.b\" -> \"a-b\" [color=") != std::string::npos);
  CHECK(dot.find("dir=both") != std::string::npos);
  // The subnet's node is written inside its cluster, after the cluster's attributes.
  CHECK(dot.find("\"subnet:module.x.aws_subnet.private[\\\"1a\\\"]\" [label") > dot.find("subgraph \"cluster_subnet:"));
}

TEST_CASE("Mermaid labels use entity codes and ids are letters, digits and underscores", "[report]") {
  auto mermaid = to_mermaid(awkward());
  CHECK(mermaid.starts_with("---\ntitle: \"a \\\"quoted\\\" title \\\\ with # and |\"\n---\nflowchart LR\n"));
  CHECK(mermaid.find("subgraph c_subnet_module_x_aws_subnet_private_1a[\"Subnet module.x.aws_subnet.private[#quot;1a#quot;]\"]") !=
        std::string::npos);
  CHECK(mermaid.find("n_subnet_module_x_aws_subnet_private_1a[\"subnet-1<br/>10.0.1.0/24\"]") != std::string::npos);
  CHECK(mermaid.find("n_end((\"back\\slash #lt;b#gt;bold#lt;/b#gt; #amp; #96;tick#96; #35;35; a#124;b\"))") != std::string::npos);
  // "a.b" and "a-b" both reduce to "a_b": the second in id order is numbered.
  CHECK(mermaid.find("n_a_b[\"dash\"]") != std::string::npos);
  CHECK(mermaid.find("n_a_b_2[\"dot\"]") != std::string::npos);
  CHECK(mermaid.find("n_a_b_2 <--> n_a_b\n") != std::string::npos);  // the edge a.b -> a-b
  CHECK(mermaid.find("n_subnet_module_x_aws_subnet_private_1a ==>|\"0.0.0.0/0<br/>#58;#58;/0\"| n_end") != std::string::npos);
  CHECK(mermaid.find("linkStyle 1 stroke:#1A7F37,stroke-width:3px") != std::string::npos);
  CHECK(mermaid.find("end\n  end\n") != std::string::npos);  // both subgraphs closed
}

// What a real Mermaid (11.x, mermaid.parse in Node) got wrong before these codes: it reads
// "%%{...}%%" anywhere as a directive and cuts it out of the label, drops the last ";" of a
// line holding "style" and a ":" that runs into an entity code, and rejects an empty [""].
TEST_CASE("Mermaid labels code % and : and an empty label is a space, so Mermaid keeps them as written", "[report]") {
  Diagram d;
  d.clusters.push_back({"vpc:aws_vpc.style[\"a:b\"]", "", ClusterRole::vpc, "VPC aws_vpc.style[\"a:b\"]"});
  d.clusters.push_back({"az:blank", "vpc:aws_vpc.style[\"a:b\"]", ClusterRole::availability_zone, ""});
  d.nodes.push_back({"subnet:directive", "az:blank", NodeRole::subnet, "x %%{init: {}}%% y", "", "", Emphasis::normal});
  d.nodes.push_back({"subnet:blank", "az:blank", NodeRole::subnet, "", "", "", Emphasis::normal});
  d.edges.push_back({"subnet:directive", "subnet:blank", EdgeRole::route, "2001:db8::/56 100%", false, Emphasis::normal});
  auto mermaid = to_mermaid(d);
  CHECK(mermaid.find("\n  subgraph c_vpc_aws_vpc_style_a_b[\"VPC aws_vpc.style[#quot;a#58;b#quot;]\"]\n") != std::string::npos);
  CHECK(mermaid.find("\n    subgraph c_az_blank[\" \"]\n") != std::string::npos);
  CHECK(mermaid.find("\n      n_subnet_directive[\"x #37;#37;{init#58; {}}#37;#37; y\"]\n") != std::string::npos);
  CHECK(mermaid.find("\n      n_subnet_blank[\" \"]\n") != std::string::npos);
  CHECK(mermaid.find("\n  n_subnet_directive -->|\"2001#58;db8#58;#58;/56 100#37;\"| n_subnet_blank\n") != std::string::npos);
  // No raw "%" or ":" is left outside the style lines (whose values Mermaid reads as CSS).
  std::istringstream lines(mermaid);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("  style ") || line.starts_with("  linkStyle ") || line.starts_with("  classDef ")) continue;
    INFO(line);
    CHECK(line.find_first_of("%:") == std::string::npos);
  }
}

TEST_CASE("the diagram JSON lists clusters, nodes and edges with their roles and emphases", "[report]") {
  auto json = nlohmann::ordered_json::parse(to_json(awkward()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"title", "clusters", "nodes", "edges"});
  REQUIRE(json["nodes"].size() == 4);
  CHECK(json["nodes"][0]["id"] == "a-b");  // sorted by id
  const auto& subnet = json["nodes"][3];
  CHECK(subnet["id"] == "subnet:module.x.aws_subnet.private[\"1a\"]");
  CHECK(subnet["role"] == "subnet");
  CHECK(subnet["address"] == "module.x.aws_subnet.private[\"1a\"]");
  CHECK(subnet["emphasis"] == "normal");
  CHECK(json["clusters"][0]["parent"] == "vpc:module.x.aws_vpc.main[\"a\"]");
  CHECK(json["clusters"][0]["role"] == "subnet");
  REQUIRE(json["edges"].size() == 2);
  CHECK(json["edges"][0]["both_ways"] == true);
  CHECK(json["edges"][1]["label"] == "0.0.0.0/0\n::/0");
  CHECK(json["edges"][1]["emphasis"] == "delivered");
}

TEST_CASE("clusters with an unknown parent or in a parent cycle, and nodes in unknown clusters, are still written",
          "[report]") {
  Diagram d;
  d.clusters.push_back({"x", "y", ClusterRole::vpc, "X"});
  d.clusters.push_back({"y", "x", ClusterRole::vpc, "Y"});
  d.clusters.push_back({"orphan", "gone", ClusterRole::subnet, "Orphan"});
  d.nodes.push_back({"n1", "x", NodeRole::subnet, "one", "", "", Emphasis::normal});
  d.nodes.push_back({"n2", "nowhere", NodeRole::subnet, "two", "", "", Emphasis::normal});
  auto dot = to_dot(d);
  for (const char* text : {"cluster_x", "cluster_y", "cluster_orphan", "\"n1\" [label", "\"n2\" [label"}) {
    INFO(text);
    CHECK(dot.find(text) != std::string::npos);
  }
  auto mermaid = to_mermaid(d);
  CHECK(mermaid.find("n_n2[\"two\"]") != std::string::npos);
  CHECK(mermaid.find("subgraph c_orphan") != std::string::npos);
}

}  // namespace moat::report

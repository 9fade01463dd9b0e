// render_svg and Graphviz: every DOT moat writes is accepted by `dot -Tsvg` (graphviz is
// installed by scripts/install-deps), and a missing program or a rejected input is a
// moat::Error that says what to do.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "diagram_test_support.hpp"
#include "moat/intent/trace.hpp"
#include "moat/report/flow_diagram.hpp"
#include "moat/report/render_svg.hpp"
#include "moat/report/to_dot.hpp"
#include "moat/report/topology_diagram.hpp"
#include "moat/tfstate/load_states.hpp"

namespace moat::report::test {

namespace {

std::vector<std::pair<std::string, std::string>> generated_dots() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* variant : {"before", "after"}) {
    auto loaded = example(variant);
    out.emplace_back(std::string(variant) + " topology", to_dot(topology_diagram(loaded.env())));
    out.emplace_back(std::string(variant) + " focused", to_dot(topology_diagram(loaded.env(), {"focus", "", "aws_ecs_service.app"})));
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"aws_ecs_service.app", "internet"}, {"internet", "aws_lb.app"}, {"*", "internet"}}) {
      auto flow = intent::trace(loaded.env(), from, to, net::ProtocolSet::all(), net::PortSet::all());
      out.emplace_back(std::string(variant) + " " + from + " -> " + to, to_dot(flow_diagram(loaded.env(), flow)));
    }
  }
  auto after = example("after");
  for (const auto& [to, port] : std::vector<std::pair<std::string, std::string>>{{"dns:app.example.com", "443"}, {"aws_ecs_service.app", "80"}}) {
    auto flow = intent::trace(after.env(), "onprem", to, scenario::parse_intent_protocol("tcp"), scenario::parse_intent_port(port));
    out.emplace_back("after onprem -> " + to, to_dot(flow_diagram(after.env(), flow, {"onprem -> " + to, "", ""})));
  }
  // The loader fixtures: TGWs, VPN and DX attachments, peerings, show -json documents.
  for (const char* fixture : {"tests/fixtures/tfstate/hybrid.tfstate", "tests/fixtures/tfstate/network.tfstate",
                              "tests/fixtures/tfstate/app.show.json", "tests/fixtures/dns/seed.tfstate"}) {
    auto snapshot = tfstate::load_states({source_path(fixture)});
    out.emplace_back(fixture, to_dot(topology_diagram(snapshot)));
  }
  return out;
}

}  // namespace

TEST_CASE("dot -Tsvg accepts every DOT moat generates for the examples and the loader fixtures", "[report][svg]") {
  for (const auto& [name, dot] : generated_dots()) {
    INFO(name);
    std::string svg;
    REQUIRE_NOTHROW(svg = render_svg(dot));
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("</svg>") != std::string::npos);
  }
}

TEST_CASE("SVG text keeps Terraform addresses with quotes and brackets, XML-escaped", "[report][svg]") {
  auto svg = render_svg(to_dot(topology_diagram(example("after").env())));
  CHECK(svg.find("module.network.aws_subnet.private[&quot;1a&quot;]") != std::string::npos);
  CHECK(svg.find("aws_vpc_endpoint.interface[&quot;ecr.dkr&quot;]") != std::string::npos);
}

TEST_CASE("SVG without the Graphviz program is an error naming the Debian package", "[report][svg]") {
  auto message = error_of([] { render_svg("digraph { a -> b }", "/nonexistent/bin/dot"); });
  CHECK(message.starts_with("[moat.svg] cannot run \"/nonexistent/bin/dot\""));
  CHECK(message.find("apt-get install graphviz") != std::string::npos);
  auto on_path = error_of([] { render_svg("digraph { a -> b }", "moat-no-such-graphviz-program"); });
  CHECK(on_path.find("apt-get install graphviz") != std::string::npos);
}

TEST_CASE("DOT that Graphviz rejects is an error carrying its message", "[report][svg]") {
  auto message = error_of([] { render_svg("digraph { a -> }"); });
  CHECK(message.starts_with("[moat.svg] \"dot\" failed (exit status"));
  CHECK(message.find("syntax error") != std::string::npos);
}

}  // namespace moat::report::test

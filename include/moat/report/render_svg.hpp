#pragma once
// render_svg: DOT text laid out and drawn as SVG by Graphviz.
//
// moat runs Graphviz's `dot` program (`dot -Tsvg`) rather than linking libgvc: no extra link
// dependency for the library, its users or the Python extension, and a missing Graphviz is
// an ordinary, clear error at the moment SVG is asked for — DOT, Mermaid and JSON never need
// it. `program` is looked up on PATH unless it contains a "/".
//
// Throws moat::Error "[moat.svg] …" when the program cannot be run (naming the Debian
// package: apt-get install graphviz) or when it rejects the input (with its messages).

#include <string>

namespace moat::report {

std::string render_svg(const std::string& dot, const std::string& program = "dot");

}  // namespace moat::report

// Helpers for the render tests: loading a register with its analyses, and asking real readers.
#pragma once

#include <memory>
#include <string>

#include "analysed.h"
#include "partnermap/load.h"
#include "support.h"

namespace partnermap::test {

// A register, its graph and the analyses, kept together so the references stay valid.
struct RenderFixture {
  Loaded loaded;
  std::unique_ptr<Graph> graph;
  render::Results results;
  std::unique_ptr<render::Analysed> in;

  explicit RenderFixture(const std::string& path) : loaded(load_register_file(path)) {
    graph = std::make_unique<Graph>(loaded.reg);
    results = render::compute_results(*graph, loaded.reg.as_of);
    in = std::make_unique<render::Analysed>(render::Analysed{*graph, results.capacity, results.roles, results.review});
  }
};

inline std::string nasty() { return data_file("nasty.json"); }
// Appended rather than "'" + ...: GCC 12 warns falsely (-Wrestrict) on a literal + std::string&&.
inline std::string shell_quote(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += "'";
  return out;
}

// libxml2's HTML parser knows HTML 4 only: it calls <header>, <section>, <output>... invalid tags.
// Everything else it reports is a real fault.
inline std::string html_faults(const std::string& xmllint_stderr) {
  std::string faults;
  std::size_t start = 0;
  while (start < xmllint_stderr.size()) {
    std::size_t nl = xmllint_stderr.find('\n', start);
    if (nl == std::string::npos) nl = xmllint_stderr.size();
    const std::string line = xmllint_stderr.substr(start, nl - start);
    if (line.find("parser error") != std::string::npos && line.find("invalid") == std::string::npos) faults += line + "\n";
    start = nl + 1;
  }
  return faults;
}

// Debian's Python, which has python3-openpyxl (a pyenv python on PATH may not).
inline std::string python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

}  // namespace partnermap::test

#include "diagram_ego.h"

#include <stdexcept>
#include <utility>
#include <vector>

namespace partnermap::render {

namespace {

struct Prefix {
  const char* text;
  VertexKind kind;
};
constexpr Prefix kPrefixes[] = {{"partnership:", VertexKind::partnership}, {"org:", VertexKind::organisation},
                                {"organisation:", VertexKind::organisation}, {"unit:", VertexKind::unit},
                                {"theme:", VertexKind::theme}};
constexpr VertexKind kKinds[] = {VertexKind::partnership, VertexKind::organisation, VertexKind::unit, VertexKind::theme};

const char* kind_words(VertexKind k) {
  switch (k) {
    case VertexKind::partnership: return "partnership";
    case VertexKind::organisation: return "organisation";
    case VertexKind::unit: return "Business Unit";
    case VertexKind::theme: return "theme";
  }
  return "thing";
}

const char* prefix_of(VertexKind k) {
  switch (k) {
    case VertexKind::partnership: return "partnership:";
    case VertexKind::organisation: return "org:";
    case VertexKind::unit: return "unit:";
    case VertexKind::theme: return "theme:";
  }
  return "";
}

// An id from the register to show in a message, so that the example works when copied.
std::string example_id(const Graph& g) {
  const Register& r = g.reg();
  if (!r.partnerships.empty()) return r.partnerships.front().id;
  if (!r.business_units.empty()) return r.business_units.front().id;
  return r.organisations.empty() ? std::string("ID") : r.organisations.front().id;
}

}  // namespace

Vertex find_ego(const Graph& g, const std::string& text) {
  for (const Prefix& p : kPrefixes) {
    const std::string prefix = p.text;
    if (text.rfind(prefix, 0) != 0) continue;
    const std::string id = text.substr(prefix.size());
    if (const auto v = g.find(p.kind, id)) return *v;
    throw std::invalid_argument("--view ego:" + text + ": no " + kind_words(p.kind) + " has the id \"" + id +
                                "\"; ids are in the register, for example ego:" + example_id(g));
  }
  std::vector<std::pair<VertexKind, Vertex>> found;
  for (VertexKind k : kKinds)
    if (const auto v = g.find(k, text)) found.emplace_back(k, *v);
  if (found.size() == 1) return found.front().second;
  if (found.empty())
    throw std::invalid_argument("--view ego:" + text +
                                ": no partnership, organisation, Business Unit or theme has that id; ids are in the register, "
                                "for example ego:" + example_id(g));
  std::string choices;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& [k, v] = found[i];
    choices += i == 0 ? "" : i + 1 == found.size() ? " or " : ", ";
    choices += "ego:" + std::string(prefix_of(k)) + text + " for the " + kind_words(k) + " \"" + g.name(v) + "\"";
  }
  throw std::invalid_argument("--view ego:" + text + ": \"" + text + "\" is the id of " + std::to_string(found.size()) +
                              " things; say which: " + choices);
}

}  // namespace partnermap::render

#include "partnermap/analysis/json.h"

#include <cmath>
#include <ostream>

namespace partnermap {

using nlohmann::json;

json utilisation_json(double utilisation) {
  if (!std::isfinite(utilisation)) return nullptr;
  return utilisation;
}

// ---- Writing a document ---------------------------------------------------------------------------
//
// The text must be the one nlohmann::json::dump gives for the whole value, so that readers see no
// difference: keys in the value's (sorted) order, and with an indent, every nested line shifted by
// the depth it sits at. nlohmann escapes newlines inside strings, so a dumped piece's only raw
// newlines are its own line breaks.

namespace {

using Lists = std::map<std::string, StreamedList>;

void new_line(std::ostream& out, int indent, int level) {
  if (indent < 0) return;
  out << '\n';
  for (int i = 0; i < indent * level; ++i) out << ' ';
}

// `v.dump(indent)` as it reads `level` deep in a larger document.
void write_dumped(std::ostream& out, const json& v, int indent, int level) {
  const std::string text = v.dump(indent);
  if (indent < 0 || level == 0) {
    out << text;
    return;
  }
  for (char ch : text) {
    out << ch;
    if (ch == '\n')
      for (int i = 0; i < indent * level; ++i) out << ' ';
  }
}

void write_list(std::ostream& out, const StreamedList& list, int indent, int level) {
  if (list.count == 0) {
    out << "[]";
    return;
  }
  out << '[';
  for (std::size_t i = 0; i < list.count; ++i) {
    if (i > 0) out << ',';
    new_line(out, indent, level + 1);
    write_dumped(out, list.entry(i), indent, level + 1);
  }
  new_line(out, indent, level);
  out << ']';
}

void write_value(std::ostream& out, const json& v, const std::string& pointer, const Lists& lists, int indent, int level) {
  if (const auto it = lists.find(pointer); it != lists.end()) {
    write_list(out, it->second, indent, level);
    return;
  }
  // Only objects can hold a list further down; anything else is written whole.
  if (!v.is_object() || v.empty()) {
    write_dumped(out, v, indent, level);
    return;
  }
  out << '{';
  bool first = true;
  for (const auto& [key, member] : v.items()) {
    if (!first) out << ',';
    first = false;
    new_line(out, indent, level + 1);
    out << json(key).dump() << (indent < 0 ? ":" : ": ");
    std::string below = pointer;
    below += '/';
    below += key;
    write_value(out, member, below, lists, indent, level + 1);
  }
  new_line(out, indent, level);
  out << '}';
}

json list_value(const StreamedList& list) {
  json out = json::array();
  for (std::size_t i = 0; i < list.count; ++i) out.push_back(list.entry(i));
  return out;
}

}  // namespace

json JsonDocument::value() const {
  json out = head;
  for (const auto& [pointer, list] : lists) out[json::json_pointer(pointer)] = list_value(list);
  return out;
}

void JsonDocument::write(std::ostream& out, int indent) const { write_value(out, head, "", lists, indent, 0); }

// ---- The documents --------------------------------------------------------------------------------

namespace {

json partnership_ids(const Register& reg, const std::vector<Index>& list) {
  json out = json::array();
  for (Index p : list) out.push_back(reg.partnerships[p].id);
  return out;
}

json counts_json(const RoleCounts& c) {
  return {{"lead", c.lead},         {"support", c.support}, {"observer", c.observer},
          {"absent", c.absent},     {"total", c.total()},   {"lead_share", c.lead_share()}};
}

json groups_json(const std::vector<RoleGroup>& groups) {
  json out = json::array();
  for (const RoleGroup& gr : groups) {
    json j = counts_json(gr.counts);
    j["id"] = gr.key;
    j["name"] = gr.name;
    out.push_back(std::move(j));
  }
  return out;
}

template <typename Link>
StreamedList links_list(const std::vector<Link>& links, const auto& named) {
  return {links.size(), [&links, &named](std::size_t i) -> json {
            const Link& l = links[i];
            return {{"a", named[l.a].id}, {"b", named[l.b].id}, {"shared", l.shared}};
          }};
}

}  // namespace

JsonDocument json_document(const Graph& g, const Capacity& c) {
  const Register& reg = g.reg();
  json months = json::array();
  for (Date d : c.months) months.push_back(to_iso(d));
  JsonDocument doc;
  doc.head = {{"at", to_iso(c.at)},
              {"units", nullptr},
              {"officers", nullptr},
              {"thresholds", {{"stretched", c.thresholds.stretched}, {"overloaded", c.thresholds.overloaded}}},
              {"forecast", {{"months", std::move(months)}, {"units", nullptr}}},
              {"changes", nullptr}};
  doc.lists["/units"] = {c.units.size(), [&reg, &c](std::size_t i) -> json {
                           const UnitLoad& u = c.units[i];
                           json partnerships = json::array();
                           for (Index p : u.partnerships) {
                             double hours = 0;
                             for (const Commitment& m : reg.partnerships[p].commitments)
                               if (m.unit == u.unit) hours += m.hours;
                             partnerships.push_back({{"id", reg.partnerships[p].id}, {"hours", hours}});
                           }
                           return {{"id", reg.business_units[u.unit].id},
                                   {"name", reg.business_units[u.unit].name},
                                   // A capacity not recorded is null, never 0, as in the register.
                                   {"capacity_hours", u.capacity_hours > 0 ? json(u.capacity_hours) : json(nullptr)},
                                   {"committed_hours", u.committed_hours},
                                   {"utilisation", utilisation_json(u.utilisation)},
                                   {"status", to_string(u.status)},
                                   {"partnerships", std::move(partnerships)}};
                         }};
  doc.lists["/officers"] = {c.officers.size(), [&reg, &c](std::size_t i) -> json {
                              const OfficerLoad& o = c.officers[i];
                              return {{"officer", o.officer},
                                      {"unit", reg.business_units[o.unit].id},
                                      {"committed_hours", o.committed_hours},
                                      {"partnerships", partnership_ids(reg, o.partnerships)}};
                            }};
  doc.lists["/forecast/units"] = {c.forecast.size(), [&reg, &c](std::size_t u) -> json {
                                    json util = json::array();
                                    for (double x : c.forecast[u]) util.push_back(utilisation_json(x));
                                    return {{"id", reg.business_units[u].id},
                                            {"utilisation", std::move(util)},
                                            {"committed_hours", c.forecast_hours[u]}};
                                  }};
  doc.lists["/changes"] = {c.changes.size(), [&reg, &c](std::size_t i) -> json {
                             const CapacityChange& ch = c.changes[i];
                             return {{"unit", reg.business_units[ch.unit].id},
                                     {"month", to_iso(ch.month)},
                                     {"on", to_iso(ch.on)},
                                     {"from", to_string(ch.from)},
                                     {"to", to_string(ch.to)},
                                     {"utilisation_before", utilisation_json(ch.before)},
                                     {"utilisation_after", utilisation_json(ch.after)},
                                     {"starting", partnership_ids(reg, ch.starting)},
                                     {"ending", partnership_ids(reg, ch.ending)}};
                           }};
  return doc;
}

JsonDocument json_document(const Graph& g, const Roles& r) {
  const Register& reg = g.reg();
  JsonDocument doc;
  doc.head = {{"at", to_iso(r.at)},
              {"overall", counts_json(r.overall)},
              {"by_theme", groups_json(r.by_theme)},
              {"by_nature", groups_json(r.by_nature)},
              {"by_unit", groups_json(r.by_unit)},
              {"dominance_threshold", r.dominance_threshold},
              {"dominates", r.dominates},
              {"finding", r.finding},
              {"partnerships", nullptr}};
  doc.lists["/partnerships"] = {r.council_role.size(), [&reg, &r](std::size_t i) -> json {
                                  json role = r.council_role[i] ? json(to_string(*r.council_role[i])) : json(nullptr);
                                  json lead = r.lead_partner[i] ? json(reg.organisations[*r.lead_partner[i]].id) : json(nullptr);
                                  return {{"id", reg.partnerships[i].id}, {"council_role", role}, {"lead_partner", lead}};
                                }};
  return doc;
}

JsonDocument json_document(const Graph& g, const Links& l) {
  const Register& reg = g.reg();
  json unserved = json::array(), not_led = json::array();
  for (Index t : l.themes_unserved) unserved.push_back(reg.themes[t].id);
  for (Index t : l.themes_not_led) not_led.push_back(reg.themes[t].id);
  JsonDocument doc;
  doc.head = {{"at", to_iso(l.at)},
              {"min_jaccard", l.min_jaccard},
              {"units", nullptr},
              {"themes", nullptr},
              {"cross_cutting", nullptr},
              {"overlap", nullptr},
              {"themes_unserved", std::move(unserved)},
              {"themes_not_led", std::move(not_led)}};
  doc.lists["/units"] = links_list(l.units, reg.business_units);
  doc.lists["/themes"] = links_list(l.themes, reg.themes);
  doc.lists["/cross_cutting"] = {l.cross_cutting.size(), [&reg, &l](std::size_t i) -> json {
                                   const CrossCutting& c = l.cross_cutting[i];
                                   return {{"partnership", reg.partnerships[c.partnership].id},
                                           {"themes", c.themes},
                                           {"units", c.units}};
                                 }};
  doc.lists["/overlap"] = {l.overlap.size(), [&reg, &l](std::size_t i) -> json {
                             const Overlap& o = l.overlap[i];
                             return {{"a", reg.partnerships[o.a].id},
                                     {"b", reg.partnerships[o.b].id},
                                     {"shared", o.shared},
                                     {"either", o.either},
                                     {"jaccard", o.jaccard}};
                           }};
  return doc;
}

JsonDocument json_document(const Graph& g, const Review& r) {
  const Register& reg = g.reg();
  JsonDocument doc;
  doc.head = {{"at", to_iso(r.at)},
              {"settings",
               {{"significant_pounds", r.settings.significant_pounds},
                {"significant_when", r.settings.significance.when},
                {"review_months", r.settings.review_months},
                {"posts_months", r.settings.posts_months},
                {"satisfaction_threshold", r.settings.satisfaction_threshold}}},
              {"score", r.score},
              {"severe", r.severe},
              {"warnings", r.warnings},
              {"advice", r.advice},
              {"partnerships", nullptr}};
  doc.lists["/partnerships"] = {r.partnerships.size(), [&reg, &r](std::size_t i) -> json {
                                  const PartnershipReview& pr = r.partnerships[i];
                                  json findings = json::array();
                                  for (const Finding& f : pr.findings)
                                    findings.push_back(
                                        {{"code", f.code}, {"severity", to_string(f.severity)}, {"reason", f.reason}});
                                  return {{"id", reg.partnerships[pr.partnership].id},
                                          {"name", reg.partnerships[pr.partnership].name},
                                          {"significant", pr.significant},
                                          {"active", pr.active},
                                          {"score", pr.score},
                                          {"findings", std::move(findings)}};
                                }};
  return doc;
}

}  // namespace partnermap

#include "diagram_multiples.h"

#include <algorithm>
#include <cmath>

namespace partnermap::render {

namespace {

BriefView ego_view(const std::string& id, const std::string& how_to_read) {
  BriefView v;
  v.view.kind = ViewKind::ego;
  v.view.ego_id = id;
  v.view.depth = 2;
  v.how_to_read = how_to_read;
  v.multiple = true;
  return v;
}

BriefView whole(ViewKind kind, const std::string& how_to_read) {
  BriefView v;
  v.view.kind = kind;
  v.how_to_read = how_to_read;
  return v;
}

// Built one by one: GCC 12 warns falsely (-Wmaybe-uninitialized) on a braced list of these.
// Whether any partnership active on the date has an active parent: else the hierarchy view is empty.
bool has_trees(const Analysed& in) {
  const auto& ps = in.reg().partnerships;
  const Date at = in.capacity.at;
  for (const Partnership& p : ps)
    if (p.parent && *p.parent < ps.size() && p.active_on(at) && ps[*p.parent].active_on(at)) return true;
  return false;
}

std::vector<BriefView> whole_views(bool trees, const PolicyWords& w) {
  std::vector<BriefView> out;
  out.push_back(whole(ViewKind::network,
                      "each box is a partnership active on the date and each oval an organisation in it; a green tab is a " +
                          w.unit + ", joined to the partnerships it gives staff time to by lines as wide as the hours. An "
                      "organisation joined to many boxes is one the Council meets in many places. The Council is in nearly "
                      "every partnership, so its part is shown by each box's border instead of by lines. An oval that alone joins "
                      "two groups of boxes is a bridge: the headline figures name the partners that bridge most."));
  out.push_back(whole(ViewKind::themes,
                      "each grey area is a " + w.theme + " holding the partnerships whose first theme it is; dashed lines "
                      "run to the other themes a partnership also serves. A theme with few boxes has little partnership work "
                      "behind it; many dashed lines mean partnerships that cut across themes."));
  out.push_back(whole(ViewKind::capacity,
                      "each tab on the left is a " + w.unit + ", coloured by how much of its time for partnership work is "
                      "committed; each line runs to a partnership it gives time to, as wide as the hours a month. Wide lines "
                      "into an orange tab (over capacity) are where the pressure comes from."));
  if (trees)
    out.push_back(whole(ViewKind::hierarchy,
                      "each line runs from a partnership down to one of its sub-partnerships, so the picture is the family "
                      "tree of partnerships that report to others."));
  return out;
}

std::size_t partnerships_serving(const Analysed& in, Index theme) {
  std::size_t n = 0;
  for (const Partnership& p : in.reg().partnerships)
    if (p.active_on(in.capacity.at) && std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end()) ++n;
  return n;
}

}  // namespace

std::vector<BriefView> brief_views(const Analysed& in) {
  const Register& reg = in.reg();
  std::vector<BriefView> out = whole_views(has_trees(in), reg.policy.words);

  // Themes served by a partnership on the date, most served first (ties: register order).
  std::vector<std::pair<std::size_t, Index>> themes;
  for (Index t = 0; t < reg.themes.size(); ++t)
    if (const std::size_t n = partnerships_serving(in, t); n > 0) themes.emplace_back(n, t);
  std::stable_sort(themes.begin(), themes.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < themes.size() && i < kThemeMultiples; ++i) {
    const Theme& t = reg.themes[themes[i].second];
    out.push_back(ego_view("theme:" + t.id,
                   "the theme (the hexagon with the thick blue outline) and the partnerships active on the date that serve it, with their members and the " +
                       reg.policy.words.units + " giving them time. Other hexagons are themes the same partnerships also serve."));
  }

  // Units over capacity, most over first.
  std::vector<const UnitLoad*> over;
  for (const UnitLoad& l : in.capacity.units)
    if (l.status == LoadStatus::overloaded && l.unit < reg.business_units.size()) over.push_back(&l);
  std::stable_sort(over.begin(), over.end(), [](const UnitLoad* a, const UnitLoad* b) {
    const double x = std::isfinite(a->utilisation) ? a->utilisation : 1e300, y = std::isfinite(b->utilisation) ? b->utilisation : 1e300;
    return x > y;
  });
  for (std::size_t i = 0; i < over.size() && i < kUnitMultiples; ++i) {
    const BusinessUnit& u = reg.business_units[over[i]->unit];
    out.push_back(ego_view("unit:" + u.id,
                   "the " + reg.policy.words.unit + " (tab, with the thick blue outline) is over capacity; these are the partnerships it gives time to, "
                   "joined by lines as wide as the hours, and the organisations in them: where its time goes, and who "
                   "else could carry the work."));
  }
  return out;
}

}  // namespace partnermap::render

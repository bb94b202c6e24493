#include "load/partnership_reader.h"

namespace partnermap::load {

namespace {

template <typename Enum, std::size_t N>
std::vector<std::string> names_of(const Enum (&values)[N]) {
  std::vector<std::string> out;
  for (Enum v : values) out.emplace_back(to_string(v));
  return out;
}

const std::vector<std::string> kNatures =
    names_of({Nature::strategic, Nature::operational, Nature::funding, Nature::project});
const std::vector<std::string> kRoles = names_of({Role::lead, Role::support, Role::observer});
const std::vector<std::string> kStages = names_of(
    {Stage::deciding, Stage::establishing, Stage::running, Stage::evaluating, Stage::exiting});
const std::vector<std::string> kExits = names_of(
    {ExitStrategy::mainstreaming, ExitStrategy::succession, ExitStrategy::exit, ExitStrategy::none});
const std::vector<std::string> kRisks = names_of({Risk::high, Risk::medium, Risk::low});

// Marks a member or commitment whose own fields were wrong (already reported). It keeps its place
// until references are resolved, so that later entries keep their numbers in messages.
constexpr Index kUnreadable = static_cast<Index>(-1);

void read_members(FieldReader& r, const PartnershipIds& ids, Partnership& p) {
  const json* members = r.array("members", true);
  if (!members) return;
  p.members.reserve(members->size());
  for (std::size_t j = 0; j < members->size(); ++j) {
    FieldReader m((*members)[j], r, "members", j);
    if (!m.is_object()) {
      m.error(m.where(), "should be an object like {\"org\": \"...\", \"role\": \"support\"}");
      p.members.push_back({kUnreadable, Role::support, {}});
      continue;
    }
    Member member;
    auto org = m.text("org", true);
    auto role = m.choice("role", true, kRoles);
    member.extra = m.extras();
    member.org = org && role ? ids.organisations.use(*org) : kUnreadable;
    member.role = static_cast<Role>(role.value_or(0));
    p.members.push_back(std::move(member));
  }
}

void read_commitments(FieldReader& r, const PartnershipIds& ids, Partnership& p) {
  const json* commitments = r.array("commitments", false);
  if (!commitments) return;
  for (std::size_t j = 0; j < commitments->size(); ++j) {
    FieldReader c((*commitments)[j], r, "commitments", j);
    if (!c.is_object()) {
      c.error(c.where(), "should be an object like {\"unit\": \"...\", \"hours\": 10}");
      p.commitments.push_back({kUnreadable, 0, "", {}});
      continue;
    }
    Commitment commitment;
    auto unit = c.text("unit", true);
    auto hours = c.number("hours", true, kMaxHours, "hours a month");
    commitment.officer = c.text("officer", false).value_or("");
    commitment.extra = c.extras();
    commitment.unit = unit && hours ? ids.units.use(*unit) : kUnreadable;
    commitment.hours = hours.value_or(0);
    p.commitments.push_back(std::move(commitment));
  }
}

void read_money_and_posts(FieldReader& r, Partnership& p) {
  if (const json* b = r.object("budget", false)) {
    FieldReader br(*b, r, "budget");
    Budget budget;
    auto total = br.number("total", true, kMaxPounds, "pounds a year");
    auto council = br.number("council", true, kMaxPounds, "pounds a year");
    budget.extra = br.extras();
    if (total && council) {
      budget.total = *total;
      budget.council = *council;
      p.budget = std::move(budget);
    }
  }
  if (const json* posts = r.object("posts", false)) {
    FieldReader pr(*posts, r, "posts");
    Posts out;
    auto permanent = pr.whole_number("permanent", true, kMaxCount);
    out.funded_until = pr.date("funded_until", false);
    out.extra = pr.extras();
    if (permanent) {
      out.permanent = *permanent;
      p.posts = std::move(out);
    }
  }
}

void read_survey(FieldReader& r, Partnership& p) {
  const json* s = r.object("survey", false);
  if (!s) return;
  FieldReader sr(*s, r, "survey");
  Survey survey;
  auto responses = sr.whole_number("responses", true, kMaxCount);
  auto satisfied = sr.whole_number("satisfied", true, kMaxCount);
  survey.extra = sr.extras();
  if (responses && satisfied) {
    survey.responses = *responses;
    survey.satisfied = *satisfied;
    p.survey = std::move(survey);
  }
}

// Resolves one optional reference, reporting it when it names nothing.
void resolve_one(std::optional<Index>& ref, const IdTable& table, const std::string& where, Reference kind,
                 const DanglingReport& dangling) {
  if (!ref) return;
  const Index provisional = *ref;
  ref = table.resolve(provisional);
  if (!ref) dangling(where, table.name(provisional), table, kind);
}

}  // namespace

const std::vector<std::string>& nature_names() { return kNatures; }
const std::vector<std::string>& role_names() { return kRoles; }

Partnership read_partnership(FieldReader& r, const PartnershipIds& ids) {
  Partnership p;
  if (auto id = r.text("id", true)) {
    if (id->empty()) r.error(r.where("id"), "is empty; give every entry a short unique id");
    p.id = std::move(*id);
  }
  p.name = r.text("name", true).value_or("");
  if (auto n = r.choice("nature", true, kNatures)) p.nature = static_cast<Nature>(*n);
  read_members(r, ids, p);
  read_commitments(r, ids, p);
  if (auto themes = r.text_list("themes", false))
    for (const std::string& t : *themes) p.themes.push_back(ids.themes.use(t));
  if (auto parent = r.text("parent", false)) p.parent = ids.partnerships.use(*parent);
  if (auto body = r.text("accountable_body", false)) p.accountable_body = ids.organisations.use(*body);
  if (auto s = r.choice("stage", false, kStages)) p.stage = static_cast<Stage>(*s);
  p.start = r.date("start", false);
  p.end = r.date("end", false);
  read_money_and_posts(r, p);
  p.indicators = r.text_list("indicators", false);
  p.evaluation = r.text("evaluation", false);
  p.management = r.text("management", false);
  if (auto e = r.choice("exit_strategy", false, kExits)) p.exit_strategy = static_cast<ExitStrategy>(*e);
  if (auto k = r.choice("risk", false, kRisks)) p.risk = static_cast<Risk>(*k);
  p.last_review = r.date("last_review", false);
  read_survey(r, p);
  p.extra = r.extras();
  return p;
}

void resolve_partnership(Partnership& p, const std::string& prefix, const PartnershipIds& ids,
                         const DanglingReport& dangling) {
  // Indices in messages count entries as written: unreadable ones were kept until now for that.
  std::vector<Member> members;
  members.reserve(p.members.size());
  for (std::size_t j = 0; j < p.members.size(); ++j) {
    Member& m = p.members[j];
    if (m.org == kUnreadable) continue;
    if (auto at = ids.organisations.resolve(m.org)) {
      m.org = *at;
      members.push_back(std::move(m));
    } else {
      dangling(prefix + "members[" + std::to_string(j) + "].org", ids.organisations.name(m.org), ids.organisations,
               Reference::organisation);
    }
  }
  p.members = std::move(members);
  std::vector<Commitment> commitments;
  for (std::size_t j = 0; j < p.commitments.size(); ++j) {
    Commitment& c = p.commitments[j];
    if (c.unit == kUnreadable) continue;
    if (auto at = ids.units.resolve(c.unit)) {
      c.unit = *at;
      commitments.push_back(std::move(c));
    } else {
      dangling(prefix + "commitments[" + std::to_string(j) + "].unit", ids.units.name(c.unit), ids.units,
               Reference::unit);
    }
  }
  p.commitments = std::move(commitments);
  std::vector<Index> themes;
  for (std::size_t j = 0; j < p.themes.size(); ++j) {
    if (auto at = ids.themes.resolve(p.themes[j])) themes.push_back(*at);
    else
      dangling(prefix + "themes[" + std::to_string(j) + "]", ids.themes.name(p.themes[j]), ids.themes,
               Reference::theme);
  }
  p.themes = std::move(themes);
  resolve_one(p.parent, ids.partnerships, prefix + "parent", Reference::partnership, dangling);
  resolve_one(p.accountable_body, ids.organisations, prefix + "accountable_body", Reference::organisation, dangling);
}

}  // namespace partnermap::load

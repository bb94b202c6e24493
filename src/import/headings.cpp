#include "import/headings.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "import/encoding.h"
#include "import/text.h"
#include "partnermap/problem.h"

namespace partnermap::import {

namespace {

struct Known {
  Field field;
  const char* title;
  const char* key;                 // the register's own name for the field
  std::vector<const char*> words;  // folded headings that mean the field
};

const std::vector<Known>& known() {
  static const std::vector<Known> k = {
      {Field::id, "Id", "id", {"id", "ref", "reference", "partnershipid", "partnershipref", "code"}},
      {Field::name, "Partnership", "name", {"partnership", "partnershipname", "name", "nameofpartnership", "title"}},
      {Field::nature, "Nature", "nature", {"nature", "type", "natureofpartnership", "partnershiptype", "kind"}},
      {Field::role, "Council role", "role", {"councilrole", "role", "councilsrole", "ourrole", "leadorsupport", "councilleadorsupport",
                                             "roleofcouncil", "roleofthecouncil", "councilleadorsupportrole"}},
      {Field::lead, "Lead partner", "lead", {"leadpartner", "leadorganisation", "leadorganization", "lead", "leadbody", "leadagency"}},
      {Field::partners, "Partners", "members", {"partners", "partnerorganisations", "partnerorganizations", "members", "otherpartners",
                                                "membership", "memberorganisations", "partnersinvolved"}},
      {Field::themes, "City Vision themes", "themes", {"cityvisionthemes", "themes", "cityvision", "theme", "linktocityvision",
                                                       "cityvisiontheme", "priorities", "corporatepriorities", "cityvisionlink"}},
      {Field::units, "Business Units and hours", "commitments", {"businessunitsandhours", "businessunits", "businessunit", "units",
                                                                 "stafftime", "hoursbyunit", "serviceareas", "businessunitshours",
                                                                 "councilstafftime"}},
      {Field::hours, "Council hours a month", "hours", {"councilhoursamonth", "hours", "totalhours", "hoursamonth", "councilhours"}},
      {Field::budget, "Budget", "budget", {"budget", "totalbudget", "annualbudget", "budgetayear"}},
      {Field::council, "Council contribution", "budget.council", {"councilcontribution", "councilfunding", "ourcontribution",
                                                                  "councilscontribution", "contribution"}},
      {Field::accountable_body, "Accountable body", "accountable_body", {"accountablebody"}},
      {Field::parent, "Parent partnership", "parent", {"parent", "parentpartnership", "subpartnershipof", "partof"}},
      {Field::stage, "Stage", "stage", {"stage", "lifecyclestage", "lifecycle"}},
      {Field::start, "Start", "start", {"start", "startdate", "began", "from", "started"}},
      {Field::end, "End", "end", {"end", "enddate", "until", "ends", "to", "finish"}},
      {Field::indicators, "Indicators", "indicators", {"indicators", "indicatorsorevaluation", "performanceindicators", "pis", "targets",
                                                       "measures", "indicatorsandevaluation"}},
      {Field::evaluation, "Evaluation", "evaluation", {"evaluation"}},
      {Field::management, "Management", "management", {"management", "governance", "managementarrangements", "approachtomanaging",
                                                        "howmanaged", "governancearrangements"}},
      {Field::exit_strategy, "Exit strategy", "exit_strategy", {"exitstrategy", "exit", "exitorsuccession", "exitorsuccessionstrategy",
                                                                "succession"}},
      {Field::risk, "Risk", "risk", {"risk", "riskrating", "risklevel", "riskassessment"}},
      {Field::last_review, "Last review", "last_review", {"lastreview", "lastreviewed", "reviewdate", "dateoflastreview", "reviewed"}},
      {Field::posts, "Permanent posts", "posts", {"permanentposts", "posts", "councilposts"}},
      {Field::funded_until, "Posts funded until", "posts.funded_until", {"postsfundeduntil", "fundeduntil", "fundingends"}},
      {Field::survey_responses, "Survey responses", "survey.responses", {"surveyresponses", "responses"}},
      {Field::survey_satisfied, "Satisfied", "survey.satisfied", {"satisfied", "surveysatisfied", "satisfiedresponses"}},
      {Field::findings, "Review findings", "findings", {"reviewfindings", "findings"}},
  };
  return k;
}

// A field by its key words. A heading names the field when it holds a key word and each of its
// other words is a qualifier, a word that says nothing, or (where the council narrows the field) a
// word for the council; or when it holds a key word and a qualifier, whatever else it says.
struct Rule {
  Field field;
  std::vector<const char*> keys;
  std::vector<const char*> qualifiers;
  std::vector<const char*> never;  // a heading with one of these is about something else
  bool council_qualifies = false;  // "Council", "our", the council's initials narrow it
  bool council_never = false;      // ...or make it another field ("Council funding" is not the budget)
  bool strict = false;             // every word must be a key, qualifier or filler
  bool needs_qualifier = false;
};

const std::vector<Rule>& rules() {
  static const std::vector<Rule> r = {
      {Field::id, {"id", "ref", "reference", "code", "identifier", "refno", "urn"}, {"no", "number", "num", "unique"}, {}},
      {Field::name, {"partnership", "name", "title"}, {"full", "group", "of", "the"}, {}, false, false, true},
      {Field::nature, {"nature", "type", "kind", "category", "classification", "sort"}, {}, {}},
      {Field::role, {"role", "involvement", "participation", "position"}, {"lead", "support", "or"}, {"partner", "partners"}, true},
      {Field::lead, {"lead", "leads"}, {"partner", "partners", "organisation", "organization", "body", "agency", "org", "authority"},
       {"officer", "officers", "contact", "role"}},
      {Field::partners, {"partners", "partner", "members", "member", "membership", "organisations", "organizations", "bodies", "agencies"},
       {"other", "involved", "key", "main", "list"}, {"lead", "role", "roles"}},
      {Field::themes, {"theme", "themes", "priority", "priorities", "vision", "objective", "objectives"},
       {"city", "corporate", "plan", "strategic", "link", "links", "linked", "council"}, {}},
      {Field::units, {"unit", "units", "department", "departments", "dept", "depts", "directorate", "directorates", "service",
                      "services", "team", "teams"},
       {"business", "lead", "responsible", "area", "areas", "involved"}, {"hours", "time", "input", "effort"}, true},
      {Field::hours, {"hours", "time", "input", "effort"}, {"officer", "officers", "staff", "staffing", "unit", "units", "employee", "team"},
       {"start", "end"}, true},
      {Field::budget, {"budget", "funding", "value", "cost", "costs", "spend", "money", "finance", "funds", "resources"},
       {"overall", "gross", "partnership"}, {"until", "ends", "end", "posts"}, false, true},
      {Field::council, {"contribution", "funding", "money", "budget", "spend", "cost", "share", "investment", "resources", "funds"},
       {}, {"until", "ends", "end", "posts"}, true, false, false, true},
      {Field::accountable_body, {"accountable"}, {"body", "organisation", "organization", "authority"}, {}},
      {Field::parent, {"parent"}, {"partnership", "group", "body"}, {}},
      {Field::stage, {"stage", "status", "phase", "lifecycle"}, {"life", "cycle", "current"}, {}},
      {Field::start, {"start", "started", "starts", "began", "begun", "commenced", "established", "formed", "inception", "commencement"},
       {"year", "when"}, {}},
      {Field::end, {"end", "ends", "ended", "finish", "finishes", "expiry", "expires", "closure", "close", "closes", "ending"},
       {"year", "when", "planned", "expected"}, {"funded", "funding", "posts", "post"}},
      {Field::indicators, {"indicators", "indicator", "measures", "measure", "kpis", "kpi", "pis", "targets", "target", "metrics"},
       {"performance", "success", "key", "outcome", "outcomes"}, {}},
      {Field::evaluation, {"evaluation", "evaluated"}, {}, {}},
      {Field::management, {"management", "governance", "managed", "arrangements"}, {}, {}},
      {Field::exit_strategy, {"exit", "succession"}, {"strategy", "plan", "route", "arrangements"}, {}},
      {Field::risk, {"risk", "risks"}, {"rating", "level", "assessment", "score"}, {}},
      {Field::last_review, {"review", "reviewed", "reviews"}, {"last", "latest", "recent", "most", "previous", "on"},
       {"next", "due", "findings", "frequency", "planned", "cycle", "period"}},
      {Field::posts, {"posts", "post"}, {"permanent", "funded", "staff", "fte"}, {"until", "end", "ends", "expiry"}, true},
      {Field::funded_until, {"funded", "funding"}, {"until", "end", "ends", "expiry", "expires"}, {}, false, false, false, true},
      {Field::findings, {"findings"}, {}, {}},
  };
  return r;
}

// Words that say nothing about which field a heading names.
bool filler(const std::string& w) {
  static const std::set<std::string> words = {
      "a",    "an",     "the",     "of",     "per",         "by",       "in",     "for",     "to",      "and",    "on",
      "at",   "is",     "this",    "each",   "its",         "s",        "current", "currently", "total", "month", "months",
      "monthly", "year", "years",  "yearly", "annual",      "annually", "spent",  "given",   "used",    "committed",
      "partnership", "partnerships", "date", "dates", "when", "if",   "any",    "all",     "approx",  "approximate",
      "estimated", "est", "average", "typical", "how",     "much",     "many",   "pm",      "pcm",     "mth",    "what",
      "which", "who", "does", "do",   "has",     "have",   "with",        "we",       "us"};
  return words.count(w) > 0;
}

// A heading about a field, not the field: "Budget notes", "Lead partner contact".
bool never_a_field(const std::string& w) {
  static const std::set<std::string> words = {"notes", "note", "comment", "comments", "remarks", "detail", "details",
                                              "description", "contact", "contacts", "email", "phone", "telephone",
                                              "tel", "link", "url", "website", "web", "address", "source", "sources",
                                              "evidence", "explanation", "reason", "reasons", "why"};
  return words.count(w) > 0;
}

// The heading without a bracketed part: "Budget (£ a year)" is "Budget".
std::string without_brackets(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') ++depth;
    else if ((c == ')' || c == ']') && depth > 0) --depth;
    else if (depth == 0) out += c;
  }
  return out;
}

// Whether a character beyond ASCII (its UTF-8 bytes) is a letter of a word, as in "Café", rather than
// a sign: the Latin-1 signs (£ ¥ § ° ±...), × and ÷, and the general punctuation, currency, arrows and
// mathematical signs from U+2000 to U+2BFF.
bool letter_beyond_ascii(std::string_view ch) {
  if (ch.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(ch[0]), b1 = static_cast<unsigned char>(ch[1]);
  if (b0 == 0xC2) return false;                          // U+0080 to U+00BF
  if (b0 == 0xC3) return b1 != 0x97 && b1 != 0xB7;       // × and ÷
  if (b0 == 0xE2) return b1 < 0x80 || b1 > 0xAF;         // U+2000 to U+2BFF
  return true;
}

struct Word {
  std::string as_written;  // for initials, which count only in capitals
  std::string word;        // lower case, "hrs" read as "hours"
  bool filler = false, never = false, council = false;  // worked out once, not once a rule
};

std::vector<Word> heading_words(std::string_view heading) {
  std::vector<Word> out;
  std::string w;
  const auto flush = [&] {
    if (w.empty()) return;
    std::string l = lower_ascii(w);
    if (l == "hrs" || l == "hr" || l == "hour" || l == "h") l = "hours";
    out.push_back({w, l, filler(l), never_a_field(l), false});
    w.clear();
  };
  for (std::size_t i = 0; i < heading.size();) {
    const char c = heading[i];
    const std::size_t n = std::max<std::size_t>(1, utf8_sequence(heading, i));
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || letter_beyond_ascii(heading.substr(i, n)))
      w.append(heading.substr(i, n));
    else
      flush();  // "Budget £", "Cost (€)", "Hours – staff": a sign is not a word
    i += n;
  }
  flush();
  return out;
}

bool in(const std::vector<const char*>& list, const std::string& w) {
  return std::any_of(list.begin(), list.end(), [&](const char* x) { return w == x; });
}

bool rule_matches(const Rule& rule, const std::vector<Word>& words) {
  bool key = false, qualifier = false, others = true;
  for (const Word& w : words) {
    if (w.never || in(rule.never, w.word)) return false;
    if (w.council && rule.council_never) return false;
    if (in(rule.keys, w.word)) key = true;
    else if (in(rule.qualifiers, w.word) || (w.council && rule.council_qualifies)) qualifier = true;
    else if (rule.strict || !w.filler) others = false;
  }
  if (!key || (rule.needs_qualifier && !qualifier)) return false;
  return others || (qualifier && !rule.strict);
}

std::optional<Field> lookup(const std::string& folded) {
  static const std::unordered_map<std::string, Field> by_word = [] {
    std::unordered_map<std::string, Field> m;
    for (const Known& k : known())
      for (const char* w : k.words) m.emplace(w, k.field);
    return m;
  }();
  const auto it = by_word.find(folded);
  if (it == by_word.end()) return std::nullopt;
  return it->second;
}

}  // namespace

const char* field_title(Field f) {
  for (const Known& k : known())
    if (k.field == f) return k.title;
  return f == Field::theme ? "theme" : f == Field::ignore ? "ignore" : "extra";
}

HeadingMatch match_heading(std::string_view heading, const CouncilNames& council) {
  const std::string bare = without_brackets(heading);
  if (const auto f = lookup(fold(bare))) return {f, {}};
  if (const auto f = lookup(fold(heading))) return {f, {}};
  std::vector<Word> words = heading_words(bare);
  if (words.empty()) words = heading_words(heading);
  if (words.size() > 12) return {};  // a sentence, not a heading
  for (Word& w : words) w.council = council.heading_word(w.as_written);
  HeadingMatch out;
  for (const Rule& r : rules())
    if (rule_matches(r, words)) out.candidates.push_back(r.field);
  if (out.candidates.size() == 1) {
    out.field = out.candidates.front();
    out.candidates.clear();
  }
  return out;
}

std::optional<Field> recognise_heading(std::string_view heading, const CouncilNames& council) {
  return match_heading(heading, council).field;
}

std::optional<Field> closest_field(std::string_view heading) {
  const std::vector<Word> words = heading_words(without_brackets(heading));
  // "Partnership" says little beside other words: it is the name only when nothing else is close.
  for (bool name_too : {false, true})
    for (const Rule& r : rules())
      for (const Word& w : words)
        if ((name_too || r.field != Field::name) && in(r.keys, w.word) && !w.never &&
            std::none_of(words.begin(), words.end(), [&](const Word& x) { return in(r.never, x.word); }))
          return r.field;
  const std::string folded = fold(without_brackets(heading));
  if (folded.size() < 3) return std::nullopt;
  std::vector<std::string> all;
  for (const Known& k : known())
    for (const char* w : k.words) all.push_back(w);
  const std::string near = nearest(folded, all);
  if (near.empty()) return std::nullopt;
  return lookup(near);
}

std::string suggest_heading(std::string_view heading) {
  const auto f = closest_field(heading);
  return f ? field_title(*f) : "";
}

std::optional<Field> field_named(std::string_view name) {
  const std::string f = fold(name);
  if (f == "theme") return Field::theme;
  if (f == "extra" || f == "keep") return Field::extra;
  if (f == "ignore" || f == "skip") return Field::ignore;
  for (const Known& k : known())
    if (f == fold(k.title) || f == fold(k.key)) return k.field;
  return recognise_heading(name);
}

std::string field_names_list() {
  std::string out;
  for (const Known& k : known()) {
    if (k.field == Field::findings) continue;
    out += quote_text(k.title) + ", ";
  }
  return out + "\"theme\" (a tick column), \"extra\" (kept as it is) or \"ignore\" (left out)";
}

}  // namespace partnermap::import

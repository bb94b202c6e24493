#include "brief_survey.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "escape.h"

namespace partnermap::render {

namespace {

std::string score(std::optional<double> s) {
  if (!s) return "no ratings";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", *s);
  return std::string(buf) + " of 4 (" + percent(*s / 4.0) + ")";
}

// Few responses: under half the partners answered.
constexpr double kFewResponses = 0.5;

}  // namespace

void write_survey_section(const Analysed& in, std::ostream& out) {
  if (!in.survey) return;
  const SurveyFigures& s = *in.survey;
  const Register& reg = in.reg();
  const double low = in.review.settings.satisfaction_threshold;
  out << "<section aria-labelledby=\"h-partners\"><h2 id=\"h-partners\">What partners say</h2>\n"
      << "<p>From the stakeholder survey of " << html_escape(long_date(s.date)) << ": "
      << html_escape(count_of(s.ratings, "rating", "ratings")) << " of partners by each other. Trust (reliable, supports the "
      << "mission, open to discussion) and value (power and influence, involvement, resources) are scored 1 to 4.</p>\n";
  out << "<div class=\"figures\">\n<div class=\"figure\"><b>" << html_escape(s.trust ? percent(*s.trust / 4.0) : "-")
      << "</b>network trust: " << html_escape(score(s.trust))
      << "<span class=\"howto\">The mean of the trust ratings partners gave one another, as a share of the best score "
         "(4): how far they rely on each other.</span></div>\n<div class=\"figure\"><b>"
      << html_escape(s.value ? percent(*s.value / 4.0) : "-") << "</b>network value: " << html_escape(score(s.value))
      << "<span class=\"howto\">The same for value: how much partners think the others bring.</span></div>\n";
  if (s.satisfied_share)
    out << "<div class=\"figure\"><b>" << html_escape(percent(*s.satisfied_share)) << "</b>of answers satisfied with their partnership"
        << "<span class=\"howto\">Of every answer about a partnership, the share that was satisfied with it.</span></div>\n";
  if (s.facilitates_share)
    out << "<div class=\"figure\"><b>" << html_escape(percent(*s.facilitates_share)) << "</b>say the Council facilitates rather than dominates"
        << "<span class=\"howto\">Partners who see the Council helping them work together rather than directing them.</span></div>\n";
  out << "</div>\n<ul class=\"findings\">\n";
  if (s.council) {
    const OrganisationSurvey& c = s.organisations[*s.council];
    out << "<li>" << html_escape(reg.organisations[reg.council].name + " as its partners see it: trust " + score(c.trust) +
                                 ", value " + score(c.value) + " (" + count_of(c.ratings, "rating", "ratings") + ").")
        << "</li>\n";
  }
  for (const PartnershipSurvey& p : s.partnerships) {
    const std::string& name = reg.partnerships[p.partnership].name;
    if (p.satisfied_share && *p.satisfied_share < low)
      out << "<li>" << html_escape(name + ": low satisfaction, " + percent(*p.satisfied_share) + " of respondents satisfied (below " +
                                   percent(low) + ").")
          << "</li>\n";
    if (p.response_rate && *p.response_rate < kFewResponses)
      out << "<li>" << html_escape(name + ": few responses, " + std::to_string(p.respondents) + " of " + std::to_string(p.partners) +
                                   " partners answered (" + percent(*p.response_rate) + ").")
          << "</li>\n";
  }
  std::vector<const OrganisationSurvey*> asked;
  for (const OrganisationSurvey& o : s.organisations)
    if (o.asked > 0) asked.push_back(&o);
  std::stable_sort(asked.begin(), asked.end(), [](auto* a, auto* b) { return a->asked > b->asked; });
  if (asked.size() > 5) asked.resize(5);
  if (!asked.empty()) {
    std::vector<std::string> words;
    for (const OrganisationSurvey* o : asked)
      words.push_back(reg.organisations[o->org].name + " (" + count_of(o->asked, "partnership", "partnerships") +
                      (o->too_often_share ? ", " + percent(*o->too_often_share) + " say too often" : std::string()) + ")");
    out << "<li>" << html_escape("Partners asked most often: " + join_words(words) + ".") << "</li>\n";
  }
  out << "</ul></section>\n";
}

}  // namespace partnermap::render

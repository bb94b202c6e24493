// partnermap survey: stakeholder views as performance indicators. Partners rate each other on trust
// and value (PARTNER's questions) and say, for each partnership, whether they are satisfied, whether
// the Council facilitates rather than dominates, and whether they are consulted too often.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/survey_option.h"
#include "cli/table.h"
#include "partnermap/analysis/words.h"

namespace partnermap::cli {

namespace {

struct SurveyArgs {
  std::string path, date;
  std::vector<std::string> files;
  bool json = false;
};

std::string share_words(std::optional<double> share) { return share ? percent(*share) : "-"; }

void print_survey(std::ostream& out, const Register& reg, const SurveyFigures& s, bool colour) {
  out << "Stakeholder survey of " << long_date(s.date) << ": " << count_of(s.ratings, "rating", "ratings") << ", "
      << count_of(s.organisations.size(), "organisation", "organisations") << " rated or asked\n\n";
  out << "Network trust: " << score_words(s.trust) << "\n";
  out << "Network value: " << score_words(s.value) << "\n";
  if (s.council) {
    const OrganisationSurvey& c = s.organisations[*s.council];
    out << reg.organisations[reg.council].name << " as its partners see it: trust " << score_words(c.trust) << ", value "
        << score_words(c.value) << " (" << count_of(c.ratings, "rating", "ratings") << ")\n";
  }
  out << "Satisfied with their partnership: " << share_words(s.satisfied_share)
      << "; say the Council facilitates: " << share_words(s.facilitates_share) << "\n\n";
  TableStyle style;
  style.colour = colour;
  Table p{{{"Partnership", Align::left, Fit::wrap, 20},
           {"Respondents", Align::right},
           {"Response", Align::right},
           {"Satisfied", Align::right},
           {"Facilitates", Align::right},
           {"Council trust", Align::right}},
          {}};
  for (const PartnershipSurvey& x : s.partnerships)
    p.rows.push_back({reg.partnerships[x.partnership].name,
                      std::to_string(x.respondents) + " of " + std::to_string(x.partners),
                      share_words(x.response_rate), share_words(x.satisfied_share), share_words(x.facilitates_share),
                      x.council_trust ? score_words(x.council_trust).substr(0, 4) : "-"});
  if (!p.rows.empty()) {
    print_table(out, p, style);
    out << '\n';
  }
  Table o{{{"Organisation", Align::left, Fit::wrap, 20},
           {"Ratings", Align::right},
           {"Trust", Align::right},
           {"Value", Align::right},
           {"Asked", Align::right},
           {"Too often", Align::right}},
          {}};
  for (const OrganisationSurvey& x : s.organisations)
    o.rows.push_back({reg.organisations[x.org].name, std::to_string(x.ratings),
                      x.trust ? score_words(x.trust).substr(0, 4) : "-", x.value ? score_words(x.value).substr(0, 4) : "-",
                      std::to_string(x.asked), share_words(x.too_often_share)});
  print_table(out, o, style);
  out << "\nTrust and value are scores from 1 to 4 (the percentage is of the top of the scale). Response is respondents "
         "of the partners other than the Council; satisfied and facilitates count answers of 3 or 4.\n";
}

}  // namespace

void add_survey(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "survey",
      "Stakeholder views as performance indicators: reads a survey of the register's partners (a ratings table: "
      "who rates whom on trust, reliable/mission/open, and value, power/involvement/resources, each 1 to 4; a "
      "respondents table: each partner's satisfaction with each partnership, whether the Council facilitates "
      "rather than dominates, whether it is consulted too often) and reports trust and value per organisation and "
      "for the network, and response rates, satisfaction and over-consultation per partnership and organisation.");
  auto a = std::make_shared<SurveyArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("RESPONSES", a->files, "An XLSX or ODS workbook with sheets ratings and respondents, or the two CSV tables")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--date", a->date, "The wave's date, as YYYY-MM-DD, when the tables have no date column")
      ->type_name("DATE")
      ->check(CLI::Validator(
          [](std::string& s) {
            const std::string why = iso_date_problem(s);
            return why.empty() ? std::string() : "\"" + s + "\" " + why;
          },
          ""));
  cmd->add_flag("--json", a->json, "Print the figures as one JSON document");
  cmd->callback([a, &status] {
    const Loaded loaded = load_and_warn(a->path);
    std::optional<Date> date;
    if (!a->date.empty()) date = parse_iso_date(a->date);
    const std::vector<SurveyWave> waves = read_survey_files(loaded.reg, a->files, date);
    if (waves.size() > 1) {
      std::string dates;
      for (const SurveyWave& w : waves) dates += (dates.empty() ? "" : ", ") + to_iso(w.date);
      throw InputError({{Severity::error, a->files.front(),
                         "the files hold more than one wave (" + dates + "): give one wave's tables at a time"}});
    }
    if (waves.empty()) throw InputError({{Severity::error, a->files.front(), "the files hold no survey table"}});
    const SurveyFigures s = compute_survey(loaded.reg, waves.front());
    if (a->json) std::cout << nlohmann::json{{"survey", to_json(s, loaded.reg)}}.dump(2) << '\n';
    else print_survey(std::cout, loaded.reg, s, colour_wanted(1));
    status = kDone;
  });
}

}  // namespace partnermap::cli

// libFuzzer target: any bytes as a stakeholder survey read against a small register, then its figures.
// An input that starts as a zip does ("PK") is one workbook (XLSX or ODS, as its bytes say); any other
// input is two CSV tables separated by a NUL byte (ratings and respondents, in either order). Reading
// must either give waves or throw InputError, and every figure of a wave read must lie on its scale:
// trust and value from 1 to 4, shares and response rates from 0 to 1. Anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_fuzz.h"
#include "partnermap/analysis/survey.h"
#include "partnermap/survey.h"

namespace {

// tests/data/survey/register.json, the register the seeds name.
const char* kRegister = R"({
  "format": "partnermap/1", "as_of": "2005-03-01", "council": "council",
  "themes": [{"id": "safer", "name": "Safer communities"}, {"id": "health", "name": "Health"}],
  "business_units": [{"id": "housing", "name": "Housing", "capacity_hours": 40}],
  "organisations": [
    {"id": "council", "name": "City Council"}, {"id": "police", "name": "Constabulary"},
    {"id": "pct", "name": "Primary Care Trust"}, {"id": "cvs", "name": "Council for Voluntary Service"}],
  "partnerships": [
    {"id": "csp", "name": "Community Safety Partnership", "nature": "strategic",
     "members": [{"org": "council", "role": "lead"}, {"org": "police", "role": "support"}, {"org": "cvs", "role": "support"}]},
    {"id": "health", "name": "Health Improvement Partnership", "nature": "operational",
     "members": [{"org": "pct", "role": "lead"}, {"org": "council", "role": "support"}, {"org": "police", "role": "support"}]}]})";

void on_scale(std::optional<double> v, double low, double high) {
  if (v && !(*v >= low && *v <= high)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace partnermap;
  static const Register reg = load_register_text(kRegister, "register.json").reg;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<SurveyInput> inputs;
  if (input.substr(0, 2) == "PK") {
    inputs.push_back({"survey.xlsx", std::string(input)});
  } else {
    const std::vector<std::string> tables = fuzz::pieces(input, 2);
    inputs.push_back({"ratings.csv", tables[0]});
    inputs.push_back({"respondents.csv", tables[1]});
  }
  try {
    for (const SurveyWave& wave : read_survey(reg, inputs)) {
      const SurveyFigures s = compute_survey(reg, wave);
      on_scale(s.trust, 1, 4), on_scale(s.value, 1, 4), on_scale(s.satisfied_share, 0, 1), on_scale(s.facilitates_share, 0, 1);
      for (const OrganisationSurvey& o : s.organisations)
        on_scale(o.trust, 1, 4), on_scale(o.value, 1, 4), on_scale(o.too_often_share, 0, 1);
      for (const PartnershipSurvey& p : s.partnerships)
        on_scale(p.response_rate, 0, 1), on_scale(p.satisfied_share, 0, 1), on_scale(p.facilitates_share, 0, 1),
            on_scale(p.council_trust, 1, 4), on_scale(p.council_value, 1, 4);
      to_json(s, reg).dump();
    }
  } catch (const InputError&) {
  }
  return 0;
}

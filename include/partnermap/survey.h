// Reading a stakeholder survey: partners rating each other (trust and value, PARTNER's questions) and
// answering for each partnership they sit on (satisfaction, whether the Council facilitates, whether
// they are consulted too often).
//
// A wave of the survey is two tables, told apart by their headings: `ratings` (one row per rating of
// one organisation by another) and `respondents` (one row per respondent and partnership). They come
// as the two sheets of one XLSX or ODS workbook or as two CSV files, in any order. Organisations and
// partnerships are named by the register's id or name; every problem is collected with its sheet, row
// and column, and all are thrown at once as InputError.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "partnermap/model.h"
#include "partnermap/problem.h"

namespace partnermap {

// The 1-4 answers, left empty where the question was not answered.
using Answer = std::optional<int>;

// Trust items: reliable, supports the mission, open to discussion. Value items: power and influence,
// level of involvement, resources contributed.
inline constexpr std::array<const char*, 3> kTrustItems = {"reliable", "mission", "open"};
inline constexpr std::array<const char*, 3> kValueItems = {"power", "involvement", "resources"};

struct Rating {
  Index respondent = 0;               // into Register::organisations
  Index about = 0;                    // into Register::organisations
  std::optional<Index> partnership;   // into Register::partnerships
  std::array<Answer, 3> trust, value;
};

struct RespondentAnswers {
  Index respondent = 0;   // into Register::organisations
  Index partnership = 0;  // into Register::partnerships
  Answer satisfied;             // overall satisfaction with the partnership
  Answer council_facilitates;   // the Council facilitates rather than dominates
  std::optional<bool> consulted_too_often;
};

struct SurveyWave {
  Date date;
  std::vector<Rating> ratings;
  std::vector<RespondentAnswers> respondents;
  std::vector<std::string> sources;  // the files read, for messages and reports
};

// One file's bytes and the name messages give it.
struct SurveyInput {
  std::string name;
  std::string bytes;
};

// As read_survey_files, from bytes already read (a CSV table, or an XLSX or ODS workbook each).
std::vector<SurveyWave> read_survey(const Register& reg, const std::vector<SurveyInput>& inputs,
                                    std::optional<Date> date = std::nullopt);

// Reads the tables in `paths` against `reg`, grouping them into waves by their date (a `date`
// column, else `date`); waves come oldest first. Throws InputError listing every problem.
std::vector<SurveyWave> read_survey_files(const Register& reg, const std::vector<std::string>& paths,
                                          std::optional<Date> date = std::nullopt);

// The files of each wave, by the wave's date (a table's `date` column), read without the register:
// which files to read against which register, when waves of several dates name partnerships that
// only some registers hold. A workbook whose two tables have two dates is in both. Throws InputError
// for a file that is not a survey table, a date that is not one or a table without a date.
std::map<Date, std::vector<std::string>> survey_files_by_date(const std::vector<std::string>& paths);

}  // namespace partnermap

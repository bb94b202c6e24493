// partnermap matrix: the updated partnerships matrix (the consultant's brief) as HTML, CSV, XLSX,
// Markdown or JSON, for the whole register or one slice of it.
#include <cctype>
#include <filesystem>
#include <iostream>
#include <functional>
#include <memory>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/survey_option.h"
#include "matrix_write.h"

namespace partnermap::cli {

namespace {

struct MatrixArgs {
  std::string path, out, at, sort = "name";
  bool descending = false;
  std::vector<std::string> filters;
  std::vector<std::string> surveys;
};

std::string extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool known_extension(const std::string& ext) {
  return ext == ".html" || ext == ".htm" || ext == ".csv" || ext == ".xlsx" || ext == ".md" || ext == ".json";
}

}  // namespace

void add_matrix(CLI::App& app, int& status) {
  auto* cmd = app.add_subcommand(
      "matrix",
      "Write the partnerships matrix: one row per partnership with its nature, the Council's role (lead or "
      "support), the lead partner, a tick for each City Vision theme it serves, its indicators or evaluation, "
      "how it is managed, the Business Units' hours, its budget and the Council's contribution, its stage, "
      "dates, risk and what the review found. The file's ending picks the format: .html (a page that sorts "
      "and filters, prints on A3), .csv (for Excel), .xlsx (with capacity and review sheets), .md or .json.");
  auto a = std::make_shared<MatrixArgs>();
  cmd->add_option("REGISTER", a->path, "The register file (partnermap/1 JSON)")->required();
  cmd->add_option("-o,--output", a->out, "The file to write: FILE.html, .csv, .xlsx, .md or .json")
      ->required()
      ->type_name("FILE")
      ->check(CLI::Validator(
          [](std::string& s) {
            return names_no_file(s) || known_extension(extension(s)) ? std::string()
                                                 : "\"" + s + "\" does not end in .html, .csv, .xlsx, .md or .json, so the format is not known";
          },
          "FILE"));
  add_at_option(cmd, a->at, "The date the review and roles are worked out for");
  add_survey_option(cmd, a->surveys);
  cmd->add_option("--sort", a->sort, "Order the rows by: name (default), nature, role, lead, hours, budget, council, stage, start, end, risk, findings")
      ->type_name("COLUMN");
  cmd->add_flag("--descending", a->descending, "Largest or last first");
  cmd->add_option("--filter", a->filters,
                  "Keep only some partnerships: theme=ID, unit=ID, nature=strategic|operational|funding|project or "
                  "role=lead|support|observer|none. Give it more than once to combine (all must hold).")
      ->type_name("KEY=VALUE");
  cmd->callback([a, &status] {
    render::MatrixOptions options;
    options.sort = a->sort;
    options.descending = a->descending;
    try {
      for (const std::string& f : a->filters) options.filters.push_back(render::parse_matrix_filter(f));
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError(e.what());
    }
    refuse_to_overwrite_inputs(a->out, {a->path});
    Loaded loaded = load_and_warn(a->path);
    const auto survey = apply_survey_files(loaded.reg, a->surveys, date_or_as_of(a->at, loaded.reg));
    const Register& reg = loaded.reg;
    const Graph g(reg);
    const render::Results results = render::compute_results(g, date_or_as_of(a->at, reg));
    const render::Analysed in{g, results.capacity, results.roles, results.review, survey ? &*survey : nullptr};
    render::Matrix m;
    try {
      m = render::build_matrix(in, options);
    } catch (const std::invalid_argument& e) {
      throw CLI::ValidationError(e.what());
    }
    const std::string ext = extension(a->out);
    if (ext == ".xlsx")
      write_file_atomically(a->out, [&](const std::string& temp) { render::write_matrix_xlsx(m, in, temp); });
    else
      write_stream_atomically(a->out, [&](std::ostream& out) {
        if (ext == ".csv") render::write_matrix_csv(m, out);
        else if (ext == ".md") render::write_matrix_markdown(m, out);
        else if (ext == ".json") render::write_matrix_json(m, reg, out);
        else render::write_matrix_html(m, out);
      });
    std::cout << "wrote " << a->out << ": " << m.rows.size() << " of " << m.total_partnerships << " partnerships\n";
    status = kDone;
  });
}

}  // namespace partnermap::cli

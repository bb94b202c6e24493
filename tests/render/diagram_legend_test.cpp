// Every legend entry checked against the graph as drawn (gvpr on the DOT), what a view draws on its
// date, ego views by name, the aspect of every briefing diagram, and every example the help and the
// README give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>

#include "render_support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

std::string draw_dot(const TempDir& dir, const std::string& args) {
  const auto dot = dir / "d.dot";
  const Run r = run_partnermap("diagram " + shell_quote(carlisle()) + " " + args + " -o " + shell_quote(dot));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return read_text(dot);
}

std::vector<std::string> gvpr_lines(const TempDir& dir, const std::string& program) {
  write_text(dir / "prog.g", program);
  const Run r = run_command("gvpr -f " + shell_quote(dir / "prog.g") + " " + shell_quote(dir / "d.dot"));
  REQUIRE(r.status == 0);
  std::vector<std::string> out;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("diagram: lines to units are as wide as their hours, and the legend gives the range drawn", "[render][diagram][legend][readers]") {
  for (const char* view : {"network", "capacity", "ego:unit:ecd"}) {
    TempDir dir;
    INFO(view);
    const std::string dot = draw_dot(dir, std::string("--view ") + view);
    // Green lines are staff time; the tooltip carries the hours.
    const auto lines = gvpr_lines(dir, "E [color == \"#009E73\"] { printf(\"%s|%s\\n\", $.penwidth, $.tooltip) }");
    REQUIRE(lines.size() >= 2);
    std::vector<std::pair<double, double>> drawn;  // hours, width
    for (const std::string& l : lines) drawn.emplace_back(std::stod(l.substr(l.find('|') + 1)), std::stod(l));
    const auto most = *std::max_element(drawn.begin(), drawn.end());
    const auto least = *std::min_element(drawn.begin(), drawn.end());
    REQUIRE(most.first > least.first);  // Carlisle's lines differ, so the widths must
    CHECK(most.second == Approx(8.0).margin(0.01));
    CHECK(least.second < most.second);
    for (const auto& [h, w] : drawn) CHECK(w == Approx(std::max(0.6, 8.0 * h / most.first)).margin(0.01));
    const std::string legend = std::string("the widest line ") + std::to_string(static_cast<int>(most.first)) + " hours, the thinnest " +
                               std::to_string(static_cast<int>(least.first));
    CHECK(dot.find(legend) != std::string::npos);
  }
}

TEST_CASE("diagram: views draw what is active on the date; --include adds ended and proposed in grey, legended", "[render][diagram][legend][readers]") {
  TempDir dir;
  const std::string plain = draw_dot(dir, "--view network");
  const auto grey = "N [style == \"*dashed*\" && fillcolor == \"#DDDDDD\" && shape == \"box\"] { printf(\"%s\\n\", $.name) }";
  CHECK(gvpr_lines(dir, grey).empty());
  CHECK(plain.find("Grey dashed boxes") == std::string::npos);
  CHECK(plain.find("(30 partnerships)") != std::string::npos);  // the title counts what is drawn
  CHECK(plain.find("Not drawn: the register&#39;s 4 partnerships not active on 1 September 2004 (1 ended, 3 not yet started)") != std::string::npos);
  const auto boxes = "N [shape == \"box\" && partnermap_kind == \"partnership\"] { printf(\"%s\\n\", $.name) }";
  CHECK(gvpr_lines(dir, boxes).size() == 30);

  const std::string ended = draw_dot(dir, "--view network --include ended");
  CHECK(gvpr_lines(dir, grey).size() == 1);
  CHECK(ended.find("ended before 1 September 2004") != std::string::npos);
  CHECK(ended.find("not started by") == std::string::npos);  // only what is drawn is in the legend

  const std::string all = draw_dot(dir, "--view themes --include ended,proposed");
  CHECK(gvpr_lines(dir, grey).size() == 4);
  CHECK(all.find("ended before 1 September 2004") != std::string::npos);
  CHECK(all.find("not started by 1 September 2004") != std::string::npos);
  CHECK(all.find("(34 partnerships)") != std::string::npos);

  const Run bad = run_partnermap("diagram " + shell_quote(carlisle()) + " --include finished -o " + shell_quote(dir / "x.svg"));
  CHECK(bad.status == 2);
  CHECK(bad.err.find("\"finished\" is not a kind of partnership to add; give ended, proposed or ended,proposed") != std::string::npos);
}

TEST_CASE("diagram: an ego view is titled by name, its centre marked in its own style, and an ambiguous id is refused", "[render][diagram][legend]") {
  TempDir dir;
  const std::string dot = draw_dot(dir, "--view ego:cdrp");
  CHECK(dot.find("around Carlisle Crime and Disorder Reduction Partnership") != std::string::npos);
  CHECK(dot.find("around cdrp") == std::string::npos);
  const auto focus = gvpr_lines(dir, "N [penwidth == \"6\"] { printf(\"%s|%s\\n\", $.partnermap_kind, $.color) }");
  REQUIRE(focus.size() == 1);
  CHECK(focus[0] == "partnership|#0072B2");
  CHECK(dot.find("the centre of this view, Carlisle Crime and Disorder Reduction Partnership") != std::string::npos);
  // Nothing is outlined in the over-capacity colour.
  CHECK(gvpr_lines(dir, "N [color == \"#D55E00\"] { printf(\"%s\\n\", $.name) }").empty());

  const Run both = run_partnermap("diagram " + shell_quote(carlisle()) + " --view ego:environment -o " + shell_quote(dir / "x.svg"));
  CHECK(both.status == 2);
  CHECK(both.err.find("\"environment\" is the id of 2 things; say which:") != std::string::npos);
  CHECK(both.err.find("ego:unit:environment for the Business Unit \"Environmental Services\"") != std::string::npos);
  CHECK(both.err.find("ego:theme:environment for the theme") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "x.svg"));

  const std::string unit = draw_dot(dir, "--view ego:unit:environment");
  CHECK(unit.find("around Environmental Services") != std::string::npos);
  const Run none = run_partnermap("diagram " + shell_quote(carlisle()) + " --view ego:org:nobody -o " + shell_quote(dir / "x.svg"));
  CHECK(none.status == 2);
  CHECK(none.err.find("no organisation has the id \"nobody\"; ids are in the register, for example ego:") != std::string::npos);
}

TEST_CASE("diagram: every example in each command's --help and in the README runs", "[render][diagram][cli][docs]") {
  const std::string root = std::filesystem::path(carlisle()).parent_path().parent_path().string();
  std::vector<std::string> texts{read_text(std::filesystem::path(root) / "README.md")};
  const Run top = run_partnermap("--help");
  REQUIRE(top.status == 0);
  texts.push_back(top.out);
  // Each command the top-level help lists, and its own help.
  const std::regex command(R"(\n  ([a-z]+)  )");
  std::set<std::string> commands;
  for (auto it = std::sregex_iterator(top.out.begin(), top.out.end(), command); it != std::sregex_iterator(); ++it) {
    commands.insert((*it)[1].str());
    const Run help = run_partnermap((*it)[1].str() + " --help");
    INFO((*it)[1].str());
    CHECK(help.status == 0);
    texts.push_back(help.out);
  }
  CHECK(commands.size() >= 15);
  // An example is "partnermap COMMAND ..." at the start of a line (after "$ " in the README) or after
  // "Example: ", up to a comment or the line's end.
  const std::regex example(R"((?:(?:^|\n)\s*(?:\$ )?|Example: )partnermap ([a-z]+ [^\n#]*))");
  std::set<std::string> examples;
  for (const std::string& text : texts)
    for (auto it = std::sregex_iterator(text.begin(), text.end(), example); it != std::sregex_iterator(); ++it) {
      std::string args = (*it)[1];
      while (!args.empty() && (args.back() == ' ' || args.back() == '`')) args.pop_back();
      if (commands.count(args.substr(0, args.find(' ')))) examples.insert(args);
    }
  std::size_t ran = 0;
  for (std::string args : examples) {
    // Inputs named in the example must be the bundled ones; "register.xlsx" and the like stand for
    // the reader's own file and cannot run here.
    std::istringstream words(args);
    std::string word, previous;
    bool runnable = true;
    while (words >> word) {
      const bool input = word.find('.') != std::string::npos && word[0] != '-' && previous != "-o" && previous != "--html" &&
                         word.find('/') != std::string::npos;
      const bool stand_in = word.find('.') != std::string::npos && word[0] != '-' && previous != "-o" && previous != "--html" &&
                            word.find('/') == std::string::npos && word.find(':') == std::string::npos &&
                            word.find(',') == std::string::npos;
      if ((input && !std::filesystem::exists(std::filesystem::path(root) / word)) || stand_in) runnable = false;
      previous = word;
    }
    if (!runnable) continue;
    TempDir dir;
    // Outputs go to a fresh folder: "-o out" becomes "-o DIR/out".
    args = std::regex_replace(args, std::regex(R"((-o|--html) (\S+))"), "$1 " + dir.path.string() + "/$2");
    INFO(args);
    const Run r = run_command("cd " + shell_quote(root) + " && PARTNERMAP_CHROMIUM= '" + PARTNERMAP_BIN + "' " + args);
    INFO(r.err);
    // A broken register's example shows its error.
    CHECK(r.status == (args.find("tests/data/bad/") != std::string::npos ? 2 : 0));
    ++ran;
  }
  CHECK(ran >= 20);
  // The message for a view it does not know gives an example that works.
  const Run bad = run_partnermap("diagram " + shell_quote(carlisle()) + " --view nonsense -o x.svg");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("for example ego:cdrp") != std::string::npos);
}

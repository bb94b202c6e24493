// Nothing lost, nothing injected, tried through the real binary as a careless or a hostile user
// would: an officer's folder beside an index.html, an import onto its own sheet, links planted in
// the output's folder, a full disk under every format, standard output that cannot be written,
// numeric options that are not numbers, hostile ids through every diagram view and Graphviz's own
// reader, and register colour codes on a terminal. Each leaves the user's files byte for byte as
// they were, prints one message naming the output the user asked for, and exits as documented.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hostile_strings.h"
#include "support.h"

using namespace partnermap::test;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) {
  std::string out = "'";
  for (char c : p.string()) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Every file under `dir` with its bytes (links as "-> target"), to compare before and after.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(e.path(), dir).string();
    if (e.is_symlink()) out[name] = "-> " + fs::read_symlink(e.path()).string();
    else if (e.is_directory()) out[name] = "(folder)";
    else out[name] = read_text(e.path());
  }
  return out;
}

bool any_temporary(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().rfind(".partnermap-", 0) == 0) return true;
  return false;
}

std::size_t lines_in(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

std::string proposal() { return std::string(PARTNERMAP_DATASETS) + "/proposals/heritage-trail.json"; }

// Carlisle with ids renamed to `ids` (organisations first, then partnerships), every reference too.
std::string carlisle_with_ids(const std::vector<std::string>& ids, std::vector<std::string>* renamed_partnerships = nullptr) {
  nlohmann::json doc = nlohmann::json::parse(read_text(carlisle()));
  std::vector<std::string> old;
  const std::size_t orgs = std::min<std::size_t>(ids.size() / 2, doc["organisations"].size() - 1);
  // The council itself (the first organisation) keeps its id: it is named by "council".
  for (std::size_t i = 0; i < orgs; ++i) old.push_back(doc["organisations"][i + 1]["id"]);
  for (std::size_t i = 0; old.size() < ids.size() && i < doc["partnerships"].size(); ++i)
    old.push_back(doc["partnerships"][i]["id"]);
  std::string text = doc.dump();
  for (std::size_t i = 0; i < old.size(); ++i) {
    const std::string from = nlohmann::json(old[i]).dump(), to = nlohmann::json(ids[i]).dump();
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    if (renamed_partnerships && i >= orgs) renamed_partnerships->push_back(ids[i]);
  }
  return text;
}

bool have(const std::string& program) { return run_command("command -v " + program).status == 0; }

}  // namespace

TEST_CASE("brief never deletes an officer's files beside an index.html", "[hardening][safe-outputs]") {
  TempDir dir;
  fs::create_directories(dir / "site" / "images");
  write_text(dir / "site" / "index.html", "<p>the officer's own site</p>");
  write_text(dir / "site" / "report.docx", std::string("PK\3\4 a report", 14));
  write_text(dir / "site" / "images" / "logo.png", "a logo");
  const auto before = snapshot(dir.path);

  const Run r = run_partnermap("brief " + q(carlisle()) + " -o " + q(dir / "site"));
  CHECK(r.status == 2);
  CHECK(r.err == (dir / "site").string() +
                     ": holds files partnermap did not write (images, index.html, report.docx); a pack is made only in a "
                     "new or empty folder, or in place of an earlier pack that holds nothing else, so that none of your "
                     "files is deleted. Give a new folder after -o, or move those files elsewhere\n"
                     "1 error found; correct the file named above and run the command again.\n");
  CHECK(r.out.empty());
  CHECK(snapshot(dir.path) == before);

  SECTION("nor an officer's file added to an earlier pack, which is replaced only when it holds nothing else") {
    REQUIRE(run_partnermap("brief " + q(carlisle()) + " -o " + q(dir / "pack")).status == 0);
    REQUIRE(fs::exists(dir / "pack" / "partnermap-pack.txt"));
    write_text(dir / "pack" / "my notes.txt", "notes");
    const auto with_notes = snapshot(dir.path);
    const Run again = run_partnermap("brief " + q(carlisle()) + " -o " + q(dir / "pack"));
    CHECK(again.status == 2);
    CHECK_THAT(again.err, Catch::Contains("is an earlier briefing pack, but also holds files partnermap did not write (my notes.txt)"));
    CHECK(snapshot(dir.path) == with_notes);

    fs::remove(dir / "pack" / "my notes.txt");
    const Run replaced = run_partnermap("brief " + q(carlisle()) + " -o " + q(dir / "pack"));
    CHECK(replaced.status == 0);
    CHECK(fs::exists(dir / "pack" / "index.html"));
    CHECK_FALSE(any_temporary(dir.path));
  }
}

TEST_CASE("brief -o . says the folder holds the register only when it does", "[hardening][safe-outputs]") {
  TempDir dir;
  write_text(dir / "register.json", read_text(carlisle()));
  const Run holding = run_command("cd " + q(dir.path) + " && '" + PARTNERMAP_BIN + "' brief register.json -o .");
  CHECK(holding.status == 2);
  CHECK_THAT(holding.err, Catch::StartsWith(".: holds the register this command reads (register.json)"));

  fs::create_directory(dir / "elsewhere");
  write_text(dir / "elsewhere" / "mine.txt", "mine");
  const Run other = run_command("cd " + q(dir / "elsewhere") + " && '" + PARTNERMAP_BIN + "' brief " + q(dir / "register.json") + " -o .");
  CHECK(other.status == 2);
  CHECK_THAT(other.err, !Catch::Contains("holds the register"));
  CHECK_THAT(other.err, Catch::StartsWith(".: holds files partnermap did not write (mine.txt)"));
  CHECK(read_text(dir / "elsewhere" / "mine.txt") == "mine");
}

TEST_CASE("import never writes over the sheet it reads, under any spelling or link", "[hardening][safe-outputs]") {
  TempDir dir;
  fs::create_directory(dir / "x");
  for (const std::string ext : {"csv", "xlsx"}) {
    const fs::path sheet = dir / ("sheet." + ext);
    fs::copy_file(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004." + ext, sheet, fs::copy_options::overwrite_existing);
    fs::remove(dir / "link.json");
    fs::create_symlink(sheet, dir / "link.json");
    const auto before = snapshot(dir.path);
    for (const std::string& output : {sheet.string(), (dir / "x" / ".." / ("sheet." + ext)).string(), (dir / "link.json").string(),
                                      "./" + fs::relative(sheet, fs::current_path()).string()}) {
      INFO("import " << sheet << " -o " << output);
      const Run r = run_partnermap("import " + q(sheet) + " -o " + q(output));
      CHECK(r.status == 2);
      CHECK_THAT(r.err, Catch::StartsWith(output + ": is "));
      CHECK_THAT(r.err, Catch::Contains("a file this command reads; partnermap never writes over its input, so give another name for the output"));
      CHECK(snapshot(dir.path) == before);
    }
  }
}

TEST_CASE("a link planted at the output's name is replaced, never written through", "[hardening][safe-outputs]") {
  TempDir dir;
  write_text(dir / "victim.txt", "someone else's file");
  fs::create_symlink(dir / "victim.txt", dir / "matrix.csv");
  const Run r = run_partnermap("matrix " + q(carlisle()) + " -o " + q(dir / "matrix.csv"));
  CHECK(r.status == 0);
  CHECK(read_text(dir / "victim.txt") == "someone else's file");
  CHECK(fs::is_regular_file(fs::symlink_status(dir / "matrix.csv")));
  CHECK_FALSE(any_temporary(dir.path));
}

TEST_CASE("every temporary file is created with O_EXCL|O_NOFOLLOW, so no planted link is followed", "[hardening][safe-outputs]") {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
  // Under AddressSanitizer the traced process's own start-up opens differ; the Release build checks the flags.
  SUCCEED("skipped in the sanitized build");
  return;
#endif
#endif
  if (!have("strace") || run_command("strace -f -o /dev/null true").status != 0) {
    WARN("strace cannot trace here (no ptrace); the check of the temporary file's open is skipped");
    return;
  }
  TempDir dir;
  for (const std::string args : {"matrix CARLISLE -o OUT/m.csv", "matrix CARLISLE -o OUT/m.xlsx", "diagram CARLISLE -o OUT/d.svg",
                                 "diagram CARLISLE -o OUT/d.pdf", "export CARLISLE -o OUT/n.graphml", "import SHEET -o OUT/r.json",
                                 "brief CARLISLE -o OUT/pack"}) {
    INFO(args);
    fs::remove_all(dir / "out");
    fs::create_directory(dir / "out");
    std::string line = args;
    line.replace(line.find("OUT"), 3, (dir / "out").string());
    if (line.find("CARLISLE") != std::string::npos) line.replace(line.find("CARLISLE"), 8, carlisle());
    if (line.find("SHEET") != std::string::npos) line.replace(line.find("SHEET"), 5, std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.csv");
    const fs::path log = dir / "trace.log";
    const Run r = run_command("strace -f -qq -e trace=openat,open,creat,mkdir,mkdirat -o " + q(log) + " '" + PARTNERMAP_BIN + "' " + line);
    REQUIRE(r.status == 0);
    const std::string out = (dir / "out").string() + "/";
    std::size_t creates = 0;
    std::vector<std::string> private_folders;
    std::istringstream trace(read_text(log));
    for (std::string call; std::getline(trace, call);) {
      const auto at = call.find('"' + out);
      if (at == std::string::npos) continue;
      const std::string path = call.substr(at + 1, call.find('"', at + 1) - at - 1);
      const std::string inside = path.substr(out.size());
      if (call.find("mkdir") != std::string::npos) {
        if (call.find(", 0700)") != std::string::npos) private_folders.push_back(inside);
        continue;
      }
      if (call.find("O_CREAT") == std::string::npos) continue;
      ++creates;
      INFO(call);
      // Inside a private folder (mode 0700) a library may open by name; anywhere else in the user's
      // folder only an unpredictable name is created, exclusively, following no link.
      const bool in_private = std::any_of(private_folders.begin(), private_folders.end(),
                                          [&](const std::string& f) { return inside.rfind(f + "/", 0) == 0; });
      if (in_private) continue;
      CHECK(fs::path(inside).filename().string().rfind(".partnermap-", 0) == 0);
      CHECK(call.find("O_EXCL") != std::string::npos);
      CHECK(call.find("O_NOFOLLOW") != std::string::npos);
    }
    CHECK(creates > 0);
  }
}

TEST_CASE("a file size limit fails every format and brief cleanly, naming the output", "[hardening][safe-outputs]") {
  TempDir dir;
  struct Case {
    std::string args, output;
  };
  std::vector<Case> cases;
  for (const std::string ext : {"csv", "md", "html", "json", "xlsx"}) cases.push_back({"matrix CARLISLE -o OUT", "matrix." + ext});
  for (const std::string ext : {"svg", "png", "pdf", "dot"}) cases.push_back({"diagram CARLISLE -o OUT", "diagram." + ext});
  cases.push_back({"export CARLISLE -o OUT", "network.gexf"});
  cases.push_back({"explore CARLISLE -o OUT", "explore.html"});
  cases.push_back({"diff CARLISLE LATER --html OUT", "diff.html"});
  cases.push_back({"import SHEET -o OUT", "register.json"});
  cases.push_back({"generate --size council -o OUT", "generated.json"});
  for (const Case& c : cases) {
    INFO(c.args << " with OUT = " << c.output);
    const fs::path output = dir / c.output;
    write_text(output, "an earlier file");
    std::string line = c.args;
    line.replace(line.find("OUT"), 3, q(output));
    if (line.find("CARLISLE") != std::string::npos) line.replace(line.find("CARLISLE"), 8, q(carlisle()));
    if (line.find("SHEET") != std::string::npos) line.replace(line.find("SHEET"), 5, q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.xlsx"));
    if (line.find("LATER") != std::string::npos) line.replace(line.find("LATER"), 5, q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2005-03.json"));
    const auto before = snapshot(dir.path);
    // ulimit -f counts blocks of 1024 bytes: every output here is larger than one.
    const Run r = run_command("ulimit -f 1 && exec '" + std::string(PARTNERMAP_BIN) + "' " + line);
    CHECK(r.status == 1);
    // One message, the last line (the import's warnings about the sheet come before it), and no
    // library's own ("[ERROR] workbook_close()") or temporary name.
    CHECK_THAT(r.err, Catch::EndsWith("partnermap: could not write " + output.string() +
                                      ": the file would be larger than this system lets partnermap write (see ulimit -f). Nothing was "
                                      "written, and any earlier " + output.string() + " is as it was.\n"));
    CHECK(r.err.find("partnermap:") == r.err.rfind("partnermap:"));
    CHECK_THAT(r.err, !Catch::Contains("[ERROR]") && !Catch::Contains(".partnermap-"));
    CHECK(snapshot(dir.path) == before);
  }

  SECTION("brief") {
    const Run r = run_command("ulimit -f 1 && exec '" + std::string(PARTNERMAP_BIN) + "' brief " + q(carlisle()) + " -o " + q(dir / "pack"));
    CHECK(r.status == 1);
    CHECK(lines_in(r.err) == 1);
    CHECK_THAT(r.err, Catch::StartsWith("partnermap: could not write " + (dir / "pack").string() + "/"));
    CHECK_THAT(r.err, Catch::Contains("the file would be larger than this system lets partnermap write (see ulimit -f)"));
    CHECK_THAT(r.err, !Catch::Contains(".partnermap-"));
    CHECK_FALSE(fs::exists(dir / "pack"));
    CHECK_FALSE(any_temporary(dir.path));
  }
}

TEST_CASE("a bad output location is bad input, said the same way by every command", "[hardening][safe-outputs]") {
  TempDir dir;
  fs::create_directory(dir / "a folder");
  // Each command with its file option, the output's ending given by EXT.
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"matrix CARLISLE -o", "csv"},           {"diagram CARLISLE -o", "svg"},        {"export CARLISLE -o", "graphml"},
      {"generate --size council -o", "json"},  {"import SHEET -o", "json"},           {"diff CARLISLE CARLISLE --html", "html"},
      {"assess CARLISLE PROPOSAL --html", "html"}, {"trend CARLISLE --svg", "svg"},
  };
  for (const auto& [command, ext] : commands) {
    std::string head = command;
    for (std::size_t at; (at = head.find("CARLISLE")) != std::string::npos;) head.replace(at, 8, q(carlisle()));
    if (head.find("SHEET") != std::string::npos) head.replace(head.find("SHEET"), 5, q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.csv"));
    if (head.find("PROPOSAL") != std::string::npos) head.replace(head.find("PROPOSAL"), 8, q(proposal()));
    const std::string missing = (dir / "no such folder" / ("out." + ext)).string();
    const std::string folder = (dir / "a folder").string();
    const std::string long_name = (dir / std::string(300, 'n')).string() + "." + ext;
    const std::vector<std::pair<std::string, std::string>> expected = {
        {missing, missing + ": cannot be written: the folder " + (dir / "no such folder").string() +
                      " does not exist; make the folder first, or give another place after -o\n"},
        {folder, folder + ": is a folder, not a file; give the name of a file to write (inside it, if you like)\n"},
        {long_name, long_name + ": cannot be written: the name is longer than the disk allows; give a shorter name\n"},
        {"", command.substr(command.rfind(' ') + 1) + ": the output's name is empty; give the name of the file to write\n"},
    };
    for (const auto& [output, message] : expected) {
      INFO(head << " " << output);
      const auto before = snapshot(dir.path);
      const Run r = run_partnermap(head + " " + q(output));
      CHECK(r.status == 2);
      CHECK(r.err == message + "1 error found; correct the file named above and run the command again.\n");
      CHECK(snapshot(dir.path) == before);
    }
  }

  SECTION("a read-only folder, for a user who is not allowed to write to it") {
    fs::create_directory(dir / "read-only");
    fs::permissions(dir / "read-only", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                            fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(dir.path, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
    // root may write anywhere: run as nobody then, as a real officer would be refused.
    const std::string as_user = run_command("id -u").out == "0\n" ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    if (!as_user.empty() && run_command(as_user + "true").status != 0) {
      WARN("cannot run as another user here; the read-only folder is not tried");
      return;
    }
    const std::string out = (dir / "read-only" / "matrix.csv").string();
    const Run r = run_command(as_user + "'" + PARTNERMAP_BIN + "' matrix " + q(carlisle()) + " -o " + q(out));
    CHECK(r.status == 2);
    CHECK(r.err == out + ": cannot be written: you cannot write to the folder " + (dir / "read-only").string() +
                       "; give a place you can write to\n1 error found; correct the file named above and run the command again.\n");
    CHECK(fs::is_empty(dir / "read-only"));
  }

  SECTION("brief, whose output is a folder") {
    const std::string missing = (dir / "no such folder" / "pack").string();
    const Run r = run_partnermap("brief " + q(carlisle()) + " -o " + q(missing));
    CHECK(r.status == 2);
    CHECK(r.err == missing + ": cannot be written: the folder " + (dir / "no such folder").string() +
                       " does not exist; make the folder first, or give another place after -o\n"
                       "1 error found; correct the file named above and run the command again.\n");
    const Run empty = run_partnermap("brief " + q(carlisle()) + " -o ''");
    CHECK(empty.status == 2);
    CHECK_THAT(empty.err, Catch::StartsWith("-o: the folder's name is empty; give the folder to make the pack in\n"));
  }
}

TEST_CASE("standard output is an output: a command that cannot print exits 1 and says so", "[hardening][safe-outputs]") {
  TempDir dir;
  const std::string c = q(carlisle());
  const std::vector<std::string> commands = {
      "validate " + c,
      "analyse " + c,
      "analyse --json " + c,
      "capacity " + c,
      "capacity --json " + c,
      "review " + c,
      "review --json " + c,
      "network " + c,
      "diff " + c + " " + q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2005-03.json"),
      "assess " + c + " " + q(proposal()),
      "trend " + c + " " + q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2005-03.json"),
      "matrix " + c + " -o " + q(dir / "m.csv"),
      "diagram " + c + " -o " + q(dir / "d.svg"),
      "import " + q(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.csv") + " -o " + q(dir / "r.json"),
      "generate --size council -o " + q(dir / "g.json"),
  };
  for (const std::string& command : commands) {
    INFO(command);
    // In braces, so that /dev/full and not the helper's own file is the command's standard output.
    const Run r = run_command("{ '" + std::string(PARTNERMAP_BIN) + "' " + command + " >/dev/full; }");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::EndsWith("partnermap: could not write to standard output: the disk is full; what the command printed is lost\n"));
  }
}

TEST_CASE("every numeric option refuses what is not a number in its range, naming the option", "[hardening][safe-outputs]") {
  const std::string c = q(carlisle());
  const std::vector<std::string> options = {
      "analyse CARLISLE --months",        "analyse CARLISLE --lead-share",   "analyse CARLISLE --betweenness-samples",
      "analyse CARLISLE --threads",       "analyse CARLISLE --cluster-seed", "network CARLISLE --betweenness-samples",
      "network CARLISLE --threads",       "capacity CARLISLE --months",      "review CARLISLE --significant",
      "review CARLISLE --review-months",  "review CARLISLE --posts-months",  "review CARLISLE --satisfaction",
      "assess CARLISLE PROPOSAL --months", "assess CARLISLE PROPOSAL --lead-share", "brief CARLISLE -o OUT --months",
      "diagram CARLISLE -o OUT.svg --depth", "generate -o OUT.json --organisations", "generate -o OUT.json --partnerships",
      "generate -o OUT.json --seed",
  };
  TempDir dir;
  for (std::string option : options) {
    for (std::size_t at; (at = option.find("CARLISLE")) != std::string::npos;) option.replace(at, 8, c);
    if (option.find("PROPOSAL") != std::string::npos) option.replace(option.find("PROPOSAL"), 8, q(proposal()));
    if (option.find("OUT") != std::string::npos) option.replace(option.find("OUT"), 3, (dir / "out").string());
    const std::string name = option.substr(option.rfind(' ') + 1);
    for (const std::string value : {"nan", "inf", "-inf", "-1", "1e999", "12abc", "0x10"}) {
      INFO(option << " " << value);
      const Run r = run_partnermap(option + " " + value);
      CHECK(r.status == 2);
      CHECK_THAT(r.err, Catch::StartsWith(name + ": \"" + value + "\" is not a "));
      CHECK(r.out.empty());
    }
  }
  CHECK(fs::is_empty(dir.path));
  const Run range = run_partnermap("analyse " + c + " --lead-share 1.5");
  CHECK(range.status == 2);
  CHECK_THAT(range.err, Catch::StartsWith("--lead-share: \"1.5\" is not a number from 0 to 1"));
  const Run whole = run_partnermap("capacity " + c + " --months 2.5");
  CHECK(whole.status == 2);
  CHECK_THAT(whole.err, Catch::StartsWith("--months: \"2.5\" is not a whole number from 0 to 240"));
}

TEST_CASE("hostile ids never become DOT syntax, in every view, read back by Graphviz itself", "[hardening][safe-outputs]") {
  TempDir dir;
  std::vector<std::string> ids;
  for (const std::string& s : hostile_strings())
    if (s.find('\0') == std::string::npos) ids.push_back(s);
  std::vector<std::string> partnerships;
  write_text(dir / "hostile.json", carlisle_with_ids(ids, &partnerships));
  REQUIRE(run_partnermap("validate " + q(dir / "hostile.json")).status == 0);
  REQUIRE_FALSE(partnerships.empty());
  const auto link = std::find_if(partnerships.begin(), partnerships.end(), [](const std::string& id) { return id.find("javascript") != std::string::npos; });
  const std::string ego = "partnership:" + (link != partnerships.end() ? *link : partnerships.front());
  for (const std::string view : {"network", "themes", "capacity", "hierarchy", "EGO"}) {
    INFO("view " << view);
    const fs::path dot = dir / "view.dot", svg = dir / "view.svg";
    const Run r = run_partnermap("diagram " + q(dir / "hostile.json") + " --view " + (view == "EGO" ? q("ego:" + ego) : view) +
                                 " --include ended,proposed -o " + q(dot));
    REQUIRE(r.status == 0);
    // Graphviz reads the file partnermap wrote, and its own picture of it carries no link or script.
    const Run drawn = run_command("dot -Tsvg " + q(dot) + " -o " + q(svg));
    CHECK(drawn.status == 0);
    CHECK(drawn.err.empty());
    const std::string picture = read_text(svg);
    CHECK_THAT(picture, !Catch::Contains("href=\"javascript"));
    CHECK_THAT(picture, !Catch::Contains("<script"));
    // Every node and cluster name is partnermap's own: n17, cluster_3 and the like.
    const Run names = run_command("gvpr 'N{print($.name)} BEG_G{}' " + q(dot));
    REQUIRE(names.status == 0);
    std::istringstream in(names.out);
    for (std::string name; std::getline(in, name);) {
      INFO("node " << name);
      CHECK(std::regex_match(name, std::regex("[a-z_]+[0-9]*")));
    }
  }
}

TEST_CASE("register colour codes never reach a terminal; partnermap's own still do", "[hardening][safe-outputs]") {
  if (!have("script")) {
    WARN("script(1) is not here; the terminal is not tried");
    return;
  }
  TempDir dir;
  auto doc = nlohmann::json::parse(read_text(carlisle()));
  doc["partnerships"][0]["name"] = "\033[32mAll clear\033[0m \033[1mTrust\033[0m";
  write_text(dir / "colours.json", doc.dump());
  for (const std::string command : {"review COLOURS", "validate COLOURS", "diff CARLISLE COLOURS"}) {
    INFO(command);
    std::string args = command;
    args.replace(args.find("COLOURS"), 7, q(dir / "colours.json"));
    if (args.find("CARLISLE") != std::string::npos) args.replace(args.find("CARLISLE"), 8, q(carlisle()));
    const std::string line = std::string("'") + PARTNERMAP_BIN + "' " + args;
    const Run on_terminal = run_command("TERM=xterm script -qec \"" + line + "\" /dev/null");
    REQUIRE(on_terminal.status == 0);
    CHECK_THAT(on_terminal.out, !Catch::Contains("\033[32mAll clear"));
    CHECK_THAT(on_terminal.out, !Catch::Contains("\033[1mTrust"));
    CHECK_THAT(on_terminal.out, !Catch::Contains("\xFF"));
    CHECK_THAT(on_terminal.out, Catch::Contains("All clear?"));
  }
  const Run review = run_command("TERM=xterm script -qec \"'" + std::string(PARTNERMAP_BIN) + "' review " + q(dir / "colours.json") + "\" /dev/null");
  CHECK_THAT(review.out, Catch::Contains("\033[1mPartnership review on"));  // partnermap's own bold title
}

TEST_CASE("the XLSX matrix keeps a NUL visible, and import reads the name back whole", "[hardening][safe-outputs]") {
  TempDir dir;
  auto doc = nlohmann::json::parse(read_text(carlisle()));
  const std::string name = std::string("Nul", 3) + '\0' + "Byte _x0041_ bell\a kept";
  doc["partnerships"][0]["name"] = name;
  write_text(dir / "nul.json", doc.dump());
  REQUIRE(run_partnermap("matrix " + q(dir / "nul.json") + " -o " + q(dir / "m.xlsx")).status == 0);
  // Excel's own form, visible to a reader that does not decode it (openpyxl drops only "x005F_").
  const Run cell = run_command("/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1]).worksheets[0]; "
                               "print(repr([c.value for row in ws.iter_rows() for c in row if c.value and 'Byte' in str(c.value)][0]))\" " +
                               q(dir / "m.xlsx"));
  REQUIRE(cell.status == 0);
  CHECK(cell.out == "'Nul_x0000_Byte _x0041_ bell_x0007_ kept'\n");
  const Run xml = run_command("unzip -p " + q(dir / "m.xlsx") + " xl/sharedStrings.xml");
  CHECK_THAT(xml.out, Catch::Contains("Nul_x0000_Byte _x005F_x0041_ bell_x0007_ kept"));
  const Run imported = run_partnermap("import " + q(dir / "m.xlsx") + " -o " + q(dir / "back.json"));
  REQUIRE(imported.status == 0);
  const auto back = nlohmann::json::parse(read_text(dir / "back.json"));
  bool found = false;
  for (const auto& p : back["partnerships"]) found = found || p["name"] == name;
  CHECK(found);
}

TEST_CASE("the calendar's edges: the year 9999 and a capacity of a sliver of an hour", "[hardening][safe-outputs]") {
  TempDir dir;
  auto doc = nlohmann::json::parse(read_text(carlisle()));
  doc["as_of"] = "9999-12-31";
  write_text(dir / "late.json", doc.dump());
  const Run late = run_partnermap("capacity --json " + q(dir / "late.json"));
  REQUIRE(late.status == 0);
  const auto figures = nlohmann::json::parse(late.out);
  std::string text = figures.dump();
  CHECK(text.find("10000-") == std::string::npos);
  CHECK(text.find("\"9999-12") != std::string::npos);

  doc = nlohmann::json::parse(read_text(carlisle()));
  doc["business_units"][0]["capacity_hours"] = 1e-9;
  write_text(dir / "tiny.json", doc.dump());
  const Run tiny = run_partnermap("capacity " + q(dir / "tiny.json"));
  REQUIRE(tiny.status == 0);
  CHECK_THAT(tiny.out, Catch::Contains("over 1,000,000%"));
  CHECK_FALSE(std::regex_search(tiny.out, std::regex("[0-9,]{16,}")));
}

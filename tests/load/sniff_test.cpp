// A file that is not a register, given to a command that reads one, is named for what it is.
#include <catch2/catch.hpp>

#include "load/sniff.h"
#include "import/workbook_writer.h"

using namespace partnermap::test;

namespace {

const std::string kPartnershipsCsv = "Partnership,Nature\r\nA,strategic\r\n";

std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += c, out += '\0';
  return out;
}

}  // namespace

TEST_CASE("sniff: what a file looks like from its first bytes", "[load][sniff]") {
  using partnermap::load::sniff_not_json;
  CHECK_FALSE(sniff_not_json("{\"format\": \"partnermap/1\"}"));
  CHECK_FALSE(sniff_not_json("[1, 2]"));  // JSON: the parser explains it
  CHECK_FALSE(sniff_not_json("nonsense"));
  CHECK_FALSE(sniff_not_json("  \"format\": \"partnermap/1\", \"as_of\": \"2025-04-01\"\n}"));  // its { lost
  CHECK(sniff_not_json(kPartnershipsCsv)->what == "a spreadsheet (CSV)");
  CHECK(sniff_not_json("sep=;\nPartnership;Nature\n")->spreadsheet);
  CHECK(sniff_not_json("Partnership\tNature\n")->spreadsheet);
  CHECK(sniff_not_json(utf16le("Partnership\tNature\r\n"))->spreadsheet);
  CHECK(sniff_not_json(utf16le("{}"))->what == "UTF-16 text");
  CHECK(sniff_not_json(std::string("P\0a\0r\0t\0n\0e\0r\0,\0N\0", 18))->spreadsheet);  // UTF-16 without its mark
  CHECK(sniff_not_json("PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet")->what ==
        "a spreadsheet (an ODS workbook)");
  CHECK(sniff_not_json("PK\x03\x04....word/document.xml")->what ==
        "a word-processor document in a zip archive, not a workbook");
  CHECK(sniff_not_json("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")->what ==
        "an old-style Office file (an .xls workbook or a .doc)");
  CHECK(sniff_not_json("GIF89a....")->what == "a GIF picture");
  CHECK(sniff_not_json(std::string("\x1F\x8B\x08\x00", 4))->what == "a gzip-compressed file");
  CHECK(sniff_not_json(std::string("ab\0cd", 5))->what == "binary data, not text");
}

TEST_CASE("sniff: every command that reads a register says what the file is, exit 2, naming it", "[load][sniff]") {
  TempDir dir;
  write_text(dir / "empty.json", "");
  write_text(dir / "photo.json", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR");
  write_text(dir / "scan.jpg", "\xFF\xD8\xFF\xE0\0\x10JFIF");
  write_text(dir / "minutes.pdf", "%PDF-1.7\n");
  write_text(dir / "unicode.txt", utf16le("Partnership\tNature\r\nA\tstrategic\r\n"));
  write_text(dir / "notes.txt", utf16le("Notes on the partnerships"));
  write_text(dir / "register.csv", kPartnershipsCsv);
  write_text(dir / "my register.csv", kPartnershipsCsv);
  REQUIRE(run_command("cd " + shell_quoted(dir.path) + " && /usr/bin/python3 -c \"import zipfile; z = zipfile.ZipFile('pack.zip', 'w'); "
                      "z.writestr('a.txt', 'x'); z.close()\"").status == 0);
  REQUIRE(write_workbook(dir, "register.xlsx", nlohmann::json::array({sheet("Register", {{"Partnership", "Nature"}})})).status == 0);
  const std::string d = dir.path.string() + "/";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"empty.json", "empty.json: the file is empty; a register is a JSON object that starts with {"},
      {"photo.json", "photo.json: this is not a partnermap register but a PNG picture; give the register's .json file"},
      {"scan.jpg", "scan.jpg: this is not a partnermap register but a JPEG picture"},
      {"minutes.pdf", "minutes.pdf: this is not a partnermap register but a PDF document"},
      {"notes.txt", "notes.txt: this is not a partnermap register but UTF-16 text; partnermap reads UTF-8: save the file again as UTF-8"},
      {"unicode.txt", "unicode.txt: this is not a partnermap register but a spreadsheet saved as UTF-16 text (what Excel's "
                      "\"Unicode text\" writes); import it first: partnermap import " + d + "unicode.txt -o " + d + "unicode.json"},
      {"pack.zip", "pack.zip: this is not a partnermap register but a zip archive that is not a workbook"},
      {"register.csv", "register.csv: this is not a partnermap register but a spreadsheet (CSV); import it first: "
                       "partnermap import " + d + "register.csv -o " + d + "register.json"},
      {"my register.csv", "import it first: partnermap import '" + d + "my register.csv' -o '" + d + "my register.json'"},
      {"register.xlsx", "register.xlsx: this is not a partnermap register but a spreadsheet (an XLSX workbook); import it "
                        "first: partnermap import " + d + "register.xlsx -o " + d + "register.json"},
  };
  for (const std::string command : {"validate", "analyse", "capacity", "review", "brief", "matrix"}) {
    for (const auto& [file, words] : cases) {
      INFO(command << " " << file);
      std::string args = command + " " + shell_quoted(dir / file);
      if (command == "brief") args += " -o " + shell_quoted(dir / "out");
      if (command == "matrix") args += " -o " + shell_quoted(dir / "m.csv");
      const Run r = run_partnermap(args);
      CHECK(r.status == 2);
      CHECK_THAT(r.err, Catch::Contains(words));
    }
  }
  // A proposal given a spreadsheet says so too, in a proposal's words.
  const Run a = run_partnermap("assess " + shell_quoted(std::string(PARTNERMAP_DATASETS) + "/carlisle-2004.json") + " " +
                               shell_quoted(dir / "register.xlsx"));
  CHECK(a.status == 2);
  CHECK_THAT(a.err, Catch::Contains("register.xlsx: this is not a proposal but a spreadsheet (an XLSX workbook) (a "
                                    "proposal is a JSON file; see the README)"));
}

TEST_CASE("sniff: import, given a file that is no spreadsheet, says what it is", "[load][sniff][import]") {
  TempDir dir;
  write_text(dir / "empty.csv", "\r\n");
  write_text(dir / "photo.png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR");
  write_text(dir / "register.json", "{\"format\": \"partnermap/1\"}");
  const auto import = [&](const std::string& file) {
    return run_partnermap("import " + shell_quoted(dir / file) + " -o " + shell_quoted(dir / "out.json"));
  };
  const Run empty = import("empty.csv");
  CHECK(empty.status == 2);
  CHECK_THAT(empty.err, Catch::Contains("empty.csv: the file is empty; a spreadsheet register has a header row"));
  const Run photo = import("photo.png");
  CHECK(photo.status == 2);
  CHECK_THAT(photo.err, Catch::Contains("photo.png: this is not a spreadsheet but a PNG picture; give the register's CSV or XLSX file"));
  const Run json = import("register.json");
  CHECK(json.status == 2);
  CHECK_THAT(json.err, Catch::Contains("register.json: this is JSON, not a spreadsheet: if it is a partnermap register, the "
                                       "other commands read it as it is"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.json"));
}

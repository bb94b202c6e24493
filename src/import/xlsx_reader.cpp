// XLSX into Sheets, on liborcus's zip archive and XML parser. liborcus 0.17's own XLSX filter does
// not read what generators commonly write (inline strings, parts named by absolute paths), does not
// pass on whether a sheet is hidden and names no part when the XML is broken; bridging each of those
// would mean a second pass over the same parts, so the few parts the import needs are read here: the package relationships, the
// workbook (sheets, their state, the date system), the shared strings and each sheet's cells and
// merged ranges. Styles, formulas and everything else are left alone: a formula's cached result is
// read as the cell's value and nothing is evaluated.
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <orcus/parser_base.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

#include "import/text.h"
#include "import/xml_reader.h"
#include "import/zip_check.h"
#include "partnermap/import.h"

namespace partnermap {

namespace {

// Excel's limits: cells outside them come only from a damaged or hostile file.
constexpr std::uint32_t kMaxRows = 1048576, kMaxCols = 16384;
// How many cells a warning names before it counts the rest.
constexpr std::size_t kCellsNamed = 5;

std::string resave_advice() { return "open it in Excel or LibreOffice and save it again, or save it as CSV UTF-8"; }

class Package {
 public:
  Package(std::string_view bytes, const std::string& file)
      : file_(file), stream_(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()), zip_(&stream_) {
    zip_.load();
  }

  // The part's bytes; none when the workbook has no such part.
  std::optional<std::string> part(const std::string& name) {
    std::vector<unsigned char> buf;
    bool found = false;
    for (std::size_t i = 0; i < zip_.get_file_entry_count() && !found; ++i) found = zip_.get_file_entry_name(i) == name;
    if (!found || !zip_.read_file_entry(name, buf)) return std::nullopt;
    std::string out(buf.begin(), buf.end());
    if (!out.empty() && out.back() == '\0') out.pop_back();  // liborcus ends a part with a NUL
    return out;
  }

  // Reads a part's XML into `reader`; an error names the part.
  void read(const std::string& name, const std::string& xml, import::XmlReader& reader) {
    try {
      import::read_xml(xml, reader);
    } catch (const orcus::parse_error& e) {
      fail(name, "is not well-formed XML (at byte " + std::to_string(e.offset()) + ": " + e.what() + ")");
    } catch (const std::runtime_error& e) {
      fail(name, std::string("is not well-formed XML (") + e.what() + ")");
    }
  }

  [[noreturn]] void fail(const std::string& part, const std::string& what) const {
    throw InputError({{Severity::error, file_,
                       "is not an XLSX workbook partnermap can read: its part " + part + " " + what + "; " + resave_advice()}});
  }

 private:
  std::string file_;
  orcus::zip_archive_stream_blob stream_;
  orcus::zip_archive zip_;
};

// "xl/workbook.xml" and "worksheets/sheet1.xml" to "xl/worksheets/sheet1.xml"; an absolute target
// ("/xl/worksheets/sheet1.xml", as some generators write) is from the top of the package.
std::string resolve_target(const std::string& base_dir, const std::string& target) {
  std::vector<std::string> parts;
  const std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    const std::string piece = path.substr(start, slash - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = slash + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string directory_of(const std::string& part) {
  const auto slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

// A relationships part: Id to target, and the target of the first relationship of a type.
class Relationships : public import::XmlReader {
 public:
  std::map<std::string, std::string> targets;
  std::string office_document;

  void open(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name != "Relationship") return;
    const std::string target = import::attr(a, "Target");
    targets[import::attr(a, "Id")] = target;
    const std::string type = import::attr(a, "Type");
    if (office_document.empty() && type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0)
      office_document = target;
  }
  void close(std::string_view) override {}
};

struct SheetEntry {
  std::string name, rel_id, state;
};

class Workbook : public import::XmlReader {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  // The workbook asks to be recalculated when opened: what programs that write workbooks without
  // working formulas out set, with 0 (xlsxwriter) or nothing (openpyxl) as every formula's result.
  bool recalculate_on_load = false;

  void open(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name == "workbookPr") {
      const std::string v = import::attr(a, "date1904");
      date1904 = v == "1" || v == "true";
    } else if (name == "calcPr") {
      const std::string v = import::attr(a, "fullCalcOnLoad");
      recalculate_on_load = v == "1" || v == "true";
    } else if (name == "sheet") {
      sheets.push_back({import::attr(a, "name"), import::attr(a, "id"), import::attr(a, "state")});
    }
  }
  void close(std::string_view) override {}
};

// Rich text arrives in runs (<r><t>); a phonetic run (<rPh>, the reading of Japanese text) is a
// guide to the text, never part of it.
class SharedStrings : public import::XmlReader {
 public:
  std::vector<std::string> strings;

  void open(std::string_view name, const std::map<std::string, std::string>&) override {
    if (name == "si") current_.clear(), in_item_ = true;
    else if (name == "rPh") ++in_phonetic_;
    else if (name == "t") in_text_ = in_item_ && in_phonetic_ == 0;
  }
  void close(std::string_view name) override {
    if (name == "si") strings.push_back(std::move(current_)), current_.clear(), in_item_ = false;
    else if (name == "rPh" && in_phonetic_ > 0) --in_phonetic_;
    else if (name == "t") in_text_ = false;
  }
  void text(std::string_view s) override {
    if (in_text_) current_ += s;
  }

 private:
  std::string current_;
  bool in_item_ = false, in_text_ = false;
  int in_phonetic_ = 0;
};

// "B7" to 0-based row and column; none when it is not a cell inside Excel's limits.
std::optional<std::pair<std::uint32_t, std::uint32_t>> cell_address(std::string_view a) {
  std::size_t i = 0;
  if (i < a.size() && a[i] == '$') ++i;
  std::uint64_t col = 0, row = 0;
  std::size_t letters = 0, digits = 0;
  for (; i < a.size() && ((a[i] >= 'A' && a[i] <= 'Z') || (a[i] >= 'a' && a[i] <= 'z')) && letters < 4; ++i, ++letters)
    col = col * 26 + static_cast<std::uint64_t>((a[i] | 0x20) - 'a' + 1);
  if (i < a.size() && a[i] == '$') ++i;
  for (; i < a.size() && a[i] >= '0' && a[i] <= '9' && digits < 8; ++i, ++digits) row = row * 10 + static_cast<std::uint64_t>(a[i] - '0');
  if (letters == 0 || digits == 0 || row == 0 || i != a.size() || row > kMaxRows || col > kMaxCols) return std::nullopt;
  return std::pair{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(col - 1)};
}

std::optional<double> parse_number(std::string_view s) {
  const std::string t = import::trim(s);
  double v = 0;
  const char* end = t.data() + t.size();
  const auto [ptr, ec] = std::from_chars(t.data(), end, v);
  if (ec != std::errc() || ptr != end || t.empty()) return std::nullopt;
  return v;
}

// One worksheet part: its cells (by the types the file gives them) and merged ranges.
class Worksheet : public import::XmlReader {
 public:
  Worksheet(Sheet& sheet, const std::vector<std::string>& strings, bool placeholder_results)
      : sheet_(sheet), strings_(strings), placeholder_results_(placeholder_results) {}

  std::vector<Problem> errors;
  std::vector<std::string> uncached;  // cells holding a formula saved without its result

  void open(std::string_view name, const std::map<std::string, std::string>& a) override {
    if (name == "row") {
      const auto r = parse_number(import::attr(a, "r"));
      row_ = r && *r >= 1 && *r <= kMaxRows ? static_cast<std::int64_t>(*r) - 1 : row_ + 1;
      col_ = -1;
    } else if (name == "c") {
      const std::string ref = import::attr(a, "r");
      const auto at = cell_address(ref);
      if (at) row_ = at->first, col_ = at->second;
      else ++col_;
      type_ = import::attr(a, "t");
      value_.clear(), inline_.clear();
      has_value_ = has_formula_ = false;
      in_cell_ = true;
    } else if (in_cell_ && name == "v") {
      has_value_ = in_value_ = true;
    } else if (in_cell_ && name == "f") {
      has_formula_ = true;
    } else if (in_cell_ && name == "rPh") {
      ++in_phonetic_;
    } else if (in_cell_ && name == "t") {
      in_inline_ = in_phonetic_ == 0;
    } else if (name == "mergeCell") {
      const std::string ref = import::attr(a, "ref");
      const auto colon = ref.find(':');
      const auto first = cell_address(std::string_view(ref).substr(0, colon));
      const auto last = colon == std::string::npos ? first : cell_address(std::string_view(ref).substr(colon + 1));
      if (first && last && last->first >= first->first && last->second >= first->second)
        sheet_.merged.push_back({first->first, first->second, last->first, last->second});
    }
  }
  void close(std::string_view name) override {
    if (name == "v") in_value_ = false;
    else if (name == "t") in_inline_ = false;
    else if (name == "rPh" && in_phonetic_ > 0) --in_phonetic_;
    else if (name == "c" && in_cell_) {
      in_cell_ = false;
      finish_cell();
    }
  }
  void text(std::string_view s) override {
    if (in_value_) value_ += s;
    else if (in_inline_) inline_ += s;
  }

 private:
  Sheet& sheet_;
  const std::vector<std::string>& strings_;
  bool placeholder_results_;  // a formula's cached 0 is a placeholder, not a result
  std::int64_t row_ = -1, col_ = -1;
  std::string type_, value_, inline_;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, has_value_ = false, has_formula_ = false;
  int in_phonetic_ = 0;

  std::string where() const {
    return sheet_.name + " row " + std::to_string(row_ + 1) + ", column " + column_letters(static_cast<std::uint32_t>(col_));
  }

  void set(SheetCell cell) {
    // "_x0000_": a character XML cannot hold, as the matrix (and Excel) write it.
    if (!cell.number && !cell.date && cell.error.empty()) cell.text = import::xlsx_unescape(std::move(cell.text));
    if (import::trim(cell.text).empty() && !cell.number && !cell.date) return;  // an empty cell is no cell
    sheet_.rows[static_cast<std::uint32_t>(row_)][static_cast<std::uint32_t>(col_)] = std::move(cell);
  }

  void finish_cell() {
    if (row_ < 0 || col_ < 0 || row_ >= kMaxRows || col_ >= kMaxCols) return;
    // A formula written without its result (programs that write workbooks leave the sums to the
    // spreadsheet program): there is no value to read.
    const bool placeholder = placeholder_results_ && type_ != "str" && import::trim(value_) == "0";
    if (has_formula_ && (!has_value_ || (value_.empty() && type_ != "str") || placeholder)) {
      uncached.push_back(column_letters(static_cast<std::uint32_t>(col_)) + std::to_string(row_ + 1));
      return;
    }
    SheetCell c;
    if (type_ == "s") {
      const auto index = parse_number(value_);
      if (!index || *index < 0 || *index != std::floor(*index) || *index >= static_cast<double>(strings_.size())) {
        errors.push_back({Severity::error, where(),
                          "the cell names shared text number " + import::trim(value_) + ", but the workbook holds " +
                              std::to_string(strings_.size()) + " shared texts: the file is damaged; " + resave_advice()});
        return;
      }
      c.text = strings_[static_cast<std::size_t>(*index)];
    } else if (type_ == "inlineStr") {
      c.text = inline_;
    } else if (type_ == "str") {
      c.text = value_;
    } else if (type_ == "b") {
      c.text = import::trim(value_) == "1" || import::trim(value_) == "true" ? "TRUE" : "FALSE";
    } else if (type_ == "e") {
      c.text = c.error = import::trim(value_);
    } else if (type_ == "d") {
      // An ISO 8601 date (time after it ignored), as Excel's strict format and some generators write.
      c.text = import::trim(value_);
      const std::string day = c.text.substr(0, 10);
      if (c.text.size() == 10 || (c.text.size() > 10 && c.text[10] == 'T'))
        if (const auto d = parse_iso_date(day)) c.date = d, c.text = day;
    } else if (const auto v = parse_number(value_)) {
      // A damaged file can hold "NaN" or "INF" as a value: no spreadsheet shows it as a number.
      if (!std::isfinite(*v)) c.text = c.error = "#NUM!";
      else c.text = cell_number_text(*v), c.number = *v;
    } else {
      c.text = value_;  // not a number after all: kept as the text it is
    }
    set(std::move(c));
  }
};

std::string cells_named(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size() && i < kCellsNamed; ++i) out += (i ? ", " : "") + cells[i];
  if (cells.size() > kCellsNamed) out += " and " + std::to_string(cells.size() - kCellsNamed) + " more";
  return out;
}

}  // namespace

std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file) {
  if (const std::string why = import::damaged_zip(bytes); !why.empty())
    throw InputError({{Severity::error, file, "is not an XLSX workbook partnermap can read: " + why}});
  std::vector<Sheet> out;
  try {
    Package package(bytes, file);
    // The package's relationships name the workbook part; the workbook's, its sheets.
    std::string workbook_part = "xl/workbook.xml";
    if (const auto rels = package.part("_rels/.rels")) {
      Relationships r;
      package.read("_rels/.rels", *rels, r);
      if (!r.office_document.empty()) workbook_part = resolve_target("", r.office_document);
    }
    if (workbook_part.size() > 4 && workbook_part.compare(workbook_part.size() - 4, 4, ".bin") == 0)
      throw InputError({{Severity::error, file,
                         "is an Excel Binary Workbook (.xlsb), which partnermap does not read; save it as \"Excel "
                         "Workbook (.xlsx)\" or as CSV UTF-8"}});
    const auto workbook_xml = package.part(workbook_part);
    if (!workbook_xml)
      throw InputError({{Severity::error, file,
                         "is not an XLSX workbook partnermap can read: it has no workbook part (" + workbook_part +
                             "); if it is an OpenDocument or older Excel file, save it as \"Excel Workbook (.xlsx)\""}});
    Workbook workbook;
    package.read(workbook_part, *workbook_xml, workbook);
    const std::string base = directory_of(workbook_part);
    const std::string rels_part = base + "_rels/" + workbook_part.substr(base.size()) + ".rels";
    Relationships rels;
    if (const auto xml = package.part(rels_part)) package.read(rels_part, *xml, rels);
    SharedStrings strings;
    for (const auto& [id, target] : rels.targets) {
      const std::string part = resolve_target(base, target);
      if (part.size() >= 17 && part.compare(part.size() - 17, 17, "sharedStrings.xml") == 0)
        if (const auto xml = package.part(part)) package.read(part, *xml, strings);
    }
    std::vector<Problem> errors;
    for (const SheetEntry& entry : workbook.sheets) {
      Sheet sheet;
      sheet.name = entry.name;
      sheet.date1904 = workbook.date1904;
      sheet.hidden = entry.state == "hidden" ? "hidden" : entry.state == "veryHidden" ? "very hidden" : "";
      const auto target = rels.targets.find(entry.rel_id);
      const std::string part = target == rels.targets.end() ? std::string() : resolve_target(base, target->second);
      const auto xml = part.empty() ? std::nullopt : package.part(part);
      if (!xml) {
        errors.push_back({Severity::error, file,
                          "its sheet \"" + entry.name + "\" has no cells part in the file, so its cells would be lost; " +
                              resave_advice()});
        continue;
      }
      Worksheet reader(sheet, strings.strings, workbook.recalculate_on_load);
      package.read(part, *xml, reader);
      errors.insert(errors.end(), reader.errors.begin(), reader.errors.end());
      if (!reader.uncached.empty())
        sheet.notes.push_back({Severity::warning, sheet.name,
                               "formulas saved without their results (as programs that write workbooks leave them) in " +
                                   cells_named(reader.uncached) +
                                   ": they are read as empty; open the workbook in Excel or LibreOffice and save it, so "
                                   "that the results are stored, then import it again"});
      out.push_back(std::move(sheet));
    }
    if (!errors.empty()) throw InputError(std::move(errors));
    import::check_utf8(out, file);
  } catch (const InputError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError({{Severity::error, file,
                       std::string("is not an XLSX workbook partnermap can read (") + e.what() + "); " + resave_advice()}});
  }
  return out;
}

}  // namespace partnermap

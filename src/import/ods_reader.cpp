// OpenDocument spreadsheets (.ods, LibreOffice's own format) into Sheets, through liborcus's ODS
// import filter. liborcus calls an import_factory for every cell, shared string, merged range and
// formula result; this file's factory keeps only what the import reads (values, cached formula
// results, merged ranges, the date system) and ignores styles, so nothing is evaluated.
#include <cmath>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <orcus/orcus_ods.hpp>
#include <orcus/parser_base.hpp>
#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

#include "import/text.h"
#include "import/xml_reader.h"
#include "import/zip_check.h"
#include "partnermap/import.h"

namespace partnermap {

namespace {

namespace ss = orcus::spreadsheet;
namespace iface = orcus::spreadsheet::iface;

// Excel's limits: cells outside them come only from a damaged or hostile file.
constexpr ss::row_t kMaxRows = 1048576;
constexpr ss::col_t kMaxCols = 16384;

bool inside(ss::row_t row, ss::col_t col) { return row >= 0 && col >= 0 && row < kMaxRows && col < kMaxCols; }

// The error values a formula shows in LibreOffice ("#N/A", "#DIV/0!", "Err:502"): the import reports
// them where it uses the cell.
bool is_error_value(std::string_view t) {
  static constexpr std::string_view kErrors[] = {"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"};
  for (std::string_view e : kErrors)
    if (t == e) return true;
  return t.size() > 4 && t.substr(0, 4) == "Err:" && t.find_first_not_of("0123456789", 4) == std::string_view::npos;
}

class SharedStrings : public iface::import_shared_strings {
 public:
  std::vector<std::string> strings;

  std::size_t append(std::string_view s) override {
    strings.emplace_back(s);
    return strings.size() - 1;
  }
  std::size_t add(std::string_view s) override { return append(s); }
  void set_segment_font(std::size_t) override {}
  void set_segment_bold(bool) override {}
  void set_segment_italic(bool) override {}
  void set_segment_font_name(std::string_view) override {}
  void set_segment_font_size(double) override {}
  void set_segment_font_color(ss::color_elem_t, ss::color_elem_t, ss::color_elem_t, ss::color_elem_t) override {}
  void append_segment(std::string_view s) override { segments_ += s; }
  std::size_t commit_segments() override {
    strings.push_back(std::move(segments_));
    segments_.clear();
    return strings.size() - 1;
  }

 private:
  std::string segments_;  // a rich-text string arrives in runs
};

class GlobalSettings : public iface::import_global_settings {
 public:
  bool date1904 = false;
  void set_origin_date(int year, int month, int day) override { date1904 = year == 1904 && month == 1 && day == 1; }
  void set_default_formula_grammar(ss::formula_grammar_t g) override { grammar_ = g; }
  ss::formula_grammar_t get_default_formula_grammar() const override { return grammar_; }
  void set_character_set(orcus::character_set_t) override {}

 private:
  ss::formula_grammar_t grammar_ = ss::formula_grammar_t::xlsx;
};

// A cell waiting for the shared strings (a sheet may name a string before the table is read).
struct PendingString {
  std::uint32_t row, col;
  ss::string_id_t id;
};

class SheetProperties : public iface::import_sheet_properties {
 public:
  explicit SheetProperties(Sheet& sheet) : sheet_(sheet) {}
  void set_column_width(ss::col_t, double, orcus::length_unit_t) override {}
  void set_column_hidden(ss::col_t, bool) override {}
  void set_row_height(ss::row_t, double, orcus::length_unit_t) override {}
  void set_row_hidden(ss::row_t, bool) override {}
  void set_merge_cell_range(const ss::range_t& r) override {
    if (!inside(r.first.row, r.first.column) || !inside(r.last.row, r.last.column)) return;
    if (r.last.row < r.first.row || r.last.column < r.first.column) return;
    sheet_.merged.push_back({static_cast<std::uint32_t>(r.first.row), static_cast<std::uint32_t>(r.first.column),
                             static_cast<std::uint32_t>(r.last.row), static_cast<std::uint32_t>(r.last.column)});
  }

 private:
  Sheet& sheet_;
};

class OdsSheet;

// A formula's cached result is what the workbook last showed: read it as the cell's value.
class Formula : public iface::import_formula {
 public:
  explicit Formula(OdsSheet& sheet) : sheet_(sheet) {}
  void set_position(ss::row_t row, ss::col_t col) override { row_ = row, col_ = col; }
  void set_formula(ss::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(std::size_t) override {}
  void set_result_string(std::string_view value) override { text_ = value, number_.reset(); }
  void set_result_value(double value) override { number_ = value, text_.clear(); }
  void set_result_bool(bool value) override { text_ = value ? "TRUE" : "FALSE", number_.reset(); }
  void set_result_empty() override { text_.clear(), number_.reset(); }
  void commit() override;

 private:
  OdsSheet& sheet_;
  ss::row_t row_ = -1;
  ss::col_t col_ = -1;
  std::string text_;
  std::optional<double> number_;
};

class OdsSheet : public iface::import_sheet {
 public:
  Sheet sheet;
  std::vector<PendingString> pending;

  explicit OdsSheet(std::string_view name) : properties_(sheet), formula_(*this) { sheet.name = std::string(name); }

  iface::import_sheet_properties* get_sheet_properties() override { return &properties_; }
  iface::import_formula* get_formula() override { return &formula_; }

  void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override { set_text(row, col, std::string(s)); }
  void set_string(ss::row_t row, ss::col_t col, ss::string_id_t id) override {
    if (inside(row, col)) pending.push_back({static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(col), id});
  }
  void set_value(ss::row_t row, ss::col_t col, double value) override {
    if (!inside(row, col)) return;
    // A damaged file can hold "NaN" or "INF" as a value: no spreadsheet shows it as a number.
    if (!std::isfinite(value)) {
      set_text(row, col, "#NUM!");
      sheet.rows[static_cast<std::uint32_t>(row)][static_cast<std::uint32_t>(col)].error = "#NUM!";
      return;
    }
    SheetCell& c = sheet.rows[static_cast<std::uint32_t>(row)][static_cast<std::uint32_t>(col)];
    c = {cell_number_text(value), value, std::nullopt};
  }
  void set_bool(ss::row_t row, ss::col_t col, bool value) override { set_text(row, col, value ? "TRUE" : "FALSE"); }
  void set_date_time(ss::row_t row, ss::col_t col, int year, int month, int day, int, int, double) override {
    if (!inside(row, col)) return;
    SheetCell& c = sheet.rows[static_cast<std::uint32_t>(row)][static_cast<std::uint32_t>(col)];
    c = {};
    if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month)) {
      c.date = from_civil({year, month, day});
      c.text = to_iso(*c.date);
    } else {
      c.text = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
    }
  }
  void set_format(ss::row_t, ss::col_t, std::size_t) override {}
  void set_format(ss::row_t, ss::col_t, ss::row_t, ss::col_t, std::size_t) override {}
  void fill_down_cells(ss::row_t, ss::col_t, ss::row_t) override {}
  ss::range_size_t get_sheet_size() const override { return {kMaxRows, kMaxCols}; }

  void set_text(ss::row_t row, ss::col_t col, std::string text) {
    if (!inside(row, col)) return;
    auto& r = sheet.rows[static_cast<std::uint32_t>(row)];
    if (import::trim(text).empty()) {
      r.erase(static_cast<std::uint32_t>(col));
      return;
    }
    r[static_cast<std::uint32_t>(col)] = SheetCell{std::move(text), std::nullopt, std::nullopt};
  }
  void set_number(ss::row_t row, ss::col_t col, double v) { set_value(row, col, v); }

 private:
  SheetProperties properties_;
  Formula formula_;
};

void Formula::commit() {
  if (number_) sheet_.set_number(row_, col_, *number_);
  else sheet_.set_text(row_, col_, text_);
  if (!number_ && is_error_value(text_) && inside(row_, col_))
    sheet_.sheet.rows[static_cast<std::uint32_t>(row_)][static_cast<std::uint32_t>(col_)].error = text_;
  text_.clear();
  number_.reset();
}

// Cell addresses ("B7", "$B$7", "A1:C3") to rows and columns: liborcus asks the factory for this.
class Resolver : public iface::import_reference_resolver {
 public:
  ss::src_address_t resolve_address(std::string_view a) override {
    if (const auto bang = a.rfind('!'); bang != std::string_view::npos) a.remove_prefix(bang + 1);
    std::size_t i = 0;
    if (i < a.size() && a[i] == '$') ++i;
    long col = 0;
    std::size_t letters = 0;
    for (; i < a.size() && ((a[i] >= 'A' && a[i] <= 'Z') || (a[i] >= 'a' && a[i] <= 'z')) && letters < 4; ++i, ++letters)
      col = col * 26 + ((a[i] | 0x20) - 'a' + 1);
    if (i < a.size() && a[i] == '$') ++i;
    long row = 0;
    std::size_t digits = 0;
    for (; i < a.size() && a[i] >= '0' && a[i] <= '9' && digits < 8; ++i, ++digits) row = row * 10 + (a[i] - '0');
    if (letters == 0 || digits == 0 || row == 0 || i != a.size())
      throw std::invalid_argument("a cell address is not one: " + std::string(a.substr(0, 40)));
    return {0, static_cast<ss::row_t>(row - 1), static_cast<ss::col_t>(col - 1)};
  }
  ss::src_range_t resolve_range(std::string_view r) override {
    const auto colon = r.find(':');
    if (colon == std::string_view::npos) {
      const ss::src_address_t a = resolve_address(r);
      return {a, a};
    }
    return {resolve_address(r.substr(0, colon)), resolve_address(r.substr(colon + 1))};
  }
};

class Factory : public iface::import_factory {
 public:
  SharedStrings strings;
  GlobalSettings settings;
  Resolver resolver;

  iface::import_reference_resolver* get_reference_resolver(ss::formula_ref_context_t) override { return &resolver; }
  std::vector<std::unique_ptr<OdsSheet>> sheets;

  iface::import_global_settings* get_global_settings() override { return &settings; }
  iface::import_shared_strings* get_shared_strings() override { return &strings; }
  iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
    sheets.push_back(std::make_unique<OdsSheet>(name));
    return sheets.back().get();
  }
  iface::import_sheet* get_sheet(std::string_view name) override {
    for (auto& s : sheets)
      if (s->sheet.name == name) return s.get();
    return nullptr;
  }
  iface::import_sheet* get_sheet(ss::sheet_t index) override {
    return index >= 0 && static_cast<std::size_t>(index) < sheets.size() ? sheets[static_cast<std::size_t>(index)].get() : nullptr;
  }
  void finalize() override {}
};

// What liborcus's ODS filter does not pass on, read from content.xml: which tables are hidden (by
// their style: <style:table-properties table:display="false"/>), and which formula cells show an
// error. LibreOffice writes an error result as an empty string value with the error as the cell's
// text (<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value="">
// <text:p>#N/A</text:p>), which liborcus reads as an empty cell.
// content.xml is well-formed XML, but an element stands where no spreadsheet has one.
struct Misplaced : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class OdsContent : public import::XmlReader {
 public:
  std::set<std::string> hidden;
  std::map<std::string, std::map<std::pair<std::uint32_t, std::uint32_t>, std::string>> errors;  // by table, (row, col)

  void open(std::string_view name, const std::map<std::string, std::string>& a) override {
    check_place(name);
    if (name == "style") {
      style_ = import::attr(a, "family") == "table" ? import::attr(a, "name") : std::string();
    } else if (name == "table-properties" && !style_.empty() && import::attr(a, "display") == "false") {
      hiding_.insert(style_);
    } else if (name == "table") {
      table_ = import::attr(a, "name");
      if (hiding_.count(import::attr(a, "style-name"))) hidden.insert(table_);
      row_ = 0;
    } else if (name == "table-row") {
      row_repeat_ = repeat(a, "number-rows-repeated");
      col_ = 0;
    } else if (name == "table-cell" || name == "covered-table-cell") {
      col_repeat_ = repeat(a, "number-columns-repeated");
      formula_ = !import::attr(a, "formula").empty() && import::attr(a, "value-type") != "float";
      cell_text_.clear();
    } else if (name == "p") {
      ++in_paragraph_;
    }
  }
  void close(std::string_view name) override {
    if (name == "style") {
      style_.clear();
    } else if (name == "table-row") {
      row_ += row_repeat_;
    } else if (name == "table-cell" || name == "covered-table-cell") {
      if (formula_ && is_error_value(cell_text_) && row_ < static_cast<std::uint64_t>(kMaxRows) && col_ < static_cast<std::uint64_t>(kMaxCols))
        errors[table_][{static_cast<std::uint32_t>(row_), static_cast<std::uint32_t>(col_)}] = cell_text_;
      formula_ = false;
      col_ += col_repeat_;
    } else if (name == "p" && in_paragraph_ > 0) {
      --in_paragraph_;
    }
  }
  void text(std::string_view s) override {
    if (formula_ && in_paragraph_ > 0 && cell_text_.size() < 64) cell_text_ += s;
  }

 private:
  std::string style_, table_, cell_text_;

  // The document, its body, the spreadsheet and its tables stand only where they belong: liborcus
  // 0.17 stops the program (a failed assertion, found by fuzzing) when a table inside a cell's
  // nested spreadsheet ends before the cell's own table.
  void check_place(std::string_view name) const {
    static const std::map<std::string_view, std::string_view> kParent = {
        {"document-content", ""}, {"body", "document-content"}, {"spreadsheet", "body"}, {"table", "spreadsheet"}};
    const auto it = kParent.find(name);
    if (it == kParent.end() || parent() == it->second) return;
    throw Misplaced("a <" + std::string(name) + "> stands " +
                             (parent().empty() ? std::string("as the root element")
                                               : "inside a <" + std::string(parent().substr(0, 40)) + ">") +
                             ", where an OpenDocument spreadsheet has none");
  }
  std::set<std::string> hiding_;
  std::uint64_t row_ = 0, col_ = 0, row_repeat_ = 1, col_repeat_ = 1;
  bool formula_ = false;
  int in_paragraph_ = 0;

  static std::uint64_t repeat(const std::map<std::string, std::string>& a, const std::string& key) {
    const std::string v = import::attr(a, key);
    std::uint64_t n = 0;
    for (char c : v) {
      if (c < '0' || c > '9' || n > static_cast<std::uint64_t>(kMaxRows)) return 1;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n == 0 ? 1 : n;
  }
};

// content.xml's hidden tables and error cells; an XML problem in it is an error naming it, as liborcus
// does not.
OdsContent read_content(std::string_view bytes, const std::string& file) {
  orcus::zip_archive_stream_blob stream(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  orcus::zip_archive zip(&stream);
  zip.load();
  std::vector<unsigned char> buf;
  std::string xml;  // content.xml
  // liborcus reads the XML parts itself: each must be safe to give it (see xml_reader.h).
  for (std::size_t i = 0; i < zip.get_file_entry_count(); ++i) {
    const std::string name(zip.get_file_entry_name(i));
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".xml") != 0 || !zip.read_file_entry(name, buf)) continue;
    std::string part(buf.begin(), buf.end());
    if (!part.empty() && part.back() == '\0') part.pop_back();
    if (const std::string why = import::unsafe_xml(part); !why.empty())
      throw InputError({{Severity::error, file,
                         "is not an OpenDocument spreadsheet partnermap can read: its part " + name +
                             " is not well-formed XML (" + why + "); open it in LibreOffice and save it again, or save it as CSV UTF-8"}});
    if (name == "content.xml") xml = std::move(part);
  }
  OdsContent reader;
  if (xml.empty()) return reader;
  try {
    import::read_xml(xml, reader);
  } catch (const orcus::parse_error& e) {
    throw InputError({{Severity::error, file,
                       "is not an OpenDocument spreadsheet partnermap can read: its part content.xml is not well-formed "
                       "XML (at byte " + std::to_string(e.offset()) + ": " + e.what() +
                           "); open it in LibreOffice and save it again, or save it as CSV UTF-8"}});
  } catch (const Misplaced& e) {
    throw InputError({{Severity::error, file,
                       std::string("is not an OpenDocument spreadsheet partnermap can read: in its part content.xml, ") + e.what() +
                           "; open it in LibreOffice and save it again, or save it as CSV UTF-8"}});
  } catch (const std::runtime_error& e) {
    throw InputError({{Severity::error, file,
                       std::string("is not an OpenDocument spreadsheet partnermap can read: its part content.xml is not "
                                   "well-formed XML (") + e.what() + "); open it in LibreOffice and save it again, or save it as CSV UTF-8"}});
  }
  return reader;
}

}  // namespace

std::vector<Sheet> read_ods(std::string_view bytes, const std::string& file) {
  if (const std::string why = import::damaged_zip(bytes); !why.empty())
    throw InputError({{Severity::error, file, "is not an OpenDocument spreadsheet partnermap can read: " + why}});
  OdsContent content;
  Factory factory;
  try {
    content = read_content(bytes, file);
    orcus::orcus_ods reader(&factory);
    reader.read_stream(bytes);
  } catch (const InputError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::string message = "is not an OpenDocument spreadsheet partnermap can read (";
    message += e.what();
    message += "); open it in LibreOffice and save it again, or save it as CSV UTF-8";
    throw InputError({{Severity::error, file, message}});
  }
  std::vector<Sheet> out;
  for (auto& s : factory.sheets) {
    for (const PendingString& p : s->pending) {
      if (p.id < factory.strings.strings.size()) {
        s->set_text(static_cast<ss::row_t>(p.row), static_cast<ss::col_t>(p.col), factory.strings.strings[p.id]);
      } else {
        throw InputError({{Severity::error, s->sheet.name + " row " + std::to_string(p.row + 1) + ", column " + column_letters(p.col),
                           "the cell names text the file does not hold: it is damaged; open it in LibreOffice and save it again"}});
      }
    }
    s->sheet.date1904 = factory.settings.date1904;
    if (content.hidden.count(s->sheet.name)) s->sheet.hidden = "hidden";
    for (const auto& [at, shown] : content.errors[s->sheet.name]) s->sheet.rows[at.first][at.second] = SheetCell{shown, std::nullopt, std::nullopt, shown};
    out.push_back(std::move(s->sheet));
  }
  import::check_utf8(out, file);
  return out;
}

}  // namespace partnermap

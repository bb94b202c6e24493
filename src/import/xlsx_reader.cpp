// XLSX into Sheets, through liborcus's streaming import filter. liborcus calls an import_factory for
// every cell, shared string, merged range and formula result; this file's factory keeps only what
// the import reads (values, cached formula results, merged ranges, the date system) and ignores
// styles, so nothing of a workbook's formatting or formulas is evaluated.
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/import_interface.hpp>

#include "import/text.h"
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

class XlsxSheet;

// A formula's cached result is what the workbook last showed: read it as the cell's value.
class Formula : public iface::import_formula {
 public:
  explicit Formula(XlsxSheet& sheet) : sheet_(sheet) {}
  void set_position(ss::row_t row, ss::col_t col) override { row_ = row, col_ = col; }
  void set_formula(ss::formula_grammar_t, std::string_view) override {}
  void set_shared_formula_index(std::size_t) override {}
  void set_result_string(std::string_view value) override { text_ = value, number_.reset(); }
  void set_result_value(double value) override { number_ = value, text_.clear(); }
  void set_result_bool(bool value) override { text_ = value ? "TRUE" : "FALSE", number_.reset(); }
  void set_result_empty() override { text_.clear(), number_.reset(); }
  void commit() override;

 private:
  XlsxSheet& sheet_;
  ss::row_t row_ = -1;
  ss::col_t col_ = -1;
  std::string text_;
  std::optional<double> number_;
};

std::string number_text(double v) {
  if (v > -1e15 && v < 1e15 && v == static_cast<double>(static_cast<long long>(v)))
    return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

class XlsxSheet : public iface::import_sheet {
 public:
  Sheet sheet;
  std::vector<PendingString> pending;

  explicit XlsxSheet(std::string_view name) : properties_(sheet), formula_(*this) { sheet.name = std::string(name); }

  iface::import_sheet_properties* get_sheet_properties() override { return &properties_; }
  iface::import_formula* get_formula() override { return &formula_; }

  void set_auto(ss::row_t row, ss::col_t col, std::string_view s) override { set_text(row, col, std::string(s)); }
  void set_string(ss::row_t row, ss::col_t col, ss::string_id_t id) override {
    if (inside(row, col)) pending.push_back({static_cast<std::uint32_t>(row), static_cast<std::uint32_t>(col), id});
  }
  void set_value(ss::row_t row, ss::col_t col, double value) override {
    if (!inside(row, col)) return;
    // A damaged file can hold "NaN" or "INF" as a value: no spreadsheet shows it as a number.
    if (!std::isfinite(value)) return set_text(row, col, "#NUM!");
    SheetCell& c = sheet.rows[static_cast<std::uint32_t>(row)][static_cast<std::uint32_t>(col)];
    c = {number_text(value), value, std::nullopt};
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
    text = import::xlsx_unescape(std::move(text));  // "_x0000_": what XML cannot hold
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
  std::vector<std::unique_ptr<XlsxSheet>> sheets;

  iface::import_global_settings* get_global_settings() override { return &settings; }
  iface::import_shared_strings* get_shared_strings() override { return &strings; }
  iface::import_sheet* append_sheet(ss::sheet_t, std::string_view name) override {
    sheets.push_back(std::make_unique<XlsxSheet>(name));
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

}  // namespace

std::vector<Sheet> read_xlsx(std::string_view bytes, const std::string& file) {
  if (const std::string why = import::damaged_zip(bytes); !why.empty())
    throw InputError({{Severity::error, file, "is not an XLSX workbook partnermap can read: " + why}});
  Factory factory;
  try {
    orcus::orcus_xlsx reader(&factory);
    reader.read_stream(bytes);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    std::string message = "is not an XLSX workbook partnermap can read (";
    message += e.what();
    message += "); save it from the spreadsheet program as \"Excel Workbook (.xlsx)\" or as CSV UTF-8";
    throw InputError({{Severity::error, file, message}});
  }
  std::vector<Sheet> out;
  for (auto& s : factory.sheets) {
    for (const PendingString& p : s->pending) {
      if (p.id < factory.strings.strings.size()) s->set_text(static_cast<ss::row_t>(p.row), static_cast<ss::col_t>(p.col), factory.strings.strings[p.id]);
    }
    s->sheet.date1904 = factory.settings.date1904;
    out.push_back(std::move(s->sheet));
  }
  if (const std::string why = import::unreadable_parts(bytes); !why.empty())
    throw InputError({{Severity::error, file,
                       why + ", so cells would be lost; open it in Excel or LibreOffice and save it again, or save "
                             "it as CSV UTF-8"}});
  return out;
}

}  // namespace partnermap

// The matrix as an Excel workbook: the matrix, capacity by unit with the months ahead, and the
// review's findings, each sheet ready to filter and print.
#include <cmath>

#include "escape.h"
#include "matrix_write.h"
#include "xlsx.h"

namespace partnermap::render {

namespace {

// Okabe–Ito colours (safe for the common colour-blindnesses), as light fills so text stays readable.
constexpr lxw_color_t kOverFill = 0xD55E00, kStretchedFill = 0xF0E442, kOkFill = 0xBFE6D8, kHeaderFill = 0xDCE6F0;

// Excel keeps at most 32,767 characters in a cell; cut at a UTF-8 character boundary.
std::string fit_cell(const std::string& s) {
  constexpr std::size_t kMax = 32767;
  if (s.size() <= kMax) return s;
  std::size_t n = kMax;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

void write_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f) {
  // worksheet_write_string always stores a string, never a formula: "=1+1" stays text. A NUL would
  // end the C string there, so every character XLSX cannot hold goes in Excel's "_x0000_" form.
  if (s.empty()) return;
  check_xlsx(worksheet_write_string(ws, r, c, xlsx_text(fit_cell(s)).c_str(), f), "writing a cell");
}

lxw_datetime to_xlsx_date(Date d) {
  const YearMonthDay ymd = to_civil(d);
  return lxw_datetime{ymd.year, ymd.month, ymd.day, 0, 0, 0};
}

struct Formats {
  lxw_format *header, *header_rotated, *wrap, *money, *hours, *date, *percent, *tick, *title;
  lxw_format *over, *stretched, *ok;
};

Formats make_formats(XlsxWorkbook& wb) {
  Formats f{};
  f.header = wb.add_format();
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, kHeaderFill);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.header_rotated = wb.add_format();
  format_set_bold(f.header_rotated);
  format_set_rotation(f.header_rotated, 90);
  format_set_align(f.header_rotated, LXW_ALIGN_CENTER);
  format_set_bg_color(f.header_rotated, kHeaderFill);
  format_set_border(f.header_rotated, LXW_BORDER_THIN);
  f.wrap = wb.add_format();
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.money = wb.add_format();
  format_set_num_format(f.money, "\xC2\xA3#,##0");
  format_set_align(f.money, LXW_ALIGN_VERTICAL_TOP);
  f.hours = wb.add_format();
  format_set_num_format(f.hours, "#,##0.##;-#,##0.##;0");
  format_set_align(f.hours, LXW_ALIGN_VERTICAL_TOP);
  f.date = wb.add_format();
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  f.percent = wb.add_format();
  format_set_num_format(f.percent, "0%");
  f.tick = wb.add_format();
  format_set_align(f.tick, LXW_ALIGN_CENTER);
  format_set_align(f.tick, LXW_ALIGN_VERTICAL_TOP);
  f.title = wb.add_format();
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.over = wb.add_format();
  format_set_bg_color(f.over, kOverFill);
  format_set_font_color(f.over, 0xFFFFFF);
  f.stretched = wb.add_format();
  format_set_bg_color(f.stretched, kStretchedFill);
  f.ok = wb.add_format();
  format_set_bg_color(f.ok, kOkFill);
  return f;
}

void print_setup(lxw_worksheet* ws, lxw_row_t header_row) {
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 8);  // A3
  worksheet_fit_to_pages(ws, 1, 0);
  check_xlsx(worksheet_repeat_rows(ws, header_row, header_row), "repeating the header when printed");
}

double column_width(const MatrixColumn& c) {
  if (c.kind == ColumnKind::tick) return 4.5;
  if (c.key == "name" || c.key == "indicators" || c.key == "units" || c.key == "partners") return 38;
  if (c.key == "findings") return 60;
  if (c.key == "lead" || c.key == "management") return 28;
  if (c.kind == ColumnKind::money) return 14;
  if (c.kind == ColumnKind::date) return 11;
  return 12;
}

void matrix_sheet(XlsxWorkbook& wb, const Formats& f, const Matrix& m) {
  lxw_worksheet* ws = wb.add_sheet("Matrix");
  for (lxw_col_t c = 0; c < m.columns.size(); ++c) {
    const MatrixColumn& col = m.columns[c];
    check_xlsx(worksheet_set_column(ws, c, c, column_width(col), nullptr), "setting a width");
    write_text(ws, 0, c, col.title, col.kind == ColumnKind::tick ? f.header_rotated : f.header);
  }
  check_xlsx(worksheet_set_row(ws, 0, 120, nullptr), "setting the header's height");
  for (lxw_row_t r = 0; r < m.rows.size(); ++r) {
    const MatrixRow& row = m.rows[r];
    for (lxw_col_t c = 0; c < row.cells.size(); ++c) {
      const MatrixColumn& col = m.columns[c];
      const MatrixCell& cell = row.cells[c];
      if ((col.kind == ColumnKind::number || col.kind == ColumnKind::money) && cell.number) {
        check_xlsx(worksheet_write_number(ws, r + 1, c, *cell.number, col.kind == ColumnKind::money ? f.money : f.hours), "writing a number");
      } else if (col.kind == ColumnKind::date && !cell.text.empty()) {
        if (const auto d = parse_iso_date(cell.text)) {
          lxw_datetime dt = to_xlsx_date(*d);
          check_xlsx(worksheet_write_datetime(ws, r + 1, c, &dt, f.date), "writing a date");
        }
      } else {
        write_text(ws, r + 1, c, cell.text, col.kind == ColumnKind::tick ? f.tick : f.wrap);
      }
    }
  }
  worksheet_freeze_panes(ws, 1, 1);  // headings and partnership names stay in view
  if (!m.columns.empty())
    check_xlsx(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(m.rows.size()), static_cast<lxw_col_t>(m.columns.size() - 1)), "adding the filter");
  print_setup(ws, 0);
}

void add_status_colours(lxw_worksheet* ws, const Formats& f, const LoadThresholds& limits, lxw_row_t r0, lxw_col_t c0,
                        lxw_row_t r1, lxw_col_t c1) {
  // The analysis's thresholds (the register's policy). A unit whose capacity is not recorded has text
  // in these cells, which no rule colours.
  lxw_conditional_format over{};
  over.type = LXW_CONDITIONAL_TYPE_CELL;
  over.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
  over.value = limits.overloaded;
  over.format = f.over;
  check_xlsx(worksheet_conditional_format_range(ws, r0, c0, r1, c1, &over), "colouring capacity");
  lxw_conditional_format stretched{};
  stretched.type = LXW_CONDITIONAL_TYPE_CELL;
  stretched.criteria = LXW_CONDITIONAL_CRITERIA_BETWEEN;
  stretched.min_value = limits.stretched;
  stretched.max_value = limits.overloaded;
  stretched.format = f.stretched;
  check_xlsx(worksheet_conditional_format_range(ws, r0, c0, r1, c1, &stretched), "colouring capacity");
  lxw_conditional_format ok{};
  ok.type = LXW_CONDITIONAL_TYPE_CELL;
  ok.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
  ok.value = limits.stretched;
  ok.format = f.ok;
  check_xlsx(worksheet_conditional_format_range(ws, r0, c0, r1, c1, &ok), "colouring capacity");
}

void capacity_sheet(XlsxWorkbook& wb, const Formats& f, const Analysed& in) {
  const Register& reg = in.reg();
  const Capacity& cap = in.capacity;
  lxw_worksheet* ws = wb.add_sheet("Capacity");
  const PolicyWords& w = reg.policy.words;
  write_text(ws, 0, 0, "Partnership time by " + w.unit + ", as at " + long_date(cap.at) + " (hours a month; stretched from " +
                           percent(cap.thresholds.stretched) + ", over capacity above " + percent(cap.thresholds.overloaded) + ")",
             f.title);
  const std::string unit_head = capitalised(w.unit);
  const char* heads[] = {unit_head.c_str(), "Capacity (hours a month)", "Committed (hours a month)", "Utilisation", "Status"};
  for (lxw_col_t c = 0; c < 5; ++c) write_text(ws, 2, c, heads[c], f.header);
  for (std::size_t k = 0; k < cap.months.size(); ++k)
    write_text(ws, 2, static_cast<lxw_col_t>(5 + k), month_label(cap.months[k]), f.header);
  worksheet_set_column(ws, 0, 0, 36, nullptr);
  worksheet_set_column(ws, 1, 3, 13, nullptr);
  worksheet_set_column(ws, 4, 4, 16, nullptr);
  if (!cap.months.empty()) worksheet_set_column(ws, 5, static_cast<lxw_col_t>(4 + cap.months.size()), 9, nullptr);
  check_xlsx(worksheet_set_row(ws, 2, 45, nullptr), "setting the header's height");
  lxw_row_t r = 3;
  for (std::size_t i = 0; i < cap.units.size(); ++i, ++r) {
    const UnitLoad& u = cap.units[i];
    write_text(ws, r, 0, u.unit < reg.business_units.size() ? reg.business_units[u.unit].name : "?", nullptr);
    if (u.status == LoadStatus::not_recorded)
      write_text(ws, r, 1, "not recorded: add capacity_hours to the register", nullptr);
    else
      check_xlsx(worksheet_write_number(ws, r, 1, u.capacity_hours, f.hours), "writing a number");
    check_xlsx(worksheet_write_number(ws, r, 2, u.committed_hours, f.hours), "writing a number");
    if (u.status != LoadStatus::not_recorded && std::isfinite(u.utilisation))
      check_xlsx(worksheet_write_number(ws, r, 3, u.utilisation, f.percent), "writing a number");
    else
      write_text(ws, r, 3, kCapacityNotRecorded, nullptr);
    write_text(ws, r, 4, status_words(u.status), nullptr);
    for (std::size_t k = 0; i < cap.forecast.size() && k < cap.forecast[i].size() && k < cap.months.size(); ++k) {
      const double v = cap.forecast[i][k];
      if (u.status != LoadStatus::not_recorded && std::isfinite(v))
        check_xlsx(worksheet_write_number(ws, r, static_cast<lxw_col_t>(5 + k), v, f.percent), "writing a number");
      else write_text(ws, r, static_cast<lxw_col_t>(5 + k), "not recorded", nullptr);
    }
  }
  if (r > 3) {
    add_status_colours(ws, f, cap.thresholds, 3, 3, r - 1, 3);
    if (!cap.months.empty()) add_status_colours(ws, f, cap.thresholds, 3, 5, r - 1, static_cast<lxw_col_t>(4 + cap.months.size()));
    check_xlsx(worksheet_autofilter(ws, 2, 0, r - 1, 4), "adding the filter");
  }
  worksheet_freeze_panes(ws, 3, 1);
  print_setup(ws, 2);
}

void review_sheet(XlsxWorkbook& wb, const Formats& f, const Analysed& in) {
  const Register& reg = in.reg();
  lxw_worksheet* ws = wb.add_sheet("Review findings");
  const char* heads[] = {"Partnership", "Significant", "Score", "Severity", "Finding", "What to do"};
  for (lxw_col_t c = 0; c < 6; ++c) write_text(ws, 0, c, heads[c], f.header);
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 1, 3, 11, nullptr);
  worksheet_set_column(ws, 4, 4, 22, nullptr);
  worksheet_set_column(ws, 5, 5, 80, nullptr);
  lxw_row_t r = 1;
  for (const PartnershipReview& pr : in.review.partnerships) {
    const std::string name = pr.partnership < reg.partnerships.size() ? reg.partnerships[pr.partnership].name : "?";
    for (const Finding& fi : pr.findings) {
      write_text(ws, r, 0, name, f.wrap);
      write_text(ws, r, 1, pr.significant ? "yes" : "no", nullptr);
      check_xlsx(worksheet_write_number(ws, r, 2, pr.score, nullptr), "writing a number");
      write_text(ws, r, 3, severity_words(fi.severity), nullptr);
      write_text(ws, r, 4, fi.code, nullptr);
      write_text(ws, r, 5, fi.reason, f.wrap);
      ++r;
    }
  }
  if (r == 1) write_text(ws, 1, 0, "No findings: every partnership passes the review.", nullptr);
  check_xlsx(worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, 5), "adding the filter");
  worksheet_freeze_panes(ws, 1, 1);
  print_setup(ws, 0);
}

}  // namespace

void write_matrix_xlsx(const Matrix& m, const Analysed& in, const std::string& path) {
  XlsxWorkbook wb(path);
  const Formats f = make_formats(wb);
  matrix_sheet(wb, f, m);
  capacity_sheet(wb, f, in);
  review_sheet(wb, f, in);
  wb.close();
}

}  // namespace partnermap::render

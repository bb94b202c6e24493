// Ownership of a libxlsxwriter workbook. The C library frees a workbook only in workbook_close,
// which also writes the file; a writer that fails half-way must free without writing, and must
// never close twice. This class does both, as fmt's buffered_file does for a FILE*.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

#include <xlsxwriter.h>

namespace partnermap::render {

class XlsxWorkbook {
 public:
  explicit XlsxWorkbook(const std::string& path) : wb_(workbook_new(path.c_str())) {
    if (!wb_) throw std::runtime_error("could not start the spreadsheet " + path);
  }
  ~XlsxWorkbook() {
    if (wb_) lxw_workbook_free(wb_);  // not closed: an error happened, write nothing
  }
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;
  XlsxWorkbook(XlsxWorkbook&& other) noexcept : wb_(std::exchange(other.wb_, nullptr)) {}
  XlsxWorkbook& operator=(XlsxWorkbook&& other) noexcept {
    if (this != &other) {
      if (wb_) lxw_workbook_free(wb_);
      wb_ = std::exchange(other.wb_, nullptr);
    }
    return *this;
  }

  lxw_workbook* get() const { return wb_; }

  lxw_worksheet* add_sheet(const char* name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, name);
    if (!ws) throw std::runtime_error(std::string("could not add the sheet ") + name);
    return ws;
  }
  lxw_format* add_format() { return workbook_add_format(wb_); }

  // Writes the file and frees the workbook; throws with libxlsxwriter's reason on failure.
  void close() {
    const lxw_error e = workbook_close(std::exchange(wb_, nullptr));
    if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("could not write the spreadsheet: ") + lxw_strerror(e));
  }

 private:
  lxw_workbook* wb_;
};

// Stops on a libxlsxwriter error instead of producing a workbook with holes in it.
inline void check_xlsx(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("spreadsheet: ") + what + ": " + lxw_strerror(e));
}

}  // namespace partnermap::render

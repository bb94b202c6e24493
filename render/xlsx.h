// Ownership of a libxlsxwriter workbook. The C library frees a workbook only in workbook_close,
// which also writes the file; a writer that fails half-way must free without writing, and must
// never close twice. This class does both, as fmt's buffered_file does for a FILE*.
#pragma once

#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <string>
#include <utility>

#include <xlsxwriter.h>

namespace partnermap::render {

class XlsxWorkbook {
 public:
  // The library's own temporary files go in the folder of `path` (partnermap's private folder, see
  // cli/output.h), so that a full disk is reported for the disk the user asked to write to.
  explicit XlsxWorkbook(const std::string& path) : tmpdir_(folder(path)) {
    lxw_workbook_options options{};
    options.tmpdir = tmpdir_.data();
    wb_ = workbook_new_opt(path.c_str(), &options);
    if (!wb_) throw std::system_error(errno ? errno : EIO, std::generic_category(), "could not start the spreadsheet");
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

  // Writes the file and frees the workbook; throws on failure: std::system_error with the system's
  // reason when a write failed (the disk is full), else libxlsxwriter's.
  void close() {
    errno = 0;
    const lxw_error e = workbook_close(std::exchange(wb_, nullptr));
    const int error = errno;
    if (e == LXW_NO_ERROR) return;
    if (error != 0 && (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION ||
                       e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE || e == LXW_ERROR_ZIP_PARAMETER_ERROR))
      throw std::system_error(error, std::generic_category(), std::string("could not write the spreadsheet: ") + lxw_strerror(e));
    throw std::runtime_error(std::string("could not write the spreadsheet: ") + lxw_strerror(e));
  }

 private:
  static std::string folder(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
  }
  std::string tmpdir_;
  lxw_workbook* wb_ = nullptr;
};

// Stops on a libxlsxwriter error instead of producing a workbook with holes in it.
inline void check_xlsx(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("spreadsheet: ") + what + ": " + lxw_strerror(e));
}

}  // namespace partnermap::render

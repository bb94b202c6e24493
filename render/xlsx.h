// Ownership of a libxlsxwriter workbook. The C library frees a workbook only in workbook_close,
// which also writes the file; a writer that fails half-way must free without writing, and must
// never close twice. This class does both, as fmt's buffered_file does for a FILE*.
#pragma once

#include <cerrno>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <string>
#include <utility>

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

namespace partnermap::render {

// libxlsxwriter prints its own lines to standard error ("[ERROR] workbook_close(): ... Usually a
// permissions error", "[WARNING] ..."), beside the message partnermap gives in the user's words.
// While a workbook is being made, the library's standard error goes to /dev/null; the error it
// returns is still checked, and partnermap's own message is printed after this is undone.
class LibraryStderrSilenced {
 public:
  LibraryStderrSilenced() {
    std::fflush(stderr);
    saved_ = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) dup2(null, STDERR_FILENO);
    if (null >= 0) close(null);
  }
  ~LibraryStderrSilenced() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, STDERR_FILENO);
    close(saved_);
  }
  LibraryStderrSilenced(const LibraryStderrSilenced&) = delete;
  LibraryStderrSilenced& operator=(const LibraryStderrSilenced&) = delete;

 private:
  int saved_ = -1;
};

class XlsxWorkbook {
 public:
  // The library's own temporary files go in the folder of `path` (partnermap's private folder, see
  // cli/output.h), so that a full disk is reported for the disk the user asked to write to.
  explicit XlsxWorkbook(const std::string& path) : quiet_(std::make_unique<LibraryStderrSilenced>()), tmpdir_(folder(path)) {
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
  XlsxWorkbook(XlsxWorkbook&& other) noexcept
      : quiet_(std::move(other.quiet_)), tmpdir_(std::move(other.tmpdir_)), wb_(std::exchange(other.wb_, nullptr)) {}
  XlsxWorkbook& operator=(XlsxWorkbook&& other) noexcept {
    if (this != &other) {
      if (wb_) lxw_workbook_free(wb_);
      wb_ = std::exchange(other.wb_, nullptr);
      tmpdir_ = std::move(other.tmpdir_);
      quiet_ = std::move(other.quiet_);
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
    quiet_.reset();
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
  std::unique_ptr<LibraryStderrSilenced> quiet_;  // first made, last undone: after the workbook is freed
  std::string tmpdir_;
  lxw_workbook* wb_ = nullptr;
};

// Stops on a libxlsxwriter error instead of producing a workbook with holes in it.
inline void check_xlsx(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) throw std::runtime_error(std::string("spreadsheet: ") + what + ": " + lxw_strerror(e));
}

}  // namespace partnermap::render

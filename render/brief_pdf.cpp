#include "brief_pdf.h"

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace partnermap::render {

namespace fs = std::filesystem;

namespace {

bool runnable(const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && !fs::is_directory(p); }

std::string on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t colon = dirs.find(':', start);
    const std::string dir = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (!dir.empty() && runnable(fs::path(dir) / name)) return (fs::path(dir) / name).string();
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

// file:// URL of an absolute path, every byte outside the unreserved set percent-encoded.
std::string file_url(const fs::path& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char ch : fs::absolute(path).string()) {
    if (std::isalnum(ch) || ch == '/' || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      url += static_cast<char>(ch);
    } else {
      url += '%';
      url += hex[ch >> 4];
      url += hex[ch & 15];
    }
  }
  return url;
}

// Runs argv with its output discarded; returns its exit status, -1 when it could not start, -2 when
// it was stopped for taking longer than `timeout_seconds`.
int run_quietly(const std::vector<std::string>& args, int timeout_seconds) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDWR);
    if (null >= 0) {
      ::dup2(null, 0);
      ::dup2(null, 1);
      ::dup2(null, 2);
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (done < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -2;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

bool looks_like_pdf(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  char magic[5] = {};
  in.read(magic, 5);
  return in && std::memcmp(magic, "%PDF-", 5) == 0;
}

}  // namespace

std::string find_pdf_engine() {
  if (const char* chosen = std::getenv("PARTNERMAP_CHROMIUM")) {
    const std::string c = chosen;
    if (c.empty()) return {};
    if (c.find('/') != std::string::npos) return runnable(c) ? c : std::string();
    return on_path(c);
  }
  for (const char* name : {"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"})
    if (std::string found = on_path(name); !found.empty()) return found;
  return {};
}

std::string pdf_engine_advice() {
  return "partnermap prints the PDF with headless Chromium: install it (on Debian or Ubuntu, apt-get install chromium), "
         "or set PARTNERMAP_CHROMIUM to a Chromium or Chrome program, and run the command again; "
         "or open index.html in a browser and print it to PDF";
}

std::string print_to_pdf(const std::string& engine, const std::string& html_path, const std::string& pdf_path,
                         int timeout_seconds) {
  std::error_code ec;
  // A profile of its own, so that a browser the officer has open is neither used nor disturbed.
  std::random_device seed;
  const fs::path profile = fs::temp_directory_path(ec) / ("partnermap-chromium-" + std::to_string(seed()));
  if (ec || !fs::create_directory(profile, ec)) return "could not make a folder for Chromium's profile in the temporary folder";
  std::vector<std::string> args{engine,
                                "--headless",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + profile.string(),
                                "--no-pdf-header-footer",
                                "--print-to-pdf=" + fs::absolute(pdf_path).string(),
                                file_url(html_path)};
  // Chromium refuses to start its sandbox as root; the page is the pack's own, with no fetches.
  if (::geteuid() == 0) args.insert(args.begin() + 1, "--no-sandbox");
  const int status = run_quietly(args, timeout_seconds);
  fs::remove_all(profile, ec);
  if (status == -1) return "could not start " + engine;
  if (status == -2) return engine + " took longer than " + std::to_string(timeout_seconds) + " seconds to print the page, and was stopped";
  if (status != 0 || !looks_like_pdf(pdf_path)) {
    fs::remove(pdf_path, ec);
    return engine + " did not print the page (exit status " + std::to_string(status) + ")";
  }
  return {};
}

std::string print_page_to_pdf(const std::string& engine, const std::string& html, std::string& pdf, int timeout_seconds) {
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "partnermap-pdf-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) return "could not make a folder to print the PDF in, in the temporary folder";
  const fs::path dir = pattern;
  std::string problem;
  {
    std::ofstream page(dir / "index.html", std::ios::binary);
    page << html;
    page.close();
    if (!page) problem = "could not write the page to print in the temporary folder (is the disk full?)";
  }
  if (problem.empty()) problem = print_to_pdf(engine, (dir / "index.html").string(), (dir / "briefing.pdf").string(), timeout_seconds);
  if (problem.empty()) {
    std::ifstream in(dir / "briefing.pdf", std::ios::binary);
    pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) problem = "could not read back the printed PDF";
  }
  fs::remove_all(dir, ec);
  return problem;
}

}  // namespace partnermap::render

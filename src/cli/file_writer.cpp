#include "cli/file_writer.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <optional>
#include <ostream>
#include <random>
#include <streambuf>
#include <system_error>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/interrupt.h"
#include "cli/output.h"
#include "partnermap/problem.h"

namespace partnermap::cli {

namespace {

[[noreturn]] void bad_location(const std::string& path, const std::string& why) {
  throw InputError({{Severity::error, path.empty() ? std::string("-o") : path, why}});
}

std::size_t longest_name(const std::string& folder) {
  const long n = pathconf(folder.c_str(), _PC_NAME_MAX);
  return n > 0 ? static_cast<std::size_t>(n) : 255;
}

}  // namespace

std::string folder_of(const std::string& path) {
  const std::string parent = std::filesystem::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

void check_output_file_location(const std::string& path) {
  if (path.empty()) bad_location(path, "the output's name is empty; give the name of the file to write");
  struct stat st {};
  if (stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) bad_location(path, "is a folder, not a file; give the name of a file to write (inside it, if you like)");
    if (!S_ISREG(st.st_mode))
      bad_location(path, "is not an ordinary file (a device, a pipe or a socket), so partnermap will not replace it; give the name of a file to write");
  }
  if (path.back() == '/') bad_location(path, "ends in '/', so it names a folder; give the name of a file to write");
  const std::string folder = folder_of(path);
  struct stat fs {};
  if (stat(folder.c_str(), &fs) != 0) throw_write_error(errno, path, folder);
  if (!S_ISDIR(fs.st_mode)) throw_write_error(ENOTDIR, path, folder);
  const std::string name = std::filesystem::path(path).filename().string();
  if (name.size() > longest_name(folder) || path.size() >= PATH_MAX) throw_write_error(ENAMETOOLONG, path, folder);
  if (access(folder.c_str(), W_OK | X_OK) != 0) throw_write_error(errno, path, folder);
}

std::string write_error_words(int error, const std::string& folder) {
  switch (error) {
    case ENOSPC: return "the disk is full";
    case EDQUOT: return "you have used all the disk space you are allowed";
    case EFBIG: return "the file would be larger than this system lets partnermap write (see ulimit -f)";
    case ENOENT: return "the folder " + folder + " does not exist";
    case ENOTDIR: return folder + " is not a folder";
    case EACCES:
    case EPERM: return "you cannot write to the folder " + folder;
    case EROFS: return "the folder " + folder + " is on a disk that cannot be written to";
    case ENAMETOOLONG: return "the name is longer than the disk allows";
    case EISDIR: return "it is a folder";
    case ELOOP: return "the folder " + folder + " is reached through too many links";
    case EIO: return "the disk reported an error";
    default: return std::strerror(error);
  }
}

bool is_location_error(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR:
    case EACCES:
    case EPERM:
    case EROFS:
    case ENAMETOOLONG:
    case EISDIR:
    case ELOOP: return true;
    default: return false;
  }
}

void throw_write_error(int error, const std::string& output, const std::string& folder) {
  const std::string words = write_error_words(error, folder);
  if (is_location_error(error)) {
    std::string advice = error == ENOENT ? "make the folder first, or give another place after -o"
                         : error == ENAMETOOLONG ? "give a shorter name"
                                                 : "give a place you can write to";
    bad_location(output, "cannot be written: " + words + "; " + advice);
  }
  std::string advice = error == ENOSPC || error == EDQUOT ? "; free some space (or write somewhere else) and run the command again" : "";
  throw WriteError("could not write " + output + ": " + words + advice + ". Nothing was written, and any earlier " +
                   output + " is as it was.");
}

FdStreamBuffer::FdStreamBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }

FdStreamBuffer::int_type FdStreamBuffer::overflow(int_type ch) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(ch, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
  }
  return traits_type::not_eof(ch);
}

int FdStreamBuffer::sync() { return drain() ? 0 : -1; }

bool FdStreamBuffer::drain() {
  const char* at = pbase();
  while (at < pptr() && error_ == 0) {
    const ssize_t n = ::write(fd_, at, static_cast<std::size_t>(pptr() - at));
    if (n > 0) at += n;
    else if (n < 0 && errno == EINTR) continue;
    else error_ = n < 0 ? errno : EIO;
  }
  setp(buffer_, buffer_ + sizeof buffer_);
  return error_ == 0;
}

std::string unpredictable_temp_name() {
  unsigned char bytes[8];
  if (getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    std::random_device device;  // the same source, by another door
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(device());
  }
  static const char* const hex = "0123456789abcdef";
  std::string name = ".partnermap-";
  for (unsigned char b : bytes) {
    name += hex[b >> 4];
    name += hex[b & 15];
  }
  return name + ".tmp";
}

namespace {

// A temporary file created in `folder` with O_EXCL|O_NOFOLLOW, registered as in flight first.
struct TempFile {
  std::optional<InFlight> in_flight;
  std::string path;
  int fd = -1;
};

void create_temp(TempFile& t, const std::string& folder, const std::string& shown) {
  for (int attempt = 0; attempt < 32; ++attempt) {
    t.path = (std::filesystem::path(folder) / unpredictable_temp_name()).string();
    t.in_flight.emplace(t.path, InFlight::Kind::file);
    t.fd = open(t.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (t.fd >= 0) return;
    const int error = errno;
    t.in_flight.reset();
    if (error != EEXIST) throw_write_error(error, shown, folder_of(shown));
  }
  throw WriteError("could not write " + shown + ": every temporary name tried in its folder was taken");
}

// Flushes `fd` to the disk and closes it, then renames `temp` to `output`; throws on any failure,
// naming `shown`.
void finish(int& fd, const std::string& temp, const std::string& output, const std::string& shown) {
  const std::string shown_folder = folder_of(shown);
  if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS) throw_write_error(errno, shown, shown_folder);
  const int closed = close(fd);
  fd = -1;
  if (closed != 0 && errno != EINTR) throw_write_error(errno, shown, shown_folder);
  if (rename(temp.c_str(), output.c_str()) != 0) throw_write_error(errno, shown, shown_folder);
  // The rename itself reaches the disk with the folder: best effort, the file is complete either way.
  const int dir = open(folder_of(output).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
}

// Runs `body` on a fresh temporary file beside `output`, then finishes it; removes it on any failure.
// Messages name `shown` and its folder.
void write_through(const std::string& output, const std::string& shown, const std::function<void(int fd)>& body) {
  const std::string folder = folder_of(output);
  TempFile t;
  create_temp(t, folder, shown);
  try {
    body(t.fd);
    finish(t.fd, t.path, output, shown);
  } catch (...) {
    if (t.fd >= 0) close(t.fd);
    unlink(t.path.c_str());
    throw;
  }
}

}  // namespace

void write_stream_as(const std::string& path, const std::string& shown, const std::function<void(std::ostream& out)>& write) {
  write_through(path, shown, [&](int fd) {
    FdStreamBuffer buffer(fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (buffer.error() != 0) throw_write_error(buffer.error(), shown, folder_of(shown));
    if (!out) throw WriteError("could not write " + shown + ": the output stopped part-way. Nothing was written.");
  });
}

void write_by_name_as(const std::string& path, const std::string& shown, const std::function<void(const std::string& temp_path)>& write) {
  const std::string folder = folder_of(path), shown_folder = folder_of(shown);
  // The library opens the file by name, following links: so it writes inside a folder of partnermap's
  // own (mode 0700, unpredictable name) where nobody else can plant one.
  std::string private_folder;
  std::optional<InFlight> folder_in_flight;
  for (int attempt = 0;; ++attempt) {
    private_folder = (std::filesystem::path(folder) / unpredictable_temp_name()).string();
    folder_in_flight.emplace(private_folder, InFlight::Kind::folder);
    if (mkdir(private_folder.c_str(), 0700) == 0) break;
    const int error = errno;
    folder_in_flight.reset();
    if (error != EEXIST || attempt == 31) throw_write_error(error, shown, shown_folder);
  }
  const std::string temp = (std::filesystem::path(private_folder) / std::filesystem::path(path).filename()).string();
  int fd = -1;
  try {
    fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) throw_write_error(errno, shown, shown_folder);
    close(fd);
    fd = -1;
    try {
      write(temp);
    } catch (const std::system_error& e) {
      if (e.code().category() == std::generic_category() || e.code().category() == std::system_category())
        throw_write_error(e.code().value(), shown, shown_folder);
      throw;
    }
    // The library wrote by name (and may have replaced the file): flush what the name leads to now.
    fd = open(temp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) throw_write_error(errno, shown, shown_folder);
    finish(fd, temp, path, shown);
  } catch (...) {
    if (fd >= 0) close(fd);
    unlink(temp.c_str());
    rmdir(private_folder.c_str());
    throw;
  }
  rmdir(private_folder.c_str());
}

void write_stream_atomically(const std::string& path, const std::function<void(std::ostream& out)>& write) {
  check_output_file_location(path);
  write_stream_as(path, path, write);
}

void write_bytes_atomically(const std::string& path, std::string_view bytes) {
  write_stream_atomically(path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(const std::string& temp_path)>& write) {
  check_output_file_location(path);
  write_by_name_as(path, path, write);
}

}  // namespace partnermap::cli

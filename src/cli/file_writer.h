// The pieces of partnermap's one way to write a file, shared by the file writer (output.h) and the
// briefing pack's folder: checking an output location before any work is done, making a temporary
// name nobody can predict, and saying a system error in the user's words.
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <streambuf>
#include <string>

namespace partnermap::cli {

// A file could not be written for a reason outside the user's input (the disk is full, the disk
// failed): exit status 1. The message names the output the user asked for, never a temporary name.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws InputError (exit status 2) when `path` cannot be a file partnermap writes: an empty name,
// a folder, something that is not a plain file (a device, a pipe), a missing or read-only folder, a
// name too long for the disk.
void check_output_file_location(const std::string& path);

// "the disk is full", "you cannot write to the folder out" ...: what `error` (an errno) means for
// writing into `folder`.
std::string write_error_words(int error, const std::string& folder);

// Whether `error` (an errno from creating or renaming) says the location is wrong rather than that
// the system failed: the former is bad input.
bool is_location_error(int error);

// Throws InputError or WriteError, as is_location_error says, naming `output`.
[[noreturn]] void throw_write_error(int error, const std::string& output, const std::string& folder);

// A hidden name for a temporary file or folder, from the system's random source: another user who
// can write to the folder cannot plant a link under it in advance.
std::string unpredictable_temp_name();

// The writers of output.h with the output's location already checked, and every message naming
// `shown` instead of `path`: for files made inside a temporary folder (the briefing pack).
void write_stream_as(const std::string& path, const std::string& shown, const std::function<void(std::ostream& out)>& write);
void write_by_name_as(const std::string& path, const std::string& shown,
                      const std::function<void(const std::string& temp_path)>& write);

// A stream buffer over a file descriptor that remembers the first error a write met (an errno), so
// that a failed write can be said in the user's words: for the writer's files, and standard output.
class FdStreamBuffer : public std::streambuf {
 public:
  explicit FdStreamBuffer(int fd);
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override;
  int sync() override;

 private:
  bool drain();
  int fd_;
  int error_ = 0;
  char buffer_[65536];
};

// The folder `path` is in, for messages and for creating temporary files beside it ("." for a bare name).
std::string folder_of(const std::string& path);

}  // namespace partnermap::cli

#include "cli/interrupt.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

namespace partnermap::cli {

namespace {

// The one piece of global mutable state: a signal handler receives no argument but the signal, so
// the paths it must remove can only be found in storage fixed before it runs. It is a fixed-size
// array of fixed-size buffers because a handler may not allocate, lock or touch a std::string.
// Each slot's state says who may read it: the handler reads only `live` slots, and a path is copied
// in before its slot becomes live (release/acquire), so the handler never sees half a path. (The
// one gap: a handler running on another thread at the very moment its owner frees a slot and a new
// path refills it could read a mix of two temporary names, which names no file, so nothing is lost.)
enum : int { kFree = 0, kFilling = 1, kLive = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  bool folder = false;
  char path[4096] = {};
};

constexpr int kSlots = 16;  // a command has one or two temporary paths at a time
// Every signal whose default action ends the process while partnermap may be writing. SIGPIPE is
// here because a reader of standard output that goes away (`| head`) ends a run mid-file.
constexpr int kEnding[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
Slot g_slots[kSlots];

static_assert(std::atomic<int>::is_always_lock_free, "the handler needs lock-free atomics");

// Removes a folder of files with calls that are safe in a signal handler (no opendir: it allocates).
void remove_folder(const char* path) {
  const int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  alignas(dirent64) char buffer[4096];
  for (;;) {
    const ssize_t n = getdents64(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    bool removed = false;
    for (ssize_t at = 0; at < n;) {
      const auto* entry = reinterpret_cast<const dirent64*>(buffer + at);
      at += entry->d_reclen;
      const char* name = entry->d_name;
      if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
      if (unlinkat(fd, name, 0) == 0) removed = true;
    }
    // Entries were removed under the listing: read it again from the start until nothing is left.
    if (removed) lseek(fd, 0, SEEK_SET);
    else break;
  }
  close(fd);
  rmdir(path);
}

extern "C" void on_interrupt(int signal_number) {
  const int saved_errno = errno;
  // Newest first: a library's private folder inside a pack's temporary folder goes before the pack.
  for (int i = kSlots - 1; i >= 0; --i) {
    Slot& slot = g_slots[i];
    if (slot.state.load(std::memory_order_acquire) != kLive) continue;
    if (slot.folder) remove_folder(slot.path);
    else unlink(slot.path);
  }
  errno = saved_errno;
  // SA_RESETHAND has restored the default action; the signal is blocked until the handler returns,
  // and then ends the process the way it would have without partnermap's help.
  raise(signal_number);
}

}  // namespace

void install_interrupt_cleanup() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // While one handler runs, the others wait: the paths are removed once, by one handler.
  for (int s : kEnding) sigaddset(&action.sa_mask, s);
  action.sa_flags = SA_RESETHAND;
  // A file size limit (ulimit -f) would end the process by SIGXFSZ in the middle of a write; ignored,
  // the write fails with EFBIG instead, and the writer removes its file and says so in plain words.
  signal(SIGXFSZ, SIG_IGN);
  for (int s : kEnding) {
    // A signal the caller chose to ignore (nohup, a shell's background job) stays ignored.
    struct sigaction old {};
    if (sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(s, &action, nullptr);
  }
}

InFlight::InFlight(const std::string& path, Kind kind) : slot_(-1) {
  if (path.size() >= sizeof(Slot::path)) return;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].folder = kind == Kind::folder;
    g_slots[i].state.store(kLive, std::memory_order_release);
    slot_ = i;
    return;
  }
}

InFlight::~InFlight() {
  if (slot_ >= 0) g_slots[slot_].state.store(kFree, std::memory_order_release);
}

}  // namespace partnermap::cli

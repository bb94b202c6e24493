#include "cli/terminal.h"

#include "partnermap/text.h"

#include <algorithm>
#include <sstream>

namespace partnermap::cli {

namespace {

constexpr unsigned char kEsc = 0x1B;
const std::string kReplacement = "?";

constexpr unsigned char kOwnMark = 0xFF;

bool csi_param(unsigned char c) { return (c >= '0' && c <= '9') || c == ';'; }

// The sequences partnermap itself writes (cli/table.cpp, the progress lines): clearing the line, and
// reset, bold, dim, red, green and yellow. Anything else, even a colour such as "conceal" (8), could
// hide or disguise text, so it does not pass even when marked.
bool allowed_sequence(const std::string& seq) {
  if (seq == "\033[K") return true;
  if (seq.size() < 4 || seq.back() != 'm') return false;
  std::size_t begin = 2;
  while (begin < seq.size() - 1) {
    const std::size_t end = std::min(seq.find(';', begin), seq.size() - 1);
    const std::string code = seq.substr(begin, end - begin);
    if (code != "0" && code != "1" && code != "2" && code != "31" && code != "32" && code != "33") return false;
    begin = end + 1;
  }
  return true;
}

std::size_t utf8_length(unsigned char lead) {
  return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

}  // namespace

std::string own_sequence(std::string_view sequence) {
  std::string marked(1, static_cast<char>(kOwnMark));
  marked += sequence;
  return marked;
}

std::string clear_line() {
  std::string line = own_sequence("\033[K");
  line.insert(line.begin(), '\r');  // not "\r" + ...: GCC 12 warns falsely (-Wrestrict) about that
  return line;
}

TerminalFilter::~TerminalFilter() { flush_pending(); }

void TerminalFilter::emit(const std::string& s) { target_->sputn(s.data(), static_cast<std::streamsize>(s.size())); }

void TerminalFilter::flush_pending() {
  // An unfinished escape sequence or character at the end is not let through.
  if (!pending_.empty()) emit(kReplacement);
  pending_.clear();
}

void TerminalFilter::put(unsigned char c) {
  const unsigned char first = pending_.empty() ? 0 : static_cast<unsigned char>(pending_[0]);
  if (first == kOwnMark && pending_.size() == 1) {  // the mark must be followed by a sequence
    if (c == kEsc) {
      pending_ += static_cast<char>(c);
    } else {
      emit(kReplacement);
      pending_.clear();
      put(c);
    }
    return;
  }
  if (first == kEsc || first == kOwnMark) {
    const bool own = first == kOwnMark;
    const std::size_t esc = own ? 1 : 0;  // where the sequence itself starts
    pending_ += static_cast<char>(c);
    if (pending_.size() == esc + 2) {
      if (c != '[') {  // not a CSI: the ESC alone is refused, what follows is ordinary text
        emit(kReplacement);
        pending_.clear();
        put(c);
      }
      return;
    }
    if (csi_param(c) && pending_.size() < esc + 16) return;
    const std::string seq = pending_.substr(esc);
    // Only a marked sequence of partnermap's own passes; one that came with the text never does.
    emit(own && allowed_sequence(seq) ? seq : kReplacement);
    pending_.clear();
    return;
  }
  if (!pending_.empty()) {  // inside a UTF-8 character
    if ((c & 0xC0) != 0x80) {
      emit(kReplacement);
      pending_.clear();
      put(c);
      return;
    }
    pending_ += static_cast<char>(c);
    if (pending_.size() < utf8_length(static_cast<unsigned char>(pending_[0]))) return;
    emit(active_character_length(pending_, 0) ? kReplacement : pending_);
    pending_.clear();
    return;
  }
  if (c == kEsc || c >= 0xC0) {
    pending_ = static_cast<char>(c);
    return;
  }
  if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F || c >= 0x80) {
    emit(kReplacement);  // a control character, or a continuation byte with no character to continue
    return;
  }
  target_->sputc(static_cast<char>(c));
}

TerminalFilter::int_type TerminalFilter::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  put(static_cast<unsigned char>(traits_type::to_char_type(c)));
  return c;
}

int TerminalFilter::sync() { return target_->pubsync(); }

std::string terminal_safe(const std::string& text) {
  std::ostringstream out;
  {
    TerminalFilter filter(out.rdbuf());
    std::ostream through(&filter);
    through << text;
  }
  return out.str();
}

TerminalGuard::TerminalGuard(std::ostream& stream)
    : stream_(stream), original_(stream.rdbuf()), filter_(std::make_unique<TerminalFilter>(original_)) {
  stream_.rdbuf(filter_.get());
}

TerminalGuard::~TerminalGuard() {
  stream_.flush();
  stream_.rdbuf(original_);
}

}  // namespace partnermap::cli

// What the import fuzz targets share: the check every imported sheet must pass, and a zip archive of
// stored (uncompressed) parts with correct checksums, made in memory, so that the workbook targets
// can hand mutated XML straight to the readers (a mutated deflated part would only fail its checksum).
#pragma once

#include <cstdint>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "partnermap/import.h"
#include "partnermap/load.h"
#include "partnermap/save.h"

namespace partnermap::fuzz {

inline void put16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

inline std::uint32_t crc32(const std::string& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// Parts in order, as (name, bytes).
inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out, directory;
  for (const auto& [name, data] : parts) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = crc32(data), size = static_cast<std::uint32_t>(data.size());
    const auto name_len = static_cast<std::uint32_t>(name.size());
    put32(out, 0x04034b50), put16(out, 20), put16(out, 0), put16(out, 0), put16(out, 0), put16(out, 0);
    put32(out, crc), put32(out, size), put32(out, size), put16(out, name_len), put16(out, 0);
    out += name;
    out += data;
    put32(directory, 0x02014b50), put16(directory, 20), put16(directory, 20), put16(directory, 0), put16(directory, 0);
    put16(directory, 0), put16(directory, 0), put32(directory, crc), put32(directory, size), put32(directory, size);
    put16(directory, name_len), put16(directory, 0), put16(directory, 0), put16(directory, 0), put16(directory, 0);
    put32(directory, 0), put32(directory, offset);
    directory += name;
  }
  const auto start = static_cast<std::uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50), put16(out, 0), put16(out, 0);
  put16(out, static_cast<std::uint32_t>(parts.size())), put16(out, static_cast<std::uint32_t>(parts.size()));
  put32(out, static_cast<std::uint32_t>(directory.size())), put32(out, start), put16(out, 0);
  return out;
}

// The input split at NUL bytes into at most `n` pieces; missing pieces are empty.
inline std::vector<std::string> pieces(std::string_view input, std::size_t n) {
  std::vector<std::string> out(n);
  std::size_t k = 0;
  for (char c : input) {
    if (c == '\0' && k + 1 < n) ++k;
    else out[k] += c;
  }
  return out;
}

// The import must either return a register that passes check_register and loads back from what it
// writes, or throw InputError; anything else (a crash, a hang, a sanitizer report, another
// exception) is a finding.
inline void import_and_check(const Sheet& sheet) {
  ImportOptions options;
  options.as_of = from_civil({2004, 9, 1});
  try {
    const Imported imported = import_sheet(sheet, options);
    if (count_errors(check_register(imported.reg, "fuzz")) != 0) __builtin_trap();
    std::ostringstream out;
    save_register(out, imported.reg);
    load_register_text(out.str(), "fuzz.json");
  } catch (const InputError&) {
  }
}

}  // namespace partnermap::fuzz

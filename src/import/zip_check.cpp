// Checks on a workbook's zip before it is read, and which kind of workbook it is.
#include "import/zip_check.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <orcus/zip_archive.hpp>
#include <orcus/zip_archive_stream.hpp>

namespace partnermap::import {

namespace {

std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
std::uint32_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8;
}

struct ZipEntry {
  std::string name;
  std::uint32_t crc = 0, packed = 0, size = 0;
  std::uint32_t method = 0;  // 0 stored, 8 deflated
};

// Deflate cannot make more than 1032 bytes of one byte it was given (its longest match, 258 bytes,
// costs at least two bits); a part that declares more than that is lying about its size.
constexpr std::uint64_t kDeflateMaxRatio = 1032;

// The zip's central directory, read directly: liborcus does not expose the sizes and checksums.
// None when it is missing or damaged.
std::optional<std::vector<ZipEntry>> zip_directory(std::string_view zip) {
  if (zip.size() < 22) return std::nullopt;
  const std::size_t lowest = zip.size() > 22 + 65535 ? zip.size() - 22 - 65535 : 0;
  for (std::size_t eocd = zip.size() - 22 + 1; eocd-- > lowest;) {
    if (le32(zip, eocd) != 0x06054b50) continue;
    std::vector<ZipEntry> out;
    const std::uint32_t entries = le16(zip, eocd + 10);
    const std::size_t start = le32(zip, eocd + 16);
    // One disk, its entry counts agreeing, the directory where and as long as the record says.
    if (le16(zip, eocd + 4) != 0 || le16(zip, eocd + 6) != 0 || le16(zip, eocd + 8) != entries) return std::nullopt;
    std::size_t at = start;
    // Every directory record in a row, past the count too: liborcus reads on while it finds them.
    while (at + 46 <= zip.size() && le32(zip, at) == 0x02014b50) {
      const std::size_t name_len = le16(zip, at + 28);
      if (at + 46 + name_len > zip.size() || le32(zip, at + 42) >= zip.size()) return std::nullopt;
      out.push_back({std::string(zip.substr(at + 46, name_len)), le32(zip, at + 16), le32(zip, at + 20), le32(zip, at + 24),
                     le16(zip, at + 10)});
      at += 46 + name_len + le16(zip, at + 30) + le16(zip, at + 32);
    }
    if (out.size() != entries || entries == 0 || at - start != le32(zip, eocd + 12) || at > eocd) return std::nullopt;
    return out;
  }
  return std::nullopt;
}

std::uint32_t crc32(const std::vector<unsigned char>& data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char byte : data) {
    crc ^= byte;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

}  // namespace

// Why the workbook's zip cannot be handed to liborcus safely; empty when it can. liborcus sizes its
// buffers by the sizes the directory declares, so a damaged or hostile file could make it ask for
// gigabytes; and liborcus 0.17 stops the program (a failed assertion) on some damaged parts. Every
// part is therefore unpacked and checked against its checksum first, and an XML part must end its last tag.
std::string damaged_zip(std::string_view bytes) {
  constexpr std::uint64_t kMaxPart = std::uint64_t{256} << 20, kMaxTotal = std::uint64_t{1} << 30;
  const auto directory = zip_directory(bytes);
  if (!directory) return "its table of contents (the zip's central directory) is missing or damaged";
  const std::vector<ZipEntry>& entries = *directory;
  std::uint64_t total = 0;
  for (const ZipEntry& e : entries) {
    if (e.packed > bytes.size()) return "a part of it claims to be larger than the whole file; it is damaged";
    total += e.size;
    if (e.size > kMaxPart || total > kMaxTotal)
      return "a part of it declares " + std::to_string(e.size >> 20) + " MB unpacked, more than any register needs; it is damaged or not a spreadsheet";
    // Found by fuzzing: 858 packed bytes declaring 256 MB made the check below unpack for seconds.
    const std::uint64_t most = e.method == 0 ? e.packed : std::uint64_t{e.packed} * kDeflateMaxRatio + 64;
    if ((e.method == 0 || e.method == 8) && e.size > most)
      return "its part " + e.name + " declares " + std::to_string(e.size) + " bytes unpacked from " +
             std::to_string(e.packed) + ", more than zip compression can hold; it is damaged";
  }
  try {
    orcus::zip_archive_stream_blob stream(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    orcus::zip_archive zip(&stream);
    zip.load();
    std::vector<unsigned char> buf;
    for (const ZipEntry& e : entries) {
      if (e.name.empty() || e.name.back() == '/') continue;
      if (!zip.read_file_entry(e.name, buf)) return "its part " + e.name + " cannot be found";
      if (buf.size() == std::size_t{e.size} + 1 && buf.back() == 0) buf.pop_back();  // liborcus ends it with a NUL
      if (buf.size() != e.size || crc32(buf) != e.crc)
        return "its part " + e.name + " is damaged (it does not unpack to what the file records)";
      std::size_t end = buf.size();
      while (end > 0 && (buf[end - 1] == ' ' || buf[end - 1] == '\n' || buf[end - 1] == '\r' || buf[end - 1] == '\t')) --end;
      const bool xml = e.name.size() > 4 && (e.name.compare(e.name.size() - 4, 4, ".xml") == 0 || e.name.compare(e.name.size() - 5, 5, ".rels") == 0);
      if (xml && (end == 0 || buf[end - 1] != '>')) return "its part " + e.name + " is cut short";
    }
  } catch (const std::exception& e) {
    return std::string("it cannot be unpacked (") + e.what() + ")";
  }
  return {};
}

// An OpenDocument package names its kind in a first, stored part called "mimetype" (ODF 1.2, part 3,
// section 3.3), so its first local header is followed by that name and the type.
bool is_opendocument_spreadsheet(std::string_view bytes) {
  constexpr std::string_view kName = "mimetype", kType = "application/vnd.oasis.opendocument.spreadsheet";
  if (bytes.size() < 30 + kName.size() + kType.size() || le32(bytes, 0) != 0x04034b50) return false;
  const std::size_t name_len = le16(bytes, 26), extra_len = le16(bytes, 28);
  if (name_len != kName.size() || bytes.substr(30, name_len) != kName) return false;
  return bytes.substr(30 + name_len + extra_len, kType.size()) == kType;
}

}  // namespace partnermap::import

// libFuzzer target: any bytes as an OpenDocument spreadsheet (.ods) through liborcus and the import.
// An input that starts as a zip does ("PK") is the file's bytes; any other input is its content.xml,
// packed here into a sound package so that mutations reach liborcus's ODS reader. The import must
// either return a register that passes check_register or throw InputError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string bytes =
      input.substr(0, 2) == "PK"
          ? std::string(input)
          : partnermap::fuzz::stored_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                          {"META-INF/manifest.xml",
                                           "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:"
                                           "manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\" "
                                           "manifest:media-type=\"text/xml\"/></manifest:manifest>"},
                                          {"content.xml", std::string(input)}});
  try {
    for (const partnermap::Sheet& sheet : partnermap::read_ods(bytes, "fuzz.ods")) partnermap::fuzz::import_and_check(sheet);
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

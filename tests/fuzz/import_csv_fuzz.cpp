// libFuzzer target: any bytes as a CSV spreadsheet (any encoding, any separator) through the reader
// and the import, checked as import_fuzz.h says.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    partnermap::fuzz::import_and_check(partnermap::read_csv(text, "fuzz.csv"));
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

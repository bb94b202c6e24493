// libFuzzer target: any bytes as a CSV spreadsheet through the import and the register checks.
// The import must either return a register that passes check_register or throw InputError; anything
// else (a crash, a hang, a sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "partnermap/import.h"
#include "partnermap/load.h"
#include "partnermap/save.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  partnermap::ImportOptions options;
  options.as_of = partnermap::from_civil({2004, 9, 1});
  try {
    const partnermap::Sheet sheet = partnermap::read_csv(text, "fuzz.csv");
    const partnermap::Imported imported = partnermap::import_sheet(sheet, options);
    if (partnermap::count_errors(partnermap::check_register(imported.reg, "fuzz")) != 0) __builtin_trap();
    // What the import writes must load back.
    std::ostringstream out;
    partnermap::save_register(out, imported.reg);
    partnermap::load_register_text(out.str(), "fuzz.json");
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

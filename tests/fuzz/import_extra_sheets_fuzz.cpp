// libFuzzer target: a partnerships sheet and the sheets beside it (Business Units, organisations,
// themes), as CSV texts separated by form feeds, through the import. The import must either give a
// register that passes check_register and reads back, or throw InputError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "import/extra_sheets.h"
#include "partnermap/import.h"
#include "partnermap/load.h"
#include "partnermap/save.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<partnermap::Sheet> sheets;
  partnermap::ImportOptions options;
  options.as_of = partnermap::from_civil({2025, 4, 1});
  try {
    for (int n = 0; !bytes.empty() || n == 0; ++n) {
      const std::size_t cut = bytes.find('\f');
      sheets.push_back(partnermap::read_csv(bytes.substr(0, cut), "sheet" + std::to_string(n)));
      bytes = cut == std::string_view::npos ? std::string_view() : bytes.substr(cut + 1);
    }
    partnermap::Imported imported = partnermap::import_sheet(sheets.front(), options);
    std::vector<const partnermap::Sheet*> others;
    for (std::size_t i = 1; i < sheets.size(); ++i) others.push_back(&sheets[i]);
    std::vector<partnermap::Problem> problems;
    std::vector<std::string> read;
    partnermap::import::read_extra_sheets(others, imported.reg, problems, read);
    if (partnermap::count_errors(problems) > 0) return 0;
    if (partnermap::count_errors(partnermap::check_register(imported.reg, "fuzz")) != 0) __builtin_trap();
    std::ostringstream out;
    partnermap::save_register(out, imported.reg);
    partnermap::load_register_text(out.str(), "fuzz.json");
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

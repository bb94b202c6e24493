// libFuzzer target: any bytes as a proposed partnership, read against the Carlisle register and put
// through the whole decision tree and its JSON. Reading must either give a proposal or throw
// InputError; anything else (a crash, a hang, a sanitizer report, another exception) is a finding.
//
// The register is loaded once, from datasets/carlisle-2004.json beside this source file, or from the
// file PARTNERMAP_FUZZ_REGISTER names.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "partnermap/assess.h"
#include "partnermap/load.h"

namespace {

std::string register_path() {
  if (const char* path = std::getenv("PARTNERMAP_FUZZ_REGISTER")) return path;
  return (std::filesystem::path(__FILE__).parent_path() / ".." / ".." / "datasets" / "carlisle-2004.json").string();
}

const partnermap::Register& carlisle() {
  static const partnermap::Loaded loaded = partnermap::load_register_file(register_path());
  return loaded.reg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const partnermap::Register& reg = carlisle();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const partnermap::Proposal proposal = partnermap::read_proposal_text(reg, text, "fuzz.json");
    if (proposal.reg.partnerships.size() != reg.partnerships.size() + 1) __builtin_trap();
    const partnermap::Assessment a = partnermap::assess(reg, proposal, reg.as_of);
    if (a.questions.size() != 8 || a.reasons.empty()) __builtin_trap();
    const std::string json = partnermap::to_json(proposal, a).dump();  // throws on invalid UTF-8
    if (json.empty()) __builtin_trap();
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

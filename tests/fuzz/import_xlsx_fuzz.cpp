// libFuzzer target: any bytes as an XLSX workbook through the reader and the import. An input that
// starts as a zip does ("PK") is the workbook's bytes, so mutations reach the zip checks; any other
// input is the workbook's XML, split at NUL bytes into the first sheet, the shared strings and the
// workbook part (each left out when empty), packed here into a sound zip so that mutations reach
// the XML readers. Each sheet is imported and checked as import_fuzz.h says.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import_fuzz.h"

namespace {

constexpr const char* kWorkbook =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"Register\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

std::string workbook_from_xml(std::string_view input) {
  const std::vector<std::string> xml = partnermap::fuzz::pieces(input, 3);
  std::vector<std::pair<std::string, std::string>> parts = {
      {"_rels/.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"/xl/workbook.xml\"/></Relationships>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
       "Target=\"/xl/sharedStrings.xml\"/></Relationships>"},
      {"xl/workbook.xml", xml[2].empty() ? std::string(kWorkbook) : xml[2]},
      {"xl/worksheets/sheet1.xml", xml[0]},
  };
  if (!xml[1].empty()) parts.emplace_back("xl/sharedStrings.xml", xml[1]);
  return partnermap::fuzz::stored_zip(parts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string bytes = input.substr(0, 2) == "PK" ? std::string(input) : workbook_from_xml(input);
  try {
    for (const partnermap::Sheet& sheet : partnermap::read_xlsx(bytes, "fuzz.xlsx")) partnermap::fuzz::import_and_check(sheet);
  } catch (const partnermap::InputError&) {
  }
  return 0;
}

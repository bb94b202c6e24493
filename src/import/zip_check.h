// Checks on a workbook's zip archive (XLSX or ODS), made before it is read: liborcus 0.17 trusts the
// sizes a zip declares and stops the program on some damaged parts.
#pragma once

#include <string>
#include <string_view>

namespace partnermap::import {

// Why the zip cannot be handed to liborcus safely, in words; empty when it can.
std::string damaged_zip(std::string_view bytes);
// Whether the zip is an OpenDocument spreadsheet (.ods) rather than an XLSX workbook.
bool is_opendocument_spreadsheet(std::string_view bytes);

}  // namespace partnermap::import

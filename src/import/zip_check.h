// Checks on an XLSX file's zip archive, made before liborcus reads it (liborcus 0.17 trusts the sizes
// a zip declares and stops the program on some damaged parts) and after (what it silently cannot read).
#pragma once

#include <string>
#include <string_view>

namespace partnermap::import {

// Why the zip cannot be handed to liborcus safely, in words; empty when it can.
std::string damaged_zip(std::string_view bytes);
// What liborcus 0.17 would not read in a sound workbook (sheets by absolute paths, inline strings);
// empty when nothing.
std::string unreadable_parts(std::string_view bytes);

}  // namespace partnermap::import

// Checks on a workbook part's XML made before liborcus's parser reads it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace partnermap::import {

// Length of the character or entity reference at xml[i] ("&amp;", "&#163;", "&#xA3;"), 0 when
// the "&" starts none.
std::size_t reference_length(std::string_view xml, std::size_t i);

// Why liborcus's parser must not be given `xml`, in words with the byte's offset; empty when it may.
std::string unsafe_xml(std::string_view xml);

}  // namespace partnermap::import

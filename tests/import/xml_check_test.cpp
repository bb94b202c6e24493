// The XML check every workbook part passes before liborcus's parser reads it.
#include <catch2/catch.hpp>

#include "import/xml_check.h"
#include "import_support.h"
#include "partnermap/import.h"

using namespace partnermap::import;

TEST_CASE("import xml: well-formed parts pass, references, comments and CDATA included", "[import]") {
  CHECK(unsafe_xml("<a x=\"&amp;\"><b>&#163;&#xA3;&lt;</b><!-- & --><![CDATA[&]]></a>").empty());
  CHECK(reference_length("&amp;x", 0) == 5);
  CHECK(reference_length("&#xA3;", 0) == 6);
  CHECK(reference_length("&#163", 0) == 0);
}

TEST_CASE("import xml: an & that starts no reference is refused before the parser reads it", "[import]") {
  // Found by fuzzing: liborcus 0.17 read past the end of its buffer after such an & in an attribute
  // when a ';' followed later.
  CHECK(unsafe_xml("<a b=\"&x\">;") == "byte 6 is an & that starts no reference (an & in text is written &amp;)");
  CHECK(unsafe_xml("<a>&#;</a>") == "byte 3 is an & that starts no reference (an & in text is written &amp;)");
  CHECK(unsafe_xml("<a>&amp</a>") != "");
  CHECK(unsafe_xml("<a><!-- open") == "byte 3 starts a <!-- that never ends");
  // Found by fuzzing: liborcus 0.17 failed an assertion on these.
  CHECK(unsafe_xml("<!--->") == "byte 0 starts a <!-- that never ends");
  CHECK(unsafe_xml("<!-->") == "byte 0 starts a <!-- that never ends");
  CHECK(unsafe_xml("<a><![CDATA[]></a>") == "byte 3 starts a <![CDATA[ that never ends");
  CHECK(unsafe_xml("<a><!----></a>").empty());
  CHECK(unsafe_xml("<!---->") == "byte 0 starts a <!-- that ends the part, after its root element");
  CHECK(unsafe_xml("<a/><!-- x -->") == "byte 4 starts a <!-- that ends the part, after its root element");
  CHECK(unsafe_xml("<a>&#444444424;</a>") == "byte 3 is a character reference beyond Unicode's last character, U+10FFFF");
  CHECK(unsafe_xml("<a b='&#x110000;'/>") == "byte 6 is a character reference beyond Unicode's last character, U+10FFFF");
  CHECK(unsafe_xml("<a>&#1114111;&#x10FFFF;&#x000000041;</a>").empty());
  // Also found by fuzzing: the same in the XML declaration.
  CHECK(unsafe_xml("<?xml version='1.&' encoding='UTF-8'?>;<a/>") ==
        "byte 17 is an & that starts no reference (an & in text is written &amp;)");
  CHECK(unsafe_xml("<a>caf\xE9</a>") == "byte 6 is not UTF-8 text");
  CHECK(unsafe_xml("<a b=\"&quot;&#x1F600;\">&apos;</a>").empty());
  // Through the reader: the fuzzer's workbook, its sheet's XML packed as the fuzz target does.
  const std::string found = partnermap::test::import_fixture("unterminated-reference.xlsx");
  CHECK_THROWS_WITH(partnermap::read_xlsx(found, "f.xlsx"),
                    Catch::Contains("its part xl/worksheets/sheet1.xml is not well-formed XML (byte ") &&
                        Catch::Contains("is an & that starts no reference"));
}

TEST_CASE("import xml: a quoted attribute value that never ends is refused before the parser reads it", "[import]") {
  // Found by fuzzing: liborcus 0.17 read past the end of its buffer in such a value holding a reference.
  CHECK(unsafe_xml("<a b=\"x &amp; y") == "byte 5 starts an attribute value that never ends");
  CHECK(unsafe_xml("<?xml version='1.0") == "byte 14 starts an attribute value that never ends");
  // Quotes in text, and the other quote inside a value, are only characters.
  CHECK(unsafe_xml("<a b=\"it's\" c='say \"hi\"'>\"quoted\" and 'not'</a>").empty());
  CHECK(unsafe_xml("<a b=\"<!-- not a comment\"/>").empty());
  const std::string found = partnermap::test::import_fixture("unterminated-value.ods");
  CHECK_THROWS_WITH(partnermap::read_ods(found, "f.ods"),
                    Catch::Contains("f.ods") && Catch::Contains("its part content.xml is not well-formed XML (byte ") &&
                        Catch::Contains("starts an attribute value that never ends"));
}

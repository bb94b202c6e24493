#include <catch2/catch.hpp>

#include "import/names.h"

using namespace partnermap;
using namespace partnermap::import;

TEST_CASE("import names: one entry per exact name, ids made deterministically", "[import]") {
  NameTable t;
  CHECK(t.add("Housing Services", "r2") == 0);
  CHECK(t.add("Finance", "r3") == 1);
  CHECK(t.add("Housing Services", "r4") == 0);
  CHECK(t.places()[0] == "r2");
  CHECK(make_ids({"Housing Services", "Housing services", "Housing Services!"}, "unit") ==
        std::vector<std::string>{"housing-services", "housing-services-2", "housing-services-3"});
  CHECK(make_ids({"CDRP"}, "partnership", {"cdrp"}) == std::vector<std::string>{"cdrp-2"});
}

TEST_CASE("import names: near-duplicates are warned about, never merged", "[import]") {
  NameTable t;
  t.add("Carlisle Council for Voluntary Service", "Sheet1 row 3, column F \"Partners\"");
  t.add("Carlisle CVS", "Sheet1 row 14, column F \"Partners\"");
  t.add("Cumbria Constabulary", "Sheet1 row 4, column F \"Partners\"");
  t.add("cumbria constabulary.", "Sheet1 row 5, column F \"Partners\"");
  t.add("Cumbria Constabulery", "Sheet1 row 6, column F \"Partners\"");
  t.add("Crime and Disorder Reduction Partnership", "Sheet1 row 7, column E \"Lead partner\"");
  t.add("CDRP", "Sheet1 row 8, column E \"Lead partner\"");
  t.add("Eden District Council", "Sheet1 row 9, column E \"Lead partner\"");
  const std::vector<Problem> w = near_duplicates(t, "organisation");
  REQUIRE(w.size() == 4);
  CHECK(w[0].where == "Sheet1 row 5, column F \"Partners\"");
  CHECK(w[0].message == "\"cumbria constabulary.\" and \"Cumbria Constabulary\" (Sheet1 row 4, column F \"Partners\") differ "
                        "only in case, spacing or punctuation; they are kept as two organisations: if they are one, write "
                        "the name the same way everywhere");
  CHECK(w[1].where == "Sheet1 row 14, column F \"Partners\"");
  CHECK_THAT(w[1].message, Catch::Contains("\"Carlisle CVS\" and \"Carlisle Council for Voluntary Service\"") &&
                               Catch::Contains("abbreviation"));
  CHECK_THAT(w[2].message, Catch::Contains("\"CDRP\" and \"Crime and Disorder Reduction Partnership\""));
  CHECK_THAT(w[3].message, Catch::Contains("\"Cumbria Constabulery\"") && Catch::Contains("a few letters apart"));
  for (const Problem& p : w) CHECK(p.severity == Severity::warning);
}

TEST_CASE("import names: names that differ in one whole short word are two bodies", "[import]") {
  NameTable t;
  t.add("Northfield CVS", "r2");
  t.add("Northfield PCT", "r3");
  t.add("Area 1 Forum", "r4");
  t.add("Area 2 Forum", "r5");
  t.add("Northfield Youth Forum", "r6");
  t.add("Northfield Youth Forun", "r7");
  t.add("Harbour Arts Trust", "r8");
  t.add("Harbour Carers Trust", "r9");  // another word, not "Arts" mistyped
  const std::vector<Problem> w = near_duplicates(t, "organisation");
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0].message, Catch::StartsWith("\"Northfield Youth Forun\" and \"Northfield Youth Forum\" (r6) are a few letters apart"));
}

TEST_CASE("import names: thousands of names are compared with their likely slips only", "[import]") {
  // Every name a few letters from many others: a pairwise check would make millions of comparisons.
  NameTable t;
  for (int i = 0; i < 20000; ++i) t.add("Northfield Partner Body " + std::to_string(100000 + i), "r");
  const std::vector<Problem> w = near_duplicates(t, "organisation");
  CHECK(w.empty());  // each differs from the others in a whole short word: its number
  NameTable slips;
  for (int i = 0; i < 20000; ++i) slips.add("Organisation number " + std::to_string(i) + " of Northfield", "r");
  slips.add("Organisation number 7 of Northfeld", "r");
  bool found = false;
  for (const Problem& p : near_duplicates(slips, "organisation"))
    found |= p.message.find("\"Organisation number 7 of Northfeld\" and \"Organisation number 7 of Northfield\"") == 0;
  CHECK(found);
}

TEST_CASE("import names: the council by its name, initials and aliases", "[import]") {
  const CouncilNames c{"Kestrel District Council", {"Kestrel DC"}};
  CHECK(c.names_council("Kestrel District Council"));
  CHECK(c.names_council("kestrel district council."));
  CHECK(c.names_council("KDC"));
  CHECK(c.names_council("Kestrel DC"));
  CHECK(c.names_council("The Council"));
  CHECK_FALSE(c.names_council("Kestrel Homes"));
  CHECK_FALSE(c.names_council("KD"));
}

TEST_CASE("import names: the council by the short forms officers write", "[import]") {
  const CouncilNames c{"Westshire County Council", {}};
  CHECK(c.names_council("Westshire CC"));
  CHECK(c.names_council("Westshire Council"));
  CHECK(c.names_council("WCC"));
  CHECK_FALSE(c.names_council("Westshire"));  // the county itself, or a body named for it
  CHECK_FALSE(c.names_council("Westshire Carers"));
  CHECK(CouncilNames{"London Borough of Hackney", {}}.names_council("LBH"));
  CHECK_FALSE(CouncilNames{"Eden Council", {}}.names_council("EC"));
}

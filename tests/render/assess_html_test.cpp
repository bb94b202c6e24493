// The assessment page for a committee: standalone, escaped, and read by real readers.
#include <catch2/catch.hpp>

#include <sstream>

#include <nlohmann/json.hpp>

#include "assess_html.h"
#include "render_support.h"

using namespace partnermap;
using namespace partnermap::test;

namespace {

std::string page(const std::string& proposal_text) {
  const Register reg = load_register_file(carlisle()).reg;
  const Proposal p = read_proposal_text(reg, proposal_text, "proposal.json");
  const Assessment a = assess(reg, p, reg.as_of);
  std::ostringstream out;
  render::write_assess_html(out, p, a);
  return out.str();
}

std::string example(const std::string& name) {
  return read_text(std::string(PARTNERMAP_DATASETS) + "/proposals/" + name + ".json");
}

}  // namespace

TEST_CASE("render: the assessment page holds the recommendation, the tree, the forecast and the overlaps", "[assess][render]") {
  const std::string html = page(example("community-safety-group"));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("<title>Pre-partnership assessment: Carlisle Community Safety Action Group</title>"));
  CHECK_THAT(html, Catch::Contains("<div class=\"verdict reconsider\">"));
  CHECK_THAT(html, Catch::Contains("<section class=q id=\"q-capacity\">"));
  CHECK_THAT(html, Catch::Contains("<a href=\"#q-overlap\">"));
  CHECK_THAT(html, Catch::Contains("<h2>Effect on Business Units</h2>"));
  CHECK_THAT(html, Catch::Contains("<td class=\"n overloaded\">126%</td>"));
  CHECK_THAT(html, Catch::Contains("Carlisle Anti-Social Behaviour Group <span class=id>asb-group</span>"));
  CHECK_THAT(html, Catch::Contains("permanent posts whose funding ends within 12 months"));
  // Self-contained: nothing fetched, nothing run.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
}

TEST_CASE("render: text from the register and the proposal is escaped on the assessment page", "[assess][render]") {
  auto doc = nlohmann::json::parse(example("heritage-trail"));
  doc["partnership"]["name"] = "<script>alert('x')</script> & \"Trail\"";
  doc["partnership"]["management"] = "<b>board</b>";
  doc["organisations"][0]["name"] = "<img src=x onerror=alert(1)>";
  const std::string html = page(doc.dump());
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>board") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Trail&quot;"));
  CHECK_THAT(html, Catch::Contains("Management: &lt;b&gt;board&lt;/b&gt;."));
}

TEST_CASE("render: xmllint and Chromium read the assessment page", "[assess][render][readers]") {
  TempDir dir;
  write_text(dir / "a.html", page(example("older-peoples-forum")));
  const Run lint = run_command("xmllint --html --noout " + shell_quote(dir / "a.html"));
  CHECK(html_faults(lint.err) == "");
  TempDir profile;
  const Run dom = run_command(
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
      shell_quote(profile.path) + " --dump-dom " + shell_quote("file://" + (dir / "a.html").string()));
  REQUIRE(dom.status == 0);
  CHECK_THAT(dom.out, Catch::Contains("Recommendation: proceed with conditions"));
  CHECK_THAT(dom.out, Catch::Contains("Carlisle Pensioners' Association") ||
                          Catch::Contains("Carlisle Pensioners&#39; Association"));
}

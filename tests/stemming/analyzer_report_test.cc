// The --analyze report (docs/analysis.md, "Inspection").
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;

TEST_CASE("the JSON report lists every token with offsets and derived forms", "[analyzer]") {
  const std::string text = "Ældre på sygehusene 2017";
  const auto tokens = Analyzer().analyze(text);
  const auto report = nlohmann::json::parse(arkiv::analysis_report_json(text, tokens, arkiv::Language::da));
  CHECK(report["lang"] == "da");
  REQUIRE(report["tokens"].size() == 4);
  const auto& first = report["tokens"][0];
  CHECK(first["text"] == "Ældre");
  CHECK(first["start"] == 0);
  CHECK(first["end"] == 6);
  CHECK(first["position"] == 1);
  CHECK(first["norm"] == "ældre");
  CHECK(first["stem"] == "ældr");
  CHECK(first["folded"] == nlohmann::json::array({"aeldre"}));
  CHECK(first["parts"].is_array());
  CHECK(first["variants"].is_array());
  CHECK(report["tokens"][2]["stem"] == "sygehus");
  CHECK(report["tokens"][3]["number"] == true);
}

TEST_CASE("the JSON report stays valid JSON for invalid UTF-8 input", "[analyzer]") {
  const std::string text = "ab\xFF" "cd \xC3";
  const auto tokens = Analyzer().analyze(text);
  const auto report = nlohmann::json::parse(arkiv::analysis_report_json(text, tokens, arkiv::Language::nb));
  CHECK(report["lang"] == "nb");
  CHECK(report["tokens"].size() == 2);
}

TEST_CASE("the text report has a header and one line per token", "[analyzer]") {
  const std::string text = "Lægerne på sygehusene";
  const auto report = arkiv::analysis_report_text(text, Analyzer().analyze(text), arkiv::Language::da);
  CHECK(std::count(report.begin(), report.end(), '\n') == 5);
  CHECK(report.find("1\t0-8\tLægerne\tlægerne\tlæg") != std::string::npos);
}

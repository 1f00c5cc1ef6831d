// Snippets: the best passage, every matching word highlighted, and the page it is on.
#include "searcher/src/snippets.h"

#include <catch2/catch.hpp>

#include "searcher/searcher.h"
#include "test_database.h"

namespace {

// The query is analysed as Danish (the searcher's default), the text in its own language.
std::string snippet_for(const std::string& query, const std::string& text, std::size_t bytes = 200,
                        arkiv::Language text_language = arkiv::Language::da) {
  const arkiv::Analyzer analyzer(arkiv::AnalyzerOptions{arkiv::Language::da});
  const arkiv::Analyzer text_analyzer(arkiv::AnalyzerOptions{text_language});
  const arkiv::SnippetMaker maker(analyzer.analyze(query), {});
  return maker.make(text, text_analyzer.analyze(text), bytes, "[", "]").text;
}

arkiv::Hit first_hit(const std::string& query) {
  arkiv::testing::TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
  arkiv::Searcher searcher({(folder.path() / "db").string()});
  arkiv::SearchRequest request;
  request.query = query;
  request.highlight_begin = "[";
  request.highlight_end = "]";
  const auto result = searcher.search(request);
  REQUIRE_FALSE(result.hits.empty());
  return result.hits.front();
}

}  // namespace

TEST_CASE("every inflection of a query word is highlighted") {
  CHECK(snippet_for("sygehus", "De nye sygehuse er for små. Flere senge på sygehusene.") ==
        "De nye [sygehuse] er for små. Flere senge på [sygehusene].");
}

TEST_CASE("a word typed without æ/ø/å highlights the æ/ø/å spelling") {
  CHECK(snippet_for("faerdigbehandlingsdage", "Antallet af færdigbehandlingsdage steg.") ==
        "Antallet af [færdigbehandlingsdage] steg.");
}

TEST_CASE("a compound holding the query word as a part is highlighted") {
  CHECK(snippet_for("kursus", "Kursusudskydelsen godkendes.") == "[Kursusudskydelsen] godkendes.");
}

TEST_CASE("a Norwegian variant of a Danish query word is highlighted") {
  CHECK(snippet_for("sygehus", "Sykehusene i regionen er fulle.", 200, arkiv::Language::nb) ==
        "[Sykehusene] i regionen er fulle.");
}

TEST_CASE("a prefix query highlights every word it expands to") {
  const arkiv::Analyzer analyzer(arkiv::AnalyzerOptions{arkiv::Language::da});
  const arkiv::SnippetMaker maker({}, {"færdig"});
  const std::string text = "Færdigbehandlede patienter og færdigbehandlingsdage.";
  CHECK(maker.make(text, analyzer.analyze(text), 200, "[", "]").text ==
        "[Færdigbehandlede] patienter og [færdigbehandlingsdage].");
}

TEST_CASE("the passage with the most query words is chosen and cut with ellipses") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Indledende ord om ingenting særligt. ";
  text += "Her nævnes sygehuse og regioner sammen. ";
  for (int i = 0; i < 30; ++i) text += "Afsluttende ord om ingenting særligt. ";
  const auto snippet = snippet_for("sygehus regioner", text, 120);
  CHECK(snippet.find("[sygehuse] og [regioner]") != std::string::npos);
  CHECK(snippet.rfind("… ", 0) == 0);
  CHECK(snippet.size() < 200);
  CHECK(snippet.substr(snippet.size() - 4) == " …");
}

TEST_CASE("without a matching word the snippet is the text's beginning") {
  CHECK(snippet_for("sygehus", "Intet relevant her.\nNy linje.") == "Intet relevant her. Ny linje.");
}

TEST_CASE("a hit's snippet names the page its passage is on") {
  const auto late = first_hit("beslutningen");
  CHECK(late.id == "a-1");
  CHECK(late.snippet.find("[beslutningen]") != std::string::npos);
  CHECK(late.snippet_page == 4);
  const auto early = first_hit("undervisere");
  CHECK(early.snippet_page == 3);
}

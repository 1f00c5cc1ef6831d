// Clean-up of extracted text: page markers, de-hyphenation, ligatures, spaces, running headers.
#include <catch2/catch.hpp>

#include <set>

#include "corpus/src/cleaner.h"
#include "corpus/src/dehyphenation.h"
#include "corpus/src/ligatures.h"
#include "corpus/src/page_markers.h"
#include "corpus/src/reader.h"
#include "tests/corpus/reading_test_support.h"

using arkiv::CleanText;
using arkiv::Language;
using arkiv::RawText;

namespace {

RawText text_pages(std::vector<std::string> pages) {
  RawText raw;
  raw.format = "text";
  raw.pages = std::move(pages);
  return raw;
}

std::vector<std::pair<std::size_t, int>> starts_of(const CleanText& clean) {
  std::vector<std::pair<std::size_t, int>> starts;
  for (const auto& start : clean.page_starts) starts.emplace_back(start.offset, start.page);
  return starts;
}

// The lines of text, through clean-up steps that take a lexicon: a fixed small one, so the
// tests show the algorithm and not the contents of the real lexicon.
std::vector<arkiv::TextLine> lines_of(std::string_view text) {
  std::vector<arkiv::TextLine> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    lines.push_back({std::string(text.substr(start, end - start)), 1, false});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string joined(const std::vector<arkiv::TextLine>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (line.removed) continue;
    if (!out.empty()) out += '\n';
    out += line.text;
  }
  return out;
}

const arkiv::WordCheck kTestLexicon = [](std::string_view word) {
  static const std::set<std::string, std::less<>> words = {
      "forvaltning", "offentlige", "fitness", "rafle", "raffle"};
  return words.contains(arkiv::lower_first_letter(word));
};

std::string dehyphenate_text(std::string_view text) {
  std::vector<arkiv::TextLine> lines = lines_of(text);
  arkiv::DocumentVocabulary vocabulary;
  for (const auto& found : arkiv::find_line_break_hyphens(lines)) {
    arkiv::Dehyphenator::add_candidates(found.head, found.tail, vocabulary);
  }
  vocabulary.count(lines);
  arkiv::dehyphenate(lines, arkiv::Dehyphenator(vocabulary, kTestLexicon));
  return joined(lines);
}

std::string repair_text(std::string_view text, std::vector<std::string>& warnings) {
  std::vector<arkiv::TextLine> lines = lines_of(text);
  arkiv::DocumentVocabulary vocabulary;
  arkiv::add_ligature_candidates(lines, vocabulary);
  vocabulary.count(lines);
  arkiv::repair_ligatures(lines, vocabulary, kTestLexicon, warnings);
  return joined(lines);
}

}  // namespace

TEST_CASE("a \"Side N\" line in text without form feeds starts page N and is removed", "[cleaning][pages]") {
  const CleanText clean = arkiv::clean_text(
      text_pages({"Dagsorden\nPunkt 1\n\nSide 2\nPunkt 2\nSide 3/5\nPunkt 3\nSide 4 af 5\nPunkt 4\nPage 5\nPunkt 5"}),
      Language::da);
  CHECK(clean.text == "Dagsorden\nPunkt 1\n\nPunkt 2\nPunkt 3\nPunkt 4\nPunkt 5");
  CHECK(starts_of(clean) == std::vector<std::pair<std::size_t, int>>{{0, 1}, {19, 2}, {27, 3}, {35, 4}, {43, 5}});
}

TEST_CASE("text without page markers is one page starting at offset 0", "[cleaning][pages]") {
  const CleanText clean = arkiv::clean_text(text_pages({"Referat\n\n12\nPunkt 3 er udsat."}), Language::da);
  CHECK(clean.text == "Referat\n\n12\nPunkt 3 er udsat.");
  CHECK(starts_of(clean) == std::vector<std::pair<std::size_t, int>>{{0, 1}});
}

TEST_CASE("a page marker that does not move forward is ordinary text", "[cleaning][pages]") {
  const CleanText clean = arkiv::clean_text(text_pages({"Side 3\nTekst\nSide 2\nmere"}), Language::da);
  CHECK(clean.text == "Tekst\nSide 2\nmere");
  CHECK(starts_of(clean) == std::vector<std::pair<std::size_t, int>>{{0, 3}});
}

TEST_CASE("folios on the first or last line of a page of a paged source are removed", "[cleaning][pages]") {
  const CleanText clean = arkiv::clean_text(
      text_pages({"Indledning\n7\nListe over punkter\n1\n", "- 2 -\nAnden side\n", "Tredje side\n3\n\n"}),
      Language::da);
  // "7" inside page 1 is a list item, not a folio; "1", "- 2 -" and "3" sit at page edges.
  CHECK(clean.text == "Indledning\n7\nListe over punkter\nAnden side\nTredje side");
  CHECK(starts_of(clean) == std::vector<std::pair<std::size_t, int>>{{0, 1}, {32, 2}, {43, 3}});
}

TEST_CASE("a line-end hyphen inside a word is joined and the word moves up a line", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("orienterede, at Lars Grunnet, Indenrigs- og Sundhedsmi-\n\nnisteriet, er indtrådt") ==
        "orienterede, at Lars Grunnet, Indenrigs- og Sundhedsministeriet,\n\ner indtrådt");
  CHECK(dehyphenate_text("den offentlige for-\nvaltning") == "den offentlige forvaltning");
}

TEST_CASE("a hyphen before a conjunction on the next line is a suspended compound and stays", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("Indenrigs- og Sundheds-\nog Ældreministeriet") == "Indenrigs- og Sundheds-\nog Ældreministeriet");
  CHECK(dehyphenate_text("tilbud om etter-\nog videreutdanning") == "tilbud om etter-\nog videreutdanning");
}

TEST_CASE("a hyphen before a capital, a digit or after an acronym is kept without a space", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("Helse Sør-\nØst RHF") == "Helse Sør-Øst\nRHF");
  CHECK(dehyphenate_text("overlæge Dinsen-\nAndersen deltog") == "overlæge Dinsen-Andersen\ndeltog");
  CHECK(dehyphenate_text("under COVID-\n19 pandemien") == "under COVID-19\npandemien");
  CHECK(dehyphenate_text("i perioden 2017-\n2018 blev") == "i perioden 2017-2018\nblev");
  CHECK(dehyphenate_text("nye EU-\nregler") == "nye EU-regler");
}

TEST_CASE("the document's own spelling decides between joining and keeping a hyphen", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("en one-size-fits-all model\nikke en one-size-fits-\nall model") ==
        "en one-size-fits-all model\nikke en one-size-fits-all\nmodel");
  CHECK(dehyphenate_text("send en e-mail\neller en e-\nmail til os") == "send en e-mail\neller en e-mail\ntil os");
  CHECK(dehyphenate_text("kvalitetssikring er vigtig\nom kvalitets-\nsikring") ==
        "kvalitetssikring er vigtig\nom kvalitetssikring");
}

TEST_CASE("a known word broken around a folio or a chart figure is joined and the number stays", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("et andet sted\net an-\n\n\n32\n\n\ndet land") == "et andet sted\net andet\n\n\n32\n\n\nland");
  CHECK(dehyphenate_text("den offentlige for-\n100.000\nvaltning") == "den offentlige forvaltning\n100.000");
  CHECK(dehyphenate_text("under Covid-\n19\npandemien") == "under Covid-\n19\npandemien");
}

TEST_CASE("a number line after a number or an acronym is the rest of it", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("under COVID-\n19\npandemien") == "under COVID-19\npandemien");
  CHECK(dehyphenate_text("i perioden 2017-\n2018\nblev") == "i perioden 2017-2018\nblev");
}

TEST_CASE("a name before a word on the next line keeps its hyphen", "[cleaning][hyphens]") {
  // Regression: "Bo Smith-" / "udvalgets" was joined to "Smithudvalgets".
  CHECK(dehyphenate_text("udvalgets formand\nom Bo Smith-\nudvalgets anbefalinger") ==
        "udvalgets formand\nom Bo Smith-udvalgets\nanbefalinger");
}

TEST_CASE("a hyphen inside a phrase or a web address is no witness for a first part", "[cleaning][hyphens]") {
  // Regression: "pay-for-performance" made "for-" / "valtning" keep its hyphen.
  CHECK(dehyphenate_text("pay-for-performance aftaler\nden offentlige for-\nvaltning") ==
        "pay-for-performance aftaler\nden offentlige forvaltning");
}

TEST_CASE("a word broken twice across three lines is joined whole", "[cleaning][hyphens]") {
  CHECK(dehyphenate_text("Uddannelses- og Forsknings-\nministe-\nriet holder møde") ==
        "Uddannelses- og Forskningsministeriet\nholder møde");
}

TEST_CASE("a lost ligature is repaired when exactly one ligature makes a known word", "[cleaning][ligatures]") {
  std::vector<std::string> warnings;
  CHECK(repair_text("Den O\xEF\xBF\xBD" "entlige sektor", warnings) == "Den Offentlige sektor");
  CHECK(repair_text("med \xEF\xBF\xBD" "tness", warnings) == "med fitness");
  CHECK(warnings.empty());
}

TEST_CASE("a lost ligature the lexicon cannot settle is left with a warning", "[cleaning][ligatures]") {
  std::vector<std::string> warnings;
  // "ra?e" may be "rafle" or "raffle", both known: ambiguous. "qu?x" has no known repair.
  CHECK(repair_text("en ra\xEF\xBF\xBD" "e\nog qu\xEF\xBF\xBDx", warnings) == "en ra\xEF\xBF\xBD" "e\nog qu\xEF\xBF\xBDx");
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("more than one known word") != std::string::npos);
  CHECK(warnings[1].find("no known word") != std::string::npos);
}

TEST_CASE("no-break and thin spaces become spaces and soft hyphens are removed", "[cleaning][spaces]") {
  const CleanText clean = arkiv::clean_text(
      text_pages({"kr.\xC2\xA0" "100\xE2\x80\xAF" "000 til Sundheds\xC2\xAD" "ministeriet\t i alt  \n"}), Language::da);
  CHECK(clean.text == "kr. 100 000 til Sundhedsministeriet  i alt");
}

TEST_CASE("a running header repeated on most pages is removed, except atop the first page", "[cleaning][headers]") {
  const auto body = [](const std::string& page) {
    return "\nførste linje på side " + page + "\nanden linje\ntredje linje\nsidste linje på side " + page + "\n";
  };
  const CleanText clean = arkiv::clean_text(
      text_pages({"Rådsmøde 2025" + body("en") + "www.sst.dk", "Rådsmøde 2025" + body("to") + "www.sst.dk",
                  "Rådsmøde 2025" + body("tre") + "Bilag", "Punkt 4" + body("fire") + "www.sst.dk"}),
      Language::da);
  CHECK(clean.text == "Rådsmøde 2025" + body("en") + body("to").substr(1) + body("tre").substr(1) + "Bilag\nPunkt 4" +
                          body("fire").substr(0, body("fire").size() - 1));
}

TEST_CASE("double-spaced text keeps its paragraphs and drops the blank line after each line", "[cleaning][spaces]") {
  const CleanText clean = arkiv::clean_text(
      text_pages({"første linje \n\nanden linje \n\n \n\ntredje linje\n\nfjerde linje\n"}), Language::da);
  CHECK(clean.text == "første linje\nanden linje\n\ntredje linje\nfjerde linje");
}

TEST_CASE("a 100 MB line without a newline is cleaned in one piece", "[cleaning][limits]") {
  const CleanText clean = arkiv::clean_text(text_pages({std::string(100 * 1000 * 1000, 'x') + "-"}), Language::da);
  CHECK(clean.text.size() == 100 * 1000 * 1000 + 1);
}

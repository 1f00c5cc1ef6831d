// Inputs that must never crash, hang or lose offsets.
#include <catch2/catch.hpp>

#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;

namespace {

// Every token's text is its input bytes (when those are valid UTF-8), positions count up by one.
void check_consistent(const std::string& input, const std::vector<arkiv::Token>& tokens) {
  std::uint32_t position = 0;
  std::size_t previous_end = 0;
  for (const auto& token : tokens) {
    REQUIRE(token.position == ++position);
    REQUIRE(token.start >= previous_end);
    REQUIRE(token.end > token.start);
    REQUIRE(token.end <= input.size());
    previous_end = token.end;
  }
}

}  // namespace

TEST_CASE("the empty string has no tokens", "[analyzer]") {
  CHECK(Analyzer().analyze("").empty());
  CHECK(arkiv::normalise_text("").empty());
}

TEST_CASE("NUL bytes separate words like any control character", "[analyzer]") {
  const char bytes[] = "læger\0på\0\0sygehuse";
  const std::string input(bytes, sizeof bytes - 1);
  const auto tokens = Analyzer().analyze(input);
  CHECK(arkiv::test::norms_with_positions(tokens) == "læger[1] på[2] sygehuse[3]");
  check_consistent(input, tokens);
  CHECK(tokens[2].start == 12);
}

TEST_CASE("random bytes are analysed without error", "[analyzer]") {
  std::string input;
  std::uint32_t state = 12345;
  for (int i = 0; i < 200000; ++i) {
    state = state * 1103515245 + 12345;
    input += static_cast<char>(state >> 16);
  }
  Analyzer analyzer;
  std::vector<arkiv::Token> tokens;
  REQUIRE_NOTHROW(tokens = analyzer.analyze(input));
  check_consistent(input, tokens);
  for (const auto& token : tokens) REQUIRE(arkiv::normalise_text(token.text) == arkiv::normalise_text(token.text));
}

TEST_CASE("mixed scripts and emoji are segmented and normalised", "[analyzer]") {
  const std::string input = "Ελληνικά ΚΕΙΜΕΝΟ Москва 東京都 日本語 👩‍⚕️ sygehus 😷 ٣٤";
  const auto tokens = Analyzer().analyze(input);
  check_consistent(input, tokens);
  std::vector<std::string> norms;
  for (const auto& token : tokens) norms.push_back(token.norm);
  CHECK(std::find(norms.begin(), norms.end(), "ελληνικά") != norms.end());
  CHECK(std::find(norms.begin(), norms.end(), "κειμενο") != norms.end());
  CHECK(std::find(norms.begin(), norms.end(), "москва") != norms.end());
  CHECK(std::find(norms.begin(), norms.end(), "sygehus") != norms.end());
  CHECK(std::any_of(norms.begin(), norms.end(), [](const std::string& norm) { return norm.find("東京") == 0; }));
}

TEST_CASE("a 50 MB single line is analysed in chunks with exact offsets", "[analyzer]") {
  const std::string words[] = {"Sundhedsstyrelsen ", "anbefaler ", "at ", "ældre ", "borgere ", "vaccineres ",
                               "mod ", "COVID-19 ", "i ", "2024/25. "};
  std::string line;
  line.reserve(50u << 20);
  for (std::size_t i = 0; line.size() < (50u << 20); ++i) line += words[i % 10];
  std::size_t count = 0;
  std::size_t mismatches = 0;
  arkiv::Token last;
  Analyzer().analyze(line, [&](arkiv::Token&& token) {
    ++count;
    if (token.position != count || line.compare(token.start, token.end - token.start, token.text) != 0) ++mismatches;
    last = std::move(token);
  });
  CHECK(mismatches == 0);
  CHECK(count > 5'000'000);
  CHECK(last.end <= line.size());
  CHECK(line.size() - last.end < 20);
}

TEST_CASE("a 50 MB word without white space is cut into chunks, not lost", "[analyzer]") {
  const std::string word(50u << 20, 'a');
  const auto tokens = Analyzer().analyze(word);
  REQUIRE(!tokens.empty());
  CHECK(tokens.front().start == 0);
  CHECK(tokens.back().end == word.size());
  check_consistent(word, tokens);
  CHECK(tokens.front().stem == tokens.front().norm);  // too long to stem
}

TEST_CASE("one analyzer gives the same tokens when reused and when moved", "[analyzer]") {
  Analyzer analyzer;
  const std::string text = "Sundheds- og Ældreministeriet: ældre borgere på sygehusene";
  const auto first = arkiv::test::norms_with_positions(analyzer.analyze(text));
  const auto second = arkiv::test::norms_with_positions(analyzer.analyze(text));
  Analyzer moved = std::move(analyzer);
  CHECK(first == second);
  CHECK(arkiv::test::norms_with_positions(moved.analyze(text)) == first);
}

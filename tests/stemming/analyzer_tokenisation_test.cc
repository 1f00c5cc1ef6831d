// Normalisation and tokenisation (docs/analysis.md, "Tokenisation").
#include <catch2/catch.hpp>

#include "tests/stemming/analyzer_test_support.h"

using arkiv::Analyzer;
using arkiv::test::norms_with_positions;

TEST_CASE("normalisation repairs, composes and case-folds text", "[analyzer]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"ÆBLE Øl ÅR", "æble øl år"},
      {"Aa\u030Arhus", "aårhus"},                       // combining ring composes (NFC)
      {"sund\u00ADheds\u00ADvæsen", "sundhedsvæsen"},  // soft hyphens vanish
      {"\uFB01nans", "finans"},                         // ligature
      {"Straße", "strasse"},
      {"a\u00A0b\u202Fc\u2009d\u3000e", "a b c d e"},   // odd spaces become spaces
      {"ab\xFF" "cd", "ab\uFFFD" "cd"},                 // an invalid byte becomes U+FFFD
      {"", ""},
  }));
  CAPTURE(input);
  CHECK(arkiv::normalise_text(input) == expected);
}

TEST_CASE("tokens are words and numbers at consecutive positions", "[analyzer]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Lægerne på sygehusene", "lægerne[1] på[2] sygehusene[3]"},
      {"COVID-19", "covid[1] 19[2]"},
      {"EMN-2017-00146", "emn[1] 2017[2] 00146[3]"},
      {"2024/25", "2024[1] 25[2]"},
      {"1.000 kr.", "1.000[1] kr[2]"},
      {"§ 7, stk. 2", "7[1] stk[2] 2[3]"},
      {"Sør-Øst", "sør[1] øst[2]"},
      {"e-mail", "e[1] mail[2]"},
      {"www.sst.dk", "www.sst.dk[1]"},
      {"skriv til samr@sst.dk.", "skriv[1] til[2] samr@sst.dk[3]"},
      {"kl. 16.00 – 18.00", "kl[1] 16.00[2] 18.00[3]"},
      {"3,5 mio.", "3,5[1] mio[2]"},
      {"Sundheds- og Ældreministeriet", "sundheds[1] og[2] ældreministeriet[3]"},
      {"   ", ""},
  }));
  CAPTURE(input);
  CHECK(norms_with_positions(Analyzer().analyze(input)) == expected);
}

TEST_CASE("ICU number status marks numbers, which are not stemmed", "[analyzer]") {
  const auto tokens = Analyzer().analyze("Pkt. 29/17 sygehusene 2017 co2");
  REQUIRE(tokens.size() == 6);
  CHECK_FALSE(tokens[0].is_number);
  CHECK(tokens[1].is_number);
  CHECK(tokens[1].stem == "29");
  CHECK(tokens[3].stem == "sygehus");
  CHECK(tokens[4].is_number);
  CHECK(tokens[5].norm == "co2");
  CHECK(tokens[5].stem == "co2");
}

TEST_CASE("token offsets are byte offsets into the original input", "[analyzer]") {
  const std::string input = "Ældre\xC2\xA0på  \xE2\x80\x9CSygehuset\xE2\x80\x9D i Århus\n";
  const auto tokens = Analyzer().analyze(input);
  REQUIRE(tokens.size() == 5);
  for (const auto& token : tokens) {
    CAPTURE(token.text);
    CHECK(input.substr(token.start, token.end - token.start) == token.text);
  }
  CHECK(tokens[0].start == 0);
  CHECK(tokens[0].end == 6);
  CHECK(tokens[2].text == "Sygehuset");
  CHECK(tokens[2].start == 16);  // after "Ældre", U+00A0, "på", two spaces and U+201C
  CHECK(tokens[4].text == "Århus");
  CHECK(tokens[4].end == input.size() - 1);
}

TEST_CASE("offsets stay right after invalid bytes, each read as one U+FFFD", "[analyzer]") {
  // \xFF, a lone continuation byte and a truncated 3-byte sequence, between words.
  const std::string input = "ab\xFF" "cd \x80æble \xE2\x82 øl";
  const auto tokens = Analyzer().analyze(input);
  REQUIRE(norms_with_positions(tokens) == "ab[1] cd[2] æble[3] øl[4]");
  for (const auto& token : tokens) {
    CAPTURE(token.text);
    CHECK(input.substr(token.start, token.end - token.start) == token.text);
  }
  CHECK(tokens[1].start == 3);
  CHECK(tokens[2].start == 7);
  CHECK(tokens[3].start == input.size() - 3);
}

TEST_CASE("a soft hyphen inside a word keeps it one token and vanishes from norm", "[analyzer]") {
  const std::string input = "sundheds\u00ADvæsenet";
  const auto tokens = Analyzer().analyze(input);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].text == input);
  CHECK(tokens[0].norm == "sundhedsvæsenet");
  CHECK(tokens[0].end == input.size());
}

TEST_CASE("a word hyphen-joined to the next gets the joined form as an expansion", "[analyzer]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"e-mail", "email"},
      {"Sør-Øst", "sørøst"},
      {"COVID-19", ""},      // numbers are not joined
      {"e - mail", ""},      // a spaced dash is not a word hyphen
  }));
  CAPTURE(input);
  const auto tokens = Analyzer().analyze(input);
  REQUIRE(tokens.size() >= 2);
  CHECK((tokens[0].expansions.empty() ? std::string() : tokens[0].expansions[0]) == expected);
}

TEST_CASE("language codes parse case-insensitively and unknown codes are named", "[analyzer]") {
  CHECK(arkiv::parse_language("DA") == arkiv::Language::da);
  CHECK(arkiv::parse_language("no") == arkiv::Language::nb);
  CHECK(arkiv::parse_language("nn") == arkiv::Language::nn);
  CHECK(arkiv::language_code(arkiv::Language::sv) == "sv");
  CHECK_THROWS_WITH(arkiv::parse_language("de"), Catch::Contains("'de'"));
  CHECK_THROWS_AS(arkiv::parse_language(""), arkiv::UsageError);
}

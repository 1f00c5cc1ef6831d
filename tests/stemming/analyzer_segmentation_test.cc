// Step 2, word segmentation (stemming/src/word_segmenter.h): the segmenter's own rules for plain
// Latin text must give exactly ICU's segments, so each case is compared with ICU itself.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <catch2/catch.hpp>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "stemming/src/word_segmenter.h"

namespace {

// "start-end:status start-end:status ...", byte offsets, word segments only.
std::string segments_of(arkiv::WordSegmenter& segmenter, const std::string& text) {
  std::string out;
  segmenter.set_text(text);
  arkiv::WordSegment segment;
  while (segmenter.next(segment)) {
    out += std::to_string(segment.start) + "-" + std::to_string(segment.end) + ":" +
           std::to_string(segment.rule_status) + " ";
  }
  return out;
}

// The same from an ICU word BreakIterator alone, over a UTF-8 UText.
std::string icu_segments_of(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  iterator->setText(&utext, status);
  REQUIRE(U_SUCCESS(status));
  std::string out;
  int32_t start = iterator->first();
  for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE; start = end, end = iterator->next()) {
    const int32_t rule_status = iterator->getRuleStatus();
    if (rule_status >= UBRK_WORD_NONE && rule_status < UBRK_WORD_NONE_LIMIT) continue;
    out += std::to_string(start) + "-" + std::to_string(end) + ":" + std::to_string(rule_status) + " ";
  }
  utext_close(&utext);
  return out;
}

// Characters the segmenter handles itself (letters, digits, punctuation, spaces) and characters
// that make ICU segment their line (soft hyphen, combining accent, ZWJ, emoji, CJK, Thai,
// Hebrew, middle dot, '@', '_', '#', '*', ideographic space, variation selector, controls).
const std::vector<std::string> kPlain = {
    "a", "b", "e", "s", "t", "Z", "æ", "ø", "å", "Æ", "Ø", "Å", "é", "ü", "ÿ", "ß", "À", "0", "1", "9",
    " ", " ", " ", "\n", "\r", "\t", ".", ",", ";", ":", "'", "’", "‘", "-", "/", "(", ")", "\"", "!",
    "?", "%", "&", "+", "=", "<", ">", "[", "]", "§", "«", "»", "–", "—", "•", "“", "”", "\u00A0", "×",
    "÷", "$", "^", "`", "{", "|", "}", "~", "\\"};
const std::vector<std::string> kOutside = {
    "\u00AD", "e\u0301", "\u200D", "😀", "👍🏽", "中文", "ก", "א", "\u00B7", "@", "_", "#", "*", "\u3000",
    "\uFE0F", "\v", "\f", std::string(1, '\0'), "\u2024", "µ", "ª", "©", "\u2026", "\u2060", "🇩🇰", "ア"};

std::string random_text(std::mt19937& random, std::size_t length, int outside_per_mille) {
  std::uniform_int_distribution<int> per_mille(0, 999);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) {
    const auto& pool = per_mille(random) < outside_per_mille ? kOutside : kPlain;
    text += pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(random)];
  }
  return text;
}

}  // namespace

TEST_CASE("plain Latin text is segmented as ICU segments it", "[analyzer][segmentation]") {
  arkiv::WordSegmenter segmenter;
  const auto text = GENERATE(as<std::string>{}, "", "a", "Styrelsen for Patientsikkerhed\nstps.dk\n",
                             "Mødedato lørdag 26. juni 2019, Sagsnr. 33-5464-84 (COVID-19) co2 2a",
                             "don't l'homme 1.000 1,5 3:4 a:b a.b. a..b 1.a a.1 ab' 'ab 12' x’y x‘y",
                             "Sundheds- og Ældreministeriet – “styrelsen” • §5 «a» b\u00A0c",
                             "samr@sst.dk www.sst.dk snake_case #tag a*b", "ord\r\nord\n\nord  \t ord");
  CHECK(segments_of(segmenter, text) == icu_segments_of(text));
}

TEST_CASE("random text of plain and other characters is segmented as ICU segments it", "[analyzer][segmentation]") {
  arkiv::WordSegmenter segmenter;
  std::mt19937 random(20261123);
  for (const int outside_per_mille : {0, 5, 30, 200}) {
    for (int i = 0; i < 3000; ++i) {
      const std::string text = random_text(random, std::uniform_int_distribution<std::size_t>(1, 80)(random),
                                           outside_per_mille);
      INFO("text: " << text);
      REQUIRE(segments_of(segmenter, text) == icu_segments_of(text));
    }
  }
}

TEST_CASE("ill-formed UTF-8 is segmented by ICU over the bytes", "[analyzer][segmentation]") {
  arkiv::WordSegmenter segmenter;
  const std::string text = "sund\xE2\x82hed og 12\xFF" "34 ord";
  CHECK(segments_of(segmenter, text) == icu_segments_of(text));
}

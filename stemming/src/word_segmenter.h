#pragma once
// Step 2 of the pipeline: ICU word segmentation straight over the UTF-8 input, so segment
// offsets are byte offsets into it. Internal to stemming; not thread-safe (one per Analyzer).
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace arkiv {

struct WordSegment {
  std::size_t start = 0;    // byte offset in the text given to set_text
  std::size_t end = 0;      // one past the segment
  int32_t rule_status = 0;  // ICU UWordBreak status: NUMBER 100.., LETTER 200.., KANA, IDEO
};

class WordSegmenter {
 public:
  WordSegmenter();
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Starts segmenting text (at most 2 GiB: ICU break positions are 32-bit). The text must stay
  // alive until the last next(). Ill-formed bytes read as U+FFFD, which is never part of a word.
  void set_text(std::string_view text);

  // The next word or number (segments of rule status NONE, spaces and punctuation, are skipped).
  bool next(WordSegment& segment);

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText text_ = UTEXT_INITIALIZER;
  int32_t previous_ = 0;
};

}  // namespace arkiv

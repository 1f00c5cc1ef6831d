#pragma once
// Step 2 of the pipeline: ICU word segmentation, with segment offsets as byte offsets into the
// UTF-8 input. Well-formed text is converted to UTF-16 first, which ICU segments faster than a
// UTF-8 UText (its break rules see the same code points); text with ill-formed bytes is segmented
// straight over UTF-8. Internal to stemming; not thread-safe (one per Analyzer).
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

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

  // True when the text given to set_text is well-formed UTF-8.
  bool is_valid_utf8() const { return is_utf16_; }

 private:
  // Converts bytes_ to utf16_ and records shifts_; false (and nothing usable) when the bytes are
  // not well-formed UTF-8.
  bool convert_to_utf16();
  // The byte offset of UTF-16 index `unit` (at or after the last one asked for).
  std::size_t byte_offset(int32_t unit);

  std::unique_ptr<icu::BreakIterator> iterator_;
  UText text_ = UTEXT_INITIALIZER;
  int32_t previous_ = 0;
  std::string_view bytes_;
  bool is_utf16_ = false;          // iterator_ reads utf16_; its indexes are mapped to bytes
  std::vector<char16_t> utf16_;
  // After each non-ASCII character: its end as a UTF-16 index, and how many more bytes than
  // UTF-16 units the text has up to there. A UTF-16 index maps to itself plus the last shift
  // at or before it.
  struct Shift {
    int32_t unit;
    std::size_t extra_bytes;
  };
  std::vector<Shift> shifts_;
  std::size_t next_shift_ = 0;     // byte_offset's position in shifts_
  std::size_t extra_bytes_ = 0;    // the shift in force there
};

}  // namespace arkiv

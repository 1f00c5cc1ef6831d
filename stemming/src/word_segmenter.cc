#include "stemming/src/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/ustring.h>

#include <cstring>
#include <limits>

#include "stemming/error.h"
#include "stemming/src/text_normalisation.h"

namespace arkiv {
namespace {

// Creating a word BreakIterator loads rules and dictionaries (milliseconds); cloning is cheap.
// The prototype is never used to iterate, only cloned, under a static-local guard.
const icu::BreakIterator& word_break_prototype() {
  static const std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !iterator) {
      throw Error(std::string("cannot create the ICU word break iterator: ") + u_errorName(status));
    }
    return iterator;
  }();
  return *prototype;
}

}  // namespace

WordSegmenter::WordSegmenter() : iterator_(word_break_prototype().clone()) {
  if (!iterator_) throw Error("cannot clone the ICU word break iterator");
}

WordSegmenter::~WordSegmenter() { utext_close(&text_); }

void WordSegmenter::set_text(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw UsageError("text of " + std::to_string(text.size()) + " bytes is too long to segment at once");
  }
  bytes_ = text;
  mapped_unit_ = 0;
  mapped_byte_ = 0;
  UErrorCode status = U_ZERO_ERROR;
  is_utf16_ = arkiv::is_valid_utf8(text);
  if (is_utf16_) {
    // Well-formed UTF-8 has at most one UTF-16 unit per byte.
    if (utf16_.size() < text.size() + 1) utf16_.resize(text.size() + 1);
    int32_t length = 0;
    u_strFromUTF8(reinterpret_cast<UChar*>(utf16_.data()), static_cast<int32_t>(utf16_.size()), &length, text.data(),
                  static_cast<int32_t>(text.size()), &status);
    if (U_SUCCESS(status)) utext_openUChars(&text_, reinterpret_cast<const UChar*>(utf16_.data()), length, &status);
  } else {
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  if (U_SUCCESS(status)) iterator_->setText(&text_, status);
  if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
  previous_ = iterator_->first();
}

std::size_t WordSegmenter::byte_offset(int32_t unit) {
  if (!is_utf16_) return static_cast<std::size_t>(unit);
  const auto* bytes = reinterpret_cast<const unsigned char*>(bytes_.data());
  while (mapped_unit_ < unit) {
    // ASCII first (one unit a byte), eight bytes at a time; there are at least as many bytes
    // left as units.
    const auto ahead = static_cast<std::size_t>(unit - mapped_unit_);
    std::size_t ascii = 0;
    for (std::uint64_t block; ascii + 8 <= ahead; ascii += 8) {
      std::memcpy(&block, bytes + mapped_byte_ + ascii, 8);
      if ((block & 0x8080808080808080ull) != 0) break;
    }
    while (ascii < ahead && bytes[mapped_byte_ + ascii] < 0x80) ++ascii;
    mapped_unit_ += static_cast<int32_t>(ascii);
    mapped_byte_ += ascii;
    if (ascii == ahead) break;
    const unsigned char lead = bytes[mapped_byte_];
    // A four-byte character is a surrogate pair; ICU never breaks inside one.
    mapped_byte_ += lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    mapped_unit_ += lead < 0xF0 ? 1 : 2;
  }
  return mapped_byte_;
}

bool WordSegmenter::next(WordSegment& segment) {
  for (int32_t boundary = iterator_->next(); boundary != icu::BreakIterator::DONE; boundary = iterator_->next()) {
    const int32_t start = previous_;
    previous_ = boundary;
    const int32_t status = iterator_->getRuleStatus();
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) continue;
    segment.start = byte_offset(start);
    segment.end = byte_offset(boundary);
    segment.rule_status = status;
    return true;
  }
  return false;
}

}  // namespace arkiv

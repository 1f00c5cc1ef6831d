#include "stemming/src/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <limits>

#include "stemming/error.h"

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
  UErrorCode status = U_ZERO_ERROR;
  is_utf16_ = convert_to_utf16();
  if (is_utf16_) {
    utext_openUChars(&text_, reinterpret_cast<const UChar*>(utf16_.data()), static_cast<int64_t>(utf16_.size()),
                     &status);
  } else {
    utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
  }
  if (U_SUCCESS(status)) iterator_->setText(&text_, status);
  if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
  previous_ = iterator_->first();
}

// Validation as is_valid_utf8 (U8_NEXT), conversion as U16_APPEND, in one pass.
bool WordSegmenter::convert_to_utf16() {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(bytes_.data());
  const auto length = static_cast<int64_t>(bytes_.size());
  utf16_.resize(bytes_.size());  // well-formed UTF-8 has at most one UTF-16 unit per byte
  char16_t* out = utf16_.data();
  shifts_.clear();
  next_shift_ = 0;
  extra_bytes_ = 0;
  std::size_t extra = 0;
  for (int64_t i = 0; i < length;) {
    std::uint64_t block;
    if (i + 8 <= length && (std::memcpy(&block, bytes + i, 8), (block & 0x8080808080808080ull) == 0)) {
      for (int k = 0; k < 8; ++k) *out++ = bytes[i + k];
      i += 8;
      continue;
    }
    if (bytes[i] < 0x80) {
      *out++ = bytes[i++];
      continue;
    }
    const int64_t begin = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
    if (c <= 0xFFFF) {
      *out++ = static_cast<char16_t>(c);
    } else {
      *out++ = U16_LEAD(c);
      *out++ = U16_TRAIL(c);
    }
    extra += static_cast<std::size_t>(i - begin) - (c <= 0xFFFF ? 1 : 2);
    shifts_.push_back({static_cast<int32_t>(out - utf16_.data()), extra});
  }
  utf16_.resize(static_cast<std::size_t>(out - utf16_.data()));
  return true;
}

std::size_t WordSegmenter::byte_offset(int32_t unit) {
  if (!is_utf16_) return static_cast<std::size_t>(unit);
  while (next_shift_ < shifts_.size() && shifts_[next_shift_].unit <= unit) {
    extra_bytes_ = shifts_[next_shift_++].extra_bytes;
  }
  return static_cast<std::size_t>(unit) + extra_bytes_;
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

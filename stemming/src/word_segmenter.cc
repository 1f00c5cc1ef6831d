#include "stemming/src/word_segmenter.h"

#include <unicode/brkiter.h>

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
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) iterator_->setText(&text_, status);
  if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
  previous_ = iterator_->first();
}

bool WordSegmenter::next(WordSegment& segment) {
  for (int32_t boundary = iterator_->next(); boundary != icu::BreakIterator::DONE; boundary = iterator_->next()) {
    const int32_t start = previous_;
    previous_ = boundary;
    const int32_t status = iterator_->getRuleStatus();
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) continue;
    segment.start = static_cast<std::size_t>(start);
    segment.end = static_cast<std::size_t>(boundary);
    segment.rule_status = status;
    return true;
  }
  return false;
}

}  // namespace arkiv

#include "stemming/src/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

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

// What the plain rules know of a UTF-16 unit: its Word_Break value (UAX #29) where ICU's word
// rules give it a role in plain text.
enum PlainClass : std::uint8_t {
  kOutside,  // anything else: ICU segments the rest of the line
  kLetter,   // ALetter: A-Z, a-z, U+00C0-U+00FF but for U+00D7 and U+00F7; status LETTER
  kDigit,    // Numeric: 0-9; status NUMBER
  kMid,      // MidLetter, MidNum, MidNumLet, Single_Quote: may join two letters or two digits
  kOther,    // CR, LF, WSegSpace, Other: never in a word, never joins two
};

constexpr std::array<PlainClass, 256> kLatin1Classes = [] {
  std::array<PlainClass, 256> classes{};
  for (char16_t c = 'a'; c <= 'z'; ++c) classes[c] = classes[c - 'a' + 'A'] = kLetter;
  for (char16_t c = 0xC0; c <= 0xFF; ++c) classes[c] = kLetter;
  classes[0xD7] = classes[0xF7] = kOther;  // multiplication and division signs
  for (char16_t c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  for (char16_t c : std::u16string_view(u".,;:'")) classes[c] = kMid;
  // Not '#' and '*' (emoji), '@' (ICU 72 keeps e-mail addresses together), '_' (ExtendNumLet).
  for (char16_t c : std::u16string_view(u"\t\n\r !\"$%&()+-/<=>?[\\]^`{|}~\u00A0\u00A7\u00AB\u00BB")) {
    classes[c] = kOther;
  }
  return classes;
}();

PlainClass plain_class(char16_t unit) {
  if (unit < 0x100) return kLatin1Classes[unit];
  switch (unit) {
    case u'\u2018':  // quotation marks ‘ ’: MidNumLet
    case u'\u2019':
      return kMid;
    case u'\u2013':  // dashes, bullet, quotation marks “ ”
    case u'\u2014':
    case u'\u2022':
    case u'\u201C':
    case u'\u201D':
      return kOther;
    default:
      return kOutside;
  }
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
  is_utf16_ = convert_to_utf16();
  pos_ = 0;
  in_icu_ = false;
  icu_has_text_ = false;
  if (is_utf16_) return;  // ICU reads the text once the plain rules need it
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&text_, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) iterator_->setText(&text_, status);
  if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
  icu_has_text_ = true;
  in_icu_ = true;
  icu_until_ = std::numeric_limits<int32_t>::max();
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
  for (;;) {
    const Step step = in_icu_ ? next_from_icu(segment) : next_plain(segment);
    if (step != Step::kSwitch) return step == Step::kSegment;
    if (!in_icu_) start_icu();
  }
}

// From a boundary, ICU's rules (word.txt) segment text of these classes as follows: a run of
// letters is one LETTER segment and a run of digits one NUMBER segment, unless a digit, a letter
// or a character outside follows the run, or a Mid character and then a letter, a digit or a
// character outside (rules 6, 7, 9-13); nothing else joins a run; an Other or Mid character
// starts no rule that reaches a letter or a digit after it. Extend and Format characters (rule 4)
// are outside, so no rule skips a character here.
WordSegmenter::Step WordSegmenter::next_plain(WordSegment& segment) {
  const char16_t* text = utf16_.data();
  const auto size = static_cast<int32_t>(utf16_.size());
  int32_t i = pos_;
  PlainClass kind = kOutside;
  for (; i < size; ++i) {
    kind = plain_class(text[i]);
    if (kind == kLetter || kind == kDigit) break;
    if (kind == kOutside) return Step::kSwitch;  // ICU from pos_, the end of the last word
  }
  if (i == size) return Step::kEnd;
  const int32_t start = i;
  pos_ = start;
  do ++i;
  while (i < size && plain_class(text[i]) == kind);
  if (i < size) {
    const PlainClass after = plain_class(text[i]);
    if (after == kMid && i + 1 < size) {
      const PlainClass next = plain_class(text[i + 1]);
      if (next != kOther && next != kMid) return Step::kSwitch;
    } else if (after != kOther && after != kMid) {
      return Step::kSwitch;
    }
  }
  pos_ = i;
  set_segment(segment, start, i, kind == kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER);
  return Step::kSegment;
}

void WordSegmenter::start_icu() {
  if (!icu_has_text_) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUChars(&text_, reinterpret_cast<const UChar*>(utf16_.data()), static_cast<int64_t>(utf16_.size()),
                     &status);
    if (U_SUCCESS(status)) iterator_->setText(&text_, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
    icu_has_text_ = true;
  }
  // pos_ is a boundary, so ICU's first boundary after pos_ - 1 is pos_.
  previous_ = pos_ == 0 ? iterator_->first() : iterator_->following(pos_ - 1);
  const auto line_end = std::find(utf16_.begin() + pos_ + 1, utf16_.end(), u'\n');
  icu_until_ = static_cast<int32_t>(line_end - utf16_.begin());
  in_icu_ = true;
}

WordSegmenter::Step WordSegmenter::next_from_icu(WordSegment& segment) {
  for (int32_t boundary = iterator_->next(); boundary != icu::BreakIterator::DONE; boundary = iterator_->next()) {
    const int32_t start = previous_;
    previous_ = boundary;
    if (boundary >= icu_until_) {  // a line end (a boundary): the plain rules go on from there
      in_icu_ = false;
      pos_ = boundary;
    }
    const int32_t status = iterator_->getRuleStatus();
    if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT) {
      if (!in_icu_) return Step::kSwitch;
      continue;
    }
    set_segment(segment, start, boundary, status);
    return Step::kSegment;
  }
  return Step::kEnd;
}

void WordSegmenter::set_segment(WordSegment& segment, int32_t start, int32_t end, int32_t rule_status) {
  segment.start = byte_offset(start);
  segment.end = byte_offset(end);
  segment.rule_status = rule_status;
}

}  // namespace arkiv

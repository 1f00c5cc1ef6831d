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

// What the plain rules know of a character: its Word_Break value (UAX #29) where ICU's word
// rules give it a role in plain text.
enum PlainClass : std::uint8_t {
  kOutside,  // anything else, ill-formed bytes included: ICU segments the rest of the line
  kLetter,   // ALetter: A-Z, a-z, U+00C0-U+00FF but for U+00D7 and U+00F7; status LETTER
  kDigit,    // Numeric: 0-9; status NUMBER
  kMid,      // MidLetter, MidNum, MidNumLet, Single_Quote: may join two letters or two digits
  kOther,    // CR, LF, WSegSpace, Other: never in a word, never joins two
};

constexpr std::array<PlainClass, 128> kAsciiClasses = [] {
  std::array<PlainClass, 128> classes{};
  for (char c = 'a'; c <= 'z'; ++c) classes[c] = classes[c - 'a' + 'A'] = kLetter;
  for (char c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  for (char c : std::string_view(".,;:'")) classes[c] = kMid;
  // Not '#' and '*' (emoji), '@' (ICU 72 keeps e-mail addresses together), '_' (ExtendNumLet).
  for (char c : std::string_view("\t\n\r !\"$%&()+-/<=>?[\\]^`{|}~")) classes[c] = kOther;
  return classes;
}();

struct PlainChar {
  PlainClass kind = kOther;
  std::uint8_t length = 1;  // in bytes
};

// The character at s[i] (i < size), read from its UTF-8 bytes. Inlined: it runs once a byte.
[[gnu::always_inline]] inline PlainChar plain_char(const std::uint8_t* s, std::size_t i, std::size_t size) {
  const std::uint8_t lead = s[i];
  if (lead < 0x80) return {kAsciiClasses[lead], 1};
  if (i + 1 == size) return {kOutside, 1};
  const std::uint8_t second = s[i + 1];
  if (lead == 0xC3 && (second & 0xC0) == 0x80) {  // U+00C0-U+00FF
    return {second == 0x97 || second == 0xB7 ? kOther : kLetter, 2};  // but for U+00D7 and U+00F7
  }
  if (lead == 0xC2) {  // no-break space, section sign, guillemets « »
    return {second == 0xA0 || second == 0xA7 || second == 0xAB || second == 0xBB ? kOther : kOutside, 2};
  }
  if (lead == 0xE2 && second == 0x80 && i + 2 < size) {
    switch (s[i + 2]) {
      case 0x98:  // quotation marks ‘ ’: MidNumLet
      case 0x99:
        return {kMid, 3};
      case 0x93:  // dashes – —, bullet •, quotation marks “ ”
      case 0x94:
      case 0xA2:
      case 0x9C:
      case 0x9D:
        return {kOther, 3};
      default:
        break;
    }
  }
  return {kOutside, 1};
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
  pos_ = 0;
  in_icu_ = false;
  icu_has_text_ = false;  // ICU reads the text once the plain rules need it
  known_invalid_ = false;
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

int32_t WordSegmenter::native_index(std::size_t byte) {
  if (!is_utf16_) return static_cast<int32_t>(byte);
  // The shifts at or before byte: a shift is at byte unit + extra_bytes.
  const auto after = std::upper_bound(shifts_.begin(), shifts_.end(), byte, [](std::size_t offset, const Shift& shift) {
    return offset < static_cast<std::size_t>(shift.unit) + shift.extra_bytes;
  });
  next_shift_ = static_cast<std::size_t>(after - shifts_.begin());
  extra_bytes_ = next_shift_ == 0 ? 0 : shifts_[next_shift_ - 1].extra_bytes;
  return static_cast<int32_t>(byte - extra_bytes_);
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
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes_.data());
  const std::size_t size = bytes_.size();
  std::size_t i = pos_;
  PlainChar first;
  for (; i < size; i += first.length) {
    first = plain_char(s, i, size);
    if (first.kind == kLetter || first.kind == kDigit) break;
    if (first.kind == kOutside) return Step::kSwitch;  // ICU from pos_, the end of the last word
  }
  if (i == size) return Step::kEnd;
  const std::size_t start = i;
  pos_ = start;
  PlainChar after;
  for (i += first.length; i < size; i += after.length) {
    while (i < size && s[i] < 0x80 && kAsciiClasses[s[i]] == first.kind) ++i;  // most words are ASCII
    if (i == size) break;
    after = plain_char(s, i, size);
    if (after.kind != first.kind) break;
  }
  if (i < size) {
    if (after.kind == kMid && i + after.length < size) {
      const PlainClass next = plain_char(s, i + after.length, size).kind;
      if (next != kOther && next != kMid) return Step::kSwitch;
    } else if (after.kind != kOther && after.kind != kMid) {
      return Step::kSwitch;
    }
  }
  pos_ = i;
  segment.start = start;
  segment.end = i;
  segment.rule_status = first.kind == kLetter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER;
  return Step::kSegment;
}

void WordSegmenter::start_icu() {
  if (!icu_has_text_) {
    is_utf16_ = convert_to_utf16();
    known_invalid_ = !is_utf16_;
    UErrorCode status = U_ZERO_ERROR;
    if (is_utf16_) {
      utext_openUChars(&text_, reinterpret_cast<const UChar*>(utf16_.data()), static_cast<int64_t>(utf16_.size()),
                       &status);
    } else {
      utext_openUTF8(&text_, bytes_.data(), static_cast<int64_t>(bytes_.size()), &status);
    }
    if (U_SUCCESS(status)) iterator_->setText(&text_, status);
    if (U_FAILURE(status)) throw Error(std::string("ICU cannot segment the text: ") + u_errorName(status));
    icu_has_text_ = true;
  }
  // pos_ is a boundary, so ICU's first boundary after the index before it is pos_.
  const int32_t from = native_index(pos_);
  previous_ = from == 0 ? iterator_->first() : iterator_->following(from - 1);
  if (is_utf16_) {
    icu_until_ = static_cast<int32_t>(std::find(utf16_.begin() + from + 1, utf16_.end(), u'\n') - utf16_.begin());
  } else {
    icu_until_ = static_cast<int32_t>(std::find(bytes_.begin() + from + 1, bytes_.end(), '\n') - bytes_.begin());
  }
  in_icu_ = true;
}

WordSegmenter::Step WordSegmenter::next_from_icu(WordSegment& segment) {
  for (int32_t boundary = iterator_->next(); boundary != icu::BreakIterator::DONE; boundary = iterator_->next()) {
    const int32_t start = previous_;
    previous_ = boundary;
    const int32_t status = iterator_->getRuleStatus();
    const bool is_word = status < UBRK_WORD_NONE || status >= UBRK_WORD_NONE_LIMIT;
    if (is_word) segment.start = byte_offset(start);
    const std::size_t end = byte_offset(boundary);
    if (boundary >= icu_until_) {  // a line end (a boundary): the plain rules go on from there
      in_icu_ = false;
      pos_ = end;
    }
    if (!is_word) {
      if (!in_icu_) return Step::kSwitch;
      continue;
    }
    segment.end = end;
    segment.rule_status = status;
    return Step::kSegment;
  }
  return Step::kEnd;
}

}  // namespace arkiv

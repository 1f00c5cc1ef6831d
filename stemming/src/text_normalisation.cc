#include "stemming/src/text_normalisation.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#include "stemming/analyzer.h"

namespace arkiv {
namespace {

const icu::Normalizer2& casefold_normaliser() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normaliser = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw Error(std::string("ICU NFKC_Casefold data unavailable: ") + u_errorName(status));
    return normaliser;
  }();
  return *instance;
}

bool is_lowercase_ascii_word(std::string_view word) {
  for (char c : word) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < length;) {
    // Eight ASCII bytes at a time: most words are ASCII, or mostly.
    std::uint64_t block;
    if (i + 8 <= length && (std::memcpy(&block, data + i, 8), (block & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (data[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string repair_utf8(std::string_view bytes) {
  std::string repaired;
  repair_utf8(bytes, repaired);
  return repaired;
}

bool repair_utf8(std::string_view bytes, std::string& out) {
  if (is_valid_utf8(bytes)) {
    out.clear();  // clear and append keep out's buffer and are cheaper than assign
    out.append(bytes);
    return true;
  }
  out.clear();
  out.reserve(bytes.size() + 8);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < length;) {
    const int64_t begin = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(bytes.substr(static_cast<size_t>(begin), static_cast<size_t>(i - begin)));
    }
  }
  return false;
}

void normalise_word(std::string_view valid_utf8_word, std::string& out) {
  out.clear();
  if (is_lowercase_ascii_word(valid_utf8_word)) {
    out.assign(valid_utf8_word);
    return;
  }
  const icu::Normalizer2& normaliser = casefold_normaliser();
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(valid_utf8_word.data(), static_cast<int32_t>(valid_utf8_word.size()));
  if (normaliser.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    out.assign(valid_utf8_word);
    return;
  }
  status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(valid_utf8_word.size()));
  normaliser.normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) out.assign(valid_utf8_word);
}

std::string normalise_text(std::string_view text) {
  const std::string repaired = repair_utf8(text);
  std::string casefolded;
  normalise_word(repaired, casefolded);
  // NFKC already maps most spaces (U+00A0, U+2007, U+202F ...) to U+0020; map every other
  // space separator too, so callers see one kind of space.
  std::string result;
  result.reserve(casefolded.size());
  const auto* data = reinterpret_cast<const uint8_t*>(casefolded.data());
  const auto length = static_cast<int64_t>(casefolded.size());
  for (int64_t i = 0; i < length;) {
    const int64_t begin = i;
    UChar32 c;
    U8_NEXT(data, i, length, c);
    if (c > 0x7F && u_charType(c) == U_SPACE_SEPARATOR) {
      result += ' ';
    } else {
      result.append(casefolded, static_cast<size_t>(begin), static_cast<size_t>(i - begin));
    }
  }
  return result;
}

}  // namespace arkiv

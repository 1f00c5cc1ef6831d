#include "corpus/src/metadata_text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace arkiv {
namespace {

UChar32 code_point_at(std::string_view text, std::size_t& pos) {
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(pos);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  pos = static_cast<std::size_t>(i);
  return c;
}

UChar32 code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return U_SENTINEL;
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(pos);
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

bool is_space_code_point(UChar32 c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || u_isUWhiteSpace(c); }

bool is_dash(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014; }

bool is_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool is_word_code_point(UChar32 c) { return c >= 0 && (u_isalnum(c) != 0); }

}  // namespace

std::vector<LineView> split_lines(std::string_view text) {
  std::vector<LineView> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back({text.substr(start, end - start), start});
    start = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[begin]);
    if (c < 0x80) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') break;
      ++begin;
      continue;
    }
    std::size_t next = begin;
    if (!is_space_code_point(code_point_at(text, next))) break;
    begin = next;
  }
  std::size_t end = text.size();
  while (end > begin) {
    unsigned char c = static_cast<unsigned char>(text[end - 1]);
    if (c < 0x80) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') break;
      --end;
      continue;
    }
    UChar32 cp = code_point_before(text, end);
    if (!is_space_code_point(cp)) break;
    end -= static_cast<std::size_t>(U8_LENGTH(cp));
  }
  return text.substr(begin, end - begin);
}

bool is_utf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (code_point_at(bytes, pos) < 0) return false;
  }
  return true;
}

std::string fold_case(std::string_view text) {
  std::string out;
  if (is_ascii(text)) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
  }
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

std::string normalise_for_matching(std::string_view text) {
  const std::string folded = fold_case(text);
  std::string out;
  out.reserve(folded.size());
  std::string_view in = folded;
  std::size_t pos = 0;
  bool pending_space = false;
  while (pos < in.size()) {
    UChar32 c = code_point_at(in, pos);
    if (c < 0 || is_space_code_point(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (is_dash(c)) {
      // "sundheds – og" and "sundheds -og" are the suspended compound "sundheds- og".
      pending_space = false;
      if (!out.empty()) out += '-';
      continue;
    }
    if (pending_space) {
      out += ' ';
      pending_space = false;
    }
    char buffer[4];
    std::size_t length = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), length, c);
    out.append(buffer, length);
  }
  return out;
}

std::string collapse_letter_spacing(std::string_view text) {
  // Chunks separated by two or more spaces; a chunk made of single characters separated by
  // single spaces is one letter-spaced word.
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos >= text.size()) break;
    std::size_t end = text.find("  ", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view chunk = trim(text.substr(pos, end - pos));
    pos = end;
    bool spaced = chunk.size() >= 3;
    std::size_t i = 0;
    std::string joined;
    while (spaced && i < chunk.size()) {
      std::size_t next = i;
      code_point_at(chunk, next);
      joined.append(chunk.substr(i, next - i));
      if (next < chunk.size() && chunk[next] != ' ') spaced = false;
      i = next + 1;
    }
    if (!out.empty()) out += ' ';
    out += spaced ? joined : std::string(chunk);
  }
  return out;
}

bool starts_with_uppercase(std::string_view text) {
  std::size_t pos = 0;
  return !text.empty() && u_isupper(code_point_at(text, pos));
}

bool starts_with_lowercase(std::string_view text) {
  std::size_t pos = 0;
  return !text.empty() && u_islower(code_point_at(text, pos));
}

bool starts_with_digit(std::string_view text) { return !text.empty() && text[0] >= '0' && text[0] <= '9'; }

LetterCase count_letter_case(std::string_view text) {
  LetterCase counts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    UChar32 c = code_point_at(text, pos);
    if (c < 0) continue;
    if (u_isupper(c)) ++counts.upper;
    else if (u_islower(c)) ++counts.lower;
  }
  return counts;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool is_word_match(std::string_view haystack, std::size_t pos, std::size_t length) {
  if (pos > 0 && is_word_code_point(code_point_before(haystack, pos))) return false;
  std::size_t after = pos + length;
  if (after >= haystack.size()) return true;
  std::size_t next = after;
  UChar32 c = code_point_at(haystack, next);
  if (!is_word_code_point(c)) return true;
  if (c != 's') return false;
  if (next >= haystack.size()) return true;
  return !is_word_code_point(code_point_at(haystack, next));
}

std::size_t count_word_matches(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  std::size_t count = 0;
  std::size_t pos = haystack.find(needle);
  while (pos != std::string_view::npos) {
    if (is_word_match(haystack, pos, needle.size())) ++count;
    pos = haystack.find(needle, pos + needle.size());
  }
  return count;
}

}  // namespace arkiv

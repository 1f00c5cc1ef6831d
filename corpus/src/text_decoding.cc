#include "corpus/src/text_decoding.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

#include "stemming/error.h"

namespace arkiv {
namespace {

constexpr std::size_t kSniffBytes = 8192;

bool has_utf16_bom(std::string_view bytes) {
  return bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

// Length of the well-formed UTF-8 sequence at bytes[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(bytes[k]); };
  const std::uint8_t lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  std::uint8_t low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > bytes.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

std::string convert_with_icu(std::string_view bytes, const char* encoding, std::string_view name) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), encoding);
  if (text.isBogus()) {
    throw DataError(std::string(name) + ": cannot decode text as " + encoding);
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

bool is_well_formed_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<std::uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

bool looks_binary(std::string_view bytes) {
  if (has_utf16_bom(bytes)) return false;
  const std::string_view head = bytes.substr(0, kSniffBytes);
  std::size_t controls = 0;
  for (char c : head) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (byte == 0) return true;
    if (byte < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\x1B') ++controls;
  }
  // Text extracted from PDFs has the odd stray control character; binaries have many.
  return controls * 20 > head.size();
}

DecodedText decode_text(std::string_view bytes, std::string_view name) {
  DecodedText decoded;
  if (bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE') {
    decoded.text = convert_with_icu(bytes.substr(2), "UTF-16LE", name);
    decoded.encoding = "utf-16le";
    return decoded;
  }
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF') {
    decoded.text = convert_with_icu(bytes.substr(2), "UTF-16BE", name);
    decoded.encoding = "utf-16be";
    return decoded;
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  // One pass counts well-formed multi-byte sequences and invalid bytes.
  std::size_t valid_sequences = 0, invalid_bytes = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<std::uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) {
      ++invalid_bytes;
      ++i;
    } else {
      ++valid_sequences;
      i += length;
    }
  }
  decoded.encoding = "utf-8";
  if (invalid_bytes == 0) {
    decoded.text.assign(bytes);
    return decoded;
  }
  // Mostly invalid high bytes: a legacy single-byte file. A few among many valid sequences:
  // UTF-8 damaged in places, repaired below.
  if (invalid_bytes > valid_sequences) {
    decoded.text = convert_with_icu(bytes, "windows-1252", name);
    decoded.encoding = "windows-1252";
    return decoded;
  }
  decoded.text.reserve(bytes.size() + 2 * invalid_bytes);
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) {
      decoded.text += "\xEF\xBF\xBD";
      ++decoded.repaired;
      ++i;
    } else {
      decoded.text.append(bytes.substr(i, length));
      i += length;
    }
  }
  return decoded;
}

}  // namespace arkiv

#pragma once
// Bytes of a text file -> UTF-8. Internal to the corpus module.
#include <string>
#include <string_view>

namespace arkiv {

// The encoding decode_text found: "utf-8", "utf-16le", "utf-16be", "windows-1252".
struct DecodedText {
  std::string text;
  std::string encoding;
  std::size_t repaired = 0;  // invalid UTF-8 sequences replaced by U+FFFD
};

// True when the bytes look like a binary file rather than text in any supported encoding:
// NUL bytes or many control characters in the first 8 KB (a UTF-16 BOM exempts the file).
bool looks_binary(std::string_view bytes);

// Decodes UTF-8 (BOM optional), UTF-16 LE/BE with BOM, or Windows-1252 when the bytes are not
// UTF-8 but their high bytes read as Windows-1252. UTF-8 with a few invalid sequences stays
// UTF-8 with U+FFFD in their place. `name` is only used in error messages.
DecodedText decode_text(std::string_view bytes, std::string_view name);

// True when the whole input is well-formed UTF-8.
bool is_well_formed_utf8(std::string_view bytes);

}  // namespace arkiv

#pragma once
// Step 1 of the pipeline: UTF-8 repair and NFKC_Casefold normalisation. Internal to stemming.
#include <string>
#include <string_view>

namespace arkiv {

// True when bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

// bytes with every ill-formed sequence replaced by U+FFFD (ICU's maximal-subpart rule, the same
// as icu::UnicodeString::fromUTF8 and the UTF-8 UText the word segmenter reads).
std::string repair_utf8(std::string_view bytes);
// The same into out; true when bytes were well-formed (out holds them unchanged).
bool repair_utf8(std::string_view bytes, std::string& out);

// NFKC_Casefold of one well-formed word into out: NFC, case folding, compatibility forms
// (ligature "ﬁ" -> "fi"), default-ignorables such as the soft hyphen dropped.
void normalise_word(std::string_view valid_utf8_word, std::string& out);

}  // namespace arkiv

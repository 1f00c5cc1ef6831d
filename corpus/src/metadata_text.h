#pragma once
// Small text operations shared by the section splitter and the metadata extractors. Case and
// letter tests go through ICU; ASCII-only input takes a byte fast path. Internal to corpus.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

// One line of a text: a view into it and its byte offset.
struct LineView {
  std::string_view text;  // without the '\n'
  std::size_t offset = 0;
};

std::vector<LineView> split_lines(std::string_view text);

// Strips ASCII white space, NBSP and other Unicode spaces at both ends.
std::string_view trim(std::string_view text);

bool is_utf8(std::string_view bytes);

// Unicode case folding (ICU), with a byte fast path for ASCII.
std::string fold_case(std::string_view text);

// fold_case plus matching normalisation: every run of spaces becomes one space, dashes
// (– — ‐) become '-', "X – og" / "X -og" become "X- og" (suspended compounds written loosely),
// and the text is trimmed. Used for organisation aliases and heading words alike.
std::string normalise_for_matching(std::string_view text);

// Joins letter-spaced runs: "R E F E R A T   B I L A G" -> "REFERAT BILAG".
std::string collapse_letter_spacing(std::string_view text);

// First code point of text is an uppercase letter / a lowercase letter / a letter / a digit.
bool starts_with_uppercase(std::string_view text);
bool starts_with_lowercase(std::string_view text);
bool starts_with_digit(std::string_view text);

// Counts of letters that are upper- and lowercase in text.
struct LetterCase {
  std::size_t upper = 0;
  std::size_t lower = 0;
};
LetterCase count_letter_case(std::string_view text);

// Number of code points in well-formed UTF-8 (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view text);

// True when needle occurs in haystack at pos with no letter or digit directly before it, and
// after it either no letter/digit or a genitive "s" that is itself followed by none.
bool is_word_match(std::string_view haystack, std::size_t pos, std::size_t length);

// Number of word matches of needle in haystack (case-sensitive byte search).
std::size_t count_word_matches(std::string_view haystack, std::string_view needle);

}  // namespace arkiv

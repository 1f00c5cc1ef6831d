#pragma once
// Danish <-> Norwegian (bokmål, nynorsk) term equivalences from stemming/data/equivalences.tsv.
// Internal to the stemming module; the Analyzer fills Token::variants from it.
#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv {

struct Variant {
  std::string word;   // normalised word in the other language
  Language language;  // its language (stem it with that language's stemmer)
};

// Equivalents of a normalised word written in `language`, matched on the word or its stem
// ("sygehusene" -> sykehus/nb, sjukehus/nn). Thread-safe; the table is loaded once.
std::vector<Variant> cross_language_variants(std::string_view normalised_word, Language language);
// The same, given the word's Snowball stem in `language` (which the Analyzer has already).
std::vector<Variant> cross_language_variants(std::string_view normalised_word, Language language,
                                             std::string_view stem);

// --- The table itself (for validation and tests) ----------------------------------------------
// The languages of the table's columns, in file order.
inline constexpr std::array<Language, 3> kEquivalenceLanguages{Language::da, Language::nb, Language::nn};

// One row: for each column, the accepted base forms (at least one).
struct EquivalenceRow {
  std::array<std::vector<std::string>, kEquivalenceLanguages.size()> forms;
  std::size_t line = 0;  // 1-based line in the file
};

// Reads and validates a table in the format of stemming/data/equivalences.tsv: '#' comment
// lines, the header "da\tnb\tnn", then one row a line. Throws DataError naming the file and
// line for a wrong column count, an empty cell, a space or upper-case letter in a word, or a
// row whose forms are all identical; IoError if the file cannot be read.
std::vector<EquivalenceRow> load_equivalence_rows(const std::filesystem::path& path);

}  // namespace arkiv

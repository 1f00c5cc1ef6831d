#pragma once
// Lexicon-based decompounding for Danish and Norwegian, and suspended-compound completion.
// Internal to the stemming module; the Analyzer calls it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv {

// Splits a normalised word into known parts, dropping linking s/e: "sundhedsvæsenet" ->
// {"sundhed", "væsen"} (parts as lexicon words; the Analyzer stems them). Empty when the word
// is not a compound. Thread-safe; shared per language, loaded once.
class Decompounder {
 public:
  virtual ~Decompounder() = default;
  virtual std::vector<std::string> split(std::string_view normalised_word) const = 0;

  // Byte offset where the last part (the head) starts in the word as written, with its
  // inflection: 11 for "ældreministeriet" ("ministeriet"). nullopt when the word does not split.
  virtual std::optional<std::size_t> head_offset(std::string_view normalised_word) const = 0;
};

// The process-wide decompounder for da, nb or nn (sv and en: one that never splits).
const Decompounder& decompounder_for(Language language);

// "sundheds" + "ældreministeriet" -> "sundhedsministeriet"; "etter" + "videreutdanning" ->
// "etterutdanning". The first word is the one written with a trailing hyphen. nullopt when the
// second word has no head that the first can take.
std::optional<std::string> complete_suspended_compound(std::string_view first_normalised,
                                                       std::string_view second_normalised, Language language);

}  // namespace arkiv

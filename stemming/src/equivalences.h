#pragma once
// Danish <-> Norwegian (bokmål, nynorsk) term equivalences from stemming/data/equivalences.tsv.
// Internal to the stemming module; the Analyzer fills Token::variants from it.
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

}  // namespace arkiv

#pragma once
// Lost ligatures: PDF text where an ff/fi/fl/ffi/ffl glyph became U+FFFD ("O\uFFFDentlige").
// Internal to the corpus module.
#include <string>
#include <vector>

#include "corpus/src/cleaner.h"

namespace arkiv {

// Registers every repair candidate of every word holding U+FFFD.
void add_ligature_candidates(const std::vector<TextLine>& lines, DocumentVocabulary& vocabulary);

// Replaces U+FFFD inside a word by the one ligature that makes a word the document uses or the
// lexicon knows; when none or several do, leaves the word and adds a warning naming it.
void repair_ligatures(std::vector<TextLine>& lines, const DocumentVocabulary& vocabulary, const WordCheck& is_known,
                      std::vector<std::string>& warnings);

}  // namespace arkiv

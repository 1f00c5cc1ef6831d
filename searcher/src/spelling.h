#pragma once
// Did-you-mean over the spelling data the indexer stores (Database::add_spelling). Xapian's own
// get_spelling_suggestion walks every word sharing a trigram with the typed one, 40-200 ms a word
// on a 1000 MB index; this looks only at the words that begin with the same two letters (typos
// are rarely in the first letters — Lucene's DirectSpellChecker makes the same bet), a few
// thousand at most, and picks the nearest by edit distance, then the most frequent.
#include <xapian.h>

#include <string>
#include <string_view>

namespace arkiv {

// The most frequent spelling word at the smallest Damerau-Levenshtein distance (over code
// points) from the normalised word: at most 1 for words of up to 4 letters, else at most 2.
// "" when there is none, or the word itself is a spelling word. Throws
// Xapian::UnimplementedError for databases without spelling data access (remote).
std::string nearest_spelling(const Xapian::Database& database, std::string_view normalised_word);

// Optimal string alignment distance between two code point sequences, or limit + 1 when greater.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

}  // namespace arkiv

#include "stemming/src/snowball_stemmer.h"

#include <libstemmer.h>

namespace arkiv {

const char* snowball_algorithm(Language language) {
  switch (language) {
    case Language::da:
      return "danish";
    case Language::nb:
    case Language::nn:
      return "norwegian";  // libstemmer has no "nb"/"nn" aliases
    case Language::sv:
      return "swedish";
    case Language::en:
      return "english";
  }
  return "danish";
}

SnowballStemmer::SnowballStemmer(Language language)
    : stemmer_(sb_stemmer_new(snowball_algorithm(language), "UTF_8")) {
  if (!stemmer_) throw Error(std::string("libstemmer has no stemmer '") + snowball_algorithm(language) + "'");
}

SnowballStemmer::~SnowballStemmer() { sb_stemmer_delete(stemmer_); }

std::string SnowballStemmer::stem(std::string_view normalised_word) {
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(normalised_word.data()),
                                             static_cast<int>(normalised_word.size()));
  // NULL only when libstemmer runs out of memory; the word itself is the safe answer.
  if (!stemmed) return std::string(normalised_word);
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace arkiv

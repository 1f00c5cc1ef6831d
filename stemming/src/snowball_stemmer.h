#pragma once
// Step 3 of the pipeline: libstemmer (Snowball 2.2) for one language. Internal to stemming.
// Not thread-safe (libstemmer keeps per-stemmer state); one per Analyzer.
#include <string>
#include <string_view>

#include "stemming/analyzer.h"

struct sb_stemmer;

namespace arkiv {

// "danish", "norwegian" (nb and nn), "swedish", "english".
const char* snowball_algorithm(Language language);

class SnowballStemmer {
 public:
  explicit SnowballStemmer(Language language);
  ~SnowballStemmer();
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  // Stem of a normalised (lowercase, NFC) UTF-8 word.
  std::string stem(std::string_view normalised_word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace arkiv

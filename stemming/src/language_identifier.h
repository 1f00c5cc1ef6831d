#pragma once
// Language identification for da, nb, nn, sv and en: a naive Bayes model over character
// n-grams and words, trained offline (stemming/data/language_profiles_train.py) into
// stemming/data/language_profiles.tsv. Internal to the stemming module; callers use
// arkiv::identify_language from stemming/analyzer.h.
#include <array>
#include <cmath>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "stemming/analyzer.h"

namespace arkiv {

inline constexpr std::array<Language, 5> kIdentifiedLanguages{Language::da, Language::nb, Language::nn, Language::sv,
                                                              Language::en};

// Only this many leading bytes of a text are read: enough for a confident guess, and it keeps
// identification O(1) per document.
inline constexpr std::size_t kIdentificationPrefixBytes = 20000;

// Per-language log probabilities of words and n-grams. Immutable after load; thread-safe.
class LanguageProfiles {
 public:
  // Reads a profile file and the word-list membership table of short words (both as written
  // by language_profiles_train.py); throws DataError naming the file and line if one is malformed.
  static LanguageProfiles load(const std::filesystem::path& profiles_path, const std::filesystem::path& lexicon_path);

  // The most likely language of the first kIdentificationPrefixBytes of text.
  LanguageGuess identify(std::string_view text) const;

  // Log-likelihood of the text in each language of kIdentifiedLanguages (higher is likelier),
  // and how many words were scored. Reading stops early once the best language leads the
  // second by more than stop_margin.
  std::array<double, kIdentifiedLanguages.size()> log_likelihoods(std::string_view text, std::size_t* words,
                                                                  double stop_margin = HUGE_VAL) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using LogProbabilities = std::array<float, kIdentifiedLanguages.size()>;
  using FeatureTable = std::unordered_map<std::string, LogProbabilities, StringHash, std::equal_to<>>;

  void add_word(std::string_view padded_word, std::array<double, kIdentifiedLanguages.size()>& scores) const;

  void load_lexicon(const std::filesystem::path& path);

  FeatureTable words_;
  FeatureTable ngrams_;
  FeatureTable word_list_classes_;  // "da", "nb+nn", ..., "unlisted" -> log P(class | language)
  // Short words -> the word-list class they belong to (a key of word_list_classes_).
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> word_list_class_of_;
  std::size_t lexicon_max_letters_ = 0;  // longer words have no word-list class
};

}  // namespace arkiv

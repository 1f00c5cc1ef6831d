#include "stemming/src/language_identifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "stemming/src/language_data_reader.h"

namespace arkiv {
namespace {

constexpr std::string_view kProfilesPath = "stemming/data/language_profiles.tsv";
constexpr std::string_view kLexiconPath = "stemming/data/language_profiles_lexicon.tsv";
constexpr std::string_view kUnlistedClass = "unlisted";
constexpr std::string_view kHeader = "kind\tfeature\tvocabulary\tda\tnb\tnn\tsv\ten";
constexpr std::size_t kMaxOrder = 4;       // longest character n-gram, as trained
constexpr double kSmoothing = 0.5;         // additive (Lidstone) smoothing of the counts
constexpr double kWordWeight = 5.0;        // a whole-word match outweighs one n-gram (chosen on held-out legal nb text)
constexpr double kWordListWeight = 4.0;    // a short word listed for one language only is strong evidence
constexpr double kDecisiveMargin = 200.0;  // log-likelihood lead after which reading stops early
constexpr std::size_t kMaxScoredLetters = 40;  // letters of a word scored as n-grams
constexpr double kConfidenceScale = 8.0;       // log-likelihood margin at which confidence is 1 - 1/e

std::optional<double> parse_count(std::string_view field) {
  if (field.empty() || field.size() > 15) return std::nullopt;
  double value = 0;
  for (char c : field) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t count = 0;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(text.size()); ++count) {
    U8_FWD_1(text.data(), i, static_cast<std::int32_t>(text.size()));
  }
  return count;
}

}  // namespace

LanguageProfiles LanguageProfiles::load(const std::filesystem::path& path, const std::filesystem::path& lexicon_path) {
  TsvDataReader reader(path);
  struct Totals {
    double vocabulary = 0;
    std::array<double, kIdentifiedLanguages.size()> tokens{};
  };
  std::unordered_map<std::string, Totals> totals;
  LanguageProfiles profiles;
  for (std::vector<std::string_view> fields; reader.next(kHeader, fields);) {
    if (fields.size() != 3 + kIdentifiedLanguages.size()) reader.fail("expected 8 tab-separated columns");
    std::array<double, kIdentifiedLanguages.size()> counts{};
    for (std::size_t l = 0; l < counts.size(); ++l) {
      auto count = parse_count(fields[3 + l]);
      if (!count) reader.fail("count \"" + std::string(fields[3 + l]) + "\" is not a whole number");
      counts[l] = *count;
    }
    if (fields[0] == "total") {
      auto vocabulary = parse_count(fields[2]);
      if (!vocabulary || (fields[1] != "w" && fields[1] != "g" && fields[1] != "m")) reader.fail("malformed total row");
      totals[std::string(fields[1])] = {*vocabulary, counts};
      continue;
    }
    if (fields[0] != "w" && fields[0] != "g" && fields[0] != "m") {
      reader.fail("kind must be total, w, g or m, not \"" + std::string(fields[0]) + "\"");
    }
    auto total = totals.find(std::string(fields[0]));
    if (total == totals.end()) reader.fail("feature row before the total row of its kind");
    if (fields[1].empty()) reader.fail("empty feature");
    LogProbabilities log_probabilities;
    for (std::size_t l = 0; l < counts.size(); ++l) {
      const Totals& t = total->second;
      log_probabilities[l] =
          static_cast<float>(std::log((counts[l] + kSmoothing) / (t.tokens[l] + kSmoothing * t.vocabulary)));
    }
    FeatureTable& table = fields[0] == "w"   ? profiles.words_
                          : fields[0] == "g" ? profiles.ngrams_
                                             : profiles.word_list_classes_;
    table.emplace(std::string(fields[1]), log_probabilities);
  }
  if (profiles.words_.empty() || profiles.ngrams_.empty() || !profiles.word_list_classes_.contains(kUnlistedClass)) {
    reader.fail_file("incomplete profiles (expected a header, total rows and w, g and m rows)");
  }
  profiles.load_lexicon(lexicon_path);
  return profiles;
}

void LanguageProfiles::load_lexicon(const std::filesystem::path& path) {
  TsvDataReader reader(path);
  for (std::vector<std::string_view> fields; reader.next("lists\twords", fields);) {
    if (fields.size() != 2) reader.fail("expected 2 tab-separated columns (lists, words)");
    if (!word_list_classes_.contains(fields[0])) {
      reader.fail("class \"" + std::string(fields[0]) + "\" has no m row in the profiles");
    }
    for (std::string_view word : split_fields(fields[1], ' ')) {
      if (word.empty()) reader.fail("empty word");
      lexicon_max_letters_ = std::max(lexicon_max_letters_, code_point_count(word));
      word_list_class_of_.emplace(std::string(word), std::string(fields[0]));
    }
  }
  if (word_list_class_of_.empty()) reader.fail_file("no words");
}

void LanguageProfiles::add_word(std::string_view padded_word,
                                std::array<double, kIdentifiedLanguages.size()>& scores) const {
  auto add = [&](const FeatureTable& table, std::string_view feature, double weight) {
    auto found = table.find(feature);
    if (found == table.end()) return;  // unseen in training: no evidence either way
    for (std::size_t l = 0; l < scores.size(); ++l) scores[l] += weight * found->second[l];
  };
  std::string_view word = padded_word.substr(1, padded_word.size() - 2);
  add(words_, word, kWordWeight);
  // Code point offsets on the stack: this runs for every word, and only the first
  // kMaxScoredLetters letters of a word are scored.
  std::array<std::size_t, kMaxScoredLetters + 3> offsets;
  std::size_t code_points = 0;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(padded_word.size()) && code_points < offsets.size() - 1;) {
    offsets[code_points++] = static_cast<std::size_t>(i);
    U8_FWD_1(padded_word.data(), i, static_cast<std::int32_t>(padded_word.size()));
    offsets[code_points] = static_cast<std::size_t>(i);
  }
  if (code_points - 2 <= lexicon_max_letters_) {
    auto found = word_list_class_of_.find(word);
    add(word_list_classes_, found == word_list_class_of_.end() ? kUnlistedClass : std::string_view(found->second),
        kWordListWeight);
  }
  for (std::size_t order = 1; order <= kMaxOrder; ++order) {
    for (std::size_t start = 0; start + order <= code_points; ++start) {
      std::string_view gram = padded_word.substr(offsets[start], offsets[start + order] - offsets[start]);
      if (gram != "_") add(ngrams_, gram, 1.0);
    }
  }
}

namespace {

// Lead of the best language over the second best.
double margin(const std::array<double, kIdentifiedLanguages.size()>& scores) {
  double best = -HUGE_VAL;
  double second = -HUGE_VAL;
  for (double score : scores) {
    if (score > best) {
      second = best;
      best = score;
    } else if (score > second) {
      second = score;
    }
  }
  return best - second;
}

}  // namespace

std::array<double, kIdentifiedLanguages.size()> LanguageProfiles::log_likelihoods(std::string_view text,
                                                                                  std::size_t* words,
                                                                                  double stop_margin) const {
  std::array<double, kIdentifiedLanguages.size()> scores{};
  std::size_t word_count = 0;
  std::string padded_word = "_";
  auto finish_word = [&] {
    if (padded_word.size() > 1) {
      padded_word += '_';
      add_word(padded_word, scores);
      ++word_count;
    }
    padded_word = "_";
  };
  const auto length = static_cast<std::int32_t>(std::min(text.size(), kIdentificationPrefixBytes));
  for (std::int32_t i = 0; i < length;) {
    if (word_count % 32 == 31 && padded_word.size() == 1 && margin(scores) > stop_margin) break;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c >= 0 && u_isalpha(c)) {
      char buffer[U8_MAX_LENGTH];
      std::int32_t size = 0;
      U8_APPEND_UNSAFE(buffer, size, u_tolower(c));
      padded_word.append(buffer, static_cast<std::size_t>(size));
    } else {
      finish_word();
    }
  }
  finish_word();
  if (words) *words = word_count;
  return scores;
}

LanguageGuess LanguageProfiles::identify(std::string_view text) const {
  std::size_t words = 0;
  auto scores = log_likelihoods(text, &words, kDecisiveMargin);
  if (words == 0) return {};
  auto best = std::max_element(scores.begin(), scores.end()) - scores.begin();
  return {kIdentifiedLanguages[static_cast<std::size_t>(best)], 1.0 - std::exp(-margin(scores) / kConfidenceScale)};
}

LanguageGuess identify_language(std::string_view text) {
  static const LanguageProfiles profiles = LanguageProfiles::load(data_file(kProfilesPath), data_file(kLexiconPath));
  return profiles.identify(text);
}

}  // namespace arkiv

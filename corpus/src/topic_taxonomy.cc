#include "corpus/src/topic_taxonomy.h"

#include <algorithm>
#include <array>
#include <queue>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "corpus/src/metadata_text.h"
#include "corpus/src/metadata_tsv.h"
#include "stemming/analyzer.h"

namespace arkiv {
namespace {

constexpr std::string_view kTopicsFile = "corpus/data/topics.tsv";
constexpr std::size_t kCompoundTailMinimum = 5;  // bytes of a stem that may end a compound
constexpr std::size_t kPrefixMinimum = 4;        // shorter terms match whole words only
constexpr std::size_t kInflectionMaximum = 5;    // bytes after a compound-tail stem

bool is_word_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// Lower case, code point by code point (ICU); bytes keep their positions' meaning only roughly,
// which is all word-boundary checks need.
std::string lower_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (i < length) {
    if (bytes[i] < 0x80) {
      char c = static_cast<char>(bytes[i++]);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) {
      out += ' ';
      continue;
    }
    c = u_tolower(c);
    char buffer[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), n, c);
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

// A byte-level Aho-Corasick automaton with a full transition table.
struct TopicTaxonomy::Matcher {
  struct Pattern {
    std::size_t topic = 0;
    std::size_t term = 0;  // index among all terms, for counting distinct terms
    std::size_t length = 0;
    bool whole_word = false;
  };
  std::vector<std::array<int32_t, 256>> next;
  std::vector<int32_t> fail;
  std::vector<std::vector<std::size_t>> output;  // pattern indices ending at a state
  std::vector<Pattern> patterns;

  Matcher() { add_state(); }

  int32_t add_state() {
    next.emplace_back();
    next.back().fill(-1);
    fail.push_back(0);
    output.emplace_back();
    return static_cast<int32_t>(next.size() - 1);
  }

  void add(std::string_view key, Pattern pattern) {
    int32_t state = 0;
    for (unsigned char c : key) {
      if (next[static_cast<std::size_t>(state)][c] < 0) {
        const int32_t created = add_state();
        next[static_cast<std::size_t>(state)][c] = created;
      }
      state = next[static_cast<std::size_t>(state)][c];
    }
    pattern.length = key.size();
    output[static_cast<std::size_t>(state)].push_back(patterns.size());
    patterns.push_back(pattern);
  }

  void finish() {
    std::queue<int32_t> queue;
    for (auto& target : next[0]) {
      if (target < 0) target = 0;
      else {
        fail[static_cast<std::size_t>(target)] = 0;
        queue.push(target);
      }
    }
    while (!queue.empty()) {
      const auto state = static_cast<std::size_t>(queue.front());
      queue.pop();
      for (int c = 0; c < 256; ++c) {
        int32_t& target = next[state][static_cast<std::size_t>(c)];
        const int32_t via_fail = next[static_cast<std::size_t>(fail[state])][static_cast<std::size_t>(c)];
        if (target < 0) {
          target = via_fail;
          continue;
        }
        fail[static_cast<std::size_t>(target)] = via_fail;
        const auto& inherited = output[static_cast<std::size_t>(via_fail)];
        output[static_cast<std::size_t>(target)].insert(output[static_cast<std::size_t>(target)].end(), inherited.begin(),
                                                         inherited.end());
        queue.push(target);
      }
    }
  }
};

TopicTaxonomy::~TopicTaxonomy() = default;

const TopicTaxonomy& TopicTaxonomy::instance() {
  static const TopicTaxonomy taxonomy;
  return taxonomy;
}

TopicTaxonomy::TopicTaxonomy() {
  const Language languages[] = {Language::da, Language::nb, Language::nn};
  std::vector<Analyzer> analyzers;
  for (Language language : languages) analyzers.emplace_back(AnalyzerOptions{language, false, false, false, false});
  for (int i = 0; i < 3; ++i) matchers_.push_back(std::make_unique<Matcher>());
  std::size_t term_index = 0;
  for (const TsvRow& row : load_tsv(kTopicsFile, 4, 4)) {
    const std::string& id = row.fields[0];
    if (id.empty() || id.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos) {
      throw_data_error(kTopicsFile, row.line, "topic id must be lower-case ASCII letters and '_': " + id);
    }
    const std::size_t topic = ids_.size();
    ids_.push_back(id);
    lookup_.emplace_back(normalise_for_matching(id), topic);
    for (std::size_t column = 1; column <= 3; ++column) {
      const std::vector<std::string> terms = split_list(row.fields[column]);
      if (terms.empty()) throw_data_error(kTopicsFile, row.line, "topic " + id + " has no terms in column " + std::to_string(column + 1));
      const Analyzer& analyzer = analyzers[column - 1];
      for (const std::string& term : terms) {
        lookup_.emplace_back(normalise_for_matching(term), topic);
        // Stem the last word: "psykisk sygdom" -> "psykisk sygdom", "lægemidler" -> "lægemidl".
        std::string key = lower_case(term);
        const std::size_t space = key.rfind(' ');
        const std::string last = key.substr(space == std::string::npos ? 0 : space + 1);
        std::string stem = analyzer.stem(normalise_text(last));
        if (stem.size() < kPrefixMinimum) stem = last;
        key = key.substr(0, space == std::string::npos ? 0 : space + 1) + stem;
        const Matcher::Pattern pattern{topic, term_index++, 0, key.size() < kPrefixMinimum};
        const std::size_t matcher = column == 1 ? 0 : 1;
        matchers_[matcher]->add(key, pattern);
        matchers_[2]->add(key, pattern);
      }
    }
  }
  if (ids_.size() < 20) throw_data_error(kTopicsFile, 0, "fewer than 20 topics");
  for (auto& matcher : matchers_) matcher->finish();
  std::sort(lookup_.begin(), lookup_.end());
  for (std::size_t i = 1; i < lookup_.size(); ++i) {
    if (lookup_[i].first == lookup_[i - 1].first && lookup_[i].second != lookup_[i - 1].second) {
      throw_data_error(kTopicsFile, 0, "term '" + lookup_[i].first + "' belongs to both " + ids_[lookup_[i].second] + " and " +
                                           ids_[lookup_[i - 1].second]);
    }
  }
}

std::optional<std::string> TopicTaxonomy::find(std::string_view id_or_term) const {
  const std::string key = normalise_for_matching(id_or_term);
  auto it = std::lower_bound(lookup_.begin(), lookup_.end(), key,
                             [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it == lookup_.end() || it->first != key) return std::nullopt;
  return ids_[it->second];
}

TopicHits TopicTaxonomy::count(std::string_view text, std::string_view language) const {
  const Matcher& matcher = *matchers_[language == "da" ? 0 : (language == "nb" || language == "nn") ? 1 : 2];
  const std::string lower = lower_case(text);
  TopicHits result;
  result.hits.assign(ids_.size(), 0);
  result.distinct.assign(ids_.size(), 0);
  std::vector<std::size_t> seen_terms;
  const auto* bytes = reinterpret_cast<const unsigned char*>(lower.data());
  const std::size_t size = lower.size();
  int32_t state = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < size; ++i) {
    const bool word = is_word_byte(bytes[i]);
    if (word && !in_word) ++result.words;
    in_word = word;
    state = matcher.next[static_cast<std::size_t>(state)][bytes[i]];
    for (std::size_t p : matcher.output[static_cast<std::size_t>(state)]) {
      const Matcher::Pattern& pattern = matcher.patterns[p];
      const std::size_t start = i + 1 - pattern.length;
      const bool at_word_start = start == 0 || !is_word_byte(bytes[start - 1]);
      std::size_t word_end = i + 1;
      while (word_end < size && is_word_byte(bytes[word_end])) ++word_end;
      const bool counts = pattern.whole_word ? (at_word_start && word_end == i + 1)
                                             : (at_word_start || (pattern.length >= kCompoundTailMinimum &&
                                                                  word_end - (i + 1) <= kInflectionMaximum));
      if (!counts) continue;
      ++result.hits[pattern.topic];
      if (std::find(seen_terms.begin(), seen_terms.end(), pattern.term) == seen_terms.end()) {
        seen_terms.push_back(pattern.term);
        ++result.distinct[pattern.topic];
      }
    }
  }
  return result;
}

std::vector<std::string> TopicTaxonomy::assign(const TopicHits& hits, double min_per_thousand, std::size_t max_topics) const {
  std::vector<std::size_t> chosen;
  const double words = static_cast<double>(std::max<std::size_t>(hits.words, 1));
  for (std::size_t t = 0; t < ids_.size(); ++t) {
    if (hits.distinct[t] >= 2 && hits.hits[t] >= 2 && static_cast<double>(hits.hits[t]) * 1000.0 / words >= min_per_thousand) {
      chosen.push_back(t);
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::size_t a, std::size_t b) { return hits.hits[a] > hits.hits[b]; });
  if (chosen.size() > max_topics) chosen.resize(max_topics);
  std::vector<std::string> topics;
  for (std::size_t t : chosen) topics.push_back(ids_[t]);
  return topics;
}

}  // namespace arkiv

#pragma once
// The topic taxonomy of corpus/data/topics.tsv and topic assignment. Internal to the corpus
// module; thread-safe (the taxonomy and its matchers are built once and read-only).
//
// Matching: each term is stemmed once at load by the arkiv Analyzer of its language (Snowball);
// text is lower-cased (ICU, per code point) and scanned once by an Aho-Corasick automaton over
// the stems of the document's language. A stem counts at a word start (any inflection follows)
// or, when it has five letters or more, as the tail of a compound ("børnepsykiatri"); terms of
// fewer than four letters ("EU", "lov") count as whole words only. Running the full Analyzer over
// every section would cost more than the whole read_document budget (it runs at 2-6 MB/s), so
// the analysis is spent on the vocabulary, not the text.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

struct TopicHits {
  std::vector<std::size_t> hits;      // per topic: term occurrences
  std::vector<std::size_t> distinct;  // per topic: different terms that occurred
  std::size_t words = 0;
};

class TopicTaxonomy {
 public:
  // The shipped taxonomy; throws DataError naming the file and line if invalid.
  static const TopicTaxonomy& instance();

  const std::vector<std::string>& ids() const { return ids_; }

  // The topic id for an id or any of its da/nb/nn terms (case-insensitive), or nullopt.
  std::optional<std::string> find(std::string_view id_or_term) const;

  // Term occurrences of every topic in text, with the terms of the language ("da", "nb", "nn";
  // others use all three).
  TopicHits count(std::string_view text, std::string_view language) const;

  // The topics of a text unit, strongest first, at most max_topics: a topic needs two different
  // terms and at least min_per_thousand occurrences per 1000 words (and two in all).
  std::vector<std::string> assign(const TopicHits& hits, double min_per_thousand, std::size_t max_topics) const;

  ~TopicTaxonomy();

 private:
  TopicTaxonomy();
  struct Matcher;
  std::vector<std::string> ids_;
  std::vector<std::pair<std::string, std::size_t>> lookup_;  // normalised term or id -> topic, sorted
  std::vector<std::unique_ptr<Matcher>> matchers_;  // da, nb+nn, all
};

}  // namespace arkiv

#pragma once
// The set of sections a query matches, as a bitmap over docids, worked out from the posting
// lists of its terms without weights and without a Xapian::Document per match. Counting facets
// over it costs a few nanoseconds a match; a MatchSpy costs ~0.4 µs a match (Xapian builds a
// Document handle for each), which made facets over 100,000 matches the slowest part of a search.
// One local database only: docids must be those of the FacetTable.
#include <xapian.h>

#include <bit>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "searcher/src/facet_table.h"

namespace arkiv {

class MatchSet {
 public:
  explicit MatchSet(Xapian::docid last_docid) : words_(last_docid / 64 + 1, 0) {}

  void add(Xapian::docid document) { words_[document / 64] |= std::uint64_t{1} << (document % 64); }
  void unite(const MatchSet& other);
  void intersect(const MatchSet& other);
  void subtract(const MatchSet& other);
  void symmetric_difference(const MatchSet& other);
  std::size_t count() const;
  std::size_t bytes() const { return words_.size() * sizeof(std::uint64_t); }
  bool contains(Xapian::docid document) const {
    return document / 64 < words_.size() && (words_[document / 64] >> (document % 64) & 1) != 0;
  }
  // The first section of the set at or after document; 0 when there is none.
  Xapian::docid first_from(Xapian::docid document) const;

  template <typename Function>
  void for_each(Function&& function) const {
    for (std::size_t i = 0; i < words_.size(); ++i)
      for (std::uint64_t word = words_[i]; word != 0; word &= word - 1)
        function(static_cast<Xapian::docid>(i * 64 + static_cast<std::size_t>(std::countr_zero(word))));
  }

 private:
  std::vector<std::uint64_t> words_;
};

// Match sets of frequent terms, kept for one database revision (drop it on reopen), so the
// words users type most ("sygehus", "og") cost a bitmap OR instead of a posting-list walk.
// Only terms in at least 1/64 of the sections are kept: their bitmap is no larger than their
// posting list, and walking it costs more than the OR. Least recently used sets go first.
class MatchSetCache {
 public:
  explicit MatchSetCache(std::size_t max_bytes = 128u << 20) : max_bytes_(max_bytes) {}
  std::shared_ptr<const MatchSet> find(const std::string& term);
  void insert(const std::string& term, std::shared_ptr<const MatchSet> set);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const MatchSet>>;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

struct MatchSetLimits {
  // Above this many postings over all the query's terms the set is not worked out (nullopt):
  // the caller counts through Xapian's matcher, which can stop early and estimate.
  std::size_t max_postings = 20'000'000;
  // A wildcard stands for this many of its most frequent terms (SearcherOptions::wildcard_limit).
  unsigned wildcard_limit = 100;
};

// A query that matches the sections of set, with no weight. Once the match set is known the
// ranked pass runs as AND_MAYBE(this, the query's weighted part): phrases, NEAR, date ranges and
// filters are then not matched a second time.
Xapian::Query match_set_query(std::shared_ptr<const MatchSet> set);

// The terms a wildcard on prefix_term stands for: its limit most frequent (ties in frequency
// taken in term order), as Xapian's WILDCARD_LIMIT_MOST_FREQUENT.
std::vector<std::string> expand_wildcard(const Xapian::Database& database, const std::string& prefix_term,
                                         unsigned limit);

// Every section of database that query matches. Date ranges (VALUE_RANGE/GE/LE on a slot the
// table holds) are checked against the table; wildcards are expanded to their most frequent
// terms (ties in frequency taken in term order); phrases, NEAR and anything else are
// matched by Xapian with boolean weights. nullopt when the query is too big for the limits.
std::optional<MatchSet> matching_sections(const Xapian::Database& database, const Xapian::Query& query,
                                          const FacetTable& table, const MatchSetLimits& limits = {},
                                          MatchSetCache* cache = nullptr);

}  // namespace arkiv

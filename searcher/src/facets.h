#pragma once
// Facet counting over the value slots of indexer/schema.h. Multi-valued slots (topics, roles:
// values joined by '\n') are counted by Xapian's ValueCountMatchSpy per joined string and split
// afterwards: each value is counted once per section, and because the spy is a built-in Xapian
// class it also works through remote databases, where a custom MatchSpy would not.
#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/searcher.h"
#include "searcher/src/facet_table.h"
#include "searcher/src/match_set.h"

namespace arkiv {

class FacetCounter {
 public:
  // Throws QueryError naming an unknown facet (known: org, year, topic, type, lang, role).
  explicit FacetCounter(const std::vector<std::string>& names);

  // The value slots of all facets, in the column order of a FacetTable built for them.
  static std::vector<Xapian::valueno> slots();

  // With a table of slots() (local databases), one FacetTableSpy counts; otherwise one
  // ValueCountMatchSpy per facet.
  void attach(Xapian::Enquire& enquire, const FacetTable* table = nullptr);

  // Counts the sections of matches through the table (instead of attach() and get_mset()):
  // every one up to exact_limit matches, beyond that an even sample of about exact_limit of
  // them (results() then scales the counts and marks them estimates). Returns whether exact.
  bool count(const FacetTable& table, const MatchSet& matches, std::size_t exact_limit);

  // Counts after get_mset(); exact is whether every match was seen. Otherwise the counts of the
  // matches seen are scaled to estimated_matches and the facets are marked as estimates.
  std::vector<Facet> results(bool exact, std::size_t estimated_matches) const;

 private:
  struct Counted {
    std::string name;
    bool multi_valued = false;
    std::size_t column = 0;  // in slots()
    std::unique_ptr<Xapian::ValueCountMatchSpy> spy;
  };
  void make_table_spy(const FacetTable& table);
  // Calls function(value, count) for each single value counted for the i-th facet (multi-valued
  // slots split).
  template <typename Function>
  void for_each_count(std::size_t i, Function&& function) const;

  std::vector<Counted> counted_;
  std::unique_ptr<FacetTableSpy> table_spy_;
};

// Splits a '\n'-joined multi-value slot.
std::vector<std::string> split_values(std::string_view joined);

}  // namespace arkiv

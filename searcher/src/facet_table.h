#pragma once
// Facet values of every section of a local database, held in memory so that counting one match
// costs an array lookup instead of one value read (a B-tree lookup and a chunk decode) per facet
// slot. Built from the slots' value streams, which are read sequentially: about a second for a
// million sections, repeated only when the database gets a new revision. Remote and sharded
// databases keep Xapian's ValueCountMatchSpy (facets.h): a remote server cannot run this spy, and
// Xapian 1.4 hands a spy each shard's own docids.
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace arkiv {

class FacetTable {
 public:
  // Reads these slots of every document of a single (unsharded) database.
  FacetTable(const Xapian::Database& database, std::vector<Xapian::valueno> slots);

  std::size_t slot_count() const { return slots_.size(); }
  Xapian::valueno slot(std::size_t column) const { return slots_[column]; }
  // Id of the raw slot value of a document in a column; 0 for an empty or missing value.
  std::uint32_t value_id(Xapian::docid document, std::size_t column) const {
    const std::size_t index = (document < rows_ ? document : 0) * slots_.size() + column;
    return narrow_ids_.empty() ? ids_[index] : narrow_ids_[index];
  }
  // The raw slot value of an id of a column.
  const std::string& value(std::size_t column, std::uint32_t id) const { return values_[column][id]; }
  std::size_t value_count(std::size_t column) const { return values_[column].size(); }

  // A multi-valued slot holds values joined by '\n' (topics: 22 topics in 46,000 combinations on
  // the mb1000 corpus), split once here so counting never splits strings: the ids of the single
  // values of a raw value id, and the single value of such an id.
  std::span<const std::uint32_t> parts(std::size_t column, std::uint32_t id) const {
    const auto& offsets = part_offsets_[column];
    return {part_ids_[column].data() + offsets[id], offsets[id + 1] - offsets[id]};
  }
  // Calls function(row) with a function that gives the row of value ids of a document
  // (slot_count() of them, 16 or 32 bits each), for counting many documents.
  template <typename Function>
  void with_rows(Function&& function) const {
    const std::size_t width = slots_.size(), rows = rows_;
    auto rows_of = [&](const auto* ids) {
      function([ids, width, rows](Xapian::docid document) { return ids + (document < rows ? document : 0) * width; });
    };
    if (narrow_ids_.empty()) {
      rows_of(ids_.data());
    } else {
      rows_of(narrow_ids_.data());
    }
  }
  const std::string& part(std::size_t column, std::uint32_t part_id) const { return part_values_[column][part_id]; }
  std::size_t part_count(std::size_t column) const { return part_values_[column].size(); }

 private:
  std::vector<Xapian::valueno> slots_;
  std::size_t rows_ = 0;            // last docid + 1
  std::vector<std::uint32_t> ids_;  // row-major: rows_ x slots_.size()
  // The same in 16 bits when every column has fewer than 65,536 values (then ids_ is empty): the
  // table of 667,000 sections shrinks from 18 to 9 MB, and counting reads half the memory.
  std::vector<std::uint16_t> narrow_ids_;
  std::vector<std::vector<std::string>> values_;  // per column, id -> value; id 0 is ""
  // Per column, the part ids of value id i: part_ids_[offsets[i] .. offsets[i + 1]).
  std::vector<std::vector<std::uint32_t>> part_offsets_, part_ids_;
  std::vector<std::vector<std::string>> part_values_;  // per column, part id -> value
};

// Counts, for the matches Xapian shows it, how many carry each value of the chosen columns.
// One local database only: it cannot be serialised to a remote server.
class FacetTableSpy : public Xapian::MatchSpy {
 public:
  FacetTableSpy(const FacetTable& table, std::vector<std::size_t> columns);

  void operator()(const Xapian::Document& document, double weight) override;
  // Counts one match by docid (the MatchSet path, which has no Document).
  void add(Xapian::docid document) {
    ++seen_;
    for (std::size_t i = 0; i < columns_.size(); ++i) ++counts_[i][table_.value_id(document, columns_[i])];
  }
  // Counts every step-th document of a set with for_each(function(docid)) (a MatchSet), the
  // first included; this is the inner loop of faceting, over up to every section.
  template <typename Set>
  void add_every(const Set& documents, std::size_t step) {
    constexpr std::size_t kMaxColumns = 16;
    const std::size_t width = std::min(columns_.size(), kMaxColumns);
    std::size_t offsets[kMaxColumns];
    Xapian::doccount* counts[kMaxColumns];
    for (std::size_t i = 0; i < width; ++i) offsets[i] = columns_[i], counts[i] = counts_[i].data();
    std::size_t countdown = 1;
    table_.with_rows([&](auto row_of) {
      documents.for_each([&](Xapian::docid document) {
        if (--countdown != 0) return;
        countdown = step;
        if (width < columns_.size()) return add(document);
        ++seen_;
        const auto* row = row_of(document);
        for (std::size_t i = 0; i < width; ++i) ++counts[i][row[offsets[i]]];
      });
    });
  }

  Xapian::doccount seen() const { return seen_; }
  // Counts per value id of the i-th chosen column.
  const std::vector<Xapian::doccount>& counts(std::size_t i) const { return counts_[i]; }
  const FacetTable& table() const { return table_; }

 private:
  const FacetTable& table_;
  std::vector<std::size_t> columns_;
  std::vector<std::vector<Xapian::doccount>> counts_;
  Xapian::doccount seen_ = 0;
};

}  // namespace arkiv

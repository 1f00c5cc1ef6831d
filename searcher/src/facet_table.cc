#include "searcher/src/facet_table.h"

#include <algorithm>

#include "searcher/src/facets.h"

namespace arkiv {

FacetTable::FacetTable(const Xapian::Database& database, std::vector<Xapian::valueno> slots)
    : slots_(std::move(slots)), rows_(database.get_lastdocid() + std::size_t{1}) {
  ids_.assign(rows_ * slots_.size(), 0);
  values_.resize(slots_.size());
  for (std::size_t column = 0; column < slots_.size(); ++column) {
    auto& values = values_[column];
    values.emplace_back();
    std::unordered_map<std::string, std::uint32_t> ids{{"", 0}};
    for (auto it = database.valuestream_begin(slots_[column]); it != database.valuestream_end(slots_[column]); ++it) {
      const auto document = it.get_docid();
      if (document >= rows_) continue;
      const auto [entry, added] = ids.emplace(*it, static_cast<std::uint32_t>(values.size()));
      if (added) values.push_back(entry->first);
      ids_[document * slots_.size() + column] = entry->second;
    }
  }
  std::size_t most_values = 0;
  for (const auto& values : values_) most_values = std::max(most_values, values.size());
  if (most_values <= 65'536) {
    narrow_ids_.assign(ids_.begin(), ids_.end());
    ids_ = {};
  }
  part_offsets_.resize(slots_.size());
  part_ids_.resize(slots_.size());
  part_values_.resize(slots_.size());
  for (std::size_t column = 0; column < slots_.size(); ++column) {
    std::unordered_map<std::string, std::uint32_t> part_ids;
    part_offsets_[column].push_back(0);
    for (const auto& raw : values_[column]) {
      for (auto& value : split_values(raw)) {
        const auto [entry, added] =
            part_ids.emplace(std::move(value), static_cast<std::uint32_t>(part_values_[column].size()));
        if (added) part_values_[column].push_back(entry->first);
        part_ids_[column].push_back(entry->second);
      }
      part_offsets_[column].push_back(static_cast<std::uint32_t>(part_ids_[column].size()));
    }
  }
}

FacetTableSpy::FacetTableSpy(const FacetTable& table, std::vector<std::size_t> columns)
    : table_(table), columns_(std::move(columns)) {
  for (auto column : columns_) counts_.emplace_back(table_.value_count(column), 0);
}

void FacetTableSpy::operator()(const Xapian::Document& document, double) { add(document.get_docid()); }

}  // namespace arkiv

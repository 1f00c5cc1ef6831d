#include "searcher/src/facets.h"

#include <algorithm>
#include <map>

#include "indexer/schema.h"

namespace arkiv {
namespace {

struct FacetSlot {
  const char* name;
  Xapian::valueno slot;
  bool multi_valued;
};

constexpr FacetSlot kFacetSlots[] = {
    {"org", schema::kSlotOrganisation, false}, {"year", schema::kSlotYear, false},
    {"topic", schema::kSlotTopics, true},      {"type", schema::kSlotType, false},
    {"lang", schema::kSlotLanguage, false},    {"role", schema::kSlotRoles, true},
};

}  // namespace

std::vector<std::string> split_values(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const auto end = joined.find('\n');
    const auto value = joined.substr(0, end);
    if (!value.empty()) out.emplace_back(value);
    if (end == std::string_view::npos) break;
    joined.remove_prefix(end + 1);
  }
  return out;
}

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const auto* slot = std::find_if(std::begin(kFacetSlots), std::end(kFacetSlots),
                                    [&](const FacetSlot& s) { return name == s.name; });
    if (slot == std::end(kFacetSlots))
      throw QueryError("unknown facet '" + name + "' (known: org, year, topic, type, lang, role)", name,
                       std::string::npos);
    if (std::any_of(counted_.begin(), counted_.end(), [&](const Counted& c) { return c.name == name; })) continue;
    counted_.push_back({name, slot->multi_valued, static_cast<std::size_t>(slot - std::begin(kFacetSlots)),
                        std::make_unique<Xapian::ValueCountMatchSpy>(slot->slot)});
  }
}

std::vector<Xapian::valueno> FacetCounter::slots() {
  std::vector<Xapian::valueno> out;
  for (const auto& slot : kFacetSlots) out.push_back(slot.slot);
  return out;
}

void FacetCounter::attach(Xapian::Enquire& enquire, const FacetTable* table) {
  if (table && !counted_.empty()) {
    make_table_spy(*table);
    enquire.add_matchspy(table_spy_.get());
    return;
  }
  for (auto& counted : counted_) enquire.add_matchspy(counted.spy.get());
}

bool FacetCounter::count(const FacetTable& table, const MatchSet& matches, std::size_t exact_limit) {
  if (counted_.empty()) return true;
  make_table_spy(table);
  const std::size_t total = matches.count();
  const std::size_t step = exact_limit == 0 ? total : (total + exact_limit - 1) / exact_limit;
  table_spy_->add_every(matches, std::max<std::size_t>(step, 1));
  return step <= 1;
}

void FacetCounter::make_table_spy(const FacetTable& table) {
  std::vector<std::size_t> columns;
  for (const auto& counted : counted_) columns.push_back(counted.column);
  table_spy_ = std::make_unique<FacetTableSpy>(table, columns);
}

template <typename Function>
void FacetCounter::for_each_count(std::size_t i, Function&& function) const {
  if (table_spy_) {
    // Raw values split through the table's part ids; only the counted values become strings.
    const auto& table = table_spy_->table();
    const auto column = counted_[i].column;
    const auto& counts = table_spy_->counts(i);
    std::vector<Xapian::doccount> part_counts(table.part_count(column), 0);
    for (std::uint32_t id = 1; id < counts.size(); ++id)
      if (counts[id] > 0)
        for (auto part : table.parts(column, id)) part_counts[part] += counts[id];
    for (std::uint32_t part = 0; part < part_counts.size(); ++part)
      if (part_counts[part] > 0) function(table.part(column, part), part_counts[part]);
    return;
  }
  for (auto it = counted_[i].spy->values_begin(); it != counted_[i].spy->values_end(); ++it) {
    if (counted_[i].multi_valued) {
      for (const auto& value : split_values(*it)) function(value, it.get_termfreq());
    } else if (!(*it).empty()) {
      function(*it, it.get_termfreq());
    }
  }
}

std::vector<Facet> FacetCounter::results(bool exact, std::size_t estimated_matches) const {
  std::vector<Facet> out;
  for (std::size_t i = 0; i < counted_.size(); ++i) {
    const auto& counted = counted_[i];
    // Counts over a sample of the matches are scaled up to the estimated number of matches.
    const auto seen = table_spy_ ? table_spy_->seen() : counted.spy->get_total();
    const double scale = exact || seen == 0 ? 1.0 : static_cast<double>(estimated_matches) / static_cast<double>(seen);
    std::map<std::string, std::size_t> counts;
    for_each_count(i, [&](const std::string& value, Xapian::doccount frequency) {
      counts[value] += static_cast<std::size_t>(static_cast<double>(frequency) * scale + 0.5);
    });
    Facet facet;
    facet.name = counted.name;
    facet.exact = exact;
    for (auto& [value, count] : counts) facet.values.push_back({value, count});
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    out.push_back(std::move(facet));
  }
  return out;
}

}  // namespace arkiv

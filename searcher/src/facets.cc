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
    counted_.push_back({name, slot->multi_valued, std::make_unique<Xapian::ValueCountMatchSpy>(slot->slot)});
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (auto& counted : counted_) enquire.add_matchspy(counted.spy.get());
}

std::vector<Facet> FacetCounter::results(bool exact, std::size_t estimated_matches) const {
  std::vector<Facet> out;
  for (const auto& counted : counted_) {
    // Counts over a sample of the matches are scaled up to the estimated number of matches.
    const auto seen = counted.spy->get_total();
    const double scale = exact || seen == 0 ? 1.0 : static_cast<double>(estimated_matches) / static_cast<double>(seen);
    std::map<std::string, std::size_t> counts;
    for (auto it = counted.spy->values_begin(); it != counted.spy->values_end(); ++it) {
      const auto count = static_cast<std::size_t>(static_cast<double>(it.get_termfreq()) * scale + 0.5);
      if (counted.multi_valued) {
        for (auto& value : split_values(*it)) counts[value] += count;
      } else if (!(*it).empty()) {
        counts[*it] += count;
      }
    }
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

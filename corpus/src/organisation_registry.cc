#include "corpus/src/organisation_registry.h"

#include <algorithm>
#include <charconv>

#include "corpus/src/metadata_text.h"
#include "corpus/src/metadata_tsv.h"

namespace arkiv {
namespace {

constexpr std::string_view kOrganisationsFile = "corpus/data/organisations.tsv";

bool is_word_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

bool is_host_byte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '-' || u == '.';
}

// The leading run of word bytes of a name: the key its text matches are found by.
std::string_view leading_word(std::string_view name) {
  std::size_t end = 0;
  while (end < name.size() && is_word_byte(name[end])) ++end;
  return name.substr(0, end);
}

int parse_year(std::string_view field, std::size_t line, std::string_view what) {
  if (field.empty()) return 0;
  int year = 0;
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), year);
  if (error != std::errc() || end != field.data() + field.size() || year < 1800 || year > 2100) {
    throw_data_error(kOrganisationsFile, line, std::string(what) + " is not a year: " + std::string(field));
  }
  return year;
}

template <typename Table>
void sort_and_check(Table& table, const std::vector<Organisation>& organisations, std::string_view what) {
  std::sort(table.begin(), table.end());
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (table[i].first == table[i - 1].first && table[i].second != table[i - 1].second) {
      throw_data_error(kOrganisationsFile, 0,
                       std::string(what) + " '" + table[i].first + "' names both " + organisations[table[i].second].name +
                           " and " + organisations[table[i - 1].second].name);
    }
  }
  table.erase(std::unique(table.begin(), table.end()), table.end());
}

std::optional<std::size_t> lookup(const std::vector<std::pair<std::string, std::size_t>>& table, std::string_view key) {
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  if (it == table.end() || it->first != key) return std::nullopt;
  return it->second;
}

}  // namespace

const OrganisationRegistry& OrganisationRegistry::instance() {
  static const OrganisationRegistry registry;
  return registry;
}

OrganisationRegistry::OrganisationRegistry() {
  std::vector<std::size_t> lines;
  for (const TsvRow& row : load_tsv(kOrganisationsFile, 2, 8)) {
    lines.push_back(row.line);
    std::vector<std::string> f = row.fields;
    f.resize(8);
    Organisation organisation;
    organisation.name = f[0];
    organisation.country = f[1];
    if (organisation.country != "DK" && organisation.country != "NO" && organisation.country != "SE") {
      throw_data_error(kOrganisationsFile, row.line, "country must be DK, NO or SE: " + organisation.country);
    }
    organisation.aliases = split_list(f[2]);
    organisation.abbreviations = split_list(f[3]);
    organisation.domains = split_list(f[4]);
    organisation.valid_from = parse_year(f[5], row.line, "valid_from");
    organisation.valid_to = parse_year(f[6], row.line, "valid_to");
    organisation.successor = f[7];
    if (organisation.valid_from && organisation.valid_to && organisation.valid_to < organisation.valid_from) {
      throw_data_error(kOrganisationsFile, row.line, "valid_to before valid_from");
    }
    if (!organisation.successor.empty() && !organisation.valid_to) {
      throw_data_error(kOrganisationsFile, row.line, "a successor needs valid_to, the year of the rename");
    }
    const std::size_t index = organisations_.size();
    for (const std::string& domain : organisation.domains) domain_lookup_.emplace_back(fold_case(domain), index);
    for (const std::string& abbreviation : organisation.abbreviations) {
      lookup_.emplace_back(normalise_for_matching(abbreviation), index);
    }
    std::vector<std::string> names = organisation.aliases;
    names.insert(names.begin(), organisation.name);
    for (const std::string& name : names) {
      lookup_.emplace_back(normalise_for_matching(name), index);
      names_.push_back({index, name, normalise_for_matching(name)});
    }
    organisations_.push_back(std::move(organisation));
  }
  sort_and_check(lookup_, organisations_, "name");
  for (std::size_t i = 0; i < organisations_.size(); ++i) {
    const std::string& successor = organisations_[i].successor;
    if (!successor.empty() && !lookup(lookup_, normalise_for_matching(successor))) {
      throw_data_error(kOrganisationsFile, lines[i], organisations_[i].name + ": unknown successor " + successor);
    }
  }
  sort_and_check(domain_lookup_, organisations_, "domain");
  for (std::size_t i = 0; i < names_.size(); ++i) {
    std::string_view word = leading_word(names_[i].written);
    if (utf8_length(names_[i].written) >= 3 && !word.empty()) first_word_.emplace_back(std::string(word), i);
  }
  std::sort(first_word_.begin(), first_word_.end());
  for (const auto& [word, name] : first_word_) first_bytes_[static_cast<unsigned char>(word[0])] = true;
}

std::optional<std::size_t> OrganisationRegistry::find(std::string_view name_alias_or_domain) const {
  const std::string key = normalise_for_matching(name_alias_or_domain);
  if (auto found = lookup(lookup_, key)) return found;
  return find_domain(key);
}

std::optional<std::size_t> OrganisationRegistry::find_domain(std::string_view host) const {
  std::string key = fold_case(trim(host));
  if (std::size_t at = key.rfind('@'); at != std::string::npos) key.erase(0, at + 1);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (key.starts_with(scheme)) key.erase(0, scheme.size());
  }
  if (auto found = lookup(domain_lookup_, key)) return found;  // "regjeringen.no/hod"
  if (std::size_t slash = key.find('/'); slash != std::string::npos) {
    if (std::size_t next = key.find('/', slash + 1); next != std::string::npos) key.resize(next);
    if (auto found = lookup(domain_lookup_, key)) return found;
    key.resize(slash);
  }
  std::string_view host_name = key;
  while (true) {
    if (auto found = lookup(domain_lookup_, host_name)) return found;
    std::size_t dot = host_name.find('.');
    if (dot == std::string_view::npos || host_name.find('.', dot + 1) == std::string_view::npos) return std::nullopt;
    host_name.remove_prefix(dot + 1);
  }
}

std::string OrganisationRegistry::name_in_year(std::size_t index, int year) const {
  for (int hops = 0; hops < 10; ++hops) {
    const Organisation& organisation = organisations_[index];
    if (organisation.successor.empty() || !organisation.valid_to || year <= organisation.valid_to) return organisation.name;
    index = *lookup(lookup_, normalise_for_matching(organisation.successor));
  }
  return organisations_[index].name;
}

std::vector<std::size_t> OrganisationRegistry::count_mentions(std::string_view text) const {
  std::vector<std::size_t> counts(organisations_.size(), 0);
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!is_word_byte(text[pos])) {
      ++pos;
      continue;
    }
    std::size_t end = pos;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    std::string_view word = text.substr(pos, end - pos);
    if (first_bytes_[static_cast<unsigned char>(word[0])]) {
      auto it = std::lower_bound(first_word_.begin(), first_word_.end(), word,
                                 [](const auto& entry, std::string_view w) { return entry.first < w; });
      std::size_t counted_for = organisations_.size();
      for (; it != first_word_.end() && it->first == word; ++it) {
        const Name& name = names_[it->second];
        if (name.organisation == counted_for) continue;
        if (text.substr(pos, name.written.size()) == name.written && is_word_match(text, pos, name.written.size())) {
          ++counts[name.organisation];
          counted_for = name.organisation;
        }
      }
    }
    pos = end;
  }
  return counts;
}

std::vector<std::size_t> OrganisationRegistry::first_normalised_matches(std::string_view normalised_text) const {
  std::vector<std::size_t> first(organisations_.size(), std::string_view::npos);
  for (const Name& name : names_) {
    if (utf8_length(name.normalised) < 3) continue;
    std::size_t pos = normalised_text.find(name.normalised);
    while (pos != std::string_view::npos && !is_word_match(normalised_text, pos, name.normalised.size())) {
      pos = normalised_text.find(name.normalised, pos + 1);
    }
    if (pos != std::string_view::npos) first[name.organisation] = std::min(first[name.organisation], pos);
  }
  return first;
}

std::vector<std::size_t> OrganisationRegistry::count_domains(std::string_view text) const {
  std::vector<std::size_t> counts(organisations_.size(), 0);
  for (std::string_view tld : {".dk", ".no", ".se", ".eu", ".org", ".com"}) {
    std::size_t pos = text.find(tld);
    while (pos != std::string_view::npos) {
      std::size_t end = pos + tld.size();
      if (end >= text.size() || !is_word_byte(text[end])) {
        std::size_t start = pos;
        while (start > 0 && is_host_byte(text[start - 1])) --start;
        std::size_t path_end = end;
        if (path_end < text.size() && text[path_end] == '/') {
          ++path_end;
          while (path_end < text.size() && is_host_byte(text[path_end]) && text[path_end] != '.') ++path_end;
        }
        if (auto found = find_domain(text.substr(start, path_end - start))) ++counts[*found];
      }
      pos = text.find(tld, end);
    }
  }
  return counts;
}

}  // namespace arkiv

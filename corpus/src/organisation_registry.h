#pragma once
// The organisation registry of corpus/data/organisations.tsv: canonical names, aliases,
// abbreviations, web domains, validity years and renames. Internal to the corpus module; the
// registry is loaded once and read-only, so every member is thread-safe.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

struct Organisation {
  std::string name;  // canonical
  std::string country;  // "DK", "NO"
  std::vector<std::string> aliases;
  std::vector<std::string> abbreviations;
  std::vector<std::string> domains;
  int valid_from = 0;  // year, 0 = open
  int valid_to = 0;
  std::string successor;  // canonical name of the body it was renamed to, "" if none
};

class OrganisationRegistry {
 public:
  // The registry of the shipped data file; throws DataError naming file and line if invalid.
  static const OrganisationRegistry& instance();

  const std::vector<Organisation>& organisations() const { return organisations_; }

  // Index of the organisation with this canonical name, alias, abbreviation or web domain
  // (case-insensitive; "www." and sub-domains stripped), or nullopt.
  std::optional<std::size_t> find(std::string_view name_alias_or_domain) const;

  // Index of the organisation owning a host name or e-mail domain ("www.sst.dk", "samr@sst.dk").
  std::optional<std::size_t> find_domain(std::string_view host) const;

  // The name in use in a year: follows successor links while the year is after valid_to.
  std::string name_in_year(std::size_t index, int year) const;

  // Per organisation, the number of word matches of its name and aliases in text
  // (case-sensitive, a genitive "s" allowed). Names shorter than three letters are skipped.
  std::vector<std::size_t> count_mentions(std::string_view text) const;

  // Per organisation, the byte offset of its first name or alias match in normalised text
  // (normalise_for_matching), or npos.
  std::vector<std::size_t> first_normalised_matches(std::string_view normalised_text) const;

  // Per organisation, the number of web-domain mentions (host names, e-mail addresses) in text.
  std::vector<std::size_t> count_domains(std::string_view text) const;

 private:
  OrganisationRegistry();
  struct Name {
    std::size_t organisation = 0;
    std::string written;     // as in the data file
    std::string normalised;  // normalise_for_matching(written)
  };
  std::vector<Organisation> organisations_;
  std::vector<Name> names_;  // canonical names and aliases
  std::vector<std::pair<std::string, std::size_t>> lookup_;          // normalised key -> index, sorted
  std::vector<std::pair<std::string, std::size_t>> domain_lookup_;   // domain -> index, sorted
  std::vector<std::pair<std::string, std::size_t>> first_word_;      // leading word -> name index, sorted
  std::array<bool, 256> first_bytes_{};                              // bytes some leading word starts with
};

}  // namespace arkiv

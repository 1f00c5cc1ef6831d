// The organisation registry: canonical names, aliases, abbreviations, domains and renames.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "corpus/document.h"
#include "corpus/src/organisation_registry.h"
#include "structure_test_support.h"

using arkiv::canonical_organisation;
using arkiv::OrganisationRegistry;

TEST_CASE("names, aliases, abbreviations and web domains resolve to the canonical organisation") {
  auto [given, canonical] = GENERATE(table<std::string, std::string>({
      {"Sundhedsstyrelsen", "Sundhedsstyrelsen"},
      {"SST", "Sundhedsstyrelsen"},
      {"sst.dk", "Sundhedsstyrelsen"},
      {"www.sst.dk", "Sundhedsstyrelsen"},
      {"samr@sst.dk", "Sundhedsstyrelsen"},
      {"https://www.sst.dk/da/nyheder", "Sundhedsstyrelsen"},
      {"Det Nationale Råd for Lægers Videreuddannelse", "Sundhedsstyrelsen"},
      {"medicinrådet", "Medicinrådet"},
      {"Danske Regioners bestyrelse", "Danske Regioner"},
      {"Legeforeningen", "Den norske legeforening"},
      {"Lægeforeningen", "Lægeforeningen"},
      {"Sundheds – og Ældreministeriet", "Sundheds- og Ældreministeriet"},
      {"bestyrelsen for den nationale strategi for Personlig Medicin", "Bestyrelsen for Personlig Medicin"},
      {"Helse Sør-Øst", "Helse Sør-Øst RHF"},
      {"FHI", "Folkehelseinstituttet"},
      {"Legemiddelverket", "Statens legemiddelverk"},
      {"KS", "KS"},
      {"Kommunernes Landsforening", "KL"},
  }));
  INFO(given);
  CHECK(canonical_organisation(given) == canonical);
}

TEST_CASE("unknown names resolve to nothing") {
  CHECK_FALSE(canonical_organisation("Tivoli"));
  CHECK_FALSE(canonical_organisation(""));
  CHECK_FALSE(canonical_organisation("example.dk"));
}

TEST_CASE("the registry holds at least forty Danish and Norwegian bodies") {
  const auto& organisations = OrganisationRegistry::instance().organisations();
  CHECK(organisations.size() >= 40);
  CHECK(std::count_if(organisations.begin(), organisations.end(), [](const auto& o) { return o.country == "DK"; }) >= 20);
  CHECK(std::count_if(organisations.begin(), organisations.end(), [](const auto& o) { return o.country == "NO"; }) >= 15);
}

TEST_CASE("renamed bodies lead to the name in use in a given year") {
  const auto& registry = OrganisationRegistry::instance();
  const std::size_t ministry = *registry.find("Sundheds- og Ældreministeriet");
  CHECK(registry.name_in_year(ministry, 2017) == "Sundheds- og Ældreministeriet");
  CHECK(registry.name_in_year(ministry, 2020) == "Sundhedsministeriet");
  CHECK(registry.name_in_year(ministry, 2024) == "Indenrigs- og Sundhedsministeriet");
  const std::size_t medicines = *registry.find("Statens legemiddelverk");
  CHECK(registry.name_in_year(medicines, 2025) == "Direktoratet for medisinske produkter");
}

TEST_CASE("every organisation and domain of the corpus generator is registered") {
  const auto generator = arkiv::test::corpus_generator();
  if (!std::filesystem::exists(generator)) {
    WARN("skipped: corpus generator not found at " << generator);
    return;
  }
  std::ifstream in(generator);
  std::stringstream source;
  source << in.rdbuf();
  const std::string whole = source.str();
  const std::size_t block = whole.find("ORGS = {");
  REQUIRE(block != std::string::npos);
  const std::string text = whole.substr(block, whole.find("\n}\n", block) - block);
  // Rows of ORGS look like ("Sundhedsstyrelsen", "sst.dk"),
  std::size_t checked = 0;
  for (std::size_t pos = text.find("(\""); pos != std::string::npos; pos = text.find("(\"", pos + 2)) {
    const std::size_t name_end = text.find('"', pos + 2);
    const std::size_t domain_start = text.find('"', name_end + 1);
    const std::size_t domain_end = text.find('"', domain_start + 1);
    const std::string name = text.substr(pos + 2, name_end - pos - 2);
    const std::string domain = text.substr(domain_start + 1, domain_end - domain_start - 1);
    if (text.substr(name_end + 1, 2) != ", " || domain.find('.') == std::string::npos) continue;
    INFO(name << " / " << domain);
    CHECK(canonical_organisation(name) == name);
    if (domain != "regjeringen.no") CHECK(canonical_organisation(domain) == name);
    ++checked;
  }
  CHECK(checked >= 16);
}

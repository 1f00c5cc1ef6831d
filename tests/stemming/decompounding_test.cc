// Decompounding and suspended compounds on the must-hold cases of the brief.
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "stemming/src/decompounder.h"

namespace {

using arkiv::Language;
using Parts = std::vector<std::string>;

std::string joined(const Parts& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : " + ") + part;
  return out.empty() ? "-" : out;
}

}  // namespace

TEST_CASE("genuine compounds split into their lexicon parts, heads in base form", "[decompounding]") {
  auto [language, word, expected] = GENERATE(table<Language, std::string, std::string>({
      {Language::da, "videreuddannelsen", "videre + uddannelse"},
      {Language::da, "sundhedsvæsenet", "sundhed + væsen"},
      {Language::da, "epidemikommissionerne", "epidemi + kommission"},
      {Language::da, "kursusbudgettet", "kursus + budget"},
      {Language::da, "patientsikkerhed", "patient + sikkerhed"},
      {Language::da, "sundhedsstyrelsen", "sundhed + styrelse"},
      {Language::da, "handlingsplan", "handling + plan"},
      {Language::nb, "spesialisthelsetjenesten", "spesialist + helse + tjeneste"},
      {Language::nb, "videreutdanning", "videre + utdanning"},
      {Language::nb, "psykiatriområdet", "psykiatri + område"},
      {Language::nn, "spesialisthelsetenesta", "spesialist + helse + teneste"},
      {Language::nn, "vidareutdanning", "vidare + utdanning"},
  }));
  CAPTURE(word);
  CHECK(joined(arkiv::decompounder_for(language).split(word)) == expected);
}

TEST_CASE("simple and derived words that look like compounds are not split", "[decompounding]") {
  auto [language, word] = GENERATE(table<Language, std::string>({
      {Language::da, "regioner"},
      {Language::da, "behandling"},
      {Language::da, "november"},
      {Language::da, "formanden"},
      {Language::da, "sekretariatet"},
      {Language::da, "kommunikation"},
      {Language::da, "tjenesten"},
      {Language::da, "forebyggelse"},
      {Language::da, "myndigheder"},
      {Language::nb, "tjenesten"},
      {Language::nb, "regjeringen"},
  }));
  CAPTURE(word);
  CHECK(joined(arkiv::decompounder_for(language).split(word)) == "-");
}

TEST_CASE("short words, numbers and words with non-letters are never split", "[decompounding]") {
  const arkiv::Decompounder& danish = arkiv::decompounder_for(Language::da);
  CHECK(danish.split("sygehus").empty());
  CHECK(danish.split("covid19vaccine").empty());
  CHECK(danish.split("sundheds-væsenet").empty());
  CHECK(danish.split("").empty());
}

TEST_CASE("swedish and english text is never decompounded", "[decompounding]") {
  CHECK(arkiv::decompounder_for(Language::sv).split("sjukvårdssystemet").empty());
  CHECK(arkiv::decompounder_for(Language::en).split("healthcaresystem").empty());
}

TEST_CASE("the head offset points at the inflected head as written", "[decompounding]") {
  const arkiv::Decompounder& danish = arkiv::decompounder_for(Language::da);
  CHECK(danish.head_offset("sundhedsvæsenet") == std::string("sundheds").size());
  CHECK(danish.head_offset("ældreministeriet") == std::string("ældre").size());
  CHECK_FALSE(danish.head_offset("behandling").has_value());
}

TEST_CASE("a suspended compound takes the head of the word it is coordinated with", "[decompounding]") {
  auto [language, first, second, expected] = GENERATE(table<Language, std::string, std::string, std::string>({
      {Language::da, "sundheds", "ældreministeriet", "sundhedsministeriet"},
      {Language::nb, "etter", "videreutdanning", "etterutdanning"},
      {Language::nb, "psykiatri", "somatikkområdet", "psykiatriområdet"},
      {Language::da, "psykiatri", "somatikområdet", "psykiatriområdet"},
      {Language::da, "kommune", "regionsrådet", "kommunerådet"},
  }));
  CAPTURE(first, second);
  CHECK(arkiv::complete_suspended_compound(first, second, language).value_or("-") == expected);
}

TEST_CASE("a suspended compound is not completed when the second word is not a compound", "[decompounding]") {
  CHECK_FALSE(arkiv::complete_suspended_compound("sundheds", "behandling", Language::da).has_value());
  CHECK_FALSE(arkiv::complete_suspended_compound("sundheds", "og", Language::da).has_value());
  CHECK_FALSE(arkiv::complete_suspended_compound("", "ældreministeriet", Language::da).has_value());
}

TEST_CASE("threads that use the decompounder at once get the same splits", "[decompounding]") {
  const std::vector<std::string> words = {"spesialisthelsetjenesten", "helseforetakene", "sykehusene",
                                          "pasientbehandlingen", "regjeringen"};
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const std::string& word : words)
        results[t].push_back(joined(arkiv::decompounder_for(Language::nn).split(word)));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == results.front());
}

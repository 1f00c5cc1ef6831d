// read_document on the five real sample documents: metadata and the list of agenda items.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <thread>

#include "corpus/document.h"
#include "structure_test_support.h"

using arkiv::Document;
using arkiv::Section;
using arkiv::test::section_titles;
using arkiv::test::sample;

namespace {

struct SampleExpectation {
  std::string prefix, org, date, type, lang;
  std::vector<std::string> titles;
};

// Read from the documents themselves (docs.json of the shared dev set gives org, date, language).
const std::vector<SampleExpectation>& expectations() {
  static const std::vector<SampleExpectation> table = {
      {"000", "Sundhedsstyrelsen", "2025-09-17", "referat", "da",
       {"Godkendelse af dagsorden (Bilag NR20-25)",
        "Temadrøftelse om kvalitetssikring af den lægelige videreuddannelse med udgangspunkt i integration og "
        "ligestilling af psykiatri og somatik",
        "Orientering om økonomi til generelle og specialespecifikke kurser",
        "Arbejdet med fremtidens speciallægeuddannelse",
        "Optag af studerende på medicinuddannelsen – universiteternes perspektiv",
        "Kvalitetsmonitorering og digital understøttelse af inspektorordningen i den lægelige videreuddannelse",
        "Temadrøftelser i 2025 og 2026", "Eventuelt"}},
      {"001", "Medicinrådet", "2025-11-05", "referat", "da",
       {"Velkomst og formål med dagen", "Medicinrådets opgave i vejledning af almen praksis",
        "Hverdagen i almen praksis", "Rationel farmakoterapi i almen praksis", "Forskning i almen praksis",
        "Tilskud til medicin i primærsektoren", "Fælles drøftelse af dagens oplæg og gruppediskussioner"}},
      {"002", "Danske Regioner", "2017-04-20", "dagsorden", "da",
       {"Formandens meddelelser",
        "Godkendelse af åbent referat af møde den 2. marts 2017 i Danske Regioners bestyrelse",
        "Valg af ny næstformand for Danske Regioner", "Evaluering af Danske Regioners generalforsamling 2017",
        "Revision af de regionale epidemikommissioner", "Nye nøgletal for de nationale mål",
        "Kampagne i forbindelse med kommunal- og regionsvalg 2017",
        "Personlig Medicin - afrapportering og videre proces", "Status for opfølgning på ekstern analyse af Amgros",
        "Anbefalinger fra Vækstteam for Life Science", "Status for patientansvarlig læge",
        "Status for Danish Comprehensive Cancer Center (DCCC)", "Regeringens sammenhængsreform",
        "Status på den fællesoffentlige digitaliseringsstrategi", "Regionernes regnskaber 2016", "Næste møde",
        "Eventuelt"}},
      {"003", "Den norske legeforening", "2025", "rapport", "nb",
       {"PRESIDENTEN HAR ORDET", "VIKTIGE UTVIKLINGSTREKK", "HOVEDUTFORDRINGER", "OPPSUMMERING OG POLITISKE VEIVALG"}},
      {"004", "Bestyrelsen for Personlig Medicin", "2017-10-04", "referat", "da",
       {"Velkomst",
        "Input til udarbejdelse af kommunikationsstrategier for hhv. bestyrelsen for strategien for Personlig "
        "Medicin 2017-2020 og Nationalt Genom Center",
        "Orientering om analyse vedr. infrastrukturelle elementer relevante for Personlig Medicin og den videre "
        "proces",
        "Drøftelse af afrapportering fra workshop om offentlig-privat samarbejde om forskning inden for Personlig "
        "Medicin 29. august 2017 og beslutning om videre proces",
        "Orientering om etablering af arbejdsgruppe for uddannelse og kompetenceudvikling inden for Personlig "
        "Medicin under Nationalt Genom Center",
        "Gensidig orientering", "Eventuelt"}},
  };
  return table;
}

const Document& sample_document(const std::string& prefix) {
  static std::map<std::string, Document> cache;
  auto it = cache.find(prefix);
  if (it == cache.end()) it = cache.emplace(prefix, arkiv::read_document(sample(prefix))).first;
  return it->second;
}

const Section* find_section(const Document& document, std::string_view number) {
  for (const Section& section : document.sections) {
    if (section.number == number) return &section;
  }
  return nullptr;
}

std::vector<std::string> roles(const Section& section) {
  std::vector<std::string> out;
  for (const auto& part : section.parts) out.push_back(part.role);
  return out;
}

}  // namespace

TEST_CASE("each sample document gets its organisation, date, type and language") {
  for (const SampleExpectation& expected : expectations()) {
    const Document& document = sample_document(expected.prefix);
    INFO("sample " << expected.prefix);
    CHECK(document.org == expected.org);
    CHECK(document.date == expected.date);
    CHECK(document.type == expected.type);
    CHECK(document.lang == expected.lang);
    CHECK_FALSE(document.title.empty());
  }
}

TEST_CASE("each sample document is split into exactly its agenda items or chapters") {
  for (const SampleExpectation& expected : expectations()) {
    INFO("sample " << expected.prefix);
    CHECK(section_titles(sample_document(expected.prefix)) == expected.titles);
  }
}

TEST_CASE("agenda item numbers are kept as written") {
  CHECK(find_section(sample_document("004"), "29/17") != nullptr);
  CHECK(find_section(sample_document("004"), "35/17") != nullptr);
  CHECK(find_section(sample_document("002"), "10") != nullptr);
  CHECK(find_section(sample_document("002"), "26") != nullptr);
  CHECK(find_section(sample_document("003"), "III") != nullptr);
}

TEST_CASE("an agenda table in the front matter does not become agenda items") {
  const Document& document = sample_document("004");
  REQUIRE(document.sections.front().kind == "front_matter");
  CHECK(document.sections.front().text.find("Pkt. 30/17") != std::string::npos);
  CHECK(std::count_if(document.sections.begin(), document.sections.end(),
                      [](const Section& s) { return s.number == "30/17"; }) == 1);
}

TEST_CASE("the numbered list inside agenda item 4 of sample 000 stays in it") {
  const Section* item = find_section(sample_document("000"), "4");
  REQUIRE(item != nullptr);
  CHECK(item->text.find("Anbefaling 7: Modernisering") != std::string::npos);
}

TEST_CASE("the parts of an agenda item are labelled by their headings") {
  const Section* first = find_section(sample_document("000"), "1");
  REQUIRE(first != nullptr);
  CHECK(roles(*first) == std::vector<std::string>{"recommendation", "decision"});
  const Section* input = find_section(sample_document("004"), "30/17");
  REQUIRE(input != nullptr);
  CHECK(roles(*input) == std::vector<std::string>{"case", "recommendation", "decision"});
  const Section* election = find_section(sample_document("002"), "12");
  REQUIRE(election != nullptr);
  CHECK(roles(*election) ==
        std::vector<std::string>{"summary", "recommendation", "case", "economy", "comments", "communication"});
  CHECK(election->parts[0].text.find("Stephanie Lose") != std::string::npos);
}

TEST_CASE("the front matter lists the participants by name") {
  const auto& council = sample_document("000").sections.front().participants;
  CHECK(std::find(council.begin(), council.end(), "Steen Dalsgård Jespersen") != council.end());
  CHECK(std::find(council.begin(), council.end(), "Thomas I. Jensen") != council.end());
  CHECK(std::find(council.begin(), council.end(), "Øst") == council.end());
  CHECK(council.size() >= 25);
  const auto& board = sample_document("004").sections.front().participants;
  CHECK(std::find(board.begin(), board.end(), "Annemarie Lauritsen") != board.end());
  CHECK(std::find(board.begin(), board.end(), "Søren Lund") != board.end());
  for (const std::string& name : board) CHECK(name.find("Sundheds") == std::string::npos);
}

TEST_CASE("sections carry page ranges and page starts relative to their own text") {
  for (const SampleExpectation& expected : expectations()) {
    const Document& document = sample_document(expected.prefix);
    INFO("sample " << expected.prefix);
    int previous_end = 1;
    for (const Section& section : document.sections) {
      REQUIRE_FALSE(section.page_starts.empty());
      CHECK(section.page_starts.front().offset == 0);
      CHECK(section.page_starts.front().page == section.page_start);
      CHECK(section.page_start >= previous_end);
      CHECK(section.page_end >= section.page_start);
      CHECK(section.page_end <= document.pages);
      for (const auto& start : section.page_starts) CHECK(start.offset < section.text.size());
      previous_end = section.page_end;
    }
  }
  CHECK(find_section(sample_document("002"), "25")->page_start == 47);
  CHECK(find_section(sample_document("002"), "26")->page_start == 48);
}

TEST_CASE("section text starts with its heading and the sections cover the document in order") {
  const Document& document = sample_document("004");
  const Section* item = find_section(document, "31/17");
  REQUIRE(item != nullptr);
  CHECK(item->text.rfind("Punkt 31/17:", 0) == 0);
  CHECK(item->text.find("Punkt 32/17") == std::string::npos);
}

TEST_CASE("read_document gives the same result when called from many threads at once") {
  std::vector<std::filesystem::path> files;
  for (const char* prefix : {"000", "001", "003", "004"}) files.push_back(sample(prefix));
  std::vector<std::string> sequential;
  for (const auto& file : files) sequential.push_back(arkiv::document_to_json(arkiv::read_document(file)));
  std::vector<std::string> parallel(files.size() * 2);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < parallel.size(); ++i) {
    threads.emplace_back([&, i] { parallel[i] = arkiv::document_to_json(arkiv::read_document(files[i % files.size()])); });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < parallel.size(); ++i) CHECK(parallel[i] == sequential[i % files.size()]);
}

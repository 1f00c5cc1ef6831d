// document_to_json and document_to_text: the --explain output of docs/explain.md.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "structure_test_support.h"

TEST_CASE("the explain JSON carries the document's metadata and sections") {
  const arkiv::Document document = arkiv::read_document(arkiv::test::sample("004"));
  const nlohmann::json json = nlohmann::json::parse(arkiv::document_to_json(document));
  CHECK(json["org"] == "Bestyrelsen for Personlig Medicin");
  CHECK(json["date"] == "2017-10-04");
  CHECK(json["type"] == "referat");
  CHECK(json["lang"] == "da");
  CHECK(json["pages"] == document.pages);
  CHECK(json["file"].get<std::string>().find("004_") != std::string::npos);
  REQUIRE(json["sections"].size() == document.sections.size());
  const auto& item = json["sections"][2];
  CHECK(item["kind"] == "agenda_item");
  CHECK(item["number"] == "30/17");
  CHECK(item["title"].get<std::string>().rfind("Input til udarbejdelse", 0) == 0);
  CHECK(item["page_start"].is_number());
  CHECK(item["parts"][1]["role"] == "recommendation");
  CHECK(item["text"].get<std::string>().rfind("Punkt 30/17", 0) == 0);
  CHECK(json["sections"][0]["participants"].size() == document.sections[0].participants.size());
  CHECK(json["warnings"].is_array());
  CHECK(json["topics"].is_array());
}

TEST_CASE("the explain text lists each section with its parts") {
  const arkiv::Document document = arkiv::read_document(arkiv::test::sample("000"));
  const std::string text = arkiv::document_to_text(document);
  CHECK(text.find("org:      Sundhedsstyrelsen") != std::string::npos);
  CHECK(text.find("[agenda_item] 3  Orientering om økonomi") != std::string::npos);
  CHECK(text.find("parts: recommendation") != std::string::npos);
  CHECK(text.find("participants: Steen Dalsgård Jespersen") != std::string::npos);
}

TEST_CASE("topics are assigned to sections and documents from the taxonomy") {
  const arkiv::Document document = arkiv::read_document(arkiv::test::sample("002"));
  CHECK(std::find(document.topics.begin(), document.topics.end(), "forskning_og_life_science") != document.topics.end());
  for (const arkiv::Section& section : document.sections) {
    if (section.number == "14") CHECK(section.topics.front() == "beredskab_og_epidemier");
    if (section.number == "17") CHECK(std::find(section.topics.begin(), section.topics.end(), "personlig_medicin") != section.topics.end());
    if (section.number == "10") CHECK(section.topics.empty());
  }
}

TEST_CASE("topic names in any of the three languages resolve to the topic id") {
  auto [name, id] = GENERATE(table<std::string, std::string>({
      {"psykiatri", "psykiatri"},
      {"Lægemidler", "laegemidler"},
      {"legemidler", "laegemidler"},
      {"legemiddel", "laegemidler"},
      {"kreft", "kraeft"},
      {"fastlege", "almen_praksis"},
      {"førebygging", "forebyggelse"},
      {"sjukehusbygg", "sygehusbyggeri"},
      {"ventetider", "ventetider"},
  }));
  INFO(name);
  CHECK(arkiv::canonical_topic(name) == id);
  CHECK_FALSE(arkiv::canonical_topic("astrologi"));
}

// The Searcher on a small hand-made database: matching, filters, facets, grouping, sorting,
// show, suggest, spelling, request limits and reopening while a writer commits.
#include "searcher/searcher.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "indexer/schema.h"
#include "test_database.h"

using arkiv::testing::ids;
using arkiv::testing::request;
using arkiv::testing::sorted_ids;
using arkiv::testing::TempFolder;

namespace {

using Fixture = arkiv::testing::StandardDatabase;

std::size_t facet_count(const arkiv::SearchResult& result, const std::string& facet, const std::string& value) {
  for (const auto& f : result.facets)
    if (f.name == facet)
      for (const auto& v : f.values)
        if (v.value == value) return v.count;
  return 0;
}

}  // namespace

TEST_CASE_METHOD(Fixture, "a word finds the sections holding any inflection of it") {
  const auto result = searcher.search(request("sygehus"));
  CHECK(sorted_ids(result) == std::vector<std::string>{"b-0", "c-0"});
  CHECK(result.total_exact);
  CHECK(result.parsed_query.find("sygehus") != std::string::npos);
}

TEST_CASE_METHOD(Fixture, "hit fields come from the stored section data") {
  const auto result = searcher.search(request("sengepladser"));
  REQUIRE(result.hits.size() == 1);
  const auto& hit = result.hits.front();
  CHECK(hit.id == "b-0");
  CHECK(hit.file == "/archive/regioner-2019.txt");
  CHECK(hit.title == "Danske Regioners bestyrelsesmøde");
  CHECK(hit.section_number == "7");
  CHECK(hit.section_title == "Nye sygehuse");
  CHECK(hit.org == "Danske Regioner");
  CHECK(hit.date == "2019-06-02");
  CHECK(hit.topics == std::vector<std::string>{"sygehuse"});
  CHECK(hit.text.empty());
  CHECK(hit.score > 0);
}

TEST_CASE_METHOD(Fixture, "a word typed without æ/ø/å finds the æ/ø/å spelling") {
  CHECK(ids(searcher.search(request("faerdigbehandlingsdage"))) == std::vector<std::string>{"b-1"});
}

TEST_CASE_METHOD(Fixture, "a Norwegian word in a Danish search finds the Danish word through its variants") {
  // The fixture is Danish only: "sykehus" and "sjukehus" reach "sygehus" as cross-language variants.
  CHECK(sorted_ids(searcher.search(request("sykehus"))) == std::vector<std::string>{"b-0", "c-0"});
  CHECK(sorted_ids(searcher.search(request("sjukehusa"))) == std::vector<std::string>{"b-0", "c-0"});
  CHECK(searcher.describe_query("sykehus").find("Zsygehus") != std::string::npos);
  CHECK(searcher.describe_query("kursus").find("Zkurs") != std::string::npos);
}

TEST_CASE_METHOD(Fixture, "a phrase matches only words that stand together") {
  CHECK(ids(searcher.search(request("\"almen praksis\""))) == std::vector<std::string>{"c-0"});
  CHECK(searcher.search(request("\"praksis almen\"")).hits.empty());
}

TEST_CASE_METHOD(Fixture, "excluded and required words restrict the matches") {
  CHECK(sorted_ids(searcher.search(request("sygehus -praksis"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("sygehus IKKE praksis"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("+sengepladser sygehus"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("sengepladser AND praksis"))).empty());
}

TEST_CASE_METHOD(Fixture, "a prefix wildcard expands over the indexed words") {
  CHECK(sorted_ids(searcher.search(request("færdigbehandl*"))) == std::vector<std::string>{"b-1"});
}

TEST_CASE_METHOD(Fixture, "organisation filters accept the canonical name in the query and the request") {
  CHECK(sorted_ids(searcher.search(request("org:\"Danske Regioner\" sygehus"))) == std::vector<std::string>{"b-0"});
  auto filtered = request("sygehus");
  filtered.organisations = {"Sundhedsstyrelsen"};
  CHECK(sorted_ids(searcher.search(filtered)) == std::vector<std::string>{"c-0"});
}

TEST_CASE_METHOD(Fixture, "organisation filters accept aliases and abbreviations from the registry") {
  CHECK(sorted_ids(searcher.search(request("org:SST sygehus"))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("org:sst sygehus"))) == std::vector<std::string>{"c-0"});
  auto filtered = request("");
  filtered.organisations = {"Det Nationale Råd for Lægers Videreuddannelse"};
  CHECK(sorted_ids(searcher.search(filtered)) == std::vector<std::string>{"a-0", "a-1", "c-0"});
}

TEST_CASE_METHOD(Fixture, "topic filters accept a topic's name as well as its id") {
  CHECK(sorted_ids(searcher.search(request("emne:\"almen praksis\""))) == std::vector<std::string>{"c-0"});
  auto filtered = request("");
  filtered.topics = {"Praktiserende læge"};
  CHECK(sorted_ids(searcher.search(filtered)) == std::vector<std::string>{"c-0"});
}

TEST_CASE_METHOD(Fixture, "filters of one field are alternatives and filters of different fields all apply") {
  CHECK(sorted_ids(searcher.search(request("emne:kommuner emne:uddannelse"))) ==
        std::vector<std::string>{"a-0", "a-1", "b-1"});
  CHECK(sorted_ids(searcher.search(request("emne:sygehuse type:referat år:2019"))) ==
        std::vector<std::string>{"b-0", "b-1"});
  CHECK(searcher.search(request("emne:sygehuse org:SST")).hits.empty());
}

TEST_CASE_METHOD(Fixture, "a word in the title field or within a part role matches only there") {
  CHECK(sorted_ids(searcher.search(request("titel:sygehuse"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("indstilling:sygehuse"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("beslutning:godkendes"))) == std::vector<std::string>{"a-1"});
  CHECK(sorted_ids(searcher.search(request("vedtak:dagsordenen"))) == std::vector<std::string>{"a-0"});
  CHECK(searcher.search(request("vedtak:sygehuse")).hits.empty());
}

TEST_CASE_METHOD(Fixture, "NEAR matches words within the given distance in any order") {
  CHECK(sorted_ids(searcher.search(request("kurser NEAR/3 udskydelse"))) == std::vector<std::string>{"a-1"});
  CHECK(searcher.search(request("kurser NEAR/3 manglende")).hits.empty());
}

TEST_CASE_METHOD(Fixture, "date phrases in the query become date filters") {
  CHECK(sorted_ids(searcher.search(request("sygehus før 2020"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("sygehus efter 2019"))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("sygehus i 2019"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("sygehus etter 2020"))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("kurser efter marts 2017"))).empty());
  CHECK(sorted_ids(searcher.search(request("kurser i marts 2017"))) == std::vector<std::string>{"a-1"});
  CHECK(sorted_ids(searcher.search(request("fra marts 2017 til 2019"))) ==
        std::vector<std::string>{"a-0", "a-1", "b-0", "b-1"});
  auto filtered = request("");
  filtered.date_from = "2019-06";
  filtered.date_to = "2021-11-29";
  CHECK(sorted_ids(searcher.search(filtered)) == std::vector<std::string>{"b-0", "b-1"});
}

TEST_CASE_METHOD(Fixture, "date ranges and date prefixes select by the section's date") {
  CHECK(sorted_ids(searcher.search(request("dato:2017-03"))) == std::vector<std::string>{"a-0", "a-1"});
  CHECK(sorted_ids(searcher.search(request("år:2021"))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("2019-01-01..2019-12-31"))) == std::vector<std::string>{"b-0", "b-1"});
  CHECK(sorted_ids(searcher.search(request("sygehus 2017..2019"))) == std::vector<std::string>{"b-0"});
  CHECK(sorted_ids(searcher.search(request("2019-06-03.."))) == std::vector<std::string>{"c-0"});
  CHECK(sorted_ids(searcher.search(request("..2017-03-15"))) == std::vector<std::string>{"a-0", "a-1"});
}

TEST_CASE_METHOD(Fixture, "topic, type, language and role filters select by boolean terms") {
  CHECK(sorted_ids(searcher.search(request("emne:kommuner"))) == std::vector<std::string>{"b-1"});
  CHECK(sorted_ids(searcher.search(request("type:notat"))) == std::vector<std::string>{"c-0"});
  CHECK(searcher.search(request("sprog:nb")).hits.empty());
  CHECK(sorted_ids(searcher.search(request("rolle:beslutning"))) == std::vector<std::string>{"a-0", "a-1"});
  auto roles = request("");
  roles.roles = {"indstilling"};
  CHECK(sorted_ids(searcher.search(roles)) == std::vector<std::string>{"b-0"});
}

TEST_CASE_METHOD(Fixture, "facets count every value of multi-valued topics") {
  auto all = request("");
  all.types = {"referat", "notat"};
  all.facets = {"org", "year", "topic", "type", "lang", "role"};
  const auto result = searcher.search(all);
  CHECK(result.total == 5);
  CHECK(facet_count(result, "org", "Sundhedsstyrelsen") == 3);
  CHECK(facet_count(result, "org", "Danske Regioner") == 2);
  CHECK(facet_count(result, "year", "2019") == 2);
  CHECK(facet_count(result, "topic", "sygehuse") == 2);
  CHECK(facet_count(result, "topic", "uddannelse") == 2);
  CHECK(facet_count(result, "topic", "kommuner") == 1);
  CHECK(facet_count(result, "topic", "sygehuse\nkommuner") == 0);
  CHECK(facet_count(result, "role", "decision") == 2);
  CHECK(facet_count(result, "type", "notat") == 1);
  CHECK(facet_count(result, "lang", "da") == 5);
  for (const auto& facet : result.facets) CHECK(facet.exact);
}

TEST_CASE("facets beyond the exact-count limit are scaled estimates marked as such") {
  TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
  arkiv::SearcherOptions options;
  options.exact_facet_matches = 1;
  options.facet_posting_limit = 0;  // the query is too big to count from the posting lists
  arkiv::Searcher searcher({(folder.path() / "db").string()}, options);
  auto all = request("dagsorden sygehus kurser kommunerne");
  all.limit = 1;
  all.facets = {"org"};
  const auto result = searcher.search(all);
  REQUIRE_FALSE(result.total_exact);  // Xapian stopped after the first match it needed
  REQUIRE(result.facets.size() == 1);
  CHECK_FALSE(result.facets.front().exact);
  CHECK_FALSE(result.facets.front().values.empty());
  arkiv::Searcher exact_searcher({(folder.path() / "db").string()});
  const auto exact = exact_searcher.search(all);
  CHECK(exact.facets.front().exact);
  CHECK(facet_count(exact, "org", "Sundhedsstyrelsen") == 3);
}

TEST_CASE("a local database counts the total exactly and samples facets beyond the exact-count limit") {
  TempFolder folder;
  arkiv::testing::write_database(folder.path() / "db", arkiv::testing::standard_sections());
  auto all = request("dagsorden sygehus kurser kommunerne");
  all.limit = 1;
  all.facets = {"org"};
  arkiv::Searcher exact_searcher({(folder.path() / "db").string()});
  const auto exact = exact_searcher.search(all);
  CHECK(exact.total_exact);
  CHECK(exact.facets.front().exact);
  CHECK(facet_count(exact, "org", "Sundhedsstyrelsen") == 3);

  arkiv::SearcherOptions options;
  options.exact_facet_matches = 1;
  arkiv::Searcher searcher({(folder.path() / "db").string()}, options);
  // The first faceted search counts through Xapian's matcher; a searcher used again counts
  // from the posting lists with the facet table.
  CHECK_FALSE(searcher.search(all).facets.front().exact);
  const auto sampled = searcher.search(all);
  CHECK(sampled.total_exact);
  CHECK(sampled.total == exact.total);
  CHECK_FALSE(sampled.facets.front().exact);
  // One section seen, scaled to all matches.
  REQUIRE(sampled.facets.front().values.size() == 1);
  CHECK(sampled.facets.front().values.front().count == exact.total);
}

TEST_CASE_METHOD(Fixture, "an unknown facet is a usage error") {
  auto bad = request("sygehus");
  bad.facets = {"colour"};
  CHECK_THROWS_AS(searcher.search(bad), arkiv::QueryError);
}

TEST_CASE_METHOD(Fixture, "grouping keeps one section per document and counts the rest") {
  auto grouped = request("godkendt godkendes kurser dagsorden");
  CHECK(searcher.search(grouped).hits.size() == 2);
  grouped.group_by_document = true;
  const auto result = searcher.search(grouped);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits.front().collapsed == 1);
}

TEST_CASE_METHOD(Fixture, "sorting by date puts the newest or the oldest first") {
  auto sorted = request("sygehus sygehuse kurser");
  sorted.sort = arkiv::SortOrder::date_newest;
  CHECK(searcher.search(sorted).hits.front().id == "c-0");
  sorted.sort = arkiv::SortOrder::date_oldest;
  CHECK(searcher.search(sorted).hits.front().id == "a-1");
}

TEST_CASE_METHOD(Fixture, "offset and limit page through the hits") {
  auto page = request("sygehus sygehuse kurser");
  const auto all = ids(searcher.search(page));
  REQUIRE(all.size() == 3);
  page.offset = 1;
  page.limit = 1;
  CHECK(ids(searcher.search(page)) == std::vector<std::string>{all[1]});
}

TEST_CASE_METHOD(Fixture, "out-of-range limits are usage errors") {
  auto bad = request("sygehus");
  bad.limit = arkiv::kMaxLimit + 1;
  CHECK_THROWS_AS(searcher.search(bad), arkiv::QueryError);
  bad.limit = 10;
  bad.offset = arkiv::kMaxOffsetPlusLimit;
  CHECK_THROWS_AS(searcher.search(bad), arkiv::QueryError);
  bad.offset = 0;
  bad.date_from = "99999";
  CHECK_THROWS_AS(searcher.search(bad), arkiv::QueryError);
  bad.date_from = "";
  bad.languages = {"xx"};
  CHECK_THROWS_AS(searcher.search(bad), arkiv::UsageError);
}

TEST_CASE_METHOD(Fixture, "show returns one section whole") {
  const auto hit = searcher.show("a-1");
  REQUIRE(hit);
  CHECK(hit->section_title == "Udskydelse af kurser i videreuddannelsen");
  CHECK(hit->text.find("Kursusudskydelsen godkendes") != std::string::npos);
  CHECK(hit->page_start == 3);
  CHECK(hit->page_end == 4);
  CHECK_FALSE(searcher.show("no-such-id"));
}

TEST_CASE_METHOD(Fixture, "suggest completes a prefix from indexed words, most frequent first") {
  const auto words = searcher.suggest("syge");
  REQUIRE_FALSE(words.empty());
  CHECK(std::find(words.begin(), words.end(), "sygehuse") != words.end());
  for (const auto& word : words) CHECK(word.rfind("syge", 0) == 0);
  CHECK(searcher.suggest("qqqq").empty());
}

TEST_CASE_METHOD(Fixture, "suggest completes words that occur only in document or section titles") {
  CHECK(searcher.suggest("bestyrelses") == std::vector<std::string>{"bestyrelsesmøde"});
  CHECK(searcher.suggest("udskr") == std::vector<std::string>{"udskrivning"});
}

TEST_CASE_METHOD(Fixture, "a misspelt word gets a did-you-mean") {
  CHECK(searcher.search(request("sengepladsr")).hits.empty());
  CHECK(searcher.search(request("sengepladsr")).corrected_query == "sengepladser");
  // "sengeplader" splits into senge + plade, whose parts match; the word itself occurs nowhere.
  CHECK(searcher.search(request("sengeplader")).corrected_query == "sengepladser");
  CHECK(searcher.search(request("sengepladser")).corrected_query.empty());
}

TEST_CASE_METHOD(Fixture, "a did-you-mean keeps the case the word was typed in") {
  CHECK(searcher.search(request("Sengepladsr")).corrected_query == "Sengepladser");
  CHECK(searcher.search(request("SENGEPLADSR i regionerne")).corrected_query == "SENGEPLADSER i regionerne");
}

TEST_CASE_METHOD(Fixture, "only the misspelt word of a query with hits is corrected") {
  const auto result = searcher.search(request("sygehus kurser sengepladsr"));
  CHECK(result.hits.size() == 3);
  CHECK(result.corrected_query == "sygehus kurser sengepladser");
}

TEST_CASE("a searcher sees new commits of a database being written") {
  TempFolder folder;
  const auto path = (folder.path() / "db").string();
  auto sections = arkiv::testing::standard_sections();
  arkiv::testing::write_database(path, {sections[0]});
  arkiv::Searcher searcher({path});
  CHECK(searcher.search(request("sygehus")).hits.empty());
  Xapian::WritableDatabase writer(path, Xapian::DB_OPEN);
  // Several commits discard the revision the searcher opened (DatabaseModifiedError inside).
  for (std::size_t i = 1; i < sections.size(); ++i) {
    writer.replace_document(arkiv::schema::kIdPrefix + sections[i].id, arkiv::testing::make_document(sections[i]));
    writer.commit();
  }
  CHECK(sorted_ids(searcher.search(request("sygehus"))) == std::vector<std::string>{"b-0", "c-0"});
  CHECK(searcher.document_count() == 5);
}

TEST_CASE("several databases are searched as one") {
  TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  arkiv::testing::write_database(folder.path() / "one", {sections[2]});
  arkiv::testing::write_database(folder.path() / "two", {sections[4]});
  arkiv::Searcher searcher({(folder.path() / "one").string(), (folder.path() / "two").string()});
  CHECK(sorted_ids(searcher.search(request("sygehus"))) == std::vector<std::string>{"b-0", "c-0"});
}

TEST_CASE("a database that cannot be opened is an IoError naming it") {
  try {
    arkiv::Searcher searcher({"/nonexistent/arkiv-db"});
    FAIL("opened");
  } catch (const arkiv::IoError& error) {
    CHECK(std::string(error.what()).find("/nonexistent/arkiv-db") != std::string::npos);
  }
  CHECK_THROWS_AS(arkiv::Searcher({"tcp:localhost:notaport"}), arkiv::UsageError);
  CHECK_THROWS_AS(arkiv::Searcher(std::vector<std::string>{}), arkiv::UsageError);
}

TEST_CASE_METHOD(Fixture, "a stop word beside other words does not make a section match on its own") {
  const auto with_stop_word = searcher.search(request("i sygehus"));
  CHECK(sorted_ids(with_stop_word) == sorted_ids(searcher.search(request("sygehus"))));
  CHECK(with_stop_word.hits.size() < searcher.search(request("i")).hits.size());  // alone, it matches
  CHECK(searcher.search(request("i -sygehus")).hits.size() > 0);
}

TEST_CASE("a hit's id is read from the document data, or from the id term when the data has no section number") {
  TempFolder folder;
  auto sections = arkiv::testing::standard_sections();
  sections[0].id = "first-of-a";  // not <doc_id>-<number>: only the id term knows it
  arkiv::testing::write_database(folder.path() / "db", sections);
  arkiv::Searcher searcher({(folder.path() / "db").string()});
  auto request = arkiv::testing::request("");
  request.limit = 10;
  const auto result = searcher.search(request);
  std::vector<std::string> expected;
  for (const auto& section : sections) expected.push_back(section.id);
  std::sort(expected.begin(), expected.end());
  CHECK(arkiv::testing::sorted_ids(result) == expected);
}

TEST_CASE("a phrase holding a common word is matched through pair terms and finds what positions find") {
  TempFolder folder;
  const auto sections = arkiv::testing::sample_paragraph_sections();
  arkiv::testing::write_database(folder.path() / "pairs", sections);
  arkiv::testing::write_database(folder.path() / "positions", sections);
  {
    // A database without the record of its common words: the searcher checks positions only.
    Xapian::WritableDatabase positions((folder.path() / "positions").string());
    positions.set_metadata(arkiv::schema::kPairWordsKey, "");
    positions.commit();
  }
  arkiv::Searcher with_pairs({(folder.path() / "pairs").string()});
  arkiv::Searcher by_positions({(folder.path() / "positions").string()});
  for (const std::string query : {"\"for at\"", "\"den danske\"", "\"i forhold til\"", "\"af de\" regioner",
                                  "\"det er vigtigt at\"", "sygehus \"for patienterne\"", "\"life science\""}) {
    CAPTURE(query);
    const bool common = query.find("life") == std::string::npos;
    CHECK((with_pairs.describe_query(query).find("XW") != std::string::npos) == common);
    CHECK(by_positions.describe_query(query).find("XW") == std::string::npos);
    auto faceted = request(query);
    faceted.facets = {"org", "year"};
    // Twice: the first faceted search counts through Xapian's matcher, the second over a match set.
    for (int pass = 0; pass < 2; ++pass) {
      const auto expected = by_positions.search(faceted);
      const auto found = with_pairs.search(faceted);
      CHECK(found.total > 0);
      CHECK(found.total == expected.total);
      CHECK(ids(found) == ids(expected));
      REQUIRE(found.facets.size() == expected.facets.size());
      for (std::size_t f = 0; f < found.facets.size(); ++f)
        for (std::size_t v = 0; v < found.facets[f].values.size(); ++v)
          CHECK(found.facets[f].values[v].count == expected.facets[f].values[v].count);
    }
  }
}

TEST_CASE("a word's exact matches rank above a rarer cross-language variant's") {
  TempFolder folder;
  std::vector<arkiv::testing::TestSection> sections;
  for (int i = 0; i < 12; ++i) {
    arkiv::testing::TestSection section;
    section.id = "da-" + std::to_string(i);
    section.document_id = section.id;
    section.file = section.id + ".txt";
    section.org = "Danske Regioner";
    section.date = "2017-03-01";
    section.text = i < 8 ? "Regionerne drøftede prisen på lægemidler til sygehusene og fik en orientering."
                         : "Regionerne drøftede budgettet for sygehusene og fik en orientering.";
    sections.push_back(section);
  }
  auto norwegian = sections.front();
  norwegian.id = norwegian.document_id = "nb-0";
  norwegian.lang = "nb";
  norwegian.text = "Styret drøftet prisen på legemidler til sykehusene.";
  sections.push_back(norwegian);
  arkiv::testing::write_database(folder.path() / "db", sections);
  arkiv::Searcher searcher({(folder.path() / "db").string()});
  auto query = request("lægemidler");
  query.limit = 20;
  const auto found = ids(searcher.search(query));
  // The variant still finds the Norwegian section, after every Danish one.
  REQUIRE(found.size() == 9);
  CHECK(found.back() == "nb-0");
}

TEST_CASE("a snippet's passage is looked for only in the first snippet_analysed_bytes of a section") {
  TempFolder folder;
  auto section = arkiv::testing::standard_sections().front();
  std::string filler;
  for (int i = 0; i < 80'000; ++i) filler += "ord ";
  section.text = "Indledning om budgettet. " + filler + "Mødet drøftede sygehusbyggeriet.";
  arkiv::testing::write_database(folder.path() / "db", {section});
  const auto snippet_with = [&](std::size_t analysed_bytes) {
    arkiv::SearcherOptions options;
    options.snippet_analysed_bytes = analysed_bytes;
    arkiv::Searcher searcher({(folder.path() / "db").string()}, options);
    const auto result = searcher.search(request("sygehusbyggeriet"));
    REQUIRE(result.hits.size() == 1);
    return result.hits.front().snippet;
  };
  // Beyond the limit: the section is still found, its snippet is the text's beginning.
  const auto limited = snippet_with(256 * 1024);
  CHECK(limited.starts_with("Indledning om budgettet."));
  CHECK(limited.find("sygehusbyggeriet") == std::string::npos);
  CHECK(snippet_with(1 << 20).find("sygehusbyggeriet") != std::string::npos);
}

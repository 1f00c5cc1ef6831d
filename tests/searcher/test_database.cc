#include "test_database.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>
#include <random>

#include "indexer/schema.h"
#include "stemming/analyzer.h"
#include "stemming/xapian_terms.h"

namespace arkiv::testing {
namespace {

std::string join_lines(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : "\n") + value;
  return out;
}

std::string sortable(const std::string& iso) {
  std::string out = iso.substr(0, 4);
  out += iso.size() >= 7 ? iso.substr(5, 2) : "01";
  out += iso.size() >= 10 ? iso.substr(8, 2) : "01";
  return out;
}

}  // namespace

TestSection section(std::string id, std::string document_id, std::string file, std::string title, std::string number,
                    std::string section_title, std::string org, std::string date, std::vector<std::string> topics,
                    std::vector<std::string> roles, std::string text) {
  TestSection out;
  out.id = std::move(id);
  out.document_id = std::move(document_id);
  out.file = std::move(file);
  out.title = std::move(title);
  out.number = std::move(number);
  out.section_title = std::move(section_title);
  out.org = std::move(org);
  out.date = std::move(date);
  out.topics = std::move(topics);
  out.roles = std::move(roles);
  out.text = std::move(text);
  return out;
}

std::vector<TestSection> sample_paragraph_sections() {
  const std::vector<std::string> organisations{"Sundhedsstyrelsen", "Danske Regioner", "Medicinrådet"};
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ARKIV_SOURCE_DIR) + "/corpus/samples"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<TestSection> sections;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string all = buffer.str();
    for (std::size_t start = 0; start < all.size();) {
      auto end = all.find("\n\n", start);
      if (end == std::string::npos) end = all.size();
      std::string paragraph = all.substr(start, end - start);
      start = end + 2;
      if (paragraph.size() < 20) continue;
      TestSection section;
      section.id = "p" + std::to_string(sections.size());
      section.document_id = file.stem().string();
      section.file = file.string();
      section.title = file.stem().string();
      section.org = organisations[sections.size() % organisations.size()];
      section.date = std::to_string(2015 + sections.size() % 5) + "-03-01";
      section.topics = {sections.size() % 2 ? "sygehuse" : "uddannelse"};
      section.text = std::move(paragraph);
      sections.push_back(std::move(section));
    }
  }
  return sections;
}

std::vector<TestSection> standard_sections() {
  const std::string council = "Referat af møde i Det Nationale Råd for Lægers Videreuddannelse";
  const std::string board = "Danske Regioners bestyrelsesmøde";
  std::vector<TestSection> sections{
      section("a-0", "a", "/archive/sst-2017.txt", council, "1", "Godkendelse af dagsorden", "Sundhedsstyrelsen",
              "2017-03-15", {"uddannelse"}, {"decision"},
              "Godkendelse af dagsorden. Dagsordenen blev godkendt uden bemærkninger."),
      section("a-1", "a", "/archive/sst-2017.txt", council, "2", "Udskydelse af kurser i videreuddannelsen",
              "Sundhedsstyrelsen", "2017-03-15", {"uddannelse", "arbejdsmiljo"}, {"case", "decision"},
              "Rådet drøftede udskydelse af kurser.\nDe specialespecifikke kurser i hoveduddannelsen blev udskudt "
              "på grund af manglende undervisere.\fPå side to står beslutningen: Kursusudskydelsen godkendes, og "
              "videreuddannelsen fortsætter."),
      section("b-0", "b", "/archive/regioner-2019.txt", board, "7", "Nye sygehuse", "Danske Regioner", "2019-06-02",
              {"sygehuse"}, {"recommendation"},
              "De nye sygehuse er bygget for små. Regionerne ønsker flere sengepladser på sygehusene."),
      section("b-1", "b", "/archive/regioner-2019.txt", board, "8", "Færdigbehandlingsdage og udskrivning",
              "Danske Regioner", "2019-06-02", {"sygehuse", "kommuner"}, {},
              "Antallet af færdigbehandlingsdage i regionerne steg. Kommunerne betaler for færdigbehandlede "
              "patienter."),
      section("c-0", "c", "/archive/sst-2021.txt", "Notat om almen praksis", "", "Almen praksis", "Sundhedsstyrelsen",
              "2021-11-30", {"almen_praksis"}, {},
              "Almen praksis er indgangen til sundhedsvæsenet. Lægerne i almen praksis henviser til sygehus."),
  };
  sections[1].page_starts = {{0, 3}, {sections[1].text.find('\f') + 1, 4}};
  sections[4].type = "notat";
  return sections;
}

Xapian::Document make_document(const TestSection& section) {
  static const Analyzer analyzer(AnalyzerOptions{Language::da});
  Xapian::Document document;
  document.add_boolean_term(schema::kIdPrefix + section.id);
  document.add_boolean_term(schema::kDocumentIdPrefix + section.document_id);
  static const CommonWords pair_words = CommonWords::standard();
  add_terms(analyzer.analyze(section.text), schema::kBody, document, 0, 1, pair_words);
  add_terms(analyzer.analyze(section.section_title), schema::kSectionTitle, document, 0, schema::kTitleWdf);
  add_terms(analyzer.analyze(section.title), schema::kDocumentTitle, document, 0, schema::kTitleWdf);
  document.add_boolean_term(schema::kOrganisationPrefix + normalise_text(section.org));
  for (const auto& topic : section.topics) document.add_boolean_term(schema::kTopicPrefix + topic);
  for (const auto& role : section.roles) {
    document.add_boolean_term(schema::kRolePrefix + role);
    // As if the whole section were the part of that role (the indexer adds a part's own words).
    for (const auto& token : analyzer.analyze(section.text))
      document.add_term(schema::kRoleTextPrefix + role + ':' + token.stem);
  }
  document.add_boolean_term(schema::kTypePrefix + section.type);
  document.add_boolean_term(schema::kLanguagePrefix + section.lang);
  document.add_value(schema::kSlotDate, sortable(section.date));
  document.add_value(schema::kSlotYear, section.date.substr(0, 4));
  document.add_value(schema::kSlotOrganisation, section.org);
  document.add_value(schema::kSlotType, section.type);
  document.add_value(schema::kSlotLanguage, section.lang);
  document.add_value(schema::kSlotTopics, join_lines(section.topics));
  document.add_value(schema::kSlotRoles, join_lines(section.roles));
  document.add_value(schema::kSlotDocumentId, section.document_id);
  nlohmann::json page_starts = nlohmann::json::array();
  for (const auto& [offset, page] : section.page_starts) page_starts.push_back({offset, page});
  const int first_page = section.page_starts.empty() ? 1 : section.page_starts.front().second;
  const int last_page = section.page_starts.empty() ? 1 : section.page_starts.back().second;
  nlohmann::json data{{"file", section.file},
                      {"doc_id", section.document_id},
                      {"title", section.title},
                      {"number", section.number},
                      {"section_title", section.section_title},
                      {"kind", "agenda_item"},
                      {"page_start", first_page},
                      {"page_end", last_page},
                      {"page_starts", page_starts},
                      {"org", section.org},
                      {"date", section.date},
                      {"type", section.type},
                      {"lang", section.lang},
                      {"topics", section.topics},
                      {"text", section.text}};
  // The indexer's ids are <doc_id>-<section>; a test id of another form keeps only the id term.
  const std::string id_start = section.document_id + "-";
  if (section.id.starts_with(id_start) && section.id.size() > id_start.size() &&
      section.id.find_first_not_of("0123456789", id_start.size()) == std::string::npos)
    data["section"] = std::stoi(section.id.substr(id_start.size()));
  document.set_data(data.dump());
  return document;
}

TempFolder::TempFolder() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("arkiv-searcher-test-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_database(const std::filesystem::path& path, const std::vector<TestSection>& sections) {
  static const Analyzer analyzer(AnalyzerOptions{Language::da});
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  database.set_metadata(schema::kPairWordsKey, CommonWords::standard().lines());
  for (const auto& section : sections) {
    database.replace_document(schema::kIdPrefix + section.id, make_document(section));
    for (const auto& token : analyzer.analyze(section.text))
      if (!token.is_number && token.norm.size() >= 3) database.add_spelling(token.norm);
  }
  database.commit();
}

SearchRequest request(std::string query) {
  SearchRequest out;
  out.query = std::move(query);
  return out;
}

std::vector<std::string> ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits) out.push_back(hit.id);
  return out;
}

std::vector<std::string> sorted_ids(const SearchResult& result) {
  auto out = ids(result);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace arkiv::testing

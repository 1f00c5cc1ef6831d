// Metadata and agenda-item accuracy on a generated corpus with known truth
// (shared/bench/make-corpus.py). bench/metadata_accuracy.py runs this test on 2000 documents.
#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/document.h"
#include "stemming/analyzer.h"
#include "structure_test_support.h"

namespace {

// Titles compared case-folded, letters and digits only; a lost ligature (U+FFFD in the truth,
// repaired or not by the cleaner) is ignored with the letters it may stand for.
std::string comparable_title(std::string_view title) {
  std::string text = arkiv::normalise_text(title);
  for (std::string_view lost : {"\xEF\xBF\xBD", "ff", "fi", "fl"}) {
    for (std::size_t pos = text.find(lost); pos != std::string::npos; pos = text.find(lost, pos)) text.erase(pos, lost.size());
  }
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) out += static_cast<char>(c);
  }
  return out;
}

// The truth file writes some types by their cue word.
std::string truth_type(const std::string& type) {
  if (type == "saksliste") return "dagsorden";
  if (type == "høringssvar") return "hoeringssvar";
  return type;
}

struct Figures {
  std::size_t documents = 0, org = 0, date = 0, type = 0, lang = 0, items = 0, items_found = 0, bytes = 0;
  double seconds = 0;
  double share(std::size_t n) const { return documents ? static_cast<double>(n) / static_cast<double>(documents) : 0; }
  double item_share() const { return items ? static_cast<double>(items_found) / static_cast<double>(items) : 0; }
};

Figures score_corpus(const std::filesystem::path& root) {
  Figures figures;
  std::ifstream truth_file(root / "truth.jsonl");
  REQUIRE(truth_file);
  std::string line;
  while (std::getline(truth_file, line)) {
    const nlohmann::json truth = nlohmann::json::parse(line);
    const std::filesystem::path file = root / truth["path"].get<std::string>();
    const auto start = std::chrono::steady_clock::now();
    const arkiv::Document document = arkiv::read_document(file);
    figures.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    figures.bytes += std::filesystem::file_size(file);
    ++figures.documents;
    figures.org += document.org == truth["org"];
    figures.date += document.date == truth["date"];
    figures.type += document.type == truth_type(truth["type"]);
    figures.lang += document.lang == truth["lang"];
    std::set<std::string> titles;
    for (const std::string& title : arkiv::test::section_titles(document)) titles.insert(comparable_title(title));
    for (const auto& item : truth["items"]) {
      ++figures.items;
      figures.items_found += titles.count(comparable_title(item.get<std::string>()));
    }
  }
  return figures;
}

}  // namespace

TEST_CASE("metadata and agenda items of a generated corpus are extracted accurately") {
  std::filesystem::path corpus;
  std::unique_ptr<arkiv::test::ScratchFolder> scratch;
  if (const char* given = std::getenv("ARKIV_ACCURACY_CORPUS"); given && *given) {
    corpus = given;
  } else {
    const auto generator = arkiv::test::corpus_generator();
    REQUIRE(std::filesystem::exists(generator));
    scratch = std::make_unique<arkiv::test::ScratchFolder>("accuracy");
    corpus = scratch->path() / "corpus";
    const std::string command = "python3 '" + generator.string() + "' '" + corpus.string() + "' --docs 150 --seed 5 2> /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
  }
  const Figures figures = score_corpus(corpus);
  std::cout << "accuracy on " << figures.documents << " documents (" << figures.bytes / 1e6 << " MB): organisation "
            << figures.share(figures.org) << ", date " << figures.share(figures.date) << ", type "
            << figures.share(figures.type) << ", language " << figures.share(figures.lang) << ", agenda items "
            << figures.item_share() << " (" << figures.items_found << "/" << figures.items << "); read_document "
            << figures.bytes / 1e6 / figures.seconds << " MB/s on one thread\n";
  REQUIRE(figures.documents >= 100);
  CHECK(figures.share(figures.org) >= 0.99);
  CHECK(figures.share(figures.date) >= 0.98);
  CHECK(figures.share(figures.type) >= 0.97);
  CHECK(figures.share(figures.lang) >= 0.995);
  CHECK(figures.item_share() >= 0.95);
}

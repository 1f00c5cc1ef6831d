// Language identification report: accuracy on the held-out UD treebanks (dev+test) for chunks
// of 1, 5 and 20 sentences with a confusion row per language, and throughput on the sample
// corpus. With "--paragraphs FILE CODE" it reports instead the accuracy on FILE, one text a line
// in language CODE (e.g. the held-out legal paragraphs language_profiles_train.py writes).
// Not part of ctest. Run from the project root: <build>/bench/language_id_accuracy
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "stemming/analyzer.h"

namespace {

std::vector<std::string> treebank_sentences(const std::string& folder, const std::string& prefix) {
  std::vector<std::string> sentences;
  for (const char* part : {"dev", "test"}) {
    std::ifstream in("tests/data/" + folder + "/" + prefix + "-ud-" + part + ".conllu");
    if (!in) throw std::runtime_error("run from the project root: cannot read tests/data/" + folder);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("# text = ", 0) == 0) sentences.push_back(line.substr(9));
    }
  }
  return sentences;
}

void report_accuracy() {
  struct Treebank {
    const char* folder;
    const char* prefix;
    arkiv::Language language;
  };
  const std::array<Treebank, 3> treebanks{{{"UD_Danish-DDT", "da_ddt", arkiv::Language::da},
                                           {"UD_Norwegian-Bokmaal", "no_bokmaal", arkiv::Language::nb},
                                           {"UD_Norwegian-Nynorsk", "no_nynorsk", arkiv::Language::nn}}};
  std::cout << "| treebank | sentences a chunk | chunks | correct | da | nb | nn | sv | en | confidence >= 0.9: share, "
               "correct |\n"
               "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& treebank : treebanks) {
    auto sentences = treebank_sentences(treebank.folder, treebank.prefix);
    for (std::size_t size : {1, 5, 20}) {
      std::array<std::size_t, 5> guesses{};
      std::size_t chunks = 0;
      std::size_t confident = 0;
      std::size_t confident_correct = 0;
      for (std::size_t start = 0; start + size <= sentences.size(); start += size, ++chunks) {
        std::string chunk;
        for (std::size_t i = start; i < start + size; ++i) chunk += sentences[i] + " ";
        arkiv::LanguageGuess guess = arkiv::identify_language(chunk);
        ++guesses[static_cast<std::size_t>(guess.language)];
        if (guess.confidence >= 0.9) {
          ++confident;
          confident_correct += guess.language == treebank.language;
        }
      }
      std::cout << "| " << treebank.folder << " | " << size << " | " << chunks << " | " << std::fixed
                << std::setprecision(2)
                << 100.0 * static_cast<double>(guesses[static_cast<std::size_t>(treebank.language)]) /
                       static_cast<double>(chunks)
                << "% |";
      for (std::size_t g : guesses) std::cout << " " << g << " |";
      std::cout << " " << 100.0 * static_cast<double>(confident) / static_cast<double>(chunks) << "%, "
                << (confident ? 100.0 * static_cast<double>(confident_correct) / static_cast<double>(confident) : 0.0)
                << "% |\n";
    }
  }
}

void report_throughput() {
  std::vector<std::string> documents;
  std::size_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator("corpus/samples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    documents.push_back(content.str());
  }
  arkiv::identify_language("warm-up: load the profiles");
  constexpr int kRounds = 200;
  auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < kRounds; ++round) {
    for (const auto& document : documents) {
      arkiv::identify_language(document);
      bytes += std::min(document.size(), std::size_t{20000});
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "\nthroughput: " << kRounds * documents.size() << " calls on the " << documents.size()
            << " sample documents (each read up to 20,000 bytes): " << std::setprecision(3)
            << 1000.0 * seconds / static_cast<double>(kRounds * documents.size()) << " ms a call, "
            << static_cast<double>(bytes) / seconds / 1e6
            << " MB/s of document prefixes (reading stops early once one language leads clearly)\n";
}

void report_paragraphs(const std::string& path, arkiv::Language expected) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::array<std::size_t, 5> guesses{};
  std::size_t total = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    ++guesses[static_cast<std::size_t>(arkiv::identify_language(line).language)];
    ++total;
  }
  std::cout << path << ": " << guesses[static_cast<std::size_t>(expected)] << "/" << total << " correct as "
            << arkiv::language_code(expected) << " (guesses:";
  for (std::size_t l = 0; l < guesses.size(); ++l) {
    std::cout << " " << arkiv::language_code(static_cast<arkiv::Language>(l)) << "=" << guesses[l];
  }
  std::cout << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 4 && std::string(argv[1]) == "--paragraphs") {
      report_paragraphs(argv[2], arkiv::parse_language(argv[3]));
      return 0;
    }
    report_accuracy();
    report_throughput();
  } catch (const std::exception& error) {
    std::cerr << "language_id_accuracy: " << error.what() << "\n";
    return 1;
  }
}

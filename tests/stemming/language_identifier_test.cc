// Language identification (arkiv::identify_language). The UD treebanks' dev and test files are
// the held-out evaluation set: the profiles are trained on other text (language_profiles.SOURCE.md).
#include "stemming/src/language_identifier.h"

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

using arkiv::Language;

std::string code(Language language) { return std::string(arkiv::language_code(language)); }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The "# text = ..." sentences of the dev and test files of one UD treebank, in file order.
std::vector<std::string> treebank_sentences(const std::string& folder, const std::string& prefix) {
  std::vector<std::string> sentences;
  for (const char* part : {"dev", "test"}) {
    std::ifstream in(std::filesystem::path(ARKIV_SOURCE_DIR) / "tests/data" / folder /
                     (prefix + "-ud-" + part + ".conllu"));
    REQUIRE(in);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("# text = ", 0) == 0) sentences.push_back(line.substr(9));
    }
  }
  return sentences;
}

struct Accuracy {
  std::size_t correct = 0;
  std::size_t total = 0;
  std::map<std::string, std::size_t> guesses;
  double rate() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0; }
};

Accuracy measure(const std::vector<std::string>& texts, Language expected) {
  Accuracy accuracy;
  for (const auto& text : texts) {
    Language guess = arkiv::identify_language(text).language;
    accuracy.correct += guess == expected;
    ++accuracy.total;
    ++accuracy.guesses[code(guess)];
  }
  return accuracy;
}

std::string describe(const Accuracy& accuracy) {
  std::ostringstream out;
  out << accuracy.correct << "/" << accuracy.total << " = " << 100.0 * accuracy.rate() << "% (guesses:";
  for (const auto& [language, count] : accuracy.guesses) out << " " << language << "=" << count;
  out << ")";
  return out.str();
}

// Consecutive, non-overlapping chunks of `size` sentences, joined with spaces; a shorter tail is dropped.
std::vector<std::string> chunks(const std::vector<std::string>& sentences, std::size_t size) {
  std::vector<std::string> result;
  for (std::size_t start = 0; start + size <= sentences.size(); start += size) {
    std::string chunk;
    for (std::size_t i = start; i < start + size; ++i) chunk += sentences[i] + " ";
    result.push_back(chunk);
  }
  return result;
}

struct Treebank {
  const char* folder;
  const char* prefix;
  Language language;
};
constexpr std::array<Treebank, 3> kTreebanks{{{"UD_Danish-DDT", "da_ddt", Language::da},
                                              {"UD_Norwegian-Bokmaal", "no_bokmaal", Language::nb},
                                              {"UD_Norwegian-Nynorsk", "no_nynorsk", Language::nn}}};

}  // namespace

TEST_CASE("chunks of 20 treebank sentences are identified at least 99% correctly for da, nb and nn") {
  for (const auto& treebank : kTreebanks) {
    auto sentences = treebank_sentences(treebank.folder, treebank.prefix);
    Accuracy chunk_accuracy = measure(chunks(sentences, 20), treebank.language);
    Accuracy sentence_accuracy = measure(sentences, treebank.language);
    std::cout << "language identification, " << treebank.folder << " dev+test: 20-sentence chunks "
              << describe(chunk_accuracy) << "; single sentences " << describe(sentence_accuracy) << "\n";
    CAPTURE(treebank.folder, describe(chunk_accuracy));
    CHECK(chunk_accuracy.total >= 50);
    CHECK(chunk_accuracy.rate() >= 0.99);
  }
}

TEST_CASE("hand-written health-governance sentences are identified in all five languages") {
  // Written for this test (not from any training source); one real sentence a row.
  auto [text, expected] = GENERATE(table<std::string, Language>({
      {"Sygehusene skal nedbringe ventetiden for patienter med kræft, og regionerne har fået flere penge til det.",
       Language::da},
      {"Lægerne mener ikke, at der er nok sygeplejersker på afdelingen om natten.", Language::da},
      {"Sykehusene må redusere ventetiden for pasienter med kreft, og regjeringen har bevilget mer penger.",
       Language::nb},
      {"Legene mener at det ikke er nok sykepleiere på avdelingen om natten.", Language::nb},
      {"Sjukehusa må korte ned ventetida for pasientar med kreft, og regjeringa har løyvd meir pengar.", Language::nn},
      {"Legane meiner at det ikkje er nok sjukepleiarar på avdelinga om natta.", Language::nn},
      {"Sjukhusen måste korta väntetiderna för patienter med cancer, och regeringen har skjutit till mer pengar.",
       Language::sv},
      {"Läkarna anser att det inte finns tillräckligt många sjuksköterskor på avdelningen på natten.", Language::sv},
      {"Hospitals must reduce waiting times for patients with cancer, and the government has provided more money.",
       Language::en},
      {"The doctors say that there are not enough nurses on the ward at night.", Language::en},
      {"Regionen har ansvaret for sygehusvæsenet, mens kommunerne står for hjemmeplejen.", Language::da},
      {"Helseforetakene har ansvaret for spesialisthelsetjenesten, mens kommunene har ansvaret for fastlegene.",
       Language::nb},
      {"Helseføretaka har ansvaret for spesialisthelsetenesta, medan kommunane har ansvaret for fastlegane.",
       Language::nn},
      {"Regionerna ansvarar för sjukvården, medan kommunerna har hand om äldreomsorgen.", Language::sv},
      {"Vi vet inte hur många som väntar på en operation i dag.", Language::sv},
      {"The regions are responsible for hospitals, while the municipalities look after care for the elderly.",
       Language::en},
      {"We do not know how many people are waiting for an operation today.", Language::en},
  }));
  CAPTURE(text);
  CHECK(code(arkiv::identify_language(text).language) == code(expected));
}

TEST_CASE("the sample documents are identified as Danish or bokmål") {
  auto [file, expected] = GENERATE(table<std::string, Language>({
      {"000_4bee182d6141fea1.txt", Language::da},
      {"001_9d7722366f9033a9.txt", Language::da},
      {"002_17672f166347968f.txt", Language::da},
      {"003_feb9619db86cad0d.txt", Language::nb},
      {"004_fe2e7b098ecff674.txt", Language::da},
  }));
  auto guess = arkiv::identify_language(read_file(std::filesystem::path(ARKIV_SOURCE_DIR) / "corpus/samples" / file));
  CAPTURE(file, guess.confidence);
  CHECK(code(guess.language) == code(expected));
  CHECK(guess.confidence > 0.9);
}

TEST_CASE("a real English document, the Snowball licence, is identified as English") {
  auto guess =
      arkiv::identify_language(read_file(std::filesystem::path(ARKIV_SOURCE_DIR) / "tests/data/snowball/COPYING"));
  CHECK(code(guess.language) == "en");
  CHECK(guess.confidence > 0.9);
}

TEST_CASE("text without letters gets zero confidence, and a single word less than a paragraph") {
  CHECK(arkiv::identify_language("").confidence == 0);
  CHECK(arkiv::identify_language("12.345 -- 2017/18 §§ ...").confidence == 0);
  auto word = arkiv::identify_language("patient");
  auto paragraph = arkiv::identify_language(
      "Patienten blev indlagt på sygehuset i går, og lægerne har endnu ikke fundet ud af, hvad han fejler.");
  CHECK(word.confidence < paragraph.confidence);
  CHECK(paragraph.confidence > 0.9);
}

TEST_CASE("invalid UTF-8 and text longer than the read prefix are identified without error") {
  std::string broken = "Legane meiner at det ikkje er nok sjukepleiarar \xff\xfe på avdelinga \xc3 om natta.";
  CHECK(code(arkiv::identify_language(broken).language) == "nn");
  std::string long_text;
  while (long_text.size() < 3 * arkiv::kIdentificationPrefixBytes)
    long_text += "Dei seier at ho ikkje kjem heim i kveld. ";
  CHECK(code(arkiv::identify_language(long_text).language) == "nn");
}

TEST_CASE("identification gives the same answers from several threads at once") {
  const std::vector<std::string> texts{"Eg veit ikkje kva ho meiner.", "Jeg ved ikke, hvad hun mener.",
                                       "Jeg vet ikke hva hun mener.", "Jag vet inte vad hon menar.",
                                       "I do not know what she means."};
  std::vector<std::string> expected;
  for (const auto& text : texts) expected.push_back(code(arkiv::identify_language(text).language));
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        for (const auto& text : texts) result.push_back(code(arkiv::identify_language(text).language));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) {
    for (std::size_t i = 0; i < result.size(); ++i) CHECK(result[i] == expected[i % texts.size()]);
  }
  CHECK(expected == std::vector<std::string>{"nn", "da", "nb", "sv", "en"});
}

TEST_CASE("a malformed profile file is a DataError naming the file and line") {
  const std::string header = "kind\tfeature\tvocabulary\tda\tnb\tnn\tsv\ten\n";
  auto [content, line_marker] = GENERATE_COPY(table<std::string, std::string>({
      {"kind\tfeature\n", ":1:"},
      {header + "total\tw\t10\t1\t1\t1\t1\t1\nw\tog\t\t1\t2\n", ":3:"},
      {header + "total\tw\t10\t1\t1\t1\t1\t1\nw\tog\t\t1\t2\tx\t4\t5\n", ":3:"},
      {header + "w\tog\t\t1\t2\t3\t4\t5\n", ":2:"},
      {header + "total\tw\t10\t1\t1\t1\t1\t1\nq\tog\t\t1\t2\t3\t4\t5\n", ":3:"},
  }));
  auto path = std::filesystem::temp_directory_path() / "arkiv_language_profiles_bad.tsv";
  std::ofstream(path) << content;
  CAPTURE(content);
  auto lexicon = arkiv::data_file("stemming/data/language_profiles_lexicon.tsv");
  CHECK_THROWS_AS(arkiv::LanguageProfiles::load(path, lexicon), arkiv::DataError);
  CHECK_THROWS_WITH(arkiv::LanguageProfiles::load(path, lexicon),
                    Catch::Matchers::Contains(path.string() + line_marker));
  std::filesystem::remove(path);
}

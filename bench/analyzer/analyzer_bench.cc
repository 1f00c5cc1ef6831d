// arkiv_analyzer_bench FOLDER [--lang da] [--runs 3]
// arkiv_analyzer_bench FOLDER --dump OUT [--lang da] [--variants on|off] [--sample N]
//
// Reads every *.txt under FOLDER into memory, then times (CPU time of the one thread), (1) a bare ICU word
// BreakIterator loop over UTF-8 UText, (2) the same over UTF-16 (UnicodeString::fromUTF8 first),
// and (3) the full arkiv Analyzer with decompounding, folding, variants and suspended compounds
// on (and three reduced configurations, one of them the indexer's: variants off). Prints the median MB/s of each, the
// ratio analyzer / bare UTF-8 loop, and peak RSS.
//
// --dump writes every field of every token (one token a line, of every Nth file with --sample)
// instead of timing, to check that a faster Analyzer gives the same tokens: diff the dumps of two
// builds. It also checks that the streaming and the vector overloads agree.
#include <sys/resource.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "stemming/analyzer.h"

namespace {

struct Corpus {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
};

Corpus read_corpus(const std::filesystem::path& folder) {
  Corpus corpus;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    corpus.bytes += content.str().size();
    corpus.texts.push_back(std::move(content).str());
  }
  return corpus;
}

std::unique_ptr<icu::BreakIterator> word_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  return iterator;
}

std::size_t count_words(icu::BreakIterator& iterator) {
  std::size_t words = 0;
  for (int32_t boundary = iterator.next(); boundary != icu::BreakIterator::DONE; boundary = iterator.next()) {
    if (iterator.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++words;
  }
  return words;
}

std::size_t bare_icu_utf8(const Corpus& corpus) {
  auto iterator = word_iterator();
  UText text = UTEXT_INITIALIZER;
  std::size_t words = 0;
  for (const std::string& document : corpus.texts) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, document.data(), static_cast<int64_t>(document.size()), &status);
    iterator->setText(&text, status);
    words += count_words(*iterator);
  }
  utext_close(&text);
  return words;
}

std::size_t bare_icu_utf16(const Corpus& corpus) {
  auto iterator = word_iterator();
  std::size_t words = 0;
  for (const std::string& document : corpus.texts) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(document);
    iterator->setText(text);
    words += count_words(*iterator);
  }
  return words;
}

std::size_t run_analyzer(const Corpus& corpus, const arkiv::AnalyzerOptions& options) {
  const arkiv::Analyzer analyzer(options);
  std::size_t tokens = 0;
  for (const std::string& document : corpus.texts) {
    analyzer.analyze(document, [&tokens](arkiv::Token&&) { ++tokens; });
  }
  return tokens;
}

void write_list(std::ostream& out, const std::vector<std::string>& list) {
  out << '\t';
  for (std::size_t i = 0; i < list.size(); ++i) out << (i ? "|" : "") << list[i];
}

void write_token(std::ostream& out, const arkiv::Token& token) {
  out << token.text << '\t' << token.start << '\t' << token.end << '\t' << token.position << '\t' << token.is_number
      << '\t' << token.norm << '\t' << token.stem;
  for (const auto* list : {&token.parts, &token.part_stems, &token.folded, &token.folded_stems, &token.variants,
                           &token.variant_stems, &token.expansions, &token.expansion_stems}) {
    write_list(out, *list);
  }
  out << '\n';
}

// Tokens of every sample-th file to out, from the streaming overload (which keeps storage
// between tokens, as in the timing runs); throws if the vector overload disagrees.
void dump_tokens(const Corpus& corpus, const arkiv::AnalyzerOptions& options, std::size_t sample, std::ostream& out) {
  const arkiv::Analyzer analyzer(options);
  std::ostringstream streamed;
  std::ostringstream collected;
  for (std::size_t i = 0; i < corpus.texts.size(); i += sample) {
    streamed.str({});
    collected.str({});
    analyzer.analyze(corpus.texts[i], [&streamed](arkiv::Token&& token) { write_token(streamed, token); });
    for (const arkiv::Token& token : analyzer.analyze(corpus.texts[i])) write_token(collected, token);
    if (streamed.str() != collected.str()) {
      throw std::runtime_error("streaming and vector overloads disagree on file " + std::to_string(i));
    }
    out << "# file " << i << '\n' << streamed.str();
  }
}

// CPU seconds of this thread: the figure is per core even when other processes share the machine.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Median MB/s (per CPU second) over runs; also reports the count the step produced, as a check.
double median_mb_per_s(const std::string& name, const Corpus& corpus, int runs,
                       const std::function<std::size_t()>& step) {
  std::vector<double> speeds;
  std::size_t count = 0;
  for (int run = 0; run < runs; ++run) {
    const double begin = thread_cpu_seconds();
    count = step();
    speeds.push_back(static_cast<double>(corpus.bytes) / 1e6 / (thread_cpu_seconds() - begin));
  }
  std::sort(speeds.begin(), speeds.end());
  const double median = speeds[speeds.size() / 2];
  std::cout << name << ": " << median << " MB/s median of " << runs << " (min " << speeds.front() << ", max "
            << speeds.back() << "), " << count << " words\n";
  return median;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: arkiv_analyzer_bench FOLDER [--lang da] [--runs 3]\n";
    return 2;
  }
  try {
    arkiv::Language language = arkiv::Language::da;
    int runs = 3;
    std::string dump_path;
    bool variants = true;
    std::size_t sample = 1;
    for (int i = 2; i + 1 < argc; i += 2) {
      const std::string option = argv[i];
      if (option == "--lang") {
        language = arkiv::parse_language(argv[i + 1]);
      } else if (option == "--runs") {
        runs = std::max(1, std::stoi(argv[i + 1]));
      } else if (option == "--dump") {
        dump_path = argv[i + 1];
      } else if (option == "--variants") {
        variants = std::string(argv[i + 1]) != "off";
      } else if (option == "--sample") {
        sample = static_cast<std::size_t>(std::max(1, std::stoi(argv[i + 1])));
      } else {
        throw arkiv::UsageError("unknown option " + option);
      }
    }
    const Corpus corpus = read_corpus(argv[1]);
    if (!dump_path.empty()) {
      std::ofstream out(dump_path, std::ios::binary);
      if (!out) throw std::runtime_error("cannot write " + dump_path);
      dump_tokens(corpus, {.language = language, .variants = variants}, sample, out);
      return 0;
    }
    std::cout << "corpus: " << corpus.texts.size() << " files, " << corpus.bytes / 1e6 << " MB\n";
    const double utf8 =
        median_mb_per_s("bare ICU word break, UTF-8 UText", corpus, runs, [&] { return bare_icu_utf8(corpus); });
    median_mb_per_s("bare ICU word break, UTF-16", corpus, runs, [&] { return bare_icu_utf16(corpus); });
    // Lexicons and tables load once per process; load them before timing.
    arkiv::Analyzer({.language = language}).analyze("Sundheds- og Ældreministeriet");
    const arkiv::AnalyzerOptions bare_options{
        .language = language, .decompound = false, .fold = false, .variants = false, .suspended_compounds = false};
    median_mb_per_s("Analyzer: normalise + stem only", corpus, runs,
                    [&] { return run_analyzer(corpus, bare_options); });
    auto with_decompounding = bare_options;
    with_decompounding.decompound = true;
    median_mb_per_s("Analyzer: + decompounding", corpus, runs,
                    [&] { return run_analyzer(corpus, with_decompounding); });
    median_mb_per_s("Analyzer as the indexer runs it (all but variants)", corpus, runs,
                    [&] { return run_analyzer(corpus, {.language = language, .variants = false}); });
    const double full = median_mb_per_s("full Analyzer (decompounding, folding, variants, suspended compounds)", corpus,
                                        runs, [&] { return run_analyzer(corpus, {.language = language}); });
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::cout << "ratio full / bare UTF-8: " << full / utf8 << "\n";
    std::cout << "peak RSS: " << usage.ru_maxrss / 1024 << " MB (corpus held in memory: " << corpus.bytes / (1 << 20)
              << " MB)\n";
  } catch (const std::exception& error) {
    std::cerr << "arkiv_analyzer_bench: " << error.what() << "\n";
    return 1;
  }
  return 0;
}

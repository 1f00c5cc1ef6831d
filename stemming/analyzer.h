#pragma once
// The arkiv Analyzer: text -> tokens, used identically at index time and query time.
//
// Pipeline for each input (details and rules in docs/analysis.md):
//   1. repair invalid UTF-8 (U+FFFD), NFC, case folding, odd spaces and soft hyphens;
//   2. ICU word segmentation, with byte offsets into the original input;
//   3. Snowball stemming (danish; norwegian for nb and nn; swedish; english);
//   4. Scandinavian folding (æ->ae, ø->oe, å->aa, ä->ae, ö->oe ...), asymmetric at query time;
//   5. decompounding of Danish/Norwegian compounds into known parts;
//   6. suspended compounds ("Sundheds- og Ældreministeriet" -> "sundhedsministeriet");
//   7. Danish <-> Norwegian (bokmål, nynorsk) equivalents from stemming/data.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/error.h"

namespace arkiv {

enum class Language : std::uint8_t { da, nb, nn, sv, en };

// "da", "nb", "nn", "sv", "en".
std::string_view language_code(Language language);

// Accepts "da", "nb", "nn", "sv", "en" and "no" (= nb), any case. Throws UsageError naming the code.
Language parse_language(std::string_view code);

// One word or number of the input.
struct Token {
  std::string text;                   // as written in the input (invalid bytes repaired to U+FFFD)
  std::size_t start = 0;              // byte offset of the token in the input
  std::size_t end = 0;                // byte offset one past the token
  std::uint32_t position = 0;         // word position, 1-based; derived terms share it
  bool is_number = false;             // ICU rule status NUMBER (e.g. "2017", "1.000", "COVID-19"'s "19")
  std::string norm;                   // NFC, case-folded, soft hyphens removed
  std::string stem;                   // Snowball stem of norm (norm itself for numbers)
  std::vector<std::string> parts;     // compound parts as normalised words; empty if not split
  std::vector<std::string> folded;    // Scandinavian-folded forms of norm that differ from it
  std::vector<std::string> variants;  // cross-language equivalents (normalised words), other languages
  std::vector<std::string> expansions;  // completed suspended compounds ("sundhedsministeriet")
  // Stems the Xapian bridge turns into terms (docs/analysis.md, "Term spaces"); each list is
  // deduplicated. Parts and variants are stemmed with the stemmer of their own language.
  std::vector<std::string> part_stems;       // stems of parts, and of the expansions' parts
  std::vector<std::string> folded_stems;     // fold(stem(norm)) and stem(fold(norm)); empty if folded is
  std::vector<std::string> variant_stems;    // stems of variants
  std::vector<std::string> expansion_stems;  // stems of expansions
};

struct AnalyzerOptions {
  Language language = Language::da;  // stemmer and lexicon for the text
  bool decompound = true;            // fill Token::parts
  bool fold = true;                  // fill Token::folded
  bool variants = true;              // fill Token::variants
  bool suspended_compounds = true;   // fill Token::expansions
};

// Not thread-safe: it owns ICU and Snowball state. Use one Analyzer per thread; the shared
// read-only data (lexicons, equivalence tables) is loaded once per process and shared.
class Analyzer {
 public:
  explicit Analyzer(AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Never throws on content: invalid UTF-8, NUL bytes and huge inputs are analysed.
  std::vector<Token> analyze(std::string_view text) const;

  // The same tokens, handed to sink one at a time in order, so huge inputs need no token vector.
  void analyze(std::string_view text, const std::function<void(Token&&)>& sink) const;

  // Snowball stem of one already-normalised word in this analyzer's language.
  std::string stem(std::string_view normalised_word) const;

  const AnalyzerOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Normalisation of step 1 alone (repair, NFC, case fold, spaces, soft hyphens).
std::string normalise_text(std::string_view text);

// Scandinavian folding of one normalised word: "ældre" -> "aeldre", "århus" -> "aarhus".
std::string fold_scandinavian(std::string_view normalised_word);

// --- Language identification ---------------------------------------------------------------
struct LanguageGuess {
  Language language = Language::da;
  double confidence = 0;  // 0..1; low for short or mixed text
};

// Identifies da, nb, nn, sv or en. Thread-safe.
LanguageGuess identify_language(std::string_view text);

// --- Lexicon (Debian word lists + known compounds), for de-hyphenation and ligature repair ---
// True when the normalised word is in the lexicon for the language, either directly, via its
// Snowball stem, or as a compound of known parts. Thread-safe.
bool is_known_word(std::string_view normalised_word, Language language);

// --- Inspection (arkiv-search --analyze) -----------------------------------------------------
// The JSON document of docs/analysis.md:
// {"lang", "tokens": [{"text","start","end","norm","stem","parts","folded","variants"}]}.
std::string analysis_report_json(std::string_view text, const std::vector<Token>& tokens, Language language);
// A readable table, one token a line.
std::string analysis_report_text(std::string_view text, const std::vector<Token>& tokens, Language language);

}  // namespace arkiv

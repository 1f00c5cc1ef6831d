#pragma once
// The passage picker: the window of a section's text holding the most distinct query words,
// with every matching word highlighted — exact stems, compound parts, cross-language variants
// and folded spellings alike, since the text is analysed by the same Analyzer as the query.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv {

struct Snippet {
  std::string text;         // whitespace collapsed, markers around matches, "…" where cut
  std::size_t offset = 0;   // byte offset of the passage's first highlighted word (of the passage when none)
  bool matched = false;     // false when no query word occurs (the text's beginning is shown)
};

class SnippetMaker {
 public:
  SnippetMaker(const std::vector<Token>& query_tokens, std::vector<std::string> wildcard_prefixes);

  // text_tokens must be the Analyzer's tokens of text.
  Snippet make(std::string_view text, const std::vector<Token>& text_tokens, std::size_t bytes,
               const std::string& begin_marker, const std::string& end_marker) const;

 private:
  struct Match {
    std::size_t word;  // which query word
    double weight;     // 1 for the word itself (stem, folded, variant), less for a compound part
  };
  bool match(const Token& token, Match& found) const;

  std::unordered_map<std::string, std::size_t> direct_;  // stems and spellings of query words
  std::unordered_map<std::string, std::size_t> parts_;   // stems of query words' compound parts
  std::vector<std::string> wildcard_prefixes_;
  std::size_t words_ = 0;
};

}  // namespace arkiv

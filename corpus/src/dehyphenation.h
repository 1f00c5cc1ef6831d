#pragma once
// Line-end hyphenation: "Sundhedsmi-" + "nisteriet" -> "Sundhedsministeriet", while real
// hyphens stay ("COVID-19", "Dinsen-Andersen", "one-size-fits-all", "Sundheds- og"). Internal.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/src/cleaner.h"

namespace arkiv {

enum class HyphenDecision {
  join,         // a word broken across lines: drop the hyphen
  keep_hyphen,  // a hyphenated word broken at its hyphen: keep it, no space
  keep_break,   // a suspended compound ("Sundheds- og"): leave the lines as they are
};

// Immutable after construction; as thread-safe as its WordCheck.
class Dehyphenator {
 public:
  // vocabulary: the document's own words (with candidates from add_candidates counted);
  // is_known: the lexicon of the document's language.
  Dehyphenator(const DocumentVocabulary& vocabulary, WordCheck is_known);

  // head: the text before the line-end hyphen, back to the previous space ("Sundhedsmi",
  // "one-size-fits"); tail: the first word of the next non-empty line ("nisteriet").
  HyphenDecision decide(std::string_view head, std::string_view tail) const;

  // Whether the word the break makes when joined occurs in the document or the lexicon knows it.
  bool knows_join(std::string_view head, std::string_view tail) const;

  // The words decide() will ask the vocabulary about for this break.
  static void add_candidates(std::string_view head, std::string_view tail, DocumentVocabulary& vocabulary);

 private:
  const DocumentVocabulary& vocabulary_;
  WordCheck is_known_;
};

// A line-end hyphen found in lines: the word before it and the first word after it.
struct LineBreakHyphen {
  std::size_t line = 0;        // index of the line ending in '-'
  std::size_t next_line = 0;   // index of the next non-empty line
  std::string_view head;       // into lines[line].text
  std::string_view chunk;      // the next line's text up to its first space ("nisteriet,")
  std::string_view tail;       // the letters and digits at the start of chunk ("nisteriet")
  bool across_number = false;  // a line holding only a number (folio, figure) lies in between
};

// All line-end hyphens in lines, in order.
std::vector<LineBreakHyphen> find_line_break_hyphens(const std::vector<TextLine>& lines);

// Joins lines in place as the dehyphenator decides: the first word of the next line moves up
// to the end of the hyphenated line (so line structure survives); a line left empty is removed.
// The vocabulary behind dehyphenator must have counted the candidates of find_line_break_hyphens.
void dehyphenate(std::vector<TextLine>& lines, const Dehyphenator& dehyphenator);

}  // namespace arkiv

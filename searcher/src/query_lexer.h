#pragma once
// First stage of the query parser: the query string -> lexemes (words, phrases, operators,
// parentheses, field prefixes, date ranges), with Nordic date phrases ("fra 2019 til 2021",
// "før marts 2018", "i 2017") already turned into date ranges.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/src/query_parser.h"

namespace arkiv::query {

enum class LexKind { word, phrase, open, close, op_and, op_or, op_not, op_near, date_range };

struct Lexeme {
  LexKind kind = LexKind::word;
  std::string text;      // word or phrase text (without field prefix, quotes or '*')
  std::string field;     // field named by a known prefix ("org", "title", "role_decision" ...)
  std::size_t offset = 0;
  char modifier = 0;     // '+' required, '-' excluded
  bool wildcard = false; // word ended in '*'
  unsigned window = 10;  // NEAR/n
  std::string from, to;  // date_range bounds "YYYYMMDD"
};

inline Lexeme make_lexeme(LexKind kind, std::string text, std::size_t offset) {
  Lexeme lexeme;
  lexeme.kind = kind;
  lexeme.text = std::move(text);
  lexeme.offset = offset;
  return lexeme;
}

// Throws QueryError for an impossible date; warnings collect what was cut or ignored.
std::vector<Lexeme> lex_query(std::string_view query, const ParserLimits& limits, std::vector<std::string>& warnings);

}  // namespace arkiv::query

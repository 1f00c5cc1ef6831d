#pragma once
// Query string -> ParsedQuery (grammar in docs/query-language.md). Throws QueryError with the
// offending fragment and offset for input that has no sensible reading (a dangling operator,
// an unmatched parenthesis, an impossible date); everything else is read leniently.
#include <cstddef>
#include <string_view>

#include "searcher/src/query_ast.h"

namespace arkiv::query {

// Groups nested deeper than this are a QueryError (the parser recurses once per group).
inline constexpr std::size_t kMaxNesting = 64;

struct ParserLimits {
  std::size_t max_bytes = 8192;  // the rest of a longer query is ignored, with a warning
  std::size_t max_words = 64;    // words and phrases beyond this are ignored, with a warning
};

ParsedQuery parse_query(std::string_view query, const ParserLimits& limits = {});

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> the first (or, with end = true, the last) day of the period
// as "YYYYMMDD". Throws QueryError naming the text for anything else or an impossible date.
std::string date_bound(std::string_view text, bool end, std::size_t offset = std::string_view::npos);

}  // namespace arkiv::query

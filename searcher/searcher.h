#pragma once
// The arkiv searcher: a query string and filters -> ranked sections with snippets and facets,
// over one or more databases written by arkiv-index (schema in indexer/schema.h).
// Query syntax: docs/query-language.md. JSON of the CLI: docs/json.md.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stemming/analyzer.h"
#include "stemming/error.h"

namespace arkiv {

// A malformed query or request. fragment() is the offending text and offset() its byte offset
// in the query string (std::string::npos when the error is about a request field, not the text).
class QueryError : public UsageError {
 public:
  QueryError(const std::string& message, std::string fragment, std::size_t offset);
  const std::string& fragment() const { return fragment_; }
  std::size_t offset() const { return offset_; }

 private:
  std::string fragment_;
  std::size_t offset_;
};

// Default upper bounds of a request (SearcherOptions::max_limit, max_offset_plus_limit); larger
// requests get a QueryError.
inline constexpr std::size_t kMaxLimit = 10'000;
inline constexpr std::size_t kMaxOffsetPlusLimit = 100'000;

struct SearcherOptions {
  Language query_language = Language::da;  // analysis of query words (da finds nb/nn via variants)
  double time_limit_seconds = 2.0;         // Enquire::set_time_limit; 0 = none
  unsigned wildcard_limit = 100;           // most frequent terms a prefix* expands to
  std::size_t max_query_bytes = 8192;      // longer queries are cut (with a warning)
  std::size_t max_query_words = 64;        // words beyond this are ignored (with a warning)
  // With one local database and facets asked for, the matches are found from the posting lists
  // (the total is then exact) unless the query's terms have more postings than this in all; then,
  // and for remote or several databases, Xapian's matcher counts. Facets count every match up to
  // exact_facet_matches and a scaled sample beyond (marked estimates).
  std::size_t facet_posting_limit = 20'000'000;
  std::size_t exact_facet_matches = 100'000;
  // Did-you-mean is looked up only when a query matches fewer sections than this: Xapian's
  // spelling search costs 3-60 ms a word on a large index, and a query with many hits found
  // what it was after.
  std::size_t suggest_below_matches = 20;
  // A snippet's passage is looked for in this many bytes from the start of a section's text (as
  // Lucene's highlighter, hl.maxAnalyzedChars): a section of a file without any structure can be
  // tens of MB, and analysing all of it for every search that ranks it took seconds.
  std::size_t snippet_analysed_bytes = 256 * 1024;
  std::size_t max_limit = kMaxLimit;                       // hits one request may ask for
  std::size_t max_offset_plus_limit = kMaxOffsetPlusLimit;  // the result window: how deep paging may go
  // BM25 parameters and field boosts, tuned on the development relevance set (eval/).
  double bm25_k1 = 1.2;
  double bm25_b = 0.6;  // below the usual 0.75: sections run from 40 to 37,000 words
  double bm25_min_normlen = 0.5;
  double document_title_boost = 0.3;  // weight of a match in the document title
  // Section-title words always count as body words with the body's statistics (a title word
  // weighs schema::kTitleWdf occurrences). This adds that share of a title-only match on top,
  // scored with title-only statistics, in which every title word looks rare; 0 = none (tuned).
  double section_title_boost = 0.0;
  double phrase_bonus = 0.5;  // extra weight when all query words of a run appear adjacent
  // Weights of derived matches relative to the word itself (exact > part > variant > folded).
  double part_weight = 0.65;    // the word as a compound part, or a typed compound by its parts
  double variant_weight = 0.6;  // Danish <-> Norwegian variant
  double folded_weight = 0.55;  // æ/ø/å typed as ae/oe/aa, or the reverse
};

enum class SortOrder { relevance, date_newest, date_oldest };

struct SearchRequest {
  std::string query;  // may be empty when filters alone select (then all documents match)
  // Filters: values within one field are ORed, fields are ANDed.
  std::vector<std::string> organisations;  // canonical names or aliases ("SST")
  std::vector<std::string> topics;         // topic ids or names
  std::vector<std::string> types;          // "referat", "rapport" ...
  std::vector<std::string> languages;      // "da", "nb", "nn", "sv", "en", "no"
  std::vector<std::string> roles;          // "decision", "recommendation" (or beslutning, vedtak ...)
  std::string date_from;                   // "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive; "" = open
  std::string date_to;
  // Facets to count: any of "org", "year", "topic", "type", "lang", "role".
  std::vector<std::string> facets;
  SortOrder sort = SortOrder::relevance;
  std::size_t offset = 0;
  std::size_t limit = 10;
  bool group_by_document = false;   // at most one section per document; Hit::collapsed counts the rest
  std::size_t snippet_bytes = 240;  // approximate snippet length; 0 = no snippet
  std::string highlight_begin = "<mark>";  // markers around highlighted words (text is not escaped)
  std::string highlight_end = "</mark>";
  bool with_text = false;  // fill Hit::text with the whole section text
};

struct Hit {
  std::string id;  // section id (without the schema prefix), for Searcher::show()
  double score = 0;
  std::string file;
  std::string title;  // document title
  std::string section_number;
  std::string section_title;
  std::string section_kind;
  int page_start = 0;
  int page_end = 0;
  std::string org;
  std::string date;
  std::string type;
  std::string lang;
  std::vector<std::string> topics;
  std::string snippet;
  int snippet_page = 0;  // page on which the snippet's passage begins (0 = unknown)
  std::string text;      // only with SearchRequest::with_text (always for show())
  std::size_t collapsed = 0;  // with grouping: further matching sections of the same document
};

struct FacetValue {
  std::string value;
  std::size_t count = 0;
};

struct Facet {
  std::string name;  // "org", "year" ...
  std::vector<FacetValue> values;  // by count, descending
  bool exact = true;  // false when more sections matched than SearcherOptions::exact_facet_matches
                      // (or the time limit struck): the counts then cover only the matches seen
};

struct SearchResult {
  std::size_t total = 0;  // estimated number of matching sections (documents when grouped)
  std::size_t total_lower_bound = 0;
  std::size_t total_upper_bound = 0;
  bool total_exact = false;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  std::string corrected_query;  // did-you-mean when few hits; "" when nothing to suggest
  std::string parsed_query;     // Xapian::Query::get_description() of the query run
  std::vector<std::string> warnings;  // parts of the query that were ignored, and why
};

// Opens databases and answers requests. A database spec is a folder, a stub file (lines such as
// `remote HOST:PORT` or `auto PATH`) or "tcp:HOST:PORT" for xapian-tcpsrv. Remote databases give
// no spelling suggestions. Each search first picks up new commits, so a database that is being
// written can be searched at the same time.
// Not thread-safe: use one Searcher per thread (each holds its own Xapian and ICU state).
class Searcher {
 public:
  // Throws IoError naming a database that cannot be opened, UsageError for an empty list.
  explicit Searcher(const std::vector<std::string>& databases, SearcherOptions options = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Throws QueryError for a malformed query or an out-of-range request.
  SearchResult search(const SearchRequest& request);

  // The section with this id, text included; nullopt when no section has it.
  std::optional<Hit> show(std::string_view id);

  // Completions of a typed prefix from indexed words and title words, most frequent first.
  std::vector<std::string> suggest(std::string_view prefix, std::size_t limit = 10);

  // The Xapian query a query string becomes (for --explain-like output and tests).
  std::string describe_query(std::string_view query);

  std::size_t document_count();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace arkiv

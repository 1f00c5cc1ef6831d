#pragma once
// ParsedQuery -> Xapian::Query. Every word goes through the shared Analyzer and word_query()
// (exact > compound part > cross-language variant > folded), in the body and, boosted, in the
// section and document titles; filter values go through the organisation and topic registries.
#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "searcher/searcher.h"
#include "searcher/src/query_ast.h"
#include "stemming/analyzer.h"
#include "stemming/xapian_terms.h"

namespace arkiv::query {

struct BuiltQuery {
  Xapian::Query query;                         // MatchAll when the query had filters only
  std::vector<Token> positive_tokens;          // analysed words and phrase words that are searched for
  std::vector<std::string> wildcard_prefixes;  // normalised prefixes of prefix* words
  std::vector<std::string> warnings;
  bool left_out_conditions = false;  // weights_only: some condition was left out
};

// How words become terms in the database searched: each group of a word's terms scored as one
// term (term_group_source.h), and a wildcard expanded to its terms before that (one local
// database only; empty members: Xapian's own OP_SYNONYM and OP_WILDCARD); the common words whose
// pair terms the database holds (schema::kPairWordsKey; null: none).
struct TermSources {
  TermGroupMaker make_group;
  std::function<std::vector<std::string>(const std::string& prefix_term)> expand_wildcard;
  std::shared_ptr<const CommonWords> pair_words;
};

class QueryBuilder {
 public:
  // variant_analyzers: the other Nordic languages' analyzers; a query word that has no
  // cross-language variant in the query language takes theirs ("sykehus" typed into a Danish
  // search box reaches "sygehus"). weights_only leaves out the conditions every match meets anyway
  // (filters, date ranges, phrase and NEAR conditions, excluded words, where the query requires
  // them): it gives every section the whole query matches the same weight, and serves to rank
  // within a match set already worked out (match_set.h).
  QueryBuilder(const Analyzer& analyzer, const std::vector<Analyzer>& variant_analyzers, const SearcherOptions& options,
               TermSources sources = {}, bool weights_only = false)
      : analyzer_(analyzer),
        variant_analyzers_(variant_analyzers),
        options_(options),
        sources_(std::move(sources)),
        weights_only_(weights_only) {}

  BuiltQuery build(const ParsedQuery& parsed) const;

  // Boolean (weightless) query for one filter value of a field: org, topic, type, lang, role.
  // Throws QueryError for an unknown language code or field.
  Xapian::Query filter(const std::string& field, const std::string& value, std::vector<std::string>& warnings) const;

  // Date filter over the date slot; bounds are "YYYYMMDD" or "" for open.
  static Xapian::Query date_filter(const std::string& from, const std::string& to);

 private:
  struct Context;
  // required: every section the whole query matches also matches this node (reached through
  // AND, and the left side of NOT, only); weights_only drops conditions only there.
  Xapian::Query node_query(const Node& node, Context& context, bool positive, bool required) const;
  Xapian::Query word(const Token& token, const std::string& field) const;
  Xapian::Query near(const Node& node, Context& context, bool positive, bool required) const;
  std::vector<Token> analyze(std::string_view text) const;

  const Analyzer& analyzer_;
  const std::vector<Analyzer>& variant_analyzers_;
  const SearcherOptions& options_;
  TermSources sources_;
  bool weights_only_;
};

}  // namespace arkiv::query

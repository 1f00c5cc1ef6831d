#include "searcher/searcher.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>

#include "indexer/schema.h"
#include "searcher/src/facet_table.h"
#include "searcher/src/facets.h"
#include "searcher/src/match_set.h"
#include "searcher/src/query_builder.h"
#include "searcher/src/query_parser.h"
#include "searcher/src/section_record.h"
#include "searcher/src/snippets.h"
#include "searcher/src/spelling.h"
#include "searcher/src/term_group_source.h"

namespace arkiv {
namespace {

Xapian::Database open_database(const std::string& spec) {
  try {
    if (spec.starts_with("tcp:")) {
      const auto address = std::string_view(spec).substr(4);
      const auto colon = address.rfind(':');
      unsigned port = 0;
      const auto port_text = colon == std::string_view::npos ? std::string_view{} : address.substr(colon + 1);
      const auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
      if (port_text.empty() || error != std::errc{} || end != port_text.data() + port_text.size() || port > 65535)
        throw UsageError("bad remote database '" + spec + "' (expected tcp:HOST:PORT)");
      return Xapian::Remote::open(std::string(address.substr(0, colon)), port);
    }
    return Xapian::Database(spec);
  } catch (const Xapian::Error& error) {
    throw IoError("cannot open database " + spec + ": " + error.get_msg());
  }
}

std::string section_id(const Xapian::Document& document) {
  auto term = document.termlist_begin();
  term.skip_to(schema::kIdPrefix);
  if (term != document.termlist_end() && (*term).starts_with(schema::kIdPrefix))
    return (*term).substr(std::string_view(schema::kIdPrefix).size());
  return "";
}

Hit make_hit(const std::string& id, const SectionRecord& record) {
  Hit hit = record.hit;
  hit.id = id;
  return hit;
}

// The suggestion (spelling data is lower case) in the case the word was typed in:
// "Sengepladsr" -> "Sengepladser", "SENGEPLADSR" -> "SENGEPLADSER".
std::string with_case_of(const std::string& typed, const std::string& suggestion) {
  const auto word = icu::UnicodeString::fromUTF8(typed);
  if (word.isEmpty() || !u_isupper(word.char32At(0))) return suggestion;
  bool all_upper = word.countChar32() > 1;
  for (int32_t i = 0; i < word.length() && all_upper; i = word.moveIndex32(i, 1))
    if (u_isalpha(word.char32At(i)) && !u_isupper(word.char32At(i))) all_upper = false;
  auto out = icu::UnicodeString::fromUTF8(suggestion);
  if (all_upper) {
    out.toUpper(icu::Locale::getRoot());
  } else {
    const auto first_end = out.moveIndex32(0, 1);
    auto first = out.tempSubString(0, first_end);
    out.replace(0, first_end, first.toUpper(icu::Locale::getRoot()));
  }
  std::string utf8;
  return out.toUTF8String(utf8);
}

void collect_words(const query::Node& node, bool positive, std::vector<const query::Node*>& out) {
  if (node.kind == query::NodeKind::word && positive && node.field.empty()) out.push_back(&node);
  for (std::size_t i = 0; i < node.children.size(); ++i)
    collect_words(node.children[i], node.kind == query::NodeKind::but_not && i == 1 ? !positive : positive, out);
}

}  // namespace

struct Searcher::Impl {
  std::vector<std::string> specs;
  SearcherOptions options;
  Xapian::Database database;
  Analyzer query_analyzer;
  std::vector<Analyzer> variant_analyzers;  // the other Nordic languages, for query words' variants
  std::map<Language, Analyzer> text_analyzers;
  // Facet values of every section, built at the first faceted search after each new revision;
  // only for one local folder: a stub file may name remote databases, and with several
  // databases Xapian 1.4 hands a match spy documents with their shard's docid, not the combined one.
  bool one_local = true;
  std::unique_ptr<FacetTable> facet_table;
  std::size_t faceted_searches = 0;                   // in this revision, before the table was built
  MatchSetCache match_set_cache;                      // like the facet table: for one revision of one local database
  std::unique_ptr<DocumentLengths> document_lengths;  // the same; for BM25 (term_group_source.h)
  std::shared_ptr<const CommonWords> pair_words;      // of this revision (schema::kPairWordsKey)

  Impl(const std::vector<std::string>& databases, SearcherOptions searcher_options)
      : specs(databases), options(searcher_options), query_analyzer(AnalyzerOptions{searcher_options.query_language}) {
    if (specs.empty()) throw UsageError("no database given");
    for (Language language : {Language::da, Language::nb, Language::nn})
      if (language != options.query_language) variant_analyzers.emplace_back(AnalyzerOptions{language});
    for (const auto& spec : specs) database.add_database(open_database(spec));
    one_local = specs.size() == 1 && std::filesystem::is_directory(specs.front());
  }

  // The table costs about a second of reading per 150,000 sections, and Xapian's matcher with a
  // spy counts one search's facets in tens of milliseconds: so the first faceted search of a
  // revision counts through the matcher, and a searcher that is used again builds the table.
  // A one-shot command-line search never pays for it.
  const FacetTable* facet_table_for(const SearchRequest& request) {
    if (request.facets.empty() || !one_local) return nullptr;
    if (!facet_table && ++faceted_searches < 2) return nullptr;
    if (!facet_table) {
      // The date column lets date filters be checked in memory too (match_set.h).
      auto slots = FacetCounter::slots();
      slots.push_back(schema::kSlotDate);
      facet_table = std::make_unique<FacetTable>(database, slots);
    }
    return facet_table.get();
  }

  const Analyzer& analyzer_for(const std::string& code) {
    Language language = options.query_language;
    try {
      if (!code.empty()) language = parse_language(code);
    } catch (const UsageError&) {
    }
    auto it = text_analyzers.find(language);
    if (it == text_analyzers.end()) {
      // Snippets match the query's variants against the text's own stems: the text's variants
      // are never looked at, so their lookup is skipped.
      AnalyzerOptions text_options{language};
      text_options.variants = false;
      it = text_analyzers.emplace(language, Analyzer(text_options)).first;
    }
    return it->second;
  }

  void drop_revision_data() {
    facet_table.reset();
    faceted_searches = 0;
    match_set_cache = MatchSetCache();
    document_lengths.reset();
    pair_words.reset();
  }

  // Word groups weighed with document lengths from memory: ~20 ms to read them for 667,000
  // sections, against ~4 ms that Xapian spends on them in every word search of that index.
  std::shared_ptr<const CommonWords> revision_pair_words() {
    if (!pair_words)
      pair_words = std::make_shared<const CommonWords>(CommonWords::from_lines(database.get_metadata(schema::kPairWordsKey)));
    return pair_words;
  }

  query::TermSources term_sources() {
    if (!one_local) return {{}, {}, revision_pair_words()};
    if (!document_lengths) document_lengths = std::make_unique<DocumentLengths>(database);
    const Bm25Parameters parameters{options.bm25_k1, options.bm25_b, options.bm25_min_normlen};
    return {[lengths = document_lengths.get(), parameters](std::vector<std::string> terms,
                                                           std::vector<std::string> ceiling) {
              return term_group_query(*lengths, parameters, std::move(terms), std::move(ceiling));
            },
            [this](const std::string& prefix_term) {
              return expand_wildcard(database, prefix_term, options.wildcard_limit);
            },
            revision_pair_words()};
  }

  // New commits become visible; a revision discarded under us is retried once on a fresh one.
  template <typename Function>
  auto with_fresh_database(Function&& function) {
    try {
      if (database.reopen()) drop_revision_data();
      return function();
    } catch (const Xapian::DatabaseModifiedError&) {
      database.reopen();
      drop_revision_data();
      return function();
    }
  }

  Xapian::Query request_filters(const SearchRequest& request, const query::QueryBuilder& builder,
                                std::vector<std::string>& warnings) const {
    std::vector<Xapian::Query> all;
    auto field = [&](const std::string& name, const std::vector<std::string>& values) {
      std::vector<Xapian::Query> any;
      for (const auto& value : values) any.push_back(builder.filter(name, value, warnings));
      if (!any.empty()) all.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
    };
    field("org", request.organisations);
    field("topic", request.topics);
    field("type", request.types);
    field("lang", request.languages);
    field("role", request.roles);
    if (!request.date_from.empty() || !request.date_to.empty()) {
      const auto from = request.date_from.empty() ? "" : query::date_bound(request.date_from, false);
      const auto to = request.date_to.empty() ? "" : query::date_bound(request.date_to, true);
      all.push_back(query::QueryBuilder::date_filter(from, to));
    }
    if (all.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
  }

  // True when some token of the word is indexed as written (exact space of body or titles).
  bool occurs(const std::string& word) {
    for (const auto& token : query_analyzer.analyze(word))
      for (const auto* space : {&schema::kBody.exact, &schema::kSectionTitle.exact, &schema::kDocumentTitle.exact})
        if (database.term_exists(*space + token.norm)) return true;
    return false;
  }

  // The query with each plain word that occurs nowhere in the index replaced by the indexed word
  // nearest to it; "" when there is nothing to replace. Compound parts of a misspelt word may still
  // match ("sengeplader": senge + plade), so a word is checked even when the query has hits.
  std::string spelling_correction(const std::string& text, const query::ParsedQuery& parsed) {
    std::vector<const query::Node*> words;
    if (!parsed.empty) collect_words(parsed.root, true, words);
    std::sort(words.begin(), words.end(), [](auto* a, auto* b) { return a->offset > b->offset; });
    std::string corrected = text;
    bool changed = false;
    for (const auto* word : words) {
      if (word->offset + word->text.size() > corrected.size() || occurs(word->text)) continue;
      std::string suggestion;
      try {
        suggestion = nearest_spelling(database, normalise_text(word->text));
      } catch (const Xapian::UnimplementedError&) {
        return "";  // remote databases keep no spelling data
      }
      if (suggestion.empty()) continue;
      corrected.replace(word->offset, word->text.size(), with_case_of(word->text, suggestion));
      changed = true;
    }
    return changed ? corrected : "";
  }

  SearchResult search(const SearchRequest& request) {
    if (request.limit > options.max_limit)
      throw QueryError(
          "limit " + std::to_string(request.limit) + " exceeds the maximum of " + std::to_string(options.max_limit),
          std::to_string(request.limit), std::string::npos);
    if (request.offset > options.max_offset_plus_limit ||
        request.offset + request.limit > options.max_offset_plus_limit)
      throw QueryError("offset + limit exceeds the maximum of " + std::to_string(options.max_offset_plus_limit),
                       std::to_string(request.offset), std::string::npos);
    const auto parsed = query::parse_query(request.query, {options.max_query_bytes, options.max_query_words});
    FacetCounter facets(request.facets);
    // Built for the revision searched: the term groups hold its document lengths.
    return with_fresh_database([&] {
      const auto sources = term_sources();
      const query::QueryBuilder builder(query_analyzer, variant_analyzers, options, sources);
      auto built = builder.build(parsed);
      const auto filters = request_filters(request, builder, built.warnings);
      Xapian::Query final_query = built.query;
      if (!filters.empty()) final_query = Xapian::Query(Xapian::Query::OP_FILTER, final_query, filters);
      return run(request, parsed, built, final_query, !filters.empty(), sources, facets);
    });
  }

  // Facets are counted apart from the ranked pass, so that pass can stop early at the top hits
  // (Xapian prunes on maximum weights only when it need not look at every match). With one local
  // database every match is counted exactly from the posting lists (match_set.h); otherwise
  // Xapian's matcher counts up to exact_facet_matches with boolean weights and estimates beyond.
  // Returns the match set when facets were counted over one (else null).
  std::shared_ptr<const MatchSet> count_facets(const SearchRequest& request, const Xapian::Query& final_query,
                                               FacetCounter& facets, SearchResult& result) {
    const FacetTable* table = facet_table_for(request);
    std::shared_ptr<const MatchSet> matches;
    if (table)
      if (auto set = matching_sections(database, final_query, *table,
                                       {options.facet_posting_limit, options.wildcard_limit}, &match_set_cache))
        matches = std::make_shared<const MatchSet>(*std::move(set));
    std::size_t estimated = 0, lower = 0, upper = 0;
    bool exact = true;
    if (matches) {
      exact = facets.count(*table, *matches, options.exact_facet_matches);
      estimated = lower = upper = matches->count();
    } else {
      Xapian::Enquire enquire(database);
      enquire.set_query(final_query);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      if (options.time_limit_seconds > 0) enquire.set_time_limit(options.time_limit_seconds);
      facets.attach(enquire, table);
      const auto check_at_least =
          static_cast<Xapian::doccount>(std::min<std::size_t>(options.exact_facet_matches, database.get_doccount()));
      const auto counted = enquire.get_mset(0, 0, check_at_least);
      estimated = counted.get_matches_estimated();
      lower = counted.get_matches_lower_bound();
      upper = counted.get_matches_upper_bound();
      exact = lower == upper;
    }
    result.facets = facets.results(exact, estimated);
    if (!request.group_by_document) {
      result.total = estimated;
      result.total_lower_bound = lower;
      result.total_upper_bound = upper;
    }
    return matches;
  }

  SearchResult run(const SearchRequest& request, const query::ParsedQuery& parsed, const query::BuiltQuery& built,
                   const Xapian::Query& final_query, bool request_filtered, const query::TermSources& sources,
                   FacetCounter& facets) {
    SearchResult result;
    result.parsed_query = final_query.get_description();
    result.warnings = built.warnings;
    // Facets first: with the match set known, the ranked pass only weighs the sections in it, and
    // phrases, NEAR, date ranges and filters are not matched a second time.
    std::shared_ptr<const MatchSet> matches;
    if (!request.facets.empty()) matches = count_facets(request, final_query, facets, result);
    Xapian::Query ranked_query = final_query;
    if (matches) {
      const auto weighted =
          query::QueryBuilder(query_analyzer, variant_analyzers, options, sources, true).build(parsed);
      // Every section of the set, weighed where the weighted part matches it. With no condition
      // left out the weighted part is the query itself, and the set would add nothing.
      if (weighted.query.empty())
        ranked_query = match_set_query(matches);
      else if (request_filtered || weighted.left_out_conditions)
        ranked_query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, match_set_query(matches), weighted.query);
    }
    Xapian::Enquire enquire(database);
    enquire.set_query(ranked_query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(options.bm25_k1, 0, 1, options.bm25_b, options.bm25_min_normlen));
    if (options.time_limit_seconds > 0) enquire.set_time_limit(options.time_limit_seconds);
    if (request.sort != SortOrder::relevance)
      enquire.set_sort_by_value_then_relevance(schema::kSlotDate, request.sort == SortOrder::date_newest);
    if (request.group_by_document) enquire.set_collapse_key(schema::kSlotDocumentId, 1);
    const auto mset =
        enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
    if (request.facets.empty() || request.group_by_document) {
      result.total = mset.get_matches_estimated();
      result.total_lower_bound = mset.get_matches_lower_bound();
      result.total_upper_bound = mset.get_matches_upper_bound();
    }
    result.total_exact = result.total_lower_bound == result.total_upper_bound;
    const SnippetMaker snippets(built.positive_tokens, built.wildcard_prefixes);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const auto document = it.get_document();
      const auto record = parse_section_record(document.get_data(), "docid " + std::to_string(*it));
      const auto id = record.id.empty() ? section_id(document) : record.id;
      Hit hit = make_hit(id, record);
      hit.score = it.get_weight();
      if (request.group_by_document) hit.collapsed = it.get_collapse_count();
      if (request.snippet_bytes > 0) {
        // With no query word to find, the snippet is the text's beginning: nothing to analyse.
        const bool words_to_find = !built.positive_tokens.empty() || !built.wildcard_prefixes.empty();
        const auto tokens =
            words_to_find ? analyzer_for(record.hit.lang)
                                .analyze(std::string_view(record.text).substr(0, options.snippet_analysed_bytes))
                          : std::vector<Token>{};
        const auto snippet =
            snippets.make(record.text, tokens, request.snippet_bytes, request.highlight_begin, request.highlight_end);
        hit.snippet = snippet.text;
        hit.snippet_page = page_at(record, snippet.offset);
      }
      if (request.with_text) hit.text = record.text;
      result.hits.push_back(std::move(hit));
    }
    if (!request.query.empty() && result.total < options.suggest_below_matches)
      result.corrected_query = spelling_correction(request.query, parsed);
    return result;
  }
};

Searcher::Searcher(const std::vector<std::string>& databases, SearcherOptions options)
    : impl_(std::make_unique<Impl>(databases, options)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResult Searcher::search(const SearchRequest& request) {
  try {
    return impl_->search(request);
  } catch (const Xapian::QueryParserError& error) {
    throw QueryError("query: " + error.get_msg(), request.query, 0);
  } catch (const Xapian::DatabaseError& error) {
    throw IoError("database: " + error.get_msg());
  }
}

std::optional<Hit> Searcher::show(std::string_view id) {
  return impl_->with_fresh_database([&]() -> std::optional<Hit> {
    const std::string term = schema::kIdPrefix + std::string(id);
    auto posting = impl_->database.postlist_begin(term);
    if (posting == impl_->database.postlist_end(term)) return std::nullopt;
    const auto document = impl_->database.get_document(*posting);
    const auto record = parse_section_record(document.get_data(), std::string(id));
    Hit hit = make_hit(std::string(id), record);
    hit.text = record.text;
    return hit;
  });
}

std::vector<std::string> Searcher::suggest(std::string_view prefix, std::size_t limit) {
  const auto normalised = normalise_text(prefix);
  if (normalised.empty()) return {};
  return impl_->with_fresh_database([&] {
    // Words of document and section titles count double: they name what the archive is about.
    std::map<std::string, Xapian::doccount> frequency;
    auto scan = [&](const std::string& space, Xapian::doccount factor) {
      std::size_t seen = 0;
      const auto start = space + normalised;
      for (auto it = impl_->database.allterms_begin(start); it != impl_->database.allterms_end(start) && seen < 20'000;
           ++it, ++seen)
        frequency[(*it).substr(space.size())] += it.get_termfreq() * factor;
    };
    scan(schema::kBody.exact, 1);
    scan(schema::kDocumentTitle.exact, 2);
    scan(schema::kSectionTitle.exact, 2);
    std::vector<std::pair<std::string, Xapian::doccount>> ranked(frequency.begin(), frequency.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) out.push_back(ranked[i].first);
    return out;
  });
}

std::string Searcher::describe_query(std::string_view text) {
  const auto parsed = query::parse_query(text, {impl_->options.max_query_bytes, impl_->options.max_query_words});
  return impl_->with_fresh_database([&] {
    const query::QueryBuilder builder(impl_->query_analyzer, impl_->variant_analyzers, impl_->options,
                                      {{}, {}, impl_->revision_pair_words()});
    return builder.build(parsed).query.get_description();
  });
}

std::size_t Searcher::document_count() {
  return impl_->with_fresh_database([&] { return static_cast<std::size_t>(impl_->database.get_doccount()); });
}

}  // namespace arkiv

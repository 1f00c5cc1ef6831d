// arkiv-search: search arkiv databases from the command line (docs/query-language.md, docs/json.md).
// Exit status like grep: 0 = hits found, 1 = no hits, 2 = error.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "searcher/searcher.h"
#include "searcher/src/result_printer.h"

namespace po = boost::program_options;

namespace {

constexpr int kFound = 0, kNothing = 1, kError = 2;

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::stringstream in(value);
    for (std::string item; std::getline(in, item, ',');)
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::size_t non_negative(long long value, const char* name) {
  if (value < 0) throw arkiv::UsageError(std::string("--") + name + " must not be negative: " + std::to_string(value));
  return static_cast<std::size_t>(value);
}

arkiv::SortOrder sort_order(const std::string& name) {
  if (name == "relevance") return arkiv::SortOrder::relevance;
  if (name == "newest" || name == "date") return arkiv::SortOrder::date_newest;
  if (name == "oldest") return arkiv::SortOrder::date_oldest;
  throw arkiv::UsageError("unknown --sort '" + name + "' (expected relevance, newest or oldest)");
}

std::vector<std::string> databases(const po::variables_map& options) {
  if (options.count("db")) return options["db"].as<std::vector<std::string>>();
  const char* environment = std::getenv("ARKIV_DB");
  return {environment && *environment ? environment : "./arkiv-db"};
}

int analyze(const po::variables_map& options, bool json) {
  const auto text = options["analyze"].as<std::string>();
  const auto languages =
      options.count("lang") ? options["lang"].as<std::vector<std::string>>() : std::vector<std::string>{};
  const auto language =
      languages.empty() ? arkiv::identify_language(text).language : arkiv::parse_language(languages.front());
  const arkiv::Analyzer analyzer(arkiv::AnalyzerOptions{language});
  const auto tokens = analyzer.analyze(text);
  std::cout << (json ? arkiv::analysis_report_json(text, tokens, language)
                     : arkiv::analysis_report_text(text, tokens, language));
  if (json) std::cout << "\n";
  return kFound;
}

// A bare --facets counts every facet. A list must be attached (--facets=org,year), so that in
// `arkiv-search --facets sundhedsvæsenet` the word is the query, not a facet name.
std::vector<std::string> with_facet_list(int argc, char** argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  for (auto& argument : arguments) {
    if (argument == "--") break;
    if (argument == "--facets") argument = "--facets=org,year,topic,type,lang,role";
  }
  return arguments;
}

int run(int argc, char** argv) {
  po::options_description visible("Usage: arkiv-search [--db DIR]... [options] QUERY\nOptions");
  // One option a line reads as the usage table.
  // clang-format off
  visible.add_options()
    ("help,h", "show this help")
    ("db", po::value<std::vector<std::string>>(), "database folder, stub file or tcp:HOST:PORT (repeatable; default $ARKIV_DB, else ./arkiv-db)")
    ("limit,n", po::value<long long>()->default_value(10), "hits to show (at most 10000)")
    ("offset", po::value<long long>()->default_value(0), "hits to skip (offset + limit at most 100000)")
    ("org", po::value<std::vector<std::string>>(), "organisation filter (name or alias; repeatable)")
    ("from", po::value<std::string>(), "date from: YYYY, YYYY-MM or YYYY-MM-DD")
    ("to", po::value<std::string>(), "date to (inclusive)")
    ("topic", po::value<std::vector<std::string>>(), "topic filter (repeatable)")
    ("type", po::value<std::vector<std::string>>(), "document type filter (repeatable)")
    ("lang", po::value<std::vector<std::string>>(), "language filter (repeatable); with --analyze the text's language")
    ("role", po::value<std::vector<std::string>>(), "part role filter: decision, recommendation ... (repeatable)")
    ("facets", po::value<std::vector<std::string>>(),
     "count every facet; --facets=LIST counts some: org,year,topic,type,lang,role")
    ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
    ("group", "one hit per document")
    ("with-text", "include each hit's whole section text")
    ("snippet-bytes", po::value<long long>()->default_value(240), "snippet length (0 = none)")
    ("json", "print JSON (docs/json.md)")
    ("show", po::value<std::string>(), "print the section with this id whole")
    ("suggest", po::value<std::string>(), "complete a word prefix from the index")
    ("analyze", po::value<std::string>(), "print the analysis of a text (no database needed)");
  // clang-format on
  po::options_description all;
  all.add(visible).add_options()("query", po::value<std::vector<std::string>>(), "query words");
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map options;
  po::store(po::command_line_parser(with_facet_list(argc, argv)).options(all).positional(positional).run(), options);
  po::notify(options);

  if (options.count("help")) {
    std::cout << visible << "\nQuery language: docs/query-language.md\n";
    return kFound;
  }
  const bool json = options.count("json") > 0;
  if (options.count("analyze")) return analyze(options, json);

  // Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
  const char* no_colour = std::getenv("NO_COLOR");
  const arkiv::TextStyle style{.colour = !json && isatty(STDOUT_FILENO) && !(no_colour && *no_colour)};
  arkiv::Searcher searcher(databases(options));

  if (options.count("show")) {
    const auto hit = searcher.show(options["show"].as<std::string>());
    if (!hit) {
      std::cerr << "arkiv-search: no section with id " << options["show"].as<std::string>() << "\n";
      return kNothing;
    }
    if (json)
      arkiv::print_section_json(std::cout, *hit);
    else
      arkiv::print_section_text(std::cout, *hit, style);
    return kFound;
  }
  if (options.count("suggest")) {
    const auto words = searcher.suggest(options["suggest"].as<std::string>(), 10);
    if (json) {
      std::cout << "[";
      for (std::size_t i = 0; i < words.size(); ++i) std::cout << (i ? "," : "") << '"' << words[i] << '"';
      std::cout << "]\n";
    } else {
      for (const auto& word : words) std::cout << word << "\n";
    }
    return words.empty() ? kNothing : kFound;
  }

  arkiv::SearchRequest request;
  if (options.count("query")) {
    for (const auto& word : options["query"].as<std::vector<std::string>>())
      request.query += (request.query.empty() ? "" : " ") + word;
  }
  auto list = [&](const char* name) {
    return options.count(name) ? options[name].as<std::vector<std::string>>() : std::vector<std::string>{};
  };
  request.organisations = list("org");
  request.topics = list("topic");
  request.types = list("type");
  request.languages = list("lang");
  request.roles = list("role");
  request.facets = split_list(list("facets"));
  if (options.count("from")) request.date_from = options["from"].as<std::string>();
  if (options.count("to")) request.date_to = options["to"].as<std::string>();
  request.limit = non_negative(options["limit"].as<long long>(), "limit");
  request.offset = non_negative(options["offset"].as<long long>(), "offset");
  request.snippet_bytes = non_negative(options["snippet-bytes"].as<long long>(), "snippet-bytes");
  request.sort = sort_order(options["sort"].as<std::string>());
  request.group_by_document = options.count("group") > 0;
  request.with_text = options.count("with-text") > 0;
  request.highlight_begin = json ? arkiv::kJsonHighlightBegin : style.colour ? arkiv::kColourHighlightBegin : "";
  request.highlight_end = json ? arkiv::kJsonHighlightEnd : style.colour ? arkiv::kColourHighlightEnd : "";
  if (request.query.empty() && request.organisations.empty() && request.topics.empty() && request.types.empty() &&
      request.languages.empty() && request.roles.empty() && request.date_from.empty() && request.date_to.empty())
    throw arkiv::UsageError("no query given (try --help)");

  const auto result = searcher.search(request);
  for (const auto& warning : result.warnings) std::cerr << "arkiv-search: warning: " << warning << "\n";
  if (json)
    arkiv::print_result_json(std::cout, request.query, result, request.with_text);
  else
    arkiv::print_result_text(std::cout, result, request, style);
  return result.hits.empty() && result.total == 0 ? kNothing : kFound;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "arkiv-search: " << error.what() << "\n";
    return kError;
  }
}

// arkiv_dev_run: runs the queries of a relevance set (queries.json: id, q, optional filters
// org/from/to) against arkiv databases and writes the run file evaluate.py scores: one JSON
// line per query, {"id", "hits": [{"text": whole section text, "doc": file name}]} in rank order.
// Uses only the public searcher header, as any client would.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "searcher/searcher.h"

namespace {

constexpr const char* kUsage =
    "usage: arkiv_dev_run --queries QUERIES.json --out RUN.jsonl [--limit N] [--set OPTION=VALUE]... --db DIR...\n"
    "  OPTION: a ranking field of SearcherOptions (bm25_k1, bm25_b, bm25_min_normlen, document_title_boost,\n"
    "  section_title_boost, phrase_bonus, part_weight, variant_weight, folded_weight)\n";

struct Arguments {
  std::string queries;
  std::string out;
  std::vector<std::string> databases;
  std::size_t limit = 10;
  arkiv::SearcherOptions options;
};

// Sets one ranking parameter, so parameters can be tried without rebuilding.
void set_option(arkiv::SearcherOptions& options, const std::string& assignment) {
  const auto equals = assignment.find('=');
  const std::string name = assignment.substr(0, equals);
  const std::vector<std::pair<const char*, double*>> fields{
      {"bm25_k1", &options.bm25_k1},
      {"bm25_b", &options.bm25_b},
      {"bm25_min_normlen", &options.bm25_min_normlen},
      {"document_title_boost", &options.document_title_boost},
      {"section_title_boost", &options.section_title_boost},
      {"phrase_bonus", &options.phrase_bonus},
      {"part_weight", &options.part_weight},
      {"variant_weight", &options.variant_weight},
      {"folded_weight", &options.folded_weight}};
  for (const auto& [field, value] : fields) {
    if (name == field && equals != std::string::npos) {
      *value = std::stod(assignment.substr(equals + 1));
      return;
    }
  }
  throw arkiv::UsageError("bad --set " + assignment + "\n" + kUsage);
}

Arguments parse_arguments(int argc, char** argv) {
  Arguments arguments;
  for (int i = 1; i < argc; ++i) {
    const std::string name = argv[i];
    if (i + 1 >= argc) throw arkiv::UsageError("missing value after " + name + "\n" + kUsage);
    const std::string value = argv[++i];
    if (name == "--queries") arguments.queries = value;
    else if (name == "--out") arguments.out = value;
    else if (name == "--db") arguments.databases.push_back(value);
    else if (name == "--limit") arguments.limit = std::stoul(value);
    else if (name == "--set") set_option(arguments.options, value);
    else throw arkiv::UsageError("unknown option " + name + "\n" + kUsage);
  }
  if (arguments.queries.empty() || arguments.out.empty() || arguments.databases.empty())
    throw arkiv::UsageError(kUsage);
  return arguments;
}

nlohmann::json read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw arkiv::IoError("cannot read " + path);
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw arkiv::DataError(path + ": " + error.what());
  }
}

arkiv::SearchRequest make_request(const nlohmann::json& query, std::size_t limit) {
  arkiv::SearchRequest request;
  request.query = query.at("q").get<std::string>();
  request.limit = limit;
  request.with_text = true;
  request.snippet_bytes = 0;
  if (const auto filters = query.find("filters"); filters != query.end() && filters->is_object()) {
    if (filters->contains("org")) request.organisations.push_back(filters->at("org").get<std::string>());
    if (filters->contains("from")) request.date_from = filters->at("from").get<std::string>();
    if (filters->contains("to")) request.date_to = filters->at("to").get<std::string>();
  }
  return request;
}

int run(int argc, char** argv) {
  const auto arguments = parse_arguments(argc, argv);
  const auto queries = read_queries(arguments.queries);
  arkiv::Searcher searcher(arguments.databases, arguments.options);
  std::ofstream out(arguments.out);
  if (!out) throw arkiv::IoError("cannot write " + arguments.out);
  for (const auto& query : queries) {
    const auto result = searcher.search(make_request(query, arguments.limit));
    for (const auto& warning : result.warnings)
      std::cerr << "arkiv_dev_run: " << query.at("id").get<std::string>() << ": warning: " << warning << "\n";
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits)
      hits.push_back({{"text", hit.text},
                      {"doc", std::filesystem::path(hit.file).filename().string()},
                      {"id", hit.id},
                      {"section", hit.section_number + " " + hit.section_title},
                      {"score", hit.score}});
    out << nlohmann::json{{"id", query.at("id")}, {"hits", hits}}.dump() << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "arkiv_dev_run: " << error.what() << "\n";
    return 2;
  }
}

#include "searcher/src/result_printer.h"

#include <nlohmann/json.hpp>

namespace arkiv {
namespace {

using Json = nlohmann::ordered_json;

Json hit_json(const Hit& hit, bool with_text) {
  Json json{{"id", hit.id},
            {"score", hit.score},
            {"file", hit.file},
            {"title", hit.title},
            {"section", hit.section_title},
            {"section_number", hit.section_number},
            {"section_kind", hit.section_kind},
            {"page_start", hit.page_start},
            {"page_end", hit.page_end},
            {"org", hit.org},
            {"date", hit.date},
            {"type", hit.type},
            {"lang", hit.lang},
            {"topics", hit.topics},
            {"snippet", hit.snippet},
            {"snippet_page", hit.snippet_page}};
  if (hit.collapsed) json["collapsed"] = hit.collapsed;
  json["text"] = with_text ? hit.text : "";
  return json;
}

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string paint(const std::string& text, const char* colour, const TextStyle& style) {
  return style.colour ? std::string(colour) + text + "\x1b[0m" : text;
}

std::string pages(const Hit& hit) {
  if (hit.page_start <= 0) return "";
  if (hit.page_end > hit.page_start) return "p. " + std::to_string(hit.page_start) + "-" + std::to_string(hit.page_end);
  return "p. " + std::to_string(hit.page_start);
}

void print_heading(std::ostream& out, const Hit& hit, const TextStyle& style) {
  out << paint(hit.title.empty() ? hit.file : hit.title, "\x1b[1m", style) << "\n";
  std::string meta = hit.org;
  for (const auto& part : {hit.date, hit.type, hit.lang})
    if (!part.empty()) meta += (meta.empty() ? "" : " · ") + part;
  if (!meta.empty()) out << "   " << paint(meta, "\x1b[36m", style) << "\n";
  std::string section = hit.section_number.empty() ? hit.section_title : hit.section_number + " " + hit.section_title;
  const auto page_text = pages(hit);
  if (!page_text.empty()) section += (section.empty() ? "" : ", ") + page_text;
  if (!section.empty()) out << "   " << section << "\n";
}

}  // namespace

void print_result_json(std::ostream& out, const std::string& query, const SearchResult& result, bool with_text) {
  Json json{{"query", query},
            {"parsed", result.parsed_query},
            {"total", result.total},
            {"total_exact", result.total_exact},
            {"corrected", result.corrected_query}};
  json["hits"] = Json::array();
  for (const auto& hit : result.hits) json["hits"].push_back(hit_json(hit, with_text));
  json["facets"] = Json::object();
  for (const auto& facet : result.facets) {
    auto& values = json["facets"][facet.name] = Json::array();
    for (const auto& value : facet.values) values.push_back({{"value", value.value}, {"count", value.count}});
  }
  if (!result.facets.empty()) {
    json["facets_exact"] =
        std::all_of(result.facets.begin(), result.facets.end(), [](const Facet& f) { return f.exact; });
  }
  json["warnings"] = result.warnings;
  out << dump(json) << "\n";
}

void print_result_text(std::ostream& out, const SearchResult& result, const SearchRequest& request,
                       const TextStyle& style) {
  out << (result.total_exact ? "" : "about ") << result.total << " sections";
  if (!result.hits.empty()) out << ", showing " << request.offset + 1 << "-" << request.offset + result.hits.size();
  out << "\n";
  if (!result.corrected_query.empty())
    out << "Did you mean: " << paint(result.corrected_query, "\x1b[1m", style) << "\n";
  std::size_t rank = request.offset;
  for (const auto& hit : result.hits) {
    out << "\n" << ++rank << ". ";
    print_heading(out, hit, style);
    if (!hit.snippet.empty()) {
      out << "   " << hit.snippet;
      if (hit.snippet_page > 0) out << paint(" [p. " + std::to_string(hit.snippet_page) + "]", "\x1b[2m", style);
      out << "\n";
    }
    if (hit.collapsed) out << "   (+" << hit.collapsed << " more sections in this document)\n";
    out << "   " << paint(hit.file + "  id " + hit.id, "\x1b[2m", style) << "\n";
  }
  for (const auto& facet : result.facets) {
    out << "\n" << paint(facet.name, "\x1b[1m", style) << (facet.exact ? "" : " (estimated)") << ":";
    for (const auto& value : facet.values) out << "  " << value.value << " (" << value.count << ")";
    out << "\n";
  }
}

void print_section_json(std::ostream& out, const Hit& hit) { out << dump(hit_json(hit, true)) << "\n"; }

void print_section_text(std::ostream& out, const Hit& hit, const TextStyle& style) {
  print_heading(out, hit, style);
  if (!hit.topics.empty()) {
    out << "   topics:";
    for (const auto& topic : hit.topics) out << " " << topic;
    out << "\n";
  }
  out << "   " << paint(hit.file + "  id " + hit.id, "\x1b[2m", style) << "\n\n" << hit.text << "\n";
}

}  // namespace arkiv

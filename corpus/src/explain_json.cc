// document_to_json and document_to_text: the output of `arkiv-index --explain` (docs/explain.md).
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/document.h"

namespace arkiv {
namespace {

nlohmann::json part_json(const Part& part) { return {{"role", part.role}, {"text", part.text}}; }

nlohmann::json section_json(const Section& section) {
  nlohmann::json parts = nlohmann::json::array();
  for (const Part& part : section.parts) parts.push_back(part_json(part));
  nlohmann::json page_starts = nlohmann::json::array();
  for (const PageStart& start : section.page_starts) page_starts.push_back({{"offset", start.offset}, {"page", start.page}});
  return {{"kind", section.kind},
          {"number", section.number},
          {"title", section.title},
          {"page_start", section.page_start},
          {"page_end", section.page_end},
          {"topics", section.topics},
          {"participants", section.participants},
          {"parts", parts},
          {"page_starts", page_starts},
          {"text", section.text}};
}

}  // namespace

std::string document_to_json(const Document& document) {
  nlohmann::json sections = nlohmann::json::array();
  for (const Section& section : document.sections) sections.push_back(section_json(section));
  const nlohmann::json json = {{"file", document.file.string()},
                               {"lang", document.lang},
                               {"org", document.org},
                               {"date", document.date},
                               {"type", document.type},
                               {"title", document.title},
                               {"topics", document.topics},
                               {"pages", document.pages},
                               {"sections", sections},
                               {"warnings", document.warnings}};
  // Invalid UTF-8 cannot reach here (the reader repairs it), but never let a byte crash --explain.
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string document_to_text(const Document& document) {
  std::ostringstream out;
  auto list = [](const std::vector<std::string>& items) {
    std::string joined;
    for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined.empty() ? std::string("-") : joined;
  };
  out << "file:     " << document.file.string() << '\n'
      << "title:    " << document.title << '\n'
      << "org:      " << (document.org.empty() ? "-" : document.org) << '\n'
      << "date:     " << (document.date.empty() ? "-" : document.date) << '\n'
      << "type:     " << document.type << '\n'
      << "language: " << document.lang << '\n'
      << "pages:    " << document.pages << '\n'
      << "topics:   " << list(document.topics) << '\n'
      << "sections: " << document.sections.size() << '\n';
  for (const Section& section : document.sections) {
    out << "\n  [" << section.kind << "]";
    if (!section.number.empty()) out << ' ' << section.number;
    if (!section.title.empty()) out << "  " << section.title;
    out << "\n    pages " << section.page_start << '-' << section.page_end << ", " << section.text.size() << " bytes";
    if (!section.topics.empty()) out << ", topics: " << list(section.topics);
    out << '\n';
    if (!section.parts.empty()) {
      out << "    parts:";
      for (const Part& part : section.parts) out << ' ' << part.role << " (" << part.text.size() << " bytes)";
      out << '\n';
    }
    if (!section.participants.empty()) out << "    participants: " << list(section.participants) << '\n';
  }
  for (const std::string& warning : document.warnings) out << "warning: " << warning << '\n';
  return out.str();
}

}  // namespace arkiv

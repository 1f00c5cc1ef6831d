// The HTML reader: libxml2's forgiving HTML parser; visible text with block elements as lines.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>

#include "corpus/src/reader.h"
#include "corpus/src/text_decoding.h"
#include "stemming/error.h"

namespace arkiv {
namespace {

struct HtmlVocabulary {
  std::set<std::string, std::less<>> skipped;     // elements whose content is not text
  std::set<std::string, std::less<>> blocks;      // elements that start and end a line
  std::set<std::string, std::less<>> date_metas;  // <meta name|property> holding the date
};

// corpus/data/html_elements.tsv: "skip|block|date-meta <TAB> name", '#' comments.
const HtmlVocabulary& html_vocabulary() {
  static const HtmlVocabulary vocabulary = [] {
    HtmlVocabulary loaded;
    const std::filesystem::path path = data_file("corpus/data/html_elements.tsv");
    std::ifstream in(path);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.find('\t');
      const std::string kind = line.substr(0, tab);
      const std::string name = tab == std::string::npos ? "" : line.substr(tab + 1);
      if (name.empty()) throw DataError(path.string() + ":" + std::to_string(number) + ": expected KIND<TAB>NAME");
      if (kind == "skip") loaded.skipped.insert(name);
      else if (kind == "block") loaded.blocks.insert(name);
      else if (kind == "date-meta") loaded.date_metas.insert(name);
      else throw DataError(path.string() + ":" + std::to_string(number) + ": unknown kind '" + kind + "'");
    }
    return loaded;
  }();
  return vocabulary;
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

class TextCollector {
 public:
  explicit TextCollector(RawText& raw) : raw_(raw), vocabulary_(html_vocabulary()) {}

  void visit(xmlNode* node, bool preformatted) {
    for (xmlNode* child = node; child; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        add_text(reinterpret_cast<const char*>(child->content), preformatted);
      } else if (child->type == XML_ELEMENT_NODE) {
        visit_element(child, preformatted);
      }
    }
  }

  std::string finish() { return std::move(text_); }

 private:
  void visit_element(xmlNode* element, bool preformatted) {
    const std::string name = lower_ascii(reinterpret_cast<const char*>(element->name));
    if (name == "title" && raw_.title_hint.empty()) {
      xmlChar* content = xmlNodeGetContent(element);
      if (content) {
        raw_.title_hint = collapse_spaces(reinterpret_cast<const char*>(content));
        xmlFree(content);
      }
      return;
    }
    if (name == "meta") {
      std::string key = lower_ascii(attribute(element, "name"));
      if (key.empty()) key = lower_ascii(attribute(element, "property"));
      if (raw_.date_hint.empty() && vocabulary_.date_metas.contains(key)) raw_.date_hint = attribute(element, "content");
      return;
    }
    if (name == "head") {
      // Only <title> and <meta> matter in the head; its other content is never text.
      const bool was_in_head = in_head_;
      in_head_ = true;
      visit(element->children, preformatted);
      in_head_ = was_in_head;
      return;
    }
    if (vocabulary_.skipped.contains(name)) return;
    if (name == "br") {
      text_ += '\n';
      return;
    }
    const bool block = vocabulary_.blocks.contains(name);
    if (block) end_line();
    visit(element->children, preformatted || name == "pre");
    if (block) end_line();
  }

  static std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) {
        space = !out.empty();
      } else {
        if (space) out += ' ';
        space = false;
        out += c;
      }
    }
    return out;
  }

  // HTML white space collapses to one space, except inside <pre>.
  void add_text(const char* content, bool preformatted) {
    if (!content || in_head_) return;
    if (preformatted) {
      text_ += content;
      return;
    }
    for (const char* p = content; *p; ++p) {
      if (std::isspace(static_cast<unsigned char>(*p))) {
        if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') text_ += ' ';
      } else {
        text_ += *p;
      }
    }
  }

  void end_line() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty() && text_.back() != '\n') text_ += '\n';
  }

  RawText& raw_;
  const HtmlVocabulary& vocabulary_;
  std::string text_;
  bool in_head_ = false;
};

// libxml2 detects a BOM or a <meta charset>; without either, UTF-8 unless the bytes are not UTF-8.
const char* fallback_encoding(std::string_view bytes) {
  const std::string head = lower_ascii(std::string(bytes.substr(0, 4096)));
  if (head.find("charset") != std::string::npos) return nullptr;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) return nullptr;
  return is_well_formed_utf8(bytes) ? "UTF-8" : "windows-1252";
}

}  // namespace

RawText read_html(std::string_view bytes, const std::filesystem::path& file) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw DataError(file.string() + ": HTML file too large");
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> document(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), file.string().c_str(), fallback_encoding(bytes), options),
      &xmlFreeDoc);
  if (!document) throw DataError(file.string() + ": unreadable HTML");
  RawText raw;
  raw.format = "html";
  xmlNode* root = xmlDocGetRootElement(document.get());
  TextCollector collector(raw);
  if (root) collector.visit(root, false);
  raw.pages.push_back(collector.finish());
  return raw;
}

}  // namespace arkiv

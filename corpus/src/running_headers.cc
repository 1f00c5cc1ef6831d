#include "corpus/src/running_headers.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

namespace arkiv {
namespace {

constexpr std::size_t kEdgeLines = 2;         // lines at the top and bottom of a page examined
constexpr std::size_t kLongestHeader = 120;   // bytes
constexpr int kMinPages = 3;

std::string header_key(std::string_view text) {
  std::string key(text);
  for (char& c : key) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return key;
}

struct PageEdges {
  int page = 0;
  std::vector<std::size_t> top, bottom;  // line indices
};

// On a page of one or two lines every line is at an edge and headers cannot be told from
// content, so such a page has no edges.
std::vector<PageEdges> page_edges(const std::vector<TextLine>& lines) {
  std::vector<PageEdges> pages;
  std::size_t page_lines = 0;
  const auto close_page = [&] {
    if (!pages.empty() && page_lines <= kEdgeLines) pages.back().top.clear(), pages.back().bottom.clear();
  };
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const TextLine& line = lines[index];
    if (line.removed || line.text.empty()) continue;
    if (pages.empty() || pages.back().page != line.page) {
      close_page();
      pages.push_back({line.page, {}, {}});
      page_lines = 0;
    }
    PageEdges& page = pages.back();
    ++page_lines;
    if (page.top.size() < kEdgeLines) page.top.push_back(index);
    page.bottom.push_back(index);
    if (page.bottom.size() > kEdgeLines) page.bottom.erase(page.bottom.begin());
  }
  close_page();
  return pages;
}

}  // namespace

void remove_running_headers(std::vector<TextLine>& lines) {
  const std::vector<PageEdges> pages = page_edges(lines);
  if (pages.size() < static_cast<std::size_t>(kMinPages)) return;
  std::unordered_map<std::string, int> pages_with_key;
  for (const PageEdges& page : pages) {
    std::vector<std::string> seen;
    for (const auto* edge : {&page.top, &page.bottom}) {
      for (std::size_t index : *edge) {
        if (lines[index].text.size() > kLongestHeader) continue;
        std::string key = header_key(lines[index].text);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        ++pages_with_key[key];
        seen.push_back(std::move(key));
      }
    }
  }
  const auto is_running = [&](const std::string& text) {
    if (text.size() > kLongestHeader) return false;
    const auto found = pages_with_key.find(header_key(text));
    return found != pages_with_key.end() && found->second >= kMinPages &&
           static_cast<std::size_t>(found->second) * 2 >= pages.size();
  };
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const auto* edge : {&pages[p].top, &pages[p].bottom}) {
      for (std::size_t index : *edge) {
        // Atop the first page a repeated line of words is usually the real title; a single
        // token there (a web address, a reference) is still a header.
        const bool title_position = p == 0 && edge == &pages[p].top;
        if (title_position && lines[index].text.find(' ') != std::string::npos) continue;
        if (is_running(lines[index].text)) {
          lines[index].removed = true;
          lines[index].text.clear();
        }
      }
    }
  }
}

}  // namespace arkiv

#include "corpus/src/page_markers.h"

#include <cctype>
#include <fstream>

#include "stemming/error.h"

namespace arkiv {
namespace {

constexpr std::size_t kLongestMarker = 32;  // bytes; longer lines are never markers

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Matches the whole line against one pattern; fills page with {n}.
bool match_pattern(std::string_view pattern, std::string_view line, int& page) {
  std::size_t p = 0, l = 0;
  while (p < pattern.size()) {
    if (pattern[p] == ' ') {
      while (l < line.size() && line[l] == ' ') ++l;
      ++p;
    } else if (pattern.substr(p, 3) == "{n}" || pattern.substr(p, 3) == "{m}") {
      int value = 0, digits = 0;
      while (l < line.size() && is_digit(line[l]) && digits < 5) {
        value = value * 10 + (line[l] - '0');
        ++l;
        ++digits;
      }
      if (digits == 0 || digits > 4) return false;
      if (pattern[p + 1] == 'n') page = value;
      p += 3;
    } else {
      if (l >= line.size() || lower(line[l]) != pattern[p]) return false;
      ++p;
      ++l;
    }
  }
  return l == line.size() && page > 0;
}

}  // namespace

PageMarkers::PageMarkers(std::vector<PageMarkerPattern> patterns) : patterns_(std::move(patterns)) {}

const PageMarkers& PageMarkers::standard() {
  static const PageMarkers markers = [] {
    const std::filesystem::path path = data_file("corpus/data/page_markers.tsv");
    std::ifstream in(path);
    if (!in) throw IoError(path.string() + ": cannot open");
    std::vector<PageMarkerPattern> patterns;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.empty() || line[0] == '#') continue;
      const auto where = [&] { return path.string() + ":" + std::to_string(number) + ": "; };
      const std::size_t tab = line.find('\t');
      if (tab == std::string::npos) throw DataError(where() + "expected PATTERN<TAB>WHERE");
      PageMarkerPattern pattern{line.substr(0, tab), MarkerPlacement::line};
      const std::string placement = line.substr(tab + 1);
      if (placement == "edge") pattern.placement = MarkerPlacement::edge;
      else if (placement != "line") throw DataError(where() + "WHERE must be 'line' or 'edge', not '" + placement + "'");
      if (pattern.pattern.find("{n}") == std::string::npos) throw DataError(where() + "pattern without {n}");
      for (char& c : pattern.pattern) c = lower(c);
      patterns.push_back(std::move(pattern));
    }
    if (patterns.empty()) throw DataError(path.string() + ": no patterns");
    return PageMarkers(std::move(patterns));
  }();
  return markers;
}

std::optional<int> PageMarkers::match(std::string_view line, bool at_page_edge) const {
  if (line.empty() || line.size() > kLongestMarker) return std::nullopt;
  for (const PageMarkerPattern& pattern : patterns_) {
    if (pattern.placement == MarkerPlacement::edge && !at_page_edge) continue;
    int page = 0;
    if (match_pattern(pattern.pattern, line, page)) return page;
  }
  return std::nullopt;
}

}  // namespace arkiv

namespace arkiv {

void apply_page_markers(std::vector<TextLine>& lines, bool paged, const PageMarkers& markers) {
  const auto remove = [](TextLine& line) {
    line.removed = true;
    line.text.clear();
  };
  if (!paged) {
    int page = 1;
    for (TextLine& line : lines) {
      if (const auto number = markers.match(line.text, false); number && *number > page) {
        page = *number;
        remove(line);
      }
      line.page = page;
    }
    return;
  }
  // Per physical page: the first and last non-empty lines may be folios ("- 4 -", "4").
  std::size_t page_begin = 0;
  while (page_begin < lines.size()) {
    std::size_t page_end = page_begin;
    while (page_end < lines.size() && lines[page_end].page == lines[page_begin].page) ++page_end;
    std::size_t first = page_begin, last = page_end;
    while (first < page_end && lines[first].text.empty()) ++first;
    while (last > first && lines[last - 1].text.empty()) --last;
    for (std::size_t index = first; index < last; ++index) {
      const bool at_edge = index == first || index + 1 == last;
      if (markers.match(lines[index].text, at_edge)) remove(lines[index]);
    }
    page_begin = page_end;
  }
}

}  // namespace arkiv

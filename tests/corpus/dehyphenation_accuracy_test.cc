// De-hyphenation accuracy on the sample corpus, against a hand-checked list of line-end hyphens
// (tests/data/dehyphenation/cases.tsv; how it was made and labelled: SOURCE.md beside it).
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "corpus/src/cleaner.h"
#include "corpus/src/reader.h"
#include "tests/corpus/reading_test_support.h"

namespace {

// One row of cases.tsv. layout "line-end": the sample breaks the line after "head-";
// "rewrapped": the hyphen is inside the sample's line and the test breaks the line after it, to
// try a real hyphen the issue names where the samples happen not to break it.
struct HyphenCase {
  std::string file, layout, head, tail, expected, decision, before, after;
  int line = 0;
};

std::vector<std::string> split_tabs(const std::string& row) {
  std::vector<std::string> fields;
  std::istringstream in(row);
  for (std::string field; std::getline(in, field, '\t');) fields.push_back(field);
  if (!row.empty() && row.back() == '\t') fields.emplace_back();
  return fields;
}

std::vector<HyphenCase> load_cases() {
  const auto path = std::filesystem::path(ARKIV_SOURCE_DIR) / "tests/data/dehyphenation/cases.tsv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::vector<HyphenCase> cases;
  std::string row;
  std::getline(in, row);  // header
  for (int number = 2; std::getline(in, row); ++number) {
    const std::vector<std::string> f = split_tabs(row);
    if (f.size() != 9) throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": 9 fields expected");
    cases.push_back({f[0], f[2], f[3], f[4], f[5], f[6], f[7], f[8], std::stoi(f[1])});
  }
  return cases;
}

// Whitespace runs (line breaks included) as one space: the clean text keeps the line structure,
// the check compares words and hyphens.
std::string squeeze(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  if (space && !out.empty()) out += ' ';
  return out;
}

// The three ways a line-end hyphen can come out: joined, kept inside the word, kept before a
// space (a suspended compound, or a break left alone).
std::vector<std::string> resolutions(const HyphenCase& c) {
  return {c.head + c.tail, c.head + "-" + c.tail, c.head + "- " + c.tail};
}

std::string kind_of(const HyphenCase& c) {
  if (c.decision == "join") return "join";
  return c.expected.find("- ") != std::string::npos ? "keep (suspended compound or break left)" : "keep (hyphen)";
}

// Breaks line `line` (1-based) of the text after the first "head-" in it, as a PDF would.
void rewrap(arkiv::RawText& raw, const HyphenCase& c) {
  std::string& text = raw.pages.at(0);
  std::size_t start = 0;
  for (int line = 1; line < c.line; ++line) start = text.find('\n', start) + 1;
  const std::size_t hyphen = text.find(c.head + "-", start);
  REQUIRE(hyphen < text.find('\n', start));
  const std::size_t cut = hyphen + c.head.size() + 1;
  if (text[cut] == ' ')
    text[cut] = '\n';
  else
    text.insert(cut, "\n");
}

struct Outcome {
  HyphenCase c;
  bool right = false;
  std::string got;  // what the clean text holds at the spot when not right
};

std::vector<Outcome> evaluate() {
  std::map<std::pair<std::string, std::string>, std::vector<HyphenCase>> groups;
  for (HyphenCase& c : load_cases()) groups[{c.file, c.layout}].push_back(std::move(c));
  std::vector<Outcome> outcomes;
  for (const auto& [key, cases] : groups) {
    arkiv::RawText raw = arkiv::read_raw_text(std::filesystem::path(ARKIV_SOURCE_DIR) / "corpus/samples" / key.first);
    if (key.second == "rewrapped") {
      // From the last line up, so that each break leaves the line numbers above it as they were.
      for (auto c = cases.rbegin(); c != cases.rend(); ++c) rewrap(raw, *c);
    }
    const arkiv::Language language = key.first.starts_with("003") ? arkiv::Language::nb : arkiv::Language::da;
    const std::string text = squeeze(arkiv::clean_text(raw, language).text);
    // Cases are in text order: each is looked for from where the previous one was found, and
    // a wrong resolution found before the right one counts as the answer at that spot.
    std::size_t cursor = 0;
    for (const HyphenCase& c : cases) {
      const auto at = [&](const std::string& form) { return text.find(squeeze(c.before + form + c.after), cursor); };
      Outcome outcome{c, false, {}};
      std::size_t found = at(c.expected);
      outcome.right = found != std::string::npos;
      for (const std::string& form : resolutions(c)) {
        if (form == c.expected) continue;
        if (const std::size_t wrong = at(form); wrong < found) {
          outcome.right = false;
          outcome.got = form;
          found = wrong;
        }
      }
      if (found == std::string::npos)
        outcome.got = "(context not found)";
      else
        cursor = found;
      outcomes.push_back(std::move(outcome));
    }
  }
  return outcomes;
}

const std::vector<Outcome>& outcomes() {
  static const std::vector<Outcome> evaluated = evaluate();
  return evaluated;
}

}  // namespace

TEST_CASE("the hand-checked hyphen list holds at least 150 cases, each at its line of a sample",
          "[cleaning][hyphens]") {
  const std::vector<HyphenCase> cases = load_cases();
  CHECK(cases.size() >= 150);
  std::map<std::string, std::vector<std::string>> sample_lines;
  for (const HyphenCase& c : cases) {
    INFO(c.file << ":" << c.line << " " << c.head << "-|" << c.tail);
    auto& lines = sample_lines[c.file];
    if (lines.empty()) {
      std::istringstream in(
          arkiv::test::read_bytes(std::filesystem::path(ARKIV_SOURCE_DIR) / "corpus/samples" / c.file));
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
    REQUIRE(c.line >= 1);
    REQUIRE(static_cast<std::size_t>(c.line) <= lines.size());
    const std::string& line = lines[c.line - 1];
    if (c.layout == "line-end") {
      CHECK(line.substr(0, line.find_last_not_of(" ") + 1).ends_with(c.head + "-"));
    } else {
      CHECK(c.layout == "rewrapped");
      CHECK(line.find(c.head + "-") != std::string::npos);
    }
    CHECK((c.decision == "join" || c.decision == "keep"));
    const std::vector<std::string> forms = resolutions(c);
    CHECK(c.expected == (c.decision == "join" ? forms[0] : c.expected == forms[2] ? forms[2] : forms[1]));
  }
}

TEST_CASE("at least 98% of the hand-checked line-end hyphens in the samples are resolved right",
          "[cleaning][hyphens]") {
  std::map<std::string, std::pair<int, int>> by_kind;  // kind -> right, total
  int right = 0;
  std::ostringstream errors;
  for (const Outcome& outcome : outcomes()) {
    auto& [kind_right, kind_total] = by_kind[kind_of(outcome.c)];
    ++kind_total;
    if (outcome.right) {
      ++right;
      ++kind_right;
      continue;
    }
    errors << "\n  " << outcome.c.file.substr(0, 3) << ":" << outcome.c.line << " " << outcome.c.head << "-|"
           << outcome.c.tail << "  expected \"" << outcome.c.expected << "\", got \"" << outcome.got << "\"";
  }
  const auto total = static_cast<int>(outcomes().size());
  std::ostringstream report;
  report << "de-hyphenation: " << right << "/" << total << " right (" << 100.0 * right / total << "%)";
  for (const auto& [kind, counts] : by_kind) report << "; " << kind << " " << counts.first << "/" << counts.second;
  WARN(report.str() << errors.str());
  REQUIRE(total >= 150);
  REQUIRE(right >= 0.98 * total);
}

TEST_CASE("the real hyphens the issue names come out right in the samples", "[cleaning][hyphens]") {
  // "etter- og" does not occur in the samples; cleaning_test.cc has it.
  for (const char* form : {"Sundheds- og", "Covid-19", "Sør-Øst", "one-size-fits-all", "Smith-udvalgets"}) {
    INFO(form);
    int listed = 0;
    for (const Outcome& outcome : outcomes()) {
      if (outcome.c.expected != form) continue;
      ++listed;
      INFO(outcome.c.file << ":" << outcome.c.line << " got \"" << outcome.got << "\"");
      CHECK(outcome.right);
    }
    CHECK(listed > 0);
  }
}

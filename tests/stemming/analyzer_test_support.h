#pragma once
// Helpers shared by the analyzer suites: compact renderings of tokens and terms, so a failing
// table row reads at a glance.
#include <xapian.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "stemming/analyzer.h"

namespace arkiv::test {

// "norm[position] norm[position] ..."
inline std::string norms_with_positions(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.norm + "[" + std::to_string(token.position) + "]";
  }
  return out;
}

// "stem stem ..."
inline std::string stems(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token.stem;
  }
  return out;
}

// Every term of a document, "term[positions]" or "term" when it has none, in term order.
inline std::string describe_terms(const Xapian::Document& document) {
  std::string out;
  for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
    if (!out.empty()) out += ' ';
    out += *term;
    std::string positions;
    for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
      positions += (positions.empty() ? "" : ",") + std::to_string(*position);
    }
    if (!positions.empty()) out += "[" + positions + "]";
  }
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace arkiv::test

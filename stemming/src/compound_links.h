#pragma once
// Links between neighbouring tokens that ICU splits apart at a hyphen. Internal to stemming.
//   joined:    "e-mail", "Sør-Øst" (hyphen, no space)      -> "email", "sørøst"
//   suspended: "Sundheds- og Ældreministeriet", "Sundheds – og Ældreministeriet",
//              "sosial- og/eller helse..." , "for- el. efter..." -> (first word, head word)
#include <array>
#include <cstddef>
#include <string_view>

#include "stemming/analyzer.h"

namespace arkiv {

// The Analyzer's look-ahead: the last few tokens, oldest first, in a ring whose Token objects
// are refilled in place, so a sink that does not take a token's strings leaves their storage for
// the next token.
class TokenWindow {
 public:
  static constexpr std::size_t kCapacity = 5;

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const Token& operator[](std::size_t i) const { return tokens_[(head_ + i) % kCapacity]; }
  Token& front() { return tokens_[head_]; }
  // The slot after the last token (size() < kCapacity), which becomes the last token.
  Token& push_back() { return tokens_[(head_ + size_++) % kCapacity]; }
  void clear() { head_ = size_ = 0; }
  void pop_front() {
    head_ = (head_ + 1) % kCapacity;
    --size_;
  }

 private:
  std::array<Token, kCapacity> tokens_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

// True for a normalised word of stemming/data/compound_conjunctions.txt ("og", "eller" ...).
bool is_compound_conjunction(std::string_view normalised_word);

// False when no link can start at window[0]: the text between it and window[1] holds no dash
// (a quick test that spares most tokens the two below).
bool may_link(const TokenWindow& window, std::string_view text);

// True when window[0] and window[1] are words joined by a bare hyphen in text.
bool is_joined_by_hyphen(const TokenWindow& window, std::string_view text);

// Index in window of the head word of a suspended compound whose first word is window[0]
// ("Ældreministeriet" for "Sundheds- og Ældreministeriet"), or 0 when window[0] is not one.
std::size_t suspended_compound_head(const TokenWindow& window, std::string_view text);

}  // namespace arkiv

#pragma once
// Links between neighbouring tokens that ICU splits apart at a hyphen. Internal to stemming.
//   joined:    "e-mail", "Sør-Øst" (hyphen, no space)      -> "email", "sørøst"
//   suspended: "Sundheds- og Ældreministeriet", "Sundheds – og Ældreministeriet",
//              "sosial- og/eller helse..." , "for- el. efter..." -> (first word, head word)
#include <cstddef>
#include <deque>
#include <string_view>

#include "stemming/analyzer.h"

namespace arkiv {

// True for a normalised word of stemming/data/compound_conjunctions.txt ("og", "eller" ...).
bool is_compound_conjunction(std::string_view normalised_word);

// True when window[0] and window[1] are words joined by a bare hyphen in text.
bool is_joined_by_hyphen(const std::deque<Token>& window, std::string_view text);

// Index in window of the head word of a suspended compound whose first word is window[0]
// ("Ældreministeriet" for "Sundheds- og Ældreministeriet"), or 0 when window[0] is not one.
std::size_t suspended_compound_head(const std::deque<Token>& window, std::string_view text);

}  // namespace arkiv

#pragma once
// Participants of a meeting from its front matter. Internal to the corpus module; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace arkiv {

// Names listed under the front matter's participant labels ("Deltagere", "Medlemmer", "Afbud",
// "Fra bestyrelsen:" ...), in order, without duplicates: of each line, the text before the
// first ',' or '(' when it looks like a personal name (2-6 capitalised words, no digits, not a
// registered organisation). A list ends at the next label or a front-matter label ("Dagsorden").
std::vector<std::string> extract_participants(std::string_view front_matter);

}  // namespace arkiv

#pragma once
// Running headers and footers: a line such as "www.sst.dk" or the document title repeated at
// the top or bottom of most pages. Internal to the corpus module.
#include <vector>

#include "corpus/src/cleaner.h"

namespace arkiv {

// Marks as removed the lines among the first and last two non-empty lines of each page whose
// text (digits aside, so "Side 3 af 9" repeats) recurs there on at least three pages and half
// of all pages. A line of several words atop the first page is kept: there it is usually the
// real title.
void remove_running_headers(std::vector<TextLine>& lines);

}  // namespace arkiv

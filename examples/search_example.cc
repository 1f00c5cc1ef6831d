// The smallest program using arkiv's search library: search_example DB QUERY prints the top hits.
// Uses only the public header searcher/searcher.h.
#include <iostream>

#include "searcher/searcher.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: search_example DB QUERY\n";
    return 2;
  }
  try {
    arkiv::Searcher searcher({argv[1]});
    arkiv::SearchRequest request;
    request.query = argv[2];
    request.limit = 5;
    request.facets = {"org", "year"};
    const arkiv::SearchResult result = searcher.search(request);
    std::cout << result.total << " sections\n";
    for (const arkiv::Hit& hit : result.hits)
      std::cout << hit.score << "  " << hit.title << " / " << hit.section_title << " (p. " << hit.snippet_page
                << ")\n    " << hit.snippet << "\n";
    for (const arkiv::Facet& facet : result.facets) {
      std::cout << facet.name << ":";
      for (const arkiv::FacetValue& value : facet.values) std::cout << " " << value.value << "=" << value.count;
      std::cout << "\n";
    }
    return result.hits.empty() ? 1 : 0;
  } catch (const arkiv::Error& error) {
    std::cerr << "search_example: " << error.what() << "\n";
    return 2;
  }
}

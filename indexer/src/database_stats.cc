#include <string>

#include "indexer/indexer.h"
#include "indexer/schema.h"
#include "indexer/src/database_files.h"

namespace arkiv {

namespace {

std::size_t count_terms(const Xapian::Database& database, const std::string& prefix) {
  std::size_t count = 0;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) ++count;
  return count;
}

}  // namespace

DatabaseStats database_stats(const std::filesystem::path& database_path) {
  const Xapian::Database database = indexer::open_readable(database_path);
  DatabaseStats stats;
  try {
    stats.sections = database.get_doccount();
    stats.documents = count_terms(database, schema::kDocumentIdPrefix);
    stats.organisations = count_terms(database, schema::kOrganisationPrefix);
    if (stats.sections > 0) {
      stats.first_date = database.get_value_lower_bound(schema::kSlotDate);
      stats.last_date = database.get_value_upper_bound(schema::kSlotDate);
    }
    const std::string prefix = schema::kLanguagePrefix;
    for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term)
      stats.languages[(*term).substr(prefix.size())] = term.get_termfreq();
  } catch (const Xapian::Error& error) {
    throw IoError(database_path.string() + ": " + error.get_description());
  }
  stats.bytes_on_disk = indexer::bytes_on_disk(database_path);
  return stats;
}

}  // namespace arkiv

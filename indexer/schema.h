#pragma once
// The arkiv index schema: every term prefix and value slot, in one place (docs/schema.md).
// One Xapian document per Section. Shared by the indexer (writes) and the searcher (reads).
#include <xapian.h>

#include "stemming/xapian_terms.h"

namespace arkiv::schema {

// Free-text fields: the four term spaces of each (see stemming/xapian_terms.h).
inline const FieldPrefixes kBody{"", "Z", "XP", "XF", "XW"};
inline const FieldPrefixes kDocumentTitle{"S", "ZS", "XPS", "XFS", ""};
inline const FieldPrefixes kSectionTitle{"XT", "ZXT", "XPT", "XFT", ""};

// Boolean filter terms.
inline constexpr const char* kIdPrefix = "Q";              // unique section id: Q<document-id>-<index>
inline constexpr const char* kDocumentIdPrefix = "XD";     // parent document id: 16 hex digits, the
                                                           // FNV-1a 64 hash of the absolute file path
inline constexpr const char* kFilePrefix = "XFILE";        // absolute file path; "XFILE#<document-id>"
                                                           // when the path is too long for a term
inline constexpr const char* kOrganisationPrefix = "XO";   // canonical organisation name, lowercased
inline constexpr const char* kTopicPrefix = "XK";          // topic id
inline constexpr const char* kTypePrefix = "XY";           // document type
inline constexpr const char* kLanguagePrefix = "L";        // language code
inline constexpr const char* kYearPrefix = "XYEAR";        // four-digit year
inline constexpr const char* kMonthPrefix = "XMONTH";      // YYYYMM
inline constexpr const char* kRolePrefix = "XR";           // part role: decision, recommendation ...
inline constexpr const char* kKindPrefix = "XS";           // section kind: agenda_item, chapter ...
// Added by the indexer: the stems of each part's text, without positions, so a search can be
// limited to one role: term = kRoleTextPrefix + role + ':' + stem, e.g. "XRTdecision:godkend".
inline constexpr const char* kRoleTextPrefix = "XRT";

// wdf added per occurrence in the title fields (kDocumentTitle, kSectionTitle): a title word
// weighs like this many body occurrences.
inline constexpr Xapian::termcount kTitleWdf = 3;

// User metadata key of each indexed file: kFileRecordPrefix + absolute path (or "#<document-id>"
// for very long paths); value "size|mtime_ns|content_hash|sections|path" (docs/schema.md).
inline constexpr const char* kFileRecordPrefix = "file:";

// User metadata: the common words (CommonWords::lines) whose pairs the body's pair terms hold.
// Written when a database is created; later runs index with the database's own list, and the
// searcher uses pair terms only with it (absent: a database from before pair terms, none used).
inline constexpr const char* kPairWordsKey = "arkiv:pair-words";

// Value slots.
enum Slot : Xapian::valueno {
  kSlotDate = 0,          // "YYYYMMDD" (partial dates padded with 01), sortable and for ranges
  kSlotOrganisation = 1,  // canonical organisation name
  kSlotYear = 2,          // "YYYY"
  kSlotType = 3,
  kSlotLanguage = 4,
  kSlotTopics = 5,        // topic ids joined by '\n' (facets count each one)
  kSlotRoles = 6,         // part roles joined by '\n'
  kSlotDocumentId = 7,    // collapse key for grouping sections of one document
  kSlotFileHash = 8,      // content hash of the source file (incremental indexing)
};

}  // namespace arkiv::schema

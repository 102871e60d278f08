// What the employer link's staff side (link_service.cpp) and recipient side (link_returns.cpp)
// share: the link's facts as stored, audit and provision records, the person as the consent
// shows them, and the drafts' encoding. Internal to employment/links.
#pragma once

#include <soci/soci.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "employment/links/link_service.hpp"
#include "forms/form_catalog.hpp"

namespace tsunagu::employment::links::link_rows {

std::string RecipientAd(long long id);

std::string DraftAd(long long id, const std::string& part);

std::string FormDataAd(long long form_id, int revision);

std::string ClientAd(long long id, const char* column);

bool Has(const std::vector<std::string>& list, std::string_view item);

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view item) {
  return std::find(std::begin(list), std::end(list), item) != std::end(list);
}

// "14" → 14; -1 for anything that is not a plain small number.
int ParseDays(const std::string& text);

std::string OneLine(const std::string& text);

bool IsAsciiPrintable(const std::string& s);

std::string LowerAscii(std::string text);

struct Facts {
  long long id = 0;
  long long case_id = 0;
  long long org_id = 0;
  long long consent_id = 0;
  long long client_id = 0;
  long long created_by = 0;
  std::string org_name;
  std::string kind;
  std::vector<std::string> asks;
  std::vector<std::string> items;
  std::string recipient_enc;
  std::int64_t expires_at = 0;
  std::int64_t revoked_at = 0;
  std::int64_t withdrawn_at = 0;
  std::string valid_from;
  std::string valid_until;
};

// What a link is now: active, expired, revoked or consent_withdrawn.
std::string State(const Facts& f, std::int64_t now, const std::string& today);

constexpr const char* kFactsSelect =
    "SELECT l.id, l.case_id, l.organization_id, l.consent_id, sc.client_id, l.created_by, o.name, "
    "l.recipient_kind, l.asks, k.items, l.recipient_enc, l.expires_at, l.revoked_at, "
    "k.withdrawn_at, k.valid_from, k.valid_until FROM employer_link l JOIN consent k ON k.id = "
    "l.consent_id JOIN support_case sc ON sc.id = l.case_id JOIN organization o ON o.id = "
    "l.organization_id ";

Facts ReadFacts(const soci::row& r);

// Tokens are 32 random bytes in URL-safe base64: anything else cannot be one.
bool WellFormed(const std::string& token);

std::optional<Facts> FindByToken(soci::session& s, const std::string& token);

void Log(soci::session& s, const audit::Actor& actor, const Facts& f, const std::string& outcome,
         std::int64_t now, const std::string& action = "employer_link.open");

// The provision of what the recipient was shown or given (APPI 法29条): one row per use.
void Provide(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
             const std::vector<std::string>& items, std::int64_t now);

// The person as the link's consent shows them: the name under "basic", the diagnosis under
// "medical", the employer under "work"; nothing else is ever read.
struct Person {
  std::string name, kana, gender, municipality, diagnosis, treatment_status, work_status, employer;
  int birth_year = 0;
};

Person ReadPerson(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f);

// The items actually given: those with something to show.
std::vector<std::string> ShownItems(const Person& p);

std::vector<std::string> Submitted(soci::session& s, long long link);

OpenLink ToOpen(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
                const Person& p);

bool InSection(const forms::FormDefinition& def, const std::string& section,
               const std::string& key);

std::string PrefillValue(const forms::Field& f, const Person& p, core::Date today);

std::string InputToJson(const forms::Input& in);

forms::Input InputFromJson(const std::string& text);

std::string GetOrgName(soci::session& s, long long org);

}  // namespace tsunagu::employment::links::link_rows

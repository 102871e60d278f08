#include "employment/links/link_rows.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "api/json.hpp"
#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "documents/document_rows.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::links::link_rows {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string RecipientAd(long long id) {
  return "employer_link:" + std::to_string(id) + ":recipient";
}

std::string DraftAd(long long id, const std::string& part) {
  return "employer_link_draft:" + std::to_string(id) + ":" + part;
}

std::string FormDataAd(long long form_id, int revision) {
  return "case_form_revision:" + std::to_string(form_id) + ":" + std::to_string(revision);
}

std::string ClientAd(long long id, const char* column) {
  return "client:" + std::to_string(id) + ":" + column;
}

bool Has(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// "14" → 14; -1 for anything that is not a plain small number.
int ParseDays(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  if (t.empty() || t.size() > 3) return -1;
  int n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string OneLine(const std::string& text) {
  std::string out = core::NormalizeNfkc(text);
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return core::Trim(out);
}

bool IsAsciiPrintable(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

std::string LowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
}

// What a link is now: active, expired, revoked or consent_withdrawn.
std::string State(const Facts& f, std::int64_t now, const std::string& today) {
  if (f.revoked_at != 0) return "revoked";
  if (now >= f.expires_at) return "expired";
  if (f.withdrawn_at != 0) return "consent_withdrawn";
  // A consent whose period has ended no longer allows the exchange: the link ends with it.
  if (today < f.valid_from || today > f.valid_until) return "expired";
  return "active";
}

Facts ReadFacts(const soci::row& r) {
  Facts f;
  f.id = GetInt(r, 0);
  f.case_id = GetInt(r, 1);
  f.org_id = GetInt(r, 2);
  f.consent_id = GetInt(r, 3);
  f.client_id = GetInt(r, 4);
  f.created_by = GetInt(r, 5);
  f.org_name = GetText(r, 6);
  f.kind = GetText(r, 7);
  f.asks = core::SplitCodes(GetText(r, 8));
  f.items = core::SplitCodes(GetText(r, 9));
  f.recipient_enc = GetText(r, 10);
  f.expires_at = GetInt(r, 11);
  f.revoked_at = GetInt(r, 12);
  f.withdrawn_at = GetInt(r, 13);
  f.valid_from = GetText(r, 14);
  f.valid_until = GetText(r, 15);
  return f;
}

// Tokens are 32 random bytes in URL-safe base64: anything else cannot be one.
bool WellFormed(const std::string& token) {
  return token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

std::optional<Facts> FindByToken(soci::session& s, const std::string& token) {
  if (!WellFormed(token)) return std::nullopt;
  const std::string hash = crypto::HashToken(token);
  soci::row r;
  s << std::string(kFactsSelect) + "WHERE l.token_hash = :h", soci::into(r), soci::use(hash);
  if (!s.got_data()) return std::nullopt;
  return ReadFacts(r);
}

void Log(soci::session& s, const audit::Actor& actor, const Facts& f, const std::string& outcome,
         std::int64_t now, const std::string& action) {
  long long at = now;
  long long link = f.id;
  s << "INSERT INTO employer_link_access (link_id, accessed_at, ip, outcome) VALUES (:l, :t, "
       ":ip, :o)",
      soci::use(link), soci::use(at), soci::use(actor.ip), soci::use(outcome);
  audit::Event event{
      action, "support_case", std::to_string(f.case_id),
      "{\"link\":" + std::to_string(f.id) + ",\"outcome\":" + api::JsonString(outcome) + "}",
      f.org_id};
  audit::AuditLog::Append(s, actor, event, now);
}

// The provision of what the recipient was shown or given (APPI 法29条): one row per use.
void Provide(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
             const std::vector<std::string>& items, std::int64_t now) {
  if (items.empty()) return;
  const std::string day = core::ToIso(core::DateFromUnixSeconds(now));
  long long provider = f.org_id;
  long long client = f.client_id;
  long long consent = f.consent_id;
  long long link = f.id;
  long long at = now;
  const std::string recipient = storage::Unseal(cipher, f.recipient_enc, RecipientAd(f.id));
  const std::string label =
      cipher.Encrypt(recipient, "provision:" + std::to_string(f.client_id) + ":recipient");
  std::vector<std::string> ordered;
  for (auto item : auth::kConsentItems) {
    if (Has(items, item)) ordered.emplace_back(item);
  }
  const std::string codes = core::JoinCodes(ordered);
  const std::string channel = "share_link";
  s << "INSERT INTO provision_record (provider_org_id, recipient_label_enc, client_id, "
       "consent_id, items, channel, provided_on, provided_at, employer_link_id) VALUES (:p, :l, "
       ":c, :k, :i, :ch, :d, :t, :e)",
      soci::use(provider), soci::use(label), soci::use(client), soci::use(consent),
      soci::use(codes), soci::use(channel), soci::use(day), soci::use(at), soci::use(link);
}

Person ReadPerson(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f) {
  Person p;
  long long cid = f.client_id;
  soci::row r;
  s << "SELECT name_enc, kana_enc, COALESCE(birth_year, 0), gender, municipality, diagnosis_enc, "
       "treatment_status, work_status, employer_enc FROM client WHERE id = :c",
      soci::into(r), soci::use(cid);
  if (!s.got_data()) return p;
  if (Has(f.items, "basic")) {
    p.name = storage::Unseal(cipher, GetText(r, 0), ClientAd(cid, "name"));
    p.kana = storage::Unseal(cipher, GetText(r, 1), ClientAd(cid, "kana"));
    p.birth_year = static_cast<int>(GetInt(r, 2));
    p.gender = GetText(r, 3);
    p.municipality = GetText(r, 4);
  }
  if (Has(f.items, "medical")) {
    p.diagnosis = storage::Unseal(cipher, GetText(r, 5), ClientAd(cid, "diagnosis"));
    p.treatment_status = GetText(r, 6);
  }
  if (Has(f.items, "work")) {
    p.work_status = GetText(r, 7);
    p.employer = storage::Unseal(cipher, GetText(r, 8), ClientAd(cid, "employer"));
  }
  return p;
}

// The items actually given: those with something to show.
std::vector<std::string> ShownItems(const Person& p) {
  std::vector<std::string> out;
  if (!p.name.empty()) out.emplace_back("basic");
  if (!p.diagnosis.empty() || !p.treatment_status.empty()) out.emplace_back("medical");
  if (!p.employer.empty() || !p.work_status.empty()) out.emplace_back("work");
  return out;
}

std::vector<std::string> Submitted(soci::session& s, long long link) {
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT DISTINCT f.form_type FROM case_form_revision r JOIN case_form f ON "
                    "f.id = r.form_id WHERE r.edited_link_id = :l",
       soci::use(link));
  for (const auto& r : rows) out.push_back(GetText(r, 0));
  return out;
}

OpenLink ToOpen(soci::session& s, const crypto::FieldCipher& cipher, const Facts& f,
                const Person& p) {
  OpenLink o;
  o.link_id = f.id;
  o.organization_name = f.org_name;
  o.recipient_kind = f.kind;
  o.asks = f.asks;
  o.expires_at = f.expires_at;
  o.items = f.items;
  o.person_name = p.name;
  o.diagnosis = p.diagnosis;
  o.employer = p.employer;
  for (const auto& type : Submitted(s, f.id)) {
    for (const auto& part : f.asks) {
      if (FormOfPart(part).form_type == type) o.submitted.push_back(part);
    }
  }
  (void)cipher;
  return o;
}

bool InSection(const forms::FormDefinition& def, const std::string& section,
               const std::string& key) {
  if (section.empty()) return true;
  for (const auto& sec : def.sections) {
    if (sec.key != section) continue;
    for (const auto& f : sec.fields) {
      if (key == f.key || key.rfind(f.key + ".", 0) == 0) return true;
    }
  }
  return false;
}

std::string PrefillValue(const forms::Field& f, const Person& p, core::Date today) {
  std::string value;
  const std::string& src = f.prefill;
  if (src == "client.name") value = p.name;
  if (src == "client.kana") value = p.kana;
  if (src == "client.municipality") value = p.municipality;
  if (src == "client.diagnosis") value = p.diagnosis;
  if (src == "client.employer") value = p.employer;
  if (src == "client.gender") value = p.gender;
  if (src == "client.treatment_status") value = p.treatment_status;
  if (src == "client.work_status") value = p.work_status;
  if (src == "today") value = core::ToIso(today);
  if (src == "client.birth_year" && p.birth_year > 0 &&
      ((f.type == forms::FieldType::kDate && f.partial_date) ||
       f.type == forms::FieldType::kNumber || f.type == forms::FieldType::kText)) {
    value = std::to_string(p.birth_year);
  }
  if (value.empty()) return {};
  if (f.type == forms::FieldType::kChoice || f.type == forms::FieldType::kYesNo) {
    return f.FindChoice(value) != nullptr ? value : std::string();
  }
  if (f.type == forms::FieldType::kRows || f.type == forms::FieldType::kChoices ||
      f.type == forms::FieldType::kTimeRange || f.type == forms::FieldType::kPeriod) {
    return {};
  }
  return value;
}

std::string InputToJson(const forms::Input& in) {
  boost::json::array a;
  for (const auto& [k, v] : in) a.push_back(boost::json::array{k, v});
  return api::ToJson(boost::json::value(std::move(a)));
}

forms::Input InputFromJson(const std::string& text) {
  forms::Input in;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return in;
  for (const auto& pair : v.as_array()) {
    if (!pair.is_array() || pair.as_array().size() != 2) continue;
    const auto& k = pair.as_array()[0];
    const auto& val = pair.as_array()[1];
    if (k.is_string() && val.is_string()) {
      in.emplace(std::string(k.as_string()), std::string(val.as_string()));
    }
  }
  return in;
}

std::string GetOrgName(soci::session& s, long long org) {
  std::string name;
  s << "SELECT name FROM organization WHERE id = :o", soci::into(name), soci::use(org);
  return name;
}

}  // namespace tsunagu::employment::links::link_rows

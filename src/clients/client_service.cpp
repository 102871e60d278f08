#include "clients/client_service.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

#include "consultations/model.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::clients {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string Ad(long long id, const char* column) {
  return "client:" + std::to_string(id) + ":" + column;
}

// What is stored: names and places NFKC-normalised and trimmed, the phone as digits.
ClientInput Normalized(const ClientInput& in) {
  ClientInput out = in;
  out.name = core::Trim(core::NormalizeNfkc(in.name));
  out.kana = core::Trim(core::NormalizeNfkc(in.kana));
  out.phone = core::NormalizePhone(in.phone);
  out.email = core::Trim(core::NormalizeNfkc(in.email));
  out.municipality = core::Trim(core::NormalizeNfkc(in.municipality));
  out.diagnosis = core::Trim(in.diagnosis);
  out.employer = core::Trim(in.employer);
  out.notes = core::NormalizeNewlines(in.notes);
  return out;
}

// The parts of a name as people search for them: split on spaces (NFKC turns U+3000 into one).
std::vector<std::string> Parts(const std::string& nfkc_name) {
  std::vector<std::string> parts;
  std::string part;
  for (char ch : nfkc_name + " ") {
    if (ch == ' ' || ch == '\t') {
      const std::string key = core::NormalizeForSearch(part);
      if (!key.empty()) parts.push_back(key);
      part.clear();
    } else {
      part += ch;
    }
  }
  return parts;
}

// Blind-index rows of a client (purpose, digest).
std::set<std::pair<std::string, std::string>> SearchKeys(const crypto::FieldCipher& cipher,
                                                         const ClientInput& in) {
  std::set<std::pair<std::string, std::string>> keys;
  auto add = [&](const std::string& purpose, const std::string& value) {
    if (!value.empty()) keys.insert({purpose, cipher.BlindIndex(value, "client." + purpose)});
  };
  add("name", core::NormalizeForSearch(in.name));
  add("kana", core::NormalizeForSearch(in.kana));
  const auto name_parts = Parts(in.name);
  const auto kana_parts = Parts(in.kana);
  if (name_parts.size() > 1) {
    for (const auto& p : name_parts) add("name_part", p);
  }
  if (kana_parts.size() > 1) {
    for (const auto& p : kana_parts) add("kana_part", p);
  }
  add("phone", in.phone);
  return keys;
}

void WriteSearchKeys(soci::session& s, const crypto::FieldCipher& cipher, long long id,
                     const ClientInput& in) {
  s << "DELETE FROM client_search WHERE client_id = :c", soci::use(id);
  for (const auto& [purpose, digest] : SearchKeys(cipher, in)) {
    s << "INSERT INTO client_search (client_id, purpose, digest) VALUES (:c, :p, :d)",
        soci::use(id), soci::use(purpose), soci::use(digest);
  }
}

// Ids of clients with any of the (purpose, digest) keys, among those the organisation sees.
std::vector<long long> Matching(soci::session& s,
                                const std::vector<std::pair<std::string, std::string>>& keys,
                                long long org, const std::string& today) {
  std::set<long long> ids;
  const std::string sql =
      std::string(
          "SELECT c.id FROM client_search cs JOIN client c ON c.id = cs.client_id WHERE "
          "cs.purpose = :p AND cs.digest = :d AND ") +
      auth::RecordAccess::ClientListFilter();
  for (const auto& [purpose, digest] : keys) {
    soci::rowset<soci::row> rows =
        (s.prepare << sql, soci::use(purpose), soci::use(digest), soci::use(org), soci::use(org),
         soci::use(today), soci::use(today));
    for (const auto& r : rows) ids.insert(GetInt(r, 0));
  }
  return {ids.begin(), ids.end()};
}

// Summary lines for visible client ids, decrypting names only where the consent allows.
std::vector<ClientSummary> Summaries(soci::session& s, const crypto::FieldCipher& cipher,
                                     const auth::Principal& who, core::Date today,
                                     const std::vector<long long>& ids) {
  std::vector<ClientSummary> out;
  for (long long id : ids) {
    auto view = auth::RecordAccess::Client(s, who, id, today);
    if (!view) continue;
    soci::row r;
    s << "SELECT c.id, o.name, c.name_enc, c.kana_enc, c.age_band, c.birth_year, c.updated_at "
         "FROM client c JOIN organization o ON o.id = c.organization_id WHERE c.id = :id",
        soci::into(r), soci::use(id);
    if (!s.got_data()) continue;
    ClientSummary sum;
    sum.id = GetInt(r, 0);
    sum.organization_name = GetText(r, 1);
    sum.own = view->owner;
    if (view->Has("basic")) {
      sum.name = storage::Unseal(cipher, GetText(r, 2), Ad(id, "name"));
      sum.kana = storage::Unseal(cipher, GetText(r, 3), Ad(id, "kana"));
      sum.age_band = GetText(r, 4);
      sum.birth_year = static_cast<int>(GetInt(r, 5));
    }
    sum.updated_at = GetInt(r, 6);
    out.push_back(std::move(sum));
  }
  return out;
}

// A match on a name or phone number only shows people whose name the organisation may see:
// otherwise the hit itself would tie the typed name to a record whose consent does not cover
// basic data.
void KeepIdentified(std::vector<ClientSummary>& out) {
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const ClientSummary& c) { return c.name.empty(); }),
      out.end());
}

// The booking's organisation (through its day's programme); 0 when there is no such booking.
long long BookingOrg(soci::session& s, long long booking_id) {
  long long org = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT p.organization_id FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
       "program p ON p.id = d.program_id WHERE b.id = :b",
      soci::into(org, ind), soci::use(booking_id);
  return s.got_data() && ind == soci::i_ok ? org : 0;
}

void Check(std::vector<core::FieldError>& errors, const std::string& field,
           const std::string& value, std::size_t max, bool required) {
  if (required && core::Trim(value).empty()) {
    errors.push_back({field, "error.required"});
  } else if (core::CountCodePoints(value) > max) {
    errors.push_back({field, "error.too_long"});
  }
}

template <std::size_t N>
void CheckCode(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, const std::array<std::string_view, N>& list) {
  if (!value.empty() && !consultations::InList(list, value)) {
    errors.push_back({field, "error.invalid_choice"});
  }
}

// The clients the organisation may see (the client list's filter), newest change first, at
// most `limit` after the one with the sort key `after` (all from the newest without one).
std::vector<long long> VisibleIds(soci::session& s, long long org, const std::string& day,
                                  std::optional<ClientService::ListKey> after, int limit) {
  // With no cursor, the key compared against is past every row.
  long long before_at = after ? after->updated_at : std::numeric_limits<long long>::max();
  long long same_at = before_at;  // each placeholder gets its own bound variable
  long long before_id = after ? after->id : std::numeric_limits<long long>::max();
  int lim = limit;
  std::vector<long long> ids;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT c.id FROM client c WHERE ") +
                        auth::RecordAccess::ClientListFilter() +
                        " AND (c.updated_at < :at OR (c.updated_at = :same AND c.id < :id)) "
                        "ORDER BY c.updated_at DESC, c.id DESC LIMIT :lim",
       soci::use(org), soci::use(org), soci::use(day), soci::use(day), soci::use(before_at),
       soci::use(same_at), soci::use(before_id), soci::use(lim));
  for (const auto& r : rows) ids.push_back(GetInt(r, 0));
  return ids;
}

}  // namespace

std::vector<core::FieldError> ClientService::Validate(const ClientInput& in, int this_year) {
  std::vector<core::FieldError> errors;
  Check(errors, "name", in.name, kMaxName, true);
  Check(errors, "kana", in.kana, kMaxName, true);
  if (errors.empty() ||
      std::none_of(errors.begin(), errors.end(), [](const auto& e) { return e.field == "kana"; })) {
    if (!core::IsKanaReading(in.kana)) errors.push_back({"kana", "client.error.kana"});
  }
  if (!core::Trim(in.phone).empty()) {
    const auto digits = core::NormalizePhone(in.phone);
    if (digits.size() < 10 || digits.size() > 15 || core::CountCodePoints(in.phone) > 30) {
      errors.push_back({"phone", "client.error.phone"});
    }
  }
  if (!core::Trim(in.email).empty() &&
      !core::LooksLikeEmail(core::Trim(core::NormalizeNfkc(in.email)))) {
    errors.push_back({"email", "client.error.email"});
  }
  if (in.birth_year != 0 && (in.birth_year < 1900 || in.birth_year > this_year)) {
    errors.push_back({"birth_year", "client.error.birth_year"});
  }
  CheckCode(errors, "age_band", in.age_band, consultations::kAgeBands);
  CheckCode(errors, "gender", in.gender, consultations::kGenders);
  CheckCode(errors, "treatment_status", in.treatment_status, consultations::kTreatmentStatuses);
  CheckCode(errors, "work_status", in.work_status, consultations::kWorkStatuses);
  Check(errors, "municipality", in.municipality, 50, false);
  Check(errors, "diagnosis", in.diagnosis, kMaxShort, false);
  Check(errors, "employer", in.employer, kMaxShort, false);
  Check(errors, "notes", in.notes, kMaxNotes, false);
  return errors;
}

core::Result<std::int64_t> ClientService::Create(const auth::Principal& who,
                                                 const audit::Actor& actor,
                                                 const ClientInput& input) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  auto errors = Validate(input, core::DateFromUnixSeconds(now).year);
  if (!errors.empty()) return core::Error::Invalid("error.form_invalid", std::move(errors));
  return db_.Write<std::int64_t>(
      [&](soci::session& s) { return InsertClient(s, cipher_, who, actor, input, now); });
}

std::int64_t InsertClient(soci::session& s, const crypto::FieldCipher& cipher,
                          const auth::Principal& who, const audit::Actor& actor,
                          const ClientInput& input, std::int64_t now) {
  auto errors = ClientService::Validate(input, core::DateFromUnixSeconds(now).year);
  if (!errors.empty()) {
    throw Abort{core::Error::Invalid("error.form_invalid", std::move(errors))};
  }
  const ClientInput in = Normalized(input);
  long long org = who.organization_id;
  long long booking = in.booking_id;
  soci::indicator booking_ind = soci::i_null;
  if (in.booking_id != 0) {
    if (BookingOrg(s, booking) != org) throw Abort{core::Error::NotFound()};
    const auto contact =
        auth::RecordAccess::Booking(s, who, in.booking_id, core::DateFromUnixSeconds(now));
    if (contact != auth::BookingContact::kCoordinator) {
      throw Abort{core::Error{core::ErrorCode::kForbidden, "client.error.booking_contacts", {}}};
    }
    long long taken = 0;
    s << "SELECT COUNT(*) FROM client WHERE booking_id = :b", soci::into(taken), soci::use(booking);
    if (taken > 0) throw Abort{core::Error::Conflict("client.error.booking_taken")};
    booking_ind = soci::i_ok;
  }
  long long user = who.user_id;
  long long at = now;
  int birth_year = in.birth_year;
  soci::indicator year_ind = in.birth_year == 0 ? soci::i_null : soci::i_ok;
  long long id = 0;
  s << "INSERT INTO client (organization_id, name_enc, kana_enc, birth_year, age_band, gender, "
       "municipality, treatment_status, work_status, booking_id, created_by, created_at, "
       "updated_at) VALUES (:o, '', '', :y, :a, :g, :m, :ts, :ws, :b, :u, :t, :t2) RETURNING id",
      soci::use(org), soci::use(birth_year, year_ind), soci::use(in.age_band), soci::use(in.gender),
      soci::use(in.municipality), soci::use(in.treatment_status), soci::use(in.work_status),
      soci::use(booking, booking_ind), soci::use(user), soci::use(at), soci::use(at),
      soci::into(id);
  const std::string name = cipher.Encrypt(in.name, Ad(id, "name"));
  const std::string kana = cipher.Encrypt(in.kana, Ad(id, "kana"));
  const std::string phone = in.phone.empty() ? "" : cipher.Encrypt(in.phone, Ad(id, "phone"));
  const std::string email = in.email.empty() ? "" : cipher.Encrypt(in.email, Ad(id, "email"));
  const std::string diagnosis =
      in.diagnosis.empty() ? "" : cipher.Encrypt(in.diagnosis, Ad(id, "diagnosis"));
  const std::string employer =
      in.employer.empty() ? "" : cipher.Encrypt(in.employer, Ad(id, "employer"));
  const std::string notes = in.notes.empty() ? "" : cipher.Encrypt(in.notes, Ad(id, "notes"));
  s << "UPDATE client SET name_enc = :n, kana_enc = :k, phone_enc = :p, email_enc = :e, "
       "diagnosis_enc = :d, employer_enc = :em, notes_enc = :nt WHERE id = :id",
      soci::use(name), soci::use(kana), soci::use(phone), soci::use(email), soci::use(diagnosis),
      soci::use(employer), soci::use(notes), soci::use(id);
  WriteSearchKeys(s, cipher, id, in);
  audit::AuditLog::Append(
      s, actor,
      {"client.create", "client", std::to_string(id),
       in.booking_id != 0 ? "{\"booking\":" + std::to_string(in.booking_id) + "}" : "{}"},
      now);
  return static_cast<std::int64_t>(id);
}

core::Status ClientService::Update(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t id, const ClientInput& input, int version) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    // Partners read what the consent allows; the registering organisation keeps the record.
    if (!view->owner) throw Abort{core::Error::Forbidden()};
    auto errors = Validate(input, today.year);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", std::move(errors))};
    const ClientInput in = Normalized(input);
    long long cid = id;
    int expected = version;
    long long at = now;
    int birth_year = in.birth_year;
    soci::indicator year_ind = in.birth_year == 0 ? soci::i_null : soci::i_ok;
    const std::string name = cipher_.Encrypt(in.name, Ad(cid, "name"));
    const std::string kana = cipher_.Encrypt(in.kana, Ad(cid, "kana"));
    const std::string phone = in.phone.empty() ? "" : cipher_.Encrypt(in.phone, Ad(cid, "phone"));
    const std::string email = in.email.empty() ? "" : cipher_.Encrypt(in.email, Ad(cid, "email"));
    const std::string diagnosis =
        in.diagnosis.empty() ? "" : cipher_.Encrypt(in.diagnosis, Ad(cid, "diagnosis"));
    const std::string employer =
        in.employer.empty() ? "" : cipher_.Encrypt(in.employer, Ad(cid, "employer"));
    const std::string notes = in.notes.empty() ? "" : cipher_.Encrypt(in.notes, Ad(cid, "notes"));
    soci::statement st =
        (s.prepare << "UPDATE client SET name_enc = :n, kana_enc = :k, phone_enc = :p, "
                      "email_enc = :e, birth_year = :y, age_band = :a, gender = :g, "
                      "municipality = :m, diagnosis_enc = :d, treatment_status = :ts, "
                      "work_status = :ws, employer_enc = :em, notes_enc = :nt, version = version "
                      "+ 1, updated_at = :t WHERE id = :id AND version = :v",
         soci::use(name), soci::use(kana), soci::use(phone), soci::use(email),
         soci::use(birth_year, year_ind), soci::use(in.age_band), soci::use(in.gender),
         soci::use(in.municipality), soci::use(diagnosis), soci::use(in.treatment_status),
         soci::use(in.work_status), soci::use(employer), soci::use(notes), soci::use(at),
         soci::use(cid), soci::use(expected));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("client.error.stale")};
    WriteSearchKeys(s, cipher_, cid, in);
    audit::AuditLog::Append(s, actor, {"client.update", "client", std::to_string(id), "{}"}, now);
  });
}

core::Result<Client> ClientService::Get(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<Client>([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    long long cid = id;
    soci::row r;
    s << "SELECT c.organization_id, o.name, c.name_enc, c.kana_enc, c.phone_enc, c.email_enc, "
         "c.birth_year, c.age_band, c.gender, c.municipality, c.diagnosis_enc, "
         "c.treatment_status, c.work_status, c.employer_enc, c.notes_enc, c.booking_id, "
         "c.version, c.created_at, c.updated_at FROM client c JOIN organization o ON o.id = "
         "c.organization_id WHERE c.id = :id",
        soci::into(r), soci::use(cid);
    Client c;
    c.id = id;
    c.organization_id = GetInt(r, 0);
    c.organization_name = GetText(r, 1);
    c.view = *view;
    if (view->Has("basic")) {
      c.data.name = storage::Unseal(cipher_, GetText(r, 2), Ad(cid, "name"));
      c.data.kana = storage::Unseal(cipher_, GetText(r, 3), Ad(cid, "kana"));
      c.data.phone = storage::Unseal(cipher_, GetText(r, 4), Ad(cid, "phone"));
      c.data.email = storage::Unseal(cipher_, GetText(r, 5), Ad(cid, "email"));
      c.data.birth_year = static_cast<int>(GetInt(r, 6));
      c.data.age_band = GetText(r, 7);
      c.data.gender = GetText(r, 8);
      c.data.municipality = GetText(r, 9);
    }
    if (view->Has("medical")) {
      c.data.diagnosis = storage::Unseal(cipher_, GetText(r, 10), Ad(cid, "diagnosis"));
      c.data.treatment_status = GetText(r, 11);
    }
    if (view->Has("work")) {
      c.data.work_status = GetText(r, 12);
      c.data.employer = storage::Unseal(cipher_, GetText(r, 13), Ad(cid, "employer"));
    }
    // Notes are the registering organisation's own working notes, never shared.
    if (view->owner) {
      c.data.notes = storage::Unseal(cipher_, GetText(r, 14), Ad(cid, "notes"));
      c.data.booking_id = GetInt(r, 15);
    }
    c.version = static_cast<int>(GetInt(r, 16));
    c.created_at = GetInt(r, 17);
    c.updated_at = GetInt(r, 18);
    if (!view->owner) {
      // The client page shows the core record's items; each consent is named with the items
      // of those it covers (notes, records and documents are not on this page).
      for (const auto& grant : view->Provided({"basic", "medical", "work"})) {
        sharing::Provision p;
        p.provider_org_id = c.organization_id;
        p.recipient_org_id = who.organization_id;
        p.client_id = id;
        p.consent_id = grant.id;
        p.items = grant.items;
        p.channel = "shared_view";
        p.actor_user_id = who.user_id;
        sharing::RecordProvision(s, cipher_, p, now);
      }
    }
    audit::AuditLog::Append(s, actor, {"client.read", "client", std::to_string(id), "{}"}, now);
    return c;
  });
}

core::Result<std::vector<ClientSummary>> ClientService::Search(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               const std::string& query) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<ClientSummary>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  const std::string key = core::NormalizeForSearch(query);
  return db_.Write<std::vector<ClientSummary>>([&](soci::session& s) {
    long long org = who.organization_id;
    const std::string day = core::ToIso(today);
    std::vector<long long> ids;
    if (key.empty()) {
      ids = VisibleIds(s, org, day, std::nullopt, kListLimit);
    } else {
      std::vector<std::pair<std::string, std::string>> keys;
      const bool phone_like = std::all_of(key.begin(), key.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || ch == '-' || ch == '(' || ch == ')' || ch == '+';
      });
      if (phone_like) {
        const std::string digits = core::NormalizePhone(query);
        if (!digits.empty()) {
          keys.emplace_back("phone", cipher_.BlindIndex(digits, "client.phone"));
        }
      } else {
        for (const char* purpose : {"name", "kana", "name_part", "kana_part"}) {
          keys.emplace_back(purpose, cipher_.BlindIndex(key, std::string("client.") + purpose));
        }
      }
      ids = Matching(s, keys, org, day);
      if (ids.size() > static_cast<std::size_t>(kListLimit)) ids.resize(kListLimit);
    }
    auto out = Summaries(s, cipher_, who, today, ids);
    if (!key.empty()) KeepIdentified(out);
    audit::AuditLog::Append(s, actor,
                            {"client.search", "organization", std::to_string(org),
                             std::string("{\"query\":") + (key.empty() ? "false" : "true") +
                                 ",\"results\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<std::vector<ClientSummary>> ClientService::ListPage(const auth::Principal& who,
                                                                 const audit::Actor& actor,
                                                                 std::optional<ListKey> after,
                                                                 int limit) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<ClientSummary>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<ClientSummary>>([&](soci::session& s) {
    const long long org = who.organization_id;
    const auto ids = VisibleIds(s, org, core::ToIso(today), after, limit);
    auto out = Summaries(s, cipher_, who, today, ids);
    audit::AuditLog::Append(s, actor,
                            {"client.search", "organization", std::to_string(org),
                             "{\"query\":false,\"results\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<std::vector<ClientSummary>> ClientService::LikelyDuplicates(const auth::Principal& who,
                                                                         const audit::Actor& actor,
                                                                         const ClientInput& input) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<ClientSummary>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  const ClientInput in = Normalized(input);
  return db_.Write<std::vector<ClientSummary>>([&](soci::session& s) {
    long long org = who.organization_id;
    const std::string day = core::ToIso(today);
    std::vector<std::pair<std::string, std::string>> strong;
    const auto name = core::NormalizeForSearch(in.name);
    if (!name.empty()) strong.emplace_back("name", cipher_.BlindIndex(name, "client.name"));
    if (!in.phone.empty())
      strong.emplace_back("phone", cipher_.BlindIndex(in.phone, "client.phone"));
    std::vector<long long> ids = Matching(s, strong, org, day);
    // The same reading alone is common (やまだ たろう); with the same birth year it is likely
    // the same person.
    const auto kana = core::NormalizeForSearch(in.kana);
    if (!kana.empty()) {
      for (long long id :
           Matching(s, {{"kana", cipher_.BlindIndex(kana, "client.kana")}}, org, day)) {
        int year = 0;
        soci::indicator ind = soci::i_null;
        s << "SELECT birth_year FROM client WHERE id = :id", soci::into(year, ind), soci::use(id);
        const bool same_year = in.birth_year == 0 || ind != soci::i_ok || year == in.birth_year;
        if (same_year && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
    }
    std::sort(ids.begin(), ids.end());
    auto out = Summaries(s, cipher_, who, today, ids);
    KeepIdentified(out);
    if (!out.empty()) {
      audit::AuditLog::Append(s, actor,
                              {"client.duplicate_check", "organization", std::to_string(org),
                               "{\"results\":" + std::to_string(out.size()) + "}"},
                              now);
    }
    return out;
  });
}

core::Result<ClientInput> ClientService::FromBooking(const auth::Principal& who,
                                                     const audit::Actor& actor,
                                                     std::int64_t booking_id) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) return core::Error::NotFound();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<ClientInput>([&](soci::session& s) {
    return ClientInputFromBooking(s, cipher_, who, actor, booking_id, now);
  });
}

ClientInput ClientInputFromBooking(soci::session& s, const crypto::FieldCipher& cipher,
                                   const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t booking_id, std::int64_t now) {
  const core::Date today = core::DateFromUnixSeconds(now);
  long long id = booking_id;
  if (BookingOrg(s, id) != who.organization_id) throw Abort{core::Error::NotFound()};
  // Copying a booking's contact data into a client record is the 事務局's (SECURITY.md
  // rule 2; seed 001: counselors learn no personal details beforehand).
  const auto contact = auth::RecordAccess::Booking(s, who, booking_id, today);
  if (!contact) throw Abort{core::Error::NotFound()};
  if (*contact != auth::BookingContact::kCoordinator) {
    throw Abort{core::Error{core::ErrorCode::kForbidden, "client.error.booking_contacts", {}}};
  }
  soci::row r;
  s << "SELECT reference, name_enc, furigana_enc, phone_enc, email_enc, diagnosis_enc, gender, "
       "age_band, municipality, treatment_status, work_status FROM booking WHERE id = :id",
      soci::into(r), soci::use(id);
  const std::string ad = "booking:" + GetText(r, 0) + ":";
  ClientInput in;
  in.name = storage::Unseal(cipher, GetText(r, 1), ad + "name");
  in.kana = storage::Unseal(cipher, GetText(r, 2), ad + "furigana");
  in.phone = storage::Unseal(cipher, GetText(r, 3), ad + "phone");
  in.email = storage::Unseal(cipher, GetText(r, 4), ad + "email");
  in.diagnosis = storage::Unseal(cipher, GetText(r, 5), ad + "diagnosis");
  in.gender = GetText(r, 6);
  in.age_band = GetText(r, 7);
  in.municipality = GetText(r, 8);
  in.treatment_status = GetText(r, 9);
  in.work_status = GetText(r, 10);
  in.booking_id = booking_id;
  audit::AuditLog::Append(
      s, actor, {"booking.read", "booking", std::to_string(booking_id), "{\"for\":\"client\"}"},
      now);
  return in;
}

core::Result<std::int64_t> ClientService::ClientOfBooking(const auth::Principal& who,
                                                          std::int64_t booking_id) {
  return db_.Read<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long id = booking_id;
    long long org = who.organization_id;
    long long client = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT id FROM client WHERE booking_id = :b AND organization_id = :o",
        soci::into(client, ind), soci::use(id), soci::use(org);
    return s.got_data() && ind == soci::i_ok ? client : 0;
  });
}

}  // namespace tsunagu::clients

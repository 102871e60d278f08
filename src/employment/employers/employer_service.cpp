#include "employment/employers/employer_service.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "directory/search.hpp"
#include "employment/employers/rows.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string Ad(std::int64_t id, const char* column) {
  return "employer:" + std::to_string(id) + ":" + column;
}
std::string ContactAd(std::int64_t id, const char* column) {
  return "employer_contact:" + std::to_string(id) + ":" + column;
}

void RequireCounsel(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) throw Abort{core::Error::Forbidden()};
}

EmployerInput Tidy(EmployerInput in) {
  // Names keep their full-width brackets; the 市町村 is folded like the person's (the filter).
  for (auto* f : {&in.name, &in.furigana, &in.address}) *f = core::Trim(*f);
  in.municipality = core::Trim(core::NormalizeNfkc(in.municipality));
  in.attitude_note = core::Trim(core::NormalizeNewlines(in.attitude_note));
  in.practices = PracticeList(PracticeCodes(in.practices));
  return in;
}

std::string KeyOf(const EmployerInput& in) {
  return directory::SearchKey({in.name, in.furigana});
}

void Audit(soci::session& s, const audit::Actor& actor, const auth::Principal& who,
           const std::string& action, std::int64_t id, std::int64_t now,
           const std::string& detail = "{}") {
  audit::AuditLog::Append(
      s, actor, {action, "employer", std::to_string(id), detail, who.organization_id}, now);
}

// Takes the row lock and checks the version the form was read at.
void LockAtVersion(soci::session& s, std::int64_t id, int version) {
  long long eid = id;
  s << "UPDATE employer SET version = version WHERE id = :i", soci::use(eid);
  long long current = 0;
  s << "SELECT version FROM employer WHERE id = :i", soci::use(eid), soci::into(current);
  if (current != version) throw Abort{core::Error::Conflict("employers.error.stale")};
}

}  // namespace

std::vector<core::FieldError> EmployerService::Validate(const EmployerInput& in) {
  std::vector<core::FieldError> errors;
  if (in.name.empty()) errors.push_back({"name", "employers.error.name"});
  web::CheckLength(errors, "name", in.name, 100, false);
  web::CheckLength(errors, "furigana", in.furigana, 100, false);
  if (!in.industry.empty() && !InList(kIndustries, in.industry)) {
    errors.push_back({"industry", "employers.error.industry"});
  }
  if (!in.size_band.empty() && !InList(kSizeBands, in.size_band)) {
    errors.push_back({"size_band", "employers.error.size_band"});
  }
  web::CheckLength(errors, "municipality", in.municipality, 50, false);
  web::CheckLength(errors, "address", in.address, 200, false);
  web::CheckLength(errors, "attitude_note", in.attitude_note, 2000, false);
  return errors;
}

core::Result<EmployerPage> EmployerService::Search(const auth::Principal& who,
                                                   const EmployerQuery& query) {
  return db_.Read<EmployerPage>([&](soci::session& s) {
    RequireCounsel(who);
    long long org = who.organization_id;
    const std::string status = query.archived ? "archived" : "active";
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT e.id, e.organization_id, o.name, e.name, e.furigana, "
                                  "e.industry, e.size_band, e.municipality, e.practices, "
                                  "e.share_partners, e.search_key, (SELECT COUNT(*) FROM "
                                  "job_opening j WHERE j.employer_id = e.id AND j.status = "
                                  "'open') FROM employer e JOIN organization o ON o.id = "
                                  "e.organization_id WHERE e.status = :st AND ") +
                          VisibleEmployerFilter() + " ORDER BY e.furigana, e.name, e.id",
         soci::use(status), soci::use(org), soci::use(org), soci::use(org));
    const auto terms = directory::SearchTerms(query.text);
    EmployerPage page;
    page.page = std::max(1, query.page);
    int index = 0;
    for (const auto& r : rows) {
      Employer e = EmployerHead(r);
      e.practices = PracticeList(GetText(r, 8));
      e.share_partners = GetInt(r, 9) == 1;
      const std::string key = GetText(r, 10);
      e.open_openings = static_cast<int>(GetInt(r, 11));
      e.status = status;
      e.own = e.organization_id == who.organization_id;
      if (!directory::MatchesAll(terms, {key})) continue;
      if (!query.industry.empty() && e.industry != query.industry) continue;
      if (!query.municipality.empty() && e.municipality != query.municipality) continue;
      if (!query.practice.empty() &&
          std::find(e.practices.begin(), e.practices.end(), query.practice) == e.practices.end()) {
        continue;
      }
      ++page.total;
      if (index++ / kPageSize + 1 == page.page) page.rows.push_back(std::move(e));
    }
    return page;
  });
}

core::Result<Employer> EmployerService::Get(const auth::Principal& who, std::int64_t id) {
  return db_.Read<Employer>([&](soci::session& s) {
    auto e = LoadVisibleEmployer(s, who, id);
    if (!e) throw Abort{core::Error::NotFound()};
    if (e->own) {
      long long eid = id;
      std::string note;
      s << "SELECT attitude_note_enc FROM employer WHERE id = :i", soci::use(eid), soci::into(note);
      if (!note.empty()) {
        auto plain = cipher_.Decrypt(note, Ad(id, "attitude_note"));
        if (!plain) throw Abort{plain.error()};
        e->attitude_note = *plain;
      }
    }
    return *e;
  });
}

core::Result<std::vector<Contact>> EmployerService::Contacts(const auth::Principal& who,
                                                             const audit::Actor& actor,
                                                             std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::vector<Contact>>([&](soci::session& s) {
    LoadOwnEmployer(s, who, id);
    long long eid = id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name_enc, role_enc, phone_enc, email_enc FROM employer_contact "
                      "WHERE employer_id = :e AND removed_at IS NULL ORDER BY id",
         soci::use(eid));
    std::vector<Contact> out;
    for (const auto& r : rows) {
      Contact c;
      c.id = GetInt(r, 0);
      const char* columns[] = {"name", "role", "phone", "email"};
      std::string* fields[] = {&c.name, &c.role, &c.phone, &c.email};
      for (int i = 0; i < 4; ++i) {
        const std::string stored = GetText(r, 1 + i);
        if (stored.empty()) continue;
        auto plain = cipher_.Decrypt(stored, ContactAd(c.id, columns[i]));
        if (!plain) throw Abort{plain.error()};
        *fields[i] = *plain;
      }
      out.push_back(std::move(c));
    }
    if (!out.empty()) {
      Audit(s, actor, who, "employer_contact.read", id, now,
            "{\"contacts\":" + std::to_string(out.size()) + "}");
    }
    return out;
  });
}

core::Result<std::int64_t> EmployerService::Create(const auth::Principal& who,
                                                   const audit::Actor& actor,
                                                   const EmployerInput& input) {
  const EmployerInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    RequireCounsel(who);
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    return InsertEmployer(s, cipher_, who, actor, in, now);
  });
}

core::Status EmployerService::Update(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t id, const EmployerInput& input) {
  const EmployerInput in = Tidy(input);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    LoadOwnEmployer(s, who, id);
    LockAtVersion(s, id, input.version);
    if (auto errors = Validate(in); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    }
    long long eid = id;
    long long at = now;
    const std::string practices = PracticeCodes(in.practices);
    const std::string key = KeyOf(in);
    const std::string note = in.attitude_note.empty()
                                 ? std::string()
                                 : cipher_.Encrypt(in.attitude_note, Ad(id, "attitude_note"));
    int share = in.share_partners ? 1 : 0;
    s << "UPDATE employer SET name = :n, furigana = :f, industry = :i, size_band = :sb, "
         "municipality = :m, address = :a, practices = :p, attitude_note_enc = :an, "
         "share_partners = :sh, search_key = :k, version = version + 1, updated_at = :up WHERE "
         "id = :id",
        soci::use(in.name), soci::use(in.furigana), soci::use(in.industry), soci::use(in.size_band),
        soci::use(in.municipality), soci::use(in.address), soci::use(practices), soci::use(note),
        soci::use(share), soci::use(key), soci::use(at), soci::use(eid);
    Audit(s, actor, who, "employer.update", id, now);
  });
}

core::Status EmployerService::SetArchived(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t id, int version, bool archived) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    LoadOwnEmployer(s, who, id);
    LockAtVersion(s, id, version);
    long long eid = id;
    long long at = now;
    const std::string status = archived ? "archived" : "active";
    s << "UPDATE employer SET status = :s, version = version + 1, updated_at = :up WHERE id = :i",
        soci::use(status), soci::use(at), soci::use(eid);
    Audit(s, actor, who, archived ? "employer.archive" : "employer.restore", id, now);
  });
}

core::Result<std::int64_t> EmployerService::AddContact(const auth::Principal& who,
                                                       const audit::Actor& actor,
                                                       std::int64_t employer_id,
                                                       const ContactInput& input) {
  ContactInput in = input;
  for (auto* f : {&in.name, &in.role, &in.phone, &in.email}) {
    *f = core::Trim(core::NormalizeNfkc(*f));
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    LoadOwnEmployer(s, who, employer_id);
    std::vector<core::FieldError> errors;
    if (in.name.empty()) errors.push_back({"contact_name", "employers.error.contact_name"});
    web::CheckLength(errors, "contact_name", in.name, 100, false);
    web::CheckLength(errors, "contact_role", in.role, 100, false);
    web::CheckLength(errors, "contact_phone", in.phone, 30, false);
    web::CheckLength(errors, "contact_email", in.email, 254, false);
    if (!in.email.empty() && !core::LooksLikeEmail(in.email)) {
      errors.push_back({"contact_email", "employers.error.contact_email"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", std::move(errors))};
    long long eid = employer_id;
    long long at = now;
    const std::string placeholder = "-";
    long long id = 0;
    s << "INSERT INTO employer_contact (employer_id, name_enc, created_at) VALUES (:e, :n, :at) "
         "RETURNING id",
        soci::use(eid), soci::use(placeholder), soci::use(at), soci::into(id);
    const std::string name = cipher_.Encrypt(in.name, ContactAd(id, "name"));
    const std::string role = in.role.empty() ? "" : cipher_.Encrypt(in.role, ContactAd(id, "role"));
    const std::string phone =
        in.phone.empty() ? "" : cipher_.Encrypt(in.phone, ContactAd(id, "phone"));
    const std::string email =
        in.email.empty() ? "" : cipher_.Encrypt(in.email, ContactAd(id, "email"));
    s << "UPDATE employer_contact SET name_enc = :n, role_enc = :r, phone_enc = :p, email_enc = "
         ":m WHERE id = :i",
        soci::use(name), soci::use(role), soci::use(phone), soci::use(email), soci::use(id);
    Audit(s, actor, who, "employer_contact.add", employer_id, now,
          "{\"contact\":" + std::to_string(id) + "}");
    return static_cast<std::int64_t>(id);
  });
}

core::Status EmployerService::RemoveContact(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t employer_id, std::int64_t contact_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    LoadOwnEmployer(s, who, employer_id);
    long long eid = employer_id;
    long long cid = contact_id;
    long long at = now;
    soci::statement st =
        (s.prepare << "UPDATE employer_contact SET removed_at = :at WHERE id = :c AND "
                      "employer_id = :e AND removed_at IS NULL",
         soci::use(at), soci::use(cid), soci::use(eid));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::NotFound()};
    Audit(s, actor, who, "employer_contact.remove", employer_id, now,
          "{\"contact\":" + std::to_string(contact_id) + "}");
  });
}

}  // namespace tsunagu::employment::employers

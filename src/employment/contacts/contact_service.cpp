#include "employment/contacts/contact_service.hpp"

#include <algorithm>

#include "consultations/records.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::contacts {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

template <typename List>
bool InList(const List& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string Ad(long long id, const char* column) {
  return "support_contact:" + std::to_string(id) + ":" + column;
}

constexpr const char* kSelect =
    "SELECT x.id, x.program_id, COALESCE(p.name, ''), x.case_id, x.requester_kind, x.channel, "
    "x.contacted_on, x.minutes, x.topics, x.employer_id, COALESCE(e.name, ''), "
    "x.employer_name_enc, x.employee_consented, x.entered_late, u.display_name, x.recorded_at, "
    "x.summary_enc FROM support_contact x LEFT JOIN program p ON p.id = x.program_id "
    "LEFT JOIN employer e ON e.id = x.employer_id JOIN app_user u ON u.id = x.recorded_by ";

// One row of kSelect (without the summary).
Contact ReadRow(const soci::row& r, const crypto::FieldCipher& cipher) {
  Contact c;
  c.id = GetInt(r, 0);
  c.program_id = GetInt(r, 1);
  c.program_name = GetText(r, 2);
  c.case_id = GetInt(r, 3);
  c.requester_kind = GetText(r, 4);
  c.channel = GetText(r, 5);
  c.contacted_on = core::ParseIsoDate(GetText(r, 6)).value_or(core::Date{});
  c.minutes = static_cast<int>(GetInt(r, 7));
  c.topics = core::SplitCodes(GetText(r, 8));
  c.employer_id = GetInt(r, 9);
  c.employer_name = GetText(r, 10);
  if (c.employer_name.empty() && !GetText(r, 11).empty()) {
    auto name = cipher.Decrypt(GetText(r, 11), Ad(c.id, "employer_name"));
    if (!name) throw Abort{name.error()};
    c.employer_name = *name;
  }
  c.employee_consented = GetInt(r, 12) != 0;
  c.entered_late = GetInt(r, 13) != 0;
  c.recorded_by_name = GetText(r, 14);
  c.recorded_at = GetInt(r, 15);
  return c;
}

}  // namespace

core::Status ContactService::CheckCase(const auth::Principal& who, std::int64_t case_id) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<core::Ok>([&](soci::session& s) {
    long long id = case_id;
    long long org = who.organization_id;
    long long found = 0;
    s << "SELECT COUNT(*) FROM support_case WHERE id = :i AND organization_id = :o", soci::use(id),
        soci::use(org), soci::into(found);
    if (found == 0) throw Abort{core::Error::NotFound()};
    return core::Ok{};
  });
}

core::Result<std::int64_t> ContactService::Create(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  const ContactInput& raw) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  ContactInput in = raw;
  in.summary = core::Trim(core::NormalizeNewlines(in.summary));
  in.employer_name = core::Trim(core::NormalizeNfkc(in.employer_name));
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  if (!InList(kRequesterKinds, in.requester_kind)) {
    errors.push_back({"requester_kind", "contacts.error.requester_kind"});
  }
  if (!InList(kChannels, in.channel)) errors.push_back({"channel", "contacts.error.channel"});
  const auto date = core::ParseIsoDate(core::Trim(in.contacted_on));
  if (!date) {
    errors.push_back({"contacted_on", "contacts.error.date"});
  } else if (today < *date) {
    errors.push_back({"contacted_on", "contacts.error.future"});
  }
  if (in.minutes < 1 || in.minutes > 600) errors.push_back({"minutes", "contacts.error.minutes"});
  if (in.topics.empty()) errors.push_back({"topics", "contacts.error.topics"});
  for (const auto& t : in.topics) {
    if (!InList(consultations::kRecordTopics, t)) {
      errors.push_back({"topics", "contacts.error.topics"});
      break;
    }
  }
  web::CheckLength(errors, "summary", in.summary, 4000, false);
  const bool employer = in.requester_kind == "employer";
  if (employer) {
    web::CheckLength(errors, "employer_name", in.employer_name, 100, false);
    if (in.employer_id == 0 && in.employer_name.empty()) {
      errors.push_back({"employer_id", "contacts.error.employer"});
    }
    if (in.case_id != 0 && !in.employee_consented) {
      errors.push_back({"employee_consented", "contacts.error.consent"});
    }
  } else {
    in.employer_id = 0;
    in.employer_name.clear();
    in.employee_consented = false;
  }
  return db_.Write<std::int64_t>([&](soci::session& s) {
    long long org = who.organization_id;
    long long case_id = in.case_id;
    long long client_id = 0;
    if (in.case_id != 0) {
      soci::indicator ind = soci::i_null;
      s << "SELECT client_id FROM support_case WHERE id = :i AND organization_id = :o",
          soci::use(case_id), soci::use(org), soci::into(client_id, ind);
      if (!s.got_data()) throw Abort{core::Error::NotFound()};
    }
    if (in.program_id != 0) {
      long long pid = in.program_id;
      long long found = 0;
      s << "SELECT COUNT(*) FROM program WHERE id = :i AND organization_id = :o", soci::use(pid),
          soci::use(org), soci::into(found);
      if (found == 0) errors.push_back({"program_id", "contacts.error.program"});
    }
    if (in.employer_id != 0) {
      long long eid = in.employer_id;
      long long found = 0;
      s << "SELECT COUNT(*) FROM employer WHERE id = :i AND organization_id = :o", soci::use(eid),
          soci::use(org), soci::into(found);
      if (found == 0) errors.push_back({"employer_id", "contacts.error.employer"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.invalid_input", errors)};

    const std::string on = core::ToIso(*date);
    long long minutes = in.minutes;
    const std::string topics = core::JoinCodes(in.topics);
    long long consented = in.employee_consented ? 1 : 0;
    long long late = *date < today ? 1 : 0;
    long long by = who.user_id;
    long long at = now;
    soci::indicator program_ind = in.program_id != 0 ? soci::i_ok : soci::i_null;
    soci::indicator case_ind = in.case_id != 0 ? soci::i_ok : soci::i_null;
    soci::indicator employer_ind = in.employer_id != 0 ? soci::i_ok : soci::i_null;
    long long pid = in.program_id;
    long long eid = in.employer_id;
    long long id = 0;
    s << "INSERT INTO support_contact (organization_id, program_id, case_id, client_id, "
         "requester_kind, channel, contacted_on, minutes, topics, employer_id, "
         "employee_consented, entered_late, recorded_by, recorded_at) VALUES (:o, :p, :c, :cl, "
         ":r, :ch, :d, :m, :t, :e, :ec, :l, :b, :a) RETURNING id",
        soci::use(org), soci::use(pid, program_ind), soci::use(case_id, case_ind),
        soci::use(client_id, case_ind), soci::use(in.requester_kind), soci::use(in.channel),
        soci::use(on), soci::use(minutes), soci::use(topics), soci::use(eid, employer_ind),
        soci::use(consented), soci::use(late), soci::use(by), soci::use(at), soci::into(id);
    const std::string summary_enc = cipher_.Encrypt(in.summary, Ad(id, "summary"));
    const std::string name_enc = in.employer_name.empty()
                                     ? std::string()
                                     : cipher_.Encrypt(in.employer_name, Ad(id, "employer_name"));
    s << "UPDATE support_contact SET summary_enc = :s, employer_name_enc = :n WHERE id = :i",
        soci::use(summary_enc), soci::use(name_enc), soci::use(id);
    audit::AuditLog::Append(
        s, actor,
        {"contact.create", "support_contact", std::to_string(id),
         "{\"channel\":\"" + in.channel + "\",\"requester_kind\":\"" + in.requester_kind +
             "\",\"entered_late\":" + (late ? "true" : "false") + "}",
         who.organization_id},
        now);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Contact>> ContactService::List(const auth::Principal& who,
                                                        const ContactFilter& filter) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  const core::Date first{filter.month.year, filter.month.month, 1};
  const core::Date next = filter.month.month == 12
                              ? core::Date{filter.month.year + 1, 1, 1}
                              : core::Date{filter.month.year, filter.month.month + 1, 1};
  return db_.Read<std::vector<Contact>>([&](soci::session& s) {
    long long org = who.organization_id;
    const std::string from = core::ToIso(first);
    const std::string to = core::ToIso(next);
    std::string channel = filter.channel;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) +
                          "WHERE x.organization_id = :o AND x.contacted_on >= :f AND "
                          "x.contacted_on < :t AND (:ch = '' OR x.channel = :ch2) ORDER BY "
                          "x.contacted_on DESC, x.id DESC",
         soci::use(org), soci::use(from), soci::use(to), soci::use(channel), soci::use(channel));
    std::vector<Contact> out;
    for (const auto& r : rows) {
      Contact c = ReadRow(r, cipher_);
      out.push_back(std::move(c));
    }
    return out;
  });
}

core::Result<Contact> ContactService::Get(const auth::Principal& who, const audit::Actor& actor,
                                          std::int64_t id) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Write<Contact>([&](soci::session& s) {
    long long cid = id;
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << std::string(kSelect) + "WHERE x.id = :i AND x.organization_id = :o",
         soci::use(cid), soci::use(org));
    std::optional<Contact> found;
    for (const auto& r : rows) {
      Contact c = ReadRow(r, cipher_);
      auto summary = cipher_.Decrypt(GetText(r, 16), Ad(c.id, "summary"));
      if (!summary) throw Abort{summary.error()};
      c.summary = *summary;
      found = std::move(c);
    }
    if (!found) throw Abort{core::Error::NotFound()};
    audit::AuditLog::Append(
        s, actor,
        {"contact.read", "support_contact", std::to_string(id), "{}", who.organization_id},
        clock_.NowSeconds());
    return *found;
  });
}

core::Result<std::vector<Choice>> ContactService::Programs(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<Choice>>([&](soci::session& s) {
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name FROM program WHERE organization_id = :o AND status = "
                      "'active' ORDER BY id",
         soci::use(org));
    std::vector<Choice> out;
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1)});
    return out;
  });
}

core::Result<std::vector<Choice>> ContactService::Employers(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<Choice>>([&](soci::session& s) {
    long long org = who.organization_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, name FROM employer WHERE organization_id = :o AND status = "
                      "'active' ORDER BY furigana, name, id",
         soci::use(org));
    std::vector<Choice> out;
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1)});
    return out;
  });
}

}  // namespace tsunagu::employment::contacts

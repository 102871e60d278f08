#include "cases/case_service.hpp"

#include <algorithm>
#include <map>

#include "consultations/model.hpp"
#include "core/text.hpp"
#include "live/bus.hpp"
#include "referrals/referral_service.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::cases {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

std::string EntryAd(long long id) {
  return "timeline_entry:" + std::to_string(id) + ":body";
}

std::string CasePath(long long id) {
  return "/cases/" + std::to_string(id);
}

// A timeline entry in the caller's transaction; returns its id.
long long InsertEntry(soci::session& s, const crypto::FieldCipher& cipher, long long case_id,
                      const auth::Principal& who, const std::string& kind,
                      const std::string& occurred_on, const std::string& body, std::int64_t now) {
  long long org = who.organization_id;
  long long user = who.user_id;
  long long at = now;
  long long id = 0;
  s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
       "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING id",
      soci::use(case_id), soci::use(org), soci::use(user), soci::use(kind), soci::use(occurred_on),
      soci::use(at), soci::use(at), soci::into(id);
  const std::string sealed = cipher.Encrypt(body, EntryAd(id));
  s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(sealed), soci::use(id);
  long long cid = case_id;
  s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
  return id;
}

std::vector<core::FieldError> ValidateEntry(const EntryInput& in, bool partner) {
  std::vector<core::FieldError> errors;
  if (in.kind.empty()) {
    errors.push_back({"kind", "error.required"});
  } else if (!consultations::InList(kEntryKinds, in.kind) || (partner && in.kind != "comment")) {
    errors.push_back({"kind", "error.invalid_choice"});
  }
  if (!core::ParseIsoDate(in.occurred_on)) errors.push_back({"occurred_on", "error.date"});
  if (core::Trim(in.body).empty()) {
    errors.push_back({"body", "error.required"});
  } else if (core::CountCodePoints(in.body) > CaseService::kMaxBody) {
    errors.push_back({"body", "error.too_long"});
  }
  return errors;
}

// Users of `org` who may work on cases (admin, coordinator, counselor), active.
bool IsCaseWorker(soci::session& s, long long org, long long user) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM membership m JOIN app_user u ON u.id = m.user_id WHERE "
       "m.organization_id = :o AND m.user_id = :u AND u.status = 'active' AND m.role IN "
       "('admin','coordinator','counselor')",
      soci::into(n), soci::use(org), soci::use(user);
  return n > 0;
}

template <std::size_t N>
void CheckCode(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, const std::array<std::string_view, N>& list) {
  if (value.empty()) {
    errors.push_back({field, "error.required"});
  } else if (!consultations::InList(list, value)) {
    errors.push_back({field, "error.invalid_choice"});
  }
}

// A partner read the case's records: the APPI provision record (at most one a day per consent,
// by the provision_record index).
void RecordSharedView(soci::session& s, const crypto::FieldCipher& cipher,
                      const auth::Principal& who, const auth::CaseView& view, std::int64_t now) {
  sharing::Provision p;
  p.provider_org_id = view.case_org_id;
  p.recipient_org_id = who.organization_id;
  p.client_id = view.client_id;
  p.consent_id = view.record_consents.front();
  p.items = {"records"};
  p.channel = "shared_view";
  p.actor_user_id = who.user_id;
  sharing::RecordProvision(s, cipher, p, now);
}

// The referrals that led to the case (the one that opened it, and any that joined it later).
std::vector<long long> ReferralsOf(soci::session& s, long long case_id) {
  std::vector<long long> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id FROM referral WHERE case_id = :c ORDER BY id", soci::use(case_id));
  for (const auto& r : rows) out.push_back(GetInt(r, 0));
  return out;
}

}  // namespace

long long OpenCaseOf(soci::session& s, long long organization_id, long long client_id) {
  long long id = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT id FROM support_case WHERE organization_id = :o AND client_id = :c AND status <> "
       "'closed'",
      soci::into(id, ind), soci::use(organization_id), soci::use(client_id);
  return s.got_data() && ind == soci::i_ok ? id : 0;
}

void CaseService::Publish(std::int64_t case_id, const std::string& event, std::int64_t id) const {
  bus_.Publish("case:" + std::to_string(case_id), event, std::to_string(id));
}

void CaseService::PublishReferral(std::int64_t referral_id, const std::string& status) const {
  bus_.Publish("referral:" + std::to_string(referral_id), "referral", status);
}

auth::CaseView CaseService::Access(soci::session& s, const auth::Principal& who,
                                   std::int64_t case_id, bool edit, core::Date today) const {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  if (edit && !view->runs_case) throw Abort{core::Error::Forbidden()};
  return *view;
}

core::Result<std::int64_t> CaseService::Open(const auth::Principal& who, const audit::Actor& actor,
                                             std::int64_t client_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::int64_t>([&](soci::session& s) {
    auto view = auth::RecordAccess::Client(s, who, client_id, today);
    if (!view) throw Abort{core::Error::NotFound()};
    if (!view->owner) throw Abort{core::Error::Forbidden()};
    long long org = who.organization_id;
    long long client = client_id;
    long long user = who.user_id;
    long long at = now;
    long long id = 0;
    // One open case per person here (the support_case_open_uq index holds it under races).
    if (OpenCaseOf(s, org, client) != 0)
      throw Abort{core::Error::Conflict("case.error.already_open")};
    s << "INSERT INTO support_case (organization_id, client_id, owner_user_id, status, "
         "opened_at, updated_at) VALUES (:o, :c, :u, 'intake', :t, :t2) RETURNING id",
        soci::use(org), soci::use(client), soci::use(user), soci::use(at), soci::use(at),
        soci::into(id);
    s << "INSERT INTO case_staff (case_id, user_id) VALUES (:c, :u)", soci::use(id),
        soci::use(user);
    audit::AuditLog::Append(s, actor, {"case.open", "support_case", std::to_string(id), "{}"}, now);
    return static_cast<std::int64_t>(id);
  });
}

std::vector<TimelineEntry> CaseService::ReadTimeline(soci::session& s, const auth::Principal& who,
                                                     const auth::CaseView& view) const {
  long long case_id = view.case_id;
  const bool sees_documents = view.SeesDocuments();
  struct Raw {
    TimelineEntry entry;
    std::string body_enc;
    long long org = 0;
  };
  std::vector<Raw> raw;
  std::map<long long, std::size_t> by_id;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT e.id, e.kind, e.occurred_on, e.body_enc, u.display_name, "
                      "COALESCE(m.profession, ''), o.name, e.version, e.created_at, e.updated_at, "
                      "e.organization_id FROM timeline_entry e JOIN app_user u ON u.id = "
                      "e.author_id JOIN organization o ON o.id = e.organization_id LEFT JOIN "
                      "membership m ON m.user_id = e.author_id AND m.organization_id = "
                      "e.organization_id WHERE e.case_id = :c ORDER BY e.occurred_on DESC, e.id "
                      "DESC",
         soci::use(case_id));
    for (const auto& r : rows) {
      Raw item;
      item.entry.id = GetInt(r, 0);
      item.entry.kind = GetText(r, 1);
      item.entry.occurred_on = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
      item.body_enc = GetText(r, 3);
      item.entry.author_name = GetText(r, 4);
      item.entry.author_profession = GetText(r, 5);
      item.entry.organization_name = GetText(r, 6);
      item.entry.version = static_cast<int>(GetInt(r, 7));
      item.entry.created_at = GetInt(r, 8);
      item.entry.updated_at = GetInt(r, 9);
      item.org = GetInt(r, 10);
      by_id[item.entry.id] = raw.size();
      raw.push_back(std::move(item));
    }
  }
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT tm.entry_id, u.display_name FROM timeline_mention tm JOIN "
                      "timeline_entry e ON e.id = tm.entry_id JOIN app_user u ON u.id = "
                      "tm.user_id WHERE e.case_id = :c ORDER BY tm.entry_id, u.display_name",
         soci::use(case_id));
    for (const auto& r : rows) {
      auto it = by_id.find(GetInt(r, 0));
      if (it != by_id.end()) raw[it->second].entry.mentions.push_back(GetText(r, 1));
    }
  }
  std::vector<TimelineEntry> out;
  out.reserve(raw.size());
  for (auto& item : raw) {
    // A document entry's body is the document's title: part of the documents, not the records.
    item.entry.withheld = item.entry.kind == "document" && !sees_documents;
    if (!item.entry.withheld) {
      item.entry.body = storage::Unseal(cipher_, item.body_enc, EntryAd(item.entry.id));
    }
    item.entry.editable =
        item.org == who.organization_id && consultations::InList(kEntryKinds, item.entry.kind);
    out.push_back(std::move(item.entry));
  }
  return out;
}

core::Result<SupportCase> CaseService::Get(const auth::Principal& who, const audit::Actor& actor,
                                           std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<SupportCase>([&](soci::session& s) {
    SupportCase c;
    c.view = Access(s, who, id, false, today);
    c.id = id;
    long long cid = id;
    soci::row r;
    s << "SELECT o.name, sc.referral_id, COALESCE(ro.name, ''), sc.owner_user_id, "
         "u.display_name, sc.status, sc.employer_status, sc.agency_status, sc.goals_enc, "
         "sc.outcome, sc.outcome_on, sc.version, sc.opened_at, sc.updated_at, c.name_enc, "
         "c.kana_enc FROM support_case sc JOIN organization o ON o.id = "
         "sc.organization_id JOIN app_user u ON u.id = sc.owner_user_id JOIN client c ON c.id = "
         "sc.client_id LEFT JOIN referral rf ON rf.id = sc.referral_id LEFT JOIN organization ro "
         "ON ro.id = rf.from_org_id WHERE sc.id = :id",
        soci::into(r), soci::use(cid);
    c.organization_name = GetText(r, 0);
    c.referral_id = GetInt(r, 1);
    c.referring_org_name = GetText(r, 2);
    c.owner_user_id = GetInt(r, 3);
    c.owner_name = GetText(r, 4);
    c.status = GetText(r, 5);
    c.employer_status = GetText(r, 6);
    c.agency_status = GetText(r, 7);
    c.goals =
        storage::Unseal(cipher_, GetText(r, 8), "support_case:" + std::to_string(id) + ":goals");
    c.outcome = GetText(r, 9);
    c.outcome_on = core::ParseIsoDate(GetText(r, 10)).value_or(core::Date{});
    c.version = static_cast<int>(GetInt(r, 11));
    c.opened_at = GetInt(r, 12);
    c.updated_at = GetInt(r, 13);
    const long long client = c.view.client_id;
    if (c.view.client.Has("basic")) {
      c.client_name =
          storage::Unseal(cipher_, GetText(r, 14), "client:" + std::to_string(client) + ":name");
      c.client_kana =
          storage::Unseal(cipher_, GetText(r, 15), "client:" + std::to_string(client) + ":kana");
    }
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT u.id, u.display_name, COALESCE(m.profession, '') FROM case_staff "
                        "cs JOIN app_user u ON u.id = cs.user_id JOIN support_case sc ON sc.id = "
                        "cs.case_id LEFT JOIN membership m ON m.user_id = u.id AND "
                        "m.organization_id = sc.organization_id WHERE cs.case_id = :c ORDER BY "
                        "u.display_name",
           soci::use(cid));
      for (const auto& row : rows)
        c.staff.push_back({GetInt(row, 0), GetText(row, 1), GetText(row, 2)});
    }
    c.timeline = ReadTimeline(s, who, c.view);
    if (c.view.runs_case) {
      std::vector<std::pair<Task, std::string>> raw;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT t.id, t.title_enc, t.due_on, t.owner_user_id, u.display_name, "
                        "t.status, t.done_at FROM case_task t JOIN app_user u ON u.id = "
                        "t.owner_user_id WHERE t.case_id = :c ORDER BY t.status DESC, t.due_on, "
                        "t.id",
           soci::use(cid));
      for (const auto& row : rows) {
        Task t;
        t.id = GetInt(row, 0);
        t.due_on = core::ParseIsoDate(GetText(row, 2)).value_or(core::Date{});
        t.owner_user_id = GetInt(row, 3);
        t.owner_name = GetText(row, 4);
        t.status = GetText(row, 5);
        t.done_at = GetInt(row, 6);
        raw.emplace_back(std::move(t), GetText(row, 1));
      }
      for (auto& [t, enc] : raw) {
        t.title = storage::Unseal(cipher_, enc, "case_task:" + std::to_string(t.id) + ":title");
        c.tasks.push_back(std::move(t));
      }
    } else {
      RecordSharedView(s, cipher_, who, c.view, now);
    }
    audit::AuditLog::Append(s, actor, {"case.read", "support_case", std::to_string(id), "{}"}, now);
    return c;
  });
}

core::Result<std::int64_t> CaseService::LiveMark(const auth::Principal& who, std::int64_t case_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::int64_t>([&](soci::session& s) {
    Access(s, who, case_id, false, today);
    // Every entry starts at version 1 and an edit adds 1, so the sum only ever grows.
    long long mark = 0;
    long long id = case_id;
    s << "SELECT COALESCE(SUM(version), 0) FROM timeline_entry WHERE case_id = :c",
        soci::into(mark), soci::use(id);
    return static_cast<std::int64_t>(mark);
  });
}

core::Result<std::vector<TimelineEntry>> CaseService::Timeline(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               std::int64_t id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<TimelineEntry>>([&](soci::session& s) {
    const auto view = Access(s, who, id, false, today);
    auto out = ReadTimeline(s, who, view);
    // A page left open past midnight refreshes its timeline: that day's view is a provision too.
    if (!view.runs_case) RecordSharedView(s, cipher_, who, view, now);
    audit::AuditLog::Append(s, actor,
                            {"case.timeline_read", "support_case", std::to_string(id), "{}"}, now);
    return out;
  });
}

std::vector<CaseSummary> CaseService::Summaries(soci::session& s, const auth::Principal& who,
                                                const std::vector<long long>& ids,
                                                core::Date today) const {
  std::vector<CaseSummary> out;
  for (long long id : ids) {
    auto view = auth::RecordAccess::Case(s, who, id, today);
    if (!view) continue;
    soci::row r;
    s << "SELECT o.name, u.display_name, sc.status, sc.outcome, sc.updated_at, c.name_enc, "
         "(SELECT COUNT(*) FROM case_task t WHERE t.case_id = sc.id AND t.status = 'open') "
         "FROM support_case sc JOIN organization o ON o.id = sc.organization_id JOIN app_user "
         "u ON u.id = sc.owner_user_id JOIN client c ON c.id = sc.client_id WHERE sc.id = :id",
        soci::into(r), soci::use(id);
    CaseSummary sum;
    sum.id = id;
    sum.organization_name = GetText(r, 0);
    sum.owner_name = GetText(r, 1);
    sum.status = GetText(r, 2);
    sum.outcome = GetText(r, 3);
    sum.updated_at = GetInt(r, 4);
    if (view->client.Has("basic")) {
      sum.client_name = storage::Unseal(cipher_, GetText(r, 5),
                                        "client:" + std::to_string(view->client_id) + ":name");
    }
    sum.own = view->runs_case;
    sum.open_tasks = view->runs_case ? static_cast<int>(GetInt(r, 6)) : 0;
    out.push_back(std::move(sum));
  }
  return out;
}

core::Result<std::vector<CaseSummary>> CaseService::List(const auth::Principal& who,
                                                         const audit::Actor& actor,
                                                         bool open_only) {
  if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
    return std::vector<CaseSummary>{};
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<CaseSummary>>([&](soci::session& s) {
    long long org = who.organization_id;
    const std::string day = core::ToIso(today);
    std::vector<long long> ids;
    {
      // Own cases, and cases a consent names this organisation for; Access below decides
      // each one (the consent must also name the running organisation).
      const std::string sql =
          std::string(
              "SELECT sc.id FROM support_case sc JOIN client c ON c.id = sc.client_id WHERE ") +
          auth::RecordAccess::CaseListFilter() + (open_only ? " AND sc.status <> 'closed'" : "") +
          " ORDER BY sc.updated_at DESC, sc.id DESC LIMIT 200";
      soci::rowset<soci::row> rows =
          (s.prepare << sql, soci::use(org), soci::use(org), soci::use(day), soci::use(day));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    auto out = Summaries(s, who, ids, today);
    audit::AuditLog::Append(s, actor,
                            {"case.list", "organization", std::to_string(org),
                             "{\"rows\":" + std::to_string(out.size()) + "}"},
                            now);
    return out;
  });
}

core::Result<std::vector<CaseSummary>> CaseService::ForClient(const auth::Principal& who,
                                                              std::int64_t client_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<CaseSummary>>([&](soci::session& s) {
    long long cid = client_id;
    std::vector<long long> ids;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id FROM support_case WHERE client_id = :c ORDER BY id DESC",
           soci::use(cid));
      for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    }
    return Summaries(s, who, ids, today);
  });
}

core::Result<std::int64_t> CaseService::AddEntry(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t case_id,
                                                 const EntryInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto added = db_.Write<std::int64_t>([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    auto errors = ValidateEntry(input, !view.runs_case);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    const long long id = InsertEntry(s, cipher_, case_id, who, input.kind, input.occurred_on,
                                     core::NormalizeNewlines(core::Trim(input.body)), now);
    // Mentions: staff of the organisations that see the case; others are ignored.
    std::vector<std::int64_t> told;
    for (auto user : input.mentions) {
      long long uid = user;
      const bool of_case_org = IsCaseWorker(s, view.case_org_id, uid);
      const bool of_mine = IsCaseWorker(s, who.organization_id, uid);
      if ((!of_case_org && !of_mine) || user == who.user_id) continue;
      if (std::find(told.begin(), told.end(), user) != told.end()) continue;
      s << "INSERT INTO timeline_mention (entry_id, user_id) VALUES (:e, :u)", soci::use(id),
          soci::use(uid);
      told.push_back(user);
    }
    notifier_.ToUsers(s, told, {"case_mention", CasePath(case_id)});
    if (!view.runs_case) {
      notifier_.ToOrganization(s, view.case_org_id, {"case_updated", CasePath(case_id)},
                               who.user_id);
    }
    audit::AuditLog::Append(
        s, actor,
        {"case.entry_add", "support_case", std::to_string(case_id),
         "{\"entry\":" + std::to_string(id) + ",\"kind\":\"" + input.kind + "\"}"},
        now);
    return static_cast<std::int64_t>(id);
  });
  if (added) Publish(case_id, "timeline", *added);
  return added;
}

core::Status CaseService::EditEntry(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t case_id, std::int64_t entry_id, int version,
                                    const EntryInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto done = db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    long long eid = entry_id;
    long long cid = case_id;
    long long org = 0;
    std::string kind;
    std::string occurred_on;
    std::string body_enc;
    int current = 0;
    long long author = 0;
    long long edited_at = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT organization_id, kind, occurred_on, body_enc, version, author_id, updated_at "
         "FROM timeline_entry WHERE id = :e AND case_id = :c",
        soci::into(org, ind), soci::into(kind), soci::into(occurred_on), soci::into(body_enc),
        soci::into(current), soci::into(author), soci::into(edited_at), soci::use(eid),
        soci::use(cid);
    if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
    if (org != who.organization_id || !consultations::InList(kEntryKinds, kind)) {
      throw Abort{core::Error::Forbidden()};
    }
    EntryInput in = input;
    if (kind == "comment" || !view.runs_case) in.kind = kind;  // a comment stays a comment
    auto errors = ValidateEntry(in, !view.runs_case);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    if (current != version) throw Abort{core::Error::Conflict("case.error.stale")};
    // The text as it was, re-sealed for its place in the history.
    const std::string previous = storage::Unseal(cipher_, body_enc, EntryAd(eid));
    const std::string old_sealed = cipher_.Encrypt(
        previous, "timeline_revision:" + std::to_string(eid) + ":" + std::to_string(current));
    s << "INSERT INTO timeline_revision (entry_id, version, kind, occurred_on, body_enc, "
         "edited_by, edited_at) VALUES (:e, :v, :k, :d, :b, :u, :t)",
        soci::use(eid), soci::use(current), soci::use(kind), soci::use(occurred_on),
        soci::use(old_sealed), soci::use(author), soci::use(edited_at);
    const std::string sealed =
        cipher_.Encrypt(core::NormalizeNewlines(core::Trim(in.body)), EntryAd(eid));
    long long at = now;
    long long editor = who.user_id;
    soci::statement st =
        (s.prepare << "UPDATE timeline_entry SET kind = :k, occurred_on = :d, body_enc = :b, "
                      "version = version + 1, author_id = :u, updated_at = :t WHERE id = :e AND "
                      "version = :v",
         soci::use(in.kind), soci::use(in.occurred_on), soci::use(sealed), soci::use(editor),
         soci::use(at), soci::use(eid), soci::use(current));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("case.error.stale")};
    audit::AuditLog::Append(s, actor,
                            {"case.entry_edit", "support_case", std::to_string(case_id),
                             "{\"entry\":" + std::to_string(entry_id) + "}"},
                            now);
  });
  if (done) Publish(case_id, "timeline", entry_id);
  return done;
}

core::Result<std::vector<EntryRevision>> CaseService::History(const auth::Principal& who,
                                                              const audit::Actor& actor,
                                                              std::int64_t case_id,
                                                              std::int64_t entry_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::vector<EntryRevision>>([&](soci::session& s) {
    Access(s, who, case_id, false, today);
    long long eid = entry_id;
    long long cid = case_id;
    long long n = 0;
    s << "SELECT COUNT(*) FROM timeline_entry WHERE id = :e AND case_id = :c", soci::into(n),
        soci::use(eid), soci::use(cid);
    if (n == 0) throw Abort{core::Error::NotFound()};
    std::vector<std::pair<EntryRevision, std::string>> raw;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.version, r.kind, r.occurred_on, r.body_enc, u.display_name, "
                      "r.edited_at FROM timeline_revision r JOIN app_user u ON u.id = "
                      "r.edited_by WHERE r.entry_id = :e ORDER BY r.version DESC",
         soci::use(eid));
    for (const auto& r : rows) {
      EntryRevision rev;
      rev.version = static_cast<int>(GetInt(r, 0));
      rev.kind = GetText(r, 1);
      rev.occurred_on = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
      rev.edited_by = GetText(r, 4);
      rev.edited_at = GetInt(r, 5);
      raw.emplace_back(std::move(rev), GetText(r, 3));
    }
    std::vector<EntryRevision> out;
    for (auto& [rev, enc] : raw) {
      rev.body = storage::Unseal(
          cipher_, enc,
          "timeline_revision:" + std::to_string(eid) + ":" + std::to_string(rev.version));
      out.push_back(std::move(rev));
    }
    audit::AuditLog::Append(s, actor,
                            {"case.entry_history", "support_case", std::to_string(case_id),
                             "{\"entry\":" + std::to_string(entry_id) + "}"},
                            now);
    return out;
  });
}

core::Status CaseService::SetStatus(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t case_id, int version, const StatusInput& input) {
  std::vector<core::FieldError> errors;
  CheckCode(errors, "status", input.status, kStatuses);
  CheckCode(errors, "employer_status", input.employer_status, kCoordination);
  CheckCode(errors, "agency_status", input.agency_status, kCoordination);
  if (input.status == "closed") errors.push_back({"status", "case.error.close_with_outcome"});
  if (core::CountCodePoints(input.goals) > kMaxBody) errors.push_back({"goals", "error.too_long"});
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  long long last_entry = 0;
  std::vector<long long> moved;  // referrals that followed the case
  auto done = db_.WriteVoid([&](soci::session& s) {
    moved.clear();  // the body may run again when a write is retried
    Access(s, who, case_id, true, today);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long cid = case_id;
    std::string status;
    std::string employer;
    std::string agency;
    std::string goals_enc;
    int current = 0;
    s << "SELECT status, employer_status, agency_status, goals_enc, version FROM support_case "
         "WHERE id = :id",
        soci::into(status), soci::into(employer), soci::into(agency), soci::into(goals_enc),
        soci::into(current), soci::use(cid);
    if (status == "closed") throw Abort{core::Error::Conflict("case.error.closed")};
    if (current != version) throw Abort{core::Error::Conflict("case.error.stale")};
    const std::string goals_ad = "support_case:" + std::to_string(case_id) + ":goals";
    const std::string goals = core::NormalizeNewlines(core::Trim(input.goals));
    const std::string old_goals = storage::Unseal(cipher_, goals_enc, goals_ad);
    const std::string sealed = goals.empty() ? "" : cipher_.Encrypt(goals, goals_ad);
    long long at = now;
    s << "UPDATE support_case SET status = :s, employer_status = :e, agency_status = :a, "
         "goals_enc = :g, version = version + 1, updated_at = :t WHERE id = :id",
        soci::use(input.status), soci::use(input.employer_status), soci::use(input.agency_status),
        soci::use(sealed), soci::use(at), soci::use(cid);
    const std::string day = core::ToIso(today);
    auto change = [&](const char* what, const std::string& from, const std::string& to) {
      if (from == to) return;
      last_entry = InsertEntry(s, cipher_, cid, who, "status_change", day,
                               std::string(what) + "|" + from + "|" + to, now);
    };
    change("status", status, input.status);
    change("employer_status", employer, input.employer_status);
    change("agency_status", agency, input.agency_status);
    if (goals != old_goals) {
      last_entry = InsertEntry(s, cipher_, cid, who, "status_change", day, "goals||", now);
    }
    // Support has started once the case leaves 受付: the referring side sees "支援中".
    if (status == "intake" && input.status != "intake") {
      for (long long referral : ReferralsOf(s, cid)) {
        if (referrals::FollowCase(s, cipher_, notifier_, who, actor, referral, "in_progress", "",
                                  "", now)) {
          moved.push_back(referral);
        }
      }
    }
    audit::AuditLog::Append(s, actor,
                            {"case.status", "support_case", std::to_string(case_id),
                             "{\"from\":\"" + status + "\",\"to\":\"" + input.status + "\"}"},
                            now);
  });
  if (done && last_entry != 0) Publish(case_id, "timeline", last_entry);
  if (done) Publish(case_id, "status", case_id);
  if (done) {
    for (auto referral : moved) PublishReferral(referral, "in_progress");
  }
  return done;
}

core::Status CaseService::Close(const auth::Principal& who, const audit::Actor& actor,
                                std::int64_t case_id, int version, const std::string& outcome,
                                const std::string& outcome_on) {
  std::vector<core::FieldError> errors;
  CheckCode(errors, "outcome", outcome, kOutcomes);
  if (!core::ParseIsoDate(outcome_on)) errors.push_back({"outcome_on", "error.date"});
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  long long entry = 0;
  std::vector<long long> moved;  // referrals that followed the case
  auto done = db_.WriteVoid([&](soci::session& s) {
    moved.clear();  // the body may run again when a write is retried
    Access(s, who, case_id, true, today);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long cid = case_id;
    std::string status;
    int current = 0;
    s << "SELECT status, version FROM support_case WHERE id = :id", soci::into(status),
        soci::into(current), soci::use(cid);
    if (status == "closed") throw Abort{core::Error::Conflict("case.error.closed")};
    if (current != version) throw Abort{core::Error::Conflict("case.error.stale")};
    long long at = now;
    s << "UPDATE support_case SET status = 'closed', outcome = :o, outcome_on = :d, version = "
         "version + 1, updated_at = :t, closed_at = :t2 WHERE id = :id",
        soci::use(outcome), soci::use(outcome_on), soci::use(at), soci::use(at), soci::use(cid);
    entry = InsertEntry(s, cipher_, cid, who, "status_change", core::ToIso(today),
                        "outcome|" + status + "|" + outcome, now);
    // The referring organisations learn the outcome: the loop is closed.
    const bool successful = outcome != "left_job" && outcome != "other";
    for (long long referral : ReferralsOf(s, cid)) {
      if (referrals::FollowCase(s, cipher_, notifier_, who, actor, referral, "completed",
                                successful ? "successful" : "unsuccessful", outcome, now)) {
        moved.push_back(referral);
      }
    }
    audit::AuditLog::Append(s, actor,
                            {"case.close", "support_case", std::to_string(case_id),
                             "{\"outcome\":\"" + outcome + "\"}"},
                            now);
  });
  if (done) {
    Publish(case_id, "timeline", entry);
    Publish(case_id, "status", case_id);
    for (auto referral : moved) PublishReferral(referral, "completed");
  }
  return done;
}

core::Status CaseService::AssignStaff(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t case_id,
                                      const std::vector<std::int64_t>& user_ids) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, case_id, true, today);
    std::vector<long long> staff;
    for (auto id : user_ids) {
      long long uid = id;
      if (!IsCaseWorker(s, view.case_org_id, uid)) {
        throw Abort{
            core::Error::Invalid("error.form_invalid", {{"staff", "error.invalid_choice"}})};
      }
      if (std::find(staff.begin(), staff.end(), uid) == staff.end()) staff.push_back(uid);
    }
    long long cid = case_id;
    s << "DELETE FROM case_staff WHERE case_id = :c", soci::use(cid);
    for (long long uid : staff) {
      s << "INSERT INTO case_staff (case_id, user_id) VALUES (:c, :u)", soci::use(cid),
          soci::use(uid);
    }
    audit::AuditLog::Append(s, actor,
                            {"case.staff", "support_case", std::to_string(case_id),
                             "{\"staff\":" + std::to_string(staff.size()) + "}"},
                            now);
  });
}

core::Result<std::int64_t> CaseService::AddTask(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t case_id,
                                                const TaskInput& input) {
  std::vector<core::FieldError> errors;
  if (core::Trim(input.title).empty()) {
    errors.push_back({"title", "error.required"});
  } else if (core::CountCodePoints(input.title) > kMaxTitle) {
    errors.push_back({"title", "error.too_long"});
  }
  if (!core::ParseIsoDate(input.due_on)) errors.push_back({"due_on", "error.date"});
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto added = db_.Write<std::int64_t>([&](soci::session& s) {
    const auto view = Access(s, who, case_id, true, today);
    long long owner = input.owner_user_id;
    if (!IsCaseWorker(s, view.case_org_id, owner)) {
      errors.push_back({"owner_user_id", "error.invalid_choice"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long cid = case_id;
    long long org = who.organization_id;
    long long user = who.user_id;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO case_task (case_id, organization_id, title_enc, due_on, owner_user_id, "
         "created_by, created_at) VALUES (:c, :o, '', :d, :w, :u, :t) RETURNING id",
        soci::use(cid), soci::use(org), soci::use(input.due_on), soci::use(owner), soci::use(user),
        soci::use(at), soci::into(id);
    const std::string sealed =
        cipher_.Encrypt(core::Trim(input.title), "case_task:" + std::to_string(id) + ":title");
    s << "UPDATE case_task SET title_enc = :t WHERE id = :id", soci::use(sealed), soci::use(id);
    if (owner != who.user_id) notifier_.ToUsers(s, {owner}, {"task_assigned", CasePath(cid)});
    audit::AuditLog::Append(s, actor,
                            {"case.task_add", "support_case", std::to_string(case_id),
                             "{\"task\":" + std::to_string(id) + "}"},
                            now);
    return static_cast<std::int64_t>(id);
  });
  if (added) Publish(case_id, "tasks", *added);
  return added;
}

core::Status CaseService::CompleteTask(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t case_id, std::int64_t task_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto done = db_.WriteVoid([&](soci::session& s) {
    Access(s, who, case_id, true, today);
    long long tid = task_id;
    long long cid = case_id;
    long long at = now;
    soci::statement st =
        (s.prepare << "UPDATE case_task SET status = 'done', done_at = :t WHERE id = :id AND "
                      "case_id = :c AND status = 'open'",
         soci::use(at), soci::use(tid), soci::use(cid));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("case.error.task_done")};
    audit::AuditLog::Append(s, actor,
                            {"case.task_done", "support_case", std::to_string(case_id),
                             "{\"task\":" + std::to_string(task_id) + "}"},
                            now);
  });
  if (done) Publish(case_id, "tasks", task_id);
  return done;
}

core::Result<std::vector<Staff>> CaseService::Candidates(const auth::Principal& who,
                                                         std::int64_t case_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<Staff>>([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    long long org = view.case_org_id;
    std::vector<Staff> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.display_name, m.profession FROM membership m JOIN app_user "
                      "u ON u.id = m.user_id WHERE m.organization_id = :o AND u.status = "
                      "'active' AND m.role IN ('admin','coordinator','counselor') ORDER BY "
                      "u.display_name",
         soci::use(org));
    for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    return out;
  });
}

core::Result<int> CaseService::RemindDueTasks(core::Date today) {
  return db_.Write<int>([&](soci::session& s) {
    const std::string day = core::ToIso(today);
    std::vector<std::pair<long long, long long>> due;  // task, owner
    std::vector<long long> cases;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT id, owner_user_id, case_id FROM case_task WHERE status = 'open' "
                        "AND due_on <= :d AND reminded_on <> :d2 ORDER BY id",
           soci::use(day), soci::use(day));
      for (const auto& r : rows) {
        due.emplace_back(GetInt(r, 0), GetInt(r, 1));
        cases.push_back(GetInt(r, 2));
      }
    }
    for (std::size_t i = 0; i < due.size(); ++i) {
      s << "UPDATE case_task SET reminded_on = :d WHERE id = :id", soci::use(day),
          soci::use(due[i].first);
      notifier_.ToUsers(s, {due[i].second}, {"task_due", CasePath(cases[i])});
    }
    return static_cast<int>(due.size());
  });
}

}  // namespace tsunagu::cases

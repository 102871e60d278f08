#include "cases/case_service.hpp"

#include <algorithm>

#include "cases/case_rows.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "live/bus.hpp"
#include "referrals/referral_service.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::cases {

using namespace case_rows;  // NOLINT(google-build-using-namespace): this domain's own helpers

namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

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

// Reads a case's own row, staff, case workers and tasks into `c` (its id and view set).
void ReadCase(soci::session& s, const crypto::FieldCipher& cipher, SupportCase& c) {
  // One statement for the case, its staff, the organisation's case workers (to mention or give
  // tasks to) and, for the running organisation, the tasks: on PostgreSQL each round trip cost
  // about as much as a small query. Each row says which part it belongs to (column 0); the
  // columns after the sort keys are shared by the parts:
  //   0 part: 0 the case, 1 a staff member, 2 a case worker, 3 a task
  //   1 a person's name (parts 1, 2), 2 a task's status (sorted open first), 3 its due date
  //   4 the case's, person's or task's id
  //   5.. part 0: referral, owner, version, opened, updated; organisation, referring
  //          organisation, owner's name, status, employer and agency status, goals, outcome,
  //          outcome date, client's name and kana (sealed)
  //       parts 1, 2: profession at 10
  //       part 3: owner at 5, done at 6; title (sealed) at 10, owner's name at 11
  //   21, 22 part 0: the timeline's entries and mark (kept by triggers, 0040_timeline_counts)
  // The case's row comes first and gives every column its type (PostgreSQL types a UNION by
  // its branches in order; a column NULL in two first branches would be text). Part 2 is
  // CaseService::CaseWorkers's condition (case_workflow.cpp): change both together.
  long long cid = c.id;
  long long org = c.view.case_org_id;
  long long task_case = c.id;  // each placeholder gets its own bound variable
  std::string sql =
      "SELECT 0, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), sc.id, "
      "sc.referral_id, sc.owner_user_id, sc.version, sc.opened_at, sc.updated_at, o.name, "
      "COALESCE(ro.name, ''), u.display_name, sc.status, sc.employer_status, sc.agency_status, "
      "sc.goals_enc, sc.outcome, sc.outcome_on, c.name_enc, c.kana_enc, sc.timeline_entries, "
      "sc.timeline_mark FROM support_case sc "
      "JOIN organization o ON o.id = sc.organization_id JOIN app_user u ON u.id = "
      "sc.owner_user_id JOIN client c ON c.id = sc.client_id LEFT JOIN referral rf ON rf.id = "
      "sc.referral_id LEFT JOIN organization ro ON ro.id = rf.from_org_id WHERE sc.id = :id "
      "UNION ALL SELECT 1, u.display_name, NULL, NULL, u.id, NULL, NULL, NULL, NULL, NULL, "
      "COALESCE(m.profession, ''), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
      "NULL, NULL FROM case_staff cs JOIN app_user u ON u.id = cs.user_id JOIN support_case sc ON "
      "sc.id = "
      "cs.case_id LEFT JOIN membership m ON m.user_id = u.id AND m.organization_id = "
      "sc.organization_id WHERE cs.case_id = :staff_case "
      "UNION ALL SELECT 2, u.display_name, NULL, NULL, u.id, NULL, NULL, NULL, NULL, NULL, "
      "m.profession, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM "
      "membership "
      "m JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = :o AND u.status = "
      "'active' AND m.role IN ('admin','coordinator','counselor')";
  if (c.view.runs_case) {
    sql +=
        " UNION ALL SELECT 3, NULL, t.status, t.due_on, t.id, t.owner_user_id, t.done_at, NULL, "
        "NULL, NULL, t.title_enc, u.display_name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
        "NULL, NULL, NULL, NULL FROM case_task t JOIN app_user u ON u.id = t.owner_user_id WHERE "
        "t.case_id "
        "= :task_case";
  }
  sql += " ORDER BY 1, 2, 3 DESC, 4, 5";
  long long staff_case = c.id;
  std::vector<std::pair<Task, std::string>> tasks;
  bool found = false;
  soci::rowset<soci::row> rows =
      c.view.runs_case ? (s.prepare << sql, soci::use(cid), soci::use(staff_case), soci::use(org),
                          soci::use(task_case))
                       : (s.prepare << sql, soci::use(cid), soci::use(staff_case), soci::use(org));
  for (const auto& r : rows) {
    switch (GetInt(r, 0)) {
      case 0:
        found = true;
        c.referral_id = GetInt(r, 5);
        c.owner_user_id = GetInt(r, 6);
        c.version = static_cast<int>(GetInt(r, 7));
        c.opened_at = GetInt(r, 8);
        c.updated_at = GetInt(r, 9);
        c.organization_name = GetText(r, 10);
        c.referring_org_name = GetText(r, 11);
        c.owner_name = GetText(r, 12);
        c.status = GetText(r, 13);
        c.employer_status = GetText(r, 14);
        c.agency_status = GetText(r, 15);
        c.goals = storage::Unseal(cipher, GetText(r, 16),
                                  "support_case:" + std::to_string(c.id) + ":goals");
        c.outcome = GetText(r, 17);
        c.outcome_on = core::ParseIsoDate(GetText(r, 18)).value_or(core::Date{});
        c.timeline_total = GetInt(r, 21);
        c.live_mark = GetInt(r, 22);
        if (c.view.client.Has("basic")) {
          const std::string ad = "client:" + std::to_string(c.view.client_id);
          c.client_name = storage::Unseal(cipher, GetText(r, 19), ad + ":name");
          c.client_kana = storage::Unseal(cipher, GetText(r, 20), ad + ":kana");
        }
        break;
      case 1:
        c.staff.push_back({GetInt(r, 4), GetText(r, 1), GetText(r, 10)});
        break;
      case 2:
        c.candidates.push_back({GetInt(r, 4), GetText(r, 1), GetText(r, 10)});
        break;
      default: {
        Task t;
        t.id = GetInt(r, 4);
        t.status = GetText(r, 2);
        t.due_on = core::ParseIsoDate(GetText(r, 3)).value_or(core::Date{});
        t.owner_user_id = GetInt(r, 5);
        t.done_at = GetInt(r, 6);
        t.owner_name = GetText(r, 11);
        tasks.emplace_back(std::move(t), GetText(r, 10));
      }
    }
  }
  if (!found) throw Abort{core::Error::NotFound()};
  for (auto& [t, enc] : tasks) {
    t.title = storage::Unseal(cipher, enc, "case_task:" + std::to_string(t.id) + ":title");
    c.tasks.push_back(std::move(t));
  }
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

TimelinePage CaseService::ReadTimeline(soci::session& s, const auth::Principal& who,
                                       const auth::CaseView& view, std::size_t shown) const {
  long long case_id = view.case_id;
  TimelinePage page;
  // One statement for the page (each round trip to PostgreSQL cost as much as a small query):
  //   - the count and the mark (LiveMark), kept on the case's row by triggers and read with the
  //     entries in one snapshot, so a change made after this read makes the page's stream catch
  //     up; its one row comes back even for a case without entries;
  //   - the newest entries first, by the index on (case_id, occurred_on, id);
  //   - the names joined to the entries shown only. Joined to all of them, PostgreSQL joined
  //     every entry of the case and sorted them afterwards (milliseconds on a case of 1,000
  //     entries); looked up by a scalar subquery per column, it ran 150 subqueries for 50
  //     entries (0.4 ms; joined after the limit, 0.07 ms);
  //   - the people mentioned, one row each (an entry with several comes back several times).
  const std::string limit = shown == 0 ? "" : " LIMIT " + std::to_string(shown);
  const bool sees_documents = view.SeesDocuments();
  struct Raw {
    TimelineEntry entry;
    std::string body_enc;
    long long org = 0;
  };
  std::vector<Raw> raw;
  {
    long long counted_case = case_id;  // each placeholder gets its own bound variable
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT t.total, t.mark, e.id, e.kind, e.occurred_on, e.body_enc, "
                      "u.display_name, COALESCE(m.profession, ''), o.name, e.version, "
                      "e.created_at, e.updated_at, e.organization_id, mu.display_name FROM "
                      "(SELECT timeline_entries AS total, timeline_mark AS mark FROM support_case "
                      "WHERE id = :counted) t LEFT JOIN (SELECT id, kind, "
                      "occurred_on, body_enc, author_id, organization_id, version, created_at, "
                      "updated_at FROM timeline_entry WHERE case_id = :c ORDER BY occurred_on "
                      "DESC, id DESC"
                   << limit
                   << ") e ON 1 = 1 LEFT JOIN app_user u ON u.id = e.author_id LEFT JOIN "
                      "membership m ON m.user_id = e.author_id AND m.organization_id = "
                      "e.organization_id LEFT JOIN organization o ON o.id = e.organization_id "
                      "LEFT JOIN timeline_mention tm ON tm.entry_id = e.id LEFT JOIN app_user "
                      "mu ON mu.id = tm.user_id ORDER BY e.occurred_on DESC, e.id DESC, "
                      "mu.display_name",
         soci::use(counted_case), soci::use(case_id));
    for (const auto& r : rows) {
      page.total = GetInt(r, 0);
      page.mark = GetInt(r, 1);
      if (IsNull(r, 2)) continue;  // no entries
      const long long id = GetInt(r, 2);
      if (raw.empty() || raw.back().entry.id != id) {
        Raw item;
        item.entry.id = id;
        item.entry.kind = GetText(r, 3);
        item.entry.occurred_on = core::ParseIsoDate(GetText(r, 4)).value_or(core::Date{});
        item.body_enc = GetText(r, 5);
        item.entry.author_name = GetText(r, 6);
        item.entry.author_profession = GetText(r, 7);
        item.entry.organization_name = GetText(r, 8);
        item.entry.version = static_cast<int>(GetInt(r, 9));
        item.entry.created_at = GetInt(r, 10);
        item.entry.updated_at = GetInt(r, 11);
        item.org = GetInt(r, 12);
        raw.push_back(std::move(item));
      }
      if (!IsNull(r, 13)) raw.back().entry.mentions.push_back(GetText(r, 13));
    }
  }
  page.stamp = {case_id, page.mark, page.total, who.organization_id, sees_documents};
  std::vector<TimelineEntry>& out = page.entries;
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
  return page;
}

core::Result<SupportCase> CaseService::Get(const auth::Principal& who, const audit::Actor& actor,
                                           std::int64_t id, std::size_t shown,
                                           const TimelineKept& kept) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  auto read = db_.Read<SupportCase>([&](soci::session& s) {
    SupportCase c;
    c.view = Access(s, who, id, false, today);
    c.id = id;
    ReadCase(s, cipher_, c);  // with the timeline's count and mark
    c.stamp = {id, c.live_mark, c.timeline_total, who.organization_id, c.view.SeesDocuments()};
    if (kept && kept(c.stamp)) {
      c.timeline_kept = true;
      return c;
    }
    // The entries with their own count and mark, read in one snapshot.
    auto page = ReadTimeline(s, who, c.view, shown);
    c.timeline = std::move(page.entries);
    c.timeline_total = page.total;
    c.live_mark = page.mark;
    c.stamp = page.stamp;
    return c;
  });
  if (!read) return read.error();
  core::Status audited = Audited(who, actor, id, "case.read", read->view.runs_case, now, today);
  if (!audited) return audited.error();
  return read;
}

core::Status CaseService::Audited(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t id, const char* action, bool runs_case,
                                  std::int64_t now, core::Date today) {
  const audit::Event event{action, "support_case", std::to_string(id), "{}"};
  // The running organisation's read changes nothing: its event shares a transaction with the
  // read events of concurrent pages (AppendRead).
  if (runs_case) return audit::AuditLog::AppendRead(db_, actor, event, now);
  // A partner's view is a provision of the case's records, recorded with the event; the
  // access is checked again in the same transaction, so a consent withdrawn since the read
  // records nothing and the page is not shown.
  return db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, id, false, today);
    if (!view.runs_case) RecordSharedView(s, cipher_, who, view, now);
    audit::AuditLog::Append(s, actor, event, now);
  });
}

core::Result<std::int64_t> CaseService::LiveMark(const auth::Principal& who, std::int64_t case_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::int64_t>([&](soci::session& s) {
    Access(s, who, case_id, false, today);
    // Moved by every entry added, edited or removed (0040_timeline_counts): it only grows.
    long long mark = 0;
    long long id = case_id;
    s << "SELECT timeline_mark FROM support_case WHERE id = :c", soci::into(mark), soci::use(id);
    return static_cast<std::int64_t>(mark);
  });
}

core::Result<TimelinePage> CaseService::Timeline(const auth::Principal& who,
                                                 const audit::Actor& actor, std::int64_t id,
                                                 std::size_t shown, const TimelineKept& kept) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  bool runs_case = false;
  auto read = db_.Read<TimelinePage>([&](soci::session& s) {
    const auto view = Access(s, who, id, false, today);
    runs_case = view.runs_case;
    if (kept) {
      TimelinePage page;
      long long case_id = id;
      long long total = 0;
      long long mark = 0;
      s << "SELECT timeline_entries, timeline_mark FROM support_case WHERE id = :c",
          soci::into(total), soci::into(mark), soci::use(case_id);
      page.total = total;
      page.mark = mark;
      page.stamp = {id, mark, total, who.organization_id, view.SeesDocuments()};
      if (kept(page.stamp)) {
        page.kept = true;
        return page;
      }
    }
    return ReadTimeline(s, who, view, shown);
  });
  if (!read) return read.error();
  // A page left open past midnight refreshes its timeline: that day's view is a provision too.
  core::Status audited = Audited(who, actor, id, "case.timeline_read", runs_case, now, today);
  if (!audited) return audited.error();
  return read;
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

}  // namespace tsunagu::cases

// Reading a case for its page (CaseService::Get), its live timeline fragment (Timeline) and
// its stream (LiveMark), each read audited: the case's own row with its staff, case workers and
// tasks in one statement (ReadCase; the staff, workers and tasks kept by the case's details mark
// are not read again, CaseDetailsCache), the newest timeline entries in another (ReadTimeline),
// and the organisation running the case decided from the case's facts without an access
// statement (auth/running_case.hpp).
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/running_case.hpp"
#include "cases/case_rows.hpp"
#include "cases/case_service.hpp"
#include "consultations/model.hpp"
#include "core/text.hpp"
#include "sharing/shared_view.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::cases {

using namespace case_rows;  // NOLINT(google-build-using-namespace): this domain's own helpers

namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

// The staff, candidates and tasks of the cases this process has shown, by the case's details
// mark (kept by triggers, 0041_case_details_mark): a page reads them again only when the mark
// moved (a staff member or task added, changed or removed, through any server) or when they are
// a minute old. Names, professions and the organisation's members do not move the mark, so
// their changes show within a minute (as the timeline's rendered entries do,
// cases/handlers/timeline_cache.hpp); who may be given a task is checked again when one is.
// Task titles are personal data: kept in this process's memory only, for at most kMaxCases
// cases. Kept per database (by its URL: a process serves one, a test process many in turn).
class CaseDetailsCache {
 public:
  static constexpr std::int64_t kMaxAgeSeconds = 60;
  static constexpr std::size_t kMaxCases = 10000;

  struct Details {
    std::int64_t mark = 0;
    std::int64_t kept_at = 0;
    std::vector<Staff> staff;
    std::vector<Staff> candidates;
    std::vector<Task> tasks;  // with_tasks only
  };

  static CaseDetailsCache& Of(const storage::Database& db) {
    static std::mutex m;
    static std::map<std::string, std::unique_ptr<CaseDetailsCache>> caches;
    std::lock_guard lock(m);
    auto& cache = caches[db.url()];
    if (!cache) cache = std::make_unique<CaseDetailsCache>();
    return *cache;
  }

  // The details kept for the case (with or without its tasks), if they are younger than a
  // minute, whatever their mark: the caller compares it with the case's.
  std::optional<Details> Find(std::int64_t case_id, bool with_tasks, std::int64_t now) const {
    std::lock_guard lock(mutex_);
    auto it = kept_.find({case_id, with_tasks});
    if (it == kept_.end() || now < it->second.kept_at ||
        now - it->second.kept_at >= kMaxAgeSeconds) {
      return std::nullopt;
    }
    return it->second;
  }
  void Keep(std::int64_t case_id, bool with_tasks, Details details) {
    std::lock_guard lock(mutex_);
    if (kept_.size() >= kMaxCases) kept_.clear();
    kept_[{case_id, with_tasks}] = std::move(details);
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::int64_t, bool>, Details> kept_;
};

// The organisation running the case, known from the case's facts (auth/running_case.hpp): its
// view is decided from the consents read with the case, and no access statement is made.
struct RunningRead {
  const auth::Principal* who = nullptr;
  auth::CaseFacts facts;
  std::string today;
};

// Reads a case's own row, and with `details` its staff, case workers and tasks, into `c` (its
// id and view set; with `running`, its id and the view's case, organisation and client, and
// the view is decided here), and the case's details mark into `details_mark`.
void ReadCase(soci::session& s, const crypto::FieldCipher& cipher, SupportCase& c,
              const RunningRead* running, bool details, std::int64_t& details_mark) {
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
  //   23 part 0: the details mark (moved by every change of parts 1 and 3, by triggers,
  //          0041_case_details_mark); without `details`, parts 1 to 3 are not read
  //   part 4 (`running`, when another organisation registered the person): a consent of that
  //          organisation naming the running one, its id at 4 and its items at 10
  // The case's row comes first and gives every column its type (PostgreSQL types a UNION by
  // its branches in order; a column NULL in two first branches would be text). Part 2 is
  // CaseService::CaseWorkers's condition (case_workflow.cpp): change both together. The names
  // of the case's one row and the staff's professions are looked up by scalar subqueries:
  // joined, PostgreSQL hashed the small tables at every execution (about 10 µs a part).
  long long cid = c.id;
  long long org = c.view.case_org_id;
  long long task_case = c.id;  // each placeholder gets its own bound variable
  if (details) {
    c.staff.clear();
    c.candidates.clear();
    c.tasks.clear();
  }
  std::string sql =
      "SELECT 0, CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), sc.id, "
      "sc.referral_id, sc.owner_user_id, sc.version, sc.opened_at, sc.updated_at, "
      "(SELECT o.name FROM organization o WHERE o.id = sc.organization_id), COALESCE((SELECT "
      "ro.name FROM referral rf JOIN organization ro ON ro.id = rf.from_org_id WHERE rf.id = "
      "sc.referral_id), ''), (SELECT u.display_name FROM app_user u WHERE u.id = "
      "sc.owner_user_id), sc.status, sc.employer_status, sc.agency_status, sc.goals_enc, "
      "sc.outcome, sc.outcome_on, c.name_enc, c.kana_enc, sc.timeline_entries, sc.timeline_mark, "
      "sc.details_mark FROM support_case sc JOIN client c ON c.id = sc.client_id WHERE sc.id = :id";
  if (details) {
    sql +=
        " UNION ALL SELECT 1, u.display_name, NULL, NULL, u.id, NULL, NULL, NULL, NULL, NULL, "
        "COALESCE((SELECT m.profession FROM membership m WHERE m.user_id = cs.user_id AND "
        "m.organization_id = :staff_org), ''), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
        "NULL, NULL, NULL, NULL, NULL FROM case_staff cs JOIN app_user u ON u.id = cs.user_id "
        "WHERE cs.case_id = :staff_case "
        "UNION ALL SELECT 2, u.display_name, NULL, NULL, u.id, NULL, NULL, NULL, NULL, NULL, "
        "m.profession, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
        "NULL FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = :o "
        "AND u.status = 'active' AND m.role IN ('admin','coordinator','counselor')";
  }
  if (details && c.view.runs_case) {
    sql +=
        " UNION ALL SELECT 3, NULL, t.status, t.due_on, t.id, t.owner_user_id, t.done_at, NULL, "
        "NULL, NULL, t.title_enc, u.display_name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
        "NULL, NULL, NULL, NULL, NULL FROM case_task t JOIN app_user u ON u.id = t.owner_user_id "
        "WHERE t.case_id = :task_case";
  }
  const bool consents =
      running != nullptr && running->facts.owner_org_id != running->who->organization_id;
  if (consents) {
    sql +=
        " UNION ALL SELECT 4, NULL, NULL, NULL, g.id, NULL, NULL, NULL, NULL, NULL, g.items, "
        "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM (";
    sql += auth::OwnerConsentsSql();
    sql += ") g";
  }
  sql += " ORDER BY 1, 2, 3 DESC, 4, 5";
  long long staff_case = c.id;
  long long staff_org = c.view.case_org_id;
  long long viewer = running != nullptr ? running->who->organization_id : 0;
  long long client = running != nullptr ? running->facts.client_id : 0;
  long long owner = running != nullptr ? running->facts.owner_org_id : 0;
  std::string from = running != nullptr ? running->today : "";
  std::string until = from;
  std::vector<std::pair<Task, std::string>> tasks;
  std::vector<auth::ConsentGrant> grants;
  std::string name_enc;
  std::string kana_enc;
  bool found = false;
  soci::details::prepare_temp_type query = (s.prepare << sql);
  query, soci::use(cid);
  if (details) query, soci::use(staff_org), soci::use(staff_case), soci::use(org);
  if (details && c.view.runs_case) query, soci::use(task_case);
  if (consents) {
    query, soci::use(viewer), soci::use(client), soci::use(owner), soci::use(from),
        soci::use(until);
  }
  soci::rowset<soci::row> rows(query);
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
        details_mark = GetInt(r, 23);
        name_enc = GetText(r, 19);
        kana_enc = GetText(r, 20);
        break;
      case 1:
        c.staff.push_back({GetInt(r, 4), GetText(r, 1), GetText(r, 10)});
        break;
      case 2:
        c.candidates.push_back({GetInt(r, 4), GetText(r, 1), GetText(r, 10)});
        break;
      case 4:
        grants.push_back({GetInt(r, 4), core::SplitCodes(GetText(r, 10))});
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
  if (running != nullptr) c.view = auth::RunningCaseView(*running->who, running->facts, grants);
  // The person's name only once the view says the viewer may see it.
  if (c.view.client.Has("basic")) {
    const std::string ad = "client:" + std::to_string(c.view.client_id);
    c.client_name = storage::Unseal(cipher, name_enc, ad + ":name");
    c.client_kana = storage::Unseal(cipher, kana_enc, ad + ":kana");
  }
  for (auto& [t, enc] : tasks) {
    t.title = storage::Unseal(cipher, enc, "case_task:" + std::to_string(t.id) + ":title");
    c.tasks.push_back(std::move(t));
  }
}

}  // namespace

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
    bool found = false;
    for (const auto& r : rows) {
      found = true;
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
    // The count's row comes back for every case that exists, entries or not.
    if (!found) throw Abort{core::Error::NotFound()};
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
    c.id = id;
    const auto facts = facts_.Find(id);
    std::optional<RunningRead> running;
    if (facts && auth::RunsCase(who, *facts)) {
      // The running organisation: its view from the case's facts and the consents read with
      // the case, in one statement (auth/running_case.hpp).
      c.view = auth::RunningCaseView(who, *facts, {});  // its client items come with the case
      running = RunningRead{&who, *facts, core::ToIso(today)};
    } else {
      auth::CaseFacts read;
      auto view = auth::CaseWithFacts(s, who, id, today, read);
      if (read.case_id != 0) facts_.Keep(read);
      if (!view) throw Abort{core::Error::NotFound()};
      c.view = *view;
    }
    // With the timeline's count and mark and the details mark; the staff, candidates and tasks
    // only when none are kept (CaseDetailsCache), or again when those kept are of another mark.
    CaseDetailsCache& details = CaseDetailsCache::Of(db_);
    const bool with_tasks = c.view.runs_case;
    auto kept_details = details.Find(id, with_tasks, now);
    const RunningRead* runs = running ? &*running : nullptr;
    std::int64_t details_mark = 0;
    ReadCase(s, cipher_, c, runs, !kept_details, details_mark);
    if (kept_details && kept_details->mark != details_mark) {
      kept_details.reset();
      ReadCase(s, cipher_, c, runs, true, details_mark);
    }
    if (kept_details) {
      c.staff = std::move(kept_details->staff);
      c.candidates = std::move(kept_details->candidates);
      c.tasks = std::move(kept_details->tasks);
    } else {
      details.Keep(id, with_tasks, {details_mark, now, c.staff, c.candidates, c.tasks});
    }
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
    if (!view.runs_case) sharing::RecordSharedView(s, cipher_, who, view, now);
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
    // The running organisation sees all of its case's timeline whatever the consents say (its
    // own records), so the case's kept facts answer for it without an access statement; a case
    // gone since has no row below (NotFound).
    const auto facts = facts_.Find(id);
    auth::CaseView view;
    if (facts && auth::RunsCase(who, *facts)) {
      view = auth::RunningCaseView(who, *facts, {});
    } else {
      auth::CaseFacts read_facts;
      auto checked = auth::CaseWithFacts(s, who, id, today, read_facts);
      if (read_facts.case_id != 0) facts_.Keep(read_facts);
      if (!checked) throw Abort{core::Error::NotFound()};
      view = *checked;
    }
    runs_case = view.runs_case;
    if (kept) {
      TimelinePage page;
      long long case_id = id;
      long long total = 0;
      long long mark = 0;
      s << "SELECT timeline_entries, timeline_mark FROM support_case WHERE id = :c",
          soci::into(total), soci::into(mark), soci::use(case_id);
      if (!s.got_data()) throw Abort{core::Error::NotFound()};
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

}  // namespace tsunagu::cases

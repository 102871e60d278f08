// A support case's course: its status and closing, its staff, and its tasks with their
// reminders (declared in case_service.hpp).
#include "cases/case_rows.hpp"
#include "cases/case_service.hpp"
#include "core/text.hpp"
#include "referrals/referral_service.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::cases {

using namespace case_rows;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;
using storage::GetInt;
using storage::GetText;

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

// The same people as part 2 of ReadCase (case_service.cpp), which reads them with the case.
std::vector<Staff> CaseService::CaseWorkers(soci::session& s, long long org) {
  std::vector<Staff> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT u.id, u.display_name, m.profession FROM membership m JOIN app_user u "
                    "ON u.id = m.user_id WHERE m.organization_id = :o AND u.status = 'active' AND "
                    "m.role IN ('admin','coordinator','counselor') ORDER BY u.display_name",
       soci::use(org));
  for (const auto& r : rows) out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
  return out;
}

core::Result<std::vector<Staff>> CaseService::Candidates(const auth::Principal& who,
                                                         std::int64_t case_id) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<Staff>>([&](soci::session& s) {
    const auto view = Access(s, who, case_id, false, today);
    return CaseWorkers(s, view.case_org_id);
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
    int sent = 0;
    for (std::size_t i = 0; i < due.size(); ++i) {
      // The claim: another server running the same round may have reminded of this task since
      // the SELECT (PostgreSQL re-reads the row after waiting for its lock); then it is theirs.
      soci::statement st = (s.prepare << "UPDATE case_task SET reminded_on = :d WHERE id = :id "
                                         "AND reminded_on <> :d2",
                            soci::use(day), soci::use(due[i].first), soci::use(day));
      st.execute(true);
      if (st.get_affected_rows() != 1) continue;
      notifier_.ToUsers(s, {due[i].second}, {"task_due", CasePath(cases[i])});
      ++sent;
    }
    return sent;
  });
}

}  // namespace tsunagu::cases

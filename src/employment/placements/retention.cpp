// Placements (就労決定・復職・就労継続) and their retention follow-ups (定着支援), declared in
// placement_service.hpp.
#include <algorithm>
#include <charconv>

#include "cases/case_rows.hpp"
#include "core/text.hpp"
#include "employment/placements/placement_rows.hpp"
#include "employment/placements/placement_service.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::placements {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

core::Date AddMonths(core::Date d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  core::Date out{index / 12, index % 12 + 1, d.day};
  out.day = std::min(d.day, core::DaysInMonth(out.year, out.month));
  return out;
}

std::vector<int> ParseRetentionMonths(const std::string& text) {
  std::vector<int> out;
  for (const auto& part : core::SplitCodes(text)) {
    int n = 0;
    const char* end = part.data() + part.size();
    auto [ptr, ec] = std::from_chars(part.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1 || n > 60)
      return {kDefaultRetentionMonths.begin(), kDefaultRetentionMonths.end()};
    out.push_back(n);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.empty()) return {kDefaultRetentionMonths.begin(), kDefaultRetentionMonths.end()};
  return out;
}

namespace {

// A whole number, or -1 when the text is not one.
int WholeNumber(const std::string& text) {
  int n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  return ec == std::errc() && ptr == end ? n : -1;
}

// The outcome a case closes with after its placement's follow-ups (case.outcome codes).
std::string OutcomeOf(const std::string& kind) {
  if (kind == "return_to_work") return "returned";
  if (kind == "kept_job") return "kept_job";
  return "new_job";
}

RetentionCheck CheckOf(const soci::row& r, core::Date today) {
  // id, placement_id, case_id, months, due_on, assigned name, answer, answered_on, version
  RetentionCheck c;
  c.id = GetInt(r, 0);
  c.placement_id = GetInt(r, 1);
  c.case_id = GetInt(r, 2);
  c.months = static_cast<int>(GetInt(r, 3));
  c.due_on = core::ParseIsoDate(GetText(r, 4)).value_or(core::Date{});
  c.assigned_name = GetText(r, 5);
  c.answer = GetText(r, 6);
  c.answered_on = core::ParseIsoDate(GetText(r, 7)).value_or(core::Date{});
  c.version = static_cast<int>(GetInt(r, 8));
  if (c.answer.empty() && c.due_on < today) c.days_overdue = core::DaysBetween(c.due_on, today);
  return c;
}

constexpr const char* kCheckColumns =
    "SELECT c.id, c.placement_id, p.case_id, c.months, c.due_on, COALESCE(u.display_name, ''), "
    "c.answer, c.answered_on, c.version FROM retention_check c JOIN placement p ON p.id = "
    "c.placement_id LEFT JOIN app_user u ON u.id = c.assigned_user_id ";

}  // namespace

std::vector<Placement> PlacementService::ReadPlacements(soci::session& s, long long case_id,
                                                        core::Date today) const {
  std::vector<Placement> out;
  {
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT p.id, p.kind, COALESCE(p.application_id, 0), COALESCE(e.name, ''), "
                      "p.employer_name_enc, p.job_title_enc, p.start_on, p.employment_type, "
                      "COALESCE(p.weekly_hours, 0), p.disclosure, p.accommodations_enc, "
                      "p.entered_late FROM placement p LEFT JOIN employer e ON e.id = "
                      "p.employer_id WHERE p.case_id = :c ORDER BY p.id DESC",
         soci::use(case_id));
    for (const auto& r : found) {
      Placement p;
      p.id = GetInt(r, 0);
      p.kind = GetText(r, 1);
      p.application_id = GetInt(r, 2);
      p.employer_name = GetText(r, 3);
      const std::string typed =
          storage::Unseal(cipher_, GetText(r, 4), rows::Ad("placement", p.id, "employer_name"));
      if (p.employer_name.empty()) p.employer_name = typed;
      p.job_title =
          storage::Unseal(cipher_, GetText(r, 5), rows::Ad("placement", p.id, "job_title"));
      p.start_on = core::ParseIsoDate(GetText(r, 6)).value_or(core::Date{});
      p.employment_type = GetText(r, 7);
      p.weekly_hours = static_cast<int>(GetInt(r, 8));
      p.disclosure = GetText(r, 9);
      p.accommodations =
          storage::Unseal(cipher_, GetText(r, 10), rows::Ad("placement", p.id, "accommodations"));
      p.entered_late = GetInt(r, 11) != 0;
      out.push_back(std::move(p));
    }
  }
  for (auto& p : out) {
    long long pid = p.id;
    soci::rowset<soci::row> checks =
        (s.prepare << std::string(kCheckColumns) + "WHERE c.placement_id = :p ORDER BY c.months",
         soci::use(pid));
    for (const auto& r : checks) p.checks.push_back(CheckOf(r, today));
  }
  return out;
}

core::Result<std::int64_t> PlacementService::Place(const auth::Principal& who,
                                                   const audit::Actor& actor, std::int64_t case_id,
                                                   const PlacementInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  rows::CheckCode(errors, "kind", input.kind, kKinds);
  const bool from_application = input.kind == "placement";
  const std::string employer_name = core::Trim(input.employer_name);
  if (!from_application) rows::CheckText(errors, "employer_name", employer_name, kMaxName, true);
  const std::string job_title = core::Trim(input.job_title);
  rows::CheckText(errors, "job_title", job_title, kMaxName, false);
  const auto decided = rows::CheckPastDate(errors, "decided_on", input.decided_on, today);
  const auto start = core::ParseIsoDate(input.start_on);
  if (!start) {
    errors.push_back({"start_on", input.start_on.empty() ? "error.required" : "error.date"});
  } else if (core::DaysBetween(today, *start) > 366) {
    errors.push_back({"start_on", "placements.error.start_far"});
  }
  rows::CheckCode(errors, "employment_type", input.employment_type, kEmploymentTypes);
  int hours = 0;
  if (!input.weekly_hours.empty()) {
    hours = WholeNumber(input.weekly_hours);
    if (hours < 1 || hours > 60) errors.push_back({"weekly_hours", "placements.error.hours"});
  }
  rows::CheckCode(errors, "disclosure", input.disclosure, kDisclosures);
  const std::string accommodations = core::NormalizeNewlines(core::Trim(input.accommodations));
  rows::CheckText(errors, "accommodations", accommodations, kMaxNote, false);
  long long entry = 0;
  auto placed = db_.Write<std::int64_t>([&](soci::session& s) {
    const auto view = rows::CaseAccess(s, who, case_id, true, today);
    long long cid = case_id;
    long long aid = input.application_id;
    long long opening = 0;
    long long employer = 0;
    std::string from_status;
    std::string typed_name = employer_name;
    if (from_application) {
      std::string name_enc;
      std::string applied_on;
      s << "SELECT status, COALESCE(opening_id, 0), COALESCE(employer_id, 0), "
           "employer_name_enc, applied_on FROM job_application WHERE id = :id AND case_id = :c",
          soci::into(from_status), soci::into(opening), soci::into(employer), soci::into(name_enc),
          soci::into(applied_on), soci::use(aid), soci::use(cid);
      if (!s.got_data()) throw Abort{core::Error::NotFound()};
      // Decided before the person applied: as no step may be (ISO dates compare as text).
      if (decided && core::ToIso(*decided) < applied_on) {
        errors.push_back({"decided_on", "placements.error.before_applied"});
      }
      typed_name =
          storage::Unseal(cipher_, name_enc, rows::Ad("job_application", aid, "employer_name"));
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long at = now;
    if (from_application) {
      // The version check and the status guard make one of two parallel placements win; the
      // unique index placement_application_uq holds it as well.
      int version = input.application_version;
      soci::statement st =
          (s.prepare << "UPDATE job_application SET status = 'placed', version = version + 1, "
                        "updated_at = :t WHERE id = :id AND version = :v AND status NOT IN "
                        "('placed', 'declined', 'rejected')",
           soci::use(at), soci::use(aid), soci::use(version));
      st.execute(true);
      if (st.get_affected_rows() != 1) {
        throw Abort{core::Error::Conflict(from_status == "placed" || from_status == "declined" ||
                                                  from_status == "rejected"
                                              ? "placements.error.ended"
                                              : "placements.error.stale")};
      }
    }
    long long org = view.case_org_id;
    long long user = who.user_id;
    const std::string start_on = core::ToIso(*start);
    const int late = *decided < today ? 1 : 0;
    soci::indicator app_ind = from_application ? soci::i_ok : soci::i_null;
    soci::indicator opening_ind = opening != 0 ? soci::i_ok : soci::i_null;
    soci::indicator employer_ind = employer != 0 ? soci::i_ok : soci::i_null;
    soci::indicator hours_ind = hours != 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    s << "INSERT INTO placement (organization_id, case_id, kind, application_id, opening_id, "
         "employer_id, start_on, employment_type, weekly_hours, disclosure, entered_late, "
         "recorded_by, recorded_at, updated_at) VALUES (:o, :c, :k, :a, :op, :e, :s, :et, :h, "
         ":d, :l, :u, :t, :t2) RETURNING id",
        soci::use(org), soci::use(cid), soci::use(input.kind), soci::use(aid, app_ind),
        soci::use(opening, opening_ind), soci::use(employer, employer_ind), soci::use(start_on),
        soci::use(input.employment_type), soci::use(hours, hours_ind), soci::use(input.disclosure),
        soci::use(late), soci::use(user), soci::use(at), soci::use(at), soci::into(id);
    const std::string name_enc =
        typed_name.empty()
            ? ""
            : cipher_.Encrypt(typed_name, rows::Ad("placement", id, "employer_name"));
    const std::string job_enc =
        job_title.empty() ? "" : cipher_.Encrypt(job_title, rows::Ad("placement", id, "job_title"));
    const std::string acc_enc =
        accommodations.empty()
            ? ""
            : cipher_.Encrypt(accommodations, rows::Ad("placement", id, "accommodations"));
    s << "UPDATE placement SET employer_name_enc = :n, job_title_enc = :j, accommodations_enc = "
         ":a WHERE id = :id",
        soci::use(name_enc), soci::use(job_enc), soci::use(acc_enc), soci::use(id);
    const std::string decided_on = core::ToIso(*decided);
    if (from_application) {
      s << "INSERT INTO job_application_step (application_id, status, happened_on, entered_late, "
           "recorded_by, recorded_at) VALUES (:a, 'placed', :d, :l, :u, :t)",
          soci::use(aid), soci::use(decided_on), soci::use(late), soci::use(user), soci::use(at);
    }
    // The follow-ups, each due the same day of the month (clamped) and given to the case owner.
    std::string months_text;
    long long owner = 0;
    s << "SELECT o.retention_months, c.owner_user_id FROM support_case c JOIN organization o ON "
         "o.id = c.organization_id WHERE c.id = :c",
        soci::into(months_text), soci::into(owner), soci::use(cid);
    for (int months : ParseRetentionMonths(months_text)) {
      const std::string due = core::ToIso(AddMonths(*start, months));
      s << "INSERT INTO retention_check (placement_id, organization_id, months, due_on, "
           "assigned_user_id) VALUES (:p, :o, :m, :d, :u)",
          soci::use(id), soci::use(org), soci::use(months), soci::use(due), soci::use(owner);
    }
    entry = cases::case_rows::InsertEntry(
        s, cipher_, cid, who, "status_change", decided_on,
        from_application ? "application|" + from_status + "|placed" : "placement||" + input.kind,
        now);
    audit::AuditLog::Append(s, actor,
                            {"employment.place", "support_case", std::to_string(case_id),
                             "{\"placement\":" + std::to_string(id) + ",\"kind\":\"" + input.kind +
                                 "\",\"late\":" + (late != 0 ? "true" : "false") + "}"},
                            now);
    return static_cast<std::int64_t>(id);
  });
  if (placed) Publish(case_id, entry);
  return placed;
}

core::Result<std::vector<RetentionCheck>> PlacementService::OpenChecks(const auth::Principal& who,
                                                                       bool mine,
                                                                       core::Date until) {
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  return db_.Read<std::vector<RetentionCheck>>([&](soci::session& s) {
    long long org = who.organization_id;
    long long user = mine ? who.user_id : 0;
    const std::string last = core::ToIso(until);
    std::vector<RetentionCheck> out;
    soci::rowset<soci::row> found =
        (s.prepare << std::string(kCheckColumns) +
                          "WHERE c.organization_id = :o AND c.answer = '' AND c.due_on <= :d AND "
                          "(:u = 0 OR c.assigned_user_id = :u2) ORDER BY c.due_on, c.id",
         soci::use(org), soci::use(last), soci::use(user), soci::use(user));
    for (const auto& r : found) out.push_back(CheckOf(r, today));
    return out;
  });
}

core::Result<CheckPage> PlacementService::Check(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t check_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<CheckPage>([&](soci::session& s) {
    long long id = check_id;
    long long org = who.organization_id;
    CheckPage page;
    {
      soci::rowset<soci::row> found =
          (s.prepare << std::string(kCheckColumns) + "WHERE c.id = :id AND c.organization_id = :o",
           soci::use(id), soci::use(org));
      for (const auto& r : found) page.check = CheckOf(r, today);
    }
    if (page.check.id == 0) throw Abort{core::Error::NotFound()};
    // The case is the running organisation's (the check's organisation is the placement's).
    rows::CaseAccess(s, who, page.check.case_id, false, today);
    long long pid = page.check.placement_id;
    std::string note_enc;
    s << "SELECT note_enc FROM retention_check WHERE id = :id", soci::into(note_enc), soci::use(id);
    page.check.note = storage::Unseal(cipher_, note_enc, rows::Ad("retention_check", id, "note"));
    std::string start_on;
    std::string name_enc;
    std::string employer;
    s << "SELECT p.kind, p.start_on, p.employer_name_enc, COALESCE(e.name, '') FROM placement p "
         "LEFT JOIN employer e ON e.id = p.employer_id WHERE p.id = :p",
        soci::into(page.kind), soci::into(start_on), soci::into(name_enc), soci::into(employer),
        soci::use(pid);
    page.start_on = core::ParseIsoDate(start_on).value_or(core::Date{});
    page.employer_name =
        employer.empty()
            ? storage::Unseal(cipher_, name_enc, rows::Ad("placement", pid, "employer_name"))
            : employer;
    long long cid = page.check.case_id;
    s << "SELECT status, version FROM support_case WHERE id = :id", soci::into(page.case_status),
        soci::into(page.case_version), soci::use(cid);
    int last_months = 0;
    s << "SELECT MAX(months) FROM retention_check WHERE placement_id = :p", soci::into(last_months),
        soci::use(pid);
    page.last = page.check.months == last_months;
    if (page.case_status != "closed" && !page.check.answer.empty()) {
      if (page.check.answer == "resigned") {
        page.propose_outcome = "left_job";
      } else if (page.last) {
        page.propose_outcome = OutcomeOf(page.kind);
      }
    }
    audit::AuditLog::Append(s, actor,
                            {"retention.read", "support_case", std::to_string(cid),
                             "{\"check\":" + std::to_string(check_id) + "}"},
                            now);
    return page;
  });
}

core::Status PlacementService::Answer(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t check_id, const AnswerInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  rows::CheckCode(errors, "answer", input.answer, kAnswers);
  const auto answered = rows::CheckPastDate(errors, "answered_on", input.answered_on, today);
  const std::string note = core::NormalizeNewlines(core::Trim(input.note));
  rows::CheckText(errors, "note", note, kMaxNote, false);
  long long entry = 0;
  long long case_id = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    long long id = check_id;
    long long org = who.organization_id;
    int months = 0;
    s << "SELECT p.case_id, c.months FROM retention_check c JOIN placement p ON p.id = "
         "c.placement_id WHERE c.id = :id AND c.organization_id = :o",
        soci::into(case_id), soci::into(months), soci::use(id), soci::use(org);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    auto view = auth::RecordAccess::Case(s, who, case_id, today);
    if (!view || !view->runs_case) throw Abort{core::Error::NotFound()};
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    const std::string day = core::ToIso(*answered);
    const std::string sealed =
        note.empty() ? "" : cipher_.Encrypt(note, rows::Ad("retention_check", id, "note"));
    long long user = who.user_id;
    long long at = now;
    int version = input.version;
    soci::statement st =
        (s.prepare << "UPDATE retention_check SET answer = :a, answered_on = :d, note_enc = :n, "
                      "answered_by = :u, answered_at = :t, version = version + 1 WHERE id = :id "
                      "AND version = :v",
         soci::use(input.answer), soci::use(day), soci::use(sealed), soci::use(user), soci::use(at),
         soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("placements.error.stale")};
    entry = cases::case_rows::InsertEntry(
        s, cipher_, case_id, who, "status_change", day,
        "retention|" + std::to_string(months) + "|" + input.answer, now);
    const bool late = *answered < today;
    audit::AuditLog::Append(s, actor,
                            {"retention.answer", "support_case", std::to_string(case_id),
                             "{\"check\":" + std::to_string(check_id) + ",\"answer\":\"" +
                                 input.answer + "\",\"late\":" + (late ? "true" : "false") + "}"},
                            now);
  });
  if (done) Publish(case_id, entry);
  return done;
}

}  // namespace tsunagu::employment::placements

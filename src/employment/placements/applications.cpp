// Applications from a support case and their steps (declared in placement_service.hpp).
#include <algorithm>

#include "cases/case_rows.hpp"
#include "core/text.hpp"
#include "employment/placements/placement_rows.hpp"
#include "employment/placements/placement_service.hpp"
#include "live/bus.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::employment::placements {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

namespace rows {

auth::CaseView CaseAccess(soci::session& s, const auth::Principal& who, long long case_id,
                          bool edit, core::Date today) {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  if (!view || !view->SeesRecords()) throw Abort{core::Error::NotFound()};
  if (!edit) return *view;
  if (!view->runs_case) throw Abort{core::Error::Forbidden()};
  std::string status;
  s << "SELECT status FROM support_case WHERE id = :id", soci::into(status), soci::use(case_id);
  if (status == "closed") throw Abort{core::Error::Conflict("case.error.closed")};
  return *view;
}

std::optional<core::Date> CheckPastDate(std::vector<core::FieldError>& errors,
                                        const std::string& field, const std::string& value,
                                        core::Date today) {
  auto d = core::ParseIsoDate(value);
  if (!d) {
    errors.push_back({field, value.empty() ? "error.required" : "error.date"});
    return std::nullopt;
  }
  if (*d > today) {
    errors.push_back({field, "placements.error.future"});
    return std::nullopt;
  }
  return d;
}

void CheckText(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& value, std::size_t max, bool required) {
  if (required && core::Trim(value).empty()) {
    errors.push_back({field, "error.required"});
  } else if (core::CountCodePoints(value) > max) {
    errors.push_back({field, "error.too_long"});
  }
}

int StepIndex(std::string_view status) {
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    if (kSteps[i] == status) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace rows

void PlacementService::Publish(std::int64_t case_id, std::int64_t entry_id) const {
  bus_.Publish("case:" + std::to_string(case_id), "timeline", std::to_string(entry_id));
}

core::Result<std::vector<OpeningChoice>> PlacementService::OpenOpenings(
    const auth::Principal& who) {
  return db_.Read<std::vector<OpeningChoice>>([&](soci::session& s) {
    long long org = who.organization_id;
    std::vector<OpeningChoice> out;
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT o.id, o.title, e.name FROM job_opening o JOIN employer e ON e.id = "
                      "o.employer_id WHERE o.organization_id = :o AND o.status = 'open' ORDER BY "
                      "e.name, o.title, o.id",
         soci::use(org));
    for (const auto& r : found) out.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    return out;
  });
}

core::Result<std::int64_t> PlacementService::Apply(const auth::Principal& who,
                                                   const audit::Actor& actor, std::int64_t case_id,
                                                   const ApplicationInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  const std::string employer_name = core::Trim(input.employer_name);
  if (input.opening_id == 0)
    rows::CheckText(errors, "employer_name", employer_name, kMaxName, true);
  if (input.opening_id != 0)
    rows::CheckText(errors, "employer_name", employer_name, kMaxName, false);
  const auto applied = rows::CheckPastDate(errors, "applied_on", input.applied_on, today);
  rows::CheckCode(errors, "disclosure", input.disclosure, kDisclosures);
  const std::string notes = core::NormalizeNewlines(core::Trim(input.notes));
  rows::CheckText(errors, "notes", notes, kMaxNote, false);
  long long entry = 0;
  auto added = db_.Write<std::int64_t>([&](soci::session& s) {
    const auto view = rows::CaseAccess(s, who, case_id, true, today);
    long long org = view.case_org_id;
    long long opening = input.opening_id;
    long long employer = 0;
    if (opening != 0) {
      // Only an open opening of the organisation running the case.
      soci::indicator ind = soci::i_null;
      s << "SELECT employer_id FROM job_opening WHERE id = :id AND organization_id = :o AND "
           "status = 'open'",
          soci::into(employer, ind), soci::use(opening), soci::use(org);
      if (!s.got_data() || ind == soci::i_null)
        errors.push_back({"opening_id", "placements.error.opening"});
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long cid = case_id;
    long long user = who.user_id;
    long long at = now;
    const std::string day = core::ToIso(*applied);
    soci::indicator opening_ind = opening != 0 ? soci::i_ok : soci::i_null;
    soci::indicator employer_ind = employer != 0 ? soci::i_ok : soci::i_null;
    long long id = 0;
    s << "INSERT INTO job_application (organization_id, case_id, opening_id, employer_id, status, "
         "disclosure, applied_on, created_by, created_at, updated_at) VALUES (:o, :c, :op, :e, "
         "'applied', :d, :a, :u, :t, :t2) RETURNING id",
        soci::use(org), soci::use(cid), soci::use(opening, opening_ind),
        soci::use(employer, employer_ind), soci::use(input.disclosure), soci::use(day),
        soci::use(user), soci::use(at), soci::use(at), soci::into(id);
    const std::string name_enc =
        employer_name.empty()
            ? ""
            : cipher_.Encrypt(employer_name, rows::Ad("job_application", id, "employer_name"));
    const std::string notes_enc =
        notes.empty() ? "" : cipher_.Encrypt(notes, rows::Ad("job_application", id, "notes"));
    s << "UPDATE job_application SET employer_name_enc = :n, notes_enc = :x WHERE id = :id",
        soci::use(name_enc), soci::use(notes_enc), soci::use(id);
    const int late = *applied < today ? 1 : 0;
    s << "INSERT INTO job_application_step (application_id, status, happened_on, entered_late, "
         "recorded_by, recorded_at) VALUES (:a, 'applied', :d, :l, :u, :t)",
        soci::use(id), soci::use(day), soci::use(late), soci::use(user), soci::use(at);
    entry = cases::case_rows::InsertEntry(s, cipher_, cid, who, "status_change", day,
                                          "application||applied", now);
    audit::AuditLog::Append(s, actor,
                            {"employment.apply", "support_case", std::to_string(case_id),
                             "{\"application\":" + std::to_string(id) +
                                 ",\"late\":" + (late != 0 ? "true" : "false") + "}"},
                            now);
    return static_cast<std::int64_t>(id);
  });
  if (added) Publish(case_id, entry);
  return added;
}

core::Status PlacementService::AddStep(const auth::Principal& who, const audit::Actor& actor,
                                       std::int64_t case_id, std::int64_t application_id,
                                       const StepInput& input) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  std::vector<core::FieldError> errors;
  const bool ending = consultations::InList(kEndings, input.status);
  // 就労決定 is recorded with its placement (Place), never as a bare step.
  if (input.status.empty()) {
    errors.push_back({"status", "error.required"});
  } else if (!ending && (rows::StepIndex(input.status) < 0 || input.status == "placed")) {
    errors.push_back({"status", "error.invalid_choice"});
  }
  const auto happened = rows::CheckPastDate(errors, "happened_on", input.happened_on, today);
  const std::string note = core::NormalizeNewlines(core::Trim(input.note));
  rows::CheckText(errors, "note", note, kMaxNote, false);
  long long entry = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    rows::CaseAccess(s, who, case_id, true, today);
    long long aid = application_id;
    long long cid = case_id;
    std::string current;
    std::string applied_on;
    int current_version = 0;
    s << "SELECT status, applied_on, version FROM job_application WHERE id = :id AND case_id = :c",
        soci::into(current), soci::into(applied_on), soci::into(current_version), soci::use(aid),
        soci::use(cid);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    // A form drawn before someone else's change is told so first, whatever it asks for.
    if (current_version != input.version) {
      throw Abort{core::Error::Conflict("placements.error.stale")};
    }
    const int from = rows::StepIndex(current);
    // Only forward, except to the two endings; nothing after an ending or 就労決定.
    if (from < 0 || current == "placed")
      throw Abort{core::Error::Conflict("placements.error.ended")};
    if (!ending && rows::StepIndex(input.status) <= from) {
      throw Abort{
          core::Error::Invalid("error.form_invalid", {{"status", "placements.error.backwards"}})};
    }
    const std::string day = core::ToIso(*happened);
    if (day < applied_on) {
      throw Abort{core::Error::Invalid("error.form_invalid",
                                       {{"happened_on", "placements.error.before_applied"}})};
    }
    long long at = now;
    int version = input.version;
    soci::statement st =
        (s.prepare << "UPDATE job_application SET status = :s, version = version + 1, "
                      "updated_at = :t WHERE id = :id AND version = :v",
         soci::use(input.status), soci::use(at), soci::use(aid), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() != 1) throw Abort{core::Error::Conflict("placements.error.stale")};
    long long user = who.user_id;
    const int late = *happened < today ? 1 : 0;
    long long step = 0;
    s << "INSERT INTO job_application_step (application_id, status, happened_on, entered_late, "
         "recorded_by, recorded_at) VALUES (:a, :s, :d, :l, :u, :t) RETURNING id",
        soci::use(aid), soci::use(input.status), soci::use(day), soci::use(late), soci::use(user),
        soci::use(at), soci::into(step);
    if (!note.empty()) {
      const std::string sealed =
          cipher_.Encrypt(note, rows::Ad("job_application_step", step, "note"));
      s << "UPDATE job_application_step SET note_enc = :n WHERE id = :id", soci::use(sealed),
          soci::use(step);
    }
    entry = cases::case_rows::InsertEntry(s, cipher_, cid, who, "status_change", day,
                                          "application|" + current + "|" + input.status, now);
    audit::AuditLog::Append(
        s, actor,
        {"employment.step", "support_case", std::to_string(case_id),
         "{\"application\":" + std::to_string(application_id) + ",\"status\":\"" + input.status +
             "\",\"late\":" + (late != 0 ? "true" : "false") + "}"},
        now);
  });
  if (done) Publish(case_id, entry);
  return done;
}

core::Result<CaseEmployment> PlacementService::ForCase(const auth::Principal& who,
                                                       const audit::Actor& actor,
                                                       std::int64_t case_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<CaseEmployment>([&](soci::session& s) {
    const auto view = rows::CaseAccess(s, who, case_id, false, today);
    long long cid = case_id;
    CaseEmployment out;
    out.runs_case = view.runs_case;
    s << "SELECT status FROM support_case WHERE id = :id", soci::into(out.case_status),
        soci::use(cid);
    {
      soci::rowset<soci::row> found =
          (s.prepare << "SELECT a.id, COALESCE(a.opening_id, 0), COALESCE(o.title, ''), "
                        "COALESCE(e.name, ''), a.employer_name_enc, a.status, a.disclosure, "
                        "a.applied_on, a.notes_enc, a.version, COALESCE(p.id, 0) FROM "
                        "job_application a LEFT JOIN job_opening o ON o.id = a.opening_id LEFT "
                        "JOIN employer e ON e.id = a.employer_id LEFT JOIN placement p ON "
                        "p.application_id = a.id WHERE a.case_id = :c ORDER BY a.id DESC",
           soci::use(cid));
      for (const auto& r : found) {
        Application a;
        a.id = GetInt(r, 0);
        a.opening_id = GetInt(r, 1);
        a.opening_title = GetText(r, 2);
        a.employer_name = GetText(r, 3);
        const std::string typed = storage::Unseal(
            cipher_, GetText(r, 4), rows::Ad("job_application", a.id, "employer_name"));
        if (a.employer_name.empty()) a.employer_name = typed;
        a.status = GetText(r, 5);
        a.disclosure = GetText(r, 6);
        a.applied_on = core::ParseIsoDate(GetText(r, 7)).value_or(core::Date{});
        a.notes =
            storage::Unseal(cipher_, GetText(r, 8), rows::Ad("job_application", a.id, "notes"));
        a.version = static_cast<int>(GetInt(r, 9));
        a.placement_id = GetInt(r, 10);
        const int at = rows::StepIndex(a.status);
        if (at >= 0 && a.status != "placed") {
          for (std::size_t i = at + 1; i + 1 < kSteps.size(); ++i) a.next.emplace_back(kSteps[i]);
          for (auto e : kEndings) a.next.emplace_back(e);
        }
        out.applications.push_back(std::move(a));
      }
    }
    for (auto& a : out.applications) {
      long long aid = a.id;
      soci::rowset<soci::row> steps =
          (s.prepare << "SELECT st.id, st.status, st.happened_on, st.note_enc, st.entered_late, "
                        "u.display_name FROM job_application_step st JOIN app_user u ON u.id = "
                        "st.recorded_by WHERE st.application_id = :a ORDER BY st.id",
           soci::use(aid));
      for (const auto& r : steps) {
        Step st;
        st.status = GetText(r, 1);
        st.happened_on = core::ParseIsoDate(GetText(r, 2)).value_or(core::Date{});
        st.note = storage::Unseal(cipher_, GetText(r, 3),
                                  rows::Ad("job_application_step", GetInt(r, 0), "note"));
        st.entered_late = GetInt(r, 4) != 0;
        st.recorded_by = GetText(r, 5);
        a.steps.push_back(std::move(st));
      }
    }
    out.placements = ReadPlacements(s, cid, today);
    audit::AuditLog::Append(
        s, actor, {"employment.read", "support_case", std::to_string(case_id), "{}"}, now);
    return out;
  });
}

}  // namespace tsunagu::employment::placements

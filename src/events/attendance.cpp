#include "events/attendance.hpp"

#include <algorithm>
#include <optional>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "events/event_rows.hpp"
#include "storage/row.hpp"

namespace tsunagu::events {
namespace {

using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxLabel = 40;

// Rows made before participant types existed count as their 所属.
constexpr const char* kTypeExpr =
    "CASE WHEN participant_type = '' THEN affiliation ELSE participant_type END";

// The event when the caller is staff (admin, coordinator, counselor) of its organiser.
Event OwnEvent(soci::session& s, const auth::Principal& who, std::int64_t event_id) {
  auto e = FindEvent(s, event_id);
  if (!e || !auth::Policy::CanCounsel(who, e->organization_id)) {
    throw storage::Abort{core::Error::NotFound()};
  }
  return *e;
}

bool KnownType(soci::session& s, std::int64_t organization_id, const std::string& code) {
  if (InList(kBuiltinTypes, code)) return true;
  if (code.size() < 2 || code[0] != 'x') return false;
  long long id = 0;
  try {
    id = std::stoll(code.substr(1));
  } catch (...) {
    return false;
  }
  long long org = organization_id;
  long long n = 0;
  s << "SELECT COUNT(*) FROM event_participant_type WHERE id = :id AND organization_id = :o",
      soci::use(id), soci::use(org), soci::into(n);
  return n == 1;
}

// Changes are taken from the day of the event; after it, only coordinators and admins enter
// them (a late entry). True for a late entry.
bool CheckWhen(const auth::Principal& who, const Event& event, std::int64_t now) {
  const core::Date today = core::DateFromUnixSeconds(now);
  if (event.date > today) {
    throw storage::Abort{core::Error::Conflict("events_attendance.error.not_yet")};
  }
  if (event.status == "cancelled") {
    throw storage::Abort{core::Error::Conflict("events.error.cancelled")};
  }
  const bool late = event.date < today;
  if (late && !auth::Policy::CanCoordinate(who, event.organization_id)) {
    throw storage::Abort{core::Error::Forbidden()};
  }
  return late;
}

std::string Detail(std::int64_t event_id, bool late, const std::string& more = "") {
  return "{\"event\":" + std::to_string(event_id) + (late ? ",\"late\":true" : "") + more + "}";
}

AttendanceCounts CountsOf(soci::session& s, std::int64_t event_id) {
  AttendanceCounts c;
  long long id = event_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT mode, " << kTypeExpr
                 << ", attendance, COUNT(*) FROM event_registration WHERE event_id = :e AND "
                    "status = 'registered' GROUP BY mode, "
                 << kTypeExpr << ", attendance",
       soci::use(id));
  for (const auto& r : rows) {
    const std::string mode = GetText(r, 0);
    const std::string type = GetText(r, 1);
    const int n = static_cast<int>(GetInt(r, 3));
    c.registered += n;
    c.registered_by_mode[mode] += n;
    c.registered_by_type[type] += n;
    if (GetText(r, 2) == "attended") {
      c.attended += n;
      c.attended_by_mode[mode] += n;
      c.attended_by_type[type] += n;
    }
  }
  soci::rowset<soci::row> walk =
      (s.prepare << "SELECT mode, participant_type, COUNT(*) FROM event_walk_in WHERE event_id = "
                    ":e GROUP BY mode, participant_type",
       soci::use(id));
  for (const auto& r : walk) {
    const int n = static_cast<int>(GetInt(r, 2));
    c.walk_ins += n;
    c.attended += n;
    c.attended_by_mode[GetText(r, 0)] += n;
    c.attended_by_type[GetText(r, 1)] += n;
  }
  return c;
}

std::vector<ParticipantType> TypesOf(soci::session& s, std::int64_t organization_id) {
  std::vector<ParticipantType> out;
  for (auto code : kBuiltinTypes) out.push_back({std::string(code), "", "", true});
  long long org = organization_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, label_ja, label_en FROM event_participant_type WHERE "
                    "organization_id = :o ORDER BY id",
       soci::use(org));
  for (const auto& r : rows) {
    out.push_back({"x" + std::to_string(GetInt(r, 0)), GetText(r, 1), GetText(r, 2), false});
  }
  return out;
}

// Name and ふりがな folded for search (kana, width, case) without spaces.
std::string Folded(const std::string& text) {
  std::string f = core::NormalizeForSearch(text);
  std::erase(f, ' ');
  return f;
}

bool Matches(const AttendeeRow& row, const std::string& query) {
  const std::string q = Folded(query);
  if (q.empty()) return true;
  if (Folded(row.reference) == q) return true;
  return Folded(row.name).find(q) != std::string::npos ||
         Folded(row.furigana).find(q) != std::string::npos;
}

}  // namespace

std::string TrainingColumnOf(std::string_view type) {
  if (type == "peer") return "peer";
  if (type == "medical_staff" || type == "medical") return "medical_staff";
  if (type == "government") return "government";
  return "";
}

std::string AffiliationOf(std::string_view type) {
  if (type == "peer") return "patient";
  if (type == "medical_staff") return "medical";
  if (InList(kAffiliations, type)) return std::string(type);
  return "other";
}

core::Result<std::vector<ParticipantType>> AttendanceService::Types(const auth::Principal& who) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<ParticipantType>>(
      [&](soci::session& s) { return TypesOf(s, who.organization_id); });
}

core::Result<std::string> AttendanceService::AddType(const auth::Principal& who,
                                                     const audit::Actor& actor,
                                                     const std::string& label_ja,
                                                     const std::string& label_en) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::Forbidden();
  const std::string ja = core::Trim(label_ja);
  const std::string en = core::Trim(label_en);
  std::vector<core::FieldError> errors;
  if (ja.empty()) errors.push_back({"label_ja", "events_attendance.error.label_required"});
  if (en.empty()) errors.push_back({"label_en", "events_attendance.error.label_required"});
  if (core::CountCodePoints(ja) > kMaxLabel) errors.push_back({"label_ja", "form.error.too_long"});
  if (core::CountCodePoints(en) > kMaxLabel) errors.push_back({"label_en", "form.error.too_long"});
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::string>([&](soci::session& s) {
    long long org = who.organization_id;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO event_participant_type (organization_id, label_ja, label_en, created_at) "
         "VALUES (:o, :j, :e, :c) RETURNING id",
        soci::use(org), soci::use(ja), soci::use(en), soci::use(at), soci::into(id);
    audit::AuditLog::Append(s, actor,
                            {"event_participant_type.create", "event_participant_type",
                             std::to_string(id), "{}", who.organization_id},
                            now);
    return "x" + std::to_string(id);
  });
}

core::Result<EventAttendance> AttendanceService::Load(
    const auth::Principal& who, const audit::Actor& actor, std::int64_t event_id,
    const std::string& query, const std::string& purpose, bool all_statuses, bool with_offers) {
  const std::int64_t now = clock_.NowSeconds();
  // A Write: the read of personal data and its audit event commit together.
  return db_.Write<EventAttendance>([&](soci::session& s) {
    EventAttendance out;
    out.event = OwnEvent(s, who, event_id);
    long long id = event_id;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, reference, mode, status, " << kTypeExpr
                   << ", name_enc, furigana_enc, attendance, new_trainee, offer_expires_at, "
                      "anonymised_at FROM event_registration WHERE event_id = :e ORDER BY mode "
                      "DESC, id",
         soci::use(id));
    int read = 0;
    for (const auto& r : rows) {
      AttendeeRow row;
      row.status = GetText(r, 3);
      if (row.status == "waiting" && r.get_indicator(9) == soci::i_ok) {
        row.offer_expires_at = GetInt(r, 9);
      }
      row.anonymised = r.get_indicator(10) == soci::i_ok;
      const bool offered = with_offers && row.offer_expires_at != 0;
      if (!all_statuses && row.status != "registered" && !offered) continue;
      row.id = GetInt(r, 0);
      row.reference = GetText(r, 1);
      row.mode = GetText(r, 2);
      row.participant_type = GetText(r, 4);
      const Registrant p =
          ReadRegistrant(cipher_, row.reference, GetText(r, 5), GetText(r, 6), "", "");
      row.name = p.name;
      row.furigana = p.furigana;
      row.attendance = GetText(r, 7);
      row.new_trainee = GetInt(r, 8) != 0;
      if (!Matches(row, query)) continue;
      out.rows.push_back(std::move(row));
      ++read;
    }
    soci::rowset<soci::row> walk =
        (s.prepare << "SELECT reference, mode, participant_type, name_enc, new_trainee FROM "
                      "event_walk_in WHERE event_id = :e ORDER BY id",
         soci::use(id));
    for (const auto& r : walk) {
      WalkInRow w;
      w.reference = GetText(r, 0);
      w.mode = GetText(r, 1);
      w.participant_type = GetText(r, 2);
      auto name = cipher_.Decrypt(GetText(r, 3), "event_walk_in:" + w.reference + ":name");
      w.name = name ? *name : std::string();
      w.new_trainee = GetInt(r, 4) != 0;
      out.walk_ins.push_back(std::move(w));
    }
    out.counts = CountsOf(s, event_id);
    out.types = TypesOf(s, out.event.organization_id);
    audit::AuditLog::Append(s, actor,
                            {"event_attendance.read", "community_event", std::to_string(event_id),
                             "{\"purpose\":\"" + purpose + "\",\"count\":" +
                                 std::to_string(read + static_cast<int>(out.walk_ins.size())) + "}",
                             out.event.organization_id},
                            now);
    return out;
  });
}

core::Result<AttendanceCounts> AttendanceService::Counts(const auth::Principal& who,
                                                         std::int64_t event_id) {
  return db_.Read<AttendanceCounts>([&](soci::session& s) {
    OwnEvent(s, who, event_id);
    return CountsOf(s, event_id);
  });
}

core::Result<bool> AttendanceService::CheckIn(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t event_id, std::int64_t registration_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<bool>([&](soci::session& s) {
    const Event event = OwnEvent(s, who, event_id);
    const bool late = CheckWhen(who, event, now);
    long long id = registration_id;
    long long e = event_id;
    long long at = now;
    std::string status;
    s << "SELECT status FROM event_registration WHERE id = :id AND event_id = :e", soci::use(id),
        soci::use(e), soci::into(status);
    if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
    if (status != "registered") {
      throw storage::Abort{core::Error::Conflict("events_attendance.error.not_registered")};
    }
    // Only the first check-in writes: attended_at is set once, whoever comes second.
    soci::statement update =
        (s.prepare << "UPDATE event_registration SET attendance = 'attended', attended_at = :a, "
                      "updated_at = :u WHERE id = :id AND event_id = :e AND status = "
                      "'registered' AND attended_at IS NULL",
         soci::use(at), soci::use(at), soci::use(id), soci::use(e));
    update.execute(true);
    if (update.get_affected_rows() != 1) {
      // Marked absent earlier by mistake and now here: attended, keeping the first time.
      s << "UPDATE event_registration SET attendance = 'attended' WHERE id = :id AND "
           "attendance <> 'attended'",
          soci::use(id);
      return false;
    }
    audit::AuditLog::Append(
        s, actor,
        {"event_registration.checkin", "event_registration", std::to_string(registration_id),
         Detail(event_id, late), event.organization_id},
        now);
    return true;
  });
}

core::Result<std::string> AttendanceService::WalkIn(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    std::int64_t event_id,
                                                    const WalkInRequest& request) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string name = core::Trim(core::NormalizeNfkc(request.name));
  std::vector<core::FieldError> errors;
  if (!InList(kModes, request.mode)) errors.push_back({"mode", "events.error.mode_required"});
  if (core::CountCodePoints(name) > kMaxName) errors.push_back({"name", "form.error.too_long"});
  if (request.participant_type.empty()) {
    errors.push_back({"participant_type", "events_attendance.error.type"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  return db_.Write<std::string>([&](soci::session& s) {
    const Event event = OwnEvent(s, who, event_id);
    const bool late = CheckWhen(who, event, now);
    if (!KnownType(s, event.organization_id, request.participant_type)) {
      throw storage::Abort{core::Error::Invalid(
          "error.form", {{"participant_type", "events_attendance.error.type"}})};
    }
    const std::string reference = crypto::ReadableReference("EW-");
    const std::string name_enc =
        name.empty() ? std::string()
                     : cipher_.Encrypt(name, "event_walk_in:" + reference + ":name");
    long long e = event_id;
    long long at = now;
    long long by = actor.user_id;
    soci::indicator by_ind = actor.user_id != 0 ? soci::i_ok : soci::i_null;
    int trainee = request.new_trainee ? 1 : 0;
    long long id = 0;
    s << "INSERT INTO event_walk_in (event_id, reference, mode, participant_type, new_trainee, "
         "name_enc, attended_at, created_by, created_at) VALUES (:e, :r, :m, :t, :n, :name, :a, "
         ":by, :c) RETURNING id",
        soci::use(e), soci::use(reference), soci::use(request.mode),
        soci::use(request.participant_type), soci::use(trainee), soci::use(name_enc), soci::use(at),
        soci::use(by, by_ind), soci::use(at), soci::into(id);
    audit::AuditLog::Append(s, actor,
                            {"event_walk_in.create", "event_walk_in", std::to_string(id),
                             Detail(event_id, late), event.organization_id},
                            now);
    return reference;
  });
}

core::Status AttendanceService::Mark(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t event_id, std::int64_t registration_id,
                                     const std::string& attendance, bool new_trainee,
                                     const std::string& participant_type) {
  if (attendance != "attended" && attendance != "absent" && !attendance.empty()) {
    return core::Error::Invalid("error.form", {{"attendance", "events_attendance.error.mark"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const Event event = OwnEvent(s, who, event_id);
    const bool late = CheckWhen(who, event, now);
    long long id = registration_id;
    long long e = event_id;
    long long at = now;
    int trainee = new_trainee ? 1 : 0;
    std::string status;
    s << "SELECT status FROM event_registration WHERE id = :id AND event_id = :e", soci::use(id),
        soci::use(e), soci::into(status);
    if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
    if (status != "registered") {
      throw storage::Abort{core::Error::Conflict("events_attendance.error.not_registered")};
    }
    if (!participant_type.empty()) {
      if (!KnownType(s, event.organization_id, participant_type)) {
        throw storage::Abort{core::Error::Invalid(
            "error.form", {{"participant_type", "events_attendance.error.type"}})};
      }
      s << "UPDATE event_registration SET participant_type = :t WHERE id = :id",
          soci::use(participant_type), soci::use(id);
    }
    if (attendance == "attended") {
      // attended_at keeps the first time it was recorded.
      s << "UPDATE event_registration SET attendance = 'attended', attended_at = COALESCE("
           "attended_at, :a), new_trainee = :n, updated_at = :u WHERE id = :id",
          soci::use(at), soci::use(trainee), soci::use(at), soci::use(id);
    } else {
      s << "UPDATE event_registration SET attendance = :att, attended_at = NULL, new_trainee = "
           ":n, updated_at = :u WHERE id = :id",
          soci::use(attendance), soci::use(trainee), soci::use(at), soci::use(id);
    }
    audit::AuditLog::Append(
        s, actor,
        {"event_registration.attendance", "event_registration", std::to_string(registration_id),
         Detail(event_id, late, ",\"attendance\":\"" + attendance + "\""), event.organization_id},
        now);
  });
}

core::Result<std::int64_t> AttendanceService::AddLate(const auth::Principal& who,
                                                      const audit::Actor& actor,
                                                      std::int64_t event_id,
                                                      const LateRegistration& in) {
  std::vector<core::FieldError> errors;
  const auto n = core::CountCodePoints(core::Trim(in.name));
  if (n == 0) errors.push_back({"name", "events.error.name_required"});
  if (n > kMaxName) errors.push_back({"name", "form.error.too_long"});
  if (core::CountCodePoints(in.furigana) > kMaxName) {
    errors.push_back({"furigana", "form.error.too_long"});
  } else if (!core::Trim(in.furigana).empty() && !core::IsKanaReading(in.furigana)) {
    errors.push_back({"furigana", "events.error.furigana_kana"});
  }
  if (!InList(kModes, in.mode)) errors.push_back({"mode", "events.error.mode_required"});
  if (in.participant_type.empty()) {
    errors.push_back({"participant_type", "events_attendance.error.type"});
  }
  if (in.attendance != "attended" && in.attendance != "absent" && !in.attendance.empty()) {
    errors.push_back({"attendance", "events_attendance.error.mark"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) {
    const Event event = OwnEvent(s, who, event_id);
    const bool late = CheckWhen(who, event, now);
    if (!KnownType(s, event.organization_id, in.participant_type)) {
      throw storage::Abort{core::Error::Invalid(
          "error.form", {{"participant_type", "events_attendance.error.type"}})};
    }
    if (!event.Offers(in.mode)) {
      throw storage::Abort{
          core::Error::Invalid("error.form", {{"mode", "events.error.mode_not_offered"}})};
    }
    if (!TakePlace(s, event_id, in.mode)) {
      throw storage::Abort{
          core::Error::Invalid("error.form", {{"mode", "events_attendance.error.full"}})};
    }
    RegistrationRequest request;
    request.event_id = event_id;
    request.mode = in.mode;
    request.affiliation = AffiliationOf(in.participant_type);
    request.person.name = in.name;
    request.person.furigana = in.furigana;
    // Paper lists and forms handed in: the nearest of the channels staff enter.
    request.channel = "mail";
    NewRegistration row;
    row.reference = NewReference();
    row.status = "registered";
    row.created_by = actor.user_id;
    row.now = now;
    long long id = InsertRegistration(s, cipher_, row, request);
    long long at = now;
    int trainee = in.new_trainee ? 1 : 0;
    soci::indicator at_ind = in.attendance == "attended" ? soci::i_ok : soci::i_null;
    s << "UPDATE event_registration SET participant_type = :t, new_trainee = :n, attendance = "
         ":att, attended_at = :a WHERE id = :id",
        soci::use(in.participant_type), soci::use(trainee), soci::use(in.attendance),
        soci::use(at, at_ind), soci::use(id);
    audit::AuditLog::Append(
        s, actor,
        {"event_registration.create", "event_registration", std::to_string(id),
         Detail(event_id, late, ",\"mode\":\"" + in.mode + "\""), event.organization_id},
        now);
    return static_cast<std::int64_t>(id);
  });
}

}  // namespace tsunagu::events

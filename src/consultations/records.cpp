#include "consultations/records.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/handoff.hpp"
#include "core/text.hpp"
#include "orgs/model.hpp"
#include "rights/use_stop.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::consultations {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

// Seed 001's intake topics (相談したい事項 ①–⑦) and the record topic each one starts from.
// Only topics that say the same thing: 仕事に関すること spans four record topics (休職・復職,
// 就労継続, 再就職, 職場への伝え方) and the intake's その他 says nothing of what was discussed,
// so neither pre-ticks a topic the person did not choose.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kIntakeToRecord = {{
    {"illness", "treatment"},
    {"symptoms", "symptoms"},
    {"finances", "money"},
    {"medical_relationship", "medical_staff"},
    {"peer_experience", "peer"},
}};

// The codes of `list` that appear in `chosen`, in the list's order and once each: what is
// stored does not depend on how the form happened to order or repeat its boxes.
template <std::size_t N>
std::vector<std::string> InListOrder(const std::array<std::string_view, N>& list,
                                     const std::vector<std::string>& chosen) {
  std::vector<std::string> out;
  for (auto code : list) {
    if (std::find(chosen.begin(), chosen.end(), code) != chosen.end()) out.emplace_back(code);
  }
  return out;
}

template <std::size_t N>
bool AllInList(const std::array<std::string_view, N>& list, const std::vector<std::string>& codes) {
  return std::all_of(codes.begin(), codes.end(),
                     [&](const std::string& c) { return InList(list, c); });
}

std::string RecordAd(long long record_id, const char* column) {
  return "record:" + std::to_string(record_id) + ":" + column;
}

std::string DayAd(long long day_id, const char* column) {
  return "consultation_day:" + std::to_string(day_id) + ":" + column;
}

// The booking columns RecordBooking needs; the slot is joined loosely (waiting bookings have
// none) and the day's times stand in for it.
constexpr const char* kBookingSelect =
    "SELECT b.id, b.day_id, b.reference, b.status, b.for_family, b.relationship, b.gender, "
    "b.age_band, b.municipality, b.heard_from, b.treatment_status, b.work_status, b.topics, "
    "b.needs_consideration, sl.start_minutes, sl.end_minutes, d.start_minutes, d.end_minutes, "
    "d.slot_minutes, (SELECT COUNT(*) FROM consultation_record r WHERE r.booking_id = b.id), "
    "d.day_date, b.municipality_kind "
    "FROM booking b JOIN consultation_day d ON d.id = b.day_id LEFT JOIN consultation_slot sl "
    "ON sl.id = b.slot_id ";

RecordBooking ReadBooking(const soci::row& r) {
  RecordBooking b;
  b.booking_id = GetInt(r, 0);
  b.day_id = GetInt(r, 1);
  b.reference = GetText(r, 2);
  b.status = GetText(r, 3);
  b.intake.for_family = GetInt(r, 4) != 0;
  b.intake.relationship = GetText(r, 5);
  b.intake.gender = GetText(r, 6);
  b.intake.age_band = GetText(r, 7);
  b.intake.municipality = GetText(r, 8);
  b.intake.heard_from = GetText(r, 9);
  b.intake.treatment_status = GetText(r, 10);
  b.intake.work_status = GetText(r, 11);
  b.intake.topics = core::SplitCodes(GetText(r, 12));
  b.needs_consideration = GetInt(r, 13) != 0;
  const bool has_slot = !storage::IsNull(r, 14);
  b.start_minutes = static_cast<int>(has_slot ? GetInt(r, 14) : GetInt(r, 16));
  b.end_minutes = static_cast<int>(has_slot ? GetInt(r, 15) : GetInt(r, 17));
  b.slot_minutes = static_cast<int>(GetInt(r, 18));
  b.has_record = GetInt(r, 19) > 0;
  b.date = core::ParseIsoDate(GetText(r, 20)).value_or(core::Date{});
  b.intake.municipality_kind = GetText(r, 21);
  return b;
}

void AttachCounselorProfessions(soci::session& s, long long org, RecordBooking& b) {
  long long id = b.booking_id;
  std::vector<std::string> found;
  // The profession the roster gives (partner staff are no members of the host), else the
  // host membership's.
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT COALESCE(ds.profession, m.profession, '') FROM booking_staff bs JOIN "
                    "booking b ON b.id = bs.booking_id LEFT JOIN day_staff ds ON ds.day_id = "
                    "b.day_id AND ds.user_id = bs.user_id LEFT JOIN membership m ON m.user_id = "
                    "bs.user_id AND m.organization_id = :o WHERE bs.booking_id = :b",
       soci::use(org), soci::use(id));
  for (const auto& r : rows) found.push_back(GetText(r, 0));
  b.counselor_professions = InListOrder(orgs::kProfessions, found);
}

}  // namespace

std::vector<std::string> RecordTopicsFromIntake(const std::vector<std::string>& intake_topics) {
  std::vector<std::string> mapped;
  for (const auto& topic : intake_topics) {
    for (auto [intake, record] : kIntakeToRecord) {
      if (topic == intake) mapped.emplace_back(record);
    }
  }
  return InListOrder(kRecordTopics, mapped);
}

// Errors come in the form's order, so the summary at the top reads like the page.
std::vector<core::FieldError> RecordService::Validate(const RecordInput& in) {
  std::vector<core::FieldError> errors;
  if (!AllInList(orgs::kProfessions, in.professions)) {
    errors.push_back({"professions", "record.error.professions"});
  }
  if (in.topics.empty()) {
    errors.push_back({"topics", "record.error.topics_required"});
  } else if (!AllInList(kRecordTopics, in.topics)) {
    errors.push_back({"topics", "record.error.topics"});
  }
  if (core::CountCodePoints(in.summary) > kMaxText) {
    errors.push_back({"summary", "record.error.text_too_long"});
  }
  if (core::CountCodePoints(in.info_given) > kMaxText) {
    errors.push_back({"info_given", "record.error.text_too_long"});
  }
  if (!AllInList(kReferredTo, in.referred_to)) {
    errors.push_back({"referred_to", "record.error.referred_to"});
  }
  if (!InList(kOutcomes, in.outcome))
    errors.push_back({"outcome", "record.error.outcome_required"});
  if (!InList(kFollowUps, in.follow_up)) {
    errors.push_back({"follow_up", "record.error.follow_up_required"});
  }
  if (in.minutes < 1 || in.minutes > kMaxMinutes) {
    errors.push_back({"minutes", "record.error.minutes"});
  }
  return errors;
}

std::vector<core::FieldError> RecordService::ValidateNotes(const DayNotes& notes) {
  std::vector<core::FieldError> errors;
  if (core::CountCodePoints(notes.prep) > kMaxText) {
    errors.push_back({"prep", "record.error.text_too_long"});
  }
  if (core::CountCodePoints(notes.debrief) > kMaxText) {
    errors.push_back({"debrief", "record.error.text_too_long"});
  }
  return errors;
}

core::Result<std::int64_t> RecordService::CounselOrg(const auth::Principal& who,
                                                     std::int64_t program_id, std::int64_t day_id,
                                                     std::int64_t booking_id) {
  auto org =
      db_.Read<std::optional<std::int64_t>>([&](soci::session& s) -> std::optional<std::int64_t> {
        long long day = day_id;
        if (day == 0) {
          long long bid = booking_id;
          soci::rowset<soci::row> rows =
              (s.prepare << "SELECT day_id FROM booking WHERE id = :b", soci::use(bid));
          for (const auto& r : rows) day = GetInt(r, 0);
        }
        auto access = auth::RecordAccess::Day(s, who, program_id, day);
        if (!access) return std::nullopt;
        return access->host_org;
      });
  if (!org) return org.error();
  if (!*org) return core::Error::NotFound();
  return **org;
}

core::Result<std::int64_t> RecordService::Save(const auth::Principal& who,
                                               const audit::Actor& actor, std::int64_t program_id,
                                               std::int64_t booking_id, const RecordInput& input) {
  auto org = CounselOrg(who, program_id, 0, booking_id);
  if (!org) return org.error();
  RecordInput in = input;
  in.summary = core::NormalizeNewlines(input.summary);
  in.info_given = core::NormalizeNewlines(input.info_given);
  if (auto errors = Validate(in); !errors.empty())
    return core::Error::Invalid("error.form", errors);
  const std::string professions = core::JoinCodes(InListOrder(orgs::kProfessions, in.professions));
  const std::string topics = core::JoinCodes(InListOrder(kRecordTopics, in.topics));
  const std::string referred = core::JoinCodes(InListOrder(kReferredTo, in.referred_to));
  const std::int64_t now = clock_.NowSeconds();

  return db_.Write<std::int64_t>([&](soci::session& s) {
    long long bid = booking_id;
    long long pid = program_id;
    long long day_id = 0;
    std::string status;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT b.day_id, b.status FROM booking b JOIN consultation_day d ON "
                        "d.id = b.day_id WHERE b.id = :b AND d.program_id = :p",
           soci::use(bid), soci::use(pid));
      for (const auto& r : rows) {
        day_id = GetInt(r, 0);
        status = GetText(r, 1);
      }
    }
    if (day_id == 0) throw Abort{core::Error::NotFound()};
    if (status != "attended") throw Abort{core::Error::Conflict("record.error.not_attended")};
    rights::RefuseStoppedRecord(s, booking_id);  // 利用停止: no new record about the person

    long long at = now;
    long long author = who.user_id;
    long long record_id = 0;
    // Two first saves of the same record may race (two counselors of one booth, a double
    // click): the unique index on booking_id lets one insert win and the other update it.
    // On PostgreSQL the loser's INSERT waits for the winner's commit, then does nothing.
    soci::statement insert =
        (s.prepare << "INSERT INTO consultation_record (booking_id, day_id, professions, topics, "
                      "referred_to, outcome, follow_up, minutes, author_id, version, created_at, "
                      "updated_at) VALUES (:b, :d, :pr, :t, :r, :o, :f, :m, :a, 1, :c, :u) "
                      "ON CONFLICT (booking_id) DO NOTHING RETURNING id",
         soci::use(bid), soci::use(day_id), soci::use(professions), soci::use(topics),
         soci::use(referred), soci::use(in.outcome), soci::use(in.follow_up), soci::use(in.minutes),
         soci::use(author), soci::use(at), soci::use(at), soci::into(record_id));
    const bool created = insert.execute(true) && record_id > 0;
    if (!created) {
      s << "SELECT id FROM consultation_record WHERE booking_id = :b", soci::use(bid),
          soci::into(record_id);
      if (record_id == 0) throw Abort{core::Error::Conflict()};
      s << "UPDATE consultation_record SET professions = :pr, topics = :t, referred_to = :r, "
           "outcome = :o, follow_up = :f, minutes = :m, author_id = :a, version = version + 1, "
           "updated_at = :u WHERE id = :id",
          soci::use(professions), soci::use(topics), soci::use(referred), soci::use(in.outcome),
          soci::use(in.follow_up), soci::use(in.minutes), soci::use(author), soci::use(at),
          soci::use(record_id);
    }
    // The record id is in the associated data, so a ciphertext moved to another record
    // (or to the other column) does not decrypt.
    const std::string summary_enc = cipher_.Encrypt(in.summary, RecordAd(record_id, "summary"));
    const std::string info_enc = cipher_.Encrypt(in.info_given, RecordAd(record_id, "info_given"));
    s << "UPDATE consultation_record SET summary_enc = :s, info_given_enc = :i WHERE id = :id",
        soci::use(summary_enc), soci::use(info_enc), soci::use(record_id);
    WriteHandoffWish(s, booking_id, in.handoff_wished, now);
    int version = 1;
    s << "SELECT version FROM consultation_record WHERE id = :id", soci::use(record_id),
        soci::into(version);
    audit::AuditLog::Append(s, actor,
                            {created ? "record.create" : "record.update", "consultation_record",
                             std::to_string(record_id),
                             "{\"booking_id\":" + std::to_string(booking_id) +
                                 ",\"version\":" + std::to_string(version) + "}",
                             *org},
                            now);
    return static_cast<std::int64_t>(record_id);
  });
}

core::Result<std::optional<ConsultationRecord>> RecordService::Get(const auth::Principal& who,
                                                                   const audit::Actor& actor,
                                                                   std::int64_t program_id,
                                                                   std::int64_t booking_id) {
  using Found = std::optional<ConsultationRecord>;
  auto org = CounselOrg(who, program_id, 0, booking_id);
  if (!org) return org.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<Found>([&](soci::session& s) -> Found {
    long long bid = booking_id;
    long long pid = program_id;
    int booking_found = 0;
    s << "SELECT COUNT(*) FROM booking b JOIN consultation_day d ON d.id = b.day_id WHERE b.id = "
         ":b AND d.program_id = :p",
        soci::use(bid), soci::use(pid), soci::into(booking_found);
    if (booking_found == 0) throw Abort{core::Error::NotFound()};
    Found record;
    std::string summary_enc;
    std::string info_enc;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT r.id, r.booking_id, r.day_id, r.professions, r.topics, "
                      "r.referred_to, r.outcome, r.follow_up, r.minutes, r.summary_enc, "
                      "r.info_given_enc, r.author_id, u.display_name, r.version, r.created_at, "
                      "r.updated_at FROM consultation_record r LEFT JOIN app_user u ON u.id = "
                      "r.author_id WHERE r.booking_id = :b",
         soci::use(bid));
    for (const auto& r : rows) {
      ConsultationRecord c;
      c.id = GetInt(r, 0);
      c.booking_id = GetInt(r, 1);
      c.day_id = GetInt(r, 2);
      c.input.professions = core::SplitCodes(GetText(r, 3));
      c.input.topics = core::SplitCodes(GetText(r, 4));
      c.input.referred_to = core::SplitCodes(GetText(r, 5));
      c.input.outcome = GetText(r, 6);
      c.input.follow_up = GetText(r, 7);
      c.input.minutes = static_cast<int>(GetInt(r, 8));
      summary_enc = GetText(r, 9);
      info_enc = GetText(r, 10);
      c.author_id = GetInt(r, 11);
      c.author_name = GetText(r, 12);
      c.version = static_cast<int>(GetInt(r, 13));
      c.created_at = GetInt(r, 14);
      c.updated_at = GetInt(r, 15);
      record = std::move(c);
    }
    if (!record) return std::nullopt;
    record->input.handoff_wished = ReadHandoffWish(s, booking_id);
    record->input.summary = storage::Unseal(cipher_, summary_enc, RecordAd(record->id, "summary"));
    record->input.info_given =
        storage::Unseal(cipher_, info_enc, RecordAd(record->id, "info_given"));
    audit::AuditLog::Append(s, actor,
                            {"record.read", "consultation_record", std::to_string(record->id),
                             "{\"booking_id\":" + std::to_string(booking_id) + "}", *org},
                            now);
    return record;
  });
}

core::Result<RecordBooking> RecordService::Booking(const auth::Principal& who,
                                                   std::int64_t program_id, std::int64_t day_id,
                                                   std::int64_t booking_id) {
  auto org = CounselOrg(who, program_id, day_id);
  if (!org) return org.error();
  auto found =
      db_.Read<std::optional<RecordBooking>>([&](soci::session& s) -> std::optional<RecordBooking> {
        long long bid = booking_id;
        long long did = day_id;
        long long pid = program_id;
        std::optional<RecordBooking> b;
        soci::rowset<soci::row> rows =
            (s.prepare << kBookingSelect
                       << "WHERE b.id = :b AND b.day_id = :d AND d.program_id = :p",
             soci::use(bid), soci::use(did), soci::use(pid));
        for (const auto& r : rows) b = ReadBooking(r);
        if (b) AttachCounselorProfessions(s, *org, *b);
        return b;
      });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  return **found;
}

core::Result<DayRecordStatus> RecordService::DayStatus(const auth::Principal& who,
                                                       std::int64_t program_id,
                                                       std::int64_t day_id) {
  auto org = CounselOrg(who, program_id, day_id);
  if (!org) return org.error();
  auto status = db_.Read<std::optional<DayRecordStatus>>(
      [&](soci::session& s) -> std::optional<DayRecordStatus> {
        long long did = day_id;
        long long pid = program_id;
        std::optional<DayRecordStatus> out;
        {
          soci::rowset<soci::row> rows =
              (s.prepare << "SELECT " << kDayColumns
                         << " FROM consultation_day WHERE id = :d AND program_id = :p",
               soci::use(did), soci::use(pid));
          for (const auto& r : rows) {
            out.emplace();
            out->day = ReadDay(r);
          }
        }
        if (!out) return std::nullopt;
        soci::rowset<soci::row> rows =
            (s.prepare << kBookingSelect
                       << "WHERE b.day_id = :d AND b.status = 'attended' ORDER BY "
                          "sl.start_minutes, b.checked_in_at, b.id",
             soci::use(did));
        for (const auto& r : rows) out->attended.push_back(ReadBooking(r));
        for (auto& b : out->attended) {
          AttachCounselorProfessions(s, *org, b);
          if (!b.has_record) ++out->missing;
        }
        return out;
      });
  if (!status) return status.error();
  if (!*status) return core::Error::NotFound();
  return **status;
}

core::Result<std::vector<MissingRecord>> RecordService::Missing(const auth::Principal& who,
                                                                std::int64_t program_id,
                                                                std::int64_t day_id) {
  auto status = DayStatus(who, program_id, day_id);
  if (!status) return status.error();
  std::vector<MissingRecord> missing;
  for (const auto& b : status->attended) {
    if (!b.has_record) {
      missing.push_back({b.booking_id, b.reference, b.start_minutes, b.end_minutes});
    }
  }
  return missing;
}

core::Result<DayNotes> RecordService::GetDayNotes(const auth::Principal& who,
                                                  const audit::Actor& actor,
                                                  std::int64_t program_id, std::int64_t day_id) {
  auto org = CounselOrg(who, program_id, day_id);
  if (!org) return org.error();
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<DayNotes>([&](soci::session& s) {
    long long did = day_id;
    long long pid = program_id;
    bool found = false;
    std::string prep_enc;
    std::string debrief_enc;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT prep_notes_enc, debrief_notes_enc FROM consultation_day WHERE id "
                      "= :d AND program_id = :p",
         soci::use(did), soci::use(pid));
    for (const auto& r : rows) {
      found = true;
      prep_enc = GetText(r, 0);
      debrief_enc = GetText(r, 1);
    }
    if (!found) throw Abort{core::Error::NotFound()};
    DayNotes notes;
    notes.prep = storage::Unseal(cipher_, prep_enc, DayAd(did, "prep_notes"));
    notes.debrief = storage::Unseal(cipher_, debrief_enc, DayAd(did, "debrief_notes"));
    audit::AuditLog::Append(
        s, actor, {"day_notes.read", "consultation_day", std::to_string(day_id), "{}", *org}, now);
    return notes;
  });
}

core::Status RecordService::SaveDayNotes(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t day_id,
                                         const DayNotes& input) {
  auto org = CounselOrg(who, program_id, day_id);
  if (!org) return org.error();
  DayNotes notes{core::NormalizeNewlines(input.prep), core::NormalizeNewlines(input.debrief)};
  if (auto errors = ValidateNotes(notes); !errors.empty()) {
    return core::Error::Invalid("error.form", errors);
  }
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long did = day_id;
    long long pid = program_id;
    const std::string prep_enc = cipher_.Encrypt(notes.prep, DayAd(did, "prep_notes"));
    const std::string debrief_enc = cipher_.Encrypt(notes.debrief, DayAd(did, "debrief_notes"));
    soci::statement update =
        (s.prepare << "UPDATE consultation_day SET prep_notes_enc = :a, debrief_notes_enc = :b "
                      "WHERE id = :d AND program_id = :p",
         soci::use(prep_enc), soci::use(debrief_enc), soci::use(did), soci::use(pid));
    update.execute(true);
    if (update.get_affected_rows() != 1) throw Abort{core::Error::NotFound()};
    audit::AuditLog::Append(
        s, actor, {"day_notes.update", "consultation_day", std::to_string(day_id), "{}", *org},
        now);
  });
}

}  // namespace tsunagu::consultations

#include "consultations/day_board.hpp"

#include <algorithm>
#include <set>

#include "auth/record_access.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kJstOffsetSeconds = 9 * 3600;

// Unix seconds of `minutes` after midnight JST on `date`.
std::int64_t JstSeconds(core::Date date, int minutes) {
  return static_cast<std::int64_t>(core::DaysBetween(core::Date{1970, 1, 1}, date)) *
             kSecondsPerDay +
         minutes * 60LL - kJstOffsetSeconds;
}

// "令和7年4月13日 18:00" for the end of a hold (JST).
std::string HoldEnd(std::int64_t unix_seconds, const std::string& lang) {
  const std::int64_t local = unix_seconds + kJstOffsetSeconds;
  const int minutes =
      static_cast<int>(((local % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay / 60);
  return core::FormatDateTime(core::DateFromUnixSeconds(unix_seconds), minutes / 60, minutes % 60,
                              lang);
}

std::vector<std::string> SplitCodes(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) out.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

struct BookingRef {
  std::int64_t id = 0;
  std::int64_t day_id = 0;
  std::optional<std::int64_t> slot_id;
  std::string status;
  std::string reference;
  core::Date date;
  std::int64_t org = 0;
  int booths = 0;
  std::string day_status;
};

// A booking of the programme; nullopt when it does not exist or belongs to another one.
std::optional<BookingRef> LoadBooking(soci::session& s, std::int64_t program_id,
                                      std::int64_t booking_id) {
  long long pid = program_id;
  long long bid = booking_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT b.id, b.day_id, b.slot_id, b.status, b.reference, d.day_date, "
                    "p.organization_id, d.booths, d.status FROM booking b JOIN consultation_day "
                    "d ON d.id = b.day_id JOIN program p ON p.id = d.program_id WHERE b.id = :b "
                    "AND p.id = :p",
       soci::use(bid), soci::use(pid));
  for (const auto& r : rows) {
    BookingRef ref;
    ref.id = GetInt(r, 0);
    ref.day_id = GetInt(r, 1);
    if (!IsNull(r, 2)) ref.slot_id = GetInt(r, 2);
    ref.status = GetText(r, 3);
    ref.reference = GetText(r, 4);
    ref.date = core::ParseIsoDate(GetText(r, 5)).value_or(core::Date{});
    ref.org = GetInt(r, 6);
    ref.booths = static_cast<int>(GetInt(r, 7));
    ref.day_status = GetText(r, 8);
    return ref;
  }
  return std::nullopt;
}

// The booking when `who` may act on it as the 事務局 (coordinate) or as staff (counsel);
// another organisation's booking is Abort(NotFound), like a missing one.
BookingRef BookingFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                      std::int64_t booking_id, bool coordinate) {
  auto ref = LoadBooking(s, program_id, booking_id);
  const bool allowed = ref && (coordinate ? auth::Policy::CanCoordinate(who, ref->org)
                                          : auth::Policy::CanCounsel(who, ref->org));
  if (!allowed) throw Abort{core::Error::NotFound()};
  return *ref;
}

using DayRef = ProgramDay;

DayRef DayFor(soci::session& s, const auth::Principal& who, std::int64_t program_id,
              std::int64_t day_id, bool coordinate) {
  auto ref = LoadProgramDay(s, program_id, day_id, false);
  const bool allowed = ref && (coordinate ? auth::Policy::CanCoordinate(who, ref->org)
                                          : auth::Policy::CanCounsel(who, ref->org));
  if (!allowed) throw Abort{core::Error::NotFound()};
  return *ref;
}

// Gives one place back to the slot (never below zero).
void FreePlace(soci::session& s, std::int64_t slot_id) {
  long long id = slot_id;
  s << "UPDATE consultation_slot SET booked = booked - 1 WHERE id = :id AND booked > 0",
      soci::use(id);
}

void Audit(soci::session& s, const audit::Actor& actor, const std::string& action,
           std::int64_t booking_id, std::int64_t org, std::int64_t now,
           const std::string& detail = "{}") {
  audit::AuditLog::Append(s, actor, {action, "booking", std::to_string(booking_id), detail, org},
                          now);
}

}  // namespace

// ------------------------------------------------------------------------------- days

core::Result<std::int64_t> DayBoardService::AddDay(const auth::Principal& who,
                                                   const audit::Actor& actor,
                                                   std::int64_t program_id, core::Date date,
                                                   int start_minutes, int end_minutes,
                                                   const DaySettings& settings) {
  auto program = consultations_.GetProgram(who, program_id);
  if (!program) return program.error();
  auto errors = ConsultationService::ValidateSettings(settings);
  if (!core::IsValidDate(date)) errors.push_back({"date", "board.error.date"});
  if (start_minutes < 0 || end_minutes > 1440 || start_minutes >= end_minutes) {
    errors.push_back({"start_minutes", "schedule.error.invalid_time"});
  } else if (errors.empty() && SlotTimes(start_minutes, end_minutes, settings).empty()) {
    errors.push_back({"slot_minutes", "days.error.no_slot_fits"});
  }
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long pid = program_id;
    std::string iso = core::ToIso(date);
    int existing = 0;
    s << "SELECT COUNT(*) FROM consultation_day WHERE program_id = :p AND day_date = :d AND "
         "status = 'scheduled'",
        soci::use(pid), soci::use(iso), soci::into(existing);
    if (existing > 0) {
      throw Abort{core::Error::Invalid("error.form", {{"date", "board.error.date_taken"}})};
    }
    long long at = now;
    long long day_id = 0;
    s << "INSERT INTO consultation_day (program_id, day_date, start_minutes, end_minutes, mode, "
         "venue, meeting_url, booths, slot_minutes, status, created_at) VALUES (:p, :d, :s, :e, "
         ":m, :v, :u, :b, :sl, 'scheduled', :t) RETURNING id",
        soci::use(pid), soci::use(iso), soci::use(start_minutes), soci::use(end_minutes),
        soci::use(settings.mode), soci::use(settings.venue), soci::use(settings.meeting_url),
        soci::use(settings.booths), soci::use(settings.slot_minutes), soci::use(at),
        soci::into(day_id);
    for (auto [start, end] : SlotTimes(start_minutes, end_minutes, settings)) {
      s << "INSERT INTO consultation_slot (day_id, start_minutes, end_minutes, capacity, booked) "
           "VALUES (:d, :s, :e, :c, 0)",
          soci::use(day_id), soci::use(start), soci::use(end), soci::use(settings.booths);
    }
    audit::AuditLog::Append(s, actor,
                            {"consultation_day.add", "consultation_day", std::to_string(day_id),
                             "{\"date\":\"" + iso + "\"}", program->organization_id},
                            now);
    return day_id;
  });
}

core::Result<std::vector<RosterEntry>> DayBoardService::Staff(const auth::Principal& who) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<RosterEntry>>([&](soci::session& s) {
    long long org = who.organization_id;
    std::vector<RosterEntry> staff;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.display_name, m.profession FROM membership m JOIN app_user "
                      "u ON u.id = m.user_id WHERE m.organization_id = :o AND m.role <> 'viewer' "
                      "AND u.status = 'active' ORDER BY u.display_name, u.id",
         soci::use(org));
    for (const auto& r : rows) staff.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    return staff;
  });
}

core::Status DayBoardService::SetRoster(const auth::Principal& who, const audit::Actor& actor,
                                        std::int64_t program_id, std::int64_t day_id,
                                        const std::vector<std::int64_t>& user_ids) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const DayRef day = DayFor(s, who, program_id, day_id, true);
    long long did = day_id;
    long long org = day.org;
    s << "DELETE FROM day_staff WHERE day_id = :d", soci::use(did);
    std::set<std::int64_t> unique(user_ids.begin(), user_ids.end());
    for (std::int64_t user : unique) {
      long long uid = user;
      std::string profession;
      s << "SELECT m.profession FROM membership m JOIN app_user u ON u.id = m.user_id WHERE "
           "m.user_id = :u AND m.organization_id = :o AND m.role <> 'viewer' AND u.status = "
           "'active'",
          soci::use(uid), soci::use(org), soci::into(profession);
      // Only the host organisation's staff can be rostered; anyone else is a form error.
      if (!s.got_data()) {
        throw Abort{core::Error::Invalid("error.form", {{"staff", "board.error.staff"}})};
      }
      s << "INSERT INTO day_staff (day_id, user_id, profession) VALUES (:d, :u, :p)",
          soci::use(did), soci::use(uid), soci::use(profession);
    }
    audit::AuditLog::Append(s, actor,
                            {"day_staff.set", "consultation_day", std::to_string(day_id),
                             "{\"staff\":" + std::to_string(unique.size()) + "}", day.org},
                            now);
  });
}

core::Result<std::vector<RosterEntry>> DayBoardService::Roster(const auth::Principal& who,
                                                               std::int64_t program_id,
                                                               std::int64_t day_id) {
  return db_.Read<std::vector<RosterEntry>>([&](soci::session& s) {
    DayFor(s, who, program_id, day_id, false);
    long long did = day_id;
    std::vector<RosterEntry> roster;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.display_name, ds.profession FROM day_staff ds JOIN app_user "
                      "u ON u.id = ds.user_id WHERE ds.day_id = :d ORDER BY u.display_name, u.id",
         soci::use(did));
    for (const auto& r : rows) roster.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    return roster;
  });
}

// ------------------------------------------------------------------------------- board

core::Result<std::vector<UpcomingDay>> DayBoardService::Upcoming(const auth::Principal& who,
                                                                 core::Date from, int days) {
  if (!auth::Policy::CanCounsel(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<UpcomingDay>>([&](soci::session& s) {
    long long org = who.organization_id;
    long long user = who.user_id;
    const std::string first = core::ToIso(from);
    const std::string last = core::ToIso(core::AddDays(from, days - 1));
    std::vector<UpcomingDay> list;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT d.id, d.program_id, d.day_date, d.start_minutes, d.end_minutes, "
                      "d.mode, d.venue, d.meeting_url, d.booths, d.slot_minutes, d.status, "
                      "d.moved_from, p.name, (SELECT COALESCE(SUM(sl.booked), 0) FROM "
                      "consultation_slot sl WHERE sl.day_id = d.id), (SELECT "
                      "COALESCE(SUM(sl.capacity), 0) FROM consultation_slot sl WHERE sl.day_id = "
                      "d.id), (SELECT COUNT(*) FROM booking b WHERE b.day_id = d.id AND b.status "
                      "= 'waiting'), (SELECT COUNT(*) FROM day_staff st WHERE st.day_id = d.id AND "
                      "st.user_id = :u) FROM consultation_day d JOIN program p ON p.id = "
                      "d.program_id WHERE p.organization_id = :o AND d.status = 'scheduled' AND "
                      "d.day_date BETWEEN :a AND :b ORDER BY d.day_date, d.start_minutes, d.id",
         soci::use(user), soci::use(org), soci::use(first), soci::use(last));
    for (const auto& r : rows) {
      UpcomingDay u;
      u.day = ReadDay(r);
      u.program_name = GetText(r, 12);
      u.booked = static_cast<int>(GetInt(r, 13));
      u.capacity = static_cast<int>(GetInt(r, 14));
      u.waiting = static_cast<int>(GetInt(r, 15));
      u.on_roster = GetInt(r, 16) > 0;
      list.push_back(std::move(u));
    }
    return list;
  });
}

core::Result<DayBoard> DayBoardService::Board(const auth::Principal& who, const audit::Actor& actor,
                                              std::int64_t program_id, std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  // A write transaction: reading names and contacts writes an audit event.
  return db_.Write<DayBoard>([&](soci::session& s) {
    DayBoard board;
    DayRef ref = DayFor(s, who, program_id, day_id, false);
    std::vector<ConsultationDay> days{ref.day};
    AttachSlots(s, days);
    board.day = days.front();
    long long did = day_id;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT u.id, u.display_name, ds.profession FROM day_staff ds JOIN "
                        "app_user u ON u.id = ds.user_id WHERE ds.day_id = :d ORDER BY "
                        "u.display_name, u.id",
           soci::use(did));
      for (const auto& r : rows) {
        board.roster.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
      }
    }
    // Counselors see times, intake and topics; names and contacts are for the 事務局, who
    // receives people (seed 001: staff learn no personal details beforehand). On a phone or
    // online day a counselor assigned to a booking sees what is needed to call the person,
    // that day only (auth::RecordAccess::Booking decides; each view is audited).
    const bool contacts = auth::Policy::CanCoordinate(who, ref.org);
    struct Sealed {
      std::string name, furigana, phone, email, diagnosis, notes;
    };
    std::vector<Sealed> sealed;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.id, b.reference, b.slot_id, sl.start_minutes, sl.end_minutes, "
                      "b.status, b.channel, b.for_family, b.relationship, b.gender, b.age_band, "
                      "b.municipality, b.heard_from, b.treatment_status, b.work_status, b.topics, "
                      "b.needs_consideration, b.name_enc, b.furigana_enc, b.phone_enc, "
                      "b.email_enc, b.diagnosis_enc, b.notes_enc, b.checked_in_at, b.booth, "
                      "b.hold_expires_at, b.created_at, (SELECT COUNT(*) FROM consultation_record "
                      "r WHERE r.booking_id = b.id) FROM booking b LEFT JOIN consultation_slot sl "
                      "ON sl.id = b.slot_id WHERE b.day_id = :d ORDER BY CASE WHEN b.slot_id IS "
                      "NULL THEN 1 ELSE 0 END, sl.start_minutes, b.created_at, b.id",
         soci::use(did));
    for (const auto& r : rows) {
      BoardBooking b;
      b.id = GetInt(r, 0);
      b.reference = GetText(r, 1);
      if (!IsNull(r, 2)) {
        b.slot_id = GetInt(r, 2);
        b.start_minutes = static_cast<int>(GetInt(r, 3));
        b.end_minutes = static_cast<int>(GetInt(r, 4));
      }
      b.status = GetText(r, 5);
      b.channel = GetText(r, 6);
      b.intake.for_family = GetInt(r, 7) != 0;
      b.intake.relationship = GetText(r, 8);
      b.intake.gender = GetText(r, 9);
      b.intake.age_band = GetText(r, 10);
      b.intake.municipality = GetText(r, 11);
      b.intake.heard_from = GetText(r, 12);
      b.intake.treatment_status = GetText(r, 13);
      b.intake.work_status = GetText(r, 14);
      b.intake.topics = SplitCodes(GetText(r, 15));
      b.needs_consideration = GetInt(r, 16) != 0;
      sealed.push_back({GetText(r, 17), GetText(r, 18), GetText(r, 19), GetText(r, 20),
                        GetText(r, 21), GetText(r, 22)});
      if (!IsNull(r, 23)) b.checked_in_at = GetInt(r, 23);
      if (!IsNull(r, 24)) b.booth = static_cast<int>(GetInt(r, 24));
      if (!IsNull(r, 25)) b.hold_expires_at = GetInt(r, 25);
      b.created_at = GetInt(r, 26);
      b.has_record = GetInt(r, 27) > 0;
      board.bookings.push_back(std::move(b));
    }
    {
      soci::rowset<soci::row> staff =
          (s.prepare << "SELECT bs.booking_id, bs.user_id FROM booking_staff bs JOIN booking b ON "
                        "b.id = bs.booking_id WHERE b.day_id = :d ORDER BY bs.user_id",
           soci::use(did));
      for (const auto& r : staff) {
        const std::int64_t booking_id = GetInt(r, 0);
        for (auto& b : board.bookings) {
          if (b.id == booking_id) b.counselor_ids.push_back(GetInt(r, 1));
        }
      }
    }
    const core::Date today = core::DateFromUnixSeconds(now);
    for (std::size_t i = 0; i < board.bookings.size(); ++i) {
      BoardBooking& b = board.bookings[i];
      const auto access = contacts ? std::optional(auth::BookingContact::kCoordinator)
                                   : auth::RecordAccess::Booking(s, who, b.id, today);
      if (!access || *access == auth::BookingContact::kNone) continue;
      const std::string ad = "booking:" + b.reference + ":";
      auto open = [&](const std::string& stored, const char* name) {
        auto plain = cipher_.Decrypt(stored, ad + name);
        return plain ? *plain : std::string();
      };
      b.contact.name = open(sealed[i].name, "name");
      b.contact.phone = open(sealed[i].phone, "phone");
      b.contact.diagnosis = open(sealed[i].diagnosis, "diagnosis");
      if (*access == auth::BookingContact::kCallSheet) {
        b.call_sheet = true;
        audit::AuditLog::Append(s, actor,
                                {"booking.call_sheet", "booking", std::to_string(b.id),
                                 "{\"day\":" + std::to_string(day_id) + "}", ref.org},
                                now);
        continue;
      }
      b.contact.furigana = open(sealed[i].furigana, "furigana");
      b.contact.email = open(sealed[i].email, "email");
      b.contact.notes = open(sealed[i].notes, "notes");
    }
    if (contacts && !board.bookings.empty()) {
      audit::AuditLog::Append(
          s, actor,
          {"booking.read", "consultation_day", std::to_string(day_id),
           "{\"bookings\":" + std::to_string(board.bookings.size()) + "}", ref.org},
          now);
    }
    return board;
  });
}

// ------------------------------------------------------------------------------- bookings

core::Result<BookingReceipt> DayBoardService::BookForCaller(
    const auth::Principal& who, const audit::Actor& actor, std::int64_t program_id,
    const BookingRequest& request, const ConfirmationBuilder& confirmation) {
  if (request.channel == "web") {
    return core::Error::Invalid("error.form", {{"channel", "booking.error.channel"}});
  }
  auto program = consultations_.GetProgram(who, program_id);
  if (!program) return program.error();
  const core::Date today = core::DateFromUnixSeconds(clock_.NowSeconds());
  auto slot = consultations_.OpenSlot(program_id, request.slot_id, today);
  if (!slot) return slot.error();
  if (!*slot) {
    return core::Error::Invalid("error.form", {{"slot_id", "board.error.slot"}});
  }
  // Walk-ins are registered on the day itself, when the person is at the door.
  const bool walk_in = request.channel == "walk_in";
  if (walk_in && (*slot)->first.date != today) {
    return core::Error::Invalid("error.form", {{"channel", "board.error.walk_in_today"}});
  }
  auto receipt = consultations_.Book(request, actor, confirmation);
  if (!receipt) return receipt.error();
  if (walk_in) {
    if (auto in = CheckIn(who, actor, program_id, receipt->booking_id); !in) return in.error();
  }
  return receipt;
}

core::Result<BookingReceipt> DayBoardService::AddToWaitingList(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               std::int64_t program_id,
                                                               std::int64_t day_id,
                                                               const BookingRequest& request) {
  BookingRequest checked = request;
  checked.slot_id = 1;  // no slot yet: only the intake and contacts are checked
  auto errors = ConsultationService::ValidateBooking(checked);
  if (request.channel == "web") errors.push_back({"channel", "booking.error.channel"});
  if (!errors.empty()) return core::Error::Invalid("error.form", errors);
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  return db_.Write<BookingReceipt>([&](soci::session& s) {
    const DayRef day = DayFor(s, who, program_id, day_id, true);
    if (day.day.status != "scheduled" || core::ToIso(day.day.date) < today) {
      throw Abort{core::Error::NotFound()};
    }
    BookingReceipt receipt;
    receipt.reference = NewBookingReference();
    NewBooking row;
    row.reference = receipt.reference;
    row.day_id = day_id;
    row.status = "waiting";
    row.created_by = who.user_id;
    row.now = now;
    const std::int64_t id = InsertBooking(s, cipher_, row, request);
    receipt.booking_id = id;
    Audit(s, actor, "booking.waiting", id, day.org, now,
          "{\"channel\":\"" + request.channel + "\"}");
    return receipt;
  });
}

core::Status DayBoardService::CheckIn(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, false);
    if (b.status == "attended") return;  // a second click changes nothing
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    // Arrival is recorded on the day or later (paper lists typed in afterwards), never before.
    if (core::DaysBetween(b.date, today) < 0) {
      throw Abort{core::Error::Conflict("board.error.not_yet")};
    }
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET status = 'attended', checked_in_at = :t, updated_at = :u WHERE id = "
         ":id AND status = 'booked'",
        soci::use(at), soci::use(at), soci::use(id);
    Audit(s, actor, "booking.check_in", booking_id, b.org, now);
  });
}

core::Status DayBoardService::SetNeedsConsideration(const auth::Principal& who,
                                                    const audit::Actor& actor,
                                                    std::int64_t program_id,
                                                    std::int64_t booking_id, bool needed) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    long long id = booking_id;
    long long at = now;
    int flag = needed ? 1 : 0;
    s << "UPDATE booking SET needs_consideration = :f, updated_at = :u WHERE id = :id",
        soci::use(flag), soci::use(at), soci::use(id);
    Audit(s, actor, "booking.consideration", booking_id, b.org, now,
          needed ? "{\"needed\":true}" : "{\"needed\":false}");
  });
}

core::Status DayBoardService::MarkNoShow(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status == "no_show") return;
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    if (core::DaysBetween(b.date, today) < 0) {
      throw Abort{core::Error::Conflict("board.error.not_yet")};
    }
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET status = 'no_show', updated_at = :u WHERE id = :id AND status = "
         "'booked'",
        soci::use(at), soci::use(id);
    Audit(s, actor, "booking.no_show", booking_id, b.org, now);
  });
}

core::Status DayBoardService::Cancel(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t booking_id) {
  const std::int64_t now = clock_.NowSeconds();
  std::int64_t day_id = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status == "cancelled") return;
    if (b.status != "booked" && b.status != "waiting" && b.status != "offered") {
      throw Abort{core::Error::Conflict("board.error.not_booked")};
    }
    long long id = booking_id;
    long long at = now;
    std::string status = b.status;
    soci::statement cancel =
        (s.prepare << "UPDATE booking SET status = 'cancelled', hold_expires_at = NULL, "
                      "offer_token_hash = '', updated_at = :u WHERE id = :id AND status = :st",
         soci::use(at), soci::use(id), soci::use(status));
    cancel.execute(true);
    if (cancel.get_affected_rows() != 1) return;
    if (b.slot_id && b.status != "waiting") FreePlace(s, *b.slot_id);
    s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    Audit(s, actor, "booking.cancel", booking_id, b.org, now);
    day_id = b.day_id;
  });
  if (!done) return done;
  if (day_id != 0) {
    if (auto offered = OfferFreedPlaces(day_id); !offered) return offered.error();
  }
  return core::Ok{};
}

core::Status DayBoardService::Reschedule(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t program_id, std::int64_t booking_id,
                                         std::int64_t new_slot_id) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  std::int64_t old_day = 0;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status != "booked") throw Abort{core::Error::Conflict("board.error.not_booked")};
    if (b.slot_id && *b.slot_id == new_slot_id) return;
    // The new place first: when it is full, nothing has moved.
    TakePlace(s, new_slot_id, today, program_id);
    long long slot = new_slot_id;
    long long new_day = 0;
    s << "SELECT day_id FROM consultation_slot WHERE id = :id", soci::use(slot),
        soci::into(new_day);
    if (b.slot_id) FreePlace(s, *b.slot_id);
    long long id = booking_id;
    long long at = now;
    s << "UPDATE booking SET slot_id = :s, day_id = :d, booth = NULL, updated_at = :u WHERE id = "
         ":id",
        soci::use(slot), soci::use(new_day), soci::use(at), soci::use(id);
    if (new_day != b.day_id) s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    Audit(s, actor, "booking.reschedule", booking_id, b.org, now,
          "{\"slot\":" + std::to_string(new_slot_id) + "}");
    old_day = b.day_id;
  });
  if (!done) return done;
  if (old_day != 0) {
    if (auto offered = OfferFreedPlaces(old_day); !offered) return offered.error();
  }
  return core::Ok{};
}

core::Status DayBoardService::Assign(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t booking_id,
                                     std::optional<int> booth,
                                     const std::vector<std::int64_t>& counselor_ids) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    const BookingRef b = BookingFor(s, who, program_id, booking_id, true);
    if (b.status != "booked" && b.status != "attended") {
      throw Abort{core::Error::Conflict("board.error.not_booked")};
    }
    std::vector<core::FieldError> errors;
    if (booth && (*booth < 1 || *booth > b.booths))
      errors.push_back({"booth", "board.error.booth"});
    long long did = b.day_id;
    std::set<std::int64_t> unique(counselor_ids.begin(), counselor_ids.end());
    for (std::int64_t user : unique) {
      long long uid = user;
      int rostered = 0;
      s << "SELECT COUNT(*) FROM day_staff WHERE day_id = :d AND user_id = :u", soci::use(did),
          soci::use(uid), soci::into(rostered);
      if (rostered == 0) {
        errors.push_back({"counselors", "board.error.counselor"});
        break;
      }
    }
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form", errors)};
    long long id = booking_id;
    long long at = now;
    int booth_value = booth.value_or(0);
    soci::indicator booth_ind = booth ? soci::i_ok : soci::i_null;
    s << "UPDATE booking SET booth = :b, updated_at = :u WHERE id = :id",
        soci::use(booth_value, booth_ind), soci::use(at), soci::use(id);
    s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
    for (std::int64_t user : unique) {
      long long uid = user;
      s << "INSERT INTO booking_staff (booking_id, user_id) VALUES (:b, :u)", soci::use(id),
          soci::use(uid);
    }
    Audit(s, actor, "booking.assign", booking_id, b.org, now,
          "{\"counselors\":" + std::to_string(unique.size()) + "}");
  });
}

// ------------------------------------------------------------------------------- offers

core::Result<int> DayBoardService::OfferFreedPlaces(std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  return db_.Write<int>([&](soci::session& s) {
    long long did = day_id;
    std::string date;
    std::string status;
    long long org = 0;
    std::string mode;
    std::string venue;
    s << "SELECT d.day_date, d.status, p.organization_id, d.mode, d.venue FROM consultation_day "
         "d JOIN program p ON p.id = d.program_id WHERE d.id = :d",
        soci::use(did), soci::into(date), soci::into(status), soci::into(org), soci::into(mode),
        soci::into(venue);
    if (!s.got_data() || status != "scheduled" || date < today) return 0;
    const auto day_date = core::ParseIsoDate(date);
    if (!day_date) return 0;
    int offered = 0;
    for (;;) {
      // The earliest slot with a free place that has not started yet, and the first person
      // waiting (in the order they joined).
      long long slot_id = 0;
      int start = 0;
      int end = 0;
      bool found_slot = false;
      {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT id, start_minutes, end_minutes FROM consultation_slot WHERE "
                          "day_id = :d AND booked < capacity ORDER BY start_minutes",
             soci::use(did));
        for (const auto& r : rows) {
          const int slot_start = static_cast<int>(GetInt(r, 1));
          if (JstSeconds(*day_date, slot_start) <= now) continue;
          slot_id = GetInt(r, 0);
          start = slot_start;
          end = static_cast<int>(GetInt(r, 2));
          found_slot = true;
          break;
        }
      }
      if (!found_slot) break;
      // The offer goes by e-mail: people waiting without an address are left for the 事務局 to
      // call (the board shows them beside the free place).
      long long booking_id = 0;
      std::string reference;
      std::string email;
      std::string lang;
      {
        soci::rowset<soci::row> waiting =
            (s.prepare
                 << "SELECT id, reference, email_enc, lang FROM booking WHERE day_id = :d AND "
                    "status = 'waiting' ORDER BY created_at, id",
             soci::use(did));
        for (const auto& r : waiting) {
          auto address = cipher_.Decrypt(GetText(r, 2), "booking:" + GetText(r, 1) + ":email");
          if (!address || address->empty()) continue;
          booking_id = GetInt(r, 0);
          reference = GetText(r, 1);
          email = *address;
          lang = PersonLanguage(GetText(r, 3));
          break;
        }
      }
      if (booking_id == 0) break;
      soci::statement take = (s.prepare << "UPDATE consultation_slot SET booked = booked + 1 "
                                           "WHERE id = :id AND booked < capacity",
                              soci::use(slot_id));
      take.execute(true);
      if (take.get_affected_rows() != 1) break;
      // The hold ends after kOfferHoldSeconds, and never after the slot has begun.
      long long hold = std::min(now + kOfferHoldSeconds, JstSeconds(*day_date, start));
      const std::string token = crypto::RandomToken(24);
      const std::string token_hash = crypto::HashToken(token);
      long long at = now;
      s << "UPDATE booking SET status = 'offered', slot_id = :s, hold_expires_at = :h, "
           "offer_token_hash = :t, updated_at = :u WHERE id = :id",
          soci::use(slot_id), soci::use(hold), soci::use(token_hash), soci::use(at),
          soci::use(booking_id);
      {
        std::string base = public_url_;
        while (!base.empty() && base.back() == '/') base.pop_back();
        const std::string place =
            mode == "in_person" && !venue.empty() ? venue : catalog_.Get(lang, "days.mode." + mode);
        notify::MailMessage m;
        m.to = email;
        m.subject = catalog_.Get(lang, "board.offer.mail_subject");
        m.text_body = catalog_.Format(
            lang, "board.offer.mail_body",
            {{"reference", reference},
             {"date", core::FormatDate(*day_date, lang)},
             {"start", FormatMinutes(start)},
             {"end", FormatMinutes(end)},
             {"place", place},
             {"until", HoldEnd(hold, lang)},
             {"url", base + "/book/offer/" + token + (lang == "en" ? "?lang=en" : "")}});
        outbox_.Enqueue(s, m, "waiting_offer");
      }
      audit::AuditLog::Append(s, audit::Actor{},
                              {"booking.offer", "booking", std::to_string(booking_id),
                               "{\"slot\":" + std::to_string(slot_id) + "}", org},
                              now);
      ++offered;
    }
    return offered;
  });
}

core::Result<OfferView> DayBoardService::FindOffer(const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  auto found = db_.Read<std::optional<OfferView>>([&](soci::session& s) {
    std::optional<OfferView> view;
    long long at = now;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.reference, d.day_date, sl.start_minutes, sl.end_minutes, d.mode, "
                      "d.venue, b.hold_expires_at FROM booking b JOIN consultation_day d ON d.id "
                      "= b.day_id JOIN consultation_slot sl ON sl.id = b.slot_id WHERE "
                      "b.offer_token_hash = :h AND b.status = 'offered' AND b.hold_expires_at > :n",
         soci::use(hash), soci::use(at));
    for (const auto& r : rows) {
      auto date = core::ParseIsoDate(GetText(r, 1));
      if (!date) continue;
      view = OfferView{GetText(r, 0),
                       *date,
                       static_cast<int>(GetInt(r, 2)),
                       static_cast<int>(GetInt(r, 3)),
                       GetText(r, 4),
                       GetText(r, 5),
                       GetInt(r, 6)};
    }
    return view;
  });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  return **found;
}

core::Status DayBoardService::AcceptOffer(const std::string& token, const audit::Actor& actor) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    long long at = now;
    long long id = 0;
    long long org = 0;
    s << "SELECT b.id, p.organization_id FROM booking b JOIN consultation_day d ON d.id = "
         "b.day_id JOIN program p ON p.id = d.program_id WHERE b.offer_token_hash = :h",
        soci::use(hash), soci::into(id), soci::into(org);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    soci::statement accept =
        (s.prepare << "UPDATE booking SET status = 'booked', hold_expires_at = NULL, updated_at = "
                      ":u WHERE id = :id AND status = 'offered' AND hold_expires_at > :n",
         soci::use(at), soci::use(id), soci::use(at));
    accept.execute(true);
    if (accept.get_affected_rows() != 1) {
      // Accepted already (a second click) is fine; an expired or withdrawn hold is not.
      std::string status;
      s << "SELECT status FROM booking WHERE id = :id", soci::use(id), soci::into(status);
      if (status == "booked") return;
      throw Abort{core::Error::NotFound()};
    }
    Audit(s, actor, "booking.accept_offer", id, org, now);
  });
}

core::Result<int> DayBoardService::ExpireOffers() {
  const std::int64_t now = clock_.NowSeconds();
  auto expired = db_.Write<std::vector<std::int64_t>>([&](soci::session& s) {
    struct Hold {
      std::int64_t booking = 0, slot = 0, day = 0, org = 0;
    };
    std::vector<Hold> holds;
    long long at = now;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT b.id, b.slot_id, b.day_id, p.organization_id FROM booking b "
                        "JOIN consultation_day d ON d.id = b.day_id JOIN program p ON p.id = "
                        "d.program_id WHERE b.status = 'offered' AND b.hold_expires_at <= :n",
           soci::use(at));
      for (const auto& r : rows) {
        holds.push_back(
            {GetInt(r, 0), IsNull(r, 1) ? 0 : GetInt(r, 1), GetInt(r, 2), GetInt(r, 3)});
      }
    }
    std::vector<std::int64_t> released_days;
    for (const Hold& hold : holds) {
      long long id = hold.booking;
      // An offer not taken up in time lapses (the person did not answer): the booking ends
      // and the place goes to the next person waiting.
      soci::statement release =
          (s.prepare << "UPDATE booking SET status = 'cancelled', slot_id = NULL, "
                        "hold_expires_at = NULL, offer_token_hash = '', updated_at = :u WHERE id "
                        "= :id AND status = 'offered'",
           soci::use(at), soci::use(id));
      release.execute(true);
      if (release.get_affected_rows() != 1) continue;
      if (hold.slot != 0) FreePlace(s, hold.slot);
      audit::AuditLog::Append(
          s, audit::Actor{},
          {"booking.offer_expired", "booking", std::to_string(id), "{}", hold.org}, now);
      released_days.push_back(hold.day);
    }
    return released_days;
  });
  if (!expired) return expired.error();
  // Every open day with people waiting, not only those whose hold lapsed: an offer that could
  // not be made right after a cancellation is made now.
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  auto waiting = db_.Read<std::vector<std::int64_t>>([&](soci::session& s) {
    std::vector<std::int64_t> ids;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT DISTINCT b.day_id FROM booking b JOIN consultation_day d ON d.id = "
                      "b.day_id WHERE b.status = 'waiting' AND d.status = 'scheduled' AND "
                      "d.day_date >= :t",
         soci::use(today));
    for (const auto& r : rows) ids.push_back(GetInt(r, 0));
    return ids;
  });
  if (!waiting) return waiting.error();
  std::set<std::int64_t> days(expired->begin(), expired->end());
  days.insert(waiting->begin(), waiting->end());
  for (std::int64_t day : days) {
    if (auto offered = OfferFreedPlaces(day); !offered) return offered.error();
  }
  return static_cast<int>(expired->size());
}

}  // namespace tsunagu::consultations

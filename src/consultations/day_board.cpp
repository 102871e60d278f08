#include "consultations/day_board.hpp"

#include <algorithm>
#include <set>

#include "auth/record_access.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/calls.hpp"
#include "consultations/day_board_support.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/pledge.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using namespace board_detail;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

namespace {

// Which partner organisation each rostered person comes from, and whether they acknowledged
// the programme's confidentiality pledge for the fiscal year.
void AddRosterDetails(soci::session& s, std::int64_t program_id, std::int64_t host_org,
                      int fiscal_year, std::vector<RosterEntry>& roster) {
  for (auto& e : roster) {
    e.organization = PartnerOrganisationOf(s, program_id, host_org, e.user_id);
    e.pledged = PledgeAcknowledged(s, program_id, e.user_id, fiscal_year);
  }
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
    const std::int64_t day_id = InsertDayWithSlots(s, program_id, date, start_minutes, end_minutes,
                                                   std::nullopt, settings, now);
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

core::Result<std::vector<RosterEntry>> DayBoardService::Staff(const auth::Principal& who,
                                                              std::int64_t program_id) {
  if (!auth::Policy::CanCoordinate(who, who.organization_id)) return core::Error::NotFound();
  return db_.Read<std::vector<RosterEntry>>([&](soci::session& s) {
    long long org = who.organization_id;
    long long pid = program_id;
    long long host = 0;
    s << "SELECT organization_id FROM program WHERE id = :p", soci::use(pid), soci::into(host);
    if (!s.got_data() || host != org) throw Abort{core::Error::NotFound()};
    std::vector<RosterEntry> staff;
    std::set<std::int64_t> seen;
    // The host's own staff first, then each partner organisation's.
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.display_name, m.profession, o.name, CASE WHEN "
                      "m.organization_id = :o1 THEN 0 ELSE 1 END AS partner FROM membership m "
                      "JOIN app_user u ON u.id = m.user_id JOIN organization o ON o.id = "
                      "m.organization_id WHERE (m.organization_id = :o2 OR m.organization_id IN "
                      "(SELECT organization_id FROM program_partner WHERE program_id = :p)) AND "
                      "m.role <> 'viewer' AND u.status = 'active' ORDER BY partner, o.name, "
                      "u.display_name, u.id",
         soci::use(org), soci::use(org), soci::use(pid));
    for (const auto& r : rows) {
      const std::int64_t id = GetInt(r, 0);
      if (!seen.insert(id).second) continue;
      RosterEntry e{id, GetText(r, 1), GetText(r, 2)};
      if (GetInt(r, 4) != 0) e.organization = GetText(r, 3);
      staff.push_back(std::move(e));
    }
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
    long long pid = program_id;
    s << "DELETE FROM day_staff WHERE day_id = :d", soci::use(did);
    std::set<std::int64_t> unique(user_ids.begin(), user_ids.end());
    for (std::int64_t user : unique) {
      long long uid = user;
      std::string profession;
      bool found = false;
      // The host's membership first: its profession is the one the host knows.
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT m.profession, CASE WHEN m.organization_id = :o1 THEN 0 ELSE 1 "
                        "END AS partner FROM membership m JOIN app_user u ON u.id = m.user_id "
                        "WHERE m.user_id = :u AND (m.organization_id = :o2 OR m.organization_id "
                        "IN (SELECT organization_id FROM program_partner WHERE program_id = :p)) "
                        "AND m.role <> 'viewer' AND u.status = 'active' ORDER BY partner",
           soci::use(org), soci::use(uid), soci::use(org), soci::use(pid));
      for (const auto& r : rows) {
        if (found) continue;
        profession = GetText(r, 0);
        found = true;
      }
      // Only the staff of the host and of its partners can be rostered; anyone else is a form
      // error.
      if (!found) {
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
    const DayRef ref = DayFor(s, who, program_id, day_id, false);
    long long did = day_id;
    std::vector<RosterEntry> roster;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT u.id, u.display_name, ds.profession FROM day_staff ds JOIN app_user "
                      "u ON u.id = ds.user_id WHERE ds.day_id = :d ORDER BY u.display_name, u.id",
         soci::use(did));
    for (const auto& r : rows) roster.push_back({GetInt(r, 0), GetText(r, 1), GetText(r, 2)});
    AddRosterDetails(s, program_id, ref.org, core::FiscalYear(ref.day.date), roster);
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
                      "d.program_id WHERE (p.organization_id = :o OR (EXISTS (SELECT 1 FROM "
                      "program_partner pp WHERE pp.program_id = p.id AND pp.organization_id = "
                      ":o2) AND EXISTS (SELECT 1 FROM day_staff ds WHERE ds.day_id = d.id AND "
                      "ds.user_id = :u2))) AND d.status = 'scheduled' AND d.day_date BETWEEN :a "
                      "AND :b ORDER BY d.day_date, d.start_minutes, d.id",
         soci::use(user), soci::use(org), soci::use(org), soci::use(user), soci::use(first),
         soci::use(last));
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
    // 守秘義務 (seed 001): staff on the roster acknowledge the programme's pledge once a fiscal
    // year before they see the day.
    const int fiscal_year = core::FiscalYear(ref.day.date);
    if (OnRoster(s, day_id, who.user_id) &&
        !PledgeAcknowledged(s, program_id, who.user_id, fiscal_year)) {
      throw Abort{core::Error::Conflict("pledge.required")};
    }
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
    AddRosterDetails(s, program_id, ref.org, fiscal_year, board.roster);
    // Counselors see times, intake and topics; names and contacts are for the 事務局, who
    // receives people (seed 001: staff learn no personal details beforehand). On a phone or
    // online day a counselor assigned to a booking sees what is needed to call the person,
    // that day only (auth::RecordAccess::Booking decides; each view is audited).
    const bool contacts = auth::Policy::CanCoordinate(who, ref.org);
    board.coordinate = contacts;
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
                      "r WHERE r.booking_id = b.id), b.municipality_kind FROM booking b LEFT JOIN "
                      "consultation_slot sl "
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
      b.intake.municipality_kind = GetText(r, 28);
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
    AttachCalls(s, board);
    AttachGuided(s, board);
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

}  // namespace tsunagu::consultations

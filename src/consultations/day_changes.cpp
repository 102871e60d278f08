// DayChangeService: cancelling and moving consultation days, with the messages to the people
// booked and to the day's staff (see day_changes.hpp).
#include "consultations/day_changes.hpp"

#include "consultations/day_change_calls.hpp"
#include "consultations/day_change_mail.hpp"
#include "consultations/day_rows.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using daychange::Affected;
using daychange::Args;
using daychange::FindSlot;
using daychange::Messages;
using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

namespace {

using daychange::LoadedDay;

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::int64_t kJstOffsetSeconds = 9 * 3600;
// Bookings keep no language: people are written to in Japanese, as reminders and offers are.
constexpr const char* kActiveStatuses = "('booked','offered','waiting')";

// Unix seconds of `minutes` after midnight JST on `date`.
std::int64_t JstSeconds(core::Date date, int minutes) {
  return std::int64_t{core::DaysBetween(core::Date{1970, 1, 1}, date)} * kSecondsPerDay +
         minutes * 60LL - kJstOffsetSeconds;
}

// The day as the move leaves it: same slots (same ids), shifted by the same minutes.
ConsultationDay Shifted(const ConsultationDay& day, const DayMove& move) {
  ConsultationDay moved = day;
  const int delta = move.start_minutes - day.start_minutes;
  moved.date = move.date;
  moved.start_minutes = move.start_minutes;
  moved.end_minutes = day.end_minutes + delta;
  moved.venue = core::Trim(move.venue);
  for (auto& slot : moved.slots) {
    slot.start_minutes += delta;
    slot.end_minutes += delta;
  }
  // moved_from keeps the date the day was first planned for (the rule's date), so the list
  // says where it came from however often it moves; back on that date it is no longer moved.
  if (move.date != day.date) moved.moved_from = day.moved_from.value_or(day.date);
  if (moved.moved_from && *moved.moved_from == moved.date) moved.moved_from.reset();
  return moved;
}

DayPeople CountPeople(soci::session& s, std::int64_t day_id) {
  DayPeople people;
  long long id = day_id;
  // email_bidx is empty exactly when no address was given (booking_rows.cpp), so counting
  // needs no decryption.
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT status, email_bidx FROM booking WHERE day_id = :d AND status IN "
                 << kActiveStatuses,
       soci::use(id));
  for (const auto& r : rows) {
    (GetText(r, 0) == "waiting" ? people.waiting : people.booked) += 1;
    (GetText(r, 1).empty() ? people.by_phone : people.by_email) += 1;
  }
  return people;
}

// Takes the row locks of the day's slots first, so that on PostgreSQL a booking already taking
// a place commits before the bookings are read here, and is cancelled with the rest.
void LockSlots(soci::session& s, std::int64_t day_id) {
  long long id = day_id;
  s << "UPDATE consultation_slot SET booked = booked WHERE day_id = :d", soci::use(id);
}

bool SomeoneReceived(soci::session& s, std::int64_t day_id) {
  long long id = day_id;
  int received = 0;
  s << "SELECT COUNT(*) FROM booking WHERE day_id = :d AND status IN ('attended','no_show')",
      soci::use(id), soci::into(received);
  return received > 0;
}

// Cancels one booking if it is still in `status`; only then is its place given back, so a
// booking cancelled meanwhile (by its link, by the board) frees nothing twice.
bool CancelBooking(soci::session& s, std::int64_t booking_id, const std::string& status,
                   std::optional<std::int64_t> slot_id, std::int64_t now) {
  long long id = booking_id;
  long long at = now;
  std::string from = status;
  soci::statement cancel =
      (s.prepare << "UPDATE booking SET status = 'cancelled', hold_expires_at = NULL, "
                    "offer_token_hash = '', updated_at = :u WHERE id = :id AND status = :st",
       soci::use(at), soci::use(id), soci::use(from));
  cancel.execute(true);
  if (cancel.get_affected_rows() != 1) return false;
  if (slot_id && status != "waiting") {
    long long slot = *slot_id;
    s << "UPDATE consultation_slot SET booked = booked - 1 WHERE id = :id AND booked > 0",
        soci::use(slot);
  }
  s << "DELETE FROM booking_staff WHERE booking_id = :id", soci::use(id);
  return true;
}

// Shifts every slot of the day by `delta` minutes. Slot start times are unique per day and
// both engines check that row by row, so the slots pass through negative values first.
void ShiftSlots(soci::session& s, std::int64_t day_id, int delta) {
  long long id = day_id;
  int d1 = delta;
  int d2 = delta;
  s << "UPDATE consultation_slot SET start_minutes = -1 - (start_minutes + :a), end_minutes = "
       "end_minutes + :b WHERE day_id = :d",
      soci::use(d1), soci::use(d2), soci::use(id);
  s << "UPDATE consultation_slot SET start_minutes = -1 - start_minutes WHERE day_id = :d",
      soci::use(id);
}

void UpdateDay(soci::session& s, const ConsultationDay& moved) {
  long long id = moved.id;
  std::string date = core::ToIso(moved.date);
  std::string from = moved.moved_from ? core::ToIso(*moved.moved_from) : std::string();
  soci::indicator from_ind = moved.moved_from ? soci::i_ok : soci::i_null;
  s << "UPDATE consultation_day SET day_date = :dt, start_minutes = :s, end_minutes = :e, venue "
       "= :v, moved_from = :m WHERE id = :id",
      soci::use(date), soci::use(moved.start_minutes), soci::use(moved.end_minutes),
      soci::use(moved.venue), soci::use(from, from_ind), soci::use(id);
}

// An offer's hold never outlasts the start of its slot (as in OfferFreedPlaces).
void ClampHold(soci::session& s, std::int64_t booking_id, std::int64_t slot_start) {
  long long id = booking_id;
  long long start = slot_start;
  long long start2 = slot_start;
  s << "UPDATE booking SET hold_expires_at = :h WHERE id = :id AND status = 'offered' AND "
       "hold_expires_at > :h2",
      soci::use(start), soci::use(id), soci::use(start2);
}

bool IsPast(const ConsultationDay& day, std::int64_t now) {
  return day.date < core::DateFromUnixSeconds(now);
}

// The day when `who` coordinates its programme and `change` is still possible (see Prepare);
// Abort otherwise. A cancelled day is gone: NotFound, like another organisation's.
LoadedDay Changeable(soci::session& s, const auth::Principal& who, std::int64_t program_id,
                     std::int64_t day_id, std::int64_t now, DayChange change) {
  auto day = LoadProgramDay(s, program_id, day_id, true);
  if (!day || !auth::Policy::CanCoordinate(who, day->org) || day->day.status != "scheduled") {
    throw Abort{core::Error::NotFound()};
  }
  const bool past = IsPast(day->day, now);
  if (change == DayChange::kMove) {
    if (past) throw Abort{core::Error::Conflict("daychange.error.past_day")};
    if (SomeoneReceived(s, day_id)) throw Abort{core::Error::Conflict("daychange.error.started")};
  } else if (past && SomeoneReceived(s, day_id)) {
    throw Abort{core::Error::Conflict("daychange.error.held")};
  }
  return *day;
}

// The audit detail: counts only, then `more` (further JSON members, already formatted).
std::string CountsDetail(const DayChangeResult& r, const std::string& more = "") {
  return "{\"bookings\":" + std::to_string(r.people.Total()) +
         ",\"emailed\":" + std::to_string(r.emailed) +
         ",\"to_call\":" + std::to_string(r.to_call.size()) +
         ",\"staff\":" + std::to_string(r.staff_notified) + more + "}";
}

std::vector<Affected> LoadAffected(soci::session& s, const crypto::FieldCipher& cipher,
                                   std::int64_t day_id) {
  std::vector<Affected> people;
  long long id = day_id;
  soci::rowset<soci::row> rows =
      (s.prepare
           << "SELECT b.id, b.reference, b.status, b.slot_id, b.email_enc, "
              "b.cancel_token_hash, b.created_at, b.name_enc, b.furigana_enc, b.phone_enc, "
              "b.lang FROM booking b LEFT JOIN consultation_slot sl ON sl.id = b.slot_id WHERE "
              "b.day_id = :d AND b.status IN "
           << kActiveStatuses
           << " ORDER BY CASE WHEN b.slot_id IS NULL THEN 1 ELSE 0 END, sl.start_minutes, "
              "b.created_at, b.id",
       soci::use(id));
  for (const auto& r : rows) {
    Affected a;
    a.id = GetInt(r, 0);
    a.reference = GetText(r, 1);
    a.status = GetText(r, 2);
    if (!IsNull(r, 3)) a.slot_id = GetInt(r, 3);
    auto email = cipher.Decrypt(GetText(r, 4), "booking:" + a.reference + ":email");
    if (email) a.email = *email;
    a.has_cancel_link = !GetText(r, 5).empty();
    a.created_at = GetInt(r, 6);
    a.name_enc = GetText(r, 7);
    a.furigana_enc = GetText(r, 8);
    a.phone_enc = GetText(r, 9);
    a.lang = PersonLanguage(GetText(r, 10));
    people.push_back(std::move(a));
  }
  return people;
}

// The bookings of the people who left no e-mail address: the day's call list.
std::vector<std::int64_t> PhoneOnly(const std::vector<Affected>& people) {
  std::vector<std::int64_t> ids;
  for (const auto& p : people) {
    if (p.email.empty()) ids.push_back(p.id);
  }
  return ids;
}

// The people without an e-mail address, decrypted for the 事務局 to call; the read is audited
// like the day board's. Times are those of `slots_from` (the day after the change).
std::vector<PersonToCall> ReadToCall(soci::session& s, const crypto::FieldCipher& cipher,
                                     const audit::Actor& actor, const LoadedDay& day,
                                     const std::vector<Affected>& people,
                                     const ConsultationDay& slots_from, std::int64_t now) {
  std::vector<PersonToCall> calls;
  for (const auto& p : people) {
    if (!p.email.empty()) continue;
    const std::string ad = "booking:" + p.reference + ":";
    auto open = [&](const std::string& stored, const char* column) {
      auto plain = cipher.Decrypt(stored, ad + column);
      return plain ? *plain : std::string();
    };
    PersonToCall call{p.reference,
                      p.status,
                      std::nullopt,
                      std::nullopt,
                      open(p.name_enc, "name"),
                      open(p.furigana_enc, "furigana"),
                      open(p.phone_enc, "phone")};
    if (const Slot* slot = FindSlot(slots_from, p.slot_id)) {
      call.start_minutes = slot->start_minutes;
      call.end_minutes = slot->end_minutes;
    }
    calls.push_back(std::move(call));
  }
  if (!calls.empty()) {
    audit::AuditLog::Append(s, actor,
                            {"booking.read", "consultation_day", std::to_string(day.day.id),
                             "{\"bookings\":" + std::to_string(calls.size()) + "}", day.org},
                            now);
  }
  return calls;
}

std::vector<core::FieldError> CheckMove(soci::session& s, const LoadedDay& day, const DayMove& move,
                                        std::int64_t now) {
  std::vector<core::FieldError> errors;
  const core::Date today = core::DateFromUnixSeconds(now);
  const int length = day.day.end_minutes - day.day.start_minutes;
  const bool date_ok = core::IsValidDate(move.date);
  if (!date_ok) {
    errors.push_back({"date", "daychange.error.date"});
  } else if (move.date < today) {
    errors.push_back({"date", "daychange.error.date_past"});
  }
  if (move.start_minutes < 0 || move.start_minutes >= 1440) {
    errors.push_back({"start", "daychange.error.time"});
  } else if (move.start_minutes + length > 1440) {
    errors.push_back({"start", "daychange.error.past_midnight"});
  } else if (date_ok && move.date >= today && JstSeconds(move.date, move.start_minutes) <= now) {
    errors.push_back({"start", "daychange.error.time_past"});
  }
  const std::string venue = core::Trim(move.venue);
  if (core::CountCodePoints(venue) > kMaxDayChangeVenue) {
    errors.push_back({"venue", "form.error.too_long"});
  }
  if (core::CountCodePoints(core::Trim(move.message)) > kMaxDayChangeReason) {
    errors.push_back({"message", "form.error.too_long"});
  }
  if (!errors.empty()) return errors;
  if (move.date == day.day.date && move.start_minutes == day.day.start_minutes &&
      venue == day.day.venue) {
    return {{"date", "daychange.error.unchanged"}};
  }
  long long pid = day.day.program_id;
  long long did = day.day.id;
  std::string iso = core::ToIso(move.date);
  int taken = 0;
  s << "SELECT COUNT(*) FROM consultation_day WHERE program_id = :p AND day_date = :d AND status "
       "= 'scheduled' AND id <> :id",
      soci::use(pid), soci::use(iso), soci::use(did), soci::into(taken);
  if (taken > 0) errors.push_back({"date", "daychange.error.date_taken"});
  return errors;
}

}  // namespace

// ------------------------------------------------------------------------------- reading

core::Result<DayChangeView> DayChangeService::Prepare(const auth::Principal& who,
                                                      std::int64_t program_id, std::int64_t day_id,
                                                      DayChange change) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Read<DayChangeView>([&](soci::session& s) {
    LoadedDay day = Changeable(s, who, program_id, day_id, now, change);
    const bool past = IsPast(day.day, now);
    return DayChangeView{std::move(day.day), std::move(day.program_name), CountPeople(s, day_id),
                         past};
  });
}

std::vector<core::FieldError> DayChangeService::ValidateReason(const DayChangeView& view,
                                                               const std::string& reason) {
  const auto length = core::CountCodePoints(core::Trim(reason));
  if (length == 0 && !view.past && view.people.Total() > 0) {
    return {{"reason", "daychange.error.reason_required"}};
  }
  if (length > kMaxDayChangeReason) return {{"reason", "form.error.too_long"}};
  return {};
}

// ------------------------------------------------------------------------------- cancelling

core::Result<DayChangeResult> DayChangeService::CancelDay(const auth::Principal& who,
                                                          const audit::Actor& actor,
                                                          std::int64_t program_id,
                                                          std::int64_t day_id,
                                                          const std::string& reason_in) {
  const std::string reason = core::Trim(reason_in);
  const std::int64_t now = clock_.NowSeconds();
  const Messages messages(catalog_, public_url_, now);
  auto done = db_.Write<DayChangeResult>([&](soci::session& s) {
    const LoadedDay day = Changeable(s, who, program_id, day_id, now, DayChange::kCancel);
    LockSlots(s, day_id);
    const bool past = IsPast(day.day, now);
    DayChangeResult result{day.day, day.day, day.program_name, CountPeople(s, day_id)};
    if (auto errors = ValidateReason({day.day, day.program_name, result.people, past}, reason);
        !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", errors)};
    }
    long long id = day_id;
    soci::statement cancel = (s.prepare << "UPDATE consultation_day SET status = 'cancelled' "
                                           "WHERE id = :d AND status = 'scheduled'",
                              soci::use(id));
    cancel.execute(true);
    if (cancel.get_affected_rows() != 1) throw Abort{core::Error::NotFound()};
    result.after.status = "cancelled";
    const auto people = LoadAffected(s, cipher_, day_id);
    for (const auto& person : people) {
      if (!CancelBooking(s, person.id, person.status, person.slot_id, now)) continue;
      audit::AuditLog::Append(s, actor,
                              {"booking.cancel", "booking", std::to_string(person.id),
                               "{\"day_cancelled\":true}", day.org},
                              now);
      if (person.email.empty() || past) continue;
      outbox_.Enqueue(s, messages.Cancelled(day, person, reason), "day_cancelled");
      ++result.emailed;
    }
    if (past) {
      // Recorded after the day: there is nobody left to tell.
      audit::AuditLog::Append(
          s, actor,
          {"consultation_day.cancel", "consultation_day", std::to_string(day_id),
           CountsDetail(result, ",\"past\":true"), day.org},
          now);
      return result;
    }
    result.staff_notified = messages.Staff(s, outbox_, day, "cancel", [&](const std::string& lang) {
      return Args{{"program", day.program_name},
                  {"date", core::FormatDate(day.day.date, lang)},
                  {"when", messages.WhenFor(lang, day.day, nullptr)},
                  {"count", std::to_string(result.people.Total())},
                  {"url", messages.Board(day.day)}};
    });
    result.to_call = ReadToCall(s, cipher_, actor, day, people, day.day, now);
    ListForCalls(s, PhoneOnly(people), "cancel", now);
    audit::AuditLog::Append(s, actor,
                            {"consultation_day.cancel", "consultation_day", std::to_string(day_id),
                             CountsDetail(result), day.org},
                            now);
    return result;
  });
  if (done) outbox_.Wake();
  return done;
}

// ------------------------------------------------------------------------------- moving

core::Result<MovePlan> DayChangeService::PlanMove(const auth::Principal& who,
                                                  std::int64_t program_id, std::int64_t day_id,
                                                  const DayMove& move) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Read<MovePlan>([&](soci::session& s) {
    LoadedDay day = Changeable(s, who, program_id, day_id, now, DayChange::kMove);
    if (auto errors = CheckMove(s, day, move, now); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", errors)};
    }
    ConsultationDay moved = Shifted(day.day, move);
    return MovePlan{
        {std::move(day.day), std::move(day.program_name), CountPeople(s, day_id), false},
        std::move(moved)};
  });
}

core::Result<DayChangeResult> DayChangeService::MoveDay(const auth::Principal& who,
                                                        const audit::Actor& actor,
                                                        std::int64_t program_id,
                                                        std::int64_t day_id, const DayMove& move) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string message = core::Trim(move.message);
  const Messages messages(catalog_, public_url_, now);
  auto done = db_.Write<DayChangeResult>([&](soci::session& s) {
    const LoadedDay day = Changeable(s, who, program_id, day_id, now, DayChange::kMove);
    if (auto errors = CheckMove(s, day, move, now); !errors.empty()) {
      throw Abort{core::Error::Invalid("error.form", errors)};
    }
    const ConsultationDay moved = Shifted(day.day, move);
    const int shift = moved.start_minutes - day.day.start_minutes;
    ShiftSlots(s, day_id, shift);
    UpdateDay(s, moved);
    // The notices before the day belong to its date: both go out again for the new one.
    long long id = day_id;
    s << "DELETE FROM day_notice WHERE day_id = :d", soci::use(id);
    DayChangeResult result{day.day, moved, day.program_name, CountPeople(s, day_id)};
    const auto people = LoadAffected(s, cipher_, day_id);
    for (const auto& person : people) {
      if (const Slot* slot = FindSlot(moved, person.slot_id)) {
        ClampHold(s, person.id, JstSeconds(moved.date, slot->start_minutes));
      }
      if (person.email.empty()) continue;
      outbox_.Enqueue(s, messages.Moved(day, moved, person, message), "day_moved");
      ++result.emailed;
    }
    result.staff_notified = messages.Staff(s, outbox_, day, "move", [&](const std::string& lang) {
      return Args{{"program", day.program_name},
                  {"date", core::FormatDate(day.day.date, lang)},
                  {"old", messages.WhenFor(lang, day.day, nullptr)},
                  {"new", messages.WhenFor(lang, moved, nullptr)},
                  {"place", messages.Place(lang, moved)},
                  {"count", std::to_string(result.people.Total())},
                  {"url", messages.Board(day.day)}};
    });
    result.to_call = ReadToCall(s, cipher_, actor, day, people, moved, now);
    ListForCalls(s, PhoneOnly(people), "move", now);
    const std::string detail = CountsDetail(
        result, ",\"from\":\"" + core::ToIso(day.day.date) + "\",\"to\":\"" +
                    core::ToIso(moved.date) + "\",\"shift_minutes\":" + std::to_string(shift) +
                    ",\"venue_changed\":" + (moved.venue != day.day.venue ? "true" : "false"));
    audit::AuditLog::Append(
        s, actor,
        {"consultation_day.move", "consultation_day", std::to_string(day_id), detail, day.org},
        now);
    return result;
  });
  if (done) outbox_.Wake();
  return done;
}

}  // namespace tsunagu::consultations

#include "consultations/day_change_mail.hpp"

#include <algorithm>
#include <climits>

#include "consultations/schedule_rule.hpp"
#include "core/wareki.hpp"
#include "notify/icalendar.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations::daychange {

using storage::GetText;

const Slot* FindSlot(const ConsultationDay& day, std::optional<std::int64_t> slot_id) {
  if (!slot_id) return nullptr;
  for (const auto& slot : day.slots) {
    if (slot.id == *slot_id) return &slot;
  }
  return nullptr;
}

Messages::Messages(const core::Catalog& catalog, const std::string& public_url, std::int64_t now)
    : catalog_(catalog), base_(public_url), now_(now) {
  while (!base_.empty() && base_.back() == '/') base_.pop_back();
}

std::string Messages::When(const std::string& lang, core::Date date, int start, int end) const {
  return catalog_.Format(lang, "daychange.when",
                         {{"date", core::FormatDate(date, lang)},
                          {"start", FormatMinutes(start)},
                          {"end", FormatMinutes(end)}});
}

// The person's slot, or the day's hours for someone on the waiting list.
std::string Messages::WhenFor(const std::string& lang, const ConsultationDay& day,
                              const Slot* slot) const {
  return slot ? When(lang, day.date, slot->start_minutes, slot->end_minutes)
              : When(lang, day.date, day.start_minutes, day.end_minutes);
}

std::string Messages::Place(const std::string& lang, const ConsultationDay& day) const {
  std::string text = catalog_.Get(lang, "booking.mode." + day.mode);
  if (day.mode == "in_person" && !day.venue.empty()) text += "（" + day.venue + "）";
  return text;
}

std::string Messages::Board(const ConsultationDay& day) const {
  return base_ + DayBoardPath(day.program_id, day.id);
}

notify::MailMessage Messages::Cancelled(const LoadedDay& day, const Affected& person,
                                        const std::string& reason) const {
  const std::string& lang = person.lang;
  const Slot* slot = FindSlot(day.day, person.slot_id);
  notify::MailMessage m;
  m.to = person.email;
  m.subject = catalog_.Get(lang, "daychange.cancel.mail.subject");
  m.text_body =
      catalog_.Format(lang, "daychange.cancel.mail.intro", {{"program", day.program_name}}) +
      "\n\n" +
      catalog_.Format(lang, "daychange.cancel.mail.details",
                      {{"reference", person.reference},
                       {"when", WhenFor(lang, day.day, slot)},
                       {"reason", reason}}) +
      "\n\n" +
      catalog_.Get(lang, person.status == "waiting" ? "daychange.cancel.mail.waiting_done"
                                                    : "daychange.cancel.mail.booking_done") +
      "\n\n" + Closing(lang, day);
  if (slot) AttachCalendar(m, day.day, *slot, person, true);
  return m;
}

notify::MailMessage Messages::Moved(const LoadedDay& day, const ConsultationDay& moved,
                                    const Affected& person, const std::string& message) const {
  const std::string& lang = person.lang;
  const Slot* new_slot = FindSlot(moved, person.slot_id);
  notify::MailMessage m;
  m.to = person.email;
  m.subject = catalog_.Get(lang, "daychange.move.mail.subject");
  m.text_body =
      catalog_.Format(lang, "daychange.move.mail.intro", {{"program", day.program_name}}) + "\n\n" +
      catalog_.Format(lang, "daychange.move.mail.details",
                      {{"reference", person.reference},
                       {"old", WhenFor(lang, day.day, FindSlot(day.day, person.slot_id))},
                       {"new", WhenFor(lang, moved, new_slot)},
                       {"place", Place(lang, moved)}}) +
      "\n\n" +
      (message.empty()
           ? std::string()
           : catalog_.Format(lang, "daychange.move.mail.message", {{"message", message}}) +
                 "\n\n") +
      catalog_.Get(lang, MoveNextKey(person)) + "\n\n" + Closing(lang, day);
  if (new_slot) AttachCalendar(m, moved, *new_slot, person, false);
  return m;
}

// Tells the day's rostered staff, each in their language. Times, places and counts only:
// never a name, contact, diagnosis or the reason written for the people booked (seed 001
// イ, SECURITY.md rule 11). Returns how many were told.
int Messages::Staff(soci::session& s, notify::Outbox& outbox, const LoadedDay& day,
                    const std::string& kind,
                    const std::function<Args(const std::string&)>& args) const {
  long long id = day.day.id;
  int sent = 0;
  soci::rowset<soci::row> staff =
      (s.prepare << "SELECT u.email, u.language FROM day_staff ds JOIN app_user u ON u.id = "
                    "ds.user_id WHERE ds.day_id = :d AND u.status = 'active' ORDER BY u.id",
       soci::use(id));
  for (const auto& r : staff) {
    const std::string lang = GetText(r, 1) == "en" ? "en" : "ja";
    const Args values = args(lang);
    notify::MailMessage m;
    m.to = GetText(r, 0);
    m.subject = catalog_.Format(lang, "daychange." + kind + ".staff.subject", values);
    m.text_body = catalog_.Format(lang, "daychange." + kind + ".staff.body", values) + "\n";
    outbox.Enqueue(s, m, "day_change_staff");
    ++sent;
  }
  return sent;
}

const char* Messages::MoveNextKey(const Affected& person) {
  if (person.status == "waiting") return "daychange.move.mail.next_waiting";
  if (person.status == "offered") return "daychange.move.mail.next_offered";
  // The confirmation's cancel link keeps working (it finds the booking, not the date).
  return person.has_cancel_link ? "daychange.move.mail.next_booked"
                                : "daychange.move.mail.next_booked_no_link";
}

std::string Messages::Closing(const std::string& lang, const LoadedDay& day) const {
  return catalog_.Format(lang, "daychange.mail.other_day",
                         {{"url", base_ + "/book/" + std::to_string(day.day.program_id)}}) +
         "\n\n" + catalog_.Get(lang, "daychange.mail.footer") + "\n";
}

void Messages::AttachCalendar(notify::MailMessage& m, const ConsultationDay& day, const Slot& slot,
                              const Affected& person, bool cancelled) const {
  const std::string& lang = person.lang;
  notify::CalendarEvent ev;
  // The confirmation's UID (public booking), so a calendar updates the event it holds.
  ev.uid = "booking-" + person.reference + "@tsunagu";
  // SEQUENCE must rise with every version: seconds since the booking do, with no counter.
  ev.sequence = static_cast<int>(std::clamp<std::int64_t>(now_ - person.created_at, 1, INT_MAX));
  ev.dtstamp_unix = now_;
  ev.date = day.date;
  ev.start_minutes = slot.start_minutes;
  ev.end_minutes = slot.end_minutes;
  ev.summary = catalog_.Get(lang, "booking.ics.summary");
  ev.location = Place(lang, day);
  ev.description = catalog_.Get(lang, "booking.mail.reference") + " " + person.reference;
  ev.cancelled = cancelled;
  if (auto ics = notify::BuildIcs(ev, "PUBLISH"); ics.ok()) {
    m.attachments.push_back(
        {"consultation.ics", "text/calendar; charset=UTF-8; method=PUBLISH", *ics});
  }
}

}  // namespace tsunagu::consultations::daychange

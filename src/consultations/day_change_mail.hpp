// The e-mails of a moved or cancelled consultation day (day_changes.cpp): to each person
// booked or waiting, in the language they booked in, and to the day's rostered staff without
// personal data. Internal to the consultations domain.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "consultations/day_rows.hpp"
#include "consultations/model.hpp"
#include "core/i18n.hpp"
#include "notify/mail.hpp"
#include "notify/outbox.hpp"

namespace tsunagu::consultations::daychange {

using LoadedDay = ProgramDay;  // with slots
using Args = std::vector<std::pair<std::string, std::string>>;

// A booking, offer or waiting-list entry on the day when the change is made.
struct Affected {
  std::int64_t id = 0;
  std::string reference;
  std::string status;
  std::optional<std::int64_t> slot_id;
  std::string email;  // decrypted; empty when the person left only a phone number
  std::string lang;   // the language of their e-mails
  bool has_cancel_link = false;
  std::int64_t created_at = 0;
  std::string name_enc;
  std::string furigana_enc;
  std::string phone_enc;
};

// The slot of `slot_id` on the day, or nullptr (none, or not the day's).
const Slot* FindSlot(const ConsultationDay& day, std::optional<std::int64_t> slot_id);

// The texts of one change, from the catalogues: people in the language they booked in, staff
// in their own.
class Messages {
 public:
  Messages(const core::Catalog& catalog, const std::string& public_url, std::int64_t now);

  std::string When(const std::string& lang, core::Date date, int start, int end) const;
  // The person's slot, or the day's hours for someone on the waiting list.
  std::string WhenFor(const std::string& lang, const ConsultationDay& day, const Slot* slot) const;
  std::string Place(const std::string& lang, const ConsultationDay& day) const;
  std::string Board(const ConsultationDay& day) const;

  notify::MailMessage Cancelled(const LoadedDay& day, const Affected& person,
                                const std::string& reason) const;
  notify::MailMessage Moved(const LoadedDay& day, const ConsultationDay& moved,
                            const Affected& person, const std::string& message) const;

  // Tells the day's rostered staff, each in their language. Times, places and counts only:
  // never a name, contact, diagnosis or the reason written for the people booked (seed 001
  // イ, SECURITY.md rule 11). Returns how many were told.
  int Staff(soci::session& s, notify::Outbox& outbox, const LoadedDay& day, const std::string& kind,
            const std::function<Args(const std::string&)>& args) const;

 private:
  static const char* MoveNextKey(const Affected& person);
  std::string Closing(const std::string& lang, const LoadedDay& day) const;
  void AttachCalendar(notify::MailMessage& m, const ConsultationDay& day, const Slot& slot,
                      const Affected& person, bool cancelled) const;

  const core::Catalog& catalog_;
  std::string base_;
  std::int64_t now_;
};

}  // namespace tsunagu::consultations::daychange

// Running one consultation day (seed 001 ア–エ): the roster of staff, days added or moved by
// hand, bookings taken by the 事務局 for callers (電話 / メール / 当日), check-in, no-shows,
// rescheduling, booths and counselors, and the waiting list with time-limited held places.
// Every read of a person's name or contacts writes an audit event (SECURITY.md rule 4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/consultation_service.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// How long a freed place is held for the first person on the waiting list.
inline constexpr std::int64_t kOfferHoldSeconds = std::int64_t{24} * 3600;

struct RosterEntry {
  std::int64_t user_id = 0;
  std::string name;        // staff pages only; clients see the profession
  std::string profession;  // code, label "profession.<code>"
  // Staff of a partner organisation of the programme: that organisation's name (empty for
  // the host's own staff).
  std::string organization;
  // Has acknowledged the programme's confidentiality pledge for the day's fiscal year (rosters
  // of one day only; true elsewhere).
  bool pledged = true;
};

// A booking as the day board shows it to the host organisation's staff.
struct BoardBooking {
  std::int64_t id = 0;
  std::string reference;
  std::optional<std::int64_t> slot_id;  // none while waiting
  int start_minutes = 0;
  int end_minutes = 0;
  std::string status;   // booked, cancelled, attended, no_show, waiting, offered
  std::string channel;  // web, phone, mail, walk_in
  Intake intake;
  bool needs_consideration = false;
  Contact contact;  // decrypted; reading it is audited
  // Only the name, phone and diagnosis are filled: the viewer is a counselor assigned to
  // this booking on its phone or online day (auth::BookingContact::kCallSheet).
  bool call_sheet = false;
  std::optional<std::int64_t> checked_in_at;
  std::optional<int> booth;
  std::vector<std::int64_t> counselor_ids;
  std::optional<std::int64_t> hold_expires_at;
  bool has_record = false;
  std::int64_t created_at = 0;
  // Calls on a phone or online day (calls.cpp): unanswered tries so far, the last call, and
  // 連絡つかず (status no_show with unreachable set; 無断キャンセル has it unset).
  int unanswered_calls = 0;
  std::optional<std::int64_t> last_call_at;
  bool unreachable = false;
};

// A person who came without booking and was guided to another window: no personal data.
struct GuidedWalkIn {
  std::int64_t id = 0;
  std::string window;  // free text until the information directory exists
  std::int64_t recorded_at = 0;
};

struct DayBoard {
  ConsultationDay day;      // with slots
  bool coordinate = false;  // the viewer is the host's 事務局 (names, contacts, actions)
  std::vector<RosterEntry> roster;
  std::vector<BoardBooking> bookings;  // by slot time, then waiting list in arrival order
  std::vector<GuidedWalkIn> guided;    // walk-ins guided elsewhere, oldest first
};

// One coming consultation day as a staff member's home page lists it.
struct UpcomingDay {
  ConsultationDay day;  // without slots
  std::string program_name;
  int booked = 0;  // places taken
  int capacity = 0;
  int waiting = 0;
  bool on_roster = false;  // the staff member is on the day's roster
};

// What the offer page shows to a waiting person who follows the e-mail's link.
struct OfferView {
  std::string reference;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string mode;
  std::string venue;
  std::int64_t hold_expires_at = 0;
};

class DayBoardService {
 public:
  DayBoardService(storage::Database& db, const core::Clock& clock,
                  const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                  ConsultationService& consultations, const core::Catalog& catalog,
                  const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        consultations_(consultations),
        catalog_(catalog),
        public_url_(public_url) {}

  // --- days (事務局)
  // Adds one day by hand (a day outside the rule, e.g. seed 000's H29.9.4). Its slots come
  // from `settings` like generated days.
  core::Result<std::int64_t> AddDay(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t program_id, core::Date date, int start_minutes,
                                    int end_minutes, const DaySettings& settings);
  // Replaces the day's staff roster with these members of the host organisation or of a
  // partner organisation of the programme; each keeps the profession of their membership.
  core::Status SetRoster(const auth::Principal& who, const audit::Actor& actor,
                         std::int64_t program_id, std::int64_t day_id,
                         const std::vector<std::int64_t>& user_ids);
  core::Result<std::vector<RosterEntry>> Roster(const auth::Principal& who, std::int64_t program_id,
                                                std::int64_t day_id);
  // Members of the host organisation who can be put on a roster.
  core::Result<std::vector<RosterEntry>> Staff(const auth::Principal& who);
  // Members of the host organisation and of the programme's partner organisations (the host's
  // first) who can be put on the programme's rosters.
  core::Result<std::vector<RosterEntry>> Staff(const auth::Principal& who, std::int64_t program_id);

  // Scheduled days of the active organisation's programmes from `from` for `days` days, and
  // the days of other organisations' programmes whose roster names the staff member through a
  // partner organisation, in date order: the way in to the day's board for counselors.
  // Counts only, no person.
  core::Result<std::vector<UpcomingDay>> Upcoming(const auth::Principal& who, core::Date from,
                                                  int days);

  // --- the day's board (the host's counselors; partner staff on the day's roster, see
  // auth::RecordAccess::Day). Staff on the roster who have not acknowledged the programme's
  // confidentiality pledge for the day's fiscal year get kConflict "pledge.required".
  core::Result<DayBoard> Board(const auth::Principal& who, const audit::Actor& actor,
                               std::int64_t program_id, std::int64_t day_id);

  // --- bookings taken by staff
  // A booking by phone, mail or at the door (request.channel). Walk-ins are allowed on the
  // day itself while a place is free; other channels on any open day. The confirmation
  // e-mail goes out when an address is given.
  core::Result<BookingReceipt> BookForCaller(const auth::Principal& who, const audit::Actor& actor,
                                             std::int64_t program_id, const BookingRequest& request,
                                             const ConfirmationBuilder& confirmation);
  // Puts a person on the day's waiting list (no slot, no place taken).
  core::Result<BookingReceipt> AddToWaitingList(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t program_id,
                                                std::int64_t day_id, const BookingRequest& request);
  // booked → attended, with the time of arrival.
  core::Status CheckIn(const auth::Principal& who, const audit::Actor& actor,
                       std::int64_t program_id, std::int64_t booking_id);
  // Marks the person as one the staff should prepare for (配慮すべき相談者, seed 001 イ): a
  // flag only, no reason is written; the staff notice counts it without naming anyone.
  core::Status SetNeedsConsideration(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t booking_id, bool needed);
  // booked → no_show (無断キャンセル); the place is not given back (the time has passed).
  core::Status MarkNoShow(const auth::Principal& who, const audit::Actor& actor,
                          std::int64_t program_id, std::int64_t booking_id);
  // Cancels for the person (they called); the place goes back and is offered to the waiting
  // list in the same transaction.
  core::Status Cancel(const auth::Principal& who, const audit::Actor& actor,
                      std::int64_t program_id, std::int64_t booking_id);
  // Moves a booking to another slot (same programme, any open day): the new place is taken
  // first, so a full slot leaves the booking where it was (kConflict "booking.full").
  core::Status Reschedule(const auth::Principal& who, const audit::Actor& actor,
                          std::int64_t program_id, std::int64_t booking_id,
                          std::int64_t new_slot_id);
  // Booth number (1..day's booths) and the counselors (rostered staff) for one consultation.
  core::Status Assign(const auth::Principal& who, const audit::Actor& actor,
                      std::int64_t program_id, std::int64_t booking_id, std::optional<int> booth,
                      const std::vector<std::int64_t>& counselor_ids);

  // --- calls on 電話 / オンライン days (calls.cpp). The caller is the 事務局 (on or after the
  // day) or a counselor assigned to the booking, on the day (auth::RecordAccess::Booking);
  // another counselor gets kForbidden, another organisation kNotFound.
  // The call got through: the consultation takes place (booked → attended, like check-in).
  core::Status CallConnected(const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t program_id, std::int64_t booking_id);
  // Nobody answered: the try is recorded (time, caller) and may be repeated; the
  // kCallTries-th unanswered try closes the booking as 連絡つかず.
  core::Status CallNotAnswered(const auth::Principal& who, const audit::Actor& actor,
                               std::int64_t program_id, std::int64_t booking_id);
  static constexpr int kCallTries = 3;

  // --- walk-ins guided elsewhere (walk_ins.cpp): staff of the day record a person who came
  // without booking and was guided to another window (1..kMaxWindow code points); no
  // personal data. Returns the record's id.
  core::Result<std::int64_t> GuideElsewhere(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t program_id, std::int64_t day_id,
                                            const std::string& window);
  static constexpr std::size_t kMaxWindow = 200;

  // --- waiting list offers (public, by the link in the offer e-mail)
  core::Result<OfferView> FindOffer(const std::string& token);
  // offered → booked while the hold lasts; afterwards kNotFound.
  core::Status AcceptOffer(const std::string& token, const audit::Actor& actor);
  // Offers the day's free places (slots not yet begun) to the people waiting with an e-mail
  // address, first come first served, each with a hold and a link; people without an address
  // stay on the list for the 事務局 to call. Called after every cancellation.
  core::Result<int> OfferFreedPlaces(std::int64_t day_id);
  // Releases holds that expired, then offers the free places of every open day to the people
  // waiting (which also makes an offer a failed cancellation could not). Run by the scheduled
  // jobs every minute; returns how many holds were released.
  core::Result<int> ExpireOffers();

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  ConsultationService& consultations_;
  const core::Catalog& catalog_;
  const std::string& public_url_;  // the configuration's, which outlives this
};

}  // namespace tsunagu::consultations

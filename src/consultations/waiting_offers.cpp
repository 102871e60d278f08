// Freed places offered to the waiting list, held for a time, accepted or expired (declared in
// day_board.hpp).
#include <algorithm>
#include <set>

#include "auth/record_access.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/day_board.hpp"
#include "consultations/day_board_support.hpp"
#include "consultations/day_rows.hpp"
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

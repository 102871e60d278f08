#include "consultations/booking_list.hpp"

#include <array>

#include "storage/row.hpp"

namespace tsunagu::consultations {

namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;
using storage::IsNull;

constexpr std::array<const char*, 6> kStatuses = {"booked",  "cancelled", "attended",
                                                  "no_show", "waiting",   "offered"};

}  // namespace

bool IsBookingStatus(const std::string& status) {
  for (const char* s : kStatuses) {
    if (status == s) return true;
  }
  return false;
}

core::Result<std::vector<ListedBooking>> ListBookings(
    storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
    const auth::Principal& who, const audit::Actor& actor, const BookingListQuery& q) {
  // A write transaction: reading names and contacts writes an audit event.
  return db.Write<std::vector<ListedBooking>>([&](soci::session& s) {
    long long program = q.program_id;
    long long org = 0;
    soci::indicator found = soci::i_null;
    s << "SELECT organization_id FROM program WHERE id = :p", soci::use(program),
        soci::into(org, found);
    // Another organisation's programme answers like a missing one.
    if (found != soci::i_ok || !auth::Policy::CanCoordinate(who, org)) {
      throw Abort{core::Error::NotFound()};
    }
    const std::string from = q.from.value_or("");
    const std::string to = q.to.value_or("9999-12-31");
    const std::string status = q.status.value_or("");
    const int has_status = q.status ? 1 : 0;
    const BookingListKey after = q.after.value_or(BookingListKey{"", -1, 0});
    const int has_after = q.after ? 1 : 0;
    long long after_start = after.start_minutes;
    long long after_id = after.id;
    int limit = q.limit + 1;
    const std::string start =
        "COALESCE(sl.start_minutes, " + std::to_string(kWaitingListStart) + ")";
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.id, b.reference, b.day_id, d.day_date, b.slot_id, " + start +
                          ", sl.end_minutes, b.status, b.channel, b.created_at, b.checked_in_at, "
                          "b.booth, (SELECT COUNT(*) FROM consultation_record r WHERE "
                          "r.booking_id = b.id), b.name_enc, b.furigana_enc, b.phone_enc, "
                          "b.email_enc FROM booking b JOIN consultation_day d ON d.id = b.day_id "
                          "LEFT JOIN consultation_slot sl ON sl.id = b.slot_id "
                          "WHERE d.program_id = :p AND d.day_date >= :f AND d.day_date <= :t "
                          "AND (:hs = 0 OR b.status = :s) AND (:ha = 0 OR d.day_date > :ad OR "
                          "(d.day_date = :ad2 AND (" +
                          start + " > :am OR (" + start +
                          " = :am2 AND b.id > :ai)))) "
                          "ORDER BY d.day_date, " +
                          start + ", b.id LIMIT :l",
         soci::use(program), soci::use(from), soci::use(to), soci::use(has_status),
         soci::use(status), soci::use(has_after), soci::use(after.date), soci::use(after.date),
         soci::use(after_start), soci::use(after_start), soci::use(after_id), soci::use(limit));
    std::vector<ListedBooking> out;
    for (const auto& r : rows) {
      ListedBooking b;
      b.key.id = GetInt(r, 0);
      b.reference = GetText(r, 1);
      b.day_id = GetInt(r, 2);
      b.key.date = GetText(r, 3);
      if (!IsNull(r, 4)) {
        b.slot_id = GetInt(r, 4);
        b.end_minutes = static_cast<int>(GetInt(r, 6));
      }
      b.key.start_minutes = GetInt(r, 5);
      b.status = GetText(r, 7);
      b.channel = GetText(r, 8);
      b.created_at = GetInt(r, 9);
      if (!IsNull(r, 10)) b.checked_in_at = GetInt(r, 10);
      if (!IsNull(r, 11)) b.booth = static_cast<int>(GetInt(r, 11));
      b.has_record = GetInt(r, 12) > 0;
      const std::string ad = "booking:" + b.reference + ":";
      auto open = [&](std::size_t column, const char* name) {
        auto plain = cipher.Decrypt(GetText(r, column), ad + name);
        return plain ? *plain : std::string();
      };
      b.contact.name = open(13, "name");
      b.contact.furigana = open(14, "furigana");
      b.contact.phone = open(15, "phone");
      b.contact.email = open(16, "email");
      out.push_back(std::move(b));
    }
    if (!out.empty()) {
      audit::AuditLog::Append(
          s, actor,
          {"booking.read", "program", std::to_string(q.program_id),
           "{\"bookings\":" + std::to_string(out.size()) + ",\"via\":\"api\"}", org},
          clock.NowSeconds());
    }
    return out;
  });
}

}  // namespace tsunagu::consultations

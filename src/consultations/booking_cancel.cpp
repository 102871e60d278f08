#include "consultations/booking_cancel.hpp"

#include "crypto/random.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

core::Result<CancelView> BookingCancel::FindByCancelToken(const std::string& token) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  auto found = db_.Read<std::optional<CancelView>>([&](soci::session& s) {
    std::optional<CancelView> view;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT b.reference, d.day_date, sl.start_minutes, sl.end_minutes, d.mode, "
                      "d.venue FROM booking b JOIN consultation_day d ON d.id = b.day_id JOIN "
                      "consultation_slot sl ON sl.id = b.slot_id WHERE b.cancel_token_hash = :h "
                      "AND b.status = 'booked'",
         soci::use(hash));
    for (const auto& r : rows) {
      CancelView v;
      v.reference = storage::GetText(r, 0);
      auto date = core::ParseIsoDate(storage::GetText(r, 1));
      if (!date) continue;
      v.date = *date;
      v.start_minutes = static_cast<int>(storage::GetInt(r, 2));
      v.end_minutes = static_cast<int>(storage::GetInt(r, 3));
      v.mode = storage::GetText(r, 4);
      v.venue = storage::GetText(r, 5);
      view = v;
    }
    return view;
  });
  if (!found) return found.error();
  if (!*found) return core::Error::NotFound();
  return **found;
}

core::Result<std::int64_t> BookingCancel::CancelByToken(const std::string& token,
                                                        const audit::Actor& actor) {
  if (token.empty() || token.size() > 128) return core::Error::NotFound();
  const std::string hash = crypto::HashToken(token);
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    long long id = 0;
    long long slot_id = 0;
    long long org = 0;
    long long day_id = 0;
    soci::indicator slot_ind = soci::i_ok;
    s << "SELECT b.id, b.slot_id, p.organization_id, b.day_id FROM booking b JOIN "
         "consultation_day d ON d.id = b.day_id JOIN program p ON p.id = d.program_id WHERE "
         "b.cancel_token_hash = :h",
        soci::use(hash), soci::into(id), soci::into(slot_id, slot_ind), soci::into(org),
        soci::into(day_id);
    if (!s.got_data()) throw storage::Abort{core::Error::NotFound()};
    long long at = now;
    // Only the request that changes the status gives the place back: a second cancel (or a
    // parallel one) changes no row and so frees nothing.
    soci::statement cancel =
        (s.prepare << "UPDATE booking SET status = 'cancelled', updated_at = :u WHERE id = :id "
                      "AND status = 'booked'",
         soci::use(at), soci::use(id));
    cancel.execute(true);
    if (cancel.get_affected_rows() != 1) return 0;
    if (slot_ind == soci::i_ok) {
      s << "UPDATE consultation_slot SET booked = booked - 1 WHERE id = :id AND booked > 0",
          soci::use(slot_id);
    }
    audit::AuditLog::Append(s, actor, {"booking.cancel", "booking", std::to_string(id), "{}", org},
                            now);
    return day_id;
  });
}

namespace {

// Counts one submission of `key` in `s`; returns the window's count including it.
long long CountSubmission(soci::session& s, std::int64_t now, const std::string& client_address,
                          int window_seconds) {
  const std::string key = "book:" + crypto::HashToken(client_address);
  long long n = now;
  long long window = window_seconds;
  // One statement counts (or starts the address's row) and restarts an old window, so parallel
  // requests all count, and returns the count (PostgreSQL). SQLite reads the count with a
  // second statement in the same transaction, which its one writer at a time keeps exact: a
  // RETURNING clause cost it a temporary B-tree at every execution.
  const bool postgresql = s.get_backend_name() == "postgresql";
  const std::string upsert =
      "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES "
      "(:k, 1, :n, 0) ON CONFLICT (throttle_key) DO UPDATE SET failures = CASE WHEN :n2 - "
      "login_throttle.window_start > :w THEN 1 ELSE login_throttle.failures + 1 END, "
      "window_start = CASE WHEN :n3 - login_throttle.window_start > :w2 THEN :n4 ELSE "
      "login_throttle.window_start END";
  long long failures = 0;
  if (postgresql) {
    s << upsert + " RETURNING failures", soci::use(key), soci::use(n), soci::use(n),
        soci::use(window), soci::use(n), soci::use(window), soci::use(n), soci::into(failures);
    return failures;
  }
  s << upsert, soci::use(key), soci::use(n), soci::use(n), soci::use(window), soci::use(n),
      soci::use(window), soci::use(n);
  s << "SELECT failures FROM login_throttle WHERE throttle_key = :k", soci::use(key),
      soci::into(failures);
  return failures;
}

}  // namespace

core::Status CountPublicSubmission(storage::Database& db, std::int64_t now,
                                   const std::string& client_address, int limit,
                                   int window_seconds) {
  auto count = db.Write<long long>(
      [&](soci::session& s) { return CountSubmission(s, now, client_address, window_seconds); });
  if (!count) return count.error();
  if (*count > limit) return core::Error::RateLimited();
  return core::Ok{};
}

void CountPublicSubmissionIn(soci::session& s, std::int64_t now, const std::string& client_address,
                             int limit, int window_seconds) {
  if (CountSubmission(s, now, client_address, window_seconds) > limit) {
    throw storage::Abort{core::Error::RateLimited()};
  }
}

}  // namespace tsunagu::consultations

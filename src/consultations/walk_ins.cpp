// Walk-ins guided elsewhere (seed 001: 予約なしの相談者の相談内容などの確認及び適切な相談窓口への
// 誘導): the day's staff record that a person came without booking and was sent to another
// window. Nothing about the person is kept: the day, the window, who recorded it and when.
#include "consultations/calls.hpp"
#include "consultations/day_board_support.hpp"
#include "core/text.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {

using namespace board_detail;  // NOLINT(google-build-using-namespace): this domain's own helpers
using storage::Abort;
using storage::GetInt;
using storage::GetText;

core::Result<std::int64_t> DayBoardService::GuideElsewhere(const auth::Principal& who,
                                                           const audit::Actor& actor,
                                                           std::int64_t program_id,
                                                           std::int64_t day_id,
                                                           const std::string& window) {
  const std::string text = core::Trim(core::NormalizeNfkc(window));
  if (text.empty()) {
    return core::Error::Invalid("error.form", {{"window", "phoneday.error.window_required"}});
  }
  if (core::CountCodePoints(text) > kMaxWindow) {
    return core::Error::Invalid("error.form", {{"window", "error.too_long"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<std::int64_t>([&](soci::session& s) -> std::int64_t {
    const DayRef day = DayFor(s, who, program_id, day_id, false);
    // People come to the door on the day; a missed one may be entered afterwards, never before.
    if (day.day.status != "scheduled" || core::DaysBetween(day.day.date, today) < 0) {
      throw Abort{core::Error::Conflict("phoneday.error.guided_not_yet")};
    }
    long long did = day_id;
    long long user = who.user_id;
    long long at = now;
    long long id = 0;
    s << "INSERT INTO walk_in_guidance (day_id, window_name, recorded_by, recorded_at) VALUES "
         "(:d, :w, :u, :t) RETURNING id",
        soci::use(did), soci::use(text), soci::use(user), soci::use(at), soci::into(id);
    audit::AuditLog::Append(s, actor,
                            {"walk_in.guided", "consultation_day", std::to_string(day_id),
                             "{\"guidance\":" + std::to_string(id) + "}", day.org},
                            now);
    return static_cast<std::int64_t>(id);
  });
}

void AttachGuided(soci::session& s, DayBoard& board) {
  long long did = board.day.id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, window_name, recorded_at FROM walk_in_guidance WHERE day_id = :d "
                    "ORDER BY recorded_at, id",
       soci::use(did));
  for (const auto& r : rows) board.guided.push_back({GetInt(r, 0), GetText(r, 1), GetInt(r, 2)});
}

std::int64_t CountGuidedElsewhere(soci::session& s, std::int64_t program_id,
                                  const std::string& first, const std::string& last) {
  long long pid = program_id;
  std::string a = first;
  std::string b = last;
  long long n = 0;
  s << "SELECT COUNT(*) FROM walk_in_guidance g JOIN consultation_day d ON d.id = g.day_id WHERE "
       "d.program_id = :p AND d.day_date BETWEEN :a AND :b AND d.status <> 'cancelled'",
      soci::use(pid), soci::use(a), soci::use(b), soci::into(n);
  return n;
}

}  // namespace tsunagu::consultations

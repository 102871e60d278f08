#include "consultations/record_list.hpp"

#include "core/text.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::consultations {

namespace {

using storage::GetInt;
using storage::GetText;

// As records.cpp seals them.
std::string Ad(std::int64_t record_id, const char* column) {
  return "record:" + std::to_string(record_id) + ":" + column;
}

}  // namespace

core::Result<std::vector<ListedRecord>> ListRecords(
    storage::Database& db, const crypto::FieldCipher& cipher, const core::Clock& clock,
    const auth::Principal& who, const audit::Actor& actor, const RecordListQuery& q) {
  const std::int64_t org = who.organization_id;
  if (org == 0 || !auth::Policy::CanCounsel(who, org)) return core::Error::Forbidden();
  // A write transaction: each record read writes its audit event.
  return db.Write<std::vector<ListedRecord>>([&](soci::session& s) {
    long long o = org;
    const std::string from = q.from.value_or("");
    const std::string to = q.to.value_or("9999-12-31");
    const RecordListKey after = q.after.value_or(RecordListKey{"", 0});
    const int has_after = q.after ? 1 : 0;
    long long after_id = after.id;
    int limit = q.limit + 1;
    std::vector<ListedRecord> out;
    {
      soci::rowset<soci::row> rows =
          (s.prepare
               << "SELECT r.id, r.booking_id, r.day_id, r.professions, r.topics, "
                  "r.referred_to, r.outcome, r.follow_up, r.minutes, r.summary_enc, "
                  "r.info_given_enc, r.author_id, u.display_name, r.version, r.created_at, "
                  "r.updated_at, d.day_date, d.program_id, b.reference "
                  "FROM consultation_record r JOIN consultation_day d ON d.id = r.day_id "
                  "JOIN program p ON p.id = d.program_id JOIN booking b ON b.id = r.booking_id "
                  "LEFT JOIN app_user u ON u.id = r.author_id "
                  "WHERE p.organization_id = :o AND d.day_date >= :f AND d.day_date <= :t "
                  "AND (:ha = 0 OR d.day_date > :ad OR (d.day_date = :ad2 AND r.id > :ai)) "
                  "ORDER BY d.day_date, r.id LIMIT :l",
           soci::use(o), soci::use(from), soci::use(to), soci::use(has_after),
           soci::use(after.date), soci::use(after.date), soci::use(after_id), soci::use(limit));
      for (const auto& r : rows) {
        ListedRecord l;
        auto& c = l.record;
        c.id = GetInt(r, 0);
        c.booking_id = GetInt(r, 1);
        c.day_id = GetInt(r, 2);
        c.input.professions = core::SplitCodes(GetText(r, 3));
        c.input.topics = core::SplitCodes(GetText(r, 4));
        c.input.referred_to = core::SplitCodes(GetText(r, 5));
        c.input.outcome = GetText(r, 6);
        c.input.follow_up = GetText(r, 7);
        c.input.minutes = static_cast<int>(GetInt(r, 8));
        c.input.summary = storage::Unseal(cipher, GetText(r, 9), Ad(c.id, "summary"));
        c.input.info_given = storage::Unseal(cipher, GetText(r, 10), Ad(c.id, "info_given"));
        c.author_id = GetInt(r, 11);
        c.author_name = GetText(r, 12);
        c.version = static_cast<int>(GetInt(r, 13));
        c.created_at = GetInt(r, 14);
        c.updated_at = GetInt(r, 15);
        l.key = {GetText(r, 16), c.id};
        l.program_id = GetInt(r, 17);
        l.reference = GetText(r, 18);
        out.push_back(std::move(l));
      }
    }
    const std::int64_t now = clock.NowSeconds();
    for (const auto& l : out) {
      audit::AuditLog::Append(
          s, actor,
          {"record.read", "consultation_record", std::to_string(l.record.id),
           "{\"booking_id\":" + std::to_string(l.record.booking_id) + ",\"via\":\"api\"}", org},
          now);
    }
    return out;
  });
}

}  // namespace tsunagu::consultations

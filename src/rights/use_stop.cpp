#include "rights/use_stop.hpp"

#include "core/result.hpp"
#include "core/text.hpp"
#include "storage/database.hpp"

namespace tsunagu::rights {

std::vector<std::string> StopKeys(const crypto::FieldCipher& cipher, const std::string& name,
                                  const std::string& kana, const std::string& phone,
                                  const std::string& email) {
  std::vector<std::string> keys;
  const std::string p = core::NormalizePhone(phone);
  if (!p.empty()) keys.push_back(cipher.BlindIndex("phone:" + p, "rights.stop"));
  const std::string e = core::NormalizeForSearch(email);
  if (!e.empty()) keys.push_back(cipher.BlindIndex("email:" + e, "rights.stop"));
  const std::string n = core::NormalizeForSearch(name);
  const std::string k = core::NormalizeForSearch(kana);
  if (!n.empty() && !k.empty()) {
    keys.push_back(cipher.BlindIndex("name:" + n + "|" + k, "rights.stop"));
  }
  return keys;
}

void RefuseStoppedBooking(soci::session& s, const crypto::FieldCipher& cipher, std::int64_t day_id,
                          const std::string& name, const std::string& kana,
                          const std::string& phone, const std::string& email) {
  long long day = day_id;
  long long org = 0;
  s << "SELECT p.organization_id FROM consultation_day d JOIN program p ON p.id = d.program_id "
       "WHERE d.id = :d",
      soci::use(day), soci::into(org);
  if (!s.got_data()) return;
  for (const std::string& key : StopKeys(cipher, name, kana, phone, email)) {
    long long found = 0;
    s << "SELECT COUNT(*) FROM use_stop_key WHERE organization_id = :o AND digest = :k",
        soci::use(org), soci::use(key), soci::into(found);
    if (found > 0) {
      throw storage::Abort{
          core::Error::Invalid("rights.stopped.booking", {{"name", "rights.stopped.booking"}})};
    }
  }
}

namespace {

[[noreturn]] void Refuse(const char* key) {
  throw storage::Abort{core::Error::Conflict(key)};
}

}  // namespace

void RefuseStoppedProvision(soci::session& s, std::int64_t client_id) {
  long long id = client_id;
  long long stopped = 0;
  s << "SELECT COUNT(*) FROM client WHERE id = :c AND use_stopped_at IS NOT NULL", soci::use(id),
      soci::into(stopped);
  if (stopped > 0) Refuse("rights.stopped.provision");
}

void RefuseStoppedRecord(soci::session& s, std::int64_t booking_id) {
  long long id = booking_id;
  long long stopped = 0;
  s << "SELECT COUNT(*) FROM client c WHERE c.booking_id = :b AND c.use_stopped_at IS NOT NULL "
       "AND NOT EXISTS (SELECT 1 FROM consultation_record r WHERE r.booking_id = c.booking_id)",
      soci::use(id), soci::into(stopped);
  if (stopped > 0) Refuse("rights.stopped.record");
}

void RefuseStoppedCaseEntry(soci::session& s, std::int64_t case_id) {
  long long id = case_id;
  long long stopped = 0;
  s << "SELECT COUNT(*) FROM support_case k JOIN client c ON c.id = k.client_id WHERE k.id = :k "
       "AND k.organization_id = c.organization_id AND c.use_stopped_at IS NOT NULL",
      soci::use(id), soci::into(stopped);
  if (stopped > 0) Refuse("rights.stopped.record");
}

}  // namespace tsunagu::rights

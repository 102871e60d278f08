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

}  // namespace tsunagu::rights

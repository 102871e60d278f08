#include "salons_data.hpp"

#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "consultations/schedule_year.hpp"

namespace tsunagu::testing {

SalonWorld MakeSalonWorld(TestServer& t) {
  SalonWorld w;
  w.centre = t.CreateOrg("つなぐ県がん連携サポートセンター", "municipality");
  w.hospital = t.CreateOrg("みどり総合病院", "hospital");
  const auto a =
      t.CreateUser({"centre@example.jp", "連携 事務局", "coordinator", "clerical", w.centre});
  const auto b =
      t.CreateUser({"hospital@example.jp", "病院 事務局", "coordinator", "clerical", w.hospital});
  t.CreateUser({"counsel@example.jp", "相談 看護", "counselor", "nurse", w.centre});
  w.centre_coordinator = As(a, w.centre, auth::Role::kCoordinator);
  w.hospital_coordinator = As(b, w.hospital, auth::Role::kCoordinator);
  w.actor = {a, w.centre, "t", "t"};
  return w;
}

salons::SalonInput HidamariInput() {
  salons::SalonInput in;
  in.name = "ひだまりサロン";
  in.furigana = "ひだまりさろん";
  in.host_kind = "patient_group";
  in.host_name = "みどり患者会";
  in.caretaker_roles = "代表世話人・ピアサポーター";
  in.rule.occurrences = {{3, 6}};
  in.rule.start_minutes = 13 * 60 + 30;
  in.rule.end_minutes = 15 * 60 + 30;
  in.venue = "みどり市民センター 2階和室";
  in.access = "みどり駅から徒歩5分";
  in.municipality = "みどり市";
  in.audience = "がん患者さんとご家族";
  in.network = "がんサロンネットワークつなぐ";
  in.contact = "みどり患者会 096-000-0000";
  return in;
}

std::vector<std::pair<std::string, std::string>> HidamariForm() {
  return {{"name", "ひだまりサロン"},
          {"furigana", "ひだまりさろん"},
          {"host_kind", "patient_group"},
          {"host_name", "みどり患者会"},
          {"caretaker_roles", "代表世話人・ピアサポーター"},
          {"occ1_nth", "3"},
          {"occ1_weekday", "6"},
          {"start_time", "13:30"},
          {"end_time", "15:30"},
          {"on_holiday", "skip"},
          {"venue", "みどり市民センター 2階和室"},
          {"access", "みどり駅から徒歩5分"},
          {"municipality", "みどり市"},
          {"audience", "がん患者さんとご家族"},
          {"network", "がんサロンネットワークつなぐ"},
          {"contact", "みどり患者会 096-000-0000"},
          {"capacity", "0"},
          {"status", "active"}};
}

salons::SalonService Salons(TestServer& t) {
  const auto* holidays = consultations::LoadedHolidays(t.config().data_dir);
  EXPECT_NE(holidays, nullptr);
  return salons::SalonService(
      t.sv().db, t.sv().clock, *holidays,
      {t.sv().cipher, t.sv().outbox, t.sv().catalog, t.sv().config.server.public_url});
}

peers::PeerService Peers(TestServer& t) {
  return peers::PeerService(t.sv().db, t.sv().clock, t.sv().cipher);
}

peers::PeerInput HimawariInput() {
  peers::PeerInput in;
  in.display_name = "ひまわりさん";
  in.real_name = "山田 花子";
  in.phone = "090-1111-2222";
  in.email = "hanako@example.jp";
  in.address = "みどり市中央1-1";
  in.area = "みどり市";
  in.consent_date = "2026-04-01";
  in.activities = {"salon", "talk"};
  in.status = "active";
  return in;
}

std::int64_t SalonRows(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long count = 0;
    s << sql, soci::into(count);
    return static_cast<std::int64_t>(count);
  });
  return n.ok() ? *n : -1;
}

}  // namespace tsunagu::testing

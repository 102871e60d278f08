#include "directory_data.hpp"

#include <gtest/gtest.h>

#include "consultation_data.hpp"

namespace tsunagu::testing {

directory::ServiceInput FertilityInput(std::int64_t organization_id) {
  directory::ServiceInput in;
  in.organization_id = organization_id;
  in.name = "がん・生殖医療相談窓口";
  in.furigana = "がんせいしょくいりょうそうだんまどぐち";
  in.description = "妊孕性温存療法について、看護師と相談員がお話を伺います。";
  in.category = "fertility";
  in.eligibility = "がんと診断された40歳未満の方とご家族";
  in.fees = "無料";
  in.application = "電話で予約してください。";
  in.url = "https://example.jp/fertility";
  in.prefecture = "つなぐ県";
  in.municipality = "みどり市";
  in.address = "中央1-2-3 つなぐ県総合保健センター3階";
  in.postal_code = "860-0001";
  in.access = "みどり駅から徒歩5分";
  in.phone = "０９６－１２３－４５６７";
  in.schedule = "平日 9:00〜17:00";
  return in;
}

DirectoryWorld MakeDirectoryWorld(TestServer& t) {
  DirectoryWorld w;
  w.centre = t.CreateOrg("つなぐ県がん連携サポートセンター", "municipality");
  w.sharoushi = t.CreateOrg("つなぐ県社会保険労務士会", "employment_support");
  const auto a =
      t.CreateUser({"centre@example.jp", "連携 事務局", "coordinator", "clerical", w.centre});
  const auto b = t.CreateUser(
      {"sharoushi@example.jp", "労務 事務局", "coordinator", "labor_consultant", w.sharoushi});
  t.CreateUser({"nurse@example.jp", "相談 看護", "counselor", "nurse", w.centre});
  w.centre_coordinator = As(a, w.centre, auth::Role::kCoordinator);
  w.sharoushi_coordinator = As(b, w.sharoushi, auth::Role::kCoordinator);
  w.actor = {a, w.centre, "t", "t"};
  directory::DirectoryService dir(t.sv().db, t.sv().clock);
  auto network = dir.CreateOrganization(
      w.centre_coordinator, w.actor,
      {"つなぐ県がん・生殖医療ネットワーク", "つなぐけんがんせいしょくいりょうねっとわーく",
       "県内のがん治療施設と生殖医療施設のネットワークです。", "https://example.jp/", ""});
  EXPECT_TRUE(network.ok());
  w.network = network.ok() ? *network : 0;
  auto fertility = dir.CreateService(w.centre_coordinator, w.actor, FertilityInput(w.network));
  EXPECT_TRUE(fertility.ok());
  w.fertility = fertility.ok() ? *fertility : 0;
  auto office = dir.CreateOrganization(w.centre_coordinator, w.actor,
                                       {"ハローワークみどり", "はろーわーくみどり", "", "", ""});
  EXPECT_TRUE(office.ok());
  directory::ServiceInput hw;
  hw.organization_id = office.ok() ? *office : 0;
  hw.name = "ハローワークみどり 専門援助部門";
  hw.furigana = "はろーわーくみどり";
  hw.category = "hello_work";
  hw.description = "就職支援ナビゲーターが、治療と両立できる仕事探しをお手伝いします。";
  hw.phone = "096-222-3333";
  auto hello = dir.CreateService(w.centre_coordinator, w.actor, hw);
  EXPECT_TRUE(hello.ok());
  w.hello_work = hello.ok() ? *hello : 0;
  audit::Actor actor_b{b, w.sharoushi, "t", "t"};
  auto assoc = dir.CreateOrganization(w.sharoushi_coordinator, actor_b,
                                      {"つなぐ県社会保険労務士会", "", "", "", ""});
  EXPECT_TRUE(assoc.ok());
  directory::ServiceInput lab;
  lab.organization_id = assoc.ok() ? *assoc : 0;
  lab.name = "社労士による両立支援相談";
  lab.category = "labor_and_law";
  auto labor = dir.CreateService(w.sharoushi_coordinator, actor_b, lab);
  EXPECT_TRUE(labor.ok());
  w.labor = labor.ok() ? *labor : 0;
  return w;
}

std::int64_t CountOf(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long count = 0;
    s << sql, soci::into(count);
    return static_cast<std::int64_t>(count);
  });
  return n.ok() ? *n : -1;
}

}  // namespace tsunagu::testing

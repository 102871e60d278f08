// The information directory's pages (issue 15) on both engines: anyone finds active entries
// grouped by category and searches them in Japanese with hiragana/katakana and full/half-width
// folded; coordinators add and edit their own organisation's entries through the forms (with
// clear errors and their input kept, every change audited), may not edit another
// organisation's (403 for a public entry, 404 for one the public cannot see), and deactivate
// instead of deleting.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "directory_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string ServicePath(std::int64_t id) {
  return "/directory/services/" + std::to_string(id);
}
std::string EditPath(std::int64_t id) {
  return "/directory/manage/services/" + std::to_string(id);
}

TEST(DirectoryPagesTest, AnyoneSeesActiveEntriesByCategoryAndSearchesAcrossKanaAndWidths) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto visitor = t.NewClient();
  auto list = visitor.Get("/directory");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, HasSubstr("生殖医療・妊孕性"));
  EXPECT_THAT(list.body, HasSubstr("がん・生殖医療相談窓口"));
  EXPECT_THAT(list.body, HasSubstr("社労士による両立支援相談"));
  // Categories in the order of seed 004's list, then seed 000's (社労士・弁護士, ハローワーク).
  EXPECT_LT(list.body.find("がん・生殖医療相談窓口"), list.body.find("社労士による両立支援相談"));
  EXPECT_LT(list.body.find("社労士による両立支援相談"), list.body.find("ハローワークみどり"));

  // ふりがな stored in hiragana, searched in katakana and in half-width katakana.
  auto katakana = visitor.Get("/directory?q=" + http::PercentEncode("セイショクイリョウ"));
  ASSERT_EQ(katakana.status, 200);
  EXPECT_THAT(katakana.body, HasSubstr("がん・生殖医療相談窓口"));
  EXPECT_THAT(katakana.body, Not(HasSubstr("社労士による両立支援相談")));
  EXPECT_THAT(katakana.body, HasSubstr("検索結果：1件"));
  auto half = visitor.Get("/directory?q=" + http::PercentEncode("ﾊﾛｰﾜｰｸ"));
  EXPECT_THAT(half.body, HasSubstr("ハローワークみどり 専門援助部門"));
  EXPECT_THAT(half.body, Not(HasSubstr("がん・生殖医療相談窓口")));
  // The organisation's name is searched too, and every word must match.
  auto by_org = visitor.Get("/directory?q=" + http::PercentEncode("ネットワーク　妊孕性"));
  EXPECT_THAT(by_org.body, HasSubstr("がん・生殖医療相談窓口"));
  EXPECT_THAT(by_org.body, Not(HasSubstr("ハローワークみどり")));
  EXPECT_THAT(t.NewClient().Get("/directory?lang=en").body,
              HasSubstr("Fertility and reproductive care"));
  auto none = visitor.Get("/directory?q=" + http::PercentEncode("存在しない窓口"));
  EXPECT_THAT(none.body, HasSubstr("該当する窓口・情報は見つかりませんでした"));

  auto one = visitor.Get(ServicePath(w.fertility));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_THAT(one.body, HasSubstr("<h1>がん・生殖医療相談窓口</h1>"));
  EXPECT_THAT(one.body, HasSubstr("096-123-4567"));  // full-width input, shown hyphenated
  EXPECT_THAT(one.body, HasSubstr("tel:0961234567"));
  EXPECT_THAT(one.body, HasSubstr("平日 9:00〜17:00"));
  EXPECT_THAT(one.body, HasSubstr("〒860-0001 つなぐ県みどり市中央1-2-3"));
  EXPECT_THAT(one.body, HasSubstr("つなぐ県がん・生殖医療ネットワーク"));
  EXPECT_EQ(visitor.Get(ServicePath(999999)).status, 404);
  EXPECT_EQ(visitor.Get("/directory/services/abc").status, 404);
}

TEST(DirectoryPagesTest, CoordinatorAddsAnOrganisationAndAServiceThroughTheFormsAudited) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  auto made = office.Submit("/directory/manage/organizations/new",
                            {{"name", "みどり市 保健センター"},
                             {"furigana", "ミドリシ ホケンセンター"},
                             {"website", "https://example.jp/midori"}},
                            "/directory/manage/organizations");
  ASSERT_EQ(made.status, 303) << made.body;
  EXPECT_THAT(office.Get(made.Header("location")).body, HasSubstr("提供機関を追加しました"));
  const auto org = CountOf(t, "SELECT MAX(id) FROM directory_organization");
  auto added = office.Submit("/directory/manage/services/new",
                             {{"organization", std::to_string(org)},
                              {"category", "disaster"},
                              {"name", "災害時の在宅療養相談"},
                              {"furigana", "さいがいじのざいたくりょうようそうだん"},
                              {"phone", "096-555-0000"},
                              {"schedule", "平日 8:30〜17:15"}},
                             "/directory/manage/services");
  ASSERT_EQ(added.status, 303) << added.body;
  auto manage = office.Get(added.Header("location"));
  EXPECT_THAT(manage.body, HasSubstr("相談窓口・情報を追加しました"));
  EXPECT_THAT(manage.body, HasSubstr("災害時の在宅療養相談"));
  EXPECT_THAT(manage.body, Not(HasSubstr("社労士による両立支援相談")));  // the association's
  EXPECT_THAT(t.NewClient().Get("/directory?q=" + http::PercentEncode("ザイタク")).body,
              HasSubstr("災害時の在宅療養相談"));
  EXPECT_EQ(CountOf(t,
                    "SELECT COUNT(*) FROM audit_event WHERE action = "
                    "'directory_organization.create'"),
            4);
  EXPECT_EQ(CountOf(t,
                    "SELECT COUNT(*) FROM audit_event WHERE action = "
                    "'directory_service.create'"),
            4);

  // Editing: the form shows what is stored; saving is audited with the fields that changed.
  auto form = office.Get(EditPath(w.fertility));
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"がんせいしょくいりょうそうだんまどぐち\""));
  auto input = FertilityInput(w.network);
  auto saved = office.Submit(EditPath(w.fertility), {{"organization", std::to_string(w.network)},
                                                     {"category", "fertility"},
                                                     {"name", input.name},
                                                     {"furigana", input.furigana},
                                                     {"schedule", "毎週火曜 13:00〜16:00"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_THAT(t.NewClient().Get(ServicePath(w.fertility)).body, HasSubstr("毎週火曜 13:00〜16:00"));
  EXPECT_EQ(CountOf(t,
                    "SELECT COUNT(*) FROM audit_event WHERE action = "
                    "'directory_service.update' AND detail LIKE '%schedule%'"),
            1);
}

TEST(DirectoryPagesTest, BadInputGetsJapaneseMessagesKeepsWhatWasTypedAndChangesNothing) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  const auto before = CountOf(t, "SELECT COUNT(*) FROM directory_service");
  auto bad = office.Submit("/directory/manage/services/new",
                           {{"organization", std::to_string(w.network)},
                            {"category", "nonsense"},
                            {"name", ""},
                            {"furigana", "漢字の読み"},
                            {"phone", "12-34"},
                            {"url", "javascript:alert(1)"},
                            {"postal_code", "86-1"},
                            {"schedule", "土曜 10:00〜12:00"}},
                           "/directory/manage/services");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("ふりがなは、ひらがなまたはカタカナで入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("電話番号は市外局番から入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("ウェブサイトは https:// から始まるアドレスで入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("郵便番号は7桁の数字で入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("分野を選んでください"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"漢字の読み\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"土曜 10:00〜12:00\""));
  EXPECT_THAT(bad.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM directory_service"), before);

  // Another organisation's directory organisation cannot be chosen for a service.
  const auto theirs = CountOf(t, "SELECT MAX(id) FROM directory_organization");
  auto foreign = office.Submit(
      "/directory/manage/services/new",
      {{"organization", std::to_string(theirs)}, {"category", "other"}, {"name", "なりすまし窓口"}},
      "/directory/manage/services");
  EXPECT_EQ(foreign.status, 422);
  EXPECT_THAT(foreign.body, HasSubstr("提供機関を選んでください"));
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM directory_service"), before);
}

TEST(DirectoryPagesTest, AnOrganisationIsEditedWithItsErrorsShownAndTheChangeAudited) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  const std::string page = "/directory/manage/organizations/" + std::to_string(w.network);
  auto form = office.Get(page);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"つなぐ県がん・生殖医療ネットワーク\""));
  auto bad = office.Submit(page, {{"name", "つなぐ県がん・生殖医療ネットワーク（改称）"},
                                  {"website", "ftp://example.jp"},
                                  {"email", "soudan@"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("ウェブサイトは https:// から始まるアドレスで入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("メールアドレスを正しく入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"つなぐ県がん・生殖医療ネットワーク（改称）\""));
  EXPECT_THAT(t.NewClient().Get(ServicePath(w.fertility)).body, Not(HasSubstr("（改称）")));
  auto saved = office.Submit(page, {{"name", "つなぐ県がん・生殖医療ネットワーク（改称）"},
                                    {"website", "https://example.jp/new"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  // Its services show the new name, and the new name is searched.
  EXPECT_THAT(t.NewClient().Get("/directory?q=" + http::PercentEncode("改称")).body,
              HasSubstr("がん・生殖医療相談窓口"));
  EXPECT_EQ(CountOf(t,
                    "SELECT COUNT(*) FROM audit_event WHERE action = "
                    "'directory_organization.update' AND detail LIKE '%website%'"),
            1);
}

TEST(DirectoryPagesTest, OnlyTheOwningOrganisationsCoordinatorsEditAndDeactivateInsteadOfDelete) {
  TestServer t;
  const auto w = MakeDirectoryWorld(t);
  auto other = t.LoginAs("sharoushi@example.jp");
  // A public entry of another organisation: readable, not editable (403), unchanged.
  EXPECT_EQ(other.Get(EditPath(w.fertility)).status, 403);
  auto overwrite = other.Submit(
      EditPath(w.labor),
      {{"organization", std::to_string(w.network)}, {"category", "other"}, {"name", "上書き"}},
      EditPath(w.fertility));
  EXPECT_EQ(overwrite.status, 403);
  auto deactivate_theirs =
      other.Submit(EditPath(w.labor), {}, EditPath(w.fertility) + "/deactivate");
  EXPECT_EQ(deactivate_theirs.status, 403);
  EXPECT_EQ(other.Get("/directory/manage/organizations/" + std::to_string(w.network)).status, 403);
  EXPECT_THAT(t.NewClient().Get(ServicePath(w.fertility)).body,
              HasSubstr("がん・生殖医療相談窓口"));

  // A counselor maintains nothing; a visitor is sent to log in.
  auto nurse = t.LoginAs("nurse@example.jp");
  EXPECT_EQ(nurse.Get("/directory/manage").status, 403);
  EXPECT_NE(t.NewClient().Get("/directory/manage").status, 200);

  // The owner deactivates: gone from the public page, list and search; kept for staff.
  auto office = t.LoginAs("centre@example.jp");
  auto off = office.Submit(EditPath(w.fertility), {}, EditPath(w.fertility) + "/deactivate");
  ASSERT_EQ(off.status, 303) << off.body;
  EXPECT_EQ(t.NewClient().Get(ServicePath(w.fertility)).status, 404);
  EXPECT_THAT(t.NewClient().Get("/directory").body, Not(HasSubstr("がん・生殖医療相談窓口")));
  auto manage = office.Get("/directory/manage");
  EXPECT_THAT(manage.body, HasSubstr("がん・生殖医療相談窓口"));
  EXPECT_THAT(manage.body, HasSubstr("掲載停止中"));
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM directory_service WHERE status = 'inactive'"), 1);
  // Not public any more: another organisation gets 404, like a missing entry.
  EXPECT_EQ(other.Get(EditPath(w.fertility)).status, 404);

  auto on = office.Submit(EditPath(w.fertility), {}, EditPath(w.fertility) + "/reactivate");
  ASSERT_EQ(on.status, 303) << on.body;
  EXPECT_EQ(t.NewClient().Get(ServicePath(w.fertility)).status, 200);
  EXPECT_EQ(CountOf(t,
                    "SELECT COUNT(*) FROM audit_event WHERE action IN "
                    "('directory_service.deactivate', 'directory_service.reactivate')"),
            2);
}

TEST(DirectoryPagesTest, TheDemoHoldsEveryCategoryOnceAndTheLoginPageAndStaffNavLinkToIt) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  EXPECT_EQ(CountOf(t, "SELECT COUNT(DISTINCT category) FROM directory_service"), 10);
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM directory_service"), 11);
  auto visitor = t.NewClient();
  EXPECT_THAT(visitor.Get("/login").body,
              HasSubstr("<a href=\"/directory\">地域の相談窓口・情報</a>"));
  auto list = visitor.Get("/directory");
  EXPECT_THAT(list.body, HasSubstr("ハローワークみどり 専門援助部門"));
  EXPECT_THAT(list.body, HasSubstr("セカンドオピニオン外来"));
  // Names keep their full-width brackets (NFKC is for matching, not for what people read).
  EXPECT_THAT(list.body, HasSubstr("長期療養者の就職支援（就職支援ナビゲーター）"));
  MakeDirectoryWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  EXPECT_THAT(office.Get("/").body, HasSubstr("href=\"/directory/manage\""));
}

}  // namespace
}  // namespace tsunagu::testing

// The 事務局 pages through HTTP (issue 3): programmes, targets, and days generated from the
// seed-001 rule with a preview first; roles and organisation walls.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// 毎月第2木曜と第4火曜 18:00–21:00, holidays moved to the next business day (seed 001).
std::vector<std::pair<std::string, std::string>> Seed001Rule() {
  return {{"fiscal_year", "2025"},      {"occurrences", "2-4"},
          {"occurrences", "4-2"},       {"start_minutes", "18:00"},
          {"end_minutes", "21:00"},     {"on_holiday", "next"},
          {"closed_year_end", "1"},     {"mode", "in_person"},
          {"venue", "県庁本館 相談室"}, {"booths", "2"},
          {"slot_minutes", ""},         {"prep_minutes", "15"},
          {"debrief_minutes", "15"}};
}

std::int64_t ProgramIdFrom(const HttpResult& r) {
  std::smatch m;
  const std::string location = r.Header("location");
  if (!std::regex_search(location, m, std::regex("/programs/([0-9]+)"))) return 0;
  return std::stoll(m[1]);
}

int CountRows(const std::string& body) {
  int n = 0;
  for (auto pos = body.find("<th scope=\"row\">"); pos != std::string::npos;
       pos = body.find("<th scope=\"row\">", pos + 1)) {
    ++n;
  }
  return n;
}

struct Setup {
  std::int64_t a = 0, b = 0;
};

Setup SetUpOrgs(TestServer& t) {
  Setup s;
  s.a = t.CreateOrg("県 両立支援事務局", "municipality");
  s.b = t.CreateOrg("B病院", "hospital");
  t.CreateUser({"coord-a@example.jp", "事務局A", "coordinator", "clerical", s.a});
  t.CreateUser({"counselor-a@example.jp", "相談員A", "counselor", "msw", s.a});
  t.CreateUser({"admin-b@example.jp", "管理B", "admin", "nurse", s.b});
  return s;
}

TEST(ProgramsPages, CoordinatorCreatesProgrammeSetsTargetsAndGeneratesDays) {
  TestServer t;
  SetUpOrgs(t);
  auto c = t.LoginAs("coord-a@example.jp");
  auto list = c.Get("/programs");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("href=\"/programs\""));  // the navigation link

  auto created = c.Submit("/programs", {{"name", "がん患者就労支援 出張相談会"},
                                        {"description", "第2木曜と第4火曜の夜"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const std::int64_t id = ProgramIdFrom(created);
  ASSERT_GT(id, 0);
  const std::string page = "/programs/" + std::to_string(id);
  EXPECT_THAT(c.Get("/programs").body, HasSubstr("がん患者就労支援 出張相談会"));

  auto saved = c.Submit(
      page + "?fy=2025",
      {{"fiscal_year", "2025"}, {"consultations", "60"}, {"placements", "10"}, {"days", "24"}},
      page + "/targets");
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto shown = c.Get(page + "?fy=2025");
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr("令和7年度"));
  EXPECT_THAT(shown.body, HasSubstr("value=\"60\""));
  EXPECT_THAT(shown.body, HasSubstr("?fy=2024"));
  EXPECT_THAT(shown.body, HasSubstr("?fy=2026"));

  const std::string generate = page + "/generate?fy=2025";
  auto form = c.Get(generate);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("<legend>"));

  auto preview = c.Submit(generate, Seed001Rule(), page + "/generate/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("毎月第2木曜日と第4火曜日 18:00〜21:00"));
  EXPECT_THAT(preview.body, HasSubstr("この内容で作成"));
  EXPECT_EQ(CountRows(preview.body), 24);
  EXPECT_THAT(preview.body, HasSubstr("祝日のため振替"));
  EXPECT_THAT(preview.body, HasSubstr("name=\"occurrences\" value=\"4-2\""));
  // 「戻って修正する」 shows the form again with the rule as chosen.
  auto edit = c.Submit(generate, Seed001Rule(), page + "/generate/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_THAT(edit.body, HasSubstr("value=\"4-2\" checked"));
  EXPECT_THAT(edit.body, HasSubstr("value=\"next\" checked"));
  // Nothing is written by the preview.
  EXPECT_EQ(CountRows(c.Get(page + "?fy=2025").body), 0);

  auto done = c.Submit(generate, Seed001Rule(), page + "/generate");
  ASSERT_EQ(done.status, 303) << done.body;
  auto after = c.Get(done.Header("location"));
  ASSERT_EQ(after.status, 200);
  EXPECT_THAT(after.body, HasSubstr("開催日を24日作成しました"));
  EXPECT_EQ(CountRows(after.body), 24);
  EXPECT_THAT(after.body, HasSubstr("0 / 6"));  // 3 slots of 45 minutes × 2 booths, none booked
  EXPECT_THAT(after.body, HasSubstr("県庁本館 相談室"));

  // Days already held (FY2025 before the test clock's today) read 開催済み with no 中止 link.
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  if (core::FiscalYearEnd(2025) < today) {
    EXPECT_THAT(after.body, HasSubstr("開催済み"));
    EXPECT_THAT(after.body, Not(HasSubstr("/cancel\">")));
  }

  // Cancelling a day by hand: a confirmation page, then the day is marked 中止.
  std::vector<std::int64_t> day_ids;
  {
    const std::regex link("/days/([0-9]+)\">");
    for (std::sregex_iterator it(after.body.begin(), after.body.end(), link), end; it != end;
         ++it) {
      day_ids.push_back(std::stoll((*it)[1]));
    }
  }
  ASSERT_EQ(day_ids.size(), 24u);
  const std::string cancel = page + "/days/" + std::to_string(day_ids[0]) + "/cancel";
  auto confirm = c.Get(cancel);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_THAT(confirm.body, HasSubstr("令和7年4月10日"));
  auto cancelled = c.Submit(cancel, {}, cancel);
  ASSERT_EQ(cancelled.status, 303) << cancelled.body;
  auto listed = c.Get(cancelled.Header("location"));
  EXPECT_THAT(listed.body, HasSubstr("開催日を中止しました"));
  EXPECT_THAT(listed.body, HasSubstr("<td>中止</td>"));
  EXPECT_EQ(c.Get(cancel).status, 404);  // already cancelled
  // Days with bookings: day_changes_test.cpp.

  // Repeating it creates nothing new.
  auto again = c.Submit(generate, Seed001Rule(), page + "/generate");
  ASSERT_EQ(again.status, 303);
  EXPECT_THAT(c.Get(again.Header("location")).body, HasSubstr("開催日を0日作成しました"));
}

TEST(ProgramsPages, CounselorIsRefusedAndOtherOrganisationSeesNothing) {
  TestServer t;
  SetUpOrgs(t);
  auto coord = t.LoginAs("coord-a@example.jp");
  auto created = coord.Submit("/programs", {{"name", "秘密の事業"}, {"description", ""}});
  const std::int64_t id = ProgramIdFrom(created);
  ASSERT_GT(id, 0);
  const std::string page = "/programs/" + std::to_string(id);

  auto counselor = t.LoginAs("counselor-a@example.jp");
  EXPECT_THAT(counselor.Get("/").body, Not(HasSubstr("href=\"/programs\"")));
  for (const std::string& path : {std::string("/programs"), page, page + "/generate"}) {
    EXPECT_EQ(counselor.Get(path).status, 403) << path;
  }

  auto other = t.LoginAs("admin-b@example.jp");
  EXPECT_EQ(other.Get("/programs").status, 200);
  EXPECT_THAT(other.Get("/programs").body, Not(HasSubstr("秘密の事業")));
  const std::string missing = "/programs/987654";
  for (const std::string suffix : {"", "/generate"}) {
    auto f = other.Get(page + suffix);
    auto m = other.Get(missing + suffix);
    EXPECT_EQ(f.status, 404) << suffix;
    EXPECT_EQ(m.status, 404) << suffix;
    EXPECT_THAT(f.body, Not(HasSubstr("秘密の事業")));
  }
  EXPECT_EQ(other.Get(page + "/days/1/cancel").status, 404);
  EXPECT_EQ(other.Submit("/programs", {}, page + "/days/1/cancel").status, 404);
  auto post = other.Submit("/programs", Seed001Rule(), page + "/generate");
  EXPECT_EQ(post.status, 404);
  auto targets = other.Submit(
      "/programs",
      {{"fiscal_year", "2025"}, {"consultations", "1"}, {"placements", "1"}, {"days", "1"}},
      page + "/targets");
  EXPECT_EQ(targets.status, 404);
}

TEST(ProgramsPages, BadInputIsExplainedAndKept) {
  TestServer t;
  SetUpOrgs(t);
  auto c = t.LoginAs("coord-a@example.jp");
  auto empty = c.Submit("/programs", {{"name", "  "}, {"description", "説明は残る"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("事業名を入力してください"));
  EXPECT_THAT(empty.body, HasSubstr("説明は残る"));

  auto created = c.Submit("/programs", {{"name", "事業"}, {"description", ""}});
  const std::int64_t id = ProgramIdFrom(created);
  const std::string page = "/programs/" + std::to_string(id);

  auto rule = Seed001Rule();
  rule.erase(std::remove_if(rule.begin(), rule.end(),
                            [](const auto& f) { return f.first == "occurrences"; }),
             rule.end());
  for (auto& [name, value] : rule) {
    if (name == "start_minutes") value = "21:00";
    if (name == "end_minutes") value = "18:00";
    if (name == "booths") value = "0";
  }
  for (const std::string target : {"/generate/preview", "/generate"}) {
    auto r = c.Submit(page + "/generate?fy=2025", rule, page + target);
    EXPECT_EQ(r.status, 422) << target;
    EXPECT_THAT(r.body, HasSubstr("開催する週と曜日を1つ以上選んでください"));
    EXPECT_THAT(r.body, HasSubstr("開始時刻と終了時刻を確認してください"));
    EXPECT_THAT(r.body, HasSubstr("ブース数は1〜50で入力してください"));
    EXPECT_THAT(r.body, HasSubstr("aria-invalid=\"true\""));
    EXPECT_THAT(r.body, HasSubstr("value=\"21:00\""));  // kept
    EXPECT_THAT(r.body, HasSubstr("県庁本館 相談室"));
  }
  EXPECT_EQ(CountRows(c.Get(page + "?fy=2025").body), 0);

  auto targets = c.Submit(
      page,
      {{"fiscal_year", "2025"}, {"consultations", "たくさん"}, {"placements", "1"}, {"days", "-3"}},
      page + "/targets");
  EXPECT_EQ(targets.status, 422);
  EXPECT_THAT(targets.body, HasSubstr("0以上の整数で入力してください"));
  EXPECT_THAT(targets.body, HasSubstr("たくさん"));
}

}  // namespace
}  // namespace tsunagu::testing

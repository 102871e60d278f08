// The community year report (issue 15, "Yearly figures") on both engines: the organisation's
// coordinators see each domain's figures of a fiscal year side by side, print them and take
// them as CSV; counts only, never a name; counselors and other organisations see none of it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kName = "年報カナリア太郎QZ";

struct World {
  std::int64_t org = 0;
  std::string form;
};

// An NPO (its 事務局 and a counselor) and another organisation's coordinator, on a Wednesday
// (2026-06-10) at 10:00 JST.
World MakeWorld(TestServer& t) {
  t.clock().Set(UnixAtJst({2026, 6, 10}, 10 * 60));
  World w;
  w.org = t.CreateOrg("はたらくサポート 年報", "employment_support");
  const auto other = t.CreateOrg("よその団体 年報", "employment_support");
  t.CreateUser({"jimu@year.test", "事務局", "coordinator", "clerical", w.org});
  t.CreateUser({"counsel@year.test", "相談員", "counselor", "career_consultant", w.org});
  t.CreateUser({"other@year.test", "他の事務局", "coordinator", "clerical", other});
  w.form = "/request/" + std::to_string(w.org);
  return w;
}

std::string Row(const std::string& label, const std::string& cells) {
  return "<th scope=\"row\">" + label + "</th>" + cells;
}

std::string Cell(const std::string& text) {
  return "<td class=\"numeric\">" + text + "</td>";
}

TEST(CommunityReport, RequestsAnsweredInTimeAreCountedForTheYear) {
  TestServer t;
  const World w = MakeWorld(t);
  auto office = t.LoginAs("jimu@year.test");
  ASSERT_EQ(
      office.Submit("/requests", {{"enabled", "1"}, {"closes_at", "17:00"}}, "/requests/intake")
          .status,
      303);
  auto visitor = t.NewClient();
  std::vector<std::string> references;
  for (const char* kind : {"self", "employer"}) {
    auto done = visitor.Submit(w.form,
                               {{"requester_kind", kind},
                                {"condition_kind", "cancer"},
                                {"wish", "online"},
                                {"name", kName},
                                {"furigana", "ねんぽう たろう"},
                                {"email", std::string(kind) + "@person.test"},
                                {"message", "相談したいです"},
                                {"consent", "1"}},
                               w.form);
    ASSERT_EQ(done.status, 200) << done.body;
    const auto at = done.body.find("RQ-");
    ASSERT_NE(at, std::string::npos);
    references.push_back(done.body.substr(at, 12));
  }
  const std::int64_t first = *t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM consultation_request WHERE reference = :r", soci::use(references[0]),
        soci::into(id);
    return id;
  });
  const std::string page = "/requests/" + std::to_string(first);
  ASSERT_EQ(office.Submit(page, {{"reply", "お電話します。"}}, page + "/reply").status, 303);

  auto report = office.Get("/reports/community?fy=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_THAT(report.body, HasSubstr("<title>地域活動の年間実績（令和8年度）"));
  EXPECT_THAT(report.body, HasSubstr("個別の相談依頼"));
  EXPECT_THAT(report.body, HasSubstr(Row("受け付けた依頼", Cell("2") + Cell(""))));
  EXPECT_THAT(report.body, HasSubstr(Row("うち返信期限内（返信した依頼に対する割合）",
                                         Cell("1") + Cell("100.0%"))));
  EXPECT_THAT(report.body, Not(HasSubstr(kName)));
  EXPECT_THAT(office.Get("/reports/community?fy=2025").body,
              HasSubstr(Row("受け付けた依頼", Cell("0") + Cell(""))));

  auto csv = office.Get("/reports/community.csv?fy=2026");
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.Header("content-type"), HasSubstr("text/csv"));
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_THAT(csv.body, HasSubstr("受け付けた依頼,2,"));
  EXPECT_THAT(csv.body, Not(HasSubstr(kName)));

  EXPECT_EQ(t.LoginAs("counsel@year.test").Get("/reports/community").status, 403);
  EXPECT_THAT(t.LoginAs("other@year.test").Get("/reports/community?fy=2026").body,
              HasSubstr(Row("受け付けた依頼", Cell("0") + Cell(""))));
}

// The count in a row's first cell ("<th scope="row">label</th><td …>N</td>"); -1 when absent.
int FirstCell(const std::string& body, const std::string& label) {
  const std::string head = "<th scope=\"row\">" + label + "</th><td class=\"numeric\">";
  const auto at = body.find(head);
  if (at == std::string::npos) return -1;
  return std::atoi(body.c_str() + at + head.size());
}

std::int64_t OrgNamed(TestServer& t, const std::string& name) {
  return *t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM organization WHERE name = :n", soci::use(name), soci::into(id);
    return id;
  });
}

// The demo (make run) fills every table of the report: the prefecture office's events, trainings
// (表6 and 表7 in the years they were held), salons and peer supporters, and the NPO's requests.
TEST(CommunityReport, TheDemoFillsEveryTable) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  const auto prefecture = OrgNamed(t, "つなぐ県 保健医療部 疾病対策課");
  const auto npo = OrgNamed(t, "NPO法人 はたらくサポートみどり");
  ASSERT_GT(prefecture, 0);
  ASSERT_GT(npo, 0);
  t.CreateUser({"year-pref@year.test", "県の事務局", "coordinator", "clerical", prefecture});
  t.CreateUser({"year-npo@year.test", "NPOの事務局", "coordinator", "clerical", npo});
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds()));

  auto pref = t.LoginAs("year-pref@year.test");
  auto year = pref.Get("/reports/community?fy=" + std::to_string(fy));
  ASSERT_EQ(year.status, 200) << year.body;
  EXPECT_GT(FirstCell(year.body, "合計（中止を除く）"), 0) << "events held";
  EXPECT_GT(FirstCell(year.body, "全体"), 0) << "participants";
  EXPECT_EQ(FirstCell(year.body, "運営を支援しているサロン（閉鎖を除く）"), 30);
  EXPECT_GT(FirstCell(year.body, "年度内の例会（中止を除く）"), 0);
  EXPECT_EQ(FirstCell(year.body, "登録者（年度末まで）"), 5);
  EXPECT_EQ(FirstCell(year.body, "うち活動中"), 4);
  // 表6 and 表7 of 令和4年度 (2022-04-01 to 2023-03-31): 2022-11-03 and 2023-01-07 (the demo
  // holds the trainings held before today: none when the test clock starts in 2019).
  auto fy2022 = pref.Get("/reports/community?fy=2022");
  if (fy < 2023) return;
  EXPECT_THAT(fy2022.body, HasSubstr("企画・運営者研修会"));
  EXPECT_THAT(fy2022.body, HasSubstr("（フォローアップ研修会）＊＊</th><td class=\"numeric\">8</td>"
                                     "<td class=\"numeric\">16</td><td class=\"numeric\">5</td>"));

  auto office = t.LoginAs("year-npo@year.test");
  auto npo_year = office.Get("/reports/community?fy=" + std::to_string(fy));
  EXPECT_GT(FirstCell(npo_year.body, "受け付けた依頼"), 0);
  EXPECT_GT(FirstCell(npo_year.body, "支援へ移行した依頼"), 0);
}

}  // namespace
}  // namespace tsunagu::testing

// The yearly report (seed 000) rebuilt from raw records entered through the application: 24
// days of H29年度, 2 counselors on days 1–14 and 1 afterwards, 25 consultations, 3 job
// placements, 8 consultations about 休職・復職. The page, the CSV and the xlsx must show the
// seed's table and rates (25/300 → 8.3%, 3/25 → 12%, 24/24 → 100%), written as the seed writes
// them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "consultations/day_board.hpp"
#include "consultations/records.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct SeedDay {
  core::Date date;
  int consultations;
};

// Seed 000: 仙台市立病院での就労相談会 (平成29年度), 第1回〜第24回.
const std::vector<SeedDay>& Seed000() {
  static const std::vector<SeedDay> days = {
      {{2017, 4, 13}, 0},  {{2017, 4, 25}, 1},  {{2017, 5, 18}, 0},  {{2017, 5, 23}, 0},
      {{2017, 6, 8}, 2},   {{2017, 6, 20}, 0},  {{2017, 7, 13}, 1},  {{2017, 7, 25}, 0},
      {{2017, 8, 10}, 2},  {{2017, 8, 22}, 3},  {{2017, 9, 4}, 1},   {{2017, 9, 26}, 0},
      {{2017, 10, 10}, 1}, {{2017, 10, 25}, 2}, {{2017, 11, 10}, 2}, {{2017, 11, 29}, 1},
      {{2017, 12, 12}, 2}, {{2017, 12, 27}, 0}, {{2018, 1, 9}, 0},   {{2018, 1, 24}, 2},
      {{2018, 2, 13}, 1},  {{2018, 2, 28}, 1},  {{2018, 3, 13}, 0},  {{2018, 3, 28}, 3}};
  return days;
}

consultations::BookingRequest Request(std::int64_t slot_id, const std::string& channel, int n) {
  consultations::BookingRequest r;
  r.slot_id = slot_id;
  r.channel = channel;
  r.intake = {false, "", "female", "50s", "仙台市", "hospital", "during", "on_leave", {"work"}};
  r.contact = {"氏名カナリア" + std::to_string(n),
               "そうだんしゃ",
               "0901111" + std::to_string(1000 + n),
               "",
               "",
               ""};
  r.consent = true;
  return r;
}

std::string Unzip(const std::string& bytes, const std::string& member,
                  const std::filesystem::path& dir) {
  const auto path = dir / "report.xlsx";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string cmd = "unzip -p '" + path.string() + "' '" + member + "' 2>/dev/null";
  std::string text;
  if (FILE* p = popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    pclose(p);
  }
  return text;
}

TEST(YearlyReport, RebuildsSeed000FromRecordsEnteredThroughTheApplication) {
  TestServer t;
  const core::Date fy_start{2017, 4, 1};
  t.clock().Set(UnixAtJst(fy_start, 9 * 60));
  const auto org = t.CreateOrg("仙台 就労支援事務局", "employment_support");
  const auto coord =
      t.CreateUser({"coord-h29@example.jp", "事務局", "coordinator", "clerical", org});
  const auto nurse = t.CreateUser({"nurse-h29@example.jp", "看護 師", "counselor", "nurse", org});
  const auto msw = t.CreateUser({"msw-h29@example.jp", "相談 員", "counselor", "msw", org});
  auth::Principal who;
  who.user_id = coord;
  who.stage = "full";
  who.organization_id = org;
  who.role = auth::Role::kCoordinator;
  const audit::Actor actor{coord, org, "127.0.0.1", "test"};
  auto& sv = t.sv();

  auto program = sv.consultations.CreateProgram(who, actor, "がん患者就労支援 出張相談会", "");
  ASSERT_TRUE(program.ok());
  ASSERT_TRUE(sv.consultations.SetTarget(who, actor, *program, {2017, 300, 25, 24}).ok());

  // Days by hand (H29.9.4 is off the rule), rosters, and bookings taken before the days.
  std::vector<std::int64_t> day_ids;
  std::vector<std::vector<std::int64_t>> bookings_of_day;
  int n = 0;
  for (std::size_t i = 0; i < Seed000().size(); ++i) {
    const auto& seed = Seed000()[i];
    auto day = sv.board.AddDay(who, actor, *program, seed.date, 18 * 60, 21 * 60,
                               consultations::DaySettings{});
    ASSERT_TRUE(day.ok()) << seed.date;
    day_ids.push_back(*day);
    std::vector<std::int64_t> staff = {nurse};
    if (i < 14) staff.push_back(msw);
    ASSERT_TRUE(sv.board.SetRoster(who, actor, *program, *day, staff).ok());
    auto full = sv.consultations.GetDay(who, *program, *day);
    ASSERT_TRUE(full.ok() && !full->slots.empty());
    std::vector<std::int64_t> ids;
    for (int k = 0; k < seed.consultations; ++k, ++n) {
      const std::string channel(consultations::kChannels[n % consultations::kChannels.size()]);
      auto receipt =
          sv.consultations.Book(Request(full->slots[k % full->slots.size()].id, channel, n),
                                {0, 0, "127.0.0.1", "t"}, nullptr);
      ASSERT_TRUE(receipt.ok()) << seed.date << " " << k;
      ids.push_back(receipt->booking_id);
    }
    bookings_of_day.push_back(ids);
  }
  ASSERT_EQ(n, 25);

  // On each day: check-in, then the counselor's record.
  int record = 0;
  for (std::size_t i = 0; i < Seed000().size(); ++i) {
    t.clock().Set(UnixAtJst(Seed000()[i].date, 18 * 60 + 30));
    for (auto booking : bookings_of_day[i]) {
      ASSERT_TRUE(sv.board.CheckIn(who, actor, *program, booking).ok());
      consultations::RecordInput in;
      in.professions = {"nurse"};
      in.topics = record < 8 ? std::vector<std::string>{"leave_return", "money"}
                             : std::vector<std::string>{"keep_working"};
      in.outcome = record < 3 ? "job_decided" : "support_continues";
      in.follow_up = record % 2 == 0 ? "continue" : "none";
      in.minutes = 45;
      in.summary = "要約";
      auto saved = sv.records.Save(who, actor, *program, booking, in);
      ASSERT_TRUE(saved.ok()) << saved.error().message_key;
      ++record;
    }
  }

  t.clock().Set(UnixAtJst({2018, 3, 30}, 10 * 60));
  auto c = t.LoginAs("coord-h29@example.jp");
  const std::string base = "/programs/" + std::to_string(*program);
  auto page = c.Get(base + "/report?fy=2017");
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string& html = page.body;
  for (std::size_t i = 0; i < Seed000().size(); ++i) {
    const auto& seed = Seed000()[i];
    const std::string row = "<tr><td>第" + std::to_string(i + 1) + "回</td><th scope=\"row\">" +
                            core::FormatDate(seed.date, "ja") + "</th><td class=\"numeric\">" +
                            (i < 14 ? "2" : "1") + "</td><td class=\"numeric\">" +
                            std::to_string(seed.consultations) + "</td>";
    EXPECT_THAT(html, HasSubstr(row)) << "回 " << i + 1;
  }
  EXPECT_THAT(html, HasSubstr("平成29年4月13日"));
  EXPECT_THAT(html, HasSubstr("平成29年9月4日"));
  EXPECT_THAT(html, HasSubstr("平成30年3月28日"));
  // Totals against targets.
  EXPECT_THAT(html, HasSubstr("相談件数</th><td class=\"numeric\">25</td><td "
                              "class=\"numeric\">300</td><td class=\"numeric\">8.3%</td>"));
  EXPECT_THAT(html, HasSubstr("就労決定数</th><td class=\"numeric\">3</td><td "
                              "class=\"numeric\">25</td><td class=\"numeric\">12%</td>"));
  // 就労決定率 = people placed ÷ people consulted, its own row.
  EXPECT_THAT(html, HasSubstr("就労決定率</th><td class=\"numeric\">3</td><td "
                              "class=\"numeric\">25</td><td class=\"numeric\">12%</td>"));
  EXPECT_THAT(html, HasSubstr("相談会の開催回数</th><td class=\"numeric\">24</td><td "
                              "class=\"numeric\">24</td><td class=\"numeric\">100%</td>"));
  // Topics: 8 of 25 consultations were about 休職・復職 → 32.0%.
  EXPECT_THAT(html, HasSubstr("休職・復職の不安</th><td class=\"numeric\">8</td><td "
                              "class=\"numeric\">32%</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"numeric\">17</td><td class=\"numeric\">68%</td>"));
  // Outcomes and follow-ups.
  EXPECT_THAT(html, HasSubstr("就労決定</th><td class=\"numeric\">3</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"numeric\">13</td>"));  // follow-up continue
  // Channels of the attended bookings: web, phone, mail, walk-in in turn.
  EXPECT_THAT(html, HasSubstr("電話</th><td class=\"numeric\">6</td>"));
  EXPECT_THAT(html, HasSubstr("Web</th><td class=\"numeric\">7</td>"));
  // Server-drawn charts, each described by its table; no records missing.
  EXPECT_THAT(html, HasSubstr("aria-describedby=\"report-days-table\""));
  EXPECT_THAT(html, HasSubstr("aria-describedby=\"report-topics-table\""));
  EXPECT_THAT(html, HasSubstr("aria-describedby=\"report-totals-table\""));
  EXPECT_THAT(html, Not(HasSubstr("相談記録が未入力")));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr(base + "/report.csv?fy=2017"));
  EXPECT_THAT(html, HasSubstr(base + "/report?fy=2018"));

  auto csv = c.Get(base + "/report.csv?fy=2017");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_THAT(csv.Header("content-type"), HasSubstr("text/csv"));
  const std::string disposition = csv.Header("content-disposition");
  EXPECT_THAT(disposition, HasSubstr("attachment; filename=\"report-" + std::to_string(*program) +
                                     "-2017.csv\""));
  EXPECT_THAT(disposition, HasSubstr("filename*=UTF-8''"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n第1回,2017-04-13,2,0,開催\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n第11回,2017-09-04,2,1,開催\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n第15回,2017-11-10,1,2,開催\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n第24回,2018-03-28,1,3,開催\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n相談件数,25,300,8.3%\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n就労決定数,3,25,12%\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n相談会の開催回数,24,24,100%\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n休職・復職の不安,8,32%\r\n"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n就労決定率,3,25,12%\r\n"));
  EXPECT_THAT(csv.body, Not(HasSubstr("氏名カナリア")));  // no names

  auto xlsx = c.Get(base + "/report.xlsx?fy=2017");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_THAT(xlsx.Header("content-disposition"), HasSubstr(".xlsx\""));
  const std::string workbook = Unzip(xlsx.body, "xl/workbook.xml", t.dir());
  for (const char* sheet : {"開催状況", "目標と実績", "相談内容", "フォローアップ", "相談の結果",
                            "受付方法", "相談方法", "相談会の種類", "アンケート"}) {
    EXPECT_THAT(workbook, HasSubstr(std::string("name=\"") + sheet + "\"")) << sheet;
  }
  const std::string strings = Unzip(xlsx.body, "xl/sharedStrings.xml", t.dir());
  EXPECT_THAT(strings, HasSubstr("平成30年3月28日"));
  // Each sheet names the programme and the fiscal year; rates are numbers formatted 0.0%.
  EXPECT_THAT(strings, HasSubstr("がん患者就労支援 出張相談会"));
  EXPECT_THAT(strings, HasSubstr("平成29年度"));
  EXPECT_THAT(strings, Not(HasSubstr("8.3%")));
  const std::string totals = Unzip(xlsx.body, "xl/worksheets/sheet2.xml", t.dir());
  EXPECT_THAT(totals, HasSubstr("<v>0.083333"));
  const std::string styles = Unzip(xlsx.body, "xl/styles.xml", t.dir());
  EXPECT_THAT(styles, HasSubstr("formatCode=\"0.0%\""));

  // Each download is audited.
  auto exports = t.app().db().Read<int>([](soci::session& s) {
    int count = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = 'report.export'", soci::into(count);
    return count;
  });
  ASSERT_TRUE(exports.ok());
  EXPECT_EQ(*exports, 2);
}

TEST(YearlyReport, WarnsAboutMissingRecordsAndHidesOtherOrganisations) {
  TestServer t;
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  const auto org = t.CreateOrg("県 事務局", "municipality");
  const auto other = t.CreateOrg("別の病院", "hospital");
  const auto coord = t.CreateUser({"coord-r@example.jp", "事務局", "coordinator", "clerical", org});
  t.CreateUser({"admin-other@example.jp", "管理", "admin", "nurse", other});
  t.CreateUser({"counselor-r@example.jp", "相談員", "counselor", "msw", org});
  auth::Principal who;
  who.user_id = coord;
  who.stage = "full";
  who.organization_id = org;
  who.role = auth::Role::kCoordinator;
  const audit::Actor actor{coord, org, "127.0.0.1", "test"};
  auto& sv = t.sv();
  auto program = sv.consultations.CreateProgram(who, actor, "相談会", "");
  ASSERT_TRUE(program.ok());
  auto day =
      sv.board.AddDay(who, actor, *program, today, 18 * 60, 21 * 60, consultations::DaySettings{});
  ASSERT_TRUE(day.ok());
  auto full = sv.consultations.GetDay(who, *program, *day);
  ASSERT_TRUE(full.ok());
  auto receipt = sv.consultations.Book(Request(full->slots.front().id, "phone", 1),
                                       {0, 0, "127.0.0.1", "t"}, nullptr);
  ASSERT_TRUE(receipt.ok());
  ASSERT_TRUE(sv.board.CheckIn(who, actor, *program, receipt->booking_id).ok());

  const std::string base = "/programs/" + std::to_string(*program);
  const std::string fy = std::to_string(core::FiscalYear(today));
  auto c = t.LoginAs("coord-r@example.jp");
  auto page = c.Get(base + "/report?fy=" + fy);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("相談記録が未入力の相談が 1 件あります"));
  EXPECT_THAT(page.body, HasSubstr("この年度の目標は設定されていません"));
  // No target: a rate would be a claim, so it is "—".
  EXPECT_THAT(page.body, HasSubstr("相談件数</th><td class=\"numeric\">1</td><td "
                                   "class=\"numeric\">—</td><td class=\"numeric\">—</td>"));

  auto o = t.LoginAs("admin-other@example.jp");
  EXPECT_EQ(o.Get(base + "/report?fy=" + fy).status, 404);
  EXPECT_EQ(o.Get(base + "/report.csv?fy=" + fy).status, 404);
  EXPECT_EQ(o.Get(base + "/report.xlsx?fy=" + fy).status, 404);
  EXPECT_EQ(o.Get("/programs/999999/report").status, 404);
  // Counselors do not see the 事務局's report.
  auto counselor = t.LoginAs("counselor-r@example.jp");
  EXPECT_NE(counselor.Get(base + "/report?fy=" + fy).status, 200);
}

}  // namespace
}  // namespace tsunagu::testing

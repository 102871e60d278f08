// Entering consultations after the day (issue 14): seed 000's paper 受付表 (24 days, 25
// consultations, 3 placements against targets 300 / 25 / 24) imported from CSV and from xlsx,
// the preview that writes nothing, row-by-row errors in Japanese, files of other encodings,
// a second import of the same rows, and a walk-in recorded after its day (事後入力).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdio>

#include "consultation_data.hpp"
#include "consultations/day_board.hpp"
#include "consultations/import/table_reader.hpp"
#include "crypto/random.hpp"
#include "harness.hpp"
#include "reports/xlsx.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t coord = 0;
  std::int64_t program = 0;
  std::string base;
  auth::Principal who;
  audit::Actor actor;

  World() {
    org = t.CreateOrg("仙台 就労支援事務局", "employment_support");
    coord = t.CreateUser({"coord-late@example.jp", "事務局", "coordinator", "clerical", org});
    who.user_id = coord;
    who.stage = "full";
    who.organization_id = org;
    who.role = auth::Role::kCoordinator;
    actor = {coord, org, "127.0.0.1", "test"};
    auto p = t.sv().consultations.CreateProgram(who, actor, "がん患者就労支援 出張相談会", "");
    EXPECT_TRUE(p.ok());
    program = *p;
    EXPECT_TRUE(t.sv().consultations.SetTarget(who, actor, program, {2017, 300, 25, 24}).ok());
    base = "/programs/" + std::to_string(program);
  }
  long long Bookings() { return Count(t, "SELECT COUNT(*) FROM booking"); }
  long long Days() { return Count(t, "SELECT COUNT(*) FROM consultation_day"); }
};

HttpResult Preview(Client& c, const std::string& base, const std::string& name,
                   const std::string& type, const std::string& data) {
  return PostMultipart(c, base + "/import", base + "/import", {}, {{"file", name, type, data}});
}

std::string HiddenData(const std::string& html) {
  return TextBetween(html, "name=\"data\" value=\"", "\"");
}

HttpResult Confirm(Client& c, const std::string& base, const std::string& data) {
  return c.Submit(base + "/import", {{"data", data}}, base + "/import/confirm");
}

// Seed 000's table, totals and rates as the report prints them.
void ExpectSeed000Report(Client& c, const std::string& base) {
  auto page = c.Get(base + "/report?fy=2017");
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string& html = page.body;
  EXPECT_THAT(html, HasSubstr("平成29年度は相談会を24回開催し、25件の相談を受け付けました。"));
  EXPECT_THAT(html, HasSubstr("<tr><td>第1回</td><th scope=\"row\">平成29年4月13日（木）</th><td "
                              "class=\"numeric\">2</td><td class=\"numeric\">0</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><td>第10回</td><th scope=\"row\">平成29年8月22日（火）</th><td "
                              "class=\"numeric\">2</td><td class=\"numeric\">3</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><td>第15回</td><th scope=\"row\">平成29年11月10日（金）</th><td "
                              "class=\"numeric\">1</td><td class=\"numeric\">2</td>"));
  EXPECT_THAT(html, HasSubstr("<tr><td>第24回</td><th scope=\"row\">平成30年3月28日（水）</th><td "
                              "class=\"numeric\">1</td><td class=\"numeric\">3</td>"));
  EXPECT_THAT(html, HasSubstr("相談件数</th><td class=\"numeric\">25</td><td "
                              "class=\"numeric\">300</td><td class=\"numeric\">8.3%</td>"));
  EXPECT_THAT(html, HasSubstr("就労決定数</th><td class=\"numeric\">3</td><td "
                              "class=\"numeric\">25</td><td class=\"numeric\">12%</td>"));
  EXPECT_THAT(html, HasSubstr("相談会の開催回数</th><td class=\"numeric\">24</td><td "
                              "class=\"numeric\">24</td><td class=\"numeric\">100%</td>"));
  // 就労決定率 = people placed ÷ people consulted, its own row.
  EXPECT_THAT(html, HasSubstr("就労決定率</th><td class=\"numeric\">3</td><td "
                              "class=\"numeric\">25</td><td class=\"numeric\">12%</td>"));
  EXPECT_THAT(html, HasSubstr("休職・復職の不安</th><td class=\"numeric\">8</td><td "
                              "class=\"numeric\">32%</td>"));
  EXPECT_THAT(html, HasSubstr("継続中</th><td class=\"numeric\">1</td>"));
  // By how each was held and by the kind of day.
  EXPECT_THAT(html, HasSubstr("id=\"report-modes-table\""));
  EXPECT_THAT(html, HasSubstr("対面</th><td class=\"numeric\">23</td>"));
  EXPECT_THAT(html, HasSubstr("対面の相談会</th><td class=\"numeric\">25</td>"));
  EXPECT_THAT(html, Not(HasSubstr("相談記録が未入力")));
}

TEST(LateImport, Seed000FromCsvPreviewWritesNothingThenTheReportPrintsItsTable) {
  World w;
  auto c = w.t.LoginAs("coord-late@example.jp");
  auto form = c.Get(w.base + "/import");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("住所地（市区町村）"));

  auto preview = Preview(c, w.base, "受付表H29.csv", "text/csv", Seed000Csv());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("相談 25 件、開催日 24 日（うち新しく作る日 24 日）"));
  EXPECT_THAT(preview.body, HasSubstr("平成29年9月4日"));
  // The preview writes nothing.
  EXPECT_EQ(w.Bookings(), 0);
  EXPECT_EQ(w.Days(), 0);
  EXPECT_EQ(Count(w.t, "SELECT COUNT(*) FROM consultation_import"), 0);

  const std::string data = HiddenData(preview.body);
  ASSERT_FALSE(data.empty());
  auto done = Confirm(c, w.base, data);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("相談 25 件を登録し、開催日を 24 日作成しました。"));
  EXPECT_EQ(w.Bookings(), 25);
  EXPECT_EQ(w.Days(), 24);
  EXPECT_EQ(Count(w.t,
                  "SELECT COUNT(*) FROM booking WHERE status = 'attended' AND "
                  "entered_late = 1 AND slot_id IS NULL"),
            25);
  EXPECT_EQ(Count(w.t, "SELECT COUNT(*) FROM consultation_record"), 25);
  EXPECT_EQ(Count(w.t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'consultation.import' "
                  "AND detail LIKE '%\"entered_late\":true%'"),
            1);
  ExpectSeed000Report(c, w.base);

  // The same file again: said so, and nothing doubles.
  auto again = Preview(c, w.base, "受付表H29.csv", "text/csv", Seed000Csv());
  ASSERT_EQ(again.status, 200);
  EXPECT_THAT(again.body, HasSubstr("すでに取り込まれています。二重には登録しません"));
  EXPECT_THAT(again.body, Not(HasSubstr("name=\"data\"")));
  auto twice = Confirm(c, w.base, data);
  EXPECT_EQ(twice.status, 409);
  EXPECT_THAT(twice.body, HasSubstr("取り込み済みです。二重には登録しません"));
  EXPECT_EQ(w.Bookings(), 25);
  EXPECT_EQ(w.Days(), 24);

  // Past days read 開催済み, with no 中止 link.
  auto show = c.Get(w.base + "?fy=2017");
  ASSERT_EQ(show.status, 200);
  EXPECT_THAT(show.body, HasSubstr("開催済み"));
  EXPECT_THAT(show.body, Not(HasSubstr("開催予定")));
  EXPECT_THAT(show.body, Not(HasSubstr("/cancel\">")));
}

// The rows of the CSV fixture as an Excel workbook, dates as Excel date serials (as a cell
// typed 2017/4/13 is stored).
std::string Seed000Xlsx() {
  auto table = consultations::import::ReadCsv(*consultations::import::DecodeText(Seed000Csv()));
  reports::Sheet sheet{"受付表", {}, {}, 1};
  for (std::size_t r = 0; r < table.size(); ++r) {
    std::vector<reports::Cell> row;
    for (std::size_t col = 0; col < table[r].size(); ++col) {
      const std::string& v = table[r][col];
      if (r > 0 && col == 0) {
        int y = 0, m = 0, d = 0;
        EXPECT_EQ(std::sscanf(v.c_str(), "%d/%d/%d", &y, &m, &d), 3);
        row.push_back(
            {std::int64_t{core::DaysBetween({1899, 12, 30}, {y, m, d})}, false, "yyyy/m/d"});
      } else if (r > 0 && col == 2) {
        row.push_back({std::int64_t{std::stoi(v)}, false, ""});
      } else {
        row.push_back({v, false, ""});
      }
    }
    sheet.rows.push_back(row);
  }
  auto bytes = reports::BuildXlsx({sheet});
  EXPECT_TRUE(bytes.ok());
  return *bytes;
}

TEST(LateImport, Seed000FromXlsxGivesTheSameReportAndIsTheSameData) {
  World w;
  auto c = w.t.LoginAs("coord-late@example.jp");
  auto preview =
      Preview(c, w.base, "受付表H29.xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Seed000Xlsx());
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("相談 25 件、開催日 24 日（うち新しく作る日 24 日）"));
  auto done = Confirm(c, w.base, HiddenData(preview.body));
  ASSERT_EQ(done.status, 200) << done.body;
  ExpectSeed000Report(c, w.base);
  // The xlsx names the programme and fiscal year in each sheet and keeps rates as numbers.
  auto xlsx = c.Get(w.base + "/report.xlsx?fy=2017");
  ASSERT_EQ(xlsx.status, 200);
  auto table = consultations::import::ReadXlsx(xlsx.body);
  ASSERT_TRUE(table.ok());
  ASSERT_FALSE(table->empty());
  EXPECT_EQ((*table)[0][0], "がん患者就労支援 出張相談会");
  EXPECT_EQ((*table)[0][1], "平成29年度");
  // The same rows as CSV are the same data: not imported twice.
  auto csv = Preview(c, w.base, "受付表H29.csv", "text/csv", Seed000Csv());
  EXPECT_THAT(csv.body, HasSubstr("すでに取り込まれています"));
  EXPECT_EQ(w.Bookings(), 25);
}

TEST(LateImport, RowByRowErrorsInJapaneseAndNothingWritten) {
  World w;
  auto c = w.t.LoginAs("coord-late@example.jp");
  const std::string csv =
      "日付,開始時刻,相談員数,相談方法,受付方法,性別,年代,住所地（市区町村）,相談内容,相談の結果\n"
      "2017/4/13,13:00,2,対面,電話,女性,40代,仙台市,就労継続・働き方,就労決定\n"
      "2017/4/31,13:00,2,対面,電話,女性,40代,仙台市,,\n"
      "2017/4/25,13:00,2,対面,FAX,女性,40代,仙台市,,\n"
      "2017/4/25,13:00,2,対面,電話,女性\n"
      "2017/5/18,14:00,2,対面,電話,女性,40代,仙台市,宇宙旅行,\n";
  auto preview = Preview(c, w.base, "受付表.csv", "text/csv", csv);
  EXPECT_EQ(preview.status, 422);
  const std::string& html = preview.body;
  EXPECT_THAT(html, HasSubstr("ファイルに誤りがあります"));
  EXPECT_THAT(html,
              HasSubstr("3行目</th><td>日付</td><td>2017/4/31</td><td>日付として読み取れません"));
  EXPECT_THAT(
      html, HasSubstr("4行目</th><td>受付方法</td><td>FAX</td><td>選択肢にない値です（「FAX」）"));
  EXPECT_THAT(
      html, HasSubstr("5行目</th><td>行全体</td><td>6</td><td>列の数が 10 ではありません（6 列）"));
  EXPECT_THAT(html, HasSubstr("6行目</th><td>相談内容</td><td>宇宙旅行</td>"));
  EXPECT_THAT(html, HasSubstr("何も登録していません"));
  EXPECT_THAT(html, Not(HasSubstr("name=\"data\"")));
  EXPECT_EQ(w.Bookings(), 0);
  EXPECT_EQ(w.Days(), 0);
  // Posting the file to the confirmation anyway writes nothing either.
  auto forced = Confirm(c, w.base, crypto::Base64Encode(csv));
  EXPECT_EQ(forced.status, 422);
  EXPECT_THAT(forced.body, HasSubstr("何も登録していません"));
  EXPECT_EQ(w.Bookings(), 0);
  EXPECT_EQ(w.Days(), 0);
  // A wrong header is said so.
  auto header = Preview(c, w.base, "x.csv", "text/csv", "名前,電話\n山田,090\n");
  EXPECT_EQ(header.status, 422);
  EXPECT_THAT(header.body, HasSubstr("1行目の見出しが受付表の10列"));
}

std::string Convert(const std::string& from, const std::string& to, const std::string& text) {
  iconv_t cd = iconv_open(to.c_str(), from.c_str());
  std::string out(text.size() * 4 + 8, '\0');
  std::string in = text;
  char* ip = in.data();
  std::size_t il = in.size();
  char* op = out.data();
  std::size_t ol = out.size();
  iconv(cd, &ip, &il, &op, &ol);
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

TEST(LateImport, ReadsShiftJisAndRefusesOtherEncodings) {
  World w;
  auto c = w.t.LoginAs("coord-late@example.jp");
  const std::string utf8 = Seed000Csv().substr(3);  // without the BOM
  auto plain = Preview(c, w.base, "bom-less.csv", "text/csv", utf8);
  EXPECT_THAT(plain.body, HasSubstr("相談 25 件"));
  auto sjis = Preview(c, w.base, "sjis.csv", "text/csv", Convert("UTF-8", "CP932", utf8));
  ASSERT_EQ(sjis.status, 200) << sjis.body;
  EXPECT_THAT(sjis.body, HasSubstr("相談 25 件、開催日 24 日"));
  const std::string utf16 = "\xFF\xFE" + Convert("UTF-8", "UTF-16LE", utf8);
  auto refused = Preview(c, w.base, "unicode.txt", "text/plain", utf16);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("文字コードを読み取れません"));
  auto junk = Preview(c, w.base, "x.xlsx", "application/octet-stream",
                      std::string("PK\x03\x04", 4) + "not a zip");
  EXPECT_EQ(junk.status, 422);
  EXPECT_THAT(junk.body, HasSubstr("Excel ファイル（.xlsx）として読み取れません"));
  EXPECT_EQ(w.Bookings(), 0);
}

TEST(LateImport, WalkInOnAPastDayIsRecordedAndAuditedAsLateEntry) {
  World w;
  const core::Date today = core::DateFromUnixSeconds(w.t.clock().NowSeconds());
  w.t.clock().Set(UnixAtJst(today, 10 * 60));
  const core::Date yesterday = core::AddDays(today, -1);
  auto past = w.t.sv().board.AddDay(w.who, w.actor, w.program, yesterday, 13 * 60, 16 * 60,
                                    consultations::DaySettings{});
  ASSERT_TRUE(past.ok());
  auto future = w.t.sv().board.AddDay(w.who, w.actor, w.program, core::AddDays(today, 3), 13 * 60,
                                      16 * 60, consultations::DaySettings{});
  ASSERT_TRUE(future.ok());
  auto c = w.t.LoginAs("coord-late@example.jp");
  const std::string day = w.base + "/days/" + std::to_string(*past);
  auto board = c.Get(day);
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("開催済み"));
  EXPECT_THAT(board.body, HasSubstr(day + "/late"));

  auto saved = c.Submit(day + "/late", {{"arrived_at", "14:10"},
                                        {"channel", "walk_in"},
                                        {"mode", "in_person"},
                                        {"gender", "female"},
                                        {"age_band", "40s"},
                                        {"municipality", "仙台市"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(Count(w.t,
                  "SELECT COUNT(*) FROM booking WHERE status = 'attended' AND entered_late "
                  "= 1 AND channel = 'walk_in' AND day_id = " +
                      std::to_string(*past)),
            1);
  const long long arrived = Count(w.t, "SELECT checked_in_at FROM booking");
  EXPECT_EQ(arrived, UnixAtJst(yesterday, 14 * 60 + 10));
  EXPECT_EQ(Count(w.t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.late_entry' AND "
                  "detail LIKE '%\"entered_late\":true%'"),
            1);
  w.t.CreateUser({"admin-late@example.jp", "管理者", "admin", "clerical", w.org});
  auto admin = w.t.LoginAs("admin-late@example.jp");
  auto audit = admin.Get("/org/audit");
  EXPECT_THAT(audit.body, HasSubstr("事後入力（来所の記録）"));

  // A day still to come cannot have consultations entered afterwards.
  const std::string later = w.base + "/days/" + std::to_string(*future);
  auto refused =
      c.Submit(day + "/late", {{"arrived_at", "14:10"}, {"channel", "walk_in"}}, later + "/late");
  EXPECT_EQ(refused.status, 409);
  // A time that cannot be read is said so, and nothing is written.
  auto bad = c.Submit(day + "/late", {{"arrived_at", "25:99"}, {"channel", "walk_in"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("時刻を入力してください"));
  EXPECT_EQ(Count(w.t, "SELECT COUNT(*) FROM booking"), 1);
}

TEST(LateImport, CounselorsReachThePastDaysTheyWereOn) {
  World w;
  const core::Date today = core::DateFromUnixSeconds(w.t.clock().NowSeconds());
  w.t.clock().Set(UnixAtJst(today, 10 * 60));
  const auto nurse =
      w.t.CreateUser({"nurse-late@example.jp", "看護 師", "counselor", "nurse", w.org});
  std::vector<std::int64_t> days;
  for (int back : {40, 20, 5}) {
    auto day = w.t.sv().board.AddDay(w.who, w.actor, w.program, core::AddDays(today, -back),
                                     13 * 60, 16 * 60, consultations::DaySettings{});
    ASSERT_TRUE(day.ok());
    days.push_back(*day);
  }
  // On the roster of the first and last only.
  ASSERT_TRUE(w.t.sv().board.SetRoster(w.who, w.actor, w.program, days[0], {nurse}).ok());
  ASSERT_TRUE(w.t.sv().board.SetRoster(w.who, w.actor, w.program, days[2], {nurse}).ok());
  AcknowledgePledge(w.t, As(nurse, w.org, auth::Role::kCounselor), w.program, days[2]);
  auto c = w.t.LoginAs("nurse-late@example.jp");
  auto home = c.Get("/");
  EXPECT_THAT(home.body, HasSubstr("href=\"/days/past\""));
  auto past = c.Get("/days/past");
  ASSERT_EQ(past.status, 200) << past.body;
  EXPECT_THAT(past.body, HasSubstr(w.base + "/days/" + std::to_string(days[0]) + "\""));
  EXPECT_THAT(past.body, HasSubstr(w.base + "/days/" + std::to_string(days[2]) + "\""));
  EXPECT_THAT(past.body, Not(HasSubstr(w.base + "/days/" + std::to_string(days[1]) + "\"")));
  auto board = c.Get(w.base + "/days/" + std::to_string(days[2]));
  EXPECT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("開催済み"));
}

}  // namespace
}  // namespace tsunagu::testing

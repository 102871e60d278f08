// The training report (issue 15) reproduces seed 004's 表6 and 表7 from trainings, registrations
// (with participant types) and attendance that a coordinator enters through the pages, long
// after the dates, as from last years' paper lists.
#include "events/training_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "app/demo.hpp"
#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::int64_t NewestEventId(TestServer& t) {
  auto id = t.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COALESCE(MAX(id), 0) FROM community_event", soci::into(n);
    return n;
  });
  return id.ok() ? *id : 0;
}

// A training through the organiser's form; online only makes it Web開催.
std::int64_t MakeTraining(Client& c, TestServer& t, const std::string& kind,
                          const std::string& date, bool online_only) {
  Fields f = {{"kind", kind},           {"title", "ピア・サポーター研修会"},
              {"date", date},           {"start_time", "13:00"},
              {"end_time", "16:30"},    {"audiences", "patient"},
              {"audiences", "medical"}, {"contact", "長崎県 がん相談支援センター"},
              {"status", "published"}};
  if (online_only) {
    f.emplace_back("online_capacity", "80");
  } else {
    f.emplace_back("venue", "長崎県庁 大会議室");
    f.emplace_back("venue_capacity", "80");
  }
  auto r = c.Submit("/events/new", f);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 2000);
  return NewestEventId(t);
}

// Enters `n` registrations of `type` with their attendance, as from a paper list.
void Enter(Client& c, std::int64_t id, const std::string& type, int n,
           const std::string& attendance = "attended", bool new_trainee = false,
           const std::string& mode = "venue") {
  const std::string page = "/org/events/" + std::to_string(id) + "/attendance";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 2000);
  const std::string csrf = ExtractCsrf(form.body);
  for (int i = 0; i < n; ++i) {
    Fields f = {{"name", "参加者 " + type + std::to_string(i)},
                {"participant_type", type},
                {"mode", mode},
                {"attendance", attendance}};
    if (new_trainee) f.emplace_back("new_trainee", "1");
    f.emplace_back("csrf_token", csrf);
    auto r = c.Post(page + "/add", f);
    ASSERT_EQ(r.status, 303) << type << " " << r.body.substr(0, 2000);
  }
}

struct Row {
  std::string head;
  std::vector<std::string> cells;
};

std::string StripTags(const std::string& html) {
  return std::regex_replace(html, std::regex("<[^>]*>"), "");
}

// The body rows of the table with `id` as printed: the row header and the data cells' text.
std::vector<Row> TableRows(const std::string& body, const std::string& id) {
  std::vector<Row> rows;
  const auto start = body.find("id=\"" + id + "\"");
  if (start == std::string::npos) return rows;
  const auto tbody = body.find("<tbody>", start);
  const auto end = body.find("</tbody>", tbody);
  const std::string part = body.substr(tbody, end - tbody);
  std::regex tr("<tr>([\\s\\S]*?)</tr>");
  std::regex th("<th scope=\"row\">([\\s\\S]*?)<br>");
  std::regex td("<td[^>]*>([\\s\\S]*?)</td>");
  for (std::sregex_iterator it(part.begin(), part.end(), tr), e; it != e; ++it) {
    const std::string html = (*it)[1];
    Row row;
    std::smatch m;
    if (std::regex_search(html, m, th)) row.head = StripTags(m[1]);
    for (std::sregex_iterator c(html.begin(), html.end(), td); c != e; ++c) {
      row.cells.push_back(StripTags((*c)[1]));
    }
    rows.push_back(row);
  }
  return rows;
}

// Seed 004's trainings were held from 2020-11-14 to 2024-02-11 and are entered afterwards: on a
// test clock that starts before the last of them (the 2019-04-30 run), move to 2024-03-01.
void AfterTheSeedsTrainings(TestServer& t) {
  if (core::DateFromUnixSeconds(t.clock().NowSeconds()) < core::Date{2024, 3, 1}) {
    t.clock().Set(UnixAtJst({2024, 3, 1}, 10 * 60));
  }
}

TEST(TrainingReport, ReproducesSeed004Tables6And7) {
  TestServer t;
  AfterTheSeedsTrainings(t);
  auto w = BuildEventsWorld(t);
  auto c = t.LoginAs(w.coordinator_email);

  // 表6: 2020-11-14 養成研修会 15/18/4.
  auto basic = MakeTraining(c, t, "training_basic", "2020-11-14", false);
  Enter(c, basic, "peer", 15);
  Enter(c, basic, "medical_staff", 10);
  Enter(c, basic, "medical", 8);  // 医療機関 counts as 医療者
  Enter(c, basic, "government", 4);
  Enter(c, basic, "peer", 2, "absent");  // registered, did not come
  Enter(c, basic, "family", 1);          // attended, in no column
  // 2022-01-29 Web開催 フォローアップ 12/16/4, new trainees among them.
  auto web = MakeTraining(c, t, "training_follow_up", "2022-01-29", true);
  Enter(c, web, "peer", 9, "attended", false, "online");
  Enter(c, web, "peer", 3, "attended", true, "online");
  Enter(c, web, "medical_staff", 16, "attended", false, "online");
  Enter(c, web, "government", 4, "attended", false, "online");
  // 2023-01-07 8/16/5: one 行政 came without registering (walk-in, entered afterwards).
  auto third = MakeTraining(c, t, "training_follow_up", "2023-01-07", false);
  Enter(c, third, "peer", 7);
  Enter(c, third, "peer", 1, "attended", true);
  Enter(c, third, "medical_staff", 16);
  Enter(c, third, "government", 4);
  {
    const std::string page = "/org/events/" + std::to_string(third) + "/attendance";
    auto r = c.Submit(
        page, {{"participant_type", "government"}, {"mode", "venue"}, {"back", "attendance"}},
        "/org/events/" + std::to_string(third) + "/walk-in");
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  }
  // 2023-12-09 12/9/4: one registration first recorded absent, then corrected to attended.
  auto fourth = MakeTraining(c, t, "training_follow_up", "2023-12-09", false);
  Enter(c, fourth, "peer", 10);
  Enter(c, fourth, "peer", 1, "attended", true);
  Enter(c, fourth, "medical_staff", 9);
  Enter(c, fourth, "government", 4);
  Enter(c, fourth, "peer", 1, "absent");
  {
    long long corrected = 0;
    auto got = t.sv().db.Read<long long>([&](soci::session& s) {
      long long e = fourth;
      s << "SELECT MAX(id) FROM event_registration WHERE event_id = :e AND attendance = "
           "'absent'",
          soci::use(e), soci::into(corrected);
      return corrected;
    });
    ASSERT_TRUE(got.ok());
    const std::string page = "/org/events/" + std::to_string(fourth) + "/attendance";
    auto r = c.Submit(page, {{"attendance", "attended"}}, page + "/" + std::to_string(corrected));
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
  }
  // 表7: 企画・運営者研修会, 3/3/2/5/1.
  const std::vector<std::pair<std::string, int>> organiser = {{"2021-02-11", 3},
                                                              {"2021-11-03", 3},
                                                              {"2022-02-11", 2},
                                                              {"2022-11-03", 5},
                                                              {"2024-02-11", 1}};
  for (const auto& [date, n] : organiser) {
    auto id = MakeTraining(c, t, "training_organiser", date, false);
    Enter(c, id, "medical_staff", n);
    Enter(c, id, "medical_staff", 1, "absent");
  }
  // A cancelled-looking neighbour: a seminar in the same years is not a training.
  auto seminar = MakeTraining(c, t, "seminar", "2021-06-01", false);
  Enter(c, seminar, "peer", 3);

  auto page = c.Get("/org/events/trainings?from=2020-04-01&to=2024-03-31");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  auto t6 = TableRows(page.body, "table6");
  ASSERT_EQ(t6.size(), 4u) << page.body;
  EXPECT_EQ(t6[0].head, "2020年11月14日");
  EXPECT_THAT(t6[0].cells, ElementsAre("養成研修会", "15", "18", "4"));
  EXPECT_EQ(t6[1].head, "2022年1月29日＊");
  EXPECT_THAT(t6[1].cells, ElementsAre("フォローアップ研修会＊＊", "12", "16", "4"));
  EXPECT_EQ(t6[2].head, "2023年1月7日");
  EXPECT_THAT(t6[2].cells, ElementsAre("フォローアップ研修会＊＊", "8", "16", "5"));
  EXPECT_EQ(t6[3].head, "2023年12月9日");
  EXPECT_THAT(t6[3].cells, ElementsAre("フォローアップ研修会＊＊", "12", "9", "4"));
  EXPECT_THAT(page.body, HasSubstr("＊2022年1月29日はWeb開催"));
  EXPECT_THAT(page.body, HasSubstr("＊＊フォローアップ研修会に新規養成者も含まれる"));
  auto t7 = TableRows(page.body, "table7");
  ASSERT_EQ(t7.size(), 5u);
  const std::vector<std::string> dates = {"2021年2月11日", "2021年11月3日", "2022年2月11日",
                                          "2022年11月3日", "2024年2月11日"};
  const std::vector<std::string> counts = {"3", "3", "2", "5", "1"};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(t7[i].head, dates[i]);
    EXPECT_THAT(t7[i].cells, ElementsAre(counts[i]));
  }
  // One fiscal year narrows it: FY2022 (2022-04-01〜2023-03-31) has one row of each table.
  auto fy = c.Get("/org/events/trainings?fy=2022");
  ASSERT_EQ(fy.status, 200);
  EXPECT_EQ(TableRows(fy.body, "table6").size(), 1u);
  EXPECT_EQ(TableRows(fy.body, "table7").size(), 1u);
  // Every entry after the day is audited as late.
  auto late = t.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = 'event_registration.create' AND "
         "detail LIKE '%\"late\"%'",
        soci::into(n);
    return n;
  });
  ASSERT_TRUE(late.ok());
  EXPECT_GT(*late, 100);
  // Another organisation sees none of it; a bad range is explained.
  auto stranger = t.LoginAs(w.stranger_email);
  auto other = stranger.Get("/org/events/trainings?from=2020-04-01&to=2024-03-31");
  ASSERT_EQ(other.status, 200);
  EXPECT_TRUE(TableRows(other.body, "table6").size() == 1 &&
              TableRows(other.body, "table6")[0].cells.size() == 1);
  EXPECT_EQ(stranger.Get("/org/events/" + std::to_string(basic) + "/attendance").status, 404);
  EXPECT_EQ(c.Get("/org/events/trainings?from=2024-01-01&to=2023-01-01").status, 400);
}

TEST(TrainingReport, TheDemoHoldsTables6And7AndAnEventOfTodayWithCheckIns) {
  TestServer t;
  AfterTheSeedsTrainings(t);
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  auto org = t.sv().db.Read<long long>([](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM organization WHERE name = 'つなぐ県 保健医療部 疾病対策課'",
        soci::into(id);
    return id;
  });
  ASSERT_TRUE(org.ok());
  auth::Principal who;
  who.organization_id = *org;
  who.stage = "full";
  who.role = auth::Role::kCoordinator;
  auto report = events::BuildTrainingReport(t.sv().db, who, {2020, 4, 1}, {2024, 3, 31});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->trainings.size(), 4u);
  const int expected[4][3] = {{15, 18, 4}, {12, 16, 4}, {8, 16, 5}, {12, 9, 4}};
  for (int i = 0; i < 4; ++i) {
    const auto& line = report->trainings[i];
    EXPECT_EQ(line.by_column.at("peer"), expected[i][0]) << i;
    EXPECT_EQ(line.by_column.at("medical_staff"), expected[i][1]) << i;
    EXPECT_EQ(line.by_column.at("government"), expected[i][2]) << i;
    EXPECT_EQ(line.held_online, i == 1);
    EXPECT_EQ(line.new_trainees > 0, i > 0);
  }
  ASSERT_EQ(report->organiser.size(), 5u);
  const int organisers[5] = {3, 3, 2, 5, 1};
  for (int i = 0; i < 5; ++i) EXPECT_EQ(report->organiser[i].attended, organisers[i]);
  auto today = t.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM event_registration r JOIN community_event e ON e.id = r.event_id "
         "WHERE e.kind = 'peer_cafe' AND r.attended_at IS NOT NULL AND e.title LIKE '%受付の練習%'",
        soci::into(n);
    return n;
  });
  ASSERT_TRUE(today.ok());
  EXPECT_EQ(*today, 2);
}

}  // namespace
}  // namespace tsunagu::testing

// Consultation records and yearly figures through the JSON API (issue 17 point 4): the
// organisation's own records as the record page shows them, a page at a time, each read
// audited; the yearly figures are the report page's own numbers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "consultations/day_board.hpp"
#include "consultations/records.hpp"
#include "consultations/yearly_report.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t coordinator = 0;
  std::int64_t counselor = 0;
  std::int64_t viewer = 0;
  std::int64_t program = 0;
  int fiscal_year = 0;
  std::vector<std::int64_t> records;  // in day order
  std::vector<core::Date> dates;

  World() {
    org = t.CreateOrg("記録病院");
    coordinator =
        t.CreateUser({"kiroku-jimu@example.jp", "事務局", "coordinator", "clerical", org});
    counselor = t.CreateUser({"kiroku-soudan@example.jp", "相談員", "counselor", "msw", org});
    viewer = t.CreateUser({"kiroku-etsuran@example.jp", "閲覧者", "viewer", "msw", org});
    auth::Principal who;
    who.user_id = coordinator;
    who.stage = "full";
    who.organization_id = org;
    who.role = auth::Role::kCoordinator;
    const audit::Actor actor{coordinator, org, "127.0.0.1", "t"};
    auto& sv = t.sv();
    auto created = sv.consultations.CreateProgram(who, actor, "記録相談会", "");
    EXPECT_TRUE(created.ok());
    program = *created;
    consultations::DaySettings settings;
    settings.booths = 2;
    GenerateDaysAhead(t, who, actor, program, Seed001ScheduleRule(), settings);
    auto open =
        sv.consultations.OpenDays(program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
    EXPECT_TRUE(open.ok() && open->size() >= 2);
    if (!open.ok() || open->size() < 2) return;
    fiscal_year = core::FiscalYear((*open)[0].date);
    EXPECT_TRUE(sv.consultations.SetTarget(who, actor, program, {fiscal_year, 300, 25, 24}).ok());
    // Two consultations on the first day, one on the second; each attended and recorded.
    const std::vector<std::pair<std::size_t, std::size_t>> plan = {{1, 0}, {0, 1}, {0, 0}};
    std::vector<std::pair<std::size_t, std::int64_t>> booked;
    int n = 0;
    for (const auto& [day, slot] : plan) {
      consultations::BookingRequest r;
      r.slot_id = (*open)[day].slots[slot].id;
      r.channel = "phone";
      r.consent = true;
      r.intake = {false, "", "female", "50s", "仙台市", "hospital", "during", "on_leave", {"work"}};
      r.contact = {"記録氏名カナリア" + std::to_string(n++), "きろく", "09011112222", "", "", ""};
      auto receipt = sv.board.BookForCaller(who, actor, program, r, nullptr);
      EXPECT_TRUE(receipt.ok());
      if (receipt.ok()) booked.emplace_back(day, receipt->booking_id);
    }
    // Recorded in day order (the second day's booking was taken first).
    std::sort(booked.begin(), booked.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < booked.size(); ++i) {
      const auto& day = (*open)[booked[i].first];
      t.clock().Set(UnixAtJst(day.date, day.start_minutes + 10));
      EXPECT_TRUE(sv.board.CheckIn(who, actor, program, booked[i].second).ok());
      consultations::RecordInput in;
      in.professions = {"msw"};
      in.topics = i == 0 ? std::vector<std::string>{"leave_return", "money"}
                         : std::vector<std::string>{"keep_working"};
      in.outcome = i == 0 ? "job_decided" : "support_continues";
      in.follow_up = "continue";
      in.minutes = 40 + static_cast<int>(i);
      in.summary = "要約カナリア" + std::to_string(i);
      in.info_given = "傷病手当金の案内";
      auto saved = sv.records.Save(who, actor, program, booked[i].second, in);
      EXPECT_TRUE(saved.ok());
      if (saved.ok()) records.push_back(*saved);
      dates.push_back(day.date);
    }
  }

  std::string Token(std::int64_t user, const std::string& scopes, std::int64_t in_org = 0) {
    const std::int64_t o = in_org == 0 ? org : in_org;
    auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, o, "127.0.0.1", "t"}, user,
                                          o, "記録", 30, *api::Scopes::Parse(scopes));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->token : std::string();
  }
};

Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

std::vector<std::int64_t> Ids(const boost::json::value& page) {
  std::vector<std::int64_t> out;
  for (const auto& item : page.at("items").as_array()) out.push_back(item.at("id").as_int64());
  return out;
}

int CountAudit(TestServer& t, const std::string& action) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int count = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = :a AND detail LIKE '%\"via\":\"api\"%'",
        soci::use(action), soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

TEST(ApiRecords, TheOrganisationsRecordsAsTheRecordPageShowsThem) {
  World w;
  ASSERT_EQ(w.records.size(), 3U);
  const std::string token = w.Token(w.counselor, "records:read");
  auto api = w.t.NewClient();
  auto r = api.Request("GET", "/api/v1/records", "", Bearer(token));
  ASSERT_EQ(r.status, 200) << r.body;
  auto page = boost::json::parse(r.body);
  EXPECT_EQ(Ids(page), w.records);
  EXPECT_TRUE(page.at("next_cursor").is_null());
  const auto& first = page.at("items").as_array().front().as_object();
  EXPECT_EQ(first.at("summary"), "要約カナリア0");
  EXPECT_EQ(first.at("info_given"), "傷病手当金の案内");
  EXPECT_EQ(first.at("outcome"), "job_decided");
  EXPECT_EQ(first.at("program_id").as_int64(), w.program);
  EXPECT_EQ(std::string(first.at("date").as_string()), core::ToIso(w.dates[0]));
  // The record page's own reading of the same record.
  auth::Principal counselor;
  counselor.user_id = w.counselor;
  counselor.stage = "full";
  counselor.organization_id = w.org;
  counselor.role = auth::Role::kCounselor;
  auto shown = w.t.sv().records.Get(counselor, {w.counselor, w.org, "127.0.0.1", "t"}, w.program,
                                    first.at("booking_id").as_int64());
  ASSERT_TRUE(shown.ok() && shown->has_value());
  EXPECT_EQ(std::string(first.at("summary").as_string()), (*shown)->input.summary);
  EXPECT_EQ(first.at("minutes").as_int64(), (*shown)->input.minutes);
  EXPECT_EQ(std::string(first.at("author_name").as_string()), (*shown)->author_name);
  // Never the person's name: the record is about what was discussed.
  EXPECT_THAT(r.body, Not(HasSubstr("記録氏名カナリア")));
  // Each record read is audited, as an opened record page.
  EXPECT_EQ(CountAudit(w.t, "record.read"), 3);

  // One at a time, following the cursor.
  std::vector<std::int64_t> paged;
  std::string cursor;
  for (int i = 0; i < 5; ++i) {
    auto p =
        api.Request("GET", "/api/v1/records?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor),
                    "", Bearer(token));
    ASSERT_EQ(p.status, 200) << p.body;
    auto v = boost::json::parse(p.body);
    for (auto id : Ids(v)) paged.push_back(id);
    if (v.at("next_cursor").is_null()) break;
    cursor = std::string(v.at("next_cursor").as_string());
  }
  EXPECT_EQ(paged, w.records);
  // By day.
  const std::string day2 = core::ToIso(w.dates.back());
  auto later =
      api.Request("GET", "/api/v1/records?from=" + day2 + "&to=" + day2, "", Bearer(token));
  EXPECT_EQ(Ids(boost::json::parse(later.body)), std::vector<std::int64_t>{w.records.back()});
  EXPECT_EQ(api.Request("GET", "/api/v1/records?from=x", "", Bearer(token)).status, 400);
  EXPECT_EQ(api.Request("GET", "/api/v1/records?cursor=abc", "", Bearer(token)).status, 400);
}

TEST(ApiRecords, ViewersOtherScopesAndOtherOrganisationsSeeNoRecord) {
  World w;
  auto api = w.t.NewClient();
  // A viewer may not read records (as on the pages); bookings reading is not records reading.
  EXPECT_EQ(
      api.Request("GET", "/api/v1/records", "", Bearer(w.Token(w.viewer, "records:read"))).status,
      403);
  auto scope =
      api.Request("GET", "/api/v1/records", "", Bearer(w.Token(w.counselor, "bookings:write")));
  EXPECT_EQ(scope.status, 403);
  EXPECT_THAT(scope.body, HasSubstr("records:read"));
  // Another organisation's counsellor lists its own (none), never ours.
  const auto other_org = w.t.CreateOrg("別の記録病院");
  const auto other =
      w.t.CreateUser({"betsu@example.jp", "別 相談員", "counselor", "msw", other_org});
  auto foreign = api.Request("GET", "/api/v1/records", "",
                             Bearer(w.Token(other, "records:read reports:read", other_org)));
  ASSERT_EQ(foreign.status, 200);
  EXPECT_TRUE(boost::json::parse(foreign.body).at("items").as_array().empty());
  EXPECT_THAT(foreign.body, Not(HasSubstr("要約カナリア")));
  EXPECT_EQ(CountAudit(w.t, "record.read"), 0);
}

TEST(ApiYearlyFigures, TheReportPagesNumbers) {
  World w;
  ASSERT_EQ(w.records.size(), 3U);
  const std::string token = w.Token(w.coordinator, "reports:read");
  auto api = w.t.NewClient();
  const std::string fy = std::to_string(w.fiscal_year);
  auto r = api.Request("GET", "/api/v1/reports/yearly?year=" + fy, "", Bearer(token));
  ASSERT_EQ(r.status, 200) << r.body;
  auto v = boost::json::parse(r.body);
  EXPECT_EQ(v.at("fiscal_year").as_int64(), w.fiscal_year);
  ASSERT_EQ(v.at("programs").as_array().size(), 1U);
  const auto& p = v.at("programs").as_array()[0].as_object();
  EXPECT_EQ(p.at("program_id").as_int64(), w.program);
  EXPECT_EQ(p.at("consultations").as_int64(), 3);
  EXPECT_EQ(p.at("placements").as_int64(), 1);
  EXPECT_EQ(p.at("records").as_int64(), 3);
  EXPECT_EQ(p.at("target").at("consultations").as_int64(), 300);

  // The report's own numbers, field by field.
  auth::Principal who;
  who.user_id = w.coordinator;
  who.stage = "full";
  who.organization_id = w.org;
  who.role = auth::Role::kCoordinator;
  auto report = w.t.sv().reports.Build(who, w.program, w.fiscal_year);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(p.at("days_held").as_int64(), report->days_held);
  EXPECT_EQ(p.at("missing_records").as_int64(), report->missing_records);
  ASSERT_EQ(p.at("days").as_array().size(), report->days.size());
  auto same = [](const boost::json::value& api_totals,
                 const std::vector<consultations::CodeTotal>& page_totals) {
    const auto& a = api_totals.as_array();
    if (a.size() != page_totals.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].at("code") != page_totals[i].code.c_str() ||
          a[i].at("count").as_int64() != page_totals[i].count) {
        return false;
      }
    }
    return true;
  };
  EXPECT_TRUE(same(p.at("topics"), report->topics));
  EXPECT_TRUE(same(p.at("outcomes"), report->outcomes));
  EXPECT_TRUE(same(p.at("follow_ups"), report->follow_ups));
  EXPECT_TRUE(same(p.at("channels"), report->channels));
  EXPECT_TRUE(same(p.at("modes"), report->modes));

  // And as the page's CSV download writes them: each day's row and the totals.
  auto c = w.t.LoginAs("kiroku-jimu@example.jp");
  auto csv = c.Get("/programs/" + std::to_string(w.program) + "/report.csv?fy=" + fy);
  ASSERT_EQ(csv.status, 200);
  int days_with_consultations = 0;
  for (const auto& d : p.at("days").as_array()) {
    const std::string row = "\r\n第" + std::to_string(d.at("number").as_int64()) + "回," +
                            std::string(d.at("date").as_string()) + "," +
                            std::to_string(d.at("staff").as_int64()) + "," +
                            std::to_string(d.at("consultations").as_int64()) + ",";
    EXPECT_THAT(csv.body, HasSubstr(row));
    if (d.at("consultations").as_int64() > 0) ++days_with_consultations;
  }
  EXPECT_EQ(days_with_consultations, 2);
  EXPECT_THAT(csv.body, HasSubstr("\r\n相談件数,3,300,"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n就労決定数,1,25,"));
  EXPECT_THAT(csv.body, HasSubstr("\r\n休職・復職の不安,1,"));

  // One programme, another year, bad years, scope, role, another organisation.
  auto one = api.Request(
      "GET", "/api/v1/reports/yearly?year=" + fy + "&program_id=" + std::to_string(w.program), "",
      Bearer(token));
  EXPECT_EQ(boost::json::parse(one.body).at("programs").as_array().size(), 1U);
  auto next = api.Request("GET", "/api/v1/reports/yearly?year=" + std::to_string(w.fiscal_year + 1),
                          "", Bearer(token));
  EXPECT_EQ(boost::json::parse(next.body).at("programs").as_array()[0].at("consultations"), 0);
  for (const char* bad : {"1999", "2101", "abc"}) {
    EXPECT_EQ(
        api.Request("GET", std::string("/api/v1/reports/yearly?year=") + bad, "", Bearer(token))
            .status,
        400)
        << bad;
  }
  EXPECT_EQ(api.Request("GET", "/api/v1/reports/yearly", "",
                        Bearer(w.Token(w.coordinator, "records:read")))
                .status,
            403);
  EXPECT_EQ(
      api.Request("GET", "/api/v1/reports/yearly", "", Bearer(w.Token(w.counselor, "reports:read")))
          .status,
      403);
  const auto other_org = w.t.CreateOrg("別の集計病院");
  const auto other =
      w.t.CreateUser({"betsu-jimu@example.jp", "別 事務局", "coordinator", "clerical", other_org});
  const std::string foreign = w.Token(other, "reports:read", other_org);
  auto theirs = api.Request("GET", "/api/v1/reports/yearly?year=" + fy, "", Bearer(foreign));
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(boost::json::parse(theirs.body).at("programs").as_array().empty());
  EXPECT_THAT(theirs.body, Not(HasSubstr("記録相談会")));
  EXPECT_EQ(api.Request("GET", "/api/v1/reports/yearly?program_id=" + std::to_string(w.program), "",
                        Bearer(foreign))
                .status,
            404);
}

}  // namespace
}  // namespace tsunagu::testing

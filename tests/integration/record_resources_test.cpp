// The 相談記録 names the directory entries a person was introduced to (issue 15), on both
// engines: active entries of any organisation grouped by category on the form (plain checkboxes,
// no JavaScript needed), a deactivated entry of another organisation refused, a deactivated
// entry kept on the records that named it, and the yearly report's counts per entry and
// category.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "directory_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using ::testing::HasSubstr;
using ::testing::Not;

struct World {
  std::int64_t org = 0;
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  std::int64_t day_id = 0;
  core::Date day_date;
  std::vector<std::int64_t> bookings;
};

BookingRequest Booking(std::int64_t slot_id) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "web";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "みどり市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work"};
  r.contact.name = "紹介 花子";
  r.contact.furigana = "しょうかい はなこ";
  r.contact.phone = "090-1234-5678";
  r.consent = true;
  return r;
}

// A host with a programme, its next open day and two attended consultations.
World MakeWorld(TestServer& t) {
  World w;
  w.org = t.CreateOrg("つなぐ県 疾病対策課 紹介", "municipality");
  auto coord = t.CreateUser({"jimu@refer.test", "事務局", "coordinator", "clerical", w.org});
  t.CreateUser({"counselor@refer.test", "相談員", "counselor", "nurse", w.org});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.actor = {coord, w.org, "127.0.0.1", "t"};
  auto program =
      t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談 紹介", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  DaySettings settings;
  settings.booths = 8;
  settings.venue = "県庁 相談室";
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  for (int fy : {core::FiscalYear(today), core::FiscalYear(today) + 1}) {
    EXPECT_TRUE(
        t.sv()
            .consultations
            .GenerateDays(w.coordinator, w.actor, w.program, Seed001ScheduleRule(), fy, settings)
            .ok());
  }
  auto open = t.sv().consultations.OpenDays(w.program, today, 1);
  EXPECT_TRUE(open.ok() && !open->empty());
  if (!open.ok() || open->empty()) return w;
  const auto& day = open->front();
  w.day_id = day.id;
  w.day_date = day.date;
  for (int i = 0; i < 2; ++i) {
    auto receipt = t.sv().consultations.Book(Booking(day.slots[i % day.slots.size()].id),
                                             {0, w.org, "127.0.0.1", "t"}, nullptr);
    EXPECT_TRUE(receipt.ok());
    if (receipt.ok()) w.bookings.push_back(receipt->booking_id);
  }
  const std::int64_t evening = std::int64_t{core::DaysBetween({1970, 1, 1}, w.day_date)} * 86400 +
                               (18 * 60 + 30) * 60 - 9 * 3600;
  if (t.clock().NowSeconds() < evening) t.clock().Set(evening);
  for (auto b : w.bookings) {
    auto done = t.sv().board.CheckIn(w.coordinator, w.actor, w.program, b);
    EXPECT_TRUE(done.ok());
  }
  return w;
}

std::string RecordPath(const World& w, std::int64_t booking) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day_id) +
         "/bookings/" + std::to_string(booking) + "/record";
}

std::vector<std::pair<std::string, std::string>> Fields(std::vector<std::int64_t> resources) {
  std::vector<std::pair<std::string, std::string>> f = {
      {"professions", "nurse"}, {"topics", "keep_working"}, {"outcome", "info_provided"},
      {"follow_up", "none"},    {"minutes", "40"},          {"summary", "要約"},
      {"info_given", ""}};
  for (auto id : resources) f.emplace_back("resources", std::to_string(id));
  return f;
}

TEST(RecordResources, CounselorsPickDirectoryEntriesAndTheReportCountsThem) {
  TestServer t;
  World w = MakeWorld(t);
  ASSERT_EQ(w.bookings.size(), 2u);
  DirectoryWorld d = MakeDirectoryWorld(t);
  auto counselor = t.LoginAs("counselor@refer.test");
  const std::string first = RecordPath(w, w.bookings[0]);
  const std::string second = RecordPath(w, w.bookings[1]);

  // The form: active entries of every organisation, grouped by category, plain checkboxes.
  auto form = counselor.Get(first);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("<legend>生殖医療・妊孕性</legend>"));
  EXPECT_THAT(form.body, HasSubstr("<legend>ハローワーク</legend>"));
  EXPECT_THAT(form.body, HasSubstr("name=\"resources\" value=\"" + std::to_string(d.labor) + "\""));
  EXPECT_THAT(form.body, HasSubstr("社労士による両立支援相談"));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"referred_to\"")))
      << "the fixed list gave way to the directory";

  // Another organisation's deactivated entry cannot be picked: refused, kept, nothing saved.
  directory::DirectoryService dir(t.sv().db, t.sv().clock);
  ASSERT_TRUE(dir.SetActive(d.sharoushi_coordinator, {0, d.sharoushi, "t", "t"}, d.labor, false));
  auto refused = counselor.Submit(first, Fields({d.fertility, d.labor}));
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("相談窓口・情報の一覧にない窓口は選べません"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"" + std::to_string(d.fertility) + "\" checked"));
  EXPECT_THAT(refused.body, Not(HasSubstr("社労士による両立支援相談")));
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM consultation_record"), 0);
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM record_resource"), 0);

  // Two records: fertility + hello work, then hello work alone.
  ASSERT_EQ(counselor.Submit(first, Fields({d.fertility, d.hello_work})).status, 303);
  auto with_code = Fields({d.hello_work});
  with_code.emplace_back("referred_to", "lawyer");  // as a record written before kept it
  ASSERT_EQ(counselor.Submit(second, with_code).status, 303);
  EXPECT_THAT(counselor.Get(second).body,
              HasSubstr("name=\"referred_to\" value=\"lawyer\" checked"))
      << "a record with an old code still shows it";
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM record_resource"), 3);
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'record.resources'"), 2);
  auto view = counselor.Get(first + "/view");
  EXPECT_THAT(view.body, HasSubstr("がん・生殖医療相談窓口（つなぐ県がん・生殖医療ネットワーク）"));
  EXPECT_THAT(view.body, HasSubstr("ハローワークみどり 専門援助部門"));

  // Deactivated later: still on the record (marked), still offered checked on its form, and a
  // re-save keeps it; a new record cannot pick it.
  ASSERT_TRUE(dir.SetActive(d.centre_coordinator, d.actor, d.hello_work, false));
  view = counselor.Get(first + "/view");
  EXPECT_THAT(view.body,
              HasSubstr("ハローワークみどり 専門援助部門（ハローワークみどり） （掲載終了）"));
  EXPECT_THAT(counselor.Get(first).body,
              HasSubstr("value=\"" + std::to_string(d.hello_work) + "\" checked"));
  ASSERT_EQ(counselor.Submit(first, Fields({d.fertility, d.hello_work})).status, 303);
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM record_resource"), 3);

  // The yearly report: records per entry and per category.
  auto office = t.LoginAs("jimu@refer.test");
  const int fy = core::FiscalYear(w.day_date);
  auto report =
      office.Get("/programs/" + std::to_string(w.program) + "/report?fy=" + std::to_string(fy));
  ASSERT_EQ(report.status, 200) << report.body.substr(0, 300);
  EXPECT_THAT(report.body, HasSubstr("紹介した窓口・情報"));
  EXPECT_THAT(report.body, HasSubstr("<th scope=\"row\">ハローワークみどり 専門援助部門 "
                                     "（掲載終了）</th><td>ハローワーク</td><td "
                                     "class=\"numeric\">2</td>"));
  EXPECT_THAT(report.body,
              HasSubstr("<th scope=\"row\">がん・生殖医療相談窓口</th><td>生殖医療・妊孕性</"
                        "td><td class=\"numeric\">1</td>"));
  EXPECT_THAT(report.body,
              HasSubstr("<th scope=\"row\">生殖医療・妊孕性</th><td class=\"numeric\">1</td>"));
  EXPECT_THAT(report.body,
              HasSubstr("<th scope=\"row\">ハローワーク</th><td class=\"numeric\">2</td>"));
  EXPECT_THAT(
      report.body,
      HasSubstr("<th scope=\"row\">社会保険労務士・弁護士</th><td class=\"numeric\">0</td>"));

  // Dropping every pick empties the record's list.
  ASSERT_EQ(counselor.Submit(second, Fields({})).status, 303);
  EXPECT_EQ(CountOf(t, "SELECT COUNT(*) FROM record_resource"), 2);
}

}  // namespace
}  // namespace tsunagu::testing

// A year whose rule changes (issue 14, point 4) through HTTP and the service on both engines:
// seed 000's year (4〜9月は第2木・第4火、2階カンファレンス室; 10〜3月は第2火・第4水、1階相談室) is
// previewed whole and generated with each half's venue; regenerating with a changed rule
// removes the days nobody booked and keeps the booked ones; overlapping rules are refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "app/demo.hpp"
#include "consultation_data.hpp"
#include "consultations/program_info.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using consultations::HolidayPolicy;
using consultations::ScheduleRule;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kSpringVenue = "市立病院2階 カンファレンス室";
constexpr const char* kAutumnVenue = "市立病院1階 総合サポートセンター窓口横 相談室";

using Fields = std::vector<std::pair<std::string, std::string>>;

// Seed 000's year as the 事務局 types it into the form.
Fields Seed000Year(int fiscal_year) {
  return {{"fiscal_year", std::to_string(fiscal_year)},
          {"from_month", "4"},
          {"to_month", "9"},
          {"occurrences", "2-4"},
          {"occurrences", "4-2"},
          {"start_minutes", "13:00"},
          {"end_minutes", "16:00"},
          {"venue", kSpringVenue},
          {"p2_from_month", "10"},
          {"p2_to_month", "3"},
          {"p2_occurrences", "2-2"},
          {"p2_occurrences", "4-3"},
          {"p2_start_minutes", "13:00"},
          {"p2_end_minutes", "16:00"},
          {"p2_venue", kAutumnVenue},
          {"on_holiday", "skip"},
          {"mode", "in_person"},
          {"booths", "2"},
          {"slot_minutes", "45"},
          {"prep_minutes", "15"},
          {"debrief_minutes", "15"}};
}

int CountRows(const std::string& body) {
  int n = 0;
  for (auto pos = body.find("<th scope=\"row\">"); pos != std::string::npos;
       pos = body.find("<th scope=\"row\">", pos + 1)) {
    ++n;
  }
  return n;
}

struct World {
  std::int64_t org = 0;
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
};

World MakeWorld(TestServer& t) {
  World w;
  w.org = t.CreateOrg("パーソナルサポートセンター", "employment_support");
  const auto user =
      t.CreateUser({"nenkan@example.jp", "年間 事務局", "coordinator", "clerical", w.org});
  w.coordinator = As(user, w.org, auth::Role::kCoordinator);
  w.actor = {user, w.org, "t", "t"};
  auto program =
      t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワーキングサポートセンター", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  return w;
}

TEST(ScheduleYear, Seed000sYearIsPreviewedWholeAndGeneratedWithEachHalfsVenue) {
  TestServer t;
  auto w = MakeWorld(t);
  auto c = t.LoginAs("nenkan@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program);
  auto form = c.Get(page + "/generate?fy=2017");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"p2_occurrences\""));
  EXPECT_THAT(form.body, HasSubstr("name=\"from_month\""));

  auto preview =
      c.Submit(page + "/generate?fy=2017", Seed000Year(2017), page + "/generate/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  // The whole 年度 (H29: 2017-04 to 2018-03), both rules: 年間24回.
  EXPECT_EQ(CountRows(preview.body), 24);
  EXPECT_THAT(preview.body, HasSubstr("4月〜9月"));
  EXPECT_THAT(preview.body, HasSubstr("10月〜3月"));
  EXPECT_THAT(preview.body, HasSubstr("毎月第2木曜日と第4火曜日 13:00〜16:00"));
  EXPECT_THAT(preview.body, HasSubstr("毎月第2火曜日と第4水曜日 13:00〜16:00"));
  EXPECT_THAT(preview.body, HasSubstr("平成29年4月13日"));   // 第1回
  EXPECT_THAT(preview.body, HasSubstr("平成29年9月26日"));   // the last 第4火曜
  EXPECT_THAT(preview.body, HasSubstr("平成29年10月10日"));  // 第13回, the new rule
  EXPECT_THAT(preview.body, HasSubstr("平成30年3月28日"));   // 第24回
  EXPECT_THAT(preview.body, Not(HasSubstr("平成29年10月12日"))) << "no 第2木曜 after September";
  EXPECT_EQ(t.sv().consultations.ListDays(w.coordinator, w.program, 2017)->size(), 0u)
      << "the preview writes nothing";

  auto done = c.Submit(page + "/generate?fy=2017", Seed000Year(2017), page + "/generate");
  ASSERT_EQ(done.status, 303) << done.body;
  auto days = t.sv().consultations.ListDays(w.coordinator, w.program, 2017);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 24u);
  for (const auto& d : *days) {
    const bool spring = d.date.month >= 4 && d.date.month <= 9;
    EXPECT_EQ(d.venue, spring ? kSpringVenue : kAutumnVenue) << d.date;
    const int weekday = core::Weekday(d.date);
    EXPECT_EQ(weekday, spring ? (d.date.day <= 14 ? 4 : 2) : (d.date.day <= 14 ? 2 : 3)) << d.date;
    EXPECT_EQ(d.start_minutes, 13 * 60);
    EXPECT_EQ(d.slots.size(), 3u);
  }
  auto shown = c.Get(done.Header("location"));
  EXPECT_THAT(shown.body, HasSubstr("開催日を24日作成しました"));
  EXPECT_THAT(shown.body, HasSubstr(kAutumnVenue));

  // Generating the same year again changes nothing.
  auto again = c.Submit(page + "/generate?fy=2017", Seed000Year(2017), page + "/generate");
  ASSERT_EQ(again.status, 303);
  EXPECT_THAT(again.Header("location"), HasSubstr("created=0&existing=24&removed=0&kept=0"));
}

TEST(ScheduleYear, RegeneratingWithAChangedRuleKeepsTheBookedDays) {
  TestServer t;
  auto w = MakeWorld(t);
  // A year wholly ahead, so every day of it can be booked and compared.
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds())) + 1;
  ScheduleRule whole_year = Seed001ScheduleRule();
  whole_year.on_holiday = HolidayPolicy::kSkip;
  DaySettings spring_settings;
  spring_settings.venue = kSpringVenue;
  auto first = t.sv().consultations.GenerateDays(w.coordinator, w.actor, w.program, whole_year, fy,
                                                 spring_settings);
  ASSERT_TRUE(first.ok());
  auto before = t.sv().consultations.ListDays(w.coordinator, w.program, fy);
  ASSERT_TRUE(before.ok());
  // A person books the first day of November under the old rule (第2木曜 or 第4火曜).
  const consultations::ConsultationDay* booked_day = nullptr;
  int old_autumn_days = 0;
  int spring_days = 0;
  for (const auto& d : *before) {
    const bool autumn = d.date.month >= 10 || d.date.month <= 3;
    (autumn ? old_autumn_days : spring_days) += 1;
    if (!booked_day && d.date.month == 11) booked_day = &d;
  }
  ASSERT_NE(booked_day, nullptr);
  const core::Date booked_date = booked_day->date;
  BookingRequest r;
  r.slot_id = booked_day->slots.front().id;
  r.channel = "phone";
  r.intake.gender = "female";
  r.intake.age_band = "50s";
  r.intake.municipality = "仙台市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact = {"年度 花子", "ねんど はなこ", "022-111-2222", "", "", ""};
  r.consent = true;
  auto receipt = t.sv().consultations.Book(r, w.actor, nullptr);
  ASSERT_TRUE(receipt.ok()) << receipt.error().message_key;

  // The preview says which days go and which stay.
  auto c = t.LoginAs("nenkan@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program);
  auto fields = Seed000Year(fy);
  for (auto& [name, value] : fields) {
    if (name == "start_minutes" || name == "p2_start_minutes") value = "18:00";
    if (name == "end_minutes" || name == "p2_end_minutes") value = "21:00";
    if (name == "venue") value = kSpringVenue;
  }
  auto preview =
      c.Submit(page + "/generate?fy=" + std::to_string(fy), fields, page + "/generate/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_THAT(preview.body, HasSubstr("残す開催日（予約または担当あり）"));
  EXPECT_THAT(preview.body, HasSubstr("削除する開催日（予約なし）"));
  const std::string booked_text = core::FormatDate(booked_date, "ja");
  const auto kept_at = preview.body.find("残す開催日");
  const auto removed_at = preview.body.find("削除する開催日");
  ASSERT_NE(kept_at, std::string::npos);
  EXPECT_NE(preview.body.find(booked_text, kept_at), std::string::npos);
  EXPECT_LT(preview.body.find(booked_text, kept_at), removed_at);

  auto done = c.Submit(page + "/generate?fy=" + std::to_string(fy), fields, page + "/generate");
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_THAT(c.Get(done.Header("location")).body, HasSubstr("予約や担当のある1日はそのまま残し"));

  auto after = t.sv().consultations.ListDays(w.coordinator, w.program, fy);
  ASSERT_TRUE(after.ok());
  int new_spring = 0;
  bool booked_kept = false;
  for (const auto& d : *after) {
    const bool autumn = d.date.month >= 10 || d.date.month <= 3;
    if (!autumn) {
      ++new_spring;
      continue;
    }
    if (d.date == booked_date) {
      booked_kept = true;
      int booked = 0;
      for (const auto& s : d.slots) booked += s.booked;
      EXPECT_EQ(booked, 1) << "the booking is still there";
      continue;
    }
    // Every other autumn day is the new rule's: 第2火曜 or 第4水曜 in the 1階相談室.
    const int weekday = core::Weekday(d.date);
    EXPECT_TRUE(weekday == 2 || weekday == 3) << d.date;
    EXPECT_EQ(d.venue, kAutumnVenue) << d.date;
  }
  EXPECT_TRUE(booked_kept);
  EXPECT_EQ(new_spring, spring_days) << "the first half's days are untouched";
  EXPECT_GT(old_autumn_days, 1);
}

TEST(ScheduleYear, OverlappingOrBackwardsMonthsAreRefusedWithWhatWasTypedKept) {
  TestServer t;
  auto w = MakeWorld(t);
  auto c = t.LoginAs("nenkan@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program);
  auto overlap = Seed000Year(2017);
  for (auto& [name, value] : overlap) {
    if (name == "p2_from_month") value = "9";
  }
  auto r = c.Submit(page + "/generate?fy=2017", overlap, page + "/generate/preview");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("2つのルールの期間が重なっています"));
  EXPECT_THAT(r.body, HasSubstr(kAutumnVenue));
  auto backwards = Seed000Year(2017);
  for (auto& [name, value] : backwards) {
    if (name == "from_month") value = "10";
    if (name == "to_month") value = "4";
  }
  r = c.Submit(page + "/generate?fy=2017", backwards, page + "/generate");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("年度の順（4月〜3月）で選んでください"));
  EXPECT_EQ(t.sv().consultations.ListDays(w.coordinator, w.program, 2017)->size(), 0u);

  // Another organisation's coordinator cannot preview or generate this programme.
  const auto other = t.CreateOrg("よその法人", "employment_support");
  t.CreateUser({"yoso-nenkan@example.jp", "よその 事務局", "coordinator", "clerical", other});
  auto stranger = t.LoginAs("yoso-nenkan@example.jp");
  EXPECT_EQ(stranger.Submit("/programs", Seed000Year(2017), page + "/generate").status, 404);
  EXPECT_EQ(t.sv().consultations.ListDays(w.coordinator, w.program, 2017)->size(), 0u);
}

// A newcomer's demo: the hospital's year changes rule and venue in October, and the prefecture's
// one-stop programme shows its office and a 前日17時 deadline.
TEST(ScheduleYear, TheDemoShowsATwoRuleYearTheOfficesContactsAndADeadline) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  struct Named {
    long long id = 0;
    long long org = 0;
  };
  auto find = [&](const std::string& name) {
    auto found = t.app().db().Read<Named>([&](soci::session& s) {
      Named n;
      s << "SELECT id, organization_id FROM program WHERE name = :n", soci::use(name),
          soci::into(n.id), soci::into(n.org);
      return n;
    });
    return found.ok() ? *found : Named{};
  };
  const auto hospital = find("ワーキングサポート 院内就労相談会");
  ASSERT_NE(hospital.id, 0);
  const auto who = As(0, hospital.org, auth::Role::kCoordinator);
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(t.clock().NowSeconds())) + 1;
  auto days = t.sv().consultations.ListDays(who, hospital.id, fy);
  ASSERT_TRUE(days.ok());
  EXPECT_GE(days->size(), 20u);
  std::set<std::string> venues;
  for (const auto& d : *days) venues.insert(d.venue);
  EXPECT_EQ(venues.size(), 2u) << "one venue for 4〜9月, another for 10〜3月";

  const auto one_stop = find("働くがん患者のためのワンストップ相談");
  ASSERT_NE(one_stop.id, 0);
  consultations::ProgramInfoStore store(t.app().db(), t.clock());
  auto info = store.ForPublic(one_stop.id);
  ASSERT_TRUE(info.ok());
  EXPECT_FALSE(info->office_phone.empty());
  EXPECT_FALSE(info->office_email.empty());
  EXPECT_EQ(info->deadline, (consultations::BookingDeadline{"day_before", 17}));
}

}  // namespace
}  // namespace tsunagu::testing

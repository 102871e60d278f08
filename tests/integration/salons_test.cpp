// The cancer salon directory (issue 15, seed 004) on both engines: the support centre keeps its
// salons through the forms (audited, errors keep what was typed); anyone finds them at /salons
// with kana-folded search and area/network filters; each salon's meetings for the coming six
// months are salon_meeting events on the calendar, moved when the rule changes, cancelled when
// the salon closes, and extended by the monthly round without duplicates.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "consultations/schedule_year.hpp"
#include "core/wareki.hpp"
#include "http/message.hpp"
#include "salons_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> MeetingDates(TestServer& t, std::int64_t salon_id,
                                      const std::string& status) {
  auto dates = t.app().db().Read<std::vector<std::string>>([&](soci::session& s) {
    long long sid = salon_id;
    std::vector<std::string> out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT event_date FROM community_event WHERE salon_id = :s AND status = :st "
                      "AND kind = 'salon_meeting' ORDER BY event_date",
         soci::use(sid), soci::use(status));
    for (const auto& r : rows) out.push_back(r.get<std::string>(0));
    return out;
  });
  return dates.ok() ? *dates : std::vector<std::string>{};
}

bool IsNthWeekday(const std::string& iso, int nth, int weekday) {
  const auto d = core::ParseIsoDate(iso);
  return d && core::Weekday(*d) == weekday && (d->day - 1) / 7 + 1 == nth;
}

// How many meetings a rule gives from `from` to the end of the sixth month after: its days
// that are neither public holidays nor in the year-end closure (salons skip those).
std::size_t RuleDays(TestServer& t, int nth, int weekday, core::Date from) {
  const auto* holidays = consultations::LoadedHolidays(t.config().data_dir);
  int m = from.month - 1 + salons::kMonthsAhead + 1;
  const core::Date until{from.year + m / 12, m % 12 + 1, 1};
  std::size_t n = 0;
  for (core::Date d = from; d < until; d = core::AddDays(d, 1)) {
    if (core::Weekday(d) != weekday || holidays->IsHoliday(d) || consultations::IsYearEndClosure(d))
      continue;
    const bool last = d.day + 7 > core::DaysInMonth(d.year, d.month);
    if ((nth == -1 && last) || (nth > 0 && (d.day - 1) / 7 + 1 == nth)) ++n;
  }
  return n;
}

// A day in the middle of the test clock's month, so the six months ahead do not depend on the
// hour or the date the suite starts at.
core::Date MidMonth(TestServer& t) {
  auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  return core::Date{today.year, today.month, 10};
}

TEST(SalonsTest, CoordinatorAddsASalonAndItsMeetingsForSixMonthsAppearOnTheCalendar) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  t.clock().Set(UnixAtJst(MidMonth(t), 10 * 60));
  auto office = t.LoginAs("centre@example.jp");
  auto made = office.Submit("/salons/new", HidamariForm());
  ASSERT_EQ(made.status, 303) << made.body;
  auto done = office.Get(made.Header("location"));
  EXPECT_THAT(done.body, HasSubstr("サロンを登録し")) << made.Header("location") << done.status;
  const auto id = SalonRows(t, "SELECT MAX(id) FROM salon");
  ASSERT_GT(id, 0);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'salon.create'"), 1);

  // The 10th of the month is before its 3rd Saturday (15th–21st): this month and six more,
  // less any that fall on a holiday.
  const auto dates = MeetingDates(t, id, "published");
  ASSERT_EQ(dates.size(), RuleDays(t, 3, 6, MidMonth(t)));
  ASSERT_GE(dates.size(), 5u);
  for (const auto& d : dates) EXPECT_TRUE(IsNthWeekday(d, 3, 6)) << d;

  auto visitor = t.NewClient();
  auto page = visitor.Get("/salons/" + std::to_string(id));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("<h1>ひだまりサロン</h1>"));
  EXPECT_THAT(page.body, HasSubstr("毎月第3土曜日 13:30〜15:30"));
  EXPECT_THAT(page.body, HasSubstr("代表世話人・ピアサポーター"));
  EXPECT_THAT(page.body, HasSubstr("申込みは不要です"));
  const std::string meeting = TextBetween(page.body, "<li><a href=\"/events/", "\"");
  ASSERT_FALSE(meeting.empty());
  auto event = visitor.Get("/events/" + meeting);
  ASSERT_EQ(event.status, 200);
  EXPECT_THAT(event.body, HasSubstr("ひだまりサロン"));
  EXPECT_THAT(visitor.Get("/salons/999999").body, HasSubstr("見つかりません"));
  EXPECT_EQ(visitor.Get("/salons/999999").status, 404);
}

TEST(SalonsTest, BadInputIsExplainedKeepsWhatWasTypedAndChangesNothing) {
  TestServer t;
  MakeSalonWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  auto form = HidamariForm();
  for (auto& [name, value] : form) {
    if (name == "name") value = "";
    if (name == "occ1_nth") value = "";
    if (name == "occ1_weekday") value = "";
    if (name == "venue") value = "みどり市民センター３階";
  }
  auto bad = office.Submit("/salons/new", form);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("サロン名を入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("開催する週と曜日を選んでください"));
  EXPECT_THAT(bad.body, HasSubstr("みどり市民センター３階"));
  for (auto& [name, value] : form) {
    if (name == "name") value = "ひだまりサロン";
    if (name == "occ1_nth") value = "3";
    if (name == "occ1_weekday") value = "6";
    if (name == "end_time") value = "12:00";
  }
  auto times = office.Submit("/salons/new", form);
  EXPECT_EQ(times.status, 422);
  EXPECT_THAT(times.body, HasSubstr("開始・終了時刻"));
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM salon"), 0);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM community_event"), 0);
  EXPECT_EQ(t.NewClient().Get("/salons/manage").status, 303);
}

TEST(SalonsTest, AChangedRuleMovesFutureMeetingsAndAClosedSalonCancelsThem) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  t.clock().Set(UnixAtJst(MidMonth(t), 10 * 60));
  auto salons = Salons(t);
  auto id = salons.Create(w.centre_coordinator, w.actor, HidamariInput());
  ASSERT_TRUE(id.ok());
  const auto planned = MeetingDates(t, *id, "published");
  ASSERT_EQ(planned.size(), RuleDays(t, 3, 6, MidMonth(t)));

  auto office = t.LoginAs("centre@example.jp");
  auto form = HidamariForm();
  for (auto& [name, value] : form) {
    if (name == "occ1_nth") value = "-1";  // 最終土曜
  }
  auto changed = office.Submit("/salons/" + std::to_string(*id) + "/edit", form);
  ASSERT_EQ(changed.status, 303) << changed.body;
  const auto moved = MeetingDates(t, *id, "published");
  ASSERT_EQ(moved.size(), RuleDays(t, -1, 6, MidMonth(t)));
  for (const auto& d : moved) {
    const auto date = core::ParseIsoDate(d);
    ASSERT_TRUE(date);
    EXPECT_EQ(core::Weekday(*date), 6);
    EXPECT_GT(date->day + 7, core::DaysInMonth(date->year, date->month)) << d;
  }
  EXPECT_EQ(MeetingDates(t, *id, "cancelled").size(), planned.size());
  EXPECT_THAT(t.NewClient().Get("/salons/" + std::to_string(*id)).body,
              HasSubstr("毎月最終土曜日 13:30〜15:30"));

  for (auto& [name, value] : form) {
    if (name == "status") value = "closed";
  }
  ASSERT_EQ(office.Submit("/salons/" + std::to_string(*id) + "/edit", form).status, 303);
  EXPECT_TRUE(MeetingDates(t, *id, "published").empty());
  EXPECT_EQ(t.NewClient().Get("/salons/" + std::to_string(*id)).status, 404);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'salon.update'"), 2);
}

TEST(SalonsTest, TheMonthlyRoundExtendsMeetingsOnceAndTheDatabaseRefusesADuplicate) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  const core::Date mid = MidMonth(t);
  t.clock().Set(UnixAtJst(mid, 10 * 60));
  auto salons = Salons(t);
  auto id = salons.Create(w.centre_coordinator, w.actor, HidamariInput());
  ASSERT_TRUE(id.ok());
  auto again = salons.PlanMonthly(mid);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);  // already planned this month

  // A month later the round adds the new seventh month, once.
  const core::Date next{mid.month == 12 ? mid.year + 1 : mid.year, mid.month % 12 + 1, 10};
  t.clock().Set(UnixAtJst(next, 3 * 60));
  const auto before = MeetingDates(t, *id, "published").size();
  auto round = salons.PlanMonthly(next);
  ASSERT_TRUE(round.ok());
  auto repeat = salons.PlanMonthly(next);
  ASSERT_TRUE(repeat.ok());
  EXPECT_EQ(*repeat, 0);
  const auto after = MeetingDates(t, *id, "published");
  EXPECT_EQ(after.size(), before + static_cast<std::size_t>(*round));
  EXPECT_LE(*round, 1);  // at most the one new month's meeting
  std::size_t ahead = 0;
  for (const auto& d : after) ahead += d >= core::ToIso(next) ? 1 : 0;
  EXPECT_EQ(ahead, RuleDays(t, 3, 6, next));
  // The job list runs it too.
  EXPECT_EQ(t.app().jobs().RunOnce(next), 0);

  auto duplicate = t.app().db().WriteVoid([&](soci::session& s) {
    long long sid = *id;
    long long org = w.centre;
    const std::string date = MeetingDates(t, *id, "published").front();
    s << "INSERT INTO community_event (organization_id, kind, title, event_date, start_minutes, "
         "end_minutes, status, created_at, updated_at, salon_id) VALUES (:o, 'salon_meeting', "
         "'x', :d, 600, 660, 'published', 0, 0, :s)",
        soci::use(org), soci::use(date), soci::use(sid);
  });
  EXPECT_FALSE(duplicate.ok());
}

TEST(SalonsTest, AnyoneSearchesAcrossKanaAndFiltersByAreaAndNetwork) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto salons = Salons(t);
  ASSERT_TRUE(salons.Create(w.centre_coordinator, w.actor, HidamariInput()).ok());
  auto other = HidamariInput();
  other.name = "さくらサロン";
  other.furigana = "さくらさろん";
  other.host_kind = "hospital";
  other.host_name = "やまなみ病院";
  other.municipality = "やまなみ町";
  other.network = "";
  ASSERT_TRUE(salons.Create(w.centre_coordinator, w.actor, other).ok());

  auto visitor = t.NewClient();
  auto all = visitor.Get("/salons");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_THAT(all.body, HasSubstr("ひだまりサロン"));
  EXPECT_THAT(all.body, HasSubstr("さくらサロン"));
  auto kana = visitor.Get("/salons?q=" + http::PercentEncode("ﾋﾀﾞﾏﾘ"));
  EXPECT_THAT(kana.body, HasSubstr("ひだまりサロン"));
  EXPECT_THAT(kana.body, Not(HasSubstr("さくらサロン")));
  EXPECT_THAT(kana.body, HasSubstr("検索結果：1件"));
  auto host = visitor.Get("/salons?q=" + http::PercentEncode("ヤマナミ"));
  EXPECT_THAT(host.body, HasSubstr("さくらサロン"));
  EXPECT_THAT(host.body, Not(HasSubstr("ひだまりサロン")));
  auto area = visitor.Get("/salons?area=" + http::PercentEncode("やまなみ町"));
  EXPECT_THAT(area.body, HasSubstr("さくらサロン"));
  EXPECT_THAT(area.body, Not(HasSubstr("ひだまりサロン")));
  auto network =
      visitor.Get("/salons?network=" + http::PercentEncode("がんサロンネットワークつなぐ"));
  EXPECT_THAT(network.body, HasSubstr("ひだまりサロン"));
  EXPECT_THAT(network.body, Not(HasSubstr("さくらサロン")));
  EXPECT_THAT(visitor.Get("/salons?lang=en").body, HasSubstr("Cancer salons"));
}

TEST(SalonsTest, OnlyTheKeepingOrganisationsCoordinatorsEditASalon) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto salons = Salons(t);
  auto id = salons.Create(w.centre_coordinator, w.actor, HidamariInput());
  ASSERT_TRUE(id.ok());
  const std::string edit = "/salons/" + std::to_string(*id) + "/edit";
  auto hospital = t.LoginAs("hospital@example.jp");
  EXPECT_EQ(hospital.Get(edit).status, 403);
  auto post = hospital.Submit("/salons/manage", HidamariForm(), edit);
  EXPECT_EQ(post.status, 403);
  EXPECT_THAT(hospital.Get("/salons/manage").body, Not(HasSubstr("ひだまりサロン")));
  auto counsel = t.LoginAs("counsel@example.jp");
  EXPECT_EQ(counsel.Get(edit).status, 403);
  auto anonymous = t.NewClient().Get(edit);
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'salon.update'"), 0);
}

TEST(SalonsTest, YearFiguresCountSalonsNetworkMembersAndMeetingsHeld) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  t.clock().Set(UnixAtJst(MidMonth(t), 10 * 60));
  auto salons = Salons(t);
  ASSERT_TRUE(salons.Create(w.centre_coordinator, w.actor, HidamariInput()).ok());
  auto other = HidamariInput();
  other.name = "さくらサロン";
  other.network = "";
  other.rule.occurrences = {{1, 3}};
  ASSERT_TRUE(salons.Create(w.centre_coordinator, w.actor, other).ok());
  const int fy = core::FiscalYear(MidMonth(t));
  auto figures = salons::YearFigures(t.sv().db, w.centre, fy);
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(figures->salons, 2);
  EXPECT_EQ(figures->network_members, 1);
  const auto expected =
      SalonRows(t,
                "SELECT COUNT(*) FROM community_event WHERE salon_id IS NOT NULL AND status = "
                "'published' AND event_date >= '" +
                    core::ToIso(core::FiscalYearStart(fy)) + "' AND event_date <= '" +
                    core::ToIso(core::FiscalYearEnd(fy)) + "'");
  EXPECT_GT(expected, 0);
  EXPECT_EQ(figures->meetings_held, expected);
  auto none = salons::YearFigures(t.sv().db, w.hospital, fy);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->salons, 0);
  EXPECT_EQ(none->meetings_held, 0);
}

TEST(SalonsTest, TheDemoHoldsThirtyNetworkSalonsWithMeetingsAndThePortalLinksToThem) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM salon"), 30);
  EXPECT_EQ(
      SalonRows(t, "SELECT COUNT(*) FROM salon WHERE network = 'がんサロンネットワークつなぐ'"),
      30);
  EXPECT_GE(SalonRows(t,
                      "SELECT COUNT(DISTINCT salon_id) FROM community_event WHERE status = "
                      "'published'"),
            30);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM peer_supporter"), 5);
  EXPECT_GT(SalonRows(t, "SELECT COUNT(*) FROM peer_shift"), 0);
  EXPECT_GT(SalonRows(t, "SELECT COUNT(*) FROM peer_dispatch"), 0);
  auto visitor = t.NewClient();
  EXPECT_THAT(visitor.Get("/").body, HasSubstr("<a href=\"/salons\">お近くのがんサロンを探す</a>"));
  auto list = visitor.Get("/salons");
  EXPECT_THAT(list.body, HasSubstr("ひだまりサロン（デモ）"));
  // Display names only: the demo peers' names never reach a public page.
  const auto salon = SalonRows(t, "SELECT MIN(id) FROM salon");
  auto page = visitor.Get("/salons/" + std::to_string(salon));
  EXPECT_THAT(page.body, HasSubstr("ひまわりさん"));
  EXPECT_THAT(page.body, Not(HasSubstr("つくしさん")));
  EXPECT_THAT(page.body, Not(HasSubstr("デモ 花子")));
}

}  // namespace
}  // namespace tsunagu::testing

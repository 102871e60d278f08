// The region's public calendar, its iCalendar feeds and the posters (issue 15), on both
// engines: the month table and the list show published events (never drafts, never the
// staff-only kind; a cancelled one as 中止) and the programmes' open consultation days; the
// filters; feeds that pass the RFC 5545 checker with stable UIDs, a SEQUENCE that rises with
// each change, STATUS:CANCELLED until the day passes, ETag revalidation; A4 posters with a QR
// code to the absolute address of the page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "events_data.hpp"
#include "support/ics_validator.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr core::Date kToday{2026, 6, 10};

struct CalendarWorld {
  EventsWorld w;
  std::int64_t seminar = 0;  // 6/20, venue in さいたま市, patients, families, the public
  std::int64_t forum = 0;    // 6/25, online only, employers
  std::int64_t draft = 0;    // 6/22, never published
  std::int64_t study = 0;    // 6/23, staff only
  std::int64_t cafe = 0;     // 6/27, published then cancelled
  std::int64_t next = 0;     // 7/15
};

std::int64_t Make(TestServer& t, const EventsWorld& w, const std::string& kind,
                  const std::string& title, const std::string& date, int venue, int online,
                  std::vector<std::string> audiences, const std::string& status = "published",
                  const std::string& area = "") {
  auto in = SampleEvent(t, venue, online);
  in.area = area;
  in.kind = kind;
  in.title = title;
  in.date = date;
  in.audiences = std::move(audiences);
  in.status = status;
  return MakeEvent(t, w, in);
}

CalendarWorld BuildCalendarWorld(TestServer& t) {
  t.clock().Set(UnixAtJst(kToday, 10 * 60));
  CalendarWorld c;
  c.w = BuildEventsWorld(t);
  c.seminar = Make(t, c.w, "seminar", "両立支援セミナーQA", "2026-06-20", 50, 0,
                   {"patient", "family", "public"}, "published", "さいたま市");
  c.forum = Make(t, c.w, "forum", "オンラインフォーラムQB", "2026-06-25", 0, 100, {"employer"});
  c.draft = Make(t, c.w, "lecture", "下書きの講演会QC", "2026-06-22", 30, 0, {"public"}, "draft");
  c.study = Make(t, c.w, "staff_study", "院内勉強会QD", "2026-06-23", 20, 0, {"medical"});
  c.cafe = Make(t, c.w, "peer_cafe", "ピアサポートカフェQE", "2026-06-27", 20, 0, {"patient"});
  auto cancel = events::EventService::InputOf(*EventsOf(t).GetOwn(c.w.organiser, c.cafe));
  cancel.status = "cancelled";
  EXPECT_TRUE(EventsOf(t)
                  .Update(c.w.organiser, {c.w.coordinator, c.w.office, "t", "t"}, c.cafe, cancel)
                  .ok());
  c.next = Make(t, c.w, "lecture", "来月の市民公開講座QF", "2026-07-15", 80, 0, {"public"});
  return c;
}

TEST(Calendar, TheMonthIsAnAccessibleTableOfPublishedEventsWithCancelledOnesMarked) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto v = t.NewClient();
  auto page = v.Get("/calendar");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 2000);
  EXPECT_THAT(page.body, HasSubstr("<caption>2026年6月</caption>"));
  EXPECT_THAT(page.body, HasSubstr("<th scope=\"col\" abbr=\"日曜日\">日</th>"));
  EXPECT_THAT(page.body, HasSubstr("aria-current=\"date\""));
  EXPECT_THAT(page.body, HasSubstr("両立支援セミナーQA"));
  EXPECT_THAT(page.body, HasSubstr("href=\"/events/" + std::to_string(c.seminar) + "\""));
  EXPECT_THAT(page.body, HasSubstr("オンラインフォーラムQB"));
  EXPECT_THAT(page.body, HasSubstr("ピアサポートカフェQE"));
  EXPECT_THAT(page.body, HasSubstr("中止"));
  EXPECT_THAT(page.body, Not(HasSubstr("下書きの講演会QC"))) << "drafts are never public";
  EXPECT_THAT(page.body, Not(HasSubstr("院内勉強会QD"))) << "staff-only sessions are never public";
  EXPECT_THAT(page.body, Not(HasSubstr("来月の市民公開講座QF")));
  EXPECT_THAT(page.body, HasSubstr("href=\"/calendar?view=month&amp;month=2026-05\""));
  EXPECT_THAT(page.body, HasSubstr("href=\"/calendar?view=month&amp;month=2026-07\""));
  EXPECT_THAT(page.body, Not(HasSubstr("<script")));

  auto july = v.Get("/calendar?month=2026-07");
  ASSERT_EQ(july.status, 200);
  EXPECT_THAT(july.body, HasSubstr("<caption>2026年7月</caption>"));
  EXPECT_THAT(july.body, HasSubstr("来月の市民公開講座QF"));
  EXPECT_THAT(july.body, Not(HasSubstr("aria-current=\"date\""))) << "today is in June";
  EXPECT_EQ(v.Get("/calendar?month=2026-13").status, 200) << "a bad month shows this month";
  EXPECT_EQ(v.Get("/calendar?lang=en").status, 200);

  auto portal = v.Get("/");
  EXPECT_THAT(portal.body, HasSubstr("href=\"/calendar\""));
}

TEST(Calendar, TheListFiltersByKindAreaModeAndAudienceAndShowsConsultationDays) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  const auto user =
      t.CreateUser({"jimu@cal.test", "事務局", "coordinator", "clerical", c.w.office});
  const auto who = As(user, c.w.office, auth::Role::kCoordinator);
  const audit::Actor actor{user, c.w.office, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(who, actor, "両立支援の個別相談会QG", "");
  ASSERT_TRUE(program.ok());
  ASSERT_TRUE(t.sv().consultations.SetPublished(who, actor, *program, true).ok());
  GenerateDaysAhead(t, who, actor, *program, Seed001ScheduleRule());

  auto v = t.NewClient();
  auto all = v.Get("/calendar?view=list");
  ASSERT_EQ(all.status, 200) << all.body.substr(0, 2000);
  for (const char* title : {"両立支援セミナーQA", "オンラインフォーラムQB", "ピアサポートカフェQE",
                            "来月の市民公開講座QF", "両立支援の個別相談会QG"}) {
    EXPECT_THAT(all.body, HasSubstr(title));
  }
  EXPECT_THAT(all.body, HasSubstr("href=\"/book/" + std::to_string(*program) + "\""));
  EXPECT_THAT(all.body, HasSubstr("令和8年6月20日"));
  EXPECT_THAT(all.body, Not(HasSubstr("院内勉強会QD")));

  auto forum = v.Get("/calendar?view=list&kind=forum");
  EXPECT_THAT(forum.body, HasSubstr("オンラインフォーラムQB"));
  EXPECT_THAT(forum.body, Not(HasSubstr("両立支援セミナーQA")));
  EXPECT_THAT(forum.body, Not(HasSubstr("両立支援の個別相談会QG")));

  auto area = v.Get("/calendar?view=list&area=" + http::PercentEncode("さいたま市"));
  EXPECT_THAT(area.body, HasSubstr("両立支援セミナーQA"));
  EXPECT_THAT(area.body, Not(HasSubstr("オンラインフォーラムQB")));
  EXPECT_THAT(area.body, HasSubstr("<option value=\"さいたま市\" selected>"));

  auto online = v.Get("/calendar?view=list&mode=online");
  EXPECT_THAT(online.body, HasSubstr("オンラインフォーラムQB"));
  EXPECT_THAT(online.body, Not(HasSubstr("両立支援セミナーQA")));

  auto venue = v.Get("/calendar?view=list&mode=venue");
  EXPECT_THAT(venue.body, HasSubstr("両立支援セミナーQA"));
  EXPECT_THAT(venue.body, Not(HasSubstr("オンラインフォーラムQB")));

  auto employers = v.Get("/calendar?view=list&audience=employer");
  EXPECT_THAT(employers.body, HasSubstr("オンラインフォーラムQB"));
  EXPECT_THAT(employers.body, Not(HasSubstr("両立支援セミナーQA")));

  auto consultation = v.Get("/calendar?view=list&kind=consultation");
  EXPECT_THAT(consultation.body, HasSubstr("両立支援の個別相談会QG"));
  EXPECT_THAT(consultation.body, Not(HasSubstr("オンラインフォーラムQB")));

  auto staff_kind = v.Get("/calendar?view=list&kind=staff_study");
  EXPECT_THAT(staff_kind.body, Not(HasSubstr("院内勉強会QD"))) << "not a filter the public has";
}

TEST(Calendar, TheOrganisersFormSetsTheAreaTheCalendarFiltersBy) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto staff = t.LoginAs(c.w.coordinator_email);
  Fields form = {{"kind", "lecture"},
                 {"title", "川越の市民公開講座QJ"},
                 {"date", "2026-06-29"},
                 {"start_time", "14:00"},
                 {"end_time", "16:00"},
                 {"venue", "川越市民会館"},
                 {"area", "川越市 "},
                 {"venue_capacity", "100"},
                 {"audiences", "public"},
                 {"fee", "無料"},
                 {"contact", "事務局 048-000-0000"},
                 {"status", "published"}};
  auto too_long = form;
  for (auto& [name, value] : too_long) {
    if (name == "area") value = std::string(51, 'x');
  }
  auto refused = staff.Submit("/events/new", too_long);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("id=\"area-error\""));
  auto created = staff.Submit("/events/new", form);
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  auto v = t.NewClient();
  auto list = v.Get("/calendar?view=list&area=" + http::PercentEncode("川越市"));
  EXPECT_THAT(list.body, HasSubstr("川越の市民公開講座QJ"));
  EXPECT_THAT(list.body, Not(HasSubstr("両立支援セミナーQA")));
  EXPECT_THAT(list.body, HasSubstr("<option value=\"川越市\" selected>"));
}

std::string Sequence(const std::string& ics, std::int64_t id) {
  for (const auto& e : IcsEvents(ics)) {
    if (e.at("UID").rfind("event-" + std::to_string(id) + "@", 0) == 0) return e.at("SEQUENCE");
  }
  return "";
}

TEST(CalendarFeed, TheRegionsFeedIsValidWithStableUidsAndRisingSequence) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto v = t.NewClient();
  auto feed = v.Get("/calendar.ics");
  ASSERT_EQ(feed.status, 200) << feed.body.substr(0, 2000);
  EXPECT_EQ(feed.Header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_THAT(feed.Header("cache-control"), HasSubstr("public"));
  const std::string etag = feed.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_THAT(ValidateIcs(feed.body), IsEmpty());
  EXPECT_THAT(feed.body, HasSubstr("X-WR-CALNAME:"));
  EXPECT_THAT(feed.body, HasSubstr("UID:event-" + std::to_string(c.seminar) + "@127.0.0.1"));
  EXPECT_THAT(feed.body, HasSubstr("DTSTART;TZID=Asia/Tokyo:20260620T130000"));
  EXPECT_THAT(feed.body, HasSubstr("両立支援セミナーQA"));
  EXPECT_THAT(feed.body, HasSubstr("来月の市民公開講座QF"));
  EXPECT_THAT(feed.body, Not(HasSubstr("下書きの講演会QC")));
  EXPECT_THAT(feed.body, Not(HasSubstr("院内勉強会QD")));
  EXPECT_THAT(feed.body, Not(HasSubstr(kMeetingUrl)));
  EXPECT_EQ(Sequence(feed.body, c.seminar), "0");
  for (const auto& e : IcsEvents(feed.body)) {
    if (e.at("UID").rfind("event-" + std::to_string(c.cafe) + "@", 0) == 0) {
      EXPECT_EQ(e.at("STATUS"), "CANCELLED");
    }
  }
  EXPECT_THAT(feed.body, HasSubstr("STATUS:CANCELLED"));

  // Unchanged: the client's copy is still good.
  auto same = v.Get("/calendar.ics", {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());

  // The organiser changes the seminar twice: the same UID, SEQUENCE 2, a new ETag.
  auto in = events::EventService::InputOf(*EventsOf(t).GetOwn(c.w.organiser, c.seminar));
  const audit::Actor actor{c.w.coordinator, c.w.office, "t", "t"};
  in.start_minutes = 14 * 60;
  ASSERT_TRUE(EventsOf(t).Update(c.w.organiser, actor, c.seminar, in).ok());
  in.fee = "500円";
  ASSERT_TRUE(EventsOf(t).Update(c.w.organiser, actor, c.seminar, in).ok());
  auto changed = v.Get("/calendar.ics", {{"If-None-Match", etag}});
  ASSERT_EQ(changed.status, 200);
  EXPECT_THAT(ValidateIcs(changed.body), IsEmpty());
  EXPECT_EQ(Sequence(changed.body, c.seminar), "2");
  EXPECT_THAT(changed.body, HasSubstr("DTSTART;TZID=Asia/Tokyo:20260620T140000"));
  EXPECT_NE(changed.Header("etag"), etag);

  // Filters as query parameters.
  auto forum = v.Get("/calendar.ics?kind=forum");
  EXPECT_THAT(ValidateIcs(forum.body), IsEmpty());
  EXPECT_EQ(IcsEvents(forum.body).size(), 1u);
  EXPECT_THAT(forum.body, HasSubstr("オンラインフォーラムQB"));

  // Once its day has passed, the cancelled café leaves the feed; the held seminar stays.
  t.clock().Set(UnixAtJst({2026, 6, 28}, 10 * 60));
  auto later = v.Get("/calendar.ics");
  EXPECT_THAT(ValidateIcs(later.body), IsEmpty());
  EXPECT_THAT(later.body, Not(HasSubstr("ピアサポートカフェQE")));
  EXPECT_THAT(later.body, HasSubstr("両立支援セミナーQA"));
}

TEST(CalendarFeed, AnOrganisationsFeedCarriesOnlyItsEvents) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto v = t.NewClient();
  auto own = v.Get("/orgs/" + std::to_string(c.w.office) + "/calendar.ics");
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(ValidateIcs(own.body), IsEmpty());
  EXPECT_THAT(own.body, HasSubstr("つなぐ県 難病相談支援センター"));
  EXPECT_EQ(IcsEvents(own.body).size(), 4u) << "seminar, forum, cancelled café, next month";
  auto other = v.Get("/orgs/" + std::to_string(c.w.stranger) + "/calendar.ics");
  ASSERT_EQ(other.status, 200);
  EXPECT_THAT(ValidateIcs(other.body), IsEmpty());
  EXPECT_TRUE(IcsEvents(other.body).empty());
  EXPECT_EQ(v.Get("/orgs/999999/calendar.ics").status, 404);
  EXPECT_EQ(v.Get("/orgs/abc/calendar.ics").status, 404);
}

TEST(CalendarFeed, TheRegistrationAttachmentPassesTheChecker) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto done = RegisterOnline(t, c.seminar, "venue", "カレンダー 花子", "cal-person@example.jp");
  ASSERT_EQ(done.status, 200);
  ASSERT_FALSE(MailSink::Get().WaitFor("cal-person@example.jp").empty());
  const std::string raw = MailSink::Get().AllRaw();
  const auto begin = raw.rfind("BEGIN:VCALENDAR");
  ASSERT_NE(begin, std::string::npos);
  const auto end = raw.find("END:VCALENDAR", begin);
  ASSERT_NE(end, std::string::npos);
  std::string ics = raw.substr(begin, end + 13 - begin) + "\r\n";
  EXPECT_THAT(ValidateIcs(ics), IsEmpty()) << ics;
}

TEST(Poster, AnEventsPosterHasTheDetailsAndAQrCodeToItsPage) {
  TestServer t;
  auto c = BuildCalendarWorld(t);
  auto v = t.NewClient();
  const std::string path = "/events/" + std::to_string(c.seminar);
  auto poster = v.Get(path + "/poster");
  ASSERT_EQ(poster.status, 200) << poster.body.substr(0, 2000);
  EXPECT_THAT(poster.body, HasSubstr("両立支援セミナーQA"));
  EXPECT_THAT(poster.body, HasSubstr("令和8年6月20日（土）"));
  EXPECT_THAT(poster.body, HasSubstr("13:00〜15:00"));
  EXPECT_THAT(poster.body, HasSubstr("大宮ソニックシティ 905号室"));
  EXPECT_THAT(poster.body, HasSubstr("大宮駅西口から徒歩3分"));
  EXPECT_THAT(poster.body, HasSubstr("参加対象者"));
  EXPECT_THAT(poster.body, HasSubstr("無料"));
  EXPECT_THAT(poster.body, HasSubstr("048-000-0000"));
  EXPECT_THAT(poster.body, HasSubstr("<svg"));
  EXPECT_THAT(poster.body, HasSubstr("<title id=\"qr-title-poster\">"));
  EXPECT_THAT(poster.body, HasSubstr(t.sv().config.server.public_url + path));
  EXPECT_THAT(poster.body, Not(HasSubstr(kMeetingUrl)));

  auto online = v.Get("/events/" + std::to_string(c.forum) + "/poster");
  ASSERT_EQ(online.status, 200);
  EXPECT_THAT(online.body, HasSubstr("オンラインで参加できます"));
  auto cancelled = v.Get("/events/" + std::to_string(c.cafe) + "/poster");
  EXPECT_THAT(cancelled.body, HasSubstr("この行事は中止になりました"));

  EXPECT_EQ(v.Get("/events/" + std::to_string(c.draft) + "/poster").status, 404);
  EXPECT_EQ(v.Get("/events/" + std::to_string(c.study) + "/poster").status, 404);
  EXPECT_EQ(v.Get("/events/999999/poster").status, 404);

  // Linked from the public page and from the organiser's list.
  EXPECT_THAT(v.Get(path).body, HasSubstr("href=\"" + path + "/poster\""));
  auto staff = t.LoginAs(c.w.coordinator_email);
  EXPECT_THAT(staff.Get("/events/manage").body, HasSubstr("href=\"" + path + "/poster\""));
}

TEST(Poster, AProgrammesPosterListsItsNextDaysWithAQrCodeToBook) {
  TestServer t;
  t.clock().Set(UnixAtJst(kToday, 10 * 60));
  const auto org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  const auto user = t.CreateUser({"jimu@poster.test", "事務局", "coordinator", "clerical", org});
  const auto who = As(user, org, auth::Role::kCoordinator);
  const audit::Actor actor{user, org, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(who, actor, "ワンストップ相談QH", "説明QH");
  auto hidden = t.sv().consultations.CreateProgram(who, actor, "準備中QI", "");
  ASSERT_TRUE(program.ok() && hidden.ok());
  ASSERT_TRUE(t.sv().consultations.SetPublished(who, actor, *program, true).ok());
  GenerateDaysAhead(t, who, actor, *program, Seed001ScheduleRule());
  auto v = t.NewClient();
  const std::string path = "/book/" + std::to_string(*program);
  auto poster = v.Get(path + "/poster");
  ASSERT_EQ(poster.status, 200) << poster.body.substr(0, 2000);
  EXPECT_THAT(poster.body, HasSubstr("ワンストップ相談QH"));
  EXPECT_THAT(poster.body, HasSubstr("令和8年"));
  EXPECT_THAT(poster.body, HasSubstr("<svg"));
  EXPECT_THAT(poster.body, HasSubstr(t.sv().config.server.public_url + path));
  EXPECT_EQ(v.Get("/book/" + std::to_string(*hidden) + "/poster").status, 404);
  EXPECT_THAT(v.Get(path).body, HasSubstr("href=\"" + path + "/poster\""));
}

}  // namespace
}  // namespace tsunagu::testing

// Check-in on the day, the 受付名簿, attendance and participant types (issue 15) on both
// engines: finding a person by reference or name (kana and width folded), one attended_at
// however many check-ins arrive, walk-ins and live counts, the organiser's staff only with
// every read audited, and the year's figures with repeat participants told apart by the blind
// index of their e-mail or phone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "events/attendance.hpp"
#include "events/training_report.hpp"
#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

long long Count(TestServer& t, const std::string& sql) {
  auto n = t.sv().db.Read<long long>([&](soci::session& s) {
    long long v = 0;
    s << sql, soci::into(v);
    return v;
  });
  EXPECT_TRUE(n.ok());
  return n.ok() ? *n : -1;
}

std::string ReferenceOf(TestServer& t, std::int64_t event_id, int nth) {
  auto ref = t.sv().db.Read<std::string>([&](soci::session& s) {
    std::string r;
    long long e = event_id;
    int offset = nth;
    s << "SELECT reference FROM event_registration WHERE event_id = :e ORDER BY id LIMIT 1 "
         "OFFSET :o",
        soci::use(e), soci::use(offset), soci::into(r);
    return r;
  });
  return ref.ok() ? *ref : "";
}

std::int64_t RegistrationId(TestServer& t, const std::string& reference) {
  auto id = t.sv().db.Read<long long>([&](soci::session& s) {
    long long v = 0;
    s << "SELECT id FROM event_registration WHERE reference = :r", soci::use(reference),
        soci::into(v);
    return v;
  });
  return id.ok() ? *id : 0;
}

struct DayWorld {
  EventsWorld w;
  std::int64_t event = 0;
  core::Date date;
};

// A published seminar in 10 days with venue and online places, two people registered through
// the public form, and the clock moved to 10:00 on its day (it starts at 13:00).
DayWorld OnTheDay(TestServer& t) {
  DayWorld d;
  d.w = BuildEventsWorld(t);
  d.event = MakeEvent(t, d.w, SampleEvent(t, 30, 20, 10));
  RegisterOnline(t, d.event, "venue", kEventName, "ev-a@example.jp");
  RegisterOnline(t, d.event, "online", "山田 花子", "ev-b@example.jp");
  d.date = *core::ParseIsoDate(InDays(t, 10));
  t.clock().Set(UnixAtJst(d.date, 10 * 60));
  return d;
}

TEST(EventCheckin, FindsByReferenceOrFoldedNameAndChecksInOnce) {
  TestServer t;
  auto d = OnTheDay(t);
  auto c = t.LoginAs(d.w.counselor_email);
  const std::string base = "/org/events/" + std::to_string(d.event) + "/checkin";
  const std::string ref = ReferenceOf(t, d.event, 0);

  // The QR 受付票's URL finds the person by reference; a half-width katakana part of the ふりがな
  // (さんか たろう) finds them too; another name does not match.
  auto by_ref = c.Get(base + "?ref=" + ref);
  ASSERT_EQ(by_ref.status, 200) << by_ref.body.substr(0, 2000);
  EXPECT_THAT(by_ref.body, HasSubstr(kEventName));
  EXPECT_THAT(by_ref.body, Not(HasSubstr("山田 花子")));
  auto by_kana = c.Get(base + "?q=%EF%BD%BB%EF%BE%9D%EF%BD%B6");  // ｻﾝｶ
  EXPECT_THAT(by_kana.body, HasSubstr(kEventName));
  auto none = c.Get(base + "?q=zzz");
  EXPECT_THAT(none.body, Not(HasSubstr(kEventName)));
  EXPECT_THAT(none.body, HasSubstr("該当する方が見つかりません"));

  // One tap; a second one changes nothing.
  const auto id = RegistrationId(t, ref);
  const std::string csrf = ExtractCsrf(by_ref.body);
  auto first = c.Post(base + "/" + std::to_string(id), {{"csrf_token", csrf}});
  ASSERT_EQ(first.status, 303) << first.body.substr(0, 2000);
  EXPECT_THAT(first.Header("location"), HasSubstr("done=checked"));
  auto again = c.Post(base + "/" + std::to_string(id), {{"csrf_token", csrf}});
  EXPECT_THAT(again.Header("location"), HasSubstr("done=already"));
  auto page = c.Get(base + "?done=checked");
  EXPECT_THAT(page.body, HasSubstr("id=\"attended-total\">1</strong>"));
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'event_registration.checkin'"),
            1);
  // Each page that showed names was an audited read, with no name in the audit log.
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'event_attendance.read'"), 4);
  EXPECT_THAT(AuditText(t), Not(HasSubstr(kEventName)));
}

TEST(EventCheckin, ParallelCheckInsOfOnePersonRecordOneAttendance) {
  TestServer t;
  auto d = OnTheDay(t);
  const std::string base = "/org/events/" + std::to_string(d.event) + "/checkin";
  const auto id = RegistrationId(t, ReferenceOf(t, d.event, 0));
  constexpr int kPhones = 6;
  std::vector<Client> phones;
  std::vector<std::string> tokens;
  for (int i = 0; i < kPhones; ++i) {
    phones.push_back(t.LoginAs(i % 2 ? d.w.counselor_email : d.w.coordinator_email));
    tokens.push_back(ExtractCsrf(phones.back().Get(base).body));
  }
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kPhones; ++i) {
    threads.emplace_back([&, i] {
      auto r = phones[i].Post(base + "/" + std::to_string(id), {{"csrf_token", tokens[i]}});
      if (r.status == 303) ++ok;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kPhones);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM event_registration WHERE attended_at IS NOT NULL"), 1);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'event_registration.checkin'"),
            1);
}

TEST(EventCheckin, WalkInsCountByTypeAndRosterListsNamesByMode) {
  TestServer t;
  auto d = OnTheDay(t);
  auto c = t.LoginAs(d.w.counselor_email);
  const std::string base = "/org/events/" + std::to_string(d.event);
  auto walk = c.Submit(base + "/checkin", {{"mode", "venue"}, {"participant_type", "peer"}},
                       base + "/walk-in");
  ASSERT_EQ(walk.status, 303) << walk.body.substr(0, 2000);
  auto page = c.Get(base + "/checkin");
  EXPECT_THAT(page.body, HasSubstr("id=\"attended-total\">1</strong>"));
  EXPECT_THAT(page.body,
              HasSubstr("<th scope=\"row\">ピア・サポーター</th><td class=\"numeric\">1"));
  // Bad input: explained, nothing written.
  auto bad = c.Submit(base + "/checkin", {{"mode", "venue"}, {"participant_type", "nope"}},
                      base + "/walk-in");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("参加者区分を選んでください"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM event_walk_in"), 1);

  auto roster = c.Get(base + "/roster");
  ASSERT_EQ(roster.status, 200);
  EXPECT_THAT(roster.body, HasSubstr("受付名簿"));
  EXPECT_THAT(roster.body, HasSubstr(kEventName));
  EXPECT_THAT(roster.body, HasSubstr("山田 花子"));
  EXPECT_LT(roster.body.find(kEventName), roster.body.find("山田 花子"));  // 会場, then オンライン
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'event_attendance.read' "
                  "AND detail LIKE '%roster%'"),
            1);
}

TEST(EventCheckin, OnlyTheOrganisersStaffAndNotBeforeTheDay) {
  TestServer t;
  auto d = OnTheDay(t);
  const std::string base = "/org/events/" + std::to_string(d.event);
  auto stranger = t.LoginAs(d.w.stranger_email);
  EXPECT_EQ(stranger.Get(base + "/checkin").status, 404);
  EXPECT_EQ(stranger.Get(base + "/roster").status, 404);
  EXPECT_EQ(stranger.Get(base + "/attendance").status, 404);
  auto viewer = t.LoginAs(d.w.viewer_email);
  EXPECT_EQ(viewer.Get(base + "/checkin").status, 403);
  auto anonymous = t.NewClient();
  EXPECT_NE(anonymous.Get(base + "/checkin").status, 200);

  // The day before: nothing can be checked in yet.
  t.clock().Set(UnixAtJst(core::AddDays(d.date, -1), 10 * 60));
  auto c = t.LoginAs(d.w.counselor_email);
  const auto id = RegistrationId(t, ReferenceOf(t, d.event, 0));
  auto early = c.Submit(base + "/checkin", {}, base + "/checkin/" + std::to_string(id));
  EXPECT_EQ(early.status, 409);
  // The day after: a counselor may not change attendance; a coordinator may (a late entry).
  t.clock().Set(UnixAtJst(core::AddDays(d.date, 1), 10 * 60));
  auto counselor = t.LoginAs(d.w.counselor_email);
  auto refused = counselor.Submit(base + "/attendance", {{"attendance", "attended"}},
                                  base + "/attendance/" + std::to_string(id));
  EXPECT_EQ(refused.status, 403);
  auto coordinator = t.LoginAs(d.w.coordinator_email);
  auto late = coordinator.Submit(base + "/attendance",
                                 {{"attendance", "attended"}, {"participant_type", "peer"}},
                                 base + "/attendance/" + std::to_string(id));
  EXPECT_EQ(late.status, 303) << late.body.substr(0, 2000);
  // The public registrant (所属 当事者) now counts as a peer supporter.
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM event_registration WHERE participant_type = 'peer' "
                  "AND attendance = 'attended'"),
            1);
  auto unknown = coordinator.Submit(base + "/attendance", {{"participant_type", "x999"}},
                                    base + "/attendance/" + std::to_string(id));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'event_registration.attendance' AND detail LIKE '%late%'"),
            1);
}

TEST(EventParticipantTypes, AnOrganisationAddsItsOwnTypeWithJapaneseAndEnglishLabels) {
  TestServer t;
  auto d = OnTheDay(t);
  auto c = t.LoginAs(d.w.coordinator_email);
  auto bad = c.Submit("/org/events/participant-types", {{"label_ja", "学生"}, {"label_en", ""}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("value=\"学生\""));
  auto added =
      c.Submit("/org/events/participant-types", {{"label_ja", "学生"}, {"label_en", "Student"}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 2000);
  auto list = c.Get("/org/events/participant-types?lang=en");
  EXPECT_THAT(list.body, HasSubstr("Student"));
  const std::string base = "/org/events/" + std::to_string(d.event);
  auto page = c.Get(base + "/checkin?lang=ja");
  EXPECT_THAT(page.body, HasSubstr("学生"));
  auto code = "x" + std::to_string(Count(t, "SELECT MAX(id) FROM event_participant_type"));
  auto walk = c.Submit(base + "/checkin", {{"mode", "venue"}, {"participant_type", code}},
                       base + "/walk-in");
  EXPECT_EQ(walk.status, 303);
  // Another organisation's type cannot be used; a counselor cannot add one.
  auto counselor = t.LoginAs(d.w.counselor_email);
  EXPECT_EQ(counselor
                .Submit("/org/events/participant-types",
                        {{"label_ja", "学生"}, {"label_en", "Student"}}, "")
                .status,
            403);
}

TEST(EventYearFigures, CountsHeldEventsTypesModesAndRepeatParticipantsByBlindIndex) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  // Two events in 10 and 12 days; the same e-mail registers for both, another only once.
  auto first = MakeEvent(t, w, SampleEvent(t, 10, 10, 10));
  auto second = MakeEvent(t, w, SampleEvent(t, 10, 0, 12));
  RegisterOnline(t, first, "venue", "同じ 人", "repeat@example.jp");
  RegisterOnline(t, first, "online", "別の 人", "once@example.jp");
  RegisterOnline(t, second, "venue", "名前を 変えた人", "repeat@example.jp");
  const core::Date day = *core::ParseIsoDate(InDays(t, 12));
  t.clock().Set(UnixAtJst(day, 14 * 60));
  auto c = t.LoginAs(w.coordinator_email);
  const std::string base = "/org/events/" + std::to_string(second);
  auto in =
      c.Submit(base + "/checkin", {},
               base + "/checkin/" + std::to_string(RegistrationId(t, ReferenceOf(t, second, 0))));
  ASSERT_EQ(in.status, 303);
  auto walk = c.Submit(base + "/checkin", {{"mode", "venue"}, {"participant_type", "government"}},
                       base + "/walk-in");
  ASSERT_EQ(walk.status, 303);

  // Both events fall in one fiscal year unless it turns between them (31 March).
  const int fy1 = core::FiscalYear(day);
  auto f = events::AttendanceYearFigures(t.sv().db, w.office, fy1);
  ASSERT_TRUE(f.ok());
  const core::Date first_day = core::AddDays(day, -2);
  if (core::FiscalYear(first_day) == fy1) {
    EXPECT_EQ(f->events_held, 2);
    EXPECT_EQ(f->events_by_kind.at("seminar"), 2);
    EXPECT_EQ(f->registered, 3);
    EXPECT_EQ(f->registered_by_mode.at("venue"), 2);
    EXPECT_EQ(f->registered_by_mode.at("online"), 1);
    EXPECT_EQ(f->registered_by_type.at("patient"), 3);
    EXPECT_EQ(f->people_identified, 2);
    EXPECT_EQ(f->repeat_participants, 1);
  } else {
    EXPECT_EQ(f->events_held, 1);
    EXPECT_EQ(f->repeat_participants, 0);
  }
  EXPECT_EQ(f->attended, 2);
  EXPECT_EQ(f->walk_ins, 1);
  EXPECT_EQ(f->attended_by_type.at("government"), 1);
  EXPECT_EQ(f->attended_by_mode.at("venue"), 2);
  // Another organisation's year is empty.
  auto other = events::AttendanceYearFigures(t.sv().db, w.stranger, fy1);
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->events_held, 0);
  EXPECT_EQ(other->registered, 0);
}

}  // namespace
}  // namespace tsunagu::testing

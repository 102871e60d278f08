// Finishing issue 15's events on both engines: staff confirm a waiting-list offer for a person
// without e-mail, raising the places offers them at once, a cancelled salon meeting tells its
// registrants, and the organiser's lists mark offered and anonymised rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "events/lifecycle.hpp"
#include "events_data.hpp"
#include "salons_data.hpp"
#include "sharing_data.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

core::Date TodayOf(TestServer& t) {
  return core::DateFromUnixSeconds(t.clock().NowSeconds());
}

std::string OwnPageLink(const std::string& mail) {
  const auto at = mail.find("/events/registration/");
  if (at == std::string::npos) return "";
  auto end = mail.find_first_of("\r\n ", at);
  return mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

HttpResult PostOnOwnPage(Client& c, const std::string& link, const std::string& action) {
  auto page = c.Get(link);
  return c.Post(link + "/" + action, {{"csrf_token", ExtractCsrf(page.body)}});
}

long long QueryInt(TestServer& t, const std::string& sql) {
  auto n = t.sv().db.Read<long long>([&](soci::session& s) {
    long long v = 0;
    soci::indicator ind = soci::i_null;
    s << sql, soci::into(v, ind);
    return ind == soci::i_ok ? v : 0LL;
  });
  return n.ok() ? *n : -1;
}

int Offered(TestServer& t, std::int64_t event_id) {
  return static_cast<int>(QueryInt(
      t, "SELECT COUNT(*) FROM event_registration WHERE event_id = " + std::to_string(event_id) +
             " AND status = 'waiting' AND offer_expires_at IS NOT NULL"));
}

Fields PhoneEntry(const std::string& name) {
  return {{"channel", "phone"},          {"mode", "venue"},         {"name", name},
          {"furigana", "でんわ まちこ"}, {"phone", "048-000-3333"}, {"municipality", "川越市"},
          {"affiliation", "patient"},    {"person_lang", "ja"},     {"accept_waiting", "1"}};
}

// --- 1. staff confirm an offer for a person without e-mail

TEST(EventsGaps, StaffConfirmAnOfferForAPhoneRegistrant) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 10));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "先着", "ev-gap-first@example.jp").status, 200);
  const std::string first_link = OwnPageLink(MailSink::Get().WaitFor("ev-gap-first@example.jp"));
  auto staff = t.LoginAs(w.counselor_email);
  const std::string list = "/events/" + std::to_string(id) + "/registrations";
  ASSERT_EQ(staff.Submit(list, PhoneEntry("電話 待子")).status, 303);
  const auto phone_id = QueryInt(t, "SELECT id FROM event_registration WHERE channel = 'phone'");
  ASSERT_GT(phone_id, 0);

  auto person = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(person, first_link, "cancel").status, 200);
  ASSERT_EQ(Offered(t, id), 1) << "the phone registrant is offered the place (held)";

  auto page = staff.Get(list);
  EXPECT_THAT(page.body, HasSubstr("電話で確認済み・確定"));
  EXPECT_THAT(page.body, HasSubstr("辞退として処理"));
  const std::string confirm = list + "/" + std::to_string(phone_id) + "/confirm";

  // Another organisation's staff: like a missing page, nothing changes.
  auto stranger = t.LoginAs(w.stranger_email);
  EXPECT_EQ(stranger.Submit("/events/manage", {}, confirm).status, 404);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0);

  auto done = staff.Submit(list, {}, confirm);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 2000);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_EQ(Offered(t, id), 0);
  EXPECT_EQ(Taken(t, id, "venue"), 1) << "the held place, not a second one";
  const auto counselor =
      QueryInt(t, "SELECT id FROM app_user WHERE email = '" + w.counselor_email + "'");
  EXPECT_EQ(QueryInt(t,
                     "SELECT actor_user_id FROM audit_event WHERE action = "
                     "'event_registration.confirm' AND target_id = '" +
                         std::to_string(phone_id) + "'"),
            counselor)
      << "audited with the staff user";

  // A second confirm (a double tap, a colleague) is harmless.
  auto again = staff.Submit(list, {}, confirm);
  EXPECT_EQ(again.status, 303);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_EQ(QueryInt(t,
                     "SELECT COUNT(*) FROM audit_event WHERE action = "
                     "'event_registration.confirm'"),
            1);
  EXPECT_THAT(staff.Get(list).body, Not(HasSubstr("電話で確認済み・確定")));
}

TEST(EventsGaps, StaffRecordADeclinedOfferAndItPassesOn) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 10));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "先着", "ev-gap-d0@example.jp").status, 200);
  const std::string first_link = OwnPageLink(MailSink::Get().WaitFor("ev-gap-d0@example.jp"));
  auto staff = t.LoginAs(w.counselor_email);
  const std::string list = "/events/" + std::to_string(id) + "/registrations";
  ASSERT_EQ(staff.Submit(list, PhoneEntry("電話 辞子")).status, 303);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "次", "ev-gap-d2@example.jp", true).status, 200);
  const auto phone_id = QueryInt(t, "SELECT id FROM event_registration WHERE channel = 'phone'");
  auto person = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(person, first_link, "cancel").status, 200);
  auto declined = staff.Submit(list, {}, list + "/" + std::to_string(phone_id) + "/decline");
  ASSERT_EQ(declined.status, 303);
  EXPECT_FALSE(WaitForMail("ev-gap-d2@example.jp", "お席をご用意しました").empty())
      << "the place passes to the next person waiting";
  EXPECT_EQ(Taken(t, id, "venue"), 1);
}

// --- 2. raising the places offers them to the people waiting at once

events::EventInput Raised(TestServer& t, int venue, int online, int days) {
  auto in = SampleEvent(t, venue, online, days);
  return in;
}

TEST(EventsGaps, RaisingThePlacesOffersThemAtOnce) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 1, 10));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "一", "ev-raise-v0@example.jp").status, 200);
  for (int i = 1; i <= 3; ++i) {
    const std::string to = "ev-raise-v" + std::to_string(i) + "@example.jp";
    ASSERT_EQ(RegisterOnline(t, id, "venue", "待", to, true).status, 200);
    MailSink::Get().WaitFor(to);  // the waiting-list confirmation
  }
  ASSERT_EQ(RegisterOnline(t, id, "online", "一", "ev-raise-o0@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "online", "待", "ev-raise-o1@example.jp", true).status, 200);
  ASSERT_EQ(CountRegistrations(t, id, "waiting"), 4);

  auto updated =
      EventsOf(t).Update(w.organiser, {w.coordinator, w.office, "t", "t"}, id, Raised(t, 3, 2, 10));
  ASSERT_TRUE(updated.ok()) << updated.error().message_key;
  EXPECT_EQ(Offered(t, id), 3) << "two venue offers and one online, in the change's commit";
  EXPECT_EQ(Taken(t, id, "venue"), 3);
  EXPECT_EQ(Taken(t, id, "online"), 2);
  EXPECT_FALSE(WaitForMail("ev-raise-v1@example.jp", "お席をご用意しました").empty());
  EXPECT_FALSE(WaitForMail("ev-raise-v2@example.jp", "お席をご用意しました").empty());
  EXPECT_FALSE(WaitForMail("ev-raise-o1@example.jp", "お席をご用意しました").empty());
  EXPECT_TRUE(t.NoMailFor("ev-raise-v3@example.jp")) << "still waiting, first on the list";
  EXPECT_EQ(RegisterOnline(t, id, "venue", "新", "ev-raise-new@example.jp").status, 409)
      << "the new places went to the people waiting";
}

TEST(EventsGaps, RaisingThePlacesAfterTheCutOffOffersNothing) {
  TestServer t;
  const core::Date today = TodayOf(t);
  t.clock().Set(UnixAtJst(today, 10 * 60));
  auto w = BuildEventsWorld(t);
  // Tomorrow 13:00: with the default 24 hours, offers stop today at 13:00.
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 1));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "一", "ev-rcut0@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "待", "ev-rcut1@example.jp", true).status, 200);
  MailSink::Get().WaitFor("ev-rcut1@example.jp");  // the waiting-list confirmation
  t.clock().Set(UnixAtJst(today, 13 * 60 + 1));
  auto updated =
      EventsOf(t).Update(w.organiser, {w.coordinator, w.office, "t", "t"}, id, Raised(t, 2, 0, 1));
  ASSERT_TRUE(updated.ok()) << updated.error().message_key;
  EXPECT_EQ(Offered(t, id), 0);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_TRUE(t.NoMailFor("ev-rcut1@example.jp"));
}

TEST(EventsGaps, ParallelPlacesChangeAndRegistrationsNeverExceedThem) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 2, 0, 10));
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(
        RegisterOnline(t, id, "venue", "並", "ev-rpar" + std::to_string(i) + "@example.jp", true)
            .status,
        200);
  }
  const auto raised = Raised(t, 4, 0, 10);
  std::vector<std::thread> threads;
  threads.emplace_back([&] {
    auto r = EventsOf(t).Update(w.organiser, {w.coordinator, w.office, "t", "t"}, id, raised);
    EXPECT_TRUE(r.ok());
  });
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      RegisterOnline(t, id, "venue", "新", "ev-rpar-new" + std::to_string(i) + "@example.jp");
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(Taken(t, id, "venue"), 4);
  EXPECT_EQ(CountRegistrations(t, id, "registered") + Offered(t, id), 4)
      << "every place taken is a registration or an offer, never more than the places";
  EXPECT_EQ(Offered(t, id), 2) << "the two new places went to the first two waiting";
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 2);
}

// --- 3. a salon meeting that will not take place tells its registrants

TEST(EventsGaps, ACancelledSalonMeetingTellsItsRegistrantsByMail) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  const auto today = TodayOf(t);
  t.clock().Set(UnixAtJst(core::Date{today.year, today.month, 10}, 10 * 60));
  auto input = HidamariInput();
  input.capacity = 10;
  auto salon = Salons(t).Create(w.centre_coordinator, w.actor, input);
  ASSERT_TRUE(salon.ok());
  const auto meeting = QueryInt(t,
                                "SELECT MIN(id) FROM community_event WHERE status = 'published' "
                                "AND salon_id = " +
                                    std::to_string(*salon));
  ASSERT_GT(meeting, 0);
  ASSERT_EQ(RegisterOnline(t, meeting, "venue", kEventName, "ev-salon-mtg@example.jp").status, 200);
  MailSink::Get().WaitFor("ev-salon-mtg@example.jp");  // the confirmation

  input.status = "paused";
  ASSERT_TRUE(Salons(t).Update(w.centre_coordinator, w.actor, *salon, input).ok());
  const std::string mail = WaitForMail("ev-salon-mtg@example.jp", "中止");
  ASSERT_FALSE(mail.empty()) << "the registrant hears the meeting is off";
  EXPECT_THAT(mail, HasSubstr(input.name));
  EXPECT_THAT(mail, Not(HasSubstr(kEventName))) << "no name in the mail";
  EXPECT_EQ(QueryInt(t,
                     "SELECT COUNT(*) FROM audit_event WHERE action = 'event.cancel' AND "
                     "target_id = '" +
                         std::to_string(meeting) + "'"),
            1);
  EXPECT_THAT(AuditText(t), Not(HasSubstr(kEventName)));
  // No mail to staff carries the registrant's name.
  const std::string all = MailSink::Get().AllRaw();
  for (const char* staff : {"centre@example.jp", "counsel@example.jp", "hospital@example.jp"}) {
    EXPECT_EQ(all.find(std::string("To: ") + staff), std::string::npos) << staff;
  }
}

// --- 4. the organiser's lists mark offered and anonymised rows

TEST(EventsGaps, TheListsMarkOfferedAndAnonymisedRows) {
  TestServer t;
  const core::Date today = TodayOf(t);
  t.clock().Set(UnixAtJst(today, 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 3));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "先着 一子", "ev-mark0@example.jp").status, 200);
  const std::string first_link = OwnPageLink(MailSink::Get().WaitFor("ev-mark0@example.jp"));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "確保 二子", "ev-mark1@example.jp", true).status, 200);
  auto person = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(person, first_link, "cancel").status, 200);
  const auto until = QueryInt(t, "SELECT MAX(offer_expires_at) FROM event_registration");
  ASSERT_GT(until, 0);
  const std::string until_text = core::FormatDateTime(until, "ja");
  ASSERT_THAT(until_text, HasSubstr("令和"));

  auto staff = t.LoginAs(w.counselor_email);
  const std::string base = "/events/" + std::to_string(id);
  auto list = staff.Get(base + "/registrations");
  EXPECT_THAT(list.body, HasSubstr("お席確保中（" + until_text + "まで）"));
  // The printable 受付名簿 lists the held place too, marked, on the day.
  t.clock().Set(UnixAtJst(core::AddDays(today, 3), 9 * 60));
  staff = t.LoginAs(w.counselor_email);  // a new day, a new session
  auto roster = staff.Get("/org/events/" + std::to_string(id) + "/roster");
  ASSERT_EQ(roster.status, 200);
  EXPECT_THAT(roster.body, HasSubstr("確保 二子"));
  EXPECT_THAT(roster.body, HasSubstr("繰り上げ確保中・未確定"));

  // After the retention the rows say 「匿名化済み」 instead of an empty name.
  ASSERT_TRUE(t.sv()
                  .db
                  .WriteVoid([&](soci::session& s) {
                    long long e = id;
                    s << "UPDATE event_registration SET status = 'registered', offer_expires_at "
                         "= NULL WHERE event_id = :e AND status = 'waiting'",
                        soci::use(e);
                  })
                  .ok());
  auto lifecycle = events::Lifecycle(t.sv().db, t.sv().clock, t.sv().cipher, t.sv().outbox,
                                     t.sv().catalog, t.sv().config.server.public_url);
  ASSERT_TRUE(lifecycle.AnonymiseExpired(core::AddDays(today, 3 + 366)).ok());
  auto admin = t.LoginAs(w.coordinator_email);
  list = admin.Get(base + "/registrations");
  EXPECT_THAT(list.body, HasSubstr("匿名化済み"));
  EXPECT_THAT(list.body, Not(HasSubstr("確保 二子")));
  EXPECT_THAT(list.body, Not(HasSubstr("<td><br><span class=\"muted\"></span></td>")));
  roster = admin.Get("/org/events/" + std::to_string(id) + "/roster");
  EXPECT_THAT(roster.body, HasSubstr("匿名化済み"));
}

}  // namespace
}  // namespace tsunagu::testing

// An event's life after registration (issue 15) on both engines: the online link mail that
// goes once, a few days before, to every online registrant, with a link to their personal
// online page (never the raw meeting URL), and the page that shows the current URL until the
// event ends; registrations anonymised retention_days after the event.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "app/demo.hpp"
#include "events/lifecycle.hpp"
#include "events_data.hpp"
#include "sharing_data.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The link to the personal online page in the online link mail.
std::string OnlinePageOf(const std::string& mail) {
  const auto at = mail.find("/events/online/");
  if (at == std::string::npos) return "";
  auto end = mail.find_first_of("\r\n ", at);
  return mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

core::Date TodayOf(TestServer& t) {
  return core::DateFromUnixSeconds(t.clock().NowSeconds());
}

// Runs the clock jobs at `minutes` past midnight (JST) on `date`.
void RunJobsAt(TestServer& t, core::Date date, int minutes) {
  t.clock().Set(UnixAtJst(date, minutes));
  EXPECT_EQ(t.app().jobs().RunOnce(), 0) << "every job succeeds";
}

int OnlineMailsClaimed(TestServer& t, std::int64_t event_id) {
  auto n = t.sv().db.Read<int>([&](soci::session& s) {
    long long id = event_id;
    int count = 0;
    s << "SELECT COUNT(*) FROM event_registration WHERE event_id = :e AND online_mail_sent_at "
         "IS NOT NULL",
        soci::use(id), soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

events::Lifecycle LifecycleOf(TestServer& t) {
  auto& sv = t.sv();
  return events::Lifecycle(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                           sv.config.server.public_url);
}

TEST(EventLifecycle, OnlineRegistrantsGetTheirPageLinkOnceWhenItIsDue) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  auto in = SampleEvent(t, 10, 20, 10);
  const auto id = MakeEvent(t, w, in);
  const core::Date day = *core::ParseIsoDate(in.date);
  auto done = RegisterOnline(t, id, "online", "オンライン 一郎", "ev-online1@example.jp");
  ASSERT_EQ(done.status, 200);
  EXPECT_THAT(done.body, Not(HasSubstr(kMeetingUrl)));
  ASSERT_FALSE(MailSink::Get().WaitFor("ev-online1@example.jp").empty()) << "confirmation";
  ASSERT_EQ(RegisterOnline(t, id, "venue", "会場 花子", "ev-venue1@example.jp").status, 200);
  ASSERT_FALSE(MailSink::Get().WaitFor("ev-venue1@example.jp").empty());

  // Three days before: not yet (the default is two days).
  RunJobsAt(t, core::AddDays(day, -3), 9 * 60);
  EXPECT_TRUE(t.NoMailFor("ev-online1@example.jp")) << "not due three days before";
  EXPECT_EQ(OnlineMailsClaimed(t, id), 0);

  RunJobsAt(t, core::AddDays(day, -2), 9 * 60);
  const std::string mail = MailSink::Get().WaitFor("ev-online1@example.jp");
  ASSERT_FALSE(mail.empty()) << "the online link mail two days before";
  const std::string page = OnlinePageOf(mail);
  ASSERT_FALSE(page.empty()) << mail;
  EXPECT_THAT(mail, Not(HasSubstr(kMeetingUrl))) << "the mail carries the page, not the URL";
  EXPECT_THAT(mail, Not(HasSubstr("/events/registration/"))) << "not the cancel link either";
  EXPECT_THAT(mail, Not(HasSubstr("オンライン 一郎")));
  EXPECT_EQ(OnlineMailsClaimed(t, id), 1) << "only the online registrant";

  // Once per registration: a second round (or a second server) sends nothing more.
  RunJobsAt(t, core::AddDays(day, -2), 9 * 60 + 5);
  RunJobsAt(t, core::AddDays(day, -1), 9 * 60);
  EXPECT_TRUE(t.NoMailFor("ev-online1@example.jp")) << "exactly one online link mail";
  EXPECT_TRUE(t.NoMailFor("ev-venue1@example.jp")) << "venue registrants get none";

  auto visitor = t.NewClient();
  auto own = visitor.Get(page);
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(own.body, HasSubstr(kMeetingUrl));
  EXPECT_THAT(own.body, HasSubstr("就労支援セミナー"));
  EXPECT_THAT(own.Header("cache-control"), HasSubstr("no-store"));

  // The organiser changes the URL: the page shows the current one.
  const std::string new_url = "https://meeting.example.jp/changed-canary-QZ8";
  auto changed = in;
  changed.meeting_url = new_url;
  ASSERT_TRUE(EventsOf(t).Update(w.organiser, {w.coordinator, w.office, "t", "t"}, id, changed));
  own = visitor.Get(page);
  EXPECT_THAT(own.body, HasSubstr(new_url));
  EXPECT_THAT(own.body, Not(HasSubstr(kMeetingUrl)));

  // During the event it still shows; once it has ended, no URL.
  t.clock().Set(UnixAtJst(day, 14 * 60 + 59));
  EXPECT_THAT(visitor.Get(page).body, HasSubstr(new_url));
  t.clock().Set(UnixAtJst(day, 15 * 60));
  own = visitor.Get(page);
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(own.body, Not(HasSubstr(new_url)));
  EXPECT_THAT(own.body, HasSubstr("このイベントは終了しました"));

  // No public page and no mail carries the raw URL.
  for (const std::string& path :
       {std::string("/"), std::string("/events"), "/events/" + std::to_string(id)}) {
    EXPECT_THAT(visitor.Get(path).body, Not(HasSubstr("meeting.example.jp"))) << path;
  }
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr("meeting.example.jp")));
  EXPECT_EQ(visitor.Get("/events/online/not-a-token").status, 404);
}

TEST(EventLifecycle, ARegistrationAfterTheNoticeDayGetsTheLinkAtOnce) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  auto in = SampleEvent(t, 0, 20, 1);  // tomorrow: the notice day has come
  in.lifecycle.online_notice_days = 3;
  const auto id = MakeEvent(t, w, in);
  ASSERT_EQ(RegisterOnline(t, id, "online", "直前 三郎", "ev-late@example.jp").status, 200);
  const std::string first = MailSink::Get().WaitFor("ev-late@example.jp");
  const std::string second = MailSink::Get().WaitFor("ev-late@example.jp");
  const std::string both = first + second;
  ASSERT_FALSE(OnlinePageOf(both).empty()) << "the link mail comes with the confirmation";
  EXPECT_THAT(both, Not(HasSubstr(kMeetingUrl)));
  EXPECT_EQ(OnlineMailsClaimed(t, id), 1);
  RunJobsAt(t, TodayOf(t), 10 * 60 + 1);
  EXPECT_TRUE(t.NoMailFor("ev-late@example.jp")) << "the job does not send it again";
  auto page = t.NewClient().Get(OnlinePageOf(both));
  EXPECT_THAT(page.body, HasSubstr(kMeetingUrl));
}

TEST(EventLifecycle, ACancelledRegistrationsOnlinePageShowsNothing) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 0, 20, 1));
  ASSERT_EQ(RegisterOnline(t, id, "online", "取消 四郎", "ev-gone@example.jp").status, 200);
  std::string mails = MailSink::Get().WaitFor("ev-gone@example.jp");
  mails += MailSink::Get().WaitFor("ev-gone@example.jp");
  const std::string page = OnlinePageOf(mails);
  ASSERT_FALSE(page.empty());
  auto c = t.NewClient();
  ASSERT_THAT(c.Get(page).body, HasSubstr(kMeetingUrl));
  // The person cancels from their registration page.
  const auto at = mails.find("/events/registration/");
  ASSERT_NE(at, std::string::npos);
  const std::string own = mails.substr(at, mails.find_first_of("\r\n ", at) - at);
  auto own_page = c.Get(own);
  ASSERT_EQ(own_page.status, 200);
  ASSERT_EQ(c.Post(own + "/cancel", {{"csrf_token", ExtractCsrf(own_page.body)}}).status, 200);
  auto after = c.Get(page);
  EXPECT_EQ(after.status, 404);
  EXPECT_THAT(after.body, Not(HasSubstr(kMeetingUrl)));
}

TEST(EventLifecycle, TwoServersRunningTheJobAtOnceSendOneMailEach) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  auto in = SampleEvent(t, 0, 20, 10);
  const auto id = MakeEvent(t, w, in);
  for (int i = 0; i < 4; ++i) {
    const std::string to = "ev-par" + std::to_string(i) + "@example.jp";
    ASSERT_EQ(RegisterOnline(t, id, "online", "並行", to).status, 200);
    ASSERT_FALSE(MailSink::Get().WaitFor(to).empty());
  }
  t.clock().Set(UnixAtJst(core::AddDays(*core::ParseIsoDate(in.date), -2), 8 * 60));
  auto a = LifecycleOf(t);
  auto b = LifecycleOf(t);
  int sent_a = -1, sent_b = -1;
  std::thread ta([&] {
    auto r = a.SendOnlineLinks();
    sent_a = r.ok() ? *r : -100;
  });
  std::thread tb([&] {
    auto r = b.SendOnlineLinks();
    sent_b = r.ok() ? *r : -100;
  });
  ta.join();
  tb.join();
  EXPECT_EQ(sent_a + sent_b, 4) << sent_a << " + " << sent_b;
  EXPECT_EQ(OnlineMailsClaimed(t, id), 4);
  for (int i = 0; i < 4; ++i) {
    const std::string to = "ev-par" + std::to_string(i) + "@example.jp";
    EXPECT_FALSE(OnlinePageOf(MailSink::Get().WaitFor(to)).empty());
    EXPECT_TRUE(t.NoMailFor(to)) << "one mail for " << to;
  }
}

TEST(EventLifecycle, TheOrganiserSetsTheNoticeDaysAndSeesTheRetention) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  auto c = t.LoginAs(w.coordinator_email);
  auto form = c.Get("/events/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"online_notice_days\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"365\"")) << "the retention default is shown";
  Fields fields = {
      {"kind", "seminar"},          {"title", "通知日数の確認"},  {"date", InDays(t, 20)},
      {"start_time", "13:00"},      {"end_time", "15:00"},        {"online_capacity", "30"},
      {"meeting_url", kMeetingUrl}, {"audiences", "patient"},     {"contact", "電話 048-000-0000"},
      {"status", "published"},      {"online_notice_days", "15"}, {"retention_days", "400"}};
  auto bad = c.Submit("/events/new", fields);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("0から14までの日数"));
  EXPECT_THAT(bad.body, HasSubstr("value=\"15\"")) << "what was typed is kept";
  for (auto& [k, v] : fields) {
    if (k == "online_notice_days") v = "5";
  }
  ASSERT_EQ(c.Submit("/events/new", fields).status, 303);
  auto stored = t.sv().db.Read<std::pair<int, int>>([](soci::session& s) {
    int notice = 0, retention = 0;
    s << "SELECT online_notice_days, retention_days FROM community_event ORDER BY id DESC LIMIT "
         "1",
        soci::into(notice), soci::into(retention);
    return std::make_pair(notice, retention);
  });
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->first, 5);
  EXPECT_EQ(stored->second, 400);
}

TEST(EventLifecycle, RegistrationsAreAnonymisedAfterTheRetentionAndTheCountsStay) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  auto in = SampleEvent(t, 1, 5, 3);
  in.lifecycle.retention_days = 30;
  const auto id = MakeEvent(t, w, in);
  ASSERT_EQ(RegisterOnline(t, id, "venue", kEventName, "ev-keep1@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "online", kEventName, "ev-keep2@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", kEventName, "ev-keep3@example.jp", true).status, 200);
  const core::Date day = *core::ParseIsoDate(in.date);

  RunJobsAt(t, core::AddDays(day, 30), 10 * 60);
  auto c = t.LoginAs(w.coordinator_email);
  const std::string list_path = "/events/" + std::to_string(id) + "/registrations";
  EXPECT_THAT(c.Get(list_path).body, HasSubstr(kEventName)) << "kept for retention_days";

  RunJobsAt(t, core::AddDays(day, 31), 10 * 60);
  c = t.LoginAs(w.coordinator_email);
  auto list = c.Get(list_path);
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, Not(HasSubstr(kEventName)));
  EXPECT_THAT(list.body, Not(HasSubstr("ev-keep1@example.jp")));
  EXPECT_THAT(list.body, Not(HasSubstr("048-831-8005")));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 2) << "the numbers stay";
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 1);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  auto left = t.sv().db.Read<int>([&](soci::session& s) {
    long long e = id;
    int n = 0;
    s << "SELECT COUNT(*) FROM event_registration WHERE event_id = :e AND (name_enc <> '' OR "
         "furigana_enc <> '' OR phone_enc <> '' OR email_enc <> '' OR email_bidx <> '' OR "
         "phone_bidx <> '' OR address_bidx IS NOT NULL OR cancel_token_hash <> '' OR "
         "online_token_hash <> '' OR anonymised_at IS NULL)",
        soci::use(e), soci::into(n);
    return n;
  });
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 0) << "every personal field cleared";
  const std::string audit = AuditText(t);
  EXPECT_THAT(audit, HasSubstr("event_registration.anonymise"));
  EXPECT_THAT(audit, HasSubstr("\"count\":3"));

  // Idempotent: a second round changes nothing and writes no second audit event.
  RunJobsAt(t, core::AddDays(day, 32), 10 * 60);
  const std::string again = AuditText(t);
  std::size_t n = 0;
  for (auto at = again.find("event_registration.anonymise"); at != std::string::npos;
       at = again.find("event_registration.anonymise", at + 1)) {
    ++n;
  }
  EXPECT_EQ(n, 1u);
}

// --- the waiting list: a freed place is offered and held for the next person

std::string OwnPageLink(const std::string& mail) {
  const auto at = mail.find("/events/registration/");
  if (at == std::string::npos) return "";
  auto end = mail.find_first_of("\r\n ", at);
  return mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

// Registers `n` people for the venue (the first `places` get a place, the others wait) and
// returns the links to their own pages, in order.
std::vector<std::string> FillVenue(TestServer& t, std::int64_t id, int n, const std::string& tag) {
  std::vector<std::string> links;
  for (int i = 0; i < n; ++i) {
    const std::string to = "ev-" + tag + std::to_string(i) + "@example.jp";
    EXPECT_EQ(RegisterOnline(t, id, "venue", "待ち", to, true).status, 200);
    links.push_back(OwnPageLink(MailSink::Get().WaitFor(to)));
  }
  return links;
}

HttpResult PostOnOwnPage(Client& c, const std::string& link, const std::string& action) {
  auto page = c.Get(link);
  return c.Post(link + "/" + action, {{"csrf_token", ExtractCsrf(page.body)}});
}

TEST(EventWaitlist, AFreedPlaceIsOfferedHeldAndConfirmedByTheFirstPersonWaiting) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 10));
  auto links = FillVenue(t, id, 3, "offer");
  auto c = t.NewClient();
  EXPECT_THAT(c.Get(links[2]).body, HasSubstr("キャンセル待ち（2番目）"));
  ASSERT_EQ(PostOnOwnPage(c, links[0], "cancel").status, 200);

  const std::string offer = WaitForMail("ev-offer1@example.jp", "お席をご用意しました");
  ASSERT_FALSE(offer.empty()) << "the first person waiting is offered the place";
  const std::string offer_link = OwnPageLink(offer);
  ASSERT_FALSE(offer_link.empty());
  EXPECT_EQ(Taken(t, id, "venue"), 1) << "the offer holds the place";
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0) << "not registered before confirming";
  auto late = RegisterOnline(t, id, "venue", "後から", "ev-offer-late@example.jp");
  EXPECT_EQ(late.status, 409) << "a newcomer cannot take the held place";
  EXPECT_THAT(c.Get(links[2]).body, HasSubstr("キャンセル待ち（1番目）"));

  auto own = c.Get(offer_link);
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(own.body, HasSubstr("お席を確保しています"));
  auto confirmed = PostOnOwnPage(c, offer_link, "confirm");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body.substr(0, 3000);
  EXPECT_THAT(confirmed.body, HasSubstr("参加が確定しました"));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_THAT(c.Get(links[1]).body, HasSubstr("申込み済み"));
}

TEST(EventWaitlist, AnExpiredOfferPassesToTheNextPerson) {
  TestServer t;
  const core::Date today = TodayOf(t);
  t.clock().Set(UnixAtJst(today, 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 10));
  auto links = FillVenue(t, id, 3, "expire");
  auto c = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(c, links[0], "cancel").status, 200);
  ASSERT_FALSE(WaitForMail("ev-expire1@example.jp", "お席をご用意しました").empty());

  RunJobsAt(t, core::AddDays(today, 1), 9 * 60 + 59);  // 23h59 later: still held
  EXPECT_TRUE(t.NoMailFor("ev-expire2@example.jp"));
  RunJobsAt(t, core::AddDays(today, 1), 10 * 60 + 1);  // the 24 hours have passed
  EXPECT_FALSE(WaitForMail("ev-expire2@example.jp", "お席をご用意しました").empty());
  EXPECT_EQ(Taken(t, id, "venue"), 1) << "the place passes on, still held";
  EXPECT_THAT(c.Get(links[1]).body, Not(HasSubstr("お席を確保しています")));
  auto too_late = PostOnOwnPage(c, links[1], "confirm");
  EXPECT_NE(too_late.status, 200) << "an expired offer cannot be confirmed";
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0);
  ASSERT_EQ(PostOnOwnPage(c, links[2], "confirm").status, 200);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
}

TEST(EventWaitlist, OffersStopAtTheCutOffAndNeverHoldPastIt) {
  TestServer t;
  const core::Date today = TodayOf(t);
  t.clock().Set(UnixAtJst(today, 10 * 60));
  auto w = BuildEventsWorld(t);
  // Tomorrow 13:00: with the default 24 hours, offers stop today at 13:00.
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 1));
  auto links = FillVenue(t, id, 3, "cutoff");
  auto c = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(c, links[0], "cancel").status, 200);
  ASSERT_FALSE(WaitForMail("ev-cutoff1@example.jp", "お席をご用意しました").empty());
  // The hold ends at the cut-off (13:00), not 24 hours later.
  RunJobsAt(t, today, 13 * 60 + 1);
  EXPECT_EQ(Taken(t, id, "venue"), 0) << "the expired offer gave the place back";
  EXPECT_TRUE(t.NoMailFor("ev-cutoff2@example.jp")) << "no offer after the cut-off";
  EXPECT_THAT(c.Get(links[2]).body, HasSubstr("キャンセル待ち（1番目）"));
}

TEST(EventWaitlist, LeavingWithAnOfferPassesItOn) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0, 10));
  auto links = FillVenue(t, id, 3, "leave");
  auto c = t.NewClient();
  ASSERT_EQ(PostOnOwnPage(c, links[0], "cancel").status, 200);
  ASSERT_FALSE(WaitForMail("ev-leave1@example.jp", "お席をご用意しました").empty());
  ASSERT_EQ(PostOnOwnPage(c, links[1], "cancel").status, 200);
  EXPECT_FALSE(WaitForMail("ev-leave2@example.jp", "お席をご用意しました").empty());
  EXPECT_EQ(Taken(t, id, "venue"), 1);
}

TEST(EventWaitlist, ParallelConfirmationsAndCancellationsNeverExceedTheCapacity) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 2, 0, 10));
  auto links = FillVenue(t, id, 6, "par");
  std::vector<Client> clients;
  for (int i = 0; i < 6; ++i) clients.push_back(t.NewClient());
  // Both registered people leave at once: the first two waiting are offered the places.
  {
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
      threads.emplace_back([&, i] { PostOnOwnPage(clients[i], links[i], "cancel"); });
    }
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(Taken(t, id, "venue"), 2);
  // At once: the two offered confirm, the others try to confirm or leave, a newcomer registers.
  {
    std::vector<std::thread> threads;
    for (int i = 2; i < 6; ++i) {
      threads.emplace_back(
          [&, i] { PostOnOwnPage(clients[i], links[i], i == 5 ? "cancel" : "confirm"); });
    }
    threads.emplace_back([&] { RegisterOnline(t, id, "venue", "新規", "ev-par-new@example.jp"); });
    for (auto& th : threads) th.join();
  }
  EXPECT_EQ(Taken(t, id, "venue"), 2);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 2) << "only the two offered confirmed";
  EXPECT_LE(Taken(t, id, "venue"), 2);
}

TEST(EventWaitlist, AFullVenueOffersAnOnlinePlaceNowReleasedWhenTheVenueIsConfirmed) {
  TestServer t;
  t.clock().Set(UnixAtJst(TodayOf(t), 10 * 60));
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 5, 10));
  auto links = FillVenue(t, id, 1, "both");
  auto full = RegisterOnline(t, id, "venue", "両方 待子", "ev-both-x@example.jp");
  ASSERT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("name=\"also_online\""))
      << "the full page offers an online place while waiting for the venue";
  // The person takes the online place now and stays on the venue's waiting list.
  auto c = t.NewClient();
  const std::string base = "/events/" + std::to_string(id) + "/register";
  auto fields = Answers("venue", "両方 待子", "ev-both@example.jp");
  auto confirm = c.Submit(base, fields, base + "/confirm");
  ASSERT_EQ(confirm.status, 200);
  fields.emplace_back("accept_waiting", "1");
  fields.emplace_back("also_online", "1");
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit", fields);
  ASSERT_EQ(done.status, 200) << done.body.substr(0, 2000);
  EXPECT_EQ(Taken(t, id, "online"), 1) << "an online place at once";
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 1) << "and the venue's waiting list";

  ASSERT_EQ(PostOnOwnPage(c, links[0], "cancel").status, 200);
  const std::string offer = WaitForMail("ev-both@example.jp", "お席をご用意しました");
  ASSERT_FALSE(offer.empty());
  ASSERT_EQ(PostOnOwnPage(c, OwnPageLink(offer), "confirm").status, 200);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_EQ(Taken(t, id, "online"), 0) << "the online place went back with the confirmation";
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
}

TEST(EventLifecycle, TheDemoHasADueOnlineLinkAndAHeldOffer) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok()) << "a second run changes nothing";
  auto counts = t.sv().db.Read<std::pair<int, int>>([](soci::session& s) {
    int links = 0, offers = 0;
    s << "SELECT COUNT(*) FROM event_registration WHERE online_mail_sent_at IS NOT NULL",
        soci::into(links);
    s << "SELECT COUNT(*) FROM event_registration WHERE status = 'waiting' AND "
         "offer_expires_at IS NOT NULL",
        soci::into(offers);
    return std::make_pair(links, offers);
  });
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->first, 3);
  EXPECT_EQ(counts->second, 2) << "the seminar's, and the phone registrant's (demo_events_gaps)";
}

}  // namespace
}  // namespace tsunagu::testing

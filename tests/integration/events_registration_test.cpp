// Registering for an event through the public pages (issue 15, seed 002) on both engines: the
// whole path from the event page to the confirmation e-mail with its .ics and link, nothing
// stored before 送信, venue and online places kept apart, the waiting list with its position,
// cancelling that frees the place once and offers it to the first person waiting, the honeypot,
// and kept input with messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "events_data.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string RegisterPath(std::int64_t id) {
  return "/events/" + std::to_string(id) + "/register";
}

// The link to the person's own page in their confirmation e-mail.
std::string OwnPageOf(const std::string& mail) {
  const auto at = mail.find("/events/registration/");
  if (at == std::string::npos) return "";
  auto end = mail.find_first_of("\r\n ", at);
  return mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

TEST(EventRegistration, APersonRegistersForTheVenueAndGetsTheConfirmationMail) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 50, 100));
  auto c = t.NewClient();
  auto page = c.Get("/events/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("就労支援セミナー"));
  EXPECT_THAT(page.body, HasSubstr("定員50名・残り50名"));
  EXPECT_THAT(page.body, HasSubstr("定員100名・残り100名"));
  EXPECT_THAT(page.body, HasSubstr("大宮駅西口から徒歩3分"));

  const std::string base = RegisterPath(id);
  auto fields = Answers("venue", "申込 花子", "ev-person1@example.jp");
  auto confirm = c.Submit(base, fields, base + "/confirm");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_THAT(confirm.body, HasSubstr("お申込み内容の確認"));
  EXPECT_THAT(confirm.body, HasSubstr("申込 花子"));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0) << "nothing is stored before 送信";
  EXPECT_EQ(Taken(t, id, "venue"), 0);

  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit", fields);
  ASSERT_EQ(done.status, 200) << done.body.substr(0, 3000);
  EXPECT_THAT(done.body, HasSubstr("お申込みを受け付けました"));
  EXPECT_THAT(done.body, HasSubstr("EV-"));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_EQ(Taken(t, id, "online"), 0) << "the online places are kept apart";

  const std::string mail = MailSink::Get().WaitFor("ev-person1@example.jp");
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("お申込みを受け付けました"));
  EXPECT_THAT(mail, HasSubstr("大宮ソニックシティ 905号室"));
  EXPECT_THAT(mail, HasSubstr("/events/registration/"));
  EXPECT_THAT(mail, Not(HasSubstr("申込 花子"))) << "the mail does not carry the name";
  EXPECT_THAT(MailSink::Get().AllRaw(), HasSubstr("event.ics"));
}

TEST(EventRegistration, TheMailFollowsThePagesLanguage) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 0, 20));
  auto c = t.NewClient();
  const std::string base = RegisterPath(id);
  auto fields = Answers("online", "Hanako Test", "ev-english@example.jp");
  auto confirm = c.Submit(base + "?lang=en", fields, base + "/confirm?lang=en");
  ASSERT_EQ(confirm.status, 200);
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit?lang=en", fields);
  ASSERT_EQ(done.status, 200);
  EXPECT_THAT(done.body, HasSubstr("Your registration has been received"));
  const std::string mail = MailSink::Get().WaitFor("ev-english@example.jp");
  EXPECT_THAT(mail, HasSubstr("Your registration for the event has been received"));
  EXPECT_THAT(mail, HasSubstr("e-mailed to you closer to the day"));
  EXPECT_THAT(mail, Not(HasSubstr(kMeetingUrl))) << "the URL is mailed later, not now";
}

TEST(EventRegistration, VenueAndOnlinePlacesAreSeparate) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 2));
  EXPECT_EQ(RegisterOnline(t, id, "venue", "会場 一", "ev-sep1@example.jp").status, 200);
  auto full = RegisterOnline(t, id, "venue", "会場 二", "ev-sep2@example.jp");
  EXPECT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("キャンセル待ちに登録する"));
  EXPECT_THAT(full.body, HasSubstr("別の参加方法で申し込む")) << "online still has room";
  EXPECT_EQ(RegisterOnline(t, id, "online", "視聴 一", "ev-sep3@example.jp").status, 200);
  EXPECT_EQ(RegisterOnline(t, id, "online", "視聴 二", "ev-sep4@example.jp").status, 200);
  EXPECT_EQ(RegisterOnline(t, id, "online", "視聴 三", "ev-sep5@example.jp").status, 409);
  EXPECT_EQ(Taken(t, id, "venue"), 1);
  EXPECT_EQ(Taken(t, id, "online"), 2);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 3);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 0) << "nobody waits without asking";
}

TEST(EventRegistration, AFullVenueOffersTheWaitingListWithAPositionThePersonCanSee) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0));
  EXPECT_EQ(RegisterOnline(t, id, "venue", "先着 一", "ev-wait0@example.jp").status, 200);
  auto first = RegisterOnline(t, id, "venue", "待ち 一", "ev-wait1@example.jp", true);
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("キャンセル待ちに登録しました"));
  EXPECT_THAT(first.body, HasSubstr("1番目"));
  auto second = RegisterOnline(t, id, "venue", "待ち 二", "ev-wait2@example.jp", true);
  EXPECT_THAT(second.body, HasSubstr("2番目"));
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 2);

  const std::string mail = MailSink::Get().WaitFor("ev-wait2@example.jp");
  EXPECT_THAT(mail, HasSubstr("キャンセル待ち（2番目）"));
  auto c = t.NewClient();
  auto own = c.Get(OwnPageOf(mail));
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(own.body, HasSubstr("キャンセル待ち（2番目）"));

  auto page = c.Get("/events/" + std::to_string(id));
  EXPECT_THAT(page.body, HasSubstr("満席（キャンセル待ち2名）"));
}

TEST(EventRegistration, CancellingFreesThePlaceOnceAndOffersItToTheFirstPersonWaiting) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "取消 一", "ev-cancel1@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "待ち 一", "ev-cancel2@example.jp", true).status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "待ち 二", "ev-cancel3@example.jp", true).status, 200);
  const std::string link = OwnPageOf(MailSink::Get().WaitFor("ev-cancel1@example.jp"));
  ASSERT_FALSE(link.empty());
  auto c = t.NewClient();
  auto own = c.Get(link);
  ASSERT_EQ(own.status, 200);
  EXPECT_THAT(own.body, HasSubstr("申込み済み"));
  auto cancelled = c.Submit(link, {}, link + "/cancel");
  EXPECT_EQ(cancelled.status, 200);
  EXPECT_THAT(cancelled.body, HasSubstr("お申込みを取り消しました"));
  // A second click (an old tab: the page no longer offers the button) frees nothing more.
  auto again = c.Post(link + "/cancel", {{"csrf_token", c.cookies()["tsunagu_csrf"]}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(Taken(t, id, "venue"), 1) << "the freed place is held for the first person waiting";
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0) << "until they confirm it";
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 2);
  EXPECT_EQ(CountRegistrations(t, id, "cancelled"), 1);
  const std::string offered = WaitForMail("ev-cancel2@example.jp", "お席をご用意しました");
  ASSERT_FALSE(offered.empty());
  auto offer_page = c.Get(OwnPageOf(offered));
  ASSERT_EQ(c.Post(OwnPageOf(offered) + "/confirm", {{"csrf_token", ExtractCsrf(offer_page.body)}})
                .status,
            200);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 1);
  const std::string second = MailSink::Get().WaitFor("ev-cancel3@example.jp");
  auto still = c.Get(OwnPageOf(second));
  EXPECT_THAT(still.body, HasSubstr("キャンセル待ち（1番目）")) << "one place nearer";
  EXPECT_THAT(c.Get(link).body, HasSubstr("取消し済み"));
}

TEST(EventRegistration, BadInputIsExplainedAndKept) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 10, 0));
  auto c = t.NewClient();
  const std::string base = RegisterPath(id);
  auto r = c.Submit(base,
                    {{"mode", "venue"},
                     {"name", "入力 保持子"},
                     {"furigana", "Tanaka"},
                     {"phone", "12"},
                     {"email", "not-an-address"},
                     {"municipality", "川越市"}},
                    base + "/confirm");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("入力内容に誤りがあります"));
  EXPECT_THAT(r.body, HasSubstr("ふりがなは、ひらがなまたはカタカナで入力してください"));
  EXPECT_THAT(r.body, HasSubstr("電話番号は10桁または11桁"));
  EXPECT_THAT(r.body, HasSubstr("メールアドレスの形が正しくありません"));
  EXPECT_THAT(r.body, HasSubstr("所属を選んでください"));
  EXPECT_THAT(r.body, HasSubstr("個人情報の取り扱いへの同意"));
  EXPECT_THAT(r.body, HasSubstr("value=\"入力 保持子\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"川越市\""));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0);
}

TEST(EventRegistration, TheHoneypotStoresNothing) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 10, 0));
  auto c = t.NewClient();
  const std::string base = RegisterPath(id);
  auto fields = Answers("venue", "ボット", "ev-bot@example.jp");
  fields.emplace_back("website", "http://spam.example");
  fields.emplace_back("action", "send");
  auto r = c.Submit(base, fields, base + "/submit");
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("お申込みを受け付けました"));
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 0);
  EXPECT_EQ(Taken(t, id, "venue"), 0);
  EXPECT_TRUE(t.NoMailFor("ev-bot@example.jp"));
}

TEST(EventRegistration, ManyPostsFromOneAddressAreSlowedDown) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 10, 0));
  auto c = t.NewClient();
  auto page = c.Get(RegisterPath(id));
  const std::string csrf = ExtractCsrf(page.body);
  int last = 0;
  for (int i = 0; i < 21; ++i) {
    last = c.Post(RegisterPath(id) + "/confirm", {{"csrf_token", csrf}}).status;
  }
  EXPECT_EQ(last, 429);
}

}  // namespace
}  // namespace tsunagu::testing

// The organiser's side of events (issue 15) on both engines: creating and changing an event
// through the form with kept input and clear messages, what the public may see (published
// only, never the staff-only kind, never the meeting URL), another organisation's 404, places
// that cannot drop below those taken, and 中止 telling every registrant in one transaction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Fields ForumForm(TestServer& t) {
  return {{"kind", "forum"},
          {"title", "就労支援ネットワークフォーラム"},
          {"description", "築こう、支えよう、難病患者への就労の道を"},
          {"date", InDays(t, 20)},
          {"start_time", "12:45"},
          {"end_time", "16:30"},
          {"venue", "大宮ソニックシティ 905号室（9階）"},
          {"access", "大宮駅西口から徒歩3分"},
          {"venue_capacity", "50"},
          {"online_capacity", "100"},
          {"meeting_url", kMeetingUrl},
          {"audiences", "patient"},
          {"audiences", "family"},
          {"audiences", "employer"},
          {"fee", "無料"},
          {"contact", "埼玉県難病相談支援センター 電話 048-831-8005"},
          {"speakers", "モデレーター：ONE"},
          {"co_hosts", "ONE"},
          {"status", "published"}};
}

std::int64_t NewestEventId(TestServer& t) {
  auto id = t.sv().db.Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COALESCE(MAX(id), 0) FROM community_event", soci::into(n);
    return n;
  });
  return id.ok() ? *id : 0;
}

TEST(EventOrganiser, ACoordinatorPublishesAForumWithSeparateVenueAndOnlinePlaces) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  auto c = t.LoginAs(w.coordinator_email);
  auto created = c.Submit("/events/new", ForumForm(t));
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 3000);
  auto manage = c.Get("/events/manage?done=created");
  ASSERT_EQ(manage.status, 200);
  EXPECT_THAT(manage.body, HasSubstr("就労支援ネットワークフォーラム"));
  EXPECT_THAT(manage.body, HasSubstr("0／50名"));
  EXPECT_THAT(manage.body, HasSubstr("0／100名"));
  const auto id = NewestEventId(t);

  auto visitor = t.NewClient();
  auto page = visitor.Get("/events/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("フォーラム・シンポジウム"));
  EXPECT_THAT(page.body, HasSubstr("12:45〜16:30"));
  EXPECT_THAT(page.body, HasSubstr("定員50名・残り50名"));
  EXPECT_THAT(page.body, HasSubstr("定員100名・残り100名"));
  EXPECT_THAT(page.body, HasSubstr("当事者・家族・事業主"));
  EXPECT_THAT(page.body, HasSubstr("無料"));
  EXPECT_THAT(page.body, HasSubstr("048-831-8005"));
  auto list = visitor.Get("/events");
  EXPECT_THAT(list.body, HasSubstr("就労支援ネットワークフォーラム"));

  // Changing it keeps what was typed; the edit form shows the URL to staff.
  auto edit = c.Get("/events/" + std::to_string(id) + "/edit");
  ASSERT_EQ(edit.status, 200);
  EXPECT_THAT(edit.body, HasSubstr("value=\"12:45\""));
  EXPECT_THAT(edit.body, HasSubstr(kMeetingUrl));
}

TEST(EventOrganiser, BadInputIsExplainedKeptAndChangesNothing) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  auto c = t.LoginAs(w.coordinator_email);
  auto form = ForumForm(t);
  for (auto& [k, v] : form) {
    if (k == "date") v = "2026-02-30";
    if (k == "end_time") v = "11:00";
    if (k == "venue_capacity") v = "五十";
    if (k == "meeting_url") v = "http://insecure.example.jp";
    if (k == "contact") v = "";
  }
  auto r = c.Submit("/events/new", form);
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("入力内容に誤りがあります"));
  EXPECT_THAT(r.body, HasSubstr("開催日を「2026-02-21」の形で入力してください"));
  EXPECT_THAT(r.body, HasSubstr("終了時刻は開始時刻より後にしてください"));
  EXPECT_THAT(r.body, HasSubstr("定員は0から100000までの数字で入力してください"));
  EXPECT_THAT(r.body, HasSubstr("URLは https:// で始まる形で入力してください"));
  EXPECT_THAT(r.body, HasSubstr("問い合わせ先を入力してください"));
  EXPECT_THAT(r.body, HasSubstr("value=\"就労支援ネットワークフォーラム\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"五十\""));
  EXPECT_EQ(NewestEventId(t), 0);

  auto nowhere = ForumForm(t);
  for (auto& [k, v] : nowhere) {
    if (k == "venue") v = "";
    if (k == "online_capacity") v = "0";
  }
  auto r2 = c.Submit("/events/new", nowhere);
  EXPECT_EQ(r2.status, 422);
  EXPECT_THAT(r2.body, HasSubstr("会場の定員を入れる場合は、会場を入力してください"));
}

TEST(EventOrganiser, DraftsAndStaffOnlyStudySessionsAreNeverPublic) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  auto draft_in = SampleEvent(t, 10, 0);
  draft_in.title = "下書きのセミナー";
  draft_in.status = "draft";
  const auto draft = MakeEvent(t, w, draft_in);
  auto study_in = SampleEvent(t, 30, 0);
  study_in.kind = "staff_study";
  study_in.title = "看護師の院内勉強会";
  const auto study = MakeEvent(t, w, study_in);
  auto visitor = t.NewClient();
  for (auto id : {draft, study}) {
    const std::string path = "/events/" + std::to_string(id);
    EXPECT_EQ(visitor.Get(path).status, 404) << path;
    EXPECT_EQ(visitor.Get(path + "/register").status, 404) << path;
    visitor.Get("/events");  // the public forms' CSRF cookie
    auto fields = Answers("venue", "誰か", "ev-nobody@example.jp");
    fields.emplace_back("action", "send");
    fields.emplace_back("csrf_token", visitor.cookies()["tsunagu_csrf"]);
    auto post = visitor.Post(path + "/register/submit", fields);
    EXPECT_EQ(post.status, 404) << path;
  }
  auto list = visitor.Get("/events");
  EXPECT_THAT(list.body, Not(HasSubstr("下書きのセミナー")));
  EXPECT_THAT(list.body, Not(HasSubstr("看護師の院内勉強会")));
  EXPECT_EQ(CountRegistrations(t, study, "registered"), 0);
  // The organisation's staff see both.
  auto staff = t.LoginAs(w.counselor_email);
  auto manage = staff.Get("/events/manage");
  EXPECT_THAT(manage.body, HasSubstr("看護師の院内勉強会"));
  EXPECT_THAT(manage.body, HasSubstr("職員向け（非公開）"));
  EXPECT_THAT(manage.body, HasSubstr("下書きのセミナー"));
}

TEST(EventOrganiser, TheMeetingUrlIsNeverOnAPublicPage) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 5, 5));
  auto visitor = t.NewClient();
  const std::string base = "/events/" + std::to_string(id);
  std::string seen =
      visitor.Get("/events").body + visitor.Get(base).body + visitor.Get(base + "/register").body;
  auto fields = Answers("online", "閲覧 確認", "ev-url@example.jp");
  auto confirm = visitor.Submit(base + "/register", fields, base + "/register/confirm");
  seen += confirm.body;
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = visitor.Post(base + "/register/submit", fields);
  ASSERT_EQ(done.status, 200);
  seen += done.body;
  const std::string mail = MailSink::Get().WaitFor("ev-url@example.jp");
  const auto at = mail.find("/events/registration/");
  ASSERT_NE(at, std::string::npos);
  seen += visitor.Get(mail.substr(at, mail.find_first_of("\r\n", at) - at)).body;
  EXPECT_THAT(seen, Not(HasSubstr("secret-canary-QZ7")));
  EXPECT_THAT(mail, Not(HasSubstr("secret-canary-QZ7")));
  // The organiser's staff do see it.
  auto staff = t.LoginAs(w.counselor_email);
  EXPECT_THAT(staff.Get(base + "/registrations").body, HasSubstr("secret-canary-QZ7"));
}

TEST(EventOrganiser, AnotherOrganisationGetsNotFound) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 5, 0));
  ASSERT_EQ(RegisterOnline(t, id, "venue", kEventName, "ev-wall@example.jp").status, 200);
  auto stranger = t.LoginAs(w.stranger_email);
  const std::string base = "/events/" + std::to_string(id);
  for (const auto& path : {base + "/edit", base + "/registrations"}) {
    auto r = stranger.Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kEventName)));
  }
  EXPECT_EQ(stranger.Submit("/events/manage", ForumForm(t), base + "/edit").status, 404);
  auto add = stranger.Submit("/events/manage",
                             {{"channel", "phone"},
                              {"mode", "venue"},
                              {"name", "よそ"},
                              {"furigana", "よそ"},
                              {"phone", "0488318005"},
                              {"municipality", "川口市"},
                              {"affiliation", "other"}},
                             base + "/registrations");
  EXPECT_EQ(add.status, 404);
  EXPECT_EQ(stranger.Submit("/events/manage", {}, base + "/registrations/1/cancel").status, 404);
  EXPECT_EQ(CountRegistrations(t, id, "registered"), 1);
  EXPECT_THAT(stranger.Get("/events/manage").body, Not(HasSubstr("就労支援セミナー")));
}

TEST(EventOrganiser, PlacesCannotDropBelowThoseTaken) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 2, 0));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "一", "ev-cap1@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "二", "ev-cap2@example.jp").status, 200);
  auto c = t.LoginAs(w.coordinator_email);
  const std::string edit = "/events/" + std::to_string(id) + "/edit";
  auto page = c.Get(edit);
  ASSERT_EQ(page.status, 200);
  auto form = ForumForm(t);
  for (auto& [k, v] : form) {
    if (k == "venue_capacity") v = "1";
    if (k == "online_capacity") v = "0";
  }
  auto r = c.Submit(edit, form);
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("すでに申し込んだ方の人数より少ない定員にはできません"));
  EXPECT_EQ(Taken(t, id, "venue"), 2);
}

TEST(EventOrganiser, CancellingTheEventTellsEveryRegistrantOnceAndIsAudited) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 1));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "中止 一", "ev-stop1@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "online", "中止 二", "ev-stop2@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "venue", "中止 三", "ev-stop3@example.jp", true).status, 200);
  auto c = t.LoginAs(w.coordinator_email);
  const std::string edit = "/events/" + std::to_string(id) + "/edit";
  auto form = ForumForm(t);
  for (auto& [k, v] : form) {
    if (k == "venue_capacity") v = "1";
    if (k == "online_capacity") v = "1";
    if (k == "status") v = "cancelled";
  }
  auto r = c.Submit(edit, form);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 3000);
  for (const char* to : {"ev-stop1@example.jp", "ev-stop2@example.jp", "ev-stop3@example.jp"}) {
    std::string mail;
    for (int i = 0; i < 3 && mail.find("中止") == std::string::npos; ++i) {
      mail = MailSink::Get().WaitFor(to);
    }
    EXPECT_THAT(mail, HasSubstr("中止となりました")) << to;
  }
  EXPECT_THAT(AuditText(t), HasSubstr("event.cancel"));
  EXPECT_THAT(AuditText(t), HasSubstr("\"notified\":3"));
  // Final: the public page says so and takes no registrations; the form refuses changes.
  auto visitor = t.NewClient();
  auto page = visitor.Get("/events/" + std::to_string(id));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("このイベントは中止になりました"));
  EXPECT_THAT(page.body, Not(HasSubstr("/register\"")));
  EXPECT_EQ(visitor.Get("/events/" + std::to_string(id) + "/register").status, 409);
  EXPECT_EQ(c.Get(edit).status, 409);
}

}  // namespace
}  // namespace tsunagu::testing

// Kept public pages (app::PublicPageCache) on a real server: what a visitor sees after a change
// made through this server, through another one, and what staff and other languages see.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

ServerOptions Caching() {
  ServerOptions o;
  o.configure = [](core::Config& c) { c.server.public_cache_seconds = 5; };
  return o;
}

std::string PageOf(std::int64_t id) {
  return "/events/" + std::to_string(id);
}

// A change another server (or a command) made: straight to the database, past this server.
void RetitleElsewhere(TestServer& t, std::int64_t id, const std::string& title) {
  ASSERT_TRUE(t.sv()
                  .db
                  .Write<bool>([&](soci::session& s) {
                    long long event = id;
                    std::string text = title;
                    s << "UPDATE community_event SET title = :t WHERE id = :id", soci::use(text),
                        soci::use(event);
                    return true;
                  })
                  .ok());
}

TEST(PublicCache, AChangeMadeElsewhereShowsOnceTheSecondsHavePassed) {
  TestServer t(Caching());
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 50, 0));
  auto visitor = t.NewClient();
  ASSERT_THAT(visitor.Get(PageOf(id)).body, HasSubstr("就労支援セミナー"));

  RetitleElsewhere(t, id, "会場変更のお知らせ付きセミナー");
  auto kept = visitor.Get(PageOf(id));
  ASSERT_EQ(kept.status, 200);
  EXPECT_THAT(kept.body, Not(HasSubstr("会場変更のお知らせ付きセミナー")))
      << "within the setting the page rendered a moment ago is served again";
  EXPECT_THAT(t.NewClient().Get(PageOf(id)).body, Not(HasSubstr("会場変更のお知らせ")))
      << "to every anonymous visitor";

  t.clock().Advance(5);
  EXPECT_THAT(visitor.Get(PageOf(id)).body, HasSubstr("会場変更のお知らせ付きセミナー"));
}

TEST(PublicCache, ARegistrationThroughThisServerShowsAtOnce) {
  TestServer t(Caching());
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 50, 0));
  auto visitor = t.NewClient();
  ASSERT_THAT(visitor.Get(PageOf(id)).body, HasSubstr("定員50名・残り50名"));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "申込 一郎", "cache-1@example.jp").status, 200);
  EXPECT_THAT(visitor.Get(PageOf(id)).body, HasSubstr("定員50名・残り49名"));
  ASSERT_THAT(visitor.Get("/calendar?view=list").body, HasSubstr("就労支援セミナー"));
}

TEST(PublicCache, AnEditByStaffShowsAtOnceAndStaffNeverGetTheVisitorsPage) {
  TestServer t(Caching());
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 50, 0));
  auto visitor = t.NewClient();
  ASSERT_EQ(visitor.Get("/").status, 200);
  ASSERT_EQ(visitor.Get(PageOf(id)).status, 200);

  auto staff = t.LoginAs(w.coordinator_email);
  auto home = staff.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("/logout")) << "the signed-in page, not the kept one";
  EXPECT_THAT(visitor.Get("/").body, Not(HasSubstr("/logout")))
      << "nor does a visitor get the staff member's page";

  // Any state-changing request through this server clears the kept pages (here: the staff
  // member signs out, which changes nothing public, and a retitle right after it shows).
  RetitleElsewhere(t, id, "題名を直したセミナー");
  staff.Submit("/", {}, "/logout");
  EXPECT_THAT(visitor.Get(PageOf(id)).body, HasSubstr("題名を直したセミナー"));
}

TEST(PublicCache, EachLanguageIsKeptApart) {
  TestServer t(Caching());
  auto w = BuildEventsWorld(t);
  MakeEvent(t, w, SampleEvent(t, 50, 0));
  auto ja = t.NewClient();
  ASSERT_THAT(ja.Get("/calendar").body, HasSubstr("<html lang=\"ja\""));
  auto en = t.NewClient();
  ASSERT_EQ(en.Get("/?lang=en").status, 200);  // the choice is remembered in a cookie
  auto english = en.Get("/calendar");
  EXPECT_THAT(english.body, HasSubstr("<html lang=\"en\""));
}

}  // namespace
}  // namespace tsunagu::testing

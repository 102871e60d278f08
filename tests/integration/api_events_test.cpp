// The events API (issue 17 point 4): the public list with free places (no token), the
// organiser's registration list (events:read, audited) and staff registration (events:write)
// with the rules of the registration pages: places decided in the database, the waiting list,
// the confirmation e-mail, and the organisation wall.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/scopes.hpp"
#include "events_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

std::string TokenFor(TestServer& t, std::int64_t user, std::int64_t org,
                     const std::string& scopes) {
  auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "t", "t"}, user, org,
                                        "イベント連携", 30, *api::Scopes::Parse(scopes));
  EXPECT_TRUE(created.ok());
  return created.ok() ? created->token : std::string();
}

Headers Json(const std::string& token) {
  return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
}

std::string Body(const std::string& name, const std::string& email, bool accept_waiting = false) {
  return boost::json::serialize(boost::json::object{{"mode", "venue"},
                                                    {"affiliation", "family"},
                                                    {"municipality", "さいたま市"},
                                                    {"name", name},
                                                    {"furigana", "でんわ はなこ"},
                                                    {"phone", kEventPhone},
                                                    {"email", email},
                                                    {"channel", "phone"},
                                                    {"consent", true},
                                                    {"accept_waiting", accept_waiting}});
}

int Count(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int out = 0;
    s << sql, soci::into(out);
    return out;
  });
  return n.ok() ? *n : -1;
}

TEST(ApiEvents, PublicListShowsPublishedEventsWithTheirFreePlaces) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto open = MakeEvent(t, w, SampleEvent(t, 2, 3));
  auto draft_input = SampleEvent(t, 5, 0);
  draft_input.title = "下書きカナリアQZ";
  draft_input.status = "draft";
  MakeEvent(t, w, draft_input);
  auto staff_input = SampleEvent(t, 5, 0);
  staff_input.title = "院内勉強会カナリアQZ";
  staff_input.kind = "staff_study";
  MakeEvent(t, w, staff_input);

  auto api = t.NewClient();
  auto listed = api.Get("/api/v1/public/events");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_THAT(listed.body, Not(HasSubstr("下書きカナリアQZ")));
  EXPECT_THAT(listed.body, Not(HasSubstr("院内勉強会カナリアQZ")));
  EXPECT_THAT(listed.body, Not(HasSubstr(kMeetingUrl)));
  auto doc = boost::json::parse(listed.body);
  ASSERT_EQ(doc.at("items").as_array().size(), 1U);
  const auto& e = doc.at("items").at(0);
  EXPECT_EQ(e.at("id").as_int64(), open);
  EXPECT_EQ(e.at("venue_places").at("free").as_int64(), 2);
  EXPECT_EQ(e.at("online_places").at("free").as_int64(), 3);
  EXPECT_TRUE(e.at("open_for_registration").as_bool());
  EXPECT_TRUE(doc.at("next_cursor").is_null());

  // A place taken through the API is one place fewer on the public list.
  const auto token = TokenFor(t, w.coordinator, w.office, "events:write");
  ASSERT_EQ(api.Request("POST", "/api/v1/events/" + std::to_string(open) + "/registrations",
                        Body("電話 花子", ""), Json(token))
                .status,
            201);
  doc = boost::json::parse(api.Get("/api/v1/public/events").body);
  EXPECT_EQ(doc.at("items").at(0).at("venue_places").at("free").as_int64(), 1);
}

TEST(ApiEvents, StaffRegisterWithThePagesRulesAndReadTheListAudited) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto event = MakeEvent(t, w, SampleEvent(t, 1, 0));
  const std::string path = "/api/v1/events/" + std::to_string(event) + "/registrations";
  const auto writer = TokenFor(t, w.coordinator, w.office, "events:write");
  auto api = t.NewClient();

  // The one place, with the confirmation e-mail to the person.
  const int mails = Count(t, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'event_registration'");
  auto first = api.Request("POST", path, Body(kEventName, "hanako@example.jp"), Json(writer));
  ASSERT_EQ(first.status, 201) << first.body;
  auto receipt = boost::json::parse(first.body);
  EXPECT_EQ(receipt.at("status"), "registered");
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'event_registration'"),
            mails + 1);
  EXPECT_EQ(Taken(t, event, "venue"), 1);
  // Full: refused unless the person accepts the waiting list, as on the pages.
  auto full = api.Request("POST", path, Body("二番 花子", ""), Json(writer));
  EXPECT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("urn:tsunagu:problem:events.full"));
  auto waiting = api.Request("POST", path, Body("二番 花子", "", true), Json(writer));
  ASSERT_EQ(waiting.status, 201) << waiting.body;
  EXPECT_EQ(boost::json::parse(waiting.body).at("status"), "waiting");
  EXPECT_EQ(boost::json::parse(waiting.body).at("position").as_int64(), 1);
  EXPECT_EQ(Taken(t, event, "venue"), 1);
  // The public form's channel is not staff's; a missing name is the form's field error.
  auto web = boost::json::parse(Body("三番 花子", ""));
  web.as_object()["channel"] = "web";
  auto refused = api.Request("POST", path, boost::json::serialize(web), Json(writer));
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("\"field\":\"channel\""));
  auto nameless = api.Request("POST", path, Body("", ""), Json(writer));
  EXPECT_EQ(nameless.status, 422);
  EXPECT_THAT(nameless.body, HasSubstr("\"field\":\"name\""));
  EXPECT_EQ(CountRegistrations(t, event, "registered") + CountRegistrations(t, event, "waiting"),
            2);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'event_registration.create'"),
            1);
  EXPECT_THAT(AuditText(t), Not(HasSubstr(kEventName)));

  // Reading needs events:read; a counselor of the organisation reads, audited as the page.
  const auto counselor_id =
      t.CreateUser({"ev-api-soudan@example.jp", "イベント 相談員", "counselor", "nurse", w.office});
  const auto reader = TokenFor(t, counselor_id, w.office, "events:read");
  const int lists = Count(t,
                          "SELECT COUNT(*) FROM audit_event WHERE action = "
                          "'event_registration.list'");
  auto read = api.Get(path, {{"Authorization", "Bearer " + reader}});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_THAT(read.body, HasSubstr(kEventName));
  auto doc = boost::json::parse(read.body);
  EXPECT_EQ(doc.at("items").as_array().size(), 2U);
  EXPECT_EQ(doc.at("items").at(0).at("status"), "waiting");  // newest first
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'event_registration.list'"),
            lists + 1);
  // A reading token does not register.
  EXPECT_EQ(api.Request("POST", path, Body("四番 花子", "", true), Json(reader)).status, 403);

  // Another organisation's staff, with every events scope: as for an event that does not exist.
  const auto stranger_id = t.CreateUser(
      {"ev-api-stranger@example.jp", "別 事務局", "coordinator", "clerical", w.stranger});
  const auto stranger = TokenFor(t, stranger_id, w.stranger, "events:write");
  const std::string missing = "/api/v1/events/987654/registrations";
  auto foreign = api.Get(path, {{"Authorization", "Bearer " + stranger}});
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(foreign.status, api.Get(missing, {{"Authorization", "Bearer " + stranger}}).status);
  EXPECT_THAT(foreign.body, Not(HasSubstr(kEventName)));
  EXPECT_EQ(api.Request("POST", path, Body("五番 花子", "", true), Json(stranger)).status, 404);
  EXPECT_EQ(CountRegistrations(t, event, "waiting"), 1);
}

}  // namespace
}  // namespace tsunagu::testing

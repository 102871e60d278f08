// SECURITY.md rules 1–2 for shared records, on both engines: every role of an organisation
// without a consent, on every route about a client, consent, referral or case (and their
// entries and tasks) of another organisation, gets the same refusal as for a record that does
// not exist, and no byte of the record. The routes are taken from the live route table, so a
// route added later is tried too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "api/handlers/routes.hpp"
#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "events_data.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The record kinds shared between organisations, by the first segment of the route.
const std::vector<std::string> kSharedPrefixes = {
    "/clients/{id}", "/consents/{id}", "/referrals/{id}", "/cases/{id}", "/documents/{id}"};

bool IsSharedRecordRoute(const std::string& pattern) {
  for (const auto& prefix : kSharedPrefixes) {
    if (pattern.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The pattern with every {param} replaced from `ids` (the id of the route's own record under
// "id"); parameters without a value get 1.
std::string Fill(const std::string& pattern, const std::map<std::string, std::int64_t>& ids) {
  static const std::regex param(R"(\{([a-z_]+)\})");
  std::string out;
  std::sregex_iterator it(pattern.begin(), pattern.end(), param), end;
  std::size_t last = 0;
  for (; it != end; ++it) {
    out += pattern.substr(last, static_cast<std::size_t>(it->position()) - last);
    auto found = ids.find((*it)[1].str());
    out += std::to_string(found == ids.end() ? 1 : found->second);
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + pattern.substr(last);
}

std::int64_t RecordIdFor(const std::string& pattern, const SharingWorld& w) {
  if (pattern.rfind("/clients/", 0) == 0) return w.client;
  if (pattern.rfind("/consents/", 0) == 0) return w.consent;
  if (pattern.rfind("/referrals/", 0) == 0) return w.referral;
  return w.case_id;
}

TEST(SharingWalls, EveryRoleOfAnotherOrganisationIsRefusedLikeAMissingRecord) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  // Something under every sub-route: an entry, a task.
  auto entry =
      t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                            {"interview",
                             core::ToIso(core::DateFromUnixSeconds(t.clock().NowSeconds())),
                             kEntryCanary,
                             {}});
  ASSERT_TRUE(entry.ok());
  cases::TaskInput task{"タスクカナリアQZ",
                        core::ToIso(core::DateFromUnixSeconds(t.clock().NowSeconds())),
                        w.agency_worker.user_id};
  auto task_id = t.sv().cases.AddTask(w.agency_worker, {}, w.case_id, task);
  ASSERT_TRUE(task_id.ok());

  // Every role of the stranger organisation.
  std::vector<std::string> strangers = {w.stranger_email};
  for (const char* role : {"coordinator", "counselor", "viewer"}) {
    const std::string email = std::string(role) + "@stranger.test";
    t.CreateUser({email, "別 職員", role, "nurse", w.stranger});
    strangers.push_back(email);
  }
  const std::vector<std::string> canaries = {kSharedName,  kSharedDiagnosis,   kSharedNote,
                                             kEntryCanary, "タスクカナリアQZ", "090-2222-3333"};
  constexpr std::int64_t kMissing = 987654;

  int routes_tried = 0;
  for (const auto& email : strangers) {
    auto c = t.LoginAs(email);
    const std::string csrf = ExtractCsrf(c.Get("/account").body);
    ASSERT_FALSE(csrf.empty());
    for (const auto& route : t.app().router().routes()) {
      if (route.api || !IsSharedRecordRoute(route.pattern)) continue;
      const std::map<std::string, std::int64_t> real = {
          {"id", RecordIdFor(route.pattern, w)}, {"entry_id", *entry}, {"task_id", *task_id}};
      std::map<std::string, std::int64_t> missing = real;
      missing["id"] = kMissing;
      auto send = [&](const std::string& target) {
        if (route.method == "GET") return c.Get(target);
        return c.Post(target, {{"csrf_token", csrf}, {"version", "1"}, {"body", "x"}});
      };
      const auto foreign = send(Fill(route.pattern, real));
      const auto absent = send(Fill(route.pattern, missing));
      SCOPED_TRACE(email + " " + route.method + " " + route.pattern);
      EXPECT_EQ(foreign.status, absent.status);
      EXPECT_TRUE(foreign.status == 404 || foreign.status == 403) << foreign.status;
      for (const auto& canary : canaries) EXPECT_THAT(foreign.body, Not(HasSubstr(canary)));
      ++routes_tried;
    }
    // Lists and search show nothing of the other organisations' person either.
    const std::vector<std::string> lists = {"/clients", "/referrals", "/cases", "/cases?all=1"};
    for (const auto& list : lists) {
      const auto page = c.Get(list);
      for (const auto& canary : canaries) {
        EXPECT_THAT(page.body, Not(HasSubstr(canary))) << email << " " << list;
      }
    }
    for (const std::string query : {"共有", kSharedName, "09022223333"}) {
      const auto found = c.Post("/clients", {{"csrf_token", csrf}, {"q", query}});
      EXPECT_TRUE(found.status == 200 || found.status == 403) << found.status;  // 403: viewer
      for (const auto& canary : canaries) {
        if (canary == query) continue;  // what was typed is shown back in the box
        EXPECT_THAT(found.body, Not(HasSubstr(canary))) << email << " " << query;
      }
      EXPECT_THAT(found.body, Not(HasSubstr("/clients/" + std::to_string(w.client))));
    }
  }
  EXPECT_GT(routes_tried, 4 * 10);
  // Nothing a stranger did changed the case.
  auto c = t.sv().cases.Get(w.agency_worker, {}, w.case_id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->timeline.size(), 1U);
  EXPECT_EQ(c->status, "intake");
  auto r = t.sv().referrals.Get(w.nurse, {}, w.referral);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, "accepted");
}

// The JSON API behind the same walls: a token of every role of the stranger organisation, with
// every scope, on every API route that names a record, gets for the other organisations'
// records what it gets for a record that does not exist, and no byte of them; its lists show
// none of them. The routes are taken from the API's route list, so a route added later is tried
// too (a record kind the test does not know fails it).
TEST(SharingWalls, EveryApiRouteOfAnotherOrganisationIsRefusedLikeAMissingRecord) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  // A consultation programme of the hospital, with open days and its own coordinator.
  auth::Principal host = w.nurse;
  host.role = auth::Role::kAdmin;
  const audit::Actor actor{host.user_id, w.hospital, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(host, actor, "カナリア相談QZ", "");
  ASSERT_TRUE(program.ok());
  GenerateDaysAhead(t, host, actor, *program, Seed001ScheduleRule(), {});
  auto open =
      t.sv().consultations.OpenDays(*program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_TRUE(open.ok() && !open->empty());
  // Valid in every field, so that only the wall can refuse it (the only body-taking route
  // today books; a new one gets the same body and must still answer 403/404).
  const std::string valid_booking =
      R"({"slot_id": )" + std::to_string(open->front().slots.front().id) +
      R"(, "channel": "phone", "consent": true, "gender": "female", "age_band": "40s",
          "municipality": "さいたま市", "heard_from": "hospital", "treatment_status": "during",
          "work_status": "on_leave", "topics": ["work"], "name": "壁 花子",
          "furigana": "かべ はなこ", "phone": "090-1234-5678"})";
  // An event of the hospital, with places.
  auto event = EventsOf(t).Create(host, actor, SampleEvent(t, 5, 0));
  ASSERT_TRUE(event.ok());
  auto nurse_token = t.sv().tokens.Create(actor, w.nurse.user_id, w.hospital, "看護師", 30);
  ASSERT_TRUE(nurse_token.ok());
  // A booking of the hospital's programme, taken by its own coordinator: the bookings list
  // shows its name to them (below) and to nobody of another organisation.
  const auto jimu = t.CreateUser(
      {"jimu@hospital-api.test", "病院 事務局", "coordinator", "clerical", w.hospital});
  auto own = api::CreateScopedToken(t.sv().db, t.clock(), {jimu, w.hospital, "t", "t"}, jimu,
                                    w.hospital, "電話", 30, *api::Scopes::Parse("bookings:write"));
  ASSERT_TRUE(own.ok());
  const std::string own_bookings = "/api/v1/programs/" + std::to_string(*program) + "/bookings";
  const std::vector<std::pair<std::string, std::string>> own_headers = {
      {"Authorization", "Bearer " + own->token}, {"Content-Type", "application/json"}};
  std::string canary_booking = valid_booking;
  canary_booking.replace(canary_booking.find("壁 花子"), std::string("壁 花子").size(),
                         "予約カナリアQZ");
  ASSERT_EQ(t.NewClient().Request("POST", own_bookings, canary_booking, own_headers).status, 201);
  const auto own_list = t.NewClient().Request("GET", own_bookings, "", own_headers);
  ASSERT_EQ(own_list.status, 200);
  ASSERT_THAT(own_list.body, HasSubstr("予約カナリアQZ"));
  // And a consultation record of the hospital's programme: its own counsellors list it.
  ASSERT_GE(open->front().slots.size(), 2U);
  ASSERT_NE(RecordConsultation(t, host, *program, open->front(), open->front().slots[1].id,
                               "記録カナリアQZ"),
            0);
  auto records_token =
      api::CreateScopedToken(t.sv().db, t.clock(), {jimu, w.hospital, "t", "t"}, jimu, w.hospital,
                             "記録", 30, *api::Scopes::Parse("records:read reports:read"));
  ASSERT_TRUE(records_token.ok());
  const auto own_records =
      t.NewClient().Get("/api/v1/records", {{"Authorization", "Bearer " + records_token->token}});
  ASSERT_THAT(own_records.body, HasSubstr("記録カナリアQZ"));

  std::vector<std::int64_t> strangers = {w.stranger_admin.user_id};
  for (const char* role : {"coordinator", "counselor", "viewer"}) {
    strangers.push_back(t.CreateUser(
        {std::string(role) + "@stranger-api.test", "別 職員", role, "nurse", w.stranger}));
  }
  std::string every;
  for (std::string_view d : api::kScopeDomains) {
    every += (every.empty() ? "" : " ") + std::string(d) + ":write";
  }
  const std::vector<std::string> canaries = {kSharedName,      kSharedDiagnosis, kSharedNote,
                                             "090-2222-3333",  "カナリア相談QZ", "看護師",
                                             "予約カナリアQZ", "記録カナリアQZ"};
  // The home organisations' record behind each kind of API path.
  auto record_for = [&](const std::string& pattern) -> std::int64_t {
    const std::string rest = pattern.substr(std::string("/api/v1").size());
    if (rest.rfind("/programs/", 0) == 0) return *program;
    if (rest.rfind("/tokens/", 0) == 0) return nurse_token->id;
    if (rest.rfind("/clients/", 0) == 0) return w.client;
    if (rest.rfind("/consents/", 0) == 0) return w.consent;
    if (rest.rfind("/referrals/", 0) == 0) return w.referral;
    if (rest.rfind("/cases/", 0) == 0) return w.case_id;
    if (rest.rfind("/events/", 0) == 0) return *event;
    return 0;
  };
  constexpr std::int64_t kMissing = 987654;
  int routes_tried = 0;
  for (const auto user : strangers) {
    auto token = api::CreateScopedToken(t.sv().db, t.clock(), {user, w.stranger, "t", "t"}, user,
                                        w.stranger, "別", 30, *api::Scopes::Parse(every));
    ASSERT_TRUE(token.ok());
    const std::vector<std::pair<std::string, std::string>> headers = {
        {"Authorization", "Bearer " + token->token}, {"Content-Type", "application/json"}};
    auto api = t.NewClient();
    for (const auto& route : api::handlers::ApiRoutes()) {
      if (route.permission == auth::Permission::kPublic) continue;
      SCOPED_TRACE(std::to_string(user) + " " + route.method + " " + route.pattern);
      if (route.pattern.find('{') == std::string::npos) {
        // A list or the token's own things: nothing of the other organisations.
        if (route.method != "GET") continue;
        const auto list = api.Request("GET", route.pattern, "", headers);
        for (const auto& canary : canaries) EXPECT_THAT(list.body, Not(HasSubstr(canary)));
        continue;
      }
      const std::int64_t record = record_for(route.pattern);
      ASSERT_NE(record, 0) << "teach this test the record kind of " << route.pattern;
      // A complete body where the route takes one, so only the wall can refuse it.
      std::string body;
      if (!route.doc.request_schema.empty()) body = valid_booking;
      const auto foreign =
          api.Request(route.method, Fill(route.pattern, {{"id", record}}), body, headers);
      const auto absent =
          api.Request(route.method, Fill(route.pattern, {{"id", kMissing}}), body, headers);
      EXPECT_EQ(foreign.status, absent.status) << foreign.body << " / " << absent.body;
      EXPECT_TRUE(foreign.status == 404 || foreign.status == 403) << foreign.status;
      for (const auto& canary : canaries) EXPECT_THAT(foreign.body, Not(HasSubstr(canary)));
      ++routes_tried;
    }
  }
  EXPECT_GE(routes_tried, 4 * 2);
  auto booked = t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM booking", soci::into(n);
    return n;
  });
  ASSERT_TRUE(booked.ok());
  EXPECT_EQ(*booked, 2) << "a stranger booked on the hospital's programme";
  auto registered = t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM event_registration", soci::into(n);
    return n;
  });
  ASSERT_TRUE(registered.ok());
  EXPECT_EQ(*registered, 0) << "a stranger registered someone for the hospital's event";
  // Control: the same body from the hospital's own coordinator books, so above only the wall
  // refused.
  EXPECT_EQ(t.NewClient().Request("POST", own_bookings, valid_booking, own_headers).status, 201);
  // The hospital's token still works: the strangers could not revoke it.
  EXPECT_EQ(
      t.NewClient().Get("/api/v1/me", {{"Authorization", "Bearer " + nurse_token->token}}).status,
      200);
}

// The API's clients, cases and referrals reads answer every organisation as its pages do: the
// stranger gets what the page gives (404 / 403), the hospital and the agency that a consent
// names get the record, and after the consent is withdrawn each of them gets what its page then
// gives. The lists show a record exactly when the list page links it.
TEST(SharingWalls, ApiReadsAnswerEachOrganisationAsItsPagesDo) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  struct Side {
    std::string name;
    std::string email;
    auth::Principal who;
  };
  std::vector<Side> sides = {{"hospital", w.nurse_email, w.nurse},
                             {"agency", w.agency_email, w.agency_worker},
                             {"stranger", w.stranger_email, w.stranger_admin},
                             {"hospital viewer", w.hospital_viewer_email, w.hospital_viewer}};
  const std::vector<std::pair<std::string, std::string>> records = {
      {"/clients/" + std::to_string(w.client), "/api/v1/clients/" + std::to_string(w.client)},
      {"/cases/" + std::to_string(w.case_id), "/api/v1/cases/" + std::to_string(w.case_id)},
      {"/referrals/" + std::to_string(w.referral),
       "/api/v1/referrals/" + std::to_string(w.referral)}};
  // List page, API list, and what a row of the record looks like on each.
  struct List {
    std::string page, api, link, item;
  };
  const std::vector<List> lists = {
      {"/clients", "/api/v1/clients", "/clients/" + std::to_string(w.client),
       "{\"id\":" + std::to_string(w.client) + ","},
      {"/cases?all=1", "/api/v1/cases?include_closed=true", "/cases/" + std::to_string(w.case_id),
       "{\"id\":" + std::to_string(w.case_id) + ","},
      {"/referrals", "/api/v1/referrals", "/referrals/" + std::to_string(w.referral),
       "{\"id\":" + std::to_string(w.referral) + ","}};
  std::map<std::string, std::string> tokens;
  for (const auto& side : sides) {
    auto token = api::CreateScopedToken(
        t.sv().db, t.clock(), {side.who.user_id, side.who.organization_id, "t", "t"},
        side.who.user_id, side.who.organization_id, "壁", 30, *api::Scopes::Parse("cases:read"));
    ASSERT_TRUE(token.ok());
    tokens[side.name] = token->token;
  }
  const std::vector<std::string> canaries = {kSharedName, kSharedDiagnosis, kSharedNote,
                                             "090-2222-3333"};
  // Every side, every record and list: the API answers as the page. Returns how many of the
  // records each side got (200).
  auto compare = [&](const std::string& when) {
    std::map<std::string, int> seen;
    for (const auto& side : sides) {
      auto page = t.LoginAs(side.email);
      auto api = t.NewClient();
      const std::vector<std::pair<std::string, std::string>> bearer = {
          {"Authorization", "Bearer " + tokens[side.name]}};
      for (const auto& [page_path, api_path] : records) {
        SCOPED_TRACE(when + " " + side.name + " " + api_path);
        const auto shown = page.Get(page_path);
        const auto read = api.Get(api_path, bearer);
        EXPECT_EQ(read.status, shown.status) << read.body;
        if (read.status == 200) {
          ++seen[side.name];
        } else {
          EXPECT_TRUE(read.status == 404 || read.status == 403) << read.status;
          for (const auto& canary : canaries) EXPECT_THAT(read.body, Not(HasSubstr(canary)));
        }
      }
      for (const auto& list : lists) {
        SCOPED_TRACE(when + " " + side.name + " " + list.api);
        const auto shown = page.Get(list.page);
        const auto read = api.Get(list.api, bearer);
        EXPECT_EQ(read.status, shown.status == 200 ? 200 : shown.status) << read.body;
        const bool on_page = shown.body.find(list.link + "\"") != std::string::npos;
        const bool in_api = read.body.find(list.item) != std::string::npos;
        EXPECT_EQ(in_api, on_page);
        if (in_api) ++seen[side.name + " lists"];
        if (read.status != 200) continue;
        // A name the list page does not show is not in the API's list either.
        EXPECT_EQ(read.body.find(kSharedName) != std::string::npos,
                  shown.body.find(kSharedName) != std::string::npos);
      }
    }
    return seen;
  };
  auto before = compare("with the consent");
  EXPECT_EQ(before["hospital"], 3);
  EXPECT_EQ(before["agency"], 3);
  EXPECT_EQ(before["stranger"], 0);
  EXPECT_EQ(before["hospital viewer"], 0);  // viewers do not counsel: 403 on page and API
  EXPECT_EQ(before["agency lists"], 3);     // the person, the case and the referral received
  EXPECT_EQ(before["stranger lists"], 0);

  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  auto after = compare("after the withdrawal");
  EXPECT_LT(after["hospital"], 3) << "the hospital no longer follows the agency's case";
  EXPECT_EQ(after["stranger"], 0);
}

TEST(SharingWalls, TheReferringHospitalSeesTheCaseOnlyWhileTheConsentCoversRecords) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  const std::string page = "/cases/" + std::to_string(w.case_id);
  EXPECT_EQ(hospital.Get(page).status, 200);
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "").ok());
  const auto after = hospital.Get(page);
  const auto absent = hospital.Get("/cases/987654");
  EXPECT_EQ(after.status, 404);
  // The very same page as for a case that does not exist (the language link names the path).
  std::string expected = absent.body;
  const std::string missing_path = "/cases/987654";
  expected.replace(expected.find(missing_path), missing_path.size(), page);
  EXPECT_TRUE(after.body == expected);
}

}  // namespace
}  // namespace tsunagu::testing

// The clients, cases and referrals reads of the JSON API (issue 17 point 4): cursor pagination
// over what the pages list, refused cursors and limits, the case timeline's ?shown=, and the
// same audit records as the pages' reads. The organisation walls are in sharing_walls_test.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using Headers = std::vector<std::pair<std::string, std::string>>;

std::string TokenOf(TestServer& t, const auth::Principal& who, const std::string& scopes) {
  auto created = api::CreateScopedToken(
      t.sv().db, t.clock(), {who.user_id, who.organization_id, "t", "t"}, who.user_id,
      who.organization_id, "連携", 30, *api::Scopes::Parse(scopes));
  EXPECT_TRUE(created.ok());
  return created.ok() ? created->token : std::string();
}

Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

int Count(TestServer& t, const std::string& sql) {
  auto n = t.app().db().Read<int>([&](soci::session& s) {
    int out = 0;
    s << sql, soci::into(out);
    return out;
  });
  return n.ok() ? *n : -1;
}

// A counselor of a new organisation and `n` people it registered; the clock moves a minute
// after each person whose index is in `move_clock_after`, so that some share an update time.
struct Registered {
  auth::Principal who;
  std::set<std::int64_t> made;
};
Registered RegisterPeople(TestServer& t, const std::string& org_name, const std::string& email,
                          int n, const std::set<int>& move_clock_after) {
  const auto org = t.CreateOrg(org_name);
  const auto user = t.CreateUser({email, org_name + " 看護師", "counselor", "nurse", org});
  Registered out{As(user, org, auth::Role::kCounselor), {}};
  for (int i = 0; i < n; ++i) {
    clients::ClientInput in;
    in.name = org_name + " 花子" + std::to_string(i);
    in.kana = "ぺーじ はなこ";
    in.phone = "090-1000-" + std::to_string(1000 + i);
    in.birth_year = 1980;
    auto id = t.sv().clients.Create(out.who, {}, in);
    EXPECT_TRUE(id.ok()) << id.error().message_key;
    if (id.ok()) out.made.insert(*id);
    if (move_clock_after.count(i) != 0) t.clock().Advance(60);
  }
  return out;
}

// GET /api/v1/clients page after page with `limit`: the ids in order, the number of pages and
// the first page's cursor.
struct Paged {
  std::vector<std::int64_t> ids;
  int pages = 0;
  std::string first_cursor;
};
Paged PageThrough(Client& api, const std::string& token, std::size_t limit) {
  Paged out;
  std::string cursor;
  do {
    const auto r = api.Get("/api/v1/clients?limit=" + std::to_string(limit) +
                               (cursor.empty() ? "" : "&cursor=" + cursor),
                           Bearer(token));
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) break;
    const auto body = boost::json::parse(r.body).as_object();
    const auto& items = body.at("items").as_array();
    EXPECT_LE(items.size(), limit);
    for (const auto& item : items) out.ids.push_back(item.at("id").as_int64());
    cursor =
        body.at("next_cursor").is_null() ? "" : std::string(body.at("next_cursor").as_string());
    if (out.pages == 0) out.first_cursor = cursor;
    ++out.pages;
  } while (!cursor.empty() && out.pages < 10);
  return out;
}

// The pages' client list shows the 50 most recently updated people; the API lists every one.
TEST(ApiReads, TheClientListReachesEveryPersonPastTheFirstFifty) {
  TestServer t;
  const auto people = RegisterPeople(t, "大勢病院", "many@example.jp", 56, {19, 39});
  // Another organisation's people, with no consent: on no page (SECURITY.md rule 2).
  const auto others = RegisterPeople(t, "別の病院", "other@example.jp", 3, {});
  const auto token = TokenOf(t, people.who, "cases:read");
  auto api = t.NewClient();
  const auto all = boost::json::parse(api.Get("/api/v1/clients?limit=200", Bearer(token)).body);
  EXPECT_EQ(all.at("items").as_array().size(), people.made.size());
  EXPECT_TRUE(all.at("next_cursor").is_null());
  const auto paged = PageThrough(api, token, 25);
  EXPECT_EQ(paged.pages, 3);
  EXPECT_EQ(paged.ids.size(), people.made.size());
  EXPECT_EQ(std::set<std::int64_t>(paged.ids.begin(), paged.ids.end()), people.made);
  for (const auto id : others.made) {
    EXPECT_EQ(std::count(paged.ids.begin(), paged.ids.end(), id), 0) << id;
  }
}

TEST(ApiReads, ListsArePagedWithCursorsThatCannotBeChanged) {
  TestServer t;
  // Two different update times: ties and order both.
  const auto people = RegisterPeople(t, "頁病院", "page@example.jp", 5, {2});
  const auto& made = people.made;
  const auto token = TokenOf(t, people.who, "cases:read");
  auto api = t.NewClient();

  const auto paged = PageThrough(api, token, 2);
  const auto& seen = paged.ids;
  const std::string& first_cursor = paged.first_cursor;
  EXPECT_EQ(paged.pages, 3);
  ASSERT_EQ(seen.size(), 5U);
  EXPECT_EQ(std::set<std::int64_t>(seen.begin(), seen.end()), made);
  // Newest change first, then the higher id: the two made after the clock moved lead.
  const std::vector<std::int64_t> ids(made.begin(), made.end());
  EXPECT_EQ(seen, (std::vector<std::int64_t>{ids[4], ids[3], ids[2], ids[1], ids[0]}));
  // Without a limit, 50: all five on one page.
  const auto all = boost::json::parse(api.Get("/api/v1/clients", Bearer(token)).body);
  EXPECT_EQ(all.at("items").as_array().size(), 5U);
  EXPECT_TRUE(all.at("next_cursor").is_null());

  // A cursor changed in any character, or one of another list, is refused as a problem.
  ASSERT_FALSE(first_cursor.empty());
  for (std::size_t i = 0; i < first_cursor.size(); ++i) {
    std::string changed = first_cursor;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    const auto r = api.Get("/api/v1/clients?cursor=" + changed, Bearer(token));
    EXPECT_EQ(r.status, 400) << changed;
    EXPECT_THAT(r.body, HasSubstr("urn:tsunagu:problem:api.error.cursor"));
  }
  const auto other = api.Get("/api/v1/cases?cursor=" + first_cursor, Bearer(token));
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.Header("content-type"), "application/problem+json");
  const auto english = api.Get("/api/v1/clients?limit=500",
                               {{"Authorization", "Bearer " + token}, {"Accept-Language", "en"}});
  EXPECT_EQ(english.status, 400);
  EXPECT_THAT(english.body, HasSubstr("limit must be a whole number from 1 to 200"));
  const auto japanese = api.Get("/api/v1/clients?limit=0", Bearer(token));
  EXPECT_THAT(japanese.body, HasSubstr("limit は 1 から 200 までの整数"));
}

TEST(ApiReads, ReadsAreAuditedAndProvidedAsOnThePages) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  for (int i = 0; i < 60; ++i) {
    ASSERT_TRUE(t.sv()
                    .cases
                    .AddEntry(w.agency_worker, {}, w.case_id,
                              {"interview",
                               core::ToIso(core::DateFromUnixSeconds(t.clock().NowSeconds())),
                               "面談" + std::to_string(i),
                               {}})
                    .ok());
  }
  const auto token = TokenOf(t, w.agency_worker, "cases:read");
  auto api = t.NewClient();
  const std::string client = std::to_string(w.client);
  const std::string kase = std::to_string(w.case_id);
  auto audited = [&](const std::string& action, const std::string& target) {
    return Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = '" + action +
                        "' AND target_id = '" + target + "'");
  };
  const std::string shared_views =
      "SELECT COUNT(*) FROM provision_record WHERE channel = 'shared_view' AND recipient_org_id "
      "= " +
      std::to_string(w.agency) + " AND client_id = " + client;
  ASSERT_EQ(Count(t, shared_views), 0);

  // One person of another organisation: audited and recorded as a provision, as the page does.
  const int reads = audited("client.read", client);
  const auto person = api.Get("/api/v1/clients/" + client, Bearer(token));
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_THAT(person.body, HasSubstr(kSharedName));
  EXPECT_THAT(person.body, HasSubstr(kSharedDiagnosis));
  EXPECT_EQ(audited("client.read", client), reads + 1);
  EXPECT_EQ(Count(t, shared_views), 1);
  const auto body = boost::json::parse(person.body).as_object();
  EXPECT_FALSE(body.at("own").as_bool());
  EXPECT_FALSE(body.contains("notes")) << "the registering organisation's notes are its own";

  // The case: the newest 50 entries unless more are asked for, as on the page.
  const int case_reads = audited("case.read", kase);
  const auto c = boost::json::parse(api.Get("/api/v1/cases/" + kase, Bearer(token)).body);
  EXPECT_EQ(c.at("timeline").at("total").as_int64(), 60);
  EXPECT_EQ(c.at("timeline").at("entries").as_array().size(), 50U);
  EXPECT_EQ(c.at("timeline").at("entries").at(0).at("body"), "面談59");
  const auto more =
      boost::json::parse(api.Get("/api/v1/cases/" + kase + "?shown=100", Bearer(token)).body);
  EXPECT_EQ(more.at("timeline").at("entries").as_array().size(), 60U);
  EXPECT_EQ(audited("case.read", kase), case_reads + 2);
  EXPECT_TRUE(c.as_object().contains("tasks")) << "the running organisation sees its tasks";

  // The lists, audited as the list pages are.
  const std::string org = std::to_string(w.agency);
  const int searches = audited("client.search", org);
  const int case_lists = audited("case.list", org);
  const int referral_lists = audited("referral.list", org);
  EXPECT_THAT(api.Get("/api/v1/clients", Bearer(token)).body, HasSubstr(kSharedName));
  EXPECT_THAT(api.Get("/api/v1/cases", Bearer(token)).body, HasSubstr("\"id\":" + kase));
  const auto referrals = api.Get("/api/v1/referrals", Bearer(token));
  EXPECT_THAT(referrals.body, HasSubstr("\"direction\":\"received\""));
  EXPECT_THAT(api.Get("/api/v1/referrals?direction=sent", Bearer(token)).body,
              HasSubstr("\"items\":[]"));
  EXPECT_EQ(audited("client.search", org), searches + 1);
  EXPECT_EQ(audited("case.list", org), case_lists + 1);
  EXPECT_EQ(audited("referral.list", org), referral_lists + 3);  // both directions, then one

  // The hospital sent it: it reads the same referral as sent, with the note.
  const auto hospital = TokenOf(t, w.nurse, "cases:read");
  const auto sent = api.Get("/api/v1/referrals/" + std::to_string(w.referral), Bearer(hospital));
  ASSERT_EQ(sent.status, 200);
  EXPECT_THAT(sent.body, HasSubstr("\"direction\":\"sent\""));
  EXPECT_THAT(sent.body, HasSubstr(kSharedNote));
}

}  // namespace
}  // namespace tsunagu::testing

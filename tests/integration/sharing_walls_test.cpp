// SECURITY.md rules 1–2 for shared records, on both engines: every role of an organisation
// without a consent, on every route about a client, consent, referral or case (and their
// entries and tasks) of another organisation, gets the same refusal as for a record that does
// not exist, and no byte of the record. The routes are taken from the live route table, so a
// route added later is tried too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>

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

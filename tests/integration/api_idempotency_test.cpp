// Idempotency-Key on the API's POST requests (issue 17 point 4): a retried booking is not a
// second booking; a reused key with another request is refused; parallel requests with one key
// run once, on both engines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <mutex>
#include <set>
#include <thread>

#include "api/idempotency.hpp"
#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t coordinator = 0;
  std::int64_t program = 0;
  std::int64_t slot = 0;

  explicit World(int booths) {
    org = t.CreateOrg("再送病院");
    coordinator = t.CreateUser({"saisou@example.jp", "事務局", "coordinator", "clerical", org});
    auth::Principal p;
    p.user_id = coordinator;
    p.stage = "full";
    p.organization_id = org;
    p.role = auth::Role::kCoordinator;
    const audit::Actor actor{coordinator, org, "127.0.0.1", "t"};
    auto created = t.sv().consultations.CreateProgram(p, actor, "両立支援相談", "");
    EXPECT_TRUE(created.ok());
    program = *created;
    consultations::DaySettings settings;
    settings.booths = booths;
    settings.venue = "本館 相談室";
    GenerateDaysAhead(t, p, actor, program, Seed001ScheduleRule(), settings);
    auto open =
        t.sv().consultations.OpenDays(program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
    EXPECT_TRUE(open.ok() && !open->empty());
    slot = open->front().slots.front().id;
  }

  std::string Token() {
    auto created = api::CreateScopedToken(t.sv().db, t.clock(),
                                          {coordinator, org, "127.0.0.1", "t"}, coordinator, org,
                                          "電話窓口", 30, *api::Scopes::Parse("bookings:write"));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->token : std::string();
  }

  std::string Path() const { return "/api/v1/programs/" + std::to_string(program) + "/bookings"; }

  int Count(const std::string& sql) {
    auto n = t.app().db().Read<int>([&](soci::session& s) {
      int count = 0;
      s << sql, soci::into(count);
      return count;
    });
    return n.ok() ? *n : -1;
  }
  int Bookings() { return Count("SELECT COUNT(*) FROM booking WHERE status = 'booked'"); }
  int Keys() { return Count("SELECT COUNT(*) FROM api_idempotency"); }
};

std::string Body(std::int64_t slot, const std::string& name = "再送 花子") {
  return boost::json::serialize(boost::json::object{{"slot_id", slot},
                                                    {"channel", "phone"},
                                                    {"consent", true},
                                                    {"gender", "female"},
                                                    {"age_band", "40s"},
                                                    {"municipality", "さいたま市"},
                                                    {"heard_from", "hospital"},
                                                    {"treatment_status", "during"},
                                                    {"work_status", "on_leave"},
                                                    {"topics", boost::json::array{"work"}},
                                                    {"name", name},
                                                    {"furigana", "さいそう はなこ"},
                                                    {"phone", "090-1234-5678"}});
}

Headers Keyed(const std::string& token, const std::string& key, const std::string& lang = "ja") {
  return {{"Authorization", "Bearer " + token},
          {"Content-Type", "application/json"},
          {"Accept-Language", lang},
          {"Idempotency-Key", key}};
}

std::string TypeOf(const HttpResult& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("type")) return "(no type)";
  return std::string(v.at("type").as_string());
}

TEST(ApiIdempotency, ARetryWithTheSameKeyGetsTheFirstAnswerAndBooksOnce) {
  World w(4);
  const std::string token = w.Token();
  auto api = w.t.NewClient();
  auto first = api.Request("POST", w.Path(), Body(w.slot), Keyed(token, "a8f1-retry-1"));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Header("idempotent-replayed"), "");
  EXPECT_EQ(w.Bookings(), 1);
  // The retry (here in another language) does not book again: the first answer, marked.
  auto retry = api.Request("POST", w.Path(), Body(w.slot), Keyed(token, "a8f1-retry-1", "en"));
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, first.body);
  EXPECT_EQ(retry.Header("idempotent-replayed"), "true");
  EXPECT_THAT(retry.Header("content-type"), HasSubstr("application/json"));
  EXPECT_EQ(w.Bookings(), 1);
  // The key, not the body, is what makes a retry: without a key the same body books again.
  EXPECT_EQ(
      api.Request("POST", w.Path(), Body(w.slot),
                  {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}})
          .status,
      201);
  EXPECT_EQ(w.Bookings(), 2);

  // A cancel with a key answers 204 again on a retry, without a body.
  const auto id = boost::json::parse(first.body).at("id").as_int64();
  const std::string cancel = w.Path() + "/" + std::to_string(id) + "/cancel";
  auto done = api.Request("POST", cancel, "", Keyed(token, "cancel-77"));
  EXPECT_EQ(done.status, 204) << done.body;
  auto again = api.Request("POST", cancel, "", Keyed(token, "cancel-77"));
  EXPECT_EQ(again.status, 204);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(again.Header("idempotent-replayed"), "true");
  EXPECT_EQ(w.Bookings(), 1);
}

TEST(ApiIdempotency, AKeyReusedForAnotherRequestIsRefusedAndKeysArePerToken) {
  World w(4);
  const std::string token = w.Token();
  auto api = w.t.NewClient();
  ASSERT_EQ(api.Request("POST", w.Path(), Body(w.slot), Keyed(token, "k-1")).status, 201);
  // Another body with the key: 422 in the caller's language, nothing booked.
  auto other = api.Request("POST", w.Path(), Body(w.slot, "別人 次郎"), Keyed(token, "k-1", "en"));
  EXPECT_EQ(other.status, 422) << other.body;
  EXPECT_EQ(TypeOf(other), "urn:tsunagu:problem:api.idempotency.mismatch");
  EXPECT_THAT(other.body, HasSubstr("already used for a different request"));
  auto ja = api.Request("POST", w.Path(), Body(w.slot, "別人 次郎"), Keyed(token, "k-1"));
  EXPECT_THAT(ja.body, HasSubstr("別の内容の要求"));
  // Another path (a cancel) with the key: also another request.
  EXPECT_EQ(api.Request("POST", w.Path() + "/1/cancel", "", Keyed(token, "k-1")).status, 422);
  EXPECT_EQ(w.Bookings(), 1);
  // Another token with the same key is another client: it books.
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot), Keyed(w.Token(), "k-1")).status, 201);
  EXPECT_EQ(w.Bookings(), 2);
  // Keys that are not keys: nothing runs.
  for (const std::string& bad :
       {std::string(""), std::string("with space"), std::string(256, 'k'), std::string("鍵")}) {
    auto r = api.Request("POST", w.Path(), Body(w.slot, "鍵 違い"), Keyed(token, bad));
    EXPECT_EQ(r.status, 400) << "[" << bad << "] " << r.body;
    EXPECT_EQ(TypeOf(r), "urn:tsunagu:problem:api.idempotency.key");
  }
  EXPECT_EQ(
      api.Request("POST", w.Path(), Body(w.slot, "長い 鍵"), Keyed(token, std::string(255, 'k')))
          .status,
      201);
  EXPECT_EQ(w.Bookings(), 3);
}

TEST(ApiIdempotency, RefusalsAreAnswersAndAreKept) {
  World w(1);
  const std::string token = w.Token();
  auto api = w.t.NewClient();
  // Field errors are an answer: the retry gets them again without running.
  auto invalid = api.Request("POST", w.Path(), "{}", Keyed(token, "empty"));
  EXPECT_EQ(invalid.status, 422);
  auto invalid_again = api.Request("POST", w.Path(), "{}", Keyed(token, "empty"));
  EXPECT_EQ(invalid_again.body, invalid.body);
  EXPECT_EQ(invalid_again.Header("idempotent-replayed"), "true");
  // "Full" is an answer too: after the place frees up, the same key still says full; a new
  // key books.
  ASSERT_EQ(api.Request("POST", w.Path(), Body(w.slot), Keyed(token, "first")).status, 201);
  auto full = api.Request("POST", w.Path(), Body(w.slot, "二人目"), Keyed(token, "second"));
  EXPECT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("booking.full"));
  auto id = w.Count("SELECT MIN(id) FROM booking WHERE status = 'booked'");
  ASSERT_EQ(api.Request("POST", w.Path() + "/" + std::to_string(id) + "/cancel", "",
                        Keyed(token, "cancel"))
                .status,
            204);
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "二人目"), Keyed(token, "second")).status,
            409);
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "二人目"), Keyed(token, "third")).status,
            201);
  EXPECT_EQ(w.Bookings(), 1);
}

TEST(ApiIdempotency, KeysExpireAfter24HoursAndAnAbandonedClaimAfterTwoMinutes) {
  World w(4);
  const std::string token = w.Token();
  auto api = w.t.NewClient();
  ASSERT_EQ(api.Request("POST", w.Path(), Body(w.slot), Keyed(token, "day-1")).status, 201);
  EXPECT_EQ(w.Keys(), 1);
  w.t.clock().Advance(api::kIdempotencyKeepSeconds - 1);
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "翌日 一郎"), Keyed(token, "day-1")).status,
            422);
  w.t.clock().Advance(1);
  // 24 hours on, the key is gone: another token's keyed call deletes it, and the key is new.
  const std::string other = w.Token();
  ASSERT_EQ(api.Request("POST", w.Path(), Body(w.slot, "別 窓口"), Keyed(other, "x")).status, 201);
  EXPECT_EQ(w.Keys(), 1) << "expired keys are deleted on use";
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "翌日 一郎"), Keyed(token, "day-1")).status,
            201);
  EXPECT_EQ(w.Bookings(), 3);

  // A request whose server died after claiming its key: 409 for two minutes, then it runs.
  api::IdempotencyStore store(w.t.sv().db, w.t.clock());
  const std::string fingerprint = api::RequestFingerprint("POST", w.Path(), Body(w.slot, "途中"));
  auto claim = store.Claim(token, "died", fingerprint);
  ASSERT_TRUE(claim.ok());
  ASSERT_EQ(claim->outcome, api::IdempotencyClaim::Outcome::kClaimed);
  auto busy = api.Request("POST", w.Path(), Body(w.slot, "途中"), Keyed(token, "died"));
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(TypeOf(busy), "urn:tsunagu:problem:api.idempotency.in_progress");
  EXPECT_EQ(busy.Header("retry-after"), "1");
  w.t.clock().Advance(api::kIdempotencyAbandonedSeconds - 1);
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "途中"), Keyed(token, "died")).status, 409);
  w.t.clock().Advance(1);
  EXPECT_EQ(api.Request("POST", w.Path(), Body(w.slot, "途中"), Keyed(token, "died")).status, 201);
  EXPECT_EQ(w.Bookings(), 4);
}

TEST(ApiIdempotency, ParallelRequestsWithOneKeyBookOnce) {
  World w(8);  // places for every caller: only the key can keep them to one booking
  const std::string token = w.Token();
  constexpr int kCallers = 8;
  for (const std::string key : {"parallel-a", "parallel-b", "parallel-c"}) {
    std::atomic<int> booked{0};
    std::atomic<int> busy{0};
    std::atomic<int> other{0};
    std::mutex mu;
    std::set<std::string> bodies;
    std::vector<std::thread> callers;
    callers.reserve(kCallers);
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back([&] {
        auto r = w.t.NewClient().Request("POST", w.Path(), Body(w.slot, key), Keyed(token, key));
        if (r.status == 201) {
          ++booked;
          const std::lock_guard<std::mutex> lock(mu);
          bodies.insert(r.body);
        } else if (r.status == 409 &&
                   TypeOf(r) == "urn:tsunagu:problem:api.idempotency.in_progress" &&
                   r.Header("retry-after") == "1") {
          ++busy;
        } else {
          ++other;
        }
      });
    }
    for (auto& c : callers) c.join();
    EXPECT_GE(booked.load(), 1) << key;
    EXPECT_EQ(booked.load() + busy.load(), kCallers) << key;
    EXPECT_EQ(other.load(), 0) << key;
    EXPECT_EQ(bodies.size(), 1U) << key << ": every 201 is the one booking's answer";
  }
  EXPECT_EQ(w.Bookings(), 3);

  // The database alone decides: of claims racing for one key, exactly one wins.
  std::atomic<int> claimed{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> racers;
  racers.reserve(kCallers);
  for (int i = 0; i < kCallers; ++i) {
    racers.emplace_back([&] {
      api::IdempotencyStore store(w.t.sv().db, w.t.clock());
      auto c = store.Claim(token, "raced", "same-request");
      if (c.ok() && c->outcome == api::IdempotencyClaim::Outcome::kClaimed) {
        ++claimed;
      } else if (c.ok() && c->outcome == api::IdempotencyClaim::Outcome::kInProgress) {
        ++refused;
      }
    });
  }
  for (auto& r : racers) r.join();
  EXPECT_EQ(claimed.load(), 1);
  EXPECT_EQ(refused.load(), kCallers - 1);
}

}  // namespace
}  // namespace tsunagu::testing

// Bookings through the JSON API (issue 17 point 4): a coordinator's system books a place with
// the day board's own service call, so the same tables, capacity rule and e-mail apply; the
// race for the last place has one winner on both engines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "api/scopes.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct World {
  TestServer t;
  std::int64_t org = 0;
  std::int64_t coordinator = 0;
  std::int64_t counselor = 0;
  std::int64_t program = 0;
  std::int64_t slot = 0;

  explicit World(int booths) {
    org = t.CreateOrg("予約病院");
    coordinator = t.CreateUser({"jimu@example.jp", "事務局", "coordinator", "clerical", org});
    counselor = t.CreateUser({"soudan@example.jp", "相談員", "counselor", "msw", org});
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

  std::string Token(std::int64_t user, const std::string& scopes) {
    auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "127.0.0.1", "t"}, user,
                                          org, "電話窓口", 30, *api::Scopes::Parse(scopes));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->token : std::string();
  }

  std::string Path() const { return "/api/v1/programs/" + std::to_string(program) + "/bookings"; }

  int Booked() {
    auto n = t.app().db().Read<int>([&](soci::session& s) {
      int booked = 0;
      long long id = slot;
      s << "SELECT booked FROM consultation_slot WHERE id = :id", soci::use(id), soci::into(booked);
      return booked;
    });
    return n.ok() ? *n : -1;
  }
  int Bookings() {
    auto n = t.app().db().Read<int>([&](soci::session& s) {
      int count = 0;
      long long id = slot;
      s << "SELECT COUNT(*) FROM booking WHERE slot_id = :id AND status = 'booked'", soci::use(id),
          soci::into(count);
      return count;
    });
    return n.ok() ? *n : -1;
  }
};

boost::json::object Body(std::int64_t slot, const std::string& name = "電話 花子") {
  return boost::json::object{{"slot_id", slot},
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
                             {"furigana", "でんわ はなこ"},
                             {"phone", "090-1234-5678"},
                             {"email", "hanako@example.jp"}};
}

Headers Json(const std::string& token) {
  return {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}};
}

TEST(ApiBookings, ACoordinatorsSystemBooksLikeTheDayBoard) {
  World w(2);
  const std::string token = w.Token(w.coordinator, "bookings:write");
  auto api = w.t.NewClient();
  auto r = api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot)), Json(token));
  ASSERT_EQ(r.status, 201) << r.body;
  auto created = boost::json::parse(r.body);
  EXPECT_EQ(created.at("slot_id").as_int64(), w.slot);
  EXPECT_THAT(std::string(created.at("reference").as_string()), HasSubstr("-"));
  EXPECT_EQ(w.Booked(), 1);
  EXPECT_EQ(w.Bookings(), 1);
  // Same row as the day board's: channel phone, the name encrypted at rest.
  auto row = w.t.app().db().Read<std::string>([&](soci::session& s) {
    std::string channel;
    long long id = created.at("id").as_int64();
    s << "SELECT channel FROM booking WHERE id = :id", soci::use(id), soci::into(channel);
    return channel;
  });
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row, "phone");
  // The confirmation e-mail goes out as from the page (queued in the same transaction).
  auto mails = w.t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM mail_outbox", soci::into(n);
    return n;
  });
  ASSERT_TRUE(mails.ok());
  EXPECT_GE(*mails, 1);
  // The audit names the booking, not the person.
  auto audit = w.t.app().db().Read<std::string>([&](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT action, detail FROM audit_event");
    for (const auto& x : rows) all += x.get<std::string>(0) + " " + x.get<std::string>(1) + "\n";
    return all;
  });
  ASSERT_TRUE(audit.ok());
  EXPECT_THAT(*audit, HasSubstr("booking"));
  EXPECT_THAT(*audit, Not(HasSubstr("電話 花子")));
}

TEST(ApiBookings, CancelledForThePersonThePlaceGoesBack) {
  World w(1);
  const std::string token = w.Token(w.coordinator, "bookings:write");
  auto api = w.t.NewClient();
  auto r = api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot)), Json(token));
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = boost::json::parse(r.body).at("id").as_int64();
  EXPECT_EQ(w.Booked(), 1);
  const std::string cancel = w.Path() + "/" + std::to_string(id) + "/cancel";
  // Read scope does not cancel.
  EXPECT_EQ(api.Request("POST", cancel, "", Json(w.Token(w.coordinator, "bookings:read"))).status,
            403);
  EXPECT_EQ(w.Booked(), 1);
  auto done = api.Request("POST", cancel, "", Json(token));
  EXPECT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(w.Booked(), 0);
  EXPECT_EQ(w.Bookings(), 0);
  // A retry changes nothing and says so the same way.
  auto again = api.Request("POST", cancel, "", Json(token));
  EXPECT_EQ(again.status, 204);
  EXPECT_EQ(w.Booked(), 0);
  // The place is free for the next caller.
  EXPECT_EQ(
      api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot, "次 の人")), Json(token))
          .status,
      201);
}

TEST(ApiBookings, InputScopeAndRoleAreChecked) {
  World w(2);
  auto api = w.t.NewClient();
  const std::string token = w.Token(w.coordinator, "bookings:write");
  // Field errors in the caller's language, nothing booked.
  auto bad = Body(w.slot);
  bad["phone"] = "12";
  bad["consent"] = false;
  bad["channel"] = "web";
  auto r = api.Request("POST", w.Path(), boost::json::serialize(bad), Json(token));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("\"field\":\"phone\""));
  EXPECT_THAT(r.body, HasSubstr("\"field\":\"consent\""));
  EXPECT_THAT(r.body, HasSubstr("\"field\":\"channel\""));
  EXPECT_EQ(api.Request("POST", w.Path(), "not json", Json(token)).status, 400);
  EXPECT_EQ(api.Request("POST", w.Path(), "[1]", Json(token)).status, 400);
  // Read scope is not enough; nor is a counselor's role (the day board's rule).
  EXPECT_EQ(api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot)),
                        Json(w.Token(w.coordinator, "bookings:read")))
                .status,
            403);
  EXPECT_EQ(api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot)),
                        Json(w.Token(w.counselor, "bookings:write")))
                .status,
            403);
  // Another organisation's programme answers like a missing one.
  auto other_org = w.t.CreateOrg("別の病院");
  auto other =
      w.t.CreateUser({"other@example.jp", "別 事務局", "coordinator", "clerical", other_org});
  auto foreign =
      api::CreateScopedToken(w.t.sv().db, w.t.clock(), {other, other_org, "127.0.0.1", "t"}, other,
                             other_org, "別", 30, *api::Scopes::Parse("bookings:write"));
  ASSERT_TRUE(foreign.ok());
  auto walled =
      api.Request("POST", w.Path(), boost::json::serialize(Body(w.slot)), Json(foreign->token));
  EXPECT_EQ(walled.status, 404) << walled.body;
  EXPECT_EQ(w.Booked(), 0);
}

TEST(ApiBookings, ParallelBookingsForTheLastPlaceHaveOneWinner) {
  World w(1);
  const std::string token = w.Token(w.coordinator, "bookings:write");
  constexpr int kCallers = 6;
  std::atomic<int> won{0};
  std::atomic<int> full{0};
  std::atomic<int> other{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&, i] {
      auto r = w.t.NewClient().Request(
          "POST", w.Path(), boost::json::serialize(Body(w.slot, "電話 " + std::to_string(i))),
          Json(token));
      if (r.status == 201) {
        ++won;
      } else if (r.status == 409 && r.body.find("booking.full") != std::string::npos) {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& c : callers) c.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(full.load(), kCallers - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(w.Booked(), 1);
  EXPECT_EQ(w.Bookings(), 1);
}

}  // namespace
}  // namespace tsunagu::testing

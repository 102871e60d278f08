// The bookings list of the JSON API (issue 17 point 4): a programme's coordinators read its
// bookings across days, a page at a time, as the day board shows them; nobody else does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/pagination.hpp"
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
  std::int64_t counselor = 0;
  std::int64_t program = 0;
  std::vector<consultations::ConsultationDay> days;
  auth::Principal host;

  World() {
    org = t.CreateOrg("一覧病院");
    coordinator = t.CreateUser({"ichiran@example.jp", "事務局", "coordinator", "clerical", org});
    counselor = t.CreateUser({"soudan@example.jp", "相談員", "counselor", "msw", org});
    host.user_id = coordinator;
    host.stage = "full";
    host.organization_id = org;
    host.role = auth::Role::kCoordinator;
    const audit::Actor actor{coordinator, org, "127.0.0.1", "t"};
    auto created = t.sv().consultations.CreateProgram(host, actor, "両立支援相談", "");
    EXPECT_TRUE(created.ok());
    program = *created;
    consultations::DaySettings settings;
    settings.booths = 2;
    settings.venue = "本館 相談室";
    GenerateDaysAhead(t, host, actor, program, Seed001ScheduleRule(), settings);
    auto open =
        t.sv().consultations.OpenDays(program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
    EXPECT_TRUE(open.ok() && open->size() >= 2);
    if (open.ok()) days = *open;
  }

  std::string Token(std::int64_t user, const std::string& scopes) {
    auto created = api::CreateScopedToken(t.sv().db, t.clock(), {user, org, "127.0.0.1", "t"}, user,
                                          org, "一覧", 30, *api::Scopes::Parse(scopes));
    EXPECT_TRUE(created.ok());
    return created.ok() ? created->token : std::string();
  }

  std::string Path() const { return "/api/v1/programs/" + std::to_string(program) + "/bookings"; }

  std::int64_t Book(const std::string& token, std::int64_t slot, const std::string& name) {
    auto body = boost::json::object{{"slot_id", slot},
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
                                    {"furigana", "いちらん"},
                                    {"phone", "090-1234-5678"},
                                    {"email", "ichiran@example.jp"}};
    auto r = t.NewClient().Request(
        "POST", Path(), boost::json::serialize(body),
        {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? boost::json::parse(r.body).at("id").as_int64() : 0;
  }
};

Headers Bearer(const std::string& token, const std::string& lang = "ja") {
  return {{"Authorization", "Bearer " + token}, {"Accept-Language", lang}};
}

std::vector<std::int64_t> Ids(const boost::json::value& page) {
  std::vector<std::int64_t> out;
  for (const auto& item : page.at("items").as_array()) out.push_back(item.at("id").as_int64());
  return out;
}

std::string TypeOf(const HttpResult& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object() || !v.as_object().contains("type")) return "(no type)";
  return std::string(v.at("type").as_string());
}

TEST(ApiBookingList, CoordinatorsPageThroughTheBookingsInDayAndTimeOrder) {
  World w;
  const std::string writer = w.Token(w.coordinator, "bookings:write");
  // Booked out of order: the later day first, the later slot first.
  const auto& d1 = w.days[0];
  const auto& d2 = w.days[1];
  ASSERT_GE(d1.slots.size(), 2U);
  const auto a = w.Book(writer, d2.slots[0].id, "二日目 一郎");
  const auto b = w.Book(writer, d1.slots[1].id, "一日目 遅番");
  const auto c = w.Book(writer, d1.slots[0].id, "一日目 早番");
  const auto d = w.Book(writer, d1.slots[0].id, "一日目 早番二");
  const auto e = w.Book(writer, d2.slots[1].id, "二日目 二郎");
  ASSERT_EQ(w.t.NewClient()
                .Request("POST", w.Path() + "/" + std::to_string(e) + "/cancel", "",
                         {{"Authorization", "Bearer " + writer}})
                .status,
            204);
  const std::vector<std::int64_t> order = {c, d, b, a, e};

  const std::string reader = w.Token(w.coordinator, "bookings:read");
  auto api = w.t.NewClient();
  auto all = api.Request("GET", w.Path(), "", Bearer(reader));
  ASSERT_EQ(all.status, 200) << all.body;
  const auto page = boost::json::parse(all.body);
  EXPECT_EQ(Ids(page), order);
  EXPECT_TRUE(page.at("next_cursor").is_null());
  const auto& first = page.at("items").as_array().front().as_object();
  EXPECT_EQ(first.at("name"), "一日目 早番");
  EXPECT_EQ(first.at("phone"), "09012345678");  // stored normalised
  EXPECT_EQ(std::string(first.at("date").as_string()), core::ToIso(d1.date));
  EXPECT_EQ(first.at("status"), "booked");
  EXPECT_EQ(first.at("channel"), "phone");
  EXPECT_EQ(page.at("items").as_array().back().at("status"), "cancelled");

  // Two at a time, following next_cursor: the same bookings in the same order, none twice.
  std::vector<std::int64_t> paged;
  std::string cursor;
  int pages = 0;
  do {
    auto r = api.Request("GET", w.Path() + "?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor),
                         "", Bearer(reader));
    ASSERT_EQ(r.status, 200) << r.body;
    auto p = boost::json::parse(r.body);
    EXPECT_LE(p.at("items").as_array().size(), 2U);
    for (auto id : Ids(p)) paged.push_back(id);
    cursor = p.at("next_cursor").is_null() ? "" : std::string(p.at("next_cursor").as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(paged, order);
  EXPECT_EQ(pages, 3);

  // Filters.
  auto cancelled = api.Request("GET", w.Path() + "?status=cancelled", "", Bearer(reader));
  EXPECT_EQ(Ids(boost::json::parse(cancelled.body)), std::vector<std::int64_t>{e});
  const std::string day1 = core::ToIso(d1.date);
  auto one_day = api.Request("GET", w.Path() + "?from=" + day1 + "&to=" + day1, "", Bearer(reader));
  EXPECT_EQ(Ids(boost::json::parse(one_day.body)), (std::vector<std::int64_t>{c, d, b}));
  auto later = api.Request("GET", w.Path() + "?from=" + core::ToIso(d2.date), "", Bearer(reader));
  EXPECT_EQ(Ids(boost::json::parse(later.body)), (std::vector<std::int64_t>{a, e}));

  // The day board shows the coordinator the same bookings of the day, with the same names.
  auto board =
      w.t.sv().board.Board(w.host, {w.coordinator, w.org, "127.0.0.1", "t"}, w.program, d1.id);
  ASSERT_TRUE(board.ok());
  std::vector<std::int64_t> board_ids;
  for (const auto& bk : board->bookings) board_ids.push_back(bk.id);
  EXPECT_EQ(board_ids, (std::vector<std::int64_t>{c, d, b}));
  EXPECT_EQ(board->bookings.front().contact.name, "一日目 早番");

  // Reading names is audited, without them.
  auto audit = w.t.app().db().Read<std::string>([&](soci::session& s) {
    std::string out;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT detail FROM audit_event WHERE action = 'booking.read'");
    for (const auto& r : rows) out += r.get<std::string>(0) + "\n";
    return out;
  });
  ASSERT_TRUE(audit.ok());
  EXPECT_THAT(*audit, HasSubstr("\"via\":\"api\""));
  EXPECT_THAT(*audit, ::testing::Not(HasSubstr("早番")));
}

TEST(ApiBookingList, BadQueriesScopesRolesAndOtherOrganisationsAreRefused) {
  World w;
  const std::string reader = w.Token(w.coordinator, "bookings:read");
  w.Book(w.Token(w.coordinator, "bookings:write"), w.days[0].slots[0].id, "壁 一覧花子");
  auto api = w.t.NewClient();
  struct Bad {
    std::string query;
    std::string type;
  };
  const std::string cursor = api::EncodeCursor({std::string("2026-01-01"), std::int64_t{0}, 1});
  std::string edited = cursor;
  edited[3] = edited[3] == 'A' ? 'B' : 'A';
  for (const Bad& bad :
       std::vector<Bad>{{"limit=0", "api.page.limit"},
                        {"limit=201", "api.page.limit"},
                        {"limit=abc", "api.page.limit"},
                        {"cursor=" + edited, "api.page.cursor"},
                        {"cursor=" + api::EncodeCursor({std::int64_t{5}}), "api.page.cursor"},
                        {"from=2026-13-01", "api.list.date"},
                        {"to=tomorrow", "api.list.date"},
                        {"status=lost", "api.list.status"}}) {
    auto r = api.Request("GET", w.Path() + "?" + bad.query, "", Bearer(reader, "en"));
    EXPECT_EQ(r.status, 400) << bad.query << ": " << r.body;
    EXPECT_EQ(TypeOf(r), "urn:tsunagu:problem:" + bad.type) << bad.query;
  }
  auto ja = api.Request("GET", w.Path() + "?status=lost", "", Bearer(reader));
  EXPECT_THAT(ja.body, HasSubstr("いずれか"));
  // A valid cursor of this list works.
  EXPECT_EQ(api.Request("GET", w.Path() + "?limit=200&cursor=" + cursor, "", Bearer(reader)).status,
            200);

  // Scope: organisation reading is not bookings reading.
  auto scope =
      api.Request("GET", w.Path(), "", Bearer(w.Token(w.coordinator, "organization:read")));
  EXPECT_EQ(scope.status, 403);
  EXPECT_THAT(scope.body, HasSubstr("bookings:read"));
  // Role: a counselor's token is refused (the list is the coordinators').
  EXPECT_EQ(api.Request("GET", w.Path(), "", Bearer(w.Token(w.counselor, "bookings:read"))).status,
            403);
  // Another organisation's coordinator: like a missing programme, and no name.
  auto other_org = w.t.CreateOrg("別の病院");
  auto other =
      w.t.CreateUser({"other@example.jp", "別 事務局", "coordinator", "clerical", other_org});
  auto foreign =
      api::CreateScopedToken(w.t.sv().db, w.t.clock(), {other, other_org, "127.0.0.1", "t"}, other,
                             other_org, "別", 30, *api::Scopes::Parse("bookings:read"));
  ASSERT_TRUE(foreign.ok());
  auto walled = api.Request("GET", w.Path(), "", Bearer(foreign->token));
  EXPECT_EQ(walled.status, 404);
  EXPECT_THAT(walled.body, ::testing::Not(HasSubstr("壁 一覧花子")));
  auto own = api.Request("GET", w.Path(), "", Bearer(reader));
  EXPECT_THAT(own.body, HasSubstr("壁 一覧花子"));
}

}  // namespace
}  // namespace tsunagu::testing

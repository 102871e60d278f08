// The person's data rights (issue 17 point 5) on both engines: the disclosure lists everything
// the holding organisation has (client, booking, record, case timeline, consent, provision) and
// nothing of another organisation; counselors get 403 and other organisations "not found";
// a stopped person cannot be booked by staff until the stop is lifted; erasure keeps the
// year's figures and says so on a second request; the retention job run twice (or on two
// servers) anonymises once; no personal text reaches the log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "consultation_data.hpp"
#include "consultations/day_board.hpp"
#include "consultations/records.hpp"
#include "consultations/yearly_report.hpp"
#include "harness.hpp"
#include "rights/retention.hpp"
#include "sharing/consent_service.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kName = "鷲見 カナリア";
constexpr const char* kKana = "すみ かなりあ";
constexpr const char* kPhone = "090-5555-0101";
constexpr const char* kPhoneDigits = "09055550101";
constexpr const char* kEmail = "canary-rights@example.jp";
constexpr const char* kDiagnosis = "カナリア腫瘍";
constexpr const char* kSummary = "職場復帰の不安カナリア";
constexpr const char* kEntry = "面談で話したカナリア経過";
constexpr const char* kOtherName = "他団体 ヒバリ";
constexpr const char* kOtherSummary = "他団体の記録ヒバリ";

struct World {
  std::int64_t org = 0;
  std::int64_t other = 0;
  std::int64_t program = 0;
  std::int64_t other_program = 0;
  std::int64_t day = 0;
  std::int64_t booking = 0;
  std::int64_t client = 0;
  std::int64_t case_id = 0;
  auth::Principal coordinator;
  auth::Principal other_coordinator;
  audit::Actor actor;
  audit::Actor other_actor;
  std::string coordinator_email = "coord-rights@example.jp";
  std::string counselor_email = "nurse-rights@example.jp";
  std::string other_email = "coord-other-rights@example.jp";
};

consultations::BookingRequest Request(std::int64_t slot, const std::string& name,
                                      const std::string& phone, const std::string& email) {
  consultations::BookingRequest r;
  r.slot_id = slot;
  r.channel = "phone";
  r.intake = {false, "", "female", "50s", "仙台市", "hospital", "during", "on_leave", {"work"}};
  r.contact = {name, kKana, phone, email, kDiagnosis, ""};
  r.consent = true;
  return r;
}

// A day of `program` on `date` with its roster; returns the day and its first slot.
std::pair<std::int64_t, std::int64_t> Day(TestServer& t, const auth::Principal& who,
                                          const audit::Actor& actor, std::int64_t program,
                                          std::int64_t nurse, core::Date date) {
  auto day = t.sv().board.AddDay(who, actor, program, date, 18 * 60, 21 * 60, {});
  EXPECT_TRUE(day.ok()) << (day ? "" : day.error().message_key);
  EXPECT_TRUE(t.sv().board.SetRoster(who, actor, program, *day, {nurse}).ok());
  auto full = t.sv().consultations.GetDay(who, program, *day);
  EXPECT_TRUE(full.ok() && !full->slots.empty());
  return {*day, full->slots.front().id};
}

// Booking → visit → record → client → case with an entry → consent naming the other
// organisation, which then reads the client (a provision record). The other organisation has a
// person of its own with the same phone number.
World MakeWorld(TestServer& t) {
  const core::Date today{2026, 6, 10};
  t.clock().Set(UnixAtJst(today, 10 * 60));
  World w;
  w.org = t.CreateOrg("つなぐ病院 相談支援センター", "hospital");
  w.other = t.CreateOrg("よその就労支援団体", "employment_support");
  const auto coord =
      t.CreateUser({w.coordinator_email, "事務局", "coordinator", "clerical", w.org});
  const auto nurse = t.CreateUser({w.counselor_email, "看護 師", "counselor", "nurse", w.org});
  const auto other =
      t.CreateUser({w.other_email, "よその 事務局", "coordinator", "clerical", w.other});
  const auto other_nurse = t.CreateUser(
      {"nurse-other-rights@example.jp", "よその 看護師", "counselor", "nurse", w.other});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.other_coordinator = As(other, w.other, auth::Role::kCoordinator);
  w.actor = {coord, w.org, "127.0.0.1", "test"};
  w.other_actor = {other, w.other, "127.0.0.1", "test"};
  auto& sv = t.sv();
  w.program = *sv.consultations.CreateProgram(w.coordinator, w.actor, "両立支援相談会", "");
  w.other_program =
      *sv.consultations.CreateProgram(w.other_coordinator, w.other_actor, "よその相談会", "");

  auto [day, slot] = Day(t, w.coordinator, w.actor, w.program, nurse, today);
  w.day = day;
  auto booked = sv.board.BookForCaller(w.coordinator, w.actor, w.program,
                                       Request(slot, kName, kPhone, kEmail), nullptr);
  EXPECT_TRUE(booked.ok()) << (booked ? "" : booked.error().message_key);
  w.booking = booked->booking_id;
  auto [other_day, other_slot] =
      Day(t, w.other_coordinator, w.other_actor, w.other_program, other_nurse, today);
  auto other_booked = sv.board.BookForCaller(w.other_coordinator, w.other_actor, w.other_program,
                                             Request(other_slot, kOtherName, kPhone, ""), nullptr);
  EXPECT_TRUE(other_booked.ok());

  t.clock().Set(UnixAtJst(today, 18 * 60 + 30));
  EXPECT_TRUE(sv.board.CheckIn(w.coordinator, w.actor, w.program, w.booking).ok());
  EXPECT_TRUE(
      sv.board
          .CheckIn(w.other_coordinator, w.other_actor, w.other_program, other_booked->booking_id)
          .ok());
  consultations::RecordInput in;
  in.professions = {"nurse"};
  in.topics = {"leave_return"};
  in.outcome = "job_decided";
  in.follow_up = "continue";
  in.minutes = 45;
  in.summary = kSummary;
  auto saved = sv.records.Save(w.coordinator, w.actor, w.program, w.booking, in);
  EXPECT_TRUE(saved.ok()) << (saved ? "" : saved.error().message_key);
  in.summary = kOtherSummary;
  EXPECT_TRUE(
      sv.records
          .Save(w.other_coordinator, w.other_actor, w.other_program, other_booked->booking_id, in)
          .ok());

  clients::ClientInput person;
  person.name = kName;
  person.kana = kKana;
  person.phone = kPhone;
  person.email = kEmail;
  person.age_band = "50s";
  person.gender = "female";
  person.diagnosis = kDiagnosis;
  person.booking_id = w.booking;
  auto client = sv.clients.Create(w.coordinator, w.actor, person);
  EXPECT_TRUE(client.ok()) << (client ? "" : client.error().message_key);
  w.client = *client;
  auto opened = sv.cases.Open(w.coordinator, w.actor, w.client);
  EXPECT_TRUE(opened.ok());
  w.case_id = *opened;
  EXPECT_TRUE(
      sv.cases.AddEntry(w.coordinator, w.actor, w.case_id, {"interview", "2026-06-10", kEntry, {}})
          .ok());
  sharing::ConsentInput consent;
  consent.organizations = {w.other};
  consent.items = {"basic"};
  consent.purpose = "employment_support";
  consent.valid_from = "2026-06-10";
  consent.valid_until = "2027-06-09";
  consent.method = "written";
  EXPECT_TRUE(sv.consents.Record(w.coordinator, w.actor, w.client, consent).ok());
  EXPECT_TRUE(sv.clients.Get(w.other_coordinator, w.other_actor, w.client).ok());  // a provision
  return w;
}

std::string PersonPath(const World& w) {
  return "/org/rights/clients/" + std::to_string(w.client);
}

std::int64_t CountAudit(TestServer& t, const std::string& action) {
  return *t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = :a", soci::use(action), soci::into(n);
    return static_cast<std::int64_t>(n);
  });
}

TEST(Rights, DisclosureListsEverythingHeldAndNothingOfAnotherOrganisation) {
  TestServer t;
  auto w = MakeWorld(t);
  auto coordinator = t.LoginAs(w.coordinator_email);
  auto page = coordinator.Get(PersonPath(w));
  ASSERT_EQ(page.status, 200) << page.body;
  for (const std::string held :
       {std::string(kName), std::string(kKana), std::string(kPhoneDigits), std::string(kEmail),
        std::string(kDiagnosis), std::string(kSummary), std::string(kEntry),
        std::string("よその就労支援団体"), std::string("令和8年6月10日")}) {
    EXPECT_THAT(page.body, HasSubstr(held)) << held;
  }
  EXPECT_THAT(page.body, HasSubstr("第三者提供の記録"));
  EXPECT_THAT(page.body, HasSubstr("共有画面での閲覧"));  // the other organisation's read
  EXPECT_THAT(page.body, Not(HasSubstr(kOtherName)));
  EXPECT_THAT(page.body, Not(HasSubstr(kOtherSummary)));
  EXPECT_EQ(page.Header("cache-control"), "no-store");
  EXPECT_THAT(page.body, HasSubstr("/clients/" + std::to_string(w.client) + "/edit"));  // 訂正

  auto json = coordinator.Get(PersonPath(w) + "/json");
  ASSERT_EQ(json.status, 200);
  EXPECT_THAT(json.Header("content-type"), HasSubstr("application/json"));
  EXPECT_THAT(json.Header("content-disposition"), HasSubstr("attachment"));
  for (const std::string held : {std::string(kName), std::string(kSummary), std::string(kEntry),
                                 std::string("\"provision_records\":[{"),
                                 std::string("\"consents\":[{"), std::string("\"bookings\":[{")}) {
    EXPECT_THAT(json.body, HasSubstr(held)) << held;
  }
  EXPECT_THAT(json.body, Not(HasSubstr(kOtherName)));
  EXPECT_THAT(json.body, Not(HasSubstr(kOtherSummary)));
  EXPECT_EQ(CountAudit(t, "rights.disclose"), 2);

  // Walls: the other organisation (which may read the client under the consent) cannot make
  // the disclosure nor act; a counselor of the holding organisation is refused.
  auto other = t.LoginAs(w.other_email);
  EXPECT_EQ(other.Get(PersonPath(w)).status, 404);
  EXPECT_EQ(other.Get(PersonPath(w) + "/json").status, 404);
  auto stop = other.Submit("/org/rights", {}, PersonPath(w) + "/stop");
  EXPECT_EQ(stop.status, 404);
  auto counselor = t.LoginAs(w.counselor_email);
  EXPECT_EQ(counselor.Get(PersonPath(w)).status, 403);
  EXPECT_EQ(counselor.Get("/org/rights").status, 403);
  EXPECT_EQ(CountAudit(t, "rights.disclose"), 2);
  EXPECT_EQ(CountAudit(t, "rights.stop_use"), 0);
}

TEST(Rights, AStoppedPersonCannotBeBookedByStaffUntilTheStopIsLifted) {
  TestServer t;
  auto w = MakeWorld(t);
  auto coordinator = t.LoginAs(w.coordinator_email);
  auto stopped = coordinator.Submit(PersonPath(w), {}, PersonPath(w) + "/stop");
  ASSERT_EQ(stopped.status, 303);
  EXPECT_THAT(coordinator.Get(PersonPath(w)).body, HasSubstr("利用停止中"));

  const core::Date next{2026, 6, 24};
  auto day = t.sv().board.AddDay(w.coordinator, w.actor, w.program, next, 18 * 60, 21 * 60, {});
  ASSERT_TRUE(day.ok());
  auto full = t.sv().consultations.GetDay(w.coordinator, w.program, *day);
  ASSERT_TRUE(full.ok() && !full->slots.empty());
  const auto slot = full->slots.front().id;
  // Same phone written differently, another name: refused with the message on the form.
  auto refused = t.sv().board.BookForCaller(w.coordinator, w.actor, w.program,
                                            Request(slot, "別名 太郎", "09055550101", ""), nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message_key, "rights.stopped.booking");
  // Same name and reading, no contact: refused too.
  EXPECT_FALSE(t.sv()
                   .board
                   .BookForCaller(w.coordinator, w.actor, w.program,
                                  Request(slot, "鷲見　カナリア", "", ""), nullptr)
                   .ok());
  // Through the staff booking page: the form comes back with the sentence.
  const std::string book =
      "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(*day) + "/book";
  auto page = coordinator.Submit(book, {{"slot", std::to_string(slot)},
                                        {"channel", "phone"},
                                        {"gender", "female"},
                                        {"age_band", "50s"},
                                        {"municipality", "仙台市"},
                                        {"heard_from", "hospital"},
                                        {"treatment_status", "during"},
                                        {"work_status", "on_leave"},
                                        {"topics", "work"},
                                        {"name", "別名 花子"},
                                        {"furigana", "べつめい はなこ"},
                                        {"phone", ""},
                                        {"email", kEmail},
                                        {"consent", "1"}});
  EXPECT_EQ(page.status, 422);
  EXPECT_THAT(page.body, HasSubstr("情報の利用を停止しています"));
  // Someone else is booked as usual.
  EXPECT_TRUE(t.sv()
                  .board
                  .BookForCaller(w.coordinator, w.actor, w.program,
                                 Request(slot, "無関係 さん", "09000000000", ""), nullptr)
                  .ok());

  // Nor is anything new written about the person, nor provided to the partner.
  auto entry = t.sv().cases.AddEntry(w.coordinator, w.actor, w.case_id,
                                     {"note", "2026-06-10", "停止中の記録", {}});
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.error().message_key, "rights.stopped.record");
  auto partner = t.LoginAs(w.other_email);
  auto view = partner.Get("/clients/" + std::to_string(w.client));
  EXPECT_EQ(view.status, 409);
  EXPECT_THAT(view.body, HasSubstr("利用を停止しているため"));
  EXPECT_THAT(view.body, Not(HasSubstr(kName)));

  ASSERT_EQ(coordinator.Submit(PersonPath(w), {}, PersonPath(w) + "/lift").status, 303);
  EXPECT_TRUE(t.sv()
                  .board
                  .BookForCaller(w.coordinator, w.actor, w.program,
                                 Request(slot, "別名 太郎", kPhone, ""), nullptr)
                  .ok());
  EXPECT_TRUE(
      t.sv()
          .cases
          .AddEntry(w.coordinator, w.actor, w.case_id, {"note", "2026-06-10", "解除後の記録", {}})
          .ok());
  EXPECT_EQ(partner.Get("/clients/" + std::to_string(w.client)).status, 200);
  EXPECT_EQ(CountAudit(t, "rights.stop_use"), 1);
  EXPECT_EQ(CountAudit(t, "rights.lift_stop"), 1);
}

TEST(Rights, ErasureKeepsTheYearsFiguresAndASecondRequestSaysSo) {
  TestServer t;
  auto w = MakeWorld(t);
  auto before = t.sv().reports.Build(w.coordinator, w.program, 2026);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->consultations, 1);
  ASSERT_EQ(before->placements, 1);

  // The person also waits for a place on the day: erasure takes them off the list.
  auto waiting = t.sv().board.AddToWaitingList(w.coordinator, w.actor, w.program, w.day,
                                               Request(0, "待ち 名前", "", kEmail));
  ASSERT_TRUE(waiting.ok()) << waiting.error().message_key;

  auto coordinator = t.LoginAs(w.coordinator_email);
  auto unconfirmed = coordinator.Submit(PersonPath(w), {}, PersonPath(w) + "/erase");
  EXPECT_EQ(unconfirmed.status, 422);
  auto erased = coordinator.Submit(PersonPath(w), {{"confirm", "1"}}, PersonPath(w) + "/erase");
  ASSERT_EQ(erased.status, 303);
  auto page = coordinator.Get(PersonPath(w));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("消去済み"));
  for (const char* gone : {kName, kPhoneDigits, kEmail, kDiagnosis, kSummary, kEntry}) {
    EXPECT_THAT(page.body, Not(HasSubstr(gone))) << gone;
  }
  // Kept: the consent and the provision record (legal period), the codes the figures count.
  EXPECT_THAT(page.body, HasSubstr("共有画面での閲覧"));
  auto after = t.sv().reports.Build(w.coordinator, w.program, 2026);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->consultations, before->consultations);
  EXPECT_EQ(after->placements, before->placements);
  EXPECT_EQ(after->records, before->records);
  ASSERT_EQ(after->topics.size(), before->topics.size());
  for (std::size_t i = 0; i < after->topics.size(); ++i) {
    EXPECT_EQ(after->topics[i].count, before->topics[i].count) << after->topics[i].code;
  }
  ASSERT_EQ(after->channels.size(), before->channels.size());
  for (std::size_t i = 0; i < after->channels.size(); ++i) {
    EXPECT_EQ(after->channels[i].count, before->channels[i].count);
  }
  EXPECT_EQ(*t.app().db().Read<std::string>([&](soci::session& s) {
    std::string status;
    long long id = waiting->booking_id;
    s << "SELECT status FROM booking WHERE id = :i", soci::use(id), soci::into(status);
    return status;
  }),
            "cancelled");
  // The other organisation's booking with the same phone is untouched.
  EXPECT_EQ(*t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM booking WHERE anonymised_at IS NULL", soci::into(n);
    return static_cast<std::int64_t>(n);
  }),
            1);
  // The search by name finds nothing any more.
  EXPECT_EQ(*t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long n = 0;
    long long id = w.client;
    s << "SELECT COUNT(*) FROM client_search WHERE client_id = :c", soci::use(id), soci::into(n);
    return static_cast<std::int64_t>(n);
  }),
            0);

  auto again = coordinator.Submit(PersonPath(w), {{"confirm", "1"}}, PersonPath(w) + "/erase");
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(again.body, HasSubstr("すでに消去されています"));
  EXPECT_EQ(CountAudit(t, "rights.erase"), 1);
}

TEST(Rights, TheRetentionJobRunTwiceAnonymisesOnce) {
  TestServer t;
  auto w = MakeWorld(t);
  // A booking of someone who never became a client, four years ago.
  t.clock().Set(UnixAtJst({2022, 6, 1}, 10 * 60));
  auto old_day =
      t.sv().board.AddDay(w.coordinator, w.actor, w.program, {2022, 6, 8}, 18 * 60, 21 * 60, {});
  ASSERT_TRUE(old_day.ok());
  auto full = t.sv().consultations.GetDay(w.coordinator, w.program, *old_day);
  ASSERT_TRUE(full.ok() && !full->slots.empty());
  auto old = t.sv().board.BookForCaller(
      w.coordinator, w.actor, w.program,
      Request(full->slots.front().id, "古い 予約", "09011112222", "old-booking@example.jp"),
      nullptr);
  ASSERT_TRUE(old.ok());
  t.clock().Set(UnixAtJst({2026, 6, 11}, 3 * 60));

  auto coordinator = t.LoginAs(w.coordinator_email);
  auto settings = coordinator.Get("/org/rights/retention");
  ASSERT_EQ(settings.status, 200);
  EXPECT_THAT(settings.body, HasSubstr("<strong>1</strong>"));  // the dry run
  // Two servers' rounds on the same day: one anonymises, the other finds the day claimed.
  rights::RetentionService first(t.app().db(), t.clock(), t.sv().cipher);
  rights::RetentionService second(t.app().db(), t.clock(), t.sv().cipher);
  auto ran = first.Run({2026, 6, 11});
  ASSERT_TRUE(ran.ok());
  EXPECT_EQ(*ran, 1);
  auto again = second.Run({2026, 6, 11});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  // The next day's run finds nothing left to do; the recent booking and the client's stay.
  auto next = first.Run({2026, 6, 12});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, 0);
  EXPECT_EQ(CountAudit(t, "retention.run"), 4);  // two organisations' rules, two days
  EXPECT_THAT(coordinator.Get("/org/rights/retention").body, HasSubstr("<strong>0</strong>"));
  auto kept = *t.app().db().Read<std::int64_t>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM booking WHERE anonymised_at IS NULL", soci::into(n);
    return static_cast<std::int64_t>(n);
  });
  EXPECT_EQ(kept, 2);  // this year's two bookings

  // A shorter period is refused outside 1..20 and saved inside it.
  EXPECT_EQ(coordinator.Submit("/org/rights/retention", {{"booking_years", "0"}}).status, 422);
  EXPECT_EQ(coordinator.Submit("/org/rights/retention", {{"booking_years", "５"}}).status, 303);
  EXPECT_THAT(coordinator.Get("/org/rights/retention").body, HasSubstr("value=\"5\""));
}

TEST(Rights, TheRequestsLogShowsTheTwoWeekAnswerDate) {
  TestServer t;
  auto w = MakeWorld(t);
  auto coordinator = t.LoginAs(w.coordinator_email);
  auto added = coordinator.Submit("/org/rights", {{"received_on", "2026-05-20"},
                                                  {"kind", "disclosure"},
                                                  {"requester", "self"},
                                                  {"client_id", std::to_string(w.client)},
                                                  {"note", "電話で開示の請求"}});
  ASSERT_EQ(added.status, 303);
  auto future = coordinator.Submit(
      "/org/rights", {{"received_on", "2026-07-01"}, {"kind", "stop"}, {"requester", "self"}});
  EXPECT_EQ(future.status, 422);
  EXPECT_THAT(future.body, HasSubstr("未来の日付"));
  auto log = coordinator.Get("/org/rights");
  ASSERT_EQ(log.status, 200);
  EXPECT_THAT(log.body, HasSubstr("令和8年5月20日"));
  EXPECT_THAT(log.body, HasSubstr("令和8年6月3日"));  // received + 14 days
  EXPECT_THAT(log.body, HasSubstr("期限超過"));
  // Another organisation's client number is refused.
  auto other = t.LoginAs(w.other_email);
  auto foreign = other.Submit("/org/rights", {{"received_on", "2026-06-01"},
                                              {"kind", "erasure"},
                                              {"requester", "agent"},
                                              {"client_id", std::to_string(w.client)}});
  EXPECT_EQ(foreign.status, 422);
  EXPECT_THAT(other.Get("/org/rights").body, Not(HasSubstr("令和8年5月20日")));
  const std::string id = TextBetween(log.body, "action=\"/org/rights/", "/answer\"");
  ASSERT_FALSE(id.empty());
  auto answered =
      coordinator.Submit("/org/rights", {{"state", "answered"}, {"answered_on", "2026-06-10"}},
                         "/org/rights/" + id + "/answer");
  EXPECT_EQ(answered.status, 303);
  EXPECT_THAT(coordinator.Get("/org/rights").body, Not(HasSubstr("期限超過")));
  EXPECT_EQ(CountAudit(t, "rights.request"), 1);
  EXPECT_EQ(CountAudit(t, "rights.answer"), 1);
}

TEST(Rights, PersonalTextNeverReachesTheServerLog) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    auto w = MakeWorld(t);
    auto coordinator = t.LoginAs(w.coordinator_email);
    coordinator.Get(PersonPath(w));
    coordinator.Get(PersonPath(w) + "/json");
    coordinator.Submit("/org/rights", {{"received_on", "2026-06-10"},
                                       {"kind", "erasure"},
                                       {"requester", "self"},
                                       {"note", kName}});
    coordinator.Submit(PersonPath(w), {}, PersonPath(w) + "/stop");
    // Refused (the person's data is no longer used here): nothing is written.
    EXPECT_FALSE(t.sv()
                     .board
                     .BookForCaller(w.coordinator, w.actor, w.program,
                                    Request(1, kName, kPhone, kEmail), nullptr)
                     .ok());
    coordinator.Submit(PersonPath(w), {{"confirm", "1"}}, PersonPath(w) + "/erase");
    coordinator.Submit(PersonPath(w), {{"confirm", "1"}}, PersonPath(w) + "/erase");
    t.app().jobs().RunOnce(core::Date{2030, 6, 11});
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("access"));
  for (const char* canary : {kName, "鷲見", "カナリア", kKana, kPhone, kPhoneDigits, kEmail,
                             kDiagnosis, kSummary, kEntry}) {
    EXPECT_THAT(log, Not(HasSubstr(canary))) << canary;
  }
}

TEST(Rights, APersonWhoNeverBecameAClientIsFoundByContactDisclosedAndErased) {
  TestServer t;
  auto w = MakeWorld(t);
  auto full = t.sv().consultations.GetDay(w.coordinator, w.program, w.day);
  ASSERT_TRUE(full.ok() && full->slots.size() > 1);
  t.clock().Set(UnixAtJst({2026, 6, 10}, 10 * 60));
  auto booked = t.sv().board.BookForCaller(
      w.coordinator, w.actor, w.program,
      Request(full->slots[1].id, "予約だけ ツグミ", "080-7777-0303", "tsugumi@example.jp"),
      nullptr);
  ASSERT_TRUE(booked.ok()) << booked.error().message_key;
  auto coordinator = t.LoginAs(w.coordinator_email);
  auto empty = coordinator.Submit("/org/rights/find", {{"phone", ""}, {"email", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("電話番号かメールアドレスを入力してください"));
  auto found = coordinator.Submit("/org/rights/find", {{"phone", "０８０７７７７０３０３"}});
  ASSERT_EQ(found.status, 200);
  EXPECT_THAT(found.body, HasSubstr("予約だけ ツグミ"));
  EXPECT_THAT(found.body, HasSubstr("tsugumi@example.jp"));
  EXPECT_THAT(found.body, Not(HasSubstr(kName)));  // a client's booking stays the client's
  // The client's own phone finds nothing here (the booking is the client's), nor does the
  // other organisation's booking with that phone show.
  auto client_phone = coordinator.Submit("/org/rights/find", {{"phone", kPhone}});
  EXPECT_THAT(client_phone.body, Not(HasSubstr(kOtherName)));
  EXPECT_THAT(client_phone.body, Not(HasSubstr(kName)));
  auto other = t.LoginAs(w.other_email);
  EXPECT_THAT(other.Submit("/org/rights/find", {{"email", "tsugumi@example.jp"}}).body,
              Not(HasSubstr("予約だけ ツグミ")));

  auto erased = coordinator.Submit(
      "/org/rights/find", {{"phone", "080-7777-0303"}, {"confirm", "1"}}, "/org/rights/find/erase");
  ASSERT_EQ(erased.status, 200);
  EXPECT_THAT(erased.body, HasSubstr("1件の予約・申込みの個人情報を消去しました"));
  auto again = coordinator.Submit("/org/rights/find", {{"email", "tsugumi@example.jp"}});
  EXPECT_THAT(again.body, Not(HasSubstr("予約だけ ツグミ")));
  EXPECT_EQ(CountAudit(t, "rights.erase"), 1);
}

}  // namespace
}  // namespace tsunagu::testing

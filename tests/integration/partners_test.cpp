// Staff from several organisations (issue 14, seed 001 6) on both engines: a programme's
// partner organisations, whose members on a day's roster see that day's board with a
// counselor's rights and write its 相談記録 (which belong to the host), and nothing else of
// the host's; members not on the roster, and members of organisations that are not partners,
// get 404; ending the partnership ends the access. And the confidentiality pledge (守秘義務):
// rostered staff acknowledge it once a fiscal year before the board opens.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth/record_access.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kClientName = "カナリア連携者QP";
constexpr const char* kSummary = "連携先が書いた要約QP";

struct World {
  std::int64_t host = 0;      // the prefecture, hosting the programme
  std::int64_t sanpo = 0;     // 産業保健総合支援センター, made a partner in the tests
  std::int64_t hospital = 0;  // an organisation that is not a partner
  std::int64_t coordinator_id = 0;
  std::int64_t promoter_id = 0;  // 両立支援促進員 of the 産保センター, rostered on `day`
  std::int64_t colleague_id = 0;  // another 両立支援促進員, not rostered
  std::int64_t stranger_id = 0;   // a nurse of the hospital
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  std::int64_t day = 0;        // rostered
  std::int64_t other_day = 0;  // not rostered
  core::Date date;
  std::int64_t booking = 0;
};

std::string DayPath(const World& w, std::int64_t day) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(day);
}

std::string RecordPath(const World& w) {
  return DayPath(w, w.day) + "/bookings/" + std::to_string(w.booking) + "/record";
}

consultations::BookingRequest Request(std::int64_t slot_id) {
  consultations::BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "phone";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "さいたま市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work"};
  r.contact.name = kClientName;
  r.contact.furigana = "かなりあ";
  r.contact.phone = "090-1111-2222";
  r.consent = true;
  return r;
}

// Two days ten and seventeen days ahead; the clock is then set inside the first one (18:10),
// where bookings can be checked in and records written.
World MakeWorld(TestServer& t) {
  World w;
  w.host = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  w.sanpo = t.CreateOrg("つなぐ産業保健総合支援センター", "occupational_health");
  w.hospital = t.CreateOrg("つなぐ中央病院", "hospital");
  w.coordinator_id =
      t.CreateUser({"jimu@example.jp", "県 事務局", "coordinator", "clerical", w.host});
  w.promoter_id =
      t.CreateUser({"promoter@example.jp", "両立 促進", "counselor", "support_promoter", w.sanpo});
  w.colleague_id =
      t.CreateUser({"colleague@example.jp", "両立 同僚", "counselor", "support_promoter", w.sanpo});
  w.stranger_id =
      t.CreateUser({"stranger@example.jp", "病院 看護", "counselor", "nurse", w.hospital});
  w.coordinator = As(w.coordinator_id, w.host, auth::Role::kCoordinator);
  w.actor = {w.coordinator_id, w.host, "127.0.0.1", "test"};
  auto& sv = t.sv();
  w.program = *sv.consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談", "");
  w.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 10);
  consultations::DaySettings settings;
  settings.booths = 2;
  w.day = *sv.board.AddDay(w.coordinator, w.actor, w.program, w.date, 18 * 60, 21 * 60, settings);
  w.other_day = *sv.board.AddDay(w.coordinator, w.actor, w.program, core::AddDays(w.date, 7),
                                 18 * 60, 21 * 60, settings);
  const auto slots = sv.consultations.GetDay(w.coordinator, w.program, w.day)->slots;
  auto receipt =
      sv.board.BookForCaller(w.coordinator, w.actor, w.program, Request(slots[0].id), nullptr);
  EXPECT_TRUE(receipt.ok());
  w.booking = receipt.ok() ? receipt->booking_id : 0;
  t.clock().Set(UnixAtJst(w.date, 18 * 60 + 10));
  return w;
}

long long Count(TestServer& t, const std::string& sql, long long id) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::use(id), soci::into(n);
    return n;
  });
}

const std::vector<std::pair<std::string, std::string>> kRecord = {
    {"professions", "support_promoter"}, {"topics", "keep_working"}, {"summary", kSummary},
    {"outcome", "support_continues"},    {"follow_up", "continue"},  {"minutes", "40"}};

TEST(Partners, PartnerStaffOnTheRosterCounselOnTheirDayAndNothingElse) {
  TestServer t;
  World w = MakeWorld(t);
  auto& sv = t.sv();
  const std::string partners = "/programs/" + std::to_string(w.program) + "/partners";

  // Not a partner yet: the 両立支援促進員 cannot be rostered.
  auto refused = sv.board.SetRoster(w.coordinator, w.actor, w.program, w.day, {w.promoter_id});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);

  // The 事務局 adds the 産保センター as a partner (audited) and rosters its promoter.
  auto office = t.LoginAs("jimu@example.jp");
  auto page = office.Get(partners);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("つなぐ産業保健総合支援センター"));
  auto added = office.Submit(partners, {{"organization", std::to_string(w.sanpo)}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'program_partner.add' AND "
                  "organization_id = :o",
                  w.host),
            1);
  auto roster_page = office.Get(DayPath(w, w.day) + "/roster");
  EXPECT_THAT(roster_page.body, HasSubstr("両立 促進（両立支援促進員） ／ つなぐ産業保健"));
  EXPECT_THAT(roster_page.body, Not(HasSubstr("病院 看護")));
  auto rostered =
      office.Submit(DayPath(w, w.day) + "/roster", {{"staff", std::to_string(w.promoter_id)}});
  ASSERT_EQ(rostered.status, 303) << rostered.body;
  // A member of an organisation that is not a partner still cannot be rostered.
  auto stranger_roster = office.Submit(
      DayPath(w, w.day) + "/roster",
      {{"staff", std::to_string(w.promoter_id)}, {"staff", std::to_string(w.stranger_id)}});
  EXPECT_EQ(stranger_roster.status, 422);
  ASSERT_TRUE(sv.board.CheckIn(w.coordinator, w.actor, w.program, w.booking).ok());

  // The promoter finds the day on the home page, acknowledges the pledge, sees the board
  // without names, and writes the record.
  auto promoter = t.LoginAs("promoter@example.jp");
  auto home = promoter.Get("/");
  EXPECT_THAT(home.body, HasSubstr("href=\"" + DayPath(w, w.day) + "\""));
  EXPECT_THAT(home.body, Not(HasSubstr(DayPath(w, w.other_day) + "\"")));
  auto first = promoter.Get(DayPath(w, w.day));
  ASSERT_EQ(first.status, 303);
  EXPECT_EQ(first.Header("location"), DayPath(w, w.day) + "/pledge");
  auto acknowledged = promoter.Submit(DayPath(w, w.day) + "/pledge", {});
  ASSERT_EQ(acknowledged.status, 303);
  auto board = promoter.Get(DayPath(w, w.day));
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("href=\"" + RecordPath(w) + "\""));
  EXPECT_THAT(board.body, Not(HasSubstr(kClientName)));
  EXPECT_THAT(board.body, Not(HasSubstr("/roster\"")));  // no 事務局 controls
  ASSERT_EQ(promoter.Get(RecordPath(w)).status, 200);
  auto saved = promoter.Submit(RecordPath(w), kRecord);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(promoter.Get(DayPath(w, w.day) + "/records").status, 200);
  EXPECT_EQ(promoter.Get(DayPath(w, w.day) + "/reception").status, 200);

  // The record belongs to the host: its audit is the host's, and the 事務局 reads it.
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'record.create' AND "
                  "organization_id = :o",
                  w.host),
            1);
  EXPECT_THAT(office.Get(RecordPath(w) + "/view").body, HasSubstr(kSummary));

  // Nothing else of the host's: other days are missing pages; the 事務局's pages (the
  // programme, its report, partners, rosters, name tags) are refused to a counselor's role
  // before anything is looked up.
  const std::string program = "/programs/" + std::to_string(w.program);
  for (const std::string& path :
       {DayPath(w, w.other_day), DayPath(w, w.other_day) + "/records",
        DayPath(w, w.other_day) + "/pledge", DayPath(w, w.other_day) + "/reception"}) {
    EXPECT_EQ(promoter.Get(path).status, 404) << path;
  }
  for (const std::string& path :
       {program, program + "/report", partners, DayPath(w, w.day) + "/roster",
        DayPath(w, w.day) + "/name-tags", DayPath(w, w.day) + "/book"}) {
    EXPECT_EQ(promoter.Get(path).status, 403) << path;
  }
  const std::string booking = DayPath(w, w.day) + "/bookings/" + std::to_string(w.booking);
  EXPECT_EQ(promoter.Submit(DayPath(w, w.day), {}, booking + "/no-show").status, 403);

  // A colleague of the same partner who is not on the roster, and a nurse of an organisation
  // that is not a partner: 404 everywhere.
  for (const char* email : {"colleague@example.jp", "stranger@example.jp"}) {
    auto c = t.LoginAs(email);
    for (const std::string& path :
         {DayPath(w, w.day), DayPath(w, w.day) + "/pledge", RecordPath(w), RecordPath(w) + "/view",
          DayPath(w, w.day) + "/records", DayPath(w, w.day) + "/notes",
          DayPath(w, w.day) + "/reception"}) {
      EXPECT_EQ(c.Get(path).status, 404) << email << " " << path;
    }
    EXPECT_THAT(c.Get("/").body, Not(HasSubstr(DayPath(w, w.day))));
  }

  // Ending the partnership ends the access at once and takes the promoter off the roster.
  auto removed = office.Submit(partners, {}, partners + "/" + std::to_string(w.sanpo) + "/remove");
  ASSERT_EQ(removed.status, 303) << removed.body;
  EXPECT_EQ(promoter.Get(DayPath(w, w.day)).status, 404);
  EXPECT_EQ(promoter.Get(RecordPath(w)).status, 404);
  EXPECT_EQ(promoter.Get(RecordPath(w) + "/view").status, 404);
  EXPECT_EQ(promoter.Submit("/", kRecord, RecordPath(w)).status, 404);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM day_staff WHERE user_id = :u", w.promoter_id), 0);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'program_partner.remove' "
                  "AND organization_id = :o",
                  w.host),
            1);
}

// The rule lives in auth::RecordAccess::Day, which the board and the records both use.
TEST(Partners, RecordAccessDayDecidesForBoardAndRecords) {
  TestServer t;
  World w = MakeWorld(t);
  auto& sv = t.sv();
  ASSERT_TRUE(sv.partners.Add(w.coordinator, w.actor, w.program, w.sanpo).ok());
  ASSERT_TRUE(sv.board.SetRoster(w.coordinator, w.actor, w.program, w.day, {w.promoter_id}).ok());
  // A partner's coordinator is no 事務局 of the host: counsel rights only, no names.
  const auth::Principal promoter = As(w.promoter_id, w.sanpo, auth::Role::kCoordinator);
  const auth::Principal colleague = As(w.colleague_id, w.sanpo, auth::Role::kCounselor);
  const auth::Principal viewer = As(w.promoter_id, w.sanpo, auth::Role::kViewer);
  (void)t.app().db().Read<int>([&](soci::session& s) {
    auto day = auth::RecordAccess::Day(s, promoter, w.program, w.day);
    EXPECT_TRUE(day.has_value());
    if (day) {
      EXPECT_TRUE(day->partner);
      EXPECT_FALSE(day->coordinate);
      EXPECT_EQ(day->host_org, w.host);
    }
    EXPECT_FALSE(auth::RecordAccess::Day(s, promoter, w.program, w.other_day));
    EXPECT_FALSE(auth::RecordAccess::Day(s, colleague, w.program, w.day));
    EXPECT_FALSE(auth::RecordAccess::Day(s, viewer, w.program, w.day));
    auto contact = auth::RecordAccess::Booking(s, promoter, w.booking, w.date);
    EXPECT_TRUE(contact == auth::BookingContact::kNone);
    return 0;
  });
  ASSERT_TRUE(sv.partners.Acknowledge(promoter, w.actor, w.program, w.day).ok());
  auto board = sv.board.Board(promoter, w.actor, w.program, w.day);
  ASSERT_TRUE(board.ok());
  EXPECT_FALSE(board->coordinate);
  ASSERT_EQ(board->bookings.size(), 1u);
  EXPECT_TRUE(board->bookings[0].contact.name.empty());
  EXPECT_FALSE(sv.board.Board(promoter, w.actor, w.program, w.other_day).ok());
  EXPECT_FALSE(sv.board.MarkNoShow(promoter, w.actor, w.program, w.booking).ok());
  EXPECT_FALSE(sv.consultations.GetProgram(promoter, w.program).ok());
}

// 守秘義務: rostered staff acknowledge the programme's pledge once a fiscal year before the
// board opens (one page, one button, audited); the roster shows who has not yet.
TEST(Partners, RosteredStaffAcknowledgeThePledgeOnceAFiscalYear) {
  TestServer t;
  World w = MakeWorld(t);
  auto& sv = t.sv();
  const auto nurse_id = t.CreateUser({"nurse@example.jp", "県 看護", "counselor", "nurse", w.host});
  ASSERT_TRUE(sv.board.SetRoster(w.coordinator, w.actor, w.program, w.day, {nurse_id}).ok());
  const std::string pledge_settings = "/programs/" + std::to_string(w.program) + "/partners";
  auto office = t.LoginAs("jimu@example.jp");
  auto set = office.Submit(pledge_settings, {{"pledge_text", "県の守秘義務の文面QP"}},
                           "/programs/" + std::to_string(w.program) + "/pledge");
  ASSERT_EQ(set.status, 303) << set.body;
  auto too_long = office.Submit(pledge_settings, {{"pledge_text", std::string(4001, 'a')}},
                                "/programs/" + std::to_string(w.program) + "/pledge");
  EXPECT_EQ(too_long.status, 422);
  EXPECT_THAT(too_long.body, HasSubstr("4,000字以内"));

  auto roster = office.Get(DayPath(w, w.day) + "/roster");
  EXPECT_THAT(roster.body, HasSubstr("守秘義務の確認がまだです"));
  EXPECT_THAT(roster.body, HasSubstr("県 看護（看護師）"));

  auto nurse = t.LoginAs("nurse@example.jp");
  auto asked = nurse.Get(DayPath(w, w.day));
  ASSERT_EQ(asked.status, 303);
  EXPECT_EQ(nurse.Get(DayPath(w, w.day) + "/reception").status, 303);
  auto page = nurse.Get(DayPath(w, w.day) + "/pledge");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("県の守秘義務の文面QP"));
  ASSERT_EQ(nurse.Submit(DayPath(w, w.day) + "/pledge", {}).status, 303);
  EXPECT_EQ(nurse.Get(DayPath(w, w.day)).status, 200);
  ASSERT_EQ(nurse.Submit(DayPath(w, w.day) + "/pledge", {}).status, 303);  // once is enough
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'pledge.acknowledge' AND "
                  "organization_id = :o",
                  w.host),
            1);
  EXPECT_THAT(office.Get(DayPath(w, w.day) + "/roster").body,
              HasSubstr("全員、この年度の守秘義務を確認済み"));
  // Staff not on the roster are not asked (the host's 事務局 here).
  EXPECT_EQ(office.Get(DayPath(w, w.day)).status, 200);

  // A day of the next fiscal year asks again.
  const core::Date next_year = core::FiscalYearStart(core::FiscalYear(w.date) + 1);
  consultations::DaySettings settings;
  auto later =
      sv.board.AddDay(w.coordinator, w.actor, w.program, next_year, 18 * 60, 21 * 60, settings);
  ASSERT_TRUE(later.ok());
  ASSERT_TRUE(sv.board.SetRoster(w.coordinator, w.actor, w.program, *later, {nurse_id}).ok());
  EXPECT_EQ(nurse.Get(DayPath(w, *later)).status, 303);
}

// The day's paper: name tags with the profession only, and the 受付表 with names for the
// 事務局 only.
TEST(Partners, NameTagsShowTheProfessionAndTheReceptionListHidesNamesFromCounselors) {
  TestServer t;
  World w = MakeWorld(t);
  auto& sv = t.sv();
  ASSERT_TRUE(sv.partners.Add(w.coordinator, w.actor, w.program, w.sanpo).ok());
  ASSERT_TRUE(sv.board.SetRoster(w.coordinator, w.actor, w.program, w.day, {w.promoter_id}).ok());
  auto office = t.LoginAs("jimu@example.jp");
  auto board = office.Get(DayPath(w, w.day));
  EXPECT_THAT(board.body, HasSubstr("href=\"" + DayPath(w, w.day) + "/name-tags\""));
  EXPECT_THAT(board.body, HasSubstr("href=\"" + DayPath(w, w.day) + "/reception\""));
  auto tags = office.Get(DayPath(w, w.day) + "/name-tags");
  ASSERT_EQ(tags.status, 200);
  EXPECT_THAT(tags.body, HasSubstr("ワンストップ相談スタッフ"));
  EXPECT_THAT(tags.body, HasSubstr("name-tag__profession\">両立支援促進員"));
  EXPECT_THAT(tags.body, Not(HasSubstr("両立 促進")));
  auto reception = office.Get(DayPath(w, w.day) + "/reception");
  ASSERT_EQ(reception.status, 200);
  EXPECT_THAT(reception.body, HasSubstr(kClientName));
  EXPECT_THAT(reception.body, HasSubstr("受付表"));

  auto promoter = t.LoginAs("promoter@example.jp");
  ASSERT_EQ(promoter.Submit(DayPath(w, w.day) + "/pledge", {}).status, 303);
  auto theirs = promoter.Get(DayPath(w, w.day) + "/reception");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_THAT(theirs.body, Not(HasSubstr(kClientName)));
  EXPECT_EQ(promoter.Get(DayPath(w, w.day) + "/name-tags").status, 403);
}

}  // namespace
}  // namespace tsunagu::testing

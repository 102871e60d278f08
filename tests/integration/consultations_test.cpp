// Consultation days and bookings on both engines: generation from a rule, organisation walls,
// capacity settled by the database under parallel requests, personal data encrypted at rest.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"
#include "orgs/org_store.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using consultations::HolidayPolicy;
using consultations::ScheduleRule;
using ::testing::HasSubstr;
using ::testing::Not;

auth::Principal Coordinator(std::int64_t user, std::int64_t org) {
  auth::Principal p;
  p.user_id = user;
  p.stage = "full";
  p.organization_id = org;
  p.role = auth::Role::kCoordinator;
  return p;
}

BookingRequest ValidRequest(std::int64_t slot_id, const std::string& name) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "web";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "さいたま市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work", "finances"};
  r.contact.name = name;
  r.contact.furigana = "かなりあ はなこ";
  r.contact.phone = "090-1234-5678";
  r.contact.diagnosis = "乳がん";
  r.consent = true;
  return r;
}

struct Fixture {
  std::int64_t org = 0;
  std::int64_t program = 0;
  auth::Principal coordinator;
};

// A programme of seed 001's days for this fiscal year and the next (so there are open days
// after today on any date), or with no days when `generate` is false.
Fixture MakeProgram(TestServer& t, int booths, bool generate = true) {
  Fixture f;
  f.org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  auto user = t.CreateUser({"jimu@example.jp", "事務局", "coordinator", "clerical", f.org});
  f.coordinator = Coordinator(user, f.org);
  auto program = t.sv().consultations.CreateProgram(f.coordinator, {user, f.org, "t", "t"},
                                                    "働くがん患者のためのワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  f.program = *program;
  DaySettings settings;
  settings.booths = booths;
  settings.venue = "県庁 相談室";
  if (generate) {
    GenerateDaysAhead(t, f.coordinator, {user, f.org, "t", "t"}, f.program, Seed001ScheduleRule(),
                      settings);
  }
  return f;
}

TEST(Consultations, AFiscalYearOfDaysFromTheSeedRule) {
  TestServer t;
  auto f = MakeProgram(t, 2, false);  // 令和7年度 only, whatever the clock says
  auto result = t.sv().consultations.GenerateDays(f.coordinator, {0, f.org, "t", "t"}, f.program,
                                                  Seed001ScheduleRule(), 2025, DaySettings{});
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->created, 24) << "令和7年度: twice a month, holidays moved";
  auto again = t.sv().consultations.GenerateDays(f.coordinator, {0, f.org, "t", "t"}, f.program,
                                                 Seed001ScheduleRule(), 2025, DaySettings{});
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->already_there, 24);
  auto days = t.sv().consultations.ListDays(f.coordinator, f.program, 2025);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 24u);
  // 18:00–21:00 with a 15-minute prep meeting and debrief: three 45-minute slots.
  ASSERT_EQ(days->front().slots.size(), 3u);
  EXPECT_EQ(days->front().slots[0].start_minutes, 18 * 60 + 15);
  EXPECT_EQ(days->front().slots[2].end_minutes, 20 * 60 + 30);
  bool moved = false;
  for (const auto& d : *days) moved = moved || d.moved_from.has_value();
  EXPECT_TRUE(moved) << "2025-09-23 秋分の日 moves to the next business day";
}

TEST(Consultations, AnotherOrganisationsProgrammeIsLikeAMissingOne) {
  TestServer t;
  auto f = MakeProgram(t, 2);
  auto other = t.CreateOrg("別の病院");
  auto other_user = t.CreateUser({"other@example.jp", "他", "coordinator", "clerical", other});
  auto foreign = t.sv().consultations.GetProgram(Coordinator(other_user, other), f.program);
  auto missing = t.sv().consultations.GetProgram(Coordinator(other_user, other), 999999);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  auth::Principal counselor = f.coordinator;
  counselor.role = auth::Role::kCounselor;
  EXPECT_FALSE(t.sv().consultations.GetProgram(counselor, f.program).ok());
}

TEST(Consultations, ParallelRequestsForTheLastPlaceGiveExactlyOneBooking) {
  TestServer t;
  auto f = MakeProgram(t, 1);
  auto open =
      t.sv().consultations.OpenDays(f.program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_TRUE(open.ok());
  ASSERT_FALSE(open->empty());
  const auto slot = open->front().slots.front();
  ASSERT_EQ(slot.capacity, 1);

  constexpr int kRequests = 16;
  std::atomic<int> booked{0}, full{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] {
      auto r = t.sv().consultations.Book(ValidRequest(slot.id, "相談者" + std::to_string(i)),
                                         {0, f.org, "127.0.0.1", "t"}, nullptr);
      if (r.ok()) {
        ++booked;
      } else if (r.error().code == core::ErrorCode::kConflict &&
                 r.error().message_key == "booking.full") {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(booked.load(), 1);
  EXPECT_EQ(full.load(), kRequests - 1);
  EXPECT_EQ(other.load(), 0);
  auto counts = t.app().db().Read<std::pair<int, int>>([&](soci::session& s) {
    int bookings = 0, taken = 0;
    long long id = slot.id;
    s << "SELECT COUNT(*) FROM booking WHERE slot_id = :id", soci::use(id), soci::into(bookings);
    s << "SELECT booked FROM consultation_slot WHERE id = :id", soci::use(id), soci::into(taken);
    return std::make_pair(bookings, taken);
  });
  EXPECT_EQ(counts->first, 1);
  EXPECT_EQ(counts->second, 1);
}

TEST(Consultations, PersonalDataIsEncryptedAtRestAndBadAnswersAreExplained) {
  TestServer t;
  auto f = MakeProgram(t, 2);
  auto open =
      t.sv().consultations.OpenDays(f.program, core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_FALSE(open->empty());
  const std::string canary = "カナリア花子Z9";
  auto receipt = t.sv().consultations.Book(ValidRequest(open->front().slots[0].id, canary),
                                           {0, f.org, "127.0.0.1", "t"}, nullptr);
  ASSERT_TRUE(receipt.ok());
  EXPECT_EQ(receipt->reference.rfind("TS-", 0), 0u);
  auto stored = t.app().db().Read<std::string>([&](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT name_enc, phone_enc, diagnosis_enc, municipality FROM booking");
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < 4; ++i) all += r.get<std::string>(i) + "|";
    }
    return all;
  });
  EXPECT_THAT(*stored, Not(HasSubstr(canary)));
  EXPECT_THAT(*stored, Not(HasSubstr("乳がん")));
  EXPECT_THAT(*stored, Not(HasSubstr("09012345678")));
  EXPECT_THAT(*stored, HasSubstr("さいたま市")) << "the municipality is kept for statistics";

  BookingRequest bad = ValidRequest(open->front().slots[0].id, "");
  bad.contact.furigana = "Hanako";
  bad.contact.phone.clear();
  bad.intake.topics.clear();
  bad.consent = false;
  auto refused = t.sv().consultations.Book(bad, {0, f.org, "127.0.0.1", "t"}, nullptr);
  ASSERT_FALSE(refused.ok());
  std::vector<std::string> fields;
  for (const auto& e : refused.error().fields) fields.push_back(e.field);
  EXPECT_THAT(fields, ::testing::IsSupersetOf({"name", "furigana", "phone", "topics", "consent"}));
}

}  // namespace
}  // namespace tsunagu::testing

// The day board service (seed 001 ア–エ) on both engines: who may read names and contacts and
// that the read is audited, the waiting list's held places (offer, accept, expiry to the next
// person), parallel reschedules into one last place, walk-ins and check-in only on the day, and
// the checks on booths and counselors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using ::testing::HasSubstr;

constexpr const char* kName = "カナリア受付花子QB";

BookingRequest Request(std::int64_t slot_id, const std::string& email,
                       const std::string& channel = "phone") {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = channel;
  r.intake.gender = "male";
  r.intake.age_band = "50s";
  r.intake.municipality = "さいたま市";
  r.intake.heard_from = "leaflet";
  r.intake.treatment_status = "follow_up";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact = {kName, "かなりあ はなこ", "048-111-2222", email, "", ""};
  r.consent = true;
  return r;
}

struct World {
  std::int64_t org = 0;
  auth::Principal coordinator;
  auth::Principal counselor;   // on the day's roster
  auth::Principal off_roster;  // a counselor of the organisation, not on the roster
  auth::Principal foreigner;   // admin of another organisation
  std::int64_t counselor_id = 0;
  std::int64_t off_roster_id = 0;
  audit::Actor actor;
  std::int64_t program = 0;
  std::int64_t day_id = 0;
  core::Date date;
  std::vector<consultations::Slot> slots;
};

// One day ten days ahead, 18:00–21:00, three 45-minute slots of `booths` places each.
World MakeWorld(TestServer& t, const std::string& tag, int booths) {
  World w;
  w.org = t.CreateOrg("受付ボード県 " + tag, "municipality");
  const auto other = t.CreateOrg("別の組織 " + tag);
  const auto coord =
      t.CreateUser({"coord-" + tag + "@example.jp", "事務局", "coordinator", "clerical", w.org});
  w.counselor_id =
      t.CreateUser({"nurse-" + tag + "@example.jp", "看護 一郎", "counselor", "nurse", w.org});
  w.off_roster_id =
      t.CreateUser({"msw-" + tag + "@example.jp", "相談 二郎", "counselor", "msw", w.org});
  const auto foreign =
      t.CreateUser({"admin-" + tag + "@example.jp", "他の管理者", "admin", "nurse", other});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.counselor = As(w.counselor_id, w.org, auth::Role::kCounselor);
  w.off_roster = As(w.off_roster_id, w.org, auth::Role::kCounselor);
  w.foreigner = As(foreign, other, auth::Role::kAdmin);
  w.actor = {coord, w.org, "127.0.0.1", "test"};
  w.program = *t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談", "");
  w.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 10);
  DaySettings settings;
  settings.booths = booths;
  auto day =
      t.sv().board.AddDay(w.coordinator, w.actor, w.program, w.date, 18 * 60, 21 * 60, settings);
  EXPECT_TRUE(day.ok());
  w.day_id = *day;
  EXPECT_TRUE(
      t.sv().board.SetRoster(w.coordinator, w.actor, w.program, w.day_id, {w.counselor_id}).ok());
  w.slots = t.sv().consultations.GetDay(w.coordinator, w.program, w.day_id)->slots;
  EXPECT_EQ(w.slots.size(), 3u);
  return w;
}

std::int64_t Book(TestServer& t, const World& w, std::int64_t slot_id, const std::string& email) {
  auto receipt = t.sv().board.BookForCaller(w.coordinator, w.actor, w.program,
                                            Request(slot_id, email), nullptr);
  EXPECT_TRUE(receipt.ok()) << (receipt.ok() ? "" : receipt.error().message_key);
  return receipt.ok() ? receipt->booking_id : 0;
}

std::int64_t Wait(TestServer& t, const World& w, const std::string& email) {
  auto receipt =
      t.sv().board.AddToWaitingList(w.coordinator, w.actor, w.program, w.day_id, Request(0, email));
  EXPECT_TRUE(receipt.ok());
  return receipt.ok() ? receipt->booking_id : 0;
}

long long Number(TestServer& t, const std::string& sql, long long id) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::use(id), soci::into(n);
    return n;
  });
}

std::string Status(TestServer& t, std::int64_t booking_id) {
  return *t.app().db().Read<std::string>([&](soci::session& s) {
    long long id = booking_id;
    std::string status;
    s << "SELECT status FROM booking WHERE id = :id", soci::use(id), soci::into(status);
    return status;
  });
}

long long Booked(TestServer& t, std::int64_t slot_id) {
  return Number(t, "SELECT booked FROM consultation_slot WHERE id = :s", slot_id);
}

long long Reads(TestServer& t) {
  return *t.app().db().Read<long long>([](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.read'", soci::into(n);
    return n;
  });
}

// Unix seconds at `minutes` after midnight JST on `date`.
std::int64_t At(core::Date date, int minutes) {
  return std::int64_t{core::DaysBetween({1970, 1, 1}, date)} * 86400 + minutes * 60LL - 9 * 3600;
}

TEST(DayBoard, NamesAndContactsAreForTheCoordinatorAndTheirReadIsAudited) {
  TestServer t;
  World w = MakeWorld(t, "names", 2);
  Book(t, w, w.slots[0].id, "");
  Wait(t, w, "");

  auto board = t.sv().board.Board(w.coordinator, w.actor, w.program, w.day_id);
  ASSERT_TRUE(board.ok()) << board.error().message_key;
  ASSERT_EQ(board->bookings.size(), 2u);
  EXPECT_EQ(board->bookings[0].contact.name, kName);
  EXPECT_EQ(board->bookings[0].contact.phone, "0481112222");
  EXPECT_EQ(board->bookings[1].status, "waiting") << "the waiting list comes after the slots";
  ASSERT_EQ(board->roster.size(), 1u);
  EXPECT_EQ(board->roster[0].profession, "nurse");
  EXPECT_EQ(Reads(t), 1);
  EXPECT_EQ(Number(t,
                   "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.read' AND "
                   "target_id = CAST(:d AS TEXT) AND detail LIKE '%\"bookings\":2%'",
                   w.day_id),
            1);

  // A counselor sees the times and intake of their day, never a name or contact.
  AcknowledgePledge(t, w.counselor, w.program, w.day_id);
  auto seen = t.sv().board.Board(w.counselor, {w.counselor_id, w.org, "127.0.0.1", "t"}, w.program,
                                 w.day_id);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->bookings.size(), 2u);
  for (const auto& b : seen->bookings) {
    EXPECT_TRUE(b.contact.name.empty());
    EXPECT_TRUE(b.contact.phone.empty());
    EXPECT_TRUE(b.contact.furigana.empty());
    EXPECT_EQ(b.intake.municipality, "さいたま市");
  }
  EXPECT_EQ(Reads(t), 1) << "nothing personal was read, so nothing is audited";

  // Another organisation's admin finds no such day, like a missing one.
  auto foreign = t.sv().board.Board(w.foreigner, w.actor, w.program, w.day_id);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, core::ErrorCode::kNotFound);
  auto missing = t.sv().board.Board(w.coordinator, w.actor, w.program, 987654);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(Reads(t), 1);
}

TEST(DayBoard, AFreedPlaceIsHeldForTheWaitingListInTurnAndLapsesToTheNext) {
  TestServer t;
  World w = MakeWorld(t, "offers", 1);
  const std::int64_t slot = w.slots[0].id;
  // The other slots are full, so every freed place is the first slot's.
  Book(t, w, w.slots[1].id, "");
  Book(t, w, w.slots[2].id, "");
  const std::int64_t booked = Book(t, w, slot, "");
  const std::int64_t first = Wait(t, w, "wait1-offers@example.jp");
  t.clock().Advance(1);
  const std::int64_t second = Wait(t, w, "wait2-offers@example.jp");
  t.clock().Advance(1);
  const std::int64_t third = Wait(t, w, "wait3-offers@example.jp");
  EXPECT_EQ(*t.sv().board.OfferFreedPlaces(w.day_id), 0) << "no place is free yet";

  // The caller cancels: the place is offered to the first person waiting, with a hold.
  ASSERT_TRUE(t.sv().board.Cancel(w.coordinator, w.actor, w.program, booked).ok());
  EXPECT_EQ(Status(t, booked), "cancelled");
  EXPECT_EQ(Status(t, first), "offered");
  EXPECT_EQ(Status(t, second), "waiting");
  EXPECT_EQ(Booked(t, slot), 1) << "the held place stays taken";
  EXPECT_EQ(Number(t, "SELECT hold_expires_at FROM booking WHERE id = :b", first),
            t.clock().NowSeconds() + consultations::kOfferHoldSeconds);
  std::string mail = MailSink::Get().WaitFor("wait1-offers@example.jp");
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("キャンセル待ちの相談枠が空きました"));
  EXPECT_THAT(mail, HasSubstr(core::FormatDate(w.date, "ja")));
  const std::string token = TextBetween(mail, "/book/offer/", "\n");
  ASSERT_FALSE(token.empty());
  auto offer = t.sv().board.FindOffer(token);
  ASSERT_TRUE(offer.ok());
  EXPECT_EQ(offer->start_minutes, w.slots[0].start_minutes);

  // Accepting within the hold books the place; a second click is harmless.
  const audit::Actor web{0, w.org, "127.0.0.1", "t"};
  ASSERT_TRUE(t.sv().board.AcceptOffer(token, web).ok());
  ASSERT_TRUE(t.sv().board.AcceptOffer(token, web).ok());
  EXPECT_EQ(Status(t, first), "booked");
  EXPECT_EQ(Booked(t, slot), 1);
  EXPECT_EQ(t.sv().board.FindOffer(token).error().code, core::ErrorCode::kNotFound);

  // The place frees again and goes to the second person, who does not answer in time.
  ASSERT_TRUE(t.sv().board.Cancel(w.coordinator, w.actor, w.program, first).ok());
  EXPECT_EQ(Status(t, second), "offered");
  const std::string second_token =
      TextBetween(MailSink::Get().WaitFor("wait2-offers@example.jp"), "/book/offer/", "\n");
  ASSERT_FALSE(second_token.empty());
  t.clock().Advance(consultations::kOfferHoldSeconds - 10);
  EXPECT_EQ(*t.sv().board.ExpireOffers(), 0) << "the hold still runs";
  EXPECT_EQ(Status(t, second), "offered");
  t.clock().Advance(11);
  EXPECT_EQ(*t.sv().board.ExpireOffers(), 1);
  EXPECT_EQ(Status(t, second), "cancelled");
  EXPECT_EQ(Status(t, third), "offered") << "the released place goes to the next in line";
  EXPECT_EQ(Booked(t, slot), 1);
  EXPECT_EQ(t.sv().board.AcceptOffer(second_token, web).error().code, core::ErrorCode::kNotFound);
  EXPECT_FALSE(MailSink::Get().WaitFor("wait3-offers@example.jp").empty());
  EXPECT_EQ(*t.sv().board.ExpireOffers(), 0);
}

TEST(DayBoard, ParallelReschedulesIntoTheLastPlaceLetExactlyOneIn) {
  TestServer t;
  constexpr int kThreads = 8;
  World w = MakeWorld(t, "race", kThreads);
  // Every place of the first slot but one is taken; the people of the last slot all try to
  // move into that one place at once.
  const std::int64_t target = w.slots[0].id;
  for (int i = 0; i < kThreads - 1; ++i) Book(t, w, target, "");
  std::vector<std::int64_t> movers;
  for (int i = 0; i < kThreads; ++i) movers.push_back(Book(t, w, w.slots[2].id, ""));
  ASSERT_EQ(Booked(t, target), kThreads - 1);

  std::atomic<int> moved{0}, full{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto r = t.sv().board.Reschedule(w.coordinator, w.actor, w.program, movers[i], target);
      if (r.ok()) {
        ++moved;
      } else if (r.error().code == core::ErrorCode::kConflict &&
                 r.error().message_key == "booking.full") {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(moved.load(), 1);
  EXPECT_EQ(full.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(Booked(t, target), kThreads) << "never more than the capacity";
  EXPECT_EQ(Booked(t, w.slots[2].id), kThreads - 1) << "only the winner left its slot";
  EXPECT_EQ(
      Number(t, "SELECT COUNT(*) FROM booking WHERE slot_id = :s AND status = 'booked'", target),
      kThreads);
}

TEST(DayBoard, WalkInsAndArrivalsAreRecordedOnlyOnTheDay) {
  TestServer t;
  World w = MakeWorld(t, "walkin", 2);
  const std::int64_t booked = Book(t, w, w.slots[1].id, "");

  // Days before: no walk-in, no arrival, no no-show.
  auto early = t.sv().board.BookForCaller(w.coordinator, w.actor, w.program,
                                          Request(w.slots[0].id, "", "walk_in"), nullptr);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, core::ErrorCode::kInvalidInput);
  ASSERT_FALSE(early.error().fields.empty());
  EXPECT_EQ(early.error().fields[0].message_key, "board.error.walk_in_today");
  auto not_yet = t.sv().board.CheckIn(w.coordinator, w.actor, w.program, booked);
  ASSERT_FALSE(not_yet.ok());
  EXPECT_EQ(not_yet.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(not_yet.error().message_key, "board.error.not_yet");
  EXPECT_EQ(t.sv().board.MarkNoShow(w.coordinator, w.actor, w.program, booked).error().message_key,
            "board.error.not_yet");
  EXPECT_EQ(Status(t, booked), "booked");
  EXPECT_EQ(Booked(t, w.slots[0].id), 0);
  auto web = t.sv().board.BookForCaller(w.coordinator, w.actor, w.program,
                                        Request(w.slots[0].id, "", "web"), nullptr);
  EXPECT_EQ(web.error().code, core::ErrorCode::kInvalidInput) << "staff do not book as the web";

  // On the evening itself: the person at the door is booked and received at once.
  t.clock().Set(At(w.date, 18 * 60 + 5));
  auto walk_in = t.sv().board.BookForCaller(w.coordinator, w.actor, w.program,
                                            Request(w.slots[0].id, "", "walk_in"), nullptr);
  ASSERT_TRUE(walk_in.ok()) << walk_in.error().message_key;
  EXPECT_EQ(Status(t, walk_in->booking_id), "attended");
  EXPECT_EQ(Booked(t, w.slots[0].id), 1);
  const audit::Actor nurse{w.counselor_id, w.org, "127.0.0.1", "t"};
  ASSERT_TRUE(t.sv().board.CheckIn(w.counselor, nurse, w.program, booked).ok());
  ASSERT_TRUE(t.sv().board.CheckIn(w.counselor, nurse, w.program, booked).ok()) << "idempotent";
  EXPECT_EQ(Status(t, booked), "attended");
  EXPECT_GT(Number(t, "SELECT checked_in_at FROM booking WHERE id = :b", booked), 0);
  // Another organisation cannot reach the booking at all.
  EXPECT_EQ(t.sv().board.CheckIn(w.foreigner, w.actor, w.program, booked).error().code,
            core::ErrorCode::kNotFound);
}

TEST(DayBoard, AssignAcceptsOnlyRosteredCounselorsAndTheDaysBooths) {
  TestServer t;
  World w = MakeWorld(t, "assign", 2);
  const std::int64_t booked = Book(t, w, w.slots[0].id, "");
  auto field_of = [](const core::Status& st) {
    return st.ok() || st.error().fields.empty() ? std::string() : st.error().fields[0].message_key;
  };

  auto not_rostered = t.sv().board.Assign(w.coordinator, w.actor, w.program, booked, 1,
                                          {w.counselor_id, w.off_roster_id});
  ASSERT_FALSE(not_rostered.ok());
  EXPECT_EQ(not_rostered.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(field_of(not_rostered), "board.error.counselor");
  for (int booth : {0, 3, -1}) {
    auto bad =
        t.sv().board.Assign(w.coordinator, w.actor, w.program, booked, booth, {w.counselor_id});
    EXPECT_EQ(field_of(bad), "board.error.booth") << booth;
  }
  EXPECT_EQ(Number(t, "SELECT COUNT(*) FROM booking_staff WHERE booking_id = :b", booked), 0);
  EXPECT_EQ(Number(t, "SELECT COUNT(*) FROM booking WHERE id = :b AND booth IS NULL", booked), 1)
      << "a refused assignment changes nothing";

  ASSERT_TRUE(
      t.sv().board.Assign(w.coordinator, w.actor, w.program, booked, 2, {w.counselor_id}).ok());
  EXPECT_EQ(Number(t, "SELECT booth FROM booking WHERE id = :b", booked), 2);
  EXPECT_EQ(Number(t, "SELECT user_id FROM booking_staff WHERE booking_id = :b", booked),
            w.counselor_id);
  // A counselor may not assign, and another organisation sees nothing.
  EXPECT_EQ(t.sv().board.Assign(w.counselor, w.actor, w.program, booked, 1, {}).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(t.sv().board.Assign(w.foreigner, w.actor, w.program, booked, 1, {}).error().code,
            core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tsunagu::testing

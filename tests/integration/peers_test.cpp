// The peer supporter registry (issue 15, seed 004) on both engines: the support centre's
// coordinators register peers (no login); only the display name is ever public, and only while
// the peer is active; the real name and contact are encrypted at rest, read only by the
// keeping organisation's staff with every read audited (another organisation gets 404); a peer
// is never on two overlapping shifts, even when two assignments race; trainings and dispatches
// are recorded and counted for the yearly report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/wareki.hpp"
#include "events/event_service.hpp"
#include "salons_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string PeerPath(std::int64_t id) {
  return "/peers/" + std::to_string(id);
}

std::vector<std::pair<std::string, std::string>> HimawariForm() {
  return {{"display_name", "ひまわりさん"}, {"real_name", "山田 花子"},
          {"phone", "090-1111-2222"},       {"email", "hanako@example.jp"},
          {"address", "みどり市中央1-1"},   {"area", "みどり市"},
          {"consent_date", "2026-04-01"},   {"activities", "salon"},
          {"activities", "talk"},           {"status", "active"}};
}

// A peer_talk event (がんピアおしゃべり相談室) of the centre on `date`, 13:00–16:00.
std::int64_t PeerTalk(TestServer& t, const SalonWorld& w, const std::string& date) {
  events::EventService events(t.sv().db, t.sv().clock, t.sv().cipher, t.sv().outbox, t.sv().catalog,
                              "http://localhost");
  events::EventInput in;
  in.kind = "peer_talk";
  in.title = "がんピアおしゃべり相談室";
  in.date = date;
  in.start_minutes = 13 * 60;
  in.end_minutes = 16 * 60;
  in.venue = "つなぐ県がん相談支援センター";
  in.audiences = {"patient", "family"};
  in.contact = "つなぐ県がん連携サポートセンター 096-000-1111";
  in.status = "published";
  auto id = events.Create(w.centre_coordinator, w.actor, in);
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().fields.at(0).message_key);
  return id.ok() ? *id : 0;
}

TEST(PeersTest, TheRegistryKeepsNamesEncryptedAndEveryReadAudited) {
  TestServer t;
  MakeSalonWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  auto made = office.Submit("/peers/new", HimawariForm());
  ASSERT_EQ(made.status, 303) << made.body;
  const auto id = SalonRows(t, "SELECT MAX(id) FROM peer_supporter");
  ASSERT_GT(id, 0);
  // At rest: no name, phone, e-mail or address in the clear.
  EXPECT_EQ(SalonRows(t,
                      "SELECT COUNT(*) FROM peer_supporter WHERE real_name_enc LIKE '%山田%' "
                      "OR phone_enc LIKE '%090%' OR email_enc LIKE '%hanako%' OR address_enc "
                      "LIKE '%中央%'"),
            0);
  auto list = office.Get("/peers");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("ひまわりさん"));
  EXPECT_THAT(list.body, Not(HasSubstr("山田 花子")));
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'peer.read'"), 0);

  auto page = office.Get(PeerPath(id));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("山田 花子"));
  EXPECT_THAT(page.body, HasSubstr("hanako@example.jp"));
  EXPECT_EQ(page.Header("cache-control").find("no-store") != std::string::npos, true);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'peer.read'"), 1);
  ASSERT_EQ(office.Get(PeerPath(id)).status, 200);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'peer.read'"), 2);

  // Another organisation: 404 like a missing peer, and nothing read.
  auto hospital = t.LoginAs("hospital@example.jp");
  auto foreign = hospital.Get(PeerPath(id));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_THAT(foreign.body, Not(HasSubstr("山田")));
  EXPECT_EQ(hospital.Get(PeerPath(id) + "/edit").status, 404);
  EXPECT_EQ(
      hospital.Submit("/peers", {{"role", "storyteller"}}, PeerPath(id) + "/dispatches").status,
      404);
  EXPECT_THAT(hospital.Get("/peers").body, Not(HasSubstr("ひまわりさん")));
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'peer.read'"), 2);
  // A counselor of the centre is not the registry's keeper.
  EXPECT_EQ(t.LoginAs("counsel@example.jp").Get(PeerPath(id)).status, 403);
  EXPECT_EQ(t.NewClient().Get(PeerPath(id)).status, 303);
}

TEST(PeersTest, BadInputIsExplainedAndChangesNothing) {
  TestServer t;
  MakeSalonWorld(t);
  auto office = t.LoginAs("centre@example.jp");
  auto form = HimawariForm();
  for (auto& [name, value] : form) {
    if (name == "real_name") value = "";
    if (name == "consent_date") value = "昨日";
  }
  auto bad = office.Submit("/peers/new", form);
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("氏名を入力してください"));
  EXPECT_THAT(bad.body, HasSubstr("同意日を"));
  EXPECT_THAT(bad.body, HasSubstr("ひまわりさん"));
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM peer_supporter"), 0);
}

TEST(PeersTest, OnlyActivePeersDisplayNamesAppearOnTheSalonAndPeerTalkPages) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto salon = Salons(t).Create(w.centre_coordinator, w.actor, HidamariInput());
  ASSERT_TRUE(salon.ok());
  auto peers = Peers(t);
  auto himawari = HimawariInput();
  himawari.salon_id = *salon;
  auto a = peers.Create(w.centre_coordinator, w.actor, himawari);
  ASSERT_TRUE(a.ok());
  auto resting = HimawariInput();
  resting.display_name = "あさがおさん";
  resting.real_name = "佐藤 一郎";
  resting.salon_id = *salon;
  resting.status = "paused";
  ASSERT_TRUE(peers.Create(w.centre_coordinator, w.actor, resting).ok());

  auto page = t.NewClient().Get("/salons/" + std::to_string(*salon));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("ひまわりさん"));
  EXPECT_THAT(page.body, Not(HasSubstr("あさがおさん")));
  EXPECT_THAT(page.body, Not(HasSubstr("山田")));
  EXPECT_THAT(page.body, Not(HasSubstr("佐藤")));

  const std::string day = InDays(t, 10);
  const auto talk = PeerTalk(t, w, day);
  peers::ShiftInput shift{"peer_talk", talk, "", -1, -1};
  ASSERT_TRUE(peers.AddShift(w.centre_coordinator, w.actor, *a, shift).ok());
  auto names = peers::ActiveDisplayNamesForEvent(t.sv().db, talk);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, std::vector<std::string>{"ひまわりさん"});
  himawari.status = "paused";
  ASSERT_TRUE(peers.Update(w.centre_coordinator, w.actor, *a, himawari).ok());
  EXPECT_THAT(t.NewClient().Get("/salons/" + std::to_string(*salon)).body,
              Not(HasSubstr("ひまわりさん")));
  EXPECT_TRUE(peers::ActiveDisplayNamesForEvent(t.sv().db, talk)->empty());
}

TEST(PeersTest, APeerIsNeverOnTwoOverlappingShifts) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto peers = Peers(t);
  auto a = peers.Create(w.centre_coordinator, w.actor, HimawariInput());
  ASSERT_TRUE(a.ok());
  const std::string day = InDays(t, 10);
  const auto talk = PeerTalk(t, w, day);  // 13:00–16:00
  auto office = t.LoginAs("centre@example.jp");
  auto first = office.Submit(PeerPath(*a),
                             {{"shift_kind", "peer_talk"}, {"shift_event", std::to_string(talk)}},
                             PeerPath(*a) + "/shifts");
  ASSERT_EQ(first.status, 303) << first.body;
  auto hotline = office.Submit(PeerPath(*a),
                               {{"shift_kind", "hotline"},
                                {"shift_date", day},
                                {"shift_start", "15:00"},
                                {"shift_end", "17:00"}},
                               PeerPath(*a) + "/shifts");
  EXPECT_EQ(hotline.status, 409);
  EXPECT_THAT(hotline.body, HasSubstr("同じ時間帯にほかの担当"));
  EXPECT_THAT(hotline.body, HasSubstr("17:00"));  // what was typed is kept
  // Back to back is fine.
  auto after = office.Submit(PeerPath(*a),
                             {{"shift_kind", "hotline"},
                              {"shift_date", day},
                              {"shift_start", "16:00"},
                              {"shift_end", "18:00"}},
                             PeerPath(*a) + "/shifts");
  EXPECT_EQ(after.status, 303) << after.body;
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM peer_shift"), 2);
  EXPECT_THAT(office.Get("/peers").body, HasSubstr("16:00〜18:00 がん相談ホットライン"));
}

TEST(PeersTest, ParallelOverlappingAssignmentsGiveTheShiftOnce) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto peers = Peers(t);
  auto a = peers.Create(w.centre_coordinator, w.actor, HimawariInput());
  ASSERT_TRUE(a.ok());
  constexpr int kThreads = 8;
  std::atomic<int> given{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  const std::string date = InDays(t, 5);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto service = Peers(t);
      peers::ShiftInput in{"hotline", 0, date, 10 * 60 + i, 12 * 60 + i};
      auto done = service.AddShift(w.centre_coordinator, w.actor, *a, in);
      if (done.ok()) {
        ++given;
      } else if (done.error().code == core::ErrorCode::kConflict) {
        ++refused;
      } else {
        ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(given.load(), 1);
  EXPECT_EQ(refused.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(SalonRows(t, "SELECT COUNT(*) FROM peer_shift"), 1);
}

TEST(PeersTest, TrainingsAndDispatchesAreRecordedAndCountedForTheYear) {
  TestServer t;
  const auto w = MakeSalonWorld(t);
  auto peers = Peers(t);
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  const int fy = core::FiscalYear(today);
  const std::string in_year = core::ToIso(core::FiscalYearStart(fy));
  auto consent = HimawariInput();
  consent.consent_date = in_year;
  auto a = peers.Create(w.centre_coordinator, w.actor, consent);
  ASSERT_TRUE(a.ok());
  auto resting = consent;
  resting.display_name = "あさがおさん";
  resting.status = "paused";
  ASSERT_TRUE(peers.Create(w.centre_coordinator, w.actor, resting).ok());

  auto office = t.LoginAs("centre@example.jp");
  auto training =
      office.Submit(PeerPath(*a), {{"training_kind", "basic"}, {"training_date", in_year}},
                    PeerPath(*a) + "/trainings");
  ASSERT_EQ(training.status, 303) << training.body;
  ASSERT_TRUE(peers.AddTraining(w.centre_coordinator, w.actor, *a, {"follow_up", in_year, 0}).ok());
  auto wrong_event = peers.AddTraining(w.centre_coordinator, w.actor, *a,
                                       {"follow_up", in_year, PeerTalk(t, w, InDays(t, 3))});
  ASSERT_FALSE(wrong_event.ok());
  EXPECT_EQ(wrong_event.error().code, core::ErrorCode::kInvalidInput);

  auto dispatch = office.Submit(PeerPath(*a),
                                {{"dispatch_date", in_year},
                                 {"destination_kind", "palliative_training"},
                                 {"destination_name", "みどり総合病院 緩和ケア研修会"},
                                 {"role", "storyteller"},
                                 {"notes", "体験談20分"}},
                                PeerPath(*a) + "/dispatches");
  ASSERT_EQ(dispatch.status, 303) << dispatch.body;
  ASSERT_TRUE(
      peers
          .AddDispatch(w.centre_coordinator, w.actor, *a,
                       {in_year, "peer_training", "ピア・サポーター養成研修会", "facilitator", ""})
          .ok());
  auto missing = office.Submit(PeerPath(*a), {{"dispatch_date", in_year}, {"role", "storyteller"}},
                               PeerPath(*a) + "/dispatches");
  EXPECT_EQ(missing.status, 422);
  EXPECT_THAT(missing.body, HasSubstr("派遣先の名称を入力してください"));
  ASSERT_TRUE(
      peers.AddShift(w.centre_coordinator, w.actor, *a, {"hotline", 0, in_year, 600, 720}).ok());

  auto page = office.Get(PeerPath(*a));
  EXPECT_THAT(page.body, HasSubstr("養成研修"));
  EXPECT_THAT(page.body, HasSubstr("みどり総合病院 緩和ケア研修会"));
  EXPECT_THAT(page.body, HasSubstr("ファシリテーター"));

  auto f = peers::YearFigures(t.sv().db, w.centre, fy);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->registered, 2);
  EXPECT_EQ(f->active, 1);
  EXPECT_EQ(f->trainings_basic, 1);
  EXPECT_EQ(f->trainings_follow_up, 1);
  EXPECT_EQ(f->shifts_hotline, 1);
  EXPECT_EQ(f->shifts_peer_talk, 0);
  EXPECT_EQ(f->dispatches_storyteller, 1);
  EXPECT_EQ(f->dispatches_facilitator, 1);
  ASSERT_EQ(f->dispatches_by_destination.size(), 5u);
  EXPECT_EQ(f->dispatches_by_destination[0],
            (std::pair<std::string, int>{"palliative_training", 1}));
  EXPECT_EQ(f->dispatches_by_destination[3], (std::pair<std::string, int>{"peer_training", 1}));
  auto before = peers::YearFigures(t.sv().db, w.centre, fy - 1);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->registered, 0);
  EXPECT_EQ(before->dispatches_storyteller, 0);
  auto foreign = peers::YearFigures(t.sv().db, w.hospital, fy);
  EXPECT_EQ(foreign->registered, 0);
}

}  // namespace
}  // namespace tsunagu::testing

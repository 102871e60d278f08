// The hand-off to the 両立支援促進員 (issue 14 point 3, seed 001: 事業場との調整が必要で、相談者が
// 希望する場合): the 相談記録 asks whether the person wishes it; one action of the 事務局 makes
// the client record from the booking, records the consent naming the 産業保健総合支援センター
// and sends the centre a referral for 事業場との調整, in one transaction and only once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "core/wareki.hpp"
#include "phone_day_data.hpp"
#include "referrals/referral_service.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::pair<std::string, std::string>> RecordFields(bool wished) {
  return {{"professions", "nurse"},
          {"topics", "telling_work"},
          {"outcome", "support_continues"},
          {"follow_up", "support_promoter"},
          {"minutes", "30"},
          {"summary", "職場との調整を希望"},
          {"handoff_wished", wished ? "1" : "0"}};
}

// The consultation took place by phone and the nurse wrote its record.
void ConsultAndRecord(TestServer& t, const CallDayWorld& w, bool wished) {
  AtDay(t, w, 18 * 60);
  auto nurse = t.LoginAs(w.nurse_email);
  ASSERT_EQ(nurse.Submit(w.board, {}, w.booking_path + "/call-connected").status, 303);
  auto saved = nurse.Submit(w.booking_path + "/record", RecordFields(wished));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 400);
}

std::vector<std::pair<std::string, std::string>> StartFields(const CallDayWorld& w) {
  return {{"to_org_id", std::to_string(w.centre)},
          {"items", "basic"},
          {"items", "work"},
          {"method", "oral"},
          {"note", "勤務先との調整を希望（テスト）"}};
}

TEST(Handoff, OneActionMakesTheClientTheConsentAndTheReferralOnceAndTheCentreSeesIt) {
  TestServer t;
  auto w = BuildCallDay(t);
  ConsultAndRecord(t, w, true);
  const std::string view = w.booking_path + "/record/view";
  const std::string start = w.booking_path + "/handoff";

  // The record says so; the counselor does not start it.
  auto nurse = t.LoginAs(w.nurse_email);
  auto form = nurse.Get(w.booking_path + "/record");
  EXPECT_THAT(form.body, HasSubstr("両立支援促進員への引継ぎ（事業場との調整）を相談者が希望"));
  auto seen = nurse.Get(view);
  EXPECT_THAT(seen.body, HasSubstr("引継ぎは事務局が行います"));
  EXPECT_EQ(nurse.Get(start).status, 403);

  auto office = t.LoginAs(w.coordinator_email);
  EXPECT_THAT(office.Get(view).body, HasSubstr(start));
  auto page = office.Get(start);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("つなぐ産業保健総合支援センター"));
  EXPECT_THAT(page.body, Not(HasSubstr("よその病院")));
  auto started = office.Submit(start, StartFields(w));
  ASSERT_EQ(started.status, 303) << started.body.substr(0, 600);
  EXPECT_EQ(started.Header("location"), view + "?handoff=1");
  auto done = office.Get(started.Header("location"));
  EXPECT_THAT(done.body, HasSubstr("引継ぎを開始しました"));
  EXPECT_THAT(done.body, HasSubstr("つなぐ産業保健総合支援センター"));

  const std::string b = std::to_string(w.booking);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM client WHERE booking_id = " + b), 1);
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM consent c JOIN consent_party p ON p.consent_id = "
                      "c.id WHERE p.organization_id = " +
                          std::to_string(w.centre) + " AND c.items = 'basic,work'"),
            1);
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM referral WHERE reason = 'workplace_coordination' "
                      "AND status = 'sent' AND to_org_id = " +
                          std::to_string(w.centre)),
            1);
  EXPECT_EQ(CountRows(t,
                      "SELECT COUNT(*) FROM consultation_handoff WHERE referral_id IS NOT "
                      "NULL AND booking_id = " +
                          b),
            1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.handoff'"), 1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM provision_record"), 1);

  // Again: nothing new.
  EXPECT_EQ(office.Submit(view, StartFields(w), start).status, 303);
  EXPECT_EQ(office.Get(start).status, 303);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM client"), 1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM consent"), 1);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM referral"), 1);

  // The centre sees it in its 紹介 list, with the person's name (the consent covers basic).
  auto promoter = t.LoginAs(w.promoter_email);
  auto list = promoter.Get("/referrals");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr(kPersonName));
  EXPECT_THAT(list.body, HasSubstr("職場との調整（両立支援促進員）"));

  // The report counts it made, then accepted.
  const std::string report = "/programs/" + std::to_string(w.program) +
                             "/report?fy=" + std::to_string(core::FiscalYear(w.date));
  auto before = office.Get(report);
  ASSERT_EQ(before.status, 200);
  EXPECT_THAT(before.body,
              HasSubstr("両立支援促進員への引継ぎ（件）</th><td class=\"numeric\">1<"));
  EXPECT_THAT(before.body, HasSubstr("受け入れた件数</th><td class=\"numeric\">0<"));
  const auto referral = CountRows(t, "SELECT id FROM referral");
  const auto promoter_id =
      CountRows(t, "SELECT id FROM app_user WHERE email = '" + w.promoter_email + "'");
  ASSERT_TRUE(t.sv()
                  .referrals
                  .Accept(As(promoter_id, w.centre, auth::Role::kCounselor),
                          {promoter_id, w.centre, "127.0.0.1", "t"}, referral, 1)
                  .ok());
  EXPECT_THAT(office.Get(report).body, HasSubstr("受け入れた件数</th><td class=\"numeric\">1<"));
}

TEST(Handoff, NothingIsMadeWithoutTheWishOrWithAConsentThatWillNotDo) {
  TestServer t;
  auto w = BuildCallDay(t);
  ConsultAndRecord(t, w, false);
  const std::string start = w.booking_path + "/handoff";
  auto office = t.LoginAs(w.coordinator_email);
  EXPECT_THAT(office.Get(w.booking_path + "/record/view").body, Not(HasSubstr(start)));
  EXPECT_EQ(office.Get(start).status, 409);
  auto refused = office.Submit(w.booking_path + "/record/view", StartFields(w), start);
  EXPECT_EQ(refused.status, 409);
  EXPECT_THAT(refused.body, HasSubstr("引継ぎを希望していない"));

  // Now wished, but the consent leaves out the basic data and names a hospital.
  auto nurse = t.LoginAs(w.nurse_email);
  ASSERT_EQ(nurse.Submit(w.booking_path + "/record", RecordFields(true)).status, 303);
  auto office2 = t.LoginAs(w.coordinator_email);
  auto bad = office2.Submit(start, {{"to_org_id", std::to_string(w.stranger)},
                                    {"items", "work"},
                                    {"method", "oral"},
                                    {"note", "残す申し送り"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("紹介には基本情報への同意が必要です"));
  EXPECT_THAT(bad.body, HasSubstr("産業保健総合支援センターを選んでください"));
  EXPECT_THAT(bad.body, HasSubstr("残す申し送り"));
  for (const char* table : {"client", "consent", "referral", "provision_record"}) {
    EXPECT_EQ(CountRows(t, std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
  // Another organisation does not even find it.
  auto stranger = t.LoginAs(w.stranger_email);
  EXPECT_EQ(stranger.Get(start).status, 404);
  EXPECT_EQ(stranger.Submit("/", StartFields(w), start).status, 404);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM referral"), 0);
}

TEST(Handoff, AClientTheOfficeAlreadyMadeFromTheBookingIsUsed) {
  TestServer t;
  auto w = BuildCallDay(t);
  ConsultAndRecord(t, w, true);
  const auto who = As(w.coordinator, w.office, auth::Role::kCoordinator);
  const audit::Actor actor{w.coordinator, w.office, "127.0.0.1", "t"};
  auto input = t.sv().clients.FromBooking(who, actor, w.booking);
  ASSERT_TRUE(input.ok());
  auto client = t.sv().clients.Create(who, actor, *input);
  ASSERT_TRUE(client.ok());
  auto office = t.LoginAs(w.coordinator_email);
  ASSERT_EQ(office.Submit(w.booking_path + "/handoff", StartFields(w)).status, 303);
  EXPECT_EQ(CountRows(t, "SELECT COUNT(*) FROM client"), 1);
  EXPECT_EQ(CountRows(t, "SELECT client_id FROM referral"), *client);
}

}  // namespace
}  // namespace tsunagu::testing

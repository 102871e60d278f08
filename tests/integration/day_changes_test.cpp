// Cancelling and moving a consultation day that people have booked (issue 3), through the
// 事務局's pages on both engines: everyone is told (e-mail in one transaction, a list of people
// to call), staff notices carry no personal data, places are released, notices before the day
// are re-armed for a new date, bad input changes nothing, other organisations get a 404.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using ::testing::HasSubstr;
using ::testing::Not;

// Personal data that must never reach the staff notice, the audit log or a log line.
constexpr const char* kMailName = "カナリア花子QZ";
constexpr const char* kPhoneName = "電話カナリア次郎QZ";
constexpr const char* kWaitName = "待機カナリア三郎QZ";
constexpr const char* kFurigana = "かなりあ";
constexpr const char* kPhone = "09077778888";
constexpr const char* kDiagnosis = "カナリア肉腫QZ";
constexpr const char* kNotes = "カナリア自由記述QZ";
constexpr const char* kReason = "講師急病のため理由カナリアQZ";

BookingRequest Request(std::int64_t slot_id, const std::string& name, const std::string& email,
                       const std::string& phone, const std::string& channel) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = channel;
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "カナリア市QZ";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work"};
  r.contact = {name, kFurigana, phone, email, kDiagnosis, kNotes};
  r.consent = true;
  return r;
}

struct World {
  std::int64_t org = 0;
  auth::Principal coordinator;
  audit::Actor actor;
  std::string coordinator_email;
  std::string nurse_email;
  std::string other_email;  // admin of another organisation
  std::int64_t program = 0;
  std::int64_t day_id = 0;
  core::Date date;
  std::vector<consultations::Slot> slots;
  std::string mail_address;  // the booked person with an e-mail address
  std::string mail_reference;
  std::int64_t mail_booking = 0;
  std::string phone_reference;
  std::string wait_address;  // on the waiting list
};

// A programme with one day ten days from now, 18:00–21:00 with three 45-minute slots of two
// places, a nurse on its roster, and three people: one booked with an e-mail address (second
// slot), one booked by phone only (first slot), one on the waiting list. `tag` keeps the
// e-mail addresses of each test apart (the SMTP sink is shared by the whole run).
World MakeWorld(TestServer& t, const std::string& tag) {
  World w;
  w.org = t.CreateOrg("つなぐ県 疾病対策課 " + tag, "municipality");
  const auto other_org = t.CreateOrg("別の病院 " + tag);
  w.coordinator_email = "jimu-" + tag + "@example.jp";
  w.nurse_email = "nurse-" + tag + "@example.jp";
  w.other_email = "other-" + tag + "@example.jp";
  const auto coord =
      t.CreateUser({w.coordinator_email, "事務局", "coordinator", "clerical", w.org});
  const auto nurse = t.CreateUser({w.nurse_email, "看護 花子", "counselor", "nurse", w.org});
  t.CreateUser({w.other_email, "他の管理者", "admin", "nurse", other_org});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.actor = {coord, w.org, "127.0.0.1", "test"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  w.date = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), 10);
  DaySettings settings;
  settings.venue = "県庁本館 相談室";
  auto day =
      t.sv().board.AddDay(w.coordinator, w.actor, w.program, w.date, 18 * 60, 21 * 60, settings);
  EXPECT_TRUE(day.ok());
  w.day_id = *day;
  EXPECT_TRUE(t.sv().board.SetRoster(w.coordinator, w.actor, w.program, w.day_id, {nurse}).ok());
  auto full = t.sv().consultations.GetDay(w.coordinator, w.program, w.day_id);
  EXPECT_TRUE(full.ok());
  w.slots = full->slots;
  EXPECT_EQ(w.slots.size(), 3u);
  w.mail_address = "booked-" + tag + "@example.jp";
  w.wait_address = "waiting-" + tag + "@example.jp";
  const audit::Actor web{0, w.org, "127.0.0.1", "t"};
  auto mail = t.sv().consultations.Book(
      Request(w.slots[1].id, kMailName, w.mail_address, "", "web"), web, nullptr);
  auto phone = t.sv().consultations.Book(Request(w.slots[0].id, kPhoneName, "", kPhone, "phone"),
                                         web, nullptr);
  auto wait = t.sv().board.AddToWaitingList(w.coordinator, w.actor, w.program, w.day_id,
                                            Request(0, kWaitName, w.wait_address, kPhone, "phone"));
  EXPECT_TRUE(mail.ok() && phone.ok() && wait.ok());
  w.mail_reference = mail->reference;
  w.mail_booking = mail->booking_id;
  w.phone_reference = phone->reference;
  return w;
}

std::string DayPath(const World& w) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day_id);
}

long long Number(TestServer& t, const std::string& sql, long long id) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::use(id), soci::into(n);
    return n;
  });
}

std::string Text(TestServer& t, const std::string& sql, long long id) {
  return *t.app().db().Read<std::string>([&](soci::session& s) {
    std::string v;
    s << sql, soci::use(id), soci::into(v);
    return v;
  });
}

std::string AllAuditDetails(TestServer& t) {
  return *t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT action, detail FROM audit_event");
    for (const auto& r : rows) all += r.get<std::string>(0) + " " + r.get<std::string>(1) + "\n";
    return all;
  });
}

long long Booked(TestServer& t, const World& w) {
  return Number(t, "SELECT SUM(booked) FROM consultation_slot WHERE day_id = :d", w.day_id);
}

long long StillActive(TestServer& t, const World& w) {
  return Number(t,
                "SELECT COUNT(*) FROM booking WHERE day_id = :d AND status IN "
                "('booked','offered','waiting')",
                w.day_id);
}

void ExpectNoPersonalData(const std::string& text, const std::string& what) {
  for (const std::string canary :
       {kMailName, kPhoneName, kWaitName, kFurigana, kPhone, "090-7777", kDiagnosis, kNotes,
        "カナリア市", kReason, "booked-", "waiting-"}) {
    EXPECT_THAT(text, Not(HasSubstr(canary))) << what << " leaks " << canary;
  }
}

// ---------------------------------------------------------------- cancelling

TEST(DayChanges, CancellingADayWithBookingsTellsEveryoneAndReleasesThePlaces) {
  TestServer t;
  World w = MakeWorld(t, "cancel");
  auto c = t.LoginAs(w.coordinator_email);
  const std::string page = DayPath(w) + "/cancel";

  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr(core::FormatDate(w.date, "ja")));
  EXPECT_THAT(form.body, HasSubstr("予約：2名"));
  EXPECT_THAT(form.body, HasSubstr("キャンセル待ち：1名"));
  EXPECT_THAT(form.body, HasSubstr("メールでお知らせする方：2名"));
  EXPECT_THAT(form.body, HasSubstr("電話での連絡が必要な方：1名"));
  EXPECT_THAT(form.body, HasSubstr("name=\"reason\""));
  ExpectNoPersonalData(form.body, "the form");

  // The reason is required and limited; the typed text comes back, nothing changes.
  auto empty = c.Submit(page, {{"reason", "　 "}}, page + "/confirm");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("中止の理由を入力してください"));
  EXPECT_THAT(empty.body, HasSubstr("href=\"#reason\""));
  EXPECT_THAT(empty.body, HasSubstr("id=\"reason-error\""));  // next to the field too
  std::string too_long;
  for (int i = 0; i < 401; ++i) too_long += "長";
  auto long_reason = c.Submit(page, {{"reason", too_long}}, page + "/confirm");
  EXPECT_EQ(long_reason.status, 422);
  EXPECT_THAT(long_reason.body, HasSubstr("文字数が多すぎます"));
  EXPECT_THAT(long_reason.body, HasSubstr(">" + too_long + "</textarea>"));
  auto direct = c.Submit(page, {{"reason", ""}}, page);  // straight to the final step
  EXPECT_EQ(direct.status, 422);
  EXPECT_THAT(direct.body, HasSubstr("中止の理由を入力してください"));
  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "scheduled");
  EXPECT_EQ(StillActive(t, w), 3);
  EXPECT_EQ(Booked(t, w), 2);

  // The confirmation shows the reason and changes nothing; 「戻って修正する」 keeps it.
  auto confirm = c.Submit(page, {{"reason", kReason}}, page + "/confirm");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_THAT(confirm.body, HasSubstr("中止してお知らせを送る"));
  EXPECT_THAT(confirm.body, HasSubstr("name=\"reason\" value=\"" + std::string(kReason) + "\""));
  auto edit = c.Submit(page, {{"reason", kReason}}, page + "/edit");
  EXPECT_THAT(edit.body, HasSubstr(">" + std::string(kReason) + "</textarea>"));
  EXPECT_EQ(StillActive(t, w), 3);

  auto done = c.Submit(page, {{"reason", kReason}}, page);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("開催日を中止しました"));
  EXPECT_THAT(done.body, HasSubstr("2名の方に、メールでお知らせしました"));
  EXPECT_THAT(done.body, HasSubstr("相談スタッフ1名"));
  // The person without an e-mail address is listed to be called, with the slot's time.
  EXPECT_THAT(done.body, HasSubstr(w.phone_reference));
  EXPECT_THAT(done.body, HasSubstr(kPhoneName));
  EXPECT_THAT(done.body, HasSubstr("090-7777-8888")) << "hyphenated by area code";
  EXPECT_THAT(done.body, HasSubstr("18:15〜19:00"));
  EXPECT_THAT(done.body, Not(HasSubstr(kMailName)));

  // One transaction did all of it: day, bookings, places, audit.
  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "cancelled");
  EXPECT_EQ(StillActive(t, w), 0);
  EXPECT_EQ(Booked(t, w), 0);
  EXPECT_EQ(Number(t,
                   "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.read' AND target_id "
                   "= CAST(:d AS TEXT)",
                   w.day_id),
            1)
      << "reading the names to call is audited";
  const std::string audit = AllAuditDetails(t);
  EXPECT_THAT(audit, HasSubstr("consultation_day.cancel {\"bookings\":3,\"emailed\":2"));
  ExpectNoPersonalData(audit, "the audit log");

  // The booked person: a polite e-mail with the 和暦 date, the reason and a way to book again.
  std::string mail = MailSink::Get().WaitFor(w.mail_address);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("相談会中止のお知らせ"));
  EXPECT_THAT(mail, HasSubstr(w.mail_reference));
  EXPECT_THAT(mail, HasSubstr(core::FormatDate(w.date, "ja") + " 19:00〜19:45"));
  EXPECT_THAT(mail, HasSubstr(kReason));
  EXPECT_THAT(mail, HasSubstr("お詫び申し上げます"));
  EXPECT_THAT(mail, HasSubstr(t.config().server.public_url + "/book/" + std::to_string(w.program)));
  EXPECT_THAT(mail, HasSubstr("STATUS:CANCELLED"));
  EXPECT_THAT(mail, HasSubstr("booking-" + w.mail_reference + "@tsunagu"));
  std::string waiting = MailSink::Get().WaitFor(w.wait_address);
  EXPECT_THAT(waiting, HasSubstr("キャンセル待ちのご登録は、事務局で取り消しました"));

  // The rostered nurse hears that the day is off, and nothing about anyone.
  std::string staff = MailSink::Get().WaitFor(w.nurse_email);
  ASSERT_FALSE(staff.empty());
  EXPECT_THAT(staff, HasSubstr("相談会中止のお知らせ"));
  EXPECT_THAT(staff, HasSubstr("予約されていた方：3名"));
  ExpectNoPersonalData(staff, "the staff notice");

  // No reminder can go out for the cancelled day, and the day cannot be cancelled twice.
  EXPECT_EQ(*t.app().notices().SendDue(core::AddDays(w.date, -1)), 0);
  EXPECT_EQ(*t.app().notices().SendDue(core::AddDays(w.date, -2)), 0);
  EXPECT_TRUE(t.NoMailFor(w.mail_address));
  EXPECT_EQ(c.Get(page).status, 404);
  EXPECT_EQ(c.Get(DayPath(w) + "/move").status, 404);
}

TEST(DayChanges, ADayWithNobodyBookedIsCancelledWithoutAReason) {
  TestServer t;
  World w = MakeWorld(t, "empty");
  ASSERT_TRUE(t.app()
                  .db()
                  .WriteVoid([&](soci::session& s) {
                    long long d = w.day_id;
                    s << "UPDATE booking SET status = 'cancelled' WHERE day_id = :d", soci::use(d);
                    s << "UPDATE consultation_slot SET booked = 0 WHERE day_id = :d", soci::use(d);
                  })
                  .ok());
  auto c = t.LoginAs(w.coordinator_email);
  const std::string page = DayPath(w) + "/cancel";
  auto form = c.Get(page);
  EXPECT_THAT(form.body, HasSubstr("この日の予約・キャンセル待ちはありません"));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"reason\"")));
  auto done = c.Submit(page, {}, page);
  ASSERT_EQ(done.status, 303);
  EXPECT_THAT(c.Get(done.Header("location")).body, HasSubstr("開催日を中止しました"));
  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "cancelled");
}

// ---------------------------------------------------------------- moving

TEST(DayChanges, MovingADayShiftsItsSlotsBookingsFollowAndNoticesGoOutAgain) {
  TestServer t;
  World w = MakeWorld(t, "move");
  const core::Date new_date = core::AddDays(w.date, 7);
  // Notices for the old date have gone out already.
  ASSERT_EQ(*t.app().notices().SendDue(core::AddDays(w.date, -1)), 2);  // the nurse, the person
  ASSERT_FALSE(MailSink::Get().WaitFor(w.nurse_email).empty());
  ASSERT_FALSE(MailSink::Get().WaitFor(w.mail_address).empty());

  auto c = t.LoginAs(w.coordinator_email);
  const std::string page = DayPath(w) + "/move";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("value=\"" + core::ToIso(w.date) + "\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"18:00\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"県庁本館 相談室\""));

  auto confirm = c.Submit(page,
                          {{"date", core::ToIso(new_date)},
                           {"start", "19:00"},
                           {"venue", "県庁別館 会議室"},
                           {"message", "会場改修のため"}},
                          page + "/confirm");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_THAT(confirm.body, HasSubstr(core::FormatDate(new_date, "ja")));
  EXPECT_THAT(confirm.body, HasSubstr("19:00〜22:00"));
  EXPECT_THAT(confirm.body, HasSubstr("<td>19:00〜19:45</td><th scope=\"row\">20:00〜20:45</th>"));
  EXPECT_THAT(confirm.body, HasSubstr("県庁別館 会議室"));
  EXPECT_EQ(Text(t, "SELECT day_date FROM consultation_day WHERE id = :d", w.day_id),
            core::ToIso(w.date))
      << "the confirmation writes nothing";

  auto done = c.Submit(page,
                       {{"date", core::ToIso(new_date)},
                        {"start", "19:00"},
                        {"venue", "県庁別館 会議室"},
                        {"message", "会場改修のため"}},
                       page);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_THAT(done.body, HasSubstr("開催日を変更しました"));
  EXPECT_THAT(done.body, HasSubstr("2名の方に、メールでお知らせしました"));
  EXPECT_THAT(done.body, HasSubstr(kPhoneName));
  EXPECT_THAT(done.body, HasSubstr("19:15〜20:00")) << "the phone person's new time";

  // The day, its slots and the bookings moved together; nothing else changed.
  EXPECT_EQ(Text(t, "SELECT day_date FROM consultation_day WHERE id = :d", w.day_id),
            core::ToIso(new_date));
  EXPECT_EQ(Text(t, "SELECT moved_from FROM consultation_day WHERE id = :d", w.day_id),
            core::ToIso(w.date));
  EXPECT_EQ(Text(t, "SELECT venue FROM consultation_day WHERE id = :d", w.day_id),
            "県庁別館 会議室");
  EXPECT_EQ(Number(t, "SELECT end_minutes FROM consultation_day WHERE id = :d", w.day_id), 22 * 60);
  for (std::size_t i = 0; i < w.slots.size(); ++i) {
    EXPECT_EQ(Number(t, "SELECT start_minutes FROM consultation_slot WHERE id = :s", w.slots[i].id),
              w.slots[i].start_minutes + 60);
    EXPECT_EQ(Number(t, "SELECT end_minutes FROM consultation_slot WHERE id = :s", w.slots[i].id),
              w.slots[i].end_minutes + 60);
  }
  EXPECT_EQ(Number(t, "SELECT slot_id FROM booking WHERE id = :b", w.mail_booking), w.slots[1].id);
  EXPECT_EQ(StillActive(t, w), 3);
  EXPECT_EQ(Booked(t, w), 2);
  EXPECT_EQ(Number(t, "SELECT COUNT(*) FROM day_notice WHERE day_id = :d", w.day_id), 0);

  std::string mail = MailSink::Get().WaitFor(w.mail_address);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("日時・会場変更のお知らせ"));
  EXPECT_THAT(mail, HasSubstr(w.mail_reference));
  EXPECT_THAT(mail, HasSubstr("変更前：" + core::FormatDate(w.date, "ja") + " 19:00〜19:45"));
  EXPECT_THAT(mail, HasSubstr("変更後：" + core::FormatDate(new_date, "ja") + " 20:00〜20:45"));
  EXPECT_THAT(mail, HasSubstr("県庁別館 会議室"));
  EXPECT_THAT(mail, HasSubstr("会場改修のため"));
  EXPECT_THAT(mail, HasSubstr("取消用のリンク"));
  EXPECT_THAT(mail, HasSubstr("SEQUENCE:"));
  std::string waiting = MailSink::Get().WaitFor(w.wait_address);
  EXPECT_THAT(waiting, HasSubstr("変更後：" + core::FormatDate(new_date, "ja") + " 19:00〜22:00"));
  std::string staff = MailSink::Get().WaitFor(w.nurse_email);
  EXPECT_THAT(staff, HasSubstr("変更後：" + core::FormatDate(new_date, "ja") + " 19:00〜22:00"));
  ExpectNoPersonalData(staff, "the staff notice");
  ExpectNoPersonalData(AllAuditDetails(t), "the audit log");

  // The old date is quiet; the new date's notices go out (staff, and the booked person).
  EXPECT_EQ(*t.app().notices().SendDue(core::AddDays(w.date, -1)), 0);
  EXPECT_EQ(*t.app().notices().SendDue(core::AddDays(new_date, -1)), 2);
  std::string reminder = MailSink::Get().WaitFor(w.mail_address);
  EXPECT_THAT(reminder, HasSubstr(core::FormatDate(new_date, "ja") + " 20:00〜20:45"));
  EXPECT_FALSE(MailSink::Get().WaitFor(w.nurse_email).empty());
}

// A day generated from the rule and then moved by hand is not generated again on its old date.
TEST(DayChanges, GeneratingTheYearAgainLeavesAMovedDayAlone) {
  TestServer t;
  World w = MakeWorld(t, "regen");
  auto rule = Seed001ScheduleRule();
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  // Next fiscal year: all of it lies ahead, whatever today is (this year may have no day left).
  const int fy = core::FiscalYear(today) + 1;
  auto first = t.sv().consultations.GenerateDays(w.coordinator, w.actor, w.program, rule, fy, {});
  ASSERT_TRUE(first.ok());
  auto days = t.sv().consultations.OpenDays(w.program, core::AddDays(today, 1));
  ASSERT_TRUE(days.ok());
  const consultations::ConsultationDay* generated = nullptr;
  for (const auto& d : *days) {
    if (d.id != w.day_id && core::FiscalYear(d.date) == fy) generated = &d;
  }
  ASSERT_NE(generated, nullptr) << "the rule has days next fiscal year";
  consultations::DayMove move;
  move.date = core::AddDays(generated->date, 1);
  move.start_minutes = generated->start_minutes;
  move.venue = generated->venue;
  auto moved = t.sv().day_changes.MoveDay(w.coordinator, w.actor, w.program, generated->id, move);
  ASSERT_TRUE(moved.ok()) << moved.error().message_key;

  auto again = t.sv().consultations.GenerateDays(w.coordinator, w.actor, w.program, rule, fy, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->created, 0) << "the moved day's old date is not filled again";
}

TEST(DayChanges, ABadMoveIsRefusedWithTheInputKeptAndNothingChanged) {
  TestServer t;
  World w = MakeWorld(t, "badmove");
  const core::Date taken = core::AddDays(w.date, 14);
  ASSERT_TRUE(
      t.sv()
          .board.AddDay(w.coordinator, w.actor, w.program, taken, 18 * 60, 21 * 60, DaySettings{})
          .ok());
  auto c = t.LoginAs(w.coordinator_email);
  const std::string page = DayPath(w) + "/move";
  const std::string iso = core::ToIso(w.date);
  const core::Date yesterday = core::AddDays(core::DateFromUnixSeconds(t.clock().NowSeconds()), -1);
  struct Case {
    std::string date, start, venue, message, error;
  };
  const std::string long_text(401 * 3, 'x');
  for (const Case& bad : std::vector<Case>{
           {"2025-02-30", "18:00", "", "", "新しい開催日を正しく入力してください"},
           {"明日", "18:00", "", "", "新しい開催日を正しく入力してください"},
           {core::ToIso(yesterday), "18:00", "", "", "過ぎた日には変更できません"},
           {iso, "25:00", "", "", "新しい開始時刻を正しく入力してください"},
           {iso, "", "", "", "新しい開始時刻を正しく入力してください"},
           {iso, "22:00", "", "", "終了時刻が24:00を過ぎてしまいます"},
           {iso, "18:00", "県庁本館 相談室", "", "日時も会場も変わっていません"},
           {core::ToIso(taken), "18:00", "", "", "この事業の別の開催日があります"},
           {iso, "19:00", long_text.substr(0, 201), "", "文字数が多すぎます"},
           {iso, "19:00", "", long_text, "文字数が多すぎます"},
       }) {
    const std::vector<std::pair<std::string, std::string>> fields = {
        {"date", bad.date}, {"start", bad.start}, {"venue", bad.venue}, {"message", bad.message}};
    for (const std::string& target : {page + "/confirm", page}) {
      auto refused = c.Submit(page, fields, target);
      EXPECT_EQ(refused.status, 422) << bad.date << " " << bad.start << " " << target;
      EXPECT_THAT(refused.body, HasSubstr(bad.error)) << bad.date << " " << bad.start;
      EXPECT_THAT(refused.body, HasSubstr("class=\"error-summary\""));
      EXPECT_THAT(refused.body, HasSubstr("aria-invalid=\"true\""));
      EXPECT_THAT(refused.body, HasSubstr("value=\"" + bad.date + "\"")) << "input kept";
    }
  }
  EXPECT_EQ(Text(t, "SELECT day_date FROM consultation_day WHERE id = :d", w.day_id), iso);
  EXPECT_EQ(Number(t, "SELECT start_minutes FROM consultation_slot WHERE id = :s", w.slots[0].id),
            w.slots[0].start_minutes);
  EXPECT_EQ(Number(t,
                   "SELECT COUNT(*) FROM audit_event WHERE action = 'consultation_day.move' "
                   "AND target_id = CAST(:d AS TEXT)",
                   w.day_id),
            0);

  // Once someone has been received, the day stays where it is; afterwards it was held.
  const std::int64_t evening = std::int64_t{core::DaysBetween({1970, 1, 1}, w.date)} * 86400 +
                               (18 * 60 + 20) * 60 - 9 * 3600;
  t.clock().Set(evening);
  ASSERT_TRUE(t.sv().board.CheckIn(w.coordinator, w.actor, w.program, w.mail_booking).ok());
  c = t.LoginAs(w.coordinator_email);  // the clock moved past the session's lifetime
  auto started = c.Get(page);
  EXPECT_EQ(started.status, 409);
  EXPECT_THAT(started.body, HasSubstr("来所の記録があるため、変更できません"));
  auto plan =
      t.sv().day_changes.PlanMove(w.coordinator, w.program, w.day_id,
                                  {core::AddDays(w.date, 1), 18 * 60, "県庁本館 相談室", ""});
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().message_key, "daychange.error.started");
  t.clock().Set(evening + 2 * 86400);
  c = t.LoginAs(w.coordinator_email);
  auto past = c.Get(page);
  EXPECT_EQ(past.status, 409);
  EXPECT_THAT(past.body, HasSubstr("すでに終わっているため"));
  auto held = c.Get(DayPath(w) + "/cancel");
  EXPECT_EQ(held.status, 409);
  EXPECT_THAT(held.body, HasSubstr("開催した日として扱います"));
  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "scheduled");
}

TEST(DayChanges, APastDayIsRecordedAsNotHeldWithoutTellingAnyone) {
  TestServer t;
  World w = MakeWorld(t, "past");
  t.clock().Set(std::int64_t{core::DaysBetween({1970, 1, 1}, w.date)} * 86400 + 86400 + 3600);
  auto c = t.LoginAs(w.coordinator_email);
  const std::string page = DayPath(w) + "/cancel";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("開催しなかった日として「中止」を記録し"));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"reason\"")));
  auto done = c.Submit(page, {}, page);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "cancelled");
  EXPECT_EQ(StillActive(t, w), 0);
  EXPECT_EQ(Booked(t, w), 0);
  EXPECT_THAT(AllAuditDetails(t), HasSubstr("\"past\":true"));
  for (const std::string& address : {w.mail_address, w.wait_address, w.nurse_email}) {
    EXPECT_TRUE(t.NoMailFor(address)) << address;
  }
}

// ---------------------------------------------------------------- organisation walls

TEST(DayChanges, AnotherOrganisationGetsTheSameNotFoundAsAMissingDay) {
  TestServer t;
  World w = MakeWorld(t, "walls");
  auto other = t.LoginAs(w.other_email);
  const std::string real = DayPath(w);
  const std::string missing = "/programs/" + std::to_string(w.program) + "/days/987654";
  const std::string garbage = "/programs/" + std::to_string(w.program) + "/days/x1";
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"reason", kReason}, {"date", core::ToIso(core::AddDays(w.date, 1))}, {"start", "18:00"}};
  for (const std::string& day : {real, missing, garbage}) {
    for (const std::string step : {"/cancel", "/move"}) {
      auto page = other.Get(day + step);
      EXPECT_EQ(page.status, 404) << day << step;
      ExpectNoPersonalData(page.body, day + step);
      EXPECT_THAT(page.body, Not(HasSubstr("ワンストップ相談")));
      for (const std::string post : {"", "/confirm", "/edit"}) {
        auto refused = other.Submit("/programs", fields, day + step + post);
        EXPECT_EQ(refused.status, 404) << day << step << post;
        EXPECT_THAT(refused.body, Not(HasSubstr("ワンストップ相談")));
      }
    }
  }
  // The day of one programme under another programme's path is missing too.
  auto second = t.sv().consultations.CreateProgram(w.coordinator, w.actor, "別の事業", "");
  ASSERT_TRUE(second.ok());
  auto mine = t.LoginAs(w.coordinator_email);
  EXPECT_EQ(mine.Get("/programs/" + std::to_string(*second) + "/days/" + std::to_string(w.day_id) +
                     "/cancel")
                .status,
            404);
  // A counselor of the same organisation is not the 事務局.
  auto nurse = t.LoginAs(w.nurse_email);
  EXPECT_EQ(nurse.Get(real + "/cancel").status, 403);
  EXPECT_EQ(nurse.Get(real + "/move").status, 403);

  EXPECT_EQ(Text(t, "SELECT status FROM consultation_day WHERE id = :d", w.day_id), "scheduled");
  EXPECT_EQ(Text(t, "SELECT day_date FROM consultation_day WHERE id = :d", w.day_id),
            core::ToIso(w.date));
  EXPECT_EQ(StillActive(t, w), 3);
}

}  // namespace
}  // namespace tsunagu::testing

// The consultation day's board through HTTP on both engines (issue 3, seed 001 ア–エ): who sees
// names, organisation walls, bookings taken by staff with kept input, walk-ins, check-in and
// the record link, cancelling with the waiting list's offer e-mail and its public page, the
// roster, days added by hand, CSRF, and the programme page's links.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::ConsultationDay;
using consultations::DaySettings;
using consultations::HolidayPolicy;
using consultations::ScheduleRule;
using ::testing::HasSubstr;
using ::testing::Not;

using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kClientName = "カナリア予約者QZ";
constexpr const char* kClientPhone = "090-1111-2222";
constexpr const char* kStoredPhone = "09011112222";  // as normalised when stored

BookingRequest Request(std::int64_t slot_id, const std::string& name, const std::string& email) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "phone";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "さいたま市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work"};
  r.contact.name = name;
  r.contact.furigana = "かなりあ よやく";
  r.contact.phone = kClientPhone;
  r.contact.email = email;
  r.consent = true;
  return r;
}

struct World {
  std::int64_t org = 0;
  std::int64_t other_org = 0;
  std::int64_t counselor_id = 0;
  std::int64_t foreign_id = 0;
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  ConsultationDay day;  // an open day after today
  std::vector<std::int64_t> bookings;
  std::vector<std::string> references;
};

// A programme whose days have `booths` places per slot; the first day after today gets one
// booking in each of its first `bookings` slots.
World MakeWorld(TestServer& t, int booths, int bookings) {
  World w;
  w.org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  w.other_org = t.CreateOrg("別の病院");
  auto coord = t.CreateUser({"jimu@example.jp", "事務局 一郎", "coordinator", "clerical", w.org});
  w.counselor_id =
      t.CreateUser({"counselor@example.jp", "相談員 看護", "counselor", "nurse", w.org});
  t.CreateUser({"viewer@example.jp", "閲覧者", "viewer", "clerical", w.org});
  w.foreign_id =
      t.CreateUser({"other@example.jp", "他の事務局", "coordinator", "clerical", w.other_org});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.actor = {coord, w.org, "127.0.0.1", "test"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, w.actor, "ワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  auto rule = Seed001ScheduleRule();
  DaySettings settings;
  settings.booths = booths;
  settings.venue = "県庁 相談室";
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  for (int fy : {core::FiscalYear(today), core::FiscalYear(today) + 1}) {
    EXPECT_TRUE(
        t.sv()
            .consultations.GenerateDays(w.coordinator, w.actor, w.program, rule, fy, settings)
            .ok());
  }
  auto open = t.sv().consultations.OpenDays(w.program, today, 2);
  EXPECT_TRUE(open.ok() && open->size() == 2);
  if (!open.ok() || open->size() < 2) return w;
  w.day = open->front().date > today ? open->front() : (*open)[1];
  for (int i = 0; i < bookings; ++i) {
    auto receipt =
        t.sv().consultations.Book(Request(w.day.slots[i % w.day.slots.size()].id, kClientName, ""),
                                  {0, w.org, "127.0.0.1", "t"}, nullptr);
    EXPECT_TRUE(receipt.ok());
    if (!receipt.ok()) continue;
    w.bookings.push_back(receipt->booking_id);
    w.references.push_back(receipt->reference);
  }
  return w;
}

std::string DayPath(const World& w) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day.id);
}

std::string BookingPath(const World& w, std::int64_t booking) {
  return DayPath(w) + "/bookings/" + std::to_string(booking);
}

// The clock at 18:30 JST on the day (before anyone logs in: sessions expire when idle).
void MoveToTheEvening(TestServer& t, const World& w) {
  t.clock().Set(std::int64_t{core::DaysBetween({1970, 1, 1}, w.day.date)} * 86400 +
                (18 * 60 + 30) * 60 - 9 * 3600);
}

int Count(TestServer& t, const std::string& sql) {
  return *t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << sql, soci::into(n);
    return n;
  });
}

std::string StatusOf(TestServer& t, std::int64_t booking) {
  return *t.app().db().Read<std::string>([&](soci::session& s) {
    std::string status;
    long long id = booking;
    s << "SELECT status FROM booking WHERE id = :id", soci::use(id), soci::into(status);
    return status;
  });
}

int Booked(TestServer& t, std::int64_t slot_id) {
  return *t.app().db().Read<int>([&](soci::session& s) {
    int booked = 0;
    long long id = slot_id;
    s << "SELECT booked FROM consultation_slot WHERE id = :id", soci::use(id), soci::into(booked);
    return booked;
  });
}

Fields Answers(std::int64_t slot, const std::string& channel, const std::string& name,
               const std::string& email) {
  return {{"channel", channel},
          {"slot", std::to_string(slot)},
          {"for_family", "self"},
          {"gender", "male"},
          {"age_band", "50s"},
          {"municipality", "川越市"},
          {"heard_from", "leaflet"},
          {"diagnosis", "大腸がん"},
          {"treatment_status", "follow_up"},
          {"work_status", "employed"},
          {"topics", "work"},
          {"topics", "finances"},
          {"name", name},
          {"furigana", "でんわ たろう"},
          {"phone", "048-123-4567"},
          {"email", email},
          {"notes", ""},
          {"consent", "1"}};
}

Fields Without(Fields fields, const std::string& name) {
  fields.erase(
      std::remove_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; }),
      fields.end());
  return fields;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// The path of the first link in `text` that starts with `prefix` (up to a space or line end).
std::string LinkPath(const std::string& text, const std::string& prefix) {
  const auto at = text.find(prefix);
  if (at == std::string::npos) return {};
  return text.substr(at, text.find_first_of(" \r\n", at) - at);
}

TEST(BoardPages, TheCoordinatorSeesNamesACounselorDoesNotAViewerIsRefused) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  const std::string audit_reads = "SELECT COUNT(*) FROM audit_event WHERE action = 'booking.read'";

  auto coordinator = t.LoginAs("jimu@example.jp");
  auto board = coordinator.Get(DayPath(w));
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_THAT(board.body, HasSubstr(core::FormatDate(w.day.date, "ja")));
  EXPECT_THAT(board.body, HasSubstr("18:00〜21:00"));
  EXPECT_THAT(board.body, HasSubstr("県庁 相談室"));
  EXPECT_THAT(board.body, HasSubstr(w.references[0]));
  EXPECT_THAT(board.body, HasSubstr(kClientName));
  // Stored as kStoredPhone, shown hyphenated by area code.
  EXPECT_THAT(board.body, HasSubstr("090-1111-2222"));
  EXPECT_THAT(board.body, Not(HasSubstr(kStoredPhone)));
  EXPECT_THAT(board.body, HasSubstr("予約済"));
  EXPECT_THAT(board.body, HasSubstr("仕事に関すること"));
  EXPECT_THAT(board.body, HasSubstr(BookingPath(w, w.bookings[0]) + "/cancel"));
  EXPECT_EQ(board.Header("cache-control"), "no-store");
  EXPECT_EQ(Count(t, audit_reads), 1) << "reading names is audited";

  auto counselor = t.LoginAs("counselor@example.jp");
  auto seen = counselor.Get(DayPath(w));
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_THAT(seen.body, HasSubstr(w.references[0]));
  EXPECT_THAT(seen.body, HasSubstr("仕事に関すること"));
  EXPECT_THAT(seen.body, Not(HasSubstr(kClientName)));
  EXPECT_THAT(seen.body, Not(HasSubstr(kStoredPhone)));
  EXPECT_THAT(seen.body, Not(HasSubstr("090-1111-2222")));
  EXPECT_THAT(seen.body, Not(HasSubstr("/cancel")));
  EXPECT_EQ(Count(t, audit_reads), 1) << "no names were read for the counselor";
  EXPECT_EQ(counselor.Get(DayPath(w) + "/book").status, 403);

  auto viewer = t.LoginAs("viewer@example.jp");
  auto refused = viewer.Get(DayPath(w));
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(refused.body, Not(HasSubstr(w.references[0])));

  auto english = coordinator.Get(DayPath(w) + "?lang=en");
  EXPECT_THAT(english.body, HasSubstr("Slots and bookings"));
  EXPECT_THAT(english.body, HasSubstr("Booked"));
  for (const std::string path : {"/book", "/waiting", "/roster"}) {
    EXPECT_EQ(coordinator.Get(DayPath(w) + path).status, 200) << path;
  }
  EXPECT_TRUE(t.sv().catalog.UnresolvedKeys().empty());
}

TEST(BoardPages, AnotherOrganisationGetsTheSamePageAsAMissingDay) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  auto c = t.LoginAs("other@example.jp");
  const std::string real = DayPath(w);
  const std::string missing = "/programs/" + std::to_string(w.program) + "/days/999999";
  for (const std::string suffix : {"", "/roster", "/book", "/waiting"}) {
    auto ra = c.Get(real + suffix);
    auto rb = c.Get(missing + suffix);
    EXPECT_EQ(ra.status, 404) << suffix;
    EXPECT_EQ(rb.status, 404) << suffix;
    EXPECT_EQ(Replace(ra.body, real, "PATH"), Replace(rb.body, missing, "PATH")) << suffix;
    EXPECT_THAT(ra.body, Not(HasSubstr(w.references[0])));
  }
  const std::string booking = BookingPath(w, w.bookings[0]);
  EXPECT_EQ(c.Get(booking + "/cancel").status, 404);
  EXPECT_EQ(c.Submit("/", {}, booking + "/cancel").status, 404);
  EXPECT_EQ(c.Submit("/", {{"booth", "1"}}, booking + "/assign").status, 404);
  EXPECT_EQ(c.Submit("/", {{"staff", std::to_string(w.foreign_id)}}, real + "/roster").status, 404);
  EXPECT_EQ(StatusOf(t, w.bookings[0]), "booked");
  EXPECT_EQ(c.Get("/programs/" + std::to_string(w.program) + "/days/new").status, 404);
}

TEST(BoardPages, APhoneBookingWithBadInputKeepsTheInputAndChangesNothing) {
  TestServer t;
  auto w = MakeWorld(t, 1, 0);
  auto c = t.LoginAs("jimu@example.jp");
  const std::string form = DayPath(w) + "/book";
  const std::int64_t slot = w.day.slots[0].id;
  auto page = c.Get(form);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("個人情報の取扱いについて説明し、同意を得た"));
  EXPECT_THAT(page.body, HasSubstr("id=\"channel\""));
  EXPECT_THAT(page.body, HasSubstr("name=\"topics\""));

  auto bad = Without(Answers(slot, "phone", "<b>電話 太郎</b>", ""), "gender");
  auto refused = c.Submit(form, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("性別を選んでください"));
  EXPECT_THAT(refused.body, HasSubstr("&lt;b&gt;電話 太郎&lt;/b&gt;"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"川越市\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"finances\" checked"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"" + std::to_string(slot) + "\" selected"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking"), 0);
  EXPECT_EQ(Booked(t, slot), 0);

  auto no_consent = c.Submit(form, Without(Answers(slot, "phone", "電話 太郎", ""), "consent"));
  EXPECT_EQ(no_consent.status, 422);
  EXPECT_THAT(no_consent.body, HasSubstr("個人情報の取扱いへの同意が必要です"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking"), 0);

  auto done = c.Submit(form, Answers(slot, "phone", "電話 太郎", ""));
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_THAT(done.Header("location"), HasSubstr(DayPath(w) + "?done=booked&ref=TS-"));
  EXPECT_EQ(Booked(t, slot), 1);
  auto board = c.Get(done.Header("location"));
  EXPECT_THAT(board.body, HasSubstr("予約を登録しました"));
  EXPECT_THAT(board.body, HasSubstr("電話 太郎"));
  EXPECT_THAT(board.body, HasSubstr("<td>電話</td>"));

  // The slot has one place: a second booking for it is 満席, with the input kept.
  auto full = c.Submit(form, Answers(slot, "mail", "二人目 花子", "futari@example.jp"));
  EXPECT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("この枠は満席です"));
  EXPECT_THAT(full.body, HasSubstr("value=\"二人目 花子\""));
  EXPECT_THAT(full.body, HasSubstr("value=\"futari@example.jp\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking"), 1);
  EXPECT_EQ(Booked(t, slot), 1);
}

TEST(BoardPages, AWalkInOnAnotherDayIsRefusedWithTheReason) {
  TestServer t;
  auto w = MakeWorld(t, 2, 0);
  auto c = t.LoginAs("jimu@example.jp");
  const std::int64_t slot = w.day.slots[0].id;
  auto refused = c.Submit(DayPath(w) + "/book", Answers(slot, "walk_in", "当日 来所", ""));
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("当日受付は開催日当日のみ登録できます"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"walk_in\" checked"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"当日 来所\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking"), 0);
  EXPECT_EQ(Booked(t, slot), 0);
}

TEST(BoardPages, AWalkInOnTheDayIsBookedAndCheckedIn) {
  TestServer t;
  auto w = MakeWorld(t, 2, 0);
  MoveToTheEvening(t, w);
  auto c = t.LoginAs("jimu@example.jp");
  const std::int64_t slot = w.day.slots[1].id;
  auto done = c.Submit(DayPath(w) + "/book", Answers(slot, "walk_in", "当日 来所", ""));
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM booking WHERE status = 'attended' AND channel = "
                  "'walk_in'"),
            1);
}

TEST(BoardPages, CheckInThenTheRecordLinkAppears) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  const std::string booking = BookingPath(w, w.bookings[0]);
  {
    auto early = t.LoginAs("counselor@example.jp");
    auto before = early.Get(DayPath(w));
    EXPECT_THAT(before.body, Not(HasSubstr(booking + "/check-in"))) << "no check-in before the day";
    auto refused = early.Submit(DayPath(w), {}, booking + "/check-in");
    EXPECT_EQ(refused.status, 409);
    EXPECT_THAT(refused.body, HasSubstr("開催日より前には来所・無断キャンセルを記録できません"));
    EXPECT_EQ(StatusOf(t, w.bookings[0]), "booked");
  }
  MoveToTheEvening(t, w);
  auto c = t.LoginAs("counselor@example.jp");
  auto board = c.Get(DayPath(w));
  EXPECT_THAT(board.body, HasSubstr("action=\"" + booking + "/check-in\""));
  EXPECT_THAT(board.body, Not(HasSubstr(booking + "/record")));
  auto checked = c.Submit(DayPath(w), {}, booking + "/check-in");
  ASSERT_EQ(checked.status, 303) << checked.body;
  EXPECT_EQ(checked.Header("location"),
            DayPath(w) + "?done=checked_in#booking-" + std::to_string(w.bookings[0]));
  EXPECT_EQ(StatusOf(t, w.bookings[0]), "attended");
  auto after = c.Get(DayPath(w) + "?done=checked_in");
  EXPECT_THAT(after.body, HasSubstr("来所を記録しました"));
  EXPECT_THAT(after.body, HasSubstr("href=\"" + booking + "/record\""));
  EXPECT_THAT(after.body, HasSubstr("相談記録を書く"));
  EXPECT_EQ(c.Get(booking + "/record").status, 200);
}

TEST(BoardPages, CancellingOffersThePlaceToTheFirstPersonWaiting) {
  TestServer t;
  auto w = MakeWorld(t, 1, 0);
  // Every place of the day taken.
  for (const auto& slot : w.day.slots) {
    auto r = t.sv().consultations.Book(Request(slot.id, kClientName, ""), w.actor, nullptr);
    ASSERT_TRUE(r.ok());
    w.bookings.push_back(r->booking_id);
  }
  auto c = t.LoginAs("jimu@example.jp");
  auto form = c.Get(DayPath(w) + "/book");
  EXPECT_THAT(form.body, HasSubstr("この日は満席です"));

  const std::string first = "machi-1@example.jp";
  auto waiting = c.Submit(DayPath(w) + "/waiting", Answers(0, "phone", "待機 一子", first));
  ASSERT_EQ(waiting.status, 303) << waiting.body;
  ASSERT_EQ(c.Submit(DayPath(w) + "/waiting", Answers(0, "mail", "待機 二子", "machi-2@example.jp"))
                .status,
            303);
  const std::string location = waiting.Header("location");
  const std::string waiting_id = location.substr(location.find("#booking-") + 9);
  auto board = c.Get(DayPath(w));
  EXPECT_THAT(board.body, HasSubstr("キャンセル待ち（2人）"));
  EXPECT_THAT(board.body, HasSubstr("待機 一子"));
  EXPECT_THAT(board.body,
              HasSubstr("href=\"" + DayPath(w) + "/bookings/" + waiting_id + "/cancel\""))
      << "the 事務局 can take a person off the waiting list";

  const std::string booking = BookingPath(w, w.bookings[1]);
  auto confirm = c.Get(booking + "/cancel");
  ASSERT_EQ(confirm.status, 200);
  EXPECT_THAT(confirm.body, HasSubstr("予約を取り消す"));
  EXPECT_THAT(confirm.body, HasSubstr(kClientName));
  auto cancelled = c.Submit(booking + "/cancel", {});
  ASSERT_EQ(cancelled.status, 303) << cancelled.body;
  EXPECT_EQ(StatusOf(t, w.bookings[1]), "cancelled");

  const std::string mail = MailSink::Get().WaitFor(first);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr("キャンセル待ちの相談枠が空きました"));
  EXPECT_THAT(mail, Not(HasSubstr("待機 一子")));
  const std::string offer = LinkPath(mail, "/book/offer/");
  ASSERT_FALSE(offer.empty());

  auto person = t.NewClient();
  auto page = person.Get(offer);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("予約を確定する"));
  EXPECT_THAT(page.body, HasSubstr(core::FormatDate(w.day.date, "ja")));
  EXPECT_THAT(page.body, HasSubstr("までにご確定ください"));
  EXPECT_THAT(page.body, Not(HasSubstr("待機 一子")));
  auto accepted = person.Submit(offer, {});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_THAT(accepted.body, HasSubstr("ご予約が確定しました"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking WHERE status = 'booked'"),
            static_cast<int>(w.day.slots.size()));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM booking WHERE status = 'waiting'"), 1);

  auto ended = person.Get(offer);
  EXPECT_EQ(ended.status, 404);
  EXPECT_THAT(ended.body, HasSubstr("このご案内は終了しました"));
  auto unknown = person.Get("/book/offer/not-a-real-token");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.body, HasSubstr("このご案内は終了しました"));
  EXPECT_EQ(
      person
          .Post("/book/offer/not-a-real-token", {{"csrf_token", person.cookies()["tsunagu_csrf"]}})
          .status,
      404);
  EXPECT_TRUE(t.sv().catalog.UnresolvedKeys().empty());
}

TEST(BoardPages, APublicCancelOffersThePlaceToThePersonWaiting) {
  TestServer t;
  auto w = MakeWorld(t, 1, 0);
  std::string cancel_token;
  for (const auto& slot : w.day.slots) {
    auto r = t.sv().consultations.Book(
        Request(slot.id, kClientName, "booked@example.jp"), w.actor,
        [&](const consultations::BookingReceipt& receipt, const ConsultationDay&,
            const consultations::Slot&, const consultations::Contact& contact) {
          cancel_token = receipt.cancel_token;
          notify::MailMessage m;
          m.to = contact.email;
          m.subject = "booked";
          m.text_body = "booked";
          return m;
        });
    ASSERT_TRUE(r.ok());
  }
  auto waiting = t.sv().board.AddToWaitingList(w.coordinator, w.actor, w.program, w.day.id,
                                               Request(0, "待機 三子", "machi-3@example.jp"));
  ASSERT_TRUE(waiting.ok());
  auto person = t.NewClient();
  auto cancelled = person.Submit("/book/cancel/" + cancel_token, {});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  const std::string mail = MailSink::Get().WaitFor("machi-3@example.jp");
  EXPECT_THAT(mail, HasSubstr("/book/offer/"));
  EXPECT_EQ(StatusOf(t, waiting->booking_id), "offered");
}

TEST(BoardPages, TheRosterIsSavedAndShownOnTheBoard) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  auto c = t.LoginAs("jimu@example.jp");
  const std::string page = DayPath(w) + "/roster";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("相談員 看護（看護師）"));
  EXPECT_THAT(form.body, Not(HasSubstr("閲覧者")));

  auto refused = c.Submit(page, {{"staff", std::to_string(w.foreign_id)}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("この組織または連携機関の相談スタッフから選んでください"));
  EXPECT_TRUE(t.sv().board.Roster(w.coordinator, w.program, w.day.id)->empty());

  auto saved = c.Submit(page, {{"staff", std::to_string(w.counselor_id)}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto roster = t.sv().board.Roster(w.coordinator, w.program, w.day.id);
  ASSERT_EQ(roster->size(), 1u);
  EXPECT_EQ(roster->front().user_id, w.counselor_id);
  auto board = c.Get(saved.Header("location"));
  EXPECT_THAT(board.body, HasSubstr("相談スタッフを保存しました"));
  EXPECT_THAT(board.body, HasSubstr("相談員 看護（看護師）"));
  EXPECT_THAT(c.Get(page).body,
              HasSubstr("value=\"" + std::to_string(w.counselor_id) + "\" checked"));

  // Assigning a booth outside the day's booths shows the problem on the board.
  const std::string booking = BookingPath(w, w.bookings[0]);
  auto bad = c.Submit(DayPath(w), {{"booth", "9"}}, booking + "/assign");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("ブース番号を確認してください"));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#booth-" + std::to_string(w.bookings[0]) + "\""));
  auto assigned =
      c.Submit(DayPath(w), {{"booth", "2"}, {"counselors", std::to_string(w.counselor_id)}},
               booking + "/assign");
  ASSERT_EQ(assigned.status, 303) << assigned.body;
  auto shown = c.Get(DayPath(w));
  EXPECT_THAT(shown.body, HasSubstr("ブース2"));
}

// Counselors do not manage programmes: their home page lists the coming days, linked to the
// boards, with counts only; another organisation's staff see none of them.
TEST(BoardPages, TheHomePageListsTheComingDaysForCounselors) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  ASSERT_TRUE(
      t.sv().board.SetRoster(w.coordinator, w.actor, w.program, w.day.id, {w.counselor_id}));
  // The day two weeks ahead at most: bring the clock to three days before it.
  t.clock().Set(
      (std::int64_t{core::DaysBetween({1970, 1, 1}, core::AddDays(w.day.date, -3))} * 86400) +
      9 * 3600);
  auto c = t.LoginAs("counselor@example.jp");
  auto home = c.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("これからの相談会"));
  EXPECT_THAT(home.body, HasSubstr("href=\"" + DayPath(w) + "\""));
  EXPECT_THAT(home.body, HasSubstr("1 / 6"));  // booked / places
  EXPECT_THAT(home.body, HasSubstr("担当者に入っています"));
  EXPECT_THAT(home.body, Not(HasSubstr(kClientName)));

  auto other = t.LoginAs("other@example.jp");
  auto foreign = other.Get("/");
  ASSERT_EQ(foreign.status, 200);
  EXPECT_THAT(foreign.body, Not(HasSubstr(DayPath(w))));
  EXPECT_THAT(foreign.body, HasSubstr("この組織の相談会の予定はありません"));
}

// 配慮すべき相談者 (seed 001 イ): the 事務局 marks a booking and the board shows it (the staff
// notice counts the flag: notices_test.cpp); a counselor may not set it.
TEST(BoardPages, TheCoordinatorMarksAPersonWhoNeedsConsideration) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  const std::string action = BookingPath(w, w.bookings[0]) + "/consideration";
  auto counselor = t.LoginAs("counselor@example.jp");
  EXPECT_EQ(counselor.Submit(DayPath(w), {{"needed", "1"}}, action).status, 403);

  auto c = t.LoginAs("jimu@example.jp");
  auto board = c.Get(DayPath(w));
  ASSERT_THAT(board.body, HasSubstr("配慮が必要な方として記録"));
  auto marked = c.Submit(DayPath(w), {{"needed", "1"}}, action);
  ASSERT_EQ(marked.status, 303) << marked.body;
  EXPECT_EQ(marked.Header("location"),
            DayPath(w) + "?done=consideration#booking-" + std::to_string(w.bookings[0]));
  auto after = c.Get(DayPath(w) + "?done=consideration");
  EXPECT_THAT(after.body, HasSubstr("配慮が必要な相談者の印を更新しました"));
  EXPECT_THAT(after.body, HasSubstr("配慮の記録を外す"));
  std::string counted = *t.app().db().Read<std::string>([&](soci::session& s) {
    long long id = w.bookings[0];
    int flag = 0;
    s << "SELECT needs_consideration FROM booking WHERE id = :id", soci::use(id), soci::into(flag);
    return std::to_string(flag);
  });
  EXPECT_EQ(counted, "1");
}

TEST(BoardPages, AddingADayWithABadDateKeepsTheInput) {
  TestServer t;
  auto w = MakeWorld(t, 2, 0);
  auto c = t.LoginAs("jimu@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program) + "/days/new";
  const int days = Count(t, "SELECT COUNT(*) FROM consultation_day");
  Fields fields = {
      {"date", "2031-02-30"},   {"start_minutes", "13:00"},    {"end_minutes", "16:00"},
      {"mode", "in_person"},    {"venue", "臨時会場カナリア"}, {"meeting_url", ""},
      {"booths", "3"},          {"slot_minutes", "45"},        {"prep_minutes", "15"},
      {"debrief_minutes", "15"}};
  auto refused = c.Submit(page, fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("開催日を正しく入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"2031-02-30\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"臨時会場カナリア\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"13:00\""));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_day"), days);

  fields.front().second = "2031-03-03";
  auto added = c.Submit(page, fields);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM consultation_day"), days + 1);
  auto board = c.Get(added.Header("location"));
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("開催日を追加しました"));
  EXPECT_THAT(board.body, HasSubstr("13:00〜16:00"));
  EXPECT_THAT(board.body, HasSubstr(core::FormatDate({2031, 3, 3}, "ja")));
}

TEST(BoardPages, APostWithoutTheCsrfTokenIsRefused) {
  TestServer t;
  auto w = MakeWorld(t, 2, 1);
  MoveToTheEvening(t, w);
  auto c = t.LoginAs("jimu@example.jp");
  const std::string booking = BookingPath(w, w.bookings[0]);
  EXPECT_EQ(c.Post(booking + "/check-in", {}).status, 403);
  EXPECT_EQ(c.Post(booking + "/cancel", {{"csrf_token", "forged"}}).status, 403);
  EXPECT_EQ(StatusOf(t, w.bookings[0]), "booked");
  EXPECT_EQ(t.NewClient().Post("/book/offer/x", {}).status, 403);
}

TEST(BoardPages, TheProgrammePageLinksToDaysReportsAndPaperSurveys) {
  TestServer t;
  auto w = MakeWorld(t, 2, 0);
  auto c = t.LoginAs("jimu@example.jp");
  const std::string program = "/programs/" + std::to_string(w.program);
  auto page = c.Get(program + "?fy=" + std::to_string(core::FiscalYear(w.day.date)));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("href=\"" + DayPath(w) + "\""));
  EXPECT_THAT(page.body, HasSubstr("href=\"" + program + "/days/new\""));
  EXPECT_THAT(page.body, HasSubstr("開催日を追加"));
  EXPECT_THAT(page.body, HasSubstr(program + "/report?fy="));
  EXPECT_THAT(page.body, HasSubstr(program + "/surveys/paper"));
  EXPECT_EQ(c.Get(program + "/report").status, 200);
  EXPECT_EQ(c.Get(program + "/surveys/paper").status, 200);
  EXPECT_EQ(c.Get(program + "/days/new").status, 200);
}

}  // namespace
}  // namespace tsunagu::testing

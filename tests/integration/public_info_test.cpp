// Public programme information (issue 14, point 5) through HTTP on both engines: the booking
// pages show the 事務局's telephone, e-mail and hours, who may book, what to bring and the
// venue's access; the intake asks 住所地（市区町村まで） in seed 001 別表's words and tells a
// person who works in the prefecture but lives outside it to give the workplace's municipality; the
// confirmation e-mail names the programme itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consultation_data.hpp"
#include "consultations/program_info.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::DaySettings;
using consultations::ProgramInfo;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kProgramName = "難病のある方の就労相談会";

struct World {
  auth::Principal coordinator;
  audit::Actor actor;
  std::int64_t program = 0;
  std::int64_t slot = 0;
  std::int64_t day = 0;
};

World MakeWorld(TestServer& t, bool publish) {
  World w;
  const auto org = t.CreateOrg("案内県 疾病対策課", "municipality");
  const auto user =
      t.CreateUser({"annai@example.jp", "案内 事務局", "coordinator", "clerical", org});
  w.coordinator = As(user, org, auth::Role::kCoordinator);
  w.actor = {user, org, "t", "t"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, w.actor, kProgramName, "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  if (publish) {
    EXPECT_TRUE(t.sv().consultations.SetPublished(w.coordinator, w.actor, w.program, true).ok());
  }
  DaySettings settings;
  settings.venue = "県庁第二庁舎 相談室";
  GenerateDaysAhead(t, w.coordinator, w.actor, w.program, Seed001ScheduleRule(), settings);
  auto open = t.sv().consultations.OpenDays(
      w.program, core::DateFromUnixSeconds(t.clock().NowSeconds()), 0,
      publish ? consultations::Audience::kPublic : consultations::Audience::kStaff);
  EXPECT_TRUE(open.ok() && !open->empty());
  if (open.ok() && !open->empty()) {
    w.slot = open->front().slots.front().id;
    w.day = open->front().id;
  }
  return w;
}

// The first slot the public pages offer now (after the deadline was set).
std::int64_t FirstPublicSlot(TestServer& t, std::int64_t program) {
  auto open =
      t.sv().consultations.OpenDays(program, core::DateFromUnixSeconds(t.clock().NowSeconds()), 0,
                                    consultations::Audience::kPublic);
  return open.ok() && !open->empty() ? open->front().slots.front().id : 0;
}

void SaveInfoThroughThePage(TestServer& t, World& w) {
  auto c = t.LoginAs("annai@example.jp");
  const std::string page = "/programs/" + std::to_string(w.program) + "/info";
  auto saved = c.Submit(page, {{"office_phone", "048-830-3599"},
                               {"office_email", "annai-soudan@pref.example.jp"},
                               {"office_hours", "平日 8時30分〜17時15分"},
                               {"eligibility", "県内に住所又は勤務地のある方"},
                               {"what_to_bring", "お薬手帳、診断書の写し（お持ちの方）"},
                               {"access", "JR浦和駅西口から徒歩10分"},
                               {"deadline", "day_before"},
                               {"deadline_hour", "17"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_THAT(c.Get(saved.Header("location")).body, HasSubstr("保存しました"));
  w.slot = FirstPublicSlot(t, w.program);
}

TEST(PublicInfo, TheBookingPagesShowTheOfficeEligibilityWhatToBringAndAccess) {
  TestServer t;
  auto w = MakeWorld(t, true);
  SaveInfoThroughThePage(t, w);
  ASSERT_NE(w.slot, 0);
  auto c = t.NewClient();
  const std::string base = "/book/" + std::to_string(w.program);
  for (const std::string target : {base, base + "/form?slot=" + std::to_string(w.slot)}) {
    auto page = c.Get(target);
    ASSERT_EQ(page.status, 200) << target << page.body;
    EXPECT_THAT(page.body, HasSubstr("048-830-3599")) << target;
    EXPECT_THAT(page.body, HasSubstr("href=\"tel:0488303599\"")) << target;
    EXPECT_THAT(page.body, HasSubstr("annai-soudan@pref.example.jp")) << target;
    EXPECT_THAT(page.body, HasSubstr("平日 8時30分〜17時15分")) << target;
    EXPECT_THAT(page.body, HasSubstr("お電話やメールでも予約を受け付けています")) << target;
    EXPECT_THAT(page.body, HasSubstr("県内に住所又は勤務地のある方")) << target;
    EXPECT_THAT(page.body, HasSubstr("お薬手帳")) << target;
    EXPECT_THAT(page.body, HasSubstr("JR浦和駅西口から徒歩10分")) << target;
    EXPECT_THAT(page.body, HasSubstr("相談日の前日17時まで")) << target;
  }
  // The intake in seed 001 別表's words.
  auto form = c.Get(base + "/form?slot=" + std::to_string(w.slot));
  EXPECT_THAT(form.body, HasSubstr("住所地（市区町村まで）"));
  EXPECT_THAT(form.body, HasSubstr("県外にお住まいで県内にお勤めの方は、勤務地の市区町村"));
  EXPECT_THAT(form.body, HasSubstr("この相談会を何で知ったか"));
}

TEST(PublicInfo, TheConfirmationMailNamesTheProgrammeItself) {
  TestServer t;
  auto w = MakeWorld(t, true);
  auto c = t.NewClient();
  const std::string base = "/book/" + std::to_string(w.program);
  const std::string email = "kinmuchi@example.jp";
  std::vector<std::pair<std::string, std::string>> fields = {{"slot", std::to_string(w.slot)},
                                                             {"for_family", "self"},
                                                             {"gender", "male"},
                                                             {"age_band", "30s"},
                                                             {"municipality", "さいたま市大宮区"},
                                                             {"heard_from", "employer"},
                                                             {"treatment_status", "during"},
                                                             {"work_status", "employed"},
                                                             {"topics", "work"},
                                                             {"name", "勤務 太郎"},
                                                             {"furigana", "きんむ たろう"},
                                                             {"email", email},
                                                             {"consent", "1"}};
  auto confirm = c.Submit(base + "/form?slot=" + std::to_string(w.slot), fields, base + "/confirm");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_THAT(confirm.body, HasSubstr("住所地（市区町村まで）"));
  EXPECT_THAT(confirm.body, HasSubstr("さいたま市大宮区"));
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  auto done = c.Post(base + "/submit", fields);
  ASSERT_EQ(done.status, 200) << done.body;
  // The e-mail names this programme, not a cancer consultation.
  const std::string mail = MailSink::Get().WaitFor(email);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr(std::string("「") + kProgramName + "」のご予約を受け付けました"));
  EXPECT_THAT(mail, Not(HasSubstr("がん治療と仕事の両立に関する相談会")));
}

TEST(PublicInfo, AStaffBookingAsksThePersonsLanguageForTheMails) {
  TestServer t;
  auto w = MakeWorld(t, true);
  auto c = t.LoginAs("annai@example.jp");
  const std::string page =
      "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day) + "/book";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("相談者へのメールの言語"));
  EXPECT_THAT(form.body, HasSubstr("name=\"person_lang\" value=\"ja\" checked"));
  const std::string email = "english-caller@example.jp";
  auto done = c.Submit(page, {{"channel", "phone"},
                              {"person_lang", "en"},
                              {"slot", std::to_string(w.slot)},
                              {"for_family", "self"},
                              {"gender", "female"},
                              {"age_band", "30s"},
                              {"municipality", "さいたま市"},
                              {"heard_from", "hospital"},
                              {"treatment_status", "during"},
                              {"work_status", "employed"},
                              {"topics", "work"},
                              {"name", "English Caller"},
                              {"furigana", "いんぐりっしゅ"},
                              {"email", email},
                              {"consent", "1"}});
  ASSERT_EQ(done.status, 303) << done.body;
  const std::string mail = MailSink::Get().WaitFor(email);
  ASSERT_FALSE(mail.empty());
  EXPECT_THAT(mail, HasSubstr(std::string("We have received your booking for “") + kProgramName));
  EXPECT_THAT(mail, Not(HasSubstr("ご予約を受け付けました")));
  auto lang = t.app().db().Read<std::string>([&](soci::session& s) {
    std::string l;
    s << "SELECT lang FROM booking", soci::into(l);
    return l;
  });
  ASSERT_TRUE(lang.ok());
  EXPECT_EQ(*lang, "en") << "the reminder and later e-mails follow it";
}

TEST(PublicInfo, AnUnpublishedProgrammesInformationIsNotPublic) {
  TestServer t;
  auto w = MakeWorld(t, false);
  SaveInfoThroughThePage(t, w);
  consultations::ProgramInfoStore store(t.app().db(), t.clock());
  EXPECT_EQ(store.ForPublic(w.program).error().code, core::ErrorCode::kNotFound);
  auto c = t.NewClient();
  auto page = c.Get("/book/" + std::to_string(w.program));
  EXPECT_EQ(page.status, 404);
  EXPECT_THAT(page.body, Not(HasSubstr("048-830-3599")));
  // Another organisation's coordinator cannot read or change it.
  const auto other = t.CreateOrg("よその県", "municipality");
  auto stranger_user =
      t.CreateUser({"yoso-annai@example.jp", "よその", "coordinator", "clerical", other});
  auto stranger = As(stranger_user, other, auth::Role::kCoordinator);
  EXPECT_EQ(store.ForCoordinator(stranger, w.program).error().code, core::ErrorCode::kNotFound);
  ProgramInfo info;
  info.office_phone = "03-0000-0000";
  EXPECT_EQ(store.Save(stranger, {stranger_user, other, "t", "t"}, w.program, info).error().code,
            core::ErrorCode::kNotFound);
  EXPECT_EQ(store.ForCoordinator(w.coordinator, w.program)->office_phone, "048-830-3599");
}

}  // namespace
}  // namespace tsunagu::testing

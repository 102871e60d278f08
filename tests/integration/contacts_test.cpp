// Contacts outside consultation days and employer consultations (issue 16) on both engines:
// staff log a visit, call, online or e-mail consultation on a case or for an anonymous caller;
// a past date is entered late (audited), a future one refused; the summary is encrypted and its
// reading audited; an employer consultation carries no employee identity without consent; other
// organisations' cases answer like missing ones.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cases/case_service.hpp"
#include "clients/client_service.hpp"
#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kSummary = "職場への伝え方の相談QZX";

struct World {
  std::int64_t org = 0;
  std::int64_t other = 0;
  std::int64_t program = 0;
  std::int64_t coordinator = 0;
  std::int64_t case_id = 0;
  std::int64_t other_case = 0;
};

std::int64_t InsertProgram(TestServer& t, std::int64_t org, const std::string& name) {
  return *t.app().db().Write<std::int64_t>([&](soci::session& s) {
    long long o = org;
    long long at = t.clock().NowSeconds();
    long long id = 0;
    s << "INSERT INTO program (organization_id, name, created_at) VALUES (:o, :n, :a) "
         "RETURNING id",
        soci::use(o), soci::use(name), soci::use(at), soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

// A person registered by `org` and their open case, through the services.
std::int64_t OpenCase(TestServer& t, std::int64_t org, std::int64_t user, const std::string& name) {
  const auto who = As(user, org, auth::Role::kCoordinator);
  const audit::Actor actor{user, org, "127.0.0.1", "test"};
  clients::ClientInput in;
  in.name = name;
  in.kana = "そうだん たろう";
  in.age_band = "40s";
  auto client = t.sv().clients.Create(who, actor, in);
  EXPECT_TRUE(client.ok()) << (client ? "" : client.error().message_key);
  auto opened = t.sv().cases.Open(who, actor, *client);
  EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message_key);
  return *opened;
}

// An employer row of 0027 (the employers engineer's service is not merged yet).
std::int64_t InsertEmployer(TestServer& t, std::int64_t org, std::int64_t user,
                            const std::string& name) {
  return *t.app().db().Write<std::int64_t>([&](soci::session& s) {
    long long o = org;
    long long u = user;
    long long at = t.clock().NowSeconds();
    long long id = 0;
    s << "INSERT INTO employer (organization_id, name, created_by, created_at, updated_at) "
         "VALUES (:o, :n, :u, :a, :a2) RETURNING id",
        soci::use(o), soci::use(name), soci::use(u), soci::use(at), soci::use(at), soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

// An NPO with a programme, its 事務局 and a counselor, another organisation with its own case;
// Wednesday 2026-06-10 10:00 JST.
World MakeWorld(TestServer& t) {
  t.clock().Set(UnixAtJst({2026, 6, 10}, 10 * 60));
  World w;
  w.org = t.CreateOrg("はたらくサポート 相談", "employment_support");
  w.other = t.CreateOrg("よその団体 相談", "employment_support");
  w.program = InsertProgram(t, w.org, "がん患者就労支援事業");
  w.coordinator = t.CreateUser({"jimu@contacts.test", "事務局", "coordinator", "clerical", w.org});
  t.CreateUser({"counsel@contacts.test", "相談員", "counselor", "career_consultant", w.org});
  const auto other_user =
      t.CreateUser({"other@contacts.test", "他の事務局", "coordinator", "clerical", w.other});
  w.case_id = OpenCase(t, w.org, w.coordinator, "相談 太郎");
  w.other_case = OpenCase(t, w.other, other_user, "他所 花子");
  return w;
}

long long Count(TestServer& t, const std::string& sql) {
  return *t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << sql, soci::into(n);
    return n;
  });
}

std::vector<std::pair<std::string, std::string>> Phone(const std::string& date) {
  return {{"requester_kind", "self"}, {"channel", "phone"},       {"contacted_on", date},
          {"minutes", "20"},          {"topics", "telling_work"}, {"topics", "keep_working"},
          {"summary", kSummary}};
}

TEST(Contacts, APhoneCallOnACaseIsListedAndItsSummaryIsEncryptedAndReadWithAudit) {
  TestServer t;
  const World w = MakeWorld(t);
  auto counsel = t.LoginAs("counsel@contacts.test");
  const std::string page = "/org/contacts/new?case=" + std::to_string(w.case_id);
  auto form = counsel.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("name=\"case_id\" value=\"" + std::to_string(w.case_id) + "\""));
  auto fields = Phone("2026-06-10");
  fields.emplace_back("case_id", std::to_string(w.case_id));
  fields.emplace_back("program_id", std::to_string(w.program));
  auto saved = counsel.Submit(page, fields, "/org/contacts/new");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_THAT(saved.Header("location"), HasSubstr("/org/contacts?month=2026-06"));

  auto list = counsel.Get("/org/contacts?month=2026-06");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("<td>電話</td><td>本人</td>"));
  EXPECT_THAT(list.body, HasSubstr("職場への伝え方・配慮"));
  EXPECT_THAT(list.body, HasSubstr("/cases/" + std::to_string(w.case_id)));
  EXPECT_THAT(list.body, Not(HasSubstr(kSummary)));
  EXPECT_THAT(list.body, Not(HasSubstr("事後入力</span>")));
  EXPECT_THAT(counsel.Get("/org/contacts?month=2026-06&channel=visit").body,
              HasSubstr("この月の記録はありません"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_contact WHERE summary_enc LIKE '%QZX%'"), 0);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM support_contact WHERE entered_late = 0 AND client_id "
                  "IS NOT NULL"),
            1);

  const auto id = Count(t, "SELECT MAX(id) FROM support_contact");
  auto shown = counsel.Get("/org/contacts/" + std::to_string(id));
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr(kSummary));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM audit_event WHERE action = 'contact.read'"), 1);
  EXPECT_EQ(t.LoginAs("other@contacts.test").Get("/org/contacts/" + std::to_string(id)).status,
            404);
}

TEST(Contacts, APastDateIsEnteredLateAndAFutureDateIsRefusedKeepingWhatWasTyped) {
  TestServer t;
  const World w = MakeWorld(t);
  auto counsel = t.LoginAs("counsel@contacts.test");
  auto late = counsel.Submit("/org/contacts/new", Phone("2026-06-01"));
  ASSERT_EQ(late.status, 303) << late.body;
  EXPECT_THAT(counsel.Get("/org/contacts?month=2026-06").body, HasSubstr("事後入力</span>"));
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = 'contact.create' AND "
                  "detail LIKE '%\"entered_late\":true%'"),
            1);

  auto future = counsel.Submit("/org/contacts/new", Phone("2026-06-11"));
  EXPECT_EQ(future.status, 422);
  EXPECT_THAT(future.body, HasSubstr("先の日付は入力できません"));
  EXPECT_THAT(future.body, HasSubstr(kSummary));
  auto bad = Phone("2026-06-10");
  bad[3].second = "0";
  auto refused = counsel.Submit("/org/contacts/new", bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("相談時間は 1〜600 分で入力してください"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_contact"), 1);
  (void)w;
}

TEST(Contacts, AnAnonymousCallerNeedsNoCaseAndAnotherOrganisationsCaseIsNotFound) {
  TestServer t;
  const World w = MakeWorld(t);
  auto counsel = t.LoginAs("counsel@contacts.test");
  auto visit = Phone("2026-06-10");
  visit[1].second = "visit";
  ASSERT_EQ(counsel.Submit("/org/contacts/new", visit).status, 303);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM support_contact WHERE case_id IS NULL AND client_id "
                  "IS NULL AND channel = 'visit'"),
            1);
  EXPECT_EQ(counsel.Get("/org/contacts/new?case=" + std::to_string(w.other_case)).status, 404);
  auto stranger = Phone("2026-06-10");
  stranger.emplace_back("case_id", std::to_string(w.other_case));
  EXPECT_EQ(counsel.Submit("/org/contacts/new", stranger).status, 404);
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_contact"), 1);
  EXPECT_THAT(t.LoginAs("other@contacts.test").Get("/org/contacts?month=2026-06").body,
              HasSubstr("この月の記録はありません"));
}

TEST(Contacts, AnEmployerConsultationCarriesNoEmployeeIdentityWithoutConsent) {
  TestServer t;
  const World w = MakeWorld(t);
  const auto employer = InsertEmployer(t, w.org, w.coordinator, "株式会社みやぎ精機");
  auto counsel = t.LoginAs("counsel@contacts.test");
  std::vector<std::pair<std::string, std::string>> fields = {
      {"requester_kind", "employer"}, {"channel", "online"},
      {"contacted_on", "2026-06-10"}, {"minutes", "45"},
      {"topics", "keep_working"},     {"summary", "短時間勤務の相談"}};
  auto missing = counsel.Submit("/org/contacts/new", fields);
  EXPECT_EQ(missing.status, 422);
  EXPECT_THAT(missing.body, HasSubstr("事業所を選ぶか、事業所名を入力してください"));

  auto linked = fields;
  linked.emplace_back("employer_id", std::to_string(employer));
  linked.emplace_back("case_id", std::to_string(w.case_id));
  auto refused = counsel.Submit("/org/contacts/new", linked);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("従業員本人の同意がないときは"));
  EXPECT_EQ(Count(t, "SELECT COUNT(*) FROM support_contact"), 0);

  auto anonymous = fields;
  anonymous.emplace_back("employer_id", std::to_string(employer));
  ASSERT_EQ(counsel.Submit("/org/contacts/new", anonymous).status, 303);
  auto named = fields;
  named.emplace_back("employer_name", "有限会社せんだい運輸");
  ASSERT_EQ(counsel.Submit("/org/contacts/new", named).status, 303);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM support_contact WHERE requester_kind = 'employer' AND "
                  "case_id IS NULL AND client_id IS NULL"),
            2);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM support_contact WHERE employer_name_enc LIKE "
                  "'%せんだい%'"),
            0);
  linked.emplace_back("employee_consented", "1");
  ASSERT_EQ(counsel.Submit("/org/contacts/new", linked).status, 303);
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM support_contact WHERE requester_kind = 'employer' AND "
                  "case_id IS NOT NULL AND employee_consented = 1"),
            1);
  auto list = counsel.Get("/org/contacts?month=2026-06");
  EXPECT_THAT(list.body, HasSubstr("株式会社みやぎ精機"));
  EXPECT_THAT(list.body, HasSubstr("有限会社せんだい運輸"));
  EXPECT_THAT(list.body, HasSubstr("<td>オンライン</td><td>事業主（企業）</td>"));
}

TEST(Contacts, TheCasePageOpensTheContactFormWithTheCase) {
  TestServer t;
  const World w = MakeWorld(t);
  auto page = t.LoginAs("counsel@contacts.test").Get("/cases/" + std::to_string(w.case_id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("/org/contacts/new?case=" + std::to_string(w.case_id)));
}

}  // namespace
}  // namespace tsunagu::testing

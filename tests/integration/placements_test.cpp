// 応募・就労決定・定着支援 (issue 16) on both engines: applications from the agency's case with
// their steps on the timeline the referring hospital sees live, dates (future refused, past
// entered late), forward-only steps, concurrent edits, one placement per application, the
// retention follow-ups at 1, 3, 6 and 12 months (month ends clamped), their list and answers,
// and the proposal to close the case through the case's own close.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <thread>

#include "employment/placements/placement_service.hpp"
#include "harness.hpp"
#include "sharing_data.hpp"
#include "storage/row.hpp"
#include "upload_support.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kEmployerCanary = "応募先カナリア物産QZ";
constexpr const char* kNoteCanary = "面接メモカナリアQZ";

std::string CasePath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id);
}

// Employers and openings belong to another part of issue 16: this file inserts its own rows.
std::int64_t InsertOpening(TestServer& t, std::int64_t org, std::int64_t user,
                           const std::string& employer_name, const std::string& title) {
  auto id = t.sv().db.Write<long long>([&](soci::session& s) {
    long long o = org;
    long long u = user;
    long long at = t.clock().NowSeconds();
    long long employer = 0;
    s << "INSERT INTO employer (organization_id, name, created_by, created_at, updated_at) "
         "VALUES (:o, :n, :u, :t, :t2) RETURNING id",
        soci::use(o), soci::use(employer_name), soci::use(u), soci::use(at), soci::use(at),
        soci::into(employer);
    long long opening = 0;
    s << "INSERT INTO job_opening (organization_id, employer_id, title, employment_type, "
         "created_by, created_at, updated_at) VALUES (:o, :e, :t, 'part_time', :u, :a, :a2) "
         "RETURNING id",
        soci::use(o), soci::use(employer), soci::use(title), soci::use(u), soci::use(at),
        soci::use(at), soci::into(opening);
    return opening;
  });
  EXPECT_TRUE(id.ok());
  return id ? *id : 0;
}

core::Date TodayOf(TestServer& t) {
  return core::DateFromUnixSeconds(t.clock().NowSeconds());
}

// The clock at 10:00 of its own day, so that logins (30 s each) never cross midnight.
void MorningOf(TestServer& t, core::Date d) {
  t.clock().Set(UnixAtJst(d, 10 * 60));
}

std::int64_t LastId(TestServer& t, const std::string& table) {
  auto id = t.sv().db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COALESCE(MAX(id), 0) FROM " + table, soci::into(n);
    return n;
  });
  return id ? *id : 0;
}

std::int64_t Apply(TestServer& t, Client& c, const SharingWorld& w,
                   std::vector<std::pair<std::string, std::string>> fields) {
  auto r = c.Submit(CasePath(w) + "/applications/new", std::move(fields));
  EXPECT_EQ(r.status, 303) << r.body;
  return LastId(t, "job_application");
}

HttpResult Step(Client& c, const SharingWorld& w, std::int64_t app, const std::string& status,
                const std::string& date, int version, const std::string& note = "") {
  return c.Submit(CasePath(w) + "/applications",
                  {{"status", status},
                   {"happened_on", date},
                   {"note", note},
                   {"version", std::to_string(version)}},
                  CasePath(w) + "/applications/" + std::to_string(app) + "/steps");
}

TEST(Placements, ApplicationStepsReachTheTimelineTheHospitalWatches) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  ASSERT_GT(w.case_id, 0);
  auto agency = t.LoginAs(w.agency_email);
  auto hospital = t.LoginAs(w.nurse_email);
  auto stranger = t.LoginAs(w.stranger_email);

  const auto section = agency.Get(CasePath(w));
  ASSERT_EQ(section.status, 200);
  EXPECT_THAT(section.body, HasSubstr("href=\"" + CasePath(w) + "/applications\""));

  const auto app = Apply(t, agency, w,
                         {{"opening_id", ""},
                          {"employer_name", kEmployerCanary},
                          {"applied_on", Today(t)},
                          {"disclosure", "undecided"},
                          {"notes", kNoteCanary}});
  ASSERT_GT(app, 0);
  auto stream = hospital.OpenEvents(CasePath(w) + "/events");
  ASSERT_TRUE(stream.WaitFor("event: ready")) << stream.received();
  EXPECT_EQ(Step(agency, w, app, "screening", Today(t), 1).status, 303);
  EXPECT_TRUE(stream.WaitFor("event: timeline")) << stream.received();
  EXPECT_EQ(Step(agency, w, app, "interview", Today(t), 2).status, 303);

  const auto page = agency.Get(CasePath(w) + "/applications");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kEmployerCanary));
  EXPECT_THAT(page.body, HasSubstr(kNoteCanary)) << page.body;
  EXPECT_THAT(page.body, HasSubstr("data-status=\"interview\""));

  // The referring hospital sees each step on the case's timeline, and reads the list …
  const auto timeline = hospital.Get(CasePath(w) + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  EXPECT_THAT(timeline.body, HasSubstr("応募：書類選考"));
  EXPECT_THAT(timeline.body, HasSubstr("応募：面接"));
  EXPECT_EQ(hospital.Get(CasePath(w) + "/applications").status, 200);
  // … but records nothing; another organisation sees nothing at all.
  EXPECT_EQ(Step(hospital, w, app, "offered", Today(t), 3).status, 403);
  EXPECT_EQ(hospital.Get(CasePath(w) + "/applications/new").status, 403);
  const auto foreign = stranger.Get(CasePath(w) + "/applications");
  EXPECT_EQ(foreign.status, 404);
  EXPECT_THAT(foreign.body, Not(HasSubstr(kEmployerCanary)));
  EXPECT_EQ(Step(stranger, w, app, "offered", Today(t), 3).status, 404);
  // The notes are stored encrypted.
  auto stored = t.sv().db.Read<std::string>([&](soci::session& s) {
    std::string v;
    s << "SELECT notes_enc || '#' || employer_name_enc FROM job_application", soci::into(v);
    return v;
  });
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(*stored, Not(HasSubstr(kNoteCanary)));
  EXPECT_GT(stored->find('#'), 50u) << *stored;
  EXPECT_THAT(*stored, Not(HasSubstr(kEmployerCanary)));
}

TEST(Placements, AnOpeningIsPrefilledAndOnlyTheOrganisationsOpenOnesCount) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto own = InsertOpening(t, w.agency, w.agency_worker.user_id, "事業所A", "一般事務");
  const auto foreign = InsertOpening(t, w.stranger, w.stranger_admin.user_id, "事業所B", "倉庫");
  const auto form = agency.Get(CasePath(w) + "/applications/new?opening=" + std::to_string(own));
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("value=\"" + std::to_string(own) + "\" selected"));
  EXPECT_THAT(form.body, Not(HasSubstr("倉庫")));
  EXPECT_THAT(form.body, HasSubstr("ご本人が決めること"));

  const auto refused =
      agency.Submit(CasePath(w) + "/applications/new", {{"opening_id", std::to_string(foreign)},
                                                        {"employer_name", ""},
                                                        {"applied_on", Today(t)},
                                                        {"disclosure", "disclosed"},
                                                        {"notes", "残すメモ"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("この求人票は選べません"));
  EXPECT_THAT(refused.body, HasSubstr("残すメモ"));
  EXPECT_EQ(LastId(t, "job_application"), 0);

  const auto app = Apply(t, agency, w,
                         {{"opening_id", std::to_string(own)},
                          {"employer_name", ""},
                          {"applied_on", Today(t)},
                          {"disclosure", "disclosed"},
                          {"notes", ""}});
  const auto page = agency.Get(CasePath(w) + "/applications");
  EXPECT_THAT(page.body, HasSubstr("事業所A — 一般事務"));
  EXPECT_GT(app, 0);
}

TEST(Placements, DatesAheadAreRefusedPastOnesAreEnteredLateAndStepsOnlyMoveForward) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto app = Apply(t, agency, w,
                         {{"employer_name", "事業所C"},
                          {"applied_on", InDays(t, -10)},
                          {"disclosure", "not_disclosed"}});
  const auto ahead = Step(agency, w, app, "interview", InDays(t, 1), 1, "先の面接メモ");
  EXPECT_EQ(ahead.status, 422);
  EXPECT_THAT(ahead.body, HasSubstr("先の日付は入れられません"));
  EXPECT_THAT(ahead.body, HasSubstr("先の面接メモ"));  // kept

  EXPECT_EQ(Step(agency, w, app, "interview", InDays(t, -3), 1).status, 303);
  const auto page = agency.Get(CasePath(w) + "/applications");
  EXPECT_THAT(page.body, HasSubstr("後から記録"));
  auto late = t.sv().db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = 'employment.step' AND detail LIKE "
         "'%\"late\":true%'",
        soci::into(n);
    return n;
  });
  ASSERT_TRUE(late.ok());
  EXPECT_EQ(*late, 1);

  const auto back = Step(agency, w, app, "screening", Today(t), 2);
  EXPECT_EQ(back.status, 422);
  EXPECT_THAT(back.body, HasSubstr("段階は前にしか進められません"));
  EXPECT_EQ(Step(agency, w, app, "declined", Today(t), 2).status, 303);
  EXPECT_EQ(Step(agency, w, app, "offered", Today(t), 3).status, 409);
}

TEST(Placements, TwoStepChangesAtOnceOneWinsTheOtherIsToldAndKeepsInput) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto first = t.LoginAs(w.agency_email);
  auto second = t.LoginAs(w.agency_coordinator_email);
  const auto app =
      Apply(t, first, w,
            {{"employer_name", "事業所D"}, {"applied_on", Today(t)}, {"disclosure", "undecided"}});
  const std::string csrf1 = ExtractCsrf(first.Get(CasePath(w) + "/applications").body);
  const std::string csrf2 = ExtractCsrf(second.Get(CasePath(w) + "/applications").body);
  const std::string target = CasePath(w) + "/applications/" + std::to_string(app) + "/steps";
  const std::string today = Today(t);
  HttpResult a;
  HttpResult b;
  std::thread ta([&] {
    a = first.Post(target, {{"csrf_token", csrf1},
                            {"status", "screening"},
                            {"happened_on", today},
                            {"note", "一人目のメモ"},
                            {"version", "1"}});
  });
  std::thread tb([&] {
    b = second.Post(target, {{"csrf_token", csrf2},
                             {"status", "interview"},
                             {"happened_on", today},
                             {"note", "二人目のメモ"},
                             {"version", "1"}});
  });
  ta.join();
  tb.join();
  ASSERT_TRUE((a.status == 303 && b.status == 409) || (a.status == 409 && b.status == 303))
      << a.status << " " << b.status;
  const auto& lost = a.status == 409 ? a : b;
  EXPECT_THAT(lost.body, HasSubstr("ほかの人が先に変更しました"));
  EXPECT_THAT(lost.body, HasSubstr(a.status == 409 ? "一人目のメモ" : "二人目のメモ"));
  auto steps = t.sv().db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM job_application_step", soci::into(n);
    return n;
  });
  ASSERT_TRUE(steps.ok());
  EXPECT_EQ(*steps, 2);  // 応募 and the winner's step
}

TEST(Placements, MonthsAreAddedWithTheMonthEndClamped) {
  using employment::placements::AddMonths;
  EXPECT_EQ(AddMonths({2027, 1, 31}, 1), (core::Date{2027, 2, 28}));
  EXPECT_EQ(AddMonths({2028, 1, 31}, 1), (core::Date{2028, 2, 29}));
  EXPECT_EQ(AddMonths({2026, 12, 31}, 3), (core::Date{2027, 3, 31}));
  EXPECT_EQ(AddMonths({2026, 8, 31}, 6), (core::Date{2027, 2, 28}));
  EXPECT_EQ(AddMonths({2026, 6, 10}, 12), (core::Date{2027, 6, 10}));
  EXPECT_EQ(employment::placements::ParseRetentionMonths("24,2,2"), (std::vector<int>{2, 24}));
  EXPECT_EQ(employment::placements::ParseRetentionMonths(""), (std::vector<int>{1, 3, 6, 12}));
  EXPECT_EQ(employment::placements::ParseRetentionMonths("0,3"), (std::vector<int>{1, 3, 6, 12}));
  EXPECT_EQ(employment::placements::ParseRetentionMonths("x"), (std::vector<int>{1, 3, 6, 12}));
}

// A placement from an application cannot be decided before the person applied (as no step
// can): the form comes back with the message and what was typed, and nothing is written.
TEST(Placements, APlacementDecidedBeforeTheApplicationIsRefusedAndKeepsWhatWasTyped) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  const auto app = Apply(
      t, agency, w,
      {{"employer_name", "事業所F"}, {"applied_on", InDays(t, -5)}, {"disclosure", "undecided"}});
  const std::string form = CasePath(w) + "/placements/new?application=" + std::to_string(app);
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"application_id", std::to_string(app)},
      {"application_version", "1"},
      {"job_title", "前日の決定QZ"},
      {"decided_on", InDays(t, -6)},
      {"start_on", Today(t)},
      {"employment_type", "part_time"},
      {"weekly_hours", "20"},
      {"disclosure", "undecided"},
      {"accommodations", ""}};
  const auto early = agency.Submit(form, fields, CasePath(w) + "/placements/new");
  EXPECT_EQ(early.status, 422) << early.body;
  EXPECT_THAT(early.body, HasSubstr("応募した日より前の日付です。"));
  EXPECT_THAT(early.body, HasSubstr("前日の決定QZ"));
  EXPECT_EQ(LastId(t, "placement"), 0);
  EXPECT_EQ(LastId(t, "retention_check"), 0);
  // The same day as the application is fine.
  auto same_day = fields;
  same_day[3] = {"decided_on", InDays(t, -5)};
  EXPECT_EQ(agency.Submit(form, same_day, CasePath(w) + "/placements/new").status, 303);
  EXPECT_GT(LastId(t, "placement"), 0);
}

TEST(Placements, APlacementStartsItsFollowUpsForTheCaseOwnerOncePerApplication) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto first = t.LoginAs(w.agency_email);
  auto second = t.LoginAs(w.agency_coordinator_email);
  const auto app =
      Apply(t, first, w,
            {{"employer_name", "事業所E"}, {"applied_on", Today(t)}, {"disclosure", "disclosed"}});
  ASSERT_EQ(Step(first, w, app, "offered", Today(t), 1).status, 303);
  const std::string form = CasePath(w) + "/placements/new?application=" + std::to_string(app);
  const auto shown = first.Get(form);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_THAT(shown.body, HasSubstr("事業所E"));
  const std::string csrf1 = ExtractCsrf(shown.body);
  const std::string csrf2 = ExtractCsrf(second.Get(form).body);
  // A start on a month's last day: the follow-ups fall on the last day of shorter months.
  const core::Date today = TodayOf(t);
  const core::Date start{today.year + 1, 1, 31};
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"application_id", std::to_string(app)},
      {"application_version", "2"},
      {"job_title", "一般事務"},
      {"decided_on", Today(t)},
      {"start_on", core::ToIso(start)},
      {"employment_type", "part_time"},
      {"weekly_hours", "20"},
      {"disclosure", "disclosed"},
      {"accommodations", "通院日の休暇"}};
  auto with = [&](const std::string& csrf) {
    auto f = fields;
    f.emplace_back("csrf_token", csrf);
    return f;
  };
  HttpResult a;
  HttpResult b;
  const std::string target = CasePath(w) + "/placements/new";
  std::thread ta([&] { a = first.Post(target, with(csrf1)); });
  std::thread tb([&] { b = second.Post(target, with(csrf2)); });
  ta.join();
  tb.join();
  ASSERT_TRUE((a.status == 303 && b.status == 409) || (a.status == 409 && b.status == 303))
      << a.status << " " << b.status;
  auto rows = t.sv().db.Read<std::vector<std::string>>([&](soci::session& s) {
    std::vector<std::string> out;
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT c.months, c.due_on, c.assigned_user_id FROM retention_check c "
                      "ORDER BY c.months");
    for (const auto& r : found) {
      out.push_back(std::to_string(storage::GetInt(r, 0)) + "|" + storage::GetText(r, 1) + "|" +
                    std::to_string(storage::GetInt(r, 2)));
    }
    return out;
  });
  ASSERT_TRUE(rows.ok());
  const std::string owner = std::to_string(w.agency_worker.user_id);
  const int y = start.year;
  auto day = [&](int yy, int m, int d) { return core::ToIso(core::Date{yy, m, d}); };
  EXPECT_EQ(*rows, (std::vector<std::string>{
                       "1|" + day(y, 2, core::IsLeapYear(y) ? 29 : 28) + "|" + owner,
                       "3|" + day(y, 4, 30) + "|" + owner, "6|" + day(y, 7, 31) + "|" + owner,
                       "12|" + day(y + 1, 1, 31) + "|" + owner}));
  EXPECT_EQ(LastId(t, "placement"), 1);
  const auto page = first.Get(CasePath(w) + "/applications");
  EXPECT_THAT(page.body, HasSubstr("data-status=\"placed\""));
  EXPECT_THAT(page.body, HasSubstr("通院日の休暇"));
  EXPECT_THAT(first.Get(CasePath(w) + "/timeline").body, HasSubstr("応募：就労決定"));
}

TEST(Placements, DueFollowUpsAreListedAnsweredAndTheLastProposesClosingTheCase) {
  TestServer t;
  const core::Date start = TodayOf(t);
  MorningOf(t, start);
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto stranger = t.LoginAs(w.stranger_email);
  auto placed = agency.Submit(CasePath(w) + "/placements/new?kind=return_to_work",
                              {{"kind", "return_to_work"},
                               {"employer_name", "元の勤務先"},
                               {"decided_on", Today(t)},
                               {"start_on", Today(t)},
                               {"employment_type", "regular"},
                               {"weekly_hours", ""},
                               {"disclosure", "disclosed"},
                               {"accommodations", ""}});
  ASSERT_EQ(placed.status, 303) << placed.body;
  EXPECT_THAT(agency.Get("/org/retention").body, HasSubstr("確認日が来ているものはありません"));

  // A month and two days later the 1-month check is due, two days overdue.
  const core::Date later = core::AddDays(employment::placements::AddMonths(start, 1), 2);
  MorningOf(t, later);
  agency = t.LoginAs(w.agency_email);  // a month later the session has long ended
  stranger = t.LoginAs(w.stranger_email);
  const auto list = agency.Get("/org/retention");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("2日超過"));
  EXPECT_THAT(list.body, HasSubstr("1か月"));
  EXPECT_THAT(agency.Get("/").body, HasSubstr("定着支援の確認（1件）"));
  const std::string check = TextBetween(list.body, "href=\"/org/retention/", "\"");
  ASSERT_FALSE(check.empty());
  const std::string check_path = "/org/retention/" + check;
  EXPECT_EQ(stranger.Get(check_path).status, 404);

  const auto ahead = agency.Submit(check_path, {{"answer", "continuing"},
                                                {"answered_on", InDays(t, 1)},
                                                {"note", "先の確認メモ"},
                                                {"version", "1"}});
  EXPECT_EQ(ahead.status, 422);
  EXPECT_THAT(ahead.body, HasSubstr("先の確認メモ"));
  const auto answered = agency.Submit(
      check_path,
      {{"answer", "continuing"}, {"answered_on", Today(t)}, {"note", "順調"}, {"version", "1"}});
  ASSERT_EQ(answered.status, 303) << answered.body;
  const auto stale = agency.Submit(
      check_path,
      {{"answer", "on_leave"}, {"answered_on", Today(t)}, {"note", "古い版"}, {"version", "1"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("古い版"));
  const auto shown = agency.Get(check_path);
  EXPECT_THAT(shown.body, HasSubstr("継続中"));
  EXPECT_THAT(shown.body, Not(HasSubstr("この結果でケースを終結する")));  // not the last
  EXPECT_THAT(agency.Get("/org/retention").body, Not(HasSubstr("2日超過")));

  // The 12-month check answered: the page proposes closing with 復職 through the case's close.
  MorningOf(t, employment::placements::AddMonths(start, 12));
  agency = t.LoginAs(w.agency_email);
  auto last = t.sv().db.Read<long long>([&](soci::session& s) {
    long long id = 0;
    s << "SELECT id FROM retention_check WHERE months = 12", soci::into(id);
    return id;
  });
  ASSERT_TRUE(last.ok());
  const std::string last_path = "/org/retention/" + std::to_string(*last);
  ASSERT_EQ(
      agency
          .Submit(
              last_path,
              {{"answer", "continuing"}, {"answered_on", Today(t)}, {"note", ""}, {"version", "1"}})
          .status,
      303);
  const auto proposal = agency.Get(last_path);
  EXPECT_THAT(proposal.body, HasSubstr("この結果でケースを終結する"));
  EXPECT_THAT(proposal.body, HasSubstr("name=\"outcome\" value=\"returned\""));
  const std::string version = TextBetween(proposal.body, "name=\"version\" value=\"", "\"");
  const auto closed = agency.Submit(
      last_path, {{"version", version}, {"outcome", "returned"}, {"outcome_on", Today(t)}},
      CasePath(w) + "/close");
  EXPECT_EQ(closed.status, 303) << closed.body;
  auto outcome = t.sv().db.Read<std::string>([&](soci::session& s) {
    std::string o;
    s << "SELECT outcome FROM support_case WHERE id = " + std::to_string(w.case_id), soci::into(o);
    return o;
  });
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, "returned");
}

TEST(Placements, LeavingTheJobProposesClosingWithLeftJob) {
  TestServer t;
  const core::Date start = TodayOf(t);
  MorningOf(t, start);
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(
      agency
          .Submit(CasePath(w) + "/placements/new?kind=kept_job", {{"kind", "kept_job"},
                                                                  {"employer_name", "今の勤務先"},
                                                                  {"decided_on", Today(t)},
                                                                  {"start_on", Today(t)},
                                                                  {"employment_type", "regular"},
                                                                  {"disclosure", "undecided"}})
          .status,
      303);
  MorningOf(t, employment::placements::AddMonths(start, 1));
  agency = t.LoginAs(w.agency_email);
  const auto list = agency.Get("/org/retention");
  const std::string check = TextBetween(list.body, "href=\"/org/retention/", "\"");
  ASSERT_FALSE(check.empty());
  ASSERT_EQ(
      agency
          .Submit(
              "/org/retention/" + check,
              {{"answer", "resigned"}, {"answered_on", Today(t)}, {"note", ""}, {"version", "1"}})
          .status,
      303);
  const auto proposal = agency.Get("/org/retention/" + check);
  EXPECT_THAT(proposal.body, HasSubstr("name=\"outcome\" value=\"left_job\""));
  EXPECT_THAT(agency.Get(CasePath(w) + "/timeline").body, HasSubstr("定着支援（1か月）：退職"));
}

// The office chooses the follow-up months; placements recorded afterwards get them, existing
// follow-ups stay; counselors may not change them; bad input is refused and kept.
TEST(Placements, TheOfficeChoosesTheFollowUpMonthsForPlacementsToCome) {
  TestServer t;
  MorningOf(t, TodayOf(t));
  auto w = BuildSharingWorld(t);
  auto counselor = t.LoginAs(w.agency_email);
  auto office = t.LoginAs(w.agency_coordinator_email);
  EXPECT_EQ(counselor.Get("/org/retention/months").status, 403);
  EXPECT_THAT(counselor.Get("/org/retention").body, Not(HasSubstr("/org/retention/months")));
  const auto list = office.Get("/org/retention");
  EXPECT_THAT(list.body, HasSubstr("href=\"/org/retention/months\""));
  const auto form = office.Get("/org/retention/months");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("<strong id=\"current-months\">1,3,6,12</strong>"));

  const auto stored = [&] {
    return Column(t, "SELECT retention_months FROM organization WHERE id = " +
                         std::to_string(w.agency))
        .front();
  };
  for (const char* bad : {"0,3", "3,3", "1,2,3,4,5,6,7,8,9", "毎月", ""}) {
    const auto refused =
        office.Submit("/org/retention/months", {{"months", bad}}, "/org/retention/months");
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_THAT(refused.body, HasSubstr("確認月は、1〜60の数を重ならないように")) << bad;
    EXPECT_THAT(refused.body, HasSubstr(std::string("value=\"") + bad + "\"")) << bad;
  }
  EXPECT_EQ(stored(), "1,3,6,12");
  EXPECT_EQ(counselor.Submit("/org/retention", {{"months", "2"}}, "/org/retention/months").status,
            403);

  const auto saved =
      office.Submit("/org/retention/months", {{"months", "12、2 4"}}, "/org/retention/months");
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("location"), "/org/retention?done=months");
  EXPECT_EQ(stored(), "2,4,12");
  EXPECT_EQ(Count(t,
                  "SELECT COUNT(*) FROM audit_event WHERE action = "
                  "'employment.retention_months' AND detail LIKE '%2,4,12%'"),
            1);
  EXPECT_THAT(office.Get("/org/retention?done=months").body,
              HasSubstr("定着支援の確認月を保存しました"));

  auto placed = counselor.Submit(CasePath(w) + "/placements/new?kind=return_to_work",
                                 {{"kind", "return_to_work"},
                                  {"employer_name", "元の勤務先"},
                                  {"decided_on", Today(t)},
                                  {"start_on", Today(t)},
                                  {"employment_type", "regular"},
                                  {"weekly_hours", ""},
                                  {"disclosure", "undecided"},
                                  {"accommodations", ""}});
  ASSERT_EQ(placed.status, 303) << placed.body;
  EXPECT_EQ(Column(t, "SELECT months FROM retention_check ORDER BY months"),
            (std::vector<std::string>{"2", "4", "12"}));
}

}  // namespace
}  // namespace tsunagu::testing

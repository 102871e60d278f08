// 支援ケース（伴走支援） on both engines: the agency's case opened from a referral, its timeline
// with live updates to the referring hospital's open page, comments from the partner, edits that
// keep their history, status and outcome closing the referral's loop, tasks with reminders,
// mentions, and consent withdrawal cutting the hospital off at its next request.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string CasePath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id);
}

TEST(Cases, AgencyEntryReachesTheHospitalsOpenPageLive) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_GT(w.case_id, 0);
  auto hospital = t.LoginAs(w.nurse_email);
  auto agency = t.LoginAs(w.agency_email);

  auto page = hospital.Get(CasePath(w));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr(kSharedName));
  EXPECT_THAT(page.body, HasSubstr("sse-connect=\"" + CasePath(w) + "/events?seen="));
  EXPECT_THAT(page.body, HasSubstr("hx-trigger=\"sse:timeline, sse:resync\""));

  // The hospital's page holds the stream open while the agency writes. "ready" comes once the
  // hub has the stream as a subscriber, so the entry below cannot be written before.
  auto stream = hospital.OpenEvents(CasePath(w) + "/events");
  ASSERT_TRUE(stream.WaitFor("event: ready")) << stream.received();
  auto posted = agency.Submit(
      CasePath(w), {{"kind", "interview"}, {"occurred_on", Today(t)}, {"body", kEntryCanary}},
      CasePath(w) + "/entries");
  EXPECT_EQ(posted.status, 303) << posted.body;
  EXPECT_TRUE(stream.WaitFor("event: timeline")) << stream.received();
  const std::string& streamed = stream.received();
  EXPECT_THAT(streamed, HasSubstr("text/event-stream"));
  EXPECT_THAT(streamed, HasSubstr("event: ready"));
  EXPECT_THAT(streamed, HasSubstr("event: timeline"));
  EXPECT_THAT(streamed, Not(HasSubstr(kEntryCanary)));  // the stream carries ids, never text

  auto fragment = hospital.Get(CasePath(w) + "/timeline");
  ASSERT_EQ(fragment.status, 200);
  EXPECT_THAT(fragment.body, HasSubstr(kEntryCanary));
  EXPECT_THAT(fragment.body, Not(HasSubstr("<html")));  // a fragment, not a page
  EXPECT_EQ(fragment.Header("cache-control"), "no-store");
}

// An entry written between the page's rendering and its stream's start is not missed: the
// page sends back the mark it was drawn at, and a stream behind it is told at once.
TEST(Cases, AStreamOpenedBehindItsPageCatchesUpAtOnce) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  auto agency = t.LoginAs(w.agency_email);
  const auto page = hospital.Get(CasePath(w));
  ASSERT_EQ(page.status, 200);
  const std::string drawn = TextBetween(page.body, "/events?seen=", "\"");
  ASSERT_FALSE(drawn.empty());
  ASSERT_EQ(
      agency
          .Submit(CasePath(w), {{"kind", "interview"}, {"occurred_on", Today(t)}, {"body", "面談"}},
                  CasePath(w) + "/entries")
          .status,
      303);
  const auto open = [&](const std::string& seen) {
    return hospital.ReadEvents(CasePath(w) + "/events?seen=" + seen, 600);
  };
  const std::string behind = open(drawn);
  EXPECT_THAT(behind, HasSubstr("event: ready"));
  EXPECT_THAT(behind, HasSubstr("event: timeline\ndata: catch-up"));

  const auto again = hospital.Get(CasePath(w));
  const std::string now = TextBetween(again.body, "/events?seen=", "\"");
  EXPECT_NE(now, drawn);
  const std::string current = open(now);
  EXPECT_THAT(current, HasSubstr("event: ready"));
  EXPECT_THAT(current, Not(HasSubstr("event: timeline")));

  // Adding and editing an entry each move the mark; a stranger gets no mark at all.
  const auto before = t.sv().cases.LiveMark(w.agency_worker, w.case_id);
  auto id = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                  {"interview", Today(t), "最初の記録", {}});
  ASSERT_TRUE(id.ok());
  const auto added = t.sv().cases.LiveMark(w.agency_worker, w.case_id);
  EXPECT_EQ(agency
                .Submit(CasePath(w) + "/entries/" + std::to_string(*id) + "/edit",
                        {{"version", "1"},
                         {"kind", "interview"},
                         {"occurred_on", Today(t)},
                         {"body", "直した記録"}})
                .status,
            303);
  const auto edited = t.sv().cases.LiveMark(w.agency_worker, w.case_id);
  ASSERT_TRUE(before.ok() && added.ok() && edited.ok());
  EXPECT_LT(*before, *added);
  EXPECT_LT(*added, *edited);
  const auto foreign = t.sv().cases.LiveMark(w.stranger_admin, w.case_id);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, core::ErrorCode::kNotFound);
}

TEST(Cases, PartnersCommentButDoNotRunTheCase) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  auto interview = hospital.Submit(
      CasePath(w),
      {{"kind", "interview"}, {"occurred_on", Today(t)}, {"body", "病院からの面談記録"}},
      CasePath(w) + "/entries");
  EXPECT_EQ(interview.status, 422);
  EXPECT_THAT(interview.body, HasSubstr("病院からの面談記録"));  // what was typed is kept
  auto comment = hospital.Submit(CasePath(w),
                                 {{"kind", "comment"},
                                  {"occurred_on", Today(t)},
                                  {"body", "主治医から就労可の意見が出ました"}},
                                 CasePath(w) + "/entries");
  EXPECT_EQ(comment.status, 303) << comment.body;
  // The agency's staff are told there is an update, without the text or the person.
  EXPECT_THAT(WaitForMail(w.agency_email, "支援ケース"), HasSubstr(CasePath(w)));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr("主治医から")));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr(kSharedName)));

  auto status = hospital.Submit(CasePath(w),
                                {{"version", "1"},
                                 {"status", "assessment"},
                                 {"employer_status", "in_progress"},
                                 {"agency_status", "not_started"},
                                 {"goals", ""}},
                                CasePath(w) + "/status");
  EXPECT_EQ(status.status, 403);
  auto task =
      hospital.Submit(CasePath(w), {{"title", "x"}, {"due_on", Today(t)}}, CasePath(w) + "/tasks");
  EXPECT_EQ(task.status, 403);
}

TEST(Cases, BadInputShowsTheFormAgainAndChangesNothing) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto empty = agency.Submit(
      CasePath(w), {{"kind", "interview"}, {"occurred_on", "2026-13-40"}, {"body", "   "}},
      CasePath(w) + "/entries");
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("error-summary"));
  EXPECT_THAT(empty.body, HasSubstr("2026-13-40"));
  auto c = t.sv().cases.Get(w.agency_worker, {}, w.case_id);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->timeline.empty());
}

TEST(Cases, EditsKeepTheirHistory) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto id = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                  {"interview", Today(t), "最初の記録", {}});
  ASSERT_TRUE(id.ok());
  const std::string entry = CasePath(w) + "/entries/" + std::to_string(*id);
  auto edited = agency.Submit(
      entry + "/edit",
      {{"version", "1"}, {"kind", "interview"}, {"occurred_on", Today(t)}, {"body", "直した記録"}});
  EXPECT_EQ(edited.status, 303) << edited.body;
  auto stale = agency.Submit(entry + "/edit", {{"version", "1"},
                                               {"kind", "interview"},
                                               {"occurred_on", Today(t)},
                                               {"body", "古い版からの上書き"}});
  EXPECT_EQ(stale.status, 409);
  auto history = agency.Get(entry + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_THAT(history.body, HasSubstr("最初の記録"));
  auto page = agency.Get(CasePath(w));
  EXPECT_THAT(page.body, HasSubstr("直した記録"));
  EXPECT_THAT(page.body, Not(HasSubstr("古い版からの上書き")));
  // Another organisation's entry cannot be edited, even by a partner who sees it.
  auto hospital = t.LoginAs(w.nurse_email);
  auto foreign = hospital.Get(entry + "/edit");
  EXPECT_EQ(foreign.status, 403);
}

TEST(Cases, StatusAndOutcomeCloseTheReferralsLoop) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto moved = agency.Submit(CasePath(w),
                             {{"version", "1"},
                              {"status", "workplace_coordination"},
                              {"employer_status", "in_progress"},
                              {"agency_status", "not_needed"},
                              {"goals", "時短勤務での復職"}},
                             CasePath(w) + "/status");
  EXPECT_EQ(moved.status, 303) << moved.body;
  auto referral = t.sv().referrals.Get(w.nurse, {}, w.referral);
  ASSERT_TRUE(referral.ok());
  EXPECT_EQ(referral->status, "in_progress");

  auto closed = agency.Submit(CasePath(w),
                              {{"version", "2"}, {"outcome", "returned"}, {"outcome_on", Today(t)}},
                              CasePath(w) + "/close");
  EXPECT_EQ(closed.status, 303) << closed.body;
  referral = t.sv().referrals.Get(w.nurse, {}, w.referral);
  ASSERT_TRUE(referral.ok());
  EXPECT_EQ(referral->status, "completed");
  EXPECT_EQ(referral->result, "successful");
  EXPECT_EQ(referral->result_reason, "returned");
  // The referring hospital sees the outcome on the case page.
  auto hospital = t.LoginAs(w.nurse_email);
  auto page = hospital.Get(CasePath(w));
  EXPECT_THAT(page.body, HasSubstr("復職"));
  EXPECT_THAT(page.body, HasSubstr("終結"));
  // A closed case does not close twice.
  auto again = agency.Submit(CasePath(w),
                             {{"version", "3"}, {"outcome", "returned"}, {"outcome_on", Today(t)}},
                             CasePath(w) + "/close");
  EXPECT_EQ(again.status, 409);
  // The referral's history holds each step once, written by the agency.
  referral = t.sv().referrals.Get(w.nurse, {}, w.referral);
  ASSERT_TRUE(referral.ok());
  std::vector<std::string> steps;
  for (const auto& e : referral->events) {
    steps.push_back(e.status);
    EXPECT_FALSE(e.actor_org_name.empty());
  }
  EXPECT_THAT(steps, ::testing::ElementsAre("sent", "accepted", "in_progress", "completed"));
}

TEST(Cases, ClosingACaseLeavesAWithdrawnReferralAlone) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  auto withdrawn =
      hospital.Submit("/referrals/" + std::to_string(w.referral), {{"version", "2"}, {"note", ""}},
                      "/referrals/" + std::to_string(w.referral) + "/withdraw");
  ASSERT_EQ(withdrawn.status, 303) << withdrawn.body;
  auto agency = t.LoginAs(w.agency_email);
  auto closed =
      agency.Submit(CasePath(w), {{"version", "1"}, {"outcome", "other"}, {"outcome_on", Today(t)}},
                    CasePath(w) + "/close");
  EXPECT_EQ(closed.status, 303) << closed.body;
  auto referral = t.sv().referrals.Get(w.nurse, {}, w.referral);
  ASSERT_TRUE(referral.ok());
  EXPECT_EQ(referral->status, "withdrawn");
  EXPECT_TRUE(referral->result.empty());
  ASSERT_FALSE(referral->events.empty());
  EXPECT_EQ(referral->events.back().status, "withdrawn");
}

TEST(Cases, ASecondReferralJoinsTheOpenCaseAndTheOutcomeAnswersBoth) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  referrals::ReferralInput again;
  again.to_org_id = w.agency;
  again.reason = "workplace_coordination";
  auto second = t.sv().referrals.Send(w.nurse, {}, w.client, again);
  ASSERT_TRUE(second.ok());
  auto agency = t.LoginAs(w.agency_email);
  auto moved = agency.Submit(CasePath(w),
                             {{"version", "1"},
                              {"status", "assessment"},
                              {"employer_status", "not_started"},
                              {"agency_status", "not_started"},
                              {"goals", ""}},
                             CasePath(w) + "/status");
  ASSERT_EQ(moved.status, 303) << moved.body;
  auto joined = t.sv().referrals.Accept(w.agency_worker, {}, *second, 1);
  ASSERT_TRUE(joined.ok());
  EXPECT_EQ(*joined, w.case_id);
  // Support is already under way: the second referral is 支援中 at once.
  auto now_second = t.sv().referrals.Get(w.nurse, {}, *second);
  ASSERT_TRUE(now_second.ok());
  EXPECT_EQ(now_second->status, "in_progress");

  auto closed = agency.Submit(CasePath(w),
                              {{"version", "2"}, {"outcome", "kept_job"}, {"outcome_on", Today(t)}},
                              CasePath(w) + "/close");
  EXPECT_EQ(closed.status, 303) << closed.body;
  for (auto id : {w.referral, *second}) {
    auto r = t.sv().referrals.Get(w.nurse, {}, id);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->status, "completed") << id;
    EXPECT_EQ(r->result_reason, "kept_job") << id;
  }
}

TEST(Cases, AnOrganisationOpensOneCaseAPersonAtATime) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  const std::string client_path = "/clients/" + std::to_string(w.client);
  auto first = hospital.Submit(client_path, {}, client_path + "/cases");
  ASSERT_EQ(first.status, 303) << first.body;
  auto second = hospital.Submit(client_path, {}, client_path + "/cases");
  EXPECT_EQ(second.status, 409);
  EXPECT_THAT(second.body, HasSubstr("支援中のケースがすでにあります"));
  auto cases = t.sv().cases.ForClient(w.nurse, w.client);
  ASSERT_TRUE(cases.ok());
  int own = 0;
  for (const auto& c : *cases) own += c.own ? 1 : 0;
  EXPECT_EQ(own, 1);
}

TEST(Cases, TasksRemindTheirOwnerOnceADayWithoutContent) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto coordinator = t.LoginAs(w.agency_coordinator_email);
  auto candidates = t.sv().cases.Candidates(w.agency_worker, w.case_id);
  ASSERT_TRUE(candidates.ok());
  std::int64_t worker_id = 0;
  for (const auto& s : *candidates) {
    if (s.user_id == w.agency_worker.user_id) worker_id = s.user_id;
  }
  ASSERT_GT(worker_id, 0);
  auto added = coordinator.Submit(CasePath(w),
                                  {{"title", "タスクカナリア職場訪問QZ"},
                                   {"due_on", Today(t)},
                                   {"owner_user_id", std::to_string(worker_id)}},
                                  CasePath(w) + "/tasks");
  EXPECT_EQ(added.status, 303) << added.body;
  auto reminded = t.sv().cases.RemindDueTasks(core::DateFromUnixSeconds(t.clock().NowSeconds()));
  ASSERT_TRUE(reminded.ok());
  EXPECT_EQ(*reminded, 1);
  auto again = t.sv().cases.RemindDueTasks(core::DateFromUnixSeconds(t.clock().NowSeconds()));
  EXPECT_EQ(*again, 0);
  EXPECT_THAT(WaitForMail(w.agency_email, "タスク"), HasSubstr(CasePath(w)));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr("タスクカナリア")));
  auto c = t.sv().cases.Get(w.agency_worker, {}, w.case_id);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->tasks.size(), 1U);
  auto done = coordinator.Submit(
      CasePath(w), {}, CasePath(w) + "/tasks/" + std::to_string(c->tasks[0].id) + "/done");
  EXPECT_EQ(done.status, 303);
  auto twice = coordinator.Submit(
      CasePath(w), {}, CasePath(w) + "/tasks/" + std::to_string(c->tasks[0].id) + "/done");
  EXPECT_EQ(twice.status, 409);
}

TEST(Cases, WithdrawnConsentCutsThePartnerOffAtItsNextRequest) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto hospital = t.LoginAs(w.nurse_email);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Get(CasePath(w)).status, 200);
  ASSERT_THAT(agency.Get(CasePath(w)).body, HasSubstr(kSharedName));
  // The hospital's views leave the timeline's entries rendered in the server's cache.
  ASSERT_TRUE(
      t.sv()
          .cases.AddEntry(w.agency_worker, {}, w.case_id, {"interview", Today(t), kEntryCanary, {}})
          .ok());
  ASSERT_THAT(hospital.Get(CasePath(w)).body, HasSubstr(kEntryCanary));
  ASSERT_THAT(hospital.Get(CasePath(w) + "/timeline").body, HasSubstr(kEntryCanary));

  ASSERT_TRUE(t.sv().consents.Withdraw(w.agency_worker, {}, w.consent, "本人の申し出").ok());
  for (const std::string path : {CasePath(w), CasePath(w) + "/timeline", CasePath(w) + "/events"}) {
    auto refused = hospital.Get(path);
    EXPECT_EQ(refused.status, 404) << path;
    EXPECT_THAT(refused.body, Not(HasSubstr(kSharedName)));
    EXPECT_THAT(refused.body, Not(HasSubstr(kEntryCanary)));
  }
  // The agency keeps its own case, but no longer the hospital's data about the person.
  auto own = agency.Get(CasePath(w));
  EXPECT_EQ(own.status, 200);
  EXPECT_THAT(own.body, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(own.body, Not(HasSubstr(kSharedDiagnosis)));
  // The hospital was told (no personal data in the mail).
  EXPECT_THAT(WaitForMail(w.nurse_email, "撤回"), HasSubstr("撤回"));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr(kSharedName)));
}

// The organisation running a case opens it without an access statement once its process has
// seen the case (auth/running_case.hpp): its view must be the one the access check gives, and
// what it sees of the person must follow the consents at every request.
TEST(Cases, TheRunningOrganisationsViewIsTheAccessChecksAndFollowsTheConsents) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const auto today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  auto checked = t.sv().db.Read<auth::CaseView>([&](soci::session& s) {
    auto view = auth::RecordAccess::Case(s, w.agency_worker, w.case_id, today);
    EXPECT_TRUE(view.has_value());
    return view.value_or(auth::CaseView{});
  });
  ASSERT_TRUE(checked.ok());
  auto same_view = [&](const auth::CaseView& a, const auth::CaseView& b) {
    EXPECT_EQ(a.case_id, b.case_id);
    EXPECT_EQ(a.case_org_id, b.case_org_id);
    EXPECT_EQ(a.client_id, b.client_id);
    EXPECT_EQ(a.runs_case, b.runs_case);
    EXPECT_EQ(a.record_consents, b.record_consents);
    EXPECT_EQ(a.document_consents, b.document_consents);
    EXPECT_EQ(a.client.client_id, b.client.client_id);
    EXPECT_EQ(a.client.owner_org_id, b.client.owner_org_id);
    EXPECT_EQ(a.client.owner, b.client.owner);
    EXPECT_EQ(a.client.items, b.client.items);
    EXPECT_EQ(a.client.consents, b.client.consents);
    ASSERT_EQ(a.client.grants.size(), b.client.grants.size());
    for (std::size_t i = 0; i < a.client.grants.size(); ++i) {
      EXPECT_EQ(a.client.grants[i].id, b.client.grants[i].id);
      EXPECT_EQ(a.client.grants[i].items, b.client.grants[i].items);
    }
  };
  // The first read checks access and keeps the case's facts; the second decides from them.
  for (int read = 0; read < 2; ++read) {
    auto c = t.sv().cases.Get(w.agency_worker, {}, w.case_id, 50);
    ASSERT_TRUE(c.ok()) << read;
    same_view(c->view, *checked);
    EXPECT_EQ(c->client_name, kSharedName) << read;
  }

  // The person withdraws the consent: the next read shows the case without the person's data.
  ASSERT_TRUE(t.sv().consents.Withdraw(w.nurse, {}, w.consent, "本人の申し出").ok());
  auto withdrawn = t.sv().cases.Get(w.agency_worker, {}, w.case_id, 50);
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_TRUE(withdrawn->view.runs_case);
  EXPECT_TRUE(withdrawn->view.client.items.empty());
  EXPECT_TRUE(withdrawn->client_name.empty());
  auto agency = t.LoginAs(w.agency_email);
  auto page = agency.Get(CasePath(w));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr(kSharedName)));

  // A new consent for basic data only: the name comes back at the next read, and nothing else.
  sharing::ConsentInput basic;
  basic.organizations = {w.agency};
  basic.items = {"basic"};
  basic.purpose = "employment_support";
  basic.valid_from = core::ToIso(today);
  basic.valid_until = core::ToIso(core::AddDays(today, 90));
  basic.method = "oral";
  ASSERT_TRUE(t.sv().consents.Record(w.nurse, {}, w.client, basic).ok());
  auto again = t.sv().cases.Get(w.agency_worker, {}, w.case_id, 50);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->view.client.items, (std::vector<std::string>{"basic"}));
  EXPECT_EQ(again->client_name, kSharedName);
  EXPECT_THAT(agency.Get(CasePath(w)).body, HasSubstr(kSharedName));

  // Another organisation's staff never get the running organisation's view from the facts.
  auto foreign = t.sv().cases.Get(w.stranger_admin, {}, w.case_id, 50);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, core::ErrorCode::kNotFound);
}

TEST(Cases, MentionsTellThePersonWithoutTheText) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  auto posted = agency.Submit(CasePath(w),
                              {{"kind", "comment"},
                               {"occurred_on", Today(t)},
                               {"body", "メンションカナリアQZ 確認お願いします"},
                               {"mentions", std::to_string(w.agency_coordinator.user_id)}},
                              CasePath(w) + "/entries");
  EXPECT_EQ(posted.status, 303) << posted.body;
  EXPECT_THAT(WaitForMail(w.agency_coordinator_email, "呼ばれて"), HasSubstr(CasePath(w)));
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr("メンションカナリア")));
  auto page = agency.Get(CasePath(w));
  EXPECT_THAT(page.body, HasSubstr("支援 事務局"));  // shown as mentioned
}

TEST(Cases, TheTimelineShowsEachEntryOnceWithAllItsMentionsByName) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const std::int64_t second =
      t.CreateUser({.email = "second@agency.example", .name = "あいだ 二人目", .org_id = w.agency});
  const auto before = t.sv().cases.Get(w.agency_worker, {}, w.case_id, 50);
  ASSERT_TRUE(before.ok());
  // Three entries; the middle one mentions two people (it comes back from the database once
  // per person), and only the newest two are shown.
  for (int i = 0; i < 3; ++i) {
    cases::EntryInput in{"comment", Today(t), "記録 " + std::to_string(i), {}};
    if (i == 1) in.mentions = {w.agency_coordinator.user_id, second};
    ASSERT_TRUE(t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id, in).ok());
  }
  const auto c = t.sv().cases.Get(w.agency_worker, {}, w.case_id, 2);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->timeline_total, before->timeline_total + 3);
  EXPECT_GT(c->live_mark, before->live_mark);
  ASSERT_EQ(c->timeline.size(), 2U);
  EXPECT_EQ(c->timeline[0].body, "記録 2");
  EXPECT_TRUE(c->timeline[0].mentions.empty());
  EXPECT_EQ(c->timeline[1].body, "記録 1");
  std::vector<std::string> names = c->timeline[1].mentions;
  ASSERT_EQ(names.size(), 2U);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end())) << names[0] << ", " << names[1];
  EXPECT_THAT(names, ::testing::Contains("あいだ 二人目"));
}

}  // namespace
}  // namespace tsunagu::testing

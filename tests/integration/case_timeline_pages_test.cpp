// A long timeline (issue 17, point 7): the case page opens with the newest entries, says how
// many there are in all, and shows older ones on demand, with JavaScript (the fragment) and
// without it (the page with ?shown=N); the live refresh asks for as many as the page shows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kEntries = 120;

std::string Body(int n) {
  char text[32];
  std::snprintf(text, sizeof text, "記録番号%03d番", n);
  return text;
}

TEST(CaseTimelinePages, ALongTimelineOpensWithItsNewestEntriesAndShowsOlderOnesOnDemand) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  std::int64_t first_entry = 0;
  for (int n = 1; n <= kEntries; ++n) {
    auto id =
        t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id, {"interview", Today(t), Body(n), {}});
    ASSERT_TRUE(id.ok()) << n;
    if (n == 1) first_entry = *id;
  }
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);

  // The newest 50 (entries 120 down to 71), the count of all, and the way to older ones.
  auto page = agency.Get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(Body(120)));
  EXPECT_THAT(page.body, HasSubstr(Body(71)));
  EXPECT_THAT(page.body, Not(HasSubstr(Body(70))));
  EXPECT_THAT(page.body, HasSubstr("（120）"));
  EXPECT_THAT(page.body,
              HasSubstr("以前の記録をさらに 50 件表示する（まだ表示していない記録は 70 件）"));
  EXPECT_THAT(page.body, HasSubstr("href=\"" + path + "?shown=100#entry-"));
  EXPECT_THAT(page.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=100\""));
  EXPECT_THAT(page.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=50\""))
      << "the live refresh asks for what the page shows";

  // Without JavaScript: the page again, with 50 more.
  auto more = agency.Get(path + "?shown=100");
  ASSERT_EQ(more.status, 200);
  EXPECT_THAT(more.body, HasSubstr(Body(21)));
  EXPECT_THAT(more.body, Not(HasSubstr(Body(20))));
  EXPECT_THAT(more.body, HasSubstr("さらに 20 件"));

  // With JavaScript: the timeline fragment, which the live refresh then asks for again.
  auto fragment = agency.Get(path + "/timeline?shown=100", {{"HX-Request", "true"}});
  ASSERT_EQ(fragment.status, 200);
  EXPECT_THAT(fragment.body, HasSubstr(Body(21)));
  EXPECT_THAT(fragment.body, Not(HasSubstr(Body(20))));
  EXPECT_THAT(fragment.body, HasSubstr("hx-get=\"" + path + "/timeline?shown=100\""));
  EXPECT_THAT(fragment.body, Not(HasSubstr("<html")));

  // All of them: no link to older ones.
  auto all = agency.Get(path + "?shown=150");
  EXPECT_THAT(all.body, HasSubstr(Body(1)));
  EXPECT_THAT(all.body, Not(HasSubstr("timeline__more")));

  // A number that is not one, or too small, shows the first 50.
  for (const char* shown : {"abc", "-5", "3"}) {
    auto odd = agency.Get(path + "?shown=" + shown);
    ASSERT_EQ(odd.status, 200) << shown;
    EXPECT_THAT(odd.body, HasSubstr(Body(71))) << shown;
    EXPECT_THAT(odd.body, Not(HasSubstr(Body(70)))) << shown;
  }

  // The oldest entry can still be edited from its own page.
  EXPECT_EQ(agency.Get(path + "/entries/" + std::to_string(first_entry) + "/edit").status, 200);
}

// The case's count and mark as kept on its row, and its entries as counted.
struct Counted {
  long long kept = 0;
  long long mark = 0;
  long long counted = 0;
};

Counted CountedOf(TestServer& t, std::int64_t case_id) {
  auto c = t.sv().db.Read<Counted>([&](soci::session& s) {
    Counted out;
    long long id = case_id;
    s << "SELECT timeline_entries, timeline_mark, (SELECT COUNT(*) FROM timeline_entry WHERE "
         "case_id = :c) FROM support_case WHERE id = :id",
        soci::into(out.kept), soci::into(out.mark), soci::into(out.counted), soci::use(id),
        soci::use(id);
    return out;
  });
  EXPECT_TRUE(c.ok());
  return c.ok() ? *c : Counted{};
}

void Sql(TestServer& t, const std::string& sql) {
  ASSERT_TRUE(t.sv().db.WriteVoid([&](soci::session& s) { s << sql; }).ok()) << sql;
}

// The entries a view rendered are shown again to the next view of the same timeline, but any
// change of the timeline shows at the next view, whoever made it: this server's pages, the
// services (as another server would), or a statement run on the database itself.
TEST(CaseTimelinePages, EveryChangeOfTheTimelineShowsAtTheNextViewWhoeverMadeIt) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const std::string path = "/cases/" + std::to_string(w.case_id);
  const std::string fragment = path + "/timeline";
  auto agency = t.LoginAs(w.agency_email);
  auto shows = [&](const std::string& text) {
    const auto page = agency.Get(path);
    const auto part = agency.Get(fragment);
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(part.status, 200);
    const bool in_page = page.body.find(text) != std::string::npos;
    EXPECT_EQ(in_page, part.body.find(text) != std::string::npos) << text;
    return in_page;
  };
  auto counted_right = [&] {
    const auto c = CountedOf(t, w.case_id);
    EXPECT_EQ(c.kept, c.counted);
    return c.mark;
  };
  long long mark = counted_right();

  // Added through the services: not through this server's pages.
  auto id = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                  {"interview", Today(t), "サービスから足した記録", {}});
  ASSERT_TRUE(id.ok());
  EXPECT_GT(counted_right(), mark);
  mark = counted_right();
  EXPECT_TRUE(shows("サービスから足した記録"));
  EXPECT_TRUE(shows("サービスから足した記録")) << "shown again, unchanged";

  // Changed on the database itself.
  Sql(t, "UPDATE timeline_entry SET occurred_on = '2026-01-05' WHERE id = " + std::to_string(*id));
  EXPECT_GT(counted_right(), mark);
  mark = counted_right();
  EXPECT_TRUE(shows("datetime=\"2026-01-05\""));

  // Removed on the database itself: gone from the list and from the count.
  const auto before = CountedOf(t, w.case_id);
  Sql(t, "DELETE FROM timeline_entry WHERE id = " + std::to_string(*id));
  const auto after = CountedOf(t, w.case_id);
  EXPECT_EQ(after.kept, before.kept - 1);
  EXPECT_EQ(after.kept, after.counted);
  EXPECT_GT(after.mark, mark) << "the mark never goes back";
  EXPECT_FALSE(shows("サービスから足した記録"));
  EXPECT_THAT(agency.Get(path).body, HasSubstr("（" + std::to_string(after.kept) + "）"));
}

// What a change of the timeline does not move (a name changed since) shows once the kept
// entries are a minute old; within the minute the entries kept are shown, so the cache is used.
TEST(CaseTimelinePages, RenderedEntriesAreShownAgainForAtMostAMinute) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_TRUE(
      t.sv()
          .cases.AddEntry(w.agency_worker, {}, w.case_id, {"interview", Today(t), "名前の確認", {}})
          .ok());
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Get(path).status, 200);
  Sql(t,
      "UPDATE organization SET name = '改名後の支援機関QZ' WHERE id = " + std::to_string(w.agency));
  auto within = agency.Get(path + "/timeline");
  ASSERT_EQ(within.status, 200);
  EXPECT_THAT(within.body, Not(HasSubstr("改名後の支援機関QZ"))) << "not the kept entries";
  t.clock().Advance(60);
  auto later = agency.Get(path + "/timeline");
  ASSERT_EQ(later.status, 200);
  EXPECT_THAT(later.body, HasSubstr("改名後の支援機関QZ"));
}

// Entries rendered for one organisation are not shown to another: the running organisation's
// view has edit links on its own entries, the partner's view has them on its own only.
TEST(CaseTimelinePages, EachOrganisationSeesTheTimelineAsItsOwn) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency_entry = t.sv().cases.AddEntry(w.agency_worker, {}, w.case_id,
                                            {"interview", Today(t), "支援機関の記録", {}});
  auto hospital_entry =
      t.sv().cases.AddEntry(w.nurse, {}, w.case_id, {"comment", Today(t), "病院のコメント", {}});
  ASSERT_TRUE(agency_entry.ok() && hospital_entry.ok());
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto edit = [&](std::int64_t entry) {
    return path + "/entries/" + std::to_string(entry) + "/edit";
  };
  auto agency = t.LoginAs(w.agency_email);
  auto hospital = t.LoginAs(w.nurse_email);
  for (int round = 0; round < 2; ++round) {
    for (const std::string suffix : {"", "/timeline"}) {
      const auto a = agency.Get(path + suffix);
      const auto h = hospital.Get(path + suffix);
      ASSERT_EQ(a.status, 200);
      ASSERT_EQ(h.status, 200);
      EXPECT_THAT(a.body, HasSubstr(edit(*agency_entry))) << suffix;
      EXPECT_THAT(a.body, Not(HasSubstr(edit(*hospital_entry)))) << suffix;
      EXPECT_THAT(h.body, HasSubstr(edit(*hospital_entry))) << suffix;
      EXPECT_THAT(h.body, Not(HasSubstr(edit(*agency_entry)))) << suffix;
    }
  }
}

// The running organisation opens its case from the case's facts, kept by its server after the
// first view (auth/running_case.hpp); a case gone since (erased) is not found, page or
// fragment, and no kept entries are shown for it.
TEST(CaseTimelinePages, ACaseGoneSinceItWasOpenedIsNotFound) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_TRUE(
      t.sv()
          .cases
          .AddEntry(w.agency_worker, {}, w.case_id, {"interview", Today(t), "消える前の記録", {}})
          .ok());
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_THAT(agency.Get(path).body, HasSubstr("消える前の記録"));
  ASSERT_THAT(agency.Get(path + "/timeline").body, HasSubstr("消える前の記録"));
  const std::string id = std::to_string(w.case_id);
  for (const std::string& sql :
       {"DELETE FROM timeline_mention WHERE entry_id IN (SELECT id FROM timeline_entry WHERE "
        "case_id = " +
            id + ")",
        "DELETE FROM timeline_entry WHERE case_id = " + id,
        "DELETE FROM case_staff WHERE case_id = " + id,
        "DELETE FROM case_task WHERE case_id = " + id,
        "DELETE FROM support_case WHERE id = " + id}) {
    Sql(t, sql);
  }
  for (const std::string suffix : {"", "/timeline"}) {
    auto gone = agency.Get(path + suffix);
    EXPECT_EQ(gone.status, 404) << suffix;
    EXPECT_THAT(gone.body, Not(HasSubstr("消える前の記録"))) << suffix;
  }
}

long long DetailsMark(TestServer& t, std::int64_t case_id) {
  auto mark = t.sv().db.Read<long long>([&](soci::session& s) {
    long long out = 0;
    long long id = case_id;
    s << "SELECT details_mark FROM support_case WHERE id = :id", soci::into(out), soci::use(id);
    return out;
  });
  EXPECT_TRUE(mark.ok());
  return mark.ok() ? *mark : 0;
}

// The staff and tasks a view read are shown again to the next view while the case's details
// mark stays (0041_case_details_mark), but any change of them shows at the next view, whoever
// made it: the services (as another server would) or a statement run on the database itself.
TEST(CaseTimelinePages, EveryChangeOfTheStaffAndTasksShowsAtTheNextViewWhoeverMadeIt) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);
  auto page = [&] {
    auto r = agency.Get(path);
    EXPECT_EQ(r.status, 200);
    return r.body;
  };
  ASSERT_THAT(page(), Not(HasSubstr("面談日程の調整QX")));
  long long mark = DetailsMark(t, w.case_id);

  auto task = t.sv().cases.AddTask(w.agency_worker, {}, w.case_id,
                                   {"面談日程の調整QX", InDays(t, 3), w.agency_worker.user_id});
  ASSERT_TRUE(task.ok());
  EXPECT_GT(DetailsMark(t, w.case_id), mark);
  mark = DetailsMark(t, w.case_id);
  EXPECT_THAT(page(), HasSubstr("<strong>面談日程の調整QX</strong>"));
  EXPECT_THAT(page(), HasSubstr("<strong>面談日程の調整QX</strong>")) << "shown again, unchanged";

  Sql(t, "UPDATE case_task SET status = 'done', done_at = 1 WHERE id = " + std::to_string(*task));
  EXPECT_GT(DetailsMark(t, w.case_id), mark);
  mark = DetailsMark(t, w.case_id);
  EXPECT_THAT(page(), HasSubstr("<s>面談日程の調整QX</s>"));

  Sql(t, "DELETE FROM case_task WHERE id = " + std::to_string(*task));
  EXPECT_GT(DetailsMark(t, w.case_id), mark);
  mark = DetailsMark(t, w.case_id);
  EXPECT_THAT(page(), Not(HasSubstr("面談日程の調整QX")));

  // The coordinator put on the case's staff on the database itself, then taken off.
  const auto staff_line = [&] { return TextBetween(page(), "<dt>担当者</dt><dd>", "</dd>"); };
  ASSERT_THAT(staff_line(), Not(HasSubstr("支援 事務局")));
  Sql(t, "INSERT INTO case_staff (case_id, user_id) VALUES (" + std::to_string(w.case_id) + ", " +
             std::to_string(w.agency_coordinator.user_id) + ")");
  EXPECT_GT(DetailsMark(t, w.case_id), mark);
  mark = DetailsMark(t, w.case_id);
  EXPECT_THAT(staff_line(), HasSubstr("支援 事務局"));
  Sql(t, "DELETE FROM case_staff WHERE user_id = " + std::to_string(w.agency_coordinator.user_id));
  EXPECT_GT(DetailsMark(t, w.case_id), mark) << "the mark never goes back";
  EXPECT_THAT(staff_line(), Not(HasSubstr("支援 事務局")));
}

// What the details mark does not follow (a staff member's name changed since) shows once the
// details kept are a minute old; within the minute those kept are shown, so the cache is used.
TEST(CaseTimelinePages, StaffKeptAreShownAgainForAtMostAMinute) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_TRUE(t.sv()
                  .cases
                  .AssignStaff(w.agency_worker, {}, w.case_id,
                               {w.agency_worker.user_id, w.agency_coordinator.user_id})
                  .ok());
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_THAT(agency.Get(path).body, HasSubstr("支援 事務局"));
  Sql(t, "UPDATE app_user SET display_name = '改名後の事務局QY' WHERE id = " +
             std::to_string(w.agency_coordinator.user_id));
  auto within = agency.Get(path);
  ASSERT_EQ(within.status, 200);
  EXPECT_THAT(within.body, Not(HasSubstr("改名後の事務局QY"))) << "not the kept staff";
  t.clock().Advance(60);
  auto later = agency.Get(path);
  ASSERT_EQ(later.status, 200);
  EXPECT_THAT(later.body, HasSubstr("改名後の事務局QY"));
}

// The tasks are the running organisation's own: a partner's view never shows them, whichever
// organisation's view the server kept the case's staff and tasks for first.
TEST(CaseTimelinePages, KeptTasksAreShownToTheRunningOrganisationOnly) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_TRUE(t.sv()
                  .cases
                  .AddTask(w.agency_worker, {}, w.case_id,
                           {"タスクカナリア内部メモQW", InDays(t, 3), w.agency_worker.user_id})
                  .ok());
  const std::string path = "/cases/" + std::to_string(w.case_id);
  auto agency = t.LoginAs(w.agency_email);
  auto hospital = t.LoginAs(w.nurse_email);
  for (int round = 0; round < 2; ++round) {
    // Round 0: the agency's view first; round 1, once what was kept is a minute old: the
    // hospital's first.
    HttpResult a;
    HttpResult h;
    if (round == 0) {
      a = agency.Get(path);
      h = hospital.Get(path);
    } else {
      h = hospital.Get(path);
      a = agency.Get(path);
    }
    ASSERT_EQ(a.status, 200);
    ASSERT_EQ(h.status, 200);
    EXPECT_THAT(a.body, HasSubstr("タスクカナリア内部メモQW")) << round;
    EXPECT_THAT(h.body, Not(HasSubstr("タスクカナリア内部メモQW"))) << round;
    EXPECT_THAT(h.body, HasSubstr("支援 太郎")) << "the hospital sees the staff";
    t.clock().Advance(60);
  }
}

}  // namespace
}  // namespace tsunagu::testing

// 両立支援の様式 on both engines: the agency running the case writes a 主治医意見書 (revisions,
// kept input on errors, stale saves), the referring hospital reads and prints it through its
// consent but cannot save, an unrelated organisation finds nothing on any forms route, the
// stored answers are encrypted, the printed sheet has its signature lines and the chosen
// calendar, and a new 勤務情報提供書 starts from the client's record.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFormCanary = "様式カナリア重量物QZ";

std::string FormsPath(const SharingWorld& w) {
  return "/cases/" + std::to_string(w.case_id) + "/forms";
}

std::string OpinionPath(const SharingWorld& w) {
  return FormsPath(w) + "/doctor_opinion_form";
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields Opinion(const std::string& expected_revision, const std::string& measures) {
  return {{"expected_revision", expected_revision},
          {"opinion_kind", "continuation"},
          {"patient_name", kSharedName},
          {"birth_date", "1978"},
          {"diagnosis", "乳がん（術後）"},
          {"work_fitness", "conditional"},
          {"workplace_measures", measures},
          {"other_considerations", "月1回の通院時間を確保する"},
          {"measure_period.from", "2026-05-01"},
          {"measure_period.to", "2026-07-31"},
          {"measure_months", "3"},
          {"clinic_name", "共有テスト病院"}};
}

long long CountRevisions(TestServer& t) {
  auto n = t.app().db().Read<long long>([](soci::session& s) {
    long long count = 0;
    s << "SELECT COUNT(*) FROM case_form_revision", soci::into(count);
    return count;
  });
  EXPECT_TRUE(n.ok());
  return n ? *n : -1;
}

TEST(Forms, DoctorsOpinionIsSavedAsRevisionsAndOldOnesStayReadable) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  ASSERT_GT(w.case_id, 0);
  auto agency = t.LoginAs(w.agency_email);

  auto list = agency.Get(FormsPath(w));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, HasSubstr("主治医意見書"));
  EXPECT_THAT(list.body, HasSubstr("勤務情報提供書"));
  auto page = agency.Get("/cases/" + std::to_string(w.case_id));
  EXPECT_THAT(page.body, HasSubstr("href=\"" + FormsPath(w) + "\""));

  auto blank = agency.Get(OpinionPath(w));
  ASSERT_EQ(blank.status, 200) << blank.body;
  EXPECT_THAT(blank.body, HasSubstr("name=\"work_fitness\""));
  EXPECT_THAT(blank.body, HasSubstr("条件付きで可（就業上の措置があれば可能）"));
  EXPECT_THAT(blank.body, HasSubstr("name=\"expected_revision\" value=\"0\""));

  auto first = agency.Submit(OpinionPath(w), Opinion("0", "重いものを持たない"));
  ASSERT_EQ(first.status, 303) << first.body;
  EXPECT_THAT(first.Header("location"), HasSubstr("?saved=1"));
  auto shown = agency.Get(first.Header("location"));
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr("第1版として保存しました"));
  EXPECT_THAT(shown.body, HasSubstr("value=\"conditional\" checked"));
  EXPECT_THAT(shown.body, HasSubstr("value=\"2026-05-01\""));
  EXPECT_THAT(shown.body, HasSubstr("name=\"expected_revision\" value=\"1\""));

  auto second = agency.Submit(OpinionPath(w), Opinion("1", "重いものを持たない。残業を避ける"));
  ASSERT_EQ(second.status, 303) << second.body;
  EXPECT_THAT(second.Header("location"), HasSubstr("?saved=2"));

  auto old = agency.Get(OpinionPath(w) + "/revisions/1");
  ASSERT_EQ(old.status, 200) << old.body;
  EXPECT_THAT(old.body, HasSubstr("重いものを持たない"));
  EXPECT_THAT(old.body, Not(HasSubstr("残業を避ける")));
  EXPECT_THAT(old.body, HasSubstr("最新の版（第2版）ではありません"));
  EXPECT_THAT(old.body, Not(HasSubstr("name=\"expected_revision\"")));  // read-only
  EXPECT_EQ(agency.Get(OpinionPath(w) + "/revisions/3").status, 404);

  auto history = t.sv().forms.History(w.agency_worker, w.case_id, "doctor_opinion_form");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->front().revision, 2);
  EXPECT_EQ(history->front().form_version, "2026-04");
  auto latest = t.sv().forms.Get(w.agency_worker, {}, w.case_id, "doctor_opinion_form");
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(latest->revision, 2);
  EXPECT_EQ(latest->data.at("work_fitness").as_string(), "conditional");
  EXPECT_EQ(latest->data.at("measure_period").at("to").as_string(), "2026-07-31");

  // Someone saved revision 2 after this page was opened at revision 1: 409, typed text kept.
  auto stale = agency.Submit(OpinionPath(w), Opinion("1", "古い画面からの保存カナリア"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("古い画面からの保存カナリア"));
  EXPECT_THAT(stale.body, HasSubstr("第2版を保存しました"));
  EXPECT_THAT(stale.body, HasSubstr("name=\"expected_revision\" value=\"2\""));
  EXPECT_EQ(CountRevisions(t), 2);
  auto direct = t.sv().forms.Save(w.agency_worker, {}, w.case_id, "doctor_opinion_form",
                                  {{"opinion_kind", "return"},
                                   {"patient_name", "x"},
                                   {"diagnosis", "y"},
                                   {"work_fitness", "possible"}},
                                  0);
  ASSERT_FALSE(direct.ok());
  EXPECT_EQ(direct.error().code, core::ErrorCode::kConflict);
}

TEST(Forms, ErrorsKeepWhatWasTypedAndStoreNothing) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  Fields bad = Opinion("0", "入力保持カナリアQZ");
  for (auto& [k, v] : bad) {
    if (k == "work_fitness") v = "";
    if (k == "measure_period.from") v = "2026-08-01";  // after the end
    if (k == "measure_months") v = "三か月";
    if (k == "diagnosis") v = std::string(201, 'a');
  }
  bad.emplace_back("plan_unknown_field", "ignored");
  auto r = agency.Submit(OpinionPath(w), bad);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.body, HasSubstr("入力内容を確認してください"));  // the summary at the top
  EXPECT_THAT(r.body, HasSubstr("href=\"#work_fitness\""));
  EXPECT_THAT(r.body, HasSubstr("就業継続（職場復帰）の可否：入力してください"));
  EXPECT_THAT(r.body, HasSubstr("終了日は開始日と同じか、それより後の日にしてください"));
  EXPECT_THAT(r.body, HasSubstr("半角の整数で入力してください"));
  EXPECT_THAT(r.body, HasSubstr("文字数が多すぎます"));
  EXPECT_THAT(r.body, HasSubstr("id=\"measure_period.to-error\""));
  EXPECT_THAT(r.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(r.body, HasSubstr("入力保持カナリアQZ"));
  EXPECT_THAT(r.body, HasSubstr("value=\"2026-08-01\""));
  EXPECT_THAT(r.body, HasSubstr("value=\"三か月\""));
  EXPECT_EQ(CountRevisions(t), 0);
  auto forms = t.sv().forms.List(w.agency_worker, w.case_id);
  ASSERT_TRUE(forms.ok());
  ASSERT_FALSE(forms->forms.empty()) << "the case lists its forms";
  for (const auto& f : forms->forms) EXPECT_FALSE(f.saved) << f.form_type;
}

TEST(Forms, PartnerHospitalReadsAndPrintsButCannotSave) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Submit(OpinionPath(w), Opinion("0", kFormCanary)).status, 303);

  auto hospital = t.LoginAs(w.nurse_email);
  auto list = hospital.Get(FormsPath(w));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, HasSubstr("閲覧と印刷だけできます"));
  auto view = hospital.Get(OpinionPath(w));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_THAT(view.body, HasSubstr(kFormCanary));
  EXPECT_THAT(view.body, HasSubstr("条件付きで可（就業上の措置があれば可能）"));
  EXPECT_THAT(view.body, HasSubstr("令和8年5月1日"));
  EXPECT_THAT(view.body, Not(HasSubstr("name=\"expected_revision\"")));
  EXPECT_THAT(view.body, Not(HasSubstr("name=\"work_fitness\"")));
  auto print = hospital.Get(OpinionPath(w) + "/print");
  ASSERT_EQ(print.status, 200);
  EXPECT_THAT(print.body, HasSubstr(kFormCanary));

  auto post = hospital.Submit(OpinionPath(w), Opinion("1", "病院からの書き換え"));
  EXPECT_EQ(post.status, 403) << post.body;
  auto invalid_post = hospital.Submit(OpinionPath(w), {{"expected_revision", "1"}});
  EXPECT_EQ(invalid_post.status, 403);  // no validation messages for a partner
  EXPECT_EQ(CountRevisions(t), 1);

  // The hospital's read is a provision of the agency's record under the consent.
  auto provided = t.app().db().Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = w.hospital;
    s << "SELECT COUNT(*) FROM provision_record WHERE recipient_org_id = :o", soci::into(n),
        soci::use(org);
    return n;
  });
  ASSERT_TRUE(provided.ok());
  EXPECT_GT(*provided, 0);

  // Viewers of the hospital do not counsel: the route refuses them.
  auto viewer = t.LoginAs(w.hospital_viewer_email);
  EXPECT_EQ(viewer.Get(FormsPath(w)).status, 403);
}

TEST(Forms, StrangerOrganisationGetsNotFoundOnEveryFormsRoute) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Submit(OpinionPath(w), Opinion("0", kFormCanary)).status, 303);

  auto stranger = t.LoginAs(w.stranger_email);
  for (const std::string path :
       {FormsPath(w), OpinionPath(w), OpinionPath(w) + "/print",
        OpinionPath(w) + "/print?calendar=seireki", OpinionPath(w) + "/revisions/1",
        FormsPath(w) + "/work_info_form", FormsPath(w) + "/support_plan/print",
        FormsPath(w) + "/assessment/revisions/1"}) {
    auto r = stranger.Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kFormCanary))) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kSharedName))) << path;
  }
  auto post = stranger.Submit(FormsPath(w), Opinion("1", "よその機関"), OpinionPath(w));
  EXPECT_EQ(post.status, 404) << post.body;
  auto bad = stranger.Submit(FormsPath(w), {{"expected_revision", "1"}}, OpinionPath(w));
  EXPECT_EQ(bad.status, 404);
  EXPECT_EQ(CountRevisions(t), 1);
  // An unknown form type is not found for anyone.
  EXPECT_EQ(agency.Get(FormsPath(w) + "/sick_note").status, 404);
}

TEST(Forms, StoredAnswersHoldNoCanary) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Submit(OpinionPath(w), Opinion("0", kFormCanary)).status, 303);
  ASSERT_EQ(agency.Submit(OpinionPath(w), Opinion("1", kFormCanary)).status, 303);
  auto raw = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT data_enc, form_version FROM case_form_revision");
    for (const auto& r : rows) all += r.get<std::string>(0) + "|" + r.get<std::string>(1) + "\n";
    return all;
  });
  ASSERT_TRUE(raw.ok());
  EXPECT_THAT(*raw, HasSubstr("v1."));
  EXPECT_THAT(*raw, HasSubstr("2026-04"));
  EXPECT_THAT(*raw, Not(HasSubstr(kFormCanary)));
  EXPECT_THAT(*raw, Not(HasSubstr(kSharedName)));
  EXPECT_THAT(*raw, Not(HasSubstr("conditional")));
  auto audit = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT action, detail FROM audit_event");
    for (const auto& r : rows) all += r.get<std::string>(0) + " " + r.get<std::string>(1) + "\n";
    return all;
  });
  ASSERT_TRUE(audit.ok());
  EXPECT_THAT(*audit, HasSubstr("case_form.save"));
  EXPECT_THAT(*audit, HasSubstr("\"revision\":2"));
  EXPECT_THAT(*audit, Not(HasSubstr(kFormCanary)));
}

TEST(Forms, PrintHasSignatureLinesAndTheChosenCalendar) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto agency = t.LoginAs(w.agency_email);
  ASSERT_EQ(agency.Submit(OpinionPath(w), Opinion("0", "重いものを持たない")).status, 303);

  auto wareki = agency.Get(OpinionPath(w) + "/print");
  ASSERT_EQ(wareki.status, 200) << wareki.body;
  EXPECT_THAT(wareki.body, HasSubstr("class=\"mhlw-form\""));
  EXPECT_THAT(wareki.body, HasSubstr("主治医意見書"));
  EXPECT_THAT(wareki.body, HasSubstr("（本人署名）"));
  EXPECT_THAT(wareki.body, HasSubstr("（主治医署名）"));
  EXPECT_THAT(wareki.body, HasSubstr("上記内容を確認しました。"));
  EXPECT_THAT(wareki.body, HasSubstr("令和8年5月1日 〜 令和8年7月31日"));
  EXPECT_THAT(wareki.body, HasSubstr("令和　　年　　月　　日"));
  EXPECT_THAT(wareki.body, HasSubstr("昭和53年"));  // the partial birth date
  EXPECT_THAT(wareki.body, HasSubstr("条件付きで可（就業上の措置があれば可能）"));
  EXPECT_THAT(wareki.body, HasSubstr("3か月間"));
  // The official order: 病名 before 就業継続の可否 before 措置期間.
  const auto diagnosis = wareki.body.find("病名");
  const auto fitness = wareki.body.find("就業継続（職場復帰）の可否");
  const auto period = wareki.body.find("上記の措置期間");
  EXPECT_LT(diagnosis, fitness);
  EXPECT_LT(fitness, period);

  auto seireki = agency.Get(OpinionPath(w) + "/print?calendar=seireki");
  ASSERT_EQ(seireki.status, 200);
  EXPECT_THAT(seireki.body, HasSubstr("2026年5月1日 〜 2026年7月31日"));
  EXPECT_THAT(seireki.body, HasSubstr("1978年"));
  EXPECT_THAT(seireki.body, Not(HasSubstr("令和8年5月1日")));
  EXPECT_THAT(seireki.body, HasSubstr("（本人署名）"));

  // The A4 rules of print.css that hide the site around the sheet.
  auto css = agency.Get("/static/css/print.css");
  ASSERT_EQ(css.status, 200);
  EXPECT_THAT(css.body, HasSubstr("/* MHLW forms */"));
  EXPECT_THAT(css.body, HasSubstr("body:has(.mhlw-form)"));

  // Japanese even when the person reads the site in English; a blank form prints too.
  auto english = agency.Get(OpinionPath(w) + "/print?lang=en");
  EXPECT_THAT(english.body, HasSubstr("（主治医署名）"));
  auto blank_plan = agency.Get(FormsPath(w) + "/support_plan/print");
  ASSERT_EQ(blank_plan.status, 200);
  EXPECT_THAT(blank_plan.body, HasSubstr("1か月目"));
}

TEST(Forms, PrefillPutsTheClientsNameIntoTheWorkInformationForm) {
  TestServer t;
  auto w = BuildSharingWorld(t);
  auto prefill = t.sv().forms.Prefill(w.agency_worker, {}, w.case_id, "work_info_form");
  ASSERT_TRUE(prefill.ok());
  auto it = prefill->find("employee_name");
  ASSERT_NE(it, prefill->end());
  EXPECT_EQ(it->second, kSharedName);

  auto agency = t.LoginAs(w.agency_email);
  auto page = agency.Get(FormsPath(w) + "/work_info_form");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("value=\"" + std::string(kSharedName) + "\""));
  EXPECT_THAT(page.body, HasSubstr("value=\"1978\""));
  EXPECT_THAT(page.body, HasSubstr("産業医"));
  EXPECT_THAT(page.body, HasSubstr("共有が認められている項目"));

  // The plan and the assessment offer their tables with the first rows' labels.
  auto plan = agency.Get(FormsPath(w) + "/support_plan");
  ASSERT_EQ(plan.status, 200) << plan.body;
  EXPECT_THAT(plan.body, HasSubstr("value=\"1か月目\""));
  auto assessment = agency.Get(FormsPath(w) + "/assessment");
  ASSERT_EQ(assessment.status, 200) << assessment.body;
  EXPECT_THAT(assessment.body, HasSubstr(kSharedDiagnosis));
}

}  // namespace
}  // namespace tsunagu::testing

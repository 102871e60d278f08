// Staff pages as staff use them (issue 14, point 12): a form sent back with errors says so in
// the page's title and takes focus on its summary; working pages use the screen's width.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness.hpp"
#include "sharing_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Title(const std::string& body) {
  const auto start = body.find("<title>");
  const auto end = body.find("</title>");
  if (start == std::string::npos || end == std::string::npos) return {};
  return body.substr(start + 7, end - start - 7);
}

TEST(StaffPages, AFormWithErrorsSaysSoInItsTitleAndFocusesItsSummary) {
  TestServer t;
  const auto org = t.CreateOrg("県 両立支援事務局", "municipality");
  t.CreateUser({"coord-ui@example.jp", "事務局", "coordinator", "clerical", org});
  auto c = t.LoginAs("coord-ui@example.jp");

  auto blank = c.Get("/programs");
  ASSERT_EQ(blank.status, 200);
  EXPECT_THAT(Title(blank.body), Not(HasSubstr("入力内容に誤りがあります")));
  EXPECT_THAT(blank.body, Not(HasSubstr("error-summary")));

  auto refused = c.Submit("/programs", {{"name", ""}, {"description", "夜の相談会"}});
  ASSERT_EQ(refused.status, 422);
  EXPECT_THAT(Title(refused.body), HasSubstr("入力内容に誤りがあります："));
  EXPECT_THAT(refused.body, HasSubstr("class=\"error-summary\" role=\"alert\""));
  EXPECT_THAT(refused.body, HasSubstr("tabindex=\"-1\" autofocus>"));
  EXPECT_THAT(refused.body, HasSubstr("夜の相談会"));  // what they typed stays

  auto english = c.Submit("/programs?lang=en", {{"name", ""}});
  EXPECT_THAT(Title(english.body), HasSubstr("There is a problem with what you entered: "));
}

TEST(StaffPages, WorkingPagesUseTheScreensWidthOthersKeepTheReadingWidth) {
  TestServer t;
  const auto org = t.CreateOrg("県 両立支援事務局", "municipality");
  t.CreateUser({"coord-wide@example.jp", "事務局", "coordinator", "clerical", org});
  auto c = t.LoginAs("coord-wide@example.jp");
  auto created = c.Submit("/programs", {{"name", "出張相談会"}, {"description", ""}});
  ASSERT_EQ(created.status, 303);
  auto program = c.Get(created.Header("location"));
  ASSERT_EQ(program.status, 200);
  EXPECT_THAT(program.body, HasSubstr("class=\"main main--wide\""));
  auto account = c.Get("/account");
  ASSERT_EQ(account.status, 200);
  EXPECT_THAT(account.body, HasSubstr("class=\"main\""));
  EXPECT_THAT(account.body, Not(HasSubstr("main--wide")));
}

TEST(StaffPages, TitlesNameTheRecordNeverThePerson) {
  TestServer t;
  auto w = BuildSharingWorld(t, true, true);
  auto agency = t.LoginAs(w.agency_email);
  const std::string case_path = "/cases/" + std::to_string(w.case_id);
  auto page = agency.Get(case_path);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kSharedName));  // the page itself names the person
  EXPECT_EQ(Title(page.body),
            "支援ケース（ケース番号 " + std::to_string(w.case_id) + "） | つなぐ");
  auto form = agency.Get(case_path + "/forms/doctor_opinion_form");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(Title(form.body), HasSubstr("ケース番号 " + std::to_string(w.case_id)));
  EXPECT_THAT(Title(form.body), HasSubstr("意見書"));
  auto referral = agency.Get("/referrals/" + std::to_string(w.referral));
  ASSERT_EQ(referral.status, 200);
  EXPECT_THAT(Title(referral.body), HasSubstr("紹介番号 " + std::to_string(w.referral)));
  for (const auto* body : {&page.body, &form.body, &referral.body}) {
    EXPECT_THAT(Title(*body), Not(HasSubstr(kSharedName)));
  }
}

}  // namespace
}  // namespace tsunagu::testing

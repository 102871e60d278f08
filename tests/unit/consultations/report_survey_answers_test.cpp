// The questionnaire's answer rules and the report's mean, without a database.
#include <gtest/gtest.h>

#include <string>

#include "consultations/survey.hpp"

namespace tsunagu::consultations {
namespace {

bool HasError(const std::vector<core::FieldError>& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return true;
  }
  return false;
}

TEST(SurveyAnswers, OnlySatisfactionIsRequired) {
  SurveyAnswers a;
  EXPECT_TRUE(HasError(SurveyService::Validate(a), "satisfaction"));
  a.satisfaction = 6;
  EXPECT_TRUE(HasError(SurveyService::Validate(a), "satisfaction"));
  a.satisfaction = 1;
  EXPECT_TRUE(SurveyService::Validate(a).empty());
  a.satisfaction = 5;
  a.helpfulness = "very";
  a.outlook = "not_yet";
  a.use_again = "maybe";
  a.heard_from = "leaflet";
  a.comment = "ありがとうございました";
  EXPECT_TRUE(SurveyService::Validate(a).empty());
}

TEST(SurveyAnswers, CodesOutsideTheListsAreRefused) {
  SurveyAnswers a;
  a.satisfaction = 3;
  a.helpfulness = "extremely";
  a.outlook = "clear ";
  a.use_again = "YES";
  a.heard_from = "tv";
  const auto errors = SurveyService::Validate(a);
  EXPECT_TRUE(HasError(errors, "helpfulness"));
  EXPECT_TRUE(HasError(errors, "outlook"));
  EXPECT_TRUE(HasError(errors, "use_again"));
  EXPECT_TRUE(HasError(errors, "heard_from"));
}

TEST(SurveyAnswers, CommentIsLimitedTo1000Characters) {
  SurveyAnswers a;
  a.satisfaction = 4;
  std::string comment;
  for (int i = 0; i < 1000; ++i) comment += "あ";
  a.comment = comment;
  EXPECT_TRUE(SurveyService::Validate(a).empty());
  a.comment = comment + "い";
  EXPECT_TRUE(HasError(SurveyService::Validate(a), "comment"));
}

TEST(SurveyAnswers, AverageIsRoundedHalfUpWithIntegers) {
  EXPECT_EQ(AverageOneDecimal(13, 3), "4.3");  // 4.333…
  EXPECT_EQ(AverageOneDecimal(9, 2), "4.5");
  EXPECT_EQ(AverageOneDecimal(25, 6), "4.2");   // 4.1666…
  EXPECT_EQ(AverageOneDecimal(29, 20), "1.5");  // 1.45 → 1.5
  EXPECT_EQ(AverageOneDecimal(5, 1), "5.0");
  EXPECT_EQ(AverageOneDecimal(7, 2), "3.5");
  EXPECT_EQ(AverageOneDecimal(0, 0), "—");
}

}  // namespace
}  // namespace tsunagu::consultations

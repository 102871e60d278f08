// 相談記録: validation of the record form and the mapping of seed 001's intake topics.
#include "consultations/records.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tsunagu::consultations {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

RecordInput Valid() {
  RecordInput in;
  in.professions = {"nurse", "career_consultant"};
  in.topics = {"keep_working", "money"};
  in.referred_to = {"hello_work"};
  in.outcome = "support_continues";
  in.follow_up = "continue";
  in.minutes = 45;
  in.summary = "復職の時期について相談";
  in.info_given = "傷病手当金の案内";
  return in;
}

std::vector<std::string> Fields(const std::vector<core::FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

TEST(RecordTopics, EachIntakeTopicMapsOntoARecordTopic) {
  EXPECT_THAT(RecordTopicsFromIntake({"illness"}), ElementsAre("treatment"));
  EXPECT_THAT(RecordTopicsFromIntake({"symptoms"}), ElementsAre("symptoms"));
  // 仕事に関すること and その他 name no one record topic: nothing is ticked for them.
  EXPECT_THAT(RecordTopicsFromIntake({"work"}), IsEmpty());
  EXPECT_THAT(RecordTopicsFromIntake({"finances"}), ElementsAre("money"));
  EXPECT_THAT(RecordTopicsFromIntake({"medical_relationship"}), ElementsAre("medical_staff"));
  EXPECT_THAT(RecordTopicsFromIntake({"peer_experience"}), ElementsAre("peer"));
  EXPECT_THAT(RecordTopicsFromIntake({"other"}), IsEmpty());
}

TEST(RecordTopics, AllSevenGiveTheFiveThatMatchInTheRecordListsOrder) {
  std::vector<std::string> all(kTopics.begin(), kTopics.end());
  EXPECT_THAT(RecordTopicsFromIntake(all),
              ElementsAre("money", "treatment", "symptoms", "medical_staff", "peer"));
  // The order of the intake does not matter; repeats and unknown codes are dropped.
  EXPECT_THAT(RecordTopicsFromIntake({"other", "finances", "work", "finances", "nonsense"}),
              ElementsAre("money"));
  EXPECT_THAT(RecordTopicsFromIntake({}), IsEmpty());
  for (const auto& code : RecordTopicsFromIntake(all)) {
    EXPECT_TRUE(InList(kRecordTopics, code)) << code;
  }
}

TEST(RecordValidation, AValidRecordHasNoErrors) {
  EXPECT_THAT(RecordService::Validate(Valid()), IsEmpty());
  RecordInput minimal = Valid();
  minimal.professions.clear();
  minimal.referred_to.clear();
  minimal.summary.clear();
  minimal.info_given.clear();
  EXPECT_THAT(RecordService::Validate(minimal), IsEmpty()) << "free text and lists are optional";
}

TEST(RecordValidation, EmptyFormNamesEveryRequiredField) {
  RecordInput empty;
  EXPECT_THAT(Fields(RecordService::Validate(empty)),
              UnorderedElementsAre("topics", "outcome", "follow_up", "minutes"));
  const auto errors = RecordService::Validate(empty);
  for (const auto& e : errors) {
    if (e.field == "topics") EXPECT_EQ(e.message_key, "record.error.topics_required");
    if (e.field == "follow_up") EXPECT_EQ(e.message_key, "record.error.follow_up_required");
  }
}

TEST(RecordValidation, CodesMustComeFromTheirLists) {
  RecordInput in = Valid();
  in.professions = {"nurse", "surgeon"};
  in.topics = {"money", "weather"};
  in.referred_to = {"police"};
  in.outcome = "cured";
  in.follow_up = "maybe";
  EXPECT_THAT(Fields(RecordService::Validate(in)),
              UnorderedElementsAre("professions", "topics", "referred_to", "outcome", "follow_up"));
}

TEST(RecordValidation, MinutesFrom1To600) {
  RecordInput in = Valid();
  for (int ok : {1, 45, 600}) {
    in.minutes = ok;
    EXPECT_THAT(RecordService::Validate(in), IsEmpty()) << ok;
  }
  for (int bad : {0, -5, 601}) {
    in.minutes = bad;
    EXPECT_THAT(Fields(RecordService::Validate(in)), ElementsAre("minutes")) << bad;
  }
}

TEST(RecordValidation, FreeTextUpTo4000CharactersNotBytes) {
  RecordInput in = Valid();
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "あ";  // 12000 bytes, 4000 characters
  in.summary = text;
  in.info_given = text;
  EXPECT_THAT(RecordService::Validate(in), IsEmpty());
  in.summary += "あ";
  in.info_given += "x";
  EXPECT_THAT(Fields(RecordService::Validate(in)), UnorderedElementsAre("summary", "info_given"));
}

TEST(RecordValidation, DayNotesUpTo4000Characters) {
  DayNotes notes{std::string(4000, 'a'), ""};
  EXPECT_THAT(RecordService::ValidateNotes(notes), IsEmpty());
  notes.debrief = std::string(4001, 'b');
  EXPECT_THAT(Fields(RecordService::ValidateNotes(notes)), ElementsAre("debrief"));
}

TEST(RecordCodes, FollowUpsMatchTheDatabaseCheck) {
  // consultation_record.follow_up CHECK in 0004_day_operations.sql.
  EXPECT_THAT(std::vector<std::string>(kFollowUps.begin(), kFollowUps.end()),
              ElementsAre("none", "continue", "support_promoter", "expert"));
}

}  // namespace
}  // namespace tsunagu::consultations

// Participant types and the training columns, which need no database (issue 15, seed 004 表6).
#include <gtest/gtest.h>

#include "events/attendance.hpp"

namespace tsunagu::events {
namespace {

TEST(AttendanceRules, TrainingsCountPeerHealthcareAndGovernment) {
  EXPECT_EQ(TrainingColumnOf("peer"), "peer");
  EXPECT_EQ(TrainingColumnOf("medical_staff"), "medical_staff");
  EXPECT_EQ(TrainingColumnOf("medical"), "medical_staff");  // 医療機関 counts as 医療者
  EXPECT_EQ(TrainingColumnOf("government"), "government");
  EXPECT_EQ(TrainingColumnOf("family"), "");
  EXPECT_EQ(TrainingColumnOf("x12"), "");
}

TEST(AttendanceRules, ATypeKeepsTheNearestAffiliation) {
  EXPECT_EQ(AffiliationOf("peer"), "patient");
  EXPECT_EQ(AffiliationOf("medical_staff"), "medical");
  EXPECT_EQ(AffiliationOf("government"), "government");
  EXPECT_EQ(AffiliationOf("employer"), "other");
  EXPECT_EQ(AffiliationOf("x3"), "other");
  for (auto type : kBuiltinTypes) EXPECT_TRUE(InList(kAffiliations, AffiliationOf(type)));
}

TEST(AttendanceRules, WebHeldMeansOnlinePlacesOnly) {
  Event e;
  e.online_capacity = 80;
  EXPECT_TRUE(HeldOnline(e));
  e.venue_capacity = 50;
  EXPECT_FALSE(HeldOnline(e));
  e.online_capacity = 0;
  EXPECT_FALSE(HeldOnline(e));
  EXPECT_TRUE(IsTraining("training_follow_up"));
  EXPECT_FALSE(IsTraining("seminar"));
}

}  // namespace
}  // namespace tsunagu::events

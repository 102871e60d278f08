// The rules of an event and a registration that need no database (issue 15).
#include <gtest/gtest.h>

#include "events/event_service.hpp"
#include "events/model.hpp"

namespace tsunagu::events {
namespace {

bool HasError(const std::vector<core::FieldError>& errors, const std::string& field,
              const std::string& key) {
  for (const auto& e : errors) {
    if (e.field == field && e.message_key == key) return true;
  }
  return false;
}

EventInput Forum() {
  EventInput in;
  in.kind = "forum";
  in.title = "就労支援ネットワークフォーラム";
  in.date = "2026-02-21";
  in.start_minutes = 12 * 60 + 45;
  in.end_minutes = 16 * 60 + 30;
  in.venue = "大宮ソニックシティ 905号室";
  in.venue_capacity = 50;
  in.online_capacity = 100;
  in.audiences = {"patient", "family"};
  in.fee = "無料";
  in.contact = "難病相談支援センター";
  in.status = "published";
  return in;
}

TEST(EventRules, TimesAreReadAndWrittenAsHoursAndMinutes) {
  EXPECT_EQ(ParseTime("12:45"), 765);
  EXPECT_EQ(ParseTime("24:00"), 1440);
  EXPECT_EQ(ParseTime("24:01"), -1);
  EXPECT_EQ(ParseTime("9:00"), -1);
  EXPECT_EQ(ParseTime("ab:cd"), -1);
  EXPECT_EQ(FormatTime(765), "12:45");
  EXPECT_EQ(TimeRange(765, 990), "12:45〜16:30");
}

TEST(EventRules, ReferencesAreUnambiguous) {
  const std::string ref = NewReference();
  ASSERT_EQ(ref.size(), 12u);
  EXPECT_EQ(ref.substr(0, 3), "EV-");
  EXPECT_EQ(ref[7], '-');
  EXPECT_EQ(ref.find_first_of("BIOSZ0128"), std::string::npos);
  EXPECT_NE(NewReference(), NewReference());
}

TEST(EventRules, SeedTwoForumIsValid) {
  EXPECT_TRUE(EventService::Validate(Forum()).empty());
}

TEST(EventRules, EachWrongFieldIsNamed) {
  EventInput in = Forum();
  in.kind = "party";
  in.title = "";
  in.date = "2026-02-30";
  in.end_minutes = in.start_minutes;
  in.meeting_url = "http://zoom.example.jp/x";
  in.venue_capacity = -1;
  in.audiences = {"everyone"};
  in.contact = " ";
  in.status = "open";
  const auto errors = EventService::Validate(in);
  EXPECT_TRUE(HasError(errors, "kind", "events.error.kind"));
  EXPECT_TRUE(HasError(errors, "title", "events.error.title_required"));
  EXPECT_TRUE(HasError(errors, "date", "events.error.date"));
  EXPECT_TRUE(HasError(errors, "end_time", "events.error.end_before_start"));
  EXPECT_TRUE(HasError(errors, "meeting_url", "events.error.meeting_url"));
  EXPECT_TRUE(HasError(errors, "venue_capacity", "events.error.capacity"));
  EXPECT_TRUE(HasError(errors, "audiences", "events.error.audiences"));
  EXPECT_TRUE(HasError(errors, "contact", "events.error.contact_required"));
  EXPECT_TRUE(HasError(errors, "status", "events.error.status"));
}

TEST(EventRules, AnEventNeedsAVenueOrOnlinePlaces) {
  EventInput in = Forum();
  in.venue = "";
  in.venue_capacity = 0;
  in.online_capacity = 0;
  EXPECT_TRUE(HasError(EventService::Validate(in), "venue", "events.error.where"));
  in.online_capacity = 30;
  EXPECT_TRUE(EventService::Validate(in).empty()) << "online only (seed 002: 視聴のみ)";
  in.venue_capacity = 10;
  EXPECT_TRUE(HasError(EventService::Validate(in), "venue", "events.error.venue_required"));
}

TEST(EventRules, ThePublicFormAsksForSeedTwosItems) {
  RegistrationRequest r;
  r.event_id = 1;
  const auto errors = EventService::ValidateRegistration(r);
  for (const char* field :
       {"name", "furigana", "phone", "email", "municipality", "affiliation", "mode", "consent"}) {
    bool named = false;
    for (const auto& e : errors) named = named || e.field == field;
    EXPECT_TRUE(named) << field;
  }
  r.mode = "venue";
  r.affiliation = "press";
  r.municipality = "さいたま市";
  r.person = {"申込 花子", "もうしこみ はなこ", "048-831-8005", "hanako@example.jp"};
  r.consent = true;
  EXPECT_TRUE(EventService::ValidateRegistration(r).empty());
  // Staff entering a phone registration may have no e-mail address, and no consent box.
  r.channel = "phone";
  r.person.email = "";
  r.consent = false;
  EXPECT_TRUE(EventService::ValidateRegistration(r).empty());
  r.channel = "web";
  EXPECT_TRUE(
      HasError(EventService::ValidateRegistration(r), "email", "events.error.email_required"));
}

}  // namespace
}  // namespace tsunagu::events

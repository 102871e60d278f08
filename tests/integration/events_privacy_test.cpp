// Registrants' personal data (issue 15, SECURITY.md rules 4, 5, 11): encrypted at rest, read
// only by the organiser's staff with each read audited, never in logs, audit events or any
// e-mail but the person's own (which carries no name); staff enter registrations that came by
// e-mail, phone or fax and cancel them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "events_data.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int AuditCount(TestServer& t, const std::string& action) {
  auto n = t.sv().db.Read<int>([&](soci::session& s) {
    int count = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = :a", soci::use(action), soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

// Every stored column of the registrations, as text.
std::string RegistrationTable(TestServer& t) {
  auto text = t.sv().db.Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT reference, municipality, name_enc, furigana_enc, phone_enc, "
                      "email_enc, email_bidx, phone_bidx FROM event_registration");
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < 8; ++i) all += storage::GetText(r, i) + "|";
    }
    return all;
  });
  return text.ok() ? *text : "";
}

TEST(EventPrivacy, PersonalDataStaysOutOfLogsAuditMailsAndTheTable) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::debug);
  spdlog::set_default_logger(logger);
  std::string audit, table, page;
  {
    TestServer t;
    auto w = BuildEventsWorld(t);
    const auto id = MakeEvent(t, w, SampleEvent(t, 5, 0));
    auto c = t.NewClient();
    const std::string base = "/events/" + std::to_string(id) + "/register";
    Fields fields = {{"mode", "venue"},
                     {"name", kEventName},
                     {"furigana", kEventKana},
                     {"phone", kEventPhone},
                     {"email", "ev-canary-5d1@example.jp"},
                     {"municipality", "さいたま市"},
                     {"affiliation", "family"},
                     {"consent", "1"},
                     {"action", "send"}};
    auto r = c.Submit(base, fields, base + "/submit");
    ASSERT_EQ(r.status, 200);
    MailSink::Get().WaitFor("ev-canary-5d1@example.jp");
    auto staff = t.LoginAs(w.counselor_email);
    page = staff.Get("/events/" + std::to_string(id) + "/registrations").body;
    audit = AuditText(t);
    table = RegistrationTable(t);
  }
  spdlog::set_default_logger(previous);
  EXPECT_THAT(page, HasSubstr(kEventName)) << "the organiser's staff read it";
  EXPECT_THAT(page, HasSubstr("09012345678"));
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("/events/{id}/register/submit"));
  for (const std::string& canary :
       {std::string(kEventName), std::string(kEventKana), std::string("09012345678"),
        std::string(kEventPhone), std::string("ev-canary-5d1")}) {
    EXPECT_THAT(log, Not(HasSubstr(canary))) << canary;
    EXPECT_THAT(audit, Not(HasSubstr(canary))) << canary;
    EXPECT_THAT(table, Not(HasSubstr(canary))) << canary;
  }
  EXPECT_THAT(MailSink::Get().AllRaw(), Not(HasSubstr(kEventName)));
  EXPECT_THAT(table, HasSubstr("さいたま市")) << "the municipality stays plain for the counts";
}

TEST(EventPrivacy, EachReadOfTheListIsAuditedAndViewersAreRefused) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 5, 0));
  ASSERT_EQ(RegisterOnline(t, id, "venue", kEventName, "ev-audit@example.jp").status, 200);
  const std::string path = "/events/" + std::to_string(id) + "/registrations";
  auto staff = t.LoginAs(w.counselor_email);
  const int before = AuditCount(t, "event_registration.list");
  EXPECT_EQ(staff.Get(path).status, 200);
  EXPECT_EQ(staff.Get(path).status, 200);
  EXPECT_EQ(AuditCount(t, "event_registration.list"), before + 2);
  auto viewer = t.LoginAs(w.viewer_email);
  auto refused = viewer.Get(path);
  EXPECT_NE(refused.status, 200);
  EXPECT_THAT(refused.body, Not(HasSubstr(kEventName)));
  EXPECT_EQ(AuditCount(t, "event_registration.list"), before + 2);
}

TEST(EventPrivacy, StaffEnterAPhoneRegistrationAndCancelOne) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 1, 0));
  auto staff = t.LoginAs(w.counselor_email);
  const std::string path = "/events/" + std::to_string(id) + "/registrations";
  Fields phone = {{"channel", "phone"},          {"mode", "venue"},
                  {"name", "電話 受付子"},       {"furigana", "でんわ うけつけこ"},
                  {"phone", "048-000-1111"},     {"municipality", "川越市"},
                  {"affiliation", "government"}, {"person_lang", "ja"}};
  auto added = staff.Submit(path, phone);
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 3000);
  auto list = staff.Get(path);
  EXPECT_THAT(list.body, HasSubstr("電話 受付子"));
  EXPECT_THAT(list.body, HasSubstr("<td>電話</td>"));
  EXPECT_EQ(Taken(t, id, "venue"), 1);

  // Full: the form says so and keeps the input, unless the waiting list is chosen.
  Fields fax = {{"channel", "fax"},         {"mode", "venue"},
                {"name", "ファクス 送子"},  {"furigana", "ふぁくす おくりこ"},
                {"phone", "048-000-2222"},  {"email", "ev-fax@example.jp"},
                {"municipality", "川口市"}, {"affiliation", "other"},
                {"person_lang", "en"}};
  auto full = staff.Submit(path, fax);
  EXPECT_EQ(full.status, 409);
  EXPECT_THAT(full.body, HasSubstr("定員に達しています"));
  EXPECT_THAT(full.body, HasSubstr("value=\"ファクス 送子\""));
  fax.emplace_back("accept_waiting", "1");
  ASSERT_EQ(staff.Submit(path, fax).status, 303);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 1);
  const std::string mail = MailSink::Get().WaitFor("ev-fax@example.jp");
  EXPECT_THAT(mail, HasSubstr("waiting list (number 1)")) << "in the person's language";

  // Cancelling the phone registration offers the place to the fax one (held until confirmed).
  auto first = t.sv().db.Read<long long>([&](soci::session& s) {
    long long rid = 0;
    long long e = id;
    s << "SELECT MIN(id) FROM event_registration WHERE event_id = :e", soci::use(e),
        soci::into(rid);
    return rid;
  });
  ASSERT_TRUE(first.ok());
  auto cancelled = staff.Submit(path, {}, path + "/" + std::to_string(*first) + "/cancel");
  EXPECT_EQ(cancelled.status, 303);
  EXPECT_EQ(CountRegistrations(t, id, "cancelled"), 1);
  EXPECT_EQ(CountRegistrations(t, id, "waiting"), 1);
  EXPECT_EQ(Taken(t, id, "venue"), 1) << "the place is held for the offer";
  EXPECT_THAT(MailSink::Get().WaitFor("ev-fax@example.jp"), HasSubstr("A place has come free"));
  EXPECT_THAT(AuditText(t), HasSubstr("\"channel\":\"phone\""));
  EXPECT_THAT(AuditText(t), HasSubstr("event_registration.cancel"));
}

}  // namespace
}  // namespace tsunagu::testing

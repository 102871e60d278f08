// What a participant carries and sees (issue 15) on both engines: the 受付票 (a QR code of the
// organiser's check-in address for this registration) on a venue participant's own page, and
// the display names of the peer supporters on duty on an おしゃべり相談室's public page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "core/qr.hpp"
#include "events_data.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string OwnPageOf(const std::string& mail) {
  const auto at = mail.find("/events/registration/");
  if (at == std::string::npos) return "";
  auto end = mail.find_first_of("\r\n ", at);
  return mail.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

std::string ReferenceIn(const std::string& text) {
  const auto at = text.find("EV-");
  return at == std::string::npos ? "" : text.substr(at, 12);
}

TEST(EventTicket, AVenueParticipantsOwnPageShowsTheQrTicketOfTheirCheckIn) {
  TestServer t;
  auto w = BuildEventsWorld(t);
  const auto id = MakeEvent(t, w, SampleEvent(t, 50, 100));
  ASSERT_EQ(RegisterOnline(t, id, "venue", "受付 票子", "ticket-venue@example.jp").status, 200);
  ASSERT_EQ(RegisterOnline(t, id, "online", "受付 網子", "ticket-online@example.jp").status, 200);

  const std::string mail = MailSink::Get().WaitFor("ticket-venue@example.jp");
  EXPECT_THAT(mail, HasSubstr("受付票（QRコード）"));
  const std::string own = OwnPageOf(mail);
  ASSERT_FALSE(own.empty());
  auto page = t.NewClient().Get(own);
  ASSERT_EQ(page.status, 200) << page.body;
  const std::string reference = ReferenceIn(page.body);
  ASSERT_FALSE(reference.empty());
  EXPECT_THAT(page.body, HasSubstr("<h2 id=\"ticket-title\">受付票</h2>"));
  // The code is the check-in address of this registration, drawn as the server draws codes.
  std::string base = t.config().server.public_url;
  if (!base.empty() && base.back() == '/') base.pop_back();
  const std::string expected =
      core::QrSvgWithTitle(base + "/org/events/" + std::to_string(id) + "/checkin?ref=" + reference,
                           "受付票のQRコード（受付番号 " + reference + "）", "ticket-qr", 0.8);
  ASSERT_FALSE(expected.empty());
  EXPECT_THAT(page.body, HasSubstr(expected));

  // Online participants check in nowhere: no ticket.
  const std::string online_page = OwnPageOf(MailSink::Get().WaitFor("ticket-online@example.jp"));
  ASSERT_FALSE(online_page.empty());
  auto online = t.NewClient().Get(online_page);
  ASSERT_EQ(online.status, 200);
  EXPECT_THAT(online.body, Not(HasSubstr("ticket-title")));
}

TEST(EventTicket, APeerTalkPageNamesTheActivePeersOnDutyByDisplayNameOnly) {
  TestServer t;
  ASSERT_TRUE(app::LoadDemoData(t.sv()).ok());
  const auto talk = t.app().db().Read<long long>([](soci::session& s) {
    long long id = 0;
    s << "SELECT MIN(id) FROM community_event WHERE kind = 'peer_talk' AND status = 'published'",
        soci::into(id);
    return id;
  });
  ASSERT_TRUE(talk.ok());
  ASSERT_GT(*talk, 0);
  auto page = t.NewClient().Get("/events/" + std::to_string(*talk));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("担当するピア・サポーター"));
  EXPECT_THAT(page.body, HasSubstr("ひまわりさん"));
  EXPECT_THAT(page.body, HasSubstr("こすもすさん"));
  // Never a real name; a peer without a shift there is not listed.
  EXPECT_THAT(page.body, Not(HasSubstr("デモ 花子")));
  EXPECT_THAT(page.body, Not(HasSubstr("そよかぜさん")));
}

}  // namespace
}  // namespace tsunagu::testing

#include "events_data.hpp"

#include <gtest/gtest.h>

#include "storage/row.hpp"

namespace tsunagu::testing {

EventsWorld BuildEventsWorld(TestServer& t) {
  EventsWorld w;
  w.office = t.CreateOrg("つなぐ県 難病相談支援センター", "municipality");
  w.stranger = t.CreateOrg("別の病院 がん相談支援センター", "hospital");
  w.coordinator =
      t.CreateUser({w.coordinator_email, "事務局 一郎", "coordinator", "clerical", w.office});
  t.CreateUser({w.counselor_email, "相談員 花子", "counselor", "nurse", w.office});
  t.CreateUser({w.viewer_email, "閲覧 次郎", "viewer", "clerical", w.office});
  t.CreateUser({w.stranger_email, "よそ 管理者", "admin", "nurse", w.stranger});
  w.organiser.user_id = w.coordinator;
  w.organiser.stage = "full";
  w.organiser.organization_id = w.office;
  w.organiser.role = auth::Role::kCoordinator;
  return w;
}

events::EventService EventsOf(TestServer& t) {
  auto& sv = t.sv();
  return events::EventService(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog,
                              sv.config.server.public_url);
}

events::EventInput SampleEvent(TestServer& t, int venue_places, int online_places, int days) {
  events::EventInput in;
  in.kind = "seminar";
  in.title = "就労支援セミナー";
  in.description = "治療と仕事の両立について";
  in.date = InDays(t, days);
  in.start_minutes = 13 * 60;
  in.end_minutes = 15 * 60;
  if (venue_places > 0) {
    in.venue = "大宮ソニックシティ 905号室";
    in.access = "大宮駅西口から徒歩3分";
  }
  in.venue_capacity = venue_places;
  in.online_capacity = online_places;
  if (online_places > 0) in.meeting_url = kMeetingUrl;
  in.audiences = {"patient", "family", "public"};
  in.fee = "無料";
  in.contact = "難病相談支援センター 電話 048-000-0000";
  in.status = "published";
  return in;
}

std::int64_t MakeEvent(TestServer& t, const EventsWorld& w, const events::EventInput& input) {
  auto id = EventsOf(t).Create(w.organiser, {w.coordinator, w.office, "t", "t"}, input);
  EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message_key);
  return id.ok() ? *id : 0;
}

Fields Answers(const std::string& mode, const std::string& name, const std::string& email) {
  return {{"mode", mode},
          {"name", name},
          {"furigana", "さんか たろう"},
          {"phone", "048-831-8005"},
          {"email", email},
          {"municipality", "さいたま市"},
          {"affiliation", "patient"},
          {"consent", "1"}};
}

HttpResult RegisterOnline(TestServer& t, std::int64_t event_id, const std::string& mode,
                          const std::string& name, const std::string& email, bool accept_waiting) {
  auto c = t.NewClient();
  const std::string base = "/events/" + std::to_string(event_id) + "/register";
  auto fields = Answers(mode, name, email);
  if (accept_waiting) fields.emplace_back("accept_waiting", "1");
  auto confirm = c.Submit(base, fields, base + "/confirm");
  EXPECT_EQ(confirm.status, 200) << confirm.body.substr(0, 2000);
  fields.emplace_back("action", "send");
  fields.emplace_back("csrf_token", ExtractCsrf(confirm.body));
  return c.Post(base + "/submit", fields);
}

int CountRegistrations(TestServer& t, std::int64_t event_id, const std::string& status) {
  auto n = t.sv().db.Read<int>([&](soci::session& s) {
    long long id = event_id;
    int count = 0;
    s << "SELECT COUNT(*) FROM event_registration WHERE event_id = :e AND status = :s",
        soci::use(id), soci::use(status), soci::into(count);
    return count;
  });
  return n.ok() ? *n : -1;
}

int Taken(TestServer& t, std::int64_t event_id, const std::string& mode) {
  auto n = t.sv().db.Read<int>([&](soci::session& s) {
    long long id = event_id;
    int venue = 0, online = 0;
    s << "SELECT venue_taken, online_taken FROM community_event WHERE id = :e", soci::use(id),
        soci::into(venue), soci::into(online);
    return mode == "online" ? online : venue;
  });
  return n.ok() ? *n : -1;
}

std::string AuditText(TestServer& t) {
  auto text = t.sv().db.Read<std::string>([&](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT action, target_id, detail, ip FROM audit_event ORDER BY seq");
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < 4; ++i) {
        all += storage::GetText(r, i) + " ";
      }
      all += "\n";
    }
    return all;
  });
  return text.ok() ? *text : "";
}

}  // namespace tsunagu::testing

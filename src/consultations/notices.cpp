#include "consultations/notices.hpp"

#include <map>

#include "consultations/model.hpp"
#include "consultations/schedule_rule.hpp"
#include "storage/row.hpp"

namespace tsunagu::consultations {
namespace {

using storage::GetInt;
using storage::GetText;

struct DayInfo {
  std::int64_t id = 0;
  std::int64_t program_id = 0;
  std::string program_name;
  core::Date date;
  int start_minutes = 0;
  int end_minutes = 0;
  std::string mode;
  std::string venue;
};

std::optional<DayInfo> LoadDay(soci::session& s, std::int64_t day_id) {
  long long id = day_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT d.id, d.program_id, p.name, d.day_date, d.start_minutes, "
                    "d.end_minutes, d.mode, d.venue FROM consultation_day d JOIN program p ON "
                    "p.id = d.program_id WHERE d.id = :id AND d.status = 'scheduled'",
       soci::use(id));
  for (const auto& r : rows) {
    DayInfo d;
    d.id = GetInt(r, 0);
    d.program_id = GetInt(r, 1);
    d.program_name = GetText(r, 2);
    d.date = core::ParseIsoDate(GetText(r, 3)).value_or(core::Date{});
    d.start_minutes = static_cast<int>(GetInt(r, 4));
    d.end_minutes = static_cast<int>(GetInt(r, 5));
    d.mode = GetText(r, 6);
    d.venue = GetText(r, 7);
    return d;
  }
  return std::nullopt;
}

// Marks the notice as sent; false when another server (or an earlier run) already did.
bool Claim(soci::session& s, std::int64_t day_id, const std::string& kind, std::int64_t now) {
  long long id = day_id;
  long long at = now;
  soci::statement st = (s.prepare << "INSERT INTO day_notice (day_id, kind, sent_at) VALUES "
                                     "(:d, :k, :t) ON CONFLICT (day_id, kind) DO NOTHING",
                        soci::use(id), soci::use(kind), soci::use(at));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<std::int64_t> DaysOn(soci::session& s, const std::string& from, const std::string& to) {
  std::vector<std::int64_t> ids;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id FROM consultation_day WHERE status = 'scheduled' AND day_date "
                    "BETWEEN :a AND :b ORDER BY day_date",
       soci::use(from), soci::use(to));
  for (const auto& r : rows) ids.push_back(GetInt(r, 0));
  return ids;
}

}  // namespace

core::Result<int> DayNotices::SendDue(core::Date today) {
  // Staff hear two days before; if the server was down then, one day before is still useful.
  auto ids = db_.Read<std::pair<std::vector<std::int64_t>, std::vector<std::int64_t>>>(
      [&](soci::session& s) {
        return std::make_pair(
            DaysOn(s, core::ToIso(core::AddDays(today, 1)), core::ToIso(core::AddDays(today, 2))),
            DaysOn(s, core::ToIso(core::AddDays(today, 1)), core::ToIso(core::AddDays(today, 1))));
      });
  if (!ids) return ids.error();
  int queued = 0;
  for (auto id : ids->first) {
    auto n = SendStaffStatus(id);
    if (!n) return n.error();
    queued += *n;
  }
  for (auto id : ids->second) {
    auto n = SendReminders(id);
    if (!n) return n.error();
    queued += *n;
  }
  if (queued > 0) outbox_.Wake();
  return queued;
}

core::Result<int> DayNotices::SendStaffStatus(std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<int>([&](soci::session& s) {
    auto day = LoadDay(s, day_id);
    if (!day || !Claim(s, day_id, "staff_status", now)) return 0;
    long long id = day_id;
    // Only what staff need to prepare: counts per time, topics, flags. Never a name,
    // contact, diagnosis or free text (seed 001 イ, SECURITY.md rule 11).
    std::vector<std::tuple<int, int, int, int>> slots;  // start, end, booked, capacity
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT start_minutes, end_minutes, booked, capacity FROM "
                        "consultation_slot WHERE day_id = :d ORDER BY start_minutes",
           soci::use(id));
      for (const auto& r : rows) {
        slots.emplace_back(static_cast<int>(GetInt(r, 0)), static_cast<int>(GetInt(r, 1)),
                           static_cast<int>(GetInt(r, 2)), static_cast<int>(GetInt(r, 3)));
      }
    }
    std::map<std::string, int> topics;
    int family = 0, consideration = 0, total = 0;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT topics, for_family, needs_consideration FROM booking WHERE "
                        "day_id = :d AND status = 'booked'",
           soci::use(id));
      for (const auto& r : rows) {
        ++total;
        std::string list = GetText(r, 0);
        std::size_t pos = 0;
        while (pos <= list.size() && !list.empty()) {
          auto comma = list.find(',', pos);
          std::string code = list.substr(pos, comma == std::string::npos ? comma : comma - pos);
          if (InList(kTopics, code)) ++topics[code];
          if (comma == std::string::npos) break;
          pos = comma + 1;
        }
        family += GetInt(r, 1) ? 1 : 0;
        consideration += GetInt(r, 2) ? 1 : 0;
      }
    }
    int queued = 0;
    soci::rowset<soci::row> staff =
        (s.prepare << "SELECT u.email, u.language FROM day_staff ds JOIN app_user u ON u.id = "
                      "ds.user_id WHERE ds.day_id = :d AND u.status = 'active' ORDER BY u.id",
         soci::use(id));
    for (const auto& r : staff) {
      const std::string email = GetText(r, 0);
      const std::string lang = GetText(r, 1) == "en" ? "en" : "ja";
      const std::string date = core::FormatDate(day->date, lang);
      const std::string place =
          day->venue.empty() ? catalog_.Get(lang, "days.mode." + day->mode) : day->venue;
      int capacity = 0;
      for (const auto& sl : slots) capacity += std::get<3>(sl);
      std::string body =
          catalog_.Format(lang, "notices.staff.intro", {{"program", day->program_name}}) + "\n\n" +
          catalog_.Format(lang, "notices.staff.when",
                          {{"date", date},
                           {"start", FormatMinutes(day->start_minutes)},
                           {"end", FormatMinutes(day->end_minutes)}}) +
          "\n" + catalog_.Format(lang, "notices.staff.where", {{"place", place}}) + "\n" +
          catalog_.Format(
              lang, "notices.staff.total",
              {{"booked", std::to_string(total)}, {"capacity", std::to_string(capacity)}}) +
          "\n\n" + catalog_.Get(lang, "notices.staff.slots_heading") + "\n";
      for (const auto& [start, end, booked, cap] : slots) {
        body += catalog_.Format(lang, "notices.staff.slot_line",
                                {{"start", FormatMinutes(start)},
                                 {"end", FormatMinutes(end)},
                                 {"booked", std::to_string(booked)},
                                 {"capacity", std::to_string(cap)}}) +
                "\n";
      }
      body += "\n" + catalog_.Get(lang, "notices.staff.topics_heading") + "\n";
      for (auto code : kTopics) {
        auto it = topics.find(std::string(code));
        if (it == topics.end()) continue;
        body +=
            catalog_.Format(lang, "notices.staff.topic_line",
                            {{"label", catalog_.Get(lang, "intake.topics." + std::string(code))},
                             {"count", std::to_string(it->second)}}) +
            "\n";
      }
      body += "\n" +
              catalog_.Format(lang, "notices.staff.family", {{"count", std::to_string(family)}}) +
              "\n" +
              catalog_.Format(lang, "notices.staff.consideration",
                              {{"count", std::to_string(consideration)}}) +
              "\n\n" +
              catalog_.Format(lang, "notices.staff.link",
                              {{"url", public_url_ + DayBoardPath(day->program_id, day_id)}}) +
              "\n";
      notify::MailMessage m;
      m.to = email;
      m.subject = catalog_.Format(lang, "notices.staff.subject", {{"date", date}});
      m.text_body = body;
      outbox_.Enqueue(s, m, "staff_notice");
      ++queued;
    }
    return queued;
  });
}

core::Result<int> DayNotices::SendReminders(std::int64_t day_id) {
  const std::int64_t now = clock_.NowSeconds();
  return db_.Write<int>([&](soci::session& s) {
    auto day = LoadDay(s, day_id);
    if (!day || !Claim(s, day_id, "reminders", now)) return 0;
    long long id = day_id;
    // Only bookings still standing at this moment: a cancelled booking has no reminder left.
    soci::rowset<soci::row> rows =
        (s.prepare
             << "SELECT b.reference, b.email_enc, sl.start_minutes, sl.end_minutes, b.lang FROM "
                "booking b JOIN consultation_slot sl ON sl.id = b.slot_id WHERE b.day_id = "
                ":d AND b.status = 'booked' AND b.email_enc <> ''",
         soci::use(id));
    int queued = 0;
    for (const auto& r : rows) {
      const std::string reference = GetText(r, 0);
      const std::string lang = PersonLanguage(GetText(r, 4));
      auto email = cipher_.Decrypt(GetText(r, 1), "booking:" + reference + ":email");
      if (!email || email->empty()) continue;
      const std::string place =
          day->venue.empty() ? catalog_.Get(lang, "days.mode." + day->mode) : day->venue;
      notify::MailMessage m;
      m.to = *email;
      m.subject = catalog_.Get(lang, "notices.reminder.subject");
      m.text_body = catalog_.Format(lang, "notices.reminder.body",
                                    {{"reference", reference},
                                     {"date", core::FormatDate(day->date, lang)},
                                     {"start", FormatMinutes(static_cast<int>(GetInt(r, 2)))},
                                     {"end", FormatMinutes(static_cast<int>(GetInt(r, 3)))},
                                     {"place", place}});
      outbox_.Enqueue(s, m, "booking_reminder");
      ++queued;
    }
    return queued;
  });
}

}  // namespace tsunagu::consultations

// GET /salons/{id}/calendar.ics: a salon's regular meetings as one recurring event (RFC 5545
// RRULE from its schedule rule: 毎月第3土曜 is FREQ=MONTHLY;BYDAY=3SA) up to the last meeting on
// the calendar, with EXDATE for the rule's dates that have no meeting (a holiday skipped, a
// meeting cancelled) and a separate event for a meeting moved off its rule date. The feed
// follows the meetings the salon service plans (salon_meeting events), so it says what the
// salon's page says.
#include <algorithm>
#include <set>

#include "consultations/schedule_rule.hpp"
#include "notify/icalendar_feed.hpp"
#include "salons/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::salons::handlers {
namespace {

constexpr int kMeetingsInFeed = 100;

std::string WeekdayCode(int weekday) {
  static constexpr std::array<const char*, 7> kDays = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  return kDays[static_cast<std::size_t>(weekday)];
}

// The rule's dates from `from` to `until` (inclusive), sorted.
std::vector<core::Date> RuleDates(const consultations::ScheduleRule& rule, core::Date from,
                                  core::Date until) {
  std::vector<core::Date> out;
  int year = from.year;
  int month = from.month;
  while (year < until.year || (year == until.year && month <= until.month)) {
    for (const auto& o : rule.occurrences) {
      const auto d = consultations::OccurrenceInMonth(year, month, o);
      if (d && !(*d < from) && !(until < *d)) out.push_back(*d);
    }
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

http::Response Feed(const Deps& d, web::RequestContext& ctx) {
  const auto id = web::ParseId(ctx.Param("id"));
  if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
  auto salon = d.salons->Find(id);
  if (!salon) return web::Failure(d.pages, ctx, salon.error());
  const core::Date today = core::DateFromUnixSeconds(d.clock.NowSeconds());
  const core::Date from{today.year, today.month, 1};
  auto meetings = d.salons->UpcomingMeetings(id, from, kMeetingsInFeed);
  if (!meetings) return web::Failure(d.pages, ctx, meetings.error());
  const std::string lang = ctx.request.Query("lang").value_or("") == "en" ? "en" : "ja";
  const auto& cat = d.pages.catalog();
  const std::string host = notify::UidHost(d.public_url);
  std::string base = d.public_url;
  if (!base.empty() && base.back() == '/') base.pop_back();

  notify::Feed feed;
  feed.name = salon->name;
  feed.description = consultations::DescribeRule(salon->rule, lang, cat);
  auto event_of = [&](const std::string& uid, core::Date date, int start, int end) {
    notify::CalendarEvent ev;
    ev.uid = uid;
    // Rises with every edit of the salon (its rule, place or times).
    ev.sequence = static_cast<int>(salon->updated_at / 60 % 2000000000);
    ev.dtstamp_unix = salon->updated_at;
    ev.date = date;
    ev.start_minutes = start;
    ev.end_minutes = end;
    ev.summary = salon->name;
    ev.location = salon->venue;
    ev.description = feed.description + (salon->access.empty() ? "" : "\n" + salon->access);
    ev.url = base + "/salons/" + std::to_string(id);
    return ev;
  };
  std::set<core::Date> held;
  for (const auto& m : *meetings) held.insert(m.date);
  if (!held.empty() && !salon->rule.occurrences.empty()) {
    const core::Date until = *held.rbegin();
    const auto rule_dates = RuleDates(salon->rule, from, until);
    if (!rule_dates.empty()) {
      notify::FeedEvent regular;
      regular.event = event_of("salon-" + std::to_string(id) + "@" + host, rule_dates.front(),
                               salon->rule.start_minutes, salon->rule.end_minutes);
      notify::Recurrence r;
      r.freq = "MONTHLY";
      for (const auto& o : salon->rule.occurrences) {
        r.by_day.push_back(std::to_string(o.nth) + WeekdayCode(o.weekday));
      }
      r.until = until;
      for (const auto& date : rule_dates) {
        if (!held.count(date)) r.except.push_back(date);
      }
      regular.recurrence = std::move(r);
      feed.events.push_back(std::move(regular));
    }
    // A meeting moved off its rule date (a holiday policy of the next or previous business day).
    const std::set<core::Date> on_rule(rule_dates.begin(), rule_dates.end());
    for (const auto& m : *meetings) {
      if (on_rule.count(m.date)) continue;
      notify::FeedEvent moved;
      moved.event = event_of("salon-" + std::to_string(id) + "-" + core::ToIso(m.date) + "@" + host,
                             m.date, m.start_minutes, m.end_minutes);
      feed.events.push_back(std::move(moved));
    }
  }
  auto body = notify::BuildFeed(feed);
  if (!body) return web::Failure(d.pages, ctx, body.error());
  http::Response r = http::Response::Text(200, std::move(*body), "text/calendar; charset=utf-8");
  r.headers.Set("Content-Disposition", "inline; filename=\"salon-" + std::to_string(id) + ".ics\"");
  r.headers.Set("Cache-Control", "public, max-age=900");
  return r;
}

}  // namespace

void AddFeedRoutes(app::Router& router, const Deps& deps) {
  router.Add({"GET", "/salons/{id}/calendar.ics", auth::Permission::kPublic,
              [deps](web::RequestContext& ctx) { return Feed(deps, ctx); }});
}

}  // namespace tsunagu::salons::handlers

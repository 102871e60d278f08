// The iCalendar feeds people subscribe to: /calendar.ics (the region, with the calendar's
// filters as query parameters) and /orgs/{id}/calendar.ics (one organisation's events).
#include <cstdio>

#include "calendar/handlers/routes.hpp"
#include "events/model.hpp"
#include "notify/icalendar_feed.hpp"
#include "web/forms.hpp"

namespace tsunagu::calendar::handlers {
namespace {

std::string Base(const std::string& url) {
  return !url.empty() && url.back() == '/' ? url.substr(0, url.size() - 1) : url;
}

// A strong validator of the body itself (FNV-1a, 64 bits): equal bodies, equal tags, on every
// server of the same database.
std::string ETagOf(const std::string& body) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : body) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

bool NoneMatch(const http::Request& req, const std::string& etag) {
  const auto header = req.Header("If-None-Match");
  if (!header) return true;
  const std::string_view v = *header;
  if (v == "*") return false;
  // A list of tags; W/ is ignored (weak comparison, RFC 9110 section 13.1.2).
  return v.find(etag) == std::string_view::npos;
}

// The feed's language: Japanese unless the address asks for English, so a shared cache never
// mixes the two (the feed does not vary by cookie).
std::string FeedLanguage(const http::Request& req) {
  return req.Query("lang").value_or("") == "en" ? "en" : "ja";
}

http::Response Serve(const Deps& d, web::RequestContext& ctx, const std::string& name,
                     const std::vector<Entry>& entries) {
  const std::string lang = FeedLanguage(ctx.request);
  const auto& cat = d.pages.catalog();
  const std::string base = Base(d.config.server.public_url);
  const std::string host = notify::UidHost(base);
  notify::Feed feed;
  feed.name = name;
  feed.description = cat.Get(lang, "calendar.feed.description");
  for (const auto& e : entries) {
    notify::FeedEvent fe;
    auto& ev = fe.event;
    ev.uid = "event-" + std::to_string(e.id) + "@" + host;
    ev.sequence = e.sequence;
    // When this version of the event was made, so the feed is the same until it changes.
    ev.dtstamp_unix = e.updated_at;
    ev.date = e.date;
    ev.start_minutes = e.start_minutes;
    ev.end_minutes = e.end_minutes;
    ev.summary = e.cancelled ? cat.Get(lang, "calendar.cancelled") + " " + e.title : e.title;
    std::string where = e.venue;
    if (e.online_places) {
      where += (where.empty() ? "" : " / ") + cat.Get(lang, "events.mode.online");
    }
    ev.location = where;
    ev.description = cat.Get(lang, "events.kind." + e.kind) + "\n" +
                     cat.Get(lang, "calendar.feed.organizer") + " " + e.organization +
                     (e.description.empty() ? "" : "\n\n" + e.description);
    ev.url = base + e.path;
    ev.cancelled = e.cancelled;
    feed.events.push_back(std::move(fe));
  }
  auto body = notify::BuildFeed(feed);
  if (!body) return web::Failure(d.pages, ctx, body.error());
  const std::string etag = ETagOf(*body);
  http::Response r;
  if (!NoneMatch(ctx.request, etag)) {
    r.status = 304;
  } else {
    r = http::Response::Text(200, std::move(*body), "text/calendar; charset=utf-8");
    r.headers.Set("Content-Disposition", "inline; filename=\"calendar.ics\"");
  }
  r.headers.Set("ETag", etag);
  // Public data: calendars and caches may keep it for 15 minutes, then ask again (ETag).
  r.headers.Set("Cache-Control", "public, max-age=900");
  return r;
}

}  // namespace

void AddFeedRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/calendar.ics", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
                const Filter f = ReadFilter(ctx.request);
                auto entries = d.calendar->FeedEntries(Today(d), f);
                if (!entries) return web::Failure(d.pages, ctx, entries.error());
                return Serve(d, ctx,
                             d.pages.catalog().Get(FeedLanguage(ctx.request), "calendar.feed.name"),
                             *entries);
              }});
  router.Add(
      {"GET", "/orgs/{id}/calendar.ics", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto name = d.calendar->OrganizationName(id);
         if (!name) return web::Failure(d.pages, ctx, name.error());
         auto entries = d.calendar->FeedEntries(Today(d), ReadFilter(ctx.request), id);
         if (!entries) return web::Failure(d.pages, ctx, entries.error());
         return Serve(d, ctx,
                      d.pages.catalog().Format(FeedLanguage(ctx.request), "calendar.feed.org_name",
                                               {{"org", *name}}),
                      *entries);
       }});
}

}  // namespace tsunagu::calendar::handlers

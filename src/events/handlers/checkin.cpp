// Check-in on the day (staff on a phone; plain forms, a small script keeps check-ins made
// while the network is down) and the printable 受付名簿. The organiser's staff only; every
// page that shows names is an audited read.
#include "events/handlers/attendance_support.hpp"
#include "web/forms.hpp"

namespace tsunagu::events::handlers {
namespace {

http::Response ShowCheckin(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                           const core::Error* error, int status = 200) {
  // The QR 受付票 encodes ?ref=EV-…; the search box sends ?q=.
  std::string query = ctx.request.Query("ref").value_or("");
  if (query.empty()) query = ctx.request.Query("q").value_or("");
  if (query.size() > 200) query.clear();
  auto loaded = AttendanceOf(d).Load(*ctx.Who(), ctx.Actor(), id, query, "checkin");
  if (!loaded) return Failure(d, ctx, loaded.error());
  const EventAttendance& a = *loaded;
  ctemplate::TemplateDictionary dict("events_checkin");
  AddEventDetails(d, ctx, dict, a.event);
  dict.SetValue("BASE", EventBase(id));
  dict.SetValue("QUERY", query);
  AddCounts(d, ctx, dict, a.event, a.counts, a.types);
  const std::string done = ctx.request.Query("done").value_or("");
  if (done == "checked" || done == "already" || done == "walk_in") {
    dict.SetValueAndShowSection("NOTICE_TEXT", d.pages.T(ctx, "events_attendance.done." + done),
                                "NOTICE");
  }
  for (const auto& r : a.rows) {
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetIntValue("ID", r.id);
    row->SetValue("REFERENCE", r.reference);
    row->SetValue("NAME", r.name);
    row->SetValue("FURIGANA", r.furigana);
    row->SetValue("MODE", d.pages.T(ctx, "events.mode." + r.mode));
    row->SetValue("TYPE", TypeLabel(d, ctx, a.types, r.participant_type));
    if (r.attendance == "attended") {
      row->ShowSection("CHECKED");
    } else {
      row->ShowSection("CAN_CHECK");
    }
  }
  if (a.rows.empty()) dict.ShowSection(query.empty() ? "NO_ROWS" : "NO_MATCH");
  if (!query.empty()) dict.ShowSection("FILTERED");
  auto* walk = dict.AddSectionDictionary("WALK_IN");
  AddTypeChoices(d, ctx, *walk, a.types, ctx.Form("participant_type"));
  for (auto mode : kModes) {
    if (!a.event.Offers(mode)) continue;
    auto* m = walk->AddSectionDictionary("WALK_MODE");
    m->SetValue("CODE", std::string(mode));
    m->SetValue("LABEL", d.pages.T(ctx, "events.mode." + std::string(mode)));
    if (mode == "venue" || !a.event.Offers("venue")) m->ShowSection("CHECKED");
  }
  if (a.event.kind == "training_follow_up") walk->ShowSection("FOLLOW_UP");
  if (error) d.pages.AddErrors(*walk, ctx, *error);
  return d.pages.Render(ctx, "events/checkin",
                        web::Title{"events_attendance.checkin.title", {{"title", a.event.title}}},
                        dict, status);
}

http::Response ShowRoster(const Deps& d, web::RequestContext& ctx, std::int64_t id) {
  auto loaded = AttendanceOf(d).Load(*ctx.Who(), ctx.Actor(), id, "", "roster", false, true);
  if (!loaded) return Failure(d, ctx, loaded.error());
  const EventAttendance& a = *loaded;
  ctemplate::TemplateDictionary dict("events_roster");
  AddEventDetails(d, ctx, dict, a.event);
  dict.SetValue("BASE", EventBase(id));
  for (auto mode : kModes) {
    const std::string m(mode);
    int n = 0;
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& r : a.rows) {
      if (r.mode != m) continue;
      if (!group) {
        group = dict.AddSectionDictionary("GROUP");
        group->SetValue("MODE", d.pages.T(ctx, "events.mode." + m));
      }
      auto* row = group->AddSectionDictionary("ROW");
      row->SetIntValue("N", ++n);
      row->SetValue("REFERENCE", r.reference);
      row->SetValue("NAME", r.anonymised ? d.pages.T(ctx, "events_gaps.staff.anonymised") : r.name);
      row->SetValue("FURIGANA", r.furigana);
      row->SetValue("TYPE", TypeLabel(d, ctx, a.types, r.participant_type));
      if (r.attendance == "attended") row->ShowSection("CHECKED");
      // A place held for an offer: on the list to be expected, marked until it is confirmed.
      if (r.offer_expires_at != 0) {
        row->SetValueAndShowSection(
            "NOTE",
            d.pages.catalog().Format(
                ctx.lang, "events_gaps.staff.offered_note",
                {{"until", core::FormatDateTime(r.offer_expires_at, ctx.lang)}}),
            "HAS_NOTE");
      }
    }
    if (group) group->SetIntValue("COUNT", n);
  }
  if (a.rows.empty()) dict.ShowSection("NO_ROWS");
  return d.pages.Render(ctx, "events/roster",
                        web::Title{"events_attendance.roster.title", {{"title", a.event.title}}},
                        dict);
}

}  // namespace

void AddCheckinRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/org/events/{id}/checkin", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowCheckin(d, ctx, id, nullptr);
              }});

  router.Add({"POST", "/org/events/{id}/walk-in", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                WalkInRequest request;
                request.mode = ctx.Form("mode");
                request.participant_type = ctx.Form("participant_type");
                request.name = ctx.Form("name");
                request.new_trainee = ctx.Form("new_trainee") == "1";
                auto done = AttendanceOf(d).WalkIn(*ctx.Who(), ctx.Actor(), id, request);
                if (!done) {
                  if (done.error().code == core::ErrorCode::kInvalidInput) {
                    return ShowCheckin(d, ctx, id, &done.error(), 422);
                  }
                  return Failure(d, ctx, done.error());
                }
                const bool back = ctx.Form("back") == "attendance";
                return web::SeeOther(EventBase(id) + (back ? "/attendance" : "/checkin") +
                                     "?done=walk_in");
              }});

  router.Add({"POST", "/org/events/{id}/checkin/{registration_id}", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                const auto registration = web::ParseId(ctx.Param("registration_id"));
                if (id <= 0 || registration <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                auto done = AttendanceOf(d).CheckIn(*ctx.Who(), ctx.Actor(), id, registration);
                if (!done) return Failure(d, ctx, done.error());
                return web::SeeOther(EventBase(id) + "/checkin?done=" +
                                     (*done ? "checked" : "already") + "#checkin-search");
              }});

  router.Add({"GET", "/org/events/{id}/roster", auth::Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("id"));
                if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
                return ShowRoster(d, ctx, id);
              }});
}

}  // namespace tsunagu::events::handlers

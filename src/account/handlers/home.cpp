// GET /: the signed-in home page; POST /org/switch: choose the active organisation.
#include "account/handlers/routes.hpp"
#include "consultations/day_board.hpp"
#include "consultations/schedule_rule.hpp"
#include "orgs/handlers/view.hpp"
#include "portal/handlers/portal_page.hpp"
#include "web/forms.hpp"
#include "worklist/worklist.hpp"

namespace tsunagu::account::handlers {
namespace {

using orgs::handlers::Label;

constexpr int kDaysAhead = 14;

// The organisation's consultation days of the next two weeks, each linked to its board: the
// way in for counselors, who do not manage programmes.
void AddComingDays(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict) {
  if (!auth::Policy::CanCounsel(*ctx.Who(), ctx.principal->organization_id)) return;
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  auto days = sv.board.Upcoming(*ctx.Who(), today, kDaysAhead);
  if (!days) return;  // the rest of the home page is still useful
  auto* section = dict.AddSectionDictionary("DAYS");
  if (days->empty()) {
    section->ShowSection("NO_DAYS");
    return;
  }
  auto* table = section->AddSectionDictionary("HAS_DAYS");
  table->SetValue("CAPTION", sv.catalog.Format(ctx.lang, "home.days.caption",
                                               {{"count", std::to_string(days->size())}}));
  for (const auto& u : *days) {
    auto* row = table->AddSectionDictionary("DAY");
    row->SetValue("PATH", consultations::DayBoardPath(u.day.program_id, u.day.id));
    row->SetValue("DATE", core::FormatDate(u.day.date, ctx.lang));
    if (u.day.date == today) row->ShowSection("TODAY");
    if (u.day.date == core::AddDays(today, 1)) row->ShowSection("TOMORROW");
    row->SetValue("HOURS", consultations::FormatMinutes(u.day.start_minutes) + "〜" +
                               consultations::FormatMinutes(u.day.end_minutes));
    row->SetValue("PROGRAM", u.program_name);
    row->SetValue("BOOKED", sv.catalog.Format(ctx.lang, "home.days.booked",
                                              {{"booked", std::to_string(u.booked)},
                                               {"capacity", std::to_string(u.capacity)}}));
    row->SetIntValue("WAITING", u.waiting);
    if (u.on_roster) row->ShowSection("ON_ROSTER");
  }
}

// What the member has to do now: referrals to answer, tasks due, records to write. The home
// page of staff is this list first; the organisation's facts come last.
void AddWork(app::Services& sv, const web::RequestContext& ctx,
             ctemplate::TemplateDictionary& dict) {
  if (!auth::Policy::Allows(ctx.Who(), auth::Permission::kOrgCounsel)) return;
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  auto work = worklist::Load(sv.db, *ctx.Who(), today, sv.clock.NowSeconds());
  if (!work) return;  // the rest of the home page is still useful
  auto* section = dict.AddSectionDictionary("WORK");
  if (work->Empty()) section->ShowSection("NOTHING");
  if (work->referrals_awaiting > 0) {
    section->SetValueAndShowSection(
        "TEXT",
        sv.catalog.Format(ctx.lang, "home.work.referrals",
                          {{"count", std::to_string(work->referrals_awaiting)}}),
        "REFERRALS");
  }
  for (const auto& [count, key] : {std::pair{work->requests_overdue, "home.work.requests_overdue"},
                                   std::pair{work->requests_today, "home.work.requests_today"}}) {
    if (count == 0) continue;
    auto* row = section->AddSectionDictionary("REQUESTS");
    row->SetValue("TEXT", sv.catalog.Format(ctx.lang, key, {{"count", std::to_string(count)}}));
    if (key == std::string_view("home.work.requests_overdue")) row->ShowSection("OVERDUE");
  }
  if (work->retention_due > 0) {
    section->SetValueAndShowSection(
        "RETENTION_TEXT",
        sv.catalog.Format(ctx.lang, "home.work.retention",
                          {{"count", std::to_string(work->retention_due)}}),
        "RETENTION");
  }
  if (!work->calls.empty()) {
    auto* calls = section->AddSectionDictionary("CALLS");
    int people = 0;
    for (const auto& c : work->calls) people += c.people;
    calls->SetValue("TEXT", sv.catalog.Format(ctx.lang, "home.work.calls",
                                              {{"count", std::to_string(people)}}));
    for (const auto& c : work->calls) {
      auto* row = calls->AddSectionDictionary("CALL");
      row->SetValue("PATH", consultations::DayBoardPath(c.program_id, c.day_id) + "/calls");
      row->SetValue("LABEL", sv.catalog.Format(ctx.lang, "home.work.call",
                                               {{"date", core::FormatDate(c.date, ctx.lang)},
                                                {"count", std::to_string(c.people)}}));
    }
  }
  if (!work->tasks.empty()) {
    auto* tasks = section->AddSectionDictionary("TASKS");
    tasks->SetValue("TEXT", sv.catalog.Format(ctx.lang, "home.work.tasks",
                                              {{"count", std::to_string(work->tasks.size())}}));
    for (const auto& t : work->tasks) {
      auto* row = tasks->AddSectionDictionary("TASK");
      row->SetIntValue("CASE_ID", t.case_id);
      row->SetValue("LABEL", sv.catalog.Format(ctx.lang, "home.work.task",
                                               {{"due", core::FormatDate(t.due_on, ctx.lang)},
                                                {"case", std::to_string(t.case_id)}}));
      if (t.overdue) row->ShowSection("OVERDUE");
    }
  }
  if (!work->records.empty()) {
    auto* records = section->AddSectionDictionary("RECORDS");
    records->SetValue("TEXT", sv.catalog.Format(ctx.lang, "home.work.records",
                                                {{"count", std::to_string(work->records.size())}}));
    for (const auto& r : work->records) {
      auto* row = records->AddSectionDictionary("RECORD");
      row->SetValue("PATH", consultations::DayBoardPath(r.program_id, r.day_id) + "/bookings/" +
                                std::to_string(r.booking_id) + "/record");
      row->SetValue("LABEL",
                    sv.catalog.Format(ctx.lang, "home.work.record",
                                      {{"date", core::FormatDate(r.date, ctx.lang)},
                                       {"time", consultations::FormatMinutes(r.start_minutes)},
                                       {"reference", r.reference}}));
    }
  }
}

http::Response ShowHome(app::Services& sv, web::RequestContext& ctx) {
  auto memberships = sv.orgs.MembershipsOf(ctx.principal->user_id);
  if (!memberships) {
    return sv.pages.Error(ctx, web::StatusFor(memberships.error().code),
                          memberships.error().message_key);
  }
  ctemplate::TemplateDictionary dict("home");
  dict.SetValue("GREETING",
                sv.catalog.Format(ctx.lang, "home.greeting", {{"name", ctx.user->display_name}}));
  const bool is_admin = ctx.membership && ctx.membership->role == "admin";
  if (ctx.organization && ctx.membership) {
    auto* org = dict.AddSectionDictionary("HAS_ORG");
    org->SetValue("ORG_NAME", ctx.organization->name);
    org->SetValue("ORG_KIND", Label(sv, ctx, "org_kind", ctx.organization->kind));
    org->SetValue("ROLE", Label(sv, ctx, "role", ctx.membership->role));
    org->SetValue("PROFESSION", Label(sv, ctx, "profession", ctx.membership->profession));
  } else if (!memberships->empty()) {
    dict.ShowSection("NO_ORG_CHOOSE");
  } else if (ctx.principal->is_system_admin) {
    dict.ShowSection("NO_ORG_SYSTEM_ADMIN");
  } else {
    dict.ShowSection("NO_ORG_NONE");
  }
  if (ctx.organization && ctx.membership) {
    AddWork(sv, ctx, dict);
    AddComingDays(sv, ctx, dict);
  }
  if (is_admin) dict.ShowSection("LINKS_ORG_ADMIN");
  if (ctx.principal->is_system_admin) dict.ShowSection("LINKS_SYSTEM_ADMIN");

  // The switch form appears when there is a choice to make.
  if (memberships->size() > 1 || (!memberships->empty() && !ctx.organization)) {
    auto* sw = dict.AddSectionDictionary("SWITCH");
    for (const auto& m : *memberships) {
      auto* option = sw->AddSectionDictionary("ORG_OPTION");
      option->SetIntValue("VALUE", m.organization_id);
      option->SetValue("LABEL", m.organization_name);
      if (m.organization_id == ctx.principal->organization_id) option->ShowSection("SELECTED");
    }
  }
  if (ctx.request.Query("switched")) dict.ShowSection("NOTICE_SWITCHED");
  if (ctx.request.Query("joined")) dict.ShowSection("NOTICE_JOINED");
  if (ctx.request.Query("declined")) dict.ShowSection("NOTICE_DECLINED");
  return sv.pages.Render(ctx, "home/index", "home.title", dict);
}

}  // namespace

void AddHomeRoutes(app::Router& router, app::Services& sv) {
  // Staff signed in find their work; everyone else the region's public portal.
  router.Add({"GET", "/", auth::Permission::kPublic, [&sv](web::RequestContext& ctx) {
                if (auth::Policy::Allows(ctx.Who(), auth::Permission::kSignedIn)) {
                  return ShowHome(sv, ctx);
                }
                return portal::handlers::ShowPortal(sv, ctx);
              }});

  router.Add({"POST", "/org/switch", auth::Permission::kSignedIn, [&sv](web::RequestContext& ctx) {
                // The service checks the membership; an organisation the user does not belong
                // to answers 404 like one that does not exist.
                auto st = sv.accounts.SwitchOrganization(
                    *ctx.session, web::ParseId(ctx.Form("org_id")), ctx.Actor());
                if (!st) {
                  return sv.pages.Error(ctx, web::StatusFor(st.error().code),
                                        st.error().message_key);
                }
                return web::SeeOther("/?switched=1");
              }});
}

}  // namespace tsunagu::account::handlers

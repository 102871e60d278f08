// /calendar: the month (an accessible table that becomes a list on a phone) and the list of
// what is coming, with the filters; works without JavaScript (a GET form and links).
#include <ctemplate/template.h>

#include <array>
#include <map>

#include "calendar/handlers/routes.hpp"
#include "events/model.hpp"
#include "web/forms.hpp"

namespace tsunagu::calendar::handlers {
namespace {

constexpr int kListDays = 180;  // the list view shows half a year ahead

struct Month {
  int year = 0;
  int month = 0;
};

// "2026-12" → {2026, 12}; nullopt otherwise (years 2000–2100 are enough for a calendar).
std::optional<Month> ParseMonth(const std::string& text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int y = std::stoi(text.substr(0, 4));
  const int m = std::stoi(text.substr(5, 2));
  if (y < 2000 || y > 2100 || m < 1 || m > 12) return std::nullopt;
  return Month{y, m};
}

std::string MonthIso(Month m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
  return buf;
}

Month Shift(Month m, int by) {
  int index = m.year * 12 + (m.month - 1) + by;
  return {index / 12, index % 12 + 1};
}

std::string MonthLabel(const Deps& d, const web::RequestContext& ctx, Month m) {
  return d.pages.catalog().Format(
      ctx.lang, "calendar.month_label",
      {{"year", std::to_string(m.year)}, {"month", std::to_string(m.month)}});
}

std::string CalendarUrl(const std::string& view, const std::string& month, const Filter& f) {
  std::string url = "/calendar?view=" + view;
  if (!month.empty()) url += "&month=" + month;
  const std::string q = FilterQuery(f);
  if (!q.empty()) url += "&" + q;
  return url;
}

std::string WhereText(const Deps& d, const web::RequestContext& ctx, const Entry& e) {
  if (e.consultation) {
    std::string text = d.pages.T(ctx, "booking.mode." + e.day_mode);
    if (!e.venue.empty()) text += "（" + e.venue + "）";
    return text;
  }
  std::string where = e.venue;
  if (!e.area.empty() && !where.empty()) where = e.area + "・" + where;
  if (e.online_places) {
    where += (where.empty() ? "" : "／") + d.pages.T(ctx, "events.mode.online");
  }
  return where;
}

void AddEntry(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary* row,
              const Entry& e) {
  row->SetValue("PATH", e.path);
  row->SetValue("TITLE", e.title);
  row->SetValue("TIME", events::TimeRange(e.start_minutes, e.end_minutes));
  row->SetValue("WHEN", core::FormatDate(e.date, ctx.lang) + " " +
                            events::TimeRange(e.start_minutes, e.end_minutes));
  row->SetValue("KIND", e.consultation ? d.pages.T(ctx, "calendar.kind.consultation")
                                       : d.pages.T(ctx, "events.kind." + e.kind));
  row->SetValue("ORGANIZER", e.organization);
  row->SetValue("WHERE", WhereText(d, ctx, e));
  if (e.cancelled) row->ShowSection("CANCELLED");
  if (e.consultation) row->ShowSection("BOOK");
}

void AddFilters(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
                const Filter& f, const std::vector<std::string>& areas) {
  const auto option = [&](const char* section, const std::string& value, const std::string& label,
                          const std::string& chosen) {
    auto* o = dict.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == chosen) o->ShowSection("SELECTED");
  };
  for (auto kind : events::kKinds) {
    if (kind == events::kStaffOnlyKind) continue;
    option("KIND_OPTION", std::string(kind), d.pages.T(ctx, "events.kind." + std::string(kind)),
           f.kind);
  }
  option("KIND_OPTION", "consultation", d.pages.T(ctx, "calendar.kind.consultation"), f.kind);
  for (const auto& a : areas) option("AREA_OPTION", a, a, f.area);
  if (!f.area.empty() && std::find(areas.begin(), areas.end(), f.area) == areas.end()) {
    option("AREA_OPTION", f.area, f.area, f.area);
  }
  option("MODE_OPTION", "venue", d.pages.T(ctx, "calendar.filter.mode_venue"), f.mode);
  option("MODE_OPTION", "online", d.pages.T(ctx, "calendar.filter.mode_online"), f.mode);
  for (auto a : events::kAudiences) {
    option("AUDIENCE_OPTION", std::string(a), d.pages.T(ctx, "events.audience." + std::string(a)),
           f.audience);
  }
}

http::Response MonthView(const Deps& d, web::RequestContext& ctx,
                         ctemplate::TemplateDictionary& dict, const Filter& f, Month m,
                         core::Date today) {
  const core::Date first{m.year, m.month, 1};
  const core::Date last{m.year, m.month, core::DaysInMonth(m.year, m.month)};
  auto entries = d.calendar->Entries(first, last, f, true);
  if (!entries) return web::Failure(d.pages, ctx, entries.error());
  std::map<int, std::vector<const Entry*>> by_day;
  for (const auto& e : *entries) by_day[e.date.day].push_back(&e);

  dict.ShowSection("MONTH_VIEW");
  dict.SetValue("MONTH_LABEL", MonthLabel(d, ctx, m));
  const Month prev = Shift(m, -1);
  const Month next = Shift(m, 1);
  dict.SetValue("PREV_URL", CalendarUrl("month", MonthIso(prev), f));
  dict.SetValue("PREV_LABEL", MonthLabel(d, ctx, prev));
  dict.SetValue("NEXT_URL", CalendarUrl("month", MonthIso(next), f));
  dict.SetValue("NEXT_LABEL", MonthLabel(d, ctx, next));
  if (entries->empty()) dict.ShowSection("MONTH_EMPTY");
  static constexpr std::array<const char*, 7> kDays = {"sun", "mon", "tue", "wed",
                                                       "thu", "fri", "sat"};
  for (const char* wd : kDays) {
    auto* h = dict.AddSectionDictionary("WEEKDAY");
    h->SetValue("SHORT", d.pages.T(ctx, std::string("calendar.weekday.") + wd));
    h->SetValue("FULL", d.pages.T(ctx, std::string("calendar.weekday_full.") + wd));
  }
  // Weeks start on Sunday, as Japanese wall calendars do.
  const int lead = core::Weekday(first);
  const int cells = ((lead + last.day + 6) / 7) * 7;
  ctemplate::TemplateDictionary* week = nullptr;
  for (int i = 0; i < cells; ++i) {
    if (i % 7 == 0) week = dict.AddSectionDictionary("WEEK");
    auto* cell = week->AddSectionDictionary("DAY");
    const int day = i - lead + 1;
    if (day < 1 || day > last.day) {
      cell->SetValue("CLASS", "calendar-month__cell calendar-month__cell--outside");
      continue;
    }
    const core::Date date{m.year, m.month, day};
    auto* in = cell->AddSectionDictionary("IN_MONTH");
    in->SetIntValue("DAY_NUMBER", day);
    in->SetValue("DATE_LABEL", core::FormatDate(date, ctx.lang));
    std::string cls = "calendar-month__cell";
    const auto found = by_day.find(day);
    if (found == by_day.end()) cls += " calendar-month__cell--empty";
    if (date == today) {
      cls += " calendar-month__cell--today";
      cell->ShowSection("TODAY");
      in->ShowSection("TODAY");
    }
    const int wd = core::Weekday(date);
    if (wd == 0) cls += " calendar-month__cell--sun";
    if (wd == 6) cls += " calendar-month__cell--sat";
    cell->SetValue("CLASS", cls);
    if (found == by_day.end()) continue;
    auto* list = in->AddSectionDictionary("ITEMS");
    for (const Entry* e : found->second) AddEntry(d, ctx, list->AddSectionDictionary("ITEM"), *e);
  }
  return d.pages.Render(ctx, "calendar/index",
                        web::Title{"calendar.title_month", {{"month", MonthLabel(d, ctx, m)}}},
                        dict);
}

http::Response ListView(const Deps& d, web::RequestContext& ctx,
                        ctemplate::TemplateDictionary& dict, const Filter& f, core::Date today) {
  auto entries = d.calendar->Entries(today, core::AddDays(today, kListDays), f, true);
  if (!entries) return web::Failure(d.pages, ctx, entries.error());
  dict.ShowSection("LIST_VIEW");
  if (entries->empty()) dict.ShowSection("LIST_EMPTY");
  ctemplate::TemplateDictionary* group = nullptr;
  core::Date current{};
  for (const auto& e : *entries) {
    if (!group || e.date != current) {
      current = e.date;
      group = dict.AddSectionDictionary("DATE_GROUP");
      group->SetValue("DATE_LABEL", core::FormatDate(e.date, ctx.lang));
      group->SetValue("DATE_ISO", core::ToIso(e.date));
    }
    AddEntry(d, ctx, group->AddSectionDictionary("ITEM"), e);
  }
  return d.pages.Render(ctx, "calendar/index", "calendar.title_list", dict);
}

}  // namespace

void AddCalendarPageRoutes(app::Router& router, const Deps& d) {
  router.Add({"GET", "/calendar", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
                const Filter f = ReadFilter(ctx.request);
                const core::Date today = Today(d);
                const bool list = ctx.request.Query("view").value_or("") == "list";
                Month m{today.year, today.month};
                if (auto asked = ParseMonth(ctx.request.Query("month").value_or(""))) m = *asked;
                auto areas = d.calendar->Areas(today);
                if (!areas) return web::Failure(d.pages, ctx, areas.error());

                ctemplate::TemplateDictionary dict("calendar");
                AddFilters(d, ctx, dict, f, *areas);
                dict.SetValue("VIEW", list ? "list" : "month");
                dict.SetValue("MONTH", MonthIso(m));
                dict.SetValue("MONTH_URL", CalendarUrl("month", MonthIso(m), f));
                dict.SetValue("LIST_URL", CalendarUrl("list", "", f));
                dict.SetValue("THIS_MONTH_URL", CalendarUrl("month", "", f));
                const std::string q = FilterQuery(f);
                dict.SetValue("ICS_URL", "/calendar.ics" + (q.empty() ? "" : "?" + q));
                dict.ShowSection(list ? "LIST_CURRENT" : "MONTH_CURRENT");
                if (!q.empty()) dict.ShowSection("FILTERED");
                return list ? ListView(d, ctx, dict, f, today)
                            : MonthView(d, ctx, dict, f, m, today);
              }});
}

}  // namespace tsunagu::calendar::handlers

#include "portal/handlers/portal_page.hpp"

#include "consultations/handlers/page_support.hpp"
#include "core/phone_format.hpp"
#include "portal/portal.hpp"
#include "web/page.hpp"

namespace tsunagu::portal::handlers {
namespace {

// How many of a programme's coming days the portal lists (its booking page has them all).
constexpr int kDaysShown = 3;

}  // namespace

http::Response ShowPortal(app::Services& sv, web::RequestContext& ctx) {
  ctemplate::TemplateDictionary dict("portal");
  auto programs = PublishedPrograms(sv.db);
  if (!programs) return sv.pages.Error(ctx, 503, programs.error().message_key);
  const core::Date today = consultations::handlers::Today(sv);
  if (programs->empty()) dict.ShowSection("NO_PROGRAMS");
  for (const auto& p : *programs) {
    auto* row = dict.AddSectionDictionary("PROGRAM");
    row->SetIntValue("ID", p.id);
    row->SetValue("NAME", p.name);
    row->SetValue("HOST", p.host);
    if (!p.description.empty())
      row->AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", p.description);
    if (!p.office_phone.empty()) {
      auto* phone = row->AddSectionDictionary("OFFICE_PHONE");
      phone->SetValue("TEXT", core::FormatPhoneJp(p.office_phone));
      phone->SetValue("HOURS", p.office_hours);
    }
    auto days =
        sv.consultations.OpenDays(p.id, today, kDaysShown, consultations::Audience::kPublic);
    if (!days || days->empty()) {
      row->ShowSection("NO_DAYS");
      continue;
    }
    row->ShowSection("HAS_DAYS");
    for (const auto& d : *days) {
      int free = 0;
      for (const auto& slot : d.slots) free += slot.Free() > 0 ? slot.Free() : 0;
      auto* day = row->AddSectionDictionary("DAY");
      day->SetValue("WHEN", consultations::handlers::DayLine(ctx.lang, d.date, d.start_minutes,
                                                             d.end_minutes));
      day->SetValue("PLACE", consultations::handlers::Place(sv, ctx.lang, d.mode, d.venue));
      day->SetValue("FREE", free > 0 ? sv.catalog.Format(ctx.lang, "portal.programs.free",
                                                         {{"count", std::to_string(free)}})
                                     : sv.pages.T(ctx, "portal.programs.full"));
    }
  }
  auto desks = RequestDesks(sv.db);
  if (desks && !desks->empty()) {
    auto* section = dict.AddSectionDictionary("REQUESTS");
    for (const auto& desk : *desks) {
      auto* row = section->AddSectionDictionary("DESK");
      row->SetIntValue("ORG_ID", desk.organization_id);
      row->SetValue("NAME", desk.name);
    }
  }
  return sv.pages.Render(ctx, "portal/index", "portal.title", dict);
}

}  // namespace tsunagu::portal::handlers

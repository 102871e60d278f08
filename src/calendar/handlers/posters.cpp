// A4 posters with a QR code to the public page (seed 000 puts posters and leaflets in
// hospitals and offices): /events/{id}/poster and /book/{program}/poster. The screen shows the
// page and a print button's hint; print.css lays it out on one A4 sheet.
#include <ctemplate/template.h>

#include "calendar/handlers/routes.hpp"
#include "core/phone_format.hpp"
#include "core/qr.hpp"
#include "events/model.hpp"
#include "portal/portal.hpp"
#include "web/forms.hpp"

namespace tsunagu::calendar::handlers {
namespace {

constexpr int kPosterDays = 6;  // consultation days a programme poster lists

std::string Base(const std::string& url) {
  return !url.empty() && url.back() == '/' ? url.substr(0, url.size() - 1) : url;
}

// 「令和8年2月21日（土）」 in Japanese, "Sat 21 February 2026 (Reiwa 8)" in English.
std::string PosterDate(core::Date date, const std::string& lang) {
  return lang == "en" ? core::FormatDateEn(date) : core::FormatWarekiWithWeekday(date);
}

void AddQr(const Deps& d, const web::RequestContext& ctx, ctemplate::TemplateDictionary& dict,
           const std::string& path, const std::string& title) {
  const std::string url = Base(d.config.server.public_url) + path;
  dict.SetValue("PAGE_URL", url);
  const std::string label = d.pages.catalog().Format(ctx.lang, "calendar.poster.qr_label",
                                                     {{"title", title}, {"url", url}});
  // Trusted markup: built by core::QrSvgWithTitle, which escapes the title.
  dict.SetValue("QR_SVG", core::QrSvgWithTitle(url, label, "poster", 1.0));
}

}  // namespace

void AddPosterRoutes(app::Router& router, const Deps& d) {
  router.Add(
      {"GET", "/events/{id}/poster", auth::Permission::kPublic, [d](web::RequestContext& ctx) {
         const auto id = web::ParseId(ctx.Param("id"));
         if (id <= 0) return d.pages.Error(ctx, 404, "error.not_found");
         auto event = d.events->PublicGet(id);  // never a draft or staff-only event
         if (!event) return web::Failure(d.pages, ctx, event.error());
         const auto& e = *event;
         ctemplate::TemplateDictionary dict("calendar_poster");
         dict.SetValue("BACK", events::EventPath(e.id));
         dict.SetValue("KIND", d.pages.T(ctx, "events.kind." + e.kind));
         dict.SetValue("TITLE", e.title);
         if (!e.description.empty()) {
           dict.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", e.description);
         }
         if (e.status == "cancelled") dict.ShowSection("CANCELLED");
         auto* when = dict.AddSectionDictionary("WHEN");
         when->SetValue("DATE", PosterDate(e.date, ctx.lang));
         when->SetValue("TIME", events::TimeRange(e.start_minutes, e.end_minutes));
         if (!e.venue.empty()) {
           auto* venue = dict.AddSectionDictionary("VENUE");
           venue->SetValue("TEXT", e.venue);
           if (!e.access.empty()) venue->AddSectionDictionary("ACCESS")->SetValue("TEXT", e.access);
         }
         if (e.Offers("online")) dict.ShowSection("ONLINE");
         std::string audiences;
         for (const auto& a : e.audiences) {
           if (!audiences.empty()) audiences += "・";
           audiences += d.pages.T(ctx, "events.audience." + a);
         }
         dict.SetValue("AUDIENCES", audiences);
         if (!e.fee.empty()) dict.AddSectionDictionary("FEE")->SetValue("TEXT", e.fee);
         if (!e.speakers.empty()) {
           dict.AddSectionDictionary("SPEAKERS")->SetValue("TEXT", e.speakers);
         }
         dict.SetValue("ORGANIZER", e.organization_name);
         if (!e.co_hosts.empty()) {
           dict.AddSectionDictionary("CO_HOSTS")->SetValue("TEXT", e.co_hosts);
         }
         if (!e.contact.empty()) {
           dict.AddSectionDictionary("CONTACT")->SetValue("TEXT", e.contact);
         }
         dict.ShowSection("IS_EVENT");
         AddQr(d, ctx, dict, events::EventPath(e.id), e.title);
         return d.pages.Render(ctx, "calendar/poster",
                               web::Title{"calendar.poster.title", {{"title", e.title}}}, dict);
       }});

  router.Add({"GET", "/book/{program_id}/poster", auth::Permission::kPublic,
              [d](web::RequestContext& ctx) {
                const auto id = web::ParseId(ctx.Param("program_id"));
                auto programs = portal::PublishedPrograms(d.db);
                if (!programs) return web::Failure(d.pages, ctx, programs.error());
                const portal::PublicProgram* program = nullptr;
                for (const auto& p : *programs) {
                  if (p.id == id) program = &p;
                }
                if (id <= 0 || !program) return d.pages.Error(ctx, 404, "error.not_found");
                auto days = d.consultations.OpenDays(program->id, Today(d), kPosterDays,
                                                     consultations::Audience::kPublic);
                if (!days) return web::Failure(d.pages, ctx, days.error());
                const std::string path = "/book/" + std::to_string(program->id);
                ctemplate::TemplateDictionary dict("calendar_poster");
                dict.SetValue("BACK", path);
                dict.SetValue("KIND", d.pages.T(ctx, "calendar.kind.consultation"));
                dict.SetValue("TITLE", program->name);
                if (!program->description.empty()) {
                  dict.AddSectionDictionary("DESCRIPTION")->SetValue("TEXT", program->description);
                }
                for (const auto& day : *days) {
                  auto* when = dict.AddSectionDictionary("WHEN");
                  when->SetValue("DATE", PosterDate(day.date, ctx.lang));
                  when->SetValue("TIME", events::TimeRange(day.start_minutes, day.end_minutes));
                  std::string place = d.pages.T(ctx, "booking.mode." + day.mode);
                  if (day.mode == "in_person" && !day.venue.empty())
                    place += "（" + day.venue + "）";
                  when->AddSectionDictionary("PLACE")->SetValue("TEXT", place);
                }
                if (days->empty()) dict.ShowSection("NO_DAYS");
                dict.SetValue("AUDIENCES", d.pages.T(ctx, "calendar.poster.consultation_for"));
                dict.AddSectionDictionary("FEE")->SetValue(
                    "TEXT", d.pages.T(ctx, "calendar.poster.consultation_fee"));
                dict.SetValue("ORGANIZER", program->host);
                if (!program->office_phone.empty()) {
                  dict.AddSectionDictionary("CONTACT")->SetValue(
                      "TEXT",
                      core::FormatPhoneJp(program->office_phone) +
                          (program->office_hours.empty() ? "" : " " + program->office_hours));
                }
                dict.ShowSection("IS_PROGRAM");
                AddQr(d, ctx, dict, path, program->name);
                return d.pages.Render(
                    ctx, "calendar/poster",
                    web::Title{"calendar.poster.title", {{"title", program->name}}}, dict);
              }});
}

}  // namespace tsunagu::calendar::handlers

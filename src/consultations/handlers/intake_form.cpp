#include "consultations/handlers/intake_form.hpp"

#include "consultations/handlers/page_support.hpp"
#include "notify/icalendar.hpp"
#include "web/forms.hpp"
#include "web/page.hpp"

namespace tsunagu::consultations::handlers {

BookingRequest ReadBookingRequest(const web::RequestContext& ctx) {
  BookingRequest r;
  r.slot_id = web::ParseId(ctx.Form("slot"));
  Intake& in = r.intake;
  in.for_family = ctx.Form("for_family") == "family";
  if (in.for_family) in.relationship = ctx.Form("relationship");
  in.gender = ctx.Form("gender");
  in.age_band = ctx.Form("age_band");
  in.municipality = ctx.Form("municipality");
  // Forms from before the question existed (and other callers) mean 住所地.
  in.municipality_kind = ctx.Form("municipality_kind").empty() ? std::string("residence")
                                                               : ctx.Form("municipality_kind");
  in.heard_from = ctx.Form("heard_from");
  in.treatment_status = ctx.Form("treatment_status");
  in.work_status = ctx.Form("work_status");
  in.topics = ctx.FormValues("topics");
  Contact& c = r.contact;
  c.name = ctx.Form("name");
  c.furigana = ctx.Form("furigana");
  c.phone = ctx.Form("phone");
  c.email = ctx.Form("email");
  c.diagnosis = ctx.Form("diagnosis");
  c.notes = ctx.Form("notes");
  r.consent = ctx.Form("consent") == "1";
  return r;
}

void AddIntakeFields(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict) {
  web::KeepInput(
      dict, ctx,
      {"relationship", "municipality", "diagnosis", "name", "furigana", "phone", "email", "notes"});
  const std::string who = ctx.Form("for_family") == "family" ? "family" : "self";
  for (const char* code : {"self", "family"}) {
    auto* option = dict.AddSectionDictionary("FOR_FAMILY");
    option->SetValue("CODE", code);
    option->SetValue("ID", std::string(code) == "self" ? "for_family" : "for_family-family");
    option->SetValue("LABEL", sv.pages.T(ctx, std::string("booking.form.for_family_") + code));
    if (who == code) option->ShowSection("CHECKED");
  }
  AddChoices(sv, ctx, dict, "GENDER", "gender", "intake.genders.", kGenders, {ctx.Form("gender")});
  AddChoices(sv, ctx, dict, "AGE_BAND", "age_band", "intake.age_bands.", kAgeBands,
             {ctx.Form("age_band")});
  AddChoices(sv, ctx, dict, "MUNICIPALITY_KIND", "municipality_kind", "intake.municipality_kinds.",
             kMunicipalityKinds,
             {ctx.Form("municipality_kind").empty() ? std::string("residence")
                                                    : ctx.Form("municipality_kind")});
  AddChoices(sv, ctx, dict, "HEARD_FROM", "heard_from", "intake.heard_from.", kHeardFrom,
             {ctx.Form("heard_from")});
  AddChoices(sv, ctx, dict, "TREATMENT_STATUS", "treatment_status", "intake.treatment_statuses.",
             kTreatmentStatuses, {ctx.Form("treatment_status")});
  AddChoices(sv, ctx, dict, "WORK_STATUS", "work_status", "intake.work_statuses.", kWorkStatuses,
             {ctx.Form("work_status")});
  AddChoices(sv, ctx, dict, "TOPIC", "topics", "intake.topics.", kTopics, ctx.FormValues("topics"));
  if (ctx.Form("consent") == "1") dict.ShowSection("CONSENT_CHECKED");
}

namespace {

notify::MailMessage BuildConfirmation(const app::Services& sv, const std::string& lang,
                                      const std::string& program_name,
                                      const BookingReceipt& receipt, const ConsultationDay& day,
                                      const Slot& slot, const Contact& contact) {
  auto t = [&](const std::string& key) { return sv.catalog.Get(lang, key); };
  const std::string when = DayLine(lang, day.date, slot.start_minutes, slot.end_minutes);
  const std::string place = Place(sv, lang, day.mode, day.venue);
  std::string base = sv.config.server.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  const std::string cancel_url = base + "/book/cancel/" + receipt.cancel_token;

  notify::MailMessage m;
  m.to = contact.email;
  m.subject = t("booking.mail.subject");
  // The programme's own name (seed 002's people have 難病, not がん).
  const std::string intro = program_name.empty() ? t("booking.mail.intro")
                                                 : sv.catalog.Format(lang, "programinfo.mail.intro",
                                                                     {{"program", program_name}});
  m.text_body = intro + "\n\n" + t("booking.mail.reference") + " " + receipt.reference + "\n" +
                t("booking.mail.when") + " " + when + "\n" + t("booking.mail.place") + " " + place +
                "\n\n" + t("booking.mail.staff") + "\n\n" + t("booking.mail.cancel") + "\n" +
                cancel_url + "\n\n" + t("booking.mail.footer") + "\n";
  notify::CalendarEvent ev;
  ev.uid = "booking-" + receipt.reference + "@tsunagu";
  ev.dtstamp_unix = sv.clock.NowSeconds();
  ev.date = day.date;
  ev.start_minutes = slot.start_minutes;
  ev.end_minutes = slot.end_minutes;
  ev.summary = program_name.empty() ? t("booking.ics.summary") : program_name;
  ev.location = place;
  ev.description = t("booking.mail.reference") + " " + receipt.reference;
  if (auto ics = notify::BuildIcs(ev, "PUBLISH"); ics.ok()) {
    m.attachments.push_back(
        {"consultation.ics", "text/calendar; charset=UTF-8; method=PUBLISH", *ics});
  }
  return m;
}

}  // namespace

ConfirmationBuilder ConfirmationMail(const app::Services& sv, const std::string& lang,
                                     const std::string& program_name) {
  return [&sv, lang, program_name](const BookingReceipt& receipt, const ConsultationDay& day,
                                   const Slot& slot, const Contact& contact) {
    return BuildConfirmation(sv, lang, program_name, receipt, day, slot, contact);
  };
}

}  // namespace tsunagu::consultations::handlers

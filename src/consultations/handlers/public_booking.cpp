// The public booking pages (issue 3): a person books a consultation without an account, one
// step per page, working without JavaScript. Nothing personal goes into URLs or logs.
#include <spdlog/spdlog.h>

#include <variant>

#include "consultations/booking_cancel.hpp"
#include "consultations/booking_rows.hpp"
#include "consultations/handlers/intake_form.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/public_info.hpp"
#include "consultations/handlers/routes.hpp"
#include "core/phone_format.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// How many upcoming days the day/time page offers; later days open as time goes by.
constexpr int kDaysShown = 8;
constexpr const char* kHoneypot = "website";

struct Chosen {
  ConsultationDay day;
  Slot slot;
};

// The slot when it belongs to the programme's open days and still has a free place;
// `*deadline_passed` says that it exists but its booking deadline is past.
std::optional<Chosen> FindOpenSlot(app::Services& sv, std::int64_t program_id, std::int64_t slot_id,
                                   bool* deadline_passed = nullptr) {
  if (program_id <= 0 || slot_id <= 0) return std::nullopt;
  auto found = sv.consultations.OpenSlot(program_id, slot_id, Today(sv), Audience::kPublic);
  if (!found && deadline_passed) *deadline_passed = IsDeadlinePassed(found.error());
  if (!found || !*found || (*found)->second.Free() <= 0) return std::nullopt;
  return Chosen{(*found)->first, (*found)->second};
}

// The slot's booking deadline is past: say so, and how to reach the 事務局 instead (409).
http::Response ShowDeadlinePassed(app::Services& sv, web::RequestContext& ctx,
                                  std::int64_t program_id) {
  ctemplate::TemplateDictionary dict("booking_deadline");
  dict.SetIntValue("PROGRAM_ID", program_id);
  AddPublicInfo(sv, ctx, dict, PublicInfoOf(sv, program_id));
  return sv.pages.Render(ctx, "booking/deadline", "programinfo.closed.title", dict, 409);
}

void AddSlotSummary(const app::Services& sv, const web::RequestContext& ctx,
                    ctemplate::TemplateDictionary& dict, const Chosen& chosen) {
  dict.SetValue("WHEN", DayLine(ctx.lang, chosen.day.date, chosen.slot.start_minutes,
                                chosen.slot.end_minutes));
  dict.SetValue("PLACE", Place(sv, ctx.lang, chosen.day.mode, chosen.day.venue));
  dict.SetIntValue("SLOT_ID", chosen.slot.id);
}

http::Response ShowDays(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                        bool full, int status = 200) {
  // An unpublished programme has no open days here: 404, exactly like a missing one.
  auto days = sv.consultations.OpenDays(program_id, Today(sv), kDaysShown, Audience::kPublic);
  if (!days) return sv.pages.Error(ctx, 500, "error.internal");
  ProgramInfoStore store(sv.db, sv.clock);
  auto info = store.ForPublic(program_id);
  if (days->empty() && !info) return sv.pages.Error(ctx, 404, "booking.no_days");
  ctemplate::TemplateDictionary dict("booking_days");
  dict.SetIntValue("PROGRAM_ID", program_id);
  // A published programme with nothing left to book on the web still says how to call.
  if (info) AddPublicInfo(sv, ctx, dict, *info);
  if (days->empty()) {
    dict.ShowSection("NO_DAYS");
  } else {
    dict.ShowSection("HAS_DAYS");
  }
  if (full) dict.ShowSection("FULL");
  int shown = 0;
  for (const auto& d : *days) {
    if (shown++ >= kDaysShown) break;
    auto* day = dict.AddSectionDictionary("DAY");
    day->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    day->SetValue("HOURS", TimeRange(d.start_minutes, d.end_minutes));
    day->SetValue("PLACE", Place(sv, ctx.lang, d.mode, d.venue));
    day->SetIntValue("DAY_ID", d.id);
    bool any_free = false;
    for (const auto& s : d.slots) {
      auto* slot = day->AddSectionDictionary("SLOT");
      slot->SetIntValue("SLOT_ID", s.id);
      slot->SetValue("TIME", TimeRange(s.start_minutes, s.end_minutes));
      if (s.Free() > 0) {
        slot->ShowSection("FREE");
        any_free = true;
      } else {
        slot->ShowSection("TAKEN");
      }
    }
    if (!any_free) day->ShowSection("DAY_FULL");
  }
  return sv.pages.Render(ctx, "booking/days", "booking.title", dict, status);
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                        const Chosen& chosen, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("booking_form");
  dict.SetIntValue("PROGRAM_ID", program_id);
  AddSlotSummary(sv, ctx, dict, chosen);
  AddPublicInfo(sv, ctx, dict, PublicInfoOf(sv, program_id));
  AddIntakeFields(sv, ctx, dict);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "booking/form", "booking.form.title", dict, status);
}

void AddAnswer(ctemplate::TemplateDictionary& dict, const std::string& label,
               const std::string& value) {
  auto* a = dict.AddSectionDictionary("ANSWER");
  a->SetValue("LABEL", label);
  a->SetValue("VALUE", value);
}

http::Response ShowConfirm(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                           const Chosen& chosen, const BookingRequest& r) {
  ctemplate::TemplateDictionary dict("booking_confirm");
  dict.SetIntValue("PROGRAM_ID", program_id);
  AddSlotSummary(sv, ctx, dict, chosen);
  auto t = [&](const std::string& key) { return sv.pages.T(ctx, key); };
  const Intake& in = r.intake;
  std::string who =
      t(in.for_family ? "booking.form.for_family_family" : "booking.form.for_family_self");
  if (in.for_family) who += "（" + in.relationship + "）";
  AddAnswer(dict, t("booking.form.for_family"), who);
  AddAnswer(dict, t("booking.form.gender"), t("intake.genders." + in.gender));
  AddAnswer(dict, t("booking.form.age_band"), t("intake.age_bands." + in.age_band));
  AddAnswer(dict, t("booking.form.municipality"),
            in.municipality + "（" + t("intake.municipality_short." + in.municipality_kind) + "）");
  AddAnswer(dict, t("booking.form.heard_from"), t("intake.heard_from." + in.heard_from));
  AddAnswer(dict, t("booking.form.diagnosis"), r.contact.diagnosis);
  AddAnswer(dict, t("booking.form.treatment_status"),
            t("intake.treatment_statuses." + in.treatment_status));
  AddAnswer(dict, t("booking.form.work_status"), t("intake.work_statuses." + in.work_status));
  std::string topics;
  for (const auto& code : in.topics)
    topics += (topics.empty() ? "" : "、") + t("intake.topics." + code);
  AddAnswer(dict, t("booking.form.topics"), topics);
  AddAnswer(dict, t("booking.form.name"), r.contact.name);
  AddAnswer(dict, t("booking.form.furigana"), r.contact.furigana);
  AddAnswer(dict, t("booking.form.phone"), core::FormatPhoneJp(r.contact.phone));
  AddAnswer(dict, t("booking.form.email"), r.contact.email);
  AddAnswer(dict, t("booking.form.notes"), r.contact.notes);
  // Every answer travels on in hidden fields: nothing is stored before 送信.
  for (const auto& [name, value] : ctx.form) {
    if (name == "csrf_token" || name == "action" || name == kHoneypot) continue;
    auto* h = dict.AddSectionDictionary("HIDDEN");
    h->SetValue("NAME", name);
    h->SetValue("VALUE", value);
  }
  return sv.pages.Render(ctx, "booking/confirm", "booking.confirm.title", dict);
}

http::Response ShowDone(app::Services& sv, web::RequestContext& ctx, const std::string& reference,
                        bool has_email) {
  ctemplate::TemplateDictionary dict("booking_done");
  dict.SetValue("REFERENCE", reference);
  dict.ShowSection(has_email ? "HAS_EMAIL" : "NO_EMAIL");
  return sv.pages.Render(ctx, "booking/done", "booking.done.title", dict);
}

http::Response ShowCancel(app::Services& sv, web::RequestContext& ctx, const CancelView& v) {
  ctemplate::TemplateDictionary dict("booking_cancel");
  dict.SetValue("TOKEN", ctx.Param("token"));
  dict.SetValue("REFERENCE", v.reference);
  dict.SetValue("WHEN", DayLine(ctx.lang, v.date, v.start_minutes, v.end_minutes));
  dict.SetValue("PLACE", Place(sv, ctx.lang, v.mode, v.venue));
  return sv.pages.Render(ctx, "booking/cancel", "booking.cancel.title", dict);
}

struct Posted {
  std::int64_t program_id = 0;
  Chosen chosen;
};

// Whether a POST's start counts it against the per-address limit of public forms itself, or
// leaves that to the booking's own transaction (the submission: one commit per booking).
enum class Count { kNow, kWithTheBooking };

// What every booking POST checks first: the per-address limit, the programme, the honeypot
// (a bot gets a pretend success and nothing is stored) and that the slot is still open.
// Returns the answer when one of them decides, else the programme and the chosen slot. With
// Count::kWithTheBooking an answer given here has been counted too: every POST counts.
std::variant<http::Response, Posted> StartPost(app::Services& sv, web::RequestContext& ctx,
                                               Count count = Count::kNow) {
  if (count == Count::kNow) {
    if (auto r = Throttled(sv, ctx)) return *r;
  }
  auto decided = [&](http::Response answer) -> std::variant<http::Response, Posted> {
    if (count == Count::kWithTheBooking) {
      if (auto r = Throttled(sv, ctx)) return *r;
    }
    return answer;
  };
  const auto program_id = web::ParseId(ctx.Param("program_id"));
  if (program_id <= 0) return decided(sv.pages.Error(ctx, 404, "booking.no_days"));
  if (!ctx.Form(kHoneypot).empty()) {
    // A honeypot hit gets a believable answer so a bot learns nothing; nothing is stored.
    return decided(ShowDone(sv, ctx, NewBookingReference(), !ctx.Form("email").empty()));
  }
  bool deadline_passed = false;
  auto chosen = FindOpenSlot(sv, program_id, web::ParseId(ctx.Form("slot")), &deadline_passed);
  if (deadline_passed) return decided(ShowDeadlinePassed(sv, ctx, program_id));
  if (!chosen) return decided(ShowDays(sv, ctx, program_id, true, 409));
  return Posted{program_id, *chosen};
}

}  // namespace

void AddPublicBookingRoutes(app::Router& router, app::Services& sv) {
  // The cancel routes come first: "/book/cancel/x" must not be read as a programme id.
  router.Add(
      {"GET", "/book/cancel/{token}", auth::Permission::kPublic, [&sv](web::RequestContext& ctx) {
         BookingCancel cancel(sv.db, sv.clock);
         auto view = cancel.FindByCancelToken(ctx.Param("token"));
         if (!view) {
           if (view.error().code == core::ErrorCode::kNotFound) {
             return sv.pages.Error(ctx, 404, "booking.cancel.not_found");
           }
           return sv.pages.Error(ctx, 500, "error.internal");
         }
         return ShowCancel(sv, ctx, *view);
       }});

  router.Add(
      {"POST", "/book/cancel/{token}", auth::Permission::kPublic, [&sv](web::RequestContext& ctx) {
         if (auto r = Throttled(sv, ctx)) return *r;
         BookingCancel cancel(sv.db, sv.clock);
         auto done = cancel.CancelByToken(ctx.Param("token"), ctx.Actor());
         if (!done) {
           if (done.error().code == core::ErrorCode::kNotFound) {
             return sv.pages.Error(ctx, 404, "booking.cancel.not_found");
           }
           return sv.pages.Error(ctx, 500, "error.internal");
         }
         // The place goes to the first person waiting. The cancel itself is done, so a
         // failure here is logged for the 事務局 rather than shown to the person.
         if (*done != 0) {
           if (auto offered = sv.board.OfferFreedPlaces(*done); !offered) {
             spdlog::warn("request {}: offering the freed place of day {} failed", ctx.request_id,
                          *done);
           }
         }
         ctemplate::TemplateDictionary dict("booking_cancelled");
         return sv.pages.Render(ctx, "booking/cancelled", "booking.cancelled.title", dict);
       }});

  router.Add(
      {"GET", "/book/{program_id}", auth::Permission::kPublic, [&sv](web::RequestContext& ctx) {
         const auto program_id = web::ParseId(ctx.Param("program_id"));
         if (program_id <= 0) return sv.pages.Error(ctx, 404, "booking.no_days");
         return ShowDays(sv, ctx, program_id, false);
       }});

  router.Add({"GET", "/book/{program_id}/form", auth::Permission::kPublic,
              [&sv](web::RequestContext& ctx) {
                const auto program_id = web::ParseId(ctx.Param("program_id"));
                if (program_id <= 0) return sv.pages.Error(ctx, 404, "booking.no_days");
                bool deadline_passed = false;
                auto chosen = FindOpenSlot(sv, program_id,
                                           web::ParseId(ctx.request.Query("slot").value_or("")),
                                           &deadline_passed);
                if (deadline_passed) return ShowDeadlinePassed(sv, ctx, program_id);
                if (!chosen) return ShowDays(sv, ctx, program_id, true, 409);
                return ShowForm(sv, ctx, program_id, *chosen, nullptr);
              }});

  router.Add({"POST", "/book/{program_id}/confirm", auth::Permission::kPublic,
              [&sv](web::RequestContext& ctx) {
                auto start = StartPost(sv, ctx);
                if (auto* answer = std::get_if<http::Response>(&start)) return *answer;
                const auto& [program_id, chosen] = std::get<Posted>(start);
                const BookingRequest request = ReadBookingRequest(ctx);
                if (auto errors = ConsultationService::ValidateBooking(request); !errors.empty()) {
                  auto e = core::Error::Invalid("error.form", errors);
                  return ShowForm(sv, ctx, program_id, chosen, &e, 422);
                }
                return ShowConfirm(sv, ctx, program_id, chosen, request);
              }});

  router.Add({"POST", "/book/{program_id}/submit", auth::Permission::kPublic,
              [&sv](web::RequestContext& ctx) {
                auto start = StartPost(sv, ctx, Count::kWithTheBooking);
                if (auto* answer = std::get_if<http::Response>(&start)) return *answer;
                const auto& [program_id, chosen] = std::get<Posted>(start);
                if (ctx.Form("action") == "edit") {
                  if (auto r = Throttled(sv, ctx)) return *r;
                  return ShowForm(sv, ctx, program_id, chosen, nullptr);
                }
                BookingRequest request = ReadBookingRequest(ctx);
                request.lang = ctx.lang;  // the reminders and later e-mails follow the page's
                // ctx.Actor() carries the client address the per-address cap counts. The
                // booking counts the submission in its own transaction: one commit.
                const auto& limits = sv.config.security;
                auto receipt = sv.consultations.BookPublic(
                    request, ctx.Actor(),
                    ConfirmationMail(sv, ctx.lang, PublicInfoOf(sv, program_id).program_name),
                    limits.public_bookings_per_address_day,
                    ConsultationService::FormLimit{limits.public_form_limit,
                                                   limits.public_form_window_minutes * 60});
                if (!receipt) {
                  // Refused before or inside the booking's transaction: nothing of it stayed,
                  // so the submission is counted on its own (over the limit, that is the answer).
                  if (receipt.error().message_key == "error.rate_limited") {
                    return sv.pages.Error(ctx, 429, "booking.rate_limited");
                  }
                  if (auto r = Throttled(sv, ctx)) return *r;
                  switch (receipt.error().code) {
                    case core::ErrorCode::kInvalidInput:
                      return ShowForm(sv, ctx, program_id, chosen, &receipt.error(), 422);
                    case core::ErrorCode::kRateLimited:
                      // Too many open bookings from this address on the day: said kindly,
                      // with what they typed kept.
                      return ShowForm(sv, ctx, program_id, chosen, &receipt.error(), 429);
                    case core::ErrorCode::kConflict:
                      if (IsDeadlinePassed(receipt.error())) {
                        return ShowDeadlinePassed(sv, ctx, program_id);
                      }
                      return ShowDays(sv, ctx, program_id, true, 409);
                    case core::ErrorCode::kNotFound:
                      return ShowDays(sv, ctx, program_id, true, 409);
                    default:
                      return sv.pages.Error(ctx, 500, "error.internal");
                  }
                }
                return ShowDone(sv, ctx, receipt->reference, !request.contact.email.empty());
              }});
}

}  // namespace tsunagu::consultations::handlers

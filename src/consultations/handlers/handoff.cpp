// The hand-off to the 両立支援促進員 (seed 001: 事業場との調整が必要で、相談者が希望する場合):
// the record's page shows whether the person wishes it and, for the 事務局, the way to start
// it; the start page names the 産業保健総合支援センター and the consent's items and method.
#include "consultations/handlers/handoff.hpp"

#include <algorithm>

#include "auth/record_access.hpp"
#include "consultations/handlers/board_support.hpp"
#include "consultations/handoff.hpp"
#include "sharing/consent_service.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

HandoffService Handoffs(app::Services& sv) {
  return HandoffService(sv.db, sv.clock, sv.cipher, sv.notifier, sv.bus);
}

std::string HandoffPath(const Ids& ids) {
  return BookingPath(ids) + "/handoff";
}

// The items offered by default: who the person is and their work (the 促進員 coordinates
// with the workplace); the 事務局 may add or remove.
const std::vector<std::string>& DefaultItems() {
  static const std::vector<std::string> items = {"basic", "work"};
  return items;
}

http::Response ShowForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                        const HandoffInput& values, const core::Error* error, int status = 200) {
  auto centres = Handoffs(sv).Centres(*ctx.Who());
  if (!centres) return Failure(sv, ctx, centres.error());
  ctemplate::TemplateDictionary dict("handoff_form");
  SetIds(dict, ids);
  dict.SetValue("HANDOFF_PATH", HandoffPath(ids));
  dict.SetValue("RECORD_PATH", BookingPath(ids) + "/record/view");
  for (const auto& c : *centres) {
    auto* option = dict.AddSectionDictionary("CENTRE");
    option->SetIntValue("ID", c.id);
    option->SetValue("NAME", c.name);
    if (c.id == values.to_org_id || (values.to_org_id == 0 && centres->size() == 1)) {
      option->ShowSection("SELECTED");
    }
  }
  dict.ShowSection(centres->empty() ? "NO_CENTRE" : "HAS_CENTRE");
  web::AddChoices(sv.pages, ctx, dict, "ITEM", "items", "consent.item.", auth::kConsentItems,
                  values.items);
  web::AddChoices(sv.pages, ctx, dict, "METHOD", "method", "consent.method.",
                  sharing::kConsentMethods, {values.method});
  dict.SetValue("V_NOTE", values.note);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "records/handoff", "phoneday.handoff.title", dict, status);
}

HandoffInput ReadInput(const web::RequestContext& ctx) {
  HandoffInput in;
  in.to_org_id = web::ParseId(ctx.Form("to_org_id"));
  in.items = ctx.FormValues("items");
  in.method = ctx.Form("method");
  in.note = ctx.Form("note");
  return in;
}

http::Response StartForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto state = Handoffs(sv).Get(*ctx.Who(), ids.program, ids.booking);
  if (!state) return Failure(sv, ctx, state.error());
  if (state->Started()) return web::SeeOther(BookingPath(ids) + "/record/view");
  if (!state->wished) return sv.pages.Error(ctx, 409, "phoneday.handoff_error.not_wished");
  HandoffInput values;
  values.items = DefaultItems();
  return ShowForm(sv, ctx, ids, values, nullptr);
}

http::Response Start(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  const HandoffInput in = ReadInput(ctx);
  auto started = Handoffs(sv).Start(*ctx.Who(), ctx.Actor(), ids.program, ids.booking, in);
  if (!started) {
    if (started.error().code == core::ErrorCode::kInvalidInput) {
      return ShowForm(sv, ctx, ids, in, &started.error(), web::StatusFor(started.error().code));
    }
    return Failure(sv, ctx, started.error());
  }
  return web::SeeOther(BookingPath(ids) + "/record/view?handoff=1");
}

}  // namespace

void AddHandoffPanel(app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const Ids& ids, bool wished) {
  if (!wished) return;
  auto state = Handoffs(sv).Get(*ctx.Who(), ids.program, ids.booking);
  if (!state) return;
  auto* panel = dict.AddSectionDictionary("HANDOFF");
  if (ctx.request.Query("handoff")) panel->ShowSection("HANDOFF_DONE");
  if (state->Started()) {
    auto* started = panel->AddSectionDictionary("HANDOFF_STARTED");
    started->SetValue("CENTRE", state->to_org_name);
    started->SetValue("STATUS", sv.pages.T(ctx, "referral.status." + state->referral_status));
    started->SetValue("WHEN", DateTimeOf(ctx, state->started_at));
    if (Coordinates(ctx)) {
      started->AddSectionDictionary("REFERRAL_LINK")
          ->SetValue("PATH", "/referrals/" + std::to_string(state->referral_id));
    }
    return;
  }
  auto* pending = panel->AddSectionDictionary("HANDOFF_PENDING");
  if (Coordinates(ctx)) {
    pending->AddSectionDictionary("START_LINK")->SetValue("PATH", HandoffPath(ids));
  } else {
    pending->ShowSection("ASK_COORDINATOR");
  }
}

void AddHandoffRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string path = "/programs/{id}/days/{day_id}/bookings/{booking_id}/handoff";
  router.Add({"GET", path, Permission::kOrgCoordinate, WithIds(sv, true, StartForm)});
  router.Add({"POST", path, Permission::kOrgCoordinate, WithIds(sv, true, Start)});
}

}  // namespace tsunagu::consultations::handlers

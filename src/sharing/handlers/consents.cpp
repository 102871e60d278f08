// 同意 pages: recording the consent a person gave (which organisations may receive which
// items, for what, from when to when, and how it was given), the consent page, withdrawal
// with a confirmation step (every other organisation loses access at its next request), and
// the 同意書 printed on A4 for the person to sign.
#include <algorithm>

#include "app/route_ids.hpp"
#include "auth/record_access.hpp"
#include "core/text.hpp"
#include "core/wareki.hpp"
#include "orgs/model.hpp"
#include "sharing/handlers/consent_view.hpp"
#include "sharing/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::sharing::handlers {
namespace {

std::string ClientPath(std::int64_t id) {
  return "/clients/" + std::to_string(id);
}

// A date typed as 「２０２６－０４－０１」 is the same date.
std::string DateInput(const web::RequestContext& ctx, const std::string& field) {
  return core::Trim(core::NormalizeNfkc(ctx.Form(field)));
}

// The same day a year later (28 February when the start is 29 February).
core::Date OneYearLater(core::Date d) {
  core::Date next{d.year + 1, d.month, d.day};
  if (!core::IsValidDate(next)) next = {d.year + 1, d.month, 28};
  return next;
}

// The person's name for a consent page, when the viewer's organisation may see it now; the
// client's page is linked only then.
struct ClientName {
  bool visible = false;
  std::string name;
};

core::Result<ClientName> NameOf(app::Services& sv, web::RequestContext& ctx,
                                std::int64_t client_id) {
  auto client = sv.clients.Get(*ctx.Who(), ctx.Actor(), client_id);
  if (!client) {
    if (client.error().code == core::ErrorCode::kNotFound) return ClientName{};
    return client.error();
  }
  return ClientName{true, client->data.name};
}

void SetClient(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, std::int64_t client_id, const ClientName& who) {
  dict.SetValue("CLIENT_NAME",
                who.name.empty() ? sv.pages.T(ctx, "consents.name_hidden") : who.name);
  if (who.visible) {
    dict.SetValueAndShowSection("CLIENT_PATH", ClientPath(client_id), "CLIENT_LINK");
  } else {
    dict.ShowSection("CLIENT_NO_LINK");
  }
}

// ---------------------------------------------------------------- recording a consent

ConsentInput ReadInput(const web::RequestContext& ctx) {
  ConsentInput in;
  for (const auto& v : ctx.FormValues("organizations")) in.organizations.push_back(web::ParseId(v));
  in.items = ctx.FormValues("items");
  in.purpose = ctx.Form("purpose");
  in.purpose_note = ctx.Form("purpose_note");
  in.valid_from = DateInput(ctx, "valid_from");
  in.valid_until = DateInput(ctx, "valid_until");
  in.method = ctx.Form("method");
  in.employer = ctx.Form("employer");
  in.employer_email = ctx.Form("employer_email");
  return in;
}

http::Response ShowConsentForm(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id,
                               const core::Error* error) {
  auto client = sv.clients.Get(*ctx.Who(), ctx.Actor(), client_id);
  if (!client) return web::Failure(sv.pages, ctx, client.error());
  auto recordable = sv.consents.RecordableItems(*ctx.Who(), client_id);
  if (!recordable) return web::Failure(sv.pages, ctx, recordable.error());
  // Only the registering organisation records consents over the person's record; a partner
  // without a case of its own has nothing to record a consent over.
  if (recordable->empty()) {
    return web::Failure(sv.pages, ctx,
                        core::Error{core::ErrorCode::kForbidden, "consent.error.not_holder", {}});
  }
  auto recipients = sv.consents.Recipients(*ctx.Who());
  if (!recipients) return web::Failure(sv.pages, ctx, recipients.error());

  ctemplate::TemplateDictionary dict("consents_new");
  SetClient(sv, ctx, dict, client_id, {true, client->data.name});
  if (!client->view.owner) {
    dict.SetValueAndShowSection("OWNER_ORG", client->organization_name, "PARTNER_SCOPE");
  }
  dict.SetValue("ACTION", ClientPath(client_id) + "/consents/new");
  dict.SetValue("OWN_ORG", ctx.organization ? ctx.organization->name : std::string());

  ConsentInput values;
  std::vector<std::string> chosen_orgs;
  if (error != nullptr) {
    values = ReadInput(ctx);
    chosen_orgs = ctx.FormValues("organizations");
    // What was typed, even when it is not a date.
    values.valid_from = ctx.Form("valid_from");
    values.valid_until = ctx.Form("valid_until");
  } else {
    const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
    values.valid_from = core::ToIso(today);
    values.valid_until = core::ToIso(OneYearLater(today));
  }
  // Receiving organisations by kind (医療機関, 就労支援機関 …); the first box carries the field's
  // id for the error summary's link.
  bool first = true;
  for (auto kind : orgs::kOrganizationKinds) {
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& p : *recipients) {
      if (p.kind != kind) continue;
      if (group == nullptr) {
        group = dict.AddSectionDictionary("KIND_GROUP");
        group->SetValue("KIND", sv.pages.T(ctx, "org_kind." + p.kind));
      }
      const std::string org_id = std::to_string(p.organization_id);
      auto* item = group->AddSectionDictionary("ORG");
      item->SetValue("ID", first ? std::string("organizations") : "organizations-" + org_id);
      first = false;
      item->SetValue("ORG_ID", org_id);
      item->SetValue("NAME", p.name);
      if (std::find(chosen_orgs.begin(), chosen_orgs.end(), org_id) != chosen_orgs.end()) {
        item->ShowSection("CHECKED");
      }
    }
  }
  if (recipients->empty()) dict.ShowSection("NO_ORGS");
  web::AddChoices(sv.pages, ctx, dict, "ITEM", "items", "consent.item.", *recordable, values.items);
  web::AddChoices(sv.pages, ctx, dict, "PURPOSE", "purpose", "consent.purpose.", kConsentPurposes,
                  {values.purpose});
  web::AddChoices(sv.pages, ctx, dict, "METHOD", "method", "consent.method.", kConsentMethods,
                  {values.method});
  dict.SetValue("V_PURPOSE_NOTE", values.purpose_note);
  dict.SetValue("V_EMPLOYER", values.employer);
  dict.SetValue("V_EMPLOYER_EMAIL", values.employer_email);
  dict.SetIntValue("MAX_EMPLOYER", static_cast<long>(ConsentService::kMaxEmployer));
  dict.SetValue("V_VALID_FROM", values.valid_from);
  dict.SetValue("V_VALID_UNTIL", values.valid_until);
  dict.SetIntValue("MAX_NOTE", static_cast<long>(ConsentService::kMaxNote));
  if (error != nullptr) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "consents/new", "consents.new.title", dict,
                         error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response RecordConsent(app::Services& sv, web::RequestContext& ctx, std::int64_t client_id) {
  auto recorded = sv.consents.Record(*ctx.Who(), ctx.Actor(), client_id, ReadInput(ctx));
  if (recorded) return web::SeeOther(ConsentPath(*recorded) + "?done=recorded");
  if (recorded.error().code == core::ErrorCode::kInvalidInput) {
    return ShowConsentForm(sv, ctx, client_id, &recorded.error());
  }
  return web::Failure(sv.pages, ctx, recorded.error());
}

// ---------------------------------------------------------------- one consent

http::Response ShowConsent(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto got = sv.consents.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  const Consent& c = *got;
  auto name = NameOf(sv, ctx, c.client_id);
  if (!name) return web::Failure(sv.pages, ctx, name.error());
  ctemplate::TemplateDictionary dict("consents_page");
  SetClient(sv, ctx, dict, c.client_id, *name);
  SetConsentValues(sv, ctx, dict, c);
  dict.SetValue("RECORDED_BY", c.recorded_by_name);
  dict.SetValue("PRINT_PATH", ConsentPath(id) + "/print");
  if (c.withdrawn_at != 0) {
    auto* w = dict.AddSectionDictionary("WITHDRAWN");
    w->SetValue("WITHDRAWN_AT", web::DateTimeOf(ctx, c.withdrawn_at));
    w->SetValue("WITHDRAWN_ORG", c.withdrawn_org_name);
    if (!c.withdrawal_note.empty()) {
      w->SetValueAndShowSection("WITHDRAWAL_NOTE", c.withdrawal_note, "HAS_NOTE");
    }
  } else if (c.state == "active" || c.state == "future") {
    dict.SetValueAndShowSection("WITHDRAW_PATH", ConsentPath(id) + "/withdraw", "CAN_WITHDRAW");
  }
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code : {"recorded", "withdrawn"}) {
    if (done == code) {
      dict.SetValueAndShowSection("DONE", sv.pages.T(ctx, "consents.done." + done), "NOTICE");
    }
  }
  return sv.pages.Render(ctx, "consents/page", "consents.page.title", dict);
}

// ---------------------------------------------------------------- withdrawal

http::Response ShowWithdraw(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                            const core::Error* error) {
  auto got = sv.consents.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  if (got->withdrawn_at != 0)
    return web::Failure(sv.pages, ctx, core::Error::Conflict("consent.error.withdrawn"));
  auto name = NameOf(sv, ctx, got->client_id);
  if (!name) return web::Failure(sv.pages, ctx, name.error());
  ctemplate::TemplateDictionary dict("consents_withdraw");
  SetClient(sv, ctx, dict, got->client_id, *name);
  SetConsentValues(sv, ctx, dict, *got);
  dict.SetValue("ACTION", ConsentPath(id) + "/withdraw");
  dict.SetIntValue("MAX_NOTE", static_cast<long>(ConsentService::kMaxNote));
  if (error != nullptr) {
    web::KeepInput(dict, ctx, {"note"});
    sv.pages.AddErrors(dict, ctx, *error);
  }
  return sv.pages.Render(ctx, "consents/withdraw", "consents.withdraw.title", dict,
                         error != nullptr ? web::StatusFor(error->code) : 200);
}

http::Response Withdraw(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto done = sv.consents.Withdraw(*ctx.Who(), ctx.Actor(), id, ctx.Form("note"));
  if (done) return web::SeeOther(ConsentPath(id) + "?done=withdrawn");
  if (done.error().code == core::ErrorCode::kInvalidInput) {
    return ShowWithdraw(sv, ctx, id, &done.error());
  }
  return web::Failure(sv.pages, ctx, done.error());
}

// ---------------------------------------------------------------- the printed 同意書

http::Response PrintConsent(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto got = sv.consents.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  auto name = NameOf(sv, ctx, got->client_id);
  if (!name) return web::Failure(sv.pages, ctx, name.error());
  ctemplate::TemplateDictionary dict("consents_print");
  SetConsentValues(sv, ctx, dict, *got);
  dict.SetValue("CONSENT_PAGE", ConsentPath(id));
  if (!name->name.empty()) {
    dict.SetValueAndShowSection("CLIENT_NAME", name->name, "HAS_NAME");
  } else {
    dict.ShowSection("NO_NAME");
  }
  // What the person is asked to agree to, with the recording organisation's name in it.
  dict.SetValue("LEAD", sv.catalog.Format(ctx.lang, "consents.print.lead",
                                          {{"org", got->organization_name}}));
  dict.SetValue("WITHDRAW_HOW", sv.catalog.Format(ctx.lang, "consents.print.withdraw_how",
                                                  {{"org", got->organization_name}}));
  if (got->withdrawn_at != 0) dict.ShowSection("IS_WITHDRAWN");
  return sv.pages.Render(ctx, "consents/print",
                         web::Title{"consents.print.title_of", {{"id", std::to_string(id)}}}, dict);
}

}  // namespace

void AddConsentRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  auto add = [&](const char* method, const char* path,
                 std::function<http::Response(web::RequestContext&, std::int64_t)> f) {
    router.Add({method, path, Permission::kOrgCounsel, app::WithId(sv, std::move(f))});
  };
  add("GET", "/clients/{id}/consents/new", [&sv](web::RequestContext& ctx, std::int64_t id) {
    return ShowConsentForm(sv, ctx, id, nullptr);
  });
  add("POST", "/clients/{id}/consents/new",
      [&sv](web::RequestContext& ctx, std::int64_t id) { return RecordConsent(sv, ctx, id); });
  add("GET", "/consents/{id}",
      [&sv](web::RequestContext& ctx, std::int64_t id) { return ShowConsent(sv, ctx, id); });
  add("GET", "/consents/{id}/withdraw", [&sv](web::RequestContext& ctx, std::int64_t id) {
    return ShowWithdraw(sv, ctx, id, nullptr);
  });
  add("POST", "/consents/{id}/withdraw",
      [&sv](web::RequestContext& ctx, std::int64_t id) { return Withdraw(sv, ctx, id); });
  add("GET", "/consents/{id}/print",
      [&sv](web::RequestContext& ctx, std::int64_t id) { return PrintConsent(sv, ctx, id); });
}

void AddRoutes(app::Router& router, app::Services& services) {
  AddConsentRoutes(router, services);
  AddProvisionRoutes(router, services);
}

}  // namespace tsunagu::sharing::handlers

// 相談者の画面: every item the viewer's organisation may see (all of them for the registering
// organisation; for a partner the consented items, with the rest named as not shared), the
// consents, referrals and support cases of the person, and what can be done next.
#include <algorithm>

#include "app/route_ids.hpp"
#include "auth/record_access.hpp"
#include "clients/handlers/routes.hpp"
#include "clients/handlers/view.hpp"
#include "core/phone_format.hpp"
#include "sharing/handlers/consent_view.hpp"
#include "web/forms.hpp"
#include "web/lines.hpp"

namespace tsunagu::clients::handlers {
namespace {

class Group {
 public:
  Group(const app::Services& sv, const web::RequestContext& ctx,
        ctemplate::TemplateDictionary& dict, const std::string& title_key)
      : sv_(sv), ctx_(ctx), group_(dict.AddSectionDictionary("GROUP")) {
    group_->SetValue("TITLE", sv.pages.T(ctx, title_key));
  }
  void Field(const std::string& label_key, const std::string& value) {
    auto* field = group_->AddSectionDictionary("FIELD");
    field->SetValue("LABEL", sv_.pages.T(ctx_, label_key));
    if (value.empty()) {
      field->ShowSection("NO_VALUE");
    } else {
      web::AddLines(*field, "LINE", value, "TEXT");
    }
  }
  // A code from a list, shown by its label.
  void Code(const std::string& label_key, const std::string& prefix, const std::string& code) {
    Field(label_key, code.empty() ? std::string() : sv_.pages.T(ctx_, prefix + code));
  }

 private:
  const app::Services& sv_;
  const web::RequestContext& ctx_;
  ctemplate::TemplateDictionary* group_;
};

void AddFields(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const Client& c) {
  const auto& d = c.data;
  if (c.view.Has("basic")) {
    Group g(sv, ctx, dict, "consent.item.basic");
    g.Field("clients.field.name", d.name);
    g.Field("clients.field.kana", d.kana);
    g.Field("clients.field.phone", core::FormatPhoneJp(d.phone));
    g.Field("clients.field.email", d.email);
    g.Field("clients.field.age", AgeText(sv, ctx, d.birth_year, d.age_band));
    g.Code("clients.field.gender", "intake.genders.", d.gender);
    g.Field("clients.field.municipality", d.municipality);
  }
  if (c.view.Has("medical")) {
    Group g(sv, ctx, dict, "consent.item.medical");
    g.Field("clients.field.diagnosis", d.diagnosis);
    g.Code("clients.field.treatment_status", "intake.treatment_statuses.", d.treatment_status);
  }
  if (c.view.Has("work")) {
    Group g(sv, ctx, dict, "consent.item.work");
    g.Code("clients.field.work_status", "intake.work_statuses.", d.work_status);
    g.Field("clients.field.employer", d.employer);
  }
  if (c.view.owner) {
    Group g(sv, ctx, dict, "clients.page.own_notes");
    g.Field("clients.field.notes", d.notes);
  }
}

http::Response ShowClient(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto got = sv.clients.Get(*ctx.Who(), ctx.Actor(), id);
  if (!got) return web::Failure(sv.pages, ctx, got.error());
  const Client& c = *got;
  auto consents = sv.consents.ForClient(*ctx.Who(), ctx.Actor(), id);
  if (!consents) return web::Failure(sv.pages, ctx, consents.error());
  auto referrals = sv.referrals.ForClient(*ctx.Who(), id);
  if (!referrals) return web::Failure(sv.pages, ctx, referrals.error());
  auto cases = sv.cases.ForClient(*ctx.Who(), id);
  if (!cases) return web::Failure(sv.pages, ctx, cases.error());

  ctemplate::TemplateDictionary dict("clients_page");
  const std::string path = ClientPath(id);
  dict.SetValue("CLIENT_PATH", path);
  dict.SetValue("NAME", c.data.name.empty() ? sv.pages.T(ctx, "clients.name_hidden") : c.data.name);
  if (!c.data.kana.empty()) dict.SetValueAndShowSection("KANA", c.data.kana, "HAS_KANA");
  dict.SetValue("ORG", c.organization_name);
  dict.SetValue("CREATED", web::DateTimeOf(ctx, c.created_at));
  dict.SetValue("UPDATED", web::DateTimeOf(ctx, c.updated_at));
  if (c.view.owner) {
    dict.ShowSection("OWNER");
  } else {
    // Which items the consents let this organisation see, and that the rest is not shared.
    auto* partner = dict.AddSectionDictionary("PARTNER");
    for (auto item : auth::kConsentItems) {
      auto* row = partner->AddSectionDictionary("SHARED_ITEM");
      row->SetValue("LABEL", sv.pages.T(ctx, "consent.item." + std::string(item)));
      row->ShowSection(c.view.Has(item) ? "IS_SHARED" : "NOT_SHARED");
    }
  }
  AddFields(sv, ctx, dict, c);

  for (const auto& k : *consents) {
    sharing::handlers::SetConsentValues(sv, ctx, *dict.AddSectionDictionary("CONSENT"), k);
  }
  dict.ShowSection(consents->empty() ? "NO_CONSENTS" : "HAS_CONSENTS");

  for (const auto& r : *referrals) {
    auto* row = dict.AddSectionDictionary("REFERRAL");
    row->SetValue("PATH", "/referrals/" + std::to_string(r.id));
    row->SetValue("DIRECTION", sv.pages.T(ctx, r.incoming ? "clients.page.referral_incoming"
                                                          : "clients.page.referral_outgoing"));
    row->SetValue("OTHER_ORG", r.incoming ? r.from_org_name : r.to_org_name);
    row->SetValue("STATUS", sv.pages.T(ctx, "referral.status." + r.status));
    row->SetValue("REASON", sv.pages.T(ctx, "referral.reason." + r.reason));
    row->SetValue("SENT", web::DateTimeOf(ctx, r.created_at));
  }
  dict.ShowSection(referrals->empty() ? "NO_REFERRALS" : "HAS_REFERRALS");

  std::int64_t open_own_case = 0;
  for (const auto& k : *cases) {
    auto* row = dict.AddSectionDictionary("CASE");
    row->SetValue("PATH", "/cases/" + std::to_string(k.id));
    row->SetValue("ORG", k.organization_name);
    row->SetValue("STATUS", sv.pages.T(ctx, "case.status." + k.status));
    if (!k.outcome.empty()) {
      row->SetValueAndShowSection("OUTCOME", sv.pages.T(ctx, "case.outcome." + k.outcome),
                                  "HAS_OUTCOME");
    }
    row->SetValue("OWNER", k.owner_name);
    row->SetValue("UPDATED", web::DateTimeOf(ctx, k.updated_at));
    if (k.own && k.status != "closed" && open_own_case == 0) open_own_case = k.id;
  }
  dict.ShowSection(cases->empty() ? "NO_CASES" : "HAS_CASES");

  if (c.view.owner) {
    dict.ShowSection("CAN_EDIT");
    if (open_own_case == 0) {
      dict.ShowSection("CAN_OPEN_CASE");
    } else {
      dict.SetValueAndShowSection("OPEN_CASE_PATH", "/cases/" + std::to_string(open_own_case),
                                  "HAS_OPEN_CASE");
    }
  }
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code : {"created", "updated"}) {
    if (done == code) {
      dict.SetValueAndShowSection("DONE", sv.pages.T(ctx, "clients.done." + done), "NOTICE");
    }
  }
  return sv.pages.Render(ctx, "clients/page", "clients.page.title", dict);
}

}  // namespace

void AddPageRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/clients/{id}", auth::Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowClient(sv, ctx, id);
              })});
}

}  // namespace tsunagu::clients::handlers

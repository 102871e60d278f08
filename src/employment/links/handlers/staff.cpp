// The case's links page: the consents a link may rest on, the form to send one (to the
// employer the consent names, or to the doctor), the links with their state and access log,
// and revoking. A new link's address is shown once on the page that created it (never in a
// redirect), to copy or print.
#include "app/route_ids.hpp"
#include "employment/links/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::links::handlers {

void AddRoutes(app::Router& router, const Deps& deps) {
  AddStaffRoutes(router, deps);
  AddPublicRoutes(router, deps);
}

namespace {

std::string LinksPath(std::int64_t case_id) {
  return "/cases/" + std::to_string(case_id) + "/employer-links";
}

struct PageState {
  const core::Error* error = nullptr;
  const CreatedLink* created = nullptr;
  LinkInput input;
};

http::Response Show(const Deps& d, web::RequestContext& ctx, std::int64_t id,
                    const PageState& state) {
  auto& sv = d.sv;
  auto links = d.links->List(*ctx.Who(), id);
  if (!links) return web::Failure(sv.pages, ctx, links.error());
  ctemplate::TemplateDictionary dict("employer_links_case");
  dict.SetValue("CASE_PATH", "/cases/" + std::to_string(id));
  dict.SetValue("ACTION", LinksPath(id));
  if (state.created != nullptr) {
    auto* c = dict.AddSectionDictionary("CREATED");
    c->SetValue("URL", state.created->url);
    c->SetValue("EXPIRES", web::DateTimeOf(ctx, state.created->expires_at));
  }
  if (ctx.request.Query("done").value_or("") == "revoked") dict.ShowSection("REVOKED");
  if (state.error != nullptr) {
    auto* summary = dict.AddSectionDictionary("ERROR_SUMMARY");
    for (const auto& f : state.error->fields) {
      auto* item = summary->AddSectionDictionary("ERROR_ITEM");
      item->SetValueAndShowSection("FIELD", f.field, "HAS_FIELD");
      item->SetValue("MESSAGE", sv.pages.T(ctx, f.message_key));
      auto* by_field =
          dict.AddSectionDictionary("ERR_" + std::string(f.field == "consent_id"        ? "CONSENT"
                                                         : f.field == "asks"            ? "ASKS"
                                                         : f.field == "recipient_name"  ? "NAME"
                                                         : f.field == "recipient_email" ? "EMAIL"
                                                                                        : "OTHER"));
      by_field->SetValue("MESSAGE", sv.pages.T(ctx, f.message_key));
    }
  }
  if (links->consents.empty()) dict.ShowSection("NO_CONSENT");
  for (const auto& c : links->consents) {
    auto* row = dict.AddSectionDictionary("CONSENT");
    row->SetIntValue("CONSENT_ID", c.consent_id);
    const bool doctor = c.purpose == "medical_coordination";
    row->SetValue("WHO", doctor ? sv.pages.T(ctx, "employer_links.kind.doctor") : c.employer);
    std::string items;
    for (const auto& i : c.items) {
      if (!items.empty()) items += sv.pages.T(ctx, "employer_links.list_separator");
      items += sv.pages.T(ctx, "consent.item." + i);
    }
    row->SetValue("ITEMS", items);
    row->SetValue("PURPOSE", sv.pages.T(ctx, "consent.purpose." + c.purpose));
    if (state.input.consent_id == c.consent_id) row->ShowSection("SELECTED");
  }
  for (auto part : {"work_info_form", "assessment_employer", "doctor_opinion_form",
                    "assessment_doctor", "upload"}) {
    auto* row = dict.AddSectionDictionary("PART");
    row->SetValue("PART", part);
    row->SetValue("PART_LABEL", sv.pages.T(ctx, std::string("employer_links.part.") + part));
    for (const auto& a : state.input.asks) {
      if (a == part) row->ShowSection("CHECKED");
    }
  }
  dict.ShowSection(state.input.recipient_kind == "doctor" ? "KIND_DOCTOR" : "KIND_EMPLOYER");
  dict.ShowSection(state.input.delivery == "print" ? "DELIVERY_PRINT" : "DELIVERY_MAIL");
  dict.SetValue("RECIPIENT_NAME", state.input.recipient_name);
  dict.SetValue("RECIPIENT_EMAIL", state.input.recipient_email);
  dict.SetValue("DAYS", state.input.days.empty() ? std::to_string(kDefaultDays) : state.input.days);
  if (links->links.empty()) dict.ShowSection("NO_LINKS");
  for (const auto& l : links->links) {
    auto* row = dict.AddSectionDictionary("LINK");
    row->SetIntValue("LINK_ID", l.id);
    row->SetValue("RECIPIENT", l.recipient);
    row->SetValue("KIND", sv.pages.T(ctx, "employer_links.kind." + l.recipient_kind));
    std::string asks;
    for (const auto& a : l.asks) {
      if (!asks.empty()) asks += sv.pages.T(ctx, "employer_links.list_separator");
      asks += sv.pages.T(ctx, "employer_links.part." + a);
    }
    row->SetValue("ASKS", asks);
    row->SetValue("CREATED_BY", l.created_by);
    row->SetValue("CREATED_AT", web::DateTimeOf(ctx, l.created_at));
    row->SetValue("EXPIRES", web::DateTimeOf(ctx, l.expires_at));
    row->SetValue("STATE", sv.pages.T(ctx, "employer_links.state." + l.state));
    row->SetValue("STATE_CODE", l.state);
    if (l.state == "active") {
      row->SetValueAndShowSection(
          "REVOKE_PATH", LinksPath(id) + "/" + std::to_string(l.id) + "/revoke", "CAN_REVOKE");
    }
    if (l.accesses.empty()) row->ShowSection("NO_ACCESS");
    for (const auto& a : l.accesses) {
      auto* acc = row->AddSectionDictionary("ACCESS");
      acc->SetValue("AT", web::DateTimeOf(ctx, a.at));
      acc->SetValue("OUTCOME", sv.pages.T(ctx, "employer_links.outcome." + a.outcome));
    }
  }
  const int status = state.error != nullptr ? web::StatusFor(state.error->code) : 200;
  return sv.pages.Render(ctx, "employer_links/case",
                         web::Title{"employer_links.case.title_of", {{"case", std::to_string(id)}}},
                         dict, status);
}

http::Response Create(const Deps& d, web::RequestContext& ctx, std::int64_t id) {
  PageState state;
  state.input.consent_id = web::ParseId(ctx.Form("consent_id"));
  state.input.recipient_kind = ctx.Form("recipient_kind");
  for (auto [it, end] = ctx.form.equal_range("asks"); it != end; ++it) {
    state.input.asks.push_back(it->second);
  }
  state.input.recipient_name = ctx.Form("recipient_name");
  state.input.recipient_email = ctx.Form("recipient_email");
  state.input.days = ctx.Form("days");
  state.input.delivery = ctx.Form("delivery");
  auto created = d.links->Create(*ctx.Who(), ctx.Actor(), id, state.input);
  if (!created) {
    if (created.error().code != core::ErrorCode::kInvalidInput) {
      return web::Failure(d.sv.pages, ctx, created.error());
    }
    state.error = &created.error();
    return Show(d, ctx, id, state);
  }
  // Shown here, not after a redirect: the token must not travel in a URL or stay in history.
  PageState fresh;
  fresh.created = &*created;
  return Show(d, ctx, id, fresh);
}

}  // namespace

void AddStaffRoutes(app::Router& router, const Deps& deps) {
  using app::Ids;
  using auth::Permission;
  auto& sv = deps.sv;
  router.Add({"GET", "/cases/{id}/employer-links", Permission::kOrgCounsel,
              app::WithIds(sv, {"id"}, [deps](web::RequestContext& ctx, const Ids& ids) {
                return Show(deps, ctx, ids[0], {});
              })});
  router.Add({"POST", "/cases/{id}/employer-links", Permission::kOrgCounsel,
              app::WithIds(sv, {"id"}, [deps](web::RequestContext& ctx, const Ids& ids) {
                return Create(deps, ctx, ids[0]);
              })});
  router.Add({"POST", "/cases/{id}/employer-links/{link_id}/revoke", Permission::kOrgCounsel,
              app::WithIds(sv, {"id", "link_id"}, [deps](web::RequestContext& ctx, const Ids& ids) {
                auto done = deps.links->Revoke(*ctx.Who(), ctx.Actor(), ids[0], ids[1]);
                if (!done) return web::Failure(deps.sv.pages, ctx, done.error());
                return web::SeeOther(LinksPath(ids[0]) + "?done=revoked");
              })});
}

}  // namespace tsunagu::employment::links::handlers

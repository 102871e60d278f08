// The programme's staff from other organisations (issue 14, seed 001 6): the 事務局 names the
// partner organisations whose members may be put on the rosters, and sets the wording of the
// confidentiality pledge (守秘義務) each rostered staff member acknowledges. kOrgCoordinate;
// the service answers NotFound for another organisation's programme.
#include <algorithm>
#include <array>
#include <string_view>

#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

constexpr std::array<std::string_view, 3> kDoneCodes = {"added", "removed", "pledge"};

http::Response ShowPartners(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                            const core::Error* error, int status = 200) {
  auto list = sv.partners.Partners(*ctx.Who(), program_id);
  if (!list) return Failure(sv, ctx, list.error());
  auto text = sv.partners.PledgeText(*ctx.Who(), program_id);
  if (!text) return Failure(sv, ctx, text.error());
  ctemplate::TemplateDictionary dict("programs_partners");
  dict.SetIntValue("ID", program_id);
  dict.SetValue("NAME", list->program_name);
  for (const auto& org : list->partners) {
    auto* row = dict.AddSectionDictionary("PARTNER");
    row->SetIntValue("ORG_ID", org.id);
    row->SetValue("ORG_NAME", org.name);
    row->SetValue("ORG_KIND", sv.pages.T(ctx, "org_kind." + org.kind));
  }
  dict.ShowSection(list->partners.empty() ? "NO_PARTNERS" : "HAS_PARTNERS");
  const std::int64_t posted = error ? web::ParseId(ctx.Form("organization")) : 0;
  for (const auto& org : list->candidates) {
    auto* option = dict.AddSectionDictionary("CANDIDATE");
    option->SetIntValue("ORG_ID", org.id);
    option->SetValue("LABEL", org.name + "（" + sv.pages.T(ctx, "org_kind." + org.kind) + "）");
    if (org.id == posted) option->ShowSection("SELECTED");
  }
  if (!list->candidates.empty()) dict.ShowSection("CAN_ADD");
  // What was typed stays when the pledge form comes back with an error.
  const bool pledge_error =
      error && !error->fields.empty() && error->fields.front().field == "pledge_text";
  dict.SetValue("PLEDGE_TEXT", pledge_error ? ctx.Form("pledge_text") : *text);
  dict.SetValue("DEFAULT_PLEDGE", sv.pages.T(ctx, "pledge.default"));
  const std::string done = ctx.request.Query("done").value_or("");
  if (!error && std::find(kDoneCodes.begin(), kDoneCodes.end(), done) != kDoneCodes.end()) {
    dict.AddSectionDictionary("DONE")->SetValue("TEXT", sv.pages.T(ctx, "partners.done." + done));
  }
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "programs/partners", "partners.page.title", dict, status);
}

http::Response AfterChange(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                           const core::Status& done, const std::string& code) {
  if (done)
    return web::SeeOther("/programs/" + std::to_string(program_id) + "/partners?done=" + code);
  if (IsFormError(done.error())) {
    return ShowPartners(sv, ctx, program_id, &done.error(), web::StatusFor(done.error().code));
  }
  return Failure(sv, ctx, done.error());
}

}  // namespace

void AddPartnerRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string base = "/programs/{id}/partners";
  router.Add({"GET", base, Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowPartners(sv, ctx, id, nullptr);
              })});
  router.Add({"POST", base, Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                const std::int64_t org = web::ParseId(ctx.Form("organization"));
                return AfterChange(sv, ctx, id, sv.partners.Add(*ctx.Who(), ctx.Actor(), id, org),
                                   "added");
              })});
  router.Add({"POST", base + "/{org_id}/remove", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                const std::int64_t org = web::ParseId(ctx.Param("org_id"));
                if (org <= 0) return sv.pages.Error(ctx, 404, "error.not_found");
                return AfterChange(sv, ctx, id,
                                   sv.partners.Remove(*ctx.Who(), ctx.Actor(), id, org), "removed");
              })});
  router.Add({"POST", "/programs/{id}/pledge", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return AfterChange(
                    sv, ctx, id,
                    sv.partners.SetPledgeText(*ctx.Who(), ctx.Actor(), id, ctx.Form("pledge_text")),
                    "pledge");
              })});
}

}  // namespace tsunagu::consultations::handlers

// The programme's public information and booking deadline (issue 14, points 5 and 6): the
// 事務局 sets what the booking pages show and until when people can book there themselves.
#include "app/route_ids.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/program_pages.hpp"
#include "consultations/handlers/public_info.hpp"
#include "consultations/program_info.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

constexpr std::initializer_list<const char*> kTextFields = {
    "office_phone", "office_email", "office_hours", "eligibility", "what_to_bring", "access"};

ProgramInfo ReadInfo(const web::RequestContext& ctx) {
  ProgramInfo info;
  info.office_phone = ctx.Form("office_phone");
  info.office_email = ctx.Form("office_email");
  info.office_hours = ctx.Form("office_hours");
  info.eligibility = ctx.Form("eligibility");
  info.what_to_bring = ctx.Form("what_to_bring");
  info.access = ctx.Form("access");
  info.deadline.kind = ctx.Form("deadline");
  if (info.deadline.kind == "hours_before") {
    info.deadline.value = web::ParseInt(ctx.Form("deadline_hours"));
  } else if (info.deadline.kind == "day_before") {
    info.deadline.value = web::ParseInt(ctx.Form("deadline_hour"));
  }
  return info;
}

// The form: saved values, or (after an error) what was typed.
http::Response ShowInfo(app::Services& sv, web::RequestContext& ctx, const Program& program,
                        const ProgramInfo& saved, const core::Error* error, int status = 200) {
  ctemplate::TemplateDictionary dict("programs_info");
  dict.SetIntValue("ID", program.id);
  dict.SetValue("NAME", program.name);
  dict.SetValue("CURRENT", DescribeDeadline(sv, ctx.lang, saved.deadline));
  std::string kind = saved.deadline.kind;
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    web::KeepInput(dict, ctx, kTextFields);
    web::KeepInput(dict, ctx, {"deadline_hours", "deadline_hour"});
    kind = ctx.Form("deadline");
  } else {
    dict.SetValue("V_OFFICE_PHONE", saved.office_phone);
    dict.SetValue("V_OFFICE_EMAIL", saved.office_email);
    dict.SetValue("V_OFFICE_HOURS", saved.office_hours);
    dict.SetValue("V_ELIGIBILITY", saved.eligibility);
    dict.SetValue("V_WHAT_TO_BRING", saved.what_to_bring);
    dict.SetValue("V_ACCESS", saved.access);
    dict.SetValue("V_DEADLINE_HOURS",
                  kind == "hours_before" ? std::to_string(saved.deadline.value) : "24");
    dict.SetValue("V_DEADLINE_HOUR",
                  kind == "day_before" ? std::to_string(saved.deadline.value) : "17");
    if (ctx.request.Query("saved")) {
      dict.AddSectionDictionary("NOTICE")->SetValue("TEXT",
                                                    sv.pages.T(ctx, "programinfo.form.saved"));
    }
  }
  for (const char* code : {"start", "hours_before", "day_before"}) {
    auto* option = dict.AddSectionDictionary("DEADLINE");
    option->SetValue("CODE", code);
    option->SetValue("ID",
                     std::string(code) == "start" ? "deadline" : "deadline-" + std::string(code));
    option->SetValue("LABEL", sv.pages.T(ctx, std::string("programinfo.form.deadline_") + code));
    if (kind == code) option->ShowSection("CHECKED");
    if (std::string(code) == "hours_before") option->ShowSection("HOURS");
    if (std::string(code) == "day_before") option->ShowSection("HOUR");
  }
  return sv.pages.Render(ctx, "programs/info", "programinfo.form.title", dict, status);
}

http::Response InfoForm(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  ProgramInfoStore store(sv.db, sv.clock);
  auto info = store.ForCoordinator(*ctx.Who(), id);
  if (!info) return Failure(sv, ctx, info.error());
  return ShowInfo(sv, ctx, *program, *info, nullptr);
}

http::Response SaveInfo(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  ProgramInfoStore store(sv.db, sv.clock);
  if (auto saved = store.Save(*ctx.Who(), ctx.Actor(), id, ReadInfo(ctx)); !saved) {
    if (saved.error().code != core::ErrorCode::kInvalidInput) {
      return Failure(sv, ctx, saved.error());
    }
    auto current = store.ForCoordinator(*ctx.Who(), id);
    if (!current) return Failure(sv, ctx, current.error());
    return ShowInfo(sv, ctx, *program, *current, &saved.error(),
                    web::StatusFor(saved.error().code));
  }
  return web::SeeOther("/programs/" + std::to_string(id) + "/info?saved=1");
}

}  // namespace

void AddProgramInfoRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/programs/{id}/info", auth::Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return InfoForm(sv, ctx, id);
              })});
  router.Add({"POST", "/programs/{id}/info", auth::Permission::kOrgCoordinate,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return SaveInfo(sv, ctx, id);
              })});
}

}  // namespace tsunagu::consultations::handlers

// Entering consultations after the day (issue 14): importing a past year's 受付表 (CSV or
// xlsx: upload → preview → confirm) and recording one consultation on a day that has begun
// (事後入力). Coordinators only (kOrgCoordinate); the services answer NotFound for another
// organisation's programme or day.
#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/import/late_entry.hpp"
#include "consultations/import/past_year.hpp"
#include "crypto/random.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

using import::ImportPlan;
using import::PastYearImport;

PastYearImport Importer(app::Services& sv) {
  return PastYearImport(sv.db, sv.clock, sv.cipher, sv.catalog);
}

std::string ImportPath(std::int64_t id) {
  return "/programs/" + std::to_string(id) + "/import";
}

http::Response ShowUpload(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                          const core::Error* error = nullptr, int status = 200) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  ctemplate::TemplateDictionary dict("late_import");
  dict.SetIntValue("ID", id);
  dict.SetValue("NAME", program->name);
  dict.SetValue("CSRF", ctx.CsrfToken());
  dict.SetValue("IMPORT_PATH", ImportPath(id));
  for (auto column : import::kColumns) {
    dict.AddSectionDictionary("COLUMN")->SetValue(
        "LABEL", sv.pages.T(ctx, "late.import.column." + std::string(column)));
  }
  if (error != nullptr) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "late/import", "late.import.title", dict, status);
}

// A file-level problem belongs to the file field.
core::Error FileFieldError(const core::Error& e) {
  if (e.code != core::ErrorCode::kInvalidInput || !e.fields.empty()) return e;
  return core::Error{e.code, "error.form", {{"file", e.message_key}}};
}

std::string RowMessage(app::Services& sv, web::RequestContext& ctx, const import::RowError& e) {
  return sv.catalog.Format(
      ctx.lang, e.message_key,
      {{"value", e.value}, {"columns", std::to_string(import::kColumns.size())}});
}

http::Response ShowPreview(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                           const ImportPlan& plan, const std::string& bytes) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  ctemplate::TemplateDictionary dict("late_preview");
  dict.SetIntValue("ID", id);
  dict.SetValue("NAME", program->name);
  dict.SetValue("CSRF", ctx.CsrfToken());
  dict.SetValue("IMPORT_PATH", ImportPath(id));
  dict.SetValue("SUMMARY", sv.catalog.Format(ctx.lang, "late.preview.summary",
                                             {{"consultations", std::to_string(plan.consultations)},
                                              {"days", std::to_string(plan.days.size())},
                                              {"new_days", std::to_string(plan.days_to_create)}}));
  for (const auto& d : plan.days) {
    auto* row = dict.AddSectionDictionary("DAY");
    row->SetValue("DATE", core::FormatDate(d.date, ctx.lang));
    row->SetIntValue("CONSULTATIONS", d.consultations);
    row->SetValue("STAFF", d.staff ? std::to_string(*d.staff) : "—");
    row->SetValue("STATE",
                  sv.pages.T(ctx, d.exists ? "late.preview.day_exists" : "late.preview.day_new"));
  }
  if (!plan.errors.empty()) {
    dict.ShowSection("HAS_ERRORS");
    dict.SetValue("ERROR_COUNT",
                  sv.catalog.Format(ctx.lang, "late.preview.error_count",
                                    {{"count", std::to_string(plan.errors.size())}}));
    for (const auto& e : plan.errors) {
      auto* row = dict.AddSectionDictionary("ROW_ERROR");
      row->SetIntValue("LINE", e.line);
      row->SetValue("LINE_LABEL", sv.catalog.Format(ctx.lang, "late.preview.line",
                                                    {{"line", std::to_string(e.line)}}));
      row->SetValue("COLUMN", e.column.empty() ? sv.pages.T(ctx, "late.preview.whole_row")
                                               : sv.pages.T(ctx, "late.import.column." + e.column));
      row->SetValue("VALUE", e.value);
      row->SetValue("MESSAGE", RowMessage(sv, ctx, e));
    }
  } else if (plan.already_imported) {
    dict.ShowSection("ALREADY");
  } else {
    dict.ShowSection("CAN_CONFIRM");
    dict.SetValue("DATA", crypto::Base64Encode(bytes));
  }
  return sv.pages.Render(ctx, "late/preview", "late.preview.title", dict,
                         plan.errors.empty() ? 200 : 422);
}

http::Response Preview(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  const web::UploadedFile* file = nullptr;
  for (const auto& f : ctx.files) {
    if (f.name == "file" && !f.data.empty()) file = &f;
  }
  if (file == nullptr) {
    const core::Error e{
        core::ErrorCode::kInvalidInput, "error.form", {{"file", "late.import.error.no_file"}}};
    return ShowUpload(sv, ctx, id, &e, 422);
  }
  auto plan = Importer(sv).Preview(*ctx.Who(), id, file->data);
  if (!plan) {
    if (plan.error().code != core::ErrorCode::kInvalidInput) return Failure(sv, ctx, plan.error());
    const core::Error e = FileFieldError(plan.error());
    return ShowUpload(sv, ctx, id, &e, 422);
  }
  return ShowPreview(sv, ctx, id, *plan, file->data);
}

http::Response Confirm(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  auto bytes = crypto::Base64Decode(ctx.Form("data"));
  if (!bytes || bytes->empty()) {
    const core::Error e{
        core::ErrorCode::kInvalidInput, "error.form", {{"file", "late.import.error.no_file"}}};
    return ShowUpload(sv, ctx, id, &e, 422);
  }
  auto done = Importer(sv).Import(*ctx.Who(), ctx.Actor(), id, *bytes);
  if (!done) {
    if (done.error().code == core::ErrorCode::kInvalidInput) {
      const core::Error e = FileFieldError(done.error());
      return ShowUpload(sv, ctx, id, &e, 422);
    }
    if (done.error().code == core::ErrorCode::kConflict) {
      const core::Error e{
          core::ErrorCode::kInvalidInput, "error.form", {{"file", done.error().message_key}}};
      return ShowUpload(sv, ctx, id, &e, 409);
    }
    return Failure(sv, ctx, done.error());
  }
  auto program = sv.consultations.GetProgram(*ctx.Who(), id);
  if (!program) return Failure(sv, ctx, program.error());
  ctemplate::TemplateDictionary dict("late_done");
  dict.SetIntValue("ID", id);
  dict.SetValue("NAME", program->name);
  dict.SetValue("RESULT", sv.catalog.Format(ctx.lang, "late.done.result",
                                            {{"consultations", std::to_string(done->consultations)},
                                             {"days", std::to_string(done->days_created)}}));
  return sv.pages.Render(ctx, "late/done", "late.done.title", dict);
}

// ---------------------------------------------------------------- 事後入力 of one consultation

http::Response ShowLateEntry(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                             const core::Error* error = nullptr, int status = 200) {
  auto day = sv.consultations.GetDay(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  ctemplate::TemplateDictionary dict("late_entry");
  dict.SetIntValue("ID", ids.program);
  dict.SetIntValue("DAY_ID", ids.day);
  dict.SetValue("DAY_PATH", DayPath(ids));
  dict.SetValue("CSRF", ctx.CsrfToken());
  dict.SetValue("DATE", core::FormatDate(day->date, ctx.lang));
  const std::string channel = error ? ctx.Form("channel") : "walk_in";
  for (auto code : kChannels) {
    if (code == "web") continue;
    auto* c = dict.AddSectionDictionary("CHANNEL");
    c->SetValue("CODE", std::string(code));
    c->SetValue("ID", "channel-" + std::string(code));
    c->SetValue("LABEL", sv.pages.T(ctx, "report.channel." + std::string(code)));
    if (channel == code) c->ShowSection("CHECKED");
  }
  const std::string mode = error ? ctx.Form("mode") : day->mode;
  for (auto code : kDayModes) {
    auto* c = dict.AddSectionDictionary("MODE");
    c->SetValue("CODE", std::string(code));
    c->SetValue("ID", "mode-" + std::string(code));
    c->SetValue("LABEL", sv.pages.T(ctx, "days.mode." + std::string(code)));
    if (mode == code) c->ShowSection("CHECKED");
  }
  auto select = [&](const char* section, const std::string& prefix, auto& codes,
                    const std::string& chosen) {
    for (auto code : codes) {
      auto* c = dict.AddSectionDictionary(section);
      c->SetValue("CODE", std::string(code));
      c->SetValue("LABEL", sv.pages.T(ctx, prefix + std::string(code)));
      if (chosen == code) c->ShowSection("SELECTED");
    }
  };
  select("GENDER", "intake.genders.", kGenders, ctx.Form("gender"));
  select("AGE_BAND", "intake.age_bands.", kAgeBands, ctx.Form("age_band"));
  web::KeepInput(dict, ctx, {"arrived_at", "municipality"});
  if (error != nullptr) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "late/entry", "late.entry.title", dict, status);
}

http::Response SaveLateEntry(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  import::LateEntry entry;
  entry.channel = ctx.Form("channel");
  entry.mode = ctx.Form("mode");
  entry.arrived_minutes = ParseTime(ctx.Form("arrived_at"));
  entry.intake.gender = ctx.Form("gender");
  entry.intake.age_band = ctx.Form("age_band");
  entry.intake.municipality = ctx.Form("municipality");
  import::LateEntryService late(sv.db, sv.clock, sv.cipher);
  auto saved = late.Record(*ctx.Who(), ctx.Actor(), ids.program, ids.day, entry);
  if (!saved) {
    if (saved.error().code == core::ErrorCode::kInvalidInput) {
      return ShowLateEntry(sv, ctx, ids, &saved.error(), 422);
    }
    return Failure(sv, ctx, saved.error());
  }
  return http::Response::Redirect(DayPath(ids));
}

}  // namespace

// past_days.cpp: the days a staff member was on, for counselors to reach after the day.
void AddPastDayRoutes(app::Router& router, app::Services& sv);

void AddImportRoutes(app::Router& router, app::Services& sv) {
  AddPastDayRoutes(router, sv);
  using auth::Permission;
  router.Add({"GET", "/programs/{id}/import", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return ShowUpload(sv, ctx, id);
              })});
  router.Add({"POST", "/programs/{id}/import", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Preview(sv, ctx, id);
              })});
  router.Add({"POST", "/programs/{id}/import/confirm", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Confirm(sv, ctx, id);
              })});
  router.Add({"GET", "/programs/{id}/days/{day_id}/late", Permission::kOrgCoordinate,
              WithIds(sv, false, [](app::Services& s, web::RequestContext& ctx, const Ids& ids) {
                return ShowLateEntry(s, ctx, ids);
              })});
  router.Add({"POST", "/programs/{id}/days/{day_id}/late", Permission::kOrgCoordinate,
              WithIds(sv, false, SaveLateEntry)});
}

}  // namespace tsunagu::consultations::handlers

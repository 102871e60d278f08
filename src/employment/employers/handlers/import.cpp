// Importing last year's employers and openings: upload (CSV or xlsx) → preview with every row's
// problems (nothing written) → confirm, which writes all of it in one transaction.
#include "crypto/random.hpp"
#include "employment/employers/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::employment::employers::handlers {
namespace {

constexpr const char* kPath = "/org/employers/import";

http::Response ShowUpload(const Deps& d, web::RequestContext& ctx,
                          const core::Error* error = nullptr, int status = 200) {
  ctemplate::TemplateDictionary dict("employers_import");
  for (std::size_t i = 0; i < kImportColumnCount; ++i) {
    const std::string code =
        i < kImportColumns.size() ? std::string(kImportColumns[i]) : std::string("valid_until");
    dict.AddSectionDictionary("COLUMN")->SetValue(
        "LABEL", d.pages.T(ctx, "employers.import.column." + code));
  }
  if (error != nullptr) d.pages.AddErrors(dict, ctx, *error);
  return d.pages.Render(ctx, "employers/import", "employers.import.title", dict, status);
}

core::Error FileError(const core::Error& e) {
  if (e.code != core::ErrorCode::kInvalidInput || !e.fields.empty()) return e;
  return core::Error{e.code, "error.form", {{"file", e.message_key}}};
}

http::Response ShowPreview(const Deps& d, web::RequestContext& ctx, const ImportPlan& plan,
                           const std::string& bytes) {
  ctemplate::TemplateDictionary dict("employers_import_preview");
  dict.SetValue("SUMMARY", d.catalog.Format(ctx.lang, "employers.import.summary",
                                            {{"new", std::to_string(plan.new_employers)},
                                             {"known", std::to_string(plan.known_employers)},
                                             {"openings", std::to_string(plan.openings)}}));
  if (!plan.errors.empty()) {
    dict.ShowSection("HAS_ERRORS");
    dict.SetValue("ERROR_COUNT", d.catalog.Format(ctx.lang, "employers.import.error_count",
                                                  {{"count", std::to_string(plan.errors.size())}}));
    for (const auto& e : plan.errors) {
      auto* row = dict.AddSectionDictionary("ROW_ERROR");
      row->SetValue("LINE", d.catalog.Format(ctx.lang, "employers.import.line",
                                             {{"line", std::to_string(e.line)}}));
      row->SetValue("COLUMN", e.column.empty()
                                  ? d.pages.T(ctx, "employers.import.whole_row")
                                  : d.pages.T(ctx, "employers.import.column." + e.column));
      row->SetValue("VALUE", e.value);
      row->SetValue("MESSAGE", d.pages.T(ctx, e.message_key));
    }
  } else {
    dict.ShowSection("CAN_CONFIRM");
    dict.SetValue("DATA", crypto::Base64Encode(bytes));
  }
  return d.pages.Render(ctx, "employers/import_preview", "employers.import.preview_title", dict,
                        plan.errors.empty() ? 200 : 422);
}

http::Response Preview(const Deps& d, web::RequestContext& ctx) {
  const web::UploadedFile* file = nullptr;
  for (const auto& f : ctx.files) {
    if (f.name == "file" && !f.data.empty()) file = &f;
  }
  if (file == nullptr) {
    const core::Error e{
        core::ErrorCode::kInvalidInput, "error.form", {{"file", "employers.import.error.no_file"}}};
    return ShowUpload(d, ctx, &e, 422);
  }
  auto plan = d.importer->Preview(*ctx.Who(), file->data);
  if (!plan) {
    if (plan.error().code != core::ErrorCode::kInvalidInput) {
      return web::Failure(d.pages, ctx, plan.error());
    }
    const core::Error e = FileError(plan.error());
    return ShowUpload(d, ctx, &e, 422);
  }
  return ShowPreview(d, ctx, *plan, file->data);
}

http::Response Confirm(const Deps& d, web::RequestContext& ctx) {
  auto bytes = crypto::Base64Decode(ctx.Form("data"));
  if (!bytes || bytes->empty()) {
    const core::Error e{
        core::ErrorCode::kInvalidInput, "error.form", {{"file", "employers.import.error.no_file"}}};
    return ShowUpload(d, ctx, &e, 422);
  }
  auto done = d.importer->Import(*ctx.Who(), ctx.Actor(), *bytes);
  if (!done) {
    if (done.error().code != core::ErrorCode::kInvalidInput) {
      return web::Failure(d.pages, ctx, done.error());
    }
    const core::Error e = FileError(done.error());
    return ShowUpload(d, ctx, &e, 422);
  }
  ctemplate::TemplateDictionary dict("employers_import_done");
  dict.SetValue("RESULT", d.catalog.Format(ctx.lang, "employers.import.result",
                                           {{"new", std::to_string(done->new_employers)},
                                            {"known", std::to_string(done->known_employers)},
                                            {"openings", std::to_string(done->openings)}}));
  return d.pages.Render(ctx, "employers/import_done", "employers.import.done_title", dict);
}

}  // namespace

void AddImportRoutes(app::Router& router, const Deps& d) {
  using auth::Permission;
  router.Add({"GET", kPath, Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return ShowUpload(d, ctx); }});
  router.Add({"POST", kPath, Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return Preview(d, ctx); }});
  router.Add({"POST", std::string(kPath) + "/confirm", Permission::kOrgCounsel,
              [d](web::RequestContext& ctx) { return Confirm(d, ctx); }});
}

}  // namespace tsunagu::employment::employers::handlers

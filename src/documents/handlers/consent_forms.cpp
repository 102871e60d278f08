// The signed 同意書 of a consent: attached or replaced by the organisation that recorded the
// consent (from the documents page of a case of the person, which passes its case id to come
// back to), read as a download by the parties.
#include "app/route_ids.hpp"
#include "documents/handlers/routes.hpp"
#include "documents/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::documents::handlers {
namespace {

http::Response Attach(app::Services& sv, web::RequestContext& ctx, std::int64_t consent_id) {
  static const std::string kNone;
  const web::UploadedFile* file = nullptr;
  for (const auto& f : ctx.files) {
    if (f.name == "file") {
      file = &f;
      break;
    }
  }
  const auto case_id = web::ParseId(ctx.Form("case"));
  auto done =
      sv.documents.AttachConsentForm(*ctx.Who(), ctx.Actor(), consent_id,
                                     file ? file->filename : kNone, file ? file->data : kNone);
  const std::string anchor = "#consent-" + std::to_string(consent_id);
  if (done) {
    if (case_id > 0) return web::SeeOther(DocumentsPath(case_id) + "?done=consent_form" + anchor);
    return web::SeeOther("/consents/" + std::to_string(consent_id));
  }
  if (done.error().code != core::ErrorCode::kInvalidInput) {
    return Failure(sv, ctx, done.error());
  }
  if (case_id <= 0) {
    const auto& fields = done.error().fields;
    return sv.pages.Error(ctx, 422,
                          fields.empty() ? done.error().message_key : fields.front().message_key);
  }
  // The page has one file field per consent: this error belongs to this consent's.
  core::Error error = done.error();
  for (auto& f : error.fields) {
    if (f.field == "file") f.field = "consent_file";
  }
  return ShowDocuments(sv, ctx, case_id, {&error, "consent_form", consent_id});
}

http::Response Download(app::Services& sv, web::RequestContext& ctx, std::int64_t consent_id) {
  auto file = sv.documents.DownloadConsentForm(*ctx.Who(), ctx.Actor(), consent_id);
  if (!file) return Failure(sv, ctx, file.error());
  return FileResponse(*file);
}

}  // namespace

void AddConsentFormRoutes(app::Router& router, app::Services& sv) {
  router.Add({"POST", "/consents/{id}/form", auth::Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Attach(sv, ctx, id);
              })});
  router.Add({"GET", "/consents/{id}/form", auth::Permission::kOrgCounsel,
              app::WithId(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return Download(sv, ctx, id);
              })});
}

}  // namespace tsunagu::documents::handlers

// A case's documents: the list with the upload form, each document's share form and its links
// with their access log; upload, download, remove, share and revoke. Bad input shows the page
// again with the message by the field (the title kept; a file cannot be kept by a browser).
#include <functional>

#include "app/route_ids.hpp"
#include "documents/handlers/routes.hpp"
#include "documents/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::documents::handlers {
namespace {

const web::UploadedFile* FileField(const web::RequestContext& ctx, const std::string& name) {
  for (const auto& f : ctx.files) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

http::Response Upload(app::Services& sv, web::RequestContext& ctx, std::int64_t id) {
  static const std::string kNone;
  const auto* file = FileField(ctx, "file");
  auto added = sv.documents.Upload(*ctx.Who(), ctx.Actor(), id, ctx.Form("title"),
                                   file ? file->filename : kNone, file ? file->data : kNone);
  if (added)
    return web::SeeOther(DocumentsPath(id) + "?done=uploaded#document-" + std::to_string(*added));
  if (added.error().code == core::ErrorCode::kInvalidInput) {
    return ShowDocuments(sv, ctx, id, {&added.error(), "upload", 0});
  }
  return Failure(sv, ctx, added.error());
}

http::Response Download(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                        std::int64_t document_id) {
  auto file = sv.documents.Download(*ctx.Who(), ctx.Actor(), id, document_id);
  if (!file) return Failure(sv, ctx, file.error());
  return FileResponse(*file);
}

http::Response Remove(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                      std::int64_t document_id) {
  auto done = sv.documents.Remove(*ctx.Who(), ctx.Actor(), id, document_id);
  if (!done) return Failure(sv, ctx, done.error());
  return web::SeeOther(DocumentsPath(id) + "?done=removed");
}

http::Response Share(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                     std::int64_t document_id) {
  ShareInput in;
  in.recipient_name = ctx.Form("recipient_name");
  in.recipient_email = ctx.Form("recipient_email");
  in.days = ctx.Form("days");
  in.consent_id = web::ParseId(ctx.Form("consent_id"));
  in.max_downloads = ctx.Form("max_downloads");
  in.recipient_confirmed = ctx.Form("recipient_confirmed") == "1";
  auto created = sv.documents.CreateShareLink(*ctx.Who(), ctx.Actor(), id, document_id, in);
  if (!created) {
    if (created.error().code == core::ErrorCode::kInvalidInput) {
      return ShowDocuments(sv, ctx, id, {&created.error(), "share", document_id});
    }
    return Failure(sv, ctx, created.error());
  }
  // Shown here, not after a redirect: the link's token must not travel in a URL or stay in
  // the history.
  return ShowDocuments(sv, ctx, id, {}, &*created);
}

http::Response Revoke(app::Services& sv, web::RequestContext& ctx, std::int64_t id,
                      std::int64_t document_id, std::int64_t link_id) {
  auto done = sv.documents.RevokeLink(*ctx.Who(), ctx.Actor(), id, document_id, link_id);
  if (!done) return Failure(sv, ctx, done.error());
  return web::SeeOther(DocumentsPath(id) + "?done=revoked#document-" + std::to_string(document_id));
}

}  // namespace

void AddCaseRoutes(app::Router& router, app::Services& sv) {
  using app::Ids;
  using auth::Permission;
  router.Add({"GET", "/cases/{id}/documents", Permission::kOrgCounsel,
              app::WithIds(sv, {"id"}, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return ShowDocuments(sv, ctx, ids[0]);
              })});
  router.Add({"POST", "/cases/{id}/documents", Permission::kOrgCounsel,
              app::WithIds(sv, {"id"}, [&sv](web::RequestContext& ctx, const Ids& ids) {
                return Upload(sv, ctx, ids[0]);
              })});
  router.Add(
      {"GET", "/cases/{id}/documents/{document_id}", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "document_id"}, [&sv](web::RequestContext& ctx, const Ids& ids) {
         return Download(sv, ctx, ids[0], ids[1]);
       })});
  router.Add(
      {"POST", "/cases/{id}/documents/{document_id}/remove", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "document_id"}, [&sv](web::RequestContext& ctx, const Ids& ids) {
         return Remove(sv, ctx, ids[0], ids[1]);
       })});
  router.Add(
      {"POST", "/cases/{id}/documents/{document_id}/share", Permission::kOrgCounsel,
       app::WithIds(sv, {"id", "document_id"}, [&sv](web::RequestContext& ctx, const Ids& ids) {
         return Share(sv, ctx, ids[0], ids[1]);
       })});
  router.Add({"POST", "/cases/{id}/documents/{document_id}/links/{link_id}/revoke",
              Permission::kOrgCounsel,
              app::WithIds(sv, {"id", "document_id", "link_id"},
                           [&sv](web::RequestContext& ctx, const Ids& ids) {
                             return Revoke(sv, ctx, ids[0], ids[1], ids[2]);
                           })});
}

}  // namespace tsunagu::documents::handlers

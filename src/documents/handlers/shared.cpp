// The pages an employer contact opens from the e-mailed link, without an account: a calm page
// saying a document is shared, by whom and until when, with a download button; and the file.
// No person's name or document title is shown. A link that has ended, and a token that never
// existed, get the same 410 page. The token is only in the path: the access log names the
// route pattern ("/shared/{token}"), never the path.
#include "documents/handlers/routes.hpp"
#include "documents/handlers/view.hpp"
#include "web/forms.hpp"

namespace tsunagu::documents::handlers {
namespace {

http::Response Gone(app::Services& sv, web::RequestContext& ctx) {
  ctemplate::TemplateDictionary dict("documents_shared_gone");
  return documents::handlers::PrivateLinkPage(
      sv.pages.Render(ctx, "documents/shared_gone", "documents.shared.gone_title", dict, 410));
}

http::Response SharedPage(app::Services& sv, web::RequestContext& ctx) {
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  const std::string token = ctx.Param("token");
  auto doc = sv.documents.Open(token, ctx.Actor());
  if (!doc) {
    if (doc.error().code == core::ErrorCode::kNotFound) return Gone(sv, ctx);
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  ctemplate::TemplateDictionary dict("documents_shared");
  dict.SetValue("ORG_NAME", doc->organization_name);
  dict.SetValue("LEAD", sv.catalog.Format(ctx.lang, "documents.shared.lead",
                                          {{"org", doc->organization_name}}));
  dict.SetValue("EXPIRES", web::DateTimeOf(ctx, doc->expires_at));
  dict.SetValue("TYPE", TypeLabel(doc->content_type));
  dict.SetValue("SIZE", SizeLabel(doc->byte_size));
  dict.SetValue("FILE_PATH", "/shared/" + token + "/file");
  return documents::handlers::PrivateLinkPage(
      sv.pages.Render(ctx, "documents/shared", "documents.shared.title", dict));
}

http::Response SharedFile(app::Services& sv, web::RequestContext& ctx) {
  if (auto r = documents::handlers::ThrottledLinkPage(sv, ctx)) return *r;
  auto doc = sv.documents.Open(ctx.Param("token"), ctx.Actor(), true);
  if (!doc) {
    if (doc.error().code == core::ErrorCode::kNotFound) return Gone(sv, ctx);
    return sv.pages.Error(ctx, 500, "error.internal");
  }
  return documents::handlers::PrivateLinkPage(
      FileResponse({doc->filename, doc->content_type, std::move(doc->data)}));
}

}  // namespace

void AddSharedRoutes(app::Router& router, app::Services& sv) {
  router.Add({"GET", "/shared/{token}", auth::Permission::kPublic,
              [&sv](web::RequestContext& ctx) { return SharedPage(sv, ctx); }});
  router.Add({"GET", "/shared/{token}/file", auth::Permission::kPublic,
              [&sv](web::RequestContext& ctx) { return SharedFile(sv, ctx); }});
}

}  // namespace tsunagu::documents::handlers

#include "documents/handlers/view.hpp"

#include <ctemplate/template.h>

#include <cstdio>
#include <string_view>

#include "consultations/booking_cancel.hpp"
#include "core/wareki.hpp"
#include "web/forms.hpp"

namespace tsunagu::documents::handlers {
namespace {

// RFC 5987 attr-char: everything else is percent-encoded.
bool IsAttrChar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

std::string Iso(const std::string& iso, const std::string& lang) {
  auto d = core::ParseIsoDate(iso);
  return d ? core::FormatDate(*d, lang) : iso;
}

}  // namespace

std::string DocumentsPath(std::int64_t case_id) {
  return "/cases/" + std::to_string(case_id) + "/documents";
}

std::string ContentDisposition(const std::string& filename) {
  // The plain name for old clients: the real one when it is simple ASCII, else a neutral one
  // with the same extension.
  bool simple = !filename.empty();
  for (unsigned char c : filename) {
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '%' || c == ';') simple = false;
  }
  std::string fallback = filename;
  if (!simple) {
    fallback = "document";
    const auto dot = filename.rfind('.');
    if (dot != std::string::npos) {
      const std::string ext = filename.substr(dot + 1);
      bool ok = !ext.empty() && ext.size() <= 5;
      for (unsigned char c : ext) ok = ok && IsAttrChar(c) && c != '.';
      if (ok) fallback += "." + ext;
    }
  }
  std::string encoded;
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    if (IsAttrChar(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0F];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

http::Response FileResponse(const FileContent& file) {
  http::Response r = http::Response::Text(200, file.data, file.content_type);
  r.headers.Set("Content-Disposition", ContentDisposition(file.filename));
  r.headers.Set("X-Content-Type-Options", "nosniff");
  r.headers.Set("Cache-Control", "no-store");
  r.headers.Set("Content-Security-Policy", "default-src 'none'; sandbox");
  return r;
}

std::string TypeLabel(const std::string& content_type) {
  if (content_type == "application/pdf") return "PDF";
  if (content_type == "image/png") return "PNG";
  if (content_type == "image/jpeg") return "JPEG";
  return content_type;
}

std::string SizeLabel(std::int64_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  } else if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buf;
}

http::Response Failure(const app::Services& sv, const web::RequestContext& ctx,
                       const core::Error& error) {
  // A partner's consent without documents; a refusal with its own reason says that instead.
  if (error.code == core::ErrorCode::kForbidden && error.message_key == "error.forbidden") {
    return sv.pages.Error(ctx, 403, "documents.error.not_covered");
  }
  return web::Failure(sv.pages, ctx, error);
}

http::Response ShowDocuments(app::Services& sv, web::RequestContext& ctx, std::int64_t case_id,
                             const FormError& failed, const CreatedLink* created) {
  auto list = sv.documents.List(*ctx.Who(), ctx.Actor(), case_id);
  if (!list) return Failure(sv, ctx, list.error());
  const CaseDocuments& docs = *list;
  const std::string path = DocumentsPath(case_id);
  ctemplate::TemplateDictionary dict("documents_list");
  dict.SetValue("CASE_PATH", "/cases/" + std::to_string(case_id));
  dict.SetValue("DOCUMENTS_PATH", path);
  dict.SetValue("CLIENT_NAME",
                docs.client_name.empty() ? sv.pages.T(ctx, "cases.name_hidden") : docs.client_name);
  dict.SetValue("ORG_NAME", docs.organization_name);
  dict.SetIntValue("MAX_TITLE", static_cast<long>(kMaxTitle));
  dict.SetIntValue("MAX_DAYS", kMaxLinkDays);
  const std::string csrf = ctx.CsrfToken();

  for (const auto& d : docs.documents) {
    auto* row = dict.AddSectionDictionary("DOCUMENT");
    const std::string doc_path = path + "/" + std::to_string(d.id);
    row->SetIntValue("DOC_ID", d.id);
    row->SetValue("TITLE", d.title);
    row->SetValue("FILENAME", d.filename);
    row->SetValue("TYPE", TypeLabel(d.content_type));
    row->SetValue("SIZE", SizeLabel(d.byte_size));
    row->SetValue("UPLOADED_BY", d.uploaded_by);
    row->SetValue("UPLOADED_ORG", d.organization_name);
    row->SetValue("UPLOADED_AT", web::DateTimeOf(ctx, d.created_at));
    row->SetValue("DOC_PATH", doc_path);
    if (!docs.runs_case) continue;
    auto* own = row->AddSectionDictionary("RUNS_CASE");
    own->SetValue("DOC_PATH", doc_path);
    own->SetIntValue("DOC_ID", d.id);
    own->SetValue("TITLE", d.title);
    own->SetValue("CSRF", csrf);
    const bool share_error =
        failed.error != nullptr && failed.form == "share" && failed.target == d.id;
    if (docs.can_share) {
      auto* share = own->AddSectionDictionary("SHARE_FORM");
      share->SetValue("DOC_PATH", doc_path);
      share->SetIntValue("DOC_ID", d.id);
      share->SetValue("CSRF", csrf);
      share->SetValue("TITLE", d.title);
      share->SetIntValue("MAX_DAYS", kMaxLinkDays);
      // Field ids are unique on the page; the form with an error gets the plain ones, which
      // the error summary links to.
      share->SetValue("SUFFIX", share_error ? "" : "-" + std::to_string(d.id));
      share->SetIntValue("MAX_DOWNLOADS_LIMIT", kMaxDownloadsLimit);
      const std::string chosen = share_error ? ctx.Form("consent_id") : std::string();
      for (const auto& c : docs.share_consents) {
        auto* option = share->AddSectionDictionary("SHARE_CONSENT");
        option->SetIntValue("CONSENT_ID", c.consent_id);
        option->SetValue("EMPLOYER", c.employer);
        if (!c.employer_email.empty()) {
          option->SetValueAndShowSection("EMPLOYER_EMAIL", c.employer_email, "HAS_EMAIL");
        }
        if (chosen == std::to_string(c.consent_id) || docs.share_consents.size() == 1) {
          option->ShowSection("SELECTED");
        }
      }
      if (share_error) {
        share->SetValue("V_RECIPIENT_NAME", ctx.Form("recipient_name"));
        share->SetValue("V_RECIPIENT_EMAIL", ctx.Form("recipient_email"));
        share->SetValue("V_DAYS", ctx.Form("days"));
        share->SetValue("V_MAX_DOWNLOADS", ctx.Form("max_downloads"));
        if (ctx.Form("recipient_confirmed") == "1") share->ShowSection("CONFIRMED");
        sv.pages.AddErrors(*share, ctx, *failed.error);
        share->ShowSection("OPEN");
      } else {
        share->SetIntValue("V_DAYS", kDefaultLinkDays);
        share->SetIntValue("V_MAX_DOWNLOADS", kDefaultMaxDownloads);
      }
    }
    for (const auto& link : d.links) {
      auto* l = own->AddSectionDictionary("LINK");
      l->SetValue("RECIPIENT", link.recipient);
      l->SetValue("STATE", sv.pages.T(ctx, "documents.state." + link.state));
      l->SetValue("STATE_CODE", link.state);
      l->SetValue("CREATED", web::DateTimeOf(ctx, link.created_at));
      l->SetValue("CREATED_BY", link.created_by);
      l->SetValue("EXPIRES", web::DateTimeOf(ctx, link.expires_at));
      l->SetValue("EMPLOYER", link.employer);
      l->SetValue("DOWNLOADS",
                  link.max_downloads > 0
                      ? sv.catalog.Format(ctx.lang, "documents.downloads_of",
                                          {{"count", std::to_string(link.downloads)},
                                           {"max", std::to_string(link.max_downloads)}})
                      : sv.catalog.Format(ctx.lang, "documents.downloads",
                                          {{"count", std::to_string(link.downloads)}}));
      if (link.state == "active") {
        auto* revoke = l->AddSectionDictionary("CAN_REVOKE");
        revoke->SetValue("ACTION", doc_path + "/links/" + std::to_string(link.id) + "/revoke");
        revoke->SetValue("CSRF", csrf);
        revoke->SetValue("RECIPIENT", link.recipient);
      }
      for (const auto& a : link.accesses) {
        auto* access = l->AddSectionDictionary("ACCESS");
        access->SetValue("AT", web::DateTimeOf(ctx, a.at));
        access->SetValue("OUTCOME", sv.pages.T(ctx, "documents.outcome." + a.outcome));
        if (!a.ip.empty()) access->SetValueAndShowSection("IP", a.ip, "HAS_IP");
      }
      l->ShowSection(link.accesses.empty() ? "NO_ACCESS" : "HAS_ACCESS");
    }
    if (d.links.empty()) own->ShowSection("NO_LINKS");
  }
  if (docs.documents.empty()) dict.ShowSection("NO_DOCUMENTS");

  if (docs.runs_case) {
    auto* upload = dict.AddSectionDictionary("CAN_UPLOAD");
    upload->SetValue("DOCUMENTS_PATH", path);
    upload->SetValue("CSRF", csrf);
    upload->SetIntValue("MAX_TITLE", static_cast<long>(kMaxTitle));
    if (!docs.can_share) dict.ShowSection("CANNOT_SHARE");
    if (failed.error != nullptr && failed.form == "upload") {
      upload->SetValue("V_TITLE", ctx.Form("title"));
      sv.pages.AddErrors(*upload, ctx, *failed.error);
    }
  } else {
    dict.ShowSection("PARTNER");
  }

  for (const auto& f : docs.consent_forms) {
    auto* row = dict.AddSectionDictionary("CONSENT_FORM");
    const std::string consent_path = "/consents/" + std::to_string(f.consent_id);
    row->SetIntValue("CONSENT_ID", f.consent_id);
    row->SetValue("CONSENT_PATH", consent_path);
    row->SetValue("RECORDED_BY", f.recorded_by_org);
    row->SetValue("PERIOD", Iso(f.valid_from, ctx.lang) + sv.pages.T(ctx, "documents.range") +
                                Iso(f.valid_until, ctx.lang));
    row->SetValue("STATE", sv.pages.T(ctx, f.active ? "documents.consent.active"
                                                    : "documents.consent.inactive"));
    if (f.replaced > 0) {
      row->SetValueAndShowSection("REPLACED",
                                  sv.catalog.Format(ctx.lang, "documents.consent.replaced",
                                                    {{"count", std::to_string(f.replaced)}}),
                                  "HAS_REPLACED");
    }
    if (f.has_form) {
      auto* has = row->AddSectionDictionary("HAS_FORM");
      has->SetValue("ATTACHED", web::DateTimeOf(ctx, f.attached_at));
      if (f.can_download)
        has->SetValueAndShowSection("FORM_PATH", consent_path + "/form", "CAN_DOWNLOAD");
    } else {
      row->ShowSection("NO_FORM");
    }
    const bool form_error =
        failed.error != nullptr && failed.form == "consent_form" && failed.target == f.consent_id;
    // Only the recording organisation attaches or replaces the signed form, before withdrawal.
    if (f.can_attach) {
      auto* attach = row->AddSectionDictionary("CAN_ATTACH");
      attach->SetValue("CONSENT_PATH", consent_path);
      attach->SetIntValue("CONSENT_ID", f.consent_id);
      attach->SetValue("CSRF", csrf);
      attach->SetIntValue("CASE_ID", case_id);
      attach->SetValue(
          "FILE_ID", form_error ? "consent_file" : "consent_file-" + std::to_string(f.consent_id));
      if (form_error) sv.pages.AddErrors(*attach, ctx, *failed.error);
    } else if (form_error) {
      sv.pages.AddErrors(*row, ctx, *failed.error);
      row->ShowSection("ATTACH_REFUSED");
    }
  }
  if (docs.consent_forms.empty()) dict.ShowSection("NO_CONSENTS");

  if (created != nullptr) {
    auto* shared = dict.AddSectionDictionary("CREATED");
    shared->SetValue("URL", created->url);
    shared->SetValue("EXPIRES", web::DateTimeOf(ctx, created->expires_at));
  }
  // The summary in a section of its own: each field's message belongs to one form only.
  if (failed.error != nullptr) {
    sv.pages.AddErrors(*dict.AddSectionDictionary("SUMMARY"), ctx, *failed.error);
  }
  const auto done = ctx.request.Query("done").value_or("");
  for (std::string_view code : {"uploaded", "removed", "revoked", "consent_form"}) {
    if (done == code) {
      dict.SetValueAndShowSection("DONE", sv.pages.T(ctx, "documents.done." + done), "NOTICE");
    }
  }
  return sv.pages.Render(ctx, "documents/list", "documents.page.title", dict,
                         failed.error != nullptr ? web::StatusFor(failed.error->code) : 200);
}

std::optional<http::Response> ThrottledLinkPage(app::Services& sv, web::RequestContext& ctx) {
  const auto& limits = sv.config.security;
  auto counted = consultations::CountPublicSubmission(
      sv.db, sv.clock.NowSeconds(), ctx.request.remote_address, limits.public_form_limit,
      limits.public_form_window_minutes * 60);
  if (counted) return std::nullopt;
  if (counted.error().code == core::ErrorCode::kRateLimited) {
    return sv.pages.Error(ctx, 429, "documents.shared.rate_limited");
  }
  return sv.pages.Error(ctx, 500, "error.internal");
}

http::Response PrivateLinkPage(http::Response r) {
  r.headers.Set("X-Robots-Tag", "noindex, nofollow");
  return r;
}

}  // namespace tsunagu::documents::handlers

#include "documents/document_service.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "documents/document_rows.hpp"
#include "http/message.hpp"
#include "live/bus.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::documents {
namespace {

using detail::Access;
using detail::CheckFile;
using detail::DocumentFile;
using detail::FileAd;
using detail::Json;
using detail::OneLine;
using detail::ReadFile;
using detail::ReadLinks;
using detail::StoreFile;
using detail::TitleAd;
using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxFilenameChars = 120;

// A partner's view of the case's documents: a provision (shared_view) under the consent that
// covers them (RecordProvision adds "documents" to the day's record under that consent).
void RecordDocumentsProvision(soci::session& s, const crypto::FieldCipher& cipher,
                              const auth::CaseView& view, const auth::Principal& who,
                              std::int64_t consent_id, std::int64_t now) {
  sharing::Provision p;
  p.provider_org_id = view.case_org_id;
  p.recipient_org_id = who.organization_id;
  p.client_id = view.client_id;
  p.consent_id = consent_id;
  p.items = {"documents"};
  p.channel = "shared_view";
  p.actor_user_id = who.user_id;
  sharing::RecordProvision(s, cipher, p, now);
}

}  // namespace

std::string SniffContentType(std::string_view b) {
  if (b.substr(0, 5) == "%PDF-") return "application/pdf";
  if (b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return "image/png";
  if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
      static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF) {
    return "image/jpeg";
  }
  return {};
}

std::string SafeFilename(std::string_view sent, const std::string& content_type) {
  std::string name(sent);
  if (!http::IsValidUtf8(name)) name.clear();
  // Old browsers send the whole path; only the last segment is the name.
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) {
    name = name.substr(slash + 1);
  }
  for (auto& c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || std::string_view("<>:\"|?*").find(c) != std::string_view::npos) {
      c = '_';
    }
  }
  // No hidden files, no trailing dots or spaces (Windows drops them).
  while (!name.empty() && (name.front() == '.' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.pop_back();

  std::string ext = content_type == "application/pdf" ? "pdf"
                    : content_type == "image/png"     ? "png"
                                                      : "jpg";
  std::string stem = name;
  std::string current;
  if (auto dot = name.rfind('.'); dot != std::string::npos) current = name.substr(dot + 1);
  std::transform(current.begin(), current.end(), current.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool matches = current == ext || (ext == "jpg" && (current == "jpeg" || current == "jpe"));
  if (matches) {
    stem = name.substr(0, name.rfind('.'));
    ext = name.substr(name.rfind('.') + 1);
  }
  if (stem.empty()) stem = "document";
  // Cut the stem on a character boundary so the whole name stays within the limit.
  const std::size_t max_stem = kMaxFilenameChars - 1 - ext.size();
  std::size_t chars = 0;
  std::size_t cut = stem.size();
  for (std::size_t i = 0; i < stem.size(); ++i) {
    if ((static_cast<unsigned char>(stem[i]) & 0xC0) == 0x80) continue;
    if (chars == max_stem) {
      cut = i;
      break;
    }
    ++chars;
  }
  return stem.substr(0, cut) + "." + ext;
}

core::Result<std::int64_t> DocumentService::Upload(const auth::Principal& who,
                                                   const audit::Actor& actor, std::int64_t case_id,
                                                   const std::string& title,
                                                   const std::string& filename,
                                                   const std::string& bytes) {
  const std::string clean_title = OneLine(title);
  std::vector<core::FieldError> errors;
  if (clean_title.empty()) {
    errors.push_back({"title", "error.required"});
  } else if (core::CountCodePoints(clean_title) > kMaxTitle) {
    errors.push_back({"title", "error.too_long"});
  }
  std::string type;
  for (auto& e : CheckFile(filename, bytes, type)) errors.push_back(std::move(e));
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  long long entry_id = 0;
  auto added = db_.Write<std::int64_t>([&](soci::session& s) {
    Access(s, who, case_id, today, true);
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long org = who.organization_id;
    long long user = who.user_id;
    long long cid = case_id;
    long long at = now;
    const long long file = StoreFile(s, cipher_, org, user, type, filename, bytes, now);
    long long id = 0;
    s << "INSERT INTO case_document (case_id, organization_id, file_id, title_enc, uploaded_by, "
         "created_at) VALUES (:c, :o, :f, '', :u, :t) RETURNING id",
        soci::use(cid), soci::use(org), soci::use(file), soci::use(user), soci::use(at),
        soci::into(id);
    const std::string sealed_title = cipher_.Encrypt(clean_title, TitleAd(id));
    s << "UPDATE case_document SET title_enc = :t WHERE id = :id", soci::use(sealed_title),
        soci::use(id);
    // The timeline says a document was added (a system entry, like a status change), as the
    // case service writes its own entries.
    const std::string kind = "document";
    const std::string day = core::ToIso(today);
    s << "INSERT INTO timeline_entry (case_id, organization_id, author_id, kind, occurred_on, "
         "body_enc, created_at, updated_at) VALUES (:c, :o, :u, :k, :d, '', :t, :t2) RETURNING "
         "id",
        soci::use(cid), soci::use(org), soci::use(user), soci::use(kind), soci::use(day),
        soci::use(at), soci::use(at), soci::into(entry_id);
    const std::string body =
        cipher_.Encrypt(clean_title, "timeline_entry:" + std::to_string(entry_id) + ":body");
    s << "UPDATE timeline_entry SET body_enc = :b WHERE id = :id", soci::use(body),
        soci::use(entry_id);
    s << "UPDATE support_case SET updated_at = :t WHERE id = :id", soci::use(at), soci::use(cid);
    audit::AuditLog::Append(s, actor,
                            {"document.upload", "support_case", std::to_string(case_id),
                             Json({{"document", id},
                                   {"file", file},
                                   {"bytes", static_cast<std::int64_t>(bytes.size())}})},
                            now);
    return static_cast<std::int64_t>(id);
  });
  if (added) bus_.Publish("case:" + std::to_string(case_id), "timeline", std::to_string(entry_id));
  return added;
}

core::Result<CaseDocuments> DocumentService::List(const auth::Principal& who,
                                                  const audit::Actor& actor, std::int64_t case_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  const std::string day = core::ToIso(today);
  return db_.Write<CaseDocuments>([&](soci::session& s) {
    std::vector<std::int64_t> consents;
    const auto view = Access(s, who, case_id, today, false, &consents);
    CaseDocuments out;
    out.case_id = case_id;
    out.runs_case = view.runs_case;
    long long cid = case_id;
    long long case_org = view.case_org_id;
    long long client = view.client_id;
    s << "SELECT name FROM organization WHERE id = :o", soci::into(out.organization_name),
        soci::use(case_org);
    if (view.client.Has("basic")) {
      std::string name_enc;
      s << "SELECT name_enc FROM client WHERE id = :c", soci::into(name_enc), soci::use(client);
      out.client_name =
          storage::Unseal(cipher_, name_enc, "client:" + std::to_string(client) + ":name");
    }
    if (view.runs_case) {
      out.share_consents = detail::ShareConsents(s, cipher_, view, today);
      out.can_share = !out.share_consents.empty();
    }
    struct Raw {
      Document doc;
      std::string title_enc;
      std::string name_enc;
      long long file_id = 0;
    };
    std::vector<Raw> raw;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT d.id, d.title_enc, d.created_at, f.content_type, f.byte_size, "
                        "f.name_enc, u.display_name, o.name, f.id FROM case_document d JOIN "
                        "stored_file f ON f.id = d.file_id JOIN app_user u ON u.id = "
                        "d.uploaded_by JOIN organization o ON o.id = d.organization_id WHERE "
                        "d.case_id = :c AND d.removed_at IS NULL ORDER BY d.created_at DESC, d.id "
                        "DESC",
           soci::use(cid));
      for (const auto& r : rows) {
        Raw item;
        item.doc.id = GetInt(r, 0);
        item.title_enc = GetText(r, 1);
        item.doc.created_at = GetInt(r, 2);
        item.doc.content_type = GetText(r, 3);
        item.doc.byte_size = GetInt(r, 4);
        item.name_enc = GetText(r, 5);
        item.doc.uploaded_by = GetText(r, 6);
        item.doc.organization_name = GetText(r, 7);
        item.file_id = GetInt(r, 8);
        raw.push_back(std::move(item));
      }
    }
    const bool admin = who.role == auth::Role::kAdmin;
    for (auto& item : raw) {
      item.doc.title = storage::Unseal(cipher_, item.title_enc, TitleAd(item.doc.id));
      item.doc.filename = storage::Unseal(cipher_, item.name_enc, FileAd(item.file_id, "name"));
      if (view.runs_case) item.doc.links = ReadLinks(s, cipher_, item.doc.id, now, day, admin);
      out.documents.push_back(std::move(item.doc));
    }

    // Consent forms of the consents this organisation is party to.
    long long org = who.organization_id;
    {
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT k.id, o.name, k.valid_from, k.valid_until, k.withdrawn_at, "
                        "k.form_file_id, f.created_at, f.organization_id, k.organization_id, "
                        "(SELECT COUNT(*) FROM consent_form_revision v WHERE v.consent_id = "
                        "k.id) FROM "
                        "consent k JOIN consent_party p ON p.consent_id = k.id AND "
                        "p.organization_id = :o JOIN organization o ON o.id = k.organization_id "
                        "LEFT JOIN stored_file f ON f.id = k.form_file_id WHERE k.client_id = :c "
                        "ORDER BY k.id DESC",
           soci::use(org), soci::use(client));
      for (const auto& r : rows) {
        ConsentForm form;
        form.consent_id = GetInt(r, 0);
        form.recorded_by_org = GetText(r, 1);
        form.valid_from = GetText(r, 2);
        form.valid_until = GetText(r, 3);
        form.active = GetInt(r, 4) == 0 && form.valid_from <= day && day <= form.valid_until;
        form.has_form = GetInt(r, 5) != 0;
        form.attached_at = GetInt(r, 6);
        const auto file_org = GetInt(r, 7);
        const auto recorder = GetInt(r, 8);
        form.can_download = form.has_form && (form.active || file_org == org || recorder == org ||
                                              view.client.owner);
        form.can_attach = recorder == org && GetInt(r, 4) == 0;
        form.replaced = static_cast<int>(GetInt(r, 9));
        out.consent_forms.push_back(std::move(form));
      }
    }

    if (!view.runs_case) RecordDocumentsProvision(s, cipher_, view, who, consents.back(), now);
    audit::AuditLog::Append(s, actor,
                            {"document.list", "support_case", std::to_string(case_id),
                             Json({{"rows", static_cast<std::int64_t>(out.documents.size())}})},
                            now);
    return out;
  });
}

core::Result<FileContent> DocumentService::Download(const auth::Principal& who,
                                                    const audit::Actor& actor, std::int64_t case_id,
                                                    std::int64_t document_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Write<FileContent>([&](soci::session& s) {
    std::vector<std::int64_t> consents;
    const auto view = Access(s, who, case_id, today, false, &consents);
    const long long file = DocumentFile(s, case_id, document_id);
    FileContent out = ReadFile(s, cipher_, file);
    if (!view.runs_case) RecordDocumentsProvision(s, cipher_, view, who, consents.back(), now);
    audit::AuditLog::Append(s, actor,
                            {"document.read", "support_case", std::to_string(case_id),
                             Json({{"document", document_id}})},
                            now);
    return out;
  });
}

core::Status DocumentService::Remove(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t case_id, std::int64_t document_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    Access(s, who, case_id, today, true);
    DocumentFile(s, case_id, document_id);
    long long d = document_id;
    long long at = now;
    s << "UPDATE case_document SET removed_at = :t WHERE id = :d AND removed_at IS NULL",
        soci::use(at), soci::use(d);
    // Its links end with it.
    long long at2 = now;
    s << "UPDATE share_link SET revoked_at = :t WHERE document_id = :d AND revoked_at IS NULL",
        soci::use(at2), soci::use(d);
    audit::AuditLog::Append(s, actor,
                            {"document.remove", "support_case", std::to_string(case_id),
                             Json({{"document", document_id}})},
                            now);
  });
}

}  // namespace tsunagu::documents

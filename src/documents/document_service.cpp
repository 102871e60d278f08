#include "documents/document_service.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "http/message.hpp"
#include "live/bus.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::documents {
namespace {

using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr std::size_t kMaxFilenameChars = 120;
constexpr int kMaxAccessesShown = 100;

std::string FileAd(long long id, const char* column) {
  return "stored_file:" + std::to_string(id) + ":" + column;
}

std::string TitleAd(long long id) {
  return "case_document:" + std::to_string(id) + ":title";
}

std::string RecipientAd(long long id) {
  return "share_link:" + std::to_string(id) + ":recipient";
}

std::string Json(std::initializer_list<std::pair<const char*, std::int64_t>> fields) {
  std::string out = "{";
  for (const auto& [k, v] : fields) {
    if (out.size() > 1) out += ',';
    out += "\"" + std::string(k) + "\":" + std::to_string(v);
  }
  return out + "}";
}

// The file field's errors; sets `type` from the bytes when they are acceptable.
std::vector<core::FieldError> CheckFile(const std::string& filename, const std::string& bytes,
                                        std::string& type) {
  if (bytes.empty()) {
    return {{"file",
             filename.empty() ? "documents.error.file_required" : "documents.error.file_empty"}};
  }
  if (bytes.size() > kMaxFileBytes) return {{"file", "documents.error.file_too_large"}};
  type = SniffContentType(bytes);
  if (type.empty()) return {{"file", "documents.error.file_type"}};
  return {};
}

// One line: control characters (a pasted line break, a tab) become spaces.
std::string OneLine(const std::string& text) {
  std::string out = text;
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return core::Trim(out);
}

// Stores a file encrypted whole in the caller's transaction; returns its id.
long long StoreFile(soci::session& s, const crypto::FieldCipher& cipher, long long org,
                    long long user, const std::string& type, const std::string& filename,
                    const std::string& bytes, std::int64_t now) {
  long long size = static_cast<long long>(bytes.size());
  long long at = now;
  long long id = 0;
  s << "INSERT INTO stored_file (organization_id, content_type, byte_size, name_enc, "
       "content_enc, created_by, created_at) VALUES (:o, :t, :n, '', '', :u, :at) RETURNING id",
      soci::use(org), soci::use(type), soci::use(size), soci::use(user), soci::use(at),
      soci::into(id);
  // The row's id is part of the associated data, so a ciphertext moved to another row or
  // column does not decrypt.
  const std::string name = cipher.Encrypt(SafeFilename(filename, type), FileAd(id, "name"));
  const std::string content = cipher.Encrypt(bytes, FileAd(id, "content"));
  s << "UPDATE stored_file SET name_enc = :n, content_enc = :c WHERE id = :id", soci::use(name),
      soci::use(content), soci::use(id);
  return id;
}

FileContent ReadFile(soci::session& s, const crypto::FieldCipher& cipher, long long file_id) {
  std::string type;
  std::string name;
  std::string content;
  s << "SELECT content_type, name_enc, content_enc FROM stored_file WHERE id = :id",
      soci::into(type), soci::into(name), soci::into(content), soci::use(file_id);
  if (!s.got_data()) throw Abort{core::Error::NotFound()};
  FileContent out;
  out.content_type = type;
  out.filename = storage::Unseal(cipher, name, FileAd(file_id, "name"));
  out.data = storage::Unseal(cipher, content, FileAd(file_id, "content"));
  return out;
}

// The case as the principal may see its documents. NotFound when the case is not visible at
// all; Forbidden for a partner whose consent does not cover documents, or (with `edit`) for
// anyone but the running organisation. `document_consents` gets the consents that let a
// partner see them (empty for the running organisation).
auth::CaseView Access(soci::session& s, const auth::Principal& who, std::int64_t case_id,
                      core::Date today, bool edit,
                      std::vector<std::int64_t>* document_consents = nullptr) {
  auto view = auth::RecordAccess::Case(s, who, case_id, today);
  if (!view) throw Abort{core::Error::NotFound()};
  if (view->runs_case) return *view;
  if (edit) throw Abort{core::Error::Forbidden()};
  // A consent that names both organisations must itself cover documents.
  if (!view->SeesDocuments()) throw Abort{core::Error::Forbidden()};
  if (document_consents) *document_consents = view->document_consents;
  return *view;
}

// The live document of the case (not removed); NotFound otherwise. Returns its file id.
long long DocumentFile(soci::session& s, std::int64_t case_id, std::int64_t document_id) {
  long long d = document_id;
  long long c = case_id;
  long long file = 0;
  soci::indicator ind = soci::i_null;
  s << "SELECT file_id FROM case_document WHERE id = :d AND case_id = :c AND removed_at IS NULL",
      soci::into(file, ind), soci::use(d), soci::use(c);
  if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
  return file;
}

struct LinkFacts {
  std::int64_t expires_at = 0;
  std::int64_t revoked_at = 0;
  std::int64_t withdrawn_at = 0;
  std::string valid_from;
  std::string valid_until;
  bool document_removed = false;
};

// What a link is now. A removed document's links were revoked with it.
std::string LinkState(const LinkFacts& f, std::int64_t now, const std::string& today) {
  if (f.revoked_at != 0 || f.document_removed) return "revoked";
  if (now >= f.expires_at) return "expired";
  if (f.withdrawn_at != 0) return "consent_withdrawn";
  // A consent whose period has ended no longer allows sharing: the link has ended with it.
  if (today < f.valid_from || today > f.valid_until) return "expired";
  return "active";
}

std::vector<ShareLink> ReadLinks(soci::session& s, const crypto::FieldCipher& cipher,
                                 long long document_id, std::int64_t now, const std::string& today,
                                 bool show_ip) {
  std::vector<std::pair<ShareLink, std::string>> raw;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT l.id, l.recipient_enc, u.display_name, l.created_at, l.expires_at, "
                      "l.revoked_at, k.withdrawn_at, k.valid_from, k.valid_until FROM share_link "
                      "l JOIN app_user u ON u.id = l.created_by JOIN consent k ON k.id = "
                      "l.consent_id WHERE l.document_id = :d ORDER BY l.id DESC",
         soci::use(document_id));
    for (const auto& r : rows) {
      ShareLink link;
      link.id = GetInt(r, 0);
      link.created_by = GetText(r, 2);
      link.created_at = GetInt(r, 3);
      LinkFacts f;
      f.expires_at = GetInt(r, 4);
      f.revoked_at = GetInt(r, 5);
      f.withdrawn_at = GetInt(r, 6);
      f.valid_from = GetText(r, 7);
      f.valid_until = GetText(r, 8);
      link.expires_at = f.expires_at;
      link.revoked_at = f.revoked_at;
      link.state = LinkState(f, now, today);
      raw.emplace_back(std::move(link), GetText(r, 1));
    }
  }
  std::vector<ShareLink> out;
  for (auto& [link, enc] : raw) {
    link.recipient = storage::Unseal(cipher, enc, RecipientAd(link.id));
    long long lid = link.id;
    int limit = kMaxAccessesShown;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT accessed_at, outcome, ip FROM share_access WHERE share_link_id = "
                      ":l ORDER BY id DESC LIMIT :n",
         soci::use(lid), soci::use(limit));
    for (const auto& r : rows) {
      link.accesses.push_back({GetInt(r, 0), GetText(r, 1), show_ip ? GetText(r, 2) : ""});
    }
    out.push_back(std::move(link));
  }
  return out;
}

bool IsParty(soci::session& s, long long consent_id, long long org) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM consent_party WHERE consent_id = :k AND organization_id = :o",
      soci::into(n), soci::use(consent_id), soci::use(org);
  return n > 0;
}

bool IsAsciiPrintable(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// "7" → 7; -1 for anything that is not a plain small number.
int ParseDays(const std::string& text) {
  const std::string t = core::Trim(core::NormalizeNfkc(text));
  if (t.empty() || t.size() > 3) return -1;
  int n = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// A partner's view of the case's documents: a provision (shared_view) under the consent that
// covers them. Views of one day are one continuous provision, so when the partner already read
// the case's records today under the same consent, that day's record gains "documents".
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
  long long consent = consent_id;
  long long provider = view.case_org_id;
  long long recipient = who.organization_id;
  const std::string day = core::ToIso(core::DateFromUnixSeconds(now));
  // "documents" is the last of auth::kConsentItems, so appending keeps their order.
  s << "UPDATE provision_record SET items = items || ',documents' WHERE consent_id = :k AND "
       "provider_org_id = :p AND recipient_org_id = :r AND channel = 'shared_view' AND "
       "provided_on = :d AND items NOT LIKE '%documents%'",
      soci::use(consent), soci::use(provider), soci::use(recipient), soci::use(day);
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
      out.can_share =
          !auth::RecordAccess::ConsentsBetween(s, client, case_org, case_org, {"documents"}, today)
               .empty();
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
                        "k.form_file_id, f.created_at, f.organization_id, k.organization_id FROM "
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

core::Result<CreatedLink> DocumentService::CreateShareLink(const auth::Principal& who,
                                                           const audit::Actor& actor,
                                                           std::int64_t case_id,
                                                           std::int64_t document_id,
                                                           const ShareInput& input) {
  std::vector<core::FieldError> errors;
  const std::string name = OneLine(input.recipient_name);
  if (name.empty()) {
    errors.push_back({"recipient_name", "error.required"});
  } else if (core::CountCodePoints(name) > kMaxRecipientName) {
    errors.push_back({"recipient_name", "error.too_long"});
  }
  const std::string email = core::Trim(core::NormalizeNfkc(input.recipient_email));
  if (email.empty()) {
    errors.push_back({"recipient_email", "error.required"});
  } else if (!core::LooksLikeEmail(email) || !IsAsciiPrintable(email)) {
    errors.push_back({"recipient_email", "documents.error.email"});
  }
  const int days = core::Trim(input.days).empty() ? kDefaultLinkDays : ParseDays(input.days);
  if (days < 1 || days > kMaxLinkDays) errors.push_back({"days", "documents.error.days"});

  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  CreatedLink created;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, case_id, today, true);
    DocumentFile(s, case_id, document_id);
    const auto consents = auth::RecordAccess::ConsentsBetween(
        s, view.client_id, view.case_org_id, view.case_org_id, {"documents"}, today);
    auto all = errors;
    if (consents.empty()) all.insert(all.begin(), {"share", "documents.error.no_consent"});
    if (!all.empty()) throw Abort{core::Error::Invalid("error.form_invalid", all)};

    const std::string token = crypto::RandomToken(32);
    const std::string hash = crypto::HashToken(token);
    const std::string label = name + " <" + email + ">";
    long long d = document_id;
    long long consent = consents.back();
    long long user = who.user_id;
    long long at = now;
    long long expires = now + static_cast<std::int64_t>(days) * 86400;
    long long id = 0;
    s << "INSERT INTO share_link (document_id, consent_id, token_hash, recipient_enc, "
         "created_by, created_at, expires_at) VALUES (:d, :k, :h, '', :u, :t, :e) RETURNING id",
        soci::use(d), soci::use(consent), soci::use(hash), soci::use(user), soci::use(at),
        soci::use(expires), soci::into(id);
    const std::string sealed = cipher_.Encrypt(label, RecipientAd(id));
    s << "UPDATE share_link SET recipient_enc = :r WHERE id = :id", soci::use(sealed),
        soci::use(id);

    sharing::Provision p;
    p.provider_org_id = view.case_org_id;
    p.recipient_label = label;
    p.client_id = view.client_id;
    p.consent_id = consent;
    p.items = {"documents"};
    p.channel = "share_link";
    p.actor_user_id = who.user_id;
    p.share_link_id = id;
    sharing::RecordProvision(s, cipher_, p, now);
    audit::AuditLog::Append(s, actor,
                            {"document.share", "support_case", std::to_string(case_id),
                             Json({{"document", document_id}, {"link", id}, {"days", days}})},
                            now);

    created.id = id;
    created.expires_at = expires;
    created.url = config_.server.public_url + "/shared/" + token;
    // The employer contact learns only that there is a document and until when: no name of
    // the person, no title, not even the sending organisation (SECURITY.md rule 11).
    notify::MailMessage m;
    m.to = email;
    m.subject = catalog_.Get("ja", "documents.mail.subject");
    m.text_body =
        catalog_.Format("ja", "documents.mail.body",
                        {{"link", created.url}, {"expires", core::FormatDateTime(expires, "ja")}});
    outbox_.Enqueue(s, m, "document_share");
  });
  if (!done) return done.error();
  outbox_.Wake();
  return created;
}

core::Status DocumentService::RevokeLink(const auth::Principal& who, const audit::Actor& actor,
                                         std::int64_t case_id, std::int64_t document_id,
                                         std::int64_t link_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.WriteVoid([&](soci::session& s) {
    Access(s, who, case_id, today, true);
    DocumentFile(s, case_id, document_id);
    long long l = link_id;
    long long d = document_id;
    long long n = 0;
    s << "SELECT COUNT(*) FROM share_link WHERE id = :l AND document_id = :d", soci::into(n),
        soci::use(l), soci::use(d);
    if (n == 0) throw Abort{core::Error::NotFound()};
    long long at = now;
    // Revoking twice (a second tab) changes nothing.
    s << "UPDATE share_link SET revoked_at = :t WHERE id = :l AND revoked_at IS NULL",
        soci::use(at), soci::use(l);
    audit::AuditLog::Append(s, actor,
                            {"document.share_revoke", "support_case", std::to_string(case_id),
                             Json({{"document", document_id}, {"link", link_id}})},
                            now);
  });
}

core::Result<std::vector<ShareLink>> DocumentService::ListLinks(const auth::Principal& who,
                                                                std::int64_t case_id,
                                                                std::int64_t document_id) {
  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  return db_.Read<std::vector<ShareLink>>([&](soci::session& s) {
    Access(s, who, case_id, today, true);
    DocumentFile(s, case_id, document_id);
    return ReadLinks(s, cipher_, document_id, now, core::ToIso(today),
                     who.role == auth::Role::kAdmin);
  });
}

core::Result<SharedDocument> DocumentService::Open(const std::string& token,
                                                   const audit::Actor& actor, bool with_content) {
  const core::Error gone{core::ErrorCode::kNotFound, kGone, {}};
  // Tokens are 32 random bytes in URL-safe base64: anything else cannot be one.
  const bool well_formed =
      token.size() == 43 && std::all_of(token.begin(), token.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
      });
  if (!well_formed) return gone;
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  const std::string hash = crypto::HashToken(token);
  struct Answer {
    bool found = false;
    std::string outcome;
    SharedDocument doc;
  };
  auto answer = db_.Write<Answer>([&](soci::session& s) {
    Answer a;
    long long link = 0;
    long long file = 0;
    long long org = 0;
    long long case_id = 0;
    LinkFacts f;
    soci::row r;
    s << "SELECT l.id, l.expires_at, l.revoked_at, k.withdrawn_at, k.valid_from, k.valid_until, "
         "d.removed_at, d.file_id, d.organization_id, o.name, f.content_type, f.byte_size, "
         "d.case_id FROM share_link l JOIN consent k ON k.id = l.consent_id JOIN case_document "
         "d ON d.id = l.document_id JOIN stored_file f ON f.id = d.file_id JOIN organization o "
         "ON o.id = d.organization_id WHERE l.token_hash = :h",
        soci::into(r), soci::use(hash);
    if (s.got_data()) {
      a.found = true;
      link = GetInt(r, 0);
      f.expires_at = GetInt(r, 1);
      f.revoked_at = GetInt(r, 2);
      f.withdrawn_at = GetInt(r, 3);
      f.valid_from = GetText(r, 4);
      f.valid_until = GetText(r, 5);
      f.document_removed = !storage::IsNull(r, 6);
      file = GetInt(r, 7);
      org = GetInt(r, 8);
      a.doc.organization_name = GetText(r, 9);
      a.doc.content_type = GetText(r, 10);
      a.doc.byte_size = GetInt(r, 11);
      case_id = GetInt(r, 12);
      a.doc.expires_at = f.expires_at;
    }
    if (!a.found) return a;  // an unknown token leaves no trace
    const std::string state = LinkState(f, now, today);
    a.outcome = state == "active" ? "served" : state;
    long long at = now;
    s << "INSERT INTO share_access (share_link_id, accessed_at, ip, outcome) VALUES (:l, :t, "
         ":ip, :o)",
        soci::use(link), soci::use(at), soci::use(actor.ip), soci::use(a.outcome);
    audit::Event event{"document.share_open", "support_case", std::to_string(case_id),
                       "{\"link\":" + std::to_string(link) + ",\"outcome\":\"" + a.outcome + "\"}",
                       org};
    audit::AuditLog::Append(s, actor, event, now);
    if (a.outcome == "served") {
      std::string name;
      s << "SELECT name_enc FROM stored_file WHERE id = :id", soci::into(name), soci::use(file);
      a.doc.filename = storage::Unseal(cipher_, name, FileAd(file, "name"));
      if (with_content) a.doc.data = ReadFile(s, cipher_, file).data;
    }
    return a;
  });
  if (!answer) return answer.error();
  if (!answer->found || answer->outcome != "served") return gone;
  return std::move(answer->doc);
}

core::Status DocumentService::AttachConsentForm(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t consent_id,
                                                const std::string& filename,
                                                const std::string& bytes) {
  std::string type;
  const auto errors = CheckFile(filename, bytes, type);
  const std::int64_t now = clock_.NowSeconds();
  return db_.WriteVoid([&](soci::session& s) {
    if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
      throw Abort{core::Error::NotFound()};
    }
    long long id = consent_id;
    long long client = 0;
    soci::indicator ind = soci::i_null;
    s << "SELECT client_id FROM consent WHERE id = :k", soci::into(client, ind), soci::use(id);
    if (!s.got_data() || ind != soci::i_ok) throw Abort{core::Error::NotFound()};
    if (!IsParty(s, id, who.organization_id)) throw Abort{core::Error::NotFound()};
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    const long long file =
        StoreFile(s, cipher_, who.organization_id, who.user_id, type, filename, bytes, now);
    s << "UPDATE consent SET form_file_id = :f WHERE id = :k", soci::use(file), soci::use(id);
    audit::AuditLog::Append(s, actor,
                            {"consent.form_attach", "client", std::to_string(client),
                             Json({{"consent", consent_id}, {"file", file}})},
                            now);
  });
}

core::Result<FileContent> DocumentService::DownloadConsentForm(const auth::Principal& who,
                                                               const audit::Actor& actor,
                                                               std::int64_t consent_id) {
  const std::int64_t now = clock_.NowSeconds();
  const std::string today = core::ToIso(core::DateFromUnixSeconds(now));
  return db_.Write<FileContent>([&](soci::session& s) {
    if (!auth::Policy::Allows(&who, auth::Permission::kOrgCounsel)) {
      throw Abort{core::Error::NotFound()};
    }
    long long id = consent_id;
    soci::row r;
    s << "SELECT k.client_id, k.form_file_id, k.withdrawn_at, k.valid_from, k.valid_until, "
         "k.organization_id, c.organization_id, f.organization_id FROM consent k JOIN client c "
         "ON c.id = k.client_id LEFT JOIN stored_file f ON f.id = k.form_file_id WHERE k.id = :k",
        soci::into(r), soci::use(id);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    const long long org = who.organization_id;
    if (!IsParty(s, id, org)) throw Abort{core::Error::NotFound()};
    const long long client = GetInt(r, 0);
    const long long file = GetInt(r, 1);
    if (file == 0) throw Abort{core::Error::NotFound()};
    const bool active = GetInt(r, 2) == 0 && GetText(r, 3) <= today && today <= GetText(r, 4);
    const long long recorder = GetInt(r, 5);
    const long long owner = GetInt(r, 6);
    const long long file_org = GetInt(r, 7);
    // Another party reads the form only while the consent stands (SECURITY.md rule 2).
    const bool own = org == file_org || org == recorder || org == owner;
    if (!own && !active) throw Abort{core::Error::NotFound()};
    FileContent out = ReadFile(s, cipher_, file);
    if (org != file_org && org != owner) {
      // The signed form names the person: another organisation reading it is a provision.
      sharing::Provision p;
      p.provider_org_id = file_org;
      p.recipient_org_id = org;
      p.client_id = client;
      p.consent_id = consent_id;
      p.items = {"basic"};
      p.channel = "shared_view";
      p.actor_user_id = who.user_id;
      sharing::RecordProvision(s, cipher_, p, now);
    }
    audit::AuditLog::Append(
        s, actor,
        {"consent.form_read", "client", std::to_string(client), Json({{"consent", consent_id}})},
        now);
    return out;
  });
}

}  // namespace tsunagu::documents

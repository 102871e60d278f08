#include "documents/document_rows.hpp"

#include "core/text.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::documents::detail {

using storage::Abort;

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
                      core::Date today, bool edit, std::vector<std::int64_t>* document_consents) {
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

bool IsParty(soci::session& s, long long consent_id, long long org) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM consent_party WHERE consent_id = :k AND organization_id = :o",
      soci::into(n), soci::use(consent_id), soci::use(org);
  return n > 0;
}

}  // namespace tsunagu::documents::detail

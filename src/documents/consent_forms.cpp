// The signed 同意書 of a consent: attached or replaced only by the organisation that recorded
// the consent and never after its withdrawal, earlier files kept as revisions; read by the
// parties while the consent stands (SECURITY.md rule 2).
#include "core/text.hpp"
#include "documents/document_rows.hpp"
#include "documents/document_service.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"

namespace tsunagu::documents {
namespace {

using detail::CheckFile;
using detail::IsParty;
using detail::Json;
using detail::ReadFile;
using detail::StoreFile;
using storage::Abort;
using storage::GetInt;
using storage::GetText;

}  // namespace

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
    // Lock the consent's row first, so two replacements in parallel both keep their files.
    s << "UPDATE consent SET form_file_id = form_file_id WHERE id = :k", soci::use(id);
    soci::row r;
    s << "SELECT client_id, organization_id, withdrawn_at, COALESCE(form_file_id, 0) FROM "
         "consent WHERE id = :k",
        soci::into(r), soci::use(id);
    if (!s.got_data()) throw Abort{core::Error::NotFound()};
    const long long client = GetInt(r, 0);
    // Parties see the consent; anyone else is told nothing.
    if (!IsParty(s, id, who.organization_id)) throw Abort{core::Error::NotFound()};
    // SECURITY.md rule 2: the signed form belongs to the consent's record, which only the
    // recording organisation changes, and a withdrawn consent's evidence is not replaced.
    if (GetInt(r, 1) != who.organization_id) {
      throw Abort{core::Error{core::ErrorCode::kForbidden, "consent.error.form_not_recorder", {}}};
    }
    if (GetInt(r, 2) != 0) throw Abort{core::Error::Conflict("consent.error.form_withdrawn")};
    if (!errors.empty()) throw Abort{core::Error::Invalid("error.form_invalid", errors)};
    long long previous = GetInt(r, 3);
    long long user = who.user_id;
    long long at = now;
    if (previous != 0) {
      s << "INSERT INTO consent_form_revision (consent_id, file_id, replaced_by, replaced_at) "
           "VALUES (:k, :f, :u, :t)",
          soci::use(id), soci::use(previous), soci::use(user), soci::use(at);
    }
    const long long file =
        StoreFile(s, cipher_, who.organization_id, who.user_id, type, filename, bytes, now);
    s << "UPDATE consent SET form_file_id = :f WHERE id = :k", soci::use(file), soci::use(id);
    audit::AuditLog::Append(
        s, actor,
        {"consent.form_attach", "client", std::to_string(client),
         Json({{"consent", consent_id}, {"file", file}, {"replaced", previous}})},
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

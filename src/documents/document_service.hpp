// 書類 (Document, seed 003 "document exchange with employers"): files attached to a support
// case, encrypted whole at rest, typed by their bytes, and shared with an employer contact only
// through an active consent and an expiring single-purpose link whose token is stored hashed.
// Every read is audited; a partner's read and every share link write a provision record
// (APPI 法29条); every attempt on a share link is kept in share_access. The signed consent
// form (同意書) of a consent is stored the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "auth/record_access.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::live {
class Bus;
}

namespace tsunagu::documents {

inline constexpr std::size_t kMaxFileBytes = std::size_t{10} * 1024 * 1024;
inline constexpr std::size_t kMaxTitle = 100;
inline constexpr std::size_t kMaxRecipientName = 100;
inline constexpr int kDefaultLinkDays = 7;
inline constexpr int kMaxLinkDays = 30;
inline constexpr int kDefaultMaxDownloads = 3;
inline constexpr int kMaxDownloadsLimit = 20;

// The type of a file from its first bytes ("application/pdf", "image/png", "image/jpeg"), or
// empty when it is none of them. Names and sent types are never asked.
std::string SniffContentType(std::string_view bytes);

// A name safe to keep and offer back: the last path segment, control characters and
// characters Windows refuses replaced, at most 120 characters, and an extension that
// matches the type (「意見書.pdf」 stays; a PNG sent as 「scan.pdf」 becomes 「scan.pdf.png」).
std::string SafeFilename(std::string_view sent, const std::string& content_type);

struct ShareAccess {
  std::int64_t at = 0;
  std::string outcome;  // served, expired, revoked, consent_withdrawn, limit_reached
  std::string ip;       // filled for the organisation's admins only
};

struct ShareLink {
  std::int64_t id = 0;
  std::string recipient;  // 「氏名 <address>」 as staff typed it
  std::string created_by;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t revoked_at = 0;  // 0: not revoked
  int downloads = 0;            // files served so far
  int max_downloads = 0;        // 0: no limit
  std::string employer;         // the employer the consent names
  // active, expired, revoked, consent_withdrawn, limit_reached (now, by the application's
  // clock)
  std::string state;
  std::vector<ShareAccess> accesses;  // newest first
};

struct Document {
  std::int64_t id = 0;
  std::string title;
  std::string filename;
  std::string content_type;
  std::int64_t byte_size = 0;
  std::string uploaded_by;
  std::string organization_name;
  std::int64_t created_at = 0;
  std::vector<ShareLink> links;  // the running organisation only
};

// The signed form of a consent the viewer's organisation is party to.
struct ConsentForm {
  std::int64_t consent_id = 0;
  std::string recorded_by_org;
  std::string valid_from;  // ISO
  std::string valid_until;
  bool active = false;
  bool has_form = false;
  bool can_download = false;
  bool can_attach = false;  // the viewer's organisation recorded it and it is not withdrawn
  int replaced = 0;         // earlier files kept as revisions
  std::int64_t attached_at = 0;
};

// A consent under which the running organisation may send documents to an employer: active,
// for workplace coordination, covering documents, naming the employer (and perhaps the one
// address the link may go to).
struct ShareConsent {
  std::int64_t consent_id = 0;
  std::string employer;
  std::string employer_email;  // empty: any address of that employer's contact
};

struct CaseDocuments {
  std::int64_t case_id = 0;
  bool runs_case = false;
  std::string client_name;        // empty unless the viewer may see it
  std::string organization_name;  // the organisation running the case
  bool can_share = false;         // an active consent lets the running organisation share
  std::vector<ShareConsent> share_consents;
  std::vector<Document> documents;  // newest first
  std::vector<ConsentForm> consent_forms;
};

struct FileContent {
  std::string filename;
  std::string content_type;
  std::string data;
};

struct ShareInput {
  std::string recipient_name;
  std::string recipient_email;
  std::string days;             // empty: kDefaultLinkDays
  std::int64_t consent_id = 0;  // the ShareConsent it rests on; 0 when there is only one
  std::string max_downloads;    // empty: kDefaultMaxDownloads
  // Staff confirm the recipient is the contact of the employer the consent names (needed
  // when the consent gives no address).
  bool recipient_confirmed = false;
};

struct CreatedLink {
  std::int64_t id = 0;
  std::string url;  // public_url + "/shared/" + token: shown once, never stored
  std::int64_t expires_at = 0;
};

// What the public page of a live link shows: no person's name, no title.
struct SharedDocument {
  std::string organization_name;  // who shared it
  std::int64_t expires_at = 0;
  std::string filename;
  std::string content_type;
  std::int64_t byte_size = 0;
  std::string data;  // only when asked for the content
};

class DocumentService {
 public:
  DocumentService(storage::Database& db, const core::Clock& clock,
                  const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                  const core::Catalog& catalog, const core::Config& config, live::Bus& bus)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        config_(config),
        bus_(bus) {}

  // Stores a file on a case of the principal's organisation (Forbidden for a partner,
  // NotFound for anyone else), with a "document" timeline entry. kInvalidInput with field
  // errors "title" and "file" (nothing, an unknown type, over kMaxFileBytes).
  core::Result<std::int64_t> Upload(const auth::Principal& who, const audit::Actor& actor,
                                    std::int64_t case_id, const std::string& title,
                                    const std::string& filename, const std::string& bytes);
  // The case's documents (with their share links for the running organisation) and the
  // consent forms of consents the viewer is party to. Partners need a consent naming both
  // organisations that covers "documents" (Forbidden otherwise); audited.
  core::Result<CaseDocuments> List(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t case_id);
  // The file, audited; a partner's download is a provision (shared_view).
  core::Result<FileContent> Download(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t case_id, std::int64_t document_id);
  // Hides the document (the running organisation) and ends its share links.
  core::Status Remove(const auth::Principal& who, const audit::Actor& actor, std::int64_t case_id,
                      std::int64_t document_id);

  // A link for an employer contact. Needs an active consent (recorded by the registering or
  // the running organisation, naming the running one) for workplace coordination that covers
  // "documents" and names the employer (field error "documents.error.no_consent"); when the
  // consent names an address the link goes only there ("documents.error.not_named_recipient"),
  // otherwise staff confirm the recipient is that employer's contact. Writes the provision
  // record (naming the employer) and mails the link and its expiry, nothing else.
  core::Result<CreatedLink> CreateShareLink(const auth::Principal& who, const audit::Actor& actor,
                                            std::int64_t case_id, std::int64_t document_id,
                                            const ShareInput& input);
  core::Status RevokeLink(const auth::Principal& who, const audit::Actor& actor,
                          std::int64_t case_id, std::int64_t document_id, std::int64_t link_id);
  core::Result<std::vector<ShareLink>> ListLinks(const auth::Principal& who, std::int64_t case_id,
                                                 std::int64_t document_id);

  // The public side of a link (actor: no user, the visitor's address and request id). Every
  // attempt on an existing link is kept in share_access with its outcome and audited for the
  // sharing organisation; a live link answers the document (with its bytes when
  // with_content). A dead link and an unknown token both answer kNotFound
  // "documents.shared.gone", and an unknown token writes nothing.
  core::Result<SharedDocument> Open(const std::string& token, const audit::Actor& actor,
                                    bool with_content = false);

  // The signed 同意書 of a consent: only the organisation that recorded the consent attaches
  // or replaces it (kForbidden "consent.error.form_not_recorder"), never after withdrawal
  // (kConflict "consent.error.form_withdrawn"); a replaced file is kept as a revision.
  core::Status AttachConsentForm(const auth::Principal& who, const audit::Actor& actor,
                                 std::int64_t consent_id, const std::string& filename,
                                 const std::string& bytes);
  // The organisation that attached it and the client's own organisation always; other
  // parties while the consent is active. NotFound when there is none.
  core::Result<FileContent> DownloadConsentForm(const auth::Principal& who,
                                                const audit::Actor& actor, std::int64_t consent_id);

  static constexpr const char* kGone = "documents.shared.gone";

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const core::Config& config_;  // public_url is read when a link is made
  live::Bus& bus_;
};

}  // namespace tsunagu::documents

// Share links: one document of a case sent to an employer contact outside the system, under
// a consent for workplace coordination that names that employer; expiring, revocable, counted
// and optionally limited, every access logged (SECURITY.md rules 2–3).
#include <algorithm>

#include "core/text.hpp"
#include "core/wareki.hpp"
#include "crypto/random.hpp"
#include "documents/document_rows.hpp"
#include "documents/document_service.hpp"
#include "sharing/provisions.hpp"
#include "storage/row.hpp"
#include "storage/sealed.hpp"

namespace tsunagu::documents {
namespace {

using detail::Access;
using detail::DocumentFile;
using detail::FileAd;
using detail::Json;
using detail::OneLine;
using detail::ReadFile;
using detail::ReadLinks;
using detail::RecipientAd;
using storage::Abort;
using storage::GetInt;
using storage::GetText;

constexpr int kMaxAccessesShown = 100;

struct LinkFacts {
  std::int64_t expires_at = 0;
  std::int64_t revoked_at = 0;
  std::int64_t withdrawn_at = 0;
  std::string valid_from;
  std::string valid_until;
  bool document_removed = false;
  int downloads = 0;
  int max_downloads = 0;  // 0: no limit
};

// What a link is now. A removed document's links were revoked with it.
std::string LinkState(const LinkFacts& f, std::int64_t now, const std::string& today) {
  if (f.revoked_at != 0 || f.document_removed) return "revoked";
  if (now >= f.expires_at) return "expired";
  if (f.withdrawn_at != 0) return "consent_withdrawn";
  // A consent whose period has ended no longer allows sharing: the link has ended with it.
  if (today < f.valid_from || today > f.valid_until) return "expired";
  if (f.max_downloads > 0 && f.downloads >= f.max_downloads) return "limit_reached";
  return "active";
}

bool IsAsciiPrintable(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

// Addresses compare without regard to ASCII case.
std::string LowerAscii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return text;
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
}  // namespace

namespace detail {

std::vector<ShareLink> ReadLinks(soci::session& s, const crypto::FieldCipher& cipher,
                                 long long document_id, std::int64_t now, const std::string& today,
                                 bool show_ip) {
  std::vector<std::pair<ShareLink, std::string>> raw;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT l.id, l.recipient_enc, u.display_name, l.created_at, l.expires_at, "
                      "l.revoked_at, k.withdrawn_at, k.valid_from, k.valid_until, l.downloads, "
                      "COALESCE(l.max_downloads, 0), k.id, k.employer_enc FROM share_link l JOIN "
                      "app_user u ON u.id = l.created_by JOIN consent k ON k.id = l.consent_id "
                      "WHERE l.document_id = :d ORDER BY l.id DESC",
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
      f.downloads = static_cast<int>(GetInt(r, 9));
      f.max_downloads = static_cast<int>(GetInt(r, 10));
      link.expires_at = f.expires_at;
      link.revoked_at = f.revoked_at;
      link.downloads = f.downloads;
      link.max_downloads = f.max_downloads;
      link.state = LinkState(f, now, today);
      link.employer = storage::Unseal(cipher, GetText(r, 12),
                                      "consent:" + std::to_string(GetInt(r, 11)) + ":employer");
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

std::vector<ShareConsent> ShareConsents(soci::session& s, const crypto::FieldCipher& cipher,
                                        const auth::CaseView& view, core::Date today) {
  std::vector<ShareConsent> out;
  const auto consents =
      auth::RecordAccess::CaseConsentsBetween(s, view.client_id, view.case_org_id, view.case_org_id,
                                              view.case_org_id, {"documents"}, today);
  for (auto id : consents) {
    long long kid = id;
    std::string purpose;
    std::string employer;
    std::string email;
    s << "SELECT purpose, employer_enc, employer_email_enc FROM consent WHERE id = :k",
        soci::into(purpose), soci::into(employer), soci::into(email), soci::use(kid);
    if (purpose != "workplace_coordination" || employer.empty()) continue;
    const std::string ad = "consent:" + std::to_string(id) + ":";
    out.push_back({id, storage::Unseal(cipher, employer, ad + "employer"),
                   storage::Unseal(cipher, email, ad + "employer_email")});
  }
  return out;
}

}  // namespace detail

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
  const int max_downloads = core::Trim(input.max_downloads).empty()
                                ? kDefaultMaxDownloads
                                : ParseDays(input.max_downloads);
  if (max_downloads < 1 || max_downloads > kMaxDownloadsLimit) {
    errors.push_back({"max_downloads", "documents.error.max_downloads"});
  }
  const std::int64_t wanted_consent = input.consent_id;

  const std::int64_t now = clock_.NowSeconds();
  const core::Date today = core::DateFromUnixSeconds(now);
  CreatedLink created;
  auto done = db_.WriteVoid([&](soci::session& s) {
    const auto view = Access(s, who, case_id, today, true);
    DocumentFile(s, case_id, document_id);
    // SECURITY.md rule 2: a document goes to an employer only under a consent for workplace
    // coordination that names that employer (and, when it names one, that address).
    const auto consents = detail::ShareConsents(s, cipher_, view, today);
    auto all = errors;
    const ShareConsent* basis = nullptr;
    for (const auto& c : consents) {
      if (c.consent_id == wanted_consent || (wanted_consent == 0 && consents.size() == 1)) {
        basis = &c;
      }
    }
    if (consents.empty()) {
      all.insert(all.begin(), {"share", "documents.error.no_consent"});
    } else if (basis == nullptr) {
      all.insert(all.begin(), {"consent_id", "documents.error.choose_consent"});
    } else if (!basis->employer_email.empty()) {
      if (!email.empty() && LowerAscii(email) != LowerAscii(basis->employer_email)) {
        all.push_back({"recipient_email", "documents.error.not_named_recipient"});
      }
    } else if (!input.recipient_confirmed) {
      all.push_back({"recipient_confirmed", "documents.error.confirm_recipient"});
    }
    if (!all.empty()) throw Abort{core::Error::Invalid("error.form_invalid", all)};

    const std::string token = crypto::RandomToken(32);
    const std::string hash = crypto::HashToken(token);
    const std::string label = name + " <" + email + ">（" + basis->employer + "）";
    long long d = document_id;
    long long consent = basis->consent_id;
    long long limit = max_downloads;
    long long user = who.user_id;
    long long at = now;
    long long expires = now + static_cast<std::int64_t>(days) * 86400;
    long long id = 0;
    s << "INSERT INTO share_link (document_id, consent_id, token_hash, recipient_enc, "
         "created_by, created_at, expires_at, max_downloads) VALUES (:d, :k, :h, '', :u, :t, :e, "
         ":m) RETURNING id",
        soci::use(d), soci::use(consent), soci::use(hash), soci::use(user), soci::use(at),
        soci::use(expires), soci::use(limit), soci::into(id);
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
                             Json({{"document", document_id},
                                   {"link", id},
                                   {"consent", consent},
                                   {"days", days},
                                   {"max_downloads", max_downloads}})},
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
         "d.case_id, l.downloads, COALESCE(l.max_downloads, 0) FROM share_link l JOIN consent k "
         "ON k.id = l.consent_id JOIN case_document "
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
      f.downloads = static_cast<int>(GetInt(r, 13));
      f.max_downloads = static_cast<int>(GetInt(r, 14));
      a.doc.expires_at = f.expires_at;
    }
    if (!a.found) return a;  // an unknown token leaves no trace
    const std::string state = LinkState(f, now, today);
    a.outcome = state == "active" ? "served" : state;
    if (a.outcome == "served" && with_content) {
      // The database counts: of two downloads racing for the last allowed one, one is served.
      soci::statement count =
          (s.prepare << "UPDATE share_link SET downloads = downloads + 1 WHERE id = :l AND "
                        "(max_downloads IS NULL OR downloads < max_downloads)",
           soci::use(link));
      count.execute(true);
      if (count.get_affected_rows() != 1) a.outcome = "limit_reached";
    }
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

}  // namespace tsunagu::documents

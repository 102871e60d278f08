// The employer's (and the doctor's) link (issue 16): from a support case, the running
// organisation's staff send one recipient outside the system an expiring address through which
// they fill a form of the case (勤務情報提供書, their part of the 共通アセスメント票, 主治医意見書)
// or send signed documents back, without an account. A link rests on an active consent: for an
// employer one for workplace coordination naming that employer, for a doctor one for medical
// coordination. It shows only the consent's items (without "medical" no diagnosis), ends at
// its expiry, when revoked, or when the consent ends, and every use is kept in
// employer_link_access. What comes back lands on the case as a form revision edited through the
// link, with a timeline entry published live; provision records name the link.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "forms/form_catalog.hpp"
#include "forms/form_data.hpp"
#include "live/bus.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::links {

inline constexpr int kDefaultDays = 14;
inline constexpr int kMaxDays = 90;
inline constexpr std::size_t kMaxRecipientName = 100;

// What a link may ask of its recipient. An employer: the 勤務情報提供書, the employer's part of
// the assessment, signed files back. A doctor: the 主治医意見書, the doctor's part of the
// assessment, signed files back.
inline constexpr std::string_view kEmployerParts[] = {"work_info_form", "assessment_employer",
                                                      "upload"};
inline constexpr std::string_view kDoctorParts[] = {"doctor_opinion_form", "assessment_doctor",
                                                    "upload"};

// The case form a part writes, and (for the assessment) the one section it may fill.
struct PartForm {
  std::string form_type;
  std::string section;  // empty: the whole form
};
PartForm FormOfPart(std::string_view part);

// A consent a link may rest on.
struct LinkConsent {
  std::int64_t consent_id = 0;
  std::string purpose;  // workplace_coordination | medical_coordination
  std::string employer;
  std::string employer_email;
  std::vector<std::string> items;
};

struct LinkAccess {
  std::int64_t at = 0;
  std::string outcome;
};

struct LinkRow {
  std::int64_t id = 0;
  std::string recipient_kind;
  std::string recipient;
  std::vector<std::string> asks;
  std::string created_by;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::string state;                 // active, expired, revoked, consent_withdrawn
  std::vector<LinkAccess> accesses;  // newest first
};

struct CaseLinks {
  std::int64_t case_id = 0;
  std::vector<LinkConsent> consents;  // what a new link may rest on
  std::vector<LinkRow> links;         // newest first
};

struct LinkInput {
  std::int64_t consent_id = 0;
  std::string recipient_kind;  // employer | doctor
  std::vector<std::string> asks;
  std::string recipient_name;
  std::string recipient_email;  // required when mailed
  std::string days;             // empty: kDefaultDays
  std::string delivery;         // mail | print
};

struct CreatedLink {
  std::int64_t id = 0;
  std::string url;  // shown once to staff; only the hash is kept
  std::int64_t expires_at = 0;
};

// The public page: what the recipient may see and do.
struct OpenLink {
  std::int64_t link_id = 0;
  std::string organization_name;
  std::string recipient_kind;
  std::vector<std::string> asks;
  std::int64_t expires_at = 0;
  std::vector<std::string> items;  // the consent's items
  // The person as the consent's items show them (empty when not covered).
  std::string person_name;
  std::string diagnosis;
  std::string employer;
  std::vector<std::string> submitted;  // parts already returned through this link
};

// A part's form as the recipient edits it.
struct LinkForm {
  OpenLink link;
  std::string part;
  const forms::FormDefinition* definition = nullptr;
  std::string section;  // only this section (assessment parts)
  forms::Input input;
  bool from_draft = false;
};

class LinkService {
 public:
  LinkService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
              const core::Config& config, const core::Catalog& catalog, notify::Outbox& outbox,
              live::Bus& bus, const forms::FormCatalog& forms)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        config_(config),
        catalog_(catalog),
        outbox_(outbox),
        bus_(bus),
        forms_(forms) {}

  const forms::FormCatalog& forms() const { return forms_; }

  // The case's links and the consents a new one may rest on: the running organisation's
  // staff only (NotFound for anyone else).
  core::Result<CaseLinks> List(const auth::Principal& who, std::int64_t case_id);
  // kInvalidInput with field errors; the link is mailed (outbox) or only shown once to print.
  core::Result<CreatedLink> Create(const auth::Principal& who, const audit::Actor& actor,
                                   std::int64_t case_id, const LinkInput& input);
  core::Status Revoke(const auth::Principal& who, const audit::Actor& actor, std::int64_t case_id,
                      std::int64_t link_id);

  // The link's page; every call is kept in employer_link_access. NotFound "employer_links.gone"
  // for an unknown token and for a link that has ended (the same page).
  core::Result<OpenLink> Open(const std::string& token, const audit::Actor& actor);
  // A part's form: the draft, else the case's latest answers of the part, else a prefill from
  // the consent's items only. NotFound for a part the link does not ask.
  core::Result<LinkForm> Form(const std::string& token, const audit::Actor& actor,
                              const std::string& part);
  // Saves a draft (submit false) or returns the part to the case (a new revision of the case
  // form edited through the link, a timeline entry published live, audited). kInvalidInput
  // "forms.error.invalid" with field errors on submit (the draft is still kept).
  core::Result<int> Save(const std::string& token, const audit::Actor& actor,
                         const std::string& part, const forms::Input& values, bool submit);
  // A signed file back: a case document (encrypted like the others), a timeline entry.
  core::Result<std::int64_t> Upload(const std::string& token, const audit::Actor& actor,
                                    const std::string& filename, const std::string& bytes,
                                    const std::string& title);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const core::Config& config_;
  const core::Catalog& catalog_;
  notify::Outbox& outbox_;
  live::Bus& bus_;
  const forms::FormCatalog& forms_;
};

}  // namespace tsunagu::employment::links

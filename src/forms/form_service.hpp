// The MHLW 両立支援 forms and the 共通アセスメント票 of a support case: saved as numbered
// revisions (the earlier ones stay readable), checked against their definitions, encrypted at
// rest and audited. The organisation running the case writes them; a partner whose consent
// covers the case's records reads and prints them; anyone else finds nothing (NotFound).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "clients/client_service.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "forms/form_catalog.hpp"
#include "forms/form_data.hpp"
#include "storage/database.hpp"

namespace tsunagu::forms {

// One revision of one form, as the viewer may see it.
struct FormRecord {
  std::int64_t case_id = 0;
  std::string form_type;
  std::string form_version;  // of this revision (the definition it was written against)
  int revision = 0;          // 0: nothing saved yet
  int latest_revision = 0;
  boost::json::object data;
  std::string edited_by;  // display name
  std::int64_t edited_at = 0;
  bool can_edit = false;  // the viewer's organisation runs the case
};

// A line of the case's form list or of a form's history.
struct RevisionInfo {
  int revision = 0;
  std::string form_version;
  std::string edited_by;
  std::string organization_name;
  std::int64_t edited_at = 0;
};

struct FormSummary {
  std::string form_type;
  bool saved = false;
  RevisionInfo latest;  // when saved
};

struct CaseForms {
  bool can_edit = false;
  std::vector<FormSummary> forms;  // kFormTypes order
};

class FormService {
 public:
  FormService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
              const FormCatalog& catalog, clients::ClientService& clients)
      : db_(db), clock_(clock), cipher_(cipher), catalog_(catalog), clients_(clients) {}

  const FormCatalog& catalog() const { return catalog_; }

  // The case's four forms with their latest revision. NotFound when the case is not visible.
  core::Result<CaseForms> List(const auth::Principal& who, std::int64_t case_id);

  // Checks `values` against the newest definition of the form and stores them as the next
  // revision; returns its number. `expected_revision` is the revision the person edited (0 for
  // a first save): kConflict "forms.error.stale" when someone saved in between. kInvalidInput
  // "forms.error.invalid" with field errors (nothing stored); kForbidden for a partner;
  // NotFound for an unknown form type or a case the principal may not see.
  core::Result<int> Save(const auth::Principal& who, const audit::Actor& actor,
                         std::int64_t case_id, const std::string& form_type, const Input& values,
                         int expected_revision);

  // A revision (0: the latest), decrypted; audited, and for a partner recorded as a provision.
  // Before the first save: revision 0 with no data. NotFound for an unknown revision.
  core::Result<FormRecord> Get(const auth::Principal& who, const audit::Actor& actor,
                               std::int64_t case_id, const std::string& form_type,
                               int revision = 0);

  // Every revision, newest first (who, when, form version): no personal data, not audited.
  core::Result<std::vector<RevisionInfo>> History(const auth::Principal& who, std::int64_t case_id,
                                                  const std::string& form_type);

  // Starting values for a new form from the case's client: only what the viewer's consent
  // shows (ClientService::Get, audited), by the `prefill` of each field.
  core::Result<Input> Prefill(const auth::Principal& who, const audit::Actor& actor,
                              std::int64_t case_id, const std::string& form_type);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const FormCatalog& catalog_;
  clients::ClientService& clients_;
};

}  // namespace tsunagu::forms

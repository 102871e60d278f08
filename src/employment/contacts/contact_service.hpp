// Contacts outside consultation days (seed 000 「来訪・電話相談含め」) and employer consultations
// (seed 002 企業・事業者の方からのご相談): staff of an organisation log a consultation held by
// visit, phone, online or e-mail, on a support case or for an anonymous caller, with the
// consultation record's topic codes and the minutes spent. The summary is encrypted and every
// read of it is audited. A date before today is entered late (audited as such); a future date
// is refused. An employer consultation names the employer and carries no employee identity
// unless the employee consented.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::employment::contacts {

// Who asked: 本人・家族・事業主（企業）・その他. Labels "contacts.requester.<code>".
inline constexpr std::array<std::string_view, 4> kRequesterKinds = {"self", "family", "employer",
                                                                    "other"};
// How: 来訪・電話・オンライン・メール. Labels "contacts.channel.<code>".
inline constexpr std::array<std::string_view, 4> kChannels = {"visit", "phone", "online", "email"};

struct ContactInput {
  std::int64_t program_id = 0;      // 0: no programme
  std::int64_t case_id = 0;         // 0: anonymous (or an employer consultation without consent)
  std::string requester_kind;       // kRequesterKinds
  std::string channel;              // kChannels
  std::string contacted_on;         // YYYY-MM-DD, today or before
  int minutes = 0;                  // 1..600
  std::vector<std::string> topics;  // consultations::kRecordTopics
  std::string summary;              // encrypted
  // Employer consultations only: an employer row of the organisation, else a free name.
  std::int64_t employer_id = 0;
  std::string employer_name;
  bool employee_consented = false;  // the employee agreed that the case is linked
};

struct Contact {
  std::int64_t id = 0;
  std::int64_t program_id = 0;
  std::string program_name;
  std::int64_t case_id = 0;
  std::string requester_kind;
  std::string channel;
  core::Date contacted_on;
  int minutes = 0;
  std::vector<std::string> topics;
  std::string summary;  // only from Get (audited)
  std::int64_t employer_id = 0;
  std::string employer_name;  // the employer row's name or the decrypted free name
  bool employee_consented = false;
  bool entered_late = false;
  std::string recorded_by_name;
  std::int64_t recorded_at = 0;
};

struct ContactFilter {
  core::Date month;     // any day of the month shown
  std::string channel;  // "" for all
};

struct Choice {
  std::int64_t id = 0;
  std::string name;
};

class ContactService {
 public:
  ContactService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Logs a contact (Policy::CanCounsel on the principal's organisation). kInvalidInput with
  // field errors; kNotFound for a case of another organisation.
  core::Result<std::int64_t> Create(const auth::Principal& who, const audit::Actor& actor,
                                    const ContactInput& input);
  // The month's contacts of the organisation, newest first, without their summaries.
  core::Result<std::vector<Contact>> List(const auth::Principal& who, const ContactFilter& filter);
  // One contact with its summary; the read is audited ("contact.read").
  core::Result<Contact> Get(const auth::Principal& who, const audit::Actor& actor, std::int64_t id);
  // The organisation's programmes and active employers, for the form.
  core::Result<std::vector<Choice>> Programs(const auth::Principal& who);
  core::Result<std::vector<Choice>> Employers(const auth::Principal& who);
  // kNotFound unless the case is the principal's organisation's.
  core::Status CheckCase(const auth::Principal& who, std::int64_t case_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::employment::contacts

// The anonymous questionnaire after a consultation (seed 001 キ): an invitation link by
// e-mail, or paper answers entered by staff. Answers keep only the programme and fiscal year,
// so nothing in any page or export leads back to a person.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

class SurveyService {
 public:
  SurveyService(storage::Database& db, const core::Clock& clock,
                const crypto::FieldCipher& cipher, notify::Outbox& outbox,
                const core::Catalog& catalog, const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        public_url_(public_url) {}

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const std::string& public_url_;  // the configuration's, which outlives this
};

}  // namespace tsunagu::consultations

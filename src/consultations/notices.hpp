// Notices before a consultation day (seed 001 イ): two days before, every rostered staff
// member gets the booking status with NO personal information (times, counts, topics,
// "needs consideration" flags); one day before, booked people get a reminder. Each notice goes
// out once per day and kind (day_notice's primary key), even with several servers.
#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

class DayNotices {
 public:
  DayNotices(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
             notify::Outbox& outbox, const core::Catalog& catalog, const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        public_url_(public_url) {}

  // Enqueues what is due on `today` (JST); returns how many messages were queued. Run by the
  // scheduled jobs (app/scheduled_jobs.hpp).
  core::Result<int> SendDue(core::Date today);

 private:
  core::Result<int> SendStaffStatus(std::int64_t day_id);
  core::Result<int> SendReminders(std::int64_t day_id);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const std::string& public_url_;  // the configuration's, which outlives this
};

}  // namespace tsunagu::consultations

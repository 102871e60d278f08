// The programme's yearly report (seed 000): the per-day table, totals against targets with
// progress rates, topics and follow-up distributions, and the questionnaire's results, all
// computed from raw records.
#pragma once

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

class ReportService {
 public:
  ReportService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace tsunagu::consultations

// Data the consultation tests share: who acts, and the rule of seed 001's consultation days.
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/consultation_service.hpp"
#include "consultations/schedule_rule.hpp"
#include "harness.hpp"

namespace tsunagu::testing {

// A signed-in member of `org` with `role`, as the services see the caller.
auth::Principal As(std::int64_t user, std::int64_t org, auth::Role role);

// Seed 001: twice a month, 第2木曜 and 第4火曜, 18:00–21:00; a holiday moves the day to the
// next business day.
consultations::ScheduleRule Seed001ScheduleRule();

// Generates the rule's days for the fiscal year of the test clock's today and for the next
// one, so that a fixture finds days after today on any date (the last week of March too).
// Fails the test when either generation fails.
void GenerateDaysAhead(TestServer& t, const auth::Principal& who, const audit::Actor& actor,
                       std::int64_t program, const consultations::ScheduleRule& rule,
                       const consultations::DaySettings& settings = {});

// The staff member acknowledges the programme's confidentiality pledge for the fiscal year of
// `day` (rostered staff must before the day's board opens). Fails the test when refused.
void AcknowledgePledge(TestServer& t, const auth::Principal& who, std::int64_t program,
                       std::int64_t day);

// A consultation held and recorded on `day` (with its slot `slot_id`) by `host`, a
// coordinator or admin of the programme's organisation: booked for a caller, checked in on
// the day (the clock is set there and back), and its record saved with `summary`. Returns the
// record's id; fails the test when a step is refused.
std::int64_t RecordConsultation(TestServer& t, const auth::Principal& host, std::int64_t program,
                                const consultations::ConsultationDay& day, std::int64_t slot_id,
                                const std::string& summary);

// Seed 000's paper 受付表 of 平成29年度 (24 days, 25 consultations, 3 就労決定) as the CSV a
// coordinator brings: tests/fixtures/seed000_uketsukehyo.csv, bytes as stored (UTF-8 with BOM).
std::string Seed000Csv();

}  // namespace tsunagu::testing

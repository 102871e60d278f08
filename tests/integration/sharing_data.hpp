// A hospital, an employment-support agency and an unrelated organisation with one shared
// person: what the case-sharing tests start from (seed 003). Built through the services, so
// each test exercises its own routes on top of a known state.
#pragma once

#include <cstdint>
#include <string>

#include "auth/policy.hpp"
#include "harness.hpp"

namespace tsunagu::testing {

// Canary strings: none of them may appear in an e-mail, a log line or another organisation's
// page unless a consent covers it.
inline constexpr const char* kSharedName = "共有カナリア花子QZ";
inline constexpr const char* kSharedKana = "きょうゆう はなこ";
inline constexpr const char* kSharedDiagnosis = "診断カナリア乳がんQZ";
inline constexpr const char* kSharedNote = "紹介メモカナリアQZ";
inline constexpr const char* kEntryCanary = "経過カナリア面談QZ";

struct SharingWorld {
  std::int64_t hospital = 0;  // がん相談支援センター: registers the person and refers
  std::int64_t agency = 0;    // 就労支援機関: receives the referral and runs the case
  std::int64_t stranger = 0;  // another hospital with no consent
  std::string nurse_email, agency_email, agency_coordinator_email, stranger_email,
      hospital_viewer_email;
  auth::Principal nurse, agency_worker, agency_coordinator, stranger_admin, hospital_viewer;
  std::int64_t client = 0;
  std::int64_t consent = 0;
  std::int64_t referral = 0;
  std::int64_t case_id = 0;  // 0 unless accepted
};

// The organisations and people; with `share`, the client, a consent naming the agency for
// every item, a referral and (with `accept`) the agency's case.
SharingWorld BuildSharingWorld(TestServer& t, bool share = true, bool accept = true);

// The consent a share link to the person's employer rests on: the hospital records, naming the
// agency, for workplace coordination with カナリア商事 (and `employer_email` when given),
// covering records and documents. Returns its id.
std::int64_t RecordWorkplaceConsent(TestServer& t, const SharingWorld& w,
                                    const std::string& employer_email = "");

// The next e-mail to `to` that contains `needle` (earlier ones to `to` are passed over);
// empty after the sink's timeout.
std::string WaitForMail(const std::string& to, const std::string& needle);

}  // namespace tsunagu::testing

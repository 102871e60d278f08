// The anonymous questionnaire after a consultation (seed 001 キ): an invitation link by
// e-mail, or paper answers entered by staff. Answers keep only the programme and fiscal year,
// so nothing in any page or export leads back to a person.
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
#include "core/i18n.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// How long an invitation link can be used.
inline constexpr std::int64_t kSurveyLinkSeconds = std::int64_t{30} * 24 * 3600;
inline constexpr std::size_t kSurveyCommentMax = 1000;
// Consultations older than this are not invited any more (a server that was down catches up).
inline constexpr int kSurveyInviteWindowDays = 30;

// Answer codes; labels "survey.<question>.<code>" (satisfaction: "survey.satisfaction.<1-5>").
inline constexpr std::array<std::string_view, 4> kHelpfulness = {"very", "somewhat", "not_much",
                                                                 "not"};
inline constexpr std::array<std::string_view, 3> kOutlook = {"clear", "somewhat", "not_yet"};
inline constexpr std::array<std::string_view, 3> kUseAgain = {"yes", "maybe", "no"};
// heard_from uses the intake's kHeardFrom (model.hpp), labels "intake.heard_from.<code>".

struct SurveyAnswers {
  int satisfaction = 0;     // 1 (不満) .. 5 (とても満足); required
  std::string helpfulness;  // kHelpfulness or empty
  std::string outlook;      // kOutlook or empty
  std::string use_again;    // kUseAgain or empty
  std::string heard_from;   // kHeardFrom or empty
  std::string comment;      // free text, encrypted at rest
};

// What the answer page may show: the programme's name, nothing about the person.
struct SurveyInvitationView {
  std::int64_t program_id = 0;
  std::string program_name;
  int fiscal_year = 0;
};

struct AnswerCount {
  std::string code;  // "" counts the sheets that left the question unanswered
  std::int64_t count = 0;
};

struct SurveySummary {
  std::int64_t responses = 0;
  std::int64_t by_email = 0;
  std::int64_t by_paper = 0;
  std::vector<AnswerCount> satisfaction;  // "5" .. "1", then "" (unanswered)
  std::vector<AnswerCount> helpfulness;   // kHelpfulness order, then ""
  std::vector<AnswerCount> outlook;
  std::vector<AnswerCount> use_again;
  std::vector<AnswerCount> heard_from;
  // Mean of the answered satisfaction levels to one decimal ("4.3"), "—" without answers.
  std::string satisfaction_average;
  // Free comments, decrypted (reading them is audited); empty unless asked for. Staff report
  // page only: never in CSV or xlsx, since free text may identify someone.
  std::vector<std::string> comments;
};

// The mean of `sum` over `count` with one decimal, rounded half up, by integer arithmetic.
std::string AverageOneDecimal(std::int64_t sum, std::int64_t count);

class SurveyService {
 public:
  SurveyService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
                notify::Outbox& outbox, const core::Catalog& catalog, const std::string& public_url)
      : db_(db),
        clock_(clock),
        cipher_(cipher),
        outbox_(outbox),
        catalog_(catalog),
        public_url_(public_url) {}

  // Invites everyone who attended a day before `today`, has an e-mail address and has not
  // been invited yet: one transaction per booking (invitation, e-mail, survey_sent_at), so
  // each person hears once even with several servers. Returns how many e-mails were queued.
  // Run by the notices worker.
  core::Result<int> SendInvitations(core::Date today);

  // The invitation behind a link while it is unused and not expired; kNotFound otherwise.
  core::Result<SurveyInvitationView> FindInvitation(const std::string& token);
  // Records one answer sheet and uses up the link in the same transaction: a second submit
  // (double click, second tab) gets kNotFound and records nothing. kInvalidInput with field
  // errors. The actor's address is not written to the audit log (anonymity).
  core::Status Answer(const std::string& token, const SurveyAnswers& answers,
                      const audit::Actor& actor);
  // A paper sheet typed in by the 事務局 (channel 'paper').
  core::Status EnterPaper(const auth::Principal& who, const audit::Actor& actor,
                          std::int64_t program_id, int fiscal_year, const SurveyAnswers& answers);

  // Counts per answer for the programme's year. With with_comments the free comments are
  // decrypted (audited "survey.comments.read"); exports call it without.
  core::Result<SurveySummary> Summary(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t program_id, int fiscal_year, bool with_comments);

  static std::vector<core::FieldError> Validate(const SurveyAnswers& answers);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  notify::Outbox& outbox_;
  const core::Catalog& catalog_;
  const std::string& public_url_;  // the configuration's, which outlives this
};

}  // namespace tsunagu::consultations

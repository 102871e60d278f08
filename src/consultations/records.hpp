// 相談記録 (seed 001 オ): one record per attended consultation, written by a counselor of the
// host organisation or by partner staff on the day's roster, and collected by the host;
// prep-meeting and debrief notes per day (エ, カ). Free text is encrypted at rest and every read of
// it writes an audit event.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "consultations/model.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "crypto/field_cipher.hpp"
#include "storage/database.hpp"

namespace tsunagu::consultations {

// Topics discussed (相談内容), a code table: seed 001's seven intake topics map onto it
// (RecordTopicsFromIntake). Labels "record.topic.<code>".
inline constexpr std::array<std::string_view, 12> kRecordTopics = {
    "leave_return",   // 休職・復職の不安
    "keep_working",   // 就労継続・働き方
    "job_search",     // 再就職・転職
    "telling_work",   // 職場への伝え方・配慮
    "money",          // 医療費・生活費・社会保障制度（傷病手当金 等）
    "treatment",      // がんの治療
    "symptoms",       // 症状・副作用・後遺症
    "anxiety",        // 不安・精神的苦痛
    "medical_staff",  // 医療者との関係
    "family",         // 家族・周囲との関係
    "peer",           // 患者会・家族会（ピア情報）
    "other"};

// Where the person was introduced (紹介した支援機関). Labels "record.referred.<code>".
inline constexpr std::array<std::string_view, 8> kReferredTo = {
    "hello_work",        // ハローワーク（長期療養者就職支援）
    "support_center",    // 産業保健総合支援センター（両立支援促進員）
    "labor_consultant",  // 社会保険労務士
    "lawyer",            // 弁護士
    "cancer_center",     // がん相談支援センター
    "patient_group",     // 患者会・ピアサポート
    "municipality",      // 市区町村の窓口
    "other"};

// Outcome of the session (seed 000: 気持ちの整理で終結, 就労支援継続, 就労決定).
// Labels "record.outcome.<code>". "job_decided" counts as a placement in the yearly report.
inline constexpr std::array<std::string_view, 8> kOutcomes = {
    "info_provided",      // 情報提供で終了
    "settled_feelings",   // 気持ちの整理で終結
    "support_continues",  // 就労支援継続
    "job_decided",        // 就労決定
    "kept_job",           // 就労継続・復職が決まった
    "ongoing",            // 継続中 (the consultation goes on)
    "undecided",          // 未定 (not known yet)
    "other"};

// Follow-up: なし / 継続 / 両立支援促進員へ引継ぎ / 専門家（社労士・弁護士）へ紹介.
inline constexpr std::array<std::string_view, 4> kFollowUps = {"none", "continue",
                                                               "support_promoter", "expert"};

struct RecordInput {
  std::vector<std::string> professions;  // codes of orgs::kProfessions present
  std::vector<std::string> topics;       // kRecordTopics
  std::vector<std::string> referred_to;  // kReferredTo
  std::string outcome;                   // kOutcomes
  std::string follow_up;                 // kFollowUps
  int minutes = 0;                       // 1..600
  std::string summary;                   // 相談内容の要約 (encrypted)
  std::string info_given;                // 提供した情報 (encrypted)
  // The person wishes the hand-off to the 両立支援促進員 (事業場との調整; handoff.hpp).
  bool handoff_wished = false;
};

struct ConsultationRecord {
  std::int64_t id = 0;
  std::int64_t booking_id = 0;
  std::int64_t day_id = 0;
  RecordInput input;
  std::int64_t author_id = 0;
  // The last writer's display name (staff, shown on the printed record).
  std::string author_name;
  int version = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// An attended consultation of a day that has no record yet.
struct MissingRecord {
  std::int64_t booking_id = 0;
  std::string reference;
  int start_minutes = 0;
  int end_minutes = 0;
};

// One consultation as the record pages show it: when, the reference and the intake, never the
// person's name or contacts (the record is about what was discussed).
struct RecordBooking {
  std::int64_t booking_id = 0;
  std::int64_t day_id = 0;
  core::Date date;  // the day's date
  std::string reference;
  std::string status;     // booked, cancelled, attended, no_show, waiting, offered
  int start_minutes = 0;  // the slot's times (the day's start and end while without a slot)
  int end_minutes = 0;
  int slot_minutes = 0;  // the day's slot length: a new record's default minutes
  Intake intake;
  bool needs_consideration = false;
  // Professions of the counselors assigned to the consultation (booking_staff), in
  // orgs::kProfessions order without repeats: a new record's "professions present".
  std::vector<std::string> counselor_professions;
  bool has_record = false;
};

// The day's attended consultations with whether each has its record (回収状況).
struct DayRecordStatus {
  ConsultationDay day;                  // without slots
  std::vector<RecordBooking> attended;  // by slot time
  int missing = 0;                      // attended without a record
};

struct DayNotes {
  std::string prep;     // 相談開始前打ち合わせ
  std::string debrief;  // 相談終了後のミーティング
};

// Seed 001's intake topics (kTopics) mapped onto record topics, to pre-fill a new record.
std::vector<std::string> RecordTopicsFromIntake(const std::vector<std::string>& intake_topics);

class RecordService {
 public:
  RecordService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher)
      : db_(db), clock_(clock), cipher_(cipher) {}

  // Creates or replaces the record of an attended booking of the programme (a counselor,
  // coordinator or admin of the host organisation; Policy::CanCounsel). kInvalidInput with field
  // errors; kNotFound for a booking of another organisation; kConflict "record.error.not_attended"
  // before check-in.
  core::Result<std::int64_t> Save(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t program_id, std::int64_t booking_id,
                                  const RecordInput& input);
  // The record with its free text decrypted (audited), or nullopt when none is written yet.
  core::Result<std::optional<ConsultationRecord>> Get(const auth::Principal& who,
                                                      const audit::Actor& actor,
                                                      std::int64_t program_id,
                                                      std::int64_t booking_id);
  // Attended consultations of the day without a record (kNotFound for a day of another
  // programme or organisation).
  core::Result<std::vector<MissingRecord>> Missing(const auth::Principal& who,
                                                   std::int64_t program_id, std::int64_t day_id);

  core::Result<DayNotes> GetDayNotes(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t program_id, std::int64_t day_id);
  core::Status SaveDayNotes(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t program_id, std::int64_t day_id, const DayNotes& notes);

  // One booking of the day of the programme (any status); kNotFound when it is not there or
  // belongs to another organisation. Reads no encrypted field, so it writes no audit event.
  core::Result<RecordBooking> Booking(const auth::Principal& who, std::int64_t program_id,
                                      std::int64_t day_id, std::int64_t booking_id);
  // The day with its attended consultations and their record status.
  core::Result<DayRecordStatus> DayStatus(const auth::Principal& who, std::int64_t program_id,
                                          std::int64_t day_id);

  static std::vector<core::FieldError> Validate(const RecordInput& input);
  static std::vector<core::FieldError> ValidateNotes(const DayNotes& notes);

  // Limits in code points (the form's maxlength says the same).
  static constexpr std::size_t kMaxText = 4000;
  static constexpr int kMaxMinutes = 600;

 private:
  // The organisation hosting the programme when `who` may counsel on the day (`day_id`, or
  // the day of `booking_id` when day_id is 0) by auth::RecordAccess::Day: the host's staff, or
  // partner staff on the day's roster. NotFound otherwise (another organisation's programme
  // answers like a missing one). Records belong to the host whoever writes them.
  core::Result<std::int64_t> CounselOrg(const auth::Principal& who, std::int64_t program_id,
                                        std::int64_t day_id, std::int64_t booking_id = 0);

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
};

}  // namespace tsunagu::consultations

// 支援ケース（伴走支援）: the receiving organisation's long-term support of a person, with its
// timeline (経過記録: interviews, employer contacts, accompanied visits, comments, status
// changes), tasks with due dates, and the outcome the referring organisation sees. Partners
// named by an active consent that covers "records" read the timeline and comment; only the
// organisation running the case changes it. Every change is published live ("case:<id>").
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "auth/policy.hpp"
#include "auth/record_access.hpp"
#include "auth/running_case.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/wareki.hpp"
#include "crypto/field_cipher.hpp"
#include "sharing/update_notice.hpp"
#include "storage/database.hpp"

namespace tsunagu::live {
class Bus;
}

namespace tsunagu::cases {

// 受付 → アセスメント → 支援計画 → 職場調整 / 就職活動 → 定着支援 → 終結. "case.status.<code>".
inline constexpr std::array<std::string_view, 7> kStatuses = {
    "intake",     "assessment", "planning", "workplace_coordination",
    "job_search", "retention",  "closed"};
// Employer coordination and outside agencies. "case.coordination.<code>".
inline constexpr std::array<std::string_view, 4> kCoordination = {"not_started", "in_progress",
                                                                  "done", "not_needed"};
// What staff write on the timeline. "case.entry.<code>". status_change and document entries
// are written by the system.
inline constexpr std::array<std::string_view, 6> kEntryKinds = {
    "interview", "employer_contact", "accompanied_visit", "agency_contact", "note", "comment"};
// 就労継続 / 復職 / 新規就労（就労決定）/ 離職 / 気持ちの整理で終結 / その他.
// "case.outcome.<code>".
inline constexpr std::array<std::string_view, 6> kOutcomes = {
    "kept_job", "returned", "new_job", "left_job", "settled_feelings", "other"};

struct Staff {
  std::int64_t user_id = 0;
  std::string name;
  std::string profession;
};

struct TimelineEntry {
  std::int64_t id = 0;
  std::string kind;
  core::Date occurred_on;
  std::string body;  // for status_change: "status|from|to" or "employer_status|from|to" …
  std::string author_name;
  std::string author_profession;
  std::string organization_name;
  int version = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  bool editable = false;  // written by the viewer's organisation, and not a system entry
  bool withheld = false;  // a document entry whose title the viewer's consent does not cover
  std::vector<std::string> mentions;  // names
};

struct EntryRevision {
  int version = 0;
  std::string kind;
  core::Date occurred_on;
  std::string body;
  std::string edited_by;
  std::int64_t edited_at = 0;
};

struct Task {
  std::int64_t id = 0;
  std::string title;
  core::Date due_on;
  std::int64_t owner_user_id = 0;
  std::string owner_name;
  std::string status;  // open, done
  std::int64_t done_at = 0;
};

struct CaseSummary {
  std::int64_t id = 0;
  std::string client_name;  // empty when not visible
  std::string organization_name;
  std::string owner_name;
  std::string status;
  std::string outcome;
  std::int64_t updated_at = 0;
  bool own = false;
  int open_tasks = 0;
};

// What decides the entries a viewer is shown: two reads with equal stamps show the same
// entries (for the same `shown`), apart from names of people and organisations changed since,
// which the mark does not follow. The mark and the count are kept on the case's row by
// triggers (0040_timeline_counts): every entry added, edited or removed moves the mark.
struct TimelineStamp {
  std::int64_t case_id = 0;
  std::int64_t mark = 0;
  std::int64_t total = 0;
  std::int64_t viewer_org = 0;  // its own entries are editable
  bool sees_documents = false;  // else documents' titles are withheld
};

// Asked with the case's stamp before its entries are read: true when the caller already holds
// the entries of that stamp (rendered for an earlier view), so they are not read again.
using TimelineKept = std::function<bool(const TimelineStamp&)>;

struct SupportCase {
  std::int64_t id = 0;
  auth::CaseView view;
  std::string organization_name;
  std::string client_name;  // empty when the viewer's consent does not cover basic data
  std::string client_kana;
  std::int64_t referral_id = 0;
  std::string referring_org_name;
  std::int64_t owner_user_id = 0;
  std::string owner_name;
  std::vector<Staff> staff;
  std::string status;
  std::string employer_status;
  std::string agency_status;
  std::string goals;
  std::string outcome;
  core::Date outcome_on;
  int version = 0;
  std::int64_t opened_at = 0;
  std::int64_t updated_at = 0;
  std::vector<TimelineEntry> timeline;  // newest first (the newest `shown`, see Get)
  std::int64_t timeline_total = 0;      // all the case's entries
  TimelineStamp stamp;                  // of the entries read, or of those the caller kept
  bool timeline_kept = false;           // the caller's TimelineKept said yes: none were read
  std::vector<Task> tasks;              // the running organisation only
  // LiveMark's value, read in the same transaction before the timeline (a change made after
  // it makes the page's stream catch up), and the staff who may be mentioned or given tasks
  // (Candidates): the case page needs one transaction instead of three.
  std::int64_t live_mark = 0;
  std::vector<Staff> candidates;
};

// The newest entries of a timeline, and how many there are in all.
struct TimelinePage {
  std::vector<TimelineEntry> entries;  // newest first
  std::int64_t total = 0;
  std::int64_t mark = 0;  // LiveMark's value, read with the count before the entries
  TimelineStamp stamp;
  bool kept = false;  // the caller's TimelineKept said yes: no entries were read
};

struct EntryInput {
  std::string kind;         // kEntryKinds (partners: comment only)
  std::string occurred_on;  // ISO
  std::string body;
  std::vector<std::int64_t> mentions;  // users told by e-mail (no content in the mail)
};

struct StatusInput {
  std::string status;
  std::string employer_status;
  std::string agency_status;
  std::string goals;
};

struct TaskInput {
  std::string title;
  std::string due_on;
  std::int64_t owner_user_id = 0;
};

// The organisation's open case of the person, or 0.
long long OpenCaseOf(soci::session& s, long long organization_id, long long client_id);

class CaseService {
 public:
  CaseService(storage::Database& db, const core::Clock& clock, const crypto::FieldCipher& cipher,
              const sharing::Notifier& notifier, live::Bus& bus)
      : db_(db), clock_(clock), cipher_(cipher), notifier_(notifier), bus_(bus) {}

  // Opens a case for a client of the principal's organisation (its own, not by referral).
  core::Result<std::int64_t> Open(const auth::Principal& who, const audit::Actor& actor,
                                  std::int64_t client_id);
  // The case as the viewer may see it, returned once its read event is committed (a partner's
  // view records its provision too). NotFound when it may not. `shown`: how many
  // of the newest timeline entries to read (0: all of them).
  // `kept` (optional) is asked once the case is read and its access decided.
  core::Result<SupportCase> Get(const auth::Principal& who, const audit::Actor& actor,
                                std::int64_t id, std::size_t shown = 0,
                                const TimelineKept& kept = {});
  // The live stream's check, without reading any of the case's data: NotFound unless the
  // principal may see the case now; else a mark that grows with every change of its timeline
  // (an entry added or edited), so that a page can tell whether it missed one.
  core::Result<std::int64_t> LiveMark(const auth::Principal& who, std::int64_t case_id);
  // Only the timeline (the live fragment): its newest `shown` entries (0: all), newest first;
  // audited like Get.
  core::Result<TimelinePage> Timeline(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t id, std::size_t shown = 0,
                                      const TimelineKept& kept = {});
  // The organisation's cases and those shared with it, newest change first.
  core::Result<std::vector<CaseSummary>> List(const auth::Principal& who, const audit::Actor& actor,
                                              bool open_only);
  // The client's cases the principal may see.
  core::Result<std::vector<CaseSummary>> ForClient(const auth::Principal& who,
                                                   std::int64_t client_id);

  core::Result<std::int64_t> AddEntry(const auth::Principal& who, const audit::Actor& actor,
                                      std::int64_t case_id, const EntryInput& input);
  // Edits keep the previous text (timeline_revision). Only the writing organisation edits.
  core::Status EditEntry(const auth::Principal& who, const audit::Actor& actor,
                         std::int64_t case_id, std::int64_t entry_id, int version,
                         const EntryInput& input);
  core::Result<std::vector<EntryRevision>> History(const auth::Principal& who,
                                                   const audit::Actor& actor, std::int64_t case_id,
                                                   std::int64_t entry_id);

  // Status, coordination and goals; each change is a timeline entry.
  core::Status SetStatus(const auth::Principal& who, const audit::Actor& actor,
                         std::int64_t case_id, int version, const StatusInput& input);
  // Ends the case with its outcome (kOutcomes) and date; the referral, if any, is completed.
  core::Status Close(const auth::Principal& who, const audit::Actor& actor, std::int64_t case_id,
                     int version, const std::string& outcome, const std::string& outcome_on);
  core::Status AssignStaff(const auth::Principal& who, const audit::Actor& actor,
                           std::int64_t case_id, const std::vector<std::int64_t>& user_ids);

  core::Result<std::int64_t> AddTask(const auth::Principal& who, const audit::Actor& actor,
                                     std::int64_t case_id, const TaskInput& input);
  core::Status CompleteTask(const auth::Principal& who, const audit::Actor& actor,
                            std::int64_t case_id, std::int64_t task_id);
  // Members of the running organisation who may be assigned, own tasks or be mentioned.
  core::Result<std::vector<Staff>> Candidates(const auth::Principal& who, std::int64_t case_id);

  // E-mails each owner of an open task due on or before `today` once a day (no content).
  core::Result<int> RemindDueTasks(core::Date today);

  static constexpr std::size_t kMaxBody = 4000;
  static constexpr std::size_t kMaxTitle = 200;

 private:
  // The case as the principal may see it; NotFound otherwise. With `edit`, Forbidden unless
  // the principal's organisation runs it.
  auth::CaseView Access(soci::session& s, const auth::Principal& who, std::int64_t case_id,
                        bool edit, core::Date today) const;
  // The active staff of `org` who may work on cases, by name (Candidates).
  static std::vector<Staff> CaseWorkers(soci::session& s, long long org);
  // The case's entries; a viewer whose consent does not cover documents gets document entries
  // without their titles (`withheld`).
  TimelinePage ReadTimeline(soci::session& s, const auth::Principal& who,
                            const auth::CaseView& view, std::size_t shown) const;
  // Audits a read of the case (`action`) once it is done: see Get.
  core::Status Audited(const auth::Principal& who, const audit::Actor& actor, std::int64_t id,
                       const char* action, bool runs_case, std::int64_t now, core::Date today);
  // The summaries of the cases `ids` the principal may see, in that order (others are left
  // out: RecordAccess::Case decides, so no caller check is needed).
  std::vector<CaseSummary> Summaries(soci::session& s, const auth::Principal& who,
                                     const std::vector<long long>& ids, core::Date today) const;
  void Publish(std::int64_t case_id, const std::string& event, std::int64_t id) const;
  void PublishReferral(std::int64_t referral_id, const std::string& status) const;

  storage::Database& db_;
  const core::Clock& clock_;
  const crypto::FieldCipher& cipher_;
  const sharing::Notifier& notifier_;
  live::Bus& bus_;
  auth::CaseFactsCache facts_;  // what never changes about the cases this process has opened
};

}  // namespace tsunagu::cases

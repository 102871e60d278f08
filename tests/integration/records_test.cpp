// 相談記録 (seed 001 オ) on both engines: one record per attended consultation, versions,
// organisation walls, free text encrypted at rest and audited on every read, parallel first
// saves, the day's missing records, and the pages through HTTP.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "consultation_data.hpp"
#include "harness.hpp"

namespace tsunagu::testing {
namespace {

using consultations::BookingRequest;
using consultations::DaySettings;
using consultations::HolidayPolicy;
using consultations::RecordInput;
using consultations::ScheduleRule;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kClientName = "カナリア相談者ZQ";
constexpr const char* kSummaryCanary = "要約カナリアQX7-復職は来春";
constexpr const char* kInfoCanary = "情報カナリアQX8";

BookingRequest Request(std::int64_t slot_id, const std::string& name) {
  BookingRequest r;
  r.slot_id = slot_id;
  r.channel = "web";
  r.intake.gender = "female";
  r.intake.age_band = "40s";
  r.intake.municipality = "さいたま市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "during";
  r.intake.work_status = "on_leave";
  r.intake.topics = {"work", "finances"};
  r.contact.name = name;
  r.contact.furigana = "かなりあ はなこ";
  r.contact.phone = "090-1234-5678";
  r.consent = true;
  return r;
}

RecordInput Input(const std::string& summary) {
  RecordInput in;
  in.professions = {"nurse", "career_consultant"};
  in.topics = {"keep_working", "money"};
  in.referred_to = {"hello_work"};
  in.outcome = "support_continues";
  in.follow_up = "continue";
  in.minutes = 40;
  in.summary = summary;
  in.info_given = kInfoCanary;
  return in;
}

struct World {
  std::int64_t org = 0;
  std::int64_t other_org = 0;
  std::int64_t counselor_id = 0;
  auth::Principal coordinator;
  auth::Principal counselor;
  auth::Principal viewer;
  auth::Principal foreigner;  // admin of another organisation
  std::int64_t program = 0;
  std::int64_t day_id = 0;
  core::Date day_date;
  int slot_minutes = 0;
  std::vector<std::int64_t> bookings;  // booked in the day's first slots
  std::vector<std::string> references;
  audit::Actor actor;
};

// The day board's check-in: on the day itself, so the clock moves to the day's evening first.
void MarkAttended(TestServer& t, const World& w, std::int64_t booking_id) {
  const std::int64_t evening = std::int64_t{core::DaysBetween({1970, 1, 1}, w.day_date)} * 86400 +
                               (18 * 60 + 30) * 60 - 9 * 3600;
  if (t.clock().NowSeconds() < evening) t.clock().Set(evening);
  auto done = t.sv().board.CheckIn(w.coordinator, w.actor, w.program, booking_id);
  ASSERT_TRUE(done.ok()) << done.error().message_key;
}

// The counselor goes on the day's roster and sits in the consultation (day board).
void AssignCounselor(TestServer& t, const World& w, std::int64_t booking_id) {
  ASSERT_TRUE(
      t.sv().board.SetRoster(w.coordinator, w.actor, w.program, w.day_id, {w.counselor_id}));
  auto done = t.sv().board.Assign(w.coordinator, w.actor, w.program, booking_id, std::nullopt,
                                  {w.counselor_id});
  ASSERT_TRUE(done.ok()) << done.error().message_key;
}

World MakeWorld(TestServer& t, int bookings = 2) {
  World w;
  w.org = t.CreateOrg("つなぐ県 疾病対策課", "municipality");
  w.other_org = t.CreateOrg("別の病院");
  auto coord = t.CreateUser({"jimu@example.jp", "事務局", "coordinator", "clerical", w.org});
  w.counselor_id =
      t.CreateUser({"counselor@example.jp", "相談員 看護", "counselor", "nurse", w.org});
  auto viewer = t.CreateUser({"viewer@example.jp", "閲覧者", "viewer", "clerical", w.org});
  auto foreign = t.CreateUser({"other@example.jp", "他の管理者", "admin", "nurse", w.other_org});
  w.coordinator = As(coord, w.org, auth::Role::kCoordinator);
  w.counselor = As(w.counselor_id, w.org, auth::Role::kCounselor);
  w.viewer = As(viewer, w.org, auth::Role::kViewer);
  w.foreigner = As(foreign, w.other_org, auth::Role::kAdmin);
  w.actor = {w.counselor_id, w.org, "127.0.0.1", "test"};
  auto program = t.sv().consultations.CreateProgram(w.coordinator, {coord, w.org, "t", "t"},
                                                    "ワンストップ相談", "");
  EXPECT_TRUE(program.ok());
  w.program = *program;
  auto rule = Seed001ScheduleRule();
  DaySettings settings;
  settings.booths = 8;
  settings.venue = "県庁 相談室";
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  for (int fy : {core::FiscalYear(today), core::FiscalYear(today) + 1}) {
    auto generated = t.sv().consultations.GenerateDays(w.coordinator, {coord, w.org, "t", "t"},
                                                       w.program, rule, fy, settings);
    EXPECT_TRUE(generated.ok());
  }
  auto open = t.sv().consultations.OpenDays(w.program, today, 1);
  EXPECT_TRUE(open.ok() && !open->empty());
  if (!open.ok() || open->empty()) return w;
  const auto& day = open->front();
  w.day_id = day.id;
  w.day_date = day.date;
  w.slot_minutes = day.slot_minutes;
  for (int i = 0; i < bookings; ++i) {
    auto receipt =
        t.sv().consultations.Book(Request(day.slots[i % day.slots.size()].id, kClientName),
                                  {0, w.org, "127.0.0.1", "t"}, nullptr);
    EXPECT_TRUE(receipt.ok());
    if (!receipt.ok()) continue;
    w.bookings.push_back(receipt->booking_id);
    w.references.push_back(receipt->reference);
  }
  return w;
}

int CountRecords(TestServer& t) {
  return *t.app().db().Read<int>([](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM consultation_record", soci::into(n);
    return n;
  });
}

int CountAudit(TestServer& t, const std::string& action) {
  return *t.app().db().Read<int>([&](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM audit_event WHERE action = :a", soci::use(action), soci::into(n);
    return n;
  });
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::string DayPath(const World& w) {
  return "/programs/" + std::to_string(w.program) + "/days/" + std::to_string(w.day_id);
}

std::string RecordPath(const World& w, std::int64_t booking) {
  return DayPath(w) + "/bookings/" + std::to_string(booking) + "/record";
}

std::vector<std::pair<std::string, std::string>> FormFields(const std::string& summary) {
  return {{"professions", "nurse"},      {"professions", "msw"},
          {"topics", "keep_working"},    {"topics", "anxiety"},
          {"referred_to", "hello_work"}, {"outcome", "settled_feelings"},
          {"follow_up", "expert"},       {"minutes", "50"},
          {"summary", summary},          {"info_given", kInfoCanary}};
}

// ---------------------------------------------------------------- service level

TEST(RecordsTest, SaveCreatesThenUpdatesOneRecordWithVersions) {
  TestServer t;
  auto w = MakeWorld(t);
  ASSERT_EQ(w.bookings.size(), 2u);
  MarkAttended(t, w, w.bookings[0]);
  auto& records = t.sv().records;

  auto none = records.Get(w.counselor, w.actor, w.program, w.bookings[0]);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  auto id = records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input("一回目"));
  ASSERT_TRUE(id.ok()) << id.error().message_key;
  auto first = records.Get(w.counselor, w.actor, w.program, w.bookings[0]);
  ASSERT_TRUE(first.ok() && first->has_value());
  const auto& r1 = **first;
  EXPECT_EQ(r1.id, *id);
  EXPECT_EQ(r1.booking_id, w.bookings[0]);
  EXPECT_EQ(r1.day_id, w.day_id);
  EXPECT_EQ(r1.version, 1);
  EXPECT_EQ(r1.input.summary, "一回目");
  EXPECT_EQ(r1.input.info_given, kInfoCanary);
  EXPECT_EQ(r1.input.professions, (std::vector<std::string>{"nurse", "career_consultant"}));
  EXPECT_EQ(r1.input.topics, (std::vector<std::string>{"keep_working", "money"}));
  EXPECT_EQ(r1.input.referred_to, (std::vector<std::string>{"hello_work"}));
  EXPECT_EQ(r1.input.outcome, "support_continues");
  EXPECT_EQ(r1.input.follow_up, "continue");
  EXPECT_EQ(r1.input.minutes, 40);
  EXPECT_EQ(r1.author_id, w.counselor_id);
  EXPECT_EQ(r1.author_name, "相談員 看護");

  t.clock().Advance(600);
  RecordInput changed = Input("二回目\r\n改行あり");
  changed.topics = {"money", "keep_working", "money"};  // order and repeats do not matter
  changed.follow_up = "support_promoter";
  changed.referred_to.clear();
  auto again = records.Save(w.coordinator, w.actor, w.program, w.bookings[0], changed);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *id) << "one record per booking";
  auto second = records.Get(w.counselor, w.actor, w.program, w.bookings[0]);
  const auto& r2 = **second;
  EXPECT_EQ(r2.version, 2);
  EXPECT_EQ(r2.input.summary, "二回目\n改行あり");
  EXPECT_EQ(r2.input.topics, (std::vector<std::string>{"keep_working", "money"}));
  EXPECT_TRUE(r2.input.referred_to.empty());
  EXPECT_EQ(r2.input.follow_up, "support_promoter");
  EXPECT_EQ(r2.created_at, r1.created_at);
  EXPECT_EQ(r2.updated_at, r1.updated_at + 600);
  EXPECT_EQ(CountRecords(t), 1);
  EXPECT_EQ(CountAudit(t, "record.create"), 1);
  EXPECT_EQ(CountAudit(t, "record.update"), 1);
  EXPECT_EQ(CountAudit(t, "record.read"), 2) << "every decrypting read is audited";
  // The audit detail carries ids only, never the free text.
  auto details = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT detail FROM audit_event WHERE action LIKE 'record.%'");
    for (const auto& r : rows) all += r.get<std::string>(0) + "|";
    return all;
  });
  EXPECT_THAT(*details, HasSubstr("\"version\":2"));
  EXPECT_THAT(*details, Not(HasSubstr("回目")));
  EXPECT_THAT(*details, Not(HasSubstr(kInfoCanary)));
}

TEST(RecordsTest, BeforeCheckInIsAConflictAndInvalidInputSavesNothing) {
  TestServer t;
  auto w = MakeWorld(t);
  auto& records = t.sv().records;
  auto early = records.Save(w.counselor, w.actor, w.program, w.bookings[1], Input("x"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(early.error().message_key, "record.error.not_attended");

  MarkAttended(t, w, w.bookings[1]);
  RecordInput bad = Input("x");
  bad.topics.clear();
  bad.minutes = 0;
  auto refused = records.Save(w.counselor, w.actor, w.program, w.bookings[1], bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, core::ErrorCode::kInvalidInput);
  std::vector<std::string> fields;
  for (const auto& f : refused.error().fields) fields.push_back(f.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("topics", "minutes"));
  EXPECT_EQ(CountRecords(t), 0);
  EXPECT_EQ(CountAudit(t, "record.create"), 0);
}

TEST(RecordsTest, AnotherOrganisationAndViewersSeeNothing) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  auto& records = t.sv().records;
  ASSERT_TRUE(records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input("秘密")).ok());
  for (const auto* who : {&w.foreigner, &w.viewer}) {
    auto get = records.Get(*who, w.actor, w.program, w.bookings[0]);
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().code, core::ErrorCode::kNotFound);
    auto save = records.Save(*who, w.actor, w.program, w.bookings[0], Input("上書き"));
    ASSERT_FALSE(save.ok());
    EXPECT_EQ(save.error().code, core::ErrorCode::kNotFound);
    EXPECT_EQ(records.Missing(*who, w.program, w.day_id).error().code, core::ErrorCode::kNotFound);
    EXPECT_EQ(records.GetDayNotes(*who, w.actor, w.program, w.day_id).error().code,
              core::ErrorCode::kNotFound);
    EXPECT_EQ(records.SaveDayNotes(*who, w.actor, w.program, w.day_id, {"a", "b"}).error().code,
              core::ErrorCode::kNotFound);
  }
  // A booking of another programme (or none) answers the same.
  auto missing = records.Save(w.counselor, w.actor, w.program, 999999, Input("x"));
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(records.Get(w.counselor, w.actor, w.program, w.bookings[0])->value().version, 1);
}

TEST(RecordsTest, ParallelFirstSavesMakeExactlyOneRecord) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  constexpr int kThreads = 8;
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto r = t.sv().records.Save(w.counselor, w.actor, w.program, w.bookings[0],
                                   Input("並行" + std::to_string(i)));
      if (r.ok()) {
        ++ok;
      } else {
        ++failed;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(CountRecords(t), 1);
  auto got = t.sv().records.Get(w.counselor, w.actor, w.program, w.bookings[0]);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->version, kThreads);
  EXPECT_THAT((*got)->input.summary, HasSubstr("並行"));
  EXPECT_EQ(CountAudit(t, "record.create"), 1);
  EXPECT_EQ(CountAudit(t, "record.update"), kThreads - 1);
}

TEST(RecordsTest, FreeTextIsEncryptedAtRestAndBoundToItsRow) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  MarkAttended(t, w, w.bookings[1]);
  auto& records = t.sv().records;
  ASSERT_TRUE(
      records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input(kSummaryCanary)).ok());
  ASSERT_TRUE(records.Save(w.counselor, w.actor, w.program, w.bookings[1], Input("別")).ok());
  ASSERT_TRUE(records
                  .SaveDayNotes(w.counselor, w.actor, w.program, w.day_id,
                                {"打合せカナリアQX9", "振返りカナリアQX10"})
                  .ok());
  auto raw = t.app().db().Read<std::string>([](soci::session& s) {
    std::string all;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT summary_enc, info_given_enc, topics FROM consultation_record");
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < 3; ++i) all += r.get<std::string>(i) + "|";
    }
    soci::rowset<soci::row> days = (s.prepare << "SELECT prep_notes_enc, debrief_notes_enc FROM "
                                                 "consultation_day WHERE prep_notes_enc <> ''");
    for (const auto& r : days) all += r.get<std::string>(0) + "|" + r.get<std::string>(1) + "|";
    return all;
  });
  ASSERT_TRUE(raw.ok());
  EXPECT_THAT(*raw, Not(HasSubstr("カナリア")));
  EXPECT_THAT(*raw, Not(HasSubstr("復職は来春")));  // (ASCII canaries could occur in base64)
  EXPECT_THAT(*raw, HasSubstr("keep_working,money")) << "codes stay readable for statistics";
  EXPECT_THAT(*raw, HasSubstr("v1."));

  // A ciphertext copied onto another record does not decrypt there.
  ASSERT_TRUE(t.app().db().WriteVoid([&](soci::session& s) {
    long long from = w.bookings[0];
    long long to = w.bookings[1];
    std::string enc;
    s << "SELECT summary_enc FROM consultation_record WHERE booking_id = :b", soci::use(from),
        soci::into(enc);
    s << "UPDATE consultation_record SET summary_enc = :e WHERE booking_id = :b", soci::use(enc),
        soci::use(to);
  }));
  auto moved = records.Get(w.counselor, w.actor, w.program, w.bookings[1]);
  EXPECT_FALSE(moved.ok());

  auto notes = records.GetDayNotes(w.counselor, w.actor, w.program, w.day_id);
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(notes->prep, "打合せカナリアQX9");
  EXPECT_EQ(notes->debrief, "振返りカナリアQX10");
  EXPECT_EQ(CountAudit(t, "day_notes.read"), 1);
  EXPECT_EQ(CountAudit(t, "day_notes.update"), 1);
}

TEST(RecordsTest, MissingListsAttendedConsultationsWithoutARecord) {
  TestServer t;
  auto w = MakeWorld(t, 3);
  ASSERT_EQ(w.bookings.size(), 3u);
  auto& records = t.sv().records;
  auto empty = records.Missing(w.counselor, w.program, w.day_id);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty()) << "booked but not arrived: nothing to write yet";
  MarkAttended(t, w, w.bookings[0]);
  MarkAttended(t, w, w.bookings[1]);
  ASSERT_TRUE(records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input("済")).ok());
  auto missing = records.Missing(w.counselor, w.program, w.day_id);
  ASSERT_TRUE(missing.ok());
  ASSERT_EQ(missing->size(), 1u);
  EXPECT_EQ(missing->front().booking_id, w.bookings[1]);
  EXPECT_EQ(missing->front().reference, w.references[1]);
  EXPECT_GT(missing->front().end_minutes, missing->front().start_minutes);
  EXPECT_EQ(records.Missing(w.counselor, w.program, 999999).error().code,
            core::ErrorCode::kNotFound);
}

// ---------------------------------------------------------------- pages

TEST(RecordsTest, CounselorWritesARecordThroughThePages) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  MarkAttended(t, w, w.bookings[1]);
  AssignCounselor(t, w, w.bookings[0]);
  auto c = t.LoginAs("counselor@example.jp");

  auto day = c.Get(DayPath(w) + "/records");
  ASSERT_EQ(day.status, 200) << day.body;
  EXPECT_THAT(day.body, HasSubstr("2件の記録が未提出です"));
  EXPECT_THAT(day.body, HasSubstr(w.references[0]));
  EXPECT_THAT(day.body, HasSubstr("未記録"));
  EXPECT_THAT(day.body, Not(HasSubstr(kClientName)));

  const std::string page = RecordPath(w, w.bookings[0]);
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr(w.references[0]));
  EXPECT_THAT(form.body, HasSubstr("令和"));
  EXPECT_THAT(form.body, HasSubstr("休職中"));  // the intake, for context
  EXPECT_THAT(form.body, Not(HasSubstr(kClientName))) << "the form is about content, not who";
  EXPECT_THAT(form.body, Not(HasSubstr("かなりあ")));
  // Pre-filled: the assigned counselor's profession, topics from the intake, the slot length.
  EXPECT_THAT(form.body, HasSubstr("name=\"professions\" value=\"nurse\" checked"));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"professions\" value=\"msw\" checked")));
  // 仕事に関すること names no one record topic: nothing the person did not choose is ticked.
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"topics\" value=\"keep_working\" checked")));
  EXPECT_THAT(form.body, HasSubstr("name=\"topics\" value=\"money\" checked"));
  EXPECT_THAT(form.body, HasSubstr("継続中"));
  EXPECT_THAT(form.body, HasSubstr("未定"));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"topics\" value=\"anxiety\" checked")));
  EXPECT_THAT(form.body, HasSubstr("value=\"" + std::to_string(w.slot_minutes) + "\""));
  EXPECT_THAT(form.body, HasSubstr("専門家（社労士・弁護士）へ紹介"));
  EXPECT_THAT(form.body, HasSubstr("<legend>"));

  auto saved = c.Submit(page, FormFields(kSummaryCanary));
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_EQ(saved.Header("location"),
            DayPath(w) + "/records?saved=" + std::to_string(w.bookings[0]));
  auto after = c.Get(saved.Header("location"));
  EXPECT_THAT(after.body, HasSubstr("相談記録を保存しました"));
  EXPECT_THAT(after.body, HasSubstr("1件の記録が未提出です"));
  EXPECT_THAT(after.body, HasSubstr("記録済"));
  EXPECT_THAT(after.body, HasSubstr(page + "/view"));
  EXPECT_THAT(after.body, Not(HasSubstr(kSummaryCanary)));

  const int reads_before = CountAudit(t, "record.read");
  auto view = c.Get(page + "/view");
  ASSERT_EQ(view.status, 200);
  EXPECT_THAT(view.body, HasSubstr("要約カナリアQX7-復職は来春"));
  EXPECT_THAT(view.body, HasSubstr("不安・精神的苦痛"));
  EXPECT_THAT(view.body, HasSubstr("気持ちの整理で終結"));
  EXPECT_THAT(view.body, HasSubstr("医療ソーシャルワーカー"));
  EXPECT_THAT(view.body, HasSubstr("50分"));
  EXPECT_THAT(view.body, HasSubstr("第1版"));
  EXPECT_THAT(view.body, Not(HasSubstr(kClientName)));
  EXPECT_EQ(CountAudit(t, "record.read"), reads_before + 1) << "reading the view is audited";

  // Editing shows what was saved; saving again makes version 2.
  auto edit = c.Get(page);
  EXPECT_THAT(edit.body, HasSubstr("相談記録を編集する"));
  EXPECT_THAT(edit.body, HasSubstr("name=\"professions\" value=\"msw\" checked"));
  EXPECT_THAT(edit.body, HasSubstr("name=\"follow_up\" value=\"expert\" checked"));
  EXPECT_THAT(edit.body, HasSubstr(kSummaryCanary));
  std::string longest;
  for (int i = 0; i < 4000; ++i) longest += "あ";  // the longest text allowed
  ASSERT_EQ(c.Submit(page, FormFields(longest)).status, 303);
  EXPECT_THAT(c.Get(page + "/view").body, HasSubstr("第2版"));
  EXPECT_EQ(CountRecords(t), 1);

  // A booking not checked in cannot be recorded.
  ASSERT_TRUE(t.app().db().WriteVoid([&](soci::session& s) {
    long long id = w.bookings[1];
    s << "UPDATE booking SET status = 'booked' WHERE id = :id", soci::use(id);
  }));
  auto early = c.Get(RecordPath(w, w.bookings[1]));
  EXPECT_EQ(early.status, 409);
  EXPECT_THAT(early.body, HasSubstr("来所済みの相談だけ記録できます"));
  EXPECT_EQ(
      c.Submit(RecordPath(w, w.bookings[0]), FormFields("x"), RecordPath(w, w.bookings[1])).status,
      409);
  EXPECT_EQ(c.Get(RecordPath(w, w.bookings[1]) + "/view").status, 404);
}

TEST(RecordsTest, FieldErrorsKeepTheInputAndSaveNothing) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  auto c = t.LoginAs("counselor@example.jp");
  const std::string page = RecordPath(w, w.bookings[0]);
  auto refused = c.Submit(page, {{"professions", "msw"},
                                 {"referred_to", "lawyer"},
                                 {"outcome", "job_decided"},
                                 {"minutes", "abc"},
                                 {"summary", "残しておく要約"},
                                 {"info_given", "残しておく情報"}});
  EXPECT_EQ(refused.status, 422) << refused.body.substr(0, 300);
  EXPECT_THAT(refused.body, HasSubstr("error-summary"));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#topics\""));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#follow_up\""));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#minutes\""));
  EXPECT_THAT(refused.body, HasSubstr("id=\"topics-error\""));
  EXPECT_THAT(refused.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(refused.body, HasSubstr("相談内容を1つ以上選んでください"));
  EXPECT_THAT(refused.body, HasSubstr("残しておく要約"));
  EXPECT_THAT(refused.body, HasSubstr("残しておく情報"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"abc\""));
  EXPECT_THAT(refused.body, HasSubstr("name=\"professions\" value=\"msw\" checked"));
  EXPECT_THAT(refused.body, HasSubstr("name=\"referred_to\" value=\"lawyer\" checked"));
  EXPECT_THAT(refused.body, HasSubstr("name=\"outcome\" value=\"job_decided\" checked"));
  EXPECT_EQ(CountRecords(t), 0);
}

TEST(RecordsTest, AnotherOrganisationGetsTheSamePageAsAMissingBooking) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  ASSERT_TRUE(
      t.sv().records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input("秘")).ok());
  auto c = t.LoginAs("other@example.jp");
  const std::string real = RecordPath(w, w.bookings[0]);
  const std::string missing = DayPath(w) + "/bookings/999999/record";
  // The pages differ only in the path (the language switch links back to it).
  auto same_page = [&](const std::string& a, const std::string& b) {
    auto ra = c.Get(a);
    auto rb = c.Get(b);
    EXPECT_EQ(ra.status, 404) << a;
    EXPECT_EQ(rb.status, 404) << b;
    EXPECT_EQ(Replace(ra.body, a, "PATH"), Replace(rb.body, b, "PATH"));
    EXPECT_THAT(ra.body, Not(HasSubstr(w.references[0])));
  };
  same_page(real, missing);
  same_page(real + "/view", missing + "/view");
  EXPECT_EQ(c.Get(DayPath(w) + "/records").status, 404);
  EXPECT_EQ(c.Get(DayPath(w) + "/notes").status, 404);
  auto post = c.Submit(missing, FormFields("上書き"), real);
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(t.sv().records.Get(w.counselor, w.actor, w.program, w.bookings[0])->value().version, 1);
  EXPECT_EQ(CountAudit(t, "record.read"), 1) << "only the check above read the record";
}

TEST(RecordsTest, ViewersAreRefused) {
  TestServer t;
  auto w = MakeWorld(t);
  MarkAttended(t, w, w.bookings[0]);
  ASSERT_TRUE(
      t.sv()
          .records.Save(w.counselor, w.actor, w.program, w.bookings[0], Input(kSummaryCanary))
          .ok());
  auto c = t.LoginAs("viewer@example.jp");
  for (const std::string& path :
       {RecordPath(w, w.bookings[0]), RecordPath(w, w.bookings[0]) + "/view",
        DayPath(w) + "/records", DayPath(w) + "/notes"}) {
    auto r = c.Get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kSummaryCanary)));
    EXPECT_THAT(r.body, Not(HasSubstr(w.references[0])));
  }
}

TEST(RecordsTest, DayNotesAreSavedAndReadBack) {
  TestServer t;
  auto w = MakeWorld(t);
  auto c = t.LoginAs("counselor@example.jp");
  const std::string page = DayPath(w) + "/notes";
  auto form = c.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("相談開始前打ち合わせ"));
  auto saved = c.Submit(page, {{"prep", "当日キャンセル1件"}, {"debrief", "受付の動線を改善"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  auto shown = c.Get(saved.Header("location"));
  EXPECT_THAT(shown.body, HasSubstr("メモを保存しました"));
  EXPECT_THAT(shown.body, HasSubstr("当日キャンセル1件</textarea>"));
  EXPECT_THAT(shown.body, HasSubstr("受付の動線を改善</textarea>"));
  auto too_long = c.Submit(page, {{"prep", std::string(4001, 'a')}, {"debrief", "残す"}});
  EXPECT_EQ(too_long.status, 422);
  EXPECT_THAT(too_long.body, HasSubstr("4000文字以内で入力してください"));
  EXPECT_THAT(too_long.body, HasSubstr("残す</textarea>"));
  auto notes = t.sv().records.GetDayNotes(w.counselor, w.actor, w.program, w.day_id);
  EXPECT_EQ(notes->debrief, "受付の動線を改善") << "the refused save changed nothing";
  EXPECT_GE(CountAudit(t, "day_notes.read"), 2);
}

TEST(RecordsTest, RecordTextNeverReachesTheServerLog) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    auto w = MakeWorld(t);
    MarkAttended(t, w, w.bookings[0]);
    auto c = t.LoginAs("counselor@example.jp");
    const std::string page = RecordPath(w, w.bookings[0]);
    c.Submit(page, FormFields(kSummaryCanary));
    c.Get(page + "/view");
    c.Get(page);
    // A refused form and a too-long text go through the error paths too.
    auto fields = FormFields(kSummaryCanary);
    fields.push_back({"minutes", "x"});
    c.Submit(page, fields);
    c.Submit(page, FormFields(std::string(kSummaryCanary) + std::string(4001, 'z')));
    c.Submit(DayPath(w) + "/notes", {{"prep", kSummaryCanary}, {"debrief", kInfoCanary}});
    c.Get(DayPath(w) + "/notes");
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("access"));
  EXPECT_THAT(log, Not(HasSubstr("カナリア")));
  EXPECT_THAT(log, Not(HasSubstr("復職は来春")));
}

}  // namespace
}  // namespace tsunagu::testing

#include "app/demo.hpp"

#include "app/demo_calendar.hpp"
#include "app/demo_contacts.hpp"
#include "app/demo_daychange.hpp"
#include "app/demo_directory.hpp"
#include "app/demo_employer_links.hpp"
#include "app/demo_employers.hpp"
#include "app/demo_events.hpp"
#include "app/demo_events_gaps.hpp"
#include "app/demo_events_lifecycle.hpp"
#include "app/demo_late.hpp"
#include "app/demo_long_case.hpp"
#include "app/demo_partners.hpp"
#include "app/demo_phoneday.hpp"
#include "app/demo_placements.hpp"
#include "app/demo_requests.hpp"
#include "app/demo_requests_cases.hpp"
#include "app/demo_rights.hpp"
#include "app/demo_salons.hpp"
#include "app/demo_schedule.hpp"
#include "app/demo_support.hpp"
#include "app/demo_trainings.hpp"
#include "orgs/org_store.hpp"

namespace tsunagu::app {
namespace {

struct DemoOrg {
  const char* kind;
  const char* name;
};

struct DemoUser {
  const char* email;
  const char* name;
  const char* password;
  int org;  // index into kOrgs, -1: none
  const char* role;
  const char* profession;
  bool system_admin;
};

// Fictional organisations shaped after the seeds, one of each kind: a prefecture office running
// one-stop consultation days, a hospital's cancer consultation centre, an employment-support
// NPO, an occupational health support centre, a patient salon and an employer.
constexpr DemoOrg kOrgs[] = {
    {"municipality", "つなぐ県 保健医療部 疾病対策課"},
    {"hospital", "みどり市立病院 がん相談支援センター"},
    {"employment_support", "NPO法人 はたらくサポートみどり"},
    {"occupational_health", "つなぐ産業保健総合支援センター"},
    {"patient_group", "がん患者サロン みどりの会"},
    {"employer", "株式会社みどり製作所"},
};

constexpr DemoUser kUsers[] = {
    {"sysadmin@demo.tsunagu.jp", "システム 管理者", "demo-Kanri-Hikari-2026", -1, "", "", true},
    {"kango@demo.tsunagu.jp", "山田 花子", "demo-Sakura-Nagare-2026", 1, "admin", "nurse", false},
    {"msw@demo.tsunagu.jp", "佐藤 太郎", "demo-Kawa-Kumo-Yama-2026", 1, "counselor", "msw", false},
    {"jimu@demo.tsunagu.jp", "鈴木 一郎", "demo-Aozora-Tsuki-2026", 0, "admin", "clerical", false},
    {"career@demo.tsunagu.jp", "高橋 美咲", "demo-Hoshi-Umi-Kaze-2026", 2, "admin",
     "career_consultant", false},
    {"sokushin@demo.tsunagu.jp", "田中 健", "demo-Mori-Hana-Tori-2026", 3, "counselor",
     "support_promoter", false},
    // The prefecture's one-stop staff (seed 001: nurses and 社会保険労務士 on the roster).
    {"soudan-kango@demo.tsunagu.jp", "伊藤 さくら", "demo-Niji-Sora-Mizu-2026", 0, "counselor",
     "nurse", false},
    {"sharoushi@demo.tsunagu.jp", "渡辺 誠", "demo-Yuki-Tsuki-Kaze-2026", 0, "counselor",
     "labor_consultant", false},
};

constexpr const char* kDemoProgram = "働くがん患者のためのワンストップ相談";

// Fictional people booked on the first open day, so the 事務局's board has something to show:
// phone only (no e-mail goes out), every name plainly a demo name.
struct DemoBooking {
  const char* name;
  const char* furigana;
  const char* phone;
  const char* channel;
  consultations::Intake intake;
};

const std::vector<DemoBooking>& DemoBookings() {
  static const std::vector<DemoBooking> bookings = {
      {"デモ 相談者A",
       "でも そうだんしゃえー",
       "090-0000-0001",
       "phone",
       {false,
        "",
        "female",
        "40s",
        "みどり市",
        "hospital",
        "during",
        "on_leave",
        {"work", "finances"}}},
      {"デモ 相談者B",
       "でも そうだんしゃびー",
       "090-0000-0002",
       "phone",
       {false, "", "male", "50s", "つなぐ市", "prefecture", "follow_up", "employed", {"work"}}},
      {"デモ 家族C",
       "でも かぞくしー",
       "090-0000-0003",
       "phone",
       {true,
        "配偶者",
        "female",
        "30s",
        "みどり市",
        "website",
        "before",
        "job_seeking",
        {"work", "peer_experience"}}},
  };
  return bookings;
}

// The first open day's roster (the 事務局 and the prefecture's counselors) and a few bookings,
// one of them on the waiting list.
core::Status AddDemoBookings(Services& sv, const auth::Principal& who, const audit::Actor& actor,
                             std::int64_t program_id) {
  auto days =
      sv.consultations.OpenDays(program_id, core::DateFromUnixSeconds(sv.clock.NowSeconds()), 1);
  if (!days) return days.error();
  if (days->empty() || days->front().slots.empty()) return core::OkStatus();
  const auto& day = days->front();
  auto staff = sv.board.Staff(who);
  if (!staff) return staff.error();
  std::vector<std::int64_t> roster;
  for (const auto& member : *staff) roster.push_back(member.user_id);
  if (auto st = sv.board.SetRoster(who, actor, program_id, day.id, roster); !st) return st;
  std::size_t n = 0;
  for (const auto& b : DemoBookings()) {
    consultations::BookingRequest r;
    r.channel = b.channel;
    r.intake = b.intake;
    r.contact.name = b.name;
    r.contact.furigana = b.furigana;
    r.contact.phone = b.phone;
    r.consent = true;
    const bool waiting = ++n == DemoBookings().size();
    if (waiting) {
      auto added = sv.board.AddToWaitingList(who, actor, program_id, day.id, r);
      if (!added) return added.error();
      continue;
    }
    r.slot_id = day.slots[n - 1 < day.slots.size() ? n - 1 : 0].id;
    auto booked = sv.board.BookForCaller(who, actor, program_id, r, nullptr);
    if (!booked) return booked.error();
  }
  return core::OkStatus();
}

// The prefecture office's one-stop consultation days (seed 001: 第2木曜・第4火曜 18:00–21:00,
// two booths) for this fiscal year and the next, so the public booking pages have days to show.
// Created once and published (its booking page is what the demo shows the public): a later run
// finds the programme by name and leaves it as it is.
core::Status AddDemoProgram(Services& sv, std::int64_t org_id, std::int64_t coordinator_id) {
  auto existing = DemoProgramId(sv, org_id, kDemoProgram);
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();
  const auth::Principal who = DemoMember(coordinator_id, org_id, auth::Role::kCoordinator);
  const audit::Actor actor{coordinator_id, org_id, "cli", "demo"};
  auto program = sv.consultations.CreateProgram(
      who, actor, kDemoProgram,
      "がん治療と仕事の両立について、専門職にまとめて相談できる相談会です。");
  if (!program) return program.error();
  if (auto st = sv.consultations.SetPublished(who, actor, *program, true); !st) return st;
  consultations::ScheduleRule rule;
  rule.occurrences = {{2, 4}, {4, 2}};
  rule.start_minutes = 18 * 60;
  rule.end_minutes = 21 * 60;
  rule.on_holiday = consultations::HolidayPolicy::kNextBusinessDay;
  consultations::DaySettings settings;
  settings.booths = 2;
  settings.venue = "つなぐ県庁 本館2階 相談室";
  const int fy = core::FiscalYear(core::DateFromUnixSeconds(sv.clock.NowSeconds()));
  for (int year : {fy, fy + 1}) {
    auto days = sv.consultations.GenerateDays(who, actor, *program, rule, year, settings);
    if (!days) return days.error();
  }
  return AddDemoBookings(sv, who, actor, *program);
}

// Seed 003: the hospital's MSW registers a person, records her written consents to share with
// the employment-support NPO (and, for coordination with her employer, documents), and refers
// her; the NPO accepts and has written the first entries of her case. Created once: a later run
// finds the referral and leaves it alone.
core::Status AddDemoSharing(Services& sv, std::int64_t hospital, std::int64_t msw,
                            std::int64_t agency, std::int64_t career) {
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long from = hospital;
    long long to = agency;
    s << "SELECT COUNT(*) FROM referral WHERE from_org_id = :f AND to_org_id = :t", soci::into(n),
        soci::use(from), soci::use(to);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();
  const auto nurse = DemoMember(msw, hospital, auth::Role::kCounselor);
  const auto worker = DemoMember(career, agency, auth::Role::kAdmin);
  const audit::Actor actor{msw, hospital, "cli", "demo"};
  const audit::Actor agency_actor{career, agency, "cli", "demo"};
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());

  clients::ClientInput person;
  person.name = "デモ 相談者D";
  person.kana = "でも そうだんしゃでぃー";
  person.phone = "090-0000-0004";
  person.birth_year = 1976;
  person.age_band = "40s";
  person.gender = "female";
  person.municipality = "みどり市";
  person.diagnosis = "乳がん（デモ）";
  person.treatment_status = "during";
  person.work_status = "on_leave";
  person.employer = "株式会社みどり製作所";
  auto client = sv.clients.Create(nurse, actor, person);
  if (!client) return client.error();

  sharing::ConsentInput consent;
  consent.organizations = {agency};
  consent.items = {"basic", "medical", "work", "records", "documents"};
  consent.purpose = "employment_support";
  consent.valid_from = core::ToIso(today);
  consent.valid_until = core::ToIso(core::AddDays(today, 365));
  consent.method = "written";
  if (auto c = sv.consents.Record(nurse, actor, *client, consent); !c) return c.error();
  // Her consent to coordinate with her employer: documents may go to its personnel contact by
  // share link (a newcomer can try one from the case's documents page).
  sharing::ConsentInput workplace = consent;
  workplace.items = {"records", "documents"};
  workplace.purpose = "workplace_coordination";
  workplace.employer = "株式会社みどり製作所";
  workplace.employer_email = "jinji@midori-seisakusho.example.jp";
  if (auto c = sv.consents.Record(nurse, actor, *client, workplace); !c) return c.error();

  referrals::ReferralInput referral;
  referral.to_org_id = agency;
  referral.reason = "employment_support";
  referral.note = "抗がん剤治療中。休職中で、来春の復職を希望されています（デモ）。";
  auto sent = sv.referrals.Send(nurse, actor, *client, referral);
  if (!sent) return sent.error();
  auto case_id = sv.referrals.Accept(worker, agency_actor, *sent, 1);
  if (!case_id) return case_id.error();
  cases::EntryInput first{"interview",
                          core::ToIso(today),
                          "初回面談。復職の時期と勤務時間について希望を伺った（デモ）。",
                          {}};
  if (auto e = sv.cases.AddEntry(worker, agency_actor, *case_id, first); !e) return e.error();
  cases::TaskInput task{"勤務先の人事担当者に連絡する（デモ）",
                        core::ToIso(core::AddDays(today, 7)), career};
  if (auto t = sv.cases.AddTask(worker, agency_actor, *case_id, task); !t) return t.error();
  return core::OkStatus();
}

}  // namespace

core::Status LoadDemoData(Services& sv) {
  const audit::Actor actor{0, 0, "cli", "demo"};
  std::vector<std::int64_t> org_ids;
  for (const auto& o : kOrgs) {
    auto existing = sv.db.Read<std::optional<orgs::Organization>>(
        [&](soci::session& s) { return orgs::OrgStore::FindOrganizationByName(s, o.name); });
    if (!existing) return existing.error();
    if (*existing) {
      org_ids.push_back((*existing)->id);
      continue;
    }
    auto id = sv.orgs.CreateOrganization(actor, o.kind, o.name);
    if (!id) return id.error();
    org_ids.push_back(*id);
  }
  for (const auto& u : kUsers) {
    auto existing = sv.db.Read<std::optional<orgs::User>>(
        [&](soci::session& s) { return orgs::OrgStore::FindUserByEmail(s, u.email); });
    if (!existing) return existing.error();
    if (*existing) continue;
    auto id =
        sv.accounts.CreateUserWithPassword(actor, u.email, u.name, u.password, u.system_admin);
    if (!id) return id.error();
    if (auto st = sv.accounts.EnrollKnownSecret(*id, kDemoTotpSecret); !st) return st.error();
    if (u.org >= 0) {
      auto m = sv.orgs.AddMember(actor, org_ids[static_cast<std::size_t>(u.org)], *id, u.role,
                                 u.profession);
      if (!m) return m.error();
    }
  }
  auto jimu = sv.db.Read<std::optional<orgs::User>>(
      [&](soci::session& s) { return orgs::OrgStore::FindUserByEmail(s, "jimu@demo.tsunagu.jp"); });
  if (!jimu) return jimu.error();
  if (*jimu) {
    if (auto st = AddDemoProgram(sv, org_ids[0], (*jimu)->id); !st) return st.error();
    const auto kango = DemoUserId(sv, "kango@demo.tsunagu.jp");
    if (auto st = AddDemoSchedule(sv, org_ids[0], (*jimu)->id, org_ids[1], kango); !st) return st;
    if (auto st = AddDemoLateEntries(sv, org_ids[0], (*jimu)->id, kDemoProgram); !st) {
      return st.error();
    }
    if (auto st = AddDemoPartners(sv); !st) return st.error();
    if (auto st = AddDemoDirectory(sv, org_ids[0], (*jimu)->id, org_ids[1], kango); !st) return st;
    if (auto st = AddDemoCancelledDay(sv, org_ids[0], (*jimu)->id, kDemoProgram); !st) {
      return st.error();
    }
  }
  if (auto st = LoadDemoPhoneDay(sv, org_ids[0], org_ids[3]); !st) return st.error();
  if (auto st = AddDemoEvents(sv); !st) return st.error();
  if (auto st = AddDemoTrainings(sv); !st) return st.error();
  if (auto st = AddDemoSalons(sv); !st) return st.error();
  if (auto st = AddDemoCalendar(sv); !st) return st.error();
  if (auto st = AddDemoEventsLifecycle(sv); !st) return st.error();
  if (auto st = AddDemoEventsGaps(sv); !st) return st.error();
  if (auto st = AddDemoEmployers(sv); !st) return st.error();
  const auto msw = DemoUserId(sv, "msw@demo.tsunagu.jp");
  const auto career = DemoUserId(sv, "career@demo.tsunagu.jp");
  if (msw != 0 && career != 0) {
    if (auto st = AddDemoSharing(sv, org_ids[1], msw, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoRequests(sv, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoRequestCases(sv, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoPlacements(sv, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoEmployerLinks(sv, org_ids[1], org_ids[2], career); !st) return st;
    if (auto st = AddDemoContacts(sv, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoRights(sv, org_ids[2], career); !st) return st.error();
    if (auto st = AddDemoLongCase(sv, org_ids[2], career); !st) return st.error();
  }
  return core::OkStatus();
}

}  // namespace tsunagu::app

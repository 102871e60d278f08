#include "app/demo_requests_cases.hpp"

#include "app/demo_support.hpp"
#include "consultations/record_resources.hpp"
#include "consultations/schedule_rule.hpp"
#include "requests/request_service.hpp"
#include "storage/row.hpp"

namespace tsunagu::app {
namespace {

requests::RequestInput DemoRequest(const char* kind, const char* wish, const char* name,
                                   const char* kana, const char* email, const char* message) {
  requests::RequestInput in;
  in.requester_kind = kind;
  in.condition_kind = "cancer";
  in.wish = wish;
  in.name = name;
  in.furigana = kana;
  in.email = email;
  in.message = message;
  in.consent = true;
  return in;
}

// The first two consultation records name directory entries (hello work, employment support).
core::Status AddDemoRecordResources(Services& sv) {
  struct Row {
    long long booking = 0;
    long long program = 0;
    long long org = 0;
  };
  auto rows = sv.db.Read<std::vector<Row>>([](soci::session& s) {
    std::vector<Row> out;
    long long linked = 0;
    s << "SELECT COUNT(*) FROM record_resource", soci::into(linked);
    if (linked > 0) return out;
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT r.booking_id, d.program_id, p.organization_id FROM "
                      "consultation_record r JOIN consultation_day d ON d.id = r.day_id JOIN "
                      "program p ON p.id = d.program_id ORDER BY r.id LIMIT 2");
    for (const auto& r : found) {
      out.push_back({storage::GetInt(r, 0), storage::GetInt(r, 1), storage::GetInt(r, 2)});
    }
    return out;
  });
  if (!rows) return rows.error();
  auto services = sv.db.Read<std::vector<std::int64_t>>([](soci::session& s) {
    std::vector<std::int64_t> out;
    soci::rowset<soci::row> found =
        (s.prepare << "SELECT id FROM directory_service WHERE status = 'active' AND category IN "
                      "('hello_work', 'employment', 'labor_and_law') ORDER BY id LIMIT 2");
    for (const auto& r : found) out.push_back(storage::GetInt(r, 0));
    return out;
  });
  if (!services) return services.error();
  if (services->empty()) return core::OkStatus();
  consultations::RecordResources resources(sv.db, sv.clock);
  for (const auto& r : *rows) {
    auto staff = sv.db.Read<long long>([&](soci::session& s) {
      long long user = 0;
      long long org = r.org;
      s << "SELECT MIN(user_id) FROM membership WHERE organization_id = :o AND role IN "
           "('admin', 'coordinator')",
          soci::use(org), soci::into(user);
      return user;
    });
    if (!staff || *staff == 0) continue;
    const auto who = DemoMember(*staff, r.org, auth::Role::kCoordinator);
    const audit::Actor actor{*staff, r.org, "cli", "demo"};
    if (auto st = resources.Set(who, actor, r.program, r.booking, *services); !st) return st;
  }
  return core::OkStatus();
}

}  // namespace

core::Status AddDemoRequestCases(Services& sv, std::int64_t npo, std::int64_t admin) {
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = npo;
    s << "SELECT COUNT(*) FROM consultation_request WHERE organization_id = :o AND "
         "(meeting_status <> '' OR case_id IS NOT NULL OR topic = 'new_salon')",
        soci::use(org), soci::into(n);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing == 0) {
    auto holidays = requests::SharedHolidays(sv.config.data_dir);
    if (!holidays) return holidays.error();
    requests::RequestService service(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog, **holidays,
                                     sv.config.server.public_url);
    const auth::Principal who = DemoMember(admin, npo, auth::Role::kAdmin);
    const audit::Actor actor{admin, npo, "cli", "demo"};
    const audit::Actor web{0, npo, "127.0.0.1", "demo"};

    auto family = service.Submit(
        npo,
        DemoRequest("family", "online", "デモ 家族J", "でも かぞくじぇい", "demo-family@example.jp",
                    "夫が大腸がんの治療中で、休職からの復帰が不安です。オンラインで相談したい。"),
        web);
    if (!family) return family.error();
    auto person = service.Submit(
        npo,
        DemoRequest("self", "in_person", "デモ 相談者K", "でも そうだんしゃけい",
                    "demo-person@example.jp",
                    "治療を続けながら働き続けたい。職場との調整を一緒に考えてほしい。"),
        web);
    if (!person) return person.error();
    auto salon_in = DemoRequest(
        "supporter", "information", "デモ 看護師L", "でも かんごしえる", "demo-salon@example.jp",
        "病院の患者会として、がんサロンを新しく始めたい。世話人の選び方を相談したい。");
    salon_in.topic = "new_salon";
    auto salon = service.Submit(npo, salon_in, web);
    if (!salon) return salon.error();

    auto id_of = [&](const std::string& reference) {
      return sv.db.Read<long long>([&](soci::session& s) {
        long long rid = 0;
        s << "SELECT id FROM consultation_request WHERE reference = :r", soci::use(reference),
            soci::into(rid);
        return rid;
      });
    };
    auto family_id = id_of(family->reference);
    auto person_id = id_of(person->reference);
    if (!family_id) return family_id.error();
    if (!person_id) return person_id.error();
    const core::Date in_three_days =
        core::AddDays(core::DateFromUnixSeconds(sv.clock.NowSeconds()), 3);
    requests::MeetingInput meeting{"online", core::ToIso(in_three_days),
                                   "14:00",  "15:00",
                                   "",       "https://meet.example.jp/tsunagu-demo-rq"};
    if (auto st = service.SetMeeting(who, actor, *family_id, meeting); !st) return st;
    requests::ToCaseInput consent{
        true, "oral", "デモ 相談者K", "でも そうだんしゃけい", "", "demo-person@example.jp"};
    if (auto made = service.ToCase(who, actor, *person_id, consent); !made) return made.error();
  }
  return AddDemoRecordResources(sv);
}

}  // namespace tsunagu::app

#include "app/demo_requests.hpp"

#include "app/demo_support.hpp"
#include "requests/request_service.hpp"

namespace tsunagu::app {

core::Status AddDemoRequests(Services& sv, std::int64_t npo, std::int64_t admin) {
  auto existing = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long org = npo;
    s << "SELECT COUNT(*) FROM consultation_request WHERE organization_id = :o", soci::use(org),
        soci::into(n);
    return n;
  });
  if (!existing) return existing.error();
  if (*existing > 0) return core::OkStatus();
  auto holidays = requests::SharedHolidays(sv.config.data_dir);
  if (!holidays) return holidays.error();
  requests::RequestService service(sv.db, sv.clock, sv.cipher, sv.outbox, sv.catalog, **holidays,
                                   sv.config.server.public_url);
  const auth::Principal who = DemoMember(admin, npo, auth::Role::kAdmin);
  const audit::Actor actor{admin, npo, "cli", "demo"};
  if (auto st = service.SetIntake(who, actor, {true, 17 * 60}); !st) return st;

  const audit::Actor web{0, npo, "127.0.0.1", "demo"};
  requests::RequestInput employer;
  employer.requester_kind = "employer";
  employer.condition_kind = "intractable";
  employer.wish = "online";
  employer.name = "デモ 事業所担当者H";
  employer.furigana = "でも じぎょうしょたんとうしゃえいち";
  employer.email = "demo-employer@example.jp";
  employer.message =
      "難病のある社員の勤務時間の調整について、会社としてどのような配慮ができるか相談したい。";
  employer.consent = true;
  auto first = service.Submit(npo, employer, web);
  if (!first) return first.error();

  requests::RequestInput person;
  person.requester_kind = "self";
  person.condition_kind = "cancer";
  person.wish = "phone";
  person.name = "デモ 相談者I";
  person.furigana = "でも そうだんしゃあい";
  person.phone = "090-0000-0009";
  person.message = "乳がんの治療が終わり、来月から復職する予定です。職場への伝え方を相談したい。";
  person.consent = true;
  auto second = service.Submit(npo, person, web);
  if (!second) return second.error();
  auto id = sv.db.Read<long long>([&](soci::session& s) {
    long long rid = 0;
    s << "SELECT id FROM consultation_request WHERE reference = :r", soci::use(second->reference),
        soci::into(rid);
    return rid;
  });
  if (!id) return id.error();
  return service.MarkRepliedByPhone(who, actor, *id,
                                    "電話で折り返し。来週水曜にオンライン面談を設定。");
}

}  // namespace tsunagu::app

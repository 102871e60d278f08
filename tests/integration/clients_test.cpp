// 相談者・同意・第三者提供記録 through the pages, on both engines: registration with the
// likely-duplicate check and from a booking, search by name, reading and phone over encrypted
// names, organisation walls that open only as far as a consent reaches and close again at its
// withdrawal, the provision records with their CSV, and no name or diagnosis in the database,
// the e-mails or the log.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "consultation_data.hpp"
#include "harness.hpp"
#include "http/message.hpp"
#include "sharing_data.hpp"
#include "storage/row.hpp"

namespace tsunagu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Canaries: a rare name in kanji and its reading, a phone number, a diagnosis, an employer
// and a note. None may reach the database in clear, an e-mail or the log.
constexpr const char* kFamily = "鷲ノ宮";
constexpr const char* kGiven = "千鶴子";
constexpr const char* kName = "鷲ノ宮 千鶴子";
constexpr const char* kKana = "わしのみや ちづこ";
constexpr const char* kPhone = "090-4321-8765";
constexpr const char* kPhoneDigits = "09043218765";
constexpr const char* kDiagnosis = "診断カナリア肺腺癌QZ";
constexpr const char* kEmployer = "勤務先カナリア製作所QZ";
constexpr const char* kNotes = "メモカナリア家族に内緒QZ";

using Fields = std::vector<std::pair<std::string, std::string>>;

struct World {
  SharingWorld w;
  std::string coordinator_email = "coord@hospital.test";
  auth::Principal coordinator;  // the hospital's 事務局: provision records, bookings
};

World MakeWorld(TestServer& t) {
  World world;
  world.w = BuildSharingWorld(t, /*share=*/false);
  const auto id = t.CreateUser(
      {world.coordinator_email, "病院 事務局", "coordinator", "clerical", world.w.hospital});
  world.coordinator = As(id, world.w.hospital, auth::Role::kCoordinator);
  return world;
}

std::string ClientPath(std::int64_t id) {
  return "/clients/" + std::to_string(id);
}

std::string Link(const std::string& path) {
  return "href=\"" + path + "\"";
}

// The id at the end of a redirect such as "/clients/12?done=created".
std::int64_t IdIn(const std::string& location, const std::string& prefix) {
  if (location.rfind(prefix, 0) != 0) return 0;
  return std::stoll(location.substr(prefix.size()));
}

Fields PersonFields() {
  return {{"name", kName},
          {"kana", kKana},
          {"phone", kPhone},
          {"email", "chizuko@example.jp"},
          {"birth_year", "1971"},
          {"age_band", ""},
          {"gender", "female"},
          {"municipality", "仙台市青葉区"},
          {"diagnosis", kDiagnosis},
          {"treatment_status", "during"},
          {"work_status", "on_leave"},
          {"employer", kEmployer},
          {"notes", kNotes}};
}

clients::ClientInput Person() {
  clients::ClientInput in;
  in.name = kName;
  in.kana = kKana;
  in.phone = kPhone;
  in.birth_year = 1971;
  in.gender = "female";
  in.municipality = "仙台市青葉区";
  in.diagnosis = kDiagnosis;
  in.treatment_status = "during";
  in.work_status = "on_leave";
  in.employer = kEmployer;
  in.notes = kNotes;
  return in;
}

std::int64_t Register(TestServer& t, const World& world) {
  auto id = t.sv().clients.Create(world.w.nurse, {}, Person());
  EXPECT_TRUE(id.ok());
  return id ? *id : 0;
}

int CountClients(TestServer& t) {
  return *t.app().db().Read<int>([](soci::session& s) {
    int n = 0;
    s << "SELECT COUNT(*) FROM client", soci::into(n);
    return n;
  });
}

// Every cell of a table as text: what a stolen database file would show.
std::string DumpTable(TestServer& t, const std::string& table) {
  return *t.app().db().Read<std::string>([&](soci::session& s) {
    std::string out;
    soci::rowset<soci::row> rows = (s.prepare << "SELECT * FROM " + table);
    for (const auto& r : rows) {
      for (std::size_t i = 0; i < r.size(); ++i) out += storage::GetText(r, i) + "\t";
      out += "\n";
    }
    return out;
  });
}

HttpResult Search(Client& c, const std::string& query) {
  return c.Submit("/clients", {{"q", query}});
}

// A consent the hospital's nurse records through the page; returns its id.
std::int64_t RecordConsent(TestServer& t, Client& nurse, std::int64_t client, std::int64_t org,
                           const std::vector<std::string>& items) {
  Fields fields = {{"organizations", std::to_string(org)},
                   {"purpose", "employment_support"},
                   {"purpose_note", ""},
                   {"valid_from", Today(t)},
                   {"valid_until", InDays(t, 180)},
                   {"method", "written"}};
  for (const auto& item : items) fields.emplace_back("items", item);
  auto r = nurse.Submit(ClientPath(client) + "/consents/new", fields);
  EXPECT_EQ(r.status, 303) << r.body;
  return IdIn(r.Header("location"), "/consents/");
}

// A booking of the hospital's consultation day, as the public booking page makes it.
std::int64_t MakeBooking(TestServer& t, const World& world, const std::string& name,
                         const std::string& furigana) {
  const audit::Actor actor{world.coordinator.user_id, world.w.hospital, "127.0.0.1", "t"};
  auto program = t.sv().consultations.CreateProgram(world.coordinator, actor, "両立支援相談会", "");
  EXPECT_TRUE(program.ok());
  if (!program) return 0;
  consultations::DaySettings settings;
  settings.booths = 4;
  settings.venue = "病院 相談室";
  const core::Date today = core::DateFromUnixSeconds(t.clock().NowSeconds());
  for (int fy : {core::FiscalYear(today), core::FiscalYear(today) + 1}) {
    auto generated = t.sv().consultations.GenerateDays(world.coordinator, actor, *program,
                                                       Seed001ScheduleRule(), fy, settings);
    EXPECT_TRUE(generated.ok());
  }
  auto open = t.sv().consultations.OpenDays(*program, today, 1);
  EXPECT_TRUE(open.ok() && !open->empty());
  if (!open.ok() || open->empty()) return 0;
  consultations::BookingRequest r;
  r.slot_id = open->front().slots.front().id;
  r.intake.gender = "male";
  r.intake.age_band = "50s";
  r.intake.municipality = "名取市";
  r.intake.heard_from = "hospital";
  r.intake.treatment_status = "follow_up";
  r.intake.work_status = "employed";
  r.intake.topics = {"work"};
  r.contact.name = name;
  r.contact.furigana = furigana;
  r.contact.phone = "022-111-2222";
  r.consent = true;
  auto receipt = t.sv().consultations.Book(r, {0, world.w.hospital, "127.0.0.1", "t"}, nullptr);
  EXPECT_TRUE(receipt.ok());
  return receipt ? receipt->booking_id : 0;
}

// ---------------------------------------------------------------- registration and search

TEST(Clients, RegisteredNamesAreEncryptedAndFoundByNameReadingAndPhone) {
  TestServer t;
  auto world = MakeWorld(t);
  auto nurse = t.LoginAs(world.w.nurse_email);
  auto form = nurse.Get("/clients/new");
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("name=\"kana\""));
  auto created = nurse.Submit("/clients/new", PersonFields());
  ASSERT_EQ(created.status, 303) << created.body;
  const auto id = IdIn(created.Header("location"), "/clients/");
  ASSERT_GT(id, 0);
  auto page = nurse.Get(created.Header("location"));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("相談者を登録しました"));
  EXPECT_THAT(page.body, HasSubstr(kName));
  EXPECT_THAT(page.body, HasSubstr(kDiagnosis));
  EXPECT_THAT(page.body, HasSubstr(kNotes));
  EXPECT_THAT(page.body, HasSubstr("1971年生まれ"));
  EXPECT_THAT(page.body, HasSubstr("休職中"));
  EXPECT_EQ(page.Header("cache-control"), "no-store");

  // A database file alone shows no name, reading, phone, diagnosis, employer or note.
  for (const std::string table : {"client", "client_search", "audit_event"}) {
    const std::string dump = DumpTable(t, table);
    for (const char* canary :
         {kFamily, kGiven, "わしのみや", kPhoneDigits, kPhone, kDiagnosis, kEmployer, kNotes}) {
      EXPECT_THAT(dump, Not(HasSubstr(canary))) << table << " holds " << canary;
    }
  }
  EXPECT_THAT(DumpTable(t, "client"), HasSubstr("仙台市青葉区"));  // places are not secret

  // Whole name with or without the space, one part, the reading in any kana, the phone in
  // any form: exact matches of the normalised text.
  for (const std::string q :
       {std::string(kName), std::string("鷲ノ宮千鶴子"), std::string("鷲ノ宮　千鶴子"),
        std::string(kFamily), std::string(kGiven), std::string("わしのみや ちづこ"),
        std::string("ワシノミヤ　チヅコ"), std::string("ﾜｼﾉﾐﾔ"), std::string(kPhone),
        std::string(kPhoneDigits), std::string("０９０－４３２１－８７６５")}) {
    auto found = Search(nurse, q);
    ASSERT_EQ(found.status, 200) << q;
    EXPECT_THAT(found.body, HasSubstr(Link(ClientPath(id)))) << q;
    EXPECT_THAT(found.body, HasSubstr("（1件）")) << q;
  }
  // Part of a part finds nobody: the blind index holds whole names and whole parts only.
  for (const std::string q : {"鷲ノ", "千鶴", "090-4321"}) {
    auto found = Search(nurse, q);
    EXPECT_THAT(found.body, Not(HasSubstr(Link(ClientPath(id))))) << q;
    EXPECT_THAT(found.body, HasSubstr("該当する相談者は見つかりませんでした")) << q;
  }
  // The search is a POST, so no name is put in a URL; a ?q= is not searched.
  auto search_form = nurse.Get("/clients");
  EXPECT_THAT(search_form.body,
              HasSubstr("<form method=\"post\" action=\"/clients\" role=\"search\""));
  auto by_url = nurse.Get("/clients?q=" + http::PercentEncode(kFamily));
  EXPECT_EQ(by_url.status, 200);
  EXPECT_THAT(by_url.body, Not(HasSubstr("件）")));
  EXPECT_THAT(by_url.body, HasSubstr("最近更新された相談者"));
  EXPECT_THAT(nurse.Post("/clients", {{"q", kFamily}}).status, 403);  // no CSRF token
  // Without a query: the recently updated.
  auto list = nurse.Get("/clients");
  EXPECT_THAT(list.body, HasSubstr(Link(ClientPath(id))));
  EXPECT_THAT(list.body, HasSubstr("最近更新された相談者"));
  EXPECT_THAT(list.body, Not(HasSubstr(Link("/provisions"))));  // coordinators only
  auto english = nurse.Get("/clients?lang=en");
  EXPECT_EQ(english.status, 200);
  EXPECT_THAT(english.body, HasSubstr("Register a client"));
}

TEST(Clients, LikelyDuplicateIsShownAndNothingIsCreatedUntilConfirmed) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto existing = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);

  auto fields = PersonFields();
  fields[2].second = "080-0000-1111";  // another phone, the same name
  auto warned = nurse.Submit("/clients/new", fields);
  EXPECT_EQ(warned.status, 200);
  EXPECT_THAT(warned.body, HasSubstr("同じ人がすでに登録されているかもしれません"));
  EXPECT_THAT(warned.body, HasSubstr(Link(ClientPath(existing))));
  EXPECT_THAT(warned.body, HasSubstr("name=\"confirm_new\""));
  EXPECT_THAT(warned.body, HasSubstr("別の人として登録する"));
  EXPECT_THAT(warned.body, HasSubstr(std::string("value=\"") + kDiagnosis + "\""));  // kept
  EXPECT_EQ(CountClients(t), 1);

  // The same reading and birth year under another kanji name is also likely the same person.
  auto by_reading = PersonFields();
  by_reading[0].second = "鷲宮 知鶴子";
  by_reading[2].second = "";
  auto warned_again = nurse.Submit("/clients/new", by_reading);
  EXPECT_EQ(warned_again.status, 200);
  EXPECT_THAT(warned_again.body, HasSubstr(Link(ClientPath(existing))));
  EXPECT_EQ(CountClients(t), 1);

  fields.emplace_back("confirm_new", "1");
  auto created = nurse.Submit("/clients/new", fields);
  EXPECT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(CountClients(t), 2);
}

TEST(Clients, ValidationErrorsKeepWhatWasTypedAndCreateNothing) {
  TestServer t;
  auto world = MakeWorld(t);
  auto nurse = t.LoginAs(world.w.nurse_email);
  auto fields = PersonFields();
  fields[0].second = "";             // name
  fields[1].second = "washinomiya";  // not kana
  fields[2].second = "12-34";        // too short
  fields[3].second = "chizuko@";     // not an address
  fields[4].second = "７１";         // not a year
  fields.emplace_back("confirm_new", "1");
  auto refused = nurse.Submit("/clients/new", fields);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("error-summary"));
  EXPECT_THAT(refused.body, HasSubstr("href=\"#name\""));
  EXPECT_THAT(refused.body, HasSubstr("入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("ふりがなは、ひらがなかカタカナで入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("電話番号を正しく入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("メールアドレスを正しく入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("生まれ年を西暦4桁で入力してください"));
  EXPECT_THAT(refused.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"washinomiya\""));
  EXPECT_THAT(refused.body, HasSubstr("value=\"７１\""));
  EXPECT_THAT(refused.body, HasSubstr(std::string("value=\"") + kDiagnosis + "\""));
  EXPECT_THAT(refused.body, HasSubstr(std::string(kNotes) + "</textarea>"));
  EXPECT_THAT(refused.body, HasSubstr("value=\"on_leave\" checked"));
  EXPECT_EQ(CountClients(t), 0);
}

TEST(Clients, ClientFromABookingIsFilledInLinkedAndMadeOnce) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto booking = MakeBooking(t, world, "予約カナリア 太郎QZ", "よやく たろう");
  ASSERT_GT(booking, 0);
  // The 事務局 copies a booking into a record (counselors may not: security_sharing_test).
  auto office = t.LoginAs(world.coordinator_email);
  const std::string page = "/clients/new?booking=" + std::to_string(booking);
  auto form = office.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("value=\"予約カナリア 太郎QZ\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"よやく たろう\""));
  EXPECT_THAT(form.body, HasSubstr("value=\"名取市\""));
  EXPECT_THAT(form.body,
              HasSubstr("name=\"booking_id\" value=\"" + std::to_string(booking) + "\""));
  EXPECT_THAT(form.body, HasSubstr("相談会の予約の内容を入力しました"));

  Fields fields = {{"name", "予約カナリア 太郎QZ"},
                   {"kana", "よやく たろう"},
                   {"phone", "022-111-2222"},
                   {"gender", "male"},
                   {"age_band", "50s"},
                   {"municipality", "名取市"},
                   {"treatment_status", "follow_up"},
                   {"work_status", "employed"},
                   {"booking_id", std::to_string(booking)}};
  auto created = office.Submit(page, fields, "/clients/new");
  ASSERT_EQ(created.status, 303) << created.body;
  const auto id = IdIn(created.Header("location"), "/clients/");
  auto client = t.sv().clients.Get(world.coordinator, {}, id);
  ASSERT_TRUE(client.ok());
  EXPECT_EQ(client->data.booking_id, booking);
  EXPECT_EQ(client->data.age_band, "50s");

  // The booking has its person now: the form says so, and a second record is refused.
  auto again = office.Get(page);
  EXPECT_EQ(again.status, 409);
  EXPECT_THAT(again.body, HasSubstr("この予約からは、すでに相談者が登録されています"));
  EXPECT_THAT(again.body, HasSubstr(Link(ClientPath(id))));
  fields.emplace_back("confirm_new", "1");
  auto second = office.Submit("/clients/new", fields);
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(CountClients(t), 1);

  // Another organisation's booking is not there at all.
  auto stranger = t.LoginAs(world.w.stranger_email);
  EXPECT_EQ(stranger.Get(page).status, 404);
  auto foreign = stranger.Submit("/clients/new", {{"name", "別 人"},
                                                  {"kana", "べつ ひと"},
                                                  {"booking_id", std::to_string(booking)},
                                                  {"confirm_new", "1"}});
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(CountClients(t), 1);
}

TEST(Clients, EditingNeedsTheCurrentVersionAndTheRegisteringOrganisation) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  const std::string edit = ClientPath(id) + "/edit";
  auto form = nurse.Get(edit);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("name=\"version\" value=\"1\""));
  EXPECT_THAT(form.body, HasSubstr(std::string("value=\"") + kDiagnosis + "\""));

  auto fields = PersonFields();
  fields[9].second = "before";  // 治療開始前
  fields.emplace_back("version", "1");
  auto saved = nurse.Submit(edit, fields);
  EXPECT_EQ(saved.status, 303) << saved.body;
  EXPECT_THAT(nurse.Get(saved.Header("location")).body, HasSubstr("治療開始前"));

  auto stale = nurse.Submit(edit, fields);  // still version 1
  EXPECT_EQ(stale.status, 409);
  EXPECT_THAT(stale.body, HasSubstr("ほかの人が先に更新しました"));

  auto invalid = PersonFields();
  invalid[1].second = "";
  invalid.emplace_back("version", "2");
  auto refused = nurse.Submit(edit, invalid);
  EXPECT_EQ(refused.status, 422);
  EXPECT_THAT(refused.body, HasSubstr("name=\"version\" value=\"2\""));

  // A partner sees the person under a consent but does not edit the record.
  RecordConsent(t, nurse, id, world.w.agency, {"basic", "medical", "work"});
  auto agency = t.LoginAs(world.w.agency_email);
  EXPECT_EQ(agency.Get(edit).status, 403);
  fields.back().second = "2";
  EXPECT_EQ(agency.Submit(ClientPath(id), fields, edit).status, 403);
  auto partner_page = agency.Get(ClientPath(id));
  EXPECT_THAT(partner_page.body, Not(HasSubstr(Link(edit))));
  EXPECT_THAT(partner_page.body, Not(HasSubstr(kNotes)));  // notes are never shared
}

// ---------------------------------------------------------------- consents

TEST(Clients, ConsentFormShowsErrorsThenRecords) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  const std::string page = ClientPath(id) + "/consents/new";
  auto form = nurse.Get(page);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(form.body, HasSubstr("就労支援機関"));  // grouped by kind
  EXPECT_THAT(form.body, HasSubstr("value=\"" + Today(t) + "\""));
  EXPECT_THAT(form.body,
              HasSubstr("name=\"organizations\" value=\"" + std::to_string(world.w.agency) + "\""));
  EXPECT_THAT(form.body, Not(HasSubstr("name=\"organizations\" value=\"" +
                                       std::to_string(world.w.hospital) + "\"")));

  auto empty = nurse.Submit(page, {{"purpose", "other"},
                                   {"purpose_note", ""},
                                   {"valid_from", Today(t)},
                                   {"valid_until", InDays(t, -1)}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_THAT(empty.body, HasSubstr("提供先の機関を1つ以上選んでください"));
  EXPECT_THAT(empty.body, HasSubstr("共有する項目を1つ以上選んでください"));
  EXPECT_THAT(empty.body, HasSubstr("「その他」の場合は、目的を具体的に書いてください"));
  EXPECT_THAT(empty.body, HasSubstr("終了日は開始日以降にしてください"));
  EXPECT_THAT(empty.body, HasSubstr("href=\"#method\""));
  EXPECT_THAT(empty.body, HasSubstr("value=\"other\" checked"));
  EXPECT_THAT(empty.body, HasSubstr("value=\"" + InDays(t, -1) + "\""));

  auto kept = nurse.Submit(page, {{"organizations", std::to_string(world.w.agency)},
                                  {"items", "basic"},
                                  {"purpose", "other"},
                                  {"purpose_note", "目的メモ復職面談の調整"},
                                  {"valid_from", "2026-99-01"},
                                  {"valid_until", InDays(t, 30)},
                                  {"method", "oral"}});
  EXPECT_EQ(kept.status, 422);
  EXPECT_THAT(kept.body, HasSubstr("目的メモ復職面談の調整</textarea>"));
  EXPECT_THAT(kept.body, HasSubstr("value=\"2026-99-01\""));
  EXPECT_THAT(kept.body, HasSubstr("value=\"" + std::to_string(world.w.agency) + "\" checked"));
  EXPECT_THAT(kept.body, HasSubstr("value=\"basic\" checked"));

  const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic", "work"});
  ASSERT_GT(consent, 0);
  auto shown = nurse.Get("/consents/" + std::to_string(consent) + "?done=recorded");
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr("同意を記録しました"));
  EXPECT_THAT(shown.body, HasSubstr("有効"));
  EXPECT_THAT(shown.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(shown.body, HasSubstr("就労状況・勤務先"));
  EXPECT_THAT(shown.body, HasSubstr("書面"));
  EXPECT_THAT(shown.body, HasSubstr("令和"));
  auto client_page = nurse.Get(ClientPath(id));
  EXPECT_THAT(client_page.body, HasSubstr(Link("/consents/" + std::to_string(consent))));
}

TEST(Clients, PartnerSeesOnlyConsentedItemsAndNothingAfterWithdrawal) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  auto agency = t.LoginAs(world.w.agency_email);
  auto stranger = t.LoginAs(world.w.stranger_email);

  // Before any consent the agency sees nothing: not the page, not a search hit.
  auto before = agency.Get(ClientPath(id));
  EXPECT_EQ(before.status, 404);
  EXPECT_THAT(before.body, Not(HasSubstr(kName)));
  EXPECT_THAT(Search(agency, kName).body, Not(HasSubstr(Link(ClientPath(id)))));
  EXPECT_THAT(Search(agency, kPhone).body, Not(HasSubstr(Link(ClientPath(id)))));
  EXPECT_THAT(agency.Get("/clients").body, Not(HasSubstr(Link(ClientPath(id)))));

  const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic"});
  ASSERT_GT(consent, 0);
  auto shared = agency.Get(ClientPath(id));
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_THAT(shared.body, HasSubstr(kName));
  EXPECT_THAT(shared.body, HasSubstr(kPhone));  // stored as digits, shown by area code
  EXPECT_THAT(shared.body, HasSubstr("あなたの機関に共有されている情報"));
  EXPECT_THAT(shared.body, HasSubstr("共有されていません"));
  EXPECT_THAT(shared.body, Not(HasSubstr(kDiagnosis)));
  EXPECT_THAT(shared.body, Not(HasSubstr("治療中")));
  EXPECT_THAT(shared.body, Not(HasSubstr(kEmployer)));
  EXPECT_THAT(shared.body, Not(HasSubstr(kNotes)));
  EXPECT_THAT(shared.body, Not(HasSubstr("支援ケースを始める")));  // owner only
  EXPECT_THAT(Search(agency, kFamily).body, HasSubstr(Link(ClientPath(id))));
  auto listed = agency.Get("/clients");
  EXPECT_THAT(listed.body, HasSubstr(Link(ClientPath(id))));
  EXPECT_THAT(listed.body, HasSubstr("badge--info"));  // 共有
  EXPECT_EQ(stranger.Get(ClientPath(id)).status, 404);
  EXPECT_THAT(Search(stranger, kName).body, Not(HasSubstr(Link(ClientPath(id)))));

  // Withdrawal: a confirmation step, then the agency loses access at its next request.
  const std::string withdraw = "/consents/" + std::to_string(consent) + "/withdraw";
  auto confirm = nurse.Get(withdraw);
  ASSERT_EQ(confirm.status, 200);
  EXPECT_THAT(confirm.body, HasSubstr("次に画面を開いたときから"));
  auto withdrawn = nurse.Submit(withdraw, {{"note", "本人から電話で申し出"}});
  EXPECT_EQ(withdrawn.status, 303) << withdrawn.body;
  auto after = agency.Get(ClientPath(id));
  EXPECT_EQ(after.status, 404);
  EXPECT_THAT(after.body, Not(HasSubstr(kName)));
  EXPECT_THAT(Search(agency, kName).body, Not(HasSubstr(Link(ClientPath(id)))));
  auto consent_page = nurse.Get("/consents/" + std::to_string(consent));
  EXPECT_THAT(consent_page.body, HasSubstr("撤回済み"));
  EXPECT_THAT(consent_page.body, HasSubstr("本人から電話で申し出"));
  EXPECT_EQ(nurse.Submit("/consents/" + std::to_string(consent), {}, withdraw).status, 409);
  EXPECT_EQ(nurse.Get(withdraw).status, 409);

  // The agency is told, without the person.
  const auto mail = MailSink::Get().WaitFor(world.w.agency_email);
  EXPECT_THAT(mail, HasSubstr("同意が撤回されました"));
  const auto all = MailSink::Get().AllRaw();
  for (const char* canary : {kFamily, kGiven, kDiagnosis, kEmployer, kNotes, kPhoneDigits}) {
    EXPECT_THAT(all, Not(HasSubstr(canary)));
  }
}

TEST(Clients, SearchDoesNotTieANameToAConsentWithoutBasicData) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  RecordConsent(t, nurse, id, world.w.agency, {"medical"});
  auto agency = t.LoginAs(world.w.agency_email);
  auto page = agency.Get(ClientPath(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr(kDiagnosis));
  EXPECT_THAT(page.body, Not(HasSubstr(kName)));
  EXPECT_THAT(page.body, HasSubstr("氏名は共有されていません"));
  // Knowing the name must not find the record whose consent leaves the name out.
  EXPECT_THAT(Search(agency, kName).body, Not(HasSubstr(Link(ClientPath(id)))));
  EXPECT_THAT(Search(agency, kPhone).body, Not(HasSubstr(Link(ClientPath(id)))));
}

TEST(Clients, ConsentFormPrintsWithSignatureLines) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic", "medical"});
  auto page = nurse.Get("/consents/" + std::to_string(consent) + "/print");
  ASSERT_EQ(page.status, 200) << page.body;
  // The sheet itself, without the site's header (which print.css hides).
  HttpResult print;
  print.body = TextBetween(page.body, "<article class=\"consent-form\">", "</article>");
  ASSERT_FALSE(print.body.empty()) << page.body;
  EXPECT_THAT(print.body, HasSubstr("個人情報の提供に関する同意書"));
  EXPECT_THAT(print.body, HasSubstr(kName));
  EXPECT_THAT(print.body, HasSubstr("共有テスト病院 がん相談支援センター"));
  EXPECT_THAT(print.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(print.body, HasSubstr("診断名・治療の状況"));
  EXPECT_THAT(print.body, HasSubstr("就労支援（就職・復職・就労継続）"));
  EXPECT_THAT(print.body, HasSubstr("いつでも撤回できます"));
  EXPECT_THAT(print.body, HasSubstr("本人署名"));
  EXPECT_THAT(print.body, HasSubstr("令和　　年　　月　　日"));
  EXPECT_THAT(print.body, HasSubstr("担当者署名"));
  EXPECT_THAT(print.body, Not(HasSubstr("病院 看護師")));  // staff by organisation, not name
  EXPECT_THAT(print.body, Not(HasSubstr(kDiagnosis)));     // the items, not their contents
}

// ---------------------------------------------------------------- provision records

TEST(Clients, PartnersViewIsRecordedAsAProvisionAndExportedAsCsv) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic", "medical"});
  auto agency = t.LoginAs(world.w.agency_email);
  ASSERT_EQ(agency.Get(ClientPath(id)).status, 200);
  ASSERT_EQ(agency.Get(ClientPath(id)).status, 200);  // the same day: one record

  auto coordinator = t.LoginAs(world.coordinator_email);
  auto list = coordinator.Get("/clients");
  EXPECT_THAT(list.body, HasSubstr(Link("/provisions")));
  auto page = coordinator.Get("/provisions");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(page.body, HasSubstr(kName));
  EXPECT_THAT(page.body, HasSubstr("共有画面での閲覧"));
  EXPECT_THAT(page.body, HasSubstr("基本情報"));
  EXPECT_THAT(page.body, HasSubstr(Link("/consents/" + std::to_string(consent))));
  EXPECT_THAT(page.body, HasSubstr("（1件）"));
  EXPECT_THAT(page.body, HasSubstr("value=\"" + Today(t) + "\""));

  auto csv = coordinator.Get("/provisions.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.body, StartsWith("\xEF\xBB\xBF"));
  EXPECT_THAT(csv.Header("content-type"), HasSubstr("text/csv"));
  EXPECT_THAT(csv.Header("content-disposition"), HasSubstr("attachment"));
  EXPECT_EQ(csv.Header("cache-control"), "no-store");
  EXPECT_THAT(csv.body, HasSubstr("提供日,提供日時,提供先,相談者番号,相談者,提供した情報"));
  EXPECT_THAT(csv.body, HasSubstr(Today(t) + ","));
  EXPECT_THAT(csv.body, HasSubstr("共有テスト就労支援センター"));
  EXPECT_THAT(csv.body, HasSubstr("共有画面での閲覧"));
  EXPECT_THAT(csv.body, HasSubstr("," + std::to_string(consent) + "\r\n"));

  // Another period has none; a bad date is explained.
  auto earlier = coordinator.Get("/provisions?from=2020-04-01&to=2020-04-30");
  EXPECT_THAT(earlier.body, HasSubstr("この期間の提供記録はありません"));
  auto bad = coordinator.Get("/provisions?from=2020-13-01&to=2020-04-30");
  EXPECT_EQ(bad.status, 422);
  EXPECT_THAT(bad.body, HasSubstr("日付を正しく入力してください"));
  auto reversed = coordinator.Get("/provisions?from=2020-05-01&to=2020-04-30");
  EXPECT_EQ(reversed.status, 422);

  // Counselors and other organisations do not read this organisation's records.
  EXPECT_EQ(nurse.Get("/provisions").status, 403);
  EXPECT_EQ(nurse.Get("/provisions.csv").status, 403);
  auto agency_coordinator = t.LoginAs(world.w.agency_coordinator_email);
  EXPECT_THAT(agency_coordinator.Get("/provisions").body, Not(HasSubstr(kName)));
}

// ---------------------------------------------------------------- roles and leaks

TEST(Clients, ViewersAndStrangersGetNothing) {
  TestServer t;
  auto world = MakeWorld(t);
  const auto id = Register(t, world);
  auto nurse = t.LoginAs(world.w.nurse_email);
  const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic"});
  auto viewer = t.LoginAs(world.w.hospital_viewer_email);
  for (const std::string path :
       {std::string("/clients"), std::string("/clients/new"), ClientPath(id),
        ClientPath(id) + "/edit", ClientPath(id) + "/consents/new",
        "/consents/" + std::to_string(consent), "/consents/" + std::to_string(consent) + "/print",
        std::string("/provisions"), std::string("/provisions.csv")}) {
    auto r = viewer.Get(path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kName))) << path;
  }
  auto stranger = t.LoginAs(world.w.stranger_email);
  for (const std::string path :
       {ClientPath(id), ClientPath(id) + "/edit", ClientPath(id) + "/consents/new",
        "/consents/" + std::to_string(consent), "/consents/" + std::to_string(consent) + "/print",
        "/consents/" + std::to_string(consent) + "/withdraw", std::string("/clients/999999")}) {
    auto r = stranger.Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.body, Not(HasSubstr(kName))) << path;
  }
  EXPECT_EQ(
      stranger
          .Submit("/clients", {{"note", "x"}}, "/consents/" + std::to_string(consent) + "/withdraw")
          .status,
      404);
  auto still = t.sv().consents.Get(world.w.nurse, {}, consent);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->state, "active");
}

TEST(Clients, NamesAndDiagnosesNeverReachTheServerLog) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  auto logger = std::make_shared<spdlog::logger>("capture", sink);
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
  {
    TestServer t;
    auto world = MakeWorld(t);
    auto nurse = t.LoginAs(world.w.nurse_email);
    auto created = nurse.Submit("/clients/new", PersonFields());
    const auto id = IdIn(created.Header("location"), "/clients/");
    auto invalid = PersonFields();
    invalid[1].second = "x";
    nurse.Submit("/clients/new", invalid);
    nurse.Submit("/clients/new", PersonFields());  // the duplicate warning
    Search(nurse, kName);
    Search(nurse, kPhone);
    Search(nurse, std::string(kName) + std::string(200, 'x'));
    const auto consent = RecordConsent(t, nurse, id, world.w.agency, {"basic", "medical"});
    auto agency = t.LoginAs(world.w.agency_email);
    agency.Get(ClientPath(id));
    nurse.Get("/consents/" + std::to_string(consent) + "/print");
    nurse.Submit("/consents/" + std::to_string(consent) + "/withdraw", {{"note", kNotes}});
    auto coordinator = t.LoginAs(world.coordinator_email);
    coordinator.Get("/provisions.csv");
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_THAT(log, HasSubstr("access"));
  const std::string encoded = http::PercentEncode(kFamily);  // a query string, had it been logged
  for (const std::string canary :
       {std::string(kFamily), std::string(kGiven), std::string("わしのみや"),
        std::string(kPhoneDigits), std::string(kDiagnosis), std::string(kEmployer),
        std::string(kNotes), encoded}) {
    EXPECT_THAT(log, Not(HasSubstr(canary)));
  }
}

}  // namespace
}  // namespace tsunagu::testing

#include "app/demo_phoneday.hpp"

#include <optional>

#include "app/demo_support.hpp"
#include "consultations/handoff.hpp"
#include "orgs/org_store.hpp"

namespace tsunagu::app {
namespace {

constexpr const char* kPhoneProgram = "働くがん患者のための電話・オンライン相談";

consultations::BookingRequest PhoneBooking(std::int64_t slot, const char* name,
                                           const char* furigana, const char* phone) {
  consultations::BookingRequest r;
  r.slot_id = slot;
  r.channel = "phone";
  r.intake = {false, "", "female", "50s", "つなぐ市", "prefecture", "during", "employed", {"work"}};
  r.contact.name = name;
  r.contact.furigana = furigana;
  r.contact.phone = phone;
  r.consent = true;
  return r;
}

}  // namespace

core::Status LoadDemoPhoneDay(Services& sv, std::int64_t prefecture, std::int64_t centre) {
  const std::int64_t jimu = DemoUserId(sv, "jimu@demo.tsunagu.jp");
  const std::int64_t nurse = DemoUserId(sv, "soudan-kango@demo.tsunagu.jp");
  if (jimu == 0 || nurse == 0) return core::OkStatus();
  auto existing = DemoProgramId(sv, prefecture, kPhoneProgram);
  if (!existing) return existing.error();
  if (*existing != 0) return core::OkStatus();

  const auto office = DemoMember(jimu, prefecture, auth::Role::kCoordinator);
  const auto counselor = DemoMember(nurse, prefecture, auth::Role::kCounselor);
  const audit::Actor actor{jimu, prefecture, "cli", "demo"};
  const audit::Actor nurse_actor{nurse, prefecture, "cli", "demo"};
  auto program = sv.consultations.CreateProgram(
      office, actor, kPhoneProgram,
      "相談従事者が予約の時間に相談者へ電話します（seed 001 別紙の電話・オンライン相談）。");
  if (!program) return program.error();
  consultations::DaySettings phone;
  phone.mode = "phone";
  phone.booths = 2;
  phone.slot_minutes = 30;
  const core::Date today = core::DateFromUnixSeconds(sv.clock.NowSeconds());
  auto day = sv.board.AddDay(office, actor, *program, today, 18 * 60, 21 * 60, phone);
  if (!day) return day.error();
  auto got = sv.consultations.GetDay(office, *program, *day);
  if (!got) return got.error();
  if (got->slots.size() < 2) return core::OkStatus();
  if (auto st = sv.board.SetRoster(office, actor, *program, *day, {nurse}); !st) return st;
  // The nurse has acknowledged this year's 守秘義務, so her board opens at once.
  if (auto st = sv.partners.Acknowledge(counselor, nurse_actor, *program, *day); !st) return st;

  // Two people who asked to be called; the counselor on the roster calls both.
  auto unanswered =
      sv.board.BookForCaller(office, actor, *program,
                             PhoneBooking(got->slots[0].id, "デモ 電話相談者E",
                                          "でも でんわそうだんしゃいー", "090-0000-0005"),
                             nullptr);
  if (!unanswered) return unanswered.error();
  auto handed = sv.board.BookForCaller(office, actor, *program,
                                       PhoneBooking(got->slots[1].id, "デモ 電話相談者F",
                                                    "でも でんわそうだんしゃえふ", "090-0000-0006"),
                                       nullptr);
  if (!handed) return handed.error();
  for (auto id : {unanswered->booking_id, handed->booking_id}) {
    if (auto st = sv.board.Assign(office, actor, *program, id, 1, {nurse}); !st) return st;
  }
  if (auto st = sv.board.CallNotAnswered(counselor, nurse_actor, *program, unanswered->booking_id);
      !st) {
    return st;
  }

  // F got through and wishes the 両立支援促進員 to coordinate with the workplace.
  if (auto st = sv.board.CallConnected(counselor, nurse_actor, *program, handed->booking_id); !st) {
    return st;
  }
  consultations::RecordInput record;
  record.professions = {"nurse"};
  record.topics = {"telling_work", "keep_working"};
  record.referred_to = {"support_center"};
  record.outcome = "support_continues";
  record.follow_up = "support_promoter";
  record.minutes = 30;
  record.summary = "勤務先に治療のことをどう伝えるか相談。事業場との調整を希望（デモ）。";
  record.handoff_wished = true;
  auto saved = sv.records.Save(counselor, nurse_actor, *program, handed->booking_id, record);
  if (!saved) return saved.error();
  consultations::HandoffService handoffs(sv.db, sv.clock, sv.cipher, sv.notifier, sv.bus);
  consultations::HandoffInput handoff;
  handoff.to_org_id = centre;
  handoff.items = {"basic", "work"};
  handoff.method = "oral";
  handoff.note = "勤務先の産業医・人事との調整を希望されています（デモ）。";
  auto started = handoffs.Start(office, actor, *program, handed->booking_id, handoff);
  if (!started) return started.error();
  return core::OkStatus();
}

}  // namespace tsunagu::app

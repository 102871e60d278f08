#include "app/demo_daychange.hpp"

#include "app/demo_support.hpp"

namespace tsunagu::app {

core::Status AddDemoCancelledDay(Services& sv, std::int64_t prefecture, std::int64_t jimu,
                                 const char* program_name) {
  auto program = DemoProgramId(sv, prefecture, program_name);
  if (!program) return program.error();
  if (*program == 0) return core::OkStatus();
  auto listed = sv.db.Read<long long>([&](soci::session& s) {
    long long n = 0;
    long long id = *program;
    s << "SELECT COUNT(*) FROM day_change_call c JOIN booking b ON b.id = c.booking_id JOIN "
         "consultation_day d ON d.id = b.day_id WHERE d.program_id = :p",
        soci::use(id), soci::into(n);
    return n;
  });
  if (!listed) return listed.error();
  if (*listed > 0) return core::OkStatus();  // done on an earlier run

  auto days =
      sv.consultations.OpenDays(*program, core::DateFromUnixSeconds(sv.clock.NowSeconds()), 3);
  if (!days) return days.error();
  if (days->size() < 3 || days->back().slots.empty()) return core::OkStatus();
  const consultations::ConsultationDay& day = days->back();
  const auth::Principal office = DemoMember(jimu, prefecture, auth::Role::kCoordinator);
  const audit::Actor actor{jimu, prefecture, "cli", "demo"};

  consultations::BookingRequest r;
  r.slot_id = day.slots.front().id;
  r.channel = "phone";
  r.intake = {false,        "",          "female",   "60s",   "つなぐ市",
              "prefecture", "follow_up", "employed", {"work"}};
  r.contact.name = "デモ 中止連絡者G";
  r.contact.furigana = "でも ちゅうしれんらくしゃじー";
  r.contact.phone = "090-0000-0007";
  r.consent = true;
  auto booked = sv.board.BookForCaller(office, actor, *program, r, nullptr);
  if (!booked) return booked.error();
  auto cancelled = sv.day_changes.CancelDay(office, actor, *program, day.id,
                                            "会場の設備点検のため、この日の相談会を中止します。");
  if (!cancelled) return cancelled.error();
  return core::OkStatus();
}

}  // namespace tsunagu::app

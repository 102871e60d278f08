// The day board on 電話 / オンライン days (seed 001 別紙): the counselor assigned to a booking
// calls the person at its time and marks 「電話した（つながった）」 (the consultation takes place)
// or 「つながらない」 (recorded, may be tried again; the last try closes it as 連絡つかず). And the
// walk-ins guided to another window (seed 001: 適切な相談窓口への誘導), counted without a name.
#include "consultations/handlers/phone_day.hpp"

#include "consultations/handlers/board_support.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "reports/numbers.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {

bool IsCallDay(const ConsultationDay& day) {
  return day.mode == "phone" || day.mode == "online";
}

void AddCallControls(ctemplate::TemplateDictionary* row, const BoardBooking& b, bool coordinator,
                     bool day_has_come) {
  if (b.status != "booked" || !day_has_come) return;
  if (!coordinator && !b.call_sheet) return;
  row->ShowSection("CALL");
}

void AddCallInfo(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary* row, const BoardBooking& b, bool call_day) {
  if (call_day && b.status == "attended") {
    row->SetValue("STATUS", sv.pages.T(ctx, "phoneday.status.connected"));
  }
  if (b.unreachable) {
    row->SetValue("STATUS", sv.pages.T(ctx, "phoneday.status.unreachable"));
    row->SetValue("BADGE", "badge--warning");
  }
  if (b.unanswered_calls == 0 || !b.last_call_at) return;
  row->AddSectionDictionary("CALLS")->SetValue(
      "TEXT", sv.catalog.Format(ctx.lang, "phoneday.call.unanswered",
                                {{"count", std::to_string(b.unanswered_calls)},
                                 {"tries", std::to_string(DayBoardService::kCallTries)},
                                 {"time", FormatMinutes(core::JstMinuteOfDay(*b.last_call_at))}}));
}

void AddGuided(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const DayBoard& board, bool day_has_come) {
  auto* section = dict.AddSectionDictionary("GUIDED_SECTION");
  section->SetValue("GUIDED_COUNT",
                    sv.catalog.Format(ctx.lang, "phoneday.guided.count",
                                      {{"count", std::to_string(board.guided.size())}}));
  if (!board.guided.empty()) {
    auto* list = section->AddSectionDictionary("HAS_GUIDED");
    for (const auto& g : board.guided) {
      auto* item = list->AddSectionDictionary("GUIDED");
      item->SetValue("WINDOW", g.window);
      item->SetValue("TIME", FormatMinutes(core::JstMinuteOfDay(g.recorded_at)));
    }
  }
  if (day_has_come && board.day.status == "scheduled") section->ShowSection("CAN_GUIDE");
}

void AddFieldCounts(ctemplate::TemplateDictionary& dict, const YearlyReport& report) {
  dict.SetValue("HANDOFFS_MADE", reports::FormatCount(report.handoffs_made));
  dict.SetValue("HANDOFFS_ACCEPTED", reports::FormatCount(report.handoffs_accepted));
  dict.SetValue("GUIDED_ELSEWHERE", reports::FormatCount(report.guided_elsewhere));
}

namespace {

http::Response ShowGuideForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                             const core::Error* error, int status = 200) {
  // The day as its staff read it (the records' rule: any counselor of the host).
  auto day = sv.records.DayStatus(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  ctemplate::TemplateDictionary dict("board_guided");
  SetIds(dict, ids);
  AddDayHeader(sv, ctx, dict, day->day);
  dict.SetIntValue("MAX_WINDOW", static_cast<long>(DayBoardService::kMaxWindow));
  if (error) {
    sv.pages.AddErrors(dict, ctx, *error);
    web::KeepInput(dict, ctx, {"window"});
  }
  return sv.pages.Render(ctx, "board/guided", "phoneday.guided.title", dict, status);
}

http::Response Guide(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto done =
      sv.board.GuideElsewhere(*ctx.Who(), ctx.Actor(), ids.program, ids.day, ctx.Form("window"));
  if (!done) {
    if (done.error().code == core::ErrorCode::kInvalidInput) {
      return ShowGuideForm(sv, ctx, ids, &done.error(), web::StatusFor(done.error().code));
    }
    return Failure(sv, ctx, done.error());
  }
  return web::SeeOther(DayPath(ids) + "?done=guided#guided");
}

}  // namespace

void AddPhoneDayRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string booking = "/programs/{id}/days/{day_id}/bookings/{booking_id}";
  router.Add({"POST", booking + "/call-connected", Permission::kOrgCounsel,
              WithIds(sv, true, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return AfterRowAction(
                    sv, ctx, ids,
                    sv.board.CallConnected(*ctx.Who(), ctx.Actor(), ids.program, ids.booking),
                    "called");
              })});
  router.Add({"POST", booking + "/call-not-answered", Permission::kOrgCounsel,
              WithIds(sv, true, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return AfterRowAction(
                    sv, ctx, ids,
                    sv.board.CallNotAnswered(*ctx.Who(), ctx.Actor(), ids.program, ids.booking),
                    "not_answered");
              })});
  const std::string guided = "/programs/{id}/days/{day_id}/guided";
  router.Add({"GET", guided, Permission::kOrgCounsel,
              WithIds(sv, false, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return ShowGuideForm(sv, ctx, ids, nullptr);
              })});
  router.Add({"POST", guided, Permission::kOrgCounsel, WithIds(sv, false, Guide)});
}

}  // namespace tsunagu::consultations::handlers

// Pages around one day for the staff on its roster: the confidentiality pledge to acknowledge
// before the day (守秘義務, seed 001 ク), and the day's paper (seed 001 オ): name tags that show
// the profession only (名札「ワンストップ相談スタッフ 看護師」) and the 受付表, both for A4.
#include <algorithm>

#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/routes.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// Splits text into paragraphs (blank lines) and lines, so the template prints them without
// raw HTML.
void AddParagraphs(ctemplate::TemplateDictionary& dict, const std::string& text) {
  std::size_t start = 0;
  ctemplate::TemplateDictionary* paragraph = nullptr;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    const std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.empty()) {
      paragraph = nullptr;
    } else {
      if (!paragraph) paragraph = dict.AddSectionDictionary("PARAGRAPH");
      paragraph->AddSectionDictionary("LINE")->SetValue("TEXT", line);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

// ---------------------------------------------------------------- the pledge

http::Response ShowPledge(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto pledge = sv.partners.ForDay(*ctx.Who(), ids.program, ids.day);
  if (!pledge) return Failure(sv, ctx, pledge.error());
  ctemplate::TemplateDictionary dict("board_pledge");
  SetIds(dict, ids);
  dict.SetValue("DATE", core::FormatDate(pledge->date, ctx.lang));
  dict.SetValue("PROGRAM", pledge->program_name);
  dict.SetValue("FY_LABEL", FiscalYearLabel(ctx.lang, pledge->fiscal_year));
  AddParagraphs(dict, pledge->text.empty() ? sv.pages.T(ctx, "pledge.default") : pledge->text);
  if (pledge->acknowledged_at) {
    dict.AddSectionDictionary("DONE")->SetValue("AT", DateTimeOf(ctx, *pledge->acknowledged_at));
  } else {
    dict.ShowSection("ASK");
  }
  return sv.pages.Render(ctx, "board/pledge", "pledge.page.title", dict);
}

http::Response Acknowledge(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto done = sv.partners.Acknowledge(*ctx.Who(), ctx.Actor(), ids.program, ids.day);
  if (!done) return Failure(sv, ctx, done.error());
  return web::SeeOther(DayPath(ids));
}

// ---------------------------------------------------------------- name tags

http::Response NameTags(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto day = sv.consultations.GetDay(*ctx.Who(), ids.program, ids.day);  // the 事務局's
  if (!day) return Failure(sv, ctx, day.error());
  auto roster = sv.board.Roster(*ctx.Who(), ids.program, ids.day);
  if (!roster) return Failure(sv, ctx, roster.error());
  ctemplate::TemplateDictionary dict("board_name_tags");
  SetIds(dict, ids);
  AddDayHeader(sv, ctx, dict, *day);
  // One tag per person, the profession only: staff tell people no more than that.
  for (const auto& staff : *roster) {
    dict.AddSectionDictionary("TAG")->SetValue("PROFESSION",
                                               sv.pages.T(ctx, "profession." + staff.profession));
  }
  dict.ShowSection(roster->empty() ? "NO_TAGS" : "HAS_TAGS");
  return sv.pages.Render(ctx, "board/name_tags", "print.tags.title", dict);
}

// ---------------------------------------------------------------- the 受付表

http::Response Reception(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto board = sv.board.Board(*ctx.Who(), ctx.Actor(), ids.program, ids.day);
  if (!board) {
    if (NeedsPledge(board.error())) return web::SeeOther(DayPath(ids) + "/pledge");
    return Failure(sv, ctx, board.error());
  }
  ctemplate::TemplateDictionary dict("board_reception");
  SetIds(dict, ids);
  AddDayHeader(sv, ctx, dict, board->day);
  // Names only for the 事務局, as on the board (the service gives no one else any).
  if (board->coordinate) dict.ShowSection("NAMES");
  int rows = 0;
  for (const auto& b : board->bookings) {
    if (b.status == "offered") continue;
    auto* row = dict.AddSectionDictionary("ROW");
    row->SetValue("TIME", b.slot_id ? TimeRange(b.start_minutes, b.end_minutes)
                                    : sv.pages.T(ctx, "print.reception.waiting"));
    row->SetValue("BOOTH", b.booth ? std::to_string(*b.booth) : std::string());
    row->SetValue("REFERENCE", b.reference);
    row->SetValue("CHANNEL", sv.pages.T(ctx, "board.channel." + b.channel));
    row->SetValue("STATUS", sv.pages.T(ctx, "board.status." + b.status));
    if (board->coordinate) row->AddSectionDictionary("NAME")->SetValue("TEXT", b.contact.name);
    ++rows;
  }
  dict.SetValue("CAPTION", sv.catalog.Format(ctx.lang, "print.reception.caption",
                                             {{"count", std::to_string(rows)}}));
  dict.ShowSection(rows == 0 ? "NO_ROWS" : "HAS_ROWS");
  return sv.pages.Render(ctx, "board/reception", "print.reception.title", dict);
}

}  // namespace

void AddDayPrintRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string day = "/programs/{id}/days/{day_id}";
  router.Add({"GET", day + "/pledge", Permission::kOrgCounsel, WithIds(sv, false, ShowPledge)});
  router.Add({"POST", day + "/pledge", Permission::kOrgCounsel, WithIds(sv, false, Acknowledge)});
  router.Add({"GET", day + "/name-tags", Permission::kOrgCoordinate, WithIds(sv, false, NameTags)});
  router.Add({"GET", day + "/reception", Permission::kOrgCounsel, WithIds(sv, false, Reception)});
}

}  // namespace tsunagu::consultations::handlers

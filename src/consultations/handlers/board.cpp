// The consultation day's board (issue 3, seed 001 ア–エ): the day at a glance for the 事務局
// and the counselors, with check-in, no-shows, cancelling, moving and assigning bookings. The
// roster, bookings taken by staff and days added by hand are in day_staff.cpp; the public page
// of a waiting list's offer in offer.cpp.
// Viewing and check-in need kOrgCounsel, everything else kOrgCoordinate. The service answers
// NotFound for another organisation's programme, day or booking, shown like a missing page.
#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <set>
#include <string_view>

#include "consultations/handlers/board_support.hpp"
#include "consultations/handlers/intake_form.hpp"
#include "consultations/handlers/page_support.hpp"
#include "consultations/handlers/phone_day.hpp"
#include "consultations/handlers/routes.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/phone_format.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// Open days offered as targets when a booking moves (this one and the next ones).
constexpr int kRescheduleDays = 4;
// The notices the board shows after a redirect (?done=<code>).
constexpr std::array<std::string_view, 13> kDoneCodes = {
    "checked_in", "no_show", "cancelled",     "rescheduled", "assigned", "booked",      "waiting",
    "roster",     "added",   "consideration", "called",      "guided",   "not_answered"};

// ---------------------------------------------------------------- the board

// A row action that failed, shown on the board next to the booking it concerns.
struct RowProblem {
  std::int64_t booking_id = 0;
  core::Error error;
};

std::string StatusBadge(const std::string& status) {
  if (status == "attended") return "badge--success";
  if (status == "no_show") return "badge--warning";
  if (status == "booked" || status == "offered") return "badge--info";
  return "badge--neutral";
}

// 「ご本人・40代・女性」 and the topics asked about: what the counselors prepare for.
void AddIntakeSummary(const app::Services& sv, const web::RequestContext& ctx,
                      ctemplate::TemplateDictionary* row, const BoardBooking& b) {
  const Intake& in = b.intake;
  std::string who = sv.pages.T(
      ctx, in.for_family ? "booking.form.for_family_family" : "booking.form.for_family_self");
  if (in.for_family && !in.relationship.empty()) who += "（" + in.relationship + "）";
  auto label = [&](const std::string& prefix, const std::string& code) {
    return code.empty() ? std::string() : sv.pages.T(ctx, prefix + code);
  };
  const std::string separator = sv.pages.T(ctx, "board.page.separator");
  row->SetValue("WHO", Join({who, label("intake.age_bands.", in.age_band),
                             label("intake.genders.", in.gender)},
                            separator));
  row->SetValue("SITUATION", Join({label("intake.treatment_statuses.", in.treatment_status),
                                   label("intake.work_statuses.", in.work_status)},
                                  separator));
  std::vector<std::string> topics;
  for (const auto& code : in.topics) topics.push_back(label("intake.topics.", code));
  row->SetValue("TOPICS", Join(topics, sv.pages.T(ctx, "record.list_separator")));
  if (b.needs_consideration) row->ShowSection("NEEDS_CONSIDERATION");
}

// Name and contacts: only the 事務局 gets them from the service (and the read is audited).
// On a phone or online day, a counselor assigned to the booking gets the name to ask for, the
// number to call and the diagnosis given, in the intake cell (that day only; audited).
void AddPerson(ctemplate::TemplateDictionary* row, const BoardBooking& b, bool coordinator) {
  const Contact& c = b.contact;
  if (!coordinator) {
    if (!b.call_sheet) return;
    auto* call = row->AddSectionDictionary("CALL_SHEET");
    call->SetValue("NAME", c.name);
    call->SetValue("NUMBER", core::FormatPhoneJp(c.phone));
    if (!c.diagnosis.empty())
      call->SetValueAndShowSection("DIAGNOSIS", c.diagnosis, "HAS_DIAGNOSIS");
    return;
  }
  auto* person = row->AddSectionDictionary("PERSON");
  person->SetValue("NAME", c.name);
  person->SetValue("FURIGANA", c.furigana);
  if (!c.phone.empty()) {
    person->AddSectionDictionary("PHONE")->SetValue("NUMBER", core::FormatPhoneJp(c.phone));
  }
  if (!c.email.empty()) person->AddSectionDictionary("EMAIL")->SetValue("ADDRESS", c.email);
  if (!c.diagnosis.empty() || !c.notes.empty()) {
    auto* details = person->AddSectionDictionary("DETAILS");
    details->SetValue("DIAGNOSIS", c.diagnosis);
    details->SetValue("NOTES", c.notes);
  }
}

void AddAssignment(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary* row, const BoardBooking& b,
                   const std::vector<RosterEntry>& roster) {
  row->SetValue("BOOTH", b.booth ? sv.catalog.Format(ctx.lang, "board.slots.booth",
                                                     {{"booth", std::to_string(*b.booth)}})
                                 : sv.pages.T(ctx, "board.slots.not_assigned"));
  std::vector<std::string> names;
  for (const auto& staff : roster) {
    if (std::find(b.counselor_ids.begin(), b.counselor_ids.end(), staff.user_id) ==
        b.counselor_ids.end()) {
      continue;
    }
    names.push_back(StaffLabel(sv, ctx, staff));
  }
  row->SetValue("COUNSELORS", Join(names, sv.pages.T(ctx, "record.list_separator")));
}

// Free slots of the open days a booking can move to, grouped by day.
void AddRescheduleOptions(const app::Services& sv, const web::RequestContext& ctx,
                          ctemplate::TemplateDictionary* form, const BoardBooking& b,
                          const std::vector<ConsultationDay>& open_days) {
  bool any = false;
  for (const auto& day : open_days) {
    ctemplate::TemplateDictionary* group = nullptr;
    for (const auto& slot : day.slots) {
      if (slot.Free() <= 0 || (b.slot_id && *b.slot_id == slot.id)) continue;
      if (!group) {
        group = form->AddSectionDictionary("DAY_GROUP");
        group->SetValue("LABEL", core::FormatDate(day.date, ctx.lang));
      }
      auto* option = group->AddSectionDictionary("OPTION");
      option->SetIntValue("SLOT_ID", slot.id);
      option->SetValue("LABEL",
                       sv.catalog.Format(ctx.lang, "board.book.slot_free",
                                         {{"time", TimeRange(slot.start_minutes, slot.end_minutes)},
                                          {"count", std::to_string(slot.Free())}}));
      any = true;
    }
  }
  form->ShowSection(any ? "HAS_OPTIONS" : "NO_OPTIONS");
}

// Booth (1..booths or not set) and the rostered staff who hold the consultation.
void AddAssignForm(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary* form, const BoardBooking& b, int booths,
                   const std::vector<RosterEntry>& roster) {
  for (int n = 1; n <= booths; ++n) {
    auto* option = form->AddSectionDictionary("BOOTH_OPTION");
    option->SetIntValue("NUMBER", n);
    if (b.booth && *b.booth == n) option->ShowSection("SELECTED");
  }
  bool first = true;
  for (const auto& staff : roster) {
    auto* box = form->AddSectionDictionary("COUNSELOR");
    box->SetIntValue("USER_ID", staff.user_id);
    box->SetValue("BOX_ID", "counselors-" + std::to_string(b.id) +
                                (first ? std::string() : "-" + std::to_string(staff.user_id)));
    first = false;
    box->SetValue("LABEL", StaffLabel(sv, ctx, staff));
    if (std::find(b.counselor_ids.begin(), b.counselor_ids.end(), staff.user_id) !=
        b.counselor_ids.end()) {
      box->ShowSection("CHECKED");
    }
  }
  form->ShowSection(roster.empty() ? "NO_ROSTER" : "HAS_ROSTER");
}

// The controls of one row: what this person may do to this booking now.
struct RowContext {
  bool coordinator = false;
  bool arrived_possible = false;  // the day has come (check-in, no-show)
  const DayBoard* board = nullptr;
  const std::vector<ConsultationDay>* open_days = nullptr;
  const RowProblem* problem = nullptr;
};

// Whether the row's failed action concerned `fields`: its form is then shown open.
bool ProblemWith(const RowProblem* problem, std::int64_t booking_id,
                 std::initializer_list<std::string_view> fields) {
  if (!problem || problem->booking_id != booking_id) return false;
  return std::any_of(problem->error.fields.begin(), problem->error.fields.end(),
                     [&](const core::FieldError& f) {
                       return std::find(fields.begin(), fields.end(), f.field) != fields.end();
                     });
}

void AddActions(const app::Services& sv, const web::RequestContext& ctx,
                ctemplate::TemplateDictionary* row, const BoardBooking& b, const RowContext& rc) {
  const bool booked = b.status == "booked";
  // On a phone or online day the person is called, not received (phone_day.cpp).
  const bool call_day = IsCallDay(rc.board->day);
  if (booked && rc.arrived_possible && !call_day) row->ShowSection("CHECK_IN");
  if (call_day) AddCallControls(row, b, rc.coordinator, rc.arrived_possible);
  if (b.status == "attended") row->ShowSection(b.has_record ? "VIEW_RECORD" : "WRITE_RECORD");
  if (!rc.coordinator) return;
  row->ShowSection("ACTIONS_CELL");  // the waiting list has the column for the 事務局 only
  if (booked && rc.arrived_possible && !call_day) row->ShowSection("NO_SHOW");
  if (booked || b.status == "waiting" || b.status == "offered") row->ShowSection("CANCEL");
  if (booked || b.status == "waiting" || b.status == "offered") {
    row->ShowSection(b.needs_consideration ? "CONSIDERATION_OFF" : "CONSIDERATION_ON");
  }
  if (booked) {
    auto* form = row->AddSectionDictionary("RESCHEDULE");
    AddRescheduleOptions(sv, ctx, form, b, *rc.open_days);
    if (ProblemWith(rc.problem, b.id, {"slot_id"})) form->ShowSection("OPEN");
  }
  if (booked || b.status == "attended") {
    auto* form = row->AddSectionDictionary("ASSIGN");
    AddAssignForm(sv, ctx, form, b, rc.board->day.booths, rc.board->roster);
    if (ProblemWith(rc.problem, b.id, {"booth", "counselors"})) form->ShowSection("OPEN");
  }
}

// The failed action's messages beside the row they concern.
void AddRowProblem(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary* row, const BoardBooking& b,
                   const RowProblem* problem) {
  if (!problem || problem->booking_id != b.id) return;
  const core::Error& e = problem->error;
  if (e.fields.empty()) {
    row->AddSectionDictionary("ROW_ERROR")->SetValue("MESSAGE", sv.pages.T(ctx, e.message_key));
  }
  for (const auto& f : e.fields) {
    row->AddSectionDictionary("ROW_ERROR")->SetValue("MESSAGE", sv.pages.T(ctx, f.message_key));
  }
}

// "18:32" on the day itself; with the date when arrivals were typed in afterwards.
std::string ArrivalTime(const web::RequestContext& ctx, const ConsultationDay& day,
                        std::int64_t unix_seconds) {
  if (core::DateFromUnixSeconds(unix_seconds) != day.date) return DateTimeOf(ctx, unix_seconds);
  return FormatMinutes(core::JstMinuteOfDay(unix_seconds));
}

void AddBookingRow(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary* row, const BoardBooking& b,
                   const RowContext& rc) {
  row->SetIntValue("BOOKING_ID", b.id);
  row->SetValue("BOOKING_PATH", BookingPath({rc.board->day.program_id, rc.board->day.id, b.id}));
  row->SetValue("REFERENCE", b.reference);
  if (b.slot_id) row->SetValue("TIME", TimeRange(b.start_minutes, b.end_minutes));
  row->SetValue("STATUS", sv.pages.T(ctx, "board.status." + b.status));
  row->SetValue("BADGE", StatusBadge(b.status));
  row->SetValue("CHANNEL", sv.pages.T(ctx, "board.channel." + b.channel));
  row->SetValue("CREATED", DateTimeOf(ctx, b.created_at));
  if (b.status == "cancelled" || b.status == "no_show") row->ShowSection("MUTED");
  if (b.checked_in_at) row->SetValue("ARRIVED", ArrivalTime(ctx, rc.board->day, *b.checked_in_at));
  if (b.status == "offered" && b.hold_expires_at) {
    row->AddSectionDictionary("OFFERED")->SetValue(
        "TEXT", sv.catalog.Format(ctx.lang, "board.waiting.offered_until",
                                  {{"time", TimeRange(b.start_minutes, b.end_minutes)},
                                   {"until", DateTimeOf(ctx, *b.hold_expires_at)}}));
  }
  AddCallInfo(sv, ctx, row, b, IsCallDay(rc.board->day));
  AddIntakeSummary(sv, ctx, row, b);
  AddPerson(row, b, rc.coordinator);
  AddAssignment(sv, ctx, row, b, rc.board->roster);
  AddActions(sv, ctx, row, b, rc);
  AddRowProblem(sv, ctx, row, b, rc.problem);
}

// Each slot in time order with its bookings, then a line for the places still free. Both
// kinds of line go through one section (LINE) so they keep that order.
void AddSlots(const app::Services& sv, const web::RequestContext& ctx,
              ctemplate::TemplateDictionary& dict, const RowContext& rc) {
  int shown = 0;
  for (const auto& slot : rc.board->day.slots) {
    for (const auto& b : rc.board->bookings) {
      if (!b.slot_id || *b.slot_id != slot.id || b.status == "offered") continue;
      AddBookingRow(sv, ctx, dict.AddSectionDictionary("LINE")->AddSectionDictionary("BOOKING"), b,
                    rc);
      ++shown;
    }
    if (slot.Free() > 0) {
      auto* free = dict.AddSectionDictionary("LINE")->AddSectionDictionary("FREE");
      free->SetValue("TIME", TimeRange(slot.start_minutes, slot.end_minutes));
      free->SetValue("TEXT", sv.catalog.Format(ctx.lang, "board.slots.free",
                                               {{"count", std::to_string(slot.Free())}}));
      free->SetIntValue("SPAN", rc.coordinator ? 8 : 7);
    }
  }
  dict.SetValue("SLOTS_CAPTION", sv.catalog.Format(ctx.lang, "board.slots.caption",
                                                   {{"count", std::to_string(shown)}}));
  dict.ShowSection(rc.board->day.slots.empty() ? "NO_SLOTS" : "HAS_SLOTS");
}

void AddWaitingList(const app::Services& sv, const web::RequestContext& ctx,
                    ctemplate::TemplateDictionary& dict, const RowContext& rc) {
  int waiting = 0;
  for (const auto& b : rc.board->bookings) {
    if (b.status != "waiting" && b.status != "offered") continue;
    AddBookingRow(sv, ctx, dict.AddSectionDictionary("WAITING"), b, rc);
    ++waiting;
  }
  dict.SetValue("WAITING_CAPTION", sv.catalog.Format(ctx.lang, "board.waiting.caption",
                                                     {{"count", std::to_string(waiting)}}));
  dict.ShowSection(waiting == 0 ? "NO_WAITING" : "HAS_WAITING");
}

void AddCounts(ctemplate::TemplateDictionary& dict, const DayBoard& board) {
  int booked = 0, attended = 0, no_show = 0, cancelled = 0, waiting = 0, free = 0;
  int unreachable = 0;
  for (const auto& b : board.bookings) {
    booked += b.status == "booked";
    attended += b.status == "attended";
    no_show += b.status == "no_show" && !b.unreachable;
    unreachable += b.unreachable;
    cancelled += b.status == "cancelled";
    waiting += b.status == "waiting" || b.status == "offered";
  }
  for (const auto& slot : board.day.slots) free += std::max(0, slot.Free());
  dict.SetIntValue("COUNT_BOOKED", booked);
  dict.SetIntValue("COUNT_ATTENDED", attended);
  dict.SetIntValue("COUNT_NO_SHOW", no_show);
  dict.SetIntValue("COUNT_CANCELLED", cancelled);
  dict.SetIntValue("COUNT_FREE", free);
  dict.SetIntValue("COUNT_WAITING", waiting);
  // 連絡つかず is told apart from 無断キャンセル (phone_day.cpp).
  if (IsCallDay(board.day)) {
    dict.AddSectionDictionary("CALL_COUNTS")->SetIntValue("COUNT_UNREACHABLE", unreachable);
  }
}

void AddRoster(const app::Services& sv, const web::RequestContext& ctx,
               ctemplate::TemplateDictionary& dict, const std::vector<RosterEntry>& roster) {
  for (const auto& staff : roster) {
    dict.AddSectionDictionary("ROSTER")->SetValue("LABEL", StaffLabel(sv, ctx, staff));
  }
  dict.ShowSection(roster.empty() ? "ROSTER_EMPTY" : "ROSTER_LIST");
}

// The notice after a redirect: only known codes, and a reference that looks like one.
void AddDoneNotice(const app::Services& sv, const web::RequestContext& ctx,
                   ctemplate::TemplateDictionary& dict) {
  const std::string code = ctx.request.Query("done").value_or("");
  if (std::find(kDoneCodes.begin(), kDoneCodes.end(), code) == kDoneCodes.end()) return;
  auto* notice = dict.AddSectionDictionary("DONE");
  notice->SetValue("TEXT", sv.pages.T(ctx, "board.done." + code));
  const std::string ref = ctx.request.Query("ref").value_or("");
  const bool looks_like_reference =
      !ref.empty() && ref.size() <= 20 && std::all_of(ref.begin(), ref.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      });
  if (looks_like_reference) notice->AddSectionDictionary("REF")->SetValue("REFERENCE", ref);
}

// The summary at the top links to the control (or the row) whose action failed.
void AddProblemSummary(const app::Services& sv, const web::RequestContext& ctx,
                       ctemplate::TemplateDictionary& dict, const RowProblem& problem) {
  auto* summary = dict.AddSectionDictionary("ERROR_SUMMARY");
  const std::string id = std::to_string(problem.booking_id);
  auto add = [&](const std::string& key, const std::string& target) {
    auto* item = summary->AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", sv.pages.T(ctx, key));
    item->SetValue("FIELD", target);
    item->ShowSection("HAS_FIELD");
  };
  if (problem.error.fields.empty()) add(problem.error.message_key, "booking-" + id);
  for (const auto& f : problem.error.fields) add(f.message_key, f.field + "-" + id);
}

http::Response ShowBoard(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                         const RowProblem* problem, int status = 200) {
  auto board = sv.board.Board(*ctx.Who(), ctx.Actor(), ids.program, ids.day);
  if (!board) {
    if (NeedsPledge(board.error())) return web::SeeOther(DayPath(ids) + "/pledge");
    return Failure(sv, ctx, board.error());
  }
  const bool coordinator = board->coordinate;  // the host's 事務局, not a partner's
  std::vector<ConsultationDay> open_days;
  if (coordinator) {
    auto days = sv.consultations.OpenDays(ids.program, Today(sv), kRescheduleDays);
    if (!days) return Failure(sv, ctx, days.error());
    open_days = std::move(*days);
  }
  ctemplate::TemplateDictionary dict("board_day");
  SetIds(dict, ids);
  dict.SetIntValue("FY", core::FiscalYear(board->day.date));
  AddDayHeader(sv, ctx, dict, board->day);
  AddDoneNotice(sv, ctx, dict);
  if (problem) AddProblemSummary(sv, ctx, dict, *problem);
  if (coordinator) dict.ShowSection("COORDINATOR");
  if (coordinator && IsOpen(sv, board->day)) dict.ShowSection("CAN_BOOK");
  if (!IsOpen(sv, board->day)) dict.ShowSection("CLOSED");
  // 事後入力: a consultation of a day that has begun, recorded afterwards (handlers/import.cpp).
  if (coordinator && board->day.status == "scheduled" && !(Today(sv) < board->day.date)) {
    dict.ShowSection("CAN_LATE");
  }
  AddCounts(dict, *board);
  AddRoster(sv, ctx, dict, board->roster);
  RowContext rc;
  rc.coordinator = coordinator;
  rc.arrived_possible = !(Today(sv) < board->day.date) && board->day.status == "scheduled";
  rc.board = &*board;
  rc.open_days = &open_days;
  rc.problem = problem;
  AddSlots(sv, ctx, dict, rc);
  AddWaitingList(sv, ctx, dict, rc);
  AddGuided(sv, ctx, dict, *board, rc.arrived_possible);
  return sv.pages.Render(
      ctx, "board/day",
      web::Title{"board.page.title_of", {{"date", core::FormatDate(board->day.date, ctx.lang)}}},
      dict, status);
}

// After a row action: back to the board at the row, or the board again with the problem.
http::Response AfterAction(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                           const core::Status& done, const std::string& code) {
  if (done) {
    return web::SeeOther(DayPath(ids) + "?done=" + code + "#booking-" +
                         std::to_string(ids.booking));
  }
  const core::Error& e = done.error();
  if (e.code != core::ErrorCode::kInvalidInput && e.code != core::ErrorCode::kConflict) {
    return Failure(sv, ctx, e);
  }
  RowProblem problem{ids.booking, e};
  // The public wording of 満席 speaks to the person; staff get theirs.
  for (auto& f : problem.error.fields) {
    if (f.message_key == "booking.full") f.message_key = "board.error.full";
  }
  return ShowBoard(sv, ctx, ids, &problem, web::StatusFor(e.code));
}

http::Response Reschedule(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  const std::int64_t slot = web::ParseId(ctx.Form("slot_id"));
  if (slot <= 0) {
    RowProblem problem{ids.booking,
                       core::Error::Invalid("error.form", {{"slot_id", "board.error.slot"}})};
    return ShowBoard(sv, ctx, ids, &problem, 422);
  }
  return AfterAction(sv, ctx, ids,
                     sv.board.Reschedule(*ctx.Who(), ctx.Actor(), ids.program, ids.booking, slot),
                     "rescheduled");
}

http::Response Assign(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  std::optional<int> booth;
  if (const std::string text = ctx.Form("booth"); !text.empty()) booth = web::ParseInt(text);
  std::vector<std::int64_t> counselors;
  for (const auto& id : ctx.FormValues("counselors")) counselors.push_back(web::ParseId(id));
  return AfterAction(
      sv, ctx, ids,
      sv.board.Assign(*ctx.Who(), ctx.Actor(), ids.program, ids.booking, booth, counselors),
      "assigned");
}

// ---------------------------------------------------------------- cancelling, with a check

http::Response ConfirmCancel(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto board = sv.board.Board(*ctx.Who(), ctx.Actor(), ids.program, ids.day);
  if (!board) return Failure(sv, ctx, board.error());
  const auto it = std::find_if(board->bookings.begin(), board->bookings.end(),
                               [&](const BoardBooking& b) { return b.id == ids.booking; });
  if (it == board->bookings.end()) return sv.pages.Error(ctx, 404, "error.not_found");
  if (it->status != "booked" && it->status != "waiting" && it->status != "offered") {
    return sv.pages.Error(ctx, 409, "board.error.not_booked");
  }
  ctemplate::TemplateDictionary dict("board_cancel");
  SetIds(dict, ids);
  dict.SetValue("BOOKING_PATH", BookingPath(ids));
  dict.SetValue("REFERENCE", it->reference);
  dict.SetValue("WHEN", it->slot_id
                            ? DayLine(ctx.lang, board->day.date, it->start_minutes, it->end_minutes)
                            : core::FormatDate(board->day.date, ctx.lang));
  dict.SetValue("STATUS", sv.pages.T(ctx, "board.status." + it->status));
  dict.SetValue("NAME", it->contact.name);
  return sv.pages.Render(ctx, "board/cancel", "board.cancel.title", dict);
}

// ---------------------------------------------------------------- routes

// A row action that calls one service operation and goes back to the board.
IdsHandler RowAction(
    std::function<core::Status(app::Services&, web::RequestContext&, const Ids&)> act,
    std::string code) {
  return [act = std::move(act), code = std::move(code)](app::Services& sv, web::RequestContext& ctx,
                                                        const Ids& ids) {
    return AfterAction(sv, ctx, ids, act(sv, ctx, ids), code);
  };
}

void AddBookingRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string booking = "/programs/{id}/days/{day_id}/bookings/{booking_id}";
  router.Add({"POST", booking + "/check-in", Permission::kOrgCounsel,
              WithIds(sv, true,
                      RowAction(
                          [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                            return sv.board.CheckIn(*ctx.Who(), ctx.Actor(), ids.program,
                                                    ids.booking);
                          },
                          "checked_in"))});
  router.Add({"POST", booking + "/consideration", Permission::kOrgCoordinate,
              WithIds(sv, true,
                      RowAction(
                          [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                            return sv.board.SetNeedsConsideration(*ctx.Who(), ctx.Actor(),
                                                                  ids.program, ids.booking,
                                                                  ctx.Form("needed") == "1");
                          },
                          "consideration"))});
  router.Add({"POST", booking + "/no-show", Permission::kOrgCoordinate,
              WithIds(sv, true,
                      RowAction(
                          [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                            return sv.board.MarkNoShow(*ctx.Who(), ctx.Actor(), ids.program,
                                                       ids.booking);
                          },
                          "no_show"))});
  router.Add(
      {"GET", booking + "/cancel", Permission::kOrgCoordinate, WithIds(sv, true, ConfirmCancel)});
  router.Add({"POST", booking + "/cancel", Permission::kOrgCoordinate,
              WithIds(sv, true,
                      RowAction(
                          [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                            return sv.board.Cancel(*ctx.Who(), ctx.Actor(), ids.program,
                                                   ids.booking);
                          },
                          "cancelled"))});
  router.Add(
      {"POST", booking + "/reschedule", Permission::kOrgCoordinate, WithIds(sv, true, Reschedule)});
  router.Add({"POST", booking + "/assign", Permission::kOrgCoordinate, WithIds(sv, true, Assign)});
}

}  // namespace

http::Response AfterRowAction(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                              const core::Status& done, const std::string& code) {
  return AfterAction(sv, ctx, ids, done, code);
}

void AddBoardRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  AddDayStaffRoutes(router, sv);  // first: its "/programs/{id}/days/new" is not a day id
  AddPhoneDayRoutes(router, sv);
  AddDayPrintRoutes(router, sv);
  router.Add({"GET", "/programs/{id}/days/{day_id}", Permission::kOrgCounsel,
              WithIds(sv, false, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return ShowBoard(sv, ctx, ids, nullptr);
              })});
  AddBookingRoutes(router, sv);
  AddOfferRoutes(router, sv);
}

}  // namespace tsunagu::consultations::handlers

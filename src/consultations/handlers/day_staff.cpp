// The 事務局's pages around one day (seed 001 ア): the staff roster, bookings taken by phone,
// mail or at the door, the waiting list, and days added by hand. All need kOrgCoordinate.
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
#include "consultations/handlers/routes.hpp"
#include "consultations/schedule_rule.hpp"
#include "core/text.hpp"
#include "web/forms.hpp"

namespace tsunagu::consultations::handlers {
namespace {

// ---------------------------------------------------------------- the roster

// 守秘義務: who on the saved roster has not acknowledged the pledge for the day's fiscal year.
void AddPledgeStatus(const app::Services& sv, const web::RequestContext& ctx,
                     ctemplate::TemplateDictionary& dict, const std::vector<RosterEntry>& roster) {
  ctemplate::TemplateDictionary* pending = nullptr;
  for (const auto& r : roster) {
    if (r.pledged) continue;
    if (!pending) pending = dict.AddSectionDictionary("PLEDGE_PENDING");
    pending->AddSectionDictionary("PERSON")->SetValue("LABEL", StaffLabel(sv, ctx, r));
  }
  if (!roster.empty() && !pending) dict.ShowSection("PLEDGE_ALL");
}

http::Response ShowRoster(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                          const core::Error* error, int status = 200) {
  auto day = sv.consultations.GetDay(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  auto staff = sv.board.Staff(*ctx.Who(), ids.program);  // the host's and its partners'
  if (!staff) return Failure(sv, ctx, staff.error());
  auto roster = sv.board.Roster(*ctx.Who(), ids.program, ids.day);
  if (!roster) return Failure(sv, ctx, roster.error());
  std::set<std::int64_t> chosen;
  if (error) {
    for (const auto& id : ctx.FormValues("staff")) chosen.insert(web::ParseId(id));
  } else {
    for (const auto& r : *roster) chosen.insert(r.user_id);
  }
  ctemplate::TemplateDictionary dict("board_roster");
  SetIds(dict, ids);
  AddDayHeader(sv, ctx, dict, *day);
  AddPledgeStatus(sv, ctx, dict, *roster);
  bool first = true;
  for (const auto& s : *staff) {
    auto* box = dict.AddSectionDictionary("STAFF");
    box->SetIntValue("USER_ID", s.user_id);
    box->SetValue("BOX_ID", first ? std::string("staff") : "staff-" + std::to_string(s.user_id));
    first = false;
    box->SetValue("LABEL", StaffLabel(sv, ctx, s));
    if (chosen.count(s.user_id)) box->ShowSection("CHECKED");
  }
  dict.ShowSection(staff->empty() ? "NO_STAFF" : "HAS_STAFF");
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "board/roster", "board.roster.page_title", dict, status);
}

http::Response SaveRoster(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  std::vector<std::int64_t> users;
  for (const auto& id : ctx.FormValues("staff")) users.push_back(web::ParseId(id));
  auto saved = sv.board.SetRoster(*ctx.Who(), ctx.Actor(), ids.program, ids.day, users);
  if (!saved) {
    if (IsFormError(saved.error())) {
      return ShowRoster(sv, ctx, ids, &saved.error(), web::StatusFor(saved.error().code));
    }
    return Failure(sv, ctx, saved.error());
  }
  return web::SeeOther(DayPath(ids) + "?done=roster");
}

// ---------------------------------------------------------------- bookings taken by staff

// The channel radios; phone is the usual case (seed 001 ア: 電話、メール等).
void AddChannels(const app::Services& sv, const web::RequestContext& ctx,
                 ctemplate::TemplateDictionary& dict) {
  const std::string posted = ctx.Form("channel");
  AddChoices(sv, ctx, dict, "CHANNEL", "channel", "board.channel.", kStaffChannels,
             {posted.empty() ? std::string("phone") : posted});
  // The language of the person's e-mails (confirmation, reminder, changes): asked, not assumed.
  static constexpr std::array<std::string_view, 2> kLanguages = {"ja", "en"};
  AddChoices(sv, ctx, dict, "PERSON_LANG", "person_lang", "staffbook.person_lang.", kLanguages,
             {PersonLanguage(ctx.Form("person_lang"))});
}

void AddSlotOptions(const app::Services& sv, const web::RequestContext& ctx,
                    ctemplate::TemplateDictionary& dict, const ConsultationDay& day) {
  const std::int64_t posted = web::ParseId(ctx.Form("slot"));
  int free = 0;
  for (const auto& slot : day.slots) {
    auto* option = dict.AddSectionDictionary("SLOT_OPTION");
    option->SetIntValue("SLOT_ID", slot.id);
    const std::string time = TimeRange(slot.start_minutes, slot.end_minutes);
    if (slot.Free() > 0) {
      option->SetValue("LABEL",
                       sv.catalog.Format(ctx.lang, "board.book.slot_free",
                                         {{"time", time}, {"count", std::to_string(slot.Free())}}));
      if (slot.id == posted) option->ShowSection("SELECTED");
      free += slot.Free();
    } else {
      option->SetValue("LABEL",
                       sv.catalog.Format(ctx.lang, "board.book.slot_full", {{"time", time}}));
      option->ShowSection("DISABLED");
    }
  }
  if (free == 0) dict.ShowSection("DAY_FULL");
}

// The booking form (with_slot) or the waiting-list form, both around the intake partial.
http::Response ShowStaffForm(app::Services& sv, web::RequestContext& ctx, const Ids& ids,
                             bool with_slot, const core::Error* error, int status = 200) {
  auto day = sv.consultations.GetDay(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  if (!IsOpen(sv, *day)) return sv.pages.Error(ctx, 409, "board.error.closed");
  ctemplate::TemplateDictionary dict(with_slot ? "board_book" : "board_waiting");
  SetIds(dict, ids);
  AddDayHeader(sv, ctx, dict, *day);
  AddChannels(sv, ctx, dict);
  if (with_slot) AddSlotOptions(sv, ctx, dict, *day);
  AddIntakeFields(sv, ctx, dict);
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return with_slot
             ? sv.pages.Render(ctx, "board/book", "board.book.title", dict, status)
             : sv.pages.Render(ctx, "board/waiting", "board.waiting.page_title", dict, status);
}

// What staff typed, with the channel they chose.
BookingRequest ReadStaffRequest(const web::RequestContext& ctx) {
  BookingRequest request = ReadBookingRequest(ctx);
  request.channel = ctx.Form("channel");
  request.lang = PersonLanguage(ctx.Form("person_lang"));
  return request;
}

// Every problem of the form at once; the service checks the slot and the day on its own.
std::vector<core::FieldError> StaffErrors(const BookingRequest& request) {
  auto errors = ConsultationService::ValidateBooking(request);
  const bool staff_channel = std::find(kStaffChannels.begin(), kStaffChannels.end(),
                                       request.channel) != kStaffChannels.end();
  const bool reported =
      std::any_of(errors.begin(), errors.end(), [](const auto& e) { return e.field == "channel"; });
  if (!staff_channel && !reported) errors.push_back({"channel", "booking.error.channel"});
  return errors;
}

http::Response BookForCaller(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  const BookingRequest request = ReadStaffRequest(ctx);
  if (auto errors = StaffErrors(request); !errors.empty()) {
    auto e = core::Error::Invalid("error.form", errors);
    return ShowStaffForm(sv, ctx, ids, true, &e, 422);
  }
  auto program = sv.consultations.GetProgram(*ctx.Who(), ids.program);
  if (!program) return Failure(sv, ctx, program.error());
  auto receipt = sv.board.BookForCaller(*ctx.Who(), ctx.Actor(), ids.program, request,
                                        ConfirmationMail(sv, request.lang, program->name));
  if (!receipt) {
    const core::Error& e = receipt.error();
    if (IsFormError(e)) return ShowStaffForm(sv, ctx, ids, true, &e, 422);
    if (e.code == core::ErrorCode::kConflict && e.message_key == "booking.full") {
      auto full = core::Error{
          core::ErrorCode::kConflict, "board.error.full", {{"slot_id", "board.error.full"}}};
      return ShowStaffForm(sv, ctx, ids, true, &full, 409);
    }
    return Failure(sv, ctx, e);
  }
  return web::SeeOther(DayPath(ids) + "?done=booked&ref=" + receipt->reference + "#booking-" +
                       std::to_string(receipt->booking_id));
}

http::Response AddToWaitingList(app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
  auto day = sv.consultations.GetDay(*ctx.Who(), ids.program, ids.day);
  if (!day) return Failure(sv, ctx, day.error());
  if (!IsOpen(sv, *day)) return sv.pages.Error(ctx, 409, "board.error.closed");
  auto receipt = sv.board.AddToWaitingList(*ctx.Who(), ctx.Actor(), ids.program, ids.day,
                                           ReadStaffRequest(ctx));
  if (!receipt) {
    if (IsFormError(receipt.error())) {
      return ShowStaffForm(sv, ctx, ids, false, &receipt.error(), 422);
    }
    return Failure(sv, ctx, receipt.error());
  }
  return web::SeeOther(DayPath(ids) + "?done=waiting&ref=" + receipt->reference + "#booking-" +
                       std::to_string(receipt->booking_id));
}

// ---------------------------------------------------------------- a day added by hand

http::Response ShowAddDay(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id,
                          const std::multimap<std::string, std::string>& values,
                          const core::Error* error, int status = 200) {
  auto program = sv.consultations.GetProgram(*ctx.Who(), program_id);
  if (!program) return Failure(sv, ctx, program.error());
  auto value = [&](const std::string& name) {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
  };
  ctemplate::TemplateDictionary dict("board_add_day");
  dict.SetIntValue("ID", program_id);
  dict.SetValue("NAME", program->name);
  for (const char* field : {"date", "start_minutes", "end_minutes", "venue", "meeting_url",
                            "booths", "slot_minutes", "prep_minutes", "debrief_minutes"}) {
    std::string name = field;
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    dict.SetValue("V_" + name, value(field));
  }
  const std::string mode = value("mode").empty() ? "in_person" : value("mode");
  AddChoices(sv, ctx, dict, "MODE", "mode", "days.mode.", kDayModes, {mode});
  if (error) sv.pages.AddErrors(dict, ctx, *error);
  return sv.pages.Render(ctx, "board/add_day", "board.add_day.title", dict, status);
}

http::Response AddDay(app::Services& sv, web::RequestContext& ctx, std::int64_t program_id) {
  const core::Date date = core::ParseIsoDate(core::Trim(ctx.Form("date"))).value_or(core::Date{});
  auto added = sv.board.AddDay(*ctx.Who(), ctx.Actor(), program_id, date,
                               ParseTime(ctx.Form("start_minutes")),
                               ParseTime(ctx.Form("end_minutes")), ReadDaySettings(ctx));
  if (!added) {
    if (IsFormError(added.error())) {
      return ShowAddDay(sv, ctx, program_id, ctx.form, &added.error(),
                        web::StatusFor(added.error().code));
    }
    return Failure(sv, ctx, added.error());
  }
  return web::SeeOther(DayPath({program_id, *added, 0}) + "?done=added");
}

}  // namespace

void AddDayStaffRoutes(app::Router& router, app::Services& sv) {
  using auth::Permission;
  const std::string day = "/programs/{id}/days/{day_id}";
  // Before the day's own routes: "new" is not a day id.
  router.Add({"GET", "/programs/{id}/days/new", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                const std::multimap<std::string, std::string> defaults = {
                    {"start_minutes", "18:00"}, {"end_minutes", "21:00"}, {"booths", "2"},
                    {"slot_minutes", "45"},     {"prep_minutes", "15"},   {"debrief_minutes", "15"},
                    {"mode", "in_person"}};
                return ShowAddDay(sv, ctx, id, defaults, nullptr);
              })});
  router.Add({"POST", "/programs/{id}/days/new", Permission::kOrgCoordinate,
              WithProgram(sv, [&sv](web::RequestContext& ctx, std::int64_t id) {
                return AddDay(sv, ctx, id);
              })});
  router.Add({"GET", day + "/roster", Permission::kOrgCoordinate,
              WithIds(sv, false, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return ShowRoster(sv, ctx, ids, nullptr);
              })});
  router.Add({"POST", day + "/roster", Permission::kOrgCoordinate, WithIds(sv, false, SaveRoster)});
  router.Add({"GET", day + "/book", Permission::kOrgCoordinate,
              WithIds(sv, false, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return ShowStaffForm(sv, ctx, ids, true, nullptr);
              })});
  router.Add(
      {"POST", day + "/book", Permission::kOrgCoordinate, WithIds(sv, false, BookForCaller)});
  router.Add({"GET", day + "/waiting", Permission::kOrgCoordinate,
              WithIds(sv, false, [](app::Services& sv, web::RequestContext& ctx, const Ids& ids) {
                return ShowStaffForm(sv, ctx, ids, false, nullptr);
              })});
  router.Add(
      {"POST", day + "/waiting", Permission::kOrgCoordinate, WithIds(sv, false, AddToWaitingList)});
}

}  // namespace tsunagu::consultations::handlers
